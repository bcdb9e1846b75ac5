//! What the app keeps between commands: the core's `AppService`, what the startup
//! checks found, and the embedded sandbox when the demo is on.

use std::sync::OnceLock;

use serde::Serialize;
use tokio::sync::{watch, Mutex};
use ts_rs::TS;
use vpsdesk_core::accounts::AccountStore;
use vpsdesk_core::http::Http;
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::secret::{Keychain, Secret};
use vpsdesk_core::{AppService, Error, NewAccount, Result};
use vpsdesk_sandbox::Sandbox;

use crate::files::Files;
use crate::notices::Notifier;
use crate::preferences::PreferenceFile;

#[derive(Clone, Debug, Serialize, TS)]
pub struct KeychainStatus {
    pub ok: bool,
    pub message: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AppStatus {
    pub keychain: KeychainStatus,
    pub store_warning: Option<String>,
    pub demo_running: bool,
    pub account_count: u32,
}

pub struct AppState {
    pub service: AppService,
    /// The native file dialogs: the only way a command learns a path.
    pub files: Files,
    pub notifier: Notifier,
    pub preferences: PreferenceFile,
    keychain: OnceLock<KeychainStatus>,
    store_warning: std::sync::Mutex<Option<String>>,
    sandbox: Mutex<Option<Sandbox>>,
    /// Set once `finish_start` is done; every command waits for it.
    started: watch::Sender<bool>,
}

impl AppState {
    /// What the window needs before its first frame, and nothing slower:
    /// the keychain probe (a D-Bus round trip) and the demo sandbox wait for
    /// `finish_start`, which runs once the window is up.
    pub fn new(files: Files, notifier: Notifier, preferences: PreferenceFile) -> AppState {
        // With no home folder the app still starts and shows why (through
        // the load in `finish_start`); it never keeps accounts in the
        // current folder.
        let store = AccountStore::default_location().unwrap_or_else(AccountStore::unavailable);
        AppState {
            service: AppService::new(store, Keychain::default(), Http::default()),
            files,
            notifier,
            keychain: OnceLock::new(),
            store_warning: std::sync::Mutex::new(preferences.warning.clone()),
            preferences,
            sandbox: Mutex::new(None),
            started: watch::Sender::new(false),
        }
    }

    /// Probes the keychain, loads the accounts (reporting a corrupt file),
    /// and brings the demo sandbox back if demo accounts exist — or starts
    /// the demo when `VPSDESK_DEMO=1` and there are no accounts at all.
    pub async fn finish_start(&self) {
        // A blocking D-Bus call: kept off the async workers.
        let probe = tokio::task::spawn_blocking(|| Keychain::default().probe()).await;
        let probe = match probe {
            Ok(Ok(())) => KeychainStatus { ok: true, message: None },
            Ok(Err(e)) => KeychainStatus { ok: false, message: Some(e.message) },
            Err(e) => KeychainStatus { ok: false, message: Some(format!("the keychain check did not finish: {e}")) },
        };
        self.keychain.get_or_init(|| probe);
        let accounts = match self.service.load() {
            Ok(l) => {
                if let Some(w) = l.warning {
                    self.warn(w);
                }
                l.accounts
            }
            Err(e) => {
                self.warn(e.message);
                Vec::new()
            }
        };
        let want_demo = std::env::var("VPSDESK_DEMO").is_ok_and(|v| v == "1") && accounts.is_empty();
        if accounts.iter().any(|a| a.demo) || want_demo {
            if let Err(e) = self.start_demo().await {
                tracing::warn!("demo sandbox: {}", e.message);
                self.warn(format!("The demo could not start: {}", e.message));
            }
        }
        self.started.send_replace(true);
    }

    /// Returns once `finish_start` is done, at once after that.
    pub async fn started(&self) {
        let mut rx = self.started.subscribe();
        // The sender lives as long as the state, so this cannot fail.
        let _ = rx.wait_for(|done| *done).await;
    }

    /// Adds to what the start found wrong with the files (accounts,
    /// preferences, demo).
    fn warn(&self, message: String) {
        let mut warning = self.store_warning.lock().expect("warning lock");
        *warning = Some(match warning.take() {
            Some(before) => format!("{before} {message}"),
            None => message,
        });
    }

    pub async fn status(&self) -> AppStatus {
        let demo_running = self.sandbox.lock().await.is_some();
        AppStatus {
            keychain: self.keychain.get().cloned().expect("the keychain is probed before any command answers"),
            store_warning: self.store_warning.lock().expect("warning lock").clone(),
            demo_running,
            account_count: self.service.accounts().map(|a| a.len() as u32).unwrap_or(0),
        }
    }

    /// The first simulator's port in the demo accounts' endpoints, if any.
    fn previous_demo_port(&self) -> Option<u16> {
        let accounts = self.service.accounts().ok()?;
        let vultr = accounts.iter().find(|a| a.demo && a.provider == ProviderKind::Vultr)?;
        let endpoint = vultr.endpoint.as_deref()?;
        endpoint.rsplit(':').next()?.parse().ok()
    }

    /// Starts the embedded sandbox on loopback (once), points existing demo
    /// accounts at it and adds the missing ones, secrets in the keychain.
    pub async fn start_demo(&self) -> Result<()> {
        let mut guard = self.sandbox.lock().await;
        if guard.is_none() {
            // The ports of the last run first, so that accounts a user pointed
            // at the demo by hand keep working after a restart.
            let previous = self.previous_demo_port();
            // `make bench` (tests/bench_table.py) loads a large fleet this way.
            let extra_servers =
                std::env::var("VPSDESK_DEMO_EXTRA_SERVERS").ok().and_then(|n| n.parse().ok()).unwrap_or(0);
            let options = vpsdesk_sandbox::Options { extra_servers, ..Default::default() };
            let again = match previous {
                Some(port) => Sandbox::start(vpsdesk_sandbox::Options { port: Some(port), ..options }).await.ok(),
                None => None,
            };
            let sandbox = match again {
                Some(s) => s,
                None => Sandbox::start(options)
                    .await
                    .map_err(|e| Error::provider(format!("cannot start the demo sandbox on loopback: {e}")))?,
            };
            *guard = Some(sandbox);
        }
        let sandbox = guard.as_ref().expect("sandbox started");
        self.service.set_demo_endpoints(|p| sandbox.endpoint(p))?;
        let existing = self.service.accounts()?;
        for demo in vpsdesk_sandbox::demo_accounts() {
            if existing.iter().any(|a| a.demo && a.provider == demo.provider) {
                continue;
            }
            let new = NewAccount {
                provider: demo.provider,
                name: demo.name.to_string(),
                endpoint: sandbox.endpoint(demo.provider),
                username: demo.username.map(str::to_string),
                region: demo.region.map(str::to_string),
                secret: Secret::new(demo.secret),
                verify: false,
            };
            self.service.add_account(new, true).await?;
        }
        Ok(())
    }
}
