//! `/virtual_machines`: list, show, create, delete and the power calls.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{Map, Value};

use super::catalog;
use super::state::{IpAllocation, Order, Power, TaskStatus, Vm, Vps247, NOT_FOUND};
use super::{refuse, Refusal};
use crate::common::Store;

/// A VM as the doc's example shows it, field for field and in its order
/// (`month_transfer`, not the attribute list's `transfer_month`).
#[derive(Serialize)]
struct VmView<'a> {
    id: u64,
    name: &'a str,
    hostname: &'a str,
    state: &'static str,
    created_at: &'a str,
    region_id: u64,
    os_template_id: u64,
    initial_password: &'a str,
    owner_id: u64,
    updated_at: &'a str,
    region_name: &'static str,
    os_template_name: &'static str,
    ip_allocations: &'a [IpAllocation],
    last_task: TaskView,
    package_id: u64,
    package_name: &'static str,
    unbilled_hours: u64,
    transfer: u64,
    month_transfer: u64,
    virtual_machine_disk_ids: &'a [u64],
}

#[derive(Serialize)]
struct TaskView {
    id: u64,
    name: &'static str,
    /// The doc shows `null` for a pending task.
    progress: Option<u8>,
    status: &'static str,
}

fn view(id: u64, vm: &Vm) -> VmView<'_> {
    let (status, progress) = match vm.last_task.status.get() {
        TaskStatus::Pending => ("pending", None),
        TaskStatus::Complete => ("complete", Some(100)),
    };
    VmView {
        id,
        name: &vm.name,
        hostname: &vm.hostname,
        state: vm.state.get().word(),
        created_at: &vm.created_at,
        region_id: vm.region.id,
        os_template_id: vm.os.id,
        initial_password: &vm.initial_password,
        owner_id: vm.owner_id,
        updated_at: &vm.updated_at,
        region_name: vm.region.name,
        os_template_name: vm.os.name,
        ip_allocations: &vm.ip_allocations,
        last_task: TaskView { id: vm.last_task.id, name: vm.last_task.name, progress, status },
        package_id: vm.package.id,
        package_name: vm.package.name,
        unbilled_hours: vm.unbilled_hours,
        transfer: vm.transfer,
        month_transfer: vm.month_transfer,
        virtual_machine_disk_ids: &vm.disk_ids,
    }
}

/// Ids in paths are integers; anything else is simply not found.
fn vm_id(raw: &str) -> Result<u64, Refusal> {
    raw.parse().map_err(|_| refuse(StatusCode::NOT_FOUND, NOT_FOUND))
}

pub(super) async fn list(State(store): State<Store<Vps247>>) -> Response {
    store.with(|s| {
        let all: Vec<VmView> = s.vms.iter().map(|(id, vm)| view(*id, vm)).collect();
        Json(all).into_response()
    })
}

pub(super) async fn show(State(store): State<Store<Vps247>>, Path(id): Path<String>) -> Result<Response, Refusal> {
    let id = vm_id(&id)?;
    store.with(|s| Ok(Json(view(id, s.vm(id)?)).into_response()))
}

pub(super) async fn delete(State(store): State<Store<Vps247>>, Path(id): Path<String>) -> Result<StatusCode, Refusal> {
    let id = vm_id(&id)?;
    store.with(|s| s.delete(id))?;
    Ok(StatusCode::NO_CONTENT)
}

async fn power(store: Store<Vps247>, id: &str, call: Power) -> Result<Response, Refusal> {
    let id = vm_id(id)?;
    store.with(|s| {
        let vm = s.power(id, call)?;
        Ok(Json(view(id, vm)).into_response())
    })
}

pub(super) async fn start(State(store): State<Store<Vps247>>, Path(id): Path<String>) -> Result<Response, Refusal> {
    power(store, &id, Power::Start).await
}

pub(super) async fn stop(State(store): State<Store<Vps247>>, Path(id): Path<String>) -> Result<Response, Refusal> {
    power(store, &id, Power::Stop).await
}

pub(super) async fn restart(State(store): State<Store<Vps247>>, Path(id): Path<String>) -> Result<Response, Refusal> {
    power(store, &id, Power::Restart).await
}

pub(super) async fn kill(State(store): State<Store<Vps247>>, Path(id): Path<String>) -> Result<Response, Refusal> {
    power(store, &id, Power::Kill).await
}

/// Reads one catalog id of the create body, noting what is wrong with it.
fn catalog_entry<T>(
    fields: &Map<String, Value>,
    key: &str,
    find: fn(u64) -> Option<&'static T>,
    problems: &mut Vec<String>,
) -> Option<&'static T> {
    let problem = match fields.get(key).map(Value::as_u64) {
        None => format!("{key} is missing"),
        Some(None) => format!("{key} must be an integer"),
        Some(Some(id)) => match find(id) {
            Some(entry) => return Some(entry),
            None => format!("{key} {id} does not exist"),
        },
    };
    problems.push(problem);
    None
}

fn flag(fields: &Map<String, Value>, key: &str, problems: &mut Vec<String>) -> Option<bool> {
    match fields.get(key) {
        Some(Value::Bool(b)) => return Some(*b),
        Some(_) => problems.push(format!("{key} must be true or false")),
        None => problems.push(format!("{key} is missing")),
    }
    None
}

/// The doc's schema: name, os_template_id, region_id, package_id,
/// has_private_networking and has_ipv6 are required, ssh_key_ids optional.
/// Every problem is listed in one 400, as "describing what data was missing".
pub(super) async fn create(State(store): State<Store<Vps247>>, body: Bytes) -> Result<Response, Refusal> {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(&body) else {
        return Err(refuse(StatusCode::BAD_REQUEST, "The request body must be a JSON object"));
    };
    let mut problems = Vec::new();
    let name = match fields.get("name") {
        Some(Value::String(n)) if !n.trim().is_empty() => Some(n.trim().to_owned()),
        Some(_) => {
            problems.push("name must be a non-empty string".to_owned());
            None
        }
        None => {
            problems.push("name is missing".to_owned());
            None
        }
    };
    let os = catalog_entry(&fields, "os_template_id", catalog::os_template, &mut problems);
    let region = catalog_entry(&fields, "region_id", catalog::region, &mut problems);
    let package = catalog_entry(&fields, "package_id", catalog::package, &mut problems);
    // Private networking has no visible effect in the VM object; it is
    // still required, as the schema has it.
    flag(&fields, "has_private_networking", &mut problems);
    let ipv6 = flag(&fields, "has_ipv6", &mut problems);
    if let Some(keys) = fields.get("ssh_key_ids") {
        let integers = keys.as_array().is_some_and(|ids| ids.iter().all(|id| id.as_u64().is_some()));
        if !integers {
            problems.push("ssh_key_ids must be a list of integers".to_owned());
        }
    }
    store.with(|s| {
        if let Some(n) = &name {
            if s.vms.values().any(|vm| vm.name == *n) {
                problems.push(format!("name {n:?} has already been taken"));
            }
        }
        if let (Some(region), Some(package), Some(os)) = (region, package, os) {
            if !region.offers(package, os) {
                problems
                    .push(format!("{} does not offer package {} with OS template {}", region.name, package.id, os.id));
            }
        }
        let (Some(name), Some(os), Some(region), Some(package), Some(ipv6), true) =
            (name, os, region, package, ipv6, problems.is_empty())
        else {
            return Err(refuse(StatusCode::BAD_REQUEST, problems.join("; ")));
        };
        let id = s.provision(Order { name, region, os, package, ipv6 });
        Ok((StatusCode::CREATED, Json(view(id, s.vm(id)?))).into_response())
    })
}
