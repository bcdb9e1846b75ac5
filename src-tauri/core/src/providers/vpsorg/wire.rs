//! VPS.org API v1 bodies as the doc shows them: a Django REST Framework
//! style API with integer ids, nested `plan` and `os` objects, a paginated
//! list and `{"detail": ...}` / per-field error bodies.

use serde::Deserialize;

use crate::error::FieldError;
use crate::providers::common::{display_value, opt_string_or_number, string_or_number};

/// One page of `GET /api/v1/servers/`. The doc's example shows only
/// `count` and `results`; `next`/`previous` are the framework's page links.
#[derive(Debug, Deserialize)]
pub struct PageWire {
    pub count: usize,
    pub next: Option<String>,
    pub previous: Option<String>,
    pub results: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub struct ServerWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: Option<String>,
    pub hostname: Option<String>,
    pub status: Option<String>,
    pub ip_address: Option<String>,
    pub ipv6_address: Option<String>,
    pub location: Option<String>,
    pub plan: Option<PlanWire>,
    pub os: Option<OsWire>,
    pub created_at: Option<String>,
}

/// `memory` in MB and `storage` in GB; `bandwidth` only in the details.
#[derive(Clone, Debug, Deserialize)]
pub struct PlanWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub vcpus: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub memory: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub storage: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub bandwidth: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct OsWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: Option<String>,
}

/// The reply to start, stop and reboot.
#[derive(Debug, Deserialize)]
pub struct ActionWire {
    pub status: String,
    pub message: Option<String>,
    pub server: Option<ActionServerWire>,
}

#[derive(Debug, Deserialize)]
pub struct ActionServerWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: Option<String>,
    pub status: Option<String>,
}

/// What an error body says: `{"detail": "..."}`, or for invalid input
/// `{"field": ["message", ...]}`; the fields are the API's names.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Problem {
    pub detail: Option<String>,
    pub fields: Vec<FieldError>,
}

pub fn problem(body: &[u8]) -> Problem {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Problem::default();
    };
    let mut out = Problem::default();
    for (key, value) in map {
        let messages: Vec<String> = match &value {
            serde_json::Value::Array(items) => items.iter().map(display_value).collect(),
            other => vec![display_value(other)],
        };
        if key == "detail" {
            out.detail = Some(messages.join(" "));
        } else {
            out.fields.push(FieldError { field: key, message: messages.join(" ") });
        }
    }
    out
}
