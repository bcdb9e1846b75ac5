//! Named groups of servers, started and stopped together.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ServerGroup {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[async_trait]
pub trait ServerGroups: Send + Sync {
    async fn server_groups(&self) -> Result<Vec<ServerGroup>>;
    async fn create_server_group(&self, name: &str) -> Result<ServerGroup>;
    async fn rename_server_group(&self, id: &str, name: &str) -> Result<()>;
    async fn destroy_server_group(&self, id: &str) -> Result<()>;
    /// Each returns the group's servers afterwards, as the provider lists them.
    async fn add_to_group(&self, id: &str, servers: &[String]) -> Result<Vec<String>>;
    async fn remove_from_group(&self, id: &str, servers: &[String]) -> Result<Vec<String>>;
    async fn start_group(&self, id: &str) -> Result<Vec<String>>;
    async fn stop_group(&self, id: &str) -> Result<Vec<String>>;
}
