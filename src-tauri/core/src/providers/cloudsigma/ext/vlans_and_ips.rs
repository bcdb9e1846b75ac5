//! Account-level network resources: private VLANs and static IP addresses
//! that servers' interfaces are given.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Vlan {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct StaticIp {
    pub ip: String,
    pub name: Option<String>,
    pub netmask: Option<String>,
    pub gateway: Option<String>,
    pub nameservers: Vec<String>,
}

#[async_trait]
pub trait VlansAndIps: Send + Sync {
    async fn vlans(&self) -> Result<Vec<Vlan>>;
    async fn create_vlan(&self, name: &str) -> Result<Vlan>;
    async fn rename_vlan(&self, id: &str, name: &str) -> Result<Vlan>;
    async fn static_ips(&self) -> Result<Vec<StaticIp>>;
    /// Reserves (and starts billing) a new address.
    async fn create_static_ip(&self) -> Result<StaticIp>;
    async fn destroy_static_ip(&self, ip: &str) -> Result<()>;
}
