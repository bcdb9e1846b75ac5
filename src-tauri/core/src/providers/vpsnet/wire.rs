//! VPS.NET (api10json) bodies as the doc shows them: every resource comes
//! wrapped in its own name (`{"virtual_machine": {...}}`, `[{"cloud": {...}}]`),
//! ids are numbers, flags are JSON booleans, and a 422 carries
//! `{"errors": [[field, message], ...]}`.

use serde::{Deserialize, Deserializer};

use crate::providers::common::{opt_string_or_number, string_or_number};

/// `profile.api10json`: `{"user": {...}}`.
#[derive(Debug, Deserialize)]
pub struct ProfileEnvelope {
    pub user: serde_json::Map<String, serde_json::Value>,
}

/// `{"virtual_machine": {...}}`; the inner object is kept as sent so every
/// field reaches the detail panel.
#[derive(Debug, Deserialize)]
pub struct VirtualMachineEnvelope {
    pub virtual_machine: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub struct VirtualMachineWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub hostname: Option<String>,
    #[serde(default)]
    pub domain_name: Option<String>,
    /// The three flags are kept as sent (`true`, `"true"`, `1`, ...) and
    /// read by `map::flag`. Left out when the list is asked for with
    /// `basic=true`.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub running: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub power_action_pending: Option<String>,
    /// In the doc's field list but not in its example; `false` while the
    /// server is still being built (a "pending" cloud server).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub built: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub cloud_id: Option<String>,
    /// Nodes the server uses; `null` in the doc's example.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub slices_count: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub primary_ip_address: Option<PrimaryIp>,
}

/// `primary_ip_address` is `{"ip_address": {"ip_address": "..."}}` in the
/// show and create replies; libcloud reads it as a plain value, so that is
/// accepted too.
#[derive(Debug)]
pub struct PrimaryIp(pub Option<String>);

impl<'de> Deserialize<'de> for PrimaryIp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(PrimaryIp(primary_ip(&serde_json::Value::deserialize(d)?)))
    }
}

/// The address in a `primary_ip_address` value, whichever form it has.
pub fn primary_ip(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("ip_address").and_then(primary_ip),
        _ => None,
    }
}

#[derive(Debug, Deserialize)]
pub struct CloudEnvelope {
    pub cloud: CloudWire,
}

#[derive(Debug, Deserialize)]
pub struct CloudWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub label: String,
    #[serde(default = "yes")]
    pub available: bool,
    #[serde(default)]
    pub system_templates: Vec<TemplateWire>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub premium_price: Option<String>,
    #[serde(default)]
    pub currency_code: Option<String>,
    /// Gigabytes of monthly transfer each node brings on this cloud.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub monthly_node_bandwidth: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
pub struct TemplateWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub label: String,
}

/// One entry of `nodes.api10json`; regular nodes are called slices.
#[derive(Debug, Deserialize)]
pub struct NodeEnvelope {
    #[serde(default)]
    pub slice: Option<SliceWire>,
}

#[derive(Debug, Deserialize)]
pub struct SliceWire {
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub virtual_machine_id: Option<String>,
}

/// A 422's body: `{"errors": [[field, message], ...]}`. Each entry is read
/// loosely (a bare string, or more than one message) rather than rejected.
#[derive(Debug, Deserialize)]
pub struct ErrorsWire {
    pub errors: Vec<serde_json::Value>,
}

impl ErrorsWire {
    /// `(field, message)` pairs; `field` is `None` for an entry without one.
    pub fn pairs(&self) -> Vec<(Option<String>, String)> {
        self.errors
            .iter()
            .map(|e| match e {
                serde_json::Value::Array(parts) => {
                    let text: Vec<String> = parts.iter().map(crate::providers::common::display_value).collect();
                    match text.split_first() {
                        Some((field, rest)) if !rest.is_empty() => (Some(field.clone()), rest.join("; ")),
                        Some((only, _)) => (None, only.clone()),
                        None => (None, String::new()),
                    }
                }
                other => (None, crate::providers::common::display_value(other)),
            })
            .filter(|(_, m)| !m.is_empty())
            .collect()
    }
}
