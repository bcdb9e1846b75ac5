//! The public, read-only methods: operating systems, plans and regions.

use axum::Json;
use serde::Serialize;

use super::invalid;
use super::seed::{OPERATING_SYSTEMS, PLANS, REGIONS};
use crate::common::{Failure, Keyed, Params};

pub(super) struct Region {
    pub id: u32,
    pub name: &'static str,
    pub country: &'static str,
    pub continent: &'static str,
    /// Empty outside the US, as Vultr does.
    pub state: &'static str,
    /// VPSPLANIDs with room here, in the order regions/availability gives them.
    pub available: &'static [u32],
}

pub(super) struct Plan {
    pub id: u32,
    pub name: &'static str,
    pub vcpu_count: u32,
    pub ram_mb: u32,
    pub disk_gb: u32,
    /// Terabytes, written as the doc writes it ("1", "0.50").
    pub bandwidth_tb: &'static str,
    pub price_per_month: &'static str,
}

pub(super) struct Os {
    pub id: u32,
    pub name: &'static str,
    pub arch: &'static str,
    pub family: &'static str,
    pub windows: bool,
}

/// Families that are install sources for server/create rather than systems
/// a running server can switch to.
pub(super) const ISO_FAMILY: &str = "iso";
pub(super) const SNAPSHOT_FAMILY: &str = "snapshot";

impl Os {
    pub fn changeable(&self) -> bool {
        self.family != ISO_FAMILY && self.family != SNAPSHOT_FAMILY
    }
}

/// Finds a catalog entry by an integer parameter ("1", not "01" or "x").
fn by_id<T>(items: &'static [T], id: Option<&str>, key: impl Fn(&T) -> u32) -> Option<&'static T> {
    let id: u32 = id?.parse().ok()?;
    items.iter().find(|item| key(item) == id)
}

pub(super) fn region(id: Option<&str>) -> Option<&'static Region> {
    by_id(REGIONS, id, |r| r.id)
}

pub(super) fn plan(id: Option<&str>) -> Option<&'static Plan> {
    by_id(PLANS, id, |p| p.id)
}

pub(super) fn os(id: Option<&str>) -> Option<&'static Os> {
    by_id(OPERATING_SYSTEMS, id, |o| o.id)
}

#[derive(Serialize)]
pub(super) struct OsView {
    #[serde(rename = "OSID")]
    id: String,
    name: &'static str,
    arch: &'static str,
    family: &'static str,
    windows: bool,
}

impl From<&Os> for OsView {
    fn from(os: &Os) -> Self {
        OsView { id: os.id.to_string(), name: os.name, arch: os.arch, family: os.family, windows: os.windows }
    }
}

#[derive(Serialize)]
pub(super) struct PlanView {
    #[serde(rename = "VPSPLANID")]
    id: String,
    name: &'static str,
    vcpu_count: String,
    ram: String,
    disk: String,
    bandwidth: &'static str,
    price_per_month: &'static str,
    /// "no longer in use, and will always be false"
    windows: bool,
}

#[derive(Serialize)]
pub(super) struct RegionView {
    #[serde(rename = "DCID")]
    id: String,
    name: &'static str,
    country: &'static str,
    continent: &'static str,
    state: &'static str,
}

pub(super) async fn os_list() -> Json<Keyed<u32, OsView>> {
    Json(OPERATING_SYSTEMS.iter().map(|os| (os.id, os.into())).collect())
}

pub(super) async fn plans_list() -> Json<Keyed<u32, PlanView>> {
    Json(
        PLANS
            .iter()
            .map(|p| {
                let view = PlanView {
                    id: p.id.to_string(),
                    name: p.name,
                    vcpu_count: p.vcpu_count.to_string(),
                    ram: p.ram_mb.to_string(),
                    disk: p.disk_gb.to_string(),
                    bandwidth: p.bandwidth_tb,
                    price_per_month: p.price_per_month,
                    windows: false,
                };
                (p.id, view)
            })
            .collect(),
    )
}

pub(super) async fn regions_list() -> Json<Keyed<u32, RegionView>> {
    Json(
        REGIONS
            .iter()
            .map(|r| {
                let view = RegionView {
                    id: r.id.to_string(),
                    name: r.name,
                    country: r.country,
                    continent: r.continent,
                    state: r.state,
                };
                (r.id, view)
            })
            .collect(),
    )
}

/// A plain array of integer plan ids: `[]` when a region is full.
pub(super) async fn regions_availability(params: Params) -> Result<Json<&'static [u32]>, Failure> {
    let region = region(params.get("DCID")).ok_or_else(|| invalid("Invalid DCID.  Check DCID value"))?;
    Ok(Json(region.available))
}
