use vpsdesk_core::capabilities::server::backups::Backup;
use vpsdesk_core::jobs::Job;

use super::AccountRef;

ipc! {
    async fn list_backups(state, account_id: AccountRef, server_id: String) -> Vec<Backup> {
        state.service.backups(&account_id, &server_id).await
    }

    async fn create_backup(state, account_id: AccountRef, server_id: String, label: String) -> Job {
        state.service.create_backup(&account_id, &server_id, &label).await
    }

    async fn delete_backup(state, account_id: AccountRef, server_id: String, backup_id: String) -> () {
        state.service.delete_backup(&account_id, &server_id, &backup_id).await
    }
}
