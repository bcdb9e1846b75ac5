import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { AppError } from "../api/errors";
import { nameProblem } from "../lib/textRules";

type Props = {
  opened: boolean;
  title: string;
  description?: string;
  currentName: string;
  label?: string;
  maxLength?: number;
  onClose: () => void;
  /** Resolves on success (the modal closes), rejects with an AppError (shown under the field). */
  onSubmit: (name: string) => Promise<unknown>;
};

/** Shared by server and account rename. Test ids: rename-input, rename-submit. */
export function RenameModal({ opened, title, description, currentName, label = "New name", maxLength = 64, onClose, onSubmit }: Props) {
  const [value, setValue] = useState(currentName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setValue(currentName);
      setError(null);
      setBusy(false);
    }
  }, [opened, currentName]);

  const trimmed = value.trim();
  const unchanged = trimmed === currentName;
  const localError =
    trimmed.length === 0 ? "Enter a name" : nameProblem(trimmed, maxLength);

  const submit = async () => {
    if (localError || unchanged || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(trimmed);
      onClose();
    } catch (e) {
      const err = e as AppError;
      setError(err.fields?.find((f) => f.field === "name")?.message ?? err.message ?? String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          <TextInput
            label={label}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error ?? (value !== currentName && localError) ?? undefined}
            data-autofocus
            data-testid="rename-input"
            maxLength={maxLength + 20}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!!localError || unchanged} data-testid="rename-submit">
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
