//! Startup scripts stored at the provider and run when a server is created.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};
use crate::time::Timestamp;

/// When the script runs: by the installed system on first boot, or by iPXE
/// when the machine starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ScriptKind {
    #[default]
    Boot,
    Pxe,
}

impl ScriptKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ScriptKind::Boot => "boot",
            ScriptKind::Pxe => "pxe",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "boot" => Some(ScriptKind::Boot),
            "pxe" => Some(ScriptKind::Pxe),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct StartupScript {
    pub id: String,
    pub name: String,
    pub kind: ScriptKind,
    pub content: String,
    pub created_at: Option<Timestamp>,
    pub modified_at: Option<Timestamp>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub struct NewScript {
    pub name: String,
    pub kind: ScriptKind,
    pub content: String,
}

/// `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub struct ScriptUpdate {
    pub name: Option<String>,
    pub content: Option<String>,
}

#[async_trait]
pub trait Scripts: Send + Sync {
    async fn list_scripts(&self) -> Result<Vec<StartupScript>>;
    /// Returns the new script's id.
    async fn create_script(&self, script: &NewScript) -> Result<String>;
    async fn update_script(&self, id: &str, update: &ScriptUpdate) -> Result<()>;
    async fn delete_script(&self, id: &str) -> Result<()>;
}

/// Scripts are sent in a form body; this bounds what one request carries.
const MAX_SCRIPT_BYTES: usize = 64 * 1024;

fn content(text: &str) -> Result<String> {
    if text.trim().is_empty() {
        return Err(Error::field("content", "the script is empty"));
    }
    if text.len() > MAX_SCRIPT_BYTES {
        return Err(Error::field("content", "a startup script has at most 64 KiB"));
    }
    Ok(text.to_string())
}

pub fn validate_new(script: &NewScript) -> Result<NewScript> {
    Ok(NewScript {
        name: label("name", &script.name, true, 255)?,
        kind: script.kind,
        content: content(&script.content)?,
    })
}

pub fn validate_update(update: &ScriptUpdate) -> Result<ScriptUpdate> {
    if update.name.is_none() && update.content.is_none() {
        return Err(Error::validation("nothing to change: give a new name or new content"));
    }
    Ok(ScriptUpdate {
        name: update.name.as_deref().map(|n| label("name", n, true, 255)).transpose()?,
        content: update.content.as_deref().map(content).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_need_a_name_and_content() {
        let ok = NewScript { name: "hello".into(), kind: ScriptKind::Boot, content: "#!/bin/sh\necho hi\n".into() };
        assert_eq!(validate_new(&ok).unwrap().content, "#!/bin/sh\necho hi\n");
        assert_eq!(validate_new(&NewScript { name: " ".into(), ..ok.clone() }).unwrap_err().fields[0].field, "name");
        assert_eq!(
            validate_new(&NewScript { content: "\n".into(), ..ok.clone() }).unwrap_err().fields[0].field,
            "content"
        );
        assert!(validate_update(&ScriptUpdate::default()).is_err());
        assert_eq!(ScriptKind::parse("PXE"), Some(ScriptKind::Pxe));
    }
}
