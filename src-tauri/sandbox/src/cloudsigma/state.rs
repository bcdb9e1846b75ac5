//! The account the simulator serves: its servers and drives, and the
//! standard drives every account can clone.

use std::time::Duration;

use super::kv::{self, Props};
use crate::common::Transition;

/// What a server is doing; `status` is derived from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Active,
    /// A graceful shutdown: the guest is still up (`active`) until it
    /// powers off.
    ShuttingDown,
    Stopped,
    /// Held by CloudSigma; it refuses to start.
    Paused,
}

impl Phase {
    pub fn word(self) -> &'static str {
        match self {
            Phase::Active | Phase::ShuttingDown => "active",
            Phase::Stopped => "stopped",
            Phase::Paused => "paused",
        }
    }
}

pub(super) struct Server {
    pub uuid: String,
    /// Every property in the order the doc shows them; `status` is
    /// rendered from `phase`.
    pub props: Props,
    pub phase: Transition<Phase>,
    /// The temporary address an `auto` interface gets while running.
    pub lease: String,
}

impl Server {
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    pub fn running(&self) -> bool {
        matches!(self.phase(), Phase::Active | Phase::ShuttingDown)
    }

    /// The body of `/servers/UUID/info`.
    pub fn render(&self) -> String {
        let status = self.phase().word();
        let mut out = Vec::with_capacity(self.props.len() + 1);
        if kv::get(&self.props, "status").is_none() {
            out.push(("status", status));
        }
        for (k, v) in &self.props {
            let v = match k.as_str() {
                "status" => status,
                "nic:0:dhcp" | "vnc:ip" if v == "auto" && self.running() => self.lease.as_str(),
                _ => v.as_str(),
            };
            out.push((k.as_str(), v));
        }
        kv::write(out)
    }

    /// Drive uuids attached as `ide:B:U` or `block:N`.
    pub fn drives(&self) -> impl Iterator<Item = &str> {
        self.props.iter().filter(|(k, _)| is_device(k)).map(|(_, v)| v.as_str())
    }
}

/// `ide:BUS:UNIT` or `block:INDEX`, not their `:media`.
pub(super) fn is_device(key: &str) -> bool {
    let parts: Vec<&str> = key.split(':').collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        ["ide", bus, unit] => digits(bus) && digits(unit),
        ["block", index] => digits(index),
        _ => false,
    }
}

pub(super) struct Drive {
    pub uuid: String,
    pub props: Props,
}

impl Drive {
    pub fn size(&self) -> u64 {
        kv::get(&self.props, "size").and_then(|s| s.parse().ok()).unwrap_or_default()
    }
}

pub(super) struct Cloudsigma {
    pub transition: Duration,
    pub user: String,
    pub servers: Vec<Server>,
    pub drives: Vec<Drive>,
    pub standard: Vec<Drive>,
    /// Feeds new uuids and leased addresses; only grows.
    pub counter: u64,
    pub ledger: super::billing::Ledger,
    pub resources: super::extras::Resources,
}

impl Cloudsigma {
    pub fn server(&self, uuid: &str) -> Option<&Server> {
        self.servers.iter().find(|s| s.uuid == uuid)
    }

    pub fn server_mut(&mut self, uuid: &str) -> Option<&mut Server> {
        self.servers.iter_mut().find(|s| s.uuid == uuid)
    }

    /// An account drive or a standard one.
    pub fn drive(&self, uuid: &str) -> Option<&Drive> {
        self.drives.iter().chain(&self.standard).find(|d| d.uuid == uuid)
    }

    pub fn mounted_on(&self, drive: &str) -> Option<&Server> {
        self.servers.iter().find(|s| s.drives().any(|d| d == drive))
    }

    pub fn uuid(&mut self) -> String {
        self.counter += 1;
        format!("5a1dc0de-{:04x}-4e00-8000-{:012x}", self.counter % 0x1_0000, self.counter)
    }

    pub fn lease(&mut self) -> String {
        self.counter += 1;
        format!("178.22.70.{}", self.counter % 250 + 2)
    }
}
