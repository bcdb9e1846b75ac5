//! The account registry: metadata in `accounts.json` (shared by the app and
//! vpsctl), secrets in the keychain. Every change is read-modify-write under
//! an exclusive file lock and lands by atomic rename, so concurrent writers
//! lose nothing and a crash mid-write leaves the old file intact.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::{Host, Url};

use crate::error::{Error, Result};
use crate::model::ProviderKind;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Stable id; also the keychain user name for the account's secret.
    pub id: String,
    pub name: String,
    pub provider: ProviderKind,
    /// API origin override; `None` means the provider's public endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Added by "Try the demo": points at the embedded sandbox.
    #[serde(default)]
    pub demo: bool,
}

impl Account {
    /// A new account of `provider` with a fresh id, on the provider's public
    /// endpoint, with no username or region yet.
    pub fn new(provider: ProviderKind, name: impl Into<String>) -> Account {
        Account {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.into(),
            provider,
            endpoint: None,
            username: None,
            region: None,
            demo: false,
        }
    }
}

/// The file as stored. Fields this version does not know, at its own schema
/// version, are optional additions of a later release: they are kept and
/// written back, so editing the file here loses nothing that release put in.
#[derive(Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    accounts: Vec<StoredAccount>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

#[derive(Serialize, Deserialize)]
struct StoredAccount {
    #[serde(flatten)]
    account: Account,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// What `load` found: the accounts, and a warning for the user when the file
/// was unreadable and had to be set aside.
#[derive(Debug, Default)]
pub struct Loaded {
    pub accounts: Vec<Account>,
    pub warning: Option<String>,
}

/// What a read keeps besides the accounts: the fields it did not know, to
/// write them back.
#[derive(Default)]
struct Unknown {
    file: Map<String, Value>,
    by_account: HashMap<String, Map<String, Value>>,
}

#[derive(Clone, Debug)]
pub struct AccountStore {
    /// The file, or why there is none (no home folder): then every read and
    /// write fails with that reason, and nothing is written anywhere else.
    path: std::result::Result<PathBuf, Error>,
}

impl AccountStore {
    pub fn at(path: impl Into<PathBuf>) -> Self {
        AccountStore { path: Ok(path.into()) }
    }

    /// A store with no file: what the app uses when `default_location` fails,
    /// so it starts, shows `reason`, and keeps no accounts anywhere else.
    pub fn unavailable(reason: Error) -> Self {
        AccountStore { path: Err(reason) }
    }

    /// `$XDG_CONFIG_HOME/vpsdesk/accounts.json` (or the platform's equivalent).
    pub fn default_location() -> Result<Self> {
        let dirs = directories::ProjectDirs::from("", "", "vpsdesk").ok_or_else(|| {
            Error::store(
                "cannot find a home folder for vpsdesk's settings, so accounts cannot be kept; set HOME (or XDG_CONFIG_HOME) and start vpsdesk again",
            )
        })?;
        Ok(Self::at(dirs.config_dir().join("accounts.json")))
    }

    pub fn path(&self) -> Result<&Path> {
        self.path.as_deref().map_err(Clone::clone)
    }

    pub fn load(&self) -> Result<Loaded> {
        let path = self.path()?;
        let _lock = lock(path)?;
        let (accounts, _, warning) = read(path)?;
        Ok(Loaded { accounts, warning })
    }

    /// Applies `change` to the current accounts and saves the result, all
    /// under the lock. Nothing is written when `change` fails.
    pub fn update<R>(&self, change: impl FnOnce(&mut Vec<Account>) -> Result<R>) -> Result<R> {
        let path = self.path()?;
        let _lock = lock(path)?;
        let (mut accounts, unknown, _) = read(path)?;
        let out = change(&mut accounts)?;
        write(path, &accounts, unknown)?;
        Ok(out)
    }
}

fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn lock(path: &Path) -> Result<File> {
    let dir = dir_of(path);
    fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
    // A separate lock file: the data file itself is replaced by rename.
    let lock_path = path.with_extension("json.lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| io_error("open", &lock_path, e))?;
    file.lock().map_err(|e| io_error("lock", &lock_path, e))?;
    Ok(file)
}

fn read(path: &Path) -> Result<(Vec<Account>, Unknown, Option<String>)> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Default::default()),
        Err(e) => return Err(io_error("read", path, e)),
    };
    let parsed = serde_json::from_slice::<Value>(&bytes).and_then(|raw| {
        // Checked before the shape: what a newer vpsdesk wrote may not have
        // this version's shape, and must never be set aside or rewritten.
        if let Some(why) = newer_writer(&raw) {
            return Ok(Err(Error::store(format!(
                "{} was written by a newer vpsdesk; upgrade vpsdesk to use it ({why}). The file was left as it is.",
                path.display()
            ))));
        }
        serde_json::from_value::<FileFormat>(raw).map(Ok)
    });
    match parsed {
        Ok(Ok(f)) => {
            let mut unknown = Unknown { file: f.unknown, by_account: HashMap::new() };
            let accounts = f
                .accounts
                .into_iter()
                .map(|s| {
                    if !s.unknown.is_empty() {
                        unknown.by_account.insert(s.account.id.clone(), s.unknown);
                    }
                    s.account
                })
                .collect();
            Ok((accounts, unknown, None))
        }
        Ok(Err(newer)) => Err(newer),
        Err(parse) => {
            let aside = set_aside(path)?;
            let warning = format!(
                "{} could not be read ({parse}); it was kept as {} and vpsdesk started with no accounts. The secrets are still in the OS keychain.",
                path.display(),
                aside.display()
            );
            Ok((Vec::new(), Unknown::default(), Some(warning)))
        }
    }
}

/// Why a JSON file is a newer vpsdesk's, if it is: a higher schema version,
/// or a provider this version does not know.
fn newer_writer(raw: &Value) -> Option<String> {
    if let Some(v) = raw.get("version").and_then(Value::as_u64).filter(|v| *v > u64::from(SCHEMA_VERSION)) {
        return Some(format!("schema {v}; this one reads {SCHEMA_VERSION}"));
    }
    raw.get("accounts")?.as_array()?.iter().find_map(|a| {
        let provider = a.get("provider")?;
        let id = provider.as_str()?;
        serde_json::from_value::<ProviderKind>(provider.clone())
            .is_err()
            .then(|| format!("an account uses the provider {id:?}, which this one does not know"))
    })
}

/// Moves an unreadable JSON file out of the way, keeping it beside itself
/// as `<name>.json.corrupt-<unix time>`, so nothing is written over it.
pub fn set_aside(path: &Path) -> Result<PathBuf> {
    let stamp =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default();
    let mut aside = path.with_extension(format!("json.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_extension(format!("json.corrupt-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside).map_err(|e| io_error("move aside", path, e))?;
    Ok(aside)
}

fn write(path: &Path, accounts: &[Account], mut unknown: Unknown) -> Result<()> {
    let file = FileFormat {
        version: SCHEMA_VERSION,
        accounts: accounts
            .iter()
            .map(|a| StoredAccount {
                account: a.clone(),
                unknown: unknown.by_account.remove(&a.id).unwrap_or_default(),
            })
            .collect(),
        unknown: unknown.file,
    };
    let body = serde_json::to_vec_pretty(&file).map_err(|e| Error::store(format!("cannot encode accounts: {e}")))?;
    let dir = dir_of(path);
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| io_error("create temp file in", dir, e))?;
    // Owner-only before any byte is written, whatever the temp-file crate's
    // default: the rename keeps the mode, so the file is never readable by others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(|e| io_error("restrict", tmp.path(), e))?;
    }
    tmp.write_all(&body).map_err(|e| io_error("write", tmp.path(), e))?;
    tmp.as_file().sync_all().map_err(|e| io_error("sync", tmp.path(), e))?;
    tmp.persist(path).map_err(|e| io_error("replace", path, e.error))?;
    sync_dir(dir)
}

/// Makes a rename in `dir` durable: without it a power cut can bring back the
/// old directory entry, or none, though the new file's data was synced.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| io_error("sync", dir, e))
}

/// std cannot open a folder as a file on Windows, so there is nothing to sync
/// through; the rename there is as durable as the file system makes it.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<()> {
    Ok(())
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::store(format!("cannot {what} {}: {e}", path.display()))
}

/// Checks an account name: what the user types to pick the account in vpsctl.
pub fn validate_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "an account needs a name"));
    }
    if name.chars().count() > 64 {
        return Err(Error::field("name", "use at most 64 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::field("name", "control characters are not allowed"));
    }
    Ok(name.to_string())
}

/// Whether a sign-in name has an email address's shape (`local@domain.tld`):
/// enough to catch a user name typed where the provider wants the email.
pub fn looks_like_email(text: &str) -> bool {
    let ok_chars = !text.chars().any(|c| c.is_whitespace() || c.is_control());
    match text.split_once('@') {
        Some((local, domain)) => {
            ok_chars
                && !local.is_empty()
                && !domain.contains('@')
                && domain.split('.').count() >= 2
                && domain.split('.').all(|label| !label.is_empty())
        }
        None => false,
    }
}

/// Normalizes an API origin: `https://` anywhere, plain `http://` only on
/// loopback (the sandbox), and no path, query or credentials.
pub fn validate_endpoint(raw: &str) -> Result<String> {
    let bad = |m: &str| Error::field("endpoint", m.to_string());
    // What is typed is what is contacted: no control characters, and no
    // look-alike letters turned silently into another host's punycode.
    if raw.trim().chars().any(|c| !c.is_ascii_graphic()) {
        return Err(bad(
            "use plain ASCII without spaces or control characters (an international host name in its xn-- form)",
        ));
    }
    let url = Url::parse(raw.trim())
        .map_err(|e| bad(&format!("{raw:?} is not a URL ({e}); use e.g. https://api.example.com")))?;
    let loopback = match url.host() {
        // RFC 1035 limits: a longer name can never resolve.
        Some(Host::Domain(d)) if d.len() > 253 || d.split('.').any(|label| label.len() > 63) => {
            return Err(bad("the host name is too long for DNS (at most 253 characters, 63 between dots)"))
        }
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => return Err(bad("the endpoint needs a host name")),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => return Err(bad("plain http:// is only allowed for localhost; use https://")),
        other => return Err(bad(&format!("unsupported scheme {other}://; use https://"))),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("do not put credentials in the endpoint URL"));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(bad("give only the origin (scheme, host, port); vpsdesk adds the API paths itself"));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(name: &str) -> Account {
        Account::new(ProviderKind::Vultr, name)
    }

    #[test]
    fn emails_have_a_local_part_and_a_dotted_domain() {
        for good in ["demo@vpsdesk.test", "a.b+c@mail.example.co.uk"] {
            assert!(looks_like_email(good), "{good}");
        }
        for bad in ["notanemail", "@example.com", "a@localhost", "a@b@c.com", "a@.com", "a@b.", "a b@c.com", ""] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn endpoints_allow_http_only_on_loopback() {
        assert_eq!(validate_endpoint("http://127.0.0.1:8080/").unwrap(), "http://127.0.0.1:8080");
        assert_eq!(validate_endpoint("http://localhost:1").unwrap(), "http://localhost:1");
        assert_eq!(validate_endpoint("http://[::1]:9").unwrap(), "http://[::1]:9");
        assert_eq!(validate_endpoint("https://api.vultr.com").unwrap(), "https://api.vultr.com");
        for bad in
            ["http://api.vultr.com", "http://10.0.0.1", "ftp://x", "https://u:p@x.com", "https://x.com/v1", "nonsense"]
        {
            let e = validate_endpoint(bad).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Validation, "{bad}");
        }
    }

    #[test]
    fn update_round_trips_and_keeps_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = AccountStore::at(dir.path().join("accounts.json"));
        store
            .update(|a| {
                a.push(account("one"));
                Ok(())
            })
            .unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.accounts.len(), 1);
        assert!(loaded.warning.is_none());
        let raw: serde_json::Value = serde_json::from_slice(&fs::read(store.path().unwrap()).unwrap()).unwrap();
        assert_eq!(raw["version"], 1);
    }

    #[test]
    fn a_corrupt_file_is_kept_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.json");
        fs::write(&path, b"{not json").unwrap();
        let store = AccountStore::at(&path);
        let loaded = store.load().unwrap();
        assert!(loaded.accounts.is_empty());
        let warning = loaded.warning.expect("a warning");
        assert!(warning.contains("could not be read"), "{warning}");
        let kept: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(fs::read(kept[0].path()).unwrap(), b"{not json");
    }

    #[test]
    fn a_newer_schema_is_refused_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.json");
        fs::write(&path, br#"{"version": 99, "accounts": []}"#).unwrap();
        let store = AccountStore::at(&path);
        assert_eq!(store.load().unwrap_err().kind, crate::error::ErrorKind::Store);
        assert!(store.update(|_| Ok(())).is_err());
        assert_eq!(fs::read(&path).unwrap(), br#"{"version": 99, "accounts": []}"#);
    }

    /// The files in `dir` besides accounts.json and its lock: a set-aside
    /// copy or a stray temp file would show here.
    fn others_in(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "accounts.json" && n != "accounts.json.lock")
            .collect()
    }

    #[test]
    fn a_newer_file_says_upgrade_and_stays_as_it_is() {
        let vultr = r#"{"id": "a1", "name": "work", "provider": "vultr"}"#;
        let newer = [
            format!(r#"{{"version": 2, "accounts": [{vultr}]}}"#),
            // A provider this version lacks: a parse error today, never a reason to set the file aside.
            format!(r#"{{"version": 1, "accounts": [{vultr}, {{"id": "a2", "name": "new", "provider": "hetzner"}}]}}"#),
            // A newer schema may reshape everything; its version alone decides.
            r#"{"version": 3, "accounts": {"a1": {"kind": "vultr"}}}"#.to_string(),
        ];
        for text in newer {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("accounts.json");
            fs::write(&path, &text).unwrap();
            let store = AccountStore::at(&path);
            let e = store.load().unwrap_err();
            assert!(e.message.contains("written by a newer vpsdesk; upgrade"), "{text}: {}", e.message);
            let e = store
                .update(|a| {
                    a.push(account("added"));
                    Ok(())
                })
                .unwrap_err();
            assert!(e.message.contains("written by a newer vpsdesk; upgrade"), "{text}: {}", e.message);
            assert_eq!(fs::read_to_string(&path).unwrap(), text);
            assert_eq!(others_in(dir.path()), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn unknown_fields_at_this_schema_survive_a_rewrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.json");
        fs::write(
            &path,
            r##"{"version": 1, "sync": {"every": "1h"}, "accounts": [
                {"id": "a1", "name": "work", "provider": "vultr", "color": "#ff0000", "tags": ["prod", 1]},
                {"id": "a2", "name": "home", "provider": "vps247"}
            ]}"##,
        )
        .unwrap();
        let store = AccountStore::at(&path);
        let loaded = store.load().unwrap();
        assert_eq!(loaded.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["work", "home"]);
        assert!(loaded.warning.is_none());
        store
            .update(|a| {
                a[0].name = "renamed".into();
                a.push(account("added"));
                Ok(())
            })
            .unwrap();
        let raw: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(raw["sync"], serde_json::json!({"every": "1h"}));
        assert_eq!(raw["accounts"][0]["name"], "renamed");
        assert_eq!(raw["accounts"][0]["color"], "#ff0000");
        assert_eq!(raw["accounts"][0]["tags"], serde_json::json!(["prod", 1]));
        assert_eq!(
            raw["accounts"][1].as_object().unwrap().len(),
            4,
            "nothing invented for the other account: {}",
            raw["accounts"][1]
        );
        assert_eq!(raw["accounts"][2]["name"], "added");
        assert!(raw["accounts"][2].get("color").is_none());
        store
            .update(|a| {
                a.remove(0);
                Ok(())
            })
            .unwrap();
        let raw: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert!(!raw.to_string().contains("ff0000"), "a removed account's fields go with it: {raw}");
        assert_eq!(raw["sync"], serde_json::json!({"every": "1h"}));
    }

    #[test]
    fn json_of_another_shape_is_still_set_aside() {
        for text in [
            r#"[1, 2]"#,
            r#"{"version": 1}"#,
            r#"{"version": 1, "accounts": [{"name": "no id", "provider": "vultr"}]}"#,
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("accounts.json");
            fs::write(&path, text).unwrap();
            let loaded = AccountStore::at(&path).load().unwrap();
            assert!(loaded.warning.expect("a warning").contains("could not be read"), "{text}");
            let aside = others_in(dir.path());
            assert_eq!(aside.len(), 1, "{text}: {aside:?}");
            assert_eq!(fs::read_to_string(dir.path().join(&aside[0])).unwrap(), text);
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_owner_only_even_over_a_readable_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.json");
        fs::write(&path, r#"{"version": 1, "accounts": []}"#).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        AccountStore::at(&path)
            .update(|a| {
                a.push(account("one"));
                Ok(())
            })
            .unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_sync_reports_what_it_could_not_sync() {
        let dir = tempfile::tempdir().unwrap();
        sync_dir(dir.path()).unwrap();
        let gone = dir.path().join("gone");
        let e = sync_dir(&gone).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Store);
        assert!(e.message.contains(&gone.display().to_string()), "{}", e.message);
    }

    #[test]
    fn a_store_without_a_home_refuses_and_writes_nothing() {
        let reason = "cannot find a home folder for vpsdesk's settings";
        let store = AccountStore::unavailable(Error::store(reason));
        let before = fs::read_dir(".").unwrap().count();
        assert_eq!(store.load().unwrap_err().message, reason);
        let e = store
            .update(|a| {
                a.push(account("one"));
                Ok(())
            })
            .unwrap_err();
        assert_eq!(e.message, reason);
        assert!(!Path::new("accounts.json").exists() && !Path::new("accounts.json.lock").exists());
        assert_eq!(fs::read_dir(".").unwrap().count(), before);
    }

    #[test]
    fn concurrent_writers_lose_no_update() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.json");
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let store = AccountStore::at(&path);
                std::thread::spawn(move || {
                    for j in 0..10 {
                        store
                            .update(|a| {
                                a.push(account(&format!("a{i}-{j}")));
                                Ok(())
                            })
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(AccountStore::at(&path).load().unwrap().accounts.len(), 80);
    }
}
