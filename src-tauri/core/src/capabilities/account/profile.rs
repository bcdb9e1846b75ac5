//! The account holder's profile as the provider keeps it: labelled fields,
//! some of which can be changed. Secrets the provider sends with it (API
//! keys) are never part of it.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::label;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ProfileField {
    /// The provider's key, used to change it.
    pub key: String,
    pub label: String,
    pub value: String,
    pub editable: bool,
    pub required: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, TS)]
pub struct ProfileChange {
    pub key: String,
    pub value: String,
}

#[async_trait]
pub trait Profile: Send + Sync {
    async fn profile(&self) -> Result<Vec<ProfileField>>;
    /// `changes` are complete and checked: every editable field, by key.
    async fn set_profile(&self, changes: &[ProfileChange]) -> Result<Vec<ProfileField>>;
}

/// Merges `changes` into the current profile and checks the result: only
/// editable keys, required ones filled, an email that looks like one. The
/// whole editable set comes back, as a provider's "set" wants it.
pub fn validate_changes(current: &[ProfileField], changes: &[ProfileChange]) -> Result<Vec<ProfileChange>> {
    for c in changes {
        match current.iter().find(|f| f.key == c.key) {
            Some(f) if f.editable => {}
            Some(_) => return Err(Error::field(&c.key, "this field cannot be changed here")),
            None => return Err(Error::field(&c.key, "the profile has no such field")),
        }
    }
    let mut out = Vec::new();
    for f in current.iter().filter(|f| f.editable) {
        let value = changes.iter().rev().find(|c| c.key == f.key).map_or(f.value.as_str(), |c| c.value.as_str());
        let value = label(&f.key, value, f.required, 200)?;
        if f.key == "email" && !value.is_empty() && !looks_like_email(&value) {
            return Err(Error::field("email", format!("{value:?} is not an email address")));
        }
        out.push(ProfileChange { key: f.key.clone(), value });
    }
    Ok(out)
}

fn looks_like_email(v: &str) -> bool {
    match v.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !v.contains(char::is_whitespace),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &str, value: &str, editable: bool, required: bool) -> ProfileField {
        ProfileField { key: key.into(), label: key.into(), value: value.into(), editable, required }
    }

    #[test]
    fn changes_are_merged_and_checked() {
        let current = [
            field("email", "a@b.c", true, true),
            field("phone", "", true, false),
            field("currency", "CHF", false, false),
        ];
        let change = |k: &str, v: &str| ProfileChange { key: k.into(), value: v.into() };
        let merged = validate_changes(&current, &[change("phone", " 123 ")]).unwrap();
        assert_eq!(merged, [change("email", "a@b.c"), change("phone", "123")]);
        assert_eq!(validate_changes(&current, &[change("currency", "EUR")]).unwrap_err().fields[0].field, "currency");
        assert_eq!(validate_changes(&current, &[change("email", "")]).unwrap_err().fields[0].field, "email");
        assert_eq!(validate_changes(&current, &[change("email", "nope")]).unwrap_err().fields[0].field, "email");
        assert!(validate_changes(&current, &[change("secret_key", "x")]).is_err());
    }
}
