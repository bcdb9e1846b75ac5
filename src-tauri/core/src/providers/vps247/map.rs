//! VPS247 wire bodies -> the model.

use super::DESCRIPTOR;
use super::wire::{IpAllocationWire, OsTemplateWire, PackageWire, RegionWire, TaskWire, VmWire};
use crate::model::{Detail, Image, Plan, ProviderKind, Region, Server, Status};
use crate::providers::common::{display_value, detail_fields, leading_number, lookup_state};

/// Never shown: the root password every VM object carries.
const HIDDEN: &[&str] = &["initial_password"];

/// Every spelling of a VM state accepted from VPS247. The doc's set is
/// `pending, running, halted, halting, starting`; its actions add what a
/// VM goes through without naming it (restart: down and up again; stop:
/// "already stopped"), so those words and the usual English variants are
/// read too. `state_key` makes case, spaces and `_`/`-` irrelevant.
const STATES: &[(&str, Status)] = &[
    ("pending", Status::Pending),
    ("creating", Status::Pending),
    ("building", Status::Pending),
    ("provisioning", Status::Pending),
    ("installing", Status::Pending),
    ("running", Status::Running),
    ("active", Status::Running),
    ("powered on", Status::Running),
    ("halted", Status::Stopped),
    ("stopped", Status::Stopped),
    ("powered off", Status::Stopped),
    ("power off", Status::Stopped),
    ("shut off", Status::Stopped),
    ("halting", Status::Stopping),
    ("stopping", Status::Stopping),
    ("shutting down", Status::Stopping),
    ("powering off", Status::Stopping),
    ("starting", Status::Starting),
    ("booting", Status::Starting),
    ("powering on", Status::Starting),
    // A restart ends running again: it is on its way up.
    ("restarting", Status::Starting),
    ("rebooting", Status::Starting),
    ("suspended", Status::Suspended),
];

/// A word no table entry has is `Unknown`, shown as sent.
pub fn status(state: &str) -> Status {
    lookup_state(STATES, state).unwrap_or(Status::Unknown)
}

/// `raw` is the same VM as sent: every field goes to the detail panel.
pub fn server(w: VmWire, raw: &serde_json::Value) -> Server {
    Server { details: details(raw), ..row(w) }
}

/// The VM without its details, as a table row shows it.
pub fn row(w: VmWire) -> Server {
    let state = w.state.clone().unwrap_or_default();
    let addresses = |version: &str| -> Vec<String> {
        w.ip_allocations
            .iter()
            .filter(|a| ip_version(a) == version)
            .filter_map(|a| a.first.as_deref().map(str::trim).filter(|ip| !ip.is_empty()).map(str::to_string))
            .collect()
    };
    let name = [&w.name, &w.hostname]
        .into_iter()
        .flatten()
        .map(|n| n.trim())
        .find(|n| !n.is_empty())
        .map_or_else(|| format!("VM {}", w.id), str::to_string);
    Server {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vps247,
        status: status(&state),
        provider_status: state,
        name,
        ipv4: addresses("4"),
        ipv6: addresses("6"),
        region: named(&w.region_name, "region", &w.region_id),
        plan: named(&w.package_name, "package", &w.package_id),
        created_at: DESCRIPTOR.time(w.created_at.as_deref()),
        details: Vec::new(),
        capabilities: None,
        id: w.id,
    }
}

/// "New York 1", or "region 7" when only the id came.
fn named(name: &Option<String>, what: &str, id: &Option<String>) -> String {
    match (name.as_deref().map(str::trim).filter(|n| !n.is_empty()), id) {
        (Some(n), _) => n.to_string(),
        (None, Some(id)) => format!("{what} {id}"),
        (None, None) => String::new(),
    }
}

/// The allocation's `version`, or a guess from the address when it is missing.
fn ip_version(a: &IpAllocationWire) -> &str {
    match a.version.as_deref() {
        Some(v) => v,
        None if a.first.as_deref().is_some_and(|ip| ip.contains(':')) => "6",
        None => "4",
    }
}

fn details(raw: &serde_json::Value) -> Vec<Detail> {
    detail_fields(raw.as_object().into_iter().flatten(), FIELD_ORDER, HIDDEN)
        .into_iter()
        .map(|(k, v)| {
            let value = match k.as_str() {
                "ip_allocations" => allocations(v),
                "last_task" => task(v),
                _ => None,
            };
            Detail { label: k.clone(), value: value.unwrap_or_else(|| shown(v)) }
        })
        .collect()
}

/// The doc's order (attribute list, then the example's extra fields);
/// unknown fields go last. The attribute list says `transfer_month`, the
/// example sends `month_transfer`: both are placed there.
const FIELD_ORDER: &[&str] = &[
    "id",
    "name",
    "hostname",
    "state",
    "created_at",
    "region_id",
    "os_template_id",
    "initial_password",
    "owner_id",
    "updated_at",
    "region_name",
    "os_template_name",
    "ip_allocations",
    "last_task",
    "package_id",
    "package_name",
    "unbilled_hours",
    "transfer",
    "transfer_month",
    "month_transfer",
    "virtual_machine_disk_ids",
];

/// Lists of plain values (`virtual_machine_disk_ids`) as "88, 89".
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            items.iter().map(display_value).collect::<Vec<_>>().join(", ")
        }
        other => display_value(other),
    }
}

/// "123.123.123.123/25 via 123.123.123.1", one per allocation.
fn allocations(v: &serde_json::Value) -> Option<String> {
    let list: Vec<IpAllocationWire> = serde_json::from_value(v.clone()).ok()?;
    let shown: Vec<String> = list
        .iter()
        .map(|a| {
            let first = a.first.clone().unwrap_or_default();
            let mut s = match a.last.as_deref() {
                Some(last) if !last.is_empty() && last != first => format!("{first}–{last}"),
                _ => first,
            };
            if let Some(p) = &a.prefixlen {
                s.push_str(&format!("/{p}"));
            }
            if let Some(g) = a.gateway.as_deref().filter(|g| !g.is_empty()) {
                s.push_str(&format!(" via {g}"));
            }
            s
        })
        .collect();
    Some(shown.join(", "))
}

/// "VmKill: pending" (with the progress when there is one).
fn task(v: &serde_json::Value) -> Option<String> {
    let t: TaskWire = serde_json::from_value(v.clone()).ok()?;
    let mut s = t.name.unwrap_or_default();
    if let Some(status) = t.status.filter(|s| !s.is_empty()) {
        s = if s.is_empty() { status } else { format!("{s}: {status}") };
    }
    if let Some(p) = t.progress.as_ref().filter(|p| !p.is_null()) {
        s.push_str(&format!(" ({}%)", display_value(p)));
    }
    Some(s)
}

/// Megabytes of transfer as terabytes, exactly: 1500000 -> "1.5".
fn terabytes(mb: &str) -> Option<String> {
    let mb: u64 = mb.trim().parse().ok()?;
    let (whole, frac) = (mb / 1_000_000, mb % 1_000_000);
    Some(if frac == 0 { whole.to_string() } else { format!("{whole}.{}", format!("{frac:06}").trim_end_matches('0')) })
}

pub fn plan(w: PackageWire) -> Plan {
    Plan {
        vcpus: w.cpus.as_deref().and_then(leading_number),
        memory_mb: w.memory.as_deref().and_then(leading_number),
        disk_gb: w.disk.as_deref().and_then(leading_number),
        bandwidth_tb: w.transfer.as_deref().and_then(terabytes),
        price_monthly: w.price,
        name: w.name,
        id: w.id,
    }
}

/// Templates are named like "Ubuntu 11.10 Server x64": the family and the
/// architecture are read from the name.
pub fn image(w: OsTemplateWire) -> Image {
    const ARCHES: &[&str] = &["x64", "x86_64", "amd64", "x86", "i386", "i686", "arm64", "aarch64"];
    let family = w.name.split_whitespace().next().map(str::to_lowercase);
    let arch = w.name.split_whitespace().find(|t| ARCHES.contains(&t.to_lowercase().as_str())).map(str::to_string);
    Image { id: w.id, name: w.name, family, arch }
}

pub fn region(w: RegionWire) -> Region {
    Region { id: w.id, name: w.name, country: w.country.filter(|c| !c.is_empty()), continent: None }
}
