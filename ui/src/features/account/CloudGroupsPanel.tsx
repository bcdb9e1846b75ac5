import { Badge, Group, Table } from "@mantine/core";
import { QueryTable } from "../../components/ItemTable";
import { commands } from "../../api/bindings";
import { useCommandQuery } from "../../api/commandQuery";
import { keys } from "../../api/keys";

/** How the provider groups its clouds (regions); read only. */
export function CloudGroupsPanel({ accountId }: { accountId: string }) {
  const groups = useCommandQuery(keys.extras.cloudGroups(accountId), () => commands.cloudGroups(accountId));
  return (
    <QueryTable query={groups} testId="cloud-groups" columns={["Group", "Clouds (region ids)"]} actions={false} empty="No cloud groups."
      row={(g) => (
        <Table.Tr key={g.id} data-testid={`cloud-group-row-${g.id}`}>
          <Table.Td>{g.name}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {g.clouds.map((c) => (
                <Badge key={c} size="sm" variant="light" ff="monospace">
                  {c}
                </Badge>
              ))}
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
