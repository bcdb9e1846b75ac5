//! A server's settings (`POST /servers/UUID/set`, the doc's 8.8): every key
//! its table lists as changeable, as one typed change set, checked before
//! anything is sent, with only what differs from the server sent.

use std::net::Ipv4Addr;

use async_trait::async_trait;
use serde::Deserialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::Server;
use crate::secret::Secret;

/// A drive connected to a device slot (`ide:B:U` or `block:N`), optionally
/// as a CD-ROM.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, TS)]
pub struct DriveSlot {
    /// `ide:0:0`…`ide:1:1` or `block:0`…`block:7`.
    pub slot: String,
    /// The drive's uuid.
    pub drive: String,
    /// `cdrom` or `disk`; `None` leaves the media as it is.
    pub media: Option<String>,
}

/// What to change; `None` (or an empty list) leaves a setting alone. The
/// doc (8.8) shows no way to unset a key, so nothing here clears one.
#[derive(Clone, Debug, Default, Deserialize, TS)]
pub struct ServerChanges {
    pub name: Option<String>,
    /// CPU quota in core MHz.
    pub cpu: Option<u32>,
    /// Virtual processors: a count, or `auto` to let CloudSigma derive it from the CPU.
    pub smp: Option<String>,
    /// Memory in MB.
    pub mem: Option<u32>,
    /// The uuid of the parent object.
    pub parent: Option<String>,
    #[serde(default)]
    pub drives: Vec<DriveSlot>,
    /// The device to boot from (`ide:0:0`…).
    pub boot: Option<String>,
    /// `e1000`, `rtl8139` or `virtio`.
    pub nic0_model: Option<String>,
    /// The address DHCP offers interface 0, or `auto`.
    pub nic0_dhcp: Option<String>,
    pub nic1_model: Option<String>,
    /// The VLAN (uuid) interface 1 is attached to.
    pub nic1_vlan: Option<String>,
    pub nic1_mac: Option<String>,
    /// The VNC address, or `auto`.
    pub vnc_ip: Option<String>,
    /// Sent only when true: the doc documents `on` and no other value.
    #[serde(default)]
    pub vnc_tls: bool,
    /// Never shown, logged or echoed.
    #[ts(type = "string | null")]
    pub vnc_password: Option<Secret>,
}

pub const NIC_MODELS: [&str; 3] = ["e1000", "rtl8139", "virtio"];
pub const MEDIA: [&str; 2] = ["cdrom", "disk"];
/// The doc's smp note (8.2): at least 1 GHz and at most 2.2 GHz per core.
pub const MHZ_PER_CORE: (u32, u32) = (1000, 2200);
const MAX_MEM_MB: u32 = 1024 * 1024;
const MAX_CPU_MHZ: u32 = 2200 * 256;

#[async_trait]
pub trait ServerSettings: Send + Sync {
    /// Applies the changes and returns the server as CloudSigma then shows it.
    async fn set_server(&self, id: &str, changes: &ServerChanges) -> Result<Server>;
}

/// `ide:B:U` with B and U 0 or 1, or `block:N` with N 0 to 7.
pub fn is_slot(slot: &str) -> bool {
    let parts: Vec<&str> = slot.split(':').collect();
    match parts.as_slice() {
        ["ide", bus, unit] => matches!(*bus, "0" | "1") && matches!(*unit, "0" | "1"),
        ["block", n] => n.len() == 1 && ('0'..='7').contains(&n.chars().next().unwrap_or('x')),
        _ => false,
    }
}

fn is_mac(v: &str) -> bool {
    let parts: Vec<&str> = v.split(':').collect();
    parts.len() == 6 && parts.iter().all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn is_uuid(v: &str) -> bool {
    let v = v.trim();
    v.len() == 36
        && v.char_indices().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() })
}

fn address_or_auto(field: &str, v: &str) -> Result<String> {
    let v = v.trim();
    if v == "auto" || v.parse::<Ipv4Addr>().is_ok() {
        Ok(v.to_string())
    } else {
        Err(Error::field(field, format!("write an IPv4 address or auto, got {v:?}")))
    }
}

fn one_of(field: &str, v: &str, allowed: &[&str]) -> Result<String> {
    let v = v.trim().to_ascii_lowercase();
    if allowed.contains(&v.as_str()) {
        Ok(v)
    } else {
        Err(Error::field(field, format!("choose {}, got {v:?}", allowed.join(", "))))
    }
}

fn uuid_field(field: &str, what: &str, v: &str) -> Result<String> {
    if is_uuid(v) {
        Ok(v.trim().to_ascii_lowercase())
    } else {
        Err(Error::field(field, format!("{what} is a UUID like 5e70b725-438b-464b-bd9b-b8e9ddee2c8c, got {v:?}")))
    }
}

/// The server's current value of `key`, as a number.
fn current_number(current: &[(String, String)], key: &str) -> Option<u32> {
    current.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.trim().parse().ok())
}

/// The change set as the doc's keys and values, checked field by field
/// (field names are the change set's), in the doc's table order. `current`
/// is the server's own key-value object: the CPU-per-core rule is checked
/// against it for whichever of `cpu` and `smp` is not being changed, and a
/// key already holding the value asked for is not sent. The VNC password is
/// always sent when given: the server's own is never compared or kept.
pub fn change_body(
    changes: &ServerChanges,
    current: &[(String, String)],
    valid_name: impl Fn(&str) -> Result<String>,
) -> Result<Vec<(String, String)>> {
    let mut body: Vec<(String, String)> = Vec::new();
    if let Some(name) = &changes.name {
        body.push(("name".into(), valid_name(name)?));
    }
    if let Some(parent) = &changes.parent {
        body.push(("parent".into(), uuid_field("parent", "the parent", parent)?));
    }
    if let Some(cpu) = changes.cpu {
        if !(MHZ_PER_CORE.0..=MAX_CPU_MHZ).contains(&cpu) {
            return Err(Error::field("cpu", format!("choose {} to {MAX_CPU_MHZ} core MHz", MHZ_PER_CORE.0)));
        }
        body.push(("cpu".into(), cpu.to_string()));
    }
    let smp = match changes.smp.as_deref().map(str::trim) {
        None => None,
        Some("auto") => Some("auto".to_string()),
        Some(n) => match n.parse::<u32>() {
            Ok(count) if count >= 1 => Some(count.to_string()),
            _ => return Err(Error::field("smp", format!("write a number of processors (1 or more) or auto, got {n:?}"))),
        },
    };
    // 8.2: "Minimum granularity is 1GHz per core, Maximum is 2.2GHz per core".
    let cpu = changes.cpu.or_else(|| current_number(current, "cpu"));
    let cores = match smp.as_deref() {
        Some("auto") => None,
        Some(n) => n.parse::<u32>().ok(),
        None if changes.cpu.is_some() => current_number(current, "smp"),
        None => None,
    };
    if let (Some(cpu), Some(cores)) = (cpu, cores) {
        let (low, high) = (MHZ_PER_CORE.0 * cores, MHZ_PER_CORE.1.saturating_mul(cores));
        if cpu < low || cpu > high {
            let field = if changes.smp.is_some() { "smp" } else { "cpu" };
            return Err(Error::field(
                field,
                format!(
                    "{cores} processors need {low} to {high} core MHz (1 to 2.2 GHz each), and the CPU is {cpu} MHz; change one, or set processors to auto"
                ),
            ));
        }
    }
    if let Some(smp) = smp {
        body.push(("smp".into(), smp));
    }
    if let Some(mem) = changes.mem {
        if !(1..=MAX_MEM_MB).contains(&mem) {
            return Err(Error::field("mem", format!("choose 1 to {MAX_MEM_MB} MB")));
        }
        body.push(("mem".into(), mem.to_string()));
    }
    for d in &changes.drives {
        let slot = d.slot.trim();
        if !is_slot(slot) {
            return Err(Error::field("drives", format!("{slot:?} is not a device: use ide:0:0 to ide:1:1 or block:0 to block:7")));
        }
        if body.iter().any(|(k, _)| k == slot) {
            return Err(Error::field("drives", format!("{slot} is given twice")));
        }
        body.push((slot.to_string(), uuid_field("drives", "a drive", &d.drive)?));
        if let Some(media) = &d.media {
            body.push((format!("{slot}:media"), one_of("drives", media, &MEDIA)?));
        }
    }
    if let Some(boot) = &changes.boot {
        let boot = boot.trim();
        if !is_slot(boot) {
            return Err(Error::field("boot", format!("{boot:?} is not a device: use ide:0:0 to ide:1:1 or block:0 to block:7")));
        }
        body.push(("boot".into(), boot.to_string()));
    }
    if let Some(model) = &changes.nic0_model {
        body.push(("nic:0:model".into(), one_of("nic0_model", model, &NIC_MODELS)?));
    }
    if let Some(dhcp) = &changes.nic0_dhcp {
        body.push(("nic:0:dhcp".into(), address_or_auto("nic0_dhcp", dhcp)?));
    }
    if let Some(model) = &changes.nic1_model {
        body.push(("nic:1:model".into(), one_of("nic1_model", model, &NIC_MODELS)?));
    }
    if let Some(vlan) = &changes.nic1_vlan {
        body.push(("nic:1:vlan".into(), uuid_field("nic1_vlan", "the VLAN", vlan)?));
    }
    if let Some(mac) = &changes.nic1_mac {
        let mac = mac.trim().to_ascii_lowercase();
        if !is_mac(&mac) {
            return Err(Error::field("nic1_mac", format!("write a MAC address like 66:c8:fd:23:a7:a2, got {mac:?}")));
        }
        body.push(("nic:1:mac".into(), mac));
    }
    if let Some(ip) = &changes.vnc_ip {
        body.push(("vnc:ip".into(), address_or_auto("vnc_ip", ip)?));
    }
    if changes.vnc_tls {
        body.push(("vnc:tls".into(), "on".into()));
    }
    body.retain(|(k, v)| !current.iter().any(|(ck, cv)| ck == k && cv.trim() == v));
    if let Some(password) = &changes.vnc_password {
        let p = password.expose();
        if p.is_empty() || p.trim() != p || p.chars().any(char::is_control) || p.chars().count() > 64 {
            return Err(Error::field(
                "vnc_password",
                "a VNC password is 1 to 64 characters on one line, without spaces at either end",
            ));
        }
        body.push(("vnc:password".into(), p.to_string()));
    }
    if body.is_empty() {
        return Err(Error::field("changes", "nothing to change: every setting given already has that value"));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_name(v: &str) -> Result<String> {
        Ok(v.trim().to_string())
    }

    /// The doc's server (8.6): 4000 MHz on 4 processors, e1000 cards, VNC on its address.
    fn doc_server() -> Vec<(String, String)> {
        crate::providers::cloudsigma::codec::parse_object(doc_body!("cloudsigma", "get_servers_UUID_info.txt")).0
    }

    fn keys(body: &[(String, String)]) -> Vec<String> {
        body.iter().map(|(k, v)| if k == "vnc:password" { k.clone() } else { format!("{k} {v}") }).collect()
    }

    #[test]
    fn only_changed_keys_are_sent_in_the_doc_order() {
        let changes = ServerChanges {
            name: Some("dbserver2".into()),
            cpu: Some(6000),
            mem: Some(4096),
            nic0_model: Some("virtio".into()),
            nic1_model: Some("e1000".into()),
            drives: vec![DriveSlot { slot: "ide:1:0".into(), drive: "76096E90-6e34-40b6-9ef5-216abe6b330b".into(), media: Some("CDROM".into()) }],
            boot: Some("ide:0:0".into()),
            vnc_tls: true,
            ..ServerChanges::default()
        };
        let body = change_body(&changes, &doc_server(), valid_name).unwrap();
        assert_eq!(
            keys(&body),
            [
                "name dbserver2",
                "cpu 6000",
                "ide:1:0 76096e90-6e34-40b6-9ef5-216abe6b330b",
                "ide:1:0:media cdrom",
                "nic:0:model virtio",
                "vnc:tls on"
            ],
            "mem, boot and nic:1:model already hold those values"
        );
    }

    #[test]
    fn cpu_per_core_is_checked_against_what_stays() {
        let server = doc_server();
        // 4 processors need 4000 to 8800 MHz.
        let e = change_body(&ServerChanges { cpu: Some(3000), ..Default::default() }, &server, valid_name).unwrap_err();
        assert_eq!(e.fields[0].field, "cpu");
        assert!(e.message.contains("4 processors need 4000 to 8800 core MHz"), "{}", e.message);
        let e = change_body(&ServerChanges { smp: Some("1".into()), ..Default::default() }, &server, valid_name).unwrap_err();
        assert_eq!(e.fields[0].field, "smp");
        let ok = ServerChanges { cpu: Some(3000), smp: Some("auto".into()), ..Default::default() };
        assert_eq!(keys(&change_body(&ok, &server, valid_name).unwrap()), ["cpu 3000", "smp auto"]);
        let ok = ServerChanges { cpu: Some(2000), smp: Some("2".into()), ..Default::default() };
        assert_eq!(keys(&change_body(&ok, &server, valid_name).unwrap()), ["cpu 2000", "smp 2"]);
    }

    #[test]
    fn bad_values_are_refused_under_their_fields() {
        let server = doc_server();
        let field = |c: ServerChanges| change_body(&c, &server, valid_name).unwrap_err().fields[0].field.clone();
        assert_eq!(field(ServerChanges { cpu: Some(999), ..Default::default() }), "cpu");
        assert_eq!(field(ServerChanges { mem: Some(0), ..Default::default() }), "mem");
        assert_eq!(field(ServerChanges { smp: Some("two".into()), ..Default::default() }), "smp");
        assert_eq!(field(ServerChanges { smp: Some("0".into()), ..Default::default() }), "smp");
        let drive = |slot: &str, media: Option<&str>| DriveSlot {
            slot: slot.into(),
            drive: "76096e90-6e34-40b6-9ef5-216abe6b330b".into(),
            media: media.map(Into::into),
        };
        assert_eq!(field(ServerChanges { drives: vec![drive("ide:2:0", None)], ..Default::default() }), "drives");
        assert_eq!(field(ServerChanges { drives: vec![drive("block:8", None)], ..Default::default() }), "drives");
        assert_eq!(field(ServerChanges { drives: vec![drive("block:1", Some("floppy"))], ..Default::default() }), "drives");
        assert_eq!(field(ServerChanges { boot: Some("nic:0".into()), ..Default::default() }), "boot");
        assert_eq!(field(ServerChanges { nic0_model: Some("ne2k".into()), ..Default::default() }), "nic0_model");
        assert_eq!(field(ServerChanges { nic0_dhcp: Some("dhcp".into()), ..Default::default() }), "nic0_dhcp");
        assert_eq!(field(ServerChanges { nic1_vlan: Some("vlan-1".into()), ..Default::default() }), "nic1_vlan");
        assert_eq!(field(ServerChanges { nic1_mac: Some("66:c8:fd:23:a7".into()), ..Default::default() }), "nic1_mac");
        assert_eq!(field(ServerChanges { vnc_ip: Some("91.203.56".into()), ..Default::default() }), "vnc_ip");
        assert_eq!(field(ServerChanges { parent: Some("x".into()), ..Default::default() }), "parent");
        assert_eq!(field(ServerChanges { mem: Some(4096), ..Default::default() }), "changes", "nothing would change");
    }

    #[test]
    fn the_vnc_password_is_sent_but_never_shown() {
        let changes = ServerChanges { vnc_password: Some(Secret::new("n3w-VNC-pass")), ..Default::default() };
        let body = change_body(&changes, &doc_server(), valid_name).unwrap();
        assert_eq!(body, [("vnc:password".to_string(), "n3w-VNC-pass".to_string())]);
        assert!(!format!("{changes:?}").contains("n3w-VNC-pass"));
        let bad = ServerChanges { vnc_password: Some(Secret::new(" padded")), ..Default::default() };
        let e = change_body(&bad, &doc_server(), valid_name).unwrap_err();
        assert_eq!(e.fields[0].field, "vnc_password");
        assert!(!e.message.contains("padded"));
    }
}
