//! Vultr v1 server extras: snapshots, backup restore, reinstall and OS
//! change, ISOs, IPv4/IPv6 addresses and reverse DNS, bandwidth, the KVM
//! console link, SSH keys and startup scripts. Every write is a form POST
//! that is never repeated; the answers to most are an empty 200.

#[cfg(test)]
mod tests;
pub mod wire;

use std::net::IpAddr;

use async_trait::async_trait;

use self::wire::*;
use super::wire::keyed;
use super::{numeric, server_id, subid_form, Vultr, DESCRIPTOR, NAME};
use crate::capabilities::{unsupported, Capability};
use crate::error::{Error, Result};
use crate::capabilities::server::backups::{Backup, Backups};
use crate::capabilities::server::console::{Console, ConsoleAccess};
use crate::capabilities::server::network::{IpAddress, IpRole, Network, ReverseDns};
use crate::capabilities::server::os::{Iso, OsInstall, OsOption};
use crate::providers::vultr::ext::scripts::{NewScript, ScriptKind, ScriptUpdate, Scripts, StartupScript};
use crate::providers::vultr::ext::snapshots::{Snapshot, SnapshotStatus, Snapshots};
use crate::providers::vultr::ext::ssh_keys::{NewSshKey, SshKey, SshKeyUpdate, SshKeys};
use crate::capabilities::server::usage::{Usage, UsageGraph, UsagePoint, UsageRange, UsageSeries, UsageUnit};
use crate::http::Request;
use crate::model::chosen;
use crate::time::Timestamp;
use crate::providers::common::{decode, display_value, ProviderApi};

type Form = Vec<(String, String)>;

fn pair(k: &str, v: impl Into<String>) -> (String, String) {
    (k.to_string(), v.into())
}

fn unreadable(what: &str) -> impl Fn(serde_json::Error) -> Error + '_ {
    move |e| Error::provider(format!("Vultr {what} unreadable: {e}"))
}

fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

pub fn snapshot(w: SnapshotWire) -> Snapshot {
    let provider_status = w.status.unwrap_or_default();
    Snapshot {
        id: w.id,
        description: w.description.unwrap_or_default(),
        size_bytes: w.size.and_then(|s| s.trim().parse().ok()),
        status: super::map::snapshot_status(&provider_status),
        provider_status,
        created_at: DESCRIPTOR.time(w.date_created.as_deref()),
    }
}

/// Vultr's backups are its automatic ones: none is locked, and one is
/// restorable once its status is complete (the snapshot list's words).
pub fn backup(w: BackupWire) -> Backup {
    let status = w.status.unwrap_or_default();
    Backup {
        id: w.id,
        label: present(w.description),
        kind: None,
        size: present(w.size),
        built: super::map::snapshot_status(&status) == SnapshotStatus::Complete,
        locked: false,
        system: None,
        created_at: DESCRIPTOR.time(w.date_created.as_deref()),
        built_at: None,
    }
}

pub fn iso(w: IsoWire) -> Iso {
    Iso {
        id: w.id,
        filename: w.filename,
        size_bytes: w.size.and_then(|s| s.trim().parse().ok()),
        md5sum: present(w.md5sum),
        created_at: DESCRIPTOR.time(w.date_created.as_deref()),
    }
}

pub fn os_option(w: OsChangeWire) -> Result<OsOption> {
    let surcharge =
        present(w.surcharge).map(|s| crate::capabilities::billing::parse_amount(NAME, "an OS surcharge", &s)).transpose()?;
    Ok(OsOption { id: w.id, name: w.name, family: present(w.family), arch: present(w.arch), surcharge })
}

fn role(kind: &str) -> IpRole {
    match kind {
        "main_ip" => IpRole::Main,
        "secondary_ip" => IpRole::Secondary,
        "private" => IpRole::Private,
        _ => IpRole::Other,
    }
}

pub fn ipv4(w: Ipv4Wire) -> IpAddress {
    let provider_role = w.kind.unwrap_or_default();
    IpAddress {
        ip: w.ip,
        version: 4,
        role: role(&provider_role),
        provider_role,
        netmask: present(w.netmask),
        gateway: present(w.gateway),
        network: None,
        network_size: None,
        reverse: present(w.reverse),
    }
}

pub fn ipv6(w: Ipv6Wire) -> IpAddress {
    let provider_role = w.kind.unwrap_or_default();
    IpAddress {
        ip: w.ip,
        version: 6,
        role: role(&provider_role),
        provider_role,
        netmask: None,
        gateway: None,
        network: present(w.network),
        network_size: w.network_size.and_then(|s| s.trim().parse().ok()),
        reverse: None,
    }
}

/// The items of a list keyed by SUBID (`{"576965": [..]}`, or `[]`).
pub fn per_server<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> Result<Vec<T>, serde_json::Error> {
    let lists: Vec<Vec<T>> = keyed(v)?;
    Ok(lists.into_iter().flatten().collect())
}

pub fn bandwidth(w: BandwidthWire) -> UsageGraph {
    let series = |label: &str, days: Vec<(String, serde_json::Value)>| UsageSeries {
        label: label.to_string(),
        points: days
            .into_iter()
            .map(|(at, bytes)| UsagePoint {
                value: display_value(&bytes).trim().parse().unwrap_or(0.0),
                at: Timestamp::read(&at, DESCRIPTOR.time_zone),
            })
            .collect(),
    };
    UsageGraph {
        id: "bandwidth".into(),
        title: "Bandwidth per day".into(),
        unit: UsageUnit::Bytes,
        series: vec![series("Incoming", w.incoming_bytes), series("Outgoing", w.outgoing_bytes)],
    }
}

pub fn ssh_key(w: SshKeyWire) -> SshKey {
    SshKey { id: w.id, name: w.name, public_key: w.ssh_key, created_at: DESCRIPTOR.time(w.date_created.as_deref()) }
}

pub fn script(w: ScriptWire) -> StartupScript {
    StartupScript {
        id: w.id,
        name: w.name,
        kind: w.kind.as_deref().and_then(ScriptKind::parse).unwrap_or_default(),
        content: w.script,
        created_at: DESCRIPTOR.time(w.date_created.as_deref()),
        modified_at: DESCRIPTOR.time(w.date_modified.as_deref()),
    }
}

fn script_id(id: &str) -> Result<String> {
    numeric("id", "startup script (SCRIPTID)", id)
}

// The bodies of the writes whose form the doc shows, apart from the calls so
// the tests can hold them against the doc's example requests.

fn snapshot_form(server: &str, description: &str) -> Result<Form> {
    let mut form = subid_form(server)?;
    if !description.is_empty() {
        form.push(pair("description", description));
    }
    Ok(form)
}

fn ssh_key_form(key: &NewSshKey) -> Form {
    vec![pair("name", key.name.clone()), pair("ssh_key", key.public_key.clone())]
}

fn ssh_key_update_form(id: &str, update: &SshKeyUpdate) -> Form {
    let mut form = vec![pair("SSHKEYID", id)];
    form.extend(update.name.clone().map(|n| pair("name", n)));
    form.extend(update.public_key.clone().map(|k| pair("ssh_key", k)));
    form
}

fn script_form(s: &NewScript) -> Form {
    vec![pair("name", s.name.clone()), pair("script", s.content.clone()), pair("type", s.kind.as_str())]
}

fn script_update_form(id: &str, update: &ScriptUpdate) -> Result<Form> {
    let mut form = vec![pair("SCRIPTID", script_id(id)?)];
    form.extend(update.name.clone().map(|n| pair("name", n)));
    form.extend(update.content.clone().map(|c| pair("script", c)));
    Ok(form)
}

impl Vultr {
    async fn post(&self, path: &str, form: Form) -> Result<()> {
        self.call(Request::post(path).form(form), ()).await.map(|_| ())
    }

    /// A form naming the server and one address.
    fn ip_form(server: &str, ip: impl ToString) -> Result<Form> {
        let mut form = subid_form(server)?;
        form.push(pair("ip", ip.to_string()));
        Ok(form)
    }
}

#[async_trait]
impl Snapshots for Vultr {
    async fn list_snapshots(&self) -> Result<Vec<Snapshot>> {
        let v = self.read::<serde_json::Value>(Request::get("/v1/snapshot/list"), ()).await?;
        let list: Vec<SnapshotWire> = keyed(v).map_err(unreadable("snapshot list"))?;
        Ok(list.into_iter().map(snapshot).collect())
    }

    async fn create_snapshot(&self, server: &str, description: &str) -> Result<String> {
        let created: SnapshotCreatedWire = decode(
            NAME,
            &self.call(Request::post("/v1/snapshot/create").form(snapshot_form(server, description)?), ()).await?,
        )?;
        Ok(created.id)
    }

    async fn delete_snapshot(&self, id: &str) -> Result<()> {
        self.post("/v1/snapshot/destroy", vec![pair("SNAPSHOTID", id)]).await
    }

    async fn restore_snapshot(&self, server: &str, snapshot: &str) -> Result<()> {
        let mut form = subid_form(server)?;
        form.push(pair("SNAPSHOTID", snapshot));
        self.post("/v1/server/restore_snapshot", form).await
    }
}

#[async_trait]
impl Backups for Vultr {
    async fn list_backups(&self, server: &str) -> Result<Vec<Backup>> {
        let request = Request::get("/v1/backup/list").query("SUBID", server_id(server)?);
        let v = self.read::<serde_json::Value>(request, ()).await?;
        let list: Vec<BackupWire> = keyed(v).map_err(unreadable("backup list"))?;
        Ok(list.into_iter().map(backup).collect())
    }

    async fn restore_backup(&self, server: &str, backup: &str) -> Result<()> {
        let mut form = subid_form(server)?;
        form.push(pair("BACKUPID", backup));
        self.post("/v1/server/restore_backup", form).await
    }
}

#[async_trait]
impl OsInstall for Vultr {
    async fn reinstall(&self, server: &str) -> Result<()> {
        self.post("/v1/server/reinstall", subid_form(server)?).await
    }

    async fn os_options(&self, server: &str) -> Result<Vec<OsOption>> {
        let v = self
            .read::<serde_json::Value>(Request::get("/v1/server/os_change_list").query("SUBID", server_id(server)?), ())
            .await?;
        let list: Vec<OsChangeWire> = keyed(v).map_err(unreadable("OS change list"))?;
        list.into_iter().map(os_option).collect()
    }

    async fn change_os(&self, server: &str, os: &str) -> Result<()> {
        let mut form = subid_form(server)?;
        form.push(pair("OSID", numeric("os", "operating system (OSID)", os)?));
        self.post("/v1/server/os_change", form).await
    }

    async fn isos(&self) -> Result<Vec<Iso>> {
        let v = self.read::<serde_json::Value>(Request::get("/v1/iso/list"), ()).await?;
        let list: Vec<IsoWire> = keyed(v).map_err(unreadable("ISO list"))?;
        Ok(list.into_iter().map(iso).collect())
    }
}

#[async_trait]
impl Network for Vultr {
    async fn addresses(&self, server: &str) -> Result<Vec<IpAddress>> {
        let subid = server_id(server)?;
        let v4 = self
            .read::<serde_json::Value>(Request::get("/v1/server/list_ipv4").query("SUBID", subid.clone()), ())
            .await?;
        let v6 = self.read::<serde_json::Value>(Request::get("/v1/server/list_ipv6").query("SUBID", subid), ()).await?;
        let v4: Vec<Ipv4Wire> = per_server(v4).map_err(unreadable("IPv4 list"))?;
        let v6: Vec<Ipv6Wire> = per_server(v6).map_err(unreadable("IPv6 list"))?;
        Ok(v4.into_iter().map(ipv4).chain(v6.into_iter().map(ipv6)).collect())
    }

    async fn add_ipv4(&self, server: &str, reboot: bool) -> Result<()> {
        let mut form = subid_form(server)?;
        form.push(pair("reboot", if reboot { "yes" } else { "no" }));
        self.post("/v1/server/create_ipv4", form).await
    }

    async fn remove_ipv4(&self, server: &str, ip: &str) -> Result<()> {
        self.post("/v1/server/destroy_ipv4", Self::ip_form(server, ip)?).await
    }

    async fn reverse_ipv6(&self, server: &str) -> Result<Vec<ReverseDns>> {
        let v = self
            .read::<serde_json::Value>(
                Request::get("/v1/server/reverse_list_ipv6").query("SUBID", server_id(server)?),
                (),
            )
            .await?;
        let list: Vec<ReverseIpv6Wire> = per_server(v).map_err(unreadable("IPv6 reverse DNS list"))?;
        Ok(list.into_iter().map(|r| ReverseDns { ip: r.ip, reverse: r.reverse }).collect())
    }

    async fn set_reverse(&self, server: &str, ip: IpAddr, entry: &str) -> Result<()> {
        let path = if ip.is_ipv4() { "/v1/server/reverse_set_ipv4" } else { "/v1/server/reverse_set_ipv6" };
        let mut form = Self::ip_form(server, ip)?;
        form.push(pair("entry", entry));
        self.post(path, form).await
    }

    async fn reset_reverse(&self, server: &str, ip: IpAddr) -> Result<()> {
        if ip.is_ipv6() {
            return Err(Error::field("ip", "Vultr resets only IPv4 reverse DNS; delete the IPv6 entry instead"));
        }
        self.post("/v1/server/reverse_default_ipv4", Self::ip_form(server, ip)?).await
    }

    async fn delete_reverse(&self, server: &str, ip: IpAddr) -> Result<()> {
        if ip.is_ipv4() {
            return Err(Error::field(
                "ip",
                "Vultr deletes only IPv6 reverse DNS entries; reset the IPv4 one to the default instead",
            ));
        }
        self.post("/v1/server/reverse_delete_ipv6", Self::ip_form(server, ip)?).await
    }
}

#[async_trait]
impl Usage for Vultr {
    async fn usage_graphs(&self, server: &str, range: Option<UsageRange>) -> Result<Vec<UsageGraph>> {
        // v1's bandwidth call has no range: it always gives its own days.
        if range.is_some() {
            return Err(unsupported(NAME, Capability::UsageRange));
        }
        let resp = self.call(Request::get("/v1/server/bandwidth").query("SUBID", server_id(server)?), ()).await?;
        Ok(vec![bandwidth(decode(NAME, &resp)?)])
    }
}

#[async_trait]
impl Console for Vultr {
    async fn console(&self, server: &str) -> Result<ConsoleAccess> {
        let v = self
            .read::<serde_json::Value>(Request::get("/v1/server/list").query("SUBID", server_id(server)?), ())
            .await?;
        let url = v.get("kvm_url").map(display_value).unwrap_or_default();
        if url.trim().is_empty() {
            return Err(Error::invalid_state(
                "Vultr gives no console link for this server yet; wait until it is installed",
            ));
        }
        Ok(ConsoleAccess {
            url,
            kind: "noVNC console (KVM)".into(),
            note:
                "Opens Vultr's web console in a browser. Anyone who has this link can use the console: do not share it."
                    .into(),
        })
    }
}

#[async_trait]
impl SshKeys for Vultr {
    async fn list_ssh_keys(&self) -> Result<Vec<SshKey>> {
        let v = self.read::<serde_json::Value>(Request::get("/v1/sshkey/list"), ()).await?;
        let list: Vec<SshKeyWire> = keyed(v).map_err(unreadable("SSH key list"))?;
        Ok(list.into_iter().map(ssh_key).collect())
    }

    async fn create_ssh_key(&self, key: &NewSshKey) -> Result<String> {
        let created: SshKeyCreatedWire =
            decode(NAME, &self.call(Request::post("/v1/sshkey/create").form(ssh_key_form(key)), ()).await?)?;
        Ok(created.id)
    }

    async fn update_ssh_key(&self, id: &str, update: &SshKeyUpdate) -> Result<()> {
        self.post("/v1/sshkey/update", ssh_key_update_form(id, update)).await
    }

    async fn delete_ssh_key(&self, id: &str) -> Result<()> {
        self.post("/v1/sshkey/destroy", vec![pair("SSHKEYID", id)]).await
    }
}

#[async_trait]
impl Scripts for Vultr {
    async fn list_scripts(&self) -> Result<Vec<StartupScript>> {
        let v = self.read::<serde_json::Value>(Request::get("/v1/startupscript/list"), ()).await?;
        let list: Vec<ScriptWire> = keyed(v).map_err(unreadable("startup script list"))?;
        Ok(list.into_iter().map(script).collect())
    }

    async fn create_script(&self, s: &NewScript) -> Result<String> {
        let created: ScriptCreatedWire =
            decode(NAME, &self.call(Request::post("/v1/startupscript/create").form(script_form(s)), ()).await?)?;
        Ok(created.id)
    }

    async fn update_script(&self, id: &str, update: &ScriptUpdate) -> Result<()> {
        self.post("/v1/startupscript/update", script_update_form(id, update)?).await
    }

    async fn delete_script(&self, id: &str) -> Result<()> {
        self.post("/v1/startupscript/destroy", vec![pair("SCRIPTID", script_id(id)?)]).await
    }
}

/// server/create's optional parameters: SSHKEYID (comma-separated),
/// SCRIPTID, ISOID and/or ipxe_chain_url or SNAPSHOTID, and the three
/// yes/no switches, sent only when asked for (the doc's default is no).
pub fn create_options(req: &crate::model::CreateServer) -> Result<Form> {
    let mut form = Form::new();
    if !req.ssh_keys.is_empty() {
        let ids = req.ssh_keys.iter().map(|k| crate::validate::object_id("ssh_keys", k)).collect::<Result<Vec<_>>>()?;
        form.push(pair("SSHKEYID", ids.join(",")));
    }
    match (chosen(&req.iso), chosen(&req.snapshot)) {
        (Some(_), Some(_)) => return Err(Error::field("snapshot", "install from an ISO or from a snapshot, not both")),
        (Some(iso), None) => form.push(pair("ISOID", crate::validate::object_id("iso", iso)?)),
        (None, Some(snapshot)) => form.push(pair("SNAPSHOTID", crate::validate::object_id("snapshot", snapshot)?)),
        (None, None) => {}
    }
    if let Some(url) = chosen(&req.ipxe_url) {
        // Both ride on the doc's 'custom' operating system; a snapshot does not.
        if chosen(&req.snapshot).is_some() {
            return Err(Error::field("ipxe_url", "chain-load over iPXE or install a snapshot, not both"));
        }
        form.push(pair("ipxe_chain_url", crate::validate::web_url("ipxe_url", url)?));
    }
    if let Some(script) = chosen(&req.script) {
        // The doc: SCRIPTID "if you've not selected a 'custom' operating system".
        if chosen(&req.iso).is_some() || chosen(&req.ipxe_url).is_some() {
            return Err(Error::field("script", "a startup script does not run on a server booted from an ISO or over iPXE"));
        }
        form.push(pair("SCRIPTID", numeric("script", "startup script (SCRIPTID)", script)?));
    }
    for (asked, name) in
        [(req.ipv6, "enable_ipv6"), (req.private_network, "enable_private_network"), (req.auto_backups, "auto_backups")]
    {
        if asked {
            form.push(pair(name, "yes"));
        }
    }
    Ok(form)
}
