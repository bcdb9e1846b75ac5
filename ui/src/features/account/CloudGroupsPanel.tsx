import { Alert, Badge, Group, Loader, Table, Text } from "@mantine/core";
import { ItemTable } from "../../components/ItemTable";
import { useQuery } from "@tanstack/react-query";
import { commands } from "../../api/bindings";
import { call } from "../../api/errors";
import { keys } from "../../api/keys";

/** How the provider groups its clouds (regions); read only. */
export function CloudGroupsPanel({ accountId }: { accountId: string }) {
  const groups = useQuery({ queryKey: keys.extras.cloudGroups(accountId), queryFn: () => call(commands.cloudGroups(accountId)) });
  if (groups.isPending) return <Loader size="sm" />;
  if (groups.isError)
    return (
      <Alert color="red" variant="light" data-testid="cloud-groups-error">
        {groups.error.message}
      </Alert>
    );
  if (groups.data.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="cloud-groups-empty">
        No cloud groups.
      </Text>
    );
  return (
    <ItemTable testId="cloud-groups-table" columns={["Group", "Clouds (region ids)"]} actions={false}>
      {groups.data.map((g) => (
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
      ))}
    </ItemTable>
  );
}
