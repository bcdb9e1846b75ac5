//! Managed-support services (VPS.NET's Pro-Active Managed Services) moved
//! from one server to another.

use async_trait::async_trait;

use crate::error::Result;

#[async_trait]
pub trait ManagedServices: Send + Sync {
    /// Moves the service of `server` to `to_server`, with the address whose
    /// id is `reassign_ip` when given. Refused before sending where the
    /// provider cannot manage the target (VPS.NET: Windows servers).
    async fn transfer_managed_service(&self, server: &str, to_server: &str, reassign_ip: Option<&str>) -> Result<()>;
}
