import type { Capability, ProviderKind } from "../api/bindings";
import { account, ALL_CAPS, demoState, type BackendState } from "../api/mockBackend";

export type Declared = { id: string; name: string; provider: ProviderKind; capabilities: Capability[] };

/**
 * The demo with only these accounts, each declaring server power plus `capabilities`, as the
 * Billing, Tickets and DNS pages read them from the accounts list.
 */
export function stateWith(declared: Declared[]): BackendState {
  const state = demoState();
  state.accounts = declared.map((d) => account({ ...d, capabilities: [...ALL_CAPS, ...d.capabilities] }));
  state.servers = state.servers.filter((s) => state.accounts.some((a) => a.id === s.account_id));
  state.errors = [];
  state.status.account_count = state.accounts.length;
  return state;
}
