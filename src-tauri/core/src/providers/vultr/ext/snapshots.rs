//! Snapshots: whole-disk images kept at the provider, taken from a server
//! and restorable onto one.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::time::Timestamp;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SnapshotStatus {
    /// Still being taken: not restorable yet.
    Pending,
    Complete,
    Unknown,
}

impl SnapshotStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotStatus::Pending => "pending",
            SnapshotStatus::Complete => "complete",
            SnapshotStatus::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Snapshot {
    pub id: String,
    pub description: String,
    #[ts(type = "number | null")]
    pub size_bytes: Option<u64>,
    pub status: SnapshotStatus,
    /// The provider's own word.
    pub provider_status: String,
    pub created_at: Option<Timestamp>,
}

#[async_trait]
pub trait Snapshots: Send + Sync {
    async fn list_snapshots(&self) -> Result<Vec<Snapshot>>;
    /// Starts a snapshot of the server; returns the new snapshot's id.
    async fn create_snapshot(&self, server_id: &str, description: &str) -> Result<String>;
    async fn delete_snapshot(&self, id: &str) -> Result<()>;
    /// Overwrites the server's disk with the snapshot.
    async fn restore_snapshot(&self, server_id: &str, snapshot_id: &str) -> Result<()>;
}
