//! Repairs of a server that keep its disk: boot it into the provider's
//! recovery system, regenerate its network configuration, finish the build
//! of a server left pending.

use async_trait::async_trait;

use crate::error::Result;

#[async_trait]
pub trait Maintenance: Send + Sync {

    /// Restarts (or starts) the server into the recovery system, with its
    /// own disk attached for repair.
    async fn boot_recovery(&self, server_id: &str) -> Result<()>;

    /// Regenerates the network configuration; the server reboots.
    async fn rebuild_network(&self, server_id: &str) -> Result<()>;

    /// Builds a server whose build did not finish.
    async fn rebuild_pending(&self, server_id: &str) -> Result<()>;
}
