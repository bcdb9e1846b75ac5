//! Nodes: the units a provider sells server capacity in (VPS.NET), bought
//! for the account and assigned to servers; unassigned ones can be removed.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A regular monthly node.
    Regular,
    /// A regular node billed daily.
    Daily,
    Ram,
    Storage,
    Fusion,
    Bandwidth,
}

impl NodeKind {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "regular" => Some(NodeKind::Regular),
            "daily" => Some(NodeKind::Daily),
            "ram" => Some(NodeKind::Ram),
            "storage" => Some(NodeKind::Storage),
            "fusion" => Some(NodeKind::Fusion),
            "bandwidth" => Some(NodeKind::Bandwidth),
            _ => None,
        }
    }
}

/// Named `AccountNode` in TypeScript, where `Node` is the DOM's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "AccountNode")]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    /// The server it is assigned to; `None` while free.
    pub server_id: Option<String>,
    pub consumer_id: Option<String>,
    /// The provider's `free_node` flag, as sent.
    pub free: bool,
    pub discount: bool,
}

#[async_trait]
pub trait Nodes: Send + Sync {

    /// Every node, or only those of one consumer id (a number, checked).
    async fn list_nodes(&self, consumer_id: Option<&str>) -> Result<Vec<Node>>;
    /// Buys nodes (charged at once, then billed until removed).
    async fn add_nodes(&self, kind: NodeKind, quantity: u32) -> Result<()>;
    /// Removes an unassigned node from the account.
    async fn delete_node(&self, kind: NodeKind, id: &str) -> Result<()>;
    /// Sets the node's consumer id (`None`: none), where `offers` has `NodeConsumer`.
    async fn set_node_consumer(&self, kind: NodeKind, id: &str, consumer_id: Option<&str>) -> Result<()>;
}

/// The most nodes one purchase buys in vpsdesk: a typo should not buy a hundred.
pub const MAX_PURCHASE: u32 = 10;

pub fn quantity(q: u32) -> Result<u32> {
    if (1..=MAX_PURCHASE).contains(&q) {
        Ok(q)
    } else {
        Err(Error::field("quantity", format!("buy 1 to {MAX_PURCHASE} nodes at a time")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purchases_are_bounded_and_kinds_parse() {
        assert_eq!(quantity(3).unwrap(), 3);
        assert_eq!(quantity(0).unwrap_err().fields[0].field, "quantity");
        assert!(quantity(11).is_err());
        assert_eq!(NodeKind::parse(" RAM "), Some(NodeKind::Ram));
        assert_eq!(NodeKind::parse("gpu"), None);
    }
}
