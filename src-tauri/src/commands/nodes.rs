use vpsdesk_core::providers::vpsnet::ext::nodes::{Node, NodeKind};

use super::AccountRef;

ipc! {
    async fn list_nodes(state, account_id: AccountRef) -> Vec<Node> = nodes;

    async fn add_nodes(state, account_id: AccountRef, kind: NodeKind, quantity: u32, confirm: bool) -> () {
        state.service.add_nodes(&account_id, kind, quantity, confirm).await
    }

    async fn delete_node(state, account_id: AccountRef, kind: NodeKind, node_id: String) -> () {
        state.service.delete_node(&account_id, kind, &node_id).await
    }
}
