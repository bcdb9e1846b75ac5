/**
 * Account resources beyond servers (CloudSigma and any provider with the same APIs): drives and
 * their contents, VLANs, static IPs, server groups, the profile, and server copy and bulk power.
 * Files for drive transfers are chosen in the native dialog, which the backend opens itself; the
 * backend reads and writes them and the webview never names a path.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type BulkAction, type DriveClone, type NewDrive, type PowerAction, type ProfileChange, type StandardKind } from "./bindings";
import { call } from "./errors";
import { useJobStarted } from "./extras";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";

export function useDrives(accountId: string) {
  return useQuery({ queryKey: keys.extras.drives(accountId), queryFn: () => call(commands.listDrives(accountId)) });
}

export function useStandardDrives(accountId: string, kind: StandardKind, enabled = true) {
  return useQuery({
    queryKey: keys.extras.standardDrives(accountId, kind),
    queryFn: () => call(commands.standardDrives(accountId, kind)),
    enabled,
    staleTime: 60 * 60_000,
  });
}

export function useVlans(accountId: string) {
  return useQuery({ queryKey: keys.extras.vlans(accountId), queryFn: () => call(commands.listVlans(accountId)) });
}

export function useStaticIps(accountId: string) {
  return useQuery({ queryKey: keys.extras.staticIps(accountId), queryFn: () => call(commands.listStaticIps(accountId)) });
}

export function useServerGroups(accountId: string) {
  return useQuery({ queryKey: keys.extras.serverGroups(accountId), queryFn: () => call(commands.listServerGroups(accountId)) });
}

export function useProfile(accountId: string) {
  return useQuery({ queryKey: keys.extras.profile(accountId), queryFn: () => call(commands.accountProfile(accountId)) });
}

/** A write that refreshes the account's resources (and servers) afterwards. */
function useWrite<V extends { accountId: string }, R>(fn: (v: V) => Promise<R>, success: ((v: V, r: R) => string) | null, failure: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(fn(v)),
    onSuccess: (r, v) => {
      if (success) notifySuccess(success(v, r));
    },
    onError: (e) => notifyError(failure, e),
    onSettled: (_r, _e, v) => {
      void qc.invalidateQueries({ queryKey: keys.extras.account(v.accountId) });
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
    },
  });
}

export const useCreateDrive = () =>
  useWrite((v: { accountId: string; drive: NewDrive }) => commands.createDrive(v.accountId, v.drive), (_v, d) => `Drive ${d.name} created`, "Could not create the drive");
export const useCloneDrive = () =>
  useWrite(
    (v: { accountId: string; driveId: string; clone: DriveClone }) => commands.cloneDrive(v.accountId, v.driveId, v.clone),
    (_v, d) => `Drive copied to ${d.name}`,
    "Could not clone the drive",
  );
export const useDestroyDrive = () =>
  useWrite((v: { accountId: string; driveId: string; name: string }) => commands.destroyDrive(v.accountId, v.driveId), (v) => `Drive ${v.name} destroyed`, "Could not destroy the drive");

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

export const useCreateVlan = () =>
  useWrite((v: { accountId: string; name: string }) => commands.createVlan(v.accountId, v.name), (v) => `VLAN ${v.name} created`, "Could not create the VLAN");
export const useRenameVlan = () =>
  useWrite((v: { accountId: string; vlanId: string; name: string }) => commands.renameVlan(v.accountId, v.vlanId, v.name), (v) => `VLAN renamed to ${v.name}`, "Could not rename the VLAN");
export const useCreateStaticIp = () =>
  useWrite((v: { accountId: string }) => commands.createStaticIp(v.accountId), (_v, ip) => `Static IP ${ip.ip} reserved`, "Could not reserve an address");
export const useDestroyStaticIp = () =>
  useWrite((v: { accountId: string; ip: string }) => commands.destroyStaticIp(v.accountId, v.ip), (v) => `Static IP ${v.ip} released`, "Could not release the address");

export const useCreateServerGroup = () =>
  useWrite((v: { accountId: string; name: string }) => commands.createServerGroup(v.accountId, v.name), (v) => `Group ${v.name} created`, "Could not create the group");
export const useRenameServerGroup = () =>
  useWrite(
    (v: { accountId: string; groupId: string; name: string }) => commands.renameServerGroup(v.accountId, v.groupId, v.name),
    (v) => `Group renamed to ${v.name}`,
    "Could not rename the group",
  );
export const useDestroyServerGroup = () =>
  useWrite((v: { accountId: string; groupId: string; name: string }) => commands.destroyServerGroup(v.accountId, v.groupId), (v) => `Group ${v.name} removed`, "Could not remove the group");
export const useGroupMembers = () =>
  useWrite(
    (v: { accountId: string; groupId: string; serverIds: string[]; add: boolean }) => commands.groupMembers(v.accountId, v.groupId, v.serverIds, v.add),
    (v, members) => `${v.add ? "Added" : "Removed"}; the group now has ${members.length} server${members.length === 1 ? "" : "s"}`,
    "Could not change the group",
  );
export const useGroupPower = () =>
  useWrite(
    (v: { accountId: string; groupId: string; name: string; action: PowerAction }) => commands.groupPower(v.accountId, v.groupId, v.action),
    (v, ids) => `${v.action === "start" ? "Start" : "Stop"} requested for ${ids.length} server${ids.length === 1 ? "" : "s"} of ${v.name}`,
    "Could not power the group",
  );

export const useSetProfile = () =>
  useWrite((v: { accountId: string; changes: ProfileChange[] }) => commands.setAccountProfile(v.accountId, v.changes), () => "Profile saved", "Could not save the profile");

export const useCloneServer = () =>
  useWrite(
    (v: { accountId: string; serverId: string; name: string }) => commands.cloneServer(v.accountId, v.serverId, v.name),
    (_v, s) => `Server copied to ${s.name}`,
    "Could not copy the server",
  );
export const useBulkPower = () =>
  useWrite(
    (v: { accountId: string; serverIds: string[]; action: BulkAction }) => commands.bulkPower(v.accountId, v.serverIds, v.action),
    (v) => `${v.action === "start" ? "Start" : v.action === "stop" ? "Power-off" : "Destroy"} requested for ${v.serverIds.length} server${v.serverIds.length === 1 ? "" : "s"}`,
    "Could not act on the servers",
  );
