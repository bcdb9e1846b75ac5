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
