import { describe, expect, it } from "vitest";
import { demoState, installMockBackend } from "../api/mockBackend";
import { accountServers } from "../api/serverRows";

describe("accountServers", () => {
  it("gives back each server of an account as the backend has it, without its details", async () => {
    const state = demoState();
    installMockBackend(state);
    for (const account of state.accounts.filter((a) => !state.errors.some((e) => e.account_id === a.id))) {
      const want = state.servers.filter((s) => s.account_id === account.id).map((s) => ({ ...s, details: [] }));
      expect(want.length, account.id).toBeGreaterThan(0);
      expect(await accountServers(account.id), account.id).toEqual(want);
    }
  });

  it("sets a server's own capabilities only where the backend sends them", async () => {
    const state = demoState();
    const [first, second] = state.servers.filter((s) => s.account_id === "demo-vultr");
    first.capabilities = ["servers.start", "servers.delete"];
    installMockBackend(state);
    const servers = await accountServers("demo-vultr");
    expect(servers.find((s) => s.id === first.id)?.capabilities).toEqual(["servers.start", "servers.delete"]);
    expect(servers.find((s) => s.id === second.id)).not.toHaveProperty("capabilities");
  });
});
