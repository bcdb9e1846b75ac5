import { ActionIcon, Badge, Button, Group, Select, Table, Text, TextInput, Tooltip, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconDownload, IconEye, IconFileTypeCsv } from "@tabler/icons-react";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { Invoice } from "../../api/bindings";
import { exportCsv, saveInvoicePdf } from "../../api/billing";
import { csvName, toCsv } from "./csv";
import { money } from "./money";
import { Time } from "../../components/Time";
import { timeMs } from "../../lib/time";

/** What a person should look at first: overdue, then unpaid, then the rest. */
type Shown = Invoice["status"];

/** An unpaid invoice past its due date is overdue, whatever the provider's word. */
export function shownStatus(i: Invoice, now = Date.now()): Shown {
  if (i.status === "unpaid" && i.due_date && timeMs(i.due_date) < now) return "overdue";
  return i.status;
}

const RANK: Record<Shown, number> = { overdue: 0, unpaid: 1, unknown: 2, paid: 3, cancelled: 4 };
const COLOR: Record<Shown, string> = { overdue: "red", unpaid: "orange", unknown: "gray", paid: "teal", cancelled: "gray" };

type Props = {
  invoices: Invoice[];
  onOpen: (i: Invoice) => void;
  /** The account filter to start with. */
  initialAccount?: string | null;
};

/** Invoices of every account: unpaid first, sortable, filtered by status, account and date range. */
export function InvoicesTable({ invoices, onOpen, initialAccount = null }: Props) {
  const [sorting, setSorting] = useState<SortingState>([
    { id: "status", desc: false },
    { id: "date", desc: true },
  ]);
  const [status, setStatus] = useState<string | null>(null);
  const [account, setAccount] = useState<string | null>(initialAccount);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");

  const accounts = useMemo(() => [...new Map(invoices.map((i) => [i.account_id, i.account])).entries()], [invoices]);
  const rows = useMemo(() => {
    const lo = from ? new Date(`${from}T00:00:00`).getTime() : -Infinity;
    const hi = to ? new Date(`${to}T23:59:59.999`).getTime() : Infinity;
    return invoices.filter(
      (i) =>
        (!status || shownStatus(i) === status) &&
        (!account || i.account_id === account) &&
        timeMs(i.date) >= lo &&
        timeMs(i.date) <= hi,
    );
  }, [invoices, status, account, from, to]);

  const columns = useMemo<ColumnDef<Invoice>[]>(
    () => [
      { id: "status", header: "Status", accessorFn: (i) => RANK[shownStatus(i)], cell: ({ row }) => <StatusBadge invoice={row.original} /> },
      { id: "account", header: "Account", accessorFn: (i) => i.account },
      { id: "number", header: "Number", accessorFn: (i) => i.number },
      { id: "date", header: "Date", accessorFn: (i) => timeMs(i.date), cell: ({ row }) => <Time value={row.original.date} /> },
      { id: "due", header: "Due", accessorFn: (i) => timeMs(i.due_date), cell: ({ row }) => <Time value={row.original.due_date} /> },
      {
        id: "amount",
        header: "Amount",
        // Sorted within a currency by value; different currencies apart.
        accessorFn: (i) => `${i.currency} ${i.amount.padStart(20, "0")}`,
        cell: ({ row }) => <Text ta="right" size="sm" ff="monospace">{money(row.original.amount, row.original.currency)}</Text>,
      },
      {
        id: "actions",
        header: "",
        enableSorting: false,
        cell: ({ row }) => (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Tooltip label={row.original.has_pdf ? "Open the PDF" : "No PDF from this provider"}>
              <ActionIcon
                variant="subtle"
                aria-label={`Open invoice ${row.original.number}`}
                disabled={!row.original.has_pdf}
                onClick={() => onOpen(row.original)}
                data-testid={`invoice-open-${row.original.account_id}-${row.original.id}`}
              >
                <IconEye size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Save the PDF…">
              <ActionIcon
                variant="subtle"
                aria-label={`Save invoice ${row.original.number} as PDF`}
                disabled={!row.original.has_pdf}
                onClick={() => saveInvoicePdf(row.original.account_id, row.original.id, `invoice-${row.original.number}.pdf`)}
                data-testid={`invoice-save-${row.original.account_id}-${row.original.id}`}
              >
                <IconDownload size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ),
      },
    ],
    [onOpen],
  );

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableMultiSort: true,
  });
  const sorted = table.getRowModel().rows.map((r) => r.original);

  const csv = () =>
    exportCsv(
      csvName("invoices"),
      toCsv(sorted, [
        { header: "account", value: (i) => i.account },
        { header: "provider", value: (i) => i.provider },
        { header: "id", value: (i) => i.id },
        { header: "number", value: (i) => i.number },
        { header: "date", value: (i) => i.date },
        { header: "due_date", value: (i) => i.due_date },
        { header: "amount", value: (i) => i.amount },
        { header: "currency", value: (i) => i.currency },
        { header: "status", value: (i) => shownStatus(i) },
      ]),
    );

  return (
    <div>
      <Group gap="xs" mb="xs" align="flex-end">
        <Select
          size="xs"
          label="Status"
          placeholder="Any"
          clearable
          w={130}
          value={status}
          onChange={setStatus}
          data={["overdue", "unpaid", "paid", "cancelled", "unknown"]}
          data-testid="invoices-filter-status"
        />
        <Select
          size="xs"
          label="Account"
          placeholder="Any"
          clearable
          w={180}
          value={account}
          onChange={setAccount}
          data={accounts.map(([value, label]) => ({ value, label }))}
          data-testid="invoices-filter-account"
        />
        <TextInput size="xs" type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="invoices-filter-from" />
        <TextInput size="xs" type="date" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="invoices-filter-to" />
        <Button size="xs" variant="default" ml="auto" leftSection={<IconFileTypeCsv size={14} />} onClick={csv} disabled={sorted.length === 0} data-testid="invoices-export-csv">
          Export CSV
        </Button>
      </Group>
      <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="invoices-table">
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <Table.Th key={h.id} aria-sort={dir ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                    {h.column.getCanSort() ? (
                      <UnstyledButton onClick={h.column.getToggleSortingHandler()} data-testid={`invoices-sort-${h.id}`}>
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm" fw={600}>
                            {flexRender(h.column.columnDef.header, h.getContext())}
                          </Text>
                          {dir === "asc" ? <IconArrowUp size={12} /> : dir === "desc" ? <IconArrowDown size={12} /> : <IconArrowsSort size={12} opacity={0.4} />}
                        </Group>
                      </UnstyledButton>
                    ) : null}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((r) => (
            <Table.Tr key={r.id} data-testid="invoice-row" data-status={shownStatus(r.original)}>
              {r.getVisibleCells().map((c) => (
                <Table.Td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed" ta="center" py="sm" data-testid="invoices-empty">
                  {invoices.length === 0 ? "No invoices yet." : "No invoice matches these filters."}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function StatusBadge({ invoice }: { invoice: Invoice }) {
  const s = shownStatus(invoice);
  return (
    <Tooltip label={`${invoice.provider} says “${invoice.provider_status}”`} disabled={!invoice.provider_status}>
      <Badge color={COLOR[s]} variant="light" size="sm">
        {s}
      </Badge>
    </Tooltip>
  );
}
