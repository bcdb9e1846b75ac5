import { Alert, Modal, Stack, TextInput, type ModalProps } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState, type FormEvent, type ReactNode } from "react";
import { toAppError, type AppError } from "../api/errors";
import { applyFieldErrors } from "../lib/formErrors";
import { FormActions } from "./FormActions";

export type ItemEditor<I, D> = {
  /** The item being edited (null while adding one) and the form's values; null when closed. */
  editing: { item: I | null; draft: D } | null;
  error: AppError | null;
  open: (item: I | null) => void;
  close: () => void;
  change: (patch: Partial<D>) => void;
  submit: (e: FormEvent) => Promise<void>;
  fieldError: (field: string) => string | undefined;
};

/** Add or edit one item in a modal form; the form stays open with the error when saving fails. */
export function useItemEditor<I, D extends Record<string, unknown>>(draftOf: (item: I | null) => D, save: (item: I | null, draft: D) => Promise<unknown>): ItemEditor<I, D> {
  const [item, setItem] = useState<{ item: I | null } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const form = useForm<D>({ mode: "controlled", initialValues: draftOf(null) });
  return {
    editing: item && { item: item.item, draft: form.values },
    error,
    open: (next) => {
      setError(null);
      form.setValues(draftOf(next));
      form.clearErrors();
      setItem({ item: next });
    },
    close: () => setItem(null),
    change: (patch) => {
      // One field at a time, so that each clears its own refusal as it is edited.
      for (const [field, value] of Object.entries(patch)) form.setFieldValue(field, value as never);
    },
    submit: async (e) => {
      e.preventDefault();
      if (!item) return;
      setError(null);
      form.clearErrors();
      try {
        await save(item.item, form.getValues());
        setItem(null);
      } catch (err) {
        applyFieldErrors(form, err);
        setError(toAppError(err));
      }
    },
    fieldError: (field) => {
      const message = form.errors[field];
      return typeof message === "string" ? message : undefined;
    },
  };
}

/** An update sends only what changed: null leaves a value as the provider has it. */
export function ifChanged<T>(now: T, before: T): T | null {
  return now !== before ? now : null;
}

type ModalFormProps<I, D> = {
  editor: ItemEditor<I, D>;
  /** Prefix of the test ids `<testId>-form`, `-submit` and `-error`. */
  testId: string;
  title: (item: I | null) => string;
  submitLabel: (item: I | null) => string;
  busy: boolean;
  size?: ModalProps["size"];
  /** Where an error that names no field goes: an alert under the fields, unless the form shows it itself. */
  errorAlert?: boolean;
  children: (draft: D, item: I | null) => ReactNode;
};

export function EditorModal<I, D>({ editor, testId, title, submitLabel, busy, size, errorAlert = true, children }: ModalFormProps<I, D>) {
  const { editing, error } = editor;
  return (
    <Modal opened={editing !== null} onClose={editor.close} title={title(editing?.item ?? null)} size={size}>
      {editing && (
        <form onSubmit={editor.submit} noValidate data-testid={`${testId}-form`}>
          <Stack gap="sm">
            {children(editing.draft, editing.item)}
            {errorAlert && error && error.fields.length === 0 && (
              <Alert color="red" variant="light" p="xs" data-testid={`${testId}-error`}>
                {error.message}
              </Alert>
            )}
            <FormActions onCancel={editor.close} busy={busy} submitTestId={`${testId}-submit`}>
              {submitLabel(editing.item)}
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Create or rename something that has only a name; any error shows under the name field. */
export function NameModal<I>(props: Omit<ModalFormProps<I, { name: string }>, "children" | "errorAlert" | "size">) {
  const { editor, testId } = props;
  const general = editor.error && !editor.error.fields.length ? editor.error.message : undefined;
  return (
    <EditorModal {...props} errorAlert={false}>
      {(draft) => (
        <TextInput
          label="Name"
          withAsterisk
          value={draft.name}
          onChange={(e) => editor.change({ name: e.currentTarget.value })}
          error={editor.fieldError("name") ?? general}
          data-testid={`${testId}-name`}
        />
      )}
    </EditorModal>
  );
}
