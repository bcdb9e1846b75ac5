use vpsdesk_core::providers::vpsnet::ext::clones::ServerClone;
use vpsdesk_core::jobs::Job;

use super::AccountRef;

ipc! {
    async fn boot_recovery(state, account_id: AccountRef, server_id: String) -> Job = boot_recovery;

    async fn rebuild_network(state, account_id: AccountRef, server_id: String) -> Job = rebuild_network;

    async fn rebuild_pending(state, account_id: AccountRef, server_id: String) -> Job = rebuild_pending;

    async fn list_clones(state, account_id: AccountRef, server_id: String) -> Vec<ServerClone> = clones;

    async fn create_clone(state, account_id: AccountRef, server_id: String, region: Option<String>) -> Job {
        state.service.create_clone(&account_id, &server_id, region.as_deref()).await
    }

    async fn delete_clone(state, account_id: AccountRef, server_id: String, clone_id: String) -> () = delete_clone;
}
