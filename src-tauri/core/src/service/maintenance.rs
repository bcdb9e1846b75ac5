//! The service's server maintenance (recovery boot, network rebuild, pending
//! rebuild) and clones: checked before sending, the long ones followed as
//! jobs until the server is back.

use std::sync::Arc;
use std::time::Instant;

use super::server_capabilities::{offered, timeout, transient, POLL, SNAPSHOT_LIMIT};
use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::jobs::{Job, JobHandle, JobKind};
use crate::provider::Compute;
use crate::providers::vpsnet::ext::clones::Clones;
use crate::providers::vpsnet::ext::clones::ServerClone;
use crate::providers::vpsnet::ext::maintenance::Maintenance;
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

/// Polls the server's clones until `id` (or, when the provider did not say
/// it, the newest clone: the list is in the order they were made) has
/// become a server, or says it failed.
async fn clone_done(
    client: Arc<dyn Compute>,
    provider: String,
    server: String,
    id: Option<String>,
    job: JobHandle,
) -> Result<()> {
    let started = Instant::now();
    loop {
        let listed = match client.extension::<Vpsnet>() {
            Some(api) => api.list_clones(&server).await,
            None => return Err(Error::unsupported(format!("{provider} has no clone API"))),
        };
        match listed {
            Ok(list) => match id.as_ref().map_or(list.last(), |id| list.iter().find(|c| &c.id == id)) {
                Some(c) if c.status.to_lowercase().contains("fail") => {
                    return Err(Error::provider(format!("{provider} says the clone failed: {}", c.status)))
                }
                Some(ServerClone { cloned_server_id: Some(new), status, .. }) => {
                    job.stage(format!("{status}: the clone is server {new}"), Some(100));
                    return Ok(());
                }
                Some(c) => job.stage(format!("{provider}: {}", c.status), None),
                None => job.stage(format!("Waiting for {provider} to list the clone"), None),
            },
            Err(e) if transient(&e) => {
                job.stage(format!("Could not check with {provider}, will retry: {}", e.message), None)
            }
            Err(e) => return Err(e),
        }
        if started.elapsed() > SNAPSHOT_LIMIT {
            return Err(timeout("The clone", SNAPSHOT_LIMIT));
        }
        tokio::time::sleep(POLL).await;
    }
}

impl AppService {
    pub async fn boot_recovery(&self, account: &Account, server: &str) -> Result<Job> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::RecoveryBoot)?.boot_recovery(&server).await?;
        let title = format!("Boot server {server} into recovery");
        Ok(self.server_job(account, client, JobKind::RecoveryBoot, title, server, None))
    }

    pub async fn rebuild_network(&self, account: &Account, server: &str) -> Result<Job> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::RebuildNetwork)?.rebuild_network(&server).await?;
        let title = format!("Rebuild the network of server {server}");
        Ok(self.server_job(account, client, JobKind::RebuildNetwork, title, server, None))
    }

    pub async fn rebuild_pending(&self, account: &Account, server: &str) -> Result<Job> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::RebuildPending)?.rebuild_pending(&server).await?;
        let title = format!("Rebuild pending server {server}");
        Ok(self.server_job(account, client, JobKind::RebuildPending, title, server, None))
    }

    pub async fn clones(&self, account: &Account, server: &str) -> Result<Vec<ServerClone>> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::Clones)?.list_clones(&server).await
    }

    /// Starts a clone, in `region` or the server's own, and follows it until
    /// it has become a server.
    pub async fn create_clone(&self, account: &Account, server: &str, region: Option<&str>) -> Result<Job> {
        let server = server_id(server)?;
        let region = region.map(str::trim).filter(|r| !r.is_empty()).map(|r| object_id("region", r)).transpose()?;
        let client = self.client(account)?;
        let clones = offered(account, client.extension::<Vpsnet>(), Capability::Clones)?;
        let id = clones.create_clone(&server, region.as_deref()).await?;
        let provider = account.provider_label();
        let (watcher, watched, target) = (client.clone(), server.clone(), id.clone());
        Ok(self.job(
            account,
            JobKind::CloneCreate,
            format!("Clone of server {server}"),
            Some(server),
            target,
            move |h| Box::pin(clone_done(watcher, provider, watched, id, h)),
        ))
    }

    pub async fn delete_clone(&self, account: &Account, server: &str, clone: &str) -> Result<()> {
        let server = server_id(server)?;
        let clone = object_id("clone", clone)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::Clones)?.delete_clone(&server, &clone).await
    }
}
