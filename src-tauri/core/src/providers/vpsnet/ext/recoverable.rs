//! Deleted servers the provider keeps recoverable for a while, and bringing
//! one back.

use async_trait::async_trait;

use crate::error::Result;
use crate::model::Server;

#[async_trait]
pub trait Recoverable: Send + Sync {

    /// Servers deleted recently enough to be recovered.
    async fn deleted_servers(&self) -> Result<Vec<Server>>;

    /// Brings a deleted server back; returns it.
    async fn recover_server(&self, id: &str) -> Result<Server>;
}
