//! Vultr API v1 bodies as the doc shows them. Most numbers arrive as strings,
//! some do not (`current_bandwidth_gb`), and an empty map arrives as `[]`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;

use crate::providers::common::{opt_string_or_number, string_or_number};

/// A Vultr "object keyed by id" read as its values, in the provider's order
/// (the detail panel shows it); an empty one arrives as `[]`. Read straight
/// from the body: a list of 10,000 servers is not built as JSON values first.
pub struct Keyed<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Keyed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Values<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Values<T> {
            type Value = Keyed<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object keyed by id, or [] when there is none")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keyed<T>, A::Error> {
                let mut values = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((IgnoredAny, value)) = map.next_entry()? {
                    values.push(value);
                }
                Ok(Keyed(values))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Keyed<T>, A::Error> {
                match seq.next_element::<IgnoredAny>()? {
                    None => Ok(Keyed(Vec::new())),
                    Some(IgnoredAny) => Err(serde::de::Error::invalid_value(Unexpected::Seq, &self)),
                }
            }
        }
        d.deserialize_any(Values(PhantomData))
    }
}

pub fn keyed<T: DeserializeOwned>(v: serde_json::Value) -> Result<Vec<T>, serde_json::Error> {
    Keyed::deserialize(v).map(|k| k.0)
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
