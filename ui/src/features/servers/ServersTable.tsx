import { UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { createContext, memo, useContext, useMemo, useRef, type KeyboardEvent, type MouseEvent } from "react";
import type { AccountView, Server } from "../../api/bindings";
import { useDelegatedTooltip } from "../../components/DelegatedTooltip";
import { StatusBadge } from "../../components/StatusBadge";
import { ipSortKey } from "../../lib/format";
import { STATUS_RANK } from "../../lib/labels";
import { ServerActions } from "./ServerActions";
import { sortedServers, type SortBy } from "./rowOrder";
import { formatTime, timeMs } from "../../lib/time";

export const ROW_HEIGHT = 34;

export type ColumnId = "name" | "account" | "provider" | "status" | "ipv4" | "ipv6" | "region" | "plan" | "created" | "id";

/** Columns the user can show or hide, in display order, with their default visibility. */
export const HIDEABLE_COLUMNS: Array<{ id: ColumnId; label: string; defaultVisible: boolean }> = [
  { id: "name", label: "Name", defaultVisible: true },
  { id: "account", label: "Account", defaultVisible: true },
  { id: "provider", label: "Provider", defaultVisible: true },
  { id: "status", label: "Status", defaultVisible: true },
  { id: "ipv4", label: "IPv4", defaultVisible: true },
  { id: "ipv6", label: "IPv6", defaultVisible: true },
  { id: "region", label: "Region", defaultVisible: true },
  { id: "plan", label: "Plan", defaultVisible: true },
  { id: "created", label: "Created", defaultVisible: false },
  { id: "id", label: "Server ID", defaultVisible: false },
];

export const DEFAULT_VISIBILITY: VisibilityState = Object.fromEntries(
  HIDEABLE_COLUMNS.map((c) => [c.id, c.defaultVisible]),
);

// The sort texts of the columns that depend on nothing else: the same functions for as long as the
// page lives, so their places (rowOrder.ts) outlive a rebuild of the columns (a plan catalog arriving).
const nameOf = (s: Server) => s.name;
const accountOf = (s: Server) => s.account;
const ipv6Of = (s: Server) => s.ipv6[0] ?? "~";
const regionOf = (s: Server) => s.region;
const idOf = (s: Server) => s.id;

// Cells are plain elements with CSS classes: dozens of rows mount per scroll step.
function IpCell({ ips }: { ips: string[] }) {
  if (ips.length === 0) return <span className="cell-text cell-dim">—</span>;
  return (
    <span className="cell-ip">
      <span className="cell-text mono" title={ips[0]}>
        {ips[0]}
      </span>
      {ips.length > 1 && (
        <span className="more-badge" data-tip={ips.slice(1).join(", ")} aria-label={`${ips.length - 1} more: ${ips.slice(1).join(", ")}`}>
          +{ips.length - 1}
        </span>
      )}
    </span>
  );
}

function Dim({ children }: { children: string }) {
  return children ? (
    <span className="cell-text" title={children}>
      {children}
    </span>
  ) : (
    <span className="cell-text cell-dim">—</span>
  );
}

/** The plan's name from its account's catalog, or null (the id is shown). */
const PlanNames = createContext<(s: Server) => string | null>(() => null);

function PlanCell({ server }: { server: Server }) {
  const name = useContext(PlanNames)(server);
  if (!name) return <Dim>{server.plan}</Dim>;
  return (
    <span className="cell-text" title={`${name} (plan ID ${server.plan})`} data-plan-id={server.plan}>
      {name}
    </span>
  );
}

type Props = {
  /** The rows to show: the inventory, or the part of it the filters keep. */
  servers: Server[];
  /** The whole inventory: the text columns' places are worked out on it once and hold for any
      part of it, so a search, or clearing one, sorts its rows without going through ICU again. */
  inventory: Server[];
  accountsById: Map<string, AccountView>;
  providerLabel: (s: Server) => string;
  /** The plan's name from the account's catalog, or null (the id is shown). */
  planName: (s: Server) => string | null;
  /** Accounts whose rows are stale (dimmed, `data-stale`). */
  staleAccounts: ReadonlySet<string>;
  columnVisibility: VisibilityState;
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  onOpen: (s: Server) => void;
  onRename: (s: Server) => void;
  onDelete: (s: Server) => void;
};

type RowProps = {
  row: Row<Server>;
  index: number;
  stale: boolean;
  /** Not read: a change of the columns or of their visibility re-renders the row. */
  columns: ColumnDef<Server>[];
  columnVisibility: VisibilityState;
};

/**
 * One row. A background refetch whose answer did not change keeps every server object (the query's
 * structural sharing), so the row is not rendered again: polling re-renders only the rows whose
 * server changed, not dozens of rows of action buttons every 2 s.
 */
const ServerRow = memo(
  function ServerRow({ row, index, stale }: RowProps) {
    const s = row.original;
    return (
      <tr
        className={stale ? "row-stale" : undefined}
        data-stale={stale || undefined}
        data-index={index}
        aria-rowindex={index + 2}
        data-testid={`server-row-${s.account_id}-${s.id}`}
        tabIndex={0}
        style={{ height: ROW_HEIGHT }}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} className={`cell-${cell.column.id}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.row.original === b.row.original &&
    a.index === b.index &&
    a.stale === b.stale &&
    a.columns === b.columns &&
    a.columnVisibility === b.columnVisibility,
);

/* Memoized: the page re-renders on every background refetch, and on a keystroke in the search box
   before the deferred filter runs (useDeferredValue); the table only when its props change. */
export const ServersTable = memo(function ServersTable(props: Props) {
  const {
    servers,
    inventory,
    accountsById,
    providerLabel,
    planName,
    staleAccounts,
    columnVisibility,
    sorting,
    onSortingChange,
    onOpen,
    onRename,
    onDelete,
  } = props;

  // Each sortable column's order (rowOrder.ts): text columns by the place of their text in the
  // collator's order, the others by a key. The table only keeps the sorting state (manualSorting);
  // each column still has an accessor, without which TanStack would not let it sort.
  const sortBy = useMemo((): Partial<Record<ColumnId, SortBy>> => {
    const planText = (s: Server) => planName(s) ?? s.plan;
    return {
      name: { text: nameOf },
      account: { text: accountOf },
      provider: { text: providerLabel },
      status: { key: (s) => STATUS_RANK[s.status] ?? 99 },
      ipv4: { key: (s) => ipSortKey(s.ipv4[0]) },
      ipv6: { text: ipv6Of },
      region: { text: regionOf },
      plan: { text: planText },
      created: { key: (s) => timeMs(s.created_at) },
      id: { text: idOf },
    };
  }, [providerLabel, planName]);

  // The columns do not depend on the plan names: each account's plan catalog arrives on its own,
  // and a new `planName` re-rendered every row on screen, action buttons and all, once per catalog
  // (during the first render of a big inventory, while its list was still on its way). Plan cells
  // read the names from PlanNames instead, and only they render again.
  const columns = useMemo(
    (): ColumnDef<Server>[] => [
      {
        id: "name",
        header: "Name",
        accessorFn: nameOf,
        cell: ({ row }) =>
          row.original.name ? (
            <span className="cell-text cell-name" title={row.original.name}>
              {row.original.name}
            </span>
          ) : (
            <span className="cell-text cell-dim">(no name)</span>
          ),
      },
      {
        id: "account",
        header: "Account",
        size: 130,
        accessorFn: accountOf,
        cell: ({ row }) => <Dim>{row.original.account}</Dim>,
      },
      {
        id: "provider",
        header: "Provider",
        size: 90,
        accessorFn: providerLabel,
        cell: ({ row }) => <Dim>{providerLabel(row.original)}</Dim>,
      },
      {
        id: "status",
        header: "Status",
        size: 100,
        accessorFn: (s) => s.status,
        cell: ({ row }) => (
          <StatusBadge
            status={row.original.status}
            providerStatus={row.original.provider_status}
            title={row.original.provider_status ? `Provider says: ${row.original.provider_status}` : undefined}
            testId={`status-${row.original.account_id}-${row.original.id}`}
          />
        ),
      },
      {
        id: "ipv4",
        header: "IPv4",
        size: 136,
        accessorFn: (s) => s.ipv4[0],
        cell: ({ row }) => <IpCell ips={row.original.ipv4} />,
      },
      {
        id: "ipv6",
        header: "IPv6",
        size: 130,
        accessorFn: ipv6Of,
        cell: ({ row }) => <IpCell ips={row.original.ipv6} />,
      },
      {
        id: "region",
        header: "Region",
        size: 80,
        accessorFn: regionOf,
        cell: ({ row }) => <Dim>{row.original.region}</Dim>,
      },
      {
        id: "plan",
        header: "Plan",
        size: 110,
        accessorFn: (s) => s.plan,
        cell: ({ row }) => <PlanCell server={row.original} />,
      },
      {
        id: "created",
        header: "Created",
        size: 150,
        accessorFn: (s) => s.created_at,
        cell: ({ row }) => <Dim>{row.original.created_at ? formatTime(row.original.created_at) : ""}</Dim>,
      },
      {
        id: "id",
        header: "Server ID",
        size: 150,
        accessorFn: idOf,
        cell: ({ row }) => (
          <span className="cell-text mono" title={row.original.id}>
            {row.original.id}
          </span>
        ),
      },
      {
        id: "actions",
        header: () => <span className="visually-hidden">Actions</span>,
        size: 160,
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => {
          const s = row.original;
          return (
            <ServerActions
              server={s}
              account={accountsById.get(s.account_id)}
              providerLabel={providerLabel(s)}
              onRename={onRename}
              onDelete={onDelete}
              onDetails={onOpen}
            />
          );
        },
      },
    ],
    [accountsById, providerLabel, onOpen, onRename, onDelete],
  );

  // The order, the virtual window and the rows on screen come first, then the table: TanStack's
  // rows are built for the rows on screen only. Its core row model over the whole inventory made a
  // Row object for each of 10,000 servers on every new list (34 ms in WebKit) to draw a screenful.
  const sorted = useMemo(() => {
    const by = sorting[0] && sortBy[sorting[0].id as ColumnId];
    return by ? sortedServers(inventory, servers, by, sorting[0].desc) : servers;
  }, [inventory, servers, sorting, sortBy]);
  const tips = useDelegatedTooltip();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Every row has the same height, so the virtualizer keeps its places by index (no getItemKey):
  // a key per row would make it lay out all 10,000 places again after every sort.
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const onScreen = useMemo(() => items.map((vi) => sorted[vi.index]), [items, sorted]);

  const table = useReactTable({
    data: onScreen,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    getRowId: (s) => `${s.account_id}/${s.id}`,
    sortDescFirst: false,
  });
  const rows = table.getRowModel().rows;
  const paddingTop = items.length > 0 ? items[0].start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const visibleColumns = table.getVisibleLeafColumns();
  const minWidth = visibleColumns.reduce((sum, c) => sum + (c.id === "name" ? 140 : c.getSize()), 0);

  const focusRow = (index: number) => {
    if (index < 0 || index >= sorted.length) return;
    virtualizer.scrollToIndex(index, { align: "auto" });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus();
    });
  };

  // Rows get their clicks and keys from the body (rows stay memoized; no handlers per row).
  const rowIndexOf = (target: EventTarget): number | null => {
    const tr = target instanceof Element ? target.closest<HTMLElement>("tr[data-index]") : null;
    return tr ? Number(tr.dataset.index) : null;
  };
  const onBodyClick = (e: MouseEvent<HTMLTableSectionElement>) => {
    const index = rowIndexOf(e.target);
    if (index !== null && sorted[index]) onOpen(sorted[index]);
  };
  const onBodyKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    // Only a focused row's own keys: keys inside action buttons belong to them.
    if (!(e.target instanceof HTMLElement) || !e.target.matches("tr[data-index]")) return;
    const index = Number(e.target.dataset.index);
    const server = sorted[index];
    if (!server) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onOpen(server);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      focusRow(index - 1);
    } else if (e.key === "Home") {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === "End") {
      e.preventDefault();
      focusRow(sorted.length - 1);
    }
  };

  return (
    <div ref={scrollRef} className="servers-scroll" data-testid="servers-table-scroll" {...tips.handlers}>
      {tips.tooltip}
      <table
        className="servers-table"
        data-testid="servers-table"
        aria-rowcount={sorted.length + 1}
        style={{ minWidth }}
      >
        <colgroup>
          {visibleColumns.map((c) => (
            <col key={c.id} style={c.id === "name" ? undefined : { width: c.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const canSort = h.column.getCanSort();
                return (
                  <th
                    key={h.id}
                    className={`col-${h.column.id}`}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}
                    data-testid={`column-${h.column.id}`}
                  >
                    {canSort ? (
                      <UnstyledButton
                        className="sort-button"
                        onClick={h.column.getToggleSortingHandler()}
                        data-testid={`sort-${h.column.id}`}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {sorted === "asc" ? (
                          <IconChevronUp size={14} aria-hidden />
                        ) : sorted === "desc" ? (
                          <IconChevronDown size={14} aria-hidden />
                        ) : (
                          <IconSelector size={14} aria-hidden className="sort-idle" />
                        )}
                      </UnstyledButton>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <PlanNames.Provider value={planName}>
          <tbody onClick={onBodyClick} onKeyDown={onBodyKeyDown}>
            {paddingTop > 0 && (
              <tr aria-hidden style={{ height: paddingTop }}>
                <td colSpan={visibleColumns.length} />
              </tr>
            )}
            {items.map((vi, i) => {
              const row = rows[i];
              return (
                <ServerRow
                  key={row.id}
                  row={row}
                  index={vi.index}
                  stale={staleAccounts.has(row.original.account_id)}
                  columns={columns}
                  columnVisibility={columnVisibility}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden style={{ height: paddingBottom }}>
                <td colSpan={visibleColumns.length} />
              </tr>
            )}
          </tbody>
        </PlanNames.Provider>
      </table>
    </div>
  );
});
