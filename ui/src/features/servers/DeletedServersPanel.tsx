import { Button, Stack, Table, Text } from "@mantine/core";
import { QueryState } from "../../components/QueryState";
import { ItemTable } from "../../components/ItemTable";
import { IconRecycle } from "@tabler/icons-react";
import { useDeletedServers, useRecoverServer } from "../../api/recoverable";

/** The provider's recycle bin: deleted servers it still keeps (VPS.NET: 12 hours), each recoverable. */
export function DeletedServersPanel({ accountId }: { accountId: string }) {
  const list = useDeletedServers(accountId);
  const recover = useRecoverServer();
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        A deleted server stays recoverable for a while (VPS.NET: 12 hours); recovering it brings it back as it was.
      </Text>
      <QueryState query={list} empty="No recently deleted servers." emptyTestId="deleted-servers-empty">
        {(data) => (
          <ItemTable testId="deleted-servers-table" columns={["Server", "Address", "Region"]}>
            {data.map((s) => (
              <Table.Tr key={s.id} data-testid={`deleted-server-row-${s.id}`}>
                <Table.Td>
                  <Text size="sm">{s.name || s.id}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {s.id}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace">{s.ipv4[0] ?? "—"}</Table.Td>
                <Table.Td>{s.region || "—"}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRecycle size={14} />}
                    loading={recover.isPending && recover.variables?.serverId === s.id}
                    onClick={() => recover.mutate({ accountId, serverId: s.id })}
                    data-testid={`deleted-server-recover-${s.id}`}
                  >
                    Recover
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ItemTable>
        )}
      </QueryState>
    </Stack>
  );
}
