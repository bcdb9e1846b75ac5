use vpsdesk_core::providers::vpsnet::ext::clones::ServerClone;
use vpsdesk_core::jobs::Job;

use super::AccountRef;

ipc! {
    async fn boot_recovery(state, account_id: AccountRef, server_id: String) -> Job {
        state.service.boot_recovery(&account_id, &server_id).await
    }

    async fn rebuild_network(state, account_id: AccountRef, server_id: String) -> Job {
        state.service.rebuild_network(&account_id, &server_id).await
    }

    async fn rebuild_pending(state, account_id: AccountRef, server_id: String) -> Job {
        state.service.rebuild_pending(&account_id, &server_id).await
    }

    async fn list_clones(state, account_id: AccountRef, server_id: String) -> Vec<ServerClone> {
        state.service.clones(&account_id, &server_id).await
    }

    async fn create_clone(state, account_id: AccountRef, server_id: String, region: Option<String>) -> Job {
        state.service.create_clone(&account_id, &server_id, region.as_deref()).await
    }

    async fn delete_clone(state, account_id: AccountRef, server_id: String, clone_id: String) -> () {
        state.service.delete_clone(&account_id, &server_id, &clone_id).await
    }
}
