import { Table } from "@mantine/core";
import { QueryState } from "../../components/QueryState";
import { ItemTable } from "../../components/ItemTable";
import { useIsos } from "../../api/operatingSystems";
import { formatBytes } from "../../lib/format";

export function IsosPanel({ accountId }: { accountId: string }) {
  const isos = useIsos(accountId);
  return (
    <QueryState query={isos} empty="No ISOs on this account." emptyTestId="isos-empty" errorTestId="isos-error">
      {(data) => (
        <ItemTable testId="isos-table" columns={["File", "Size", "MD5", "Added"]} actions={false}>
          {data.map((i) => (
            <Table.Tr key={i.id} data-testid={`iso-row-${i.id}`}>
              <Table.Td>{i.filename}</Table.Td>
              <Table.Td>{formatBytes(i.size_bytes)}</Table.Td>
              <Table.Td ff="monospace">{i.md5sum ?? "—"}</Table.Td>
              <Table.Td>{i.created_at ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </ItemTable>
      )}
    </QueryState>
  );
}
