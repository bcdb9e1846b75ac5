import { ActionIcon, Alert, AppShell, Badge, Burger, Group, NavLink, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconKey, IconLock, IconRefresh, IconServer2, IconUsers } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useAccounts, useAppStatus, useInventory, useRefreshAll } from "./api/queries";
import { AddAccountModal } from "./features/accounts/AddAccountModal";
import { AccountsPage } from "./pages/AccountsPage";
import { ServersPage } from "./pages/ServersPage";

export type Page = "servers" | "accounts";

function pageFromHash(): Page {
  return window.location.hash === "#/accounts" ? "accounts" : "servers";
}

/** The current page lives in the URL hash so that a reload keeps it. */
function useHashPage(): [Page, (p: Page) => void] {
  const [page, setPage] = useState<Page>(pageFromHash);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = (p: Page) => {
    if (window.location.hash !== `#/${p}`) window.location.hash = `#/${p}`;
    setPage(p);
  };
  return [page, go];
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

export function App() {
  const [page, go] = useHashPage();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [addOpen, setAddOpen] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const refreshAll = useRefreshAll();
  const status = useAppStatus();
  const accounts = useAccounts();
  const inventory = useInventory({ enabled: (accounts.data?.length ?? 0) > 0 });

  const navigate = (p: Page) => {
    go(p);
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
          <Tooltip label="Refresh everything">
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
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <NavLink
          component="button"
          label="Servers"
          leftSection={<IconServer2 size={18} />}
          rightSection={
            inventory.data ? (
              <Text size="xs" c="dimmed">
                {inventory.data.servers.length}
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
        {page === "servers" ? (
          <ServersPage onAddAccount={() => setAddOpen(true)} />
        ) : (
          <AccountsPage onAdd={() => setAddOpen(true)} />
        )}
        <AddAccountModal opened={addOpen} onClose={() => setAddOpen(false)} />
      </AppShell.Main>
    </AppShell>
  );
}
