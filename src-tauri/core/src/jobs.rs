//! Long operations (snapshots, restores, reinstalls) as jobs: started by
//! one request, then watched until the provider says the work is done. The
//! registry lives in the `AppService`, so the app's jobs list and a `vpsctl …
//! --wait` see the same thing for the life of the process.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tokio::sync::watch;
use ts_rs::TS;

use crate::accounts::Account;
use crate::error::{Error, Result};
use crate::model::ProviderKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    SnapshotCreate,
    SnapshotRestore,
    BackupRestore,
    Reinstall,
    OsChange,
    BackupCreate,
    CloneCreate,
    RecoveryBoot,
    RebuildNetwork,
    RebuildPending,
    DriveUpload,
    DriveDownload,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Job {
    pub id: String,
    pub kind: JobKind,
    pub title: String,
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub server_id: Option<String>,
    /// What the job makes or uses, e.g. the new snapshot's id.
    pub target_id: Option<String>,
    pub state: JobState,
    /// What is happening now, in words.
    pub stage: String,
    /// Percent done, when the provider says; `None` when it does not.
    pub progress: Option<u8>,
    pub cancellable: bool,
    /// Why the job cannot be cancelled.
    pub cancel_note: Option<String>,
    pub error: Option<Error>,
    #[ts(type = "number")]
    pub started_at_ms: u64,
    #[ts(type = "number | null")]
    pub finished_at_ms: Option<u64>,
}

/// Whether the provider's API can stop the work once it is started.
pub enum Cancel {
    Allowed,
    NotOffered(String),
}

/// What a job is about; the registry fills in the rest.
pub struct NewJob {
    pub kind: JobKind,
    pub title: String,
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub server_id: Option<String>,
    pub target_id: Option<String>,
    pub stage: String,
    pub cancel: Cancel,
}

impl NewJob {
    /// A job of `kind` on `account`, about no server or target yet.
    pub fn on(account: &Account, kind: JobKind, title: String, stage: String, cancel: Cancel) -> NewJob {
        NewJob {
            kind,
            title,
            account: account.name.clone(),
            account_id: account.id.clone(),
            provider: account.provider,
            server_id: None,
            target_id: None,
            stage,
            cancel,
        }
    }
}

/// Finished jobs kept for the list; older ones are dropped.
const KEEP_FINISHED: usize = 100;

struct Entry {
    job: Job,
    cancel: Arc<AtomicBool>,
    finished: watch::Sender<bool>,
}

#[derive(Clone, Default)]
pub struct Jobs {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Default)]
struct Inner {
    entries: Vec<Entry>,
    next: u64,
}

/// The worker's side of a job: report progress, notice a cancel.
pub struct JobHandle {
    id: String,
    jobs: Jobs,
    cancel: Arc<AtomicBool>,
}

impl JobHandle {
    pub fn stage(&self, stage: impl Into<String>, progress: Option<u8>) {
        let stage = stage.into();
        self.jobs.update(&self.id, |job| {
            job.stage = stage;
            job.progress = progress.map(|p| p.min(100));
        });
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or_default()
}

impl Jobs {
    /// Registers the job and runs `work` on the runtime; its result decides
    /// how the job ends.
    pub fn start<F, Fut>(&self, new: NewJob, work: F) -> Job
    where
        F: FnOnce(JobHandle) -> Fut,
        Fut: Future<Output = Result<()>> + Send + 'static,
    {
        let cancel = Arc::new(AtomicBool::new(false));
        let (cancellable, cancel_note) = match new.cancel {
            Cancel::Allowed => (true, None),
            Cancel::NotOffered(why) => (false, Some(why)),
        };
        let job = {
            let mut inner = self.inner.lock().expect("jobs lock");
            inner.next += 1;
            let job = Job {
                id: format!("job-{}", inner.next),
                kind: new.kind,
                title: new.title,
                account: new.account,
                account_id: new.account_id,
                provider: new.provider,
                server_id: new.server_id,
                target_id: new.target_id,
                state: JobState::Running,
                stage: new.stage,
                progress: None,
                cancellable,
                cancel_note,
                error: None,
                started_at_ms: now_ms(),
                finished_at_ms: None,
            };
            let (finished, _) = watch::channel(false);
            inner.entries.push(Entry { job: job.clone(), cancel: cancel.clone(), finished });
            job
        };
        let handle = JobHandle { id: job.id.clone(), jobs: self.clone(), cancel: cancel.clone() };
        let jobs = self.clone();
        let id = job.id.clone();
        let fut = work(handle);
        tokio::spawn(async move {
            let outcome = fut.await;
            jobs.finish(&id, outcome, cancel.load(Ordering::SeqCst));
        });
        job
    }

    fn update(&self, id: &str, f: impl FnOnce(&mut Job)) {
        let mut inner = self.inner.lock().expect("jobs lock");
        if let Some(e) = inner.entries.iter_mut().find(|e| e.job.id == id && e.job.state == JobState::Running) {
            f(&mut e.job);
        }
    }

    fn finish(&self, id: &str, outcome: Result<()>, cancelled: bool) {
        let mut inner = self.inner.lock().expect("jobs lock");
        if let Some(e) = inner.entries.iter_mut().find(|e| e.job.id == id) {
            let job = &mut e.job;
            job.finished_at_ms = Some(now_ms());
            match outcome {
                Ok(()) => {
                    job.state = JobState::Succeeded;
                    job.progress = Some(100);
                }
                Err(_) if cancelled => {
                    job.state = JobState::Cancelled;
                    job.stage = "Cancelled".into();
                }
                Err(err) => {
                    job.state = JobState::Failed;
                    job.stage = err.message.clone();
                    job.error = Some(err);
                }
            }
            e.finished.send_replace(true);
        }
        let finished = inner.entries.iter().filter(|e| e.job.state != JobState::Running).count();
        let mut drop = finished.saturating_sub(KEEP_FINISHED);
        inner.entries.retain(|e| {
            let old = drop > 0 && e.job.state != JobState::Running;
            if old {
                drop -= 1;
            }
            !old
        });
    }

    /// Newest first.
    pub fn list(&self) -> Vec<Job> {
        let inner = self.inner.lock().expect("jobs lock");
        inner.entries.iter().rev().map(|e| e.job.clone()).collect()
    }

    pub fn get(&self, id: &str) -> Result<Job> {
        let inner = self.inner.lock().expect("jobs lock");
        inner.entries.iter().find(|e| e.job.id == id).map(|e| e.job.clone()).ok_or_else(|| not_found(id))
    }

    /// Asks a running job to stop; refused, with the reason, where the
    /// provider's API cannot stop the work.
    pub fn cancel(&self, id: &str) -> Result<Job> {
        let mut inner = self.inner.lock().expect("jobs lock");
        let e = inner.entries.iter_mut().find(|e| e.job.id == id).ok_or_else(|| not_found(id))?;
        if e.job.state != JobState::Running {
            return Err(Error::invalid_state(format!("{} has already ended", e.job.title)));
        }
        if !e.job.cancellable {
            let why = e.job.cancel_note.clone().unwrap_or_else(|| "the provider cannot stop it".into());
            return Err(Error::unsupported(format!("{} cannot be cancelled: {why}", e.job.title)));
        }
        e.cancel.store(true, Ordering::SeqCst);
        e.job.stage = "Cancelling…".into();
        Ok(e.job.clone())
    }

    /// Forgets every job that has ended.
    pub fn clear_finished(&self) {
        self.inner.lock().expect("jobs lock").entries.retain(|e| e.job.state == JobState::Running);
    }

    /// Waits until the job has ended and returns it.
    pub async fn wait(&self, id: &str) -> Result<Job> {
        let mut finished = {
            let inner = self.inner.lock().expect("jobs lock");
            inner.entries.iter().find(|e| e.job.id == id).ok_or_else(|| not_found(id))?.finished.subscribe()
        };
        // The sender lives as long as the entry; a cleared entry ends the wait.
        let _ = finished.wait_for(|done| *done).await;
        self.get(id)
    }
}

fn not_found(id: &str) -> Error {
    Error::not_found(format!("no job {id:?}; jobs are kept while vpsdesk runs"))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn new_job(cancel: Cancel) -> NewJob {
        NewJob {
            kind: JobKind::SnapshotCreate,
            title: "Snapshot of web".into(),
            account: "Demo".into(),
            account_id: "a1".into(),
            provider: ProviderKind::Vultr,
            server_id: Some("1".into()),
            target_id: None,
            stage: "Requested".into(),
            cancel,
        }
    }

    #[tokio::test]
    async fn a_job_reports_progress_and_succeeds() {
        let jobs = Jobs::default();
        let (go, wait) = tokio::sync::oneshot::channel::<()>();
        let job = jobs.start(new_job(Cancel::NotOffered("no API".into())), |h| async move {
            h.stage("half", Some(50));
            let _ = wait.await;
            Ok(())
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        let running = jobs.get(&job.id).unwrap();
        assert_eq!((running.state, running.stage.as_str(), running.progress), (JobState::Running, "half", Some(50)));
        let e = jobs.cancel(&job.id).unwrap_err();
        assert!(e.message.contains("cannot be cancelled: no API"), "{}", e.message);
        go.send(()).unwrap();
        let done = jobs.wait(&job.id).await.unwrap();
        assert_eq!((done.state, done.progress), (JobState::Succeeded, Some(100)));
        assert!(done.finished_at_ms.is_some());
        assert_eq!(jobs.list().len(), 1);
        jobs.clear_finished();
        assert!(jobs.list().is_empty());
    }

    #[tokio::test]
    async fn a_failed_job_keeps_the_error_and_a_cancelled_one_says_so() {
        let jobs = Jobs::default();
        let failed = jobs.start(new_job(Cancel::Allowed), |_| async { Err(Error::provider("snapshot vanished")) });
        let failed = jobs.wait(&failed.id).await.unwrap();
        assert_eq!(failed.state, JobState::Failed);
        assert_eq!(failed.error.unwrap().message, "snapshot vanished");

        let cancellable = jobs.start(new_job(Cancel::Allowed), |h| async move {
            while !h.cancelled() {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Err(Error::invalid_state("stopped"))
        });
        assert_eq!(jobs.cancel(&cancellable.id).unwrap().stage, "Cancelling…");
        assert_eq!(jobs.wait(&cancellable.id).await.unwrap().state, JobState::Cancelled);
        assert!(jobs.cancel(&cancellable.id).is_err(), "an ended job cannot be cancelled");
    }
}
