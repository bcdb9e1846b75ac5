use vpsdesk_core::providers::vpsnet::ext::cloud_groups::CloudGroup;

use super::AccountRef;

ipc! {
    async fn cloud_groups(state, account_id: AccountRef) -> Vec<CloudGroup> {
        state.service.cloud_groups(&account_id).await
    }
}
