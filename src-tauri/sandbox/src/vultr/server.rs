//! server/*: the list, creation, power and OS actions.

use std::time::Duration;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

use super::catalog::{self, OsView, ISO_FAMILY, SNAPSHOT_FAMILY};
use super::seed::{ISOS, OPERATING_SYSTEMS};
use super::state::{Order, Phase, Server, Vultr};
use super::{invalid, yes_no};
use crate::common::{timestamp, Failure, Keyed, Params, Store, Transition};

/// server/list's object. Every number is a string except
/// `current_bandwidth_gb`. `server_state` is not in the doc's example but is
/// what tells "installing/booting" apart from "ok".
#[derive(Serialize)]
struct ServerView<'a> {
    #[serde(rename = "SUBID")]
    subid: String,
    os: &'a str,
    ram: String,
    disk: String,
    main_ip: &'a str,
    vcpu_count: String,
    location: &'a str,
    #[serde(rename = "DCID")]
    dcid: String,
    default_password: &'a str,
    date_created: &'a str,
    pending_charges: &'a str,
    status: &'static str,
    cost_per_month: &'a str,
    current_bandwidth_gb: f64,
    allowed_bandwidth_gb: &'a str,
    netmask_v4: &'a str,
    gateway_v4: &'a str,
    power_status: &'static str,
    server_state: &'static str,
    #[serde(rename = "VPSPLANID")]
    plan_id: String,
    v6_network: &'a str,
    v6_main_ip: &'a str,
    v6_network_size: &'a str,
    label: &'a str,
    internal_ip: &'a str,
    kvm_url: &'a str,
    auto_backups: &'static str,
}

fn view<'a>(subid: u64, server: &'a Server) -> ServerView<'a> {
    let phase = server.phase();
    // Until the install is done no address is assigned, as on Vultr.
    let installed = phase != Phase::Installing;
    let net = &server.net;
    let shown = |placeholder: &'a str, real: &'a str| if installed { real } else { placeholder };
    ServerView {
        subid: subid.to_string(),
        os: &server.os,
        ram: format!("{} MB", server.ram_mb),
        disk: format!("Virtual {} GB", server.disk_gb),
        main_ip: shown("0.0.0.0", &server.main_ipv4.ip),
        vcpu_count: server.vcpu_count.to_string(),
        location: &server.location,
        dcid: server.dcid.to_string(),
        default_password: &server.default_password,
        date_created: &server.date_created,
        pending_charges: &server.pending_charges,
        status: phase.status(),
        cost_per_month: &server.cost_per_month,
        current_bandwidth_gb: server.current_bandwidth_gb,
        allowed_bandwidth_gb: &server.allowed_bandwidth_gb,
        netmask_v4: shown("", &net.netmask_v4),
        gateway_v4: shown("0.0.0.0", &net.gateway_v4),
        power_status: phase.power_status(),
        server_state: phase.server_state(),
        plan_id: server.plan_id.to_string(),
        v6_network: shown("", &net.v6_network),
        v6_main_ip: shown("", &net.v6_main_ip),
        v6_network_size: shown("", &net.v6_network_size),
        label: &server.label,
        internal_ip: shown("", &net.internal_ip),
        kvm_url: &server.kvm_url,
        auto_backups: if server.auto_backups { "yes" } else { "no" },
    }
}

/// All servers keyed by SUBID (`[]` when none), or with `SUBID` just that
/// server's object, not keyed.
pub(super) async fn list(State(store): State<Store<Vultr>>, params: Params) -> Result<Response, Failure> {
    store.with(|v| match params.get("SUBID") {
        Some(subid) => {
            let (id, server) = v.servers.find(Some(subid))?;
            Ok(Json(view(id, server)).into_response())
        }
        None => {
            let all: Keyed<u64, ServerView> = v.servers.0.iter().map(|(id, s)| (*id, view(*id, s))).collect();
            Ok(Json(all).into_response())
        }
    })
}

pub(super) async fn bandwidth(State(store): State<Store<Vultr>>, params: Params) -> Result<Response, Failure> {
    store.with(|v| {
        let (_, server) = v.servers.find(params.get("SUBID"))?;
        Ok(Json(&server.bandwidth).into_response())
    })
}

/// Answers at once with the new SUBID; the server then installs ("pending")
/// for the transition time before it is active and running.
pub(super) async fn create(State(store): State<Store<Vultr>>, params: Params) -> Result<Json<Value>, Failure> {
    let region = catalog::region(params.get("DCID")).ok_or_else(|| invalid("Invalid DCID.  Check DCID value"))?;
    let plan = catalog::plan(params.get("VPSPLANID")).ok_or_else(|| invalid("Invalid plan.  Check VPSPLANID value"))?;
    let os = catalog::os(params.get("OSID")).ok_or_else(|| invalid("Invalid operating system.  Check OSID value"))?;
    if !region.available.contains(&plan.id) {
        return Err(invalid(format!(
            "Plan {} is not available in {}.  Check v1/regions/availability",
            plan.id, region.name
        )));
    }
    if params.get("ISOID").is_some_and(|id| !ISOS.iter().any(|iso| iso.id.to_string() == id)) {
        return Err(invalid("Invalid ISO.  Check ISOID value"));
    }
    if let Some(url) = params.get("ipxe_chain_url") {
        if os.family != ISO_FAMILY {
            return Err(invalid("ipxe_chain_url requires the Custom operating system.  Check OSID value"));
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(invalid("Invalid iPXE chain URL.  Check ipxe_chain_url value"));
        }
    }
    let ipv6 = yes_no(&params, "enable_ipv6", false)?;
    let private_network = yes_no(&params, "enable_private_network", false)?;
    let auto_backups = yes_no(&params, "auto_backups", false)?;
    store.with(|v| {
        if os.family == SNAPSHOT_FAMILY {
            v.restorable_snapshot(params.get("SNAPSHOTID"))?;
        }
        if let Some(script) = params.get("SCRIPTID") {
            if !script.parse().is_ok_and(|id: u64| v.scripts.contains_key(&id)) {
                return Err(invalid("Invalid startup script ID.  Check SCRIPTID value"));
            }
        }
        if let Some(keys) = params.get("SSHKEYID") {
            if !keys.split(',').all(|key| v.sshkeys.contains_key(key.trim())) {
                return Err(invalid("Invalid SSH key ID.  Check SSHKEYID value"));
            }
        }
        let subid = v.provision(Order {
            region,
            plan,
            os: os.name,
            label: params.text("label").unwrap_or_default().to_owned(),
            ipv6,
            private_network,
            auto_backups,
            date_created: timestamp(),
            phase: Transition::after(Phase::Installing, v.transition, Phase::Running),
        });
        Ok(Json(json!({ "SUBID": subid.to_string() })))
    })
}

/// The doc allows destroying in any state, including while installing.
pub(super) async fn destroy(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let (id, _) = v.servers.find(params.get("SUBID"))?;
        v.servers.0.remove(&id);
        v.backups.retain(|_, backup| backup.server != id);
        Ok(())
    })
}

/// Applies `act` (given the transition time) to the SUBID's server, if it
/// is in a state that can be operated.
fn operate(store: &Store<Vultr>, params: &Params, act: impl FnOnce(&mut Server, Duration)) -> Result<(), Failure> {
    store.with(|v| {
        act(v.servers.operable(params.get("SUBID"))?, v.transition);
        Ok(())
    })
}

/// Both `start` and `reboot`: "If the machine is already running, it will
/// be restarted."
pub(super) async fn boot(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    operate(&store, &params, Server::boot)
}

pub(super) async fn halt(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    operate(&store, &params, |server, _| server.halt())
}

/// Allowed in any state; an empty label clears it.
pub(super) async fn label_set(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let server = v.servers.find_mut(params.get("SUBID"))?;
        server.label = params.text("label").ok_or_else(|| invalid("Missing parameter: label"))?.to_owned();
        Ok(())
    })
}

pub(super) async fn reinstall(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    operate(&store, &params, Server::reinstall)
}

pub(super) async fn os_change(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let server = v.servers.operable(params.get("SUBID"))?;
        let os = catalog::os(params.get("OSID"))
            .filter(|os| os.changeable())
            .ok_or_else(|| invalid("Invalid operating system.  Check OSID value and v1/server/os_change_list"))?;
        server.os = os.name.to_owned();
        server.reinstall(v.transition);
        Ok(())
    })
}

#[derive(Serialize)]
pub(super) struct OsChangeView {
    #[serde(flatten)]
    os: OsView,
    surcharge: &'static str,
}

pub(super) async fn os_change_list(
    State(store): State<Store<Vultr>>,
    params: Params,
) -> Result<Json<Keyed<u32, OsChangeView>>, Failure> {
    store.with(|v| v.servers.find(params.get("SUBID")).map(drop))?;
    Ok(Json(
        OPERATING_SYSTEMS
            .iter()
            .filter(|os| os.changeable())
            .map(|os| {
                let surcharge = if os.windows { "16.00" } else { "0.00" };
                (os.id, OsChangeView { os: os.into(), surcharge })
            })
            .collect(),
    ))
}

/// Only the server's own backups can be restored onto it.
pub(super) async fn restore_backup(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let (id, _) = v.servers.find(params.get("SUBID"))?;
        if params.get("BACKUPID").and_then(|backup| v.backups.get(backup)).map(|b| b.server) != Some(id) {
            return Err(invalid("Invalid backup.  Check BACKUPID value"));
        }
        v.servers.operable(params.get("SUBID"))?.boot(v.transition);
        Ok(())
    })
}

pub(super) async fn restore_snapshot(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        v.servers.find(params.get("SUBID"))?;
        v.restorable_snapshot(params.get("SNAPSHOTID"))?;
        v.servers.operable(params.get("SUBID"))?.boot(v.transition);
        Ok(())
    })
}
