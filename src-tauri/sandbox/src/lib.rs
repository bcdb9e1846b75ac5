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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    Vultr,
    Vpsnet,
    Vps247,
    Cloudsigma,
    Vpsorg,
}

impl Provider {
    pub const ALL: [Provider; 5] =
        [Provider::Vultr, Provider::Vpsnet, Provider::Vps247, Provider::Cloudsigma, Provider::Vpsorg];

    pub fn id(self) -> &'static str {
        match self {
            Provider::Vultr => "vultr",
            Provider::Vpsnet => "vpsnet",
            Provider::Vps247 => "vps247",
            Provider::Cloudsigma => "cloudsigma",
            Provider::Vpsorg => "vpsorg",
        }
    }

    /// Offset from `Options::port`, fixed per provider so a provider keeps its
    /// port when others are added.
    fn port_offset(self) -> u16 {
        match self {
            Provider::Vultr => 0,
            Provider::Vpsnet => 1,
            Provider::Vps247 => 2,
            Provider::Cloudsigma => 3,
            Provider::Vpsorg => 4,
        }
    }
}

/// Credentials the simulator of `provider` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    pub provider: Provider,
    pub name: &'static str,
    pub username: Option<&'static str>,
    pub secret: &'static str,
    pub region: Option<&'static str>,
}

/// One account per implemented provider.
pub fn demo_accounts() -> Vec<DemoAccount> {
    Provider::ALL.into_iter().filter_map(registry::implementation).map(|imp| imp.demo).collect()
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
    listeners: HashMap<Provider, Listener>,
}

impl Sandbox {
    /// Binds 127.0.0.1, one listener per implemented provider.
    pub async fn start(opts: Options) -> io::Result<Sandbox> {
        let settings = Settings {
            latency: Duration::from_millis(opts.latency_ms),
            transition: Duration::from_millis(opts.transition_ms),
            empty: opts.empty,
            extra_servers: opts.extra_servers,
            admin: opts.admin,
        };
        let mut listeners = HashMap::new();
        for provider in Provider::ALL {
            let Some(imp) = registry::implementation(provider) else {
                continue;
            };
            let port = match opts.port {
                None => 0,
                Some(first) => first
                    .checked_add(provider.port_offset())
                    .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "port range overflows 65535"))?,
            };
            let listener = Listener::bind(port, (imp.simulator)(settings), settings).await?;
            listeners.insert(provider, listener);
        }
        Ok(Sandbox { listeners })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash; `None` when the
    /// provider has no simulator yet.
    pub fn endpoint(&self, p: Provider) -> Option<String> {
        self.listeners.get(&p).map(|l| format!("http://{}", l.addr()))
    }

    /// Replaces the faults of `p`'s simulator; ignored for a provider without one.
    pub fn set_faults(&self, p: Provider, f: Faults) {
        if let Some(l) = self.listeners.get(&p) {
            l.control().set_faults(f);
        }
    }

    /// The latest provider requests that reached `p`'s simulator (at most
    /// `REQUEST_LOG_LIMIT`), oldest first.
    pub fn requests(&self, p: Provider) -> Vec<LoggedRequest> {
        self.listeners.get(&p).map(|l| l.control().requests()).unwrap_or_default()
    }

    pub fn shutdown(self) {
        drop(self);
    }
}
