//! The account registry: metadata in `accounts.json` (shared by the app and
//! vpsctl), secrets in the keychain. Every change is read-modify-write under
//! an exclusive file lock and lands by atomic rename, so concurrent writers
//! lose nothing and a crash mid-write leaves the old file intact.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
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

#[derive(Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    accounts: Vec<Account>,
}

/// What `load` found: the accounts, and a warning for the user when the file
/// was unreadable and had to be set aside.
#[derive(Debug, Default)]
pub struct Loaded {
    pub accounts: Vec<Account>,
    pub warning: Option<String>,
}

#[derive(Clone, Debug)]
pub struct AccountStore {
    path: PathBuf,
}

impl AccountStore {
    pub fn at(path: impl Into<PathBuf>) -> Self {
        AccountStore { path: path.into() }
    }

    /// `$XDG_CONFIG_HOME/vpsdesk/accounts.json` (or the platform's equivalent).
    pub fn default_location() -> Result<Self> {
        let dirs = directories::ProjectDirs::from("", "", "vpsdesk")
            .ok_or_else(|| Error::store("cannot find a home directory for vpsdesk's settings"))?;
        Ok(Self::at(dirs.config_dir().join("accounts.json")))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn load(&self) -> Result<Loaded> {
        let _lock = self.lock()?;
        self.read()
    }

    /// Applies `change` to the current accounts and saves the result, all
    /// under the lock. Nothing is written when `change` fails.
    pub fn update<R>(&self, change: impl FnOnce(&mut Vec<Account>) -> Result<R>) -> Result<R> {
        let _lock = self.lock()?;
        let mut loaded = self.read()?;
        let out = change(&mut loaded.accounts)?;
        self.write(&loaded.accounts)?;
        Ok(out)
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or_else(|| Path::new("."))
    }

    fn lock(&self) -> Result<File> {
        fs::create_dir_all(self.dir()).map_err(|e| io_error("create", self.dir(), e))?;
        // A separate lock file: the data file itself is replaced by rename.
        let lock_path = self.path.with_extension("json.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| io_error("open", &lock_path, e))?;
        file.lock().map_err(|e| io_error("lock", &lock_path, e))?;
        Ok(file)
    }

    fn read(&self) -> Result<Loaded> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(e) => return Err(io_error("read", &self.path, e)),
        };
        match serde_json::from_slice::<FileFormat>(&bytes) {
            Ok(f) if f.version > SCHEMA_VERSION => Err(Error::store(format!(
                "{} was written by a newer vpsdesk (schema {}, this one reads {}); update vpsdesk",
                self.path.display(),
                f.version,
                SCHEMA_VERSION
            ))),
            Ok(f) => Ok(Loaded { accounts: f.accounts, warning: None }),
            Err(parse) => {
                let aside = self.set_aside()?;
                Ok(Loaded {
                    accounts: Vec::new(),
                    warning: Some(format!(
                        "{} could not be read ({parse}); it was kept as {} and vpsdesk started with no accounts. The secrets are still in the OS keychain.",
                        self.path.display(),
                        aside.display()
                    )),
                })
            }
        }
    }

    fn set_aside(&self) -> Result<PathBuf> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let mut aside = self.path.with_extension(format!("json.corrupt-{stamp}"));
        let mut n = 1;
        while aside.exists() {
            aside = self.path.with_extension(format!("json.corrupt-{stamp}-{n}"));
            n += 1;
        }
        fs::rename(&self.path, &aside).map_err(|e| io_error("move aside", &self.path, e))?;
        Ok(aside)
    }

    fn write(&self, accounts: &[Account]) -> Result<()> {
        let body = serde_json::to_vec_pretty(&FileFormat { version: SCHEMA_VERSION, accounts: accounts.to_vec() })
            .map_err(|e| Error::store(format!("cannot encode accounts: {e}")))?;
        let mut tmp = tempfile::NamedTempFile::new_in(self.dir()).map_err(|e| io_error("create temp file in", self.dir(), e))?;
        tmp.write_all(&body).map_err(|e| io_error("write", tmp.path(), e))?;
        tmp.as_file().sync_all().map_err(|e| io_error("sync", tmp.path(), e))?;
        tmp.persist(&self.path).map_err(|e| io_error("replace", &self.path, e.error))?;
        Ok(())
    }
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
        return Err(bad("use plain ASCII without spaces or control characters (an international host name in its xn-- form)"));
    }
    let url = Url::parse(raw.trim()).map_err(|e| bad(&format!("{raw:?} is not a URL ({e}); use e.g. https://api.example.com")))?;
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
        Account {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.into(),
            provider: ProviderKind::Vultr,
            endpoint: None,
            username: None,
            region: None,
            demo: false,
        }
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
        for bad in ["http://api.vultr.com", "http://10.0.0.1", "ftp://x", "https://u:p@x.com", "https://x.com/v1", "nonsense"] {
            let e = validate_endpoint(bad).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Validation, "{bad}");
        }
    }

    #[test]
    fn update_round_trips_and_keeps_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = AccountStore::at(dir.path().join("accounts.json"));
        store.update(|a| {
            a.push(account("one"));
            Ok(())
        })
        .unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.accounts.len(), 1);
        assert!(loaded.warning.is_none());
        let raw: serde_json::Value = serde_json::from_slice(&fs::read(store.path()).unwrap()).unwrap();
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
