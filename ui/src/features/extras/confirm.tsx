import { confirmDanger } from "../../components/confirm";

export { confirmDanger };

/** Every destructive step asks first, naming the server whose disk is replaced. */
export function confirmWipe(title: string, what: string, confirm: string, testId: string, onConfirm: () => void) {
  confirmDanger(title, `${what} Everything on the server's disk is replaced; this cannot be undone.`, confirm, testId, onConfirm);
}
