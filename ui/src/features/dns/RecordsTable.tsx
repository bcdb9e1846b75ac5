import { Badge, Checkbox, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { RowAction } from "../../components/ItemTable";
import { IconChevronDown, IconChevronUp, IconPencil, IconSelector, IconTrash } from "@tabler/icons-react";
import type { DnsRecord, RecordType } from "../../api/bindings";

export type SortKey = "type" | "host" | "data" | "ttl";
export type Sort = { key: SortKey; desc: boolean };

const TYPE_ORDER: RecordType[] = ["SOA", "NS", "A", "AAAA", "CNAME", "MX", "SRV", "TXT", "FAILOVER"];

const TYPE_COLORS: Partial<Record<RecordType, string>> = {
  A: "blue",
  AAAA: "indigo",
  CNAME: "grape",
  MX: "orange",
  TXT: "gray",
  NS: "teal",
  SRV: "cyan",
  FAILOVER: "red",
  SOA: "dark",
};

/** Apex first, then by name: how people read a zone. */
function hostKey(h: string): string {
  return h === "@" ? "" : h.split(".").reverse().join(".");
}

export function sortRecords(records: DnsRecord[], sort: Sort): DnsRecord[] {
  const cmp = (a: DnsRecord, b: DnsRecord): number => {
    switch (sort.key) {
      case "type":
        return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || hostKey(a.host).localeCompare(hostKey(b.host));
      case "host":
        return hostKey(a.host).localeCompare(hostKey(b.host)) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
      case "data":
        return a.data.localeCompare(b.data);
      case "ttl":
        return a.ttl - b.ttl;
    }
  };
  const out = [...records].sort(cmp);
  return sort.desc ? out.reverse() : out;
}

export function filterRecords(records: DnsRecord[], type: RecordType | null, host: string): DnsRecord[] {
  const h = host.trim().toLowerCase();
  return records.filter((r) => (!type || r.type === type) && (!h || r.host.toLowerCase().includes(h)));
}

/** What the record says besides its value: MX priority, SRV priority/weight/port, failover check. */
function extras(r: DnsRecord): string {
  if (r.type === "MX") return `priority ${r.priority ?? "—"}`;
  if (r.type === "SRV") return `priority ${r.priority ?? "—"} · weight ${r.weight ?? "—"} · port ${r.port ?? "—"}`;
  if (r.type === "FAILOVER") return `check ${r.service_type ?? "icmp.ping"}`;
  return "";
}

type Props = {
  records: DnsRecord[];
  sort: Sort;
  onSort: (s: Sort) => void;
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
  onEdit: (r: DnsRecord) => void;
  onDelete: (r: DnsRecord) => void;
  /** Records to draw attention to (those pointing at an address). */
  highlight?: (r: DnsRecord) => boolean;
  testId?: string;
};

function Header({ label, k, sort, onSort }: { label: string; k: SortKey; sort: Sort; onSort: (s: Sort) => void }) {
  const active = sort.key === k;
  const Icon = active ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}>
      <UnstyledButton onClick={() => onSort({ key: k, desc: active ? !sort.desc : false })} data-testid={`dns-sort-${k}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function RecordsTable({ records, sort, onSort, selected, onSelect, onEdit, onDelete, highlight, testId = "dns-records-table" }: Props) {
  const editable = records.filter((r) => r.type !== "SOA");
  const all = editable.length > 0 && editable.every((r) => selected.has(r.id));
  const some = editable.some((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid={testId} stickyHeader>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>
            <Checkbox
              aria-label="Select every record"
              checked={all}
              indeterminate={some && !all}
              onChange={() => onSelect(all ? new Set() : new Set(editable.map((r) => r.id)))}
              data-testid="dns-select-all"
            />
          </Table.Th>
          <Header label="Type" k="type" sort={sort} onSort={onSort} />
          <Header label="Name" k="host" sort={sort} onSort={onSort} />
          <Header label="Value" k="data" sort={sort} onSort={onSort} />
          <Header label="TTL" k="ttl" sort={sort} onSort={onSort} />
          <Table.Th w={80} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => {
          const readOnly = r.type === "SOA";
          return (
            <Table.Tr
              key={r.id}
              data-testid={`dns-record-${r.id}`}
              data-type={r.type}
              data-host={r.host}
              bg={highlight?.(r) ? "var(--mantine-color-yellow-light)" : undefined}
            >
              <Table.Td>
                {!readOnly && (
                  <Checkbox aria-label={`Select ${r.type} ${r.host}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} data-testid={`dns-select-${r.id}`} />
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={TYPE_COLORS[r.type]} radius="sm">
                  {r.type}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace">{r.host}</Table.Td>
              <Table.Td style={{ wordBreak: "break-all" }}>
                <Text size="sm" ff="monospace" lineClamp={3}>
                  {r.data}
                </Text>
                {extras(r) && (
                  <Text size="xs" c="dimmed">
                    {extras(r)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.ttl}</Table.Td>
              <Table.Td>
                {readOnly ? (
                  <Text size="xs" c="dimmed">
                    read-only
                  </Text>
                ) : (
                  <Group gap={2} wrap="nowrap">
                    <RowAction tooltip="Edit" label={`Edit ${r.type} ${r.host}`} onClick={() => onEdit(r)} testId={`dns-edit-${r.id}`} icon={<IconPencil size={16} />} />
                    <RowAction tooltip="Delete" color="red" label={`Delete ${r.type} ${r.host}`} onClick={() => onDelete(r)} testId={`dns-delete-${r.id}`} icon={<IconTrash size={16} />} />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
