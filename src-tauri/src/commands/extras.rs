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
    async fn list_snapshots(state, account_id: AccountRef) -> Vec<Snapshot> = snapshots;

    async fn create_snapshot(state, account_id: AccountRef, server_id: String, description: String) -> Job = create_snapshot;

    async fn delete_snapshot(state, account_id: AccountRef, snapshot_id: String) -> () = delete_snapshot;

    async fn restore_snapshot(state, account_id: AccountRef, server_id: String, snapshot_id: String) -> Job = restore_snapshot;

    async fn restore_backup(state, account_id: AccountRef, server_id: String, backup_id: String) -> Job = restore_backup;

    async fn reinstall_server(state, account_id: AccountRef, server_id: String) -> Job = reinstall;

    async fn os_options(state, account_id: AccountRef, server_id: String) -> Vec<OsOption> = os_options;

    async fn change_os(state, account_id: AccountRef, server_id: String, os_id: String) -> Job = change_os;

    async fn list_isos(state, account_id: AccountRef) -> Vec<Iso> = isos;

    async fn server_addresses(state, account_id: AccountRef, server_id: String) -> Vec<IpAddress> = addresses;

    async fn add_ipv4(state, account_id: AccountRef, server_id: String, reboot: bool) -> () {
        state.service.add_ipv4(&account_id, &server_id, reboot).await
    }

    async fn remove_ipv4(state, account_id: AccountRef, server_id: String, ip: String) -> () = remove_ipv4;

    async fn reverse_ipv6(state, account_id: AccountRef, server_id: String) -> Vec<ReverseDns> = reverse_ipv6;

    async fn set_reverse(state, account_id: AccountRef, server_id: String, ip: String, entry: String) -> () = set_reverse;

    async fn reset_reverse(state, account_id: AccountRef, server_id: String, ip: String) -> () = reset_reverse;

    async fn delete_reverse(state, account_id: AccountRef, server_id: String, ip: String) -> () = delete_reverse;

    async fn usage_graphs(state, account_id: AccountRef, server_id: String, from: Option<String>, to: Option<String>) -> Vec<UsageGraph> {
        state.service.usage_graphs(&account_id, &server_id, from.as_deref(), to.as_deref()).await
    }

    async fn server_console(state, account_id: AccountRef, server_id: String) -> ConsoleAccess = console;

    async fn list_ssh_keys(state, account_id: AccountRef) -> Vec<SshKey> = ssh_keys;

    async fn create_ssh_key(state, account_id: AccountRef, key: NewSshKey) -> String = create_ssh_key;

    async fn update_ssh_key(state, account_id: AccountRef, key_id: String, update: SshKeyUpdate) -> () = update_ssh_key;

    async fn delete_ssh_key(state, account_id: AccountRef, key_id: String) -> () = delete_ssh_key;

    async fn list_scripts(state, account_id: AccountRef) -> Vec<StartupScript> = scripts;

    async fn create_script(state, account_id: AccountRef, script: NewScript) -> String = create_script;

    async fn update_script(state, account_id: AccountRef, script_id: String, update: ScriptUpdate) -> () = update_script;

    async fn delete_script(state, account_id: AccountRef, script_id: String) -> () = delete_script;

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
