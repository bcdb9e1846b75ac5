//! Operating system of an existing server: reinstall it, change it, and the
//! ISOs the account can boot from.

use async_trait::async_trait;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::time::Timestamp;

/// A system the server can be changed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct OsOption {
    pub id: String,
    pub name: String,
    pub family: Option<String>,
    pub arch: Option<String>,
    /// Extra monthly cost of this system (a Windows licence), exact.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub surcharge: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Iso {
    pub id: String,
    pub filename: String,
    #[ts(type = "number | null")]
    pub size_bytes: Option<u64>,
    pub md5sum: Option<String>,
    pub created_at: Option<Timestamp>,
}

#[async_trait]
pub trait OsInstall: Send + Sync {
    /// Reinstalls the current system; the disk is wiped.
    async fn reinstall(&self, server_id: &str) -> Result<()>;
    async fn os_options(&self, server_id: &str) -> Result<Vec<OsOption>>;
    /// Installs another system; the disk is wiped.
    async fn change_os(&self, server_id: &str, os_id: &str) -> Result<()>;
    async fn isos(&self) -> Result<Vec<Iso>>;
}
