use vpsdesk_core::providers::vpsorg::ext::settings::ServerSettings;

use super::AccountRef;

ipc! {
    async fn server_settings(state, account_id: AccountRef, server_id: String) -> ServerSettings = server_settings;

    async fn update_server_settings(state, account_id: AccountRef, server_id: String, settings: ServerSettings) -> ServerSettings = update_server_settings;
}
