//! VPS.NET "edit cloud server" as a resources record: read from the show
//! reply and the node lists, sent as `PUT virtual_machines/{id}` with what
//! changed and `slices_required` always; the storage upgrade (INFERRED) and
//! the managed-service transfer (INFERRED, never to a Windows server).

use async_trait::async_trait;
use serde_json::{json, Map, Value};

use super::super::{number, paths, server_id, Scope, Vpsnet, DESCRIPTOR};
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::managed::ManagedServices;
use crate::providers::vpsnet::ext::nodes::{NodeKind, Nodes};
use crate::providers::vpsnet::ext::server_resources::{ResourceEdits, ServerResources};
use crate::http::Request;
use crate::providers::common::{display_value, ProviderApi};

fn count(v: Option<&Value>) -> Option<u32> {
    match v? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn flag(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_u64() != Some(0),
        Some(Value::String(s)) => matches!(s.trim(), "1" | "true"),
        _ => false,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    v.map(display_value).map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s != "null")
}

/// Node counts of one server by kind, from the account's node lists.
#[derive(Default)]
pub struct Assigned {
    pub regular: u32,
    pub daily: u32,
    pub storage: u32,
    pub ram: u32,
    pub bandwidth: u32,
}

/// The show reply's fields, the node counts from the lists. Rsync and R1Soft
/// backups are on where the show reply names a licence for them (or says so
/// in the create form's own flags).
pub fn resources(vm: &Map<String, Value>, nodes: &Assigned) -> ServerResources {
    let licences = vm.get("backup_licenses");
    let licensed = |key: &str| licences.and_then(|l| l.get(key)).is_some_and(|v| !v.is_null() && v != &json!(false));
    let slices = count(vm.get("slices_count")).filter(|n| *n > 0);
    ServerResources {
        name: text(vm.get("label")).unwrap_or_default(),
        nodes: slices.unwrap_or(nodes.regular),
        daily_nodes: nodes.daily,
        storage_nodes: nodes.storage,
        ram_nodes: nodes.ram,
        bandwidth_nodes: nodes.bandwidth,
        backups: flag(vm.get("backups_enabled")),
        rsync_backups: flag(vm.get("rsync_backups_enabled")) || licensed("rsync_license"),
        r1soft_backups: flag(vm.get("r1_soft_backups_enabled")) || licensed("r1soft_license"),
        consumer_id: text(vm.get("consumer_id")).filter(|c| c != "0"),
        delayed_storage_until: flag(vm.get("delayed_storage"))
            .then(|| DESCRIPTOR.time(text(vm.get("delayed_storage_until")).as_deref()))
            .flatten(),
    }
}

/// The edit body: `slices_required` always (the doc: "on every request"),
/// then only what differs, in the doc's names; a delayed disk resize as
/// `delayed_storage` + `delayed_storage_until`.
pub fn edit_body(current: &ServerResources, new: &ServerResources, delay: Option<&str>) -> Result<Value> {
    let mut vm = Map::new();
    if new.backups != current.backups {
        vm.insert("backups_enabled".into(), json!(new.backups));
    }
    if new.rsync_backups != current.rsync_backups {
        vm.insert("rsync_backups_enabled".into(), json!(new.rsync_backups));
    }
    if new.r1soft_backups != current.r1soft_backups {
        vm.insert("r1_soft_backups_enabled".into(), json!(new.r1soft_backups));
    }
    if new.consumer_id != current.consumer_id {
        let consumer = match new.consumer_id.as_deref() {
            Some(c) => number("consumer_id", "consumer", c)?,
            None => 0,
        };
        vm.insert("consumer_id".into(), json!(consumer));
    }
    if new.name != current.name {
        vm.insert("label".into(), json!(new.name));
    }
    vm.insert("slices_required".into(), json!(new.nodes));
    let kinds = [
        ("daily_nodes_required", current.daily_nodes, new.daily_nodes),
        ("storage_nodes_required", current.storage_nodes, new.storage_nodes),
        ("ram_nodes_required", current.ram_nodes, new.ram_nodes),
        ("bandwidth_nodes_required", current.bandwidth_nodes, new.bandwidth_nodes),
    ];
    for (key, was, now) in kinds {
        if was != now {
            vm.insert(key.into(), json!(now));
        }
    }
    if let Some(until) = delay {
        vm.insert("delayed_storage".into(), json!(true));
        vm.insert("delayed_storage_until".into(), json!(until));
    }
    Ok(json!({ "virtual_machine": vm }))
}

/// Whether a template is Windows, from its info reply.
pub fn is_windows(template: &Value) -> bool {
    let t = template.get("system_template").unwrap_or(template);
    ["os_type", "operating_system", "label"]
        .iter()
        .filter_map(|k| t.get(*k).and_then(Value::as_str))
        .any(|s| s.to_ascii_lowercase().contains("windows"))
}

impl Vpsnet {
    async fn assigned(&self, server: &str) -> Result<Assigned> {
        let mut a = Assigned::default();
        for node in self.list_nodes(None).await?.iter().filter(|n| n.server_id.as_deref() == Some(server)) {
            let slot = match node.kind {
                NodeKind::Regular => &mut a.regular,
                NodeKind::Daily => &mut a.daily,
                NodeKind::Storage => &mut a.storage,
                NodeKind::Ram => &mut a.ram,
                NodeKind::Bandwidth => &mut a.bandwidth,
                NodeKind::Fusion => continue,
            };
            *slot += 1;
        }
        Ok(a)
    }
}

#[async_trait]
impl ResourceEdits for Vpsnet {
    async fn resources(&self, server: &str) -> Result<ServerResources> {
        let server = server_id(server)?;
        let vm = self.show(&server).await?;
        let assigned = self.assigned(&server).await?;
        Ok(resources(&vm.virtual_machine, &assigned))
    }

    async fn update_resources(
        &self,
        server: &str,
        current: &ServerResources,
        new: &ServerResources,
        delay: Option<&str>,
    ) -> Result<()> {
        let server = server_id(server)?;
        let body = edit_body(current, new, delay)?;
        // Not retried: a repeat could assign (and bill) nodes twice.
        self.call(Request::put(paths::virtual_machine(&server)).json(body), Scope::Server(&server)).await.map(|_| ())
    }

    async fn upgrade_storage(&self, server: &str) -> Result<()> {
        let server = server_id(server)?;
        self.call(Request::post(paths::upgrade_storage(&server)), Scope::Action(&server)).await.map(|_| ())
    }
}

/// The doc's "Options" body, with its string ids.
pub fn transfer_body(target: &str, reassign_ip: Option<u64>) -> Value {
    let mut body = json!({ "alternate_vps": target });
    if let Some(ip) = reassign_ip {
        body["reassign_ip"] = json!(ip.to_string());
    }
    body
}

#[async_trait]
impl ManagedServices for Vpsnet {
    async fn transfer_managed_service(&self, server: &str, to_server: &str, reassign_ip: Option<&str>) -> Result<()> {
        let server = server_id(server)?;
        let target = number("to_server", "cloud server", to_server)?.to_string();
        if target == server {
            return Err(Error::field("to_server", "choose another server to move the managed service to"));
        }
        let reassign_ip = reassign_ip.map(|ip| number("reassign_ip", "IP address", ip)).transpose()?;
        // "Pro-Active Managed Service cannot be transfered to a Windows cloud
        // server": the target's template says whether it is one.
        let vm = self.show(&target).await?.virtual_machine;
        let (Some(template), Some(cloud)) = (text(vm.get("system_template_id")), text(vm.get("cloud_id"))) else {
            return Err(Error::provider(format!("VPS.NET did not say which template cloud server {target} runs")));
        };
        // A template the cloud does not list (a custom one, or one retired
        // since) has no info; VPS.NET itself still refuses a Windows target.
        let missing = || Error::not_found(String::new());
        let info = match self.on_template(Request::get(paths::cloud_template(&cloud, &template)), missing).await {
            Ok(resp) => serde_json::from_slice(&resp.body).unwrap_or(Value::Null),
            Err(e) if e.kind == crate::error::ErrorKind::NotFound => Value::Null,
            Err(e) => return Err(e),
        };
        if is_windows(&info) {
            return Err(Error::field(
                "to_server",
                format!(
                    "cloud server {target} runs Windows, and VPS.NET cannot move a managed service to a Windows server"
                ),
            ));
        }
        let body = transfer_body(&target, reassign_ip);
        self.call(Request::post(paths::transfer_managed_service(&server)).json(body), Scope::Action(&server))
            .await
            .map(|_| ())
    }
}
