/** A server's maintenance (recovery boot, network rebuild, pending rebuild) and its clones; each starts a job. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { useJobCommand, type Target } from "./jobs";
import { keys } from "./keys";
import { useExtrasWrite } from "./writes";

export function useClones(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.clones(accountId, serverId), () => commands.listClones(accountId, serverId), { enabled });
}

export function useBootRecovery() {
  return useJobCommand((v: Target) => commands.bootRecovery(v.accountId, v.serverId), "Could not boot into recovery");
}

export function useRebuildNetwork() {
  return useJobCommand((v: Target) => commands.rebuildNetwork(v.accountId, v.serverId), "Could not rebuild the network");
}

export function useRebuildPending() {
  return useJobCommand((v: Target) => commands.rebuildPending(v.accountId, v.serverId), "Could not rebuild the server");
}

export function useCreateClone() {
  return useJobCommand((v: Target & { region: string | null }) => commands.createClone(v.accountId, v.serverId, v.region), "Could not clone the server");
}

export function useDeleteClone() {
  return useExtrasWrite(
    (v: Target & { cloneId: string }) => commands.deleteClone(v.accountId, v.serverId, v.cloneId),
    (v) => `Clone ${v.cloneId} deleted`,
    "Could not delete the clone",
  );
}
