use vpsdesk_core::model::{CreateServer, Image, Inventory, Plan, PowerAction, Region, Server};

use super::AccountRef;
use crate::server_rows::ServerRows;

ipc! {
    async fn list_servers(state) -> Inventory {
        Ok(state.service.inventory(&state.service.accounts()?).await)
    }

    /// The rows of the servers table: each server without its `details`,
    /// which only the drawer shows and reads with `get_server`. They are most
    /// of a list's bytes (11 of 14 MB for 10,000 servers), and the list
    /// crosses IPC again on every refresh.
    async fn account_servers(state, account_id: AccountRef) -> ServerRows {
        Ok(ServerRows::of(&account_id, state.service.server_rows_of(&account_id).await?))
    }

    async fn get_server(state, account_id: AccountRef, server_id: String) -> Server = server;

    async fn server_action(state, account_id: AccountRef, server_id: String, action: PowerAction) -> () {
        state.service.power(&account_id, &server_id, action).await
    }

    async fn create_server(state, account_id: AccountRef, request: CreateServer) -> Server = create;

    async fn rename_server(state, account_id: AccountRef, server_id: String, name: String) -> () = rename;

    async fn delete_server(state, account_id: AccountRef, server_id: String) -> () = delete;

    async fn catalog_plans(state, account_id: AccountRef, region: Option<String>) -> Vec<Plan> {
        state.service.plans(&account_id, region.as_deref()).await
    }

    async fn catalog_images(state, account_id: AccountRef, region: Option<String>) -> Vec<Image> {
        state.service.images(&account_id, region.as_deref()).await
    }

    async fn catalog_regions(state, account_id: AccountRef) -> Vec<Region> = regions;
}
