//! Cloud groups: how a provider groups its clouds (regions), read only.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct CloudGroup {
    pub id: String,
    pub name: String,
    /// The clouds (region ids) in the group, where the provider lists them.
    pub clouds: Vec<String>,
}

#[async_trait]
pub trait CloudGroups: Send + Sync {
    async fn cloud_groups(&self) -> Result<Vec<CloudGroup>>;
}
