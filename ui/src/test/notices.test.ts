import { describe, expect, it } from "vitest";
import type { Balance, Server, Status } from "../api/bindings";
import { lowBalanceCrossings, serverChanges, touchedBy, USER_ACTION_MS, UserActions, type SettledStates } from "../lib/notices";

const srv = (id: string, status: Status): Server => ({
  account: "Demo Vultr", account_id: "acc", provider: "vultr", id, name: id, status, provider_status: status,
  ipv4: [], ipv6: [], region: "", plan: "", created_at: null, details: [],
});

const bal = (account_id: string, balance: string): Balance => ({
  account: account_id, account_id, provider: "vultr", balance, currency: "USD", meaning: "credit", summary: `${balance} USD credit`,
  provider_balance: balance, pending_charges: null, credits: null, last_payment_date: null, last_payment_amount: null,
});

/** Feeds refreshes one after another; returns the changes each one found. */
function refreshes(lists: Server[][], userActed: (s: Server) => boolean = () => false) {
  let settled: SettledStates = new Map();
  return lists.map((servers) => {
    const seen = serverChanges(settled, servers, userActed);
    settled = seen.settled;
    return seen.changes.map((c) => `${c.server.id}: ${c.from} -> ${c.server.status}`);
  });
}

describe("server state notices", () => {
  it("tells a settled state that changed between two refreshes, through the steps in between", () => {
    expect(
      refreshes([
        [srv("a", "running"), srv("b", "stopped")],
        [srv("a", "stopping"), srv("b", "stopped")],
        [srv("a", "stopped"), srv("b", "starting")],
        [srv("a", "stopped"), srv("b", "stopped")],
        [srv("a", "suspended"), srv("b", "stopped"), srv("c", "running")],
      ]),
    ).toEqual([[], [], ["a: running -> stopped"], [], ["a: stopped -> suspended"]]);
  });

  it("says nothing on the first sight of a server, nor of one that only passes through a step", () => {
    expect(refreshes([[srv("a", "starting")], [srv("a", "running")], [srv("a", "starting")], [srv("a", "running")]])).toEqual([[], [], [], []]);
  });

  it("does not tell a change the user asked for", () => {
    const actions = new UserActions();
    actions.record({ server: srv("a", "running"), action: "stop" });
    const acted = (s: Server) => actions.actedOn(s);
    expect(refreshes([[srv("a", "running"), srv("b", "running")], [srv("a", "stopped"), srv("b", "stopped")]], acted)).toEqual([[], ["b: running -> stopped"]]);
  });

  it("counts a user's write for a while, on the servers it names", () => {
    const actions = new UserActions();
    const t0 = 1_000_000;
    actions.record({ accountId: "acc", serverId: "a", description: "" }, t0);
    actions.record({ accountId: "acc", serverIds: ["b", "c"], action: "stop" }, t0);
    expect(["a", "b", "c", "d"].map((id) => actions.actedOn(srv(id, "stopped"), t0 + 1000))).toEqual([true, true, true, false]);
    expect(actions.actedOn(srv("a", "stopped"), t0 + USER_ACTION_MS)).toBe(false);
    actions.record({ accountId: "acc", groupId: "g1", name: "web", action: "stop" }, t0);
    expect(actions.actedOn(srv("d", "stopped"), t0 + 1000)).toBe(true);
  });

  it("reads the servers out of every shape of write, and none out of account writes", () => {
    expect(touchedBy(srv("a", "running"))).toEqual([{ accountId: "acc", serverId: "a" }]);
    expect(touchedBy({ server: srv("a", "running"), account: undefined })).toEqual([{ accountId: "acc", serverId: "a" }]);
    expect(touchedBy({ accountId: "acc", name: "my key", public_key: "ssh-ed25519 AAAA" })).toEqual([]);
    expect(touchedBy(undefined)).toEqual([]);
  });
});

describe("low-balance notices", () => {
  it("tells a crossing once, and again only after the balance recovered", () => {
    const thresholds = { x: "10" };
    let low = new Map<string, boolean>();
    const told = ["20", "5", "4", "12", "3", "3"].map((amount) => {
      const seen = lowBalanceCrossings(low, [bal("x", amount)], thresholds);
      low = new Map(seen.low);
      return seen.crossed.map((b) => b.balance);
    });
    expect(told).toEqual([[], ["5"], [], [], ["3"], []]);
  });

  it("starts from what it first sees, and needs a warning level", () => {
    expect(lowBalanceCrossings(new Map(), [bal("x", "1")], { x: "10" }).crossed).toEqual([]);
    expect(lowBalanceCrossings(new Map([["x", false]]), [bal("x", "1")], {}).crossed).toEqual([]);
  });
});
