//! Vultr wire bodies -> the model.

use super::DESCRIPTOR;
use super::wire::{OsWire, PlanWire, RegionWire, ServerWire};
use crate::providers::vultr::ext::snapshots::SnapshotStatus;
use crate::model::{Detail, Image, Plan, ProviderKind, Region, Server, Status};
use crate::providers::common::{display_value, detail_fields, leading_number, lookup_state};

/// Fields never shown: the root password Vultr returns in every list.
const HIDDEN: &[&str] = &["default_password"];

/// What a Vultr subscription `status` says: an active one leaves the
/// answer to `server_state` and `power_status`.
#[derive(Clone, Copy)]
enum Subscription {
    Active,
    Is(Status),
}

/// The doc's subscription words, "pending|active|suspended|closed".
const SUBSCRIPTIONS: &[(&str, Subscription)] = &[
    ("pending", Subscription::Is(Status::Pending)),
    ("active", Subscription::Active),
    ("suspended", Subscription::Is(Status::Suspended)),
    // A closed subscription is a destroyed server: none of our states fits,
    // so it stays unknown with the word shown.
    ("closed", Subscription::Is(Status::Unknown)),
];

/// `server_state` of an active server that is not up yet; `none` and `ok`
/// (and a word not listed here) leave the answer to `power_status`.
const SERVER_STATES: &[(&str, Option<Status>)] = &[
    ("none", None),
    ("ok", None),
    ("locked", Some(Status::Pending)),
    ("installingbooting", Some(Status::Starting)),
    ("isomounting", Some(Status::Starting)),
];

/// `power_status`: the doc shows `running` and says it tells whether the
/// server "is powered on or not"; Vultr calls its power-off "halt" and its
/// start restarts a running server, so those words are read too.
const POWER: &[(&str, Status)] = &[
    ("running", Status::Running),
    ("powered on", Status::Running),
    ("on", Status::Running),
    ("stopped", Status::Stopped),
    ("halted", Status::Stopped),
    ("powered off", Status::Stopped),
    ("power off", Status::Stopped),
    ("off", Status::Stopped),
    ("starting", Status::Starting),
    ("booting", Status::Starting),
    ("rebooting", Status::Starting),
    ("restarting", Status::Starting),
    ("stopping", Status::Stopping),
    ("halting", Status::Stopping),
    ("shutting down", Status::Stopping),
];

/// A snapshot's `status`; the doc shows `complete`.
const SNAPSHOT_STATES: &[(&str, SnapshotStatus)] = &[
    ("complete", SnapshotStatus::Complete),
    ("completed", SnapshotStatus::Complete),
    ("available", SnapshotStatus::Complete),
    ("ready", SnapshotStatus::Complete),
    ("pending", SnapshotStatus::Pending),
    ("creating", SnapshotStatus::Pending),
    ("in progress", SnapshotStatus::Pending),
    ("processing", SnapshotStatus::Pending),
];

/// `status` is the subscription; only an active one has a meaningful
/// `power_status`, and `server_state` says whether it is still booting.
/// Every word is read through `state_key` (case, spaces, `_`/`-` do not
/// matter); a word no table has is `Unknown`, shown as sent.
pub fn status(status: &str, power: &str, state: &str) -> Status {
    match lookup_state(SUBSCRIPTIONS, status) {
        Some(Subscription::Is(s)) => s,
        Some(Subscription::Active) => lookup_state(SERVER_STATES, state)
            .flatten()
            .unwrap_or_else(|| lookup_state(POWER, power).unwrap_or(Status::Unknown)),
        None => Status::Unknown,
    }
}

pub fn snapshot_status(word: &str) -> SnapshotStatus {
    lookup_state(SNAPSHOT_STATES, word).unwrap_or(SnapshotStatus::Unknown)
}

fn present(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty() && *s != "0.0.0.0" && *s != "::").map(str::to_string)
}

/// `raw` is the same server as sent: every field goes to the detail panel.
pub fn server(w: ServerWire, raw: &serde_json::Value) -> Server {
    let details = detail_fields(raw.as_object().into_iter().flatten(), FIELD_ORDER, HIDDEN)
        .into_iter()
        .map(|(k, v)| Detail { label: k.clone(), value: display_value(v) })
        .collect();
    Server { details, ..row(w) }
}

/// The server without its details, as a table row shows it.
pub fn row(w: ServerWire) -> Server {
    let st = w.status.unwrap_or_default();
    let power = w.power_status.unwrap_or_default();
    let state = w.server_state.unwrap_or_default();
    let provider_status = [st.as_str(), power.as_str(), state.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/");
    Server {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vultr,
        status: status(&st, &power, &state),
        provider_status,
        name: w.label.filter(|l| !l.is_empty()).unwrap_or_else(|| format!("SUBID {}", w.subid)),
        ipv4: present(&w.main_ip).into_iter().collect(),
        ipv6: present(&w.v6_main_ip).into_iter().collect(),
        region: w.location.unwrap_or_default(),
        plan: w.plan_id.unwrap_or_default(),
        created_at: DESCRIPTOR.time(w.date_created.as_deref()),
        details: Vec::new(),
        capabilities: None,
        id: w.subid,
    }
}

/// The doc's field order for the detail panel; unknown fields go last.
const FIELD_ORDER: &[&str] = &[
    "SUBID",
    "label",
    "os",
    "ram",
    "disk",
    "vcpu_count",
    "main_ip",
    "netmask_v4",
    "gateway_v4",
    "v6_main_ip",
    "v6_network",
    "v6_network_size",
    "internal_ip",
    "location",
    "DCID",
    "VPSPLANID",
    "status",
    "power_status",
    "server_state",
    "date_created",
    "pending_charges",
    "cost_per_month",
    "current_bandwidth_gb",
    "allowed_bandwidth_gb",
    "auto_backups",
    "kvm_url",
];

pub fn plan(w: PlanWire) -> Plan {
    Plan {
        name: w.name,
        vcpus: w.vcpu_count.as_deref().and_then(leading_number),
        memory_mb: w.ram.as_deref().and_then(leading_number),
        disk_gb: w.disk.as_deref().and_then(leading_number),
        bandwidth_tb: w.bandwidth,
        price_monthly: w.price_per_month,
        id: w.id,
    }
}

pub fn image(w: OsWire) -> Image {
    Image { id: w.id, name: w.name, family: w.family, arch: w.arch }
}

pub fn region(w: RegionWire) -> Region {
    let country = match (w.state.filter(|s| !s.is_empty()), w.country) {
        (Some(state), Some(c)) => Some(format!("{state}, {c}")),
        (_, c) => c,
    };
    Region { id: w.id, name: w.name, country, continent: w.continent }
}
