//! Vultr API v1 bodies as the doc shows them. Most numbers arrive as strings,
//! some do not (`current_bandwidth_gb`), and an empty map arrives as `[]`.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::providers::common::{opt_string_or_number, string_or_number};

/// A Vultr "object keyed by id" that becomes `[]` when it is empty. Keeps
/// the provider's order, which the detail panel shows.
pub fn keyed_values(v: serde_json::Value) -> Result<Vec<serde_json::Value>, serde_json::Error> {
    match v {
        serde_json::Value::Array(items) if items.is_empty() => Ok(Vec::new()),
        serde_json::Value::Object(map) => Ok(map.into_iter().map(|(_, v)| v).collect()),
        other => Err(serde::de::Error::custom(format!("expected an object keyed by id, got {other}"))),
    }
}

pub fn keyed<T: DeserializeOwned>(v: serde_json::Value) -> Result<Vec<T>, serde_json::Error> {
    keyed_values(v)?.into_iter().map(serde_json::from_value).collect()
}

#[derive(Debug, Deserialize)]
pub struct ServerWire {
    #[serde(rename = "SUBID", deserialize_with = "string_or_number")]
    pub subid: String,
    pub label: Option<String>,
    pub status: Option<String>,
    pub power_status: Option<String>,
    pub server_state: Option<String>,
    pub main_ip: Option<String>,
    pub v6_main_ip: Option<String>,
    pub location: Option<String>,
    #[serde(rename = "VPSPLANID", default, deserialize_with = "opt_string_or_number")]
    pub plan_id: Option<String>,
    pub date_created: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PlanWire {
    #[serde(rename = "VPSPLANID", deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub vcpu_count: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub ram: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub disk: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub bandwidth: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub price_per_month: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct OsWire {
    #[serde(rename = "OSID", deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
    pub arch: Option<String>,
    pub family: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct RegionWire {
    #[serde(rename = "DCID", deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub continent: Option<String>,
    pub state: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CreatedWire {
    #[serde(rename = "SUBID", deserialize_with = "string_or_number")]
    pub subid: String,
}

/// `regions/availability`: plan ids as integers (tolerating strings).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct AvailabilityWire(pub Vec<serde_json::Value>);
