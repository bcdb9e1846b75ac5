/**
 * TanStack Query hooks for every backend command. Components never call `commands` directly:
 * they use these hooks, so caching, polling, invalidation and notifications live in one place.
 */
import {
  QueryClient,
  queryOptions,
  replaceEqualDeep,
  useMutation,
  useMutationState,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  commands,
  type AccountView,
  type CreateServer,
  type NewAccount,
  type Plan,
  type PowerAction,
  type ProviderInfo,
  type Server,
  type Status,
} from "./bindings";
import { call, type AppError } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { hasCapability } from "../lib/capabilities";
import { ACTION_LABELS, isTransitional } from "../lib/labels";
import { notifyError, notifyInfo, notifySuccess } from "../lib/notify";
import { formatDuration } from "../lib/refresh";
import { keys } from "./keys";
import { accountServers } from "./serverRows";

declare module "@tanstack/react-query" {
  interface Register {
    // `call()` normalises every rejection, so this is what `error` is everywhere.
    defaultError: AppError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // IPC errors are deterministic (bad credentials, provider down): retrying only delays the message.
        retry: false,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Inventory polling and optimistic power actions

/** Polling of an account while one of its servers is in transition or has an optimistic status. */
export const FAST_POLL_MS = 2_000;
/** How long an optimistic status survives a refetch that still reports the old status. */
export const OPTIMISTIC_GRACE_MS = 15_000;
/** Plan catalogs change rarely: they only turn plan ids into names. */
export const PLAN_CATALOG_STALE_MS = 6 * 60 * 60_000;

export const OPTIMISTIC_STATUS: Record<PowerAction, Status> = {
  start: "starting",
  stop: "stopping",
  force_stop: "stopping",
  reboot: "starting",
};

export function serverKey(s: { account_id: string; id: string }): string {
  return `${s.account_id}\u0000${s.id}`;
}

type PendingTransition = { from: Status; to: Status; until: number };

/**
 * Providers often keep reporting the old status for a few seconds after accepting an action.
 * While the action is in flight, and for OPTIMISTIC_GRACE_MS after the provider accepted it, a
 * refetch that still says the old status keeps showing the optimistic one (and so keeps the 2 s
 * polling going); any other status wins.
 */
const pendingByClient = new WeakMap<QueryClient, Map<string, PendingTransition>>();

function pendingFor(client: QueryClient): Map<string, PendingTransition> {
  let map = pendingByClient.get(client);
  if (!map) {
    map = new Map();
    pendingByClient.set(client, map);
  }
  return map;
}

export function applyPendingTransitions(
  servers: Server[],
  pending: Map<string, PendingTransition>,
  now: number = Date.now(),
): Server[] {
  if (pending.size === 0) return servers;
  let changed = false;
  const out = servers.map((s) => {
    const key = serverKey(s);
    const p = pending.get(key);
    if (!p) return s;
    if (now < p.until && s.status === p.from) {
      changed = true;
      return { ...s, status: p.to };
    }
    pending.delete(key);
    return s;
  });
  return changed ? out : servers;
}

/** The servers that are moving: in transition, or with an optimistic status still pending. */
export function inMotion(
  servers: Server[] | undefined,
  pending: Map<string, PendingTransition>,
  now: number = Date.now(),
): Server[] {
  if (!servers) return [];
  // Asked on every render of the app, for every account: no key is made while nothing is pending.
  if (pending.size === 0) return servers.filter((s) => isTransitional(s.status));
  return servers.filter((s) => isTransitional(s.status) || now < (pending.get(serverKey(s))?.until ?? 0));
}

/**
 * Up to this many moving servers of one account are followed one by one (`get_server` every 2 s),
 * so a big account is not listed again every 2 s for one server that installs; with more moving
 * at once, one list costs less than their calls together.
 */
export const FOLLOWED_ONE_BY_ONE = 5;

/**
 * How often one account's server list is refetched: every 2 s while more of its servers are
 * moving than are followed one by one, else the user's interval (0 = off).
 */
export function serversRefetchInterval(moving: number, intervalMs: number): number | false {
  if (moving > FOLLOWED_ONE_BY_ONE) return FAST_POLL_MS;
  return intervalMs > 0 ? intervalMs : false;
}

/**
 * An account's rows are stale when its latest refetch failed while older servers are shown, or
 * when its last successful fetch is older than twice the refresh interval (never with "Off").
 */
export function isStale(
  q: { hasData: boolean; failed: boolean; updatedAt: number },
  intervalMs: number,
  now: number = Date.now(),
): boolean {
  if (!q.hasData) return false;
  if (q.failed) return true;
  return intervalMs > 0 && now - q.updatedAt > 2 * intervalMs;
}

/**
 * Patch one account's cached server list without making it look freshly fetched. A patch that
 * changes nothing is dropped: every update of the cache re-arms the list's `refetchInterval`
 * (TanStack Query), so a status poll that finds nothing new must not push the list's refresh back.
 */
function updateAccountServers(qc: QueryClient, accountId: string, update: (servers: Server[]) => Server[]) {
  const key = keys.servers.account(accountId);
  const state = qc.getQueryState<Server[]>(key);
  const list = state?.data;
  if (!list) return;
  const next = update(list);
  if (replaceEqualDeep(list, next) === list) return;
  qc.setQueryData<Server[]>(key, next, state.dataUpdatedAt ? { updatedAt: state.dataUpdatedAt } : undefined);
}

function patchServer(qc: QueryClient, target: { account_id: string; id: string }, patch: (s: Server) => Server) {
  updateAccountServers(qc, target.account_id, (list) =>
    list.map((s) => (s.id === target.id ? patch(s) : s)),
  );
}

function removeServer(qc: QueryClient, target: { account_id: string; id: string }) {
  updateAccountServers(qc, target.account_id, (list) => list.filter((s) => s.id !== target.id));
}

function invalidateAccountServers(qc: QueryClient, accountId: string) {
  return qc.invalidateQueries({ queryKey: keys.servers.account(accountId) });
}

// ---------------------------------------------------------------------------------------------
// Queries

export function useAppStatus() {
  return useQuery({
    queryKey: keys.appStatus,
    queryFn: () => call(commands.appStatus()),
    // The keychain can be unlocked while the app runs; pick that up without a restart.
    refetchInterval: 15_000,
  });
}

export function useProviders() {
  return useCommandQuery(keys.providers, () => commands.providers(), { staleTime: Infinity });
}

/** The accounts list; pages that need an account in their own terms `select` from it. */
export const accountsQuery = queryOptions({
  queryKey: keys.accounts,
  queryFn: () => call(commands.listAccounts()),
});

export function useAccounts() {
  return useQuery(accountsQuery);
}

/** One account from the accounts list (undefined while it loads, or once the account is gone). */
export function useAccount(accountId: string | null | undefined): AccountView | undefined {
  const accounts = useAccounts();
  return accountId ? accounts.data?.find((a) => a.id === accountId) : undefined;
}

/** One account's slice of the live inventory. */
export type AccountInventory = {
  account: AccountView;
  /** Its servers, also the last good ones while a refetch fails. */
  servers: Server[] | undefined;
  /** Error of its latest fetch (null once a fetch succeeds). */
  error: AppError | null;
  /** First fetch still running: no servers and no error yet. */
  loading: boolean;
  fetching: boolean;
  /** Time of its last successful fetch (0: never). */
  updatedAt: number;
  stale: boolean;
  /** Refetches this account only. */
  refetch: () => void;
};

export type LiveInventory = {
  accounts: AccountInventory[];
  /** Every account's servers, merged. Same array as long as no account's list changed. */
  servers: Server[];
  /** Ids of the accounts whose rows are stale. Same Set as long as the membership is unchanged. */
  staleIds: ReadonlySet<string>;
  /** Latest successful fetch of any account (0: none yet). */
  lastUpdated: number;
};

const NO_ACCOUNTS: AccountView[] = [];

function accountServersOptions(client: QueryClient, accountId: string, intervalMs: number) {
  return queryOptions({
    queryKey: keys.servers.account(accountId),
    queryFn: async () => applyPendingTransitions(await accountServers(accountId), pendingFor(client)),
    refetchInterval: (query) => serversRefetchInterval(inMotion(query.state.data, pendingFor(client)).length, intervalMs),
    // "Off" means no unrequested fetch at all (rate limits), except the polling of transitions.
    refetchOnWindowFocus: intervalMs > 0,
  });
}

/**
 * Follows an account's moving servers one by one: every 2 s each is asked for alone and its status
 * patched into the account's list; once one has arrived (or cannot be read: gone, or the provider
 * refused), the whole list is fetched again, so that whatever else changed with it shows too.
 *
 * A patch re-arms the list's refresh timer (see `updateAccountServers`), so the list is also
 * fetched again here once its refresh is due: a server whose status keeps changing for minutes
 * must not keep the rest of its account from refreshing (and going stale).
 */
function followOptions(client: QueryClient, accountId: string, ids: string[], intervalMs: number) {
  return queryOptions({
    queryKey: keys.servers.following(accountId, ids),
    queryFn: async () => {
      let fresh: Server[];
      try {
        fresh = await Promise.all(ids.map((id) => call(commands.getServer(accountId, id))));
      } catch (e) {
        void invalidateAccountServers(client, accountId);
        throw e;
      }
      const shown = applyPendingTransitions(fresh, pendingFor(client));
      const byId = new Map(shown.map((s) => [s.id, s]));
      updateAccountServers(client, accountId, (list) =>
        list.map((s) => {
          const f = byId.get(s.id);
          return f && (f.status !== s.status || f.provider_status !== s.provider_status)
            ? { ...s, status: f.status, provider_status: f.provider_status }
            : s;
        }),
      );
      const arrived = inMotion(shown, pendingFor(client)).length < ids.length;
      // A fetch under way is left alone (invalidating would cancel and restart it).
      const list = client.getQueryState(keys.servers.account(accountId));
      const due =
        intervalMs > 0 &&
        list?.fetchStatus === "idle" &&
        Date.now() - Math.max(list.dataUpdatedAt, list.errorUpdatedAt) >= intervalMs;
      if (arrived || due) void invalidateAccountServers(client, accountId);
      return shown.map((s) => s.status);
    },
    // The list that showed them moving was just fetched: the first look is one poll later.
    initialData: [] as Status[],
    initialDataUpdatedAt: () => Date.now(),
    staleTime: FAST_POLL_MS,
    refetchInterval: FAST_POLL_MS,
    refetchOnWindowFocus: false,
  });
}

/**
 * The inventory, one query per account (`account_servers`): an account's rows appear as soon as it
 * answers, and a slow or failing account never holds back the others. Call it once (App does).
 */
export function useLiveInventory(accounts: AccountView[] | undefined, intervalMs: number): LiveInventory {
  const client = useQueryClient();
  const list = accounts ?? NO_ACCOUNTS;
  const results = useQueries({
    queries: list.map((a) => accountServersOptions(client, a.id, intervalMs)),
  });
  const pending = pendingFor(client);
  useQueries({
    queries: list.flatMap((a, i) => {
      const moving = inMotion(results[i].data, pending);
      return moving.length > 0 && moving.length <= FOLLOWED_ONE_BY_ONE
        ? [followOptions(client, a.id, moving.map((s) => s.id).sort(), intervalMs)]
        : [];
    }),
  });

  // Re-render when the oldest fresh account crosses the staleness threshold (no ticking clock).
  const [, setTick] = useState(0);
  // Staleness is judged at render time on purpose; the timer below re-renders when it changes.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  let nextStaleAt = Infinity;
  if (intervalMs > 0) {
    for (const r of results) {
      if (r.data === undefined || r.status === "error") continue;
      const at = r.dataUpdatedAt + 2 * intervalMs;
      if (at > now) nextStaleAt = Math.min(nextStaleAt, at);
    }
  }
  useEffect(() => {
    if (nextStaleAt === Infinity) return;
    const t = window.setTimeout(() => setTick((n) => n + 1), Math.max(0, nextStaleAt - Date.now()) + 20);
    return () => window.clearTimeout(t);
  }, [nextStaleAt]);

  const accountsOut: AccountInventory[] = list.map((account, i) => {
    const r = results[i];
    const failed = r.status === "error";
    return {
      account,
      servers: r.data,
      error: failed ? r.error : null,
      loading: r.status === "pending",
      fetching: r.isFetching,
      updatedAt: r.dataUpdatedAt,
      stale: isStale({ hasData: r.data !== undefined, failed, updatedAt: r.dataUpdatedAt }, intervalMs, now),
      refetch: () => void r.refetch(),
    };
  });

  // Merge only when some account's list changed: filtering and sorting 10,000 rows is not free.
  const merged = useRef<{ parts: Array<Server[] | undefined>; servers: Server[] } | null>(null);
  const parts = results.map((r) => r.data);
  if (
    !merged.current ||
    merged.current.parts.length !== parts.length ||
    merged.current.parts.some((p, i) => p !== parts[i])
  ) {
    merged.current = { parts, servers: parts.flatMap((p) => p ?? []) };
  }

  const staleKey = accountsOut
    .filter((a) => a.stale)
    .map((a) => a.account.id)
    .join("\u0000");
  const staleIds = useMemo(() => new Set(staleKey ? staleKey.split("\u0000") : []), [staleKey]);

  return {
    accounts: accountsOut,
    servers: merged.current.servers,
    staleIds,
    lastUpdated: accountsOut.reduce((max, a) => (a.servers ? Math.max(max, a.updatedAt) : max), 0),
  };
}

/**
 * One server's details, which the lists leave out (`account_servers`: they are most of its bytes);
 * under its account's key, so whatever refreshes the list refreshes them too.
 */
export function useServerDetails(server: Pick<Server, "account_id" | "id">) {
  return useCommandQuery(keys.servers.one(server.account_id, server.id), () => commands.getServer(server.account_id, server.id));
}

export function useCatalogRegions(accountId: string | null) {
  return useCommandQuery(keys.catalog.regions(accountId ?? ""), () => commands.catalogRegions(accountId!), { enabled: !!accountId, staleTime: 5 * 60_000 });
}

/** Images offered in `region` (or everywhere: pass null). */
export function useCatalogImages(accountId: string | null, region: string | null) {
  return useCommandQuery(keys.catalog.images(accountId ?? "", region), () => commands.catalogImages(accountId!, region), { enabled: !!accountId, staleTime: 5 * 60_000 });
}

/** Plans available in `region` (or all plans when the account has no regions: pass null). */
export function useCatalogPlans(accountId: string | null, region: string | null, enabled = true) {
  return useCommandQuery(keys.catalog.plans(accountId ?? "", region), () => commands.catalogPlans(accountId!, region), { enabled: !!accountId && enabled, staleTime: 5 * 60_000 });
}

/**
 * Plan names for the servers table, from each account's plan catalog (all regions). Fetched only
 * once the account's servers are listed (the table never waits for it), only for providers sized
 * by plans, and kept for hours. Returns null where the catalog does not know the id (or the name
 * is the id itself): the table then shows the id.
 */
export function usePlanNames(
  inventory: AccountInventory[],
  providers: ProviderInfo[] | undefined,
): (s: Server) => string | null {
  const results = useQueries({
    queries: inventory.map((a) => ({
      queryKey: keys.catalog.plans(a.account.id, null),
      queryFn: () => call(commands.catalogPlans(a.account.id, null)),
      enabled:
        providers !== undefined &&
        providers.find((p) => p.id === a.account.provider)?.sizing !== "free" &&
        (a.servers?.length ?? 0) > 0,
      staleTime: PLAN_CATALOG_STALE_MS,
      gcTime: 2 * PLAN_CATALOG_STALE_MS,
      refetchOnWindowFocus: false,
    })),
  });

  const cache = useRef<{ parts: Array<Plan[] | undefined>; ids: string[]; names: Map<string, Map<string, string>> } | null>(
    null,
  );
  const parts = results.map((r) => r.data);
  const ids = inventory.map((a) => a.account.id);
  if (
    !cache.current ||
    cache.current.parts.length !== parts.length ||
    cache.current.parts.some((p, i) => p !== parts[i] || cache.current!.ids[i] !== ids[i])
  ) {
    const names = new Map<string, Map<string, string>>();
    parts.forEach((plans, i) => {
      if (!plans?.length) return;
      names.set(ids[i], new Map(plans.filter((p) => p.name && p.name !== p.id).map((p) => [p.id, p.name])));
    });
    cache.current = { parts, ids, names };
  }
  const names = cache.current.names;
  return useCallback((s: Server) => names.get(s.account_id)?.get(s.plan) ?? null, [names]);
}

// ---------------------------------------------------------------------------------------------
// Mutations: each one notifies its outcome and invalidates what it changed.

export function useStartDemo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.startDemo()),
    onSuccess: (accounts) => {
      qc.setQueryData<AccountView[]>(keys.accounts, accounts);
      notifySuccess("Demo started", `${accounts.length} demo accounts added.`);
      return qc.invalidateQueries();
    },
    onError: (e) => notifyError("Could not start the demo", e),
  });
}

export function useAddAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAccount) => call(commands.addAccount(input)),
    // The variables hold the secret: once the form resets the mutation it
    // leaves the cache at once rather than after the default five minutes.
    gcTime: 0,
    onSuccess: (account, input) => {
      notifySuccess(
        "Account added",
        input.verify ? `${account.name}: credentials verified.` : `${account.name} was saved without verification.`,
      );
      // The new account's server query starts as soon as it is in the account list.
      return Promise.all([
        qc.invalidateQueries({ queryKey: keys.accounts }),
        invalidateAccountServers(qc, account.id),
        qc.invalidateQueries({ queryKey: keys.appStatus }),
      ]);
    },
    onError: (e) => notifyError("Could not add the account", e),
  });
}

export function useTestAccount() {
  return useMutation({
    mutationFn: (account: AccountView) => call(commands.testAccount(account.id)),
    onSuccess: (_r, account) => notifySuccess("Connection works", `${account.name}: the provider accepted the credentials.`),
    onError: (e, account) => notifyError(`Test failed for ${account.name}`, e),
  });
}

export function useRenameAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { account: AccountView; name: string }) => call(commands.renameAccount(v.account.id, v.name)),
    onSuccess: (account, v) => {
      qc.setQueryData<AccountView[]>(keys.accounts, (list) =>
        list?.map((a) => (a.id === account.id ? account : a)),
      );
      updateAccountServers(qc, account.id, (list) => list.map((s) => ({ ...s, account: account.name })));
      notifySuccess("Account renamed", `${v.account.name} is now ${account.name}.`);
      return Promise.all([
        qc.invalidateQueries({ queryKey: keys.accounts }),
        invalidateAccountServers(qc, account.id),
      ]);
    },
    onError: (e, v) => notifyError(`Could not rename ${v.account.name}`, e),
  });
}

export function useRemoveAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (account: AccountView) => call(commands.removeAccount(account.id)),
    onSuccess: (_r, account) => {
      qc.setQueryData<AccountView[]>(keys.accounts, (list) => list?.filter((a) => a.id !== account.id));
      qc.removeQueries({ queryKey: keys.catalog.account(account.id) });
      qc.removeQueries({ queryKey: keys.servers.account(account.id) });
      notifySuccess("Account removed", `${account.name} and its keychain entry were removed.`);
      return Promise.all([
        qc.invalidateQueries({ queryKey: keys.accounts }),
        qc.invalidateQueries({ queryKey: keys.appStatus }),
      ]);
    },
    onError: (e, account) => notifyError(`Could not remove ${account.name}`, e),
  });
}

const SERVER_ACTION = ["server-action"];
type ServerActionVars = { server: Server; action: PowerAction };

export function useServerAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SERVER_ACTION,
    mutationFn: (v: ServerActionVars) =>
      call(commands.serverAction(v.server.account_id, v.server.id, v.action)),
    onMutate: async ({ server, action }) => {
      await qc.cancelQueries({ queryKey: keys.servers.account(server.account_id) });
      const current = qc
        .getQueryData<Server[]>(keys.servers.account(server.account_id))
        ?.find((s) => s.id === server.id);
      const from = current?.status ?? server.status;
      const to = OPTIMISTIC_STATUS[action];
      // Until the provider answers, a poll that still reports `from` keeps showing `to`.
      pendingFor(qc).set(serverKey(server), { from, to, until: Infinity });
      patchServer(qc, server, (s) => ({ ...s, status: to }));
      return { from, to };
    },
    onSuccess: (_r, { server, action }, ctx) => {
      if (ctx) pendingFor(qc).set(serverKey(server), { from: ctx.from, to: ctx.to, until: Date.now() + OPTIMISTIC_GRACE_MS });
      notifySuccess(`${ACTION_LABELS[action].progressive} ${server.name}`, "The provider accepted the request.");
    },
    onError: (e, { server, action }, ctx) => {
      // Roll back this server only, and only if nothing newer replaced the optimistic status.
      if (ctx) {
        const pending = pendingFor(qc);
        if (pending.get(serverKey(server))?.to === ctx.to) pending.delete(serverKey(server));
        patchServer(qc, server, (s) => (s.status === ctx.to ? { ...s, status: ctx.from } : s));
      }
      notifyError(`Could not ${ACTION_LABELS[action].verb.toLowerCase()} ${server.name}`, e);
    },
    onSettled: (_r, _e, { server }) => invalidateAccountServers(qc, server.account_id),
  });
}

/**
 * The power action under way on `server`, wherever it was asked for (its row, its drawer, the
 * command palette): kept with the server in the mutation cache, not in the component that asked,
 * so the row shows it also when the palette asked, and again when it is scrolled or searched
 * back into view (the row is built anew then).
 */
export function usePendingServerAction(server: Server): PowerAction | undefined {
  // Every pending action, then this server's: useMutationState reads its filters again only when
  // the cache changes, not when its component is given another server (the drawer, when another
  // server is opened).
  const pending = useMutationState({
    filters: { mutationKey: SERVER_ACTION, status: "pending" },
    select: (m) => m.state.variables as ServerActionVars,
  });
  const key = serverKey(server);
  return pending.filter((v) => serverKey(v.server) === key).at(-1)?.action;
}

export function useRenameServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { server: Server; name: string }) =>
      call(commands.renameServer(v.server.account_id, v.server.id, v.name)),
    onSuccess: (_r, { server, name }) => {
      patchServer(qc, server, (s) => ({ ...s, name }));
      notifySuccess("Server renamed", `${server.name} is now ${name}.`);
      return invalidateAccountServers(qc, server.account_id);
    },
    onError: (e, { server }) => notifyError(`Could not rename ${server.name}`, e),
  });
}

export function useDeleteServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (server: Server) => call(commands.deleteServer(server.account_id, server.id)),
    onSuccess: (_r, server) => {
      removeServer(qc, server);
      notifySuccess("Server deleted", `${server.name} (${server.account}) was deleted.`);
      return invalidateAccountServers(qc, server.account_id);
    },
    onError: (e, server) => notifyError(`Could not delete ${server.name}`, e),
  });
}

/** Timing of "Stop and delete" (mutable so that tests can shorten it). */
export const STOP_AND_DELETE = { pollMs: 2_000, timeoutMs: 120_000 };

export type StopDeleteProgress =
  | { step: "checking" }
  | { step: "stopping"; action: PowerAction }
  | { step: "waiting"; status: Status; elapsedMs: number }
  | { step: "deleting" };

/** How "Stop and delete" stops a server: force stop when the account has it (it is deleted anyway). */
export function stopActionFor(account: AccountView | undefined): PowerAction | null {
  if (hasCapability(account, "servers.force_stop")) return "force_stop";
  if (hasCapability(account, "servers.stop")) return "stop";
  return null;
}

const CANCELLED: AppError = { kind: "internal", message: "Cancelled.", fields: [] };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(CANCELLED);
    const t = window.setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      window.clearTimeout(t);
      reject(CANCELLED);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * For providers that delete only stopped servers (no `servers.delete_running`): stop the server
 * (force stop when available), poll `get_server` until it reports `stopped` (at most
 * STOP_AND_DELETE.timeoutMs), then delete it. `progress` says which step runs; `cancel()` (or
 * unmounting) stops the sequence before the delete is sent.
 */
export function useStopAndDeleteServer() {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<StopDeleteProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const stopSent = useRef(false);
  useEffect(() => () => controller.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: async ({ server, account }: { server: Server; account: AccountView | undefined }) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      stopSent.current = false;
      const { signal } = abort;
      const step = (p: StopDeleteProgress) => {
        if (signal.aborted) throw CANCELLED;
        setProgress(p);
      };
      const fetchStatus = async () => {
        const fresh = await call(commands.getServer(server.account_id, server.id));
        if (signal.aborted) throw CANCELLED;
        // The table follows along (and, while it is stopping, the follower asks for it every 2 s too).
        patchServer(qc, fresh, (s) => ({ ...s, status: fresh.status, provider_status: fresh.provider_status }));
        return fresh.status;
      };

      step({ step: "checking" });
      let status = await fetchStatus();
      if (status !== "stopped") {
        const action = stopActionFor(account);
        if (!action) {
          throw {
            kind: "unsupported",
            message: `This provider deletes only stopped servers and vpsdesk cannot stop servers there: stop ${server.name || server.id} in the provider's control panel first.`,
            fields: [],
          } satisfies AppError;
        }
        // A plain stop is already under way: sending it again would be refused.
        if (!(action === "stop" && status === "stopping")) {
          step({ step: "stopping", action });
          await call(commands.serverAction(server.account_id, server.id, action));
          stopSent.current = true;
          pendingFor(qc).set(serverKey(server), { from: status, to: "stopping", until: Date.now() + OPTIMISTIC_GRACE_MS });
          patchServer(qc, server, (s) => ({ ...s, status: "stopping" }));
        }
        const started = Date.now();
        for (;;) {
          step({ step: "waiting", status, elapsedMs: Date.now() - started });
          await sleep(STOP_AND_DELETE.pollMs, signal);
          status = await fetchStatus();
          if (status === "stopped") break;
          if (Date.now() - started >= STOP_AND_DELETE.timeoutMs) {
            throw {
              kind: "timeout",
              message: `${server.name || server.id} did not stop within ${formatDuration(STOP_AND_DELETE.timeoutMs)} (it is ${status}), so it was not deleted. Try again in a moment, or check it in the provider's control panel.`,
              fields: [],
            } satisfies AppError;
          }
        }
      }
      step({ step: "deleting" });
      await call(commands.deleteServer(server.account_id, server.id));
    },
    onSuccess: (_r, { server }) => {
      removeServer(qc, server);
      notifySuccess("Server deleted", `${server.name} (${server.account}) was stopped and deleted.`);
    },
    onError: (e, { server }) => {
      if (e === CANCELLED) {
        const name = server.name || server.id;
        notifyInfo("Deletion cancelled", `${name} was not deleted${stopSent.current ? ", but it was asked to stop" : ""}.`);
      } else notifyError(`Could not delete ${server.name}`, e);
    },
    onSettled: (_r, _e, { server }) => {
      setProgress(null);
      return invalidateAccountServers(qc, server.account_id);
    },
  });

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...mutation, progress, cancel, cancelled: mutation.error === CANCELLED };
}

export function useCreateServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; request: CreateServer }) => call(commands.createServer(v.accountId, v.request)),
    onSuccess: (server) => {
      updateAccountServers(qc, server.account_id, (list) =>
        list.some((s) => s.id === server.id) ? list : [...list, server],
      );
      notifySuccess("Server created", `${server.name} is being set up on ${server.account}.`);
      return invalidateAccountServers(qc, server.account_id);
    },
    onError: (e) => notifyError("Could not create the server", e),
  });
}

/** Refetch everything (header refresh button): every account's servers, accounts, app status. */
export function useRefreshAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}
