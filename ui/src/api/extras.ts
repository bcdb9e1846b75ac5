/**
 * Server extras: the per-server tabs (snapshots,
 * addresses and reverse DNS, OS, usage graphs, console), the account-level resources (SSH keys,
 * startup scripts) and the jobs that follow long operations.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { commands, type Job, type NewScript, type NewSshKey, type ScriptUpdate, type SshKeyUpdate } from "./bindings";
import { call } from "./errors";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";

/** While a job runs the list is polled this often; otherwise rarely. */
export const JOBS_POLL_MS = 1_000;
export const JOBS_IDLE_POLL_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Queries

export function useSnapshots(accountId: string, enabled = true) {
  return useQuery({ queryKey: keys.extras.snapshots(accountId), queryFn: () => call(commands.listSnapshots(accountId)), enabled });
}

export function useSshKeys(accountId: string | null, enabled = true) {
  return useQuery({
    queryKey: keys.extras.sshKeys(accountId ?? ""),
    queryFn: () => call(commands.listSshKeys(accountId!)),
    enabled: enabled && !!accountId,
  });
}

export function useScripts(accountId: string | null, enabled = true) {
  return useQuery({
    queryKey: keys.extras.scripts(accountId ?? ""),
    queryFn: () => call(commands.listScripts(accountId!)),
    enabled: enabled && !!accountId,
  });
}

export function useIsos(accountId: string, enabled = true) {
  return useQuery({ queryKey: keys.extras.isos(accountId), queryFn: () => call(commands.listIsos(accountId)), enabled, staleTime: 60 * 60_000 });
}

export function useAddresses(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.addresses(accountId, serverId),
    queryFn: () => call(commands.serverAddresses(accountId, serverId)),
    enabled,
  });
}

export function useReverseIpv6(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.reverse6(accountId, serverId),
    queryFn: () => call(commands.reverseIpv6(accountId, serverId)),
    enabled,
  });
}

export function useOsOptions(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.osOptions(accountId, serverId),
    queryFn: () => call(commands.osOptions(accountId, serverId)),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useUsageGraphs(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.graphs(accountId, serverId),
    queryFn: () => call(commands.usageGraphs(accountId, serverId)),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useConsole(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.console(accountId, serverId),
    queryFn: () => call(commands.serverConsole(accountId, serverId)),
    enabled,
  });
}

// ---------------------------------------------------------------------------------------------
// Jobs

export function isRunning(j: Job) {
  return j.state === "running";
}

/** The jobs list; when a job ends, what it changed is refetched and the outcome is announced. */
export function useJobs() {
  const qc = useQueryClient();
  const jobs = useQuery({
    queryKey: keys.jobs,
    queryFn: () => call(commands.listJobs()),
    refetchInterval: (q) => (q.state.data?.some(isRunning) ? JOBS_POLL_MS : JOBS_IDLE_POLL_MS),
  });
  const seen = useRef(new Map<string, Job["state"]>());
  useEffect(() => {
    for (const job of jobs.data ?? []) {
      const before = seen.current.get(job.id);
      seen.current.set(job.id, job.state);
      if (before !== "running" || job.state === "running") continue;
      void qc.invalidateQueries({ queryKey: keys.extras.account(job.account_id) });
      void qc.invalidateQueries({ queryKey: keys.servers.account(job.account_id) });
      if (job.state === "succeeded") notifySuccess(`${job.title}: done`, job.stage);
      else if (job.state === "failed") notifyError(`${job.title}: failed`, job.error ?? job.stage);
    }
  }, [jobs.data, qc]);
  return jobs;
}

/** A job was started: show it in the list at once. */
export function useJobStarted() {
  const qc = useQueryClient();
  return (job: Job) => {
    qc.setQueryData<Job[]>(keys.jobs, (list) => [job, ...(list ?? []).filter((j) => j.id !== job.id)]);
    void qc.invalidateQueries({ queryKey: keys.jobs });
  };
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (job: Job) => call(commands.cancelJob(job.id)),
    onError: (e) => notifyError("Could not cancel the job", e),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.jobs }),
  });
}

export function useClearJobs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.clearJobs()),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.jobs }),
  });
}

// ---------------------------------------------------------------------------------------------
// Writes

export type Target = { accountId: string; serverId: string };

export function useJobCommand<V extends Target>(start: (v: V) => Promise<Job>, failure: string) {
  const started = useJobStarted();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(start(v)),
    onSuccess: (job, v) => {
      started(job);
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
      void qc.invalidateQueries({ queryKey: keys.extras.snapshots(v.accountId) });
    },
    onError: (e) => notifyError(failure, e),
  });
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

export function useRestoreBackup() {
  return useJobCommand(
    (v: Target & { backupId: string }) => commands.restoreBackup(v.accountId, v.serverId, v.backupId),
    "Could not restore the backup",
  );
}

export function useReinstall() {
  return useJobCommand((v: Target) => commands.reinstallServer(v.accountId, v.serverId), "Could not reinstall the server");
}

export function useChangeOs() {
  return useJobCommand(
    (v: Target & { osId: string }) => commands.changeOs(v.accountId, v.serverId, v.osId),
    "Could not change the operating system",
  );
}

/** A write whose success refetches the account's extras (and says so). */
export function useExtrasWrite<V extends { accountId: string }, R>(fn: (v: V) => Promise<R>, success: (v: V) => string, failure: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(fn(v)),
    onSuccess: (_r, v) => notifySuccess(success(v)),
    onError: (e) => notifyError(failure, e),
    onSettled: (_r, _e, v) => qc.invalidateQueries({ queryKey: keys.extras.account(v.accountId) }),
  });
}

export function useDeleteSnapshot() {
  return useExtrasWrite(
    (v: { accountId: string; snapshotId: string }) => commands.deleteSnapshot(v.accountId, v.snapshotId),
    (v) => `Snapshot ${v.snapshotId} deleted`,
    "Could not delete the snapshot",
  );
}

export function useAddIpv4() {
  return useExtrasWrite(
    (v: Target & { reboot: boolean }) => commands.addIpv4(v.accountId, v.serverId, v.reboot),
    (v) => (v.reboot ? "IPv4 address added; the server is rebooting" : "IPv4 address added; reboot the server to configure it"),
    "Could not add an IPv4 address",
  );
}

export function useRemoveIpv4() {
  return useExtrasWrite(
    (v: Target & { ip: string }) => commands.removeIpv4(v.accountId, v.serverId, v.ip),
    (v) => `${v.ip} removed`,
    "Could not remove the address",
  );
}

/** Form writes: errors are shown in the form, not as a notification. */
function useExtrasFormWrite<V extends { accountId: string }, R>(fn: (v: V) => Promise<R>, success: (v: V) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(fn(v)),
    onSuccess: (_r, v) => notifySuccess(success(v)),
    onSettled: (_r, _e, v) => qc.invalidateQueries({ queryKey: keys.extras.account(v.accountId) }),
  });
}

export function useSetReverse() {
  return useExtrasFormWrite(
    (v: Target & { ip: string; entry: string }) => commands.setReverse(v.accountId, v.serverId, v.ip, v.entry),
    (v) => `Reverse DNS of ${v.ip} set to ${v.entry}`,
  );
}

export function useResetReverse() {
  return useExtrasWrite(
    (v: Target & { ip: string }) => commands.resetReverse(v.accountId, v.serverId, v.ip),
    (v) => `Reverse DNS of ${v.ip} reset to the default`,
    "Could not reset the reverse DNS",
  );
}

export function useDeleteReverse() {
  return useExtrasWrite(
    (v: Target & { ip: string }) => commands.deleteReverse(v.accountId, v.serverId, v.ip),
    (v) => `Reverse DNS of ${v.ip} deleted`,
    "Could not delete the reverse DNS entry",
  );
}

export function useCreateSshKey() {
  return useExtrasFormWrite((v: { accountId: string; key: NewSshKey }) => commands.createSshKey(v.accountId, v.key), (v) => `SSH key ${v.key.name} added`);
}

export function useUpdateSshKey() {
  return useExtrasFormWrite(
    (v: { accountId: string; keyId: string; update: SshKeyUpdate }) => commands.updateSshKey(v.accountId, v.keyId, v.update),
    () => "SSH key updated",
  );
}

export function useDeleteSshKey() {
  return useExtrasWrite(
    (v: { accountId: string; keyId: string; name: string }) => commands.deleteSshKey(v.accountId, v.keyId),
    (v) => `SSH key ${v.name} deleted`,
    "Could not delete the SSH key",
  );
}

export function useCreateScript() {
  return useExtrasFormWrite(
    (v: { accountId: string; script: NewScript }) => commands.createScript(v.accountId, v.script),
    (v) => `Startup script ${v.script.name} added`,
  );
}

export function useUpdateScript() {
  return useExtrasFormWrite(
    (v: { accountId: string; scriptId: string; update: ScriptUpdate }) => commands.updateScript(v.accountId, v.scriptId, v.update),
    () => "Startup script updated",
  );
}

export function useDeleteScript() {
  return useExtrasWrite(
    (v: { accountId: string; scriptId: string; name: string }) => commands.deleteScript(v.accountId, v.scriptId),
    (v) => `Startup script ${v.name} deleted`,
    "Could not delete the startup script",
  );
}
