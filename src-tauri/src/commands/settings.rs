use vpsdesk_core::extras::settings::ServerSettings;

use super::ipc;

ipc! {
    async fn server_settings(state, account_id: String, server_id: String) -> ServerSettings {
        state.desk.server_settings(&state.desk.find(&account_id)?, &server_id).await
    }

    async fn update_server_settings(state, account_id: String, server_id: String, settings: ServerSettings) -> ServerSettings {
        state.desk.update_server_settings(&state.desk.find(&account_id)?, &server_id, &settings).await
    }
}
