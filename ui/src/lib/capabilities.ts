import type { AccountView, Capability } from "../api/bindings";

/**
 * The one test by which the UI shows or hides a feature: whether the account's provider offers
 * `capability`, as its `AccountView.capabilities` says (unknown account: no).
 */
export function hasCapability(account: Pick<AccountView, "capabilities"> | null | undefined, capability: Capability): boolean {
  return account?.capabilities.includes(capability) ?? false;
}
