import { Alert, Group, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useEffect, useEffectEvent, useState, type ReactNode } from "react";
import type { AccountView, Capability } from "../api/bindings";
import { useAccounts } from "../api/queries";
import { hasCapability } from "../lib/capabilities";
import { providerLabel } from "../lib/labels";
import { IsosPanel } from "../features/images/IsosPanel";
import { ScriptsPanel } from "../features/account/ScriptsPanel";
import { SshKeysPanel } from "../features/account/SshKeysPanel";
import { TemplatesPanel } from "../features/images/TemplatesPanel";
import { DeletedServersPanel } from "../features/servers/DeletedServersPanel";
import { NodesPanel } from "../features/account/NodesPanel";
import { AccountIpsPanel } from "../features/network/AccountIpsPanel";
import { CloudGroupsPanel } from "../features/account/CloudGroupsPanel";
import { DrivesPanel } from "../features/storage/DrivesPanel";
import { VlansAndStaticIpsPanel } from "../features/network/VlansAndStaticIpsPanel";
import { ProfilePanel } from "../features/account/ProfilePanel";
import { ServerFleetPanel } from "../features/servers/ServerFleetPanel";
import { ServerGroupsPanel } from "../features/servers/ServerGroupsPanel";
import { LoadingOrError } from "../components/QueryState";

/**
 * Account-level resources, one section per kind. An account's capabilities decide whether a
 * section lists it; new kinds (drives, VLANs and IPs, server groups) are one more entry here.
 */
type Section = { id: string; label: string; capability: Capability; what: string; render: (accountId: string) => ReactNode };

const SECTIONS: Section[] = [
  { id: "ssh_keys", label: "SSH keys", capability: "account.ssh_keys", what: "stored SSH keys", render: (id) => <SshKeysPanel accountId={id} /> },
  { id: "scripts", label: "Startup scripts", capability: "account.scripts", what: "stored startup scripts", render: (id) => <ScriptsPanel accountId={id} /> },
  { id: "isos", label: "ISOs", capability: "os.isos", what: "ISO list", render: (id) => <IsosPanel accountId={id} /> },
  { id: "templates", label: "Templates", capability: "account.custom_templates", what: "template management", render: (id) => <TemplatesPanel accountId={id} /> },
  { id: "nodes", label: "Nodes", capability: "account.nodes", what: "node management", render: (id) => <NodesPanel accountId={id} /> },
  { id: "addresses", label: "IP addresses", capability: "account.ips", what: "account-wide address list", render: (id) => <AccountIpsPanel accountId={id} /> },
  { id: "cloud_groups", label: "Cloud groups", capability: "account.cloud_groups", what: "cloud groups", render: (id) => <CloudGroupsPanel accountId={id} /> },
  { id: "deleted", label: "Deleted servers", capability: "account.recoverable", what: "recoverable deleted servers", render: (id) => <DeletedServersPanel accountId={id} /> },
  { id: "drives", label: "Drives", capability: "account.drives", what: "drives", render: (id) => <DrivesPanel accountId={id} /> },
  { id: "network", label: "VLANs & IPs", capability: "account.vlans", what: "VLANs or static IPs", render: (id) => <VlansAndStaticIpsPanel accountId={id} /> },
  { id: "groups", label: "Server groups", capability: "account.server_groups", what: "server groups", render: (id) => <ServerGroupsPanel accountId={id} /> },
  { id: "fleet", label: "Bulk & copy", capability: "servers.bulk", what: "several-server actions or server copies", render: (id) => <ServerFleetPanel accountId={id} /> },
  { id: "profile", label: "Profile", capability: "account.profile", what: "account profile", render: (id) => <ProfilePanel accountId={id} /> },
];

export function ResourcesPage() {
  const accounts = useAccounts();
  const [sectionId, setSectionId] = useState(SECTIONS[0].id);
  const [accountId, setAccountId] = useState<string | null>(null);
  const section = SECTIONS.find((s) => s.id === sectionId)!;
  const offering = (accounts.data ?? []).filter((a) => hasCapability(a, section.capability));
  const others = (accounts.data ?? []).filter((a) => !hasCapability(a, section.capability));

  // Keep a valid account for the section: the chosen one if it offers it, else the first that does.
  const keepValidAccount = useEffectEvent(() => {
    if (!offering.some((a) => a.id === accountId)) setAccountId(offering[0]?.id ?? null);
  });
  useEffect(() => keepValidAccount(), [sectionId, accounts.data]);

  const label = (a: AccountView) => `${a.name} — ${providerLabel(a.provider)}`;

  return (
    <Stack gap="md" data-testid="resources-page">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>Resources</Title>
        <SegmentedControl
          value={sectionId}
          onChange={setSectionId}
          data={SECTIONS.map((s) => ({ value: s.id, label: s.label }))}
          data-testid="resources-section"
        />
      </Group>
      {accounts.isPending || accounts.isError ? (
        <LoadingOrError query={accounts} />
      ) : offering.length === 0 ? (
        <Alert color="gray" variant="light" data-testid="resources-unsupported">
          None of your accounts' providers offers {section.what} through its API.
        </Alert>
      ) : (
        <>
          <Select
            label="Account"
            data={offering.map((a) => ({ value: a.id, label: label(a) }))}
            value={accountId}
            onChange={setAccountId}
            allowDeselect={false}
            maw={420}
            data-testid="resources-account"
          />
          {others.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="resources-others">
              Not listed: {others.map((a) => `${a.name} (${providerLabel(a.provider)}'s API has no ${section.what})`).join(", ")}.
            </Text>
          )}
          {accountId && <div key={`${section.id}-${accountId}`}>{section.render(accountId)}</div>}
        </>
      )}
    </Stack>
  );
}
