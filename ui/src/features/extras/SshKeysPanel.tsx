import { ActionIcon, Alert, Button, Group, Loader, Modal, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { SshKey } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useCreateSshKey, useDeleteSshKey, useSshKeys, useUpdateSshKey } from "../../api/extras";

type Editing = { key: SshKey | null; name: string; public_key: string };

/** Shortens "ssh-ed25519 AAAA…xyz comment" so the table stays one line per key. */
function shortKey(k: string): string {
  const [kind, body = "", ...comment] = k.split(/\s+/);
  const short = body.length > 24 ? `${body.slice(0, 10)}…${body.slice(-10)}` : body;
  return [kind, short, ...comment].join(" ");
}

export function SshKeysPanel({ accountId }: { accountId: string }) {
  const keys = useSshKeys(accountId);
  const create = useCreateSshKey();
  const update = useUpdateSshKey();
  const remove = useDeleteSshKey();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const open = (key: SshKey | null) => {
    setError(null);
    setEditing({ key, name: key?.name ?? "", public_key: key?.public_key ?? "" });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      if (editing.key) {
        const changed = {
          name: editing.name !== editing.key.name ? editing.name : null,
          public_key: editing.public_key !== editing.key.public_key ? editing.public_key : null,
        };
        await update.mutateAsync({ accountId, keyId: editing.key.id, update: changed });
      } else {
        await create.mutateAsync({ accountId, key: { name: editing.name, public_key: editing.public_key } });
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
          Public keys stored at the provider; pick them in the create-server form. Changing a key affects only servers installed afterwards.
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => open(null)} data-testid="sshkey-add">
          Add SSH key
        </Button>
      </Group>
      {keys.isPending ? (
        <Loader size="sm" />
      ) : keys.isError ? (
        <Alert color="red" variant="light" data-testid="sshkeys-error">
          {keys.error.message}
        </Alert>
      ) : keys.data.length === 0 ? (
        <Text c="dimmed" data-testid="sshkeys-empty">
          No SSH keys stored yet.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid="sshkeys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Added</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((k) => (
              <Table.Tr key={k.id} data-testid={`sshkey-row-${k.id}`}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td ff="monospace" title={k.public_key}>
                  {shortKey(k.public_key)}
                </Table.Td>
                <Table.Td>{k.created_at ?? "—"}</Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit SSH key ${k.name}`} onClick={() => open(k)} data-testid={`sshkey-edit-${k.id}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete SSH key ${k.name}`}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: `Delete SSH key ${k.name}?`,
                          children: <Text size="sm">It is removed from the account, not from servers that already have it.</Text>,
                          labels: { confirm: "Delete key", cancel: "Cancel" },
                          confirmProps: { color: "red", "data-testid": "sshkey-delete-confirm" } as never,
                          onConfirm: () => remove.mutate({ accountId, keyId: k.id, name: k.name }),
                        })
                      }
                      data-testid={`sshkey-delete-${k.id}`}
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
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.key ? "Edit SSH key" : "Add SSH key"} size="lg">
        {editing && (
          <form onSubmit={submit} noValidate data-testid="sshkey-form">
            <Stack gap="sm">
              <TextInput label="Name" withAsterisk value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} error={fieldError("name")} data-testid="sshkey-name" />
              <Textarea
                label="Public key"
                description="One line from your .pub file, e.g. ssh-ed25519 AAAA… you@laptop. Never paste a private key."
                withAsterisk
                autosize
                minRows={3}
                ff="monospace"
                spellCheck={false}
                value={editing.public_key}
                onChange={(e) => setEditing({ ...editing, public_key: e.currentTarget.value })}
                error={fieldError("public_key")}
                data-testid="sshkey-public-key"
              />
              {error && error.fields.length === 0 && (
                <Alert color="red" variant="light" p="xs" data-testid="sshkey-error">
                  {error.message}
                </Alert>
              )}
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending || update.isPending} data-testid="sshkey-submit">
                  {editing.key ? "Save" : "Add key"}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
