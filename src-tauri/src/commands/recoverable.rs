use vpsdesk_core::model::Server;

use super::AccountRef;

ipc! {
    async fn deleted_servers(state, account_id: AccountRef) -> Vec<Server> = deleted_servers;

    async fn recover_server(state, account_id: AccountRef, server_id: String) -> Server = recover_server;
}
