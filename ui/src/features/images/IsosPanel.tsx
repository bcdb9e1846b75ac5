import { Alert, Loader, Table, Text } from "@mantine/core";
import { useIsos } from "../../api/extras";
import { formatBytes } from "../../lib/format";

export function IsosPanel({ accountId }: { accountId: string }) {
  const isos = useIsos(accountId);
  if (isos.isPending) return <Loader size="sm" />;
  if (isos.isError)
    return (
      <Alert color="red" variant="light" data-testid="isos-error">
        {isos.error.message}
      </Alert>
    );
  if (isos.data.length === 0)
    return (
      <Text c="dimmed" data-testid="isos-empty">
        No ISOs on this account.
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={4} data-testid="isos-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>MD5</Table.Th>
          <Table.Th>Added</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {isos.data.map((i) => (
          <Table.Tr key={i.id} data-testid={`iso-row-${i.id}`}>
            <Table.Td>{i.filename}</Table.Td>
            <Table.Td>{formatBytes(i.size_bytes)}</Table.Td>
            <Table.Td ff="monospace">{i.md5sum ?? "—"}</Table.Td>
            <Table.Td>{i.created_at ?? "—"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
