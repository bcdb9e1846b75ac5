use vpsdesk_core::extras::backups::Backup;
use vpsdesk_core::extras::jobs::Job;

use super::ipc;

ipc! {
    async fn list_backups(state, account_id: String, server_id: String) -> Vec<Backup> {
        state.desk.backups(&state.desk.find(&account_id)?, &server_id).await
    }

    async fn create_backup(state, account_id: String, server_id: String, label: String) -> Job {
        state.desk.create_backup(&state.desk.find(&account_id)?, &server_id, &label).await
    }

    async fn delete_backup(state, account_id: String, server_id: String, backup_id: String) -> () {
        state.desk.delete_backup(&state.desk.find(&account_id)?, &server_id, &backup_id).await
    }
}
