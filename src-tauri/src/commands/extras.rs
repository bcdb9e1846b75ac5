use vpsdesk_core::capabilities::server::console::ConsoleAccess;
use vpsdesk_core::jobs::Job;
use vpsdesk_core::capabilities::server::network::{IpAddress, ReverseDns};
use vpsdesk_core::capabilities::server::os::{Iso, OsOption};
use vpsdesk_core::providers::vultr::ext::scripts::{NewScript, ScriptUpdate, StartupScript};
use vpsdesk_core::providers::vultr::ext::snapshots::Snapshot;
use vpsdesk_core::providers::vultr::ext::ssh_keys::{NewSshKey, SshKey, SshKeyUpdate};
use vpsdesk_core::capabilities::server::usage::UsageGraph;

use super::AccountRef;

ipc! {
    async fn list_snapshots(state, account_id: AccountRef) -> Vec<Snapshot> {
        state.service.snapshots(&account_id).await
    }

    async fn create_snapshot(state, account_id: AccountRef, server_id: String, description: String) -> Job {
        state.service.create_snapshot(&account_id, &server_id, &description).await
    }

    async fn delete_snapshot(state, account_id: AccountRef, snapshot_id: String) -> () {
        state.service.delete_snapshot(&account_id, &snapshot_id).await
    }

    async fn restore_snapshot(state, account_id: AccountRef, server_id: String, snapshot_id: String) -> Job {
        state.service.restore_snapshot(&account_id, &server_id, &snapshot_id).await
    }

    async fn restore_backup(state, account_id: AccountRef, server_id: String, backup_id: String) -> Job {
        state.service.restore_backup(&account_id, &server_id, &backup_id).await
    }

    async fn reinstall_server(state, account_id: AccountRef, server_id: String) -> Job {
        state.service.reinstall(&account_id, &server_id).await
    }

    async fn os_options(state, account_id: AccountRef, server_id: String) -> Vec<OsOption> {
        state.service.os_options(&account_id, &server_id).await
    }

    async fn change_os(state, account_id: AccountRef, server_id: String, os_id: String) -> Job {
        state.service.change_os(&account_id, &server_id, &os_id).await
    }

    async fn list_isos(state, account_id: AccountRef) -> Vec<Iso> {
        state.service.isos(&account_id).await
    }

    async fn server_addresses(state, account_id: AccountRef, server_id: String) -> Vec<IpAddress> {
        state.service.addresses(&account_id, &server_id).await
    }

    async fn add_ipv4(state, account_id: AccountRef, server_id: String, reboot: bool) -> () {
        state.service.add_ipv4(&account_id, &server_id, reboot).await
    }

    async fn remove_ipv4(state, account_id: AccountRef, server_id: String, ip: String) -> () {
        state.service.remove_ipv4(&account_id, &server_id, &ip).await
    }

    async fn reverse_ipv6(state, account_id: AccountRef, server_id: String) -> Vec<ReverseDns> {
        state.service.reverse_ipv6(&account_id, &server_id).await
    }

    async fn set_reverse(state, account_id: AccountRef, server_id: String, ip: String, entry: String) -> () {
        state.service.set_reverse(&account_id, &server_id, &ip, &entry).await
    }

    async fn reset_reverse(state, account_id: AccountRef, server_id: String, ip: String) -> () {
        state.service.reset_reverse(&account_id, &server_id, &ip).await
    }

    async fn delete_reverse(state, account_id: AccountRef, server_id: String, ip: String) -> () {
        state.service.delete_reverse(&account_id, &server_id, &ip).await
    }

    async fn usage_graphs(state, account_id: AccountRef, server_id: String) -> Vec<UsageGraph> {
        state.service.usage_graphs(&account_id, &server_id).await
    }

    async fn server_console(state, account_id: AccountRef, server_id: String) -> ConsoleAccess {
        state.service.console(&account_id, &server_id).await
    }

    async fn list_ssh_keys(state, account_id: AccountRef) -> Vec<SshKey> {
        state.service.ssh_keys(&account_id).await
    }

    async fn create_ssh_key(state, account_id: AccountRef, key: NewSshKey) -> String {
        state.service.create_ssh_key(&account_id, &key).await
    }

    async fn update_ssh_key(state, account_id: AccountRef, key_id: String, update: SshKeyUpdate) -> () {
        state.service.update_ssh_key(&account_id, &key_id, &update).await
    }

    async fn delete_ssh_key(state, account_id: AccountRef, key_id: String) -> () {
        state.service.delete_ssh_key(&account_id, &key_id).await
    }

    async fn list_scripts(state, account_id: AccountRef) -> Vec<StartupScript> {
        state.service.scripts(&account_id).await
    }

    async fn create_script(state, account_id: AccountRef, script: NewScript) -> String {
        state.service.create_script(&account_id, &script).await
    }

    async fn update_script(state, account_id: AccountRef, script_id: String, update: ScriptUpdate) -> () {
        state.service.update_script(&account_id, &script_id, &update).await
    }

    async fn delete_script(state, account_id: AccountRef, script_id: String) -> () {
        state.service.delete_script(&account_id, &script_id).await
    }

    async fn list_jobs(state) -> Vec<Job> {
        Ok(state.service.jobs())
    }

    async fn cancel_job(state, job_id: String) -> Job {
        state.service.cancel_job(&job_id)
    }

    async fn clear_jobs(state) -> () {
        state.service.clear_jobs();
        Ok(())
    }
}
