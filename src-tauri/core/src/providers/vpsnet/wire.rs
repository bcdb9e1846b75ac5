//! VPS.NET (api10json) bodies as the doc shows them: every resource comes
//! wrapped in its own name (`{"virtual_machine": {...}}`, `[{"cloud": {...}}]`),
//! ids are numbers, flags are JSON booleans, and a 422 carries
//! `{"errors": [[field, message], ...]}`.

use serde::{Deserialize, Deserializer};

use crate::error::FieldError;
use crate::http::Response;
use crate::providers::common::{body_excerpt, opt_string_or_number, string_or_number};

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
    pub label: Option<String>,
    pub hostname: Option<String>,
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
    pub created_at: Option<String>,
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

/// A 422 read once, for every VPS.NET call that can be refused: the
/// sentence for the error's message and the per-field errors a form shows.
/// `base` is VPS.NET's name for the request as a whole, so it names no field.
pub struct Refusal {
    pairs: Vec<(Option<String>, String)>,
    pub text: String,
}

impl Refusal {
    pub fn of(resp: &Response) -> Refusal {
        let pairs = serde_json::from_slice::<ErrorsWire>(&resp.body).map(|e| e.pairs()).unwrap_or_default();
        let text = if pairs.is_empty() {
            Some(body_excerpt(resp)).filter(|said| !said.is_empty()).unwrap_or_else(|| "no reason given".to_string())
        } else {
            pairs.iter().map(|(f, m)| worded(f, m)).collect::<Vec<_>>().join("; ")
        };
        Refusal { pairs, text }
    }

    /// The errors of the fields `ours` names on the form (its keys, not VPS.NET's).
    pub fn fields(&self, ours: fn(&str) -> Option<&'static str>) -> Vec<FieldError> {
        self.pairs
            .iter()
            .filter_map(|(f, m)| Some(FieldError { field: ours(f.as_deref()?)?.to_string(), message: worded(f, m) }))
            .collect()
    }
}

fn worded(field: &Option<String>, message: &str) -> String {
    match field.as_deref() {
        Some(f) if f != "base" => format!("{f} {message}"),
        _ => message.to_string(),
    }
}
