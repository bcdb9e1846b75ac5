use vpsdesk_core::model::Server;

use super::ipc;

ipc! {
    async fn deleted_servers(state, account_id: String) -> Vec<Server> {
        state.desk.deleted_servers(&state.desk.find(&account_id)?).await
    }

    async fn recover_server(state, account_id: String, server_id: String) -> Server {
        state.desk.recover_server(&state.desk.find(&account_id)?, &server_id).await
    }
}
