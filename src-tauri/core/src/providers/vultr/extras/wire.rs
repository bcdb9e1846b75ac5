//! Bodies of the Vultr v1 calls behind the server extras, as the doc shows
//! them. The odd ones: `ISOID` and the ISO `size` are numbers, `SCRIPTID`
//! is a string in lists but a number in startupscript/create's answer, an
//! SSH key's `date_created` can be `null`, and the address lists are keyed
//! by SUBID (or `[]`).

use serde::Deserialize;

use crate::providers::common::{opt_string_or_number, string_or_number};

#[derive(Debug, Deserialize)]
pub struct SnapshotWire {
    #[serde(rename = "SNAPSHOTID", deserialize_with = "string_or_number")]
    pub id: String,
    pub date_created: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub size: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SnapshotCreatedWire {
    #[serde(rename = "SNAPSHOTID", deserialize_with = "string_or_number")]
    pub id: String,
}

/// An entry of `v1/backup/list`, which the doc names (restore_backup's
/// BACKUPID "see v1/backup/list") but does not show: the shape is Vultr's
/// published v1 reference, keyed by BACKUPID like the snapshot list.
#[derive(Debug, Deserialize)]
pub struct BackupWire {
    #[serde(rename = "BACKUPID", deserialize_with = "string_or_number")]
    pub id: String,
    pub date_created: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub size: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct IsoWire {
    #[serde(rename = "ISOID", deserialize_with = "string_or_number")]
    pub id: String,
    pub date_created: Option<String>,
    pub filename: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub size: Option<String>,
    pub md5sum: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct OsChangeWire {
    #[serde(rename = "OSID", deserialize_with = "string_or_number")]
    pub id: String,
    pub name: String,
    pub arch: Option<String>,
    pub family: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub surcharge: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Ipv4Wire {
    pub ip: String,
    pub netmask: Option<String>,
    pub gateway: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    pub reverse: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Ipv6Wire {
    pub ip: String,
    pub network: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub network_size: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ReverseIpv6Wire {
    pub ip: String,
    pub reverse: String,
}

/// `[date, bytes]` pairs, both strings in the doc.
#[derive(Debug, Deserialize)]
pub struct BandwidthWire {
    #[serde(default)]
    pub incoming_bytes: Vec<(String, serde_json::Value)>,
    #[serde(default)]
    pub outgoing_bytes: Vec<(String, serde_json::Value)>,
}

#[derive(Debug, Deserialize)]
pub struct SshKeyWire {
    #[serde(rename = "SSHKEYID", deserialize_with = "string_or_number")]
    pub id: String,
    pub date_created: Option<String>,
    pub name: String,
    pub ssh_key: String,
}

#[derive(Debug, Deserialize)]
pub struct SshKeyCreatedWire {
    #[serde(rename = "SSHKEYID", deserialize_with = "string_or_number")]
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub struct ScriptWire {
    #[serde(rename = "SCRIPTID", deserialize_with = "string_or_number")]
    pub id: String,
    pub date_created: Option<String>,
    pub date_modified: Option<String>,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    pub script: String,
}

#[derive(Debug, Deserialize)]
pub struct ScriptCreatedWire {
    #[serde(rename = "SCRIPTID", deserialize_with = "string_or_number")]
    pub id: String,
}
