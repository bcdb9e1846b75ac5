import { ActionIcon, Alert, Badge, Button, Group, Loader, Modal, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { ScriptKind, StartupScript } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useCreateScript, useDeleteScript, useScripts, useUpdateScript } from "../../api/extras";

type Editing = { script: StartupScript | null; name: string; kind: ScriptKind; content: string };

export function ScriptsPanel({ accountId }: { accountId: string }) {
  const scripts = useScripts(accountId);
  const create = useCreateScript();
  const update = useUpdateScript();
  const remove = useDeleteScript();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const open = (script: StartupScript | null) => {
    setError(null);
    setEditing({ script, name: script?.name ?? "", kind: script?.kind ?? "boot", content: script?.content ?? "#!/bin/sh\n" });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      if (editing.script) {
        const changed = {
          name: editing.name !== editing.script.name ? editing.name : null,
          content: editing.content !== editing.script.content ? editing.content : null,
        };
        await update.mutateAsync({ accountId, scriptId: editing.script.id, update: changed });
      } else {
        await create.mutateAsync({ accountId, script: { name: editing.name, kind: editing.kind, content: editing.content } });
      }
      setEditing(null);
    } catch (err) {
      setError(err as AppError);
    }
  };
  const fieldError = (f: string) => error?.fields.find((x) => x.field === f)?.message;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Boot scripts run on a new server's first boot; PXE scripts are run by iPXE. Pick one in the create-server form.
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => open(null)} data-testid="script-add">
          Add script
        </Button>
      </Group>
      {scripts.isPending ? (
        <Loader size="sm" />
      ) : scripts.isError ? (
        <Alert color="red" variant="light" data-testid="scripts-error">
          {scripts.error.message}
        </Alert>
      ) : scripts.data.length === 0 ? (
        <Text c="dimmed" data-testid="scripts-empty">
          No startup scripts stored yet.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid="scripts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>First line</Table.Th>
              <Table.Th>Modified</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scripts.data.map((s) => (
              <Table.Tr key={s.id} data-testid={`script-row-${s.id}`}>
                <Table.Td>{s.name.trim() || s.id}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light">
                    {s.kind}
                  </Badge>
                </Table.Td>
                <Table.Td ff="monospace">{s.content.split("\n")[0]}</Table.Td>
                <Table.Td>{s.modified_at ?? "—"}</Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit script ${s.name}`} onClick={() => open(s)} data-testid={`script-edit-${s.id}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete script ${s.name}`}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: `Delete script ${s.name.trim() || s.id}?`,
                          children: <Text size="sm">It is removed from the account; servers already created keep what it did.</Text>,
                          labels: { confirm: "Delete script", cancel: "Cancel" },
                          confirmProps: { color: "red", "data-testid": "script-delete-confirm" } as never,
                          onConfirm: () => remove.mutate({ accountId, scriptId: s.id, name: s.name.trim() || s.id }),
                        })
                      }
                      data-testid={`script-delete-${s.id}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.script ? "Edit startup script" : "Add startup script"} size="xl">
        {editing && (
          <form onSubmit={submit} noValidate data-testid="script-form">
            <Stack gap="sm">
              <Group grow align="flex-start">
                <TextInput label="Name" withAsterisk value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} error={fieldError("name")} data-testid="script-name" />
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    Type
                  </Text>
                  <SegmentedControl
                    disabled={editing.script !== null}
                    value={editing.kind}
                    onChange={(v) => setEditing({ ...editing, kind: v as ScriptKind })}
                    data={[
                      { value: "boot", label: "Boot" },
                      { value: "pxe", label: "PXE" },
                    ]}
                    data-testid="script-kind"
                  />
                </Stack>
              </Group>
              <Textarea
                label="Script"
                withAsterisk
                autosize
                minRows={8}
                maxRows={20}
                ff="monospace"
                spellCheck={false}
                value={editing.content}
                onChange={(e) => setEditing({ ...editing, content: e.currentTarget.value })}
                error={fieldError("content")}
                data-testid="script-content"
              />
              {error && error.fields.length === 0 && (
                <Alert color="red" variant="light" p="xs" data-testid="script-error">
                  {error.message}
                </Alert>
              )}
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending || update.isPending} data-testid="script-submit">
                  {editing.script ? "Save" : "Add script"}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
