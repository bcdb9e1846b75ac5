//! Clones: a new server made as a copy of an existing one.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::time::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ServerClone {
    pub id: String,
    pub label: Option<String>,
    /// The provider's words ("Cloned successfully").
    pub status: String,
    pub created_at: Option<Timestamp>,
    /// The server the clone became, once there is one.
    pub cloned_server_id: Option<String>,
}

#[async_trait]
pub trait Clones: Send + Sync {

    /// The cloning activity of a server, newest last as the provider lists it.
    async fn list_clones(&self, server_id: &str) -> Result<Vec<ServerClone>>;

    /// Starts a clone, in `region` or else the server's own; returns the
    /// clone's id when the provider says it.
    async fn create_clone(&self, server_id: &str, region: Option<&str>) -> Result<Option<String>>;

    async fn delete_clone(&self, server_id: &str, clone_id: &str) -> Result<()>;
}
