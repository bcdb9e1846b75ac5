//! VPS.NET's account-wide addresses: the list with notes and consumers, the
//! notes/consumer edit, reassigning to another server of the same cloud
//! (INFERRED path) and justified addresses (INFERRED paths, list shape
//! unknown).

use async_trait::async_trait;
use serde_json::{json, Map, Value};

use super::super::{number, paths, server_id, Scope, Vpsnet};
use super::wire::{unwrapped, IpWire};
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::account_ips::{AccountIp, AccountIps, Justification, JustificationKind, JustifiedIp};
use crate::http::Request;
use crate::providers::common::{display_value, ProviderApi};

fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s != "0" && s != "null")
}

pub fn account_ip(w: IpWire) -> AccountIp {
    AccountIp {
        id: w.id,
        ip: w.ip_address,
        netmask: present(w.netmask),
        network: present(w.network),
        cloud_id: present(w.cloud_id),
        server_id: present(w.virtual_machine_id),
        consumer_id: present(w.consumer_id),
        notes: present(w.notes).or_else(|| present(w.description)),
    }
}

/// The doc's edit body: `{"ip_address": {"notes", "consumer_id"}}`, 0 for no consumer.
pub fn edit_body(notes: &str, consumer_id: Option<&str>) -> Result<Value> {
    let consumer = consumer_id.map(|c| number("consumer_id", "consumer", c)).transpose()?.unwrap_or(0);
    Ok(json!({ "ip_address": { "notes": notes, "consumer_id": consumer } }))
}

/// The doc's request body: one `ip_addressN` per address asked for, the
/// type as the doc's string digit (`"0"` with a domain, `"1"` otherwise).
pub fn justify_body(server: u64, reasons: &[Justification]) -> Value {
    let mut each = Map::new();
    for (i, j) in reasons.iter().enumerate() {
        let kind = match j.kind {
            JustificationKind::Website => "0",
            JustificationKind::Other => "1",
        };
        each.insert(
            format!("ip_address{}", i + 1),
            json!({ "justification_type": kind, "justification_reason": j.reason }),
        );
    }
    json!({ "virtual_machine_id": server, "ip_justification": each })
}

/// The reassign reply names the address that moved: `{"ip_address": "…"}`.
pub fn moved_ip(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<Value>(body).ok()?.get("ip_address")?.as_str().map(str::to_string)
}

/// The doc's flat reassign body, its id a string as the doc shows it.
pub fn reassign_body(server: &str) -> Value {
    json!({ "virtual_machine_id": server })
}

/// One justified address, whatever names it comes under.
pub fn justified(item: Value) -> JustifiedIp {
    let item = unwrapped(item);
    let pick = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| item.get(*k))
            .map(display_value)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != "null")
    };
    let kind = pick(&["justification_type", "justify_as"]).map(|k| match k.as_str() {
        "0" => "website".to_string(),
        "1" => "other".to_string(),
        _ => k,
    });
    JustifiedIp {
        id: pick(&["id"]),
        ip: pick(&["ip_address", "ip"]),
        server_id: pick(&["virtual_machine_id"]),
        kind,
        reason: pick(&["justification_reason", "reason"]),
        status: pick(&["status", "state"]),
    }
}

impl Vpsnet {
    async fn known_ip(&self, id: &str) -> Result<IpWire> {
        self.account_ips(None)
            .await?
            .into_iter()
            .find(|w| w.id == id)
            .ok_or_else(|| Error::field("id", format!("VPS.NET has no address with id {id} on this account")))
    }

    fn inferred_missing(what: &str) -> impl FnOnce() -> Error + '_ {
        move || {
            Error::unsupported(format!(
                "VPS.NET answered 404 to the {what} call, whose path its doc does not give (vpsdesk guesses it); use the VPS.NET control panel"
            ))
        }
    }
}

#[async_trait]
impl AccountIps for Vpsnet {
    async fn list_account_ips(&self, consumer_id: Option<&str>) -> Result<Vec<AccountIp>> {
        let all = self.account_ips(consumer_id).await?.into_iter().map(account_ip);
        // Checked by the same rule, as for nodes.
        Ok(all.filter(|ip| consumer_id.is_none_or(|c| ip.consumer_id.as_deref() == Some(c))).collect())
    }

    async fn edit_ip(&self, id: &str, notes: &str, consumer_id: Option<&str>) -> Result<()> {
        let id = number("id", "IP address", id)?.to_string();
        let body = edit_body(notes, consumer_id)?;
        self.known_ip(&id).await?;
        self.call(Request::put(paths::ip(&id)).json(body), Scope::Account).await.map(|_| ())
    }

    async fn reassign_ip(&self, id: &str, server: &str) -> Result<String> {
        let id = number("id", "IP address", id)?.to_string();
        let server = server_id(server)
            .map_err(|_| Error::field("server", format!("VPS.NET cloud server ids are numbers, got {server:?}")))?;
        let ip = self.known_ip(&id).await?;
        if ip.virtual_machine_id.as_deref() == Some(server.as_str()) {
            return Err(Error::field("server", format!("{} is already on cloud server {server}", ip.ip_address)));
        }
        // "IPs can only be reassigned to a cloud server on the same cloud."
        let target = self.show(&server).await?.virtual_machine;
        let target_cloud = target.get("cloud_id").map(display_value);
        if let (Some(from), Some(to)) = (present(ip.cloud_id.clone()), target_cloud) {
            if from != to {
                return Err(Error::field("server", format!("{} is on cloud {from} and cloud server {server} on cloud {to}; an address only moves within its cloud", ip.ip_address)));
            }
        }
        // Never retried: the move is not idempotent once the address has left.
        let body = reassign_body(&server);
        let resp = self.call(Request::post(paths::ip_reassign(&id)).json(body), Scope::Action(&server)).await?;
        Ok(moved_ip(&resp.body).unwrap_or(ip.ip_address))
    }

    async fn justified_ips(&self) -> Result<Vec<JustifiedIp>> {
        let resp =
            self.on_template(Request::get(paths::JUSTIFIED_IPS), Self::inferred_missing("justified-IP list")).await?;
        let body: Value = serde_json::from_slice(&resp.body)
            .map_err(|e| Error::provider(format!("VPS.NET sent a justified-IP list vpsdesk cannot read ({e})")))?;
        // A bare array, or one wrapped in an object (the shape is not documented).
        let list = match body {
            Value::Array(list) => list,
            Value::Object(o) => o.into_iter().find_map(|(_, v)| v.as_array().cloned()).unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(list.into_iter().map(justified).collect())
    }

    async fn request_justified(&self, server: &str, reasons: &[Justification]) -> Result<()> {
        let vm = number("server", "cloud server", server)?;
        let body = justify_body(vm, reasons);
        self.on_template(Request::post(paths::JUSTIFIED_IPS).json(body), Self::inferred_missing("justified-IP request"))
            .await
            .map(|_| ())
    }
}
