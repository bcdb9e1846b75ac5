//! CloudSigma 1.0 extras against the simulator, through the `AppService`: drives
//! and their contents, server clone and the several-server calls, VLANs,
//! static IPs, server groups and the profile; one test per operation. The
//! service reads secrets from the real keychain: run under a D-Bus session
//! with an unlocked keyring.

use std::io::{Read, Write};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::time::Duration;

use vpsdesk_core::accounts::Account;
use vpsdesk_core::capabilities::account::profile::ProfileChange;
use vpsdesk_core::capabilities::Capability;
use vpsdesk_core::jobs::{Job, JobKind, JobState};
use vpsdesk_core::model::{PowerAction, ProviderKind, Status};
use vpsdesk_core::providers::cloudsigma::ext::clone_and_bulk::BulkAction;
use vpsdesk_core::providers::cloudsigma::ext::drives::{DriveClone, NewDrive, StandardKind};
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::Provider;

mod common;
use common::{assert_offers, DemoService, Timing};

/// The doc's drive and server examples.
const GENTOO: &str = "7e8ab721-81c9-4cb9-a651-4cafbfe1501c";
const MOUNTED: &str = "74744450-d338-4087-b3b8-59b505110a57";
const NODE003: &str = "179f2015-f28b-4537-beab-a5d30d5fd4e2";
const STANDARD_IMAGE: &str = "a49e25b3-69f4-440b-87a8-d79fa78ace53";
const DOC_VLAN: &str = "6e2d1f6a-03c8-422b-bc8e-d744612cf46a";
const DOC_GROUP: &str = "92f5ba00-7851-4ebf-9c0f-b5311ceed042";

/// CloudSigma's demo account, with Vultr's beside it (a provider without these extras).
struct Env {
    demo: DemoService,
    cs: Account,
    vultr: Account,
}

impl Deref for Env {
    type Target = DemoService;

    fn deref(&self) -> &DemoService {
        &self.demo
    }
}

impl Env {
    async fn new() -> Env {
        // Drive uploads and downloads are whole bodies: 20 s for one request.
        let timing = Timing { total_timeout: Duration::from_secs(20), ..Timing::default() };
        let demo = DemoService::with_timing(Provider::Cloudsigma, "vpsdesk-test-extras-cs", timing).await;
        let vultr = demo.add(Provider::Vultr).await;
        let cs = demo.account.clone();
        Env { demo, cs, vultr }
    }

    fn requests(&self) -> usize {
        self.sandbox.requests(Provider::Cloudsigma).len()
    }

    async fn new_drive(&self, name: &str, size: u64) -> String {
        let d = NewDrive { name: name.into(), size_bytes: size, shared: false, ssd: false, encrypted: true };
        self.service.create_drive(&self.cs, &d).await.unwrap().id
    }

    /// Writes a 40 MiB image of `seed`'s pattern to `dir`/disk.img and starts
    /// its upload onto a new drive `name` of that size: (image, drive, job).
    async fn start_upload(&self, dir: &Path, name: &str, seed: u64) -> (PathBuf, String, Job) {
        let source = dir.join("disk.img");
        std::fs::write(&source, pattern(40 << 20, seed)).unwrap();
        let drive = self.new_drive(name, 40 << 20).await;
        let job = self.service.upload_drive(&self.cs, &drive, &source).await.unwrap();
        (source, drive, job)
    }
}

#[tokio::test]
async fn cloudsigma_offers_its_extras_and_vultr_says_it_has_none_of_these() {
    let env = Env::new().await;
    assert_offers(
        &env.service,
        ProviderKind::Cloudsigma,
        &[
            Capability::Drives,
            Capability::DriveTransfer,
            Capability::ServerClone,
            Capability::BulkPower,
            Capability::Vlans,
            Capability::StaticIps,
            Capability::ServerGroups,
            Capability::Profile,
        ],
    );
    let e = env.service.drives(&env.vultr).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("cannot manage drives"), "{}", e.message);
    assert_eq!(env.service.vlans(&env.vultr).await.unwrap_err().kind, ErrorKind::Unsupported);
}

#[tokio::test]
async fn drives_are_listed_created_cloned_and_destroyed() {
    let env = Env::new().await;
    let drives = env.service.drives(&env.cs).await.unwrap();
    let gentoo = drives.iter().find(|d| d.id == GENTOO).unwrap();
    assert_eq!((gentoo.name.as_str(), gentoo.size_bytes), ("gentoo-livecd", Some(1073741824)));
    let mounted = drives.iter().find(|d| d.id == MOUNTED).unwrap();
    assert_eq!(mounted.claimed_by.as_deref(), Some("28644a70-9e81-4a3e-85ea-91129f724034"));
    assert_eq!(env.service.drive(&env.cs, GENTOO).await.unwrap().name, "gentoo-livecd");

    let id = env.new_drive("scratch", 4194304).await;
    assert_eq!(env.service.drive(&env.cs, &id).await.unwrap().size_bytes, Some(4194304));

    let same = env
        .service
        .clone_drive(&env.cs, &id, &DriveClone { name: "scratch copy".into(), size_bytes: None, ssd: false })
        .await
        .unwrap();
    assert_eq!((same.name.as_str(), same.size_bytes), ("scratch copy", Some(4194304)));
    let bigger = DriveClone { name: "scratch big".into(), size_bytes: Some(8388608), ssd: false };
    assert_eq!(env.service.clone_drive(&env.cs, &id, &bigger).await.unwrap().size_bytes, Some(8388608));
    let smaller = DriveClone { name: "too small".into(), size_bytes: Some(1024), ssd: false };
    let e = env.service.clone_drive(&env.cs, &id, &smaller).await.unwrap_err();
    assert!(e.message.contains("smaller than the original"), "{}", e.message);

    env.service.destroy_drive(&env.cs, &same.id).await.unwrap();
    assert!(!env.service.drives(&env.cs).await.unwrap().iter().any(|d| d.id == same.id));
    let e = env.service.destroy_drive(&env.cs, MOUNTED).await.unwrap_err();
    assert!(e.message.contains("mounted"), "{}", e.message);

    let before = env.requests();
    let bad = NewDrive { name: "x".into(), size_bytes: 0, shared: false, ssd: false, encrypted: true };
    assert_eq!(env.service.create_drive(&env.cs, &bad).await.unwrap_err().fields[0].field, "size_bytes");
    assert_eq!(env.service.destroy_drive(&env.cs, "../servers").await.unwrap_err().fields[0].field, "id");
    assert_eq!(env.requests(), before, "nothing sent for bad input");
}

#[tokio::test]
async fn standard_cds_images_and_all_standard_drives_are_named() {
    let env = Env::new().await;
    for kind in [StandardKind::Cd, StandardKind::Image, StandardKind::All] {
        let list = env.service.standard_drives(&env.cs, kind).await.unwrap();
        assert_eq!(list.len(), 8, "{kind:?}");
        let first = list.iter().find(|d| d.id == STANDARD_IMAGE).unwrap();
        assert!(first.name.contains("Ubuntu"), "{}", first.name);
    }
}

#[tokio::test]
async fn a_server_is_cloned_with_its_own_drive() {
    let env = Env::new().await;
    let copy = env.service.clone_server(&env.cs, NODE003, "node003 clone").await.unwrap();
    assert_eq!(copy.name, "node003 clone");
    assert_ne!(copy.id, NODE003);
    let listed = env.service.servers_of(&env.cs).await.unwrap();
    assert!(listed.iter().any(|s| s.id == copy.id));
    let boot = copy.details.iter().find(|d| d.label == "ide:0:0").unwrap();
    assert_ne!(boot.value, "7cdddd0a-3caa-49c3-b02d-66054880a0b8", "the clone boots from a copy");
    assert!(copy.details.iter().all(|d| !d.label.contains("password")));
    assert_eq!(env.service.clone_server(&env.cs, NODE003, "").await.unwrap_err().fields[0].field, "name");
}

#[tokio::test]
async fn several_servers_are_stopped_started_and_destroyed_in_one_request() {
    let env = Env::new().await;
    let a = env.service.clone_server(&env.cs, NODE003, "bulk a").await.unwrap().id;
    let b = env.service.clone_server(&env.cs, NODE003, "bulk b").await.unwrap().id;
    let both = vec![a.clone(), b.clone()];
    let status = |id: String| {
        let service = &env.service;
        let cs = &env.cs;
        async move { service.server(cs, &id).await.unwrap().status }
    };
    let before = env.requests();
    env.service.bulk_power(&env.cs, &both, BulkAction::Stop).await.unwrap();
    assert_eq!(env.requests(), before + 1, "one request for both");
    assert_eq!((status(a.clone()).await, status(b.clone()).await), (Status::Stopped, Status::Stopped));
    env.service.bulk_power(&env.cs, &both, BulkAction::Start).await.unwrap();
    assert_eq!(status(a.clone()).await, Status::Running);
    env.service.bulk_power(&env.cs, &both, BulkAction::Destroy).await.unwrap();
    let listed = env.service.servers_of(&env.cs).await.unwrap();
    assert!(!listed.iter().any(|s| s.id == a || s.id == b));
    assert_eq!(env.service.bulk_power(&env.cs, &[], BulkAction::Start).await.unwrap_err().fields[0].field, "servers");
}

fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|i| {
            // Half noise, half text: gzip gets something to do either way.
            if i % 2 == 0 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            } else {
                b"vpsdesk "[i % 8]
            }
        })
        .collect()
}

/// The check: a 256 MiB file goes up in 4 MiB gzipped chunks with
/// progress, and the bytes read back equal it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_256_mib_upload_shows_progress_and_reads_back_equal() {
    let env = Env::new().await;
    const SIZE: usize = 256 << 20;
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("disk.img");
    {
        let mut f = std::fs::File::create(&source).unwrap();
        for i in 0..(SIZE >> 20) {
            f.write_all(&pattern(1 << 20, i as u64 + 7)).unwrap();
        }
    }
    let drive = env.new_drive("upload target", SIZE as u64).await;
    let before = env.requests();
    let job = env.service.upload_drive(&env.cs, &drive, &source).await.unwrap();
    assert_eq!((job.kind, job.cancellable), (JobKind::DriveUpload, true));
    let mut seen = Vec::new();
    loop {
        let now = env.service.get_job(&job.id).unwrap();
        if let Some(p) = now.progress.filter(|_| now.state == JobState::Running) {
            seen.push(p);
        }
        if now.state != JobState::Running {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Succeeded, "{:?}", done.error);
    assert!(seen.iter().any(|p| *p > 0 && *p < 100), "progress between 0 and 100 was reported: {seen:?}");
    let writes =
        env.sandbox.requests(Provider::Cloudsigma)[before..].iter().filter(|r| r.path.contains("/write/")).count();
    assert_eq!(writes, SIZE / (4 << 20), "4 MiB chunks");

    let back = dir.path().join("back.img");
    let job = env.service.download_drive(&env.cs, &drive, &back, None).await.unwrap();
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Succeeded, "{:?}", done.error);
    let (mut a, mut b) = (std::fs::File::open(&source).unwrap(), std::fs::File::open(&back).unwrap());
    let (mut x, mut y) = (vec![0u8; 1 << 20], vec![0u8; 1 << 20]);
    for i in 0..(SIZE >> 20) {
        a.read_exact(&mut x).unwrap();
        b.read_exact(&mut y).unwrap();
        assert!(x == y, "MiB {i} differs");
    }
    assert_eq!(b.read(&mut y).unwrap(), 0, "nothing more");
}

#[tokio::test]
async fn a_transfer_is_cancelled_between_chunks_and_a_file_must_fit() {
    let env = Env::new().await;
    let dir = tempfile::tempdir().unwrap();
    let (source, _, job) = env.start_upload(dir.path(), "cancel target", 3).await;
    env.service.cancel_job(&job.id).unwrap();
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Cancelled);
    let writes = env.sandbox.requests(Provider::Cloudsigma).iter().filter(|r| r.path.contains("/write/")).count();
    assert!(writes < 10, "stopped before the end: {writes} of 10 chunks");

    let small = env.new_drive("small", 1 << 20).await;
    let e = env.service.upload_drive(&env.cs, &small, &source).await.unwrap_err();
    assert_eq!(e.fields[0].field, "path");
    assert!(e.message.contains("clone it larger"), "{}", e.message);
    let e = env.service.download_drive(&env.cs, &small, &dir.path().join("x"), Some(2 << 20)).await.unwrap_err();
    assert_eq!(e.fields[0].field, "size");
    let missing = env.service.upload_drive(&env.cs, &small, &dir.path().join("nope")).await.unwrap_err();
    assert_eq!(missing.fields[0].field, "path");
}

/// A download goes to a temporary file beside the target, renamed at the
/// end: cancelled, it leaves the file that was there untouched and no
/// half-written one; finished, it replaces a symlink at the target instead of
/// writing through it to the file the link points at.
#[tokio::test]
async fn a_download_writes_the_target_whole_or_not_at_all_and_never_through_a_symlink() {
    let env = Env::new().await;
    let dir = tempfile::tempdir().unwrap();
    let (_, big, job) = env.start_upload(dir.path(), "download source", 5).await;
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);

    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("back.img");
    std::fs::write(&target, b"the previous file").unwrap();
    let job = env.service.download_drive(&env.cs, &big, &target, None).await.unwrap();
    env.service.cancel_job(&job.id).unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Cancelled);
    assert_eq!(
        std::fs::read(&target).unwrap(),
        b"the previous file",
        "a cancelled download leaves the target as it was"
    );
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, [std::ffi::OsString::from("back.img")], "no partial file left beside it");

    let fresh = out.path().join("fresh.img");
    let job = env.service.download_drive(&env.cs, &big, &fresh, None).await.unwrap();
    env.service.cancel_job(&job.id).unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Cancelled);
    assert!(!fresh.exists(), "a cancelled download creates no file under the chosen name");

    let elsewhere = dir.path().join("elsewhere");
    std::fs::write(&elsewhere, b"not yours").unwrap();
    let link = out.path().join("link.img");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let job = env.service.download_drive(&env.cs, &big, &link, Some(1 << 20)).await.unwrap();
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Succeeded, "{:?}", done.error);
    assert_eq!(std::fs::read(&elsewhere).unwrap(), b"not yours", "the file the link pointed at is not written");
    assert!(!std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link itself was replaced");
    assert_eq!(std::fs::read(&link).unwrap(), pattern(40 << 20, 5)[..1 << 20]);
}

#[tokio::test]
async fn vlans_are_listed_created_and_renamed() {
    let env = Env::new().await;
    let vlans = env.service.vlans(&env.cs).await.unwrap();
    assert_eq!(vlans.len(), 1);
    assert_eq!((vlans[0].id.as_str(), vlans[0].name.as_str()), (DOC_VLAN, "My VLAN"));
    let made = env.service.create_vlan(&env.cs, "backend").await.unwrap();
    assert_eq!(made.name, "backend");
    let renamed = env.service.rename_vlan(&env.cs, &made.id, "backend net").await.unwrap();
    assert_eq!(renamed.name, "backend net");
    let names: Vec<_> = env.service.vlans(&env.cs).await.unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(names, ["My VLAN", "backend net"]);
    assert_eq!(env.service.create_vlan(&env.cs, " ").await.unwrap_err().fields[0].field, "name");
}

#[tokio::test]
async fn static_ips_are_listed_created_and_destroyed() {
    let env = Env::new().await;
    let ips = env.service.static_ips(&env.cs).await.unwrap();
    let ip = ips.iter().find(|i| i.ip == "91.203.56.71").unwrap();
    assert_eq!((ip.netmask.as_deref(), ip.gateway.as_deref()), (Some("255.255.255.0"), Some("91.203.56.1")));
    let named = ips.iter().find(|i| i.ip == "178.22.67.72").unwrap();
    assert_eq!(named.nameservers, ["178.22.66.167", "178.22.64.25"]);
    let made = env.service.create_static_ip(&env.cs).await.unwrap();
    assert!(env.service.static_ips(&env.cs).await.unwrap().iter().any(|i| i.ip == made.ip));
    env.service.destroy_static_ip(&env.cs, &made.ip).await.unwrap();
    assert!(!env.service.static_ips(&env.cs).await.unwrap().iter().any(|i| i.ip == made.ip));
    assert_eq!(env.service.destroy_static_ip(&env.cs, "91.203.56").await.unwrap_err().fields[0].field, "ip");
}

#[tokio::test]
async fn server_groups_are_created_filled_started_stopped_and_destroyed() {
    let env = Env::new().await;
    let groups = env.service.server_groups(&env.cs).await.unwrap();
    let db = groups.iter().find(|g| g.id == DOC_GROUP).unwrap();
    assert_eq!((db.name.as_str(), db.description.as_str()), ("Database servers", "all kind of database servers"));

    let g = env.service.create_server_group(&env.cs, "web").await.unwrap();
    assert_eq!(g.name, "web");
    env.service.rename_server_group(&env.cs, &g.id, "web servers").await.unwrap();
    let a = env.service.clone_server(&env.cs, NODE003, "grp a").await.unwrap().id;
    let b = env.service.clone_server(&env.cs, NODE003, "grp b").await.unwrap().id;
    let members = env.service.group_members(&env.cs, &g.id, &[a.clone(), b.clone()], true).await.unwrap();
    assert_eq!(members, [a.clone(), b.clone()]);
    let members = env.service.group_members(&env.cs, &g.id, std::slice::from_ref(&a), false).await.unwrap();
    assert_eq!(members, std::slice::from_ref(&b));
    assert_eq!(env.service.group_power(&env.cs, &g.id, PowerAction::Stop).await.unwrap(), std::slice::from_ref(&b));
    assert_eq!(env.service.server(&env.cs, &b).await.unwrap().status, Status::Stopped);
    assert_eq!(env.service.server(&env.cs, &a).await.unwrap().status, Status::Running, "not in the group any more");
    env.service.group_power(&env.cs, &g.id, PowerAction::Start).await.unwrap();
    assert_eq!(env.service.server(&env.cs, &b).await.unwrap().status, Status::Running);
    let renamed = env.service.server_groups(&env.cs).await.unwrap().into_iter().find(|x| x.id == g.id).unwrap();
    assert_eq!(renamed.name, "web servers");
    env.service.destroy_server_group(&env.cs, &g.id).await.unwrap();
    assert!(!env.service.server_groups(&env.cs).await.unwrap().iter().any(|x| x.id == g.id));
    assert_eq!(
        env.service.group_power(&env.cs, DOC_GROUP, PowerAction::Reboot).await.unwrap_err().fields[0].field,
        "action"
    );
}

#[tokio::test]
async fn the_profile_is_shown_without_its_secret_key_and_a_bad_email_is_refused() {
    let env = Env::new().await;
    let fields = env.service.profile(&env.cs).await.unwrap();
    let value = |fields: &[vpsdesk_core::capabilities::account::profile::ProfileField], k: &str| {
        fields.iter().find(|f| f.key == k).map(|f| f.value.clone())
    };
    assert_eq!(value(&fields, "email").as_deref(), Some("foo.bar@example.com"));
    assert_eq!(value(&fields, "nick_name").as_deref(), Some("FooBar"));
    let shown = serde_json::to_string(&fields).unwrap();
    assert!(!shown.contains("Fvsnn7SFuUa3U3VxvFJfgK7c4FPCFDBc4hevBfmm") && !shown.contains("secret_key"), "{shown}");

    let change = |k: &str, v: &str| ProfileChange { key: k.into(), value: v.into() };
    let before = env.requests();
    assert_eq!(
        env.service.set_profile(&env.cs, &[change("email", "no-at-sign")]).await.unwrap_err().fields[0].field,
        "email"
    );
    assert_eq!(env.requests(), before + 1, "only the read of the current profile went out");
}
