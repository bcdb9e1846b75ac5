//! Setup shared by the integration tests that drive one provider's demo
//! account: through the `AppService` (`DemoService`: real HTTP to the sandbox, real
//! keychain), or through the provider's client alone (`DemoClient`: no
//! service, no keychain).
#![allow(dead_code)] // each test file uses its own part

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use vpsdesk_core::accounts::{Account, AccountStore};
use vpsdesk_core::capabilities::{Api, Capability};
use vpsdesk_core::http::{Http, HttpConfig};
use vpsdesk_core::model::{CreateServer, ProviderKind};
use vpsdesk_core::provider::Compute;
use vpsdesk_core::providers;
use vpsdesk_core::secret::{Keychain, Secret};
use vpsdesk_core::{AppService, NewAccount};
use vpsdesk_sandbox::{Options, Provider, Sandbox};

pub struct DemoService {
    pub sandbox: Sandbox,
    pub service: AppService,
    pub account: Account,
    _dir: tempfile::TempDir,
}

/// How long the simulators' transient states (jobs, boots) last and how
/// long one request may take.
pub struct Timing {
    pub transition_ms: u64,
    pub total_timeout: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing { transition_ms: 500, total_timeout: Duration::from_secs(5) }
    }
}

impl DemoService {
    /// A sandbox, a service with a private account file and keychain service,
    /// and `provider`'s demo account added to it.
    pub async fn new(provider: Provider, keychain_service: &str) -> DemoService {
        DemoService::with_timing(provider, keychain_service, Timing::default()).await
    }

    pub async fn with_timing(provider: Provider, keychain_service: &str, timing: Timing) -> DemoService {
        let sandbox =
            Sandbox::start(Options { transition_ms: timing.transition_ms, ..Options::default() }).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let http = test_http(Duration::from_secs(5), timing.total_timeout, 1);
        let service = private_service(dir.path(), keychain_service, http);
        let account = add_demo(&service, &sandbox, provider).await;
        DemoService { sandbox, service, account, _dir: dir }
    }

    /// Adds `provider`'s demo account to the same service, beside the first.
    pub async fn add(&self, provider: Provider) -> Account {
        add_demo(&self.service, &self.sandbox, provider).await
    }
}

/// A service with its account file in `dir` and its secrets under their own
/// keychain service name, so tests never touch the user's.
pub fn private_service(dir: &Path, keychain_service: &str, http: Http) -> AppService {
    AppService::new(AccountStore::at(dir.join("accounts.json")), Keychain::with_service(keychain_service), http)
}

/// A Vultr account at an address nothing answers on (the discard port),
/// saved without checking: for what the service does with any account.
pub fn unverified_vultr(name: &str, secret: &str) -> NewAccount {
    NewAccount {
        provider: ProviderKind::Vultr,
        name: name.into(),
        endpoint: Some("http://127.0.0.1:9".into()),
        username: None,
        region: None,
        secret: Secret::new(secret),
        verify: false,
    }
}

/// Adds `provider`'s demo account on `sandbox`, unverified.
pub async fn add_demo(service: &AppService, sandbox: &Sandbox, provider: Provider) -> Account {
    let demo = vpsdesk_sandbox::demo_accounts().into_iter().find(|d| d.provider == provider).unwrap();
    let new = NewAccount {
        provider,
        name: demo.name.into(),
        endpoint: sandbox.endpoint(provider),
        username: demo.username.map(str::to_string),
        region: demo.region.map(str::to_string),
        secret: Secret::new(demo.secret),
        verify: false,
    };
    service.add_account(new, true).await.unwrap()
}

/// The keychain entries are the machine's own: leave none behind.
impl Drop for DemoService {
    fn drop(&mut self) {
        for a in self.service.accounts().unwrap_or_default() {
            let _ = self.service.remove_account(&a.id);
        }
    }
}

pub struct DemoClient {
    pub sandbox: Sandbox,
    pub provider: Provider,
    pub account: Account,
    pub secret: &'static str,
    pub username: Option<&'static str>,
    pub client: Arc<dyn Compute>,
}

impl DemoClient {
    /// A sandbox whose transient states last 150 ms and a client for
    /// `provider`'s demo account on it.
    pub async fn new(provider: Provider) -> DemoClient {
        DemoClient::start(provider, Options { transition_ms: 150, ..Options::default() }).await
    }

    pub async fn start(provider: Provider, options: Options) -> DemoClient {
        let sandbox = Sandbox::start(options).await.unwrap();
        let demo = vpsdesk_sandbox::demo_accounts().into_iter().find(|d| d.provider == provider).expect("demo account");
        let account = Account {
            id: format!("demo-{}", provider.id()),
            name: demo.name.to_string(),
            provider,
            endpoint: sandbox.endpoint(provider),
            username: demo.username.map(str::to_string),
            region: demo.region.map(str::to_string),
            demo: true,
        };
        let client =
            providers::connect(&account, Secret::new(demo.secret), &client_http(Duration::from_secs(5))).unwrap();
        DemoClient { sandbox, provider, account, secret: demo.secret, username: demo.username, client }
    }
}

/// Fails naming the first of `wanted` that the `provider` account of
/// `service` does not declare among its tabs and pages.
pub fn assert_offers(service: &AppService, provider: ProviderKind, wanted: &[Capability]) {
    let offered = tabs_and_pages(service, provider);
    for extra in wanted {
        assert!(offered.contains(extra), "{extra:?}");
    }
}

/// An order for a server sized by a plan, as the plan-based providers take it.
pub fn plan_order(name: &str, plan: &str, image: &str, region: &str) -> CreateServer {
    CreateServer {
        name: name.into(),
        plan: Some(plan.into()),
        image: Some(image.into()),
        region: Some(region.into()),
        ..CreateServer::default()
    }
}

/// The tests' HTTP stack: short backoffs, so the retries they cause stay quick.
pub fn test_http(connect_timeout: Duration, total_timeout: Duration, max_retries: u32) -> Http {
    Http::new(HttpConfig {
        connect_timeout,
        total_timeout,
        max_retries,
        backoff_base: Duration::from_millis(20),
        backoff_cap: Duration::from_millis(100),
        max_retry_after: Duration::from_secs(2),
        max_body: vpsdesk_core::http::API_BODY_LIMIT,
    })
}

/// The clients' HTTP stack: `timeout` to connect and for the whole request,
/// reads retried 3 times.
pub fn client_http(timeout: Duration) -> Http {
    test_http(timeout, timeout, 3)
}

/// What the `provider` account of `service` declares beyond server power,
/// billing, tickets and DNS: the server tabs and account pages it gets.
pub fn tabs_and_pages(service: &AppService, provider: ProviderKind) -> Vec<Capability> {
    let view = service.account_views().unwrap().into_iter().find(|a| a.provider == provider).unwrap();
    view.capabilities
        .into_iter()
        .filter(|c| !matches!(c.api(), Api::Compute | Api::Billing | Api::Tickets | Api::Dns))
        .collect()
}
