//! Setup shared by the integration tests that drive one provider's demo
//! account through the `Desk` (real HTTP to the sandbox, real keychain).

use std::time::Duration;

use vpsdesk_core::accounts::{Account, AccountStore};
use vpsdesk_core::http::{Http, HttpConfig};
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::secret::{Keychain, Secret};
use vpsdesk_core::{Desk, NewAccount};
use vpsdesk_sandbox::{Options, Provider, Sandbox};

pub struct DemoDesk {
    pub sandbox: Sandbox,
    pub desk: Desk,
    pub account: Account,
    _dir: tempfile::TempDir,
}

impl DemoDesk {
    /// A sandbox, a desk with a private account file and keychain service,
    /// and `provider`'s demo account added to it.
    pub async fn new(provider: Provider, keychain_service: &str) -> DemoDesk {
        let sandbox = Sandbox::start(Options { transition_ms: 500, ..Options::default() }).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let http = Http::new(HttpConfig {
            connect_timeout: Duration::from_secs(5),
            total_timeout: Duration::from_secs(5),
            max_retries: 1,
            backoff_base: Duration::from_millis(20),
            backoff_cap: Duration::from_millis(100),
            max_retry_after: Duration::from_secs(2),
        });
        let desk = Desk::new(AccountStore::at(dir.path().join("accounts.json")), Keychain::with_service(keychain_service), http);
        let demo = vpsdesk_sandbox::demo_accounts().into_iter().find(|d| d.provider == provider).unwrap();
        let new = NewAccount {
            provider: ProviderKind::parse(provider.id()).unwrap(),
            name: demo.name.into(),
            endpoint: sandbox.endpoint(provider),
            username: demo.username.map(str::to_string),
            region: demo.region.map(str::to_string),
            secret: Secret::new(demo.secret),
            verify: false,
        };
        let account = desk.add_account(new, true).await.unwrap();
        DemoDesk { sandbox, desk, account, _dir: dir }
    }
}

/// The keychain entries are the machine's own: leave none behind.
impl Drop for DemoDesk {
    fn drop(&mut self) {
        for a in self.desk.accounts().unwrap_or_default() {
            let _ = self.desk.remove_account(&a.id);
        }
    }
}
