import type { Capability, PowerAction, ProviderInfo, ProviderKind, Status } from "../api/bindings";
import { PROVIDERS, PROVIDER_LABELS } from "../api/providers.generated";

/** The backend's label once `providers` has answered, else the registry's (generated) one. */
export function providerLabel(kind: ProviderKind, providers?: ProviderInfo[]): string {
  return providers?.find((p) => p.id === kind)?.label ?? PROVIDER_LABELS[kind] ?? kind;
}

/** What the registry says of a provider: its texts, links and forms (generated, no request). */
export function providerInfo(kind: ProviderKind): ProviderInfo {
  const info = PROVIDERS.find((p) => p.id === kind);
  if (!info) throw new Error(`unknown provider ${kind}`);
  return info;
}

export const ALL_STATUSES: Status[] = [
  "running",
  "stopped",
  "starting",
  "stopping",
  "pending",
  "suspended",
  "unknown",
];

export const TRANSITIONAL_STATUSES: ReadonlySet<Status> = new Set(["starting", "stopping", "pending"]);

export function isTransitional(status: Status): boolean {
  return TRANSITIONAL_STATUSES.has(status);
}

export const STATUS_COLORS: Record<Status, string> = {
  running: "green",
  stopped: "gray",
  starting: "blue",
  stopping: "blue",
  pending: "blue",
  suspended: "orange",
  unknown: "dark",
};

/** Order used when sorting by status: the ones needing attention first. */
export const STATUS_RANK: Record<Status, number> = {
  running: 0,
  starting: 1,
  stopping: 2,
  pending: 3,
  stopped: 4,
  suspended: 5,
  unknown: 6,
};

export const ACTION_CAPABILITY: Record<PowerAction, ServerOperation> = {
  start: "servers.start",
  stop: "servers.stop",
  force_stop: "servers.force_stop",
  reboot: "servers.reboot",
};

/** The server operations a row action or the create button needs. */
export type ServerOperation = Extract<
  Capability,
  | "servers.start"
  | "servers.stop"
  | "servers.force_stop"
  | "servers.reboot"
  | "servers.create"
  | "servers.rename"
  | "servers.delete"
  | "servers.delete_running"
>;

/** Words used in tooltips: "<Provider> does not support <phrase>". */
export const CAPABILITY_PHRASE: Record<ServerOperation, string> = {
  "servers.start": "starting servers",
  "servers.stop": "stopping servers",
  "servers.force_stop": "force-stopping servers",
  "servers.reboot": "rebooting servers",
  "servers.create": "creating servers",
  "servers.rename": "renaming servers",
  "servers.delete": "deleting servers",
  "servers.delete_running": "deleting running servers",
};

export const ACTION_LABELS: Record<PowerAction, { verb: string; progressive: string }> = {
  start: { verb: "Start", progressive: "Starting" },
  stop: { verb: "Stop", progressive: "Stopping" },
  force_stop: { verb: "Force stop", progressive: "Force-stopping" },
  reboot: { verb: "Reboot", progressive: "Rebooting" },
};
