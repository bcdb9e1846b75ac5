import { Tabs } from "@mantine/core";
import { IconChartBar, IconInfoCircle, IconCamera, IconNetwork, IconSettings, IconStack2, IconTerminal2, IconTool } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import type { AccountView, Capability, Server } from "../../../api/bindings";
import { useAccount } from "../../../api/queries";
import { forServer, hasCapability } from "../../../lib/capabilities";
import { ConsoleTab } from "./ConsoleTab";
import { GraphsTab } from "./GraphsTab";
import { MaintenanceTab } from "./MaintenanceTab";
import { ResourcesTab } from "./ResourcesTab";
import { SettingsTab } from "./SettingsTab";
import { ServerSetTab } from "./ServerSetTab";
import { NetworkTab } from "./NetworkTab";
import { SnapshotsTab } from "./SnapshotsTab";

type Tab = { id: string; label: string; icon: ReactNode; needs: Capability[] };

/** A tab shows when the server (its account, narrowed by `forServer`) has any of the capabilities it needs. */
const TABS: Tab[] = [
  { id: "network", label: "Network", icon: <IconNetwork size={14} />, needs: ["network.ips", "network.reverse_set", "network.reverse_list"] },
  { id: "snapshots", label: "Snapshots & backups", icon: <IconCamera size={14} />, needs: ["snapshots", "backups.restore", "backups.list", "os.reinstall", "os.change"] },
  { id: "graphs", label: "Graphs", icon: <IconChartBar size={14} />, needs: ["usage.graphs"] },
  { id: "maintenance", label: "Maintenance", icon: <IconTool size={14} />, needs: ["maintenance.recovery", "maintenance.rebuild_network", "maintenance.rebuild_pending", "clones", "server.managed_transfer"] },
  { id: "console", label: "Console", icon: <IconTerminal2 size={14} />, needs: ["console"] },
  { id: "settings", label: "Settings", icon: <IconSettings size={14} />, needs: ["server.settings"] },
  { id: "server-set", label: "Settings", icon: <IconSettings size={14} />, needs: ["servers.set"] },
  { id: "resources", label: "Resources", icon: <IconStack2 size={14} />, needs: ["server.resources"] },
];

const BACKUPS: Capability[] = ["backups.list", "backups.create", "backups.restore", "backups.delete", "backups.convert"];

/** The snapshots tab is named after what the provider keeps: Vultr both, VPS.NET backups only. */
function snapshotsLabel(account: AccountView | undefined): string {
  const snapshots = hasCapability(account, "snapshots");
  const backups = BACKUPS.some((c) => hasCapability(account, c));
  if (snapshots && backups) return "Snapshots & backups";
  return snapshots ? "Snapshots" : backups ? "Backups" : "System";
}

function tabsFor(account: Pick<AccountView, "capabilities"> | undefined): Tab[] {
  return TABS.filter((t) => t.needs.some((c) => hasCapability(account, c)));
}

export function visibleTabs(capabilities: Capability[]): string[] {
  return tabsFor({ capabilities }).map((t) => t.id);
}

/** The server detail's tabs: Overview (the caller's content) and what the provider supports. */
export function ServerTabs({ server, providerLabel, overview }: { server: Server; providerLabel: string; overview: ReactNode }) {
  const account = forServer(useAccount(server.account_id), server);
  const shown = tabsFor(account);
  const [tab, setTab] = useState<string | null>("overview");
  const active = tab === "overview" || shown.some((t) => t.id === tab) ? tab : "overview";
  const props = { server, account, providerLabel };
  return (
    <Tabs value={active} onChange={setTab} keepMounted={false} data-testid="detail-tabs">
      <Tabs.List mb="md">
        <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={14} />} data-testid="detail-tab-overview">
          Overview
        </Tabs.Tab>
        {shown.map((t) => (
          <Tabs.Tab key={t.id} value={t.id} leftSection={t.icon} data-testid={`detail-tab-${t.id}`}>
            {t.id === "snapshots" ? snapshotsLabel(account) : t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="overview">{overview}</Tabs.Panel>
      <Tabs.Panel value="network">{active === "network" && <NetworkTab {...props} />}</Tabs.Panel>
      <Tabs.Panel value="snapshots">{active === "snapshots" && <SnapshotsTab {...props} />}</Tabs.Panel>
      <Tabs.Panel value="graphs">{active === "graphs" && <GraphsTab server={server} account={account} />}</Tabs.Panel>
      <Tabs.Panel value="maintenance">{active === "maintenance" && <MaintenanceTab {...props} />}</Tabs.Panel>
      <Tabs.Panel value="console">{active === "console" && <ConsoleTab server={server} />}</Tabs.Panel>
      <Tabs.Panel value="settings">{active === "settings" && <SettingsTab server={server} providerLabel={providerLabel} />}</Tabs.Panel>
      <Tabs.Panel value="server-set">{active === "server-set" && <ServerSetTab server={server} />}</Tabs.Panel>
      <Tabs.Panel value="resources">{active === "resources" && <ResourcesTab {...props} />}</Tabs.Panel>
    </Tabs>
  );
}
