import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import type { CustomTemplate } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useEditCustomTemplate } from "../../api/templates";

/** A custom template's description, system and notes; the notes are sent only when typed (the list does not show them). */
export function TemplateEditForm({ accountId, template, onClose }: { accountId: string; template: CustomTemplate; onClose: () => void }) {
  const edit = useEditCustomTemplate();
  const [description, setDescription] = useState(template.description ?? "");
  const [os, setOs] = useState(template.operating_system ?? "");
  const [info, setInfo] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const fieldError = (f: string) => error?.fields.find((x) => x.field === f)?.message;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const change = { description, operating_system: os.trim() || null, info: info.trim() ? info : null };
      await edit.mutateAsync({ accountId, templateId: template.id, edit: change });
      onClose();
    } catch (err) {
      setError(err as AppError);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Edit ${template.label}`}>
      <form onSubmit={submit} data-testid="template-edit-form">
        <Stack gap="sm">
          <TextInput label="Description" withAsterisk value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError("description")} data-testid="template-edit-description" />
          <TextInput label="System" value={os} onChange={(e) => setOs(e.currentTarget.value)} error={fieldError("operating_system")} data-testid="template-edit-os" />
          <Textarea label="Notes" description="Left as they are when empty" autosize minRows={2} value={info} onChange={(e) => setInfo(e.currentTarget.value)} error={fieldError("info")} data-testid="template-edit-info" />
          {error && error.fields.length === 0 && (
            <Alert color="red" variant="light" data-testid="template-edit-error">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={edit.isPending} data-testid="template-edit-save">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
