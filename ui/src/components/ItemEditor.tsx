import { Alert, Button, Group, Modal, Stack, TextInput, type ModalProps } from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import type { AppError } from "../api/errors";

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
export function useItemEditor<I, D>(draftOf: (item: I | null) => D, save: (item: I | null, draft: D) => Promise<unknown>): ItemEditor<I, D> {
  const [editing, setEditing] = useState<{ item: I | null; draft: D } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  return {
    editing,
    error,
    open: (item) => {
      setError(null);
      setEditing({ item, draft: draftOf(item) });
    },
    close: () => setEditing(null),
    change: (patch) => setEditing((e) => e && { ...e, draft: { ...e.draft, ...patch } }),
    submit: async (e) => {
      e.preventDefault();
      if (!editing) return;
      setError(null);
      try {
        await save(editing.item, editing.draft);
        setEditing(null);
      } catch (err) {
        setError(err as AppError);
      }
    },
    fieldError: (field) => error?.fields.find((f) => f.field === field)?.message,
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
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={editor.close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} data-testid={`${testId}-submit`}>
                {submitLabel(editing.item)}
              </Button>
            </Group>
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
