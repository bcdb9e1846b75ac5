//! An ACCOUNT (or `--account`, NAME) argument: the name or id the user
//! typed, turned into the stored account by one call.
//!
//! The lookup waits for `resolve` rather than happening while clap parses:
//! an unknown account is a failure of the command (exit 1, after any
//! `--yes` refusal), not a usage error, and the store is read once, by the
//! service.

use vpsdesk_core::accounts::Account;
use vpsdesk_core::AppService;

use crate::Failure;

#[derive(Clone)]
pub struct AccountArg(String);

impl From<String> for AccountArg {
    fn from(name_or_id: String) -> Self {
        AccountArg(name_or_id)
    }
}

impl AccountArg {
    /// The account by name, id or name in any case; the error lists the
    /// accounts there are.
    pub fn resolve(&self, service: &AppService) -> Result<Account, Failure> {
        Ok(service.find(&self.0)?)
    }
}
