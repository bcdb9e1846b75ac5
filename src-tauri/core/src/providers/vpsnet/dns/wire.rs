//! VPS.NET DNS bodies as the doc shows them (section "DNS" of
//! `vpsnet-api.txt`): domains, records and templates each wrapped in their
//! name, types in lower case, numbers sometimes as strings (the SRV example),
//! a failover record's `data` an array of addresses. Clients that ask for
//! `?new` get records unwrapped, so both shapes are read.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::capabilities::dns::validate::{relative_host, DEFAULT_SERVICE_TYPE};
use crate::capabilities::dns::{DnsTemplate, Nameserver, Record, RecordType, ValidRecord, Zone};
use crate::error::{Error, Result};
use crate::providers::vpsnet::DESCRIPTOR;
use crate::providers::common::{display_value, opt_string_or_number, string_or_number};

#[derive(Debug, Deserialize)]
pub struct DomainWire {
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    pub name: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub serial: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DomainEnvelope {
    pub domain: DomainWire,
}

impl DomainWire {
    pub fn zone(self) -> Zone {
        Zone {
            id: self.id.unwrap_or_default(),
            name: self.name.trim().trim_end_matches('.').to_ascii_lowercase(),
            serial: self.serial,
            created_at: DESCRIPTOR.time(self.created_at.as_deref()),
            updated_at: DESCRIPTOR.time(self.updated_at.as_deref()),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct RecordWire {
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub host: String,
    /// A string, or the failover record's addresses as an array.
    #[serde(default)]
    pub data: Value,
    /// The template-record edit body names the value `target`.
    pub target: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub ttl: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub mx_priority: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub priority: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub weight: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub port: Option<String>,
    pub primary_data: Option<String>,
    pub service_type: Option<String>,
}

fn num(v: &Option<String>) -> Option<u32> {
    v.as_deref().and_then(|s| s.trim().parse().ok())
}

impl RecordWire {
    /// The record in the model, its host relative to `zone` (empty for
    /// template records); `None` for a type the model does not know.
    pub fn record(self, zone: &str) -> Option<Record> {
        let kind = RecordType::parse(&self.kind)?;
        let addresses: Vec<String> = match &self.data {
            Value::Array(items) => items.iter().map(display_value).collect(),
            Value::Null => self.target.clone().into_iter().collect(),
            other => vec![display_value(other)],
        };
        let data = match (&self.primary_data, kind) {
            (Some(primary), RecordType::Failover) => {
                std::iter::once(primary.clone()).chain(addresses).collect::<Vec<_>>().join(" ")
            }
            _ => addresses.join(" "),
        };
        let host = relative_host(&self.host, zone).unwrap_or_else(|_| self.host.clone());
        let priority = match kind {
            RecordType::Mx => num(&self.mx_priority).or(num(&self.priority)),
            RecordType::Srv => num(&self.priority),
            _ => None,
        };
        let srv = kind == RecordType::Srv;
        Some(Record {
            id: self.id.unwrap_or_default(),
            kind,
            host,
            data,
            ttl: num(&self.ttl).unwrap_or(if kind == RecordType::Failover { 300 } else { 86_400 }),
            priority,
            weight: if srv { num(&self.weight) } else { None },
            port: if srv { num(&self.port) } else { None },
            service_type: (kind == RecordType::Failover)
                .then(|| self.service_type.clone().unwrap_or_else(|| DEFAULT_SERVICE_TYPE.to_string())),
        })
    }
}

/// `{"<name>": {...}}` or the bare object.
pub fn unwrap(item: Value, name: &str) -> Value {
    match item {
        Value::Object(mut o) if o.contains_key(name) => o.remove(name).unwrap_or_default(),
        other => other,
    }
}

pub fn records(list: Vec<Value>, wrapper: &str, zone: &str) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for item in list {
        let w: RecordWire = serde_json::from_value(unwrap(item, wrapper))
            .map_err(|e| Error::provider(format!("VPS.NET sent a DNS record vpsdesk cannot read ({e})")))?;
        let kind = w.kind.clone();
        match w.record(zone) {
            Some(r) => out.push(r),
            None => tracing::warn!(kind = %kind, "VPS.NET sent a record type vpsdesk does not know; not shown"),
        }
    }
    Ok(out)
}

/// The record body of create and edit, per type as the doc's examples show
/// it: MX adds `mx_priority`; SRV sends its numbers as strings with the
/// service and protocol taken from the name (`_sip._tcp`); FAILOVER sends
/// the primary as `primary_data` and the backups as the `data` array.
pub fn record_body(r: &ValidRecord) -> Map<String, Value> {
    let mut o = Map::new();
    match r.kind {
        RecordType::Srv => {
            let mut labels = r.host.split('.');
            o.insert("ttl".into(), json!(r.ttl.to_string()));
            o.insert("data".into(), json!(r.data));
            o.insert("type".into(), json!("srv"));
            o.insert("host".into(), json!(r.host));
            o.insert("service".into(), json!(labels.next().unwrap_or_default()));
            o.insert("protocol".into(), json!(labels.next().unwrap_or_default()));
            for (k, v) in [("priority", r.priority), ("weight", r.weight), ("port", r.port)] {
                o.insert(k.into(), json!(v.unwrap_or(0).to_string()));
            }
        }
        RecordType::Failover => {
            let mut addresses = r.data.split_whitespace();
            let primary = addresses.next().unwrap_or_default();
            o.insert("data".into(), json!(addresses.collect::<Vec<_>>()));
            o.insert("type".into(), json!("failover"));
            o.insert("host".into(), json!(r.host));
            o.insert("primary_data".into(), json!(primary));
            o.insert("service_type".into(), json!(r.service_type.as_deref().unwrap_or(DEFAULT_SERVICE_TYPE)));
            o.insert("ttl".into(), json!(r.ttl));
        }
        kind => {
            o.insert("ttl".into(), json!(r.ttl));
            o.insert("data".into(), json!(r.data));
            o.insert("type".into(), json!(kind.as_str().to_ascii_lowercase()));
            o.insert("host".into(), json!(r.host));
            if kind == RecordType::Mx {
                o.insert("mx_priority".into(), json!(r.priority.unwrap_or(0)));
            }
        }
    }
    o
}

#[derive(Debug, Deserialize)]
pub struct TemplateWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub template_name: String,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

impl TemplateWire {
    pub fn template(self) -> DnsTemplate {
        DnsTemplate {
            id: self.id,
            name: self.template_name,
            created_at: DESCRIPTOR.time(self.created_at.as_deref()),
            updated_at: DESCRIPTOR.time(self.updated_at.as_deref()),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct DnsHostWire {
    pub host: String,
    pub ip: Option<String>,
}

impl DnsHostWire {
    pub fn nameserver(self) -> Nameserver {
        Nameserver { host: self.host, ip: self.ip }
    }
}

/// VPS.NET's 422 field names -> the model's (`RecordInput`, `NewZone`).
pub fn form_field(wire: &str) -> Option<&'static str> {
    Some(match wire {
        "host" => "host",
        "data" | "primary_data" | "target" => "data",
        "ttl" => "ttl",
        "type" => "type",
        "mx_priority" | "priority" => "priority",
        "weight" => "weight",
        "port" => "port",
        "service_type" => "service_type",
        "name" | "template_name" => "name",
        "ip_address" => "ip_address",
        "custom_template" => "template",
        _ => return None,
    })
}
