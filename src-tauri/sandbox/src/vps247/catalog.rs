//! `/packages`, `/regions` and `/os_templates`: what `POST /virtual_machines`
//! takes ids from. The doc only links them ("see here"), so they are plain
//! arrays of objects with integer ids, like `/virtual_machines`.

use axum::Json;
use serde::Serialize;

use super::seed::{OS_TEMPLATES, PACKAGES, REGIONS};

#[derive(Serialize)]
pub(super) struct Package {
    pub id: u64,
    pub name: &'static str,
    pub cpus: u32,
    /// MB.
    pub memory: u32,
    /// GB.
    pub disk: u32,
    /// MB per month, the unit of a VM's `transfer`.
    pub transfer: u64,
    /// Per month, exact decimal as text.
    pub price: &'static str,
}

#[derive(Serialize)]
pub(super) struct Region {
    pub id: u64,
    pub name: &'static str,
    pub country: &'static str,
}

#[derive(Serialize)]
pub(super) struct OsTemplate {
    pub id: u64,
    pub name: &'static str,
}

pub(super) fn package(id: u64) -> Option<&'static Package> {
    PACKAGES.iter().find(|p| p.id == id)
}

pub(super) fn region(id: u64) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

pub(super) fn os_template(id: u64) -> Option<&'static OsTemplate> {
    OS_TEMPLATES.iter().find(|o| o.id == id)
}

pub(super) async fn packages() -> Json<&'static [Package]> {
    Json(PACKAGES)
}

pub(super) async fn regions() -> Json<&'static [Region]> {
    Json(REGIONS)
}

pub(super) async fn os_templates() -> Json<&'static [OsTemplate]> {
    Json(OS_TEMPLATES)
}
