//! A server's own settings replaced in one call (VPS.org's full update,
//! `PUT /api/v1/servers/{id}/`, where every field is required): its name,
//! its host name and whether the provider takes automatic backups.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::validate::{hostname, label};

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

pub fn validate(settings: &ServerSettings) -> Result<ServerSettings> {
    Ok(ServerSettings {
        name: label("name", &settings.name, true, 255)?,
        hostname: hostname("hostname", &settings.hostname)?,
        backups_enabled: settings.backups_enabled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_checked() {
        let ok = ServerSettings { name: " web ".into(), hostname: "web.example.com".into(), backups_enabled: true };
        assert_eq!(validate(&ok).unwrap().name, "web");
        let nameless = ServerSettings { name: " ".into(), ..ok.clone() };
        assert_eq!(validate(&nameless).unwrap_err().fields[0].field, "name");
    }
}
