//! SSD VPS: VPS.NET's second kind of server, with its own calls
//! (`ssd_virtual_machines…`, `available_ssd_clouds`), its own id space and
//! only list, show, create, power and delete. In vpsdesk they sit in the
//! account's inventory beside the cloud servers under ids and region ids
//! prefixed `ssd-`, which is how every call is routed to the SSD paths.

use serde_json::{json, Value};

use super::wire::{CloudEnvelope, CloudWire, VirtualMachineEnvelope};
use super::{map, number, paths, PowerCall, Scope, Vpsnet, NAME};
use crate::error::{Error, Result};
use crate::http::Request;
use crate::model::{CreateServer, Plan, PowerAction, Region, Server};
use crate::providers::common::{decode, display_value, ProviderApi};

/// Put before SSD VPS and SSD cloud ids, which VPS.NET numbers apart from
/// cloud servers and clouds.
pub const PREFIX: &str = "ssd-";

/// The number behind an `ssd-` id, `None` for a cloud server's or cloud's id.
pub fn ssd_number(field: &str, what: &str, id: &str) -> Option<Result<String>> {
    id.trim().strip_prefix(PREFIX).map(|n| number(field, what, n).map(|n| n.to_string()))
}

/// The SSD plans (`ssd_vps_plan`). The doc and `vpsnet-endpoints.md` give
/// no list; these are the numbers a public client of this call (psiphon's,
/// over LC-PSI's `create_ssd_node`) documents: "VPS 1GB - 1, VPS 2GB - 2,
/// VPS 4GB - 3, VPS 8GB - 4, VPS 16GB - 5".
const PLANS: [(u32, u32); 5] = [(1, 1), (2, 2), (3, 4), (4, 8), (5, 16)];

pub fn plans() -> Vec<Plan> {
    PLANS
        .iter()
        .map(|(id, gb)| Plan {
            id: id.to_string(),
            name: format!("SSD VPS {gb} GB"),
            vcpus: None,
            memory_mb: Some(gb * 1024),
            disk_gb: None,
            bandwidth_tb: None,
            price_monthly: None,
        })
        .collect()
}

pub fn region(c: &CloudWire) -> Region {
    Region { id: format!("{PREFIX}{}", c.id), name: format!("{} (SSD VPS)", c.label), country: None, continent: None }
}

/// An SSD VPS as the list, show and create replies give it
/// (`{id, ssd_vps_label, hostname, running, backups_enabled, cloud_id,
/// primary_ip_address, password}`), read like a cloud server; its label is
/// `ssd_vps_label`. It says which operations it supports, so that the app
/// offers it only those.
pub fn server(envelope: VirtualMachineEnvelope) -> Result<Server> {
    let mut raw = envelope.virtual_machine;
    if !raw.contains_key("label") {
        if let Some(label) = raw.get("ssd_vps_label").cloned() {
            raw.insert("label".into(), label);
        }
    }
    let w: super::wire::VirtualMachineWire = serde_json::from_value(Value::Object(raw.clone()))
        .map_err(|e| Error::provider(format!("VPS.NET sent an SSD VPS vpsdesk cannot read ({e})")))?;
    let cloud = w.cloud_id.clone();
    let mut s = map::server(w, &raw);
    s.id = format!("{PREFIX}{}", s.id);
    s.region = cloud.map(|c| format!("SSD cloud {c}")).unwrap_or_default();
    s.plan = raw
        .get("ssd_vps_plan")
        .map(display_value)
        .and_then(|p| plans().into_iter().find(|plan| plan.id == p))
        .map(|p| p.name)
        .unwrap_or_default();
    s.capabilities = Some(super::capabilities::SSD_VPS.to_vec());
    Ok(s)
}

/// What an SSD create sends: the doc's fields (`vpsnet-endpoints.md`, SSD
/// VPS create), the plan as a string as CORVO types it; the monitoring
/// services cost extra and stay off.
pub struct SsdOrder {
    pub plan: u32,
    pub fqdn: String,
    pub template_id: u64,
    pub cloud_id: u64,
    pub backups: bool,
}

impl SsdOrder {
    pub fn body(&self) -> Value {
        json!({
            "virtual_machine": {
                "ssd_vps_plan": self.plan.to_string(),
                "fqdn": self.fqdn,
                "system_template_id": self.template_id,
                "cloud_id": self.cloud_id,
                "backups_enabled": self.backups,
                "rsync_backups_enabled": false,
                "server_monitoring_service_required": false,
                "server_monitoring_configuration_service_required": false,
            }
        })
    }
}

fn plan_number(plan: &str) -> Result<u32> {
    let n = number("plan", "SSD plan", plan)?;
    PLANS
        .iter()
        .map(|p| p.0)
        .find(|p| u64::from(*p) == n)
        .ok_or_else(|| Error::field("plan", format!("an SSD VPS plan is 1 to {}, got {n}", PLANS.len())))
}

impl Vpsnet {
    /// The account's SSD VPS; an account VPS.NET gives no SSD list (404)
    /// has none.
    pub(super) async fn ssd_servers(&self) -> Result<Vec<Server>> {
        let resp = self.api.send(Request::get(paths::SSD_VIRTUAL_MACHINES)).await?;
        if resp.status == 404 {
            return Ok(Vec::new());
        }
        if !resp.is_success() {
            return Err(self.status_error(&resp, Scope::Account));
        }
        let list: Vec<VirtualMachineEnvelope> = decode(NAME, &resp)?;
        list.into_iter().map(server).collect()
    }

    /// The SSD clouds offered (404: none).
    pub(super) async fn ssd_clouds(&self) -> Result<Vec<CloudWire>> {
        let resp = self.api.send(Request::get(paths::AVAILABLE_SSD_CLOUDS)).await?;
        if resp.status == 404 {
            return Ok(Vec::new());
        }
        if !resp.is_success() {
            return Err(self.status_error(&resp, Scope::Account));
        }
        let clouds: Vec<CloudEnvelope> = decode(NAME, &resp)?;
        Ok(clouds.into_iter().map(|c| c.cloud).filter(|c| c.available).collect())
    }

    pub(super) async fn ssd_plans(&self, cloud: &str) -> Result<Vec<Plan>> {
        self.ssd_cloud(cloud).await?;
        Ok(plans())
    }

    pub(super) async fn ssd_cloud(&self, cloud: &str) -> Result<CloudWire> {
        self.ssd_clouds().await?.into_iter().find(|c| c.id == cloud).ok_or_else(|| {
            Error::field("region", format!("VPS.NET has no available SSD cloud {cloud}; pick one from the regions list"))
        })
    }

    pub(super) async fn ssd_show(&self, n: &str, id: &str) -> Result<Server> {
        let vm: VirtualMachineEnvelope =
            self.read(Request::get(paths::ssd_virtual_machine(n)), Scope::Server(id)).await?;
        server(vm)
    }

    pub(super) async fn ssd_power(&self, n: &str, id: &str, action: PowerAction) -> Result<()> {
        let call = match action {
            PowerAction::Start => PowerCall::PowerOn,
            PowerAction::Stop => PowerCall::Shutdown,
            PowerAction::ForceStop => PowerCall::PowerOff,
            PowerAction::Reboot => PowerCall::Reboot,
        };
        self.read::<VirtualMachineEnvelope>(Request::post(call.ssd_path(n)), Scope::Action(id)).await.map(|_| ())
    }

    pub(super) async fn ssd_delete(&self, n: &str, id: &str) -> Result<()> {
        self.call(Request::delete(paths::ssd_virtual_machine(n)), Scope::Action(id)).await.map(|_| ())
    }

    pub(super) async fn ssd_create(&self, req: &CreateServer, cloud: &str) -> Result<Server> {
        if !req.licences.is_empty() {
            return Err(Error::field("licences", "vpsdesk buys licences with cloud servers only, not with an SSD VPS"));
        }
        let plan = plan_number(super::required("plan", &req.plan, "SSD plan")?)?;
        let template_id = number("image", "template", super::required("image", &req.image, "template (image)")?)?;
        let cloud_wire = self.ssd_cloud(cloud).await?;
        if !cloud_wire.system_templates.iter().any(|t| t.id == template_id.to_string()) {
            return Err(Error::field(
                "image",
                format!("SSD cloud {} does not offer template {template_id}; pick one of its templates", cloud_wire.label),
            ));
        }
        let fqdn = match crate::model::chosen(&req.hostname) {
            Some(h) => crate::validate::hostname("hostname", h)?,
            None => super::order::fqdn(&req.name),
        };
        let order = SsdOrder { plan, fqdn, template_id, cloud_id: number("region", "SSD cloud", cloud)?, backups: req.auto_backups };
        // Not retried: a repeated create would buy a second server.
        let created: VirtualMachineEnvelope =
            self.read(Request::post(paths::SSD_VIRTUAL_MACHINES).json(order.body()), Scope::Account).await?;
        let n = created.virtual_machine.get("id").map(display_value).filter(|id| !id.is_empty()).ok_or_else(|| {
            Error::provider("VPS.NET created the SSD VPS but did not say its id; refresh the list to see it")
        })?;
        self.ssd_show(&n, &format!("{PREFIX}{n}")).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list row LC-PSI reads, field for field, with the doc's address shape.
    #[test]
    fn an_ssd_vps_reads_like_a_cloud_server_under_its_own_ids() {
        let row: VirtualMachineEnvelope = serde_json::from_value(json!({ "virtual_machine": {
            "id": 501, "ssd_vps_label": "SSD cache", "hostname": "cache01.demodomain.com", "running": true,
            "backups_enabled": false, "cloud_id": 160,
            "primary_ip_address": { "ip_address": { "ip_address": "68.169.60.5" } }, "password": "x1"
        }}))
        .unwrap();
        let s = server(row).unwrap();
        assert_eq!((s.id.as_str(), s.name.as_str(), s.region.as_str()), ("ssd-501", "SSD cache", "SSD cloud 160"));
        assert_eq!(s.status, crate::model::Status::Running);
        assert_eq!(s.ipv4, ["68.169.60.5"]);
        assert!(s.details.iter().all(|d| d.label != "password"), "the root password is never shown");
        let only: Vec<String> = s.capabilities.iter().flatten().map(|c| c.name()).collect();
        assert_eq!(only, ["servers.start", "servers.stop", "servers.force_stop", "servers.reboot", "servers.delete"]);
        assert_eq!(ssd_number("id", "SSD VPS", "ssd-501").unwrap().unwrap(), "501");
        assert!(ssd_number("id", "SSD VPS", "501").is_none());
        assert_eq!(ssd_number("id", "SSD VPS", "ssd-x").unwrap().unwrap_err().fields[0].field, "id");
    }

    /// The fields of the doc's SSD create row, and no others.
    #[test]
    fn the_ssd_create_body_has_the_docs_fields() {
        let body = SsdOrder { plan: 2, fqdn: "cache02.example.com".into(), template_id: 92, cloud_id: 160, backups: false }.body();
        let vm = body["virtual_machine"].as_object().unwrap();
        let mut keys: Vec<&str> = vm.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "backups_enabled",
                "cloud_id",
                "fqdn",
                "rsync_backups_enabled",
                "server_monitoring_configuration_service_required",
                "server_monitoring_service_required",
                "ssd_vps_plan",
                "system_template_id"
            ]
        );
        assert_eq!((vm["ssd_vps_plan"].clone(), vm["cloud_id"].clone()), (json!("2"), json!(160)));
        assert_eq!(plan_number("6").unwrap_err().fields[0].field, "plan");
        assert_eq!(plans().iter().map(|p| p.memory_mb).collect::<Vec<_>>(), [1024, 2048, 4096, 8192, 16384].map(Some));
    }
}
