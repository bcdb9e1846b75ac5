import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { CustomTemplate } from "../../api/bindings";
import { useFormSave } from "../../lib/formErrors";
import { useEditCustomTemplate } from "../../api/templates";

/** A custom template's description, system and notes; the notes are sent only when typed (the list does not show them). */
export function TemplateEditForm({ accountId, template, onClose }: { accountId: string; template: CustomTemplate; onClose: () => void }) {
  const edit = useEditCustomTemplate();
  const form = useForm({
    mode: "controlled",
    initialValues: { description: template.description ?? "", operating_system: template.operating_system ?? "", info: "" },
  });
  const { formError, attempt } = useFormSave(form);
  const submit = form.onSubmit(({ description, operating_system, info }) =>
    attempt(async () => {
      const change = { description, operating_system: operating_system.trim() || null, info: info.trim() ? info : null };
      await edit.mutateAsync({ accountId, templateId: template.id, edit: change });
      onClose();
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Edit ${template.label}`}>
      <form onSubmit={submit} data-testid="template-edit-form">
        <Stack gap="sm">
          <TextInput label="Description" withAsterisk {...form.getInputProps("description")} data-testid="template-edit-description" />
          <TextInput label="System" {...form.getInputProps("operating_system")} data-testid="template-edit-os" />
          <Textarea label="Notes" description="Left as they are when empty" autosize minRows={2} {...form.getInputProps("info")} data-testid="template-edit-info" />
          {formError && (
            <Alert color="red" variant="light" data-testid="template-edit-error">
              {formError}
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
