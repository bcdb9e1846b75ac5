use vpsdesk_core::providers::cloudsigma::ext::clone_and_bulk::BulkAction;
use vpsdesk_core::capabilities::account::profile::{ProfileChange, ProfileField};
use vpsdesk_core::providers::cloudsigma::ext::vlans_and_ips::{StaticIp, Vlan};
use vpsdesk_core::providers::cloudsigma::ext::server_groups::ServerGroup;
use vpsdesk_core::providers::cloudsigma::ext::server_settings::ServerChanges;
use vpsdesk_core::model::{PowerAction, Server};

use super::AccountRef;

ipc! {
    async fn clone_server(state, account_id: AccountRef, server_id: String, name: String) -> Server = clone_server;

    /// The VNC password, when given, crosses here once and goes to CloudSigma; it is never sent back.
    async fn set_server(state, account_id: AccountRef, server_id: String, changes: ServerChanges) -> Server = set_server;

    async fn bulk_power(state, account_id: AccountRef, server_ids: Vec<String>, action: BulkAction) -> () {
        state.service.bulk_power(&account_id, &server_ids, action).await
    }

    async fn list_vlans(state, account_id: AccountRef) -> Vec<Vlan> = vlans;

    async fn create_vlan(state, account_id: AccountRef, name: String) -> Vlan = create_vlan;

    async fn rename_vlan(state, account_id: AccountRef, vlan_id: String, name: String) -> Vlan = rename_vlan;

    async fn list_static_ips(state, account_id: AccountRef) -> Vec<StaticIp> = static_ips;

    async fn create_static_ip(state, account_id: AccountRef) -> StaticIp = create_static_ip;

    async fn destroy_static_ip(state, account_id: AccountRef, ip: String) -> () = destroy_static_ip;

    async fn list_server_groups(state, account_id: AccountRef) -> Vec<ServerGroup> = server_groups;

    async fn create_server_group(state, account_id: AccountRef, name: String) -> ServerGroup = create_server_group;

    async fn rename_server_group(state, account_id: AccountRef, group_id: String, name: String) -> () = rename_server_group;

    async fn destroy_server_group(state, account_id: AccountRef, group_id: String) -> () = destroy_server_group;

    /// Adds (`add`) or removes the servers; returns the group's servers afterwards.
    async fn group_members(state, account_id: AccountRef, group_id: String, server_ids: Vec<String>, add: bool) -> Vec<String> {
        state.service.group_members(&account_id, &group_id, &server_ids, add).await
    }

    async fn group_power(state, account_id: AccountRef, group_id: String, action: PowerAction) -> Vec<String> {
        state.service.group_power(&account_id, &group_id, action).await
    }

    async fn account_profile(state, account_id: AccountRef) -> Vec<ProfileField> = profile;

    async fn set_account_profile(state, account_id: AccountRef, changes: Vec<ProfileChange>) -> Vec<ProfileField> = set_profile;
}
