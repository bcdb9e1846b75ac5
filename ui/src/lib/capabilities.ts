import type { AccountView, Capability, Server } from "../api/bindings";

/**
 * The one test by which the UI shows or hides a feature: whether the account's provider offers
 * `capability`, as its `AccountView.capabilities` says (unknown account: no).
 */
export function hasCapability(account: Pick<AccountView, "capabilities"> | null | undefined, capability: Capability): boolean {
  return account?.capabilities.includes(capability) ?? false;
}

/**
 * The account as far as one server goes: a server that lists its own `capabilities` (a VPS.NET
 * SSD VPS: power and delete) keeps only those of its account's; any other server, all of them.
 */
export function forServer<A extends Pick<AccountView, "capabilities">>(account: A | undefined, server: Pick<Server, "capabilities">): A | undefined {
  const only = server.capabilities;
  if (!account || !only) return account;
  return { ...account, capabilities: account.capabilities.filter((c) => only.includes(c)) };
}
