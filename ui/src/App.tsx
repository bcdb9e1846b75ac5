import { ActionIcon, Alert, AppShell, Badge, Burger, Center, Group, Loader, NativeSelect, NavLink, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure, useHotkeys } from "@mantine/hooks";
import { spotlight } from "@mantine/spotlight";
import { IconAlertTriangle, IconClock, IconKey, IconLock, IconRefresh, IconSearch, IconServer2, IconUsers } from "@tabler/icons-react";
import { lazy, Suspense, useState } from "react";
import { Route, Routes, useLocation, useNavigate } from "react-router";
import { useAccounts, useAppStatus, useLiveInventory, useProviders, useRefreshAll, type LiveInventory } from "./api/queries";
import { CommandPalette } from "./features/palette/CommandPalette";
import { useImportLegacyPreferences } from "./api/preferences";
import { formatTime, parseRefreshInterval, REFRESH_INTERVALS, useRefreshInterval } from "./lib/refresh";
import { AddAccountModal } from "./features/accounts/AddAccountModal";
import { ServersPage } from "./pages/ServersPage";
import { IconLifebuoy, IconReceipt, IconStack2, IconWorldWww } from "@tabler/icons-react";
import { JobsButton } from "./features/jobs/JobsDrawer";
import { NoticesButton } from "./features/notices/NoticesButton";
import { PreferencesButton } from "./features/preferences/PreferencesButton";
import { useBalanceNotices, useServerNotices } from "./api/notices";
import { pageOf, pagePath, type Page } from "./routes";

/* The servers page is the first screen and ships in the main bundle; every other page is its own
   chunk, fetched when it is first opened, so the first paint waits only for the code it shows. */
const AccountsPage = lazy(() => import("./pages/AccountsPage").then((m) => ({ default: m.AccountsPage })));
const TicketsPage = lazy(() => import("./pages/TicketsPage").then((m) => ({ default: m.TicketsPage })));
const BillingPage = lazy(() => import("./pages/BillingPage").then((m) => ({ default: m.BillingPage })));
const DnsPage = lazy(() => import("./pages/DnsPage").then((m) => ({ default: m.DnsPage })));
const ResourcesPage = lazy(() => import("./pages/ResourcesPage").then((m) => ({ default: m.ResourcesPage })));

function PageLoading() {
  return (
    <Center py="xl" data-testid="page-loading">
      <Loader size="sm" aria-label="Loading the page" />
    </Center>
  );
}

function Banners() {
  const status = useAppStatus();
  if (status.isError) {
    return (
      <Alert color="red" variant="light" py={6} mb="sm" icon={<IconAlertTriangle size={16} />} data-testid="status-error">
        Could not read the app status: {status.error.message}
      </Alert>
    );
  }
  const s = status.data;
  if (!s || (s.keychain.ok && !s.store_warning)) return null;
  return (
    <Stack gap="xs" mb="sm" data-testid="banners">
      {!s.keychain.ok && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconLock size={18} />}
          title="The system keychain is not available"
          data-testid="keychain-alert"
        >
          {s.keychain.message ?? "vpsdesk cannot read or store credentials, so accounts cannot be used."}
        </Alert>
      )}
      {s.store_warning && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="store-warning">
          {s.store_warning}
        </Alert>
      )}
    </Stack>
  );
}

/** "Updated 12:03:41"; the tooltip has every account's time. */
function LastRefreshed({ live }: { live: LiveInventory }) {
  const detail = live.accounts
    .map((a) => `${a.account.name}: ${a.servers ? formatTime(a.updatedAt) : a.loading ? "loading" : "not loaded"}${a.stale ? " (stale)" : ""}`)
    .join("\n");
  return (
    <Text
      size="xs"
      c="dimmed"
      visibleFrom="xs"
      title={detail}
      data-updated-at={live.lastUpdated ? new Date(live.lastUpdated).toISOString() : undefined}
      data-testid="last-refreshed"
    >
      {live.lastUpdated ? `Updated ${formatTime(live.lastUpdated)}` : "Updating…"}
    </Text>
  );
}

export function App() {
  const location = useLocation();
  const page = pageOf(location.pathname);
  const go = useNavigate();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [addOpen, setAddOpen] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const refreshAll = useRefreshAll();
  const status = useAppStatus();
  const accounts = useAccounts();
  useImportLegacyPreferences();
  const [refreshMs, setRefreshMs] = useRefreshInterval();
  const live = useLiveInventory(accounts.data, refreshMs);
  useServerNotices(live.servers);
  useBalanceNotices(accounts.data, refreshMs);
  const hasAccounts = (accounts.data?.length ?? 0) > 0;

  const navigate = (p: Page) => {
    // A page's link also drops a query it was opened with (the DNS page's address search).
    if (`${location.pathname}${location.search}` !== pagePath(p)) void go(pagePath(p));
    closeNav();
  };

  const refresh = async () => {
    setRefreshing(true);
    try {
      await refreshAll();
    } finally {
      setRefreshing(false);
    }
  };
  const providers = useProviders();
  // Ctrl+Shift+R rather than Ctrl+R, which would reload the page.
  useHotkeys([["mod+shift+R", () => void refresh()]]);

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 180, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="sm"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <IconServer2 size={20} color="var(--mantine-primary-color-filled)" aria-hidden />
            <Title order={4} fw={700} data-testid="app-title">
              vpsdesk
            </Title>
            {status.data?.demo_running && (
              <Badge variant="light" color="violet" size="sm" data-testid="demo-badge">
                demo
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {hasAccounts && <LastRefreshed live={live} />}
            <NativeSelect
              size="xs"
              w={96}
              leftSection={<IconClock size={14} aria-hidden />}
              aria-label="Refresh servers in the background every"
              title="Refresh servers in the background every…"
              data={REFRESH_INTERVALS.map((o) => ({ value: String(o.ms), label: o.label }))}
              value={String(refreshMs)}
              onChange={(e) => setRefreshMs(parseRefreshInterval(e.currentTarget.value))}
              data-testid="refresh-interval"
            />
            <PreferencesButton />
            <Tooltip label="Find and run (Ctrl+K)">
              <ActionIcon variant="default" size="lg" aria-label="Find and run" onClick={() => spotlight.open()} data-testid="palette-open">
                <IconSearch size={18} />
              </ActionIcon>
            </Tooltip>
            <JobsButton />
            <NoticesButton />
            <Tooltip label="Refresh everything (Ctrl+Shift+R)">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Refresh"
                loading={refreshing}
                onClick={refresh}
                data-testid="refresh-button"
              >
                <IconRefresh size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <CommandPalette
        servers={live.servers}
        accounts={accounts.data ?? []}
        providers={providers.data}
        onRefresh={() => void refresh()}
        onAddAccount={() => setAddOpen(true)}
      />
      <AppShell.Navbar p="xs">
        <NavLink
          component="button"
          label="Servers"
          leftSection={<IconServer2 size={18} />}
          rightSection={
            hasAccounts && live.accounts.some((a) => a.servers) ? (
              <Text size="xs" c="dimmed">
                {live.servers.length}
              </Text>
            ) : undefined
          }
          active={page === "servers"}
          onClick={() => navigate("servers")}
          aria-current={page === "servers" ? "page" : undefined}
          data-testid="nav-servers"
        />
        <NavLink
          component="button"
          label="Accounts"
          leftSection={<IconUsers size={18} />}
          rightSection={
            accounts.data ? (
              <Text size="xs" c="dimmed">
                {accounts.data.length}
              </Text>
            ) : undefined
          }
          active={page === "accounts"}
          onClick={() => navigate("accounts")}
          aria-current={page === "accounts" ? "page" : undefined}
          data-testid="nav-accounts"
        />
        <NavLink
          component="button"
          label="Tickets"
          leftSection={<IconLifebuoy size={18} />}
          active={page === "tickets"}
          onClick={() => navigate("tickets")}
          aria-current={page === "tickets" ? "page" : undefined}
          data-testid="nav-tickets"
        />
        <NavLink
          component="button"
          label="Billing"
          leftSection={<IconReceipt size={18} />}
          active={page === "billing"}
          onClick={() => navigate("billing")}
          aria-current={page === "billing" ? "page" : undefined}
          data-testid="nav-billing"
        />
        <NavLink
          component="button"
          label="DNS"
          leftSection={<IconWorldWww size={18} />}
          active={page === "dns"}
          onClick={() => navigate("dns")}
          aria-current={page === "dns" ? "page" : undefined}
          data-testid="nav-dns"
        />
        <NavLink
          component="button"
          label="Resources"
          leftSection={<IconStack2 size={18} />}
          active={page === "resources"}
          onClick={() => navigate("resources")}
          aria-current={page === "resources" ? "page" : undefined}
          data-testid="nav-resources"
        />
        {status.data && (
          <Group gap={6} mt="auto" px="xs" py={6} wrap="nowrap">
            <IconKey size={14} color={status.data.keychain.ok ? "var(--mantine-color-teal-6)" : "var(--mantine-color-red-6)"} />
            <Text size="xs" c="dimmed">
              {status.data.keychain.ok ? "Keychain ready" : "Keychain unavailable"}
            </Text>
          </Group>
        )}
      </AppShell.Navbar>

      <AppShell.Main className={page === "servers" ? "main-fill" : undefined}>
        <Banners />
        <Suspense fallback={<PageLoading />}>
          <Routes>
            {/* The servers page also answers every path that names no page, as the home page. */}
            <Route path="*" element={<ServersPage onAddAccount={() => setAddOpen(true)} live={live} refreshIntervalMs={refreshMs} />} />
            <Route path={pagePath("accounts")} element={<AccountsPage onAdd={() => setAddOpen(true)} />} />
            <Route path={pagePath("tickets")} element={<TicketsPage />} />
            <Route path={pagePath("billing")} element={<BillingPage />} />
            <Route path={pagePath("dns")} element={<DnsPage />} />
            <Route path={pagePath("resources")} element={<ResourcesPage />} />
          </Routes>
        </Suspense>
        <AddAccountModal opened={addOpen} onClose={() => setAddOpen(false)} />
      </AppShell.Main>
    </AppShell>
  );
}
