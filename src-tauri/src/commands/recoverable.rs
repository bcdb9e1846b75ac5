use vpsdesk_core::model::Server;

use super::AccountRef;

ipc! {
    async fn deleted_servers(state, account_id: AccountRef) -> Vec<Server> {
        state.desk.deleted_servers(&account_id).await
    }

    async fn recover_server(state, account_id: AccountRef, server_id: String) -> Server {
        state.desk.recover_server(&account_id, &server_id).await
    }
}
