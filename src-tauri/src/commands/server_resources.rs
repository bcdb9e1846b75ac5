use vpsdesk_core::providers::vpsnet::ext::licences::{ServerLicenceChange, ServerLicences};
use vpsdesk_core::providers::vpsnet::ext::nodes::NodeKind;
use vpsdesk_core::providers::vpsnet::ext::server_resources::{ResourcesChange, ServerResources};

use super::AccountRef;

ipc! {
    async fn server_resources(state, account_id: AccountRef, server_id: String) -> ServerResources = server_resources;

    async fn update_server_resources(state, account_id: AccountRef, server_id: String, change: ResourcesChange) -> ServerResources = update_server_resources;

    async fn upgrade_storage(state, account_id: AccountRef, server_id: String, confirm: bool) -> () {
        state.service.upgrade_storage(&account_id, &server_id, confirm).await
    }

    async fn server_licences(state, account_id: AccountRef, server_id: String) -> ServerLicences = server_licences;

    async fn change_server_licence(state, account_id: AccountRef, server_id: String, change: ServerLicenceChange) -> ServerLicences = change_server_licence;

    async fn transfer_managed_service(state, account_id: AccountRef, server_id: String, to_server: String, reassign_ip: Option<String>, confirm: bool) -> () {
        state.service.transfer_managed_service(&account_id, &server_id, &to_server, reassign_ip.as_deref(), confirm).await
    }

    async fn set_node_consumer(state, account_id: AccountRef, kind: NodeKind, node_id: String, consumer_id: Option<String>) -> () {
        state.service.set_node_consumer(&account_id, kind, &node_id, consumer_id.as_deref()).await
    }
}
