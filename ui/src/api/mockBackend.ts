/**
 * An in-memory stand-in for the Rust backend, installed with `mockIPC` from @tauri-apps/api/mocks.
 * Used by the vitest suite and, in `npm run dev` in a plain browser, as a preview backend
 * (open http://localhost:5173/?mock or ?mock=10000 for a big inventory). Never part of a build:
 * main.tsx imports it only under `import.meta.env.DEV`.
 */
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type {
  AccountView,
  AppStatus,
  Capability,
  CreateServer,
  Image,
  Inventory,
  IpcError,
  NewAccount,
  Notice,
  Plan,
  PowerAction,
  Preferences,
  Region,
  Server,
  ServerRow,
  ServerRows,
  Status,
} from "./bindings";
// The real provider metadata, so the UI tests run against what the backend sends.
import { PROVIDERS } from "./providers.generated";
import { DEFAULT_PREFERENCES } from "./preferences";

export const ALL_CAPS: Capability[] = [
  "servers.start",
  "servers.stop",
  "servers.force_stop",
  "servers.reboot",
  "servers.create",
  "servers.rename",
  "servers.delete",
];

/** Preferences as a version that imported localStorage already saved them (the import has its own test). */
export const SAVED_PREFERENCES: Preferences = { ...DEFAULT_PREFERENCES, imported_local_storage: true };

export const REGIONS: Region[] = [
  { id: "ams", name: "Amsterdam", country: "NL", continent: "Europe" },
  { id: "fra", name: "Frankfurt", country: "DE", continent: "Europe" },
  { id: "ewr", name: "New Jersey", country: "US", continent: "North America" },
];

export const PLANS: Record<string, Plan[]> = {
  ams: [
    { id: "vc2-1c-1gb", name: "vc2-1c-1gb", vcpus: 1, memory_mb: 1024, disk_gb: 25, bandwidth_tb: "1", price_monthly: "$5.00" },
    { id: "vc2-2c-4gb", name: "vc2-2c-4gb", vcpus: 2, memory_mb: 4096, disk_gb: 80, bandwidth_tb: "3", price_monthly: "$20.00" },
  ],
  fra: [{ id: "vc2-1c-2gb", name: "vc2-1c-2gb", vcpus: 1, memory_mb: 2048, disk_gb: 55, bandwidth_tb: "2", price_monthly: "$10.00" }],
  ewr: [{ id: "vhf-8c-32gb", name: "vhf-8c-32gb", vcpus: 8, memory_mb: 32768, disk_gb: 512, bandwidth_tb: "8", price_monthly: "$192.00" }],
  "": [{ id: "std-1", name: "Standard 1", vcpus: 1, memory_mb: 1024, disk_gb: 20, bandwidth_tb: null, price_monthly: null }],
};

export const IMAGES: Image[] = [
  { id: "ubuntu-24.04", name: "Ubuntu 24.04 LTS", family: "Ubuntu", arch: "x64" },
  { id: "ubuntu-22.04", name: "Ubuntu 22.04 LTS", family: "Ubuntu", arch: "x64" },
  { id: "debian-12", name: "Debian 12", family: "Debian", arch: "x64" },
  { id: "rocky-9", name: "Rocky Linux 9", family: "Rocky Linux", arch: "x64" },
];

export function account(partial: Partial<AccountView> & Pick<AccountView, "id" | "name" | "provider">): AccountView {
  const info = PROVIDERS.find((p) => p.id === partial.provider)!;
  return {
    endpoint: info.default_endpoint,
    username: null,
    region: null,
    demo: false,
    capabilities: ALL_CAPS,
    ...partial,
  };
}

/** Adds to what an account can do, as its provider's descriptor would declare (tests of one capability). */
export function grant(state: BackendState, accountId: string, capabilities: Capability[]) {
  const a = state.accounts.find((x) => x.id === accountId)!;
  a.capabilities = [...a.capabilities, ...capabilities];
}

export function server(partial: Partial<Server> & Pick<Server, "id" | "name" | "account_id">, accounts: AccountView[]): Server {
  const acc = accounts.find((a) => a.id === partial.account_id)!;
  return {
    account: acc?.name ?? partial.account_id,
    provider: acc?.provider ?? "vultr",
    status: "running",
    provider_status: "active",
    ipv4: [],
    ipv6: [],
    region: "ams",
    plan: "vc2-1c-1gb",
    created_at: "2026-01-15T10:30:00Z",
    details: [],
    ...partial,
  };
}

/** The demo: a few accounts of different providers, a handful of servers, one failing account. */
export function demoState(serverCount = 8): BackendState {
  const accounts: AccountView[] = [
    account({ id: "demo-vultr", name: "Demo Vultr", provider: "vultr", demo: true, endpoint: "http://127.0.0.1:47001" }),
    account({
      id: "demo-vpsnet",
      name: "Demo VPS.NET",
      provider: "vpsnet",
      demo: true,
      username: "demo@example.com",
      endpoint: "http://127.0.0.1:47002",
      capabilities: ["servers.start", "servers.stop", "servers.reboot", "servers.delete"],
    }),
    account({
      id: "demo-cloudsigma",
      name: "Demo CloudSigma",
      provider: "cloudsigma",
      demo: true,
      username: "demo@example.com",
      region: "zrh",
      endpoint: "http://127.0.0.1:47003",
    }),
    account({ id: "demo-vps247", name: "Demo VPS247", provider: "vps247", demo: true, region: "eu", endpoint: "http://127.0.0.1:47004" }),
  ];
  const statuses: Status[] = ["running", "running", "stopped", "running", "starting", "suspended", "running", "unknown"];
  const owners = ["demo-vultr", "demo-vpsnet", "demo-cloudsigma"];
  const servers: Server[] = [];
  for (let i = 0; i < serverCount; i++) {
    const n = i + 1;
    servers.push(
      server(
        {
          id: `srv-${1000 + n}`,
          name: i < 8 ? ["web-1", "web-2", "db-main", "cache", "worker-1", "legacy-mail", "ci-runner", "vpn"][i] : `node-${n}`,
          account_id: owners[i % owners.length],
          status: statuses[i % statuses.length],
          provider_status: statuses[i % statuses.length] === "running" ? "active" : statuses[i % statuses.length],
          ipv4: [`203.0.113.${(n % 250) + 1}`, ...(i % 4 === 0 ? [`198.51.100.${(n % 250) + 1}`] : [])],
          ipv6: i % 3 === 0 ? [`2001:db8::${n.toString(16)}`] : [],
          region: ["ams", "fra", "ewr"][i % 3],
          plan: ["vc2-1c-1gb", "vc2-2c-4gb", "2000 MHz / 2 GB"][i % 3],
          details: [
            { label: "OS", value: "Ubuntu 24.04 LTS" },
            { label: "Hostname", value: `host-${n}.example.net` },
          ],
        },
        accounts,
      ),
    );
  }
  return {
    status: { keychain: { ok: true, message: null }, store_warning: null, demo_running: true, account_count: accounts.length },
    preferences: structuredClone(SAVED_PREFERENCES),
    accounts,
    servers,
    errors: [
      {
        account: "Demo VPS247",
        account_id: "demo-vps247",
        provider: "vps247",
        error: {
          kind: "unreachable",
          message: "VPS247 did not answer within 10 s. Check your connection, or try again later.",
          fields: [],
        },
      },
    ],
  };
}

export type BackendState = {
  status: AppStatus;
  preferences: Preferences;
  accounts: AccountView[];
  servers: Server[];
  errors: Inventory["errors"];
};

export type Call = { cmd: string; args: Record<string, unknown> };
/** `next` runs the default behaviour (for overrides that only wrap it, e.g. slow down one account). */
type Handler = (args: Record<string, unknown>, backend: MockBackend, next: (args?: Record<string, unknown>) => unknown) => unknown;

export type MockBackend = {
  state: BackendState;
  calls: Call[];
  /** Replace one command's behaviour (throw an IpcError object to make it reject). */
  on: (cmd: string, handler: Handler) => void;
  callsOf: (cmd: string) => Call[];
};

export function ipcError(kind: IpcError["kind"], message: string, fields: IpcError["fields"] = []): IpcError {
  return { kind, message, fields };
}

const FINAL_STATUS: Record<PowerAction, Status> = { start: "running", stop: "stopped", force_stop: "stopped", reboot: "running" };

function findServer(state: BackendState, args: Record<string, unknown>): Server {
  const s = state.servers.find((x) => x.account_id === args.account_id && x.id === args.server_id);
  if (!s) throw ipcError("not_found", "This server no longer exists. Refresh to update the list.");
  return s;
}

export type MockOptions = {
  /** Power actions pass through the transitional status for this many ms (preview realism). 0: immediate. */
  actionDelayMs?: number;
  /** Artificial latency for every command, in ms. */
  latencyMs?: number;
  /** Extra latency of `account_servers` for some accounts (preview of a slow provider). */
  accountLatencyMs?: Record<string, number>;
};

export function installMockBackend(initial?: Partial<BackendState>, options: MockOptions = {}): MockBackend {
  const state: BackendState = {
    status: { keychain: { ok: true, message: null }, store_warning: null, demo_running: false, account_count: 0 },
    preferences: structuredClone(SAVED_PREFERENCES),
    accounts: [],
    servers: [],
    errors: [],
    ...initial,
  };
  const overrides = new Map<string, Handler>();
  let nextId = 1;

  const defaults: Record<string, Handler> = {
    app_status: () => ({ ...state.status, account_count: state.accounts.length }),
    preferences: () => structuredClone(state.preferences),
    save_preferences: (args) => {
      state.preferences = structuredClone(args.preferences as Preferences);
      return structuredClone(state.preferences);
    },
    providers: () => PROVIDERS,
    list_accounts: () => state.accounts,
    add_account: (args) => {
      const input = args.input as NewAccount;
      const info = PROVIDERS.find((p) => p.id === input.provider)!;
      const created = account({
        id: `acc-${nextId++}`,
        name: input.name,
        provider: input.provider,
        username: input.username,
        region: input.region,
        endpoint: input.endpoint ?? info.default_endpoint,
      });
      state.accounts.push(created);
      return created;
    },
    test_account: () => null,
    rename_account: (args) => {
      const a = state.accounts.find((x) => x.id === args.account_id);
      if (!a) throw ipcError("not_found", "This account no longer exists.");
      a.name = String(args.name);
      state.servers.forEach((s) => s.account_id === a.id && (s.account = a.name));
      return a;
    },
    remove_account: (args) => {
      state.accounts = state.accounts.filter((a) => a.id !== args.account_id);
      state.servers = state.servers.filter((s) => s.account_id !== args.account_id);
      state.errors = state.errors.filter((e) => e.account_id !== args.account_id);
      return null;
    },
    start_demo: () => {
      const demo = demoState();
      state.accounts = demo.accounts;
      state.servers = demo.servers;
      state.errors = demo.errors;
      state.status = { ...state.status, demo_running: true };
      return state.accounts;
    },
    list_servers: () => structuredClone({ servers: state.servers, errors: state.errors }),
    // One account's servers without their details, as the app's command sends them (the account
    // once, each server as an array of its fields); an account listed in `state.errors` rejects with its error.
    account_servers: (args): ServerRows => {
      const failure = state.errors.find((e) => e.account_id === args.account_id);
      if (failure) throw structuredClone(failure.error);
      const account = state.accounts.find((a) => a.id === args.account_id);
      if (!account) throw ipcError("not_found", "This account no longer exists.");
      const rows = structuredClone(state.servers.filter((s) => s.account_id === account.id)).map(
        (s): ServerRow => [s.id, s.name, s.status, s.provider_status, s.ipv4, s.ipv6, s.region, s.plan, s.created_at, s.capabilities ?? null],
      );
      return { account: account.name, account_id: account.id, provider: account.provider, rows };
    },
    get_server: (args) => structuredClone(findServer(state, args)),
    server_action: (args) => {
      const s = findServer(state, args);
      const action = args.action as PowerAction;
      if (options.actionDelayMs) {
        s.status = action === "stop" || action === "force_stop" ? "stopping" : "starting";
        setTimeout(() => (s.status = FINAL_STATUS[action]), options.actionDelayMs);
      } else {
        s.status = FINAL_STATUS[action];
      }
      return null;
    },
    create_server: (args) => {
      const req = args.request as CreateServer;
      const created = server(
        {
          id: `new-${nextId++}`,
          name: req.name,
          account_id: String(args.account_id),
          status: "pending",
          provider_status: "installing",
          region: req.region ?? "",
          plan: req.plan ?? `${req.cpu_mhz} MHz / ${req.mem_mb} MB`,
          created_at: new Date().toISOString(),
        },
        state.accounts,
      );
      state.servers.push(created);
      return created;
    },
    rename_server: (args) => {
      findServer(state, args).name = String(args.name);
      return null;
    },
    delete_server: (args) => {
      findServer(state, args);
      state.servers = state.servers.filter((s) => !(s.account_id === args.account_id && s.id === args.server_id));
      return null;
    },
    list_jobs: () => [],
    // As the backend does: nothing when the user switched the kind off, else what it would say.
    notify: (args) => {
      const notice = args.notice as Notice;
      const on = state.preferences.notifications;
      switch (notice.kind) {
        case "job_ended":
          return on.job_end ? { title: `Job ${notice.job_id} ended`, body: "" } : null;
        case "server_changed":
          return on.server_state ? { title: `${notice.server.name} is ${notice.server.status}`, body: `It was ${notice.from}.` } : null;
        case "low_balance":
          return on.low_balance ? { title: `Low balance on ${notice.balance.account}`, body: `Below ${notice.threshold}.` } : null;
      }
    },
    open_ssh: () => null,
    catalog_regions: () => REGIONS,
    catalog_images: () => IMAGES,
    // region null: every plan of the account (all regions), as the backend does.
    catalog_plans: (args) =>
      args.region === null || args.region === undefined
        ? [...new Map(Object.values(PLANS).flat().map((p) => [p.id, p])).values()]
        : (PLANS[args.region as string] ?? []),
  };

  const backend: MockBackend = {
    state,
    calls: [],
    on: (cmd, handler) => overrides.set(cmd, handler),
    callsOf: (cmd) => backend.calls.filter((c) => c.cmd === cmd),
  };

  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    backend.calls.push({ cmd, args });
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const slow = cmd === "account_servers" ? options.accountLatencyMs?.[String(args.account_id)] : undefined;
    if (slow) await new Promise((r) => setTimeout(r, slow));
    const fallback = defaults[cmd];
    const next = (a: Record<string, unknown> = args) => {
      if (!fallback) throw `command ${cmd} not found`;
      return fallback(a, backend, next);
    };
    const handler = overrides.get(cmd) ?? fallback;
    if (!handler) throw `command ${cmd} not found`;
    return handler(args, backend, next);
  });
  return backend;
}

export function uninstallMockBackend() {
  clearMocks();
}
