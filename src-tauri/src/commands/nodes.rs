use vpsdesk_core::extras::nodes::{Node, NodeKind};

use super::ipc;

ipc! {
    async fn list_nodes(state, account_id: String) -> Vec<Node> {
        state.desk.nodes(&state.desk.find(&account_id)?).await
    }

    async fn add_nodes(state, account_id: String, kind: NodeKind, quantity: u32, confirm: bool) -> () {
        state.desk.add_nodes(&state.desk.find(&account_id)?, kind, quantity, confirm).await
    }

    async fn delete_node(state, account_id: String, kind: NodeKind, node_id: String) -> () {
        state.desk.delete_node(&state.desk.find(&account_id)?, kind, &node_id).await
    }
}
