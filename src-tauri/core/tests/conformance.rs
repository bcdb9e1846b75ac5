//! One generic suite of provider cases, run against every provider's
//! simulator (rclone-style): whatever a provider's wire format, the client
//! must behave the same through the `Compute` trait.

use std::sync::Arc;
use std::time::{Duration, Instant};

use vpsdesk_core::accounts::Account;
use vpsdesk_core::capabilities;
use vpsdesk_core::http::Http;
use vpsdesk_core::model::{Capability, CreateServer, PowerAction, Server, Status};
use vpsdesk_core::provider::Compute;
use vpsdesk_core::providers::{self, Sizing};
use vpsdesk_core::secret::Secret;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::{Faults, Options, Provider, Sandbox};

mod common;
use common::{client_http, DemoClient};

struct Env {
    sandbox: Sandbox,
    provider: Provider,
    account: Account,
    secret: &'static str,
    client: Arc<dyn Compute>,
}

fn http(total_timeout_ms: u64) -> Http {
    client_http(Duration::from_millis(total_timeout_ms))
}

impl Env {
    async fn new(provider: Provider) -> Env {
        Env::with(provider, false).await
    }

    async fn with(provider: Provider, empty: bool) -> Env {
        let options = Options { transition_ms: 150, empty, ..Options::default() };
        let DemoClient { sandbox, provider, account, secret, client, .. } = DemoClient::start(provider, options).await;
        Env { sandbox, provider, account, secret, client }
    }

    fn client_with(&self, secret: &str, timeout_ms: u64) -> Arc<dyn Compute> {
        providers::connect(&self.account, Secret::new(secret), &http(timeout_ms)).unwrap()
    }

    fn declares(&self, c: Capability) -> bool {
        capabilities::of(&self.account).contains(c)
    }

    fn faults(&self, f: Faults) {
        self.sandbox.set_faults(self.provider, f);
    }

    fn request_count(&self) -> usize {
        self.sandbox.requests(self.provider).len()
    }

    async fn find(&self, status: Status) -> Server {
        let servers = self.client.list_servers().await.unwrap();
        servers
            .into_iter()
            .find(|s| s.status == status)
            .unwrap_or_else(|| panic!("the {} seed has no {status:?} server", self.provider.id()))
    }

    /// Polls until the server reaches `want` (the simulators finish
    /// transitions after 150 ms).
    async fn wait_for(&self, id: &str, want: Status) -> Server {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.client.get_server(id).await.unwrap();
            if s.status == want {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "server {id} stuck in {:?} ({}), wanted {want:?}",
                s.status,
                s.provider_status
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn create_request(&self, name: &str) -> CreateServer {
        let region = self.client.regions().await.unwrap().into_iter().next().map(|r| r.id);
        let image = self.client.images(region.as_deref()).await.unwrap().into_iter().next().map(|i| i.id);
        let info = providers::info(self.account.provider);
        let (plan, cpu_mhz, mem_mb) = match info.sizing {
            Sizing::Plans => {
                let plans = self.client.plans(region.as_deref()).await.unwrap();
                (Some(plans.first().expect("a plan in the first region").id.clone()), None, None)
            }
            Sizing::Free => (None, Some(1000), Some(1024)),
        };
        CreateServer { name: name.to_string(), plan, image, region, cpu_mhz, mem_mb, ..CreateServer::default() }
    }
}

async fn verify_and_bad_credentials(env: Env) {
    env.client.verify().await.unwrap();
    let wrong = format!("{}-wrong", env.secret);
    let e = env.client_with(&wrong, 5_000).verify().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{}", e.message);
    assert!(!e.message.contains(&wrong), "the secret leaked into {:?}", e.message);
    let e = env.client_with(&wrong, 5_000).list_servers().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
}

async fn list(env: Env) {
    let servers = env.client.list_servers().await.unwrap();
    assert!(servers.len() >= 3, "the seed has several servers");
    let mut ids: Vec<_> = servers.iter().map(|s| s.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), servers.len(), "ids are unique");
    for s in &servers {
        assert!(!s.id.is_empty() && !s.name.is_empty() && !s.provider_status.is_empty(), "{s:?}");
    }
    assert!(servers.iter().any(|s| s.status == Status::Running));
    assert!(servers.iter().any(|s| s.status == Status::Stopped));
    assert!(servers.iter().all(|s| s.status != Status::Unknown), "every seeded state maps to a known status");
}

/// The servers table's rows are the list without its details, whichever
/// way a provider reads them. Listed before and after the rows: a seeded
/// server may finish setting up in between, and the rows match one of them.
async fn rows(env: Env) {
    let listed = || async {
        let servers = env.client.list_servers().await.unwrap();
        assert!(servers.iter().any(|s| !s.details.is_empty()), "the list has details to leave out");
        servers.into_iter().map(|s| Server { details: Vec::new(), ..s }).collect::<Vec<_>>()
    };
    let before = listed().await;
    let rows = env.client.list_rows().await.unwrap();
    let after = listed().await;
    assert!(rows == before || rows == after, "rows {rows:?}\nlist before {before:?}\nlist after {after:?}");
}

async fn show(env: Env) {
    let first = env.client.list_servers().await.unwrap().remove(0);
    let shown = env.client.get_server(&first.id).await.unwrap();
    assert_eq!(shown.id, first.id);
    assert_eq!(shown.name, first.name);
    assert_eq!(shown.status, first.status);
    assert!(!shown.details.is_empty(), "show gives the provider's details");
    let e = env.client.get_server("999999").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound, "{}", e.message);
}

async fn stop(env: Env) {
    let s = env.find(Status::Running).await;
    env.client.power(&s.id, PowerAction::Stop).await.unwrap();
    env.wait_for(&s.id, Status::Stopped).await;
}

async fn force_stop(env: Env) {
    if !env.declares(Capability::ForceStop) {
        return;
    }
    let s = env.find(Status::Running).await;
    env.client.power(&s.id, PowerAction::ForceStop).await.unwrap();
    env.wait_for(&s.id, Status::Stopped).await;
}

async fn start(env: Env) {
    let s = env.find(Status::Stopped).await;
    env.client.power(&s.id, PowerAction::Start).await.unwrap();
    env.wait_for(&s.id, Status::Running).await;
}

async fn reboot(env: Env) {
    let s = env.find(Status::Running).await;
    env.client.power(&s.id, PowerAction::Reboot).await.unwrap();
    env.wait_for(&s.id, Status::Running).await;
}

async fn create_rename_delete(env: Env) {
    let req = env.create_request("conformance-box").await;
    let created = env.client.create_server(&req).await.unwrap();
    assert_eq!(created.name, "conformance-box");
    assert!(env.client.list_servers().await.unwrap().iter().any(|s| s.id == created.id));
    let running = env.wait_for(&created.id, Status::Running).await;
    assert!(!running.ipv4.is_empty(), "an installed server has an address");

    if env.declares(Capability::Rename) {
        env.client.rename_server(&created.id, "renamed-box").await.unwrap();
        assert_eq!(env.client.get_server(&created.id).await.unwrap().name, "renamed-box");
    }

    if !env.declares(Capability::DeleteRunning) {
        env.client.power(&created.id, PowerAction::ForceStop).await.unwrap();
        env.wait_for(&created.id, Status::Stopped).await;
    }
    env.client.delete_server(&created.id).await.unwrap();
    assert!(!env.client.list_servers().await.unwrap().iter().any(|s| s.id == created.id));
    assert_eq!(env.client.get_server(&created.id).await.unwrap_err().kind, ErrorKind::NotFound);
}

async fn empty_list(provider: Provider) {
    let env = Env::with(provider, true).await;
    assert_eq!(env.client.list_servers().await.unwrap(), Vec::new());
    assert_eq!(env.client.list_rows().await.unwrap(), Vec::new());
}

/// A power action on a server that cannot take it (suspended, or still
/// being set up) is refused as `invalid_state`, in words.
async fn wrong_state(env: Env) {
    let servers = env.client.list_servers().await.unwrap();
    let stuck = servers
        .iter()
        .find(|s| matches!(s.status, Status::Suspended | Status::Pending))
        .expect("the seed has a suspended or pending server");
    let e = env.client.power(&stuck.id, PowerAction::Start).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidState, "{}", e.message);
    if !env.declares(Capability::DeleteRunning) {
        let running = servers.iter().find(|s| s.status == Status::Running).unwrap();
        let e = env.client.delete_server(&running.id).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidState, "{}", e.message);
    }
}

async fn malformed_body(env: Env) {
    env.faults(Faults { malformed: true, ..Faults::default() });
    let e = env.client.list_servers().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Provider, "{}", e.message);
}

async fn server_error_500_on_a_post_is_not_retried(env: Env) {
    let s = env.find(Status::Running).await;
    env.faults(Faults { fail_status: Some(500), ..Faults::default() });
    let before = env.request_count();
    let e = env.client.power(&s.id, PowerAction::Reboot).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Provider, "{}", e.message);
    assert_eq!(env.request_count() - before, 1, "the POST was sent once");
}

async fn catalog(env: Env) {
    let regions = env.client.regions().await.unwrap();
    let images = env.client.images(None).await.unwrap();
    let all = env.client.plans(None).await.unwrap();
    assert!(!regions.is_empty() && !images.is_empty() && !all.is_empty());
    for r in &regions {
        let here = env.client.plans(Some(&r.id)).await.unwrap();
        assert!(here.iter().all(|p| all.iter().any(|q| q.id == p.id)), "region {} offers unknown plans", r.id);
        let offered = env.client.images(Some(&r.id)).await.unwrap();
        assert!(!offered.is_empty(), "region {} offers no image to create with", r.id);
        assert!(offered.iter().all(|i| images.iter().any(|j| j.id == i.id)), "region {} offers unknown images", r.id);
    }
}

async fn server_error_500(env: Env) {
    env.faults(Faults { fail_status: Some(500), ..Faults::default() });
    let before = env.request_count();
    let e = env.client.list_servers().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Provider, "{}", e.message);
    assert!(e.message.contains("500"), "{}", e.message);
    assert_eq!(env.request_count() - before, 1, "a 500 is not retried");
}

async fn unavailable_503_with_retry_after(env: Env) {
    // A paginated list takes one request per page: measure it unfaulted first.
    let before = env.request_count();
    env.client.list_servers().await.unwrap();
    let per_list = env.request_count() - before;
    env.faults(Faults { fail_status: Some(503), fail_count: Some(1), retry_after: Some(1), ..Faults::default() });
    let before = env.request_count();
    let started = Instant::now();
    let servers = env.client.list_servers().await.unwrap();
    assert!(!servers.is_empty());
    assert_eq!(env.request_count() - before, per_list + 1, "one 503, then the retry");
    assert!(started.elapsed() >= Duration::from_millis(900), "Retry-After was honoured");

    // A write that may have reached the provider is never repeated blindly.
    let s = servers.iter().find(|s| s.status == Status::Running).unwrap();
    env.faults(Faults { fail_status: Some(503), fail_count: Some(1), retry_after: Some(1), ..Faults::default() });
    let before = env.request_count();
    let e = env.client.power(&s.id, PowerAction::Reboot).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unreachable, "{}", e.message);
    assert_eq!(env.request_count() - before, 1, "the POST was sent once");
}

async fn rate_limited_beyond_budget(env: Env) {
    env.faults(Faults { fail_status: Some(429), retry_after: Some(60), ..Faults::default() });
    let e = env.client.list_servers().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::RateLimited, "{}", e.message);
    assert!(e.message.contains("60"), "says when to retry: {}", e.message);
}

async fn timeout(env: Env) {
    env.faults(Faults { hang: true, ..Faults::default() });
    let started = Instant::now();
    let e = env.client_with(env.secret, 600).list_servers().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout, "{}", e.message);
    assert!(started.elapsed() < Duration::from_secs(5), "timeouts are bounded, retries included");
}

async fn unreachable(env: Env) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut account = env.account.clone();
    account.endpoint = Some(format!("http://127.0.0.1:{port}"));
    let client = providers::connect(&account, Secret::new(env.secret), &http(1_000)).unwrap();
    let e = client.list_servers().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unreachable, "{}", e.message);
    assert!(!e.message.contains(env.secret));
}

macro_rules! conformance {
    ($($module:ident => $provider:expr),* $(,)?) => {$(
        mod $module {
            use super::*;
            async fn env() -> Env { Env::new($provider).await }
            #[tokio::test] async fn verify_and_bad_credentials() { super::verify_and_bad_credentials(env().await).await }
            #[tokio::test] async fn list() { super::list(env().await).await }
            #[tokio::test] async fn rows() { super::rows(env().await).await }
            #[tokio::test] async fn show() { super::show(env().await).await }
            #[tokio::test] async fn stop() { super::stop(env().await).await }
            #[tokio::test] async fn force_stop() { super::force_stop(env().await).await }
            #[tokio::test] async fn start() { super::start(env().await).await }
            #[tokio::test] async fn reboot() { super::reboot(env().await).await }
            #[tokio::test] async fn create_rename_delete() { super::create_rename_delete(env().await).await }
            #[tokio::test] async fn empty_list() { super::empty_list($provider).await }
            #[tokio::test] async fn wrong_state() { super::wrong_state(env().await).await }
            #[tokio::test] async fn malformed_body() { super::malformed_body(env().await).await }
            #[tokio::test] async fn server_error_500_on_a_post_is_not_retried() { super::server_error_500_on_a_post_is_not_retried(env().await).await }
            #[tokio::test] async fn catalog() { super::catalog(env().await).await }
            #[tokio::test] async fn server_error_500() { super::server_error_500(env().await).await }
            #[tokio::test] async fn unavailable_503_with_retry_after() { super::unavailable_503_with_retry_after(env().await).await }
            #[tokio::test] async fn rate_limited_beyond_budget() { super::rate_limited_beyond_budget(env().await).await }
            #[tokio::test] async fn timeout() { super::timeout(env().await).await }
            #[tokio::test] async fn unreachable() { super::unreachable(env().await).await }
        }
    )*

        /// The providers the suite above runs against.
        const RUNS: &[Provider] = &[$($provider),*];
    };
}

conformance! {
    vultr => Provider::Vultr,
    vpsnet => Provider::Vpsnet,
    vps247 => Provider::Vps247,
    vpsorg => Provider::Vpsorg,
    cloudsigma => Provider::Cloudsigma,
}

#[test]
fn every_registered_provider_has_a_conformance_run() {
    for d in &providers::REGISTRY {
        assert!(RUNS.contains(&d.kind), "{} is registered but has no conformance run: add it to conformance!", d.id());
    }
    assert_eq!(RUNS.len(), providers::REGISTRY.len(), "one run per provider");
}
