//! One folder per provider; this file is the registry that turns an account
//! into a client and describes each provider to the UI and the CLI.

pub mod cloudsigma;
pub mod common;
pub mod vps247;
pub mod vpsnet;
pub mod vpsorg;
pub mod vultr;

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::accounts::{validate_endpoint, Account};
use crate::error::{Error, Result};
use crate::http::Http;
use crate::model::ProviderKind;
use crate::provider::Compute;
use crate::secret::Secret;

#[derive(Clone, Debug, Serialize, TS)]
pub struct ProviderRegion {
    pub id: String,
    pub name: String,
}

/// How servers are sized at creation: by catalog plan, or freely by CPU/RAM.
#[derive(Clone, Copy, Debug, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Sizing {
    Plans,
    Free,
}

/// What the add-account form and `vpsctl accounts add` need to know.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ProviderInfo {
    pub id: ProviderKind,
    pub label: String,
    /// `Some(label)` when the provider needs a user name besides the secret.
    pub username_label: Option<String>,
    pub secret_label: String,
    /// Account-level regions that pick the endpoint (CloudSigma's zrh/lvs).
    pub regions: Vec<ProviderRegion>,
    pub default_endpoint: String,
    pub sizing: Sizing,
}

/// Providers this build can talk to, in the order the UI lists them.
pub fn supported() -> Vec<ProviderInfo> {
    vec![vultr::info(), vpsnet::info(), vps247::info(), cloudsigma::info(), vpsorg::info()]
}

pub fn info(kind: ProviderKind) -> Result<ProviderInfo> {
    supported().into_iter().find(|p| p.id == kind).ok_or_else(|| {
        Error::unsupported(format!(
            "{} accounts are not supported by this version of vpsdesk (supported: {})",
            kind,
            supported().iter().map(|p| p.id.id()).collect::<Vec<_>>().join(", ")
        ))
    })
}

/// The origin requests go to: the account's override or the provider default.
/// The override is checked again on every use, not only when it was added:
/// accounts.json can be edited by hand.
pub fn endpoint_of(account: &Account) -> Result<String> {
    match &account.endpoint {
        Some(e) => validate_endpoint(e).map_err(|bad| {
            Error::validation(format!(
                "account '{}': {}; fix it in accounts.json or re-add the account",
                account.name.escape_debug(),
                bad.message
            ))
        }),
        None if account.provider == ProviderKind::Cloudsigma => cloudsigma::endpoint(account.region.as_deref()),
        None => Ok(info(account.provider)?.default_endpoint),
    }
}

pub fn connect(account: &Account, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    let origin = endpoint_of(account)?;
    match account.provider {
        ProviderKind::Vultr => Ok(Arc::new(vultr::Vultr::new(http.clone(), &origin, secret)?)),
        ProviderKind::Vpsnet => Ok(Arc::new(vpsnet::Vpsnet::new(
            http.clone(),
            &origin,
            account.username.clone().unwrap_or_default(),
            secret,
        )?)),
        ProviderKind::Vps247 => Ok(Arc::new(vps247::Vps247::new(http.clone(), &origin, secret)?)),
        ProviderKind::Cloudsigma => Ok(Arc::new(cloudsigma::Cloudsigma::new(
            http.clone(),
            &origin,
            account.username.as_deref(),
            account.region.as_deref(),
            secret,
        )?)),
        ProviderKind::Vpsorg => Ok(Arc::new(vpsorg::VpsOrg::new(http.clone(), &origin, secret)?)),
    }
}
