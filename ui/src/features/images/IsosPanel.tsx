import { Table } from "@mantine/core";
import { QueryTable } from "../../components/ItemTable";
import { useIsos } from "../../api/operatingSystems";
import { formatBytes } from "../../lib/format";
import { Time } from "../../components/Time";

export function IsosPanel({ accountId }: { accountId: string }) {
  const isos = useIsos(accountId);
  return (
    <QueryTable query={isos} testId="isos" columns={["File", "Size", "MD5", "Added"]} actions={false} empty="No ISOs on this account."
      row={(i) => (
        <Table.Tr key={i.id} data-testid={`iso-row-${i.id}`}>
          <Table.Td>{i.filename}</Table.Td>
          <Table.Td>{formatBytes(i.size_bytes)}</Table.Td>
          <Table.Td ff="monospace">{i.md5sum ?? "—"}</Table.Td>
          <Table.Td>
            <Time value={i.created_at} />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
