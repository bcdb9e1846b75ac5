import { Text } from "@mantine/core";
import { modals } from "@mantine/modals";

/** A red confirm step for anything that destroys or interrupts. */
export function confirmDanger(title: string, what: string, confirm: string, testId: string, onConfirm: () => void) {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{what}</Text>,
    labels: { confirm, cancel: "Cancel" },
    confirmProps: { color: "red", "data-testid": testId } as never,
    onConfirm,
  });
}

/** Every destructive step asks first, naming the server whose disk is replaced. */
export function confirmWipe(title: string, what: string, confirm: string, testId: string, onConfirm: () => void) {
  confirmDanger(title, `${what} Everything on the server's disk is replaced; this cannot be undone.`, confirm, testId, onConfirm);
}
