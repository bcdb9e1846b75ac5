//! `/packages`, `/regions` and `/os_templates`, and each entry by id: what
//! `POST /virtual_machines` takes ids from. The doc only links them ("see
//! here"), so they are plain arrays of objects with integer ids, like
//! `/virtual_machines`, and a lookup is one such object or a 404. A region
//! names the packages and templates it offers.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

use super::seed::{OS_TEMPLATES, PACKAGES, REGIONS};
use super::{refuse, Refusal};

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
    pub package_ids: &'static [u64],
    pub os_template_ids: &'static [u64],
}

impl Region {
    pub fn offers(&self, package: &Package, os: &OsTemplate) -> bool {
        self.package_ids.contains(&package.id) && self.os_template_ids.contains(&os.id)
    }
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

/// `GET /packages/{id}`, `/regions/{id}`, `/os_templates/{id}`.
fn lookup<T: Serialize>(raw: &str, find: fn(u64) -> Option<&'static T>) -> Result<Json<&'static T>, Refusal> {
    raw.parse().ok().and_then(find).map(Json).ok_or_else(|| refuse(StatusCode::NOT_FOUND, "Not found"))
}

pub(super) async fn package_by_id(Path(id): Path<String>) -> Result<Json<&'static Package>, Refusal> {
    lookup(&id, package)
}

pub(super) async fn region_by_id(Path(id): Path<String>) -> Result<Json<&'static Region>, Refusal> {
    lookup(&id, region)
}

pub(super) async fn os_template_by_id(Path(id): Path<String>) -> Result<Json<&'static OsTemplate>, Refusal> {
    lookup(&id, os_template)
}
