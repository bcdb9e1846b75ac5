use vpsdesk_core::providers::vpsnet::ext::nodes::{Node, NodeKind};

use super::AccountRef;

ipc! {
    async fn list_nodes(state, account_id: AccountRef, consumer_id: Option<String>) -> Vec<Node> {
        state.service.nodes(&account_id, consumer_id.as_deref()).await
    }

    async fn add_nodes(state, account_id: AccountRef, kind: NodeKind, quantity: u32, confirm: bool) -> () {
        state.service.add_nodes(&account_id, kind, quantity, confirm).await
    }

    async fn delete_node(state, account_id: AccountRef, kind: NodeKind, node_id: String) -> () {
        state.service.delete_node(&account_id, kind, &node_id).await
    }
}
