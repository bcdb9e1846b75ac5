use vpsdesk_core::extras::cloud_groups::CloudGroup;

use super::ipc;

ipc! {
    async fn cloud_groups(state, account_id: String) -> Vec<CloudGroup> {
        state.desk.cloud_groups(&state.desk.find(&account_id)?).await
    }
}
