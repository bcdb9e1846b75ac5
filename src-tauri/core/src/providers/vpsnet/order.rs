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
}

impl Order<'_> {
    /// `POST virtual_machines.api10json`'s body. Backups cost extra, so they
    /// stay off unless asked for.
    pub fn body(&self) -> Value {
        json!({
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
        })
    }
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
