//! VPS247 bodies as the doc shows them: plain JSON arrays and objects with
//! integer ids. The catalog calls (`/packages`, `/regions`, `/os_templates`)
//! are only linked from the doc ("see here"), so their bodies are read
//! leniently: an id and a name, everything else optional.

use serde::{Deserialize, Deserializer};

use crate::providers::common::{opt_string_or_number, string_or_number};

/// A list that may come as `null` instead of `[]`.
fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// One virtual machine of `GET /virtual_machines` and `GET /virtual_machines/{id}`.
#[derive(Debug, Deserialize)]
pub struct VmWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: Option<String>,
    pub hostname: Option<String>,
    pub state: Option<String>,
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub region_id: Option<String>,
    pub region_name: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub package_id: Option<String>,
    pub package_name: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub ip_allocations: Vec<IpAllocationWire>,
}

#[derive(Debug, Deserialize)]
pub struct IpAllocationWire {
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub version: Option<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub gateway: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub prefixlen: Option<String>,
}

/// `last_task`: the example's one undocumented field that matters to a
/// person ("VmKill", still "pending").
#[derive(Debug, Deserialize)]
pub struct TaskWire {
    pub name: Option<String>,
    pub progress: Option<serde_json::Value>,
    pub status: Option<String>,
}

/// The create reply: the doc gives only "201 Created", so all that is relied
/// on is the new id; the server itself is read back.
#[derive(Debug, Deserialize)]
pub struct CreatedWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
}

/// `GET /packages`. Memory in MB, disk in GB, transfer in MB as the VM's
/// `transfer` is.
#[derive(Debug, Deserialize)]
pub struct PackageWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub cpus: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub memory: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub disk: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub transfer: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub price: Option<String>,
}

/// `GET /regions`, and one region by id (`GET /regions/{id}`). What a
/// region offers is read where its lookup says it: `package_ids` and
/// `os_template_ids` (or `packages`/`os_templates`), as ids or as objects
/// with an `id`. Absent means the region does not restrict them.
#[derive(Debug, Deserialize)]
pub struct RegionWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    #[serde(default, alias = "packages", deserialize_with = "opt_ids")]
    pub package_ids: Option<Vec<String>>,
    #[serde(default, alias = "os_templates", deserialize_with = "opt_ids")]
    pub os_template_ids: Option<Vec<String>>,
}

/// A list of ids written as numbers, strings or `{"id": …}` objects;
/// `null` is no list.
fn opt_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let Some(items) = Option::<Vec<serde_json::Value>>::deserialize(d)? else {
        return Ok(None);
    };
    items
        .into_iter()
        .map(|item| match item {
            serde_json::Value::Number(n) => Ok(n.to_string()),
            serde_json::Value::String(s) => Ok(s),
            serde_json::Value::Object(mut o) => match o.remove("id") {
                Some(serde_json::Value::Number(n)) => Ok(n.to_string()),
                Some(serde_json::Value::String(s)) => Ok(s),
                _ => Err(serde::de::Error::custom("an offered item without an id")),
            },
            other => Err(serde::de::Error::custom(format!("expected an id, got {other}"))),
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

/// `GET /os_templates`.
#[derive(Debug, Deserialize)]
pub struct OsTemplateWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
}
