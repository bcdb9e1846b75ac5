import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  CloseButton,
  Group,
  Loader,
  Menu,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { AccountsLoadError } from "../features/accounts/AccountsLoadError";
import { useHotkeys } from "@mantine/hooks";
import { IconAlertTriangle, IconClockExclamation, IconColumns3, IconPlus, IconRefresh, IconSearch, IconServer } from "@tabler/icons-react";
import type { SortingState, VisibilityState } from "@tanstack/react-table";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import type { ProviderKind, Server, Status } from "../api/bindings";
import { usePreferences, useSetPreferences } from "../api/preferences";
import { useAccounts, usePlanNames, useProviders, useRenameServer, type AccountInventory, type LiveInventory } from "../api/queries";
import { RenameModal } from "../components/RenameModal";
import { hasCapability } from "../lib/capabilities";
import { ALL_STATUSES, providerLabel as labelOf } from "../lib/labels";
import { formatDuration, formatTime } from "../lib/refresh";
import { serverTarget } from "../routes";
import { CreateServerModal } from "../features/servers/CreateServerModal";
import { DeleteServerModal } from "../features/servers/DeleteServerModal";
import { ServerDetailDrawer } from "../features/servers/ServerDetailDrawer";
import { serversMatching, usePreparedSearch } from "../features/servers/serverSearch";
import { DEFAULT_VISIBILITY, HIDEABLE_COLUMNS, ServersTable } from "../features/servers/ServersTable";
import { Welcome } from "./Welcome";

export type ServerFilters = { account: string | null; provider: ProviderKind | null; status: Status | null; search: string };
const NO_FILTERS: ServerFilters = { account: null, provider: null, status: null, search: "" };

export function filterServers(servers: Server[], f: ServerFilters): Server[] {
  const q = f.search.trim().toLowerCase();
  // No filter: the list itself, not a copy of 10,000 rows for the table to sort again.
  if (!q && !f.account && !f.provider && !f.status) return servers;
  const found = q ? serversMatching(servers, q) : servers;
  if (!f.account && !f.provider && !f.status) return found;
  return found.filter(
    (s) =>
      (!f.account || s.account_id === f.account) &&
      (!f.provider || s.provider === f.provider) &&
      (!f.status || s.status === f.status),
  );
}

/** The saved column choice over the defaults; a column the table no longer has is left out. */
function visibilityOf(saved: Record<string, boolean> | null): VisibilityState {
  const out: VisibilityState = { ...DEFAULT_VISIBILITY };
  for (const c of HIDEABLE_COLUMNS) {
    const v = saved?.[c.id];
    if (typeof v === "boolean") out[c.id] = v;
  }
  return out;
}

/** Tooltip of an account's stale badge. */
export function staleReason(a: AccountInventory, refreshIntervalMs: number): string {
  const when = a.updatedAt ? `Last updated ${formatTime(a.updatedAt)}` : "Never updated";
  if (a.error) return `${when}. The latest refresh failed: ${a.error.message}`;
  return `${when}: no refresh for more than ${formatDuration(2 * refreshIntervalMs)}.`;
}

type Props = {
  onAddAccount: () => void;
  /** The per-account inventory; App owns it (it drives the background refresh). */
  live: LiveInventory;
  refreshIntervalMs: number;
};

export function ServersPage({ onAddAccount, live, refreshIntervalMs }: Props) {
  const accounts = useAccounts();
  const providers = useProviders();
  const hasAccounts = (accounts.data?.length ?? 0) > 0;
  const planName = usePlanNames(live.accounts, providers.data);
  const rename = useRenameServer();

  const [filters, setFilters] = useState<ServerFilters>(NO_FILTERS);
  const deferredFilters = useDeferredValue(filters);
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const savedColumns = usePreferences().server_columns;
  const visibility = useMemo(() => visibilityOf(savedColumns), [savedColumns]);
  const setPreferences = useSetPreferences();
  const setVisibility = (v: VisibilityState) => setPreferences(() => ({ server_columns: v }));
  const [selected, setSelected] = useState<{ account_id: string; id: string } | null>(null);
  const [renaming, setRenaming] = useState<Server | null>(null);
  const [deleting, setDeleting] = useState<Server | null>(null);
  const [creating, setCreating] = useState(false);
  // `?account=…&server=…` (the command palette) opens that server's details once.
  const [search, setSearch] = useSearchParams();
  useEffect(() => {
    const target = serverTarget(search);
    if (!target) return;
    setSelected({ account_id: target.accountId, id: target.serverId });
    setSearch({}, { replace: true });
  }, [search, setSearch]);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([
    ["mod+F", () => searchRef.current?.focus()],
    ["mod+shift+N", () => canCreate && setCreating(true)],
    ["/", () => searchRef.current?.focus()],
  ]);

  const accountsById = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, a])), [accounts.data]);
  const servers = live.servers;
  usePreparedSearch(servers);
  const filtered = useMemo(() => filterServers(servers, deferredFilters), [servers, deferredFilters]);
  const providerLabel = useCallback((s: Server) => labelOf(s.provider, providers.data), [providers.data]);
  const onOpen = useCallback((s: Server) => setSelected({ account_id: s.account_id, id: s.id }), []);
  const onRename = useCallback((s: Server) => setRenaming(s), []);
  const onDelete = useCallback((s: Server) => setDeleting(s), []);
  const selectedServer =
    (selected && servers.find((s) => s.account_id === selected.account_id && s.id === selected.id)) || null;
  // The delete dialog follows the live status (the snapshot if the server has gone meanwhile).
  const deletingServer =
    (deleting && servers.find((s) => s.account_id === deleting.account_id && s.id === deleting.id)) || deleting;

  const canCreate = (accounts.data ?? []).some((a) => hasCapability(a, "servers.create"));
  const filtersActive =
    filters.account !== null || filters.provider !== null || filters.status !== null || filters.search !== "";
  const providerOptions = useMemo(() => {
    const kinds = [...new Set((accounts.data ?? []).map((a) => a.provider))];
    return kinds.map((k) => ({ value: k, label: labelOf(k, providers.data) }));
  }, [accounts.data, providers.data]);

  // ---- states before the table
  if (accounts.isPending) {
    return (
      <Center h="60vh">
        <Loader size="sm" />
      </Center>
    );
  }
  if (accounts.isError) {
    return (
      <AccountsLoadError accounts={accounts} />
    );
  }
  if (!hasAccounts) return <Welcome onAddAccount={onAddAccount} />;

  const loadingAccounts = live.accounts.filter((a) => a.loading);
  const failedAccounts = live.accounts.filter((a) => a.error !== null);
  const staleAccounts = live.accounts.filter((a) => a.stale);
  const anyAnswered = live.accounts.some((a) => !a.loading);
  const total = servers.length;
  const countText = !anyAnswered
    ? ""
    : filtered.length === total
      ? `${total} ${total === 1 ? "server" : "servers"} across ${accountsById.size} ${accountsById.size === 1 ? "account" : "accounts"}`
      : `${filtered.length} of ${total} servers`;

  let body: ReactNode;
  if (total === 0 && loadingAccounts.length > 0) {
    // Nothing to show yet (no account has answered, or those that did have no server).
    body = (
      <Center className="servers-scroll" data-testid="servers-loading">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {anyAnswered ? "Waiting for the other accounts…" : "Asking every account for its servers…"}
          </Text>
        </Group>
      </Center>
    );
  } else if (total === 0) {
    body = (
      <Paper withBorder p="xl" radius="sm" data-testid="servers-empty">
        <Stack align="center" gap="xs">
          <IconServer size={32} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Text fw={600}>No servers yet</Text>
          <Text size="sm" c="dimmed" ta="center">
            {failedAccounts.length > 0
              ? "Some accounts could not be listed (see above). The others have no servers."
              : "Your accounts have no servers. Create one to get started."}
          </Text>
          {canCreate && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              Create server
            </Button>
          )}
        </Stack>
      </Paper>
    );
  } else if (filtered.length === 0) {
    body = (
      <Paper withBorder p="xl" radius="sm" data-testid="servers-no-match">
        <Stack align="center" gap="xs">
          <Text fw={600}>No servers match these filters</Text>
          <Button size="xs" variant="light" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </Button>
        </Stack>
      </Paper>
    );
  } else {
    body = (
      <ServersTable
        servers={filtered}
        inventory={servers}
        accountsById={accountsById}
        providerLabel={providerLabel}
        planName={planName}
        staleAccounts={live.staleIds}
        columnVisibility={visibility}
        sorting={sorting}
        onSortingChange={setSorting}
        onOpen={onOpen}
        onRename={onRename}
        onDelete={onDelete}
      />
    );
  }

  return (
    <div className="page-fill">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" align="baseline" wrap="wrap" style={{ minWidth: 0 }}>
          <Title order={3}>Servers</Title>
          <Text size="sm" c="dimmed" data-testid="servers-count">
            {countText}
          </Text>
          {loadingAccounts.map((a) => (
            <Group key={a.account.id} gap={4} wrap="nowrap" data-testid={`account-loading-${a.account.id}`}>
              <Loader size={10} aria-hidden />
              <Text size="sm" c="dimmed">
                Loading {a.account.name}…
              </Text>
            </Group>
          ))}
          {staleAccounts.map((a) => (
            <Tooltip key={a.account.id} label={staleReason(a, refreshIntervalMs)} events={{ hover: true, focus: true, touch: true }}>
              <Badge
                tabIndex={0}
                color="yellow"
                variant="light"
                size="sm"
                radius="sm"
                leftSection={<IconClockExclamation size={12} aria-hidden />}
                styles={{ root: { textTransform: "none" } }}
                data-testid={`stale-${a.account.id}`}
              >
                {a.account.name}: stale
                <span className="visually-hidden">. {staleReason(a, refreshIntervalMs)}</span>
              </Badge>
            </Tooltip>
          ))}
        </Group>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating(true)}
          disabled={!canCreate}
          title={canCreate ? undefined : "None of your accounts' providers supports creating servers"}
          data-testid="create-server-button"
        >
          Create server
        </Button>
      </Group>

      <Group gap="xs" wrap="wrap">
        <TextInput
          ref={searchRef}
          placeholder="Search name, IP or ID"
          aria-label="Search servers by name, IP address or ID"
          leftSection={<IconSearch size={14} />}
          rightSection={
            filters.search ? (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => setFilters((f) => ({ ...f, search: "" }))} />
            ) : undefined
          }
          value={filters.search}
          onChange={(e) => {
            const search = e.currentTarget.value;
            setFilters((f) => ({ ...f, search }));
          }}
          w={260}
          data-testid="search-input"
        />
        <Select
          placeholder="All accounts"
          aria-label="Filter by account"
          data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={filters.account}
          onChange={(account) => setFilters((f) => ({ ...f, account }))}
          clearable
          w={190}
          data-testid="filter-account"
        />
        <Select
          placeholder="All providers"
          aria-label="Filter by provider"
          data={providerOptions}
          value={filters.provider}
          onChange={(provider) => setFilters((f) => ({ ...f, provider: provider as ProviderKind | null }))}
          clearable
          w={160}
          data-testid="filter-provider"
        />
        <Select
          placeholder="All statuses"
          aria-label="Filter by status"
          data={ALL_STATUSES}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status: status as Status | null }))}
          clearable
          w={150}
          data-testid="filter-status"
        />
        {filtersActive && (
          <Button variant="subtle" size="sm" onClick={() => setFilters(NO_FILTERS)} data-testid="clear-filters">
            Clear
          </Button>
        )}
        <Menu closeOnItemClick={false} position="bottom-end" shadow="md" width={200}>
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconColumns3 size={16} />}
              ml="auto"
              data-testid="column-chooser"
            >
              Columns
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Visible columns</Menu.Label>
            {HIDEABLE_COLUMNS.map((c) => {
              const checked = visibility[c.id] !== false;
              return (
                <Menu.Item
                  key={c.id}
                  role="menuitemcheckbox"
                  aria-checked={checked}
                  data-testid={`column-toggle-${c.id}`}
                  leftSection={<Checkbox size="xs" checked={checked} readOnly tabIndex={-1} aria-hidden />}
                  onClick={() => setVisibility({ ...visibility, [c.id]: !checked })}
                >
                  {c.label}
                </Menu.Item>
              );
            })}
            <Menu.Divider />
            <Menu.Item onClick={() => setVisibility(DEFAULT_VISIBILITY)}>Reset to default</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      {failedAccounts.length > 0 && (
        <Stack gap={4} data-testid="account-errors">
          {failedAccounts.map((a) => (
            <Alert key={a.account.id} color="red" variant="light" py={6} icon={<IconAlertTriangle size={16} />}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" data-testid={`account-error-${a.account.id}`}>
                    <b>{a.account.name}</b>: {a.error!.message}
                  </Text>
                  {a.servers && (
                    <Text size="xs" c="dimmed">
                      Showing its servers as of {formatTime(a.updatedAt)}.
                    </Text>
                  )}
                </Stack>
                {/* Not the alert's own light red: red text on a tint over a tint is under 4.5:1. */}
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconRefresh size={14} />}
                  loading={a.fetching}
                  onClick={a.refetch}
                  aria-label={`Retry ${a.account.name}`}
                  data-testid={`account-retry-${a.account.id}`}
                >
                  Retry
                </Button>
              </Group>
            </Alert>
          ))}
        </Stack>
      )}

      {body}

      <ServerDetailDrawer
        server={selectedServer}
        account={selectedServer ? accountsById.get(selectedServer.account_id) : undefined}
        providerLabel={selectedServer ? providerLabel(selectedServer) : ""}
        planName={selectedServer ? planName(selectedServer) : null}
        onClose={() => setSelected(null)}
        onRename={onRename}
        onDelete={onDelete}
      />
      <RenameModal
        opened={renaming !== null}
        title="Rename server"
        description={renaming ? `${renaming.name} on ${renaming.account}` : undefined}
        currentName={renaming?.name ?? ""}
        onClose={() => setRenaming(null)}
        onSubmit={(name) => rename.mutateAsync({ server: renaming!, name })}
      />
      <DeleteServerModal
        server={deletingServer}
        account={deletingServer ? accountsById.get(deletingServer.account_id) : undefined}
        providerLabel={deletingServer ? providerLabel(deletingServer) : ""}
        onClose={() => setDeleting(null)}
      />
      <CreateServerModal opened={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
