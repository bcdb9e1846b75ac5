//! The user's preferences, kept with tauri-plugin-store in `settings.json`
//! beside the accounts file: nothing secret is ever in it. The webview reads
//! and writes them only through the `preferences` and `save_preferences`
//! commands, so it is granted no store permission of its own.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Theme, Wry};
use tauri_plugin_store::{Store, StoreExt};
use ts_rs::TS;
use vpsdesk_core::accounts::{set_aside, AccountStore};
use vpsdesk_core::{Error, Result};

/// Every preference; each is one key of `settings.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preferences {
    /// How often the server list refreshes in the background, in ms (0:
    /// never); `None` is the app's default.
    pub refresh_interval_ms: Option<u32>,
    /// The servers table's columns, shown or hidden, by column id; `None`
    /// is the default set.
    pub server_columns: Option<BTreeMap<String, bool>>,
    /// Per account id: warn when its balance falls below this amount.
    pub low_balance: BTreeMap<String, String>,
    /// Per ticket (`<account id>-<ticket id>`): the staff answer last seen.
    pub viewed_tickets: BTreeMap<String, String>,
    /// The preferences older versions kept in the webview's localStorage
    /// were brought over (once).
    pub imported_local_storage: bool,
    /// Which events show a desktop notification.
    pub notifications: NotificationSwitches,
    /// The program "Open SSH" starts, with its arguments, before `ssh
    /// user@address` (e.g. `kitty`, `gnome-terminal --`); `None`: the first
    /// terminal found (`ssh::terminal`).
    pub terminal_command: Option<String>,
    /// Who "Open SSH" logs in as.
    pub ssh_user: String,
    /// Light, dark, or as the system says.
    pub color_scheme: ColorScheme,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            refresh_interval_ms: None,
            server_columns: None,
            low_balance: BTreeMap::new(),
            viewed_tickets: BTreeMap::new(),
            imported_local_storage: false,
            notifications: NotificationSwitches::default(),
            terminal_command: None,
            ssh_user: "root".to_string(),
            color_scheme: ColorScheme::Auto,
        }
    }
}

/// The app's colors; the names are Mantine's, whose color scheme the UI
/// reads from here (so the webview keeps no choice of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ColorScheme {
    Light,
    Dark,
    /// As the system says, following it when it changes.
    Auto,
}

/// One switch per kind of desktop notification, all on until turned off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NotificationSwitches {
    /// A tracked job (snapshot, backup, reinstall, …) ended.
    pub job_end: bool,
    /// A server changed state without the user asking (running -> stopped).
    pub server_state: bool,
    /// A balance went under its low-balance threshold.
    pub low_balance: bool,
}

impl Default for NotificationSwitches {
    fn default() -> NotificationSwitches {
        NotificationSwitches { job_end: true, server_state: true, low_balance: true }
    }
}

/// `settings.json` through the store plugin, or why preferences cannot be
/// kept (no home folder).
pub struct PreferenceFile {
    app: AppHandle,
    /// The colors the windows were given; `Auto` until a choice is made.
    shown_colors: Mutex<ColorScheme>,
    store: std::result::Result<Arc<Store<Wry>>, Error>,
    /// Said once at start: the file was unreadable and set aside.
    pub warning: Option<String>,
}

impl PreferenceFile {
    pub fn open(app: &AppHandle) -> PreferenceFile {
        let path = AccountStore::default_location().and_then(|s| s.path().map(|p| p.with_file_name("settings.json")));
        let mut warning = None;
        let store = path.and_then(|path| {
            warning = keep_if_unreadable(&path)?;
            app.store_builder(&path)
                .disable_auto_save()
                .build()
                .map_err(|e| Error::store(format!("{} cannot be opened: {e}", path.display())))
        });
        let file = PreferenceFile { app: app.clone(), shown_colors: Mutex::new(ColorScheme::Auto), store, warning };
        if let Ok(saved) = file.read() {
            file.show_colors(saved.color_scheme);
        }
        file
    }

    pub fn read(&self) -> Result<Preferences> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        Ok(from_saved(|name| store.get(name)))
    }

    /// Replaces every preference and writes the file at once.
    pub fn save(&self, preferences: &Preferences) -> Result<Preferences> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        let keys = serde_json::to_value(preferences).map_err(|e| Error::store(e.to_string()))?;
        for (name, value) in keys.as_object().into_iter().flatten() {
            store.set(name.clone(), value.clone());
        }
        store.save().map_err(|e| Error::store(format!("the preferences could not be saved: {e}")))?;
        self.show_colors(preferences.color_scheme);
        self.read()
    }

    /// The windows take the chosen colors too: their title bar, and what
    /// the page's `prefers-color-scheme` says (WebKitGTK follows GTK's
    /// dark preference), so the frame `index.html` paints before any script
    /// is already in them. Only an explicit choice is set: the system's own
    /// setting stands until the user makes one.
    fn show_colors(&self, scheme: ColorScheme) {
        let mut shown = self.shown_colors.lock().unwrap_or_else(|e| e.into_inner());
        if *shown == scheme {
            return;
        }
        *shown = scheme;
        let theme = match scheme {
            ColorScheme::Light => Some(Theme::Light),
            ColorScheme::Dark => Some(Theme::Dark),
            ColorScheme::Auto => None,
        };
        for window in self.app.webview_windows().values() {
            // A window that cannot take a theme keeps the page's colors right all the same.
            let _ = window.set_theme(theme);
        }
    }
}

/// The preferences from what the file holds, key by key: a key of another
/// shape (edited by hand, written by another version) reads as its default
/// and the others still count.
fn from_saved(saved: impl Fn(&str) -> Option<serde_json::Value>) -> Preferences {
    let mut merged = serde_json::to_value(Preferences::default()).unwrap_or_default();
    let names: Vec<String> = merged.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    for name in names {
        let Some(value) = saved(&name) else { continue };
        let mut trial = merged.clone();
        trial[&name] = value;
        if serde_json::from_value::<Preferences>(trial.clone()).is_ok() {
            merged = trial;
        }
    }
    serde_json::from_value(merged).unwrap_or_default()
}

/// A `settings.json` that is not a JSON object is moved aside before the
/// store opens it, so the store never writes over it.
fn keep_if_unreadable(path: &Path) -> Result<Option<String>> {
    let Ok(bytes) = std::fs::read(path) else { return Ok(None) };
    match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes) {
        Ok(_) => Ok(None),
        Err(e) => {
            let aside = set_aside(path)?;
            Ok(Some(format!(
                "{} could not be read ({e}); it was kept as {} and the preferences start from their defaults.",
                path.display(),
                aside.display()
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("vpsdesk-preferences-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn an_unreadable_settings_file_is_kept_aside_and_said() {
        let dir = folder("corrupt");
        let path = dir.join("settings.json");
        std::fs::write(&path, "{\"refresh_interval_ms\": 6").unwrap();
        let warning = keep_if_unreadable(&path).unwrap().expect("a warning");
        assert!(warning.contains("settings.json could not be read") && warning.contains(".corrupt-"), "{warning}");
        assert!(!path.exists(), "the store starts from a new file");
        let kept: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "{\"refresh_interval_ms\": 6", "kept as it was");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_readable_or_missing_settings_file_is_left_alone() {
        let dir = folder("fine");
        let path = dir.join("settings.json");
        assert_eq!(keep_if_unreadable(&path).unwrap(), None);
        std::fs::write(&path, "{\"refresh_interval_ms\": 60000}").unwrap();
        assert_eq!(keep_if_unreadable(&path).unwrap(), None);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"refresh_interval_ms\": 60000}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn each_saved_key_counts_on_its_own() {
        let file = serde_json::json!({
            "refresh_interval_ms": 60000,
            "server_columns": "all of them",
            "low_balance": {"acc-1": "100"},
            "viewed_tickets": {"acc-1-979": 17},
            "color_scheme": "dark",
            "something_newer": true,
        });
        let read = from_saved(|name| file.get(name).cloned());
        assert_eq!(
            read,
            Preferences {
                refresh_interval_ms: Some(60000),
                low_balance: BTreeMap::from([("acc-1".to_string(), "100".to_string())]),
                color_scheme: ColorScheme::Dark,
                ..Preferences::default()
            },
            "the two keys of another shape read as their defaults"
        );
        assert_eq!(from_saved(|_| None), Preferences::default());
        let unknown_scheme = serde_json::json!({"color_scheme": "sepia"});
        assert_eq!(from_saved(|name| unknown_scheme.get(name).cloned()).color_scheme, ColorScheme::Auto);
    }
}
