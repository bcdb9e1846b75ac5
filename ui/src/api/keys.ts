import type { UsageSpan } from "../lib/usageSpan";
import type { Balance, StandardKind, TicketFilter, Transaction } from "./bindings";

/**
 * Every react-query key in the app, in one place: an invalidation works by prefix, so a key
 * written by hand elsewhere could silently fall outside the prefix meant to refresh it.
 * Everything an account's extras write can change lives under `extras.account(id)`.
 */
const extrasAccount = (accountId: string) => ["extras", accountId] as const;
const extrasServer = (accountId: string, serverId: string) => [...extrasAccount(accountId), "server", serverId] as const;

export const keys = {
  appStatus: ["appStatus"] as const,
  preferences: ["preferences"] as const,
  providers: ["providers"] as const,
  accounts: ["accounts"] as const,
  servers: {
    /** Prefix of every account's server list. */
    all: ["servers"] as const,
    account: (accountId: string) => ["servers", accountId] as const,
    /** One server with its details (the lists leave them out): refreshed with its account's list. */
    one: (accountId: string, serverId: string) => ["servers", accountId, "one", serverId] as const,
    /** The moving servers of an account, followed one by one (outside `all`: no list of its own). */
    following: (accountId: string, ids: string[]) => ["following", accountId, ...ids] as const,
  },
  catalog: {
    account: (accountId: string) => ["catalog", accountId] as const,
    plans: (accountId: string, region: string | null) => ["catalog", accountId, "plans", region] as const,
    images: (accountId: string, region: string | null) => ["catalog", accountId, "images", region] as const,
    regions: (accountId: string) => ["catalog", accountId, "regions"] as const,
  },
  jobs: ["jobs"] as const,
  /** The desktop notifications shown in this session (kept here, never fetched). */
  notices: ["notices"] as const,
  extras: {
    all: ["extras"] as const,
    account: extrasAccount,
    snapshots: (accountId: string) => [...extrasAccount(accountId), "snapshots"] as const,
    sshKeys: (accountId: string) => [...extrasAccount(accountId), "ssh_keys"] as const,
    scripts: (accountId: string) => [...extrasAccount(accountId), "scripts"] as const,
    isos: (accountId: string) => [...extrasAccount(accountId), "isos"] as const,
    accountIps: (accountId: string, consumer: string | null = null) => [...extrasAccount(accountId), "account-ips", consumer] as const,
    justifiedIps: (accountId: string) => [...extrasAccount(accountId), "justified-ips"] as const,
    deleted: (accountId: string) => [...extrasAccount(accountId), "deleted"] as const,
    nodes: (accountId: string, consumer: string | null = null) => [...extrasAccount(accountId), "nodes", consumer] as const,
    cloudGroups: (accountId: string) => [...extrasAccount(accountId), "cloud-groups"] as const,
    /** The account's servers for pickers, refreshed with the rest of its extras. */
    serverChoices: (accountId: string) => [...extrasAccount(accountId), "servers"] as const,
    drives: (accountId: string) => [...extrasAccount(accountId), "drives"] as const,
    standardDrives: (accountId: string, kind: StandardKind) => [...extrasAccount(accountId), "standard", kind] as const,
    vlans: (accountId: string) => [...extrasAccount(accountId), "vlans"] as const,
    staticIps: (accountId: string) => [...extrasAccount(accountId), "static_ips"] as const,
    serverGroups: (accountId: string) => [...extrasAccount(accountId), "server_groups"] as const,
    profile: (accountId: string) => [...extrasAccount(accountId), "profile"] as const,
    templates: {
      custom: (accountId: string) => [...extrasAccount(accountId), "templates", "custom"] as const,
      offered: (accountId: string) => [...extrasAccount(accountId), "templates", "offered"] as const,
      info: (accountId: string, regionId: string, templateId: string) =>
        [...extrasAccount(accountId), "templates", "info", regionId, templateId] as const,
      licences: (accountId: string) => [...extrasAccount(accountId), "templates", "licences"] as const,
    },
    server: extrasServer,
    addresses: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "addresses"] as const,
    reverse6: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "reverse6"] as const,
    osOptions: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "os"] as const,
    graphs: (accountId: string, serverId: string, span: UsageSpan | null = null) => [...extrasServer(accountId, serverId), "graphs", span] as const,
    console: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "console"] as const,
    settings: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "settings"] as const,
    licences: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "licences"] as const,
    resources: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "resources"] as const,
    backups: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "backups"] as const,
    clones: (accountId: string, serverId: string) => [...extrasServer(accountId, serverId), "clones"] as const,
  },
  billing: {
    all: ["billing"] as const,
    balance: (accountId: string) => ["billing", "balance", accountId] as const,
    /** Keyed by the balances themselves: new figures are new totals. */
    totals: (balances: Balance[]) => ["billing", "totals", balances] as const,
    /** Prefix of every account's invoices. */
    allInvoices: ["billing", "invoices"] as const,
    invoices: (accountId: string) => ["billing", "invoices", accountId] as const,
    transactions: (accountId: string) => ["billing", "transactions", accountId] as const,
    /** Keyed by the transactions themselves, as the totals are by their balances. */
    dailyCharges: (transactions: Transaction[]) => ["billing", "daily-charges", transactions] as const,
    usage: (accountId: string) => ["billing", "usage", accountId] as const,
    pricing: (accountId: string) => ["billing", "pricing", accountId] as const,
    subscriptions: (accountId: string) => ["billing", "subscriptions", accountId] as const,
    subscribedTotals: (accountId: string) => ["billing", "subscribed-totals", accountId] as const,
    currencies: (accountId: string) => ["billing", "currencies", accountId] as const,
  },
  tickets: {
    all: ["tickets"] as const,
    /** Prefix of every ticket list. */
    lists: ["tickets", "list"] as const,
    list: (filter: TicketFilter) => ["tickets", "list", filter.status, filter.department] as const,
    thread: (accountId: string, ticketId: string) => ["tickets", "thread", accountId, ticketId] as const,
    managed: (accountId: string) => ["tickets", "managed", accountId] as const,
  },
  dns: {
    all: ["dns"] as const,
    zones: (accountId: string) => ["dns", accountId, "zones"] as const,
    records: (accountId: string, zone: string) => ["dns", accountId, "records", zone] as const,
    templates: (accountId: string) => ["dns", accountId, "templates"] as const,
    templateRecords: (accountId: string, templateId: string) => ["dns", accountId, "template", templateId] as const,
    address: (address: string) => ["dns", "address", address] as const,
  },
};
