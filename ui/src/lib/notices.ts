/**
 * When the desktop is told something (the backend writes the text and checks the user's switch):
 * a server changing state between two refreshes without the user asking, and a balance going under
 * its warning level. Pure, so the rules are tested without timers or a backend.
 */
import type { Balance, Server, Status } from "../api/bindings";
import { isLow } from "../features/billing/threshold";

/** A user's write on a server counts as asking for its next change for this long (a stop can take minutes). */
export const USER_ACTION_MS = 10 * 60_000;

/** States a server rests in; the ones between them (starting, stopping, pending) are steps, not news. */
const SETTLED: ReadonlySet<Status> = new Set<Status>(["running", "stopped", "suspended"]);

const key = (accountId: string, serverId: string) => `${accountId}\u0000${serverId}`;

/** Each server's last settled state, by account and id. */
export type SettledStates = ReadonlyMap<string, Status>;

export type ServerChange = { server: Server; from: Status };

/**
 * The servers whose settled state differs from the one seen before (running -> stopping -> stopped
 * is one change), except those the user acted on. A server seen for the first time is not a change.
 */
export function serverChanges(
  before: SettledStates,
  servers: Server[],
  userActed: (s: Server) => boolean,
): { settled: SettledStates; changes: ServerChange[] } {
  const settled = new Map<string, Status>();
  const changes: ServerChange[] = [];
  for (const s of servers) {
    const k = key(s.account_id, s.id);
    const from = before.get(k);
    if (!SETTLED.has(s.status)) {
      if (from) settled.set(k, from);
      continue;
    }
    settled.set(k, s.status);
    if (from && from !== s.status && !userActed(s)) changes.push({ server: s, from });
  }
  return { settled, changes };
}

/** Per account: whether its balance was under the warning level when last seen. */
export type LowStates = ReadonlyMap<string, boolean>;

/**
 * The balances that went under their warning level since they were last seen: once per crossing
 * (a balance that stays low is not told again; one that recovers and drops again is). The first
 * sight of a balance is where it starts from, not a crossing.
 */
export function lowBalanceCrossings(
  before: LowStates,
  balances: Balance[],
  thresholds: Record<string, string>,
): { low: LowStates; crossed: Balance[] } {
  const low = new Map(before);
  const crossed: Balance[] = [];
  for (const b of balances) {
    const now = isLow(b.balance, thresholds[b.account_id]);
    if (before.get(b.account_id) === false && now) crossed.push(b);
    low.set(b.account_id, now);
  }
  return { low, crossed };
}

/** What a user's write acted on: one server, some servers, or a whole account (`serverId` null). */
export type Touched = { accountId: string; serverId: string | null };

/**
 * The servers a mutation's variables name, in the shapes the app's writes take: a `Server` (or
 * `{server}`), `{accountId, serverId}`, `{accountId, serverIds}`, or `{accountId, groupId}` (a
 * server group's power, counted as the whole account's). Other account writes (keys, scripts,
 * DNS, …) touch no server.
 */
export function touchedBy(variables: unknown): Touched[] {
  if (typeof variables !== "object" || variables === null) return [];
  const v = variables as Record<string, unknown>;
  const server = (typeof v.server === "object" && v.server !== null ? v.server : v) as Record<string, unknown>;
  if (typeof server.account_id === "string" && typeof server.id === "string") {
    return [{ accountId: server.account_id, serverId: server.id }];
  }
  if (typeof v.accountId !== "string") return [];
  const accountId = v.accountId;
  if (typeof v.serverId === "string") return [{ accountId, serverId: v.serverId }];
  if (Array.isArray(v.serverIds)) return v.serverIds.map((id) => ({ accountId, serverId: String(id) }));
  return typeof v.groupId === "string" ? [{ accountId, serverId: null }] : [];
}

/** The user's writes, newest time per server or account, to tell their changes from the others. */
export class UserActions {
  private readonly at = new Map<string, number>();

  record(variables: unknown, now: number = Date.now()) {
    for (const t of touchedBy(variables)) this.at.set(key(t.accountId, t.serverId ?? ""), now);
  }

  /** Did the user act on this server (or its whole account) within USER_ACTION_MS? */
  actedOn(s: { account_id: string; id: string }, now: number = Date.now()): boolean {
    return [key(s.account_id, s.id), key(s.account_id, "")].some((k) => now - (this.at.get(k) ?? -Infinity) < USER_ACTION_MS);
  }
}
