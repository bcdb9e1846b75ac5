//! VPS.NET server-extras bodies as the doc and its clients show them.

use serde::Deserialize;
use serde_json::Value;

use crate::providers::common::{opt_string_or_number, string_or_number};

/// One backup; the list is a bare array of these (no wrapper key).
#[derive(Debug, Deserialize)]
pub struct BackupWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Not in the doc's example; PHP's create sends it.
    pub label: Option<String>,
    pub backup_type: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub backup_size: Option<String>,
    /// Flags as sent, read by `map::flag` like the server's.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub built: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub locked: Option<String>,
    pub operating_system: Option<String>,
    pub operating_system_distro: Option<String>,
    pub created_at: Option<String>,
    pub built_at: Option<String>,
}

/// `{"clone": {...}}` in the clones list.
#[derive(Debug, Deserialize)]
pub struct CloneEnvelope {
    pub clone: CloneWire,
}

#[derive(Debug, Deserialize)]
pub struct CloneWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub label: Option<String>,
    pub status: Option<String>,
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub cloned_server_id: Option<String>,
}

/// A CPU sample: seconds of CPU used in `elapsed_time` seconds.
#[derive(Debug, Deserialize)]
pub struct CpuSampleWire {
    pub created_at: String,
    pub cpu_time: Option<Value>,
    pub elapsed_time: Option<Value>,
}

/// A traffic sample, in bytes.
#[derive(Debug, Deserialize)]
pub struct TrafficSampleWire {
    pub created_at: String,
    pub data_received: Option<Value>,
    pub data_sent: Option<Value>,
}

/// `{"session": {...}}` from the console call. The session's `password` is
/// a credential and deliberately not read.
#[derive(Debug, Deserialize)]
pub struct ConsoleEnvelope {
    pub session: ConsoleSessionWire,
}

#[derive(Debug, Deserialize)]
pub struct ConsoleSessionWire {
    #[serde(deserialize_with = "string_or_number")]
    pub port: String,
    /// Not documented; read when VPS.NET names the console host.
    pub host: Option<String>,
}

/// `{"ip_address": {...}}` in the account's address list.
#[derive(Debug, Deserialize)]
pub struct IpEnvelope {
    pub ip_address: IpWire,
}

#[derive(Debug, Deserialize)]
pub struct IpWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub ip_address: String,
    pub netmask: Option<String>,
    pub network: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub virtual_machine_id: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub cloud_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub consumer_id: Option<String>,
    /// What the edit call sets (`notes`); lists may call it `description`.
    pub notes: Option<String>,
}

/// `clouds/{id}`: a bare cloud object with its templates.
#[derive(Debug, Deserialize)]
pub struct CloudTemplatesWire {
    #[serde(default)]
    pub system_templates: Vec<TemplateRefWire>,
}

#[derive(Debug, Deserialize)]
pub struct TemplateRefWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub label: String,
}

/// A list item, unwrapped from `{"name": {...}}` if it comes wrapped (the
/// usage calls' items are shown bare by the clients, wrapped elsewhere).
pub fn unwrapped(item: Value) -> Value {
    match item {
        Value::Object(o) if o.len() == 1 && o.values().all(Value::is_object) => {
            o.into_iter().next().map(|(_, v)| v).unwrap_or_default()
        }
        other => other,
    }
}
