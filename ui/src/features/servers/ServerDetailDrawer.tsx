import { Drawer, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { AccountView, Server } from "../../api/bindings";
import { useServerDetails } from "../../api/queries";
import { useDelegatedTooltip } from "../../components/DelegatedTooltip";
import { LoadingOrError } from "../../components/QueryState";
import { StatusBadge } from "../../components/StatusBadge";
import { dnsAddressPath } from "../../routes";
import { ServerTabs } from "./tabs/ServerTabs";
import { ServerActions } from "./ServerActions";
import { Time } from "../../components/Time";

type Props = {
  server: Server | null;
  account: AccountView | undefined;
  providerLabel: string;
  /** The plan's name from the account's catalog, when it knows the plan id. */
  planName?: string | null;
  onClose: () => void;
  onRename: (s: Server) => void;
  onDelete: (s: Server) => void;
};

function ipList(ips: string[]): ReactNode {
  if (ips.length === 0) return "—";
  return (
    <Stack gap={0}>
      {ips.map((ip) => (
        <Text key={ip} size="sm" ff="monospace" component={Link} to={dnsAddressPath(ip)} c="blue" title="DNS records that point at this address" data-testid={`dns-link-${ip}`}>
          {ip}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * What the list knows of the server, live as the list refreshes, then the provider's own fields,
 * which only `get_server` reads (the lists leave them out).
 */
function OverviewTable({ server, providerLabel, planName }: { server: Server; providerLabel: string; planName?: string | null }) {
  const full = useServerDetails(server);
  const rows: Array<[string, ReactNode]> = [
    ["ID", <Text size="sm" ff="monospace">{server.id}</Text>],
    ["Account", server.account],
    ["Provider", providerLabel],
    ["Status", server.status],
    ["Provider status", server.provider_status || "—"],
    ["IPv4", ipList(server.ipv4)],
    ["IPv6", ipList(server.ipv6)],
    ["Region", server.region || "—"],
    ["Plan", planName ? `${planName} (${server.plan})` : server.plan || "—"],
    ["Created", <Time value={server.created_at} />],
    ...(full.data?.details ?? []).map((d): [string, ReactNode] => [d.label, d.value]),
  ];
  return (
    <Table withRowBorders verticalSpacing={6} fz="sm" data-testid="detail-table" aria-busy={full.isPending}>
      <Table.Tbody>
        {rows.map(([k, v], i) => (
          <Table.Tr key={`${k}-${i}`}>
            <Table.Th w={160} fw={500} c="dimmed" style={{ verticalAlign: "top" }}>
              {k}
            </Table.Th>
            <Table.Td style={{ wordBreak: "break-word" }}>{v}</Table.Td>
          </Table.Tr>
        ))}
        {!full.data && (
          <Table.Tr>
            <Table.Td colSpan={2}>
              <LoadingOrError query={full} errorTestId="detail-error" />
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

export function ServerDetailDrawer({ server, account, providerLabel, planName, onClose, onRename, onDelete }: Props) {
  const tips = useDelegatedTooltip();
  return (
    <Drawer.Root opened={server !== null} onClose={onClose} position="right" size={680} padding="md">
      <Drawer.Overlay backgroundOpacity={0.25} />
      <Drawer.Content data-testid="detail-drawer" aria-label={server ? `Server ${server.name || server.id}` : undefined}>
        <Drawer.Header>
          {server && (
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Title order={4} lineClamp={1}>
                {server.name || server.id}
              </Title>
              <StatusBadge status={server.status} providerStatus={server.provider_status} testId={`detail-status-${server.account_id}-${server.id}`} />
            </Group>
          )}
          <Drawer.CloseButton aria-label="Close details" />
        </Drawer.Header>
        <Drawer.Body>
          {server && (
            <ServerTabs
              key={`${server.account_id}\u0000${server.id}`}
              server={server}
              providerLabel={providerLabel}
              overview={
            <Stack gap="md">
              <div {...tips.handlers} style={{ alignSelf: "flex-start" }}>
                {tips.tooltip}
                <ServerActions
                  server={server}
                  account={account}
                  providerLabel={providerLabel}
                  onRename={onRename}
                  onDelete={onDelete}
                  testIdPrefix="detail-action"
                />
              </div>
              {server.capabilities && (
                <Text size="sm" c="dimmed" data-testid="detail-limited">
                  {providerLabel}&apos;s API offers this kind of server only the actions enabled above. Use {providerLabel}&apos;s control panel for the rest.
                </Text>
              )}
              <OverviewTable server={server} providerLabel={providerLabel} planName={planName} />
            </Stack>
              }
            />
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
