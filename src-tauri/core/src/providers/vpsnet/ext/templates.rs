//! The account's system templates beyond the create form's list: custom
//! templates (made from backups), every template the provider offers with
//! the clouds it runs on, a template's price, and the chargeable templates
//! (licences) the account has bought or buys.

use async_trait::async_trait;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct CustomTemplate {
    pub id: String,
    pub label: String,
    pub operating_system: Option<String>,
    pub description: Option<String>,
}

/// One template as offered, with the region (cloud) ids it runs on and its
/// id there (the same system has a different id on each cloud).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct OfferedTemplate {
    pub group: String,
    pub name: String,
    pub placements: Vec<TemplatePlacement>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct TemplatePlacement {
    pub region_id: String,
    pub template_id: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct TemplatePrice {
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// A template on one cloud; chargeable when any price is above zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct TemplateInfo {
    pub id: String,
    pub label: String,
    pub os_type: Option<String>,
    pub description: Option<String>,
    pub prices: Vec<TemplatePrice>,
}

impl TemplateInfo {
    pub fn chargeable(&self) -> bool {
        self.prices.iter().any(|p| p.amount > Decimal::ZERO)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LicenseKind {
    /// CloudLinux templates.
    Cloudlinux,
    Windows,
}

impl LicenseKind {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cloudlinux" => Some(LicenseKind::Cloudlinux),
            "windows" => Some(LicenseKind::Windows),
            _ => None,
        }
    }
}

/// A chargeable template the account has bought, free or in use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct LicensedTemplate {
    pub kind: LicenseKind,
    pub id: String,
    pub template_id: String,
    /// The server using it, if any.
    pub server_id: Option<String>,
}

#[async_trait]
pub trait Templates: Send + Sync {

    async fn custom_templates(&self) -> Result<Vec<CustomTemplate>>;
    /// Removes a custom template at once.
    async fn delete_custom_template(&self, id: &str) -> Result<()>;
    async fn offered_templates(&self) -> Result<Vec<OfferedTemplate>>;
    async fn template_info(&self, region: &str, template: &str) -> Result<TemplateInfo>;
    async fn licensed_templates(&self) -> Result<Vec<LicensedTemplate>>;
    /// Buys a chargeable template (the account is charged); the service asks
    /// for the purchase to be confirmed before calling this.
    async fn buy_template(&self, kind: LicenseKind, template: &str) -> Result<()>;
}
