/**
 * The account's drives: list, the provider's standard images, create, clone, destroy, and upload or
 * download of their contents. Files for transfers are chosen in the native dialog, which the backend
 * opens itself; the backend reads and writes them and the webview never names a path.
 */
import { useMutation } from "@tanstack/react-query";
import { commands, type DriveClone, type NewDrive, type StandardKind } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { useJobStarted } from "./jobs";
import { notifyError } from "../lib/notify";
import { keys } from "./keys";
import { useAccountWrite } from "./writes";

export function useDrives(accountId: string) {
  return useCommandQuery(keys.extras.drives(accountId), () => commands.listDrives(accountId));
}

export function useStandardDrives(accountId: string, kind: StandardKind, enabled = true) {
  return useCommandQuery(keys.extras.standardDrives(accountId, kind), () => commands.standardDrives(accountId, kind), { enabled, staleTime: 60 * 60_000 });
}

export const useCreateDrive = () =>
  useAccountWrite((v: { accountId: string; drive: NewDrive }) => commands.createDrive(v.accountId, v.drive), (_v, d) => `Drive ${d.name} created`, "Could not create the drive");
export const useCloneDrive = () =>
  useAccountWrite(
    (v: { accountId: string; driveId: string; clone: DriveClone }) => commands.cloneDrive(v.accountId, v.driveId, v.clone),
    (_v, d) => `Drive copied to ${d.name}`,
    "Could not clone the drive",
  );
export const useDestroyDrive = () =>
  useAccountWrite((v: { accountId: string; driveId: string; name: string }) => commands.destroyDrive(v.accountId, v.driveId), (v) => `Drive ${v.name} destroyed`, "Could not destroy the drive");

/** The backend asks for the file in the native dialog, then starts the job; `null` when the person cancelled. */
export function useDriveTransfer() {
  const started = useJobStarted();
  return useMutation({
    mutationFn: (v: { accountId: string; driveId: string; name: string; direction: "upload" | "download" }) =>
      call(v.direction === "upload" ? commands.uploadDrive(v.accountId, v.driveId) : commands.downloadDrive(v.accountId, v.driveId, `${v.name}.img`)),
    onSuccess: (job) => {
      if (job) started(job);
    },
    onError: (e) => notifyError("Could not start the transfer", e),
  });
}
