//! An account's drives (disks that live apart from servers), the provider's
//! standard drives (CDs and images), and drive contents moved in chunks.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Drive {
    pub id: String,
    pub name: String,
    #[ts(type = "number | null")]
    pub size_bytes: Option<u64>,
    /// The provider's own word ("active").
    pub status: String,
    /// The server the drive is attached to, when it is.
    pub claimed_by: Option<String>,
    pub ssd: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum StandardKind {
    Cd,
    Image,
    All,
}

#[derive(Clone, Debug, Deserialize, TS)]
pub struct NewDrive {
    pub name: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// Readable by other servers at the same time.
    #[serde(default)]
    pub shared: bool,
    #[serde(default)]
    pub ssd: bool,
    /// Encrypted at rest (the provider's default).
    #[serde(default = "yes")]
    pub encrypted: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize, TS)]
pub struct DriveClone {
    pub name: String,
    /// The copy's size; left out, the source's. Never smaller than it.
    #[ts(type = "number | null")]
    pub size_bytes: Option<u64>,
    #[serde(default)]
    pub ssd: bool,
}

/// The largest piece one transfer request may carry (the doc: "SIZE may
/// not exceed 4MB for a single request"; uploads use the same chunks).
pub const CHUNK: u64 = 4 * 1024 * 1024;

/// 16 TiB: beyond any drive a provider sells; catches unit mistakes.
const MAX_SIZE: u64 = 16 << 40;

#[async_trait]
pub trait Drives: Send + Sync {
    async fn list_drives(&self) -> Result<Vec<Drive>>;
    async fn drive(&self, id: &str) -> Result<Drive>;
    async fn standard_drives(&self, kind: StandardKind) -> Result<Vec<Drive>>;
    async fn create_drive(&self, drive: &NewDrive) -> Result<Drive>;
    /// `size_bytes` is resolved (never `None`) by the time it gets here.
    async fn clone_drive(&self, id: &str, clone: &DriveClone) -> Result<Drive>;
    async fn destroy_drive(&self, id: &str) -> Result<()>;
    /// Writes one chunk of at most [`CHUNK`] bytes at `offset` of the drive.
    async fn write_chunk(&self, id: &str, offset: u64, data: &[u8]) -> Result<()>;
    /// Reads `size` (at most [`CHUNK`]) bytes from `offset`.
    async fn read_chunk(&self, id: &str, offset: u64, size: u64) -> Result<Vec<u8>>;
}

fn size(size: u64) -> Result<u64> {
    if size == 0 {
        return Err(Error::field("size_bytes", "a drive needs a size of more than 0 bytes"));
    }
    if size > MAX_SIZE {
        return Err(Error::field("size_bytes", "a drive is at most 16 TiB; the size is in bytes"));
    }
    Ok(size)
}

pub fn validate_new(d: &NewDrive) -> Result<NewDrive> {
    Ok(NewDrive { name: label("name", &d.name, true, 200)?, size_bytes: size(d.size_bytes)?, ..d.clone() })
}

pub fn validate_clone(c: &DriveClone) -> Result<DriveClone> {
    Ok(DriveClone {
        name: label("name", &c.name, true, 200)?,
        size_bytes: c.size_bytes.map(size).transpose()?,
        ssd: c.ssd,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_names_are_checked() {
        let d = NewDrive { name: " data ".into(), size_bytes: 1 << 30, shared: false, ssd: true, encrypted: true };
        assert_eq!(validate_new(&d).unwrap().name, "data");
        let zero = NewDrive { size_bytes: 0, ..d.clone() };
        assert_eq!(validate_new(&zero).unwrap_err().fields[0].field, "size_bytes");
        let huge = NewDrive { size_bytes: u64::MAX, ..d.clone() };
        assert!(validate_new(&huge).is_err());
        let unnamed = DriveClone { name: " ".into(), size_bytes: None, ssd: false };
        assert_eq!(validate_clone(&unnamed).unwrap_err().fields[0].field, "name");
    }
}
