//! The service's nodes: list, buy (bounded, confirmed) and remove.

use super::server_capabilities::offered;
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::nodes::Nodes;
use crate::providers::vpsnet::ext::nodes::{self, Node, NodeKind};
use crate::providers::vpsnet::ext::server_resources::consumer_filter;
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

impl AppService {
    /// Every node, or those of one consumer (`consumer`: a number of 1 or more).
    pub async fn nodes(&self, account: &Account, consumer: Option<&str>) -> Result<Vec<Node>> {
        let consumer = consumer_filter(consumer)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::Nodes)?.list_nodes(consumer.as_deref()).await
    }

    /// Buying charges the account at once: refused unless `confirm`.
    pub async fn add_nodes(&self, account: &Account, kind: NodeKind, quantity: u32, confirm: bool) -> Result<()> {
        let quantity = nodes::quantity(quantity)?;
        if !confirm {
            return Err(Error::field("confirm", "buying nodes charges the account at once; confirm the purchase"));
        }
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::Nodes)?.add_nodes(kind, quantity).await
    }

    pub async fn delete_node(&self, account: &Account, kind: NodeKind, id: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::Nodes)?.delete_node(kind, &id).await
    }
}
