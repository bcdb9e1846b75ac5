//! One generic suite per shared capability (rclone-style), run through the
//! `AppService` against every registered provider's simulator: where the
//! account's declared capabilities (`AccountView.capabilities`) list an
//! operation, it must work as a user would see it (the list holds the
//! seeded items with sane fields, an action changes what the next read
//! shows, bad input is refused under its field before any request); where
//! they do not, the service refuses it as `unsupported` without sending
//! anything. Cases branch on the declared capability only, never on the
//! provider. What is one provider's own (its doc examples, its wire quirks,
//! its extensions) stays in `extras_<provider>.rs` and `billing.rs`.
//!
//! The service reads secrets from the real keychain: run under a D-Bus
//! session with an unlocked keyring.

use std::any::Any;
use std::collections::HashSet;
use std::fmt::Debug;
use std::future::Future;
use std::net::{IpAddr, Ipv6Addr};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::FutureExt;
use vpsdesk_core::accounts::Account;
use vpsdesk_core::capabilities::account::profile::ProfileChange;
use vpsdesk_core::capabilities::billing::{BundleItem, BundleKind, BundleOrder, SubscriptionKind, SubscriptionOrder};
use vpsdesk_core::capabilities::dns::{RecordInput, RecordType};
use vpsdesk_core::capabilities::server::network::{IpAddress, IpRole};
use vpsdesk_core::capabilities::server::usage::UsageUnit;
use vpsdesk_core::capabilities::tickets::{TicketFilter, TicketReply, TicketStatus};
use vpsdesk_core::capabilities::{self, Api, Capability, CapabilitySet};
use vpsdesk_core::error::Result;
use vpsdesk_core::jobs::{Job, JobKind, JobState};
use vpsdesk_core::model::{CreateServer, PowerAction, Server, Status};
use vpsdesk_core::providers::vultr::ext::snapshots::SnapshotStatus;
use vpsdesk_core::providers::{self, Sizing};
use vpsdesk_core::{AppService, ErrorKind};
use vpsdesk_sandbox::Sandbox;

mod common;
use common::{DemoService, Timing};

use Capability::*;

/// The shared capabilities these suites exercise. A provider declaring a
/// shared capability that is not here fails
/// `every_declared_shared_capability_has_a_suite`.
const COVERED: &[Capability] = &[
    Ips,
    Ipv4Add,
    Ipv4Remove,
    Ipv4Restarts,
    ReverseSet,
    ReverseReset,
    ReverseDelete,
    ReverseList,
    BackupList,
    BackupCreate,
    BackupRestore,
    BackupDelete,
    Reinstall,
    OsChange,
    Isos,
    UsageGraphs,
    UsageRange,
    Console,
    Profile,
    BillingBalance,
    BillingInvoices,
    BillingInvoicePdf,
    BillingTransactions,
    BillingUsage,
    BillingPricing,
    BillingCurrencies,
    BillingSubscriptions,
    Tickets,
    Dns,
];

/// One sandbox and one service holding every registered provider's demo
/// account.
struct Suite {
    demo: DemoService,
    accounts: Vec<Account>,
}

impl Suite {
    async fn new() -> Suite {
        let (first, rest) = providers::REGISTRY.split_first().expect("providers are registered");
        let timing = Timing { transition_ms: 2500, ..Timing::default() };
        let demo = DemoService::with_timing(first.kind, "vpsdesk-test-capability-suites", timing).await;
        let mut accounts = vec![demo.account.clone()];
        for d in rest {
            accounts.push(demo.add(d.kind).await);
        }
        Suite { demo, accounts }
    }
}

/// One provider's account in a suite.
struct Run {
    suite: Arc<Suite>,
    account: Account,
    declared: CapabilitySet,
}

impl Run {
    fn service(&self) -> &AppService {
        &self.suite.demo.service
    }

    fn sandbox(&self) -> &Sandbox {
        &self.suite.demo.sandbox
    }

    fn declares(&self, c: Capability) -> bool {
        self.declared.contains(c)
    }

    /// Requests that reached this provider's simulator so far.
    fn sent(&self) -> usize {
        self.sandbox().requests(self.account.provider).len()
    }

    /// This account's jobs.
    fn jobs(&self) -> usize {
        self.service().jobs().iter().filter(|j| j.account_id == self.account.id).count()
    }

    /// Requests that could have changed something (anything but a GET).
    fn writes(&self) -> usize {
        self.sandbox().requests(self.account.provider).iter().filter(|r| r.method != "GET").count()
    }

    /// `call` of an undeclared `capability` is refused as unsupported,
    /// naming the provider, and nothing is sent.
    async fn refused<T: Debug>(&self, capability: Capability, call: impl Future<Output = Result<T>>) {
        let before = self.sent();
        let e = call.await.expect_err(&format!("{} is not declared, yet the call was accepted", capability.name()));
        assert_eq!(e.kind, ErrorKind::Unsupported, "{}: {}", capability.name(), e.message);
        assert!(e.message.contains(&self.account.provider_label()), "names the provider: {}", e.message);
        assert_eq!(self.sent(), before, "{}: a request was sent for an undeclared capability", capability.name());
    }

    /// `call` is refused under `field` before anything is sent.
    async fn invalid<T: Debug>(&self, field: &str, call: impl Future<Output = Result<T>>) {
        let before = self.sent();
        let e = call.await.expect_err(&format!("bad {field} accepted"));
        assert_eq!(e.fields.first().map(|f| f.field.as_str()), Some(field), "{e:?}");
        assert_eq!(self.sent(), before, "a request was sent for a bad {field}");
    }

    /// `call` on a server the provider does not have is its not-found
    /// answer; on a malformed server id it is refused before sending.
    async fn checks_server_ids<T: Debug, F, Fut>(&self, call: F)
    where
        F: Fn(&'static str) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let e = call("424242").await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotFound, "{}", e.message);
        self.invalid("id", call("a/b")).await;
    }

    async fn servers(&self) -> Vec<Server> {
        self.service().servers_of(&self.account).await.unwrap()
    }

    /// The first running server of the seed.
    async fn running(&self) -> Server {
        self.servers().await.into_iter().find(|s| s.status == Status::Running).expect("the seed has a running server")
    }

    async fn status(&self, id: &str) -> Status {
        self.service().server(&self.account, id).await.unwrap().status
    }

    async fn wait_for(&self, id: &str, want: Status) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let now = self.status(id).await;
            if now == want {
                return;
            }
            assert!(Instant::now() < deadline, "server {id} stuck in {now:?}, wanted {want:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Stops the server (forced where the provider can) and waits for it.
    async fn stop(&self, id: &str) {
        let action = if self.declares(ForceStop) { PowerAction::ForceStop } else { PowerAction::Stop };
        self.service().power(&self.account, id, action).await.unwrap();
        self.wait_for(id, Status::Stopped).await;
    }

    /// The job ran to success.
    async fn succeeds(&self, job: &Job, kind: JobKind) -> Job {
        assert_eq!(job.kind, kind);
        assert_eq!(job.state, JobState::Running, "a started job runs");
        assert!(self.service().jobs().iter().any(|j| j.id == job.id), "the jobs list has it");
        let done = self.service().wait_job(&job.id).await.unwrap();
        assert_eq!(done.state, JobState::Succeeded, "{kind:?}: {} {:?}", done.stage, done.error);
        done
    }
}

fn panic_text(payload: Box<dyn Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panicked".into())
}

/// Runs `case` against every registered provider at once, on one sandbox;
/// fails naming each provider whose run failed.
async fn each<F, Fut>(case: F)
where
    F: Fn(Run) -> Fut,
    Fut: Future<Output = ()>,
{
    let suite = Arc::new(Suite::new().await);
    let runs = suite.accounts.iter().map(|account| {
        let run = Run {
            suite: suite.clone(),
            account: account.clone(),
            declared: suite.demo.service.view(account).capabilities.into_iter().collect(),
        };
        let id = account.provider.id();
        AssertUnwindSafe(case(run)).catch_unwind().map(move |r| r.err().map(|p| format!("{id}: {}", panic_text(p))))
    });
    let failed: Vec<String> = futures::future::join_all(runs).await.into_iter().flatten().collect();
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

fn ipv4s(list: &[IpAddress]) -> Vec<&IpAddress> {
    list.iter().filter(|a| a.version == 4).collect()
}

// Network

async fn network_addresses(r: Run) {
    let server = r.running().await;
    if !r.declares(Ips) {
        return r.refused(Ips, r.service().addresses(&r.account, &server.id)).await;
    }
    let list = r.service().addresses(&r.account, &server.id).await.unwrap();
    assert!(!list.is_empty(), "a running server has addresses");
    for a in &list {
        let ip: IpAddr = a.ip.parse().unwrap_or_else(|_| panic!("{:?} is not an address", a.ip));
        assert_eq!(a.version, if ip.is_ipv4() { 4 } else { 6 }, "{a:?}");
        assert!(!a.provider_role.is_empty(), "{a:?}");
    }
    let families: Vec<u8> = list.iter().map(|a| a.version).collect();
    assert!(families.windows(2).all(|w| w[0] <= w[1]), "IPv4 before IPv6: {families:?}");
    let main: Vec<_> = ipv4s(&list).into_iter().filter(|a| a.role == IpRole::Main).collect();
    assert_eq!(main.len(), 1, "one main IPv4 address: {list:?}");
    assert!(
        server.ipv4.contains(&main[0].ip),
        "the server list shows the main address {}: {:?}",
        main[0].ip,
        server.ipv4
    );
    r.checks_server_ids(|id| r.service().addresses(&r.account, id)).await;
}

async fn network_ipv4_add_and_remove(r: Run) {
    let server = r.running().await;
    if !r.declares(Ipv4Add) {
        r.refused(Ipv4Add, r.service().add_ipv4(&r.account, &server.id, false)).await;
    }
    if !r.declares(Ipv4Remove) {
        r.refused(Ipv4Remove, r.service().remove_ipv4(&r.account, &server.id, "192.0.2.7")).await;
    }
    if !r.declares(Ipv4Add) {
        return;
    }
    let before = r.service().addresses(&r.account, &server.id).await.unwrap();
    r.service().add_ipv4(&r.account, &server.id, false).await.unwrap();
    let after = r.service().addresses(&r.account, &server.id).await.unwrap();
    assert_eq!(ipv4s(&after).len(), ipv4s(&before).len() + 1, "one more IPv4 address: {after:?}");
    let added = after.iter().find(|a| !before.iter().any(|b| b.ip == a.ip)).expect("the new address is listed");
    assert_eq!((added.version, added.role), (4, IpRole::Secondary), "{added:?}");
    assert_eq!(r.status(&server.id).await, Status::Running, "added without a reboot, it keeps running");
    if !r.declares(Ipv4Remove) {
        return;
    }
    let v6 = after.iter().find(|a| a.version == 6).map_or("2001:db8::1", |a| a.ip.as_str());
    r.invalid("ip", r.service().remove_ipv4(&r.account, &server.id, v6)).await;
    r.invalid("ip", r.service().remove_ipv4(&r.account, &server.id, "10.0.0")).await;
    r.service().remove_ipv4(&r.account, &server.id, &added.ip).await.unwrap();
    let status = r.status(&server.id).await;
    let now = r.service().addresses(&r.account, &server.id).await.unwrap();
    assert!(now.iter().all(|a| a.ip != added.ip), "{} is gone: {now:?}", added.ip);
    assert_eq!(ipv4s(&now).len(), ipv4s(&before).len());
    if r.declares(Ipv4Restarts) {
        assert_ne!(status, Status::Running, "removing an address restarts the server");
        r.wait_for(&server.id, Status::Running).await;
        r.service().add_ipv4(&r.account, &server.id, true).await.unwrap();
        assert_ne!(r.status(&server.id).await, Status::Running, "adding one with reboot restarts it");
    } else {
        assert_eq!(status, Status::Running, "address changes leave the server running");
    }
}

async fn network_reverse_dns_ipv4(r: Run) {
    let server = r.running().await;
    let main = server.ipv4.first().expect("a running server has an IPv4 address").clone();
    if !r.declares(ReverseSet) {
        r.refused(ReverseSet, r.service().set_reverse(&r.account, &server.id, &main, "mail.example.com")).await;
    }
    if !r.declares(ReverseReset) {
        r.refused(ReverseReset, r.service().reset_reverse(&r.account, &server.id, &main)).await;
    }
    if !r.declares(ReverseSet) {
        return;
    }
    let reverse = |list: Vec<IpAddress>| list.into_iter().find(|a| a.ip == main).and_then(|a| a.reverse);
    let seeded = reverse(r.service().addresses(&r.account, &server.id).await.unwrap());
    r.service().set_reverse(&r.account, &server.id, &main, "mail.example.com.").await.unwrap();
    let shown = reverse(r.service().addresses(&r.account, &server.id).await.unwrap());
    assert_eq!(shown.as_deref(), Some("mail.example.com"), "the address shows its new name, without the dot");
    r.invalid("entry", r.service().set_reverse(&r.account, &server.id, &main, "not a name")).await;
    r.invalid("ip", r.service().set_reverse(&r.account, &server.id, "999.1.1.1", "mail.example.com")).await;
    if r.declares(ReverseReset) {
        r.service().reset_reverse(&r.account, &server.id, &main).await.unwrap();
        let reset = reverse(r.service().addresses(&r.account, &server.id).await.unwrap());
        assert_ne!(reset.as_deref(), Some("mail.example.com"), "the reset name replaces the set one");
        if seeded.is_some() {
            assert_eq!(reset, seeded, "the default is back");
        }
        r.invalid("ip", r.service().reset_reverse(&r.account, &server.id, "mail.example.com")).await;
    }
}

/// An address in the server's IPv6 network other than its own.
fn neighbour(list: &[IpAddress]) -> Option<Ipv6Addr> {
    let own: Ipv6Addr = list.iter().find(|a| a.version == 6)?.ip.parse().ok()?;
    Some(Ipv6Addr::from(u128::from(own) ^ 0x7))
}

async fn network_reverse_dns_ipv6(r: Run) {
    let server = r.running().await;
    if !r.declares(ReverseList) {
        r.refused(ReverseList, r.service().reverse_ipv6(&r.account, &server.id)).await;
    }
    if !r.declares(ReverseDelete) {
        r.refused(ReverseDelete, r.service().delete_reverse(&r.account, &server.id, "2001:db8::7")).await;
    }
    if !(r.declares(ReverseList) || r.declares(ReverseDelete)) {
        return;
    }
    // The first running server that has an IPv6 address.
    let mut with_v6 = None;
    for s in r.servers().await.into_iter().filter(|s| s.status == Status::Running) {
        let list = r.service().addresses(&r.account, &s.id).await.unwrap();
        if let Some(ip) = neighbour(&list) {
            with_v6 = Some((s.id, ip));
            break;
        }
    }
    let (id, ip) = with_v6.expect("a running server of the seed has IPv6");
    let ip = ip.to_string();
    if r.declares(ReverseList) {
        let seeded = r.service().reverse_ipv6(&r.account, &id).await.unwrap();
        assert!(!seeded.is_empty(), "the seed has IPv6 reverse entries");
        for e in &seeded {
            assert!(e.ip.parse::<Ipv6Addr>().is_ok() && !e.reverse.is_empty(), "{e:?}");
        }
    }
    if r.declares(ReverseSet) {
        r.service().set_reverse(&r.account, &id, &ip, "host7.example.com").await.unwrap();
        if r.declares(ReverseList) {
            let now = r.service().reverse_ipv6(&r.account, &id).await.unwrap();
            let ours = now.iter().find(|e| e.ip.parse::<Ipv6Addr>().ok() == ip.parse().ok());
            assert_eq!(ours.map(|e| e.reverse.as_str()), Some("host7.example.com"), "{now:?}");
        }
    }
    if r.declares(ReverseDelete) {
        let victim = if r.declares(ReverseSet) {
            ip.clone()
        } else {
            r.service().reverse_ipv6(&r.account, &id).await.unwrap()[0].ip.clone()
        };
        r.service().delete_reverse(&r.account, &id, &victim).await.unwrap();
        if r.declares(ReverseList) {
            let now = r.service().reverse_ipv6(&r.account, &id).await.unwrap();
            assert!(now.iter().all(|e| e.ip.parse::<Ipv6Addr>().ok() != victim.parse().ok()), "{now:?}");
        }
        r.invalid("ip", r.service().delete_reverse(&r.account, &id, "2001:db8::zz")).await;
    }
}

// Backups

/// A server of the seed with a built, unlocked backup, and that backup.
async fn server_with_backup(r: &Run) -> (String, String) {
    for s in r.servers().await {
        let list = r.service().backups(&r.account, &s.id).await.unwrap();
        if let Some(b) = list.into_iter().find(|b| b.built && !b.locked) {
            return (s.id, b.id);
        }
    }
    panic!("no server of the seed has a built backup")
}

async fn backups_list(r: Run) {
    let server = r.running().await;
    if !r.declares(BackupList) {
        return r.refused(BackupList, r.service().backups(&r.account, &server.id)).await;
    }
    let mut seen = 0;
    for s in r.servers().await {
        // An account may also hold servers of a kind its API keeps no
        // backups for (VPS.NET's SSD VPS): those are refused, never empty.
        let list = match r.service().backups(&r.account, &s.id).await {
            Err(e) if e.kind == ErrorKind::Unsupported => continue,
            listed => listed.unwrap(),
        };
        let ids: HashSet<&str> = list.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids.len(), list.len(), "backup ids are unique: {list:?}");
        assert!(
            list.iter().all(|b| !b.id.is_empty() && b.created_at.as_ref().is_some_and(|d| d.is_read())),
            "{list:?}"
        );
        seen += list.len();
    }
    assert!(seen > 0, "the seed has backups");
    server_with_backup(&r).await;
    r.checks_server_ids(|id| r.service().backups(&r.account, id)).await;
}

async fn backups_create_and_delete(r: Run) {
    let server = r.running().await;
    if !r.declares(BackupCreate) {
        r.refused(BackupCreate, r.service().create_backup(&r.account, &server.id, "before upgrade")).await;
    }
    if !r.declares(BackupDelete) {
        r.refused(BackupDelete, r.service().delete_backup(&r.account, &server.id, "42")).await;
    }
    let created = if r.declares(BackupCreate) {
        r.invalid("label", r.service().create_backup(&r.account, &server.id, "a\nb")).await;
        let before: HashSet<String> =
            r.service().backups(&r.account, &server.id).await.unwrap().into_iter().map(|b| b.id).collect();
        let job = r.service().create_backup(&r.account, &server.id, "before upgrade").await.unwrap();
        let listed = r.service().backups(&r.account, &server.id).await.unwrap();
        let new = listed.iter().find(|b| !before.contains(&b.id)).expect("the new backup is listed at once");
        if let Some(id) = &job.target_id {
            assert_eq!(&new.id, id, "the job names the new backup");
        }
        assert!(!new.built, "still being written: {new:?}");
        r.succeeds(&job, JobKind::BackupCreate).await;
        let listed = r.service().backups(&r.account, &server.id).await.unwrap();
        let new = listed.iter().find(|b| b.id == new.id).expect("still listed");
        assert!(new.built, "built once the job is done");
        assert_eq!(new.label.as_deref(), Some("before upgrade"));
        Some(new.id.clone())
    } else {
        None
    };
    if r.declares(BackupDelete) {
        r.invalid("backup", r.service().delete_backup(&r.account, &server.id, "a/b")).await;
        let (on, id) = match created {
            Some(id) => (server.id.clone(), id),
            None => server_with_backup(&r).await,
        };
        r.service().delete_backup(&r.account, &on, &id).await.unwrap();
        let listed = r.service().backups(&r.account, &on).await.unwrap();
        assert!(listed.iter().all(|b| b.id != id), "{id} is gone: {listed:?}");
    }
}

async fn backups_restore(r: Run) {
    let server = r.running().await;
    if !r.declares(BackupRestore) {
        return r.refused(BackupRestore, r.service().restore_backup(&r.account, &server.id, "42")).await;
    }
    r.invalid("backup", r.service().restore_backup(&r.account, &server.id, "a/b")).await;
    r.invalid("id", r.service().restore_backup(&r.account, "a/b", "42")).await;
    // An unknown backup is the provider's refusal, and starts no job.
    let jobs = r.jobs();
    let sent = r.sent();
    let e = r.service().restore_backup(&r.account, &server.id, "4242424242").await.unwrap_err();
    assert!(r.sent() > sent && e.kind != ErrorKind::Unsupported, "the provider was asked: {e:?}");
    assert_eq!(r.jobs(), jobs, "a refused restore starts no job");
    if r.declares(BackupList) {
        let (on, backup) = server_with_backup(&r).await;
        r.stop(&on).await;
        let job = r.service().restore_backup(&r.account, &on, &backup).await.unwrap();
        assert_eq!((job.server_id.as_deref(), job.target_id.as_deref()), (Some(on.as_str()), Some(backup.as_str())));
        r.succeeds(&job, JobKind::BackupRestore).await;
    }
}

// Operating system

async fn os_reinstall(r: Run) {
    let server = r.running().await;
    if !r.declares(Reinstall) {
        return r.refused(Reinstall, r.service().reinstall(&r.account, &server.id)).await;
    }
    r.invalid("id", r.service().reinstall(&r.account, "a/b")).await;
    let job = r.service().reinstall(&r.account, &server.id).await.unwrap();
    assert_eq!(job.title, format!("Reinstall server {}", server.id));
    r.succeeds(&job, JobKind::Reinstall).await;
    assert_eq!(r.status(&server.id).await, Status::Running, "back up after the reinstall");
}

async fn os_change(r: Run) {
    let server = r.running().await;
    if !r.declares(OsChange) {
        r.refused(OsChange, r.service().os_options(&r.account, &server.id)).await;
        return r.refused(OsChange, r.service().change_os(&r.account, &server.id, "42")).await;
    }
    let options = r.service().os_options(&r.account, &server.id).await.unwrap();
    assert!(!options.is_empty(), "a server can change to something");
    let ids: HashSet<&str> = options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids.len(), options.len(), "option ids are unique: {options:?}");
    assert!(options.iter().all(|o| !o.id.is_empty() && !o.name.is_empty()), "{options:?}");
    assert!(options.iter().all(|o| o.surcharge.is_none_or(|s| !s.is_sign_negative())), "{options:?}");
    r.invalid("os", r.service().change_os(&r.account, &server.id, "a/b")).await;
    let job = r.service().change_os(&r.account, &server.id, &options[0].id).await.unwrap();
    assert_eq!(job.target_id.as_deref(), Some(options[0].id.as_str()));
    r.succeeds(&job, JobKind::OsChange).await;
}

async fn os_isos(r: Run) {
    if !r.declares(Isos) {
        return r.refused(Isos, r.service().isos(&r.account)).await;
    }
    let isos = r.service().isos(&r.account).await.unwrap();
    assert!(!isos.is_empty(), "the seed has ISOs");
    let ids: HashSet<&str> = isos.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), isos.len(), "{isos:?}");
    assert!(isos.iter().all(|i| !i.id.is_empty() && !i.filename.is_empty() && i.size_bytes != Some(0)), "{isos:?}");
}

// Usage graphs and console

async fn usage_graphs(r: Run) {
    let server = r.running().await;
    if !r.declares(UsageGraphs) {
        return r.refused(UsageGraphs, r.service().usage_graphs(&r.account, &server.id, None, None)).await;
    }
    let graphs = r.service().usage_graphs(&r.account, &server.id, None, None).await.unwrap();
    assert!(!graphs.is_empty(), "a running server has usage");
    let ids: HashSet<&str> = graphs.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids.len(), graphs.len(), "graph ids are unique");
    for g in &graphs {
        assert!(!g.id.is_empty() && !g.title.is_empty() && !g.series.is_empty(), "{g:?}");
        for s in &g.series {
            assert!(!s.label.is_empty() && !s.points.is_empty(), "{}: {s:?}", g.id);
            for p in &s.points {
                assert!(p.at.is_read() && p.value.is_finite() && p.value >= 0.0, "{}: {p:?}", g.id);
                if g.unit == UsageUnit::Percent {
                    assert!(p.value <= 100.0, "{}: {p:?}", g.id);
                }
            }
        }
    }
    assert!(
        graphs.iter().flat_map(|g| &g.series).flat_map(|s| &s.points).any(|p| p.value > 0.0),
        "the seed has some usage"
    );
    r.invalid("id", r.service().usage_graphs(&r.account, "a/b", None, None)).await;

    // A chosen span: only its samples, or refused with nothing sent.
    let now = chrono::Utc::now();
    let (from, to) =
        ((now - chrono::Duration::hours(10)).to_rfc3339(), (now - chrono::Duration::hours(4)).to_rfc3339());
    let ranged = r.service().usage_graphs(&r.account, &server.id, Some(&from), Some(&to));
    if !r.declares(UsageRange) {
        return r.refused(UsageRange, ranged).await;
    }
    let graphs = ranged.await.unwrap();
    let points: Vec<_> = graphs.iter().flat_map(|g| &g.series).flat_map(|s| &s.points).collect();
    assert!(!points.is_empty(), "six hours of a running server have samples");
    let span = (now - chrono::Duration::hours(10))..=(now - chrono::Duration::hours(4));
    assert!(points.iter().all(|p| p.at.instant().is_some_and(|at| span.contains(&at))), "{points:?}");
    r.invalid("to", r.service().usage_graphs(&r.account, &server.id, Some(&to), Some(&from))).await;
    r.invalid("from", r.service().usage_graphs(&r.account, &server.id, Some("last week"), None)).await;
}

async fn console(r: Run) {
    let server = r.running().await;
    if !r.declares(Console) {
        return r.refused(Console, r.service().console(&r.account, &server.id)).await;
    }
    let c = r.service().console(&r.account, &server.id).await.unwrap();
    let url = url::Url::parse(&c.url).unwrap_or_else(|_| panic!("{:?} is not a URL", c.url));
    assert!(url.password().is_none(), "no password in the link: {}", c.url);
    assert!(!c.kind.is_empty() && !c.note.is_empty(), "{c:?}");
    let shown = serde_json::to_string(&c).unwrap();
    assert!(!shown.contains("password\":"), "{shown}");
    r.invalid("id", r.service().console(&r.account, "a/b")).await;
}

// Profile

async fn profile(r: Run) {
    let change = |k: &str, v: &str| ProfileChange { key: k.into(), value: v.into() };
    if !r.declares(Profile) {
        r.refused(Profile, r.service().profile(&r.account)).await;
        return r.refused(Profile, r.service().set_profile(&r.account, &[change("email", "a@example.com")])).await;
    }
    let fields = r.service().profile(&r.account).await.unwrap();
    assert!(!fields.is_empty());
    let keys: HashSet<&str> = fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys.len(), fields.len(), "keys are unique: {fields:?}");
    assert!(fields.iter().all(|f| !f.key.is_empty() && !f.label.is_empty()), "{fields:?}");
    assert!(fields.iter().any(|f| f.value.contains('@')), "the seed's profile has an email address: {fields:?}");
    let shown = serde_json::to_string(&fields).unwrap().to_ascii_lowercase();
    assert!(!["secret", "api_key", "password"].iter().any(|s| shown.contains(s)), "no secret in {shown}");

    let writes = r.writes();
    let e = r.service().set_profile(&r.account, &[change("no_such_field", "x")]).await.unwrap_err();
    assert_eq!(e.fields[0].field, "no_such_field");
    match fields.iter().find(|f| !f.editable) {
        Some(fixed) => {
            let e = r.service().set_profile(&r.account, &[change(&fixed.key, "x")]).await.unwrap_err();
            assert_eq!(e.fields[0].field, fixed.key);
        }
        None => assert!(fields.iter().all(|f| f.editable)),
    }
    if let Some(required) = fields.iter().find(|f| f.editable && f.required) {
        let e = r.service().set_profile(&r.account, &[change(&required.key, " ")]).await.unwrap_err();
        assert_eq!(e.fields[0].field, required.key);
    }
    assert_eq!(r.writes(), writes, "refused changes send nothing");

    if let Some(free) = fields.iter().find(|f| f.editable && !f.required && f.key != "email") {
        let after = r.service().set_profile(&r.account, &[change(&free.key, "Example AG")]).await.unwrap();
        let value = |list: &[vpsdesk_core::capabilities::account::profile::ProfileField], k: &str| {
            list.iter().find(|f| f.key == k).map(|f| f.value.clone())
        };
        assert_eq!(value(&after, &free.key).as_deref(), Some("Example AG"));
        let again = r.service().profile(&r.account).await.unwrap();
        assert_eq!(value(&again, &free.key).as_deref(), Some("Example AG"), "the next read shows the change");
        for f in fields.iter().filter(|f| f.key != free.key) {
            assert_eq!(value(&again, &f.key).as_ref(), Some(&f.value), "{} is kept", f.key);
        }
    }
}

// Billing

fn currency(c: &str) -> bool {
    c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase())
}

async fn billing_balance(r: Run) {
    if !r.declares(BillingBalance) {
        r.refused(BillingBalance, r.service().balance(&r.account)).await;
        let report = r.service().balances(std::slice::from_ref(&r.account)).await;
        assert!(report.balances.is_empty() && report.errors.is_empty(), "an account without a balance is skipped");
        return;
    }
    let b = r.service().balance(&r.account).await.unwrap();
    assert!(currency(&b.currency), "{b:?}");
    assert_eq!((b.account_id.as_str(), b.provider), (r.account.id.as_str(), r.account.provider));
    assert!(b.summary.contains(&b.currency) && !b.provider_balance.is_empty(), "{b:?}");
    let report = r.service().balances(std::slice::from_ref(&r.account)).await;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.balances.len(), 1);
    assert_eq!(report.balances[0].balance, b.balance);
}

async fn billing_invoices(r: Run) {
    if !r.declares(BillingInvoices) {
        r.refused(BillingInvoices, r.service().invoices(&r.account)).await;
    }
    if !r.declares(BillingInvoicePdf) {
        r.refused(BillingInvoicePdf, r.service().invoice_pdf(&r.account, "42")).await;
    }
    if !r.declares(BillingInvoices) {
        return;
    }
    let invoices = r.service().invoices(&r.account).await.unwrap();
    assert!(!invoices.is_empty(), "the seed has invoices");
    let ids: HashSet<&str> = invoices.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), invoices.len());
    for i in &invoices {
        assert!(!i.id.is_empty() && i.date.is_read() && currency(&i.currency), "{i:?}");
        assert_eq!(i.account_id, r.account.id);
    }
    if r.declares(BillingInvoicePdf) {
        let with_pdf = invoices.iter().find(|i| i.has_pdf).expect("an invoice has a PDF");
        let pdf = r.service().invoice_pdf(&r.account, &with_pdf.id).await.unwrap();
        assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF");
        r.invalid("id", r.service().invoice_pdf(&r.account, "../profile")).await;
        let e = r.service().invoice_pdf(&r.account, "424242").await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotFound, "{}", e.message);
    }
}

async fn billing_transactions(r: Run) {
    if !r.declares(BillingTransactions) {
        return r.refused(BillingTransactions, r.service().transactions(&r.account)).await;
    }
    let list = r.service().transactions(&r.account).await.unwrap();
    assert!(!list.is_empty(), "the seed has transactions");
    assert!(list.iter().all(|t| t.date.is_read() && currency(&t.currency) && t.account_id == r.account.id), "{list:?}");
}

async fn billing_usage(r: Run) {
    if !r.declares(BillingUsage) {
        return r.refused(BillingUsage, r.service().usage(&r.account)).await;
    }
    let list = r.service().usage(&r.account).await.unwrap();
    assert!(!list.is_empty(), "the seed has usage");
    assert!(list.iter().all(|u| !u.resource.is_empty() && !u.label.is_empty()), "{list:?}");
    assert!(list.iter().any(|u| u.used.is_some()), "{list:?}");
}

async fn billing_pricing_and_currencies(r: Run) {
    if !r.declares(BillingPricing) {
        r.refused(BillingPricing, r.service().pricing(&r.account)).await;
    }
    if !r.declares(BillingCurrencies) {
        r.refused(BillingCurrencies, r.service().currencies(&r.account)).await;
    }
    if r.declares(BillingPricing) {
        let prices = r.service().pricing(&r.account).await.unwrap();
        assert!(!prices.is_empty());
        let ok = |p: &vpsdesk_core::capabilities::billing::Price| {
            !p.resource.is_empty() && !p.amount.is_sign_negative() && currency(&p.currency)
        };
        assert!(prices.iter().all(ok), "{prices:?}");
    }
    if r.declares(BillingCurrencies) {
        let list = r.service().currencies(&r.account).await.unwrap();
        assert!(!list.is_empty() && list.iter().all(|c| currency(c)), "{list:?}");
        assert_eq!(list.iter().collect::<HashSet<_>>().len(), list.len(), "{list:?}");
    }
}

async fn billing_subscriptions(r: Run) {
    let order = SubscriptionOrder { kind: SubscriptionKind::Ip, quantity: 1, months: 1, start: None };
    if !r.declares(BillingSubscriptions) {
        r.refused(BillingSubscriptions, r.service().subscriptions(&r.account)).await;
        r.refused(BillingSubscriptions, r.service().subscribed_totals(&r.account)).await;
        let bundle = BundleOrder {
            kind: BundleKind::Software,
            items: vec![BundleItem { key: "msft_lwa_00135".into(), quantity: 1 }],
            months: 1,
            start: None,
        };
        r.refused(BillingSubscriptions, r.service().quote_bundle(&r.account, &bundle)).await;
        return r.refused(BillingSubscriptions, r.service().quote_subscription(&r.account, &order)).await;
    }
    let before = r.service().subscriptions(&r.account).await.unwrap();
    assert!(!before.is_empty(), "the seed has subscriptions");
    assert!(before.iter().all(|s| !s.kind.is_empty() && s.account_id == r.account.id), "{before:?}");
    r.invalid(
        "quantity",
        r.service().quote_subscription(&r.account, &SubscriptionOrder { quantity: 0, ..order.clone() }),
    )
    .await;
    r.invalid("months", r.service().create_subscription(&r.account, &SubscriptionOrder { months: 0, ..order.clone() }))
        .await;
    let balance = if r.declares(BillingBalance) { Some(r.service().balance(&r.account).await.unwrap()) } else { None };
    let quote = r.service().quote_subscription(&r.account, &order).await.unwrap();
    assert!(quote.amount > rust_decimal::Decimal::ZERO && currency(&quote.currency), "{quote:?}");
    assert_eq!(r.service().subscriptions(&r.account).await.unwrap().len(), before.len(), "a quote buys nothing");
    let created = r.service().create_subscription(&r.account, &order).await.unwrap();
    assert!(!created.is_empty());
    assert_eq!(r.service().subscriptions(&r.account).await.unwrap().len(), before.len() + created.len());
    if let Some(b) = balance.filter(|b| b.currency == quote.currency) {
        let now = r.service().balance(&r.account).await.unwrap();
        assert_eq!(now.balance, b.balance - quote.amount, "charged the quoted price");
    }
    let totals = r.service().subscribed_totals(&r.account).await.unwrap();
    assert!(totals.iter().all(|t| !t.resource.is_empty() && t.account_id == r.account.id), "{totals:?}");
    assert!(totals.iter().any(|t| t.resource == "ip"), "the address just bought is in the totals: {totals:?}");

    let software = BundleOrder {
        kind: BundleKind::Software,
        items: vec![BundleItem { key: "msft_lwa_00135".into(), quantity: 1 }],
        months: 1,
        start: None,
    };
    r.invalid("months", r.service().quote_bundle(&r.account, &BundleOrder { months: 0, ..software.clone() })).await;
    let before = r.service().balance(&r.account).await.unwrap();
    let quote = r.service().quote_bundle(&r.account, &software).await.unwrap();
    let total = quote.total.expect("software is priced by the provider");
    assert!(total > rust_decimal::Decimal::ZERO && quote.lines.len() == 1, "{quote:?}");
    assert_eq!(r.service().balance(&r.account).await.unwrap().balance, before.balance, "a quote buys nothing");
    r.service().create_bundle(&r.account, &software).await.unwrap();
    assert_eq!(
        r.service().balance(&r.account).await.unwrap().balance,
        before.balance - total,
        "charged the quoted price"
    );
}

// Tickets and DNS

async fn tickets(r: Run) {
    let filter = TicketFilter::default();
    if !r.declares(Tickets) {
        return r.refused(Tickets, r.service().tickets_of(&r.account, &filter)).await;
    }
    let list = r.service().tickets_of(&r.account, &filter).await.unwrap();
    assert!(!list.is_empty(), "the seed has tickets");
    assert!(list.iter().all(|t| !t.id.is_empty() && !t.subject.is_empty() && t.account_id == r.account.id), "{list:?}");
    let open = list.iter().find(|t| t.status == TicketStatus::Open).expect("the seed has an open ticket");
    let thread = r.service().ticket(&r.account, &open.id).await.unwrap();
    assert_eq!((thread.id.as_str(), thread.subject.as_str()), (open.id.as_str(), open.subject.as_str()));
    assert!(!thread.messages.is_empty() && thread.messages.iter().all(|m| !m.body.is_empty()), "{:?}", thread.messages);
    r.invalid(
        "body",
        r.service().reply_ticket(&r.account, &open.id, TicketReply { body: " ".into(), root_password: None }),
    )
    .await;
    r.service().close_ticket(&r.account, &open.id).await.unwrap();
    let closed = r.service().ticket(&r.account, &open.id).await.unwrap();
    assert_eq!(closed.status, TicketStatus::Closed, "the next read shows it closed");
}

async fn dns(r: Run) {
    if !r.declares(Dns) {
        return r.refused(Dns, r.service().dns_zones(&r.account)).await;
    }
    let zones = r.service().dns_zones(&r.account).await.unwrap();
    assert!(!zones.is_empty(), "the seed has zones");
    assert!(zones.iter().all(|z| !z.id.is_empty() && z.name.contains('.') && !z.name.ends_with('.')), "{zones:?}");
    let zone = &zones[0].name;
    let records = r.service().dns_records(&r.account, zone).await.unwrap();
    assert!(records.iter().any(|rec| rec.kind == RecordType::Soa || rec.kind == RecordType::Ns), "{records:?}");
    let a = |data: &str| RecordInput {
        kind: Some(RecordType::A),
        host: "suite".into(),
        data: data.into(),
        ttl: Some(3600),
        priority: None,
        weight: None,
        port: None,
        service_type: None,
    };
    r.invalid("data", r.service().dns_add_record(&r.account, zone, &a("192.0.2"))).await;
    r.service().dns_add_record(&r.account, zone, &a("192.0.2.10")).await.unwrap();
    let now = r.service().dns_records(&r.account, zone).await.unwrap();
    let added = now.iter().find(|rec| rec.kind == RecordType::A && rec.data == "192.0.2.10").expect("listed");
    assert!(added.host.starts_with("suite"), "{added:?}");
    r.service().dns_delete_record(&r.account, zone, &added.id).await.unwrap();
    let now = r.service().dns_records(&r.account, zone).await.unwrap();
    assert!(now.iter().all(|rec| rec.id != added.id), "deleted: {now:?}");
}

// Creation options

/// A request for a new server in the account's first region, with its first
/// system and plan (or a small free size).
async fn plain_order(r: &Run, name: &str) -> CreateServer {
    let region = r.service().regions(&r.account).await.unwrap().into_iter().next().map(|g| g.id);
    let image = r.service().images(&r.account, region.as_deref()).await.unwrap().into_iter().next().map(|i| i.id);
    let (plan, cpu_mhz, mem_mb) = match providers::info(r.account.provider).sizing {
        Sizing::Plans => {
            let plans = r.service().plans(&r.account, region.as_deref()).await.unwrap();
            (plans.into_iter().next().map(|p| p.id), None, None)
        }
        Sizing::Free => (None, Some(1000), Some(1024)),
    };
    CreateServer { name: name.to_string(), plan, image, region, cpu_mhz, mem_mb, ..CreateServer::default() }
}

/// Adds one option to an order.
type Ask = fn(&mut CreateServer);

/// Every `servers.create.*` option the account declares is accepted in one
/// order (an ISO, or else a snapshot, in place of the system); an IPv6
/// subnet asked for shows on the new server. Every option it does not
/// declare is refused under its field before any request.
async fn create_options(r: Run) {
    let order = plain_order(&r, "suite-options").await;
    let mut all = order.clone();
    let asked: [(Capability, &str, Ask); 4] = [
        (CreateHostname, "hostname", |o| o.hostname = Some("suite-options.example.com".into())),
        (CreateBackups, "auto_backups", |o| o.auto_backups = true),
        (CreateIpv6, "ipv6", |o| o.ipv6 = true),
        (CreatePrivateNetwork, "private_network", |o| o.private_network = true),
    ];
    for (capability, field, set) in asked {
        let mut one = order.clone();
        set(&mut one);
        if r.declares(capability) {
            set(&mut all);
        } else {
            r.invalid(field, r.service().create(&r.account, &one)).await;
        }
    }
    if r.declares(CreateFromIso) {
        let iso = r.service().isos(&r.account).await.unwrap().into_iter().next().expect("the seed has an ISO");
        all.iso = Some(iso.id);
        all.image = None;
    } else {
        r.invalid("iso", r.service().create(&r.account, &CreateServer { iso: Some("24".into()), ..order.clone() }))
            .await;
    }
    // Licences are billed: refused unless confirmed, or under their field
    // where not declared; an instant order where instant servers are not.
    let licensed = CreateServer { licences: vec!["1".into()], confirm_charges: true, ..order.clone() };
    if r.declares(CreateLicences) {
        r.invalid("confirm", r.service().create(&r.account, &CreateServer { confirm_charges: false, ..licensed }))
            .await;
    } else {
        r.invalid("licences", r.service().create(&r.account, &licensed)).await;
    }
    if !r.declares(CreateInstant) {
        let instant =
            CreateServer { name: "suite-instant".into(), instant_country: Some("1".into()), ..CreateServer::default() };
        r.invalid("instant_country", r.service().create(&r.account, &instant)).await;
    }
    if all != order {
        let created = r.service().create(&r.account, &all).await.unwrap();
        assert_eq!(created.name, "suite-options");
        if all.ipv6 {
            r.wait_for(&created.id, Status::Running).await;
            let installed = r.service().server(&r.account, &created.id).await.unwrap();
            assert!(!installed.ipv6.is_empty(), "asked for IPv6: {installed:?}");
        }
    }
    let snapshot = CreateServer { snapshot: Some("5359435d28b9a".into()), image: None, ..order.clone() };
    if r.declares(CreateFromSnapshot) {
        let snapshots = r.service().snapshots(&r.account).await.unwrap();
        let done = snapshots.into_iter().find(|s| s.status == SnapshotStatus::Complete).expect("a complete snapshot");
        let from = CreateServer { name: "suite-snapshot".into(), snapshot: Some(done.id), ..snapshot };
        assert_eq!(r.service().create(&r.account, &from).await.unwrap().name, "suite-snapshot");
    } else {
        r.invalid("snapshot", r.service().create(&r.account, &snapshot)).await;
    }
}

macro_rules! suites {
    ($($case:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $case() {
            each(super::$case).await
        }
    )*};
}

mod suite {
    use super::each;
    suites! {
        network_addresses,
        network_ipv4_add_and_remove,
        network_reverse_dns_ipv4,
        network_reverse_dns_ipv6,
        backups_list,
        backups_create_and_delete,
        backups_restore,
        os_reinstall,
        os_change,
        os_isos,
        usage_graphs,
        console,
        profile,
        billing_balance,
        billing_invoices,
        billing_transactions,
        billing_usage,
        billing_pricing_and_currencies,
        billing_subscriptions,
        tickets,
        dns,
        create_options,
    }
}

/// A capability is shared when a trait in `capabilities/` serves it (not the
/// basic server operations of `Compute`, which `conformance.rs` covers, nor
/// one provider's extensions).
fn shared(c: Capability) -> bool {
    matches!(
        c.api(),
        Api::Network
            | Api::Backups
            | Api::OsInstall
            | Api::Usage
            | Api::Console
            | Api::Profile
            | Api::Billing
            | Api::Tickets
            | Api::Dns
    )
}

#[test]
fn every_declared_shared_capability_has_a_suite() {
    for d in &providers::REGISTRY {
        let account = Account {
            id: format!("{}-id", d.id()),
            name: d.id().to_string(),
            provider: d.kind,
            endpoint: None,
            username: Some("someone@example.com".into()),
            region: None,
            demo: false,
        };
        for c in capabilities::of(&account).iter().filter(|c| shared(*c)) {
            assert!(COVERED.contains(&c), "{} declares {} but no capability suite covers it", d.id(), c.name());
        }
    }
    for c in COVERED {
        assert!(shared(*c), "{} is covered here but is not a shared capability", c.name());
    }
}
