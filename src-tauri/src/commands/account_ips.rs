use vpsdesk_core::providers::vpsnet::ext::account_ips::{AccountIp, Justification, JustifiedIp};

use super::AccountRef;

ipc! {
    async fn account_ips(state, account_id: AccountRef, consumer_id: Option<String>) -> Vec<AccountIp> {
        state.service.account_ips(&account_id, consumer_id.as_deref()).await
    }

    async fn edit_account_ip(state, account_id: AccountRef, ip_id: String, notes: String, consumer_id: Option<String>) -> () {
        state.service.edit_account_ip(&account_id, &ip_id, &notes, consumer_id.as_deref()).await
    }

    async fn reassign_ip(state, account_id: AccountRef, ip_id: String, server_id: String, confirm: bool) -> String {
        state.service.reassign_ip(&account_id, &ip_id, &server_id, confirm).await
    }

    async fn justified_ips(state, account_id: AccountRef) -> Vec<JustifiedIp> = justified_ips;

    async fn request_justified_ips(state, account_id: AccountRef, server_id: String, reasons: Vec<Justification>, confirm: bool) -> () {
        state.service.request_justified_ips(&account_id, &server_id, &reasons, confirm).await
    }
}
