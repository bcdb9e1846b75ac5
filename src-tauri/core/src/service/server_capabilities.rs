//! The service's server capabilities (and Vultr's SSH keys and scripts): every call
//! checked (extra offered, ids, names, addresses) before anything is sent,
//! and the long ones started as jobs that watch the provider until done.

use std::future::Future;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::server::console::ConsoleAccess;
use crate::capabilities::server::network::{self, IpAddress, ReverseDns};
use crate::capabilities::server::os::{Iso, OsOption};
use crate::capabilities::server::usage::{UsageGraph, UsageRange};
use crate::capabilities::unsupported;
use crate::capabilities::Capability;
use crate::error::{Error, ErrorKind, Result};
use crate::jobs::{Cancel, Job, JobHandle, JobKind, NewJob};
use crate::model::Status;
use crate::provider::Compute;
use crate::providers::vultr::ext::scripts::Scripts;
use crate::providers::vultr::ext::scripts::{self, NewScript, ScriptUpdate, StartupScript};
use crate::providers::vultr::ext::snapshots::Snapshots;
use crate::providers::vultr::ext::snapshots::{Snapshot, SnapshotStatus};
use crate::providers::vultr::ext::ssh_keys::SshKeys;
use crate::providers::vultr::ext::ssh_keys::{self, NewSshKey, SshKey, SshKeyUpdate};
use crate::providers::vultr::Vultr;
use crate::validate::label;
use crate::validate::object_id;

/// How often a job asks the provider, and how long it waits at most.
pub(super) const POLL: Duration = Duration::from_secs(2);
pub(super) const SNAPSHOT_LIMIT: Duration = Duration::from_secs(3 * 3600);
const SERVER_LIMIT: Duration = Duration::from_secs(3600);
/// A server that never shows a busy state is taken as done after this long
/// (a provider may finish between two polls).
const SETTLE: Duration = Duration::from_secs(20);

/// The provider's API for `capability`, or the error saying it has none:
/// the account must declare it and the client must have the API.
pub(super) fn offered<'c, T: ?Sized>(account: &Account, part: Option<&'c T>, capability: Capability) -> Result<&'c T> {
    part.filter(|_| crate::capabilities::of(account).contains(capability))
        .ok_or_else(|| unsupported(&account.provider_label(), capability))
}

macro_rules! api {
    ($client:expr, $account:expr, $accessor:ident, $extra:expr) => {
        offered($account, $client.$accessor(), $extra)?
    };
}

/// Errors a watcher rides out: the provider may be briefly away.
pub(super) fn transient(e: &Error) -> bool {
    matches!(e.kind, ErrorKind::Unreachable | ErrorKind::Timeout | ErrorKind::RateLimited | ErrorKind::Provider)
}

pub(super) fn timeout(what: &str, limit: Duration) -> Error {
    Error::new(
        ErrorKind::Timeout,
        format!("{what} was not done after {} minutes; vpsdesk stopped watching, check it later", limit.as_secs() / 60),
    )
}

/// Polls the snapshot list until the snapshot is complete.
async fn snapshot_complete(client: Arc<dyn Compute>, provider: String, id: String, job: JobHandle) -> Result<()> {
    let started = Instant::now();
    loop {
        let listed = match client.extension::<Vultr>() {
            Some(api) => api.list_snapshots().await,
            None => return Err(Error::unsupported(format!("{provider} has no snapshot API"))),
        };
        match listed {
            Ok(list) => match list.iter().find(|s| s.id == id) {
                Some(s) if s.status == SnapshotStatus::Complete => {
                    job.stage("Snapshot complete", Some(100));
                    return Ok(());
                }
                Some(s) => job.stage(format!("{provider} reports the snapshot as {}", s.provider_status), None),
                None => {
                    return Err(Error::not_found(format!(
                        "snapshot {id} is no longer listed by {provider}; it may have been deleted"
                    )))
                }
            },
            Err(e) if transient(&e) => {
                job.stage(format!("Could not check with {provider}, will retry: {}", e.message), None)
            }
            Err(e) => return Err(e),
        }
        if started.elapsed() > SNAPSHOT_LIMIT {
            return Err(timeout("The snapshot", SNAPSHOT_LIMIT));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Polls the server until it has been busy and is running again (or
/// stopped, if the provider leaves it off).
async fn server_back(client: Arc<dyn Compute>, provider: String, server: String, job: JobHandle) -> Result<()> {
    let started = Instant::now();
    let mut busy = false;
    loop {
        match client.get_server(&server).await {
            Ok(s) => {
                let settled = busy || started.elapsed() >= SETTLE;
                match s.status {
                    Status::Running if settled => {
                        job.stage("Done: the server is running", Some(100));
                        return Ok(());
                    }
                    Status::Stopped if settled => {
                        job.stage("Done: the server is stopped; start it when you need it", Some(100));
                        return Ok(());
                    }
                    Status::Running | Status::Stopped => job.stage(
                        format!("Waiting for {provider} to start the work (server {})", s.status.as_str()),
                        None,
                    ),
                    other => {
                        busy = true;
                        job.stage(format!("Server is {} ({})", other.as_str(), s.provider_status), None);
                    }
                }
            }
            Err(e) if transient(&e) => {
                job.stage(format!("Could not check with {provider}, will retry: {}", e.message), None)
            }
            Err(e) => return Err(e),
        }
        if started.elapsed() > SERVER_LIMIT {
            return Err(timeout("The server", SERVER_LIMIT));
        }
        tokio::time::sleep(POLL).await;
    }
}

impl AppService {
    pub(super) fn job(
        &self,
        account: &Account,
        kind: JobKind,
        title: String,
        server: Option<String>,
        target: Option<String>,
        work: impl FnOnce(JobHandle) -> std::pin::Pin<Box<dyn Future<Output = Result<()>> + Send>>,
    ) -> Job {
        let provider = account.provider_label();
        self.jobs.start(
            NewJob {
                server_id: server,
                target_id: target,
                ..NewJob::on(
                    account,
                    kind,
                    title,
                    format!("Requested from {provider}"),
                    Cancel::NotOffered(format!("{provider}'s API has no call to stop it once it has started")),
                )
            },
            work,
        )
    }

    /// A job that watches `server` until it is back after `kind`.
    pub(super) fn server_job(
        &self,
        account: &Account,
        client: Arc<dyn Compute>,
        kind: JobKind,
        title: String,
        server: String,
        target: Option<String>,
    ) -> Job {
        let provider = account.provider_label();
        let watched = server.clone();
        self.job(account, kind, title, Some(server), target, move |h| {
            Box::pin(server_back(client, provider, watched, h))
        })
    }

    // Snapshots and backups

    pub async fn snapshots(&self, account: &Account) -> Result<Vec<Snapshot>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Snapshots)?.list_snapshots().await
    }

    /// Starts the snapshot and a job that follows it until it is complete.
    pub async fn create_snapshot(&self, account: &Account, server: &str, description: &str) -> Result<Job> {
        let server = server_id(server)?;
        let description = label("description", description, false, 255)?;
        let client = self.client(account)?;
        let id = offered(account, client.extension::<Vultr>(), Capability::Snapshots)?
            .create_snapshot(&server, &description)
            .await?;
        let provider = account.provider_label();
        let watched = id.clone();
        let watcher = client.clone();
        Ok(self.job(
            account,
            JobKind::SnapshotCreate,
            format!("Snapshot of server {server}"),
            Some(server),
            Some(id),
            move |h| Box::pin(snapshot_complete(watcher, provider, watched, h)),
        ))
    }

    pub async fn delete_snapshot(&self, account: &Account, id: &str) -> Result<()> {
        let id = object_id("snapshot", id)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Snapshots)?.delete_snapshot(&id).await
    }

    pub async fn restore_snapshot(&self, account: &Account, server: &str, snapshot: &str) -> Result<Job> {
        let server = server_id(server)?;
        let snapshot = object_id("snapshot", snapshot)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Snapshots)?
            .restore_snapshot(&server, &snapshot)
            .await?;
        let title = format!("Restore snapshot {snapshot} onto server {server}");
        Ok(self.server_job(account, client, JobKind::SnapshotRestore, title, server, Some(snapshot)))
    }

    pub async fn restore_backup(&self, account: &Account, server: &str, backup: &str) -> Result<Job> {
        let server = server_id(server)?;
        let backup = object_id("backup", backup)?;
        let client = self.client(account)?;
        api!(client, account, backups, Capability::BackupRestore).restore_backup(&server, &backup).await?;
        let title = format!("Restore backup {backup} onto server {server}");
        Ok(self.server_job(account, client, JobKind::BackupRestore, title, server, Some(backup)))
    }

    // Operating system

    pub async fn reinstall(&self, account: &Account, server: &str) -> Result<Job> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api!(client, account, os_install, Capability::Reinstall).reinstall(&server).await?;
        Ok(self.server_job(account, client, JobKind::Reinstall, format!("Reinstall server {server}"), server, None))
    }

    pub async fn os_options(&self, account: &Account, server: &str) -> Result<Vec<OsOption>> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api!(client, account, os_install, Capability::OsChange).os_options(&server).await
    }

    pub async fn change_os(&self, account: &Account, server: &str, os: &str) -> Result<Job> {
        let server = server_id(server)?;
        let os = object_id("os", os)?;
        let client = self.client(account)?;
        api!(client, account, os_install, Capability::OsChange).change_os(&server, &os).await?;
        let title = format!("Change the OS of server {server}");
        Ok(self.server_job(account, client, JobKind::OsChange, title, server, Some(os)))
    }

    pub async fn isos(&self, account: &Account) -> Result<Vec<Iso>> {
        let client = self.client(account)?;
        api!(client, account, os_install, Capability::Isos).isos().await
    }

    // Addresses and reverse DNS

    pub async fn addresses(&self, account: &Account, server: &str) -> Result<Vec<IpAddress>> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api!(client, account, network, Capability::Ips).addresses(&server).await
    }

    pub async fn add_ipv4(&self, account: &Account, server: &str, reboot: bool) -> Result<()> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api!(client, account, network, Capability::Ipv4Add).add_ipv4(&server, reboot).await
    }

    pub async fn remove_ipv4(&self, account: &Account, server: &str, ip: &str) -> Result<()> {
        let server = server_id(server)?;
        let ip = network::ip("ip", ip)?;
        if !ip.is_ipv4() {
            return Err(Error::field("ip", "only IPv4 addresses can be removed"));
        }
        let client = self.client(account)?;
        api!(client, account, network, Capability::Ipv4Remove).remove_ipv4(&server, &ip.to_string()).await
    }

    pub async fn reverse_ipv6(&self, account: &Account, server: &str) -> Result<Vec<ReverseDns>> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api!(client, account, network, Capability::ReverseList).reverse_ipv6(&server).await
    }

    pub async fn set_reverse(&self, account: &Account, server: &str, ip: &str, entry: &str) -> Result<()> {
        let server = server_id(server)?;
        let ip: IpAddr = network::ip("ip", ip)?;
        let entry = network::reverse_entry(entry)?;
        let client = self.client(account)?;
        api!(client, account, network, Capability::ReverseSet).set_reverse(&server, ip, &entry).await
    }

    pub async fn reset_reverse(&self, account: &Account, server: &str, ip: &str) -> Result<()> {
        let server = server_id(server)?;
        let ip = network::ip("ip", ip)?;
        let client = self.client(account)?;
        api!(client, account, network, Capability::ReverseReset).reset_reverse(&server, ip).await
    }

    pub async fn delete_reverse(&self, account: &Account, server: &str, ip: &str) -> Result<()> {
        let server = server_id(server)?;
        let ip = network::ip("ip", ip)?;
        let client = self.client(account)?;
        api!(client, account, network, Capability::ReverseDelete).delete_reverse(&server, ip).await
    }

    // Usage and console

    /// `from`/`to` as [`UsageRange::read`] takes them; both `None` for the
    /// provider's default span.
    pub async fn usage_graphs(
        &self,
        account: &Account,
        server: &str,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<UsageGraph>> {
        let server = server_id(server)?;
        let range = UsageRange::read(from, to, chrono::Utc::now())?;
        let client = self.client(account)?;
        let usage = api!(client, account, usage, Capability::UsageGraphs);
        if range.is_some() {
            offered(account, Some(usage), Capability::UsageRange)?;
        }
        usage.usage_graphs(&server, range).await
    }

    pub async fn console(&self, account: &Account, server: &str) -> Result<ConsoleAccess> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        api!(client, account, console, Capability::Console).console(&server).await
    }

    // SSH keys and startup scripts

    pub async fn ssh_keys(&self, account: &Account) -> Result<Vec<SshKey>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::SshKeys)?.list_ssh_keys().await
    }

    /// Returns the new key's id.
    pub async fn create_ssh_key(&self, account: &Account, key: &NewSshKey) -> Result<String> {
        let key = ssh_keys::validate_new(key)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::SshKeys)?.create_ssh_key(&key).await
    }

    pub async fn update_ssh_key(&self, account: &Account, id: &str, update: &SshKeyUpdate) -> Result<()> {
        let id = object_id("id", id)?;
        let update = ssh_keys::validate_update(update)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::SshKeys)?.update_ssh_key(&id, &update).await
    }

    pub async fn delete_ssh_key(&self, account: &Account, id: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::SshKeys)?.delete_ssh_key(&id).await
    }

    pub async fn scripts(&self, account: &Account) -> Result<Vec<StartupScript>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Scripts)?.list_scripts().await
    }

    /// Returns the new script's id.
    pub async fn create_script(&self, account: &Account, script: &NewScript) -> Result<String> {
        let script = scripts::validate_new(script)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Scripts)?.create_script(&script).await
    }

    pub async fn update_script(&self, account: &Account, id: &str, update: &ScriptUpdate) -> Result<()> {
        let id = object_id("id", id)?;
        let update = scripts::validate_update(update)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Scripts)?.update_script(&id, &update).await
    }

    pub async fn delete_script(&self, account: &Account, id: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vultr>(), Capability::Scripts)?.delete_script(&id).await
    }

    // Jobs

    /// Every job of this process, newest first.
    pub fn jobs(&self) -> Vec<Job> {
        self.jobs.list()
    }

    pub fn get_job(&self, id: &str) -> Result<Job> {
        self.jobs.get(id)
    }

    pub fn cancel_job(&self, id: &str) -> Result<Job> {
        self.jobs.cancel(id)
    }

    pub fn clear_jobs(&self) {
        self.jobs.clear_finished()
    }

    pub async fn wait_job(&self, id: &str) -> Result<Job> {
        self.jobs.wait(id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capabilities::Capability;
    use crate::model::ProviderKind;
    use crate::providers;
    use crate::secret::Secret;

    fn account(provider: ProviderKind) -> Account {
        Account { username: Some("someone@example.com".into()), ..Account::new(provider, provider.to_string()) }
    }

    /// The old code built a client to ask, so an account whose client could
    /// not be built (here: a stored endpoint that is not a URL) showed no
    /// tabs at all; the declared set needs no client.
    #[test]
    fn an_account_offers_its_capabilities_without_a_client() {
        let dir = tempfile::tempdir().unwrap();
        let service = AppService::new(
            crate::accounts::AccountStore::at(dir.path().join("accounts.json")),
            crate::secret::Keychain::with_service("vpsdesk-capability-test"),
            crate::http::Http::default(),
        );
        let mut a = account(ProviderKind::Vpsnet);
        a.endpoint = Some("not a url".into());
        assert!(providers::connect(&a, Secret::new("unused"), &crate::http::Http::default()).is_err());
        let declared = service.view(&a).capabilities;
        use Capability::*;
        for c in [Nodes, ServerLicences, Dns, BillingBalance, BillingInvoices, BillingInvoicePdf] {
            assert!(declared.contains(&c), "{c:?}");
        }
        assert!(service.has_dns(&a));
    }
}
