//! Server extras against the Vultr simulator, through the `AppService` (so the
//! checks before sending and the jobs are covered too): one test per
//! operation, plus a provider without the APIs. The service reads secrets from
//! the real keychain: run under a D-Bus session with an unlocked keyring.

use vpsdesk_core::capabilities::server::network::IpRole;
use vpsdesk_core::capabilities::Capability;
use vpsdesk_core::jobs::{JobKind, JobState};
use vpsdesk_core::model::{CreateServer, ProviderKind, Status};
use vpsdesk_core::providers::vultr::ext::scripts::{NewScript, ScriptKind, ScriptUpdate};
use vpsdesk_core::providers::vultr::ext::snapshots::SnapshotStatus;
use vpsdesk_core::providers::vultr::ext::ssh_keys::{NewSshKey, SshKeyUpdate};
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::Provider;

mod common;
use common::{assert_offers, plan_order, DemoService, Timing};

/// The doc's server: running, with IPv6, a secondary IPv4 and backups.
const DOC_SERVER: &str = "576965";
const DOC_BACKUP: &str = "543d34149403a";

/// Vultr's demo account, with VPS247's beside it (a provider without these extras).
async fn env() -> DemoService {
    let timing = Timing { transition_ms: 2500, ..Timing::default() };
    let demo = DemoService::with_timing(Provider::Vultr, "vpsdesk-test-extras", timing).await;
    demo.add(Provider::Vps247).await;
    demo
}

impl DemoService {
    fn requests(&self) -> usize {
        self.sandbox.requests(Provider::Vultr).len()
    }

    /// A key pasted into the form, unique per test so runs do not collide.
    fn key(comment: &str) -> String {
        format!("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0vpsdesk {comment}@example.com")
    }
}

#[tokio::test]
async fn vultr_offers_every_extra_and_others_none_yet() {
    let env = env().await;
    assert_offers(
        &env.service,
        ProviderKind::Vultr,
        &[
            Capability::Snapshots,
            Capability::BackupRestore,
            Capability::Reinstall,
            Capability::OsChange,
            Capability::Isos,
            Capability::Ips,
            Capability::Ipv4Add,
            Capability::Ipv4Remove,
            Capability::ReverseSet,
            Capability::ReverseReset,
            Capability::ReverseDelete,
            Capability::ReverseList,
            Capability::UsageGraphs,
            Capability::Console,
            Capability::SshKeys,
            Capability::Scripts,
        ],
    );
    let vps247 = env.service.find("Demo VPS247").unwrap();
    let before = env.sandbox.requests(Provider::Vps247).len();
    let e = env.service.snapshots(&vps247).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("VPS247 cannot manage snapshots"), "{}", e.message);
    assert_eq!(env.sandbox.requests(Provider::Vps247).len(), before, "nothing is sent");
}

#[tokio::test]
async fn snapshot_list_has_the_doc_examples() {
    let env = env().await;
    let list = env.service.snapshots(&env.account).await.unwrap();
    let doc = list.iter().find(|s| s.id == "5359435d28b9a").unwrap();
    assert_eq!(
        (doc.description.as_str(), doc.size_bytes, doc.status),
        ("Test snapshot", Some(42_949_672_960), SnapshotStatus::Complete)
    );
}

#[tokio::test]
async fn snapshot_create_is_a_job_that_ends_when_complete() {
    let env = env().await;
    let job = env.service.create_snapshot(&env.account, DOC_SERVER, "before upgrade").await.unwrap();
    assert_eq!((job.kind, job.state), (JobKind::SnapshotCreate, JobState::Running));
    assert!(!job.cancellable);
    let e = env.service.cancel_job(&job.id).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("Vultr's API has no call to stop it"), "{}", e.message);
    let id = job.target_id.clone().unwrap();
    let pending = env.service.snapshots(&env.account).await.unwrap();
    assert_eq!(pending.iter().find(|s| s.id == id).unwrap().status, SnapshotStatus::Pending);
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!((done.state, done.stage.as_str(), done.progress), (JobState::Succeeded, "Snapshot complete", Some(100)));
    let listed = env.service.snapshots(&env.account).await.unwrap();
    let snap = listed.iter().find(|s| s.id == id).unwrap();
    assert_eq!((snap.status, snap.description.as_str()), (SnapshotStatus::Complete, "before upgrade"));
    assert_eq!(env.service.jobs()[0].id, job.id, "the jobs list has it");
}

#[tokio::test]
async fn snapshot_delete_removes_it_and_refuses_a_bad_id_before_sending() {
    let env = env().await;
    env.service.delete_snapshot(&env.account, "5359435dc1df3").await.unwrap();
    assert!(env.service.snapshots(&env.account).await.unwrap().iter().all(|s| s.id != "5359435dc1df3"));
    let e = env.service.delete_snapshot(&env.account, "5359435dc1df3").await.unwrap_err();
    assert!(e.message.contains("Invalid snapshot ID"), "{}", e.message);
    let before = env.requests();
    let e = env.service.delete_snapshot(&env.account, "a/b").await.unwrap_err();
    assert_eq!(e.fields[0].field, "snapshot");
    assert_eq!(env.requests(), before);
}

#[tokio::test]
async fn snapshot_restore_is_a_job_that_ends_with_the_server_running() {
    let env = env().await;
    let job = env.service.restore_snapshot(&env.account, DOC_SERVER, "5359435d28b9a").await.unwrap();
    assert_eq!(job.kind, JobKind::SnapshotRestore);
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Succeeded, "{}", done.stage);
    assert_eq!(done.stage, "Done: the server is running");
    assert_eq!(env.service.server(&env.account, DOC_SERVER).await.unwrap().status, Status::Running);
}

#[tokio::test]
async fn backup_restore_is_a_job_and_an_unknown_backup_starts_none() {
    let env = env().await;
    let e = env.service.restore_backup(&env.account, DOC_SERVER, "nope").await.unwrap_err();
    assert!(e.message.contains("Invalid backup"), "{}", e.message);
    assert!(env.service.jobs().is_empty());
    let job = env.service.restore_backup(&env.account, DOC_SERVER, DOC_BACKUP).await.unwrap();
    assert_eq!(job.kind, JobKind::BackupRestore);
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
}

#[tokio::test]
async fn os_change_uses_the_allowed_list() {
    let env = env().await;
    let options = env.service.os_options(&env.account, DOC_SERVER).await.unwrap();
    let debian = options.iter().find(|o| o.name == "Debian 12 x64").unwrap();
    assert_eq!(debian.surcharge.unwrap().to_string(), "0.00");
    let windows = options.iter().find(|o| o.family.as_deref() == Some("windows")).unwrap();
    assert_eq!(windows.surcharge.unwrap().to_string(), "16.00");
    assert!(options.iter().all(|o| o.name != "Snapshot"), "install sources are not systems");
    let job = env.service.change_os(&env.account, DOC_SERVER, &debian.id).await.unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    let server = env.service.server(&env.account, DOC_SERVER).await.unwrap();
    assert_eq!(server.details.iter().find(|d| d.label == "os").unwrap().value, "Debian 12 x64");
    let before = env.requests();
    assert_eq!(env.service.change_os(&env.account, DOC_SERVER, "debian").await.unwrap_err().fields[0].field, "os");
    assert_eq!(env.requests(), before);
}

#[tokio::test]
async fn iso_list() {
    let env = env().await;
    let isos = env.service.isos(&env.account).await.unwrap();
    assert_eq!(isos[0].id, "24");
    assert_eq!(isos[0].size_bytes, Some(9_342_976));
}

#[tokio::test]
async fn addresses_list_ipv4_then_ipv6() {
    let env = env().await;
    let ips = env.service.addresses(&env.account, DOC_SERVER).await.unwrap();
    let shown: Vec<(&str, u8, IpRole)> = ips.iter().map(|i| (i.ip.as_str(), i.version, i.role)).collect();
    assert_eq!(
        shown,
        [
            ("123.123.123.123", 4, IpRole::Main),
            ("123.123.123.124", 4, IpRole::Secondary),
            ("10.99.0.10", 4, IpRole::Private),
            ("2001:DB8:1000::100", 6, IpRole::Main),
        ]
    );
}

#[tokio::test]
async fn reverse_dns_ipv6_doc_entries_and_refusals() {
    let env = env().await;
    let listed = env.service.reverse_ipv6(&env.account, DOC_SERVER).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].reverse, "host1.example.com");
    env.service.delete_reverse(&env.account, DOC_SERVER, "2001:DB8:1000::101").await.unwrap();
    let listed = env.service.reverse_ipv6(&env.account, DOC_SERVER).await.unwrap();
    assert!(listed.iter().all(|r| r.reverse != "host1.example.com"));
    let e = env.service.delete_reverse(&env.account, DOC_SERVER, "123.123.123.124").await.unwrap_err();
    assert!(e.message.contains("only IPv6"), "{}", e.message);
}

#[tokio::test]
async fn bandwidth_graph() {
    let env = env().await;
    let graphs = env.service.usage_graphs(&env.account, DOC_SERVER, None, None).await.unwrap();
    assert_eq!(graphs.len(), 1);
    assert_eq!(graphs[0].series[0].points[0].at, "2014-06-10", "a day stays a day");
    assert_eq!(graphs[0].series[1].points[0].value, 4_059_610.0);
}

#[tokio::test]
async fn console_link() {
    let env = env().await;
    let console = env.service.console(&env.account, DOC_SERVER).await.unwrap();
    assert_eq!(console.url, "https://my.vultr.com/subs/novnc/api.php?data=eawxFVZw2mXnhGUV");
}

#[tokio::test]
async fn ssh_keys_create_update_delete() {
    let env = env().await;
    assert_eq!(env.service.ssh_keys(&env.account).await.unwrap()[0].name, "test");
    let new = NewSshKey { name: "laptop".into(), public_key: DemoService::key("laptop") };
    let id = env.service.create_ssh_key(&env.account, &new).await.unwrap();
    let update = SshKeyUpdate { name: Some("old laptop".into()), public_key: None };
    env.service.update_ssh_key(&env.account, &id, &update).await.unwrap();
    let keys = env.service.ssh_keys(&env.account).await.unwrap();
    let key = keys.iter().find(|k| k.id == id).unwrap();
    assert_eq!((key.name.as_str(), key.public_key.as_str()), ("old laptop", new.public_key.as_str()));
    env.service.delete_ssh_key(&env.account, &id).await.unwrap();
    assert!(env.service.ssh_keys(&env.account).await.unwrap().iter().all(|k| k.id != id));
    let before = env.requests();
    let private = NewSshKey { name: "oops".into(), public_key: "-----BEGIN OPENSSH PRIVATE KEY-----".into() };
    let e = env.service.create_ssh_key(&env.account, &private).await.unwrap_err();
    assert_eq!(e.fields[0].field, "public_key");
    assert_eq!(env.requests(), before, "a private key is never sent");
}

#[tokio::test]
async fn startup_scripts_create_update_delete() {
    let env = env().await;
    assert_eq!(env.service.scripts(&env.account).await.unwrap().len(), 2);
    let new = NewScript { name: "hello".into(), kind: ScriptKind::Pxe, content: "#!ipxe\nshell\n".into() };
    let id = env.service.create_script(&env.account, &new).await.unwrap();
    assert!(id.parse::<u64>().is_ok(), "SCRIPTID comes as a number and is kept as a string: {id}");
    let update = ScriptUpdate { name: None, content: Some("#!ipxe\necho hi\n".into()) };
    env.service.update_script(&env.account, &id, &update).await.unwrap();
    let scripts = env.service.scripts(&env.account).await.unwrap();
    let s = scripts.iter().find(|s| s.id == id).unwrap();
    assert_eq!((s.name.as_str(), s.kind, s.content.as_str()), ("hello", ScriptKind::Pxe, "#!ipxe\necho hi\n"));
    env.service.delete_script(&env.account, &id).await.unwrap();
    assert!(env.service.scripts(&env.account).await.unwrap().iter().all(|s| s.id != id));
}

#[tokio::test]
async fn create_server_with_stored_keys_and_a_script() {
    let env = env().await;
    let base = plan_order("keyed", "1", "127", "1");
    let unknown = CreateServer { ssh_keys: vec!["0000000000000".into()], ..base.clone() };
    let e = env.service.create(&env.account, &unknown).await.unwrap_err();
    assert!(e.message.contains("Invalid SSH key ID"), "SSHKEYID was sent: {}", e.message);
    let bad_script = CreateServer { script: Some("boot".into()), ..base.clone() };
    assert_eq!(env.service.create(&env.account, &bad_script).await.unwrap_err().fields[0].field, "script");
    let good = CreateServer { ssh_keys: vec!["541b4960f23bd".into()], script: Some("3".into()), ..base };
    let server = env.service.create(&env.account, &good).await.unwrap();
    assert_eq!(server.name, "keyed");
}
