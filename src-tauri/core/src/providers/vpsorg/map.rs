//! VPS.org wire bodies -> the model.

use super::wire::{OsWire, PlanWire, ServerWire};
use crate::model::{Detail, Image, Plan, ProviderKind, Region, Server, Status};
use crate::providers::common::{display_value, leading_number};

/// The doc's words: `active`, `halted`, `suspended` (the list filter),
/// `provisioning` (create), `starting`, `stopping`, `rebooting` (actions).
pub fn status(word: &str) -> Status {
    match word {
        "active" => Status::Running,
        "halted" => Status::Stopped,
        "suspended" => Status::Suspended,
        "provisioning" => Status::Pending,
        // A reboot ends running again: it is on its way up.
        "starting" | "rebooting" => Status::Starting,
        "stopping" => Status::Stopping,
        _ => Status::Unknown,
    }
}

fn present(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Every field in the order sent; nested objects (`plan`, `os`,
/// `resource_usage`) become `plan.name`-style labels. Nothing the API sends
/// is secret, but a password field would never be shown.
fn details(raw: &serde_json::Value) -> Vec<Detail> {
    let mut out = Vec::new();
    for (key, value) in raw.as_object().into_iter().flatten() {
        match value {
            serde_json::Value::Object(inner) => {
                for (k, v) in inner {
                    out.push((format!("{key}.{k}"), v));
                }
            }
            other => out.push((key.clone(), other)),
        }
    }
    out.into_iter()
        .filter(|(label, _)| !label.contains("password"))
        .map(|(label, v)| Detail {
            label,
            value: display_value(v),
        })
        .collect()
}

/// `raw` is the same server as sent: every field goes to the detail panel.
pub fn server(w: ServerWire, raw: &serde_json::Value) -> Server {
    let provider_status = w.status.clone().unwrap_or_default();
    let name = present(&w.name)
        .or_else(|| present(&w.hostname))
        .unwrap_or_else(|| format!("server {}", w.id));
    let plan = w
        .plan
        .as_ref()
        .map(|p| present(&p.name).unwrap_or_else(|| p.id.clone()))
        .unwrap_or_default();
    Server {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vpsorg,
        status: status(&provider_status),
        provider_status,
        name,
        ipv4: present(&w.ip_address).into_iter().collect(),
        ipv6: present(&w.ipv6_address).into_iter().collect(),
        region: w.location.clone().unwrap_or_default(),
        plan,
        created_at: w.created_at.clone(),
        details: details(raw),
        id: w.id,
    }
}

/// Ids are integers; sort numerically, then by text for anything else.
fn by_id<T>(items: &mut [T], id: impl Fn(&T) -> &str) {
    items.sort_by_key(|item| (id(item).parse::<u64>().unwrap_or(u64::MAX), id(item).to_string()));
}

fn dedup_by_id<T>(mut items: Vec<T>, id: impl Fn(&T) -> &str) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| seen.insert(id(item).to_string()));
    by_id(&mut items, id);
    items
}

/// API v1 has no catalog calls: the plans, systems and locations the
/// account's servers use are the ones known to exist.
pub fn plans(servers: &[ServerWire]) -> Vec<Plan> {
    let plans = servers.iter().filter_map(|s| s.plan.clone()).collect();
    dedup_by_id(plans, |p: &PlanWire| &p.id).into_iter().map(plan).collect()
}

pub fn plan(w: PlanWire) -> Plan {
    Plan {
        name: present(&w.name).unwrap_or_else(|| format!("plan {}", w.id)),
        vcpus: w.vcpus.as_deref().and_then(leading_number),
        memory_mb: w.memory.as_deref().and_then(leading_number),
        disk_gb: w.storage.as_deref().and_then(leading_number),
        // The doc gives no unit for `bandwidth`, so it is not turned into TB.
        bandwidth_tb: None,
        price_monthly: None,
        id: w.id,
    }
}

pub fn images(servers: &[ServerWire]) -> Vec<Image> {
    let systems = servers.iter().filter_map(|s| s.os.clone()).collect();
    dedup_by_id(systems, |o: &OsWire| &o.id)
        .into_iter()
        .map(image)
        .collect()
}

/// The family is the distribution, the first word of "Ubuntu 22.04 LTS".
pub fn image(w: OsWire) -> Image {
    let name = present(&w.name).unwrap_or_else(|| format!("system {}", w.id));
    let family = name.split_whitespace().next().map(str::to_lowercase);
    Image {
        id: w.id,
        name,
        family,
        arch: None,
    }
}

/// Locations are codes (`us-west`); the API gives no names for them.
pub fn regions(servers: &[ServerWire]) -> Vec<Region> {
    let mut codes: Vec<String> = servers.iter().filter_map(|s| present(&s.location)).collect();
    codes.sort();
    codes.dedup();
    codes
        .into_iter()
        .map(|code| Region {
            id: code.clone(),
            name: code,
            country: None,
            continent: None,
        })
        .collect()
}
