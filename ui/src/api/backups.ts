/** A server's backups: list, take and restore as jobs, delete. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { useJobCommand, type Target } from "./jobs";
import { keys } from "./keys";
import { useExtrasWrite } from "./writes";

export function useBackups(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.backups(accountId, serverId), () => commands.listBackups(accountId, serverId), { enabled });
}

export function useCreateBackup() {
  return useJobCommand((v: Target & { label: string }) => commands.createBackup(v.accountId, v.serverId, v.label), "Could not take the backup");
}

export function useRestoreBackup() {
  return useJobCommand(
    (v: Target & { backupId: string }) => commands.restoreBackup(v.accountId, v.serverId, v.backupId),
    "Could not restore the backup",
  );
}

export function useDeleteBackup() {
  return useExtrasWrite(
    (v: Target & { backupId: string }) => commands.deleteBackup(v.accountId, v.serverId, v.backupId),
    (v) => `Backup ${v.backupId} deleted`,
    "Could not delete the backup",
  );
}
