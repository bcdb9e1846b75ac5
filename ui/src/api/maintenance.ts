/**
 * A server's backups (list, take, delete; restore is in extras.ts), its maintenance (recovery boot,
 * network rebuild, pending rebuild) and its clones. Long operations start jobs (see extras.ts).
 */
import { useQuery } from "@tanstack/react-query";
import { commands } from "./bindings";
import { call } from "./errors";
import { useExtrasWrite, useJobCommand, type Target } from "./extras";
import { keys } from "./keys";

export function useBackups(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.backups(accountId, serverId),
    queryFn: () => call(commands.listBackups(accountId, serverId)),
    enabled,
  });
}

export function useClones(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.clones(accountId, serverId),
    queryFn: () => call(commands.listClones(accountId, serverId)),
    enabled,
  });
}

export function useCreateBackup() {
  return useJobCommand((v: Target & { label: string }) => commands.createBackup(v.accountId, v.serverId, v.label), "Could not take the backup");
}

export function useDeleteBackup() {
  return useExtrasWrite(
    (v: Target & { backupId: string }) => commands.deleteBackup(v.accountId, v.serverId, v.backupId),
    (v) => `Backup ${v.backupId} deleted`,
    "Could not delete the backup",
  );
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
