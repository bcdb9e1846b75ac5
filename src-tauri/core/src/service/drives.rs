//! The service's drives: the account's drives and the standard ones, and
//! drive contents moved to and from local files in chunks, as jobs that
//! report progress and stop between two chunks when cancelled. A file is
//! streamed one chunk at a time: memory stays flat whatever its size.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::server_capabilities::offered;
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::jobs::{Cancel, Job, JobHandle, JobKind, NewJob};
use crate::provider::Compute;
use crate::providers::cloudsigma::ext::drives::Drives;
use crate::providers::cloudsigma::ext::drives::{self, Drive, DriveClone, NewDrive, StandardKind, CHUNK};
use crate::providers::cloudsigma::Cloudsigma;
use crate::validate::object_id;

fn percent(done: u64, total: u64) -> u8 {
    // An empty drive is done as soon as it starts.
    done.saturating_mul(100).checked_div(total).map_or(100, |p| p.min(100) as u8)
}

fn io(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::validation(format!("cannot {what} {}: {e}", path.display()))
}

fn cancelled() -> Error {
    Error::invalid_state("cancelled between two chunks")
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / 1048576.0)
}

/// Reads until `buf` is full or the file ends; returns how much was read.
async fn fill(file: &mut tokio::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]).await? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

async fn upload(client: Arc<dyn Compute>, drive: String, path: PathBuf, total: u64, job: JobHandle) -> Result<()> {
    let api = client.extension::<Cloudsigma>().ok_or_else(|| Error::unsupported("this provider has no drive API"))?;
    let mut file = tokio::fs::File::open(&path).await.map_err(|e| io("open", &path, e))?;
    let mut buf = vec![0u8; CHUNK as usize];
    let mut offset = 0u64;
    loop {
        if job.cancelled() {
            return Err(cancelled());
        }
        let n = fill(&mut file, &mut buf).await.map_err(|e| io("read", &path, e))?;
        if n == 0 {
            break;
        }
        api.write_chunk(&drive, offset, &buf[..n]).await?;
        offset += n as u64;
        job.stage(format!("Uploaded {} of {}", mib(offset), mib(total)), Some(percent(offset, total)));
    }
    job.stage(format!("Uploaded {}", mib(offset)), Some(100));
    Ok(())
}

/// Streams the drive into a temporary file beside `path` and renames it over
/// `path` only once every byte is on disk: a cancelled or failed download
/// leaves nothing under the chosen name (the temporary file is removed when
/// dropped), and the rename replaces a symlink at `path` instead of writing
/// through it to wherever it points.
async fn download(client: Arc<dyn Compute>, drive: String, path: PathBuf, total: u64, job: JobHandle) -> Result<()> {
    let api = client.extension::<Cloudsigma>().ok_or_else(|| Error::unsupported("this provider has no drive API"))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (file, temp) = tempfile::NamedTempFile::new_in(dir).map_err(|e| io("create a file in", dir, e))?.into_parts();
    let mut file = tokio::fs::File::from_std(file);
    let mut offset = 0u64;
    while offset < total {
        if job.cancelled() {
            return Err(cancelled());
        }
        let size = CHUNK.min(total - offset);
        let data = api.read_chunk(&drive, offset, size).await?;
        file.write_all(&data).await.map_err(|e| io("write", &path, e))?;
        offset += size;
        job.stage(format!("Downloaded {} of {}", mib(offset), mib(total)), Some(percent(offset, total)));
    }
    file.flush().await.map_err(|e| io("write", &path, e))?;
    file.sync_all().await.map_err(|e| io("write", &path, e))?;
    drop(file);
    temp.persist(&path).map_err(|e| io("write", &path, e.error))?;
    Ok(())
}

impl AppService {
    fn drives_api<'c>(
        &self,
        account: &Account,
        client: &'c Arc<dyn Compute>,
        extra: Capability,
    ) -> Result<&'c Cloudsigma> {
        offered(account, client.extension::<Cloudsigma>(), extra)
    }

    pub async fn drives(&self, account: &Account) -> Result<Vec<Drive>> {
        let client = self.client(account)?;
        self.drives_api(account, &client, Capability::Drives)?.list_drives().await
    }

    pub async fn drive(&self, account: &Account, id: &str) -> Result<Drive> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        self.drives_api(account, &client, Capability::Drives)?.drive(&id).await
    }

    pub async fn standard_drives(&self, account: &Account, kind: StandardKind) -> Result<Vec<Drive>> {
        let client = self.client(account)?;
        self.drives_api(account, &client, Capability::Drives)?.standard_drives(kind).await
    }

    pub async fn create_drive(&self, account: &Account, drive: &NewDrive) -> Result<Drive> {
        let drive = drives::validate_new(drive)?;
        let client = self.client(account)?;
        self.drives_api(account, &client, Capability::Drives)?.create_drive(&drive).await
    }

    pub async fn clone_drive(&self, account: &Account, id: &str, clone: &DriveClone) -> Result<Drive> {
        let id = object_id("id", id)?;
        let clone = drives::validate_clone(clone)?;
        let client = self.client(account)?;
        self.drives_api(account, &client, Capability::Drives)?.clone_drive(&id, &clone).await
    }

    pub async fn destroy_drive(&self, account: &Account, id: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        self.drives_api(account, &client, Capability::Drives)?.destroy_drive(&id).await
    }

    fn transfer_job(&self, account: &Account, kind: JobKind, title: String, drive: String) -> NewJob {
        NewJob { target_id: Some(drive), ..NewJob::on(account, kind, title, "Starting".into(), Cancel::Allowed) }
    }

    /// Writes a local file onto the start of the drive. The file must fit.
    pub async fn upload_drive(&self, account: &Account, drive: &str, path: &Path) -> Result<Job> {
        let drive = object_id("drive", drive)?;
        let meta = tokio::fs::metadata(path)
            .await
            .map_err(|e| Error::field("path", format!("cannot read {}: {e}", path.display())))?;
        if !meta.is_file() {
            return Err(Error::field("path", format!("{} is not a file", path.display())));
        }
        let client = self.client(account)?;
        let target = self.drives_api(account, &client, Capability::DriveTransfer)?.drive(&drive).await?;
        if let Some(size) = target.size_bytes.filter(|s| meta.len() > *s) {
            return Err(Error::field(
                "path",
                format!(
                    "the file has {} bytes but drive {} holds {size}; clone it larger first",
                    meta.len(),
                    target.name
                ),
            ));
        }
        let title = format!("Upload {} to drive {}", path.display(), target.name);
        let (total, path) = (meta.len(), path.to_path_buf());
        let new = self.transfer_job(account, JobKind::DriveUpload, title, drive.clone());
        Ok(self.jobs.start(new, move |h| upload(client, drive, path, total, h)))
    }

    /// Reads the drive (or its first `size` bytes) into a local file.
    pub async fn download_drive(&self, account: &Account, drive: &str, path: &Path, size: Option<u64>) -> Result<Job> {
        let drive = object_id("drive", drive)?;
        if path.as_os_str().is_empty() || path.is_dir() {
            return Err(Error::field("path", "choose a file to save the drive to"));
        }
        let client = self.client(account)?;
        let source = self.drives_api(account, &client, Capability::DriveTransfer)?.drive(&drive).await?;
        let whole = source
            .size_bytes
            .ok_or_else(|| Error::provider(format!("the provider did not give the size of drive {drive}")))?;
        let total = match size {
            Some(0) => return Err(Error::field("size", "download at least one byte")),
            Some(s) if s > whole => {
                return Err(Error::field("size", format!("drive {} has only {whole} bytes", source.name)))
            }
            Some(s) => s,
            None => whole,
        };
        let title = format!("Download drive {} to {}", source.name, path.display());
        let path = path.to_path_buf();
        let new = self.transfer_job(account, JobKind::DriveDownload, title, drive.clone());
        Ok(self.jobs.start(new, move |h| download(client, drive, path, total, h)))
    }
}
