use vpsdesk_core::providers::vpsorg::ext::settings::ServerSettings;

use super::AccountRef;

ipc! {
    async fn server_settings(state, account_id: AccountRef, server_id: String) -> ServerSettings {
        state.service.server_settings(&account_id, &server_id).await
    }

    async fn update_server_settings(state, account_id: AccountRef, server_id: String, settings: ServerSettings) -> ServerSettings {
        state.service.update_server_settings(&account_id, &server_id, &settings).await
    }
}
