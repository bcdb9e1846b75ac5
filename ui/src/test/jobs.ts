import type { Job, ProviderKind } from "../api/bindings";

type Started = Pick<Job, "kind" | "title" | "server_id" | "target_id"> & { provider: ProviderKind; label: string };

/** A job just started on a demo account (`demo-<provider>`, named "Demo <label>") whose provider cannot stop it; `over` sets the rest a test needs. */
export function runningJob({ provider, label, ...job }: Started, over: Partial<Job>): Job {
  return {
    id: "job-1", account: `Demo ${label}`, account_id: `demo-${provider}`, provider, state: "running", stage: `Requested from ${label}`, progress: null,
    cancellable: false, cancel_note: `${label}'s API has no call to stop it once it has started`, error: null,
    started_at_ms: Date.now(), finished_at_ms: null, ...job, ...over,
  };
}
