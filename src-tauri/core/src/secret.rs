//! Secrets (API keys, passwords) and the OS keychain that holds them.
//!
//! A `Secret` prints as `<redacted>` and zeroizes its memory on drop, so it
//! cannot end up in a log line or an error by accident. The keychain is the
//! only place a secret is stored: there is no file fallback.

use std::fmt;

use serde::Deserialize;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

pub const SERVICE: &str = "vpsdesk";

#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }
    /// The only way to read the value: call sites are few and easy to audit.
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Replaces every occurrence of each secret in `text` (and its URL-encoded
/// form, since keys travel in query strings) with `<redacted>`.
pub fn redact(text: &str, secrets: &[&Secret]) -> String {
    let mut out = text.to_string();
    for s in secrets {
        let raw = s.expose();
        if raw.len() < 4 {
            continue;
        }
        out = out.replace(raw, "<redacted>");
        // Sized up front and wiped after: this is a copy of the key too.
        let mut encoded = Zeroizing::new(String::with_capacity(raw.len() * 3));
        encoded.extend(url::form_urlencoded::byte_serialize(raw.as_bytes()));
        if *encoded != raw {
            out = out.replace(encoded.as_str(), "<redacted>");
        }
    }
    out
}

/// The value of an `Authorization: Basic` header (RFC 7617) for `username`
/// and `secret`. Base64 hides nothing: a provider error body that echoes the
/// header shows the password, so this form is redacted too.
pub fn basic_credentials(username: &str, secret: &Secret) -> Secret {
    let plain = Zeroizing::new(format!("{username}:{}", secret.expose()));
    Secret::new(base64(plain.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    // Encoded into a buffer sized up front, then moved into the String: no
    // reallocation or intermediate copy of the credentials is left behind.
    let mut out = vec![0; bytes.len().div_ceil(3) * 4];
    base64::engine::general_purpose::STANDARD.encode_slice(bytes, &mut out).expect("4 bytes out per 3 in, padded");
    String::from_utf8(out).expect("base64 is ASCII")
}

/// Access to the OS keychain; entries are (service `vpsdesk`, user = account id).
#[derive(Clone, Debug)]
pub struct Keychain {
    service: String,
}

impl Default for Keychain {
    fn default() -> Self {
        Keychain { service: SERVICE.to_string() }
    }
}

/// One keychain call at a time in a process. Each call opens its own Secret
/// Service session, and gnome-keyring died of a GLib assertion under a burst
/// of concurrent sessions from one process (the fault-matrix test's parallel
/// accounts), leaving the keychain locked for the rest of the desktop session.
/// A call takes milliseconds, so queueing them costs nothing a person notices.
static ONE_CALL_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time<T>(call: impl FnOnce() -> T) -> T {
    let _turn = ONE_CALL_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    call()
}

impl Keychain {
    /// A keychain under another service name, so tests never touch real entries.
    pub fn with_service(service: impl Into<String>) -> Self {
        Keychain { service: service.into() }
    }

    fn entry(&self, account_id: &str) -> Result<keyring::Entry> {
        let entry = keyring::Entry::new(&self.service, account_id).map_err(keychain_error)?;
        // keyring falls back to an in-memory mock when built without a platform
        // store; a secret saved there would vanish at exit. Refuse it outright.
        if entry.get_credential().is::<keyring::mock::MockCredential>() {
            return Err(Error::keychain(
                "this build has no OS keychain support (keyring mock store); rebuild with the platform store features",
            ));
        }
        Ok(entry)
    }

    pub fn set(&self, account_id: &str, secret: &Secret) -> Result<()> {
        one_at_a_time(|| self.entry(account_id)?.set_password(secret.expose()).map_err(keychain_error))
    }

    pub fn get(&self, account_id: &str) -> Result<Secret> {
        match one_at_a_time(|| self.entry(account_id).map(|e| e.get_password()))? {
            Ok(v) => Ok(Secret::new(v)),
            Err(keyring::Error::NoEntry) => Err(Error::keychain(
                "the OS keychain has no secret for this account; remove the account and add it again",
            )),
            Err(e) => Err(keychain_error(e)),
        }
    }

    pub fn delete(&self, account_id: &str) -> Result<()> {
        match one_at_a_time(|| self.entry(account_id).map(|e| e.delete_credential()))? {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(e)),
        }
    }

    /// Writes, reads back and deletes a probe entry, so the app can tell the
    /// user at startup that the keychain is locked or missing.
    pub fn probe(&self) -> Result<()> {
        let id = format!("probe-{}", uuid::Uuid::new_v4());
        let value = Secret::new(uuid::Uuid::new_v4().to_string());
        self.set(&id, &value)?;
        let back = self.get(&id);
        self.delete(&id)?;
        match back {
            Ok(v) if v.expose() == value.expose() => Ok(()),
            Ok(_) => Err(Error::keychain("the OS keychain returned a different value than was stored")),
            Err(e) => Err(e),
        }
    }
}

fn keychain_error(e: keyring::Error) -> Error {
    let detail = match &e {
        keyring::Error::NoStorageAccess(_) => {
            "the OS keychain is locked or not running. Unlock it (on Linux: start gnome-keyring or another Secret Service provider and unlock the login keyring), then try again".to_string()
        }
        keyring::Error::PlatformFailure(inner) => format!(
            "the OS keychain is not available ({inner}). On Linux vpsdesk needs a Secret Service provider such as gnome-keyring on the session D-Bus"
        ),
        other => format!("the OS keychain failed: {other}"),
    };
    Error::keychain(detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("hunter2-very-secret");
        assert_eq!(format!("{s:?}"), "<redacted>");
        assert_eq!(format!("{s}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(&s)), "Some(<redacted>)");
    }

    #[test]
    fn basic_credentials_are_the_header_value() {
        let basic = |u: &str, p: &str| basic_credentials(u, &Secret::new(p)).expose().to_string();
        assert_eq!(basic("Aladdin", "open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "RFC 7617's example");
        assert_eq!(basic("a", "b"), "YTpi");
        assert_eq!(basic("a", "bc"), "YTpiYw==");
        assert_eq!(basic("a", "bcd"), "YTpiY2Q=");
        // RFC 4648's test vectors, through the header's `user:` prefix.
        assert_eq!(basic("", ""), "Og==");
        assert_eq!(basic("f", ""), "Zjo=");
        assert_eq!(basic("fo", "o"), "Zm86bw==");
        assert_eq!(basic("foo", "bar"), "Zm9vOmJhcg==");
    }

    #[test]
    fn redact_covers_raw_and_url_encoded_forms() {
        let s = Secret::new("ab+c/d=ef");
        let text = "GET /v1/server/list?api_key=ab%2Bc%2Fd%3Def and ab+c/d=ef";
        let out = redact(text, &[&s]);
        assert!(!out.contains("ab+c/d=ef"), "{out}");
        assert!(!out.contains("ab%2Bc%2Fd%3Def"), "{out}");
        assert_eq!(out.matches("<redacted>").count(), 2);
    }
}
