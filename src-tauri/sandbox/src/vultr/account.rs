//! Account-wide resources: balance, ISOs, snapshots, SSH keys, startup scripts.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

use super::seed::{ACCOUNT, ISOS};
use super::state::{Backup, Script, Snapshot, SnapshotStatus, SshKey, Vultr, INVALID_SNAPSHOT};
use super::{invalid, required};
use crate::common::{timestamp, Failure, Keyed, Params, Store, Transition};

#[derive(Serialize)]
pub(super) struct AccountInfo {
    pub balance: &'static str,
    pub pending_charges: &'static str,
    pub last_payment_date: &'static str,
    pub last_payment_amount: &'static str,
}

/// `ISOID` and `size` are numbers here, unlike most ids and sizes in the doc.
#[derive(Serialize)]
pub(super) struct Iso {
    #[serde(rename = "ISOID")]
    pub id: u32,
    pub date_created: &'static str,
    pub filename: &'static str,
    pub size: u64,
    pub md5sum: &'static str,
}

const INVALID_SSHKEY: &str = "Invalid SSH key ID.  Check SSHKEYID value";
const INVALID_SCRIPT: &str = "Invalid startup script ID.  Check SCRIPTID value";

pub(super) async fn info() -> Json<&'static AccountInfo> {
    Json(&ACCOUNT)
}

pub(super) async fn iso_list() -> Json<Keyed<u32, &'static Iso>> {
    Json(ISOS.iter().map(|iso| (iso.id, iso)).collect())
}

#[derive(Serialize)]
pub(super) struct SnapshotView {
    #[serde(rename = "SNAPSHOTID")]
    id: String,
    date_created: String,
    description: String,
    size: String,
    status: &'static str,
}

pub(super) async fn snapshot_list(State(store): State<Store<Vultr>>) -> Json<Keyed<String, SnapshotView>> {
    let snapshots = store.with(|v| {
        v.snapshots
            .iter()
            .map(|(id, s)| {
                let view = SnapshotView {
                    id: id.clone(),
                    date_created: s.date_created.clone(),
                    description: s.description.clone(),
                    size: s.size.clone(),
                    status: s.status.get().as_str(),
                };
                (id.clone(), view)
            })
            .collect()
    });
    Json(snapshots)
}

#[derive(Serialize)]
pub(super) struct BackupView {
    #[serde(rename = "BACKUPID")]
    id: String,
    date_created: &'static str,
    description: &'static str,
    size: &'static str,
    status: &'static str,
}

/// Every backup of the account, or only those of `SUBID`, as Vultr's
/// reference filters them.
pub(super) async fn backup_list(
    State(store): State<Store<Vultr>>,
    params: Params,
) -> Result<Json<Keyed<String, BackupView>>, Failure> {
    store.with(|v| {
        let server = match params.get("SUBID") {
            Some(_) => Some(v.servers.find(params.get("SUBID"))?.0),
            None => None,
        };
        Ok(Json(
            v.backups
                .iter()
                .filter(|(_, b)| server.is_none_or(|s| b.server == s))
                .map(|(id, b): (&String, &Backup)| {
                    let view = BackupView {
                        id: id.clone(),
                        date_created: b.date_created,
                        description: b.description,
                        size: b.size,
                        status: b.status,
                    };
                    (id.clone(), view)
                })
                .collect(),
        ))
    })
}

/// Stays "pending" for the transition time, then "complete".
pub(super) async fn snapshot_create(State(store): State<Store<Vultr>>, params: Params) -> Result<Json<Value>, Failure> {
    store.with(|v| {
        let server = v.servers.operable(params.get("SUBID"))?;
        let size = (u64::from(server.disk_gb) << 30).to_string();
        let id = v.ids.hex();
        let snapshot = Snapshot {
            date_created: timestamp(),
            description: params.text("description").unwrap_or_default().to_owned(),
            size,
            status: Transition::after(SnapshotStatus::Pending, v.transition, SnapshotStatus::Complete),
        };
        v.snapshots.insert(id.clone(), snapshot);
        Ok(Json(json!({ "SNAPSHOTID": id })))
    })
}

pub(super) async fn snapshot_destroy(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let id = params.get("SNAPSHOTID").ok_or_else(|| invalid(INVALID_SNAPSHOT))?;
        v.snapshots.remove(id).map(drop).ok_or_else(|| invalid(INVALID_SNAPSHOT))
    })
}

#[derive(Serialize)]
pub(super) struct SshKeyView {
    #[serde(rename = "SSHKEYID")]
    id: String,
    date_created: Option<String>,
    name: String,
    ssh_key: String,
}

pub(super) async fn sshkey_list(State(store): State<Store<Vultr>>) -> Json<Keyed<String, SshKeyView>> {
    let keys = store.with(|v| {
        v.sshkeys
            .iter()
            .map(|(id, k)| {
                let view = SshKeyView {
                    id: id.clone(),
                    date_created: k.date_created.clone(),
                    name: k.name.clone(),
                    ssh_key: k.ssh_key.clone(),
                };
                (id.clone(), view)
            })
            .collect()
    });
    Json(keys)
}

/// The authorized_keys shape: a key type, then the key.
fn public_key(text: &str) -> Result<String, Failure> {
    let typed = ["ssh-", "ecdsa-sha2-", "sk-"].iter().any(|prefix| text.starts_with(prefix));
    if typed && text.split_whitespace().count() >= 2 {
        Ok(text.to_owned())
    } else {
        Err(invalid("Invalid SSH key.  Expected a public key in authorized_keys format"))
    }
}

pub(super) async fn sshkey_create(State(store): State<Store<Vultr>>, params: Params) -> Result<Json<Value>, Failure> {
    let name = required(&params, "name")?.to_owned();
    let ssh_key = public_key(required(&params, "ssh_key")?)?;
    store.with(|v| {
        let id = v.ids.hex();
        v.sshkeys.insert(id.clone(), SshKey { date_created: Some(timestamp()), name, ssh_key });
        Ok(Json(json!({ "SSHKEYID": id })))
    })
}

pub(super) async fn sshkey_update(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    let ssh_key = params.get("ssh_key").map(public_key).transpose()?;
    store.with(|v| {
        let key = params.get("SSHKEYID").and_then(|id| v.sshkeys.get_mut(id)).ok_or_else(|| invalid(INVALID_SSHKEY))?;
        if let Some(name) = params.get("name") {
            key.name = name.to_owned();
        }
        if let Some(ssh_key) = ssh_key {
            key.ssh_key = ssh_key;
        }
        Ok(())
    })
}

pub(super) async fn sshkey_destroy(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let id = params.get("SSHKEYID").ok_or_else(|| invalid(INVALID_SSHKEY))?;
        v.sshkeys.remove(id).map(drop).ok_or_else(|| invalid(INVALID_SSHKEY))
    })
}

#[derive(Serialize)]
pub(super) struct ScriptView {
    /// A string here, but an integer in startupscript_create's answer.
    #[serde(rename = "SCRIPTID")]
    id: String,
    date_created: String,
    date_modified: String,
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    script: String,
}

pub(super) async fn script_list(State(store): State<Store<Vultr>>) -> Json<Keyed<u64, ScriptView>> {
    let scripts = store.with(|v| {
        v.scripts
            .iter()
            .map(|(id, s)| {
                let view = ScriptView {
                    id: id.to_string(),
                    date_created: s.date_created.clone(),
                    date_modified: s.date_modified.clone(),
                    name: s.name.clone(),
                    kind: s.kind,
                    script: s.script.clone(),
                };
                (*id, view)
            })
            .collect()
    });
    Json(scripts)
}

pub(super) async fn script_create(State(store): State<Store<Vultr>>, params: Params) -> Result<Json<Value>, Failure> {
    let name = required(&params, "name")?.to_owned();
    let script = required(&params, "script")?.to_owned();
    let kind = match params.get("type").unwrap_or("boot") {
        "boot" => "boot",
        "pxe" => "pxe",
        _ => return Err(invalid("Invalid startup script type.  Expected 'boot' or 'pxe'")),
    };
    store.with(|v| {
        let id = v.ids.script();
        let now = timestamp();
        v.scripts.insert(id, Script { date_created: now.clone(), date_modified: now, name, kind, script });
        Ok(Json(json!({ "SCRIPTID": id })))
    })
}

fn script_id(params: &Params) -> Result<u64, Failure> {
    params.get("SCRIPTID").and_then(|id| id.parse().ok()).ok_or_else(|| invalid(INVALID_SCRIPT))
}

pub(super) async fn script_update(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    let id = script_id(&params)?;
    store.with(|v| {
        let script = v.scripts.get_mut(&id).ok_or_else(|| invalid(INVALID_SCRIPT))?;
        if let Some(name) = params.get("name") {
            script.name = name.to_owned();
        }
        if let Some(body) = params.get("script") {
            script.script = body.to_owned();
        }
        script.date_modified = timestamp();
        Ok(())
    })
}

pub(super) async fn script_destroy(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    let id = script_id(&params)?;
    store.with(|v| v.scripts.remove(&id).map(drop).ok_or_else(|| invalid(INVALID_SCRIPT)))
}
