/** The route that opens the new-ticket form about one server: `#/tickets?account=ID&server=ID`. */
export function newTicketHash(accountId: string, serverId: string): string {
  return `#/tickets?${new URLSearchParams({ account: accountId, server: serverId })}`;
}

export function parseNewTicketHash(hash: string): { accountId: string; serverId: string } | null {
  const [path, query] = hash.split("?");
  if (path !== "#/tickets" || !query) return null;
  const p = new URLSearchParams(query);
  const accountId = p.get("account");
  const serverId = p.get("server");
  return accountId && serverId ? { accountId, serverId } : null;
}
