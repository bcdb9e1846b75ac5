/** A server's resources (VPS.NET's edit): nodes of each kind, backup options, consumer, label; storage upgrade. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type ResourcesChange, type ServerResources } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { notifySuccess } from "../lib/notify";
import { keys } from "./keys";
import { useExtrasWrite } from "./writes";

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

/** Errors stay with the form (per-field messages), so no toast on failure. */
export function useUpdateServerResources() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; serverId: string; change: ResourcesChange }) =>
      call(commands.updateServerResources(v.accountId, v.serverId, v.change)),
    onSuccess: (saved, v) => {
      qc.setQueryData(keys.extras.resources(v.accountId, v.serverId), saved);
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
      notifySuccess("Resources saved", `${saved.name}: ${saved.nodes} node${saved.nodes === 1 ? "" : "s"}`);
    },
  });
}

/** Only called after the person confirmed the downtime. */
export function useUpgradeStorage() {
  return useExtrasWrite(
    (v: { accountId: string; serverId: string }) => commands.upgradeStorage(v.accountId, v.serverId, true),
    (v) => `Storage upgrade of server ${v.serverId} requested; it restarts`,
    "Could not upgrade the storage",
  );
}
