//! The create form VPS.NET asks for, filled from our generic request: a
//! host name left out is derived from the server's name, backups stay off
//! unless asked for.

use serde_json::{json, Value};

/// Domain for names that are not already fully qualified; reserved for
/// hosts without a real domain, so it never points anywhere by accident.
const DEFAULT_DOMAIN: &str = "localdomain";

/// What `create_server` checked and sends.
pub struct Order<'a> {
    pub label: &'a str,
    pub cloud_id: u64,
    pub template_id: u64,
    pub nodes: u32,
    /// Checked already; `None` derives one from the label.
    pub hostname: Option<String>,
    /// VPS.NET's own backups; rsync and R1Soft backups stay off.
    pub backups: bool,
    /// Licence ids to buy, checked and confirmed already.
    pub licences: Vec<String>,
}

impl Order<'_> {
    /// `POST virtual_machines.api10json`'s body. Backups cost extra, so they
    /// stay off unless asked for.
    pub fn body(&self) -> Value {
        let mut body = json!({
            "virtual_machine": {
                "label": self.label,
                "fqdn": self.hostname.clone().unwrap_or_else(|| fqdn(self.label)),
                "system_template_id": self.template_id,
                "cloud_id": self.cloud_id,
                "backups_enabled": self.backups,
                "rsync_backups_enabled": false,
                "r1_soft_backups_enabled": false,
                "slices_required": self.nodes,
            }
        });
        // The doc's `licenses` inside `virtual_machine`: `{"<id>": 1}` buys.
        if !self.licences.is_empty() {
            let buy: serde_json::Map<String, Value> = self.licences.iter().map(|id| (id.clone(), json!(1))).collect();
            body["virtual_machine"]["licenses"] = Value::Object(buy);
        }
        body
    }
}

/// The doc's instant create, flat: `{"instant": true, "country": 1}`.
pub fn instant_body(country: u64) -> Value {
    json!({ "instant": true, "country": country })
}

/// Licence ids to buy at create: numbers, each once, and at most one
/// control panel (the doc: "You can only purchase one control panel
/// license"); which ids are control panels is known only for VPS.NET's
/// own two (`ext::licences::known`).
pub fn licences(ids: &[String]) -> crate::error::Result<Vec<String>> {
    use crate::providers::vpsnet::ext::licences::{describe, known, licence_id, ServerLicenceKind};
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = licence_id(id).map_err(|e| crate::error::Error::field("licences", e.message))?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    let panels: Vec<&String> =
        out.iter().filter(|id| known(id).is_some_and(|k| k.1 == ServerLicenceKind::ControlPanel)).collect();
    if let [first, second, ..] = panels.as_slice() {
        return Err(crate::error::Error::field(
            "licences",
            format!(
                "VPS.NET sells one control panel per server: choose {} or {}",
                describe(first, None),
                describe(second, None)
            ),
        ));
    }
    Ok(out)
}

/// The name itself when it is already a host name with a domain
/// ("web01.example.com"), otherwise a host name made from it under
/// `localdomain` ("Web Server 01" -> "web-server-01.localdomain").
pub fn fqdn(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    if lower.contains('.') && lower.len() <= 253 && lower.split('.').all(valid_label) {
        return lower;
    }
    format!("{}.{DEFAULT_DOMAIN}", host_label(&lower))
}

fn valid_label(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 63
        && !l.starts_with('-')
        && !l.ends_with('-')
        && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Letters and digits kept, every other run of characters one hyphen, at
/// most 63 characters (one DNS label).
fn host_label(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(63);
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "server".to_string()
    } else {
        out.to_string()
    }
}
