//! Server extras (`vpsnet-endpoints.md` sections 1 and 3): backups (list,
//! take, restore, delete), reinstall, recovery boot, network rebuild,
//! clones (INFERRED paths), CPU and traffic samples, the console session
//! and the account's IP addresses. Backups and clones take the transition
//! time to finish; restores and reinstalls keep the server busy as long.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use super::state::{now, password, Order, Phase, VpsNet};
use super::{catalog, integer, not_found, resource, server, unprocessable};
use crate::common::{Params, Store, Transition};

pub(super) struct Backup {
    pub id: u64,
    pub label: Option<String>,
    /// "normal" for the scheduled ones; only "manual" ones can be deleted.
    pub backup_type: &'static str,
    pub template_id: u64,
    pub disk_id: u64,
    pub size: &'static str,
    pub created_at: String,
    pub built_at: String,
    pub built: Transition<bool>,
    pub locked: bool,
}

pub(super) struct CloneRun {
    pub id: u64,
    pub label: String,
    pub created_at: String,
    pub cloned_server_id: u64,
    pub done: Transition<bool>,
}

/// An address added to a server besides its primary one.
pub(super) struct ExtraIp {
    pub id: u64,
    pub address: String,
    pub vm: u64,
    pub notes: Option<String>,
}

/// Notes and consumer ids set on any address (primary ones included).
#[derive(Default)]
pub(super) struct IpMeta {
    pub notes: Option<String>,
    pub consumer: Option<u64>,
}

/// A justified-address request: VPS.NET staff approve it after a while.
pub(super) struct Justified {
    pub id: u64,
    pub vm: u64,
    pub kind: String,
    pub reason: String,
    pub approved: Transition<bool>,
}

#[derive(Default)]
pub(super) struct ExtrasBook {
    pub backups: BTreeMap<u64, Vec<Backup>>,
    pub clones: BTreeMap<u64, Vec<CloneRun>>,
    pub ips: Vec<ExtraIp>,
    pub ip_meta: BTreeMap<u64, IpMeta>,
    pub justified: Vec<Justified>,
    pub next_id: u64,
}

/// The doc's backup (server 1384) verbatim, and a manual one of server 1385.
pub(super) fn seed() -> ExtrasBook {
    let mut book = ExtrasBook { next_id: 3800, ..ExtrasBook::default() };
    book.backups.insert(
        1384,
        vec![Backup {
            id: 3774,
            label: None,
            backup_type: "normal",
            template_id: 7,
            disk_id: 765,
            size: "510340",
            created_at: "2011-01-07T20:43:33+05:30".into(),
            built_at: "2011-01-07T15:44:43Z".into(),
            built: Transition::settled(true),
            locked: false,
        }],
    );
    book.backups.insert(
        1385,
        vec![Backup {
            id: 3790,
            label: Some("before MySQL upgrade".into()),
            backup_type: "manual",
            template_id: 41,
            disk_id: 771,
            size: "1873402",
            created_at: "2014-02-20T09:12:01-05:00".into(),
            built_at: "2014-02-20T09:31:44-05:00".into(),
            built: Transition::settled(true),
            locked: false,
        }],
    );
    book
}

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/virtual_machines/{id}/{file}", get(read).put(reinstall).delete(delete_clone))
        .route("/virtual_machines/{id}/backups/{file}", delete(delete_backup))
        .route("/virtual_machines/{id}/backups/{backup}/{file}", post(restore))
        .route("/ips.api10json", get(list_ips).post(add_ips))
        .route("/ips/{file}", delete(delete_ip).put(edit_ip).get(list_justified).post(justify))
        .route("/ips/{id}/{file}", post(reassign_ip))
}

fn refuse(message: &str) -> Response {
    unprocessable(&[("base", message.to_owned())])
}

fn object(body: &Bytes) -> Map<String, Value> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

fn backup_view(b: &Backup) -> Value {
    let built = b.built.get();
    let mut v = json!({
        "built_at": if built { Value::from(b.built_at.as_str()) } else { Value::Null },
        "disk_id": b.disk_id,
        "operating_system_distro": "ubuntu",
        "created_at": b.created_at,
        "template_id": b.template_id,
        "operating_system": "linux",
        "allowed_swap": true,
        "updated_at": b.created_at,
        "backup_type": b.backup_type,
        "allow_resize_without_reboot": false,
        "id": b.id,
        "backup_size": b.size,
        "min_disk_size": 5,
        "identifier": format!("zv{:012x}", b.id * 7919),
        "built": built,
        "locked": b.locked,
    });
    if let Some(label) = &b.label {
        v["label"] = Value::from(label.as_str());
    }
    v
}

fn clone_view(c: &CloneRun) -> Value {
    let done = c.done.get();
    json!({ "clone": {
        "label": c.label,
        "id": c.id,
        "status": if done { "Cloned successfully" } else { "Cloning in progress" },
        "created_at": c.created_at,
        "cloned_server_id": if done { Value::from(c.cloned_server_id) } else { Value::Null },
    }})
}

type Span = (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>);

/// The `from`/`to` of a usage call (timestamps with an offset, as the
/// doc's), either left out: a 422 like VPS.NET's for one it cannot read or
/// a start not before the end.
fn span(params: &Params) -> Result<Option<Span>, Response> {
    let read = |name: &str| {
        params
            .get(name)
            .map(|v| {
                chrono::DateTime::parse_from_rfc3339(v)
                    .map(|at| at.with_timezone(&chrono::Utc))
                    .map_err(|_| unprocessable(&[(name, "is not a valid timestamp".to_owned())]))
            })
            .transpose()
    };
    let (from, to) = (read("from")?, read("to")?);
    if from.is_none() && to.is_none() {
        return Ok(None);
    }
    let to = to.unwrap_or_else(chrono::Utc::now);
    let from = from.unwrap_or(to - chrono::Duration::days(1));
    if from >= to {
        return Err(unprocessable(&[("from", "must be before to".to_owned())]));
    }
    Ok(Some((from, to)))
}

/// Hourly samples, steady per server so graphs are stable: over the last
/// day, or on the hours of `span` up to now (at most the last 31 days' worth).
fn samples(id: u64, span: Option<Span>, f: impl Fn(u64, u64) -> Value) -> Json<Vec<Value>> {
    use chrono::Timelike;
    let end = chrono::Utc::now();
    let Some((from, to)) = span else {
        return Json(
            (0..24u64)
                .map(|h| {
                    let at = end - chrono::Duration::hours(i64::try_from(23 - h).unwrap_or(0));
                    let mut v = f(id, h);
                    v["created_at"] = Value::from(at.format("%Y-%m-%dT%H:00:00+00:00").to_string());
                    v
                })
                .collect(),
        );
    };
    let last = to.min(end);
    let mut at = from.with_minute(0).and_then(|t| t.with_second(0)).and_then(|t| t.with_nanosecond(0)).unwrap_or(from);
    if at < from {
        at += chrono::Duration::hours(1);
    }
    at = at.max(last - chrono::Duration::days(31));
    let mut out = Vec::new();
    while at <= last {
        let mut v = f(id, u64::from(at.hour()));
        v["created_at"] = Value::from(at.format("%Y-%m-%dT%H:%M:%S+00:00").to_string());
        out.push(v);
        at += chrono::Duration::hours(1);
    }
    Json(out)
}

/// `GET` backups, clones, cpu_usage, network_utilisation and console of a server.
async fn read(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    params: Params,
) -> Response {
    let (Ok(id), Some(what)) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Virtual machine");
    };
    let span = match span(&params) {
        Ok(span) => span,
        Err(refused) => return refused,
    };
    store.with(|v| {
        if !v.servers.contains_key(&id) {
            return not_found("Virtual machine");
        }
        match what {
            "backups" => {
                let list: Vec<Value> = v.extras.backups.get(&id).map(|l| l.iter().map(backup_view).collect()).unwrap_or_default();
                Json(list).into_response()
            }
            "clones" => {
                let list: Vec<Value> = v.extras.clones.get(&id).map(|l| l.iter().map(clone_view).collect()).unwrap_or_default();
                Json(list).into_response()
            }
            "cpu_usage" => samples(id, span, |id, h| {
                let busy = 6 + (id * 13 + h * 7) % 40 + if (9..18).contains(&h) { 20 } else { 0 };
                json!({ "cpu_time": busy * 36, "elapsed_time": 3600 })
            })
            .into_response(),
            "network_utilisation" => samples(id, span, |id, h| {
                let base = 40_000_000 + (id % 7) * 9_000_000;
                json!({ "data_received": base + (h * 3_100_000) % 60_000_000, "data_sent": base / 3 + (h * 1_700_000) % 25_000_000 })
            })
            .into_response(),
            "console" => Json(json!({ "session": { "port": 5900 + id % 100, "password": password() } })).into_response(),
            // INFERRED: the licences a server can have.
            "licenses" => Json(super::licences::list()).into_response(),
            _ => not_found("Action"),
        }
    })
}

/// `POST virtual_machines/{id}/{action}`: the extras' actions, then the power
/// calls.
pub(super) async fn action(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (Ok(vm), Some(what)) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Virtual machine");
    };
    let form = object(&body);
    let handled = store.with(|v| match what {
        "backups" => Some(take_backup(v, vm, &form)),
        "clones" => Some(start_clone(v, vm, &form)),
        "rebuild_network" => Some(rebuild_network(v, vm)),
        // WHMCS posts reinstall with no body: the current template again.
        "reinstall" => Some(reinstall_with(v, vm, &form)),
        "transfer_managed_service" => Some(transfer_managed(v, vm, &form)),
        // reboot and power_on with `{"mode": "recovery"}` are the power
        // calls as far as the server's state goes.
        _ => None,
    });
    match handled {
        Some(response) => response,
        None => server::action(State(store), Path((id, file))).await,
    }
}

/// INFERRED `POST …/transfer_managed_service` with the doc's "Options"
/// `{reassign_ip, alternate_vps}`: the service moves to `alternate_vps`
/// (never a Windows server, as the doc says), with the added address
/// `reassign_ip` when given.
fn transfer_managed(v: &mut VpsNet, vm: u64, form: &Map<String, Value>) -> Response {
    let Some(target) = integer(form.get("alternate_vps")) else {
        return unprocessable(&[("alternate_vps", "can't be blank".to_owned())]);
    };
    if !v.servers.contains_key(&vm) {
        return not_found("Virtual machine");
    }
    let Some(template) = v.servers.get(&target).map(|s| s.system_template_id) else {
        return unprocessable(&[("alternate_vps", "is not a cloud server of this account".to_owned())]);
    };
    let windows = super::seed::CLOUDS
        .iter()
        .flat_map(|c| c.system_templates)
        .any(|t| t.id == template && t.label.starts_with("Windows"));
    if windows {
        return refuse("Pro-Active Managed Service service cannot be transfered to a Windows cloud server");
    }
    let ip = match integer(form.get("reassign_ip")) {
        None => None,
        Some(id) => match v.extras.ips.iter().position(|ip| ip.id == id && ip.vm == vm) {
            Some(i) => Some(i),
            None => {
                return unprocessable(&[("reassign_ip", "is not an added address of this cloud server".to_owned())])
            }
        },
    };
    if !v.tickets.transfer_managed(vm, target) {
        return refuse("This cloud server has no Pro-Active Managed Service");
    }
    if let Some(i) = ip {
        v.extras.ips[i].vm = target;
    }
    ().into_response()
}

fn take_backup(v: &mut VpsNet, vm: u64, form: &Map<String, Value>) -> Response {
    let delay = v.transition;
    let Some(server) = v.servers.get(&vm) else {
        return not_found("Virtual machine");
    };
    if !server.phase().built() {
        return refuse("Cloud server is not built yet");
    }
    let label = form
        .get("backup")
        .and_then(|b| b.get("label"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned);
    let template_id = server.system_template_id;
    v.extras.next_id += 1;
    let backup = Backup {
        id: v.extras.next_id,
        label,
        backup_type: "manual",
        template_id,
        disk_id: 800 + vm % 100,
        size: "524288",
        created_at: now(),
        built_at: now(),
        built: Transition::after(false, delay, true),
        locked: false,
    };
    let view = backup_view(&backup);
    v.extras.backups.entry(vm).or_default().push(backup);
    Json(view).into_response()
}

fn rebuild_network(v: &mut VpsNet, vm: u64) -> Response {
    let delay = v.transition;
    let Some(server) = v.servers.get_mut(&vm) else {
        return not_found("Virtual machine");
    };
    if !server.phase().running() || server.phase().power_action_pending() {
        return refuse("Cloud server must be powered on and not busy");
    }
    server.after(Phase::PoweringOn, delay, Phase::Running);
    server.updated_at = now();
    ().into_response()
}

fn reinstall_with(v: &mut VpsNet, vm: u64, form: &Map<String, Value>) -> Response {
    let delay = v.transition;
    let Some(server) = v.servers.get_mut(&vm) else {
        return not_found("Virtual machine");
    };
    if !server.phase().built() || server.phase().power_action_pending() {
        return refuse("Cloud server is busy");
    }
    let wanted = integer(form.get("virtual_machine").and_then(|m| m.get("system_template_id")));
    let template = wanted.unwrap_or(server.system_template_id);
    let offered = catalog::available(server.cloud_id).is_some_and(|c| c.offers(template));
    if template != server.system_template_id && !offered {
        return unprocessable(&[("system_template_id", "is not available on this cloud".to_owned())]);
    }
    server.system_template_id = template;
    server.after(Phase::Building, delay, Phase::Running);
    server.updated_at = now();
    ().into_response()
}

async fn reinstall(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (Ok(vm), Some("reinstall")) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Action");
    };
    store.with(|v| reinstall_with(v, vm, &object(&body)))
}

fn start_clone(v: &mut VpsNet, vm: u64, form: &Map<String, Value>) -> Response {
    let delay = v.transition;
    let Some(source) = v.servers.get(&vm) else {
        return not_found("Virtual machine");
    };
    if !source.phase().built() {
        return refuse("Cloud server is not built yet");
    }
    let cloud = match integer(form.get("cloud_id")) {
        None => source.cloud_id,
        Some(c) if catalog::available(c).is_some() => c,
        Some(_) => return unprocessable(&[("cloud_id", "is not an available cloud".to_owned())]),
    };
    let order = Order {
        label: format!("{} clone", source.label),
        hostname: format!("{}-clone", source.hostname),
        domain_name: source.domain_name.clone(),
        cloud_id: cloud,
        system_template_id: source.system_template_id,
        backups_enabled: source.backups_enabled,
        slices: source.slices,
        created_at: now(),
        phase: Transition::after(Phase::Building, delay, Phase::Running),
    };
    let label = format!("{}_clone", source.hostname);
    let new_id = v.provision(order);
    v.extras.next_id += 1;
    let clone = CloneRun {
        id: v.extras.next_id,
        label,
        created_at: now(),
        cloned_server_id: new_id,
        done: Transition::after(false, delay, true),
    };
    let view = clone_view(&clone);
    v.extras.clones.entry(vm).or_default().push(clone);
    Json(view).into_response()
}

/// `DELETE virtual_machines/{id}/clones` with `{"id": N}`, as the doc shows.
async fn delete_clone(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (Ok(vm), Some("clones")) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Action");
    };
    let Some(clone) = integer(object(&body).get("id")) else {
        return unprocessable(&[("id", "can't be blank".to_owned())]);
    };
    store.with(|v| {
        let list = v.extras.clones.entry(vm).or_default();
        match list.iter().position(|c| c.id == clone) {
            Some(i) => {
                list.remove(i);
                ().into_response()
            }
            None => not_found("Clone"),
        }
    })
}

async fn delete_backup(State(store): State<Store<VpsNet>>, Path((id, file)): Path<(String, String)>) -> Response {
    let (Ok(vm), Some(Ok(backup))) = (id.parse::<u64>(), resource(&file).map(str::parse::<u64>)) else {
        return not_found("Backup");
    };
    store.with(|v| {
        let list = v.extras.backups.entry(vm).or_default();
        let Some(i) = list.iter().position(|b| b.id == backup) else {
            return not_found("Backup");
        };
        if list[i].backup_type != "manual" {
            return refuse("Only manual backups can be deleted");
        }
        if list[i].locked || !list[i].built.get() {
            return refuse("Backup is locked or still being written");
        }
        list.remove(i);
        ().into_response()
    })
}

/// `POST .../backups/{backup}/convert`: a built backup becomes a custom
/// template named after the server (the backup stays).
fn convert(v: &mut VpsNet, vm: u64, backup: u64) -> Response {
    let Some(server) = v.servers.get(&vm) else {
        return not_found("Virtual machine");
    };
    let label = format!("{}-backup-{backup}", server.hostname);
    match v.extras.backups.get(&vm).and_then(|l| l.iter().find(|b| b.id == backup)) {
        None => not_found("Backup"),
        Some(b) if !b.built.get() => refuse("Backup is still being written"),
        Some(_) => {
            v.templates.next_id += 1;
            let id = 200 + v.templates.next_id;
            let description = format!("From backup {backup} of {}", server.label);
            v.templates.custom.push(super::templates::Custom::new(id, &label, &description));
            Json(json!({ "system_template": { "id": id, "label": label } })).into_response()
        }
    }
}

/// `POST .../backups/{backup}/restore`: the server must be powered off; it
/// is busy for the transition time and stays off. `.../convert` turns it
/// into a template.
async fn restore(
    State(store): State<Store<VpsNet>>,
    Path((id, backup, file)): Path<(String, String, String)>,
) -> Response {
    let (Ok(vm), Ok(backup), Some(what)) = (id.parse::<u64>(), backup.parse::<u64>(), resource(&file)) else {
        return not_found("Action");
    };
    if what == "convert" {
        return store.with(|v| convert(v, vm, backup));
    }
    if what != "restore" {
        return not_found("Action");
    }
    store.with(|v| {
        let delay = v.transition;
        let usable = v
            .extras
            .backups
            .get(&vm)
            .and_then(|l| l.iter().find(|b| b.id == backup))
            .map(|b| b.built.get() && !b.locked);
        let Some(server) = v.servers.get_mut(&vm) else {
            return not_found("Virtual machine");
        };
        match usable {
            None => not_found("Backup"),
            Some(false) => refuse("Backup is locked or still being written"),
            Some(true) if server.phase() != Phase::Stopped => {
                refuse("Cloud server must be powered off to restore a backup")
            }
            Some(true) => {
                server.after(Phase::Building, delay, Phase::Stopped);
                server.updated_at = now();
                ().into_response()
            }
        }
    })
}

fn ip_view(id: u64, address: &str, cloud: u64, consumer: u64, vm: u64, notes: Option<&str>) -> Value {
    let network = address.rsplit_once('.').map_or_else(|| address.to_owned(), |(p, _)| format!("{p}.0"));
    json!({ "ip_address": {
        "id": id,
        "ip_address": address,
        "netmask": "255.255.255.0",
        "network": network,
        "cloud_id": cloud,
        "consumer_id": consumer,
        "virtual_machine_id": vm,
        "description": notes,
    }})
}

async fn list_ips(State(store): State<Store<VpsNet>>, params: Params) -> Response {
    let consumer: Option<u64> = params.get("consumer_id").and_then(|c| c.parse().ok());
    store.with(|v| {
        let mut all = Vec::new();
        let primaries = v.servers.iter().map(|(id, vm)| (vm.ip.id, vm.ip.address.as_str(), *id));
        let extras = v.extras.ips.iter().map(|ip| (ip.id, ip.address.as_str(), ip.vm));
        for (ip_id, address, vm_id) in primaries.chain(extras) {
            let Some(vm) = v.servers.get(&vm_id) else { continue };
            let meta = v.extras.ip_meta.get(&ip_id);
            let ip_consumer = meta.and_then(|m| m.consumer).unwrap_or(vm.consumer_id);
            let notes = meta
                .and_then(|m| m.notes.as_deref())
                .or_else(|| v.extras.ips.iter().find(|i| i.id == ip_id).and_then(|i| i.notes.as_deref()));
            if consumer.is_none_or(|c| c == ip_consumer) {
                all.push(ip_view(ip_id, address, vm.cloud_id, ip_consumer, vm_id, notes));
            }
        }
        Json(all).into_response()
    })
}

fn ip_exists(v: &VpsNet, id: u64) -> bool {
    v.servers.values().any(|vm| vm.ip.id == id) || v.extras.ips.iter().any(|ip| ip.id == id)
}

/// `PUT ips/{id}` `{"ip_address": {notes, consumer_id}}`.
async fn edit_ip(State(store): State<Store<VpsNet>>, Path(file): Path<String>, body: Bytes) -> Response {
    let Some(Ok(id)) = resource(&file).map(str::parse::<u64>) else {
        return not_found("IP address");
    };
    let form = object(&body);
    let Some(ip) = form.get("ip_address").and_then(Value::as_object) else {
        return refuse("ip_address is required");
    };
    let notes = ip.get("notes").and_then(Value::as_str).map(str::to_owned);
    let consumer = integer(ip.get("consumer_id"));
    if notes.as_ref().is_some_and(|n| n.chars().count() > 255) {
        return unprocessable(&[("notes", "is too long (maximum is 255 characters)".to_owned())]);
    }
    store.with(|v| {
        if !ip_exists(v, id) {
            return not_found("IP address");
        }
        let meta = v.extras.ip_meta.entry(id).or_default();
        if notes.is_some() {
            meta.notes = notes.filter(|n| !n.is_empty());
        }
        if consumer.is_some() {
            meta.consumer = consumer;
        }
        ().into_response()
    })
}

/// INFERRED `POST ips/{id}/reassign` flat `{virtual_machine_id}`: an added
/// address moves to another server of its cloud; primary ones stay.
async fn reassign_ip(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (Ok(id), Some("reassign")) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Action");
    };
    let Some(target) = integer(object(&body).get("virtual_machine_id")) else {
        return unprocessable(&[("virtual_machine_id", "can't be blank".to_owned())]);
    };
    store.with(|v| {
        if v.servers.values().any(|vm| vm.ip.id == id) {
            return refuse("A cloud server's primary IP address cannot be reassigned");
        }
        let Some(to_cloud) = v.servers.get(&target).map(|s| s.cloud_id) else {
            return not_found("Virtual machine");
        };
        let Some(i) = v.extras.ips.iter().position(|ip| ip.id == id) else {
            return not_found("IP address");
        };
        let from_cloud = v.servers.get(&v.extras.ips[i].vm).map(|s| s.cloud_id);
        if from_cloud != Some(to_cloud) {
            return refuse("IPs can only be reassigned to a cloud server on the same cloud");
        }
        v.extras.ips[i].vm = target;
        Json(json!({ "ip_address": v.extras.ips[i].address })).into_response()
    })
}

/// INFERRED `GET ips/justified`: the requests, approved after the transition time.
async fn list_justified(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    if resource(&file) != Some("justified") {
        return not_found("Action");
    }
    store.with(|v| {
        let all: Vec<Value> = v.extras.justified.iter().map(|j| json!({ "justified_ip": {
            "id": j.id, "virtual_machine_id": j.vm, "justification_type": j.kind, "justification_reason": j.reason,
            "status": if j.approved.get() { "approved" } else { "pending" },
        }})).collect();
        Json(all).into_response()
    })
}

/// INFERRED `POST ips/justified`: the doc's `{virtual_machine_id, ip_justification: {ip_addressN: {justification_type, justification_reason}}}`.
async fn justify(State(store): State<Store<VpsNet>>, Path(file): Path<String>, body: Bytes) -> Response {
    if resource(&file) != Some("justified") {
        return not_found("Action");
    }
    let form = object(&body);
    let vm = integer(form.get("virtual_machine_id"));
    let reasons: Vec<(String, String)> = form
        .get("ip_justification")
        .and_then(Value::as_object)
        .map(|m| {
            m.values()
                .filter_map(|j| {
                    Some((
                        j.get("justification_type")?.as_str()?.to_owned(),
                        j.get("justification_reason")?.as_str()?.trim().to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    if reasons.is_empty() || reasons.iter().any(|(k, r)| !matches!(k.as_str(), "0" | "1") || r.is_empty()) {
        return unprocessable(&[(
            "ip_justification",
            "needs a justification_type (0 or 1) and a justification_reason per address".to_owned(),
        )]);
    }
    store.with(|v| {
        let Some(vm) = vm.filter(|vm| v.servers.contains_key(vm)) else {
            return unprocessable(&[("virtual_machine_id", "is not a cloud server of this account".to_owned())]);
        };
        let delay = v.transition;
        for (kind, reason) in reasons {
            v.extras.next_id += 1;
            let id = v.extras.next_id;
            v.extras.justified.push(Justified {
                id,
                vm,
                kind,
                reason,
                approved: Transition::after(false, delay, true),
            });
        }
        ().into_response()
    })
}

/// Flat `{quantity, type, virtual_machine_id, consumer_id}`; answers the new addresses.
async fn add_ips(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    let form = object(&body);
    let quantity = integer(form.get("quantity")).filter(|q| (1..=4).contains(q));
    let kind = form.get("type").and_then(Value::as_str);
    let vm = integer(form.get("virtual_machine_id"));
    let mut errors = Vec::new();
    if quantity.is_none() {
        errors.push(("quantity", "must be from 1 to 4".to_owned()));
    }
    if !matches!(kind, Some("internal" | "external")) {
        errors.push(("type", "must be internal or external".to_owned()));
    }
    let (Some(quantity), Some(vm), true) = (quantity, vm, errors.is_empty()) else {
        if vm.is_none() {
            errors.push(("virtual_machine_id", "can't be blank".to_owned()));
        }
        return unprocessable(&errors);
    };
    store.with(|v| {
        let Some((cloud, consumer)) = v.servers.get(&vm).map(|s| (s.cloud_id, s.consumer_id)) else {
            return unprocessable(&[("virtual_machine_id", "is not a cloud server of this account".to_owned())]);
        };
        let mut added = Vec::new();
        for _ in 0..quantity {
            let ip = v.address(&now());
            added.push(ip_view(ip.id, &ip.address, cloud, consumer, vm, None));
            v.extras.ips.push(ExtraIp { id: ip.id, address: ip.address, vm, notes: None });
        }
        Json(added).into_response()
    })
}

async fn delete_ip(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    let Some(Ok(id)) = resource(&file).map(str::parse::<u64>) else {
        return not_found("IP address");
    };
    store.with(|v| {
        if v.servers.values().any(|vm| vm.ip.id == id) {
            return refuse("A cloud server's primary IP address cannot be removed");
        }
        match v.extras.ips.iter().position(|ip| ip.id == id) {
            Some(i) => {
                v.extras.ips.remove(i);
                ().into_response()
            }
            None => not_found("IP address"),
        }
    })
}
