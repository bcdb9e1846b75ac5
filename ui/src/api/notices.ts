/**
 * Desktop notifications: the events the UI sees (a job ended, a server changed state by itself, a
 * balance went under its warning level) go to the backend's `notify`, which writes the text, checks
 * the user's switch and answers with what it showed; those are listed in the header for the session.
 */
import { useQueries, useQuery, useQueryClient, type QueryObserverResult } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { commands, type AccountView, type Balance, type Notice, type Server, type Shown } from "./bindings";
import { balanceQuery } from "./billing";
import { call, errorMessage } from "./errors";
import { keys } from "./keys";
import { usePreferences } from "./preferences";
import { hasCapability } from "../lib/capabilities";
import { lowBalanceCrossings, serverChanges, UserActions, type LowStates, type SettledStates } from "../lib/notices";

export type ShownNotice = Shown & { at: number };

/** How many of the session's notifications the header lists. */
const RECENT = 20;

/** With a background refresh on, watched balances are asked for at most this often (money moves slowly). */
export const BALANCE_POLL_MS = 5 * 60_000;

/** Kept in the query cache, never fetched: disabled, so "refresh everything" leaves it alone. */
export function useRecentNotices() {
  return useQuery<ShownNotice[]>({ queryKey: keys.notices, queryFn: () => [], initialData: [], enabled: false, gcTime: Infinity });
}

/** Tells the backend about an event; what it showed (or why it could not) joins the recent list. */
export function useNotify() {
  const qc = useQueryClient();
  return useCallback(
    (notice: Notice) => {
      const add = (n: Shown) => qc.setQueryData<ShownNotice[]>(keys.notices, (list = []) => [{ ...n, at: Date.now() }, ...list].slice(0, RECENT));
      call(commands.notify(notice)).then(
        (shown) => shown && add(shown),
        (e: unknown) => add({ title: "A desktop notification could not be shown", body: errorMessage(e) }),
      );
    },
    [qc],
  );
}

/**
 * A server whose state changed between two refreshes of `servers` without the user acting on it:
 * every write the user starts (power, delete, jobs, bulk and group power) is recorded from the
 * mutation cache, so a stop they asked for is not news. Call once (App does).
 */
export function useServerNotices(servers: Server[]) {
  const qc = useQueryClient();
  const notify = useNotify();
  const actions = useRef(new UserActions());
  const settled = useRef<SettledStates>(new Map());
  useEffect(
    () =>
      qc.getMutationCache().subscribe((e) => {
        if (e.type === "updated" && e.action.type === "pending") actions.current.record(e.mutation.state.variables);
      }),
    [qc],
  );
  useEffect(() => {
    const seen = serverChanges(settled.current, servers, (s) => actions.current.actedOn(s));
    settled.current = seen.settled;
    for (const c of seen.changes) notify({ kind: "server_changed", server: c.server, from: c.from });
  }, [servers, notify]);
}

const loaded = (results: QueryObserverResult<Balance>[]) => results.flatMap((r) => (r.data ? [r.data] : []));

/**
 * The balances of the accounts with a warning level (and only those: no other account is asked),
 * refreshed in the background while the refresh interval is on; a drop under the level is told once.
 */
export function useBalanceNotices(accounts: AccountView[] | undefined, refreshMs: number) {
  const thresholds = usePreferences().low_balance;
  const notify = useNotify();
  const watched = (accounts ?? []).filter((a) => thresholds[a.id] && hasCapability(a, "billing.balance"));
  const balances = useQueries({
    queries: watched.map((a) => ({ ...balanceQuery(a.id), refetchInterval: refreshMs > 0 ? Math.max(refreshMs, BALANCE_POLL_MS) : false })),
    combine: loaded,
  });
  const low = useRef<LowStates>(new Map());
  useEffect(() => {
    const seen = lowBalanceCrossings(low.current, balances, thresholds);
    low.current = seen.low;
    for (const b of seen.crossed) notify({ kind: "low_balance", balance: b, threshold: thresholds[b.account_id] });
  }, [balances, thresholds, notify]);
}
