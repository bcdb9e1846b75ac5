/** Long operations as jobs: the polled list (refetching what a finished job changed), starting one, cancelling and clearing. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { commands, type Job } from "./bindings";
import { call } from "./errors";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";
import { useNotify } from "./notices";

/** While a job runs the list is polled this often; otherwise rarely. */
export const JOBS_POLL_MS = 1_000;
export const JOBS_IDLE_POLL_MS = 15_000;

export function isRunning(j: Job) {
  return j.state === "running";
}

/** The jobs list; when a job ends, what it changed is refetched and the outcome is announced, in the app and on the desktop. */
export function useJobs() {
  const qc = useQueryClient();
  const notify = useNotify();
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
      // A job the user cancelled ended as they asked: not news for the desktop.
      if (job.state !== "cancelled") notify({ kind: "job_ended", job_id: job.id });
    }
  }, [jobs.data, qc, notify]);
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
