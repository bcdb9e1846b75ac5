import { Button, Group, Modal, MultiSelect, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlayerPlay, IconPlayerStop, IconUsersPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { ServerGroup } from "../../api/bindings";
import { useCreateServerGroup, useDestroyServerGroup, useGroupMembers, useGroupPower, useRenameServerGroup, useServerGroups } from "../../api/serverGroups";
import { NameModal, useItemEditor } from "../../components/ItemEditor";
import { DeleteAction, ListHeader, QueryTable, RowAction, RowActions } from "../../components/ItemTable";
import { useAccountServerChoices } from "./serverChoices";

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
  const create = useCreateServerGroup();
  const rename = useRenameServerGroup();
  const destroy = useDestroyServerGroup();
  const power = useGroupPower();
  const editor = useItemEditor(
    (group: ServerGroup | null) => ({ name: group?.name ?? "" }),
    (group, { name }) => (group ? rename.mutateAsync({ accountId, groupId: group.id, name }) : create.mutateAsync({ accountId, name })),
  );
  const [membersOf, setMembersOf] = useState<ServerGroup | null>(null);

  return (
    <Stack gap="sm">
      <ListHeader description="Named groups of servers, started and stopped together." addLabel="New group" addTestId="group-add" onAdd={() => editor.open(null)} />
      <QueryTable query={groups} testId="groups" columns={["Name", "Description"]} empty="No server groups yet."
        row={(g) => (
          <Table.Tr key={g.id} data-testid={`group-row-${g.id}`}>
            <Table.Td title={g.id}>{g.name || "—"}</Table.Td>
            <Table.Td>{g.description || "—"}</Table.Td>
            <RowActions>
              <RowAction
                label={`Start the servers of ${g.name}`}
                icon={<IconPlayerPlay size={16} />}
                onClick={() => power.mutate({ accountId, groupId: g.id, name: g.name, action: "start" })}
                testId={`group-start-${g.id}`}
              />
              <RowAction
                label={`Stop the servers of ${g.name}`}
                icon={<IconPlayerStop size={16} />}
                onClick={() => power.mutate({ accountId, groupId: g.id, name: g.name, action: "stop" })}
                testId={`group-stop-${g.id}`}
              />
              <RowAction label={`Servers of ${g.name}`} icon={<IconUsersPlus size={16} />} onClick={() => setMembersOf(g)} testId={`group-members-${g.id}`} />
              <RowAction label={`Rename ${g.name}`} icon={<IconPencil size={16} />} onClick={() => editor.open(g)} testId={`group-rename-${g.id}`} />
              <DeleteAction
                label={`Remove group ${g.name}`}
                testId={`group-destroy-${g.id}`}
                title={`Remove group ${g.name}?`}
                what="The group goes; its servers stay as they are."
                confirm="Remove group"
                confirmTestId="group-destroy-confirm"
                onConfirm={() => destroy.mutate({ accountId, groupId: g.id, name: g.name })}
              />
            </RowActions>
          </Table.Tr>
        )}
      />
      <NameModal
        editor={editor}
        testId="group"
        title={(group) => (group ? "Rename group" : "New server group")}
        submitLabel={(group) => (group ? "Rename" : "Create group")}
        busy={create.isPending || rename.isPending}
      />
      <Modal opened={membersOf !== null} onClose={() => setMembersOf(null)} title={membersOf && `Servers of ${membersOf.name}`}>
        {membersOf && <MembersForm accountId={accountId} group={membersOf} onClose={() => setMembersOf(null)} />}
      </Modal>
    </Stack>
  );
}
