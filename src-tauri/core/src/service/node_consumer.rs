//! The service's node consumer-id edit, the one property of a node the API
//! changes: ids checked before sending.

use super::server_capabilities::offered;
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::Result;
use crate::providers::vpsnet::ext::nodes::NodeKind;
use crate::providers::vpsnet::ext::nodes::Nodes;
use crate::providers::vpsnet::ext::server_resources::consumer_id;
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

impl AppService {
    /// `consumer`: the reseller's customer id; empty or "0" for none.
    pub async fn set_node_consumer(
        &self,
        account: &Account,
        kind: NodeKind,
        id: &str,
        consumer: Option<&str>,
    ) -> Result<()> {
        let id = object_id("id", id)?;
        let consumer = consumer_id("consumer_id", consumer)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::NodeConsumer)?
            .set_node_consumer(kind, &id, consumer.as_deref())
            .await
    }
}
