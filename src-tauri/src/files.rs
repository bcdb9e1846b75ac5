//! The files the app reads and writes for the person: the backend opens the
//! native dialog itself and uses what was chosen in the same command.
//!
//! The webview never names a path. Of the two ways to keep it so, a command
//! that opens the dialog and does the write, or a one-time token for the
//! chosen path that a second command consumes, this is the first: one IPC
//! call per save, no token store to expire or clean, and nothing a
//! compromised webview could replay. The webview may only suggest a file
//! name, which the dialog shows and the person can change; it is reduced to a
//! bare name first, so it can never point into another folder.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};
use vpsdesk_core::{Error, Result};

/// What a save dialog offers: its title, the file types and the suggested name.
pub struct SaveAs<'a> {
    pub title: &'a str,
    pub filter: &'a str,
    pub extensions: &'a [&'a str],
    pub suggested: &'a str,
    /// Used when `suggested` is not a usable file name.
    pub fallback: &'a str,
}

pub struct Files {
    app: AppHandle,
}

impl Files {
    pub fn new(app: AppHandle) -> Files {
        Files { app }
    }

    fn dialog(&self, title: &str) -> FileDialogBuilder<tauri::Wry> {
        let dialog = self.app.dialog().file().set_title(title);
        // Modal to the window, so it cannot end up behind it.
        match self.app.get_webview_window("main") {
            Some(window) => dialog.set_parent(&window),
            None => dialog,
        }
    }

    /// Where the person chose to save, or `None` when they cancelled.
    pub async fn save_as(&self, what: SaveAs<'_>) -> Result<Option<PathBuf>> {
        let name = bare_name(what.suggested).unwrap_or_else(|| what.fallback.to_string());
        if let Some(answer) = seam::save(&name) {
            return Ok(Some(answer));
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        // The callback form runs the dialog on the main thread and answers on
        // another one: the async runtime's threads never block on it.
        self.dialog(what.title).set_file_name(name).add_filter(what.filter, what.extensions).save_file(move |p| {
            let _ = tx.send(p);
        });
        chosen(rx.await)
    }

    /// The file the person chose to read, or `None` when they cancelled.
    pub async fn open(&self, title: &str) -> Result<Option<PathBuf>> {
        if let Some(answer) = seam::open() {
            return Ok(Some(answer));
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.dialog(title).pick_file(move |p| {
            let _ = tx.send(p);
        });
        chosen(rx.await)
    }
}

fn chosen(
    answer: std::result::Result<Option<FilePath>, tokio::sync::oneshot::error::RecvError>,
) -> Result<Option<PathBuf>> {
    let picked = answer.map_err(|_| Error::invalid_state("the file dialog closed without an answer"))?;
    picked
        .map(|p| {
            p.into_path().map_err(|_| {
                Error::validation("the dialog gave a location that is not a local file; choose a file on this computer")
            })
        })
        .transpose()
}

/// A suggested name as a plain file name: its last path component, without
/// control characters, never `.` or `..`; `None` when nothing usable is left.
fn bare_name(suggested: &str) -> Option<String> {
    let last = suggested.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    let ok = !last.is_empty() && last != "." && last != ".." && !last.chars().any(char::is_control);
    ok.then(|| last.to_string())
}

/// The end-to-end tests' answer to the dialogs, which WebDriver cannot
/// drive. It exists only in a build with the `e2e` feature (the one
/// scripts/test-in-session.sh makes); in every other build the dialogs are
/// always shown and these variables mean nothing.
#[cfg(feature = "e2e")]
mod seam {
    use std::path::PathBuf;

    /// `VPSDESK_E2E_SAVE_DIR` answers a save dialog with that folder and the suggested name.
    pub fn save(name: &str) -> Option<PathBuf> {
        std::env::var_os("VPSDESK_E2E_SAVE_DIR").map(|dir| PathBuf::from(dir).join(name))
    }

    /// `VPSDESK_E2E_OPEN_FILE` answers an open dialog with that file.
    pub fn open() -> Option<PathBuf> {
        std::env::var_os("VPSDESK_E2E_OPEN_FILE").map(PathBuf::from)
    }
}

#[cfg(not(feature = "e2e"))]
mod seam {
    use std::path::PathBuf;

    pub fn save(_name: &str) -> Option<PathBuf> {
        None
    }

    pub fn open() -> Option<PathBuf> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_name_cannot_point_into_another_folder() {
        assert_eq!(bare_name("invoices-2025-11-20.csv").as_deref(), Some("invoices-2025-11-20.csv"));
        assert_eq!(bare_name("../../.bashrc").as_deref(), Some(".bashrc"));
        assert_eq!(bare_name("/etc/cron.d/job").as_deref(), Some("job"));
        assert_eq!(bare_name("..\\..\\evil.bat").as_deref(), Some("evil.bat"));
        for unusable in ["", "..", ".", "a/", "x\n.csv", "../.."] {
            assert_eq!(bare_name(unusable), None, "{unusable:?}");
        }
    }

    /// A user's build shows the dialog whatever the environment says: the
    /// variables the e2e tests use answer nothing without the `e2e` feature.
    #[cfg(not(feature = "e2e"))]
    #[test]
    fn the_test_seam_is_not_in_a_users_build() {
        std::env::set_var("VPSDESK_E2E_SAVE_DIR", "/tmp");
        std::env::set_var("VPSDESK_E2E_OPEN_FILE", "/etc/passwd");
        assert_eq!(seam::save("x.csv"), None);
        assert_eq!(seam::open(), None);
    }
}
