use vpsdesk_core::model::{CreateServer, Image, Inventory, Plan, PowerAction, Region, Server};

use super::ipc;

ipc! {
    async fn list_servers(state) -> Inventory {
        Ok(state.desk.inventory(&state.desk.accounts()?).await)
    }

    async fn account_servers(state, account_id: String) -> Vec<Server> {
        state.desk.servers_of(&state.desk.find(&account_id)?).await
    }

    async fn get_server(state, account_id: String, server_id: String) -> Server {
        state.desk.server(&state.desk.find(&account_id)?, &server_id).await
    }

    async fn server_action(state, account_id: String, server_id: String, action: PowerAction) -> () {
        state.desk.power(&state.desk.find(&account_id)?, &server_id, action).await
    }

    async fn create_server(state, account_id: String, request: CreateServer) -> Server {
        state.desk.create(&state.desk.find(&account_id)?, &request).await
    }

    async fn rename_server(state, account_id: String, server_id: String, name: String) -> () {
        state.desk.rename(&state.desk.find(&account_id)?, &server_id, &name).await
    }

    async fn delete_server(state, account_id: String, server_id: String) -> () {
        state.desk.delete(&state.desk.find(&account_id)?, &server_id).await
    }

    async fn catalog_plans(state, account_id: String, region: Option<String>) -> Vec<Plan> {
        state.desk.plans(&state.desk.find(&account_id)?, region.as_deref()).await
    }

    async fn catalog_images(state, account_id: String) -> Vec<Image> {
        state.desk.images(&state.desk.find(&account_id)?).await
    }

    async fn catalog_regions(state, account_id: String) -> Vec<Region> {
        state.desk.regions(&state.desk.find(&account_id)?).await
    }
}
