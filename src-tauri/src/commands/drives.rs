use vpsdesk_core::providers::cloudsigma::ext::drives::{Drive, DriveClone, NewDrive, StandardKind};
use vpsdesk_core::jobs::Job;

use super::AccountRef;
use crate::files::SaveAs;

ipc! {
    async fn list_drives(state, account_id: AccountRef) -> Vec<Drive> = drives;

    async fn standard_drives(state, account_id: AccountRef, kind: StandardKind) -> Vec<Drive> {
        state.service.standard_drives(&account_id, kind).await
    }

    async fn create_drive(state, account_id: AccountRef, drive: NewDrive) -> Drive = create_drive;

    async fn clone_drive(state, account_id: AccountRef, drive_id: String, clone: DriveClone) -> Drive = clone_drive;

    async fn destroy_drive(state, account_id: AccountRef, drive_id: String) -> () = destroy_drive;

    /// Asks for the file to upload (the native open dialog, opened here)
    /// and starts the job; `null` when the person cancelled.
    async fn upload_drive(state, account_id: AccountRef, drive_id: String) -> Option<Job> {
        let Some(path) = state.files.open("Choose the file to upload to the drive").await? else {
            return Ok(None);
        };
        state.service.upload_drive(&account_id, &drive_id, &path).await.map(Some)
    }

    /// Asks where to save the drive's contents (the native save dialog,
    /// suggesting `suggested_name`) and starts the job; `null` when cancelled.
    async fn download_drive(state, account_id: AccountRef, drive_id: String, suggested_name: String) -> Option<Job> {
        let save = SaveAs { title: "Download the drive", filter: "Disk image", extensions: &["img", "iso", "raw"], suggested: &suggested_name, fallback: "drive.img" };
        let Some(path) = state.files.save_as(save).await? else {
            return Ok(None);
        };
        state.service.download_drive(&account_id, &drive_id, &path, None).await.map(Some)
    }
}
