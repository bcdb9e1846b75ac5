import { Alert, Button, Group, Text, type MantineSpacing } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";

type ActionsProps = {
  onCancel: () => void;
  /** The submit button's label. */
  children: ReactNode;
  submitTestId: string;
  busy?: boolean;
  disabled?: boolean;
  mt?: MantineSpacing;
};

/** A form's last line: Cancel, and the button that submits it. */
export function FormActions({ onCancel, children, submitTestId, busy, disabled, mt }: ActionsProps) {
  return (
    <Group justify="flex-end" gap="xs" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={busy} disabled={disabled} data-testid={submitTestId}>
        {children}
      </Button>
    </Group>
  );
}

type SaveProps = {
  /** The save button's label. */
  children: ReactNode;
  /** Prefix of the test ids `<testId>-save`, `-reset` and `-save-error`. */
  testId: string;
  changed: boolean;
  busy: boolean;
  onUndo: () => void;
  /** What the last save was refused for that no field shows. */
  error: string | null;
};

/** The last lines of a form over saved values: its refusal, then save them or go back to them (both wait for a change). */
export function SaveOrUndo({ children, testId, changed, busy, onUndo, error }: SaveProps) {
  return (
    <>
      <FormError message={error} testId={`${testId}-save-error`} />
      <Group gap="xs">
        <Button type="submit" disabled={!changed} loading={busy} data-testid={`${testId}-save`}>
          {children}
        </Button>
        <Button variant="subtle" disabled={!changed || busy} onClick={onUndo} data-testid={`${testId}-reset`}>
          Undo changes
        </Button>
      </Group>
    </>
  );
}

/** A refusal no field of the form owns, shown above its buttons with its line breaks kept. */
export function FormError({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid={testId}>
      <Text size="sm" style={{ whiteSpace: "pre-line" }}>
        {message}
      </Text>
    </Alert>
  );
}
