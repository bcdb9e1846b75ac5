//! Every IP address of the account (not one server's): notes and consumer
//! ids, moving an address to another server of its cloud, and justified
//! addresses (extra addresses granted on a stated reason).

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct AccountIp {
    pub id: String,
    pub ip: String,
    pub netmask: Option<String>,
    pub network: Option<String>,
    /// The cloud (region) it belongs to: it can only move within it.
    pub cloud_id: Option<String>,
    pub server_id: Option<String>,
    pub consumer_id: Option<String>,
    pub notes: Option<String>,
}

/// A justified address as the provider lists it; every field is optional
/// because the list's shape is not documented.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct JustifiedIp {
    pub id: Option<String>,
    pub ip: Option<String>,
    pub server_id: Option<String>,
    pub kind: Option<String>,
    pub reason: Option<String>,
    pub status: Option<String>,
}

/// The doc's `justification_type` values, `0` with a domain ("test.com")
/// and `1` with a free text ("test").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum JustificationKind {
    /// A website (the reason is its domain name).
    Website,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Justification {
    pub kind: JustificationKind,
    pub reason: String,
}

#[async_trait]
pub trait AccountIps: Send + Sync {
    /// Every address, or only those of one consumer id (a number, checked).
    async fn list_account_ips(&self, consumer_id: Option<&str>) -> Result<Vec<AccountIp>>;
    /// Replaces the address's notes and consumer id (`None`: no consumer).
    async fn edit_ip(&self, id: &str, notes: &str, consumer_id: Option<&str>) -> Result<()>;
    /// Moves the address to `server` (same cloud); returns the address moved.
    async fn reassign_ip(&self, id: &str, server: &str) -> Result<String>;
    async fn justified_ips(&self) -> Result<Vec<JustifiedIp>>;
    /// Asks for one more address per justification for `server`.
    async fn request_justified(&self, server: &str, reasons: &[Justification]) -> Result<()>;
}

/// The most addresses one request asks for.
pub const MAX_JUSTIFIED: usize = 8;

pub fn notes(text: &str) -> Result<String> {
    label("notes", text, false, 255)
}

/// Each reason checked: a website's is a domain name, any other one line.
pub fn justifications(reasons: &[Justification]) -> Result<Vec<Justification>> {
    if reasons.is_empty() {
        return Err(Error::field("reasons", "give a reason for each address you ask for"));
    }
    if reasons.len() > MAX_JUSTIFIED {
        return Err(Error::field("reasons", format!("ask for at most {MAX_JUSTIFIED} addresses at a time")));
    }
    reasons
        .iter()
        .map(|j| {
            let reason = label("reason", &j.reason, true, 255)?;
            if j.kind == JustificationKind::Website && crate::capabilities::dns::validate::zone_name(&reason).is_err() {
                return Err(Error::field(
                    "reason",
                    format!("{reason:?} is not a domain name; a website is justified by its domain"),
                ));
            }
            Ok(Justification { kind: j.kind, reason })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_checked_per_kind() {
        let j = |kind, reason: &str| Justification { kind, reason: reason.into() };
        assert_eq!(justifications(&[j(JustificationKind::Website, " test.com ")]).unwrap()[0].reason, "test.com");
        assert_eq!(
            justifications(&[j(JustificationKind::Website, "not a domain")]).unwrap_err().fields[0].field,
            "reason"
        );
        assert!(justifications(&[j(JustificationKind::Other, "test")]).is_ok());
        assert_eq!(justifications(&[]).unwrap_err().fields[0].field, "reasons");
        assert_eq!(justifications(&vec![j(JustificationKind::Other, "x"); 9]).unwrap_err().fields[0].field, "reasons");
        assert_eq!(notes(&"n".repeat(256)).unwrap_err().fields[0].field, "notes");
    }
}
