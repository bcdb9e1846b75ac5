use vpsdesk_core::extras::fleet::BulkAction;
use vpsdesk_core::extras::profile::{ProfileChange, ProfileField};
use vpsdesk_core::extras::resources::{StaticIp, Vlan};
use vpsdesk_core::extras::server_groups::ServerGroup;
use vpsdesk_core::model::{PowerAction, Server};

use super::ipc;

ipc! {
    async fn clone_server(state, account_id: String, server_id: String, name: String) -> Server {
        state.desk.clone_server(&state.desk.find(&account_id)?, &server_id, &name).await
    }

    async fn bulk_power(state, account_id: String, server_ids: Vec<String>, action: BulkAction) -> () {
        state.desk.bulk_power(&state.desk.find(&account_id)?, &server_ids, action).await
    }

    async fn list_vlans(state, account_id: String) -> Vec<Vlan> {
        state.desk.vlans(&state.desk.find(&account_id)?).await
    }

    async fn create_vlan(state, account_id: String, name: String) -> Vlan {
        state.desk.create_vlan(&state.desk.find(&account_id)?, &name).await
    }

    async fn rename_vlan(state, account_id: String, vlan_id: String, name: String) -> Vlan {
        state.desk.rename_vlan(&state.desk.find(&account_id)?, &vlan_id, &name).await
    }

    async fn list_static_ips(state, account_id: String) -> Vec<StaticIp> {
        state.desk.static_ips(&state.desk.find(&account_id)?).await
    }

    async fn create_static_ip(state, account_id: String) -> StaticIp {
        state.desk.create_static_ip(&state.desk.find(&account_id)?).await
    }

    async fn destroy_static_ip(state, account_id: String, ip: String) -> () {
        state.desk.destroy_static_ip(&state.desk.find(&account_id)?, &ip).await
    }

    async fn list_server_groups(state, account_id: String) -> Vec<ServerGroup> {
        state.desk.server_groups(&state.desk.find(&account_id)?).await
    }

    async fn create_server_group(state, account_id: String, name: String) -> ServerGroup {
        state.desk.create_server_group(&state.desk.find(&account_id)?, &name).await
    }

    async fn rename_server_group(state, account_id: String, group_id: String, name: String) -> () {
        state.desk.rename_server_group(&state.desk.find(&account_id)?, &group_id, &name).await
    }

    async fn destroy_server_group(state, account_id: String, group_id: String) -> () {
        state.desk.destroy_server_group(&state.desk.find(&account_id)?, &group_id).await
    }

    /// Adds (`add`) or removes the servers; returns the group's servers afterwards.
    async fn group_members(state, account_id: String, group_id: String, server_ids: Vec<String>, add: bool) -> Vec<String> {
        state.desk.group_members(&state.desk.find(&account_id)?, &group_id, &server_ids, add).await
    }

    async fn group_power(state, account_id: String, group_id: String, action: PowerAction) -> Vec<String> {
        state.desk.group_power(&state.desk.find(&account_id)?, &group_id, action).await
    }

    async fn account_profile(state, account_id: String) -> Vec<ProfileField> {
        state.desk.profile(&state.desk.find(&account_id)?).await
    }

    async fn set_account_profile(state, account_id: String, changes: Vec<ProfileChange>) -> Vec<ProfileField> {
        state.desk.set_profile(&state.desk.find(&account_id)?, &changes).await
    }
}
