//! CloudSigma 1.0 bodies as the doc shows them, read out of the key/value
//! objects of `codec`. Every value is text; numbers are parsed where the
//! model needs them and shown as sent everywhere else.

use super::codec::Object;

/// A server from `/servers/info` or `/servers/UUID/info`: the properties the
/// model needs, plus the whole object for the detail panel.
#[derive(Debug)]
pub struct ServerWire {
    pub uuid: String,
    pub name: Option<String>,
    pub status: Option<String>,
    /// CPU quota in core MHz.
    pub cpu: Option<String>,
    /// Memory in MB.
    pub mem: Option<String>,
    pub smp: Option<String>,
    pub raw: Object,
}

impl ServerWire {
    /// `None` when the object has no `server` uuid (the doc's create reply
    /// comes without one when the account cannot pay for the server).
    pub fn from_object(raw: Object) -> Option<Self> {
        let uuid = raw.get("server").map(str::trim).filter(|s| !s.is_empty())?.to_string();
        let text = |k: &str| raw.get(k).map(str::to_string);
        Some(ServerWire {
            uuid,
            name: text("name"),
            status: text("status"),
            cpu: text("cpu"),
            mem: text("mem"),
            smp: text("smp"),
            raw,
        })
    }

    /// Addresses offered to the network interfaces (`nic:N:dhcp`): an IP
    /// address, or `auto` while a stopped server has none leased.
    pub fn dhcp_addresses(&self) -> impl Iterator<Item = &str> {
        self.raw.iter().filter(|(k, _)| is_nic_dhcp(k)).map(|(_, v)| v)
    }
}

fn is_nic_dhcp(key: &str) -> bool {
    let mut parts = key.split(':');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("nic"), Some(n), Some("dhcp"), None) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
    )
}

/// A drive from `/drives/UUID/info` (also what clone and create answer).
#[derive(Debug)]
pub struct DriveWire {
    pub uuid: String,
    pub name: Option<String>,
    pub status: Option<String>,
    /// Bytes.
    pub size: Option<String>,
}

impl DriveWire {
    pub fn from_object(raw: &Object) -> Option<Self> {
        let uuid = raw.get("drive").map(str::trim).filter(|s| !s.is_empty())?.to_string();
        let text = |k: &str| raw.get(k).map(str::to_string);
        Some(DriveWire { uuid, name: text("name"), status: text("status"), size: text("size") })
    }
}

/// `/usage/info`: what the account uses now, bursts and has subscribed.
#[derive(Debug)]
pub struct UsageWire {
    /// Subscribed CPU, core MHz.
    pub cpu_sub: Option<String>,
    /// Subscribed memory, MB.
    pub mem_sub: Option<String>,
    pub disk_sub: Option<String>,
}

impl UsageWire {
    pub fn from_object(raw: &Object) -> Self {
        let text = |k: &str| raw.get(k).filter(|v| !v.trim().is_empty()).map(str::to_string);
        UsageWire { cpu_sub: text("cpu:sub"), mem_sub: text("mem:sub"), disk_sub: text("disk:sub") }
    }
}

/// The `errors:KEY message` lines of a 400 answer ("Error key/value pairs":
/// the input echoed back with an error line under each bad key).
pub fn field_errors(raw: &Object) -> Vec<(String, String)> {
    raw.iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("errors:").map(|field| (field.to_string(), v.trim_start_matches("* ").to_string()))
        })
        .collect()
}
