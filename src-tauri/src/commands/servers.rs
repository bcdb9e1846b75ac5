use vpsdesk_core::model::{CreateServer, Image, Inventory, Plan, PowerAction, Region, Server};

use super::AccountRef;

ipc! {
    async fn list_servers(state) -> Inventory {
        Ok(state.service.inventory(&state.service.accounts()?).await)
    }

    async fn account_servers(state, account_id: AccountRef) -> Vec<Server> = servers_of;

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
