use std::path::PathBuf;

use vpsdesk_core::extras::drives::{Drive, DriveClone, NewDrive, StandardKind};
use vpsdesk_core::extras::jobs::Job;

use super::ipc;

ipc! {
    async fn list_drives(state, account_id: String) -> Vec<Drive> {
        state.desk.drives(&state.desk.find(&account_id)?).await
    }

    async fn standard_drives(state, account_id: String, kind: StandardKind) -> Vec<Drive> {
        state.desk.standard_drives(&state.desk.find(&account_id)?, kind).await
    }

    async fn create_drive(state, account_id: String, drive: NewDrive) -> Drive {
        state.desk.create_drive(&state.desk.find(&account_id)?, &drive).await
    }

    async fn clone_drive(state, account_id: String, drive_id: String, clone: DriveClone) -> Drive {
        state.desk.clone_drive(&state.desk.find(&account_id)?, &drive_id, &clone).await
    }

    async fn destroy_drive(state, account_id: String, drive_id: String) -> () {
        state.desk.destroy_drive(&state.desk.find(&account_id)?, &drive_id).await
    }

    /// Uploads the file the open dialog returned; the backend reads it.
    async fn upload_drive(state, account_id: String, drive_id: String, path: String) -> Job {
        state.desk.upload_drive(&state.desk.find(&account_id)?, &drive_id, &PathBuf::from(path)).await
    }

    /// Downloads into the file the save dialog returned; the backend writes it.
    async fn download_drive(state, account_id: String, drive_id: String, path: String) -> Job {
        state.desk.download_drive(&state.desk.find(&account_id)?, &drive_id, &PathBuf::from(path), None).await
    }
}
