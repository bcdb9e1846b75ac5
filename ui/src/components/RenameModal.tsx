import { Modal, Stack, Text, TextInput } from "@mantine/core";
import { FormActions } from "./FormActions";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useState } from "react";
import { applyFieldErrors } from "../lib/formErrors";
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
  const form = useForm({ mode: "controlled", initialValues: { name: currentName } });
  const [busy, setBusy] = useState(false);

  const startClean = useEffectEvent(() => {
    form.setValues({ name: currentName });
    form.clearErrors();
    setBusy(false);
  });
  useEffect(() => {
    if (opened) startClean();
  }, [opened, currentName]);

  const value = form.values.name;
  const trimmed = value.trim();
  const unchanged = trimmed === currentName;
  const localError =
    trimmed.length === 0 ? "Enter a name" : nameProblem(trimmed, maxLength);

  const submit = form.onSubmit(async () => {
    if (localError || unchanged || busy) return;
    setBusy(true);
    try {
      await onSubmit(trimmed);
      onClose();
    } catch (e) {
      // The only field is the name: a refusal that names no field is shown there too.
      const failure = applyFieldErrors(form, e);
      if (!failure.placed) form.setFieldError("name", failure.message);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          <TextInput
            label={label}
            {...form.getInputProps("name")}
            error={form.errors.name ?? (value !== currentName && localError) ?? undefined}
            data-autofocus
            data-testid="rename-input"
            maxLength={maxLength + 20}
          />
          <FormActions onCancel={onClose} busy={busy} disabled={!!localError || unchanged} submitTestId="rename-submit">
            Rename
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
