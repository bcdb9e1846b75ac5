//! The account the simulator serves and the rules its servers follow.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::http::StatusCode;

use super::catalog::{Os, Plan};
use super::error::{detail, ApiError};
use crate::common::Transition;

pub(super) struct VpsOrg {
    pub transition: Duration,
    pub servers: BTreeMap<u64, Server>,
    pub next_id: u64,
    /// Feeds the addresses of new servers.
    pub next_host: u32,
    /// Prepaid balance; a create that the plan's first month does not fit
    /// into is refused with 402.
    pub credit_cents: u64,
}

/// The doc's words: `active`, `halted`, `suspended` (the list filter),
/// `provisioning` (create), `starting`, `stopping`, `rebooting` (actions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Provisioning,
    Active,
    Starting,
    Stopping,
    Halted,
    Rebooting,
    Suspended,
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Provisioning,
        Phase::Active,
        Phase::Starting,
        Phase::Stopping,
        Phase::Halted,
        Phase::Rebooting,
        Phase::Suspended,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Phase::Provisioning => "provisioning",
            Phase::Active => "active",
            Phase::Starting => "starting",
            Phase::Stopping => "stopping",
            Phase::Halted => "halted",
            Phase::Rebooting => "rebooting",
            Phase::Suspended => "suspended",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    Start,
    Stop,
    Reboot,
}

impl Action {
    /// The reply's `message`, e.g. "Server is starting".
    pub fn message(self) -> &'static str {
        match self {
            Action::Start => "Server is starting",
            Action::Stop => "Server is stopping",
            Action::Reboot => "Server is rebooting",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Usage {
    pub cpu_percent: f64,
    pub memory_used: u32,
    pub disk_used: u32,
    pub bandwidth_used: u32,
}

pub(super) struct Server {
    pub name: String,
    pub hostname: Option<String>,
    pub location: &'static str,
    pub plan: &'static Plan,
    pub os: &'static Os,
    pub backups_enabled: bool,
    /// Assigned at creation, shown once provisioning is over.
    pub ipv4: String,
    pub ipv6: String,
    pub usage: Usage,
    pub phase: Transition<Phase>,
    pub created_at: String,
    pub updated_at: String,
}

fn bad_request(message: &str) -> ApiError {
    detail(StatusCode::BAD_REQUEST, message)
}

impl Server {
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    /// Applies a power action, or refuses it with the doc's 400.
    pub fn act(&mut self, action: Action, delay: Duration) -> Result<(), ApiError> {
        let phase = self.phase();
        let next = match (phase, action) {
            (Phase::Suspended, _) => {
                return Err(bad_request("Server is suspended. Contact support to restore service."))
            }
            (Phase::Provisioning, _) => {
                return Err(bad_request("Server is still being provisioned. Try again when it is active."))
            }
            (Phase::Halted, Action::Start) => Transition::after(Phase::Starting, delay, Phase::Active),
            (Phase::Active | Phase::Starting | Phase::Rebooting, Action::Start) => {
                return Err(bad_request("Server is already running."))
            }
            (Phase::Stopping, Action::Start) => {
                return Err(bad_request("Server is stopping. Start it once it is halted."))
            }
            (Phase::Active, Action::Stop) => Transition::after(Phase::Stopping, delay, Phase::Halted),
            (Phase::Halted | Phase::Stopping, Action::Stop) => return Err(bad_request("Server is already stopped.")),
            (Phase::Starting | Phase::Rebooting, Action::Stop) => {
                return Err(bad_request("Server is busy. Try again when it is active."))
            }
            (Phase::Active, Action::Reboot) => Transition::after(Phase::Rebooting, delay, Phase::Active),
            (_, Action::Reboot) => return Err(bad_request("Server is not running.")),
        };
        self.phase = next;
        Ok(())
    }
}

/// What a create asks for, once validated.
pub(super) struct Order {
    pub name: String,
    pub hostname: Option<String>,
    pub location: &'static str,
    pub plan: &'static Plan,
    pub os: &'static Os,
    pub backups_enabled: bool,
}

impl VpsOrg {
    pub fn find(&self, id: u64) -> Result<&Server, ApiError> {
        self.servers.get(&id).ok_or_else(not_found)
    }

    pub fn find_mut(&mut self, id: u64) -> Result<&mut Server, ApiError> {
        self.servers.get_mut(&id).ok_or_else(not_found)
    }

    /// Charges the first month and starts provisioning; the server is
    /// active after the transition time.
    pub fn provision(&mut self, order: Order, now: String) -> Result<u64, ApiError> {
        if self.credit_cents < order.plan.price_cents {
            return Err(detail(
                StatusCode::PAYMENT_REQUIRED,
                "Insufficient credits. Top up your account balance to deploy this server.",
            ));
        }
        self.credit_cents -= order.plan.price_cents;
        let id = self.next_id;
        self.next_id += 1;
        let host = self.next_host;
        self.next_host += 1;
        let server = Server {
            name: order.name,
            hostname: order.hostname,
            location: order.location,
            plan: order.plan,
            os: order.os,
            backups_enabled: order.backups_enabled,
            ipv4: format!("203.0.113.{}", host % 250 + 1),
            ipv6: format!("2001:0db8::{host:x}"),
            usage: Usage { cpu_percent: 0.0, memory_used: 0, disk_used: 0, bandwidth_used: 0 },
            phase: Transition::after(Phase::Provisioning, self.transition, Phase::Active),
            created_at: now.clone(),
            updated_at: now,
        };
        self.servers.insert(id, server);
        Ok(id)
    }
}

pub(super) fn not_found() -> ApiError {
    detail(StatusCode::NOT_FOUND, "Not found.")
}
