import { Button, Stack, Table, Text } from "@mantine/core";
import { LabelAndIdCell, QueryTable } from "../../components/ItemTable";
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
      <QueryTable query={list} testId="deleted-servers" columns={["Server", "Address", "Region"]} empty="No recently deleted servers."
        row={(s) => (
          <Table.Tr key={s.id} data-testid={`deleted-server-row-${s.id}`}>
            <LabelAndIdCell label={s.name || s.id} id={s.id} />
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
        )}
      />
    </Stack>
  );
}
