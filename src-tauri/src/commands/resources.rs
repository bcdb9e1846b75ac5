use vpsdesk_core::providers::cloudsigma::ext::clone_and_bulk::BulkAction;
use vpsdesk_core::capabilities::account::profile::{ProfileChange, ProfileField};
use vpsdesk_core::providers::cloudsigma::ext::vlans_and_ips::{StaticIp, Vlan};
use vpsdesk_core::providers::cloudsigma::ext::server_groups::ServerGroup;
use vpsdesk_core::model::{PowerAction, Server};

use super::AccountRef;

ipc! {
    async fn clone_server(state, account_id: AccountRef, server_id: String, name: String) -> Server {
        state.service.clone_server(&account_id, &server_id, &name).await
    }

    async fn bulk_power(state, account_id: AccountRef, server_ids: Vec<String>, action: BulkAction) -> () {
        state.service.bulk_power(&account_id, &server_ids, action).await
    }

    async fn list_vlans(state, account_id: AccountRef) -> Vec<Vlan> {
        state.service.vlans(&account_id).await
    }

    async fn create_vlan(state, account_id: AccountRef, name: String) -> Vlan {
        state.service.create_vlan(&account_id, &name).await
    }

    async fn rename_vlan(state, account_id: AccountRef, vlan_id: String, name: String) -> Vlan {
        state.service.rename_vlan(&account_id, &vlan_id, &name).await
    }

    async fn list_static_ips(state, account_id: AccountRef) -> Vec<StaticIp> {
        state.service.static_ips(&account_id).await
    }

    async fn create_static_ip(state, account_id: AccountRef) -> StaticIp {
        state.service.create_static_ip(&account_id).await
    }

    async fn destroy_static_ip(state, account_id: AccountRef, ip: String) -> () {
        state.service.destroy_static_ip(&account_id, &ip).await
    }

    async fn list_server_groups(state, account_id: AccountRef) -> Vec<ServerGroup> {
        state.service.server_groups(&account_id).await
    }

    async fn create_server_group(state, account_id: AccountRef, name: String) -> ServerGroup {
        state.service.create_server_group(&account_id, &name).await
    }

    async fn rename_server_group(state, account_id: AccountRef, group_id: String, name: String) -> () {
        state.service.rename_server_group(&account_id, &group_id, &name).await
    }

    async fn destroy_server_group(state, account_id: AccountRef, group_id: String) -> () {
        state.service.destroy_server_group(&account_id, &group_id).await
    }

    /// Adds (`add`) or removes the servers; returns the group's servers afterwards.
    async fn group_members(state, account_id: AccountRef, group_id: String, server_ids: Vec<String>, add: bool) -> Vec<String> {
        state.service.group_members(&account_id, &group_id, &server_ids, add).await
    }

    async fn group_power(state, account_id: AccountRef, group_id: String, action: PowerAction) -> Vec<String> {
        state.service.group_power(&account_id, &group_id, action).await
    }

    async fn account_profile(state, account_id: AccountRef) -> Vec<ProfileField> {
        state.service.profile(&account_id).await
    }

    async fn set_account_profile(state, account_id: AccountRef, changes: Vec<ProfileChange>) -> Vec<ProfileField> {
        state.service.set_profile(&account_id, &changes).await
    }
}
