use vpsdesk_core::model::Server;

use super::AccountRef;

ipc! {
    async fn deleted_servers(state, account_id: AccountRef) -> Vec<Server> {
        state.service.deleted_servers(&account_id).await
    }

    async fn recover_server(state, account_id: AccountRef, server_id: String) -> Server {
        state.service.recover_server(&account_id, &server_id).await
    }
}
