/**
 * TanStack Query hooks for every backend command. Components never call `commands` directly:
 * they use these hooks, so caching, polling, invalidation and notifications live in one place.
 */
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
} from "@tanstack/react-query";
import {
  commands,
  type AccountView,
  type CreateServer,
  type Inventory,
  type NewAccount,
  type PowerAction,
  type Server,
  type Status,
} from "./bindings";
import { call, type AppError } from "./errors";
import { ACTION_LABELS, isTransitional } from "../lib/labels";
import { notifyError, notifySuccess } from "../lib/notify";

declare module "@tanstack/react-query" {
  interface Register {
    // `call()` normalises every rejection, so this is what `error` is everywhere.
    defaultError: AppError;
  }
}

export const queryKeys = {
  appStatus: ["appStatus"] as const,
  providers: ["providers"] as const,
  accounts: ["accounts"] as const,
  inventory: ["inventory"] as const,
  catalog: (accountId: string) => ["catalog", accountId] as const,
  plans: (accountId: string, region: string | null) => ["catalog", accountId, "plans", region] as const,
  images: (accountId: string) => ["catalog", accountId, "images"] as const,
  regions: (accountId: string) => ["catalog", accountId, "regions"] as const,
};

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

export const FAST_POLL_MS = 2_000;
export const SLOW_POLL_MS = 30_000;
/** How long an optimistic status survives a refetch that still reports the old status. */
export const OPTIMISTIC_GRACE_MS = 15_000;

export function inventoryRefetchInterval(inventory: Inventory | undefined): number {
  return inventory?.servers.some((s) => isTransitional(s.status)) ? FAST_POLL_MS : SLOW_POLL_MS;
}

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
 * For OPTIMISTIC_GRACE_MS after an accepted action, a refetch that still says the old status
 * keeps showing the optimistic one (and so keeps the 2 s polling going); any other status wins.
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
  inventory: Inventory,
  pending: Map<string, PendingTransition>,
  now: number = Date.now(),
): Inventory {
  if (pending.size === 0) return inventory;
  let changed = false;
  const servers = inventory.servers.map((s) => {
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
  return changed ? { ...inventory, servers } : inventory;
}

function patchServer(
  inventory: Inventory | undefined,
  target: { account_id: string; id: string },
  patch: (s: Server) => Server,
): Inventory | undefined {
  if (!inventory) return inventory;
  return {
    ...inventory,
    servers: inventory.servers.map((s) =>
      s.account_id === target.account_id && s.id === target.id ? patch(s) : s,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Queries

export function useAppStatus() {
  return useQuery({
    queryKey: queryKeys.appStatus,
    queryFn: () => call(commands.appStatus()),
    // The keychain can be unlocked while the app runs; pick that up without a restart.
    refetchInterval: 15_000,
  });
}

export function useProviders() {
  return useQuery({
    queryKey: queryKeys.providers,
    queryFn: () => call(commands.providers()),
    staleTime: Infinity,
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: queryKeys.accounts,
    queryFn: () => call(commands.listAccounts()),
  });
}

export function useInventory(options: { enabled?: boolean } = {}) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.inventory,
    queryFn: async () => applyPendingTransitions(await call(commands.listServers()), pendingFor(client)),
    refetchInterval: (query: Query<Inventory, AppError>) => inventoryRefetchInterval(query.state.data),
    enabled: options.enabled ?? true,
  });
}

export function useCatalogRegions(accountId: string | null) {
  return useQuery({
    queryKey: queryKeys.regions(accountId ?? ""),
    queryFn: () => call(commands.catalogRegions(accountId!)),
    enabled: !!accountId,
    staleTime: 5 * 60_000,
  });
}

export function useCatalogImages(accountId: string | null) {
  return useQuery({
    queryKey: queryKeys.images(accountId ?? ""),
    queryFn: () => call(commands.catalogImages(accountId!)),
    enabled: !!accountId,
    staleTime: 5 * 60_000,
  });
}

/** Plans available in `region` (or all plans when the account has no regions: pass null). */
export function useCatalogPlans(accountId: string | null, region: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.plans(accountId ?? "", region),
    queryFn: () => call(commands.catalogPlans(accountId!, region)),
    enabled: !!accountId && enabled,
    staleTime: 5 * 60_000,
  });
}

// ---------------------------------------------------------------------------------------------
// Mutations: each one notifies its outcome and invalidates what it changed.

export function useStartDemo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.startDemo()),
    onSuccess: (accounts) => {
      qc.setQueryData<AccountView[]>(queryKeys.accounts, accounts);
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
    onSuccess: (account, input) => {
      notifySuccess(
        "Account added",
        input.verify ? `${account.name}: credentials verified.` : `${account.name} was saved without verification.`,
      );
      return Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.accounts }),
        qc.invalidateQueries({ queryKey: queryKeys.inventory }),
        qc.invalidateQueries({ queryKey: queryKeys.appStatus }),
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
      qc.setQueryData<AccountView[]>(queryKeys.accounts, (list) =>
        list?.map((a) => (a.id === account.id ? account : a)),
      );
      notifySuccess("Account renamed", `${v.account.name} is now ${account.name}.`);
      return Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.accounts }),
        qc.invalidateQueries({ queryKey: queryKeys.inventory }),
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
      qc.removeQueries({ queryKey: queryKeys.catalog(account.id) });
      qc.setQueryData<AccountView[]>(queryKeys.accounts, (list) => list?.filter((a) => a.id !== account.id));
      qc.setQueryData<Inventory>(queryKeys.inventory, (inv) =>
        inv && {
          servers: inv.servers.filter((s) => s.account_id !== account.id),
          errors: inv.errors.filter((e) => e.account_id !== account.id),
        },
      );
      notifySuccess("Account removed", `${account.name} and its keychain entry were removed.`);
      return Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.accounts }),
        qc.invalidateQueries({ queryKey: queryKeys.inventory }),
        qc.invalidateQueries({ queryKey: queryKeys.appStatus }),
      ]);
    },
    onError: (e, account) => notifyError(`Could not remove ${account.name}`, e),
  });
}

export function useServerAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { server: Server; action: PowerAction }) =>
      call(commands.serverAction(v.server.account_id, v.server.id, v.action)),
    onMutate: async ({ server, action }) => {
      await qc.cancelQueries({ queryKey: queryKeys.inventory });
      const current = qc
        .getQueryData<Inventory>(queryKeys.inventory)
        ?.servers.find((s) => s.account_id === server.account_id && s.id === server.id);
      const from = current?.status ?? server.status;
      const to = OPTIMISTIC_STATUS[action];
      qc.setQueryData<Inventory>(queryKeys.inventory, (inv) =>
        patchServer(inv, server, (s) => ({ ...s, status: to })),
      );
      return { from, to };
    },
    onSuccess: (_r, { server, action }, ctx) => {
      if (ctx) pendingFor(qc).set(serverKey(server), { from: ctx.from, to: ctx.to, until: Date.now() + OPTIMISTIC_GRACE_MS });
      notifySuccess(`${ACTION_LABELS[action].progressive} ${server.name}`, "The provider accepted the request.");
    },
    onError: (e, { server, action }, ctx) => {
      // Roll back this server only, and only if nothing newer replaced the optimistic status.
      if (ctx) {
        qc.setQueryData<Inventory>(queryKeys.inventory, (inv) =>
          patchServer(inv, server, (s) => (s.status === ctx.to ? { ...s, status: ctx.from } : s)),
        );
      }
      notifyError(`Could not ${ACTION_LABELS[action].verb.toLowerCase()} ${server.name}`, e);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.inventory }),
  });
}

export function useRenameServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { server: Server; name: string }) =>
      call(commands.renameServer(v.server.account_id, v.server.id, v.name)),
    onSuccess: (_r, { server, name }) => {
      qc.setQueryData<Inventory>(queryKeys.inventory, (inv) => patchServer(inv, server, (s) => ({ ...s, name })));
      notifySuccess("Server renamed", `${server.name} is now ${name}.`);
      return qc.invalidateQueries({ queryKey: queryKeys.inventory });
    },
    onError: (e, { server }) => notifyError(`Could not rename ${server.name}`, e),
  });
}

export function useDeleteServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (server: Server) => call(commands.deleteServer(server.account_id, server.id)),
    onSuccess: (_r, server) => {
      qc.setQueryData<Inventory>(queryKeys.inventory, (inv) =>
        inv && {
          ...inv,
          servers: inv.servers.filter((s) => !(s.account_id === server.account_id && s.id === server.id)),
        },
      );
      notifySuccess("Server deleted", `${server.name} (${server.account}) was deleted.`);
      return qc.invalidateQueries({ queryKey: queryKeys.inventory });
    },
    onError: (e, server) => notifyError(`Could not delete ${server.name}`, e),
  });
}

export function useCreateServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; request: CreateServer }) => call(commands.createServer(v.accountId, v.request)),
    onSuccess: (server) => {
      qc.setQueryData<Inventory>(queryKeys.inventory, (inv) => {
        if (!inv || inv.servers.some((s) => s.account_id === server.account_id && s.id === server.id)) return inv;
        return { ...inv, servers: [...inv.servers, server] };
      });
      notifySuccess("Server created", `${server.name} is being set up on ${server.account}.`);
      return qc.invalidateQueries({ queryKey: queryKeys.inventory });
    },
    onError: (e) => notifyError("Could not create the server", e),
  });
}

/** Refetch everything (header refresh button). */
export function useRefreshAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}
