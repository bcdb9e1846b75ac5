/** Snapshots (Vultr's are the account's): list, take and restore as jobs, delete. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { useJobCommand, type Target } from "./jobs";
import { keys } from "./keys";
import { useExtrasWrite } from "./writes";

export function useSnapshots(accountId: string, enabled = true) {
  return useCommandQuery(keys.extras.snapshots(accountId), () => commands.listSnapshots(accountId), { enabled });
}

export function useCreateSnapshot() {
  return useJobCommand(
    (v: Target & { description: string }) => commands.createSnapshot(v.accountId, v.serverId, v.description),
    "Could not take the snapshot",
  );
}

export function useRestoreSnapshot() {
  return useJobCommand(
    (v: Target & { snapshotId: string }) => commands.restoreSnapshot(v.accountId, v.serverId, v.snapshotId),
    "Could not restore the snapshot",
  );
}

export function useDeleteSnapshot() {
  return useExtrasWrite(
    (v: { accountId: string; snapshotId: string }) => commands.deleteSnapshot(v.accountId, v.snapshotId),
    (v) => `Snapshot ${v.snapshotId} deleted`,
    "Could not delete the snapshot",
  );
}
