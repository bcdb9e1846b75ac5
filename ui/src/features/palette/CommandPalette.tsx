import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from "@mantine/spotlight";
import "@mantine/spotlight/styles.css";
import {
  IconFileInvoice,
  IconLifebuoy,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
  IconSearch,
  IconServer,
  IconTerminal2,
  IconUserPlus,
  IconWorldWww,
  IconArrowRight,
} from "@tabler/icons-react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { keys } from "../../api/keys";
import type { AccountView, Invoice, PowerAction, ProviderInfo, Server, TicketInventory, Zone } from "../../api/bindings";
import { useServerAction } from "../../api/queries";
import { sshUnavailable, useOpenSsh } from "../../api/ssh";
import { actionAvailability } from "../../lib/actions";
import { providerLabel } from "../../lib/labels";
import { accountInvoicesPath, pagePath, PAGES, serverPath, type Page } from "../../routes";

export const PAGE_TITLES: Record<Page, string> = {
  servers: "Servers",
  accounts: "Accounts",
  tickets: "Tickets",
  billing: "Billing",
  dns: "DNS",
  resources: "Resources",
};

const POWER: Array<{ action: PowerAction; label: string; icon: ReactNode }> = [
  { action: "reboot", label: "Reboot", icon: <IconRefresh size={18} /> },
  { action: "start", label: "Start", icon: <IconPlayerPlay size={18} /> },
  { action: "stop", label: "Stop", icon: <IconPlayerStop size={18} /> },
];

type Props = {
  servers: Server[];
  accounts: AccountView[];
  providers: ProviderInfo[] | undefined;
  onRefresh: () => void;
  onAddAccount: () => void;
};

/** An action with its test id (Spotlight passes unknown props to the button). */
function item(id: string, action: Omit<SpotlightActionData, "id">): SpotlightActionData {
  return { id, ...action, ...({ "data-testid": `palette-${id}` } as object) };
}

/** What other pages have loaded already: the palette finds it without asking any provider again. */
function cached<T>(qc: QueryClient, queryKey: readonly string[]): T[] {
  return qc.getQueriesData<T>({ queryKey }).flatMap(([, data]) => (data === undefined ? [] : [data]));
}

/**
 * The command palette (Ctrl/Cmd+K): finds a page, a server (open it, start, stop, reboot it where
 * that is possible now, open SSH to it), an invoice, a ticket or a DNS zone that has been loaded, and the app's own
 * commands. Built only while open, so a large fleet costs nothing the rest of the time.
 */
export function CommandPalette({ servers, accounts, providers, onRefresh, onAddAccount }: Props) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const power = useServerAction();
  const ssh = useOpenSsh();
  const [opened, setOpened] = useState(false);

  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    if (!opened) return [];
    const go = (path: string) => () => void navigate(path);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const serverActions = servers.flatMap((s) => {
      const account = byId.get(s.account_id);
      const label = providerLabel(s.provider, providers);
      const where = [s.account, s.status, s.ipv4[0]].filter(Boolean).join(" · ");
      const keywords = [s.id, s.account, label, ...s.ipv4, ...s.ipv6];
      const name = s.name || s.id;
      const key = `${s.account_id}-${s.id}`;
      return [
        item(`server-open-${key}`, { label: name, description: where, keywords, leftSection: <IconServer size={18} />, onClick: go(serverPath(s.account_id, s.id)) }),
        ...POWER.filter((p) => actionAvailability(p.action, s, account, label).enabled).map((p) =>
          item(`server-${p.action}-${key}`, {
            label: `${p.label} ${name}`,
            description: where,
            keywords,
            leftSection: p.icon,
            onClick: () => power.mutate({ server: s, action: p.action }),
          }),
        ),
        ...(sshUnavailable(s)
          ? []
          : [
              item(`server-ssh-${key}`, {
                label: `Open SSH to ${name}`,
                description: where,
                keywords,
                leftSection: <IconTerminal2 size={18} />,
                onClick: () => ssh.mutate({ server: s }),
              }),
            ]),
      ];
    });
    const invoices = cached<Invoice[]>(qc, keys.billing.allInvoices)
      .flat()
      .map((i) =>
        item(`invoice-${i.account_id}-${i.id}`, {
          label: `Invoice ${i.number}`,
          description: `${i.account} · ${i.amount} ${i.currency} · ${i.status}`,
          keywords: [i.id, i.account],
          leftSection: <IconFileInvoice size={18} />,
          onClick: go(accountInvoicesPath(i.account_id)),
        }),
      );
    const tickets = cached<TicketInventory>(qc, keys.tickets.lists)
      .flatMap((t) => t.tickets)
      .filter((t, n, all) => all.findIndex((u) => u.account_id === t.account_id && u.id === t.id) === n)
      .map((t) =>
        item(`ticket-${t.account_id}-${t.id}`, {
          label: `Ticket ${t.id}: ${t.subject}`,
          description: `${t.account} · ${t.status}`,
          leftSection: <IconLifebuoy size={18} />,
          onClick: go(pagePath("tickets")),
        }),
      );
    const zones = qc
      .getQueriesData<Zone[]>({ queryKey: keys.dns.all })
      .filter(([key]) => key[2] === "zones")
      .flatMap(([key, data]) =>
        (data ?? []).map((z) =>
          item(`zone-${String(key[1])}-${z.id}`, {
            label: `Zone ${z.name}`,
            description: byId.get(String(key[1]))?.name,
            leftSection: <IconWorldWww size={18} />,
            onClick: go(pagePath("dns")),
          }),
        ),
      );
    const app = [
      ...PAGES.map((p) => item(`page-${p}`, { label: `Go to ${PAGE_TITLES[p]}`, leftSection: <IconArrowRight size={18} />, onClick: go(pagePath(p)) })),
      item("refresh", { label: "Refresh everything", description: "Ctrl+Shift+R", leftSection: <IconRefresh size={18} />, onClick: onRefresh }),
      item("add-account", { label: "Add an account", leftSection: <IconUserPlus size={18} />, onClick: onAddAccount }),
    ];
    return [
      { group: "Servers", actions: serverActions },
      { group: "Invoices", actions: invoices },
      { group: "Tickets", actions: tickets },
      { group: "DNS zones", actions: zones },
      { group: "vpsdesk", actions: app },
    ].filter((g) => g.actions.length > 0);
  }, [opened, servers, accounts, providers, qc, navigate, power, ssh, onRefresh, onAddAccount]);

  return (
    <Spotlight
      actions={actions}
      shortcut={["mod + K"]}
      onSpotlightOpen={() => setOpened(true)}
      onSpotlightClose={() => setOpened(false)}
      limit={40}
      highlightQuery
      nothingFound="Nothing found"
      scrollable
      maxHeight={420}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: "Find a server, invoice, ticket, zone or page…", "aria-label": "Command palette" } as object}
    />
  );
}
