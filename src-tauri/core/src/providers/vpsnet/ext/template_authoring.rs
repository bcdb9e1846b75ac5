//! Making and describing custom templates: a backup turned into a template,
//! and a custom template's description and notes changed.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateEdit {
    /// The system shown for it; left as it is when `None`.
    pub operating_system: Option<String>,
    pub description: String,
    /// Free notes shown with the template; left as they are when `None`
    /// (the template list does not show them, so a form cannot prefill them).
    pub info: Option<String>,
}

#[async_trait]
pub trait TemplateAuthoring: Send + Sync {
    /// The backup becomes a custom template (the backup stays).
    async fn convert_backup(&self, server: &str, backup: &str) -> Result<()>;
    async fn edit_custom_template(&self, id: &str, edit: &TemplateEdit) -> Result<()>;
}

/// The most characters of a template's notes.
pub const MAX_INFO: usize = 2000;

pub fn validate(edit: &TemplateEdit) -> Result<TemplateEdit> {
    let operating_system = match edit.operating_system.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(os) => Some(label("operating_system", os, true, 100)?),
    };
    let info = match edit.info.as_deref().map(str::trim) {
        Some(info) if info.chars().count() > MAX_INFO => {
            return Err(Error::field("info", format!("use at most {MAX_INFO} characters")));
        }
        Some(info) if info.chars().any(|c| c.is_control() && c != '\n' && c != '\t') => {
            return Err(Error::field("info", "control characters are not allowed"));
        }
        info => info.map(str::to_string),
    };
    Ok(TemplateEdit { operating_system, description: label("description", &edit.description, true, 255)?, info })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_required_and_notes_bounded() {
        let ok = TemplateEdit {
            operating_system: Some(" ".into()),
            description: " web ".into(),
            info: Some("line 1\nline 2".into()),
        };
        let v = validate(&ok).unwrap();
        assert_eq!((v.operating_system, v.description.as_str()), (None, "web"));
        assert_eq!(
            validate(&TemplateEdit { description: "".into(), ..ok.clone() }).unwrap_err().fields[0].field,
            "description"
        );
        assert_eq!(
            validate(&TemplateEdit { info: Some("x".repeat(2001)), ..ok.clone() }).unwrap_err().fields[0].field,
            "info"
        );
        assert_eq!(validate(&TemplateEdit { info: Some("a\u{7}".into()), ..ok }).unwrap_err().fields[0].field, "info");
    }
}
