//! Backups the provider takes of a server (on its own schedule, or when
//! asked): list them, take one now, restore one, delete one.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::time::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Backup {
    pub id: String,
    pub label: Option<String>,
    /// The provider's word for how it was taken ("normal").
    pub kind: Option<String>,
    /// The size as the provider states it; its unit is not documented.
    pub size: Option<String>,
    /// False while it is still being written: not restorable yet.
    pub built: bool,
    /// Locked backups cannot be deleted or restored until unlocked.
    pub locked: bool,
    /// The backed-up system ("linux (ubuntu)").
    pub system: Option<String>,
    pub created_at: Option<Timestamp>,
    pub built_at: Option<Timestamp>,
}

#[async_trait]
pub trait Backups: Send + Sync {
    /// Overwrites the server's disk with one of its backups.
    async fn restore_backup(&self, server_id: &str, backup_id: &str) -> Result<()>;

    /// Providers whose API lists backups declare `backups.list` and
    /// override this; the service never calls it otherwise.
    async fn list_backups(&self, _server_id: &str) -> Result<Vec<Backup>> {
        Err(not_offered(Capability::BackupList))
    }

    /// Takes a backup now; returns its id when the provider says it.
    async fn create_backup(&self, _server_id: &str, _label: &str) -> Result<Option<String>> {
        Err(not_offered(Capability::BackupCreate))
    }

    async fn delete_backup(&self, _server_id: &str, _backup_id: &str) -> Result<()> {
        Err(not_offered(Capability::BackupDelete))
    }
}

fn not_offered(capability: Capability) -> Error {
    Error::unsupported(format!("this provider's API cannot {}", capability.what()))
}
