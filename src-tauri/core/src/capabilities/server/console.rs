//! The server's console, as the provider hands it out.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ConsoleAccess {
    /// A web console to open in a browser.
    pub url: String,
    /// What it is ("noVNC console (KVM)").
    pub kind: String,
    /// What a person should know before opening it.
    pub note: String,
}

#[async_trait]
pub trait Console: Send + Sync {
    async fn console(&self, server_id: &str) -> Result<ConsoleAccess>;
}
