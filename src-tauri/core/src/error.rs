//! One error type for everything the core does. It crosses IPC and the CLI as
//! `{kind, message}`: the kind lets callers branch, the message tells a person
//! what happened and what to do about it.

use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Auth,
    NotFound,
    InvalidState,
    RateLimited,
    Unreachable,
    Timeout,
    Validation,
    Keychain,
    Unsupported,
    Provider,
    Store,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(rename = "IpcError")]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Per-field problems, for forms that can show them next to the field.
    pub fields: Vec<FieldError>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Field messages quote what was typed, and a pasted file would flood them:
/// past 300 characters the middle is cut, keeping the start and the
/// explanation that usually follows the quoted value.
pub(crate) fn shorten(message: String) -> String {
    const HEAD: usize = 200;
    const TAIL: usize = 90;
    let count = message.chars().count();
    if count <= HEAD + TAIL + 10 {
        return message;
    }
    let head: String = message.chars().take(HEAD).collect();
    let tail: String = message.chars().skip(count - TAIL).collect();
    format!("{head} … {tail}")
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), fields: Vec::new() }
    }
    pub fn auth(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Auth, m)
    }
    pub fn not_found(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, m)
    }
    pub fn invalid_state(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidState, m)
    }
    pub fn validation(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Validation, m)
    }
    pub fn field(field: &str, m: impl Into<String>) -> Self {
        let message = shorten(m.into());
        Error {
            kind: ErrorKind::Validation,
            message: format!("{field}: {message}"),
            fields: vec![FieldError { field: field.to_string(), message }],
        }
    }
    pub fn unsupported(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unsupported, m)
    }
    pub fn provider(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Provider, m)
    }
    pub fn keychain(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Keychain, m)
    }
    pub fn store(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Store, m)
    }

    /// Prefixes the message with where it happened ("Demo Vultr: …").
    pub fn context(mut self, what: &str) -> Self {
        self.message = format!("{what}: {}", self.message);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_file_in_a_field_message_is_cut_in_the_middle() {
        let typed = "9".repeat(100_000);
        let e = Error::field("id", format!("{typed:?} is not an invoice id"));
        assert!(e.message.chars().count() < 320, "{}", e.message.len());
        assert!(e.message.starts_with("id: \"999") && e.message.ends_with("is not an invoice id"), "{}", e.message);
        assert_eq!(Error::field("name", "use at most 64 characters").fields[0].message, "use at most 64 characters");
    }
}
