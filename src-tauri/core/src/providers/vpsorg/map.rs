//! VPS.org wire bodies -> the model.

use super::DESCRIPTOR;
use super::wire::{OsWire, PlanWire, ServerWire};
use crate::model::{Detail, Image, Plan, ProviderKind, Region, Server, Status};
use crate::providers::common::{display_value, leading_number, lookup_state};

/// Every spelling of a server state accepted from VPS.org. The doc is in
/// Esperanto and names states in both languages: the list filter says
/// `aktiva, haltigita, suspendita` while its examples send `active`,
/// `provisioning` (create), `starting`, `stopping`, `rebooting` (actions),
/// and the start call's text calls a stopped server "haltigita" and a running
/// one "funkcianta". So each state is listed in English and in Esperanto
/// (participles in -ita/-ata for the state reached, -anta for the one under
/// way), with the usual English variants; `state_key` makes case, spaces,
/// `_`/`-` and Esperanto accents irrelevant.
const STATES: &[(&str, Status)] = &[
    ("active", Status::Running),
    ("running", Status::Running),
    ("powered on", Status::Running),
    ("aktiva", Status::Running),
    ("funkcianta", Status::Running),
    ("ŝaltita", Status::Running),
    ("halted", Status::Stopped),
    ("stopped", Status::Stopped),
    ("powered off", Status::Stopped),
    ("power off", Status::Stopped),
    ("shut off", Status::Stopped),
    ("haltigita", Status::Stopped),
    ("haltita", Status::Stopped),
    ("malŝaltita", Status::Stopped),
    ("stopita", Status::Stopped),
    ("suspended", Status::Suspended),
    ("suspendita", Status::Suspended),
    ("provisioning", Status::Pending),
    ("pending", Status::Pending),
    ("creating", Status::Pending),
    ("building", Status::Pending),
    ("installing", Status::Pending),
    ("provizanta", Status::Pending),
    ("provizata", Status::Pending),
    ("kreata", Status::Pending),
    ("kreiĝanta", Status::Pending),
    ("instalata", Status::Pending),
    ("atendanta", Status::Pending),
    ("starting", Status::Starting),
    ("booting", Status::Starting),
    ("powering on", Status::Starting),
    ("startanta", Status::Starting),
    ("startiĝanta", Status::Starting),
    ("ŝaltiĝanta", Status::Starting),
    ("komencanta", Status::Starting),
    // A reboot ends running again: it is on its way up.
    ("rebooting", Status::Starting),
    ("restarting", Status::Starting),
    ("rekomencanta", Status::Starting),
    ("restartanta", Status::Starting),
    ("restartiganta", Status::Starting),
    ("stopping", Status::Stopping),
    ("halting", Status::Stopping),
    ("shutting down", Status::Stopping),
    ("powering off", Status::Stopping),
    ("haltiganta", Status::Stopping),
    ("haltanta", Status::Stopping),
    ("malŝaltiĝanta", Status::Stopping),
    ("stopanta", Status::Stopping),
];

/// A word no table entry has is `Unknown`; the server keeps the word as
/// `provider_status`, so the user still sees what VPS.org said.
pub fn status(word: &str) -> Status {
    lookup_state(STATES, word).unwrap_or(Status::Unknown)
}

fn present(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
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
        .map(|(label, v)| Detail { label, value: display_value(v) })
        .collect()
}

/// `raw` is the same server as sent: every field goes to the detail panel.
pub fn server(w: ServerWire, raw: &serde_json::Value) -> Server {
    let provider_status = w.status.clone().unwrap_or_default();
    let name = present(&w.name).or_else(|| present(&w.hostname)).unwrap_or_else(|| format!("server {}", w.id));
    let plan = w.plan.as_ref().map(|p| present(&p.name).unwrap_or_else(|| p.id.clone())).unwrap_or_default();
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
        created_at: DESCRIPTOR.time(w.created_at.as_deref()),
        details: details(raw),
        capabilities: None,
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
    dedup_by_id(systems, |o: &OsWire| &o.id).into_iter().map(image).collect()
}

/// The family is the distribution, the first word of "Ubuntu 22.04 LTS".
pub fn image(w: OsWire) -> Image {
    let name = present(&w.name).unwrap_or_else(|| format!("system {}", w.id));
    let family = name.split_whitespace().next().map(str::to_lowercase);
    Image { id: w.id, name, family, arch: None }
}

/// Locations are codes (`us-west`); the API gives no names for them.
pub fn regions(servers: &[ServerWire]) -> Vec<Region> {
    let mut codes: Vec<String> = servers.iter().filter_map(|s| present(&s.location)).collect();
    codes.sort();
    codes.dedup();
    codes.into_iter().map(|code| Region { id: code.clone(), name: code, country: None, continent: None }).collect()
}
