import { ActionIcon, Alert, Button, Group, Loader, Modal, MultiSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconPencil, IconPlayerPlay, IconPlayerStop, IconPlus, IconTrash, IconUsersPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { ServerGroup } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useCreateServerGroup, useDestroyServerGroup, useGroupMembers, useGroupPower, useRenameServerGroup, useServerGroups } from "../../api/resources";
import { useAccountServerChoices } from "./servers";

type Editing = { kind: "name"; group: ServerGroup | null } | { kind: "members"; group: ServerGroup };

function NameForm({ accountId, group, onClose }: { accountId: string; group: ServerGroup | null; onClose: () => void }) {
  const create = useCreateServerGroup();
  const rename = useRenameServerGroup();
  const [name, setName] = useState(group?.name ?? "");
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (group) await rename.mutateAsync({ accountId, groupId: group.id, name });
      else await create.mutateAsync({ accountId, name });
      onClose();
    } catch (err) {
      setError(err as AppError);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="group-form">
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={error?.fields.find((f) => f.field === "name")?.message ?? (error && !error.fields.length ? error.message : undefined)} data-testid="group-name" />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending} data-testid="group-submit">
            {group ? "Rename" : "Create group"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The API lists a group's servers only in the answers of add, remove, start and stop. */
function MembersForm({ accountId, group, onClose }: { accountId: string; group: ServerGroup; onClose: () => void }) {
  const servers = useAccountServerChoices(accountId);
  const members = useGroupMembers();
  const [chosen, setChosen] = useState<string[]>([]);
  const [after, setAfter] = useState<string[] | null>(null);
  const nameOf = (id: string) => servers.data?.find((s) => s.id === id)?.name ?? id;
  const change = async (add: boolean) => {
    try {
      setAfter(await members.mutateAsync({ accountId, groupId: group.id, serverIds: chosen, add }));
      setChosen([]);
    } catch {
      // Announced by the mutation.
    }
  };
  return (
    <Stack gap="sm" data-testid="group-members">
      <MultiSelect
        label="Servers"
        placeholder={servers.isPending ? "Loading servers…" : "Choose servers"}
        data={(servers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={chosen}
        onChange={setChosen}
        searchable
        data-testid="group-servers"
      />
      {after && (
        <Text size="sm" data-testid="group-after">
          The group now has: {after.length ? after.map(nameOf).join(", ") : "no servers"}.
        </Text>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button variant="light" color="red" disabled={!chosen.length} loading={members.isPending} onClick={() => change(false)} data-testid="group-remove">
          Remove from group
        </Button>
        <Button disabled={!chosen.length} loading={members.isPending} onClick={() => change(true)} data-testid="group-add-servers">
          Add to group
        </Button>
      </Group>
    </Stack>
  );
}

export function ServerGroupsPanel({ accountId }: { accountId: string }) {
  const groups = useServerGroups(accountId);
  const destroy = useDestroyServerGroup();
  const power = useGroupPower();
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Named groups of servers, started and stopped together.
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ kind: "name", group: null })} data-testid="group-add">
          New group
        </Button>
      </Group>
      {groups.isPending ? (
        <Loader size="sm" />
      ) : groups.isError ? (
        <Alert color="red" variant="light">
          {groups.error.message}
        </Alert>
      ) : groups.data.length === 0 ? (
        <Text c="dimmed" data-testid="groups-empty">
          No server groups yet.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid="groups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data.map((g) => (
              <Table.Tr key={g.id} data-testid={`group-row-${g.id}`}>
                <Table.Td title={g.id}>{g.name || "—"}</Table.Td>
                <Table.Td>{g.description || "—"}</Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Start the servers of ${g.name}`} onClick={() => power.mutate({ accountId, groupId: g.id, name: g.name, action: "start" })} data-testid={`group-start-${g.id}`}>
                      <IconPlayerPlay size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Stop the servers of ${g.name}`} onClick={() => power.mutate({ accountId, groupId: g.id, name: g.name, action: "stop" })} data-testid={`group-stop-${g.id}`}>
                      <IconPlayerStop size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Servers of ${g.name}`} onClick={() => setEditing({ kind: "members", group: g })} data-testid={`group-members-${g.id}`}>
                      <IconUsersPlus size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Rename ${g.name}`} onClick={() => setEditing({ kind: "name", group: g })} data-testid={`group-rename-${g.id}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove group ${g.name}`}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: `Remove group ${g.name}?`,
                          children: <Text size="sm">The group goes; its servers stay as they are.</Text>,
                          labels: { confirm: "Remove group", cancel: "Cancel" },
                          confirmProps: { color: "red", "data-testid": "group-destroy-confirm" } as never,
                          onConfirm: () => destroy.mutate({ accountId, groupId: g.id, name: g.name }),
                        })
                      }
                      data-testid={`group-destroy-${g.id}`}
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
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "members" ? `Servers of ${editing.group.name}` : editing?.group ? "Rename group" : "New server group"}
      >
        {editing?.kind === "name" && <NameForm accountId={accountId} group={editing.group} onClose={() => setEditing(null)} />}
        {editing?.kind === "members" && <MembersForm accountId={accountId} group={editing.group} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
