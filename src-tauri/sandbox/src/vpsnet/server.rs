//! virtual_machines: list, show, create, edit, delete, power and the
//! pending-server calls (rebuild, recover).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{Map, Value};

use super::catalog;
use super::state::{now, Order, Phase, Vm, VpsNet};
use super::{integer, not_found, resource, unprocessable};
use crate::common::{Params, Store, Transition};

/// The most nodes the simulator sells one server.
const MAX_NODES: u64 = 16;

/// A server as the doc's list example shows it, in its order, then `built`
/// (defined in the doc, missing from its example) and the primary address
/// (which the show and create replies carry, and libcloud reads from the
/// list too).
#[derive(Serialize)]
struct VmView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    running: Option<bool>,
    updated_at: &'a str,
    power_action_pending: bool,
    system_template_id: u64,
    id: u64,
    cloud_id: u64,
    domain_name: &'a str,
    hostname: &'a str,
    consumer_id: u64,
    backups_enabled: bool,
    password: &'a str,
    label: &'a str,
    slices_count: Option<u32>,
    created_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bandwidth_used: Option<u64>,
    delayed_storage: bool,
    delayed_storage_until: Option<&'a str>,
    built: bool,
    primary_ip_address: IpEnvelope<'a>,
    /// Only in show (and the replies that return the whole server).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    full: Option<FullView<'a>>,
}

#[derive(Serialize)]
struct FullView<'a> {
    ip_addresses: [IpEnvelope<'a>; 1],
    virtual_machine_licenses: Vec<Value>,
    backup_licenses: BackupLicenses,
}

#[derive(Serialize)]
struct BackupLicenses {
    r1soft_license: Option<u64>,
    rsync_license: Option<u64>,
}

#[derive(Serialize, Clone, Copy)]
struct IpEnvelope<'a> {
    ip_address: IpView<'a>,
}

#[derive(Serialize, Clone, Copy)]
struct IpView<'a> {
    id: u64,
    ip_address: &'a str,
    netmask: &'static str,
    network: &'a str,
    cloud_id: u64,
    consumer_id: u64,
    virtual_machine_id: u64,
    description: Option<&'static str>,
    created_at: &'a str,
    updated_at: &'a str,
}

#[derive(Serialize)]
struct Envelope<'a> {
    virtual_machine: VmView<'a>,
}

#[derive(Clone, Copy)]
enum Shape {
    /// `basic=true`: without `running` and `bandwidth_used`.
    Basic,
    List,
    Full,
}

fn view<'a>(id: u64, vm: &'a Vm, network: &'a str, shape: Shape) -> Envelope<'a> {
    let phase = vm.phase();
    let ip = IpEnvelope {
        ip_address: IpView {
            id: vm.ip.id,
            ip_address: &vm.ip.address,
            netmask: "255.255.255.0",
            network,
            cloud_id: vm.cloud_id,
            consumer_id: vm.consumer_id,
            virtual_machine_id: id,
            description: None,
            created_at: &vm.ip.created_at,
            updated_at: &vm.ip.created_at,
        },
    };
    let basic = matches!(shape, Shape::Basic);
    Envelope {
        virtual_machine: VmView {
            running: (!basic).then_some(phase.running()),
            updated_at: &vm.updated_at,
            power_action_pending: phase.power_action_pending(),
            system_template_id: vm.system_template_id,
            id,
            cloud_id: vm.cloud_id,
            domain_name: &vm.domain_name,
            hostname: &vm.hostname,
            consumer_id: vm.consumer_id,
            backups_enabled: vm.backups_enabled,
            password: &vm.password,
            label: &vm.label,
            slices_count: vm.slices_reported.then_some(vm.slices),
            created_at: &vm.created_at,
            bandwidth_used: (!basic).then_some(vm.bandwidth_used),
            delayed_storage: vm.delayed_storage,
            delayed_storage_until: vm.delayed_storage_until.as_deref(),
            built: phase.built(),
            primary_ip_address: ip,
            full: matches!(shape, Shape::Full).then(|| FullView {
                ip_addresses: [ip],
                virtual_machine_licenses: super::licences::held(id, &vm.licences),
                // A licence id per backup kind that is on (the doc names
                // them, not their numbers).
                backup_licenses: BackupLicenses {
                    r1soft_license: vm.r1soft_backups.then_some(500 + id),
                    rsync_license: vm.rsync_backups.then_some(600 + id),
                },
            }),
        },
    }
}

/// "68.169.40.7" -> "68.169.40.0".
fn network_of(address: &str) -> String {
    match address.rsplit_once('.') {
        Some((prefix, _)) => format!("{prefix}.0"),
        None => address.to_owned(),
    }
}

fn full(id: u64, vm: &Vm) -> Response {
    let network = network_of(&vm.ip.address);
    Json(view(id, vm, &network, Shape::Full)).into_response()
}

/// `search` matches address, host name, domain or label; `basic` (bare, as
/// PHP sends it, or `true`/`True`) drops the costly fields.
pub(super) async fn list(State(store): State<Store<VpsNet>>, params: Params) -> Response {
    let basic = params.text("basic").is_some_and(|b| !b.eq_ignore_ascii_case("false"));
    let search = params.get("search").map(str::to_lowercase);
    let consumer: Option<u64> = params.get("consumer_id").and_then(|c| c.parse().ok());
    store.with(|v| {
        let matching: Vec<(u64, &Vm)> = v
            .servers
            .iter()
            .filter(|(_, vm)| consumer.is_none_or(|c| vm.consumer_id == c))
            .filter(|(_, vm)| {
                search.as_deref().is_none_or(|term| {
                    [&vm.ip.address, &vm.hostname, &vm.domain_name, &vm.label]
                        .iter()
                        .any(|f| f.to_lowercase().contains(term))
                })
            })
            .map(|(id, vm)| (*id, vm))
            .collect();
        let networks: Vec<String> = matching.iter().map(|(_, vm)| network_of(&vm.ip.address)).collect();
        let shape = if basic { Shape::Basic } else { Shape::List };
        let all: Vec<Envelope> =
            matching.iter().zip(&networks).map(|((id, vm), net)| view(*id, vm, net, shape)).collect();
        Json(all).into_response()
    })
}

/// `recoverable.api10json` lists deleted servers; `{id}.api10json` shows one.
pub(super) async fn show(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    let Some(stem) = resource(&file) else {
        return not_found("Virtual machine");
    };
    store.with(|v| {
        if stem == "recoverable" {
            let networks: Vec<String> = v.recoverable.values().map(|vm| network_of(&vm.ip.address)).collect();
            let all: Vec<Envelope> =
                v.recoverable.iter().zip(&networks).map(|((id, vm), net)| view(*id, vm, net, Shape::List)).collect();
            return Json(all).into_response();
        }
        match stem.parse().ok().and_then(|id| Some((id, v.servers.get(&id)?))) {
            Some((id, vm)) => full(id, vm),
            None => not_found("Virtual machine"),
        }
    })
}

/// A number sent as a JSON number or a numeric string, as PHP clients do.
fn flag(v: Option<&Value>) -> Option<bool> {
    match v? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_u64() != Some(0)),
        Value::String(s) => Some(matches!(s.as_str(), "1" | "true")),
        _ => None,
    }
}

/// The `virtual_machine` object of a create or edit body, or why there is none.
fn form(body: &Bytes) -> Result<Map<String, Value>, &'static str> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(mut root)) => match root.remove("virtual_machine") {
            Some(Value::Object(vm)) => Ok(vm),
            _ => Err("virtual_machine is required"),
        },
        _ => Err("The request body is not a JSON object"),
    }
}

fn nodes_error() -> (&'static str, String) {
    ("slices_required", format!("must be a number of nodes from 1 to {MAX_NODES}"))
}

/// An fqdn split into host name and domain: at least two DNS labels.
fn split_fqdn(fqdn: &str) -> Option<(String, String)> {
    let fqdn = fqdn.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels_ok = fqdn.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    let (host, domain) = fqdn.split_once('.')?;
    labels_ok.then(|| (host.to_owned(), domain.to_owned()))
}

/// Answers with the new server at once; it is built (`built: false`) for
/// the transition time, then runs.
pub(super) async fn create(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    if let Ok(Value::Object(root)) = serde_json::from_slice::<Value>(&body) {
        if flag(root.get("instant")) == Some(true) {
            return create_instant(&store, &root);
        }
    }
    let vm = match form(&body) {
        Ok(vm) => vm,
        Err(why) => return refuse(why),
    };
    let mut errors = Vec::new();
    let label = vm.get("label").and_then(Value::as_str).map(str::trim).unwrap_or_default();
    if label.is_empty() {
        errors.push(("label", "can't be blank".to_owned()));
    }
    let fqdn = vm.get("fqdn").and_then(Value::as_str).unwrap_or_default();
    let names = split_fqdn(fqdn);
    if names.is_none() {
        let why = if fqdn.trim().is_empty() { "can't be blank" } else { "is not a valid host name with a domain" };
        errors.push(("fqdn", why.to_owned()));
    }
    let cloud = integer(vm.get("cloud_id")).and_then(catalog::available);
    if cloud.is_none() {
        errors.push(("cloud_id", "is not an available cloud".to_owned()));
    }
    let template = integer(vm.get("system_template_id"));
    match (cloud, template) {
        (_, None) => errors.push(("system_template_id", "can't be blank".to_owned())),
        (Some(c), Some(t)) if !c.offers(t) => {
            errors.push(("system_template_id", format!("is not available on cloud {}", c.label)))
        }
        _ => {}
    }
    let slices = integer(vm.get("slices_required")).filter(|n| (1..=MAX_NODES).contains(n));
    if slices.is_none() {
        errors.push(nodes_error());
    }
    let licences =
        match super::licences::requested(&vm).map(|change| super::licences::apply(&Default::default(), change)) {
            Some(Ok(bought)) => bought,
            Some(Err((field, why))) => {
                errors.push((field, why));
                Default::default()
            }
            None => Default::default(),
        };
    let (Some((hostname, domain_name)), Some(cloud), Some(template), Some(slices), true) =
        (names, cloud, template, slices, errors.is_empty())
    else {
        return unprocessable(&errors);
    };
    store.with(|v| {
        let id = v.provision(Order {
            label: label.to_owned(),
            hostname,
            domain_name,
            cloud_id: cloud.id,
            system_template_id: template,
            backups_enabled: flag(vm.get("backups_enabled")).unwrap_or(false),
            slices: u32::try_from(slices).unwrap_or(1),
            created_at: now(),
            phase: Transition::after(Phase::Building, v.transition, Phase::Running),
        });
        match v.servers.get_mut(&id) {
            Some(created) => {
                created.licences = licences;
                full(id, created)
            }
            None => not_found("Virtual machine"),
        }
    })
}

/// The doc's instant create, flat `{"instant": true, "country": N}`: a
/// one-node server on the country's cloud (country N is the Nth available
/// cloud here; the doc does not say how VPS.NET numbers countries) with
/// its first template, named after its id until renamed.
fn create_instant(store: &Store<VpsNet>, root: &Map<String, Value>) -> Response {
    let clouds: Vec<&catalog::Cloud> = super::seed::CLOUDS.iter().filter(|c| c.available).collect();
    let cloud = integer(root.get("country"))
        .and_then(|n| usize::try_from(n).ok())
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| clouds.get(i).copied());
    let Some((cloud, template)) = cloud.and_then(|c| c.system_templates.first().map(|t| (c, t.id))) else {
        return unprocessable(&[("country", "has no instant servers".to_owned())]);
    };
    store.with(|v| {
        let next = v.next_id;
        let id = v.provision(Order {
            label: format!("Instant {next}"),
            hostname: format!("instant-{next}"),
            domain_name: "localdomain".to_owned(),
            cloud_id: cloud.id,
            system_template_id: template,
            backups_enabled: false,
            slices: 1,
            created_at: now(),
            phase: Transition::after(Phase::Building, v.transition, Phase::Running),
        });
        match v.servers.get(&id) {
            Some(created) => full(id, created),
            None => not_found("Virtual machine"),
        }
    })
}

/// The node counts of the doc's edit bodies, by wire name and kind.
const NODE_KINDS: [(&str, &str); 3] =
    [("storage_nodes_required", "storage"), ("ram_nodes_required", "ram"), ("bandwidth_nodes_required", "bandwidth")];

/// PUT: every edit must say `slices_required`, which sets the regular node
/// count; label, consumer, the three backup flags, daily, storage, RAM and
/// bandwidth nodes change when given, and `licenses` buys or cancels
/// control-panel licences. More disk (regular or storage nodes)
/// restarts a running server unless `delayed_storage` puts it off until
/// `delayed_storage_until` ("Upgrading your storage will cause downtime").
pub(super) async fn edit(State(store): State<Store<VpsNet>>, Path(file): Path<String>, body: Bytes) -> Response {
    let Some(id) = resource(&file).and_then(|s| s.parse::<u64>().ok()) else {
        return not_found("Virtual machine");
    };
    let form = match form(&body) {
        Ok(form) => form,
        Err(why) => return refuse(why),
    };
    let in_range = |key: &str| {
        form.get(key).map(|v| integer(Some(v)).filter(|n| *n <= MAX_NODES).and_then(|n| u32::try_from(n).ok()))
    };
    store.with(|v| {
        let delay = v.transition;
        let Some(vm) = v.servers.get_mut(&id) else {
            return not_found("Virtual machine");
        };
        let mut errors = Vec::new();
        let slices = integer(form.get("slices_required")).filter(|n| (1..=MAX_NODES).contains(n));
        if slices.is_none() {
            errors.push(nodes_error());
        }
        let label = form.get("label").map(|l| l.as_str().unwrap_or_default().trim());
        if label.is_some_and(str::is_empty) {
            errors.push(("label", "can't be blank".to_owned()));
        }
        let daily = in_range("daily_nodes_required");
        let typed: Vec<(&str, Option<u32>)> =
            NODE_KINDS.iter().filter_map(|(key, kind)| Some((*kind, in_range(key)?))).collect();
        for (key, value) in
            [("daily_nodes_required", daily)].into_iter().chain(NODE_KINDS.iter().map(|(k, _)| (*k, in_range(k))))
        {
            if value == Some(None) {
                errors.push((key, format!("must be a number of nodes from 0 to {MAX_NODES}")));
            }
        }
        let licences = super::licences::requested(&form).map(|l| super::licences::apply(&vm.licences, l));
        if let Some(Err(e)) = &licences {
            errors.push(e.clone());
        }
        let until = form.get("delayed_storage_until").and_then(Value::as_str).map(str::trim);
        let delayed = flag(form.get("delayed_storage")) == Some(true);
        if delayed && !until.is_some_and(valid_eastern_time) {
            errors.push(("delayed_storage_until", "must be a date and time like 2010-04-24 14:00".to_owned()));
        }
        let Some(slices) = slices.filter(|_| errors.is_empty()) else {
            return unprocessable(&errors);
        };
        let slices = u32::try_from(slices).unwrap_or(vm.slices);
        let mut more_disk = slices > vm.slices;
        vm.slices = slices;
        if let Some(Some(daily)) = daily {
            more_disk |= daily > vm.daily_slices;
            vm.daily_slices = daily;
        }
        if let Some(label) = label {
            vm.label = label.to_owned();
        }
        if let Some(consumer) = integer(form.get("consumer_id")) {
            vm.consumer_id = consumer;
        }
        if let Some(backups) = flag(form.get("backups_enabled")) {
            vm.backups_enabled = backups;
        }
        if let Some(rsync) = flag(form.get("rsync_backups_enabled")) {
            vm.rsync_backups = rsync;
        }
        if let Some(r1soft) = flag(form.get("r1_soft_backups_enabled")) {
            vm.r1soft_backups = r1soft;
        }
        if let Some(Ok(held)) = licences {
            vm.licences = held;
        }
        vm.updated_at = now();
        for (kind, want) in typed {
            if let Some(want) = want {
                let added = super::nodes::assign(&mut v.nodes, id, kind, want);
                more_disk |= kind == "storage" && added;
            }
        }
        let Some(vm) = v.servers.get_mut(&id) else {
            return not_found("Virtual machine");
        };
        if more_disk && delayed {
            vm.delayed_storage = true;
            vm.delayed_storage_until = until.map(str::to_owned);
        } else if more_disk && vm.phase().running() {
            vm.after(Phase::PoweringOn, delay, Phase::Running);
        }
        full(id, vm)
    })
}

/// "2010-04-24 14:00", the doc's `delayed_storage_until`.
fn valid_eastern_time(text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let Some((date, time)) = text.split_once(' ') else {
        return false;
    };
    let d: Vec<&str> = date.split('-').collect();
    let t: Vec<&str> = time.split(':').collect();
    d.len() == 3
        && digits(d[0], 4)
        && digits(d[1], 2)
        && digits(d[2], 2)
        && t.len() == 2
        && digits(t[0], 2)
        && digits(t[1], 2)
}

/// Any state: the server goes to the recoverable list.
pub(super) async fn destroy(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    let Some(id) = resource(&file).and_then(|s| s.parse::<u64>().ok()) else {
        return not_found("Virtual machine");
    };
    store.with(|v| match v.servers.remove(&id) {
        Some(vm) => {
            v.recoverable.insert(id, vm);
            ().into_response()
        }
        None => not_found("Virtual machine"),
    })
}

fn refuse(message: &str) -> Response {
    unprocessable(&[("base", message.to_owned())])
}

/// `POST virtual_machines/{id}/{action}.api10json`, answered with the server.
pub(super) async fn action(State(store): State<Store<VpsNet>>, Path((id, file)): Path<(String, String)>) -> Response {
    let (Ok(id), Some(action)) = (id.parse::<u64>(), resource(&file)) else {
        return not_found("Virtual machine");
    };
    store.with(|v| {
        if action == "recover" {
            return match v.recoverable.remove(&id) {
                Some(vm) => {
                    v.servers.insert(id, vm);
                    v.servers.get(&id).map_or_else(|| not_found("Virtual machine"), |vm| full(id, vm))
                }
                None => not_found("Recoverable virtual machine"),
            };
        }
        let delay = v.transition;
        let Some(vm) = v.servers.get_mut(&id) else {
            return not_found("Virtual machine");
        };
        let phase = vm.phase();
        if phase.power_action_pending() {
            return refuse("A power action is already pending for this cloud server");
        }
        let is_power = matches!(action, "power_on" | "shutdown" | "power_off" | "reboot");
        if is_power && !phase.built() {
            return refuse("Cloud server is not built yet");
        }
        match action {
            // "Run this command on machines which are powered off."
            "power_on" if phase.running() => return refuse("Cloud server is already powered on"),
            "power_on" => vm.after(Phase::PoweringOn, delay, Phase::Running),
            // The others run on machines which are powered on.
            "shutdown" | "power_off" | "reboot" if !phase.running() => return refuse("Cloud server is powered off"),
            "shutdown" => vm.after(Phase::ShuttingDown, delay, Phase::Stopped),
            "power_off" => vm.set(Phase::Stopped),
            "reboot" => vm.after(Phase::PoweringOn, delay, Phase::Running),
            // "To rebuild a pending cloud server."
            "rebuild" if phase != Phase::Unbuilt => return refuse("Only a pending cloud server can be rebuilt"),
            "rebuild" => vm.after(Phase::Building, delay, Phase::Running),
            // INFERRED call: the disk grows now, restarting a running server.
            "upgrade_storage" if !phase.built() => return refuse("Cloud server is not built yet"),
            "upgrade_storage" => {
                vm.delayed_storage = false;
                vm.delayed_storage_until = None;
                if phase.running() {
                    vm.after(Phase::PoweringOn, delay, Phase::Running);
                }
            }
            _ => return not_found("Action"),
        }
        vm.updated_at = now();
        full(id, vm)
    })
}
