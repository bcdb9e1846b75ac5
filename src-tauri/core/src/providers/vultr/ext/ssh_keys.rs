//! SSH public keys stored at the provider and installed on new servers.
//! Public keys are not secrets; private keys are refused before sending.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};
use crate::time::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct SshKey {
    pub id: String,
    pub name: String,
    /// In authorized_keys format.
    pub public_key: String,
    pub created_at: Option<Timestamp>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub struct NewSshKey {
    pub name: String,
    pub public_key: String,
}

/// `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub struct SshKeyUpdate {
    pub name: Option<String>,
    pub public_key: Option<String>,
}

#[async_trait]
pub trait SshKeys: Send + Sync {
    async fn list_ssh_keys(&self) -> Result<Vec<SshKey>>;
    /// Returns the new key's id.
    async fn create_ssh_key(&self, key: &NewSshKey) -> Result<String>;
    async fn update_ssh_key(&self, id: &str, update: &SshKeyUpdate) -> Result<()>;
    async fn delete_ssh_key(&self, id: &str) -> Result<()>;
}

const KEY_TYPES: &[&str] = &[
    "ssh-rsa",
    "ssh-ed25519",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// One authorized_keys line: a key type, the key, an optional comment.
pub fn public_key(text: &str) -> Result<String> {
    let key = text.trim();
    let bad = |why: String| Err(Error::field("public_key", why));
    if key.is_empty() {
        return bad("paste a public key (the .pub file)".into());
    }
    if key.contains("PRIVATE KEY") {
        return bad("this is a private key: never share it; paste the public key (the .pub file) instead".into());
    }
    if key.lines().count() > 1 {
        return bad("a public key is one line".into());
    }
    let mut parts = key.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    if !KEY_TYPES.contains(&kind) {
        return bad(format!("a public key starts with its type ({}…), not {kind:?}", KEY_TYPES[..2].join(", ")));
    }
    if parts.next().is_none() {
        return bad("the key itself is missing after the type".into());
    }
    Ok(key.to_string())
}

pub fn validate_new(key: &NewSshKey) -> Result<NewSshKey> {
    Ok(NewSshKey { name: label("name", &key.name, true, 255)?, public_key: public_key(&key.public_key)? })
}

pub fn validate_update(update: &SshKeyUpdate) -> Result<SshKeyUpdate> {
    if update.name.is_none() && update.public_key.is_none() {
        return Err(Error::validation("nothing to change: give a new name or a new public key"));
    }
    Ok(SshKeyUpdate {
        name: update.name.as_deref().map(|n| label("name", n, true, 255)).transpose()?,
        public_key: update.public_key.as_deref().map(public_key).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_keys_need_a_type_and_a_key() {
        assert!(public_key("ssh-rsa AA... test@example.com").is_ok());
        assert!(public_key("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK0 me@host\n").is_ok());
        for (bad, says) in [
            ("", "paste"),
            ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----", "private key"),
            ("AAAAB3NzaC1yc2E", "type"),
            ("ssh-rsa", "missing"),
            ("ssh-rsa AAA\nssh-rsa BBB", "one line"),
        ] {
            let e = public_key(bad).unwrap_err();
            assert_eq!(e.fields[0].field, "public_key");
            assert!(e.message.contains(says), "{bad:?}: {}", e.message);
        }
    }

    #[test]
    fn an_update_changes_something() {
        assert!(validate_update(&SshKeyUpdate::default()).is_err());
        let u = validate_update(&SshKeyUpdate { name: Some(" laptop ".into()), public_key: None }).unwrap();
        assert_eq!(u.name.as_deref(), Some("laptop"));
    }
}
