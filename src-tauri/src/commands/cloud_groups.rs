use vpsdesk_core::providers::vpsnet::ext::cloud_groups::CloudGroup;

use super::AccountRef;

ipc! {
    async fn cloud_groups(state, account_id: AccountRef) -> Vec<CloudGroup> = cloud_groups;
}
