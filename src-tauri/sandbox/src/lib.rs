//! Stateful loopback simulators of the providers' HTTP APIs.
//!
//! The demo mode and every test talk to these instead of the real providers.
//! Each provider gets its own listener because several providers use the same
//! paths (`/virtual_machines`, …) and so need separate origins.

// Handlers answer a refused request with the `Response` itself (axum's
// idiom); its size does not matter on a loopback simulator.
#![allow(clippy::result_large_err)]

mod cloudsigma;
mod common;
mod registry;
mod vps247;
mod vpsnet;
mod vpsorg;
mod vultr;

use std::collections::HashMap;
use std::io;
use std::time::Duration;

pub use common::{Faults, LoggedRequest, REQUEST_LOG_LIMIT};

use common::{Listener, Settings};

/// The core's provider kind: the simulators are keyed by the enum the
/// clients are, so `registry.rs` does not compile until every registered
/// provider has a simulator.
pub use vpsdesk_core::model::ProviderKind;
/// The short name the tests use for it.
pub use vpsdesk_core::model::ProviderKind as Provider;

/// Credentials the simulator of `provider` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    pub provider: ProviderKind,
    pub name: &'static str,
    pub username: Option<&'static str>,
    pub secret: &'static str,
    pub region: Option<&'static str>,
}

/// One account per provider, in `ProviderKind::ALL` order.
pub fn demo_accounts() -> Vec<DemoAccount> {
    ProviderKind::ALL.into_iter().map(|p| registry::implementation(p).demo).collect()
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Added to every provider response.
    pub latency_ms: u64,
    /// How long transient states (installing, booting, pending snapshot) last.
    pub transition_ms: u64,
    /// Port of the first provider; the others follow on consecutive ports.
    /// `None` picks free ports.
    pub port: Option<u16>,
    /// Start every simulator with no servers.
    pub empty: bool,
    /// Generated servers added to the Vultr simulator's seed (deterministic
    /// names, addresses and states), to measure the app with a large fleet.
    pub extra_servers: u32,
    /// Serves `/__sandbox/{requests,faults,reset}`, which let anyone who can
    /// reach the port read the request log, inject faults and wipe state. On
    /// for tests and the standalone binary only: the app's demo leaves it off
    /// so other local processes cannot drive the simulators it points at.
    pub admin: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { latency_ms: 0, transition_ms: 1500, port: None, empty: false, extra_servers: 0, admin: false }
    }
}

/// The running simulators; dropping it stops them.
pub struct Sandbox {
    listeners: HashMap<ProviderKind, Listener>,
}

impl Sandbox {
    /// Binds 127.0.0.1, one listener per provider.
    pub async fn start(opts: Options) -> io::Result<Sandbox> {
        let settings = Settings {
            latency: Duration::from_millis(opts.latency_ms),
            transition: Duration::from_millis(opts.transition_ms),
            empty: opts.empty,
            extra_servers: opts.extra_servers,
            admin: opts.admin,
        };
        let mut listeners = HashMap::new();
        for provider in ProviderKind::ALL {
            let imp = registry::implementation(provider);
            let port = match opts.port {
                None => 0,
                Some(first) => first
                    .checked_add(imp.port_offset)
                    .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "port range overflows 65535"))?,
            };
            let listener = Listener::bind(port, (imp.simulator)(settings), settings).await?;
            listeners.insert(provider, listener);
        }
        Ok(Sandbox { listeners })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash. Every provider has
    /// a simulator; the `Option` fits `AppService::set_demo_endpoints`, which maps
    /// any account's provider.
    pub fn endpoint(&self, p: ProviderKind) -> Option<String> {
        self.listeners.get(&p).map(|l| format!("http://{}", l.addr()))
    }

    /// Replaces the faults of `p`'s simulator.
    pub fn set_faults(&self, p: ProviderKind, f: Faults) {
        if let Some(l) = self.listeners.get(&p) {
            l.control().set_faults(f);
        }
    }

    /// The latest provider requests that reached `p`'s simulator (at most
    /// `REQUEST_LOG_LIMIT`), oldest first.
    pub fn requests(&self, p: ProviderKind) -> Vec<LoggedRequest> {
        self.listeners.get(&p).map(|l| l.control().requests()).unwrap_or_default()
    }

    pub fn shutdown(self) {
        drop(self);
    }
}
