//! CloudSigma wire objects -> the model.

use std::net::Ipv4Addr;

use super::location::Location;
use super::wire::{DriveWire, ServerWire, UsageWire};
use crate::model::{Detail, Image, Plan, ProviderKind, Server, Status};
use crate::providers::common::{leading_number, lookup_state};

/// The one plan: the account's subscribed CPU and memory. Sizing is free;
/// this tells what fits the subscription before burst pricing applies.
pub const SUBSCRIPTION_PLAN: &str = "subscription";

/// Never shown: `vnc:password` of every server, the profile's `secret_key`.
fn hidden(key: &str) -> bool {
    key.ends_with("password") || key == "secret_key"
}

/// Every spelling of a server state accepted from CloudSigma. API 1.0's doc
/// shows `active` (running) and `stopped`; its start, stop and shutdown
/// calls imply the states between; `paused` is a server CloudSigma holds
/// and will not start. Later CloudSigma APIs say `running`, `starting`,
/// `stopping` and `unavailable`, which accounts may meet on the same
/// endpoint. `unavailable` (the host cannot reach the server) is none of
/// our states: it stays `Unknown` with its word shown. `state_key` makes
/// case, spaces and `_`/`-` irrelevant.
const STATES: &[(&str, Status)] = &[
    ("active", Status::Running),
    ("running", Status::Running),
    ("powered on", Status::Running),
    ("stopped", Status::Stopped),
    ("halted", Status::Stopped),
    ("powered off", Status::Stopped),
    ("power off", Status::Stopped),
    ("shut off", Status::Stopped),
    ("starting", Status::Starting),
    ("booting", Status::Starting),
    ("stopping", Status::Stopping),
    ("shutting down", Status::Stopping),
    ("paused", Status::Suspended),
    ("suspended", Status::Suspended),
    ("unavailable", Status::Unknown),
];

/// A word no table entry has is `Unknown`, shown as sent.
pub fn status(word: &str) -> Status {
    lookup_state(STATES, word).unwrap_or(Status::Unknown)
}

pub fn server(w: ServerWire, location: Location) -> Server {
    let provider_status = w.status.clone().unwrap_or_default();
    let ipv4 = w.dhcp_addresses().filter(|v| v.parse::<Ipv4Addr>().is_ok()).map(str::to_string).collect();
    let plan = match (w.cpu.as_deref(), w.mem.as_deref()) {
        (Some(cpu), Some(mem)) => format!("{cpu} MHz, {mem} MB"),
        (Some(cpu), None) => format!("{cpu} MHz"),
        (None, Some(mem)) => format!("{mem} MB"),
        (None, None) => String::new(),
    };
    let plan = match w.smp.as_deref().filter(|s| !s.is_empty() && *s != "auto") {
        Some(smp) if !plan.is_empty() => format!("{plan}, {smp} vCPU"),
        _ => plan,
    };
    let details = w
        .raw
        .iter()
        .filter(|(k, _)| !hidden(k))
        .map(|(k, v)| Detail { label: k.to_string(), value: v.to_string() })
        .collect();
    Server {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Cloudsigma,
        status: status(&provider_status),
        provider_status,
        name: w.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format!("server {}", w.uuid)),
        ipv4,
        ipv6: Vec::new(),
        region: location.name().to_string(),
        plan,
        created_at: None,
        details,
        capabilities: None,
        id: w.uuid,
    }
}

/// A standard drive (an operating system image to clone).
pub fn image(d: DriveWire) -> Image {
    let name = d.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format!("drive {}", d.uuid));
    Image { id: d.uuid, name, family: None, arch: None }
}

/// `None` when the account has no subscription to describe.
pub fn subscription_plan(u: &UsageWire) -> Option<Plan> {
    let cpu = u.cpu_sub.as_deref().and_then(leading_number);
    let mem = u.mem_sub.as_deref().and_then(leading_number);
    if cpu.is_none() && mem.is_none() {
        return None;
    }
    let shown = |v: Option<u32>, unit: &str| v.map_or_else(|| format!("no {unit}"), |v| format!("{v} {unit}"));
    Some(Plan {
        id: SUBSCRIPTION_PLAN.into(),
        name: format!("Subscribed: {}, {} (more is billed at burst prices)", shown(cpu, "MHz"), shown(mem, "MB")),
        vcpus: None,
        memory_mb: mem,
        disk_gb: u.disk_sub.as_deref().and_then(leading_number),
        bandwidth_tb: None,
        price_monthly: None,
    })
}
