/** A server's resources (VPS.NET's edit): nodes of each kind, backup options, consumer, label; storage upgrade. */
import { commands, type ResourcesChange, type ServerResources } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";
import { useExtrasWrite, useServerFormSave } from "./writes";
import type { Target } from "./jobs";

export function useServerResources(accountId: string, serverId: string) {
  return useCommandQuery(keys.extras.resources(accountId, serverId), () => commands.serverResources(accountId, serverId));
}

/** Whether `next` asks for more of any node kind (billed; more disk means downtime). */
export function grows(now: ServerResources, next: ServerResources): boolean {
  const kinds = ["nodes", "daily_nodes", "storage_nodes", "ram_nodes", "bandwidth_nodes"] as const;
  return kinds.some((k) => next[k] > now[k]);
}

export function growsStorage(now: ServerResources, next: ServerResources): boolean {
  return next.nodes + next.daily_nodes > now.nodes + now.daily_nodes || next.storage_nodes > now.storage_nodes;
}

export function useUpdateServerResources() {
  return useServerFormSave(
    keys.extras.resources,
    (v: Target & { change: ResourcesChange }) => commands.updateServerResources(v.accountId, v.serverId, v.change),
    (saved) => ["Resources saved", `${saved.name}: ${saved.nodes} node${saved.nodes === 1 ? "" : "s"}`],
  );
}

/** Only called after the person confirmed the downtime. */
export function useUpgradeStorage() {
  return useExtrasWrite(
    (v: { accountId: string; serverId: string }) => commands.upgradeStorage(v.accountId, v.serverId, true),
    (v) => `Storage upgrade of server ${v.serverId} requested; it restarts`,
    "Could not upgrade the storage",
  );
}
