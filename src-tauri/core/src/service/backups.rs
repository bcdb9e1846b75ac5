//! The service's backup list, take and delete (restore is with the other
//! extras): checked before sending, a new backup followed as a job until
//! the provider says it is built.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use super::server_capabilities::{offered, timeout, transient, POLL, SNAPSHOT_LIMIT};
use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::server::backups::{Backup, Backups};
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::jobs::{Job, JobHandle, JobKind};
use crate::provider::Compute;
use crate::validate::label;
use crate::validate::object_id;

fn api<'c>(account: &Account, client: &'c dyn Compute, extra: Capability) -> Result<&'c dyn Backups> {
    offered(account, client.backups(), extra)
}

/// Polls the server's backups until `id` (or, when the provider did not
/// say it, the first backup not in `before`) is built.
async fn backup_built(
    client: Arc<dyn Compute>,
    provider: String,
    server: String,
    id: Option<String>,
    before: HashSet<String>,
    job: JobHandle,
) -> Result<()> {
    let started = Instant::now();
    loop {
        let listed = match client.backups() {
            Some(api) => api.list_backups(&server).await,
            None => return Err(Error::unsupported(format!("{provider} has no backup API"))),
        };
        match listed {
            Ok(list) => {
                let ours = list.iter().find(|b| match &id {
                    Some(id) => &b.id == id,
                    None => !before.contains(&b.id),
                });
                match ours {
                    Some(b) if b.built => {
                        job.stage(format!("Backup {} is built", b.id), Some(100));
                        return Ok(());
                    }
                    Some(b) => job.stage(format!("{provider} is writing backup {}", b.id), None),
                    None if id.is_some() => {
                        return Err(Error::not_found(format!(
                            "the new backup is no longer listed by {provider}; it may have been deleted"
                        )))
                    }
                    None => job.stage(format!("Waiting for {provider} to list the new backup"), None),
                }
            }
            Err(e) if transient(&e) => {
                job.stage(format!("Could not check with {provider}, will retry: {}", e.message), None)
            }
            Err(e) => return Err(e),
        }
        if started.elapsed() > SNAPSHOT_LIMIT {
            return Err(timeout("The backup", SNAPSHOT_LIMIT));
        }
        tokio::time::sleep(POLL).await;
    }
}

impl AppService {
    pub async fn backups(&self, account: &Account, server: &str) -> Result<Vec<Backup>> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api(account, &*client, Capability::BackupList)?.list_backups(&server).await
    }

    /// Takes a backup now and follows it until it is built.
    pub async fn create_backup(&self, account: &Account, server: &str, backup_label: &str) -> Result<Job> {
        let server = server_id(server)?;
        let backup_label = label("label", backup_label, false, 255)?;
        let client = self.client(account)?;
        let backups = api(account, &*client, Capability::BackupCreate)?;
        // What exists now, to tell the new backup apart if the provider
        // does not say its id.
        let before: HashSet<String> = backups.list_backups(&server).await?.into_iter().map(|b| b.id).collect();
        let id = backups.create_backup(&server, &backup_label).await?;
        let provider = account.provider_label();
        let (watcher, watched, target) = (client.clone(), server.clone(), id.clone());
        Ok(self.job(
            account,
            JobKind::BackupCreate,
            format!("Backup of server {server}"),
            Some(server),
            target,
            move |h| Box::pin(backup_built(watcher, provider, watched, id, before, h)),
        ))
    }

    pub async fn delete_backup(&self, account: &Account, server: &str, backup: &str) -> Result<()> {
        let server = server_id(server)?;
        let backup = object_id("backup", backup)?;
        let client = self.client(account)?;
        api(account, &*client, Capability::BackupDelete)?.delete_backup(&server, &backup).await
    }
}
