//! SSD VPS (`vpsnet-endpoints.md`, SSD VPS rows): list, show, create on an
//! SSD cloud, the four power calls and delete, in their own id space. No
//! build time: they are running once created, and power calls take effect
//! at once.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::seed::SSD_CLOUDS;
use super::state::{password, VpsNet};
use super::{integer, not_found, resource, unprocessable};
use crate::common::Store;

pub(super) struct SsdVm {
    pub label: String,
    pub hostname: String,
    pub cloud_id: u64,
    pub running: bool,
    pub backups_enabled: bool,
    pub ip: String,
    pub password: String,
}

pub(super) struct SsdBook {
    pub vms: BTreeMap<u64, SsdVm>,
    pub next_id: u64,
}

/// One SSD VPS on the doc's SSD cloud, so the demo inventory has both kinds.
pub(super) fn seed(empty: bool) -> SsdBook {
    let mut vms = BTreeMap::new();
    if !empty {
        vms.insert(
            501,
            SsdVm {
                label: "SSD cache".into(),
                hostname: "cache01.demodomain.com".into(),
                cloud_id: 160,
                running: true,
                backups_enabled: false,
                ip: "68.169.60.5".into(),
                password: password(),
            },
        );
    }
    SsdBook { vms, next_id: 502 }
}

/// The plans psiphon's client documents for `ssd_vps_plan`: 1 to 5.
const PLANS: std::ops::RangeInclusive<u64> = 1..=5;

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/ssd_virtual_machines.api10json", get(list).post(create))
        .route("/ssd_virtual_machines/{file}", get(show).delete(destroy))
        .route("/ssd_virtual_machines/{id}/{file}", post(power))
}

/// The list row's fields (LC-PSI's `_to_ssd_node`).
fn view(id: u64, vm: &SsdVm) -> Value {
    json!({ "virtual_machine": {
        "id": id,
        "ssd_vps_label": vm.label,
        "hostname": vm.hostname,
        "running": vm.running,
        "backups_enabled": vm.backups_enabled,
        "cloud_id": vm.cloud_id,
        "primary_ip_address": { "ip_address": { "ip_address": vm.ip } },
        "password": vm.password,
    }})
}

async fn list(State(store): State<Store<VpsNet>>) -> Json<Vec<Value>> {
    store.with(|v| Json(v.ssd.vms.iter().map(|(id, vm)| view(*id, vm)).collect()))
}

fn id_of(file: &str) -> Option<u64> {
    resource(file).and_then(|id| id.parse().ok())
}

async fn show(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    store.with(|v| match id_of(&file).and_then(|id| v.ssd.vms.get(&id).map(|vm| view(id, vm))) {
        Some(body) => Json(body).into_response(),
        None => not_found("Virtual machine"),
    })
}

async fn destroy(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    store.with(|v| match id_of(&file).and_then(|id| v.ssd.vms.remove(&id)) {
        Some(_) => Json(json!({})).into_response(),
        None => not_found("Virtual machine"),
    })
}

async fn power(State(store): State<Store<VpsNet>>, Path((id, file)): Path<(String, String)>) -> Response {
    let (Ok(id), Some(action)) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Virtual machine");
    };
    store.with(|v| {
        let Some(vm) = v.ssd.vms.get_mut(&id) else {
            return not_found("Virtual machine");
        };
        let on = match (action, vm.running) {
            ("power_on", false) => true,
            ("shutdown" | "power_off", true) => false,
            ("reboot", true) => true,
            ("power_on" | "shutdown" | "power_off" | "reboot", _) => {
                let why = if vm.running { "is already running" } else { "is not running" };
                return unprocessable(&[("base", format!("SSD VPS {why}"))]);
            }
            _ => return not_found("Action"),
        };
        vm.running = on;
        Json(view(id, vm)).into_response()
    })
}

/// `{"virtual_machine": {ssd_vps_plan, fqdn, system_template_id, cloud_id, …}}`
/// on an SSD cloud with one of its templates; the reply is the create
/// row's `{hostname, id, ssd_vps_label, primary_ip_address}`.
async fn create(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    let Some(vm) =
        serde_json::from_slice::<Value>(&body).ok().and_then(|mut b| b.get_mut("virtual_machine").map(Value::take))
    else {
        return unprocessable(&[("virtual_machine", "is required".to_owned())]);
    };
    let mut errors = Vec::new();
    if !integer(vm.get("ssd_vps_plan")).is_some_and(|p| PLANS.contains(&p)) {
        errors.push(("ssd_vps_plan", "is not an SSD VPS plan".to_owned()));
    }
    let fqdn = vm.get("fqdn").and_then(Value::as_str).unwrap_or_default().trim().to_ascii_lowercase();
    if !fqdn.contains('.') {
        errors.push(("fqdn", "is not a valid host name with a domain".to_owned()));
    }
    let cloud = integer(vm.get("cloud_id")).and_then(|id| SSD_CLOUDS.iter().find(|c| c.id == id && c.available));
    match (cloud, integer(vm.get("system_template_id"))) {
        (None, _) => errors.push(("cloud_id", "is not an available SSD cloud".to_owned())),
        (Some(c), Some(t)) if c.offers(t) => {}
        (Some(c), _) => errors.push(("system_template_id", format!("is not available on cloud {}", c.label))),
    }
    let (Some(cloud), true) = (cloud, errors.is_empty()) else {
        return unprocessable(&errors);
    };
    store.with(|v| {
        let id = v.ssd.next_id;
        v.ssd.next_id += 1;
        let label = fqdn.split('.').next().unwrap_or_default().to_owned();
        let ip = format!("68.169.61.{}", id % 250 + 2);
        let created = SsdVm {
            label: label.clone(),
            hostname: fqdn.clone(),
            cloud_id: cloud.id,
            running: true,
            backups_enabled: vm.get("backups_enabled").and_then(Value::as_bool).unwrap_or(false),
            ip: ip.clone(),
            password: password(),
        };
        v.ssd.vms.insert(id, created);
        Json(json!({ "virtual_machine": {
            "hostname": fqdn, "id": id, "ssd_vps_label": label,
            "primary_ip_address": { "ip_address": { "ip_address": ip } },
        }}))
        .into_response()
    })
}
