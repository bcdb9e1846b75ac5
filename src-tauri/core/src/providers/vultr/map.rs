//! Vultr wire bodies -> the model.

use super::wire::{OsWire, PlanWire, RegionWire, ServerWire};
use crate::model::{Detail, Image, Plan, ProviderKind, Region, Server, Status};
use crate::providers::common::{display_value, leading_number};

/// Fields never shown: the root password Vultr returns in every list.
const HIDDEN: &[&str] = &["default_password"];

/// `status` is the subscription; only an active one has a meaningful
/// `power_status`, and `server_state` says whether it is still booting.
pub fn status(status: &str, power: &str, state: &str) -> Status {
    match status {
        "pending" => Status::Pending,
        "suspended" => Status::Suspended,
        "active" => match state {
            "locked" => Status::Pending,
            "installingbooting" | "isomounting" => Status::Starting,
            _ => match power {
                "running" => Status::Running,
                "stopped" => Status::Stopped,
                "starting" => Status::Starting,
                _ => Status::Unknown,
            },
        },
        _ => Status::Unknown,
    }
}

fn present(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty() && *s != "0.0.0.0" && *s != "::").map(str::to_string)
}

/// `raw` is the same server as sent: every field goes to the detail panel.
pub fn server(w: ServerWire, raw: &serde_json::Value) -> Server {
    let st = w.status.clone().unwrap_or_default();
    let power = w.power_status.clone().unwrap_or_default();
    let state = w.server_state.clone().unwrap_or_default();
    let provider_status = [st.as_str(), power.as_str(), state.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/");
    let mut fields: Vec<(&String, &serde_json::Value)> = raw.as_object().into_iter().flatten().collect();
    fields.sort_by_key(|(k, _)| field_order(k));
    let details = fields
        .into_iter()
        .filter(|(k, _)| !HIDDEN.contains(&k.as_str()))
        .map(|(k, v)| Detail { label: k.clone(), value: display_value(v) })
        .collect();
    Server {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vultr,
        status: status(&st, &power, &state),
        provider_status,
        name: w.label.clone().filter(|l| !l.is_empty()).unwrap_or_else(|| format!("SUBID {}", w.subid)),
        ipv4: present(&w.main_ip).into_iter().collect(),
        ipv6: present(&w.v6_main_ip).into_iter().collect(),
        region: w.location.clone().unwrap_or_default(),
        plan: w.plan_id.clone().unwrap_or_default(),
        created_at: w.date_created.clone(),
        details,
        id: w.subid,
    }
}

/// The doc's field order for the detail panel; unknown fields go last.
fn field_order(key: &str) -> (usize, String) {
    const ORDER: &[&str] = &[
        "SUBID", "label", "os", "ram", "disk", "vcpu_count", "main_ip", "netmask_v4", "gateway_v4", "v6_main_ip",
        "v6_network", "v6_network_size", "internal_ip", "location", "DCID", "VPSPLANID", "status", "power_status",
        "server_state", "date_created", "pending_charges", "cost_per_month", "current_bandwidth_gb",
        "allowed_bandwidth_gb", "auto_backups", "kvm_url",
    ];
    (ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len()), key.to_string())
}

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
