//! DNS zones, records and templates, independent of any provider: the record
//! model, per-type validation (`validate`), RFC 1035 zone files
//! (`zonefile`), the import planner (`plan`) and the `Dns` capability trait a
//! provider client offers through `Compute::dns`.

pub mod plan;
pub mod validate;
pub mod zonefile;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::time::Timestamp;

/// Record types as VPS.NET names them. SOA is shown, never written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum RecordType {
    A,
    Aaaa,
    Cname,
    Mx,
    Txt,
    Ns,
    Srv,
    /// VPS.NET's health-checked A record: a primary address and backups.
    Failover,
    Soa,
}

impl RecordType {
    pub const ALL: [RecordType; 9] = [
        RecordType::A,
        RecordType::Aaaa,
        RecordType::Cname,
        RecordType::Mx,
        RecordType::Txt,
        RecordType::Ns,
        RecordType::Srv,
        RecordType::Failover,
        RecordType::Soa,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::A => "A",
            RecordType::Aaaa => "AAAA",
            RecordType::Cname => "CNAME",
            RecordType::Mx => "MX",
            RecordType::Txt => "TXT",
            RecordType::Ns => "NS",
            RecordType::Srv => "SRV",
            RecordType::Failover => "FAILOVER",
            RecordType::Soa => "SOA",
        }
    }

    /// Case-insensitive: the API sends `a`, people type `A`.
    pub fn parse(s: &str) -> Option<RecordType> {
        let s = s.trim();
        Self::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// Whose `data` is a host name (compared and exported fully qualified).
    pub fn data_is_name(self) -> bool {
        matches!(self, RecordType::Cname | RecordType::Ns | RecordType::Mx | RecordType::Srv)
    }
}

impl std::fmt::Display for RecordType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A zone (VPS.NET: a domain).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Zone {
    pub id: String,
    /// The domain name, without a trailing dot.
    pub name: String,
    /// The SOA serial, when the provider reports it.
    pub serial: Option<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// One record. `host` is relative to the zone (`@` for the apex); `data` is
/// the address, target name or text. MX uses `priority`; SRV uses
/// `priority`, `weight` and `port`; FAILOVER's `data` is the primary address
/// followed by the backups, space separated, checked with `service_type`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "DnsRecord")] // `Record` is a TypeScript built-in
pub struct Record {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: RecordType,
    pub host: String,
    pub data: String,
    pub ttl: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub priority: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub weight: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub port: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub service_type: Option<String>,
}

/// What add and edit take. Field names are the ones validation errors name,
/// so forms can show each error next to its field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordInput {
    #[serde(rename = "type")]
    pub kind: Option<RecordType>,
    pub host: String,
    pub data: String,
    pub ttl: Option<u32>,
    pub priority: Option<u32>,
    pub weight: Option<u32>,
    pub port: Option<u32>,
    pub service_type: Option<String>,
}

impl RecordInput {
    /// The input that would recreate `r` as it is.
    pub fn from_record(r: &Record) -> RecordInput {
        RecordInput {
            kind: Some(r.kind),
            host: r.host.clone(),
            data: r.data.clone(),
            ttl: Some(r.ttl),
            priority: r.priority,
            weight: r.weight,
            port: r.port,
            service_type: r.service_type.clone(),
        }
    }
}

/// A record that passed `validate::record`: every field the type needs is
/// there, in its canonical form, and nothing else is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ValidRecord {
    #[serde(rename = "type")]
    pub kind: RecordType,
    pub host: String,
    pub data: String,
    pub ttl: u32,
    pub priority: Option<u32>,
    pub weight: Option<u32>,
    pub port: Option<u32>,
    pub service_type: Option<String>,
}

/// What creating a zone takes.
#[derive(Clone, Debug, Default, Deserialize, TS)]
pub struct NewZone {
    pub name: String,
    /// The address the provider's default records point at (VPS.NET `ip_address`).
    pub ip_address: Option<String>,
    /// A DNS template (id) whose records the new zone starts with.
    pub template: Option<String>,
}

/// A name server of the provider, to delegate a zone to at the registrar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Nameserver {
    pub host: String,
    pub ip: Option<String>,
}

/// A new zone and where to delegate it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct CreatedZone {
    pub zone: Zone,
    pub nameservers: Vec<Nameserver>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DnsTemplate {
    pub id: String,
    pub name: String,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// DNS as a provider offers it. Inputs arrive validated; ids are the
/// provider's.
#[async_trait]
pub trait Dns: Send + Sync {
    async fn zones(&self) -> Result<Vec<Zone>>;
    async fn zone(&self, id: &str) -> Result<Zone>;
    /// Creates the zone, from `template` when given, and returns it.
    async fn create_zone(&self, name: &str, ip_address: Option<&str>, template: Option<&str>) -> Result<Zone>;
    async fn delete_zone(&self, id: &str) -> Result<()>;
    /// The provider's name servers, to delegate zones to.
    async fn nameservers(&self) -> Result<Vec<Nameserver>>;

    async fn records(&self, zone: &Zone) -> Result<Vec<Record>>;
    async fn add_record(&self, zone: &Zone, record: &ValidRecord) -> Result<()>;
    async fn update_record(&self, zone: &Zone, id: &str, record: &ValidRecord) -> Result<()>;
    async fn delete_record(&self, zone: &Zone, id: &str) -> Result<()>;

    async fn templates(&self) -> Result<Vec<DnsTemplate>>;
    async fn create_template(&self, name: &str) -> Result<DnsTemplate>;
    async fn delete_template(&self, id: &str) -> Result<()>;
    async fn template_records(&self, template: &str) -> Result<Vec<Record>>;
    async fn add_template_record(&self, template: &str, record: &ValidRecord) -> Result<()>;
    /// Only `data` and `ttl` can change (the provider's edit call takes no more).
    async fn update_template_record(&self, template: &str, id: &str, record: &ValidRecord) -> Result<()>;
    async fn delete_template_record(&self, template: &str, id: &str) -> Result<()>;
}
