//! A server's own settings replaced in one call (VPS.org's full update,
//! `PUT /api/v1/servers/{id}/`, where every field is required): its name,
//! its host name and whether the provider takes automatic backups.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServerSettings {
    pub name: String,
    /// Fully qualified ("web01.example.com").
    pub hostname: String,
    pub backups_enabled: bool,
}

#[async_trait]
pub trait Settings: Send + Sync {
    async fn settings(&self, server_id: &str) -> Result<ServerSettings>;
    /// Replaces all three settings at once.
    async fn update_settings(&self, server_id: &str, settings: &ServerSettings) -> Result<()>;
}

/// A fully qualified host name: at least two labels of letters, digits and
/// hyphens, at most 253 characters; a trailing dot is dropped.
pub fn hostname(text: &str) -> Result<String> {
    let name = text.trim().trim_end_matches('.');
    let bad = |why: &str| Err(Error::field("hostname", why.to_string()));
    if name.is_empty() {
        return bad("enter a host name, e.g. web01.example.com");
    }
    if name.len() > 253 {
        return bad("a host name has at most 253 characters");
    }
    if !name.contains('.') {
        return bad("use a fully qualified name with a domain, e.g. web01.example.com");
    }
    for part in name.split('.') {
        if part.is_empty() || part.len() > 63 {
            return bad("each part between dots needs 1 to 63 characters");
        }
        if part.starts_with('-') || part.ends_with('-') {
            return bad("a part cannot start or end with a hyphen");
        }
        if !part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return bad("use letters, digits, hyphens and dots only");
        }
    }
    Ok(name.to_string())
}

pub fn validate(settings: &ServerSettings) -> Result<ServerSettings> {
    Ok(ServerSettings {
        name: label("name", &settings.name, true, 255)?,
        hostname: hostname(&settings.hostname)?,
        backups_enabled: settings.backups_enabled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_are_fully_qualified() {
        assert_eq!(hostname(" web01.example.com. ").unwrap(), "web01.example.com");
        for bad in ["", "web01", "web_01.example.com", "-a.example.com", "a..example.com", "é.example.com"] {
            assert_eq!(hostname(bad).unwrap_err().fields[0].field, "hostname", "{bad:?}");
        }
    }

    #[test]
    fn every_setting_is_checked() {
        let ok = ServerSettings { name: " web ".into(), hostname: "web.example.com".into(), backups_enabled: true };
        assert_eq!(validate(&ok).unwrap().name, "web");
        let nameless = ServerSettings { name: " ".into(), ..ok.clone() };
        assert_eq!(validate(&nameless).unwrap_err().fields[0].field, "name");
    }
}
