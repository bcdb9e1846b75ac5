use vpsdesk_core::capabilities::server::backups::Backup;
use vpsdesk_core::jobs::Job;

use super::AccountRef;

ipc! {
    async fn list_backups(state, account_id: AccountRef, server_id: String) -> Vec<Backup> = backups;

    async fn create_backup(state, account_id: AccountRef, server_id: String, label: String) -> Job = create_backup;

    async fn delete_backup(state, account_id: AccountRef, server_id: String, backup_id: String) -> () = delete_backup;
}
