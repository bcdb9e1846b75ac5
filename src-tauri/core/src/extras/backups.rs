//! Backups the provider takes of a server on its own schedule.

use async_trait::async_trait;

use super::Extra;
use crate::error::Result;

#[async_trait]
pub trait Backups: Send + Sync {
    fn offers(&self) -> &'static [Extra] {
        &[Extra::BackupRestore]
    }
    /// Overwrites the server's disk with one of its backups.
    async fn restore_backup(&self, server_id: &str, backup_id: &str) -> Result<()>;
}
