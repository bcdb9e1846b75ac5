use vpsdesk_core::model::{CreateServer, Image, Inventory, Plan, PowerAction, Region, Server};

use super::AccountRef;

ipc! {
    async fn list_servers(state) -> Inventory {
        Ok(state.service.inventory(&state.service.accounts()?).await)
    }

    async fn account_servers(state, account_id: AccountRef) -> Vec<Server> {
        state.service.servers_of(&account_id).await
    }

    async fn get_server(state, account_id: AccountRef, server_id: String) -> Server {
        state.service.server(&account_id, &server_id).await
    }

    async fn server_action(state, account_id: AccountRef, server_id: String, action: PowerAction) -> () {
        state.service.power(&account_id, &server_id, action).await
    }

    async fn create_server(state, account_id: AccountRef, request: CreateServer) -> Server {
        state.service.create(&account_id, &request).await
    }

    async fn rename_server(state, account_id: AccountRef, server_id: String, name: String) -> () {
        state.service.rename(&account_id, &server_id, &name).await
    }

    async fn delete_server(state, account_id: AccountRef, server_id: String) -> () {
        state.service.delete(&account_id, &server_id).await
    }

    async fn catalog_plans(state, account_id: AccountRef, region: Option<String>) -> Vec<Plan> {
        state.service.plans(&account_id, region.as_deref()).await
    }

    async fn catalog_images(state, account_id: AccountRef) -> Vec<Image> {
        state.service.images(&account_id).await
    }

    async fn catalog_regions(state, account_id: AccountRef) -> Vec<Region> {
        state.service.regions(&account_id).await
    }
}
