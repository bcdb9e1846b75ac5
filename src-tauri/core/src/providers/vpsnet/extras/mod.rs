//! VPS.NET server extras: backups (list, take, restore, delete), reinstall
//! and template change, recovery boot, network rebuild and pending-server
//! rebuild, clones, the server's addresses, CPU and traffic graphs, the
//! console session and the profile. Every path is in `paths`; the clone
//! paths are INFERRED there.

mod groups;
mod ips;
mod licences;
mod nodes;
mod plan;
mod templates;
#[cfg(test)]
mod tests;
pub mod wire;

use async_trait::async_trait;
use serde_json::{json, Value};

use self::wire::*;
use super::wire::{ProfileEnvelope, VirtualMachineEnvelope};
use super::{number, paths, server_id, PowerCall, Scope, Vpsnet, DESCRIPTOR, NAME};
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::capabilities::server::backups::{Backup, Backups};
use crate::providers::vpsnet::ext::clones::{Clones, ServerClone};
use crate::capabilities::server::console::{Console, ConsoleAccess};
use crate::providers::vpsnet::ext::maintenance::Maintenance;
use crate::capabilities::server::network::{IpAddress, IpRole, Network, ReverseDns};
use crate::capabilities::server::os::{Iso, OsInstall, OsOption};
use crate::capabilities::account::profile::{Profile, ProfileChange, ProfileField};
use crate::providers::vpsnet::ext::recoverable::Recoverable;
use crate::capabilities::server::usage::{Usage, UsageGraph, UsagePoint, UsageRange, UsageSeries, UsageUnit};
use crate::capabilities::unsupported;
use crate::http::Request;
use crate::model::Server;
use crate::time::Timestamp;
use crate::providers::common::{display_value, ProviderApi};

fn unreadable(what: &str) -> impl Fn(serde_json::Error) -> Error + '_ {
    move |e| Error::provider(format!("VPS.NET sent {what} vpsdesk cannot read ({e})"))
}

fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn decimal(v: &Option<Value>) -> f64 {
    v.as_ref().and_then(|v| display_value(v).trim().parse().ok()).unwrap_or(0.0)
}

pub fn backup(w: BackupWire) -> Backup {
    let system = match (present(w.operating_system), present(w.operating_system_distro)) {
        (Some(os), Some(distro)) => Some(format!("{os} ({distro})")),
        (os, distro) => os.or(distro),
    };
    Backup {
        id: w.id,
        label: present(w.label),
        kind: present(w.backup_type),
        size: present(w.backup_size),
        built: w.built.as_deref().and_then(super::map::flag).unwrap_or(false),
        locked: w.locked.as_deref().and_then(super::map::flag).unwrap_or(false),
        system,
        created_at: DESCRIPTOR.time(w.created_at.as_deref()),
        built_at: DESCRIPTOR.time(w.built_at.as_deref()),
    }
}

pub fn server_clone(w: CloneWire) -> ServerClone {
    ServerClone {
        id: w.id,
        label: present(w.label),
        status: present(w.status).unwrap_or_else(|| "unknown".into()),
        created_at: DESCRIPTOR.time(w.created_at.as_deref()),
        cloned_server_id: present(w.cloned_server_id).filter(|id| id != "0"),
    }
}

/// CPU use in percent of one CPU per sample (above 100 with several).
pub fn cpu_graph(samples: Vec<CpuSampleWire>) -> UsageGraph {
    let points = samples
        .into_iter()
        .map(|s| {
            let elapsed = decimal(&s.elapsed_time);
            let value = if elapsed > 0.0 { decimal(&s.cpu_time) / elapsed * 100.0 } else { 0.0 };
            UsagePoint { at: Timestamp::read(&s.created_at, DESCRIPTOR.time_zone), value: (value * 100.0).round() / 100.0 }
        })
        .collect();
    UsageGraph {
        id: "cpu".into(),
        title: "CPU use".into(),
        unit: UsageUnit::Percent,
        series: vec![UsageSeries { label: "CPU".into(), points }],
    }
}

pub fn traffic_graph(samples: Vec<TrafficSampleWire>) -> UsageGraph {
    let series = |label: &str, pick: fn(&TrafficSampleWire) -> &Option<Value>| UsageSeries {
        label: label.to_string(),
        points: samples.iter().map(|s| UsagePoint { at: Timestamp::read(&s.created_at, DESCRIPTOR.time_zone), value: decimal(pick(s)) }).collect(),
    };
    UsageGraph {
        id: "network".into(),
        title: "Network traffic".into(),
        unit: UsageUnit::Bytes,
        series: vec![series("Received", |s| &s.data_received), series("Sent", |s| &s.data_sent)],
    }
}

pub fn address(w: IpWire, primary: Option<&str>) -> IpAddress {
    let v6 = w.ip_address.contains(':');
    let main = primary == Some(w.ip_address.as_str());
    IpAddress {
        version: if v6 { 6 } else { 4 },
        role: if main { IpRole::Main } else { IpRole::Secondary },
        provider_role: if main {
            "primary".into()
        } else {
            present(w.description).unwrap_or_else(|| "additional".into())
        },
        netmask: present(w.netmask),
        gateway: None,
        network: present(w.network),
        network_size: None,
        reverse: None,
        ip: w.ip_address,
    }
}

/// The profile's fields, labelled, in the order VPS.NET sends them; nothing
/// that looks like a credential is kept.
pub fn profile_fields(user: serde_json::Map<String, Value>) -> Vec<ProfileField> {
    user.into_iter()
        .filter(|(k, _)| !["key", "password", "token", "secret"].iter().any(|s| k.contains(s)))
        .filter(|(_, v)| !v.is_object() && !v.is_array())
        .map(|(key, v)| {
            let mut label = key.replace('_', " ");
            if let Some(first) = label.get(..1) {
                label = first.to_uppercase() + &label[1..];
            }
            ProfileField { label, value: display_value(&v), key, editable: false, required: false }
        })
        .collect()
}

/// The doc's reinstall body (PHP's method and body).
fn reinstall_body(template: u64) -> Value {
    json!({ "virtual_machine": { "system_template_id": template } })
}

/// The doc's clone body; without `cloud_id` the clone stays on the server's
/// own cloud.
fn clone_body(cloud: Option<u64>) -> Value {
    let mut body = json!({ "one_click": true, "one_clone": true });
    if let Some(cloud) = cloud {
        body["cloud_id"] = json!(cloud);
    }
    body
}

/// The clone to delete goes in the body of the DELETE, as the doc shows.
fn clone_delete_body(clone: u64) -> Value {
    json!({ "id": clone })
}

/// The doc's add-address body, for one public address and no consumer (the
/// doc's example asks for an internal one with a consumer id).
fn ip_add_body(server: u64) -> Value {
    json!({ "quantity": 1, "type": "external", "virtual_machine_id": server })
}

fn items<T: serde::de::DeserializeOwned>(list: Vec<Value>, what: &str) -> Result<Vec<T>> {
    list.into_iter().map(|i| serde_json::from_value(unwrapped(i)).map_err(unreadable(what))).collect()
}

impl Vpsnet {
    /// The server's current template and cloud, from its show reply.
    async fn template_and_cloud(&self, server: &str) -> Result<(String, String)> {
        let vm: VirtualMachineEnvelope = self.show(server).await?;
        let field = |k: &str| vm.virtual_machine.get(k).map(display_value).filter(|v| !v.is_empty() && v != "null");
        match (field("system_template_id"), field("cloud_id")) {
            (Some(t), Some(c)) => Ok((t, c)),
            _ => Err(Error::provider(format!("VPS.NET did not say which template and cloud server {server} uses"))),
        }
    }

    async fn write(&self, req: Request, server: &str) -> Result<()> {
        self.call(req, Scope::Action(server)).await.map(|_| ())
    }

    async fn running(&self, server: &str) -> Result<bool> {
        let vm = self.show(server).await?;
        Ok(vm.virtual_machine.get("running").map(display_value).as_deref().and_then(super::map::flag).unwrap_or(false))
    }

    /// The account's addresses, or with the doc's `?consumer_id=` one consumer's.
    async fn account_ips(&self, consumer_id: Option<&str>) -> Result<Vec<IpWire>> {
        let mut request = Request::get(paths::IPS);
        if let Some(consumer) = consumer_id {
            request = request.query("consumer_id", consumer);
        }
        let list: Vec<IpEnvelope> = self.read(request, Scope::Account).await?;
        Ok(list.into_iter().map(|e| e.ip_address).collect())
    }
}

#[async_trait]
impl Backups for Vpsnet {

    async fn restore_backup(&self, server: &str, backup: &str) -> Result<()> {
        let server = server_id(server)?;
        let backup = number("backup", "backup", backup)?.to_string();
        self.write(Request::post(paths::backup_restore(&server, &backup)), &server).await
    }

    async fn list_backups(&self, server: &str) -> Result<Vec<Backup>> {
        let server = server_id(server)?;
        let list: Vec<Value> = self.read(Request::get(paths::backups(&server)), Scope::Server(&server)).await?;
        Ok(items::<BackupWire>(list, "a backup")?.into_iter().map(backup).collect())
    }

    async fn create_backup(&self, server: &str, label: &str) -> Result<Option<String>> {
        let server = server_id(server)?;
        let body = json!({ "backup": { "label": label } });
        let resp = self.call(Request::post(paths::backups(&server)).json(body), Scope::Action(&server)).await?;
        // The reply is the backup (PHP reads it); an empty one still means taken.
        let created = serde_json::from_slice::<Value>(&resp.body).ok().map(unwrapped);
        Ok(created.and_then(|b| b.get("id").map(display_value)).filter(|id| !id.is_empty()))
    }

    async fn delete_backup(&self, server: &str, backup: &str) -> Result<()> {
        let server = server_id(server)?;
        let backup = number("backup", "backup", backup)?.to_string();
        self.write(Request::delete(paths::backup(&server, &backup)), &server).await
    }
}

#[async_trait]
impl OsInstall for Vpsnet {

    async fn reinstall(&self, server: &str) -> Result<()> {
        let server = server_id(server)?;
        let (template, _) = self.template_and_cloud(&server).await?;
        self.change_os(&server, &template).await
    }

    async fn os_options(&self, server: &str) -> Result<Vec<OsOption>> {
        let server = server_id(server)?;
        let (_, cloud) = self.template_and_cloud(&server).await?;
        let templates: CloudTemplatesWire = self.read(Request::get(paths::cloud(&cloud)), Scope::Account).await?;
        Ok(templates
            .system_templates
            .into_iter()
            .map(|t| {
                let arch = ["x64", "x86"].iter().find(|a| t.label.contains(*a)).map(|a| a.to_string());
                OsOption { id: t.id, name: t.label, family: None, arch, surcharge: None }
            })
            .collect())
    }

    async fn change_os(&self, server: &str, template: &str) -> Result<()> {
        let server = server_id(server)?;
        let template = number("os", "template", template)?;
        self.write(Request::put(paths::reinstall(&server)).json(reinstall_body(template)), &server).await
    }

    async fn isos(&self) -> Result<Vec<Iso>> {
        Err(unsupported(NAME, Capability::Isos))
    }
}

#[async_trait]
impl Maintenance for Vpsnet {
    async fn boot_recovery(&self, server: &str) -> Result<()> {
        let server = server_id(server)?;
        // A running server is rebooted into recovery (ZH-PY, ZH-GO); a
        // stopped one is powered on into it (WHMCS).
        let call = if self.running(&server).await? { PowerCall::Reboot } else { PowerCall::PowerOn };
        let body = json!({ "mode": "recovery" });
        self.read::<VirtualMachineEnvelope>(Request::post(call.path(&server)).json(body), Scope::Action(&server))
            .await
            .map(|_| ())
    }

    async fn rebuild_network(&self, server: &str) -> Result<()> {
        let server = server_id(server)?;
        self.write(Request::post(paths::rebuild_network(&server)), &server).await
    }

    async fn rebuild_pending(&self, server: &str) -> Result<()> {
        let server = server_id(server)?;
        self.write(Request::post(paths::rebuild(&server)), &server).await
    }
}

#[async_trait]
impl Clones for Vpsnet {
    async fn list_clones(&self, server: &str) -> Result<Vec<ServerClone>> {
        let server = server_id(server)?;
        let list: Vec<CloneEnvelope> = self.read(Request::get(paths::clones(&server)), Scope::Server(&server)).await?;
        Ok(list.into_iter().map(|c| server_clone(c.clone)).collect())
    }

    async fn create_clone(&self, server: &str, region: Option<&str>) -> Result<Option<String>> {
        let server = server_id(server)?;
        let cloud = region.map(|r| number("region", "cloud", r)).transpose()?;
        let resp =
            self.call(Request::post(paths::clones(&server)).json(clone_body(cloud)), Scope::Action(&server)).await?;
        // The reply is not documented; a clone in it names the one to follow.
        let created = serde_json::from_slice::<Value>(&resp.body).ok().map(unwrapped);
        Ok(created.and_then(|c| c.get("id").map(display_value)).filter(|id| !id.is_empty()))
    }

    async fn delete_clone(&self, server: &str, clone: &str) -> Result<()> {
        let server = server_id(server)?;
        let clone = number("clone", "clone", clone)?;
        self.write(Request::delete(paths::clones(&server)).json(clone_delete_body(clone)), &server).await
    }
}

#[async_trait]
impl Network for Vpsnet {

    async fn addresses(&self, server: &str) -> Result<Vec<IpAddress>> {
        let server = server_id(server)?;
        let vm = self.show(&server).await?;
        let primary = vm.virtual_machine.get("primary_ip_address").and_then(super::wire::primary_ip);
        let mut all: Vec<IpAddress> = self
            .account_ips(None)
            .await?
            .into_iter()
            .filter(|ip| ip.virtual_machine_id.as_deref() == Some(server.as_str()))
            .map(|ip| address(ip, primary.as_deref()))
            .collect();
        // The primary address is in the show reply even where the account
        // list leaves it out.
        if let Some(primary) = primary.as_deref().filter(|p| !all.iter().any(|a| a.ip == *p)) {
            let w = IpWire {
                id: String::new(),
                ip_address: primary.to_string(),
                netmask: None,
                network: None,
                virtual_machine_id: None,
                description: None,
                cloud_id: None,
                consumer_id: None,
                notes: None,
            };
            all.push(address(w, Some(primary)));
        }
        all.sort_by_key(|a| (a.role != IpRole::Main, a.version));
        Ok(all)
    }

    async fn add_ipv4(&self, server: &str, _reboot: bool) -> Result<()> {
        let server = server_id(server)?;
        let vm = number("id", "cloud server", &server)?;
        self.write(Request::post(paths::IPS).json(ip_add_body(vm)), &server).await
    }

    async fn remove_ipv4(&self, server: &str, ip: &str) -> Result<()> {
        let server = server_id(server)?;
        let found = self
            .account_ips(None)
            .await?
            .into_iter()
            .find(|w| w.ip_address == ip && w.virtual_machine_id.as_deref() == Some(server.as_str()))
            .ok_or_else(|| Error::field("ip", format!("{ip} is not an address of cloud server {server}")))?;
        self.write(Request::delete(paths::ip(&found.id)), &server).await
    }

    async fn reverse_ipv6(&self, _server: &str) -> Result<Vec<ReverseDns>> {
        Err(unsupported(NAME, Capability::ReverseList))
    }

    async fn set_reverse(&self, _server: &str, _ip: std::net::IpAddr, _entry: &str) -> Result<()> {
        Err(unsupported(NAME, Capability::ReverseSet))
    }

    async fn reset_reverse(&self, _server: &str, _ip: std::net::IpAddr) -> Result<()> {
        Err(unsupported(NAME, Capability::ReverseReset))
    }

    async fn delete_reverse(&self, _server: &str, _ip: std::net::IpAddr) -> Result<()> {
        Err(unsupported(NAME, Capability::ReverseDelete))
    }
}

#[async_trait]
impl Usage for Vpsnet {
    async fn usage_graphs(&self, server: &str, range: Option<UsageRange>) -> Result<Vec<UsageGraph>> {
        let server = server_id(server)?;
        let ranged = |path: String| match range {
            Some(r) => Request::get(path).query("from", usage_time(r.from)).query("to", usage_time(r.to)),
            None => Request::get(path),
        };
        let cpu: Vec<Value> = self.read(ranged(paths::cpu_usage(&server)), Scope::Server(&server)).await?;
        let traffic: Vec<Value> = self.read(ranged(paths::network_utilisation(&server)), Scope::Server(&server)).await?;
        Ok(vec![cpu_graph(items(cpu, "a CPU sample")?), traffic_graph(items(traffic, "a traffic sample")?)])
    }
}

/// The doc asks for "timestamps" without a format; its timestamps are
/// ISO 8601 in US Eastern time with the offset ("2009-04-16T08:17:39-04:00"),
/// so the range is sent the same way.
pub(super) fn usage_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&DESCRIPTOR.time_zone).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[async_trait]
impl Console for Vpsnet {
    async fn console(&self, server: &str) -> Result<ConsoleAccess> {
        let server = server_id(server)?;
        let session: ConsoleEnvelope = self.read(Request::get(paths::console(&server)), Scope::Server(&server)).await?;
        let host = present(session.session.host).unwrap_or_else(|| self.api.host().to_string());
        Ok(ConsoleAccess {
            url: format!("vnc://{host}:{}", session.session.port),
            kind: format!("VNC console session (port {})", session.session.port),
            note: "Open it with a VNC viewer. VPS.NET gives each session a one-time password; vpsdesk does not show or keep it, so sign in to the VPS.NET control panel's console if your viewer asks for one.".into(),
        })
    }
}

#[async_trait]
impl Recoverable for Vpsnet {
    async fn deleted_servers(&self) -> Result<Vec<Server>> {
        let all: Vec<VirtualMachineEnvelope> = self.read(Request::get(paths::RECOVERABLE), Scope::Account).await?;
        all.into_iter().map(Self::server_from).collect()
    }

    async fn recover_server(&self, id: &str) -> Result<Server> {
        let id = server_id(id)?;
        let back: VirtualMachineEnvelope = self.read(Request::post(paths::recover(&id)), Scope::Action(&id)).await?;
        Self::server_from(back)
    }
}

#[async_trait]
impl Profile for Vpsnet {

    async fn profile(&self) -> Result<Vec<ProfileField>> {
        let profile: ProfileEnvelope = self.read(Request::get(paths::PROFILE), Scope::Account).await?;
        Ok(profile_fields(profile.user))
    }

    async fn set_profile(&self, _changes: &[ProfileChange]) -> Result<Vec<ProfileField>> {
        Err(Error::unsupported("VPS.NET's API only reads the profile; change it in the VPS.NET control panel"))
    }
}
