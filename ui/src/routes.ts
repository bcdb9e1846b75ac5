/**
 * The app's pages and their URLs. The router keeps them in the hash (`#/dns?ip=…`) because the
 * bundle is served from Tauri's custom protocol, where only the hash survives a reload.
 */
export const PAGES = ["servers", "accounts", "tickets", "billing", "dns", "resources"] as const;
export type Page = (typeof PAGES)[number];

export function pagePath(page: Page): string {
  return `/${page}`;
}

/** Any path that names no page (`/`, an old bookmark) shows the servers. */
export function pageOf(pathname: string): Page {
  const first = pathname.split("/")[1];
  return PAGES.find((p) => p === first) ?? "servers";
}

/** "Open a ticket about this server": the tickets page opens the new-ticket form pre-filled. */
export function newTicketPath(accountId: string, serverId: string): string {
  return `${pagePath("tickets")}?${new URLSearchParams({ account: accountId, server: serverId })}`;
}

/** The server a page was opened for (`?account=…&server=…`), if any. */
export function serverTarget(search: URLSearchParams): { accountId: string; serverId: string } | null {
  const accountId = search.get("account");
  const serverId = search.get("server");
  return accountId && serverId ? { accountId, serverId } : null;
}

/** The DNS page lists the records that point at this address (the link from a server's addresses). */
export function dnsAddressPath(address: string): string {
  return `${pagePath("dns")}?${new URLSearchParams({ ip: address })}`;
}

/** A server's details: the servers page opens its drawer (the command palette, links). */
export function serverPath(accountId: string, serverId: string): string {
  return `${pagePath("servers")}?${new URLSearchParams({ account: accountId, server: serverId })}`;
}

/** The billing page with the invoices of one account only ("Invoices of this account"). */
export function accountInvoicesPath(accountId: string): string {
  return `${pagePath("billing")}?${new URLSearchParams({ account: accountId })}`;
}
