//! The part every simulator shares: serving, fault injection, the request
//! log, the admin routes, state handling and wire helpers.

mod admin;
mod breaks;
mod control;
mod faults;
mod ids;
mod listener;
mod log;
mod store;
mod time;
mod wire;

pub use faults::Faults;
pub use log::{LoggedRequest, REQUEST_LOG_LIMIT};

pub(crate) use ids::bump;
pub(crate) use listener::Listener;
pub(crate) use store::{Simulator, Store};
pub(crate) use time::{timestamp, Transition};
pub(crate) use wire::{Failure, Keyed, Params};

use std::time::Duration;

/// Sandbox-wide knobs a simulator is built with.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    pub latency: Duration,
    pub transition: Duration,
    /// Start with no servers (for empty-list cases).
    pub empty: bool,
    /// Generated servers added to the seed (Vultr), for `make bench`.
    pub extra_servers: u32,
    /// Serve the admin routes.
    pub admin: bool,
}
