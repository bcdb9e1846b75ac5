//! Clouds with their templates, and the account's nodes.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::seed::{CLOUDS, SSD_CLOUDS};
use super::state::VpsNet;
use super::{not_found, resource};
use crate::common::{Params, Store};

#[derive(Serialize)]
pub(super) struct Template {
    pub label: &'static str,
    pub id: u64,
}

/// `clouds/{id}`'s `cluster_stats`, as strings like the doc's.
pub(super) struct Stats {
    pub memory: [&'static str; 3],
    pub tasks_pending: &'static str,
    pub templates: [&'static str; 2],
    pub disk_space: [&'static str; 3],
}

pub(super) struct Cloud {
    pub id: u64,
    pub label: &'static str,
    pub available: bool,
    pub system_templates: &'static [Template],
    /// The doc's SSD cloud example has no `fusion_io`.
    pub fusion_io: Option<bool>,
    pub cloud_version: u32,
    pub premium_price: u32,
    pub currency_code: &'static str,
    /// Gigabytes per node.
    pub daily_node_bandwidth: u32,
    pub monthly_node_bandwidth: u32,
    pub stats: Stats,
}

impl Cloud {
    pub fn offers(&self, template: u64) -> bool {
        self.system_templates.iter().any(|t| t.id == template)
    }
}

/// A cloud regular servers can be created on.
pub(super) fn available(id: u64) -> Option<&'static Cloud> {
    CLOUDS.iter().find(|c| c.id == id && c.available)
}

/// `available_clouds`' entry, in the doc's field order.
#[derive(Serialize)]
struct CloudView {
    label: &'static str,
    available: bool,
    system_templates: &'static [Template],
    #[serde(skip_serializing_if = "Option::is_none")]
    fusion_io: Option<bool>,
    id: u64,
    cloud_version: u32,
    premium_price: u32,
    currency_code: &'static str,
    daily_node_bandwidth: u32,
    monthly_node_bandwidth: u32,
}

#[derive(Serialize)]
pub(super) struct CloudEnvelope {
    cloud: CloudView,
}

fn view(c: &'static Cloud) -> CloudEnvelope {
    CloudEnvelope {
        cloud: CloudView {
            label: c.label,
            available: c.available,
            system_templates: c.system_templates,
            fusion_io: c.fusion_io,
            id: c.id,
            cloud_version: c.cloud_version,
            premium_price: c.premium_price,
            currency_code: c.currency_code,
            daily_node_bandwidth: c.daily_node_bandwidth,
            monthly_node_bandwidth: c.monthly_node_bandwidth,
        },
    }
}

pub(super) async fn available_clouds() -> Json<Vec<CloudEnvelope>> {
    Json(CLOUDS.iter().map(view).collect())
}

pub(super) async fn available_ssd_clouds() -> Json<Vec<CloudEnvelope>> {
    Json(SSD_CLOUDS.iter().map(view).collect())
}

/// `clouds/{id}`'s properties: a bare object, not wrapped in `cloud`.
#[derive(Serialize)]
struct PropertiesView {
    label: &'static str,
    available: bool,
    system_templates: &'static [Template],
    cluster_stats: ClusterStats,
    #[serde(skip_serializing_if = "Option::is_none")]
    fusion_io: Option<bool>,
    id: u64,
    cloud_version: u32,
}

#[derive(Serialize)]
struct ClusterStats {
    stats: StatsView,
}

#[derive(Serialize)]
struct StatsView {
    memory: Usage,
    tasks: Tasks,
    templates: Templates,
    disk_space: Usage,
}

#[derive(Serialize)]
struct Usage {
    usage: &'static str,
    total: &'static str,
    free: &'static str,
}

impl Usage {
    fn of([usage, total, free]: [&'static str; 3]) -> Self {
        Usage { usage, total, free }
    }
}

#[derive(Serialize)]
struct Tasks {
    pending: &'static str,
}

#[derive(Serialize)]
struct Templates {
    system: &'static str,
    custom: &'static str,
}

pub(super) async fn cloud(Path(file): Path<String>) -> Response {
    let Some(c) = resource(&file)
        .and_then(|id| id.parse::<u64>().ok())
        .and_then(|id| CLOUDS.iter().chain(SSD_CLOUDS).find(|c| c.id == id))
    else {
        return not_found("Cloud");
    };
    let s = &c.stats;
    let stats = StatsView {
        memory: Usage::of(s.memory),
        tasks: Tasks { pending: s.tasks_pending },
        templates: Templates { system: s.templates[0], custom: s.templates[1] },
        disk_space: Usage::of(s.disk_space),
    };
    Json(PropertiesView {
        label: c.label,
        available: c.available,
        system_templates: c.system_templates,
        cluster_stats: ClusterStats { stats },
        fusion_io: c.fusion_io,
        id: c.id,
        cloud_version: c.cloud_version,
    })
    .into_response()
}

#[derive(Serialize)]
struct SliceView {
    id: u64,
    virtual_machine_id: Option<u64>,
    consumer_id: u64,
    free_node: bool,
    discount_node: bool,
    daily_node: bool,
}

/// Regular nodes ("slices"): one per node each server uses, then the free
/// ones. `type` other than `vps` asks for RAM, storage, fusion or bandwidth
/// nodes, which this account has none of.
#[derive(Serialize)]
pub(super) struct SliceEnvelope {
    slice: SliceView,
}

pub(super) async fn nodes(State(store): State<Store<VpsNet>>, params: Params) -> Json<Vec<SliceEnvelope>> {
    if params.get("type").is_some_and(|t| t != "vps") {
        return Json(Vec::new());
    }
    let consumer: Option<u64> = params.get("consumer_id").and_then(|c| c.parse().ok());
    store.with(|v| {
        let mut slices = Vec::new();
        for (id, vm) in &v.servers {
            for n in 0..u64::from(vm.slices) {
                let node = 10_000 + id * 100 + n;
                slices.push(SliceView {
                    id: node,
                    virtual_machine_id: Some(*id),
                    consumer_id: v.nodes.regular_consumers.get(&node).copied().unwrap_or(vm.consumer_id),
                    free_node: false,
                    discount_node: false,
                    daily_node: false,
                });
            }
            for n in 0..u64::from(vm.daily_slices) {
                slices.push(SliceView {
                    id: 10_000 + id * 100 + 50 + n,
                    virtual_machine_id: Some(*id),
                    consumer_id: vm.consumer_id,
                    free_node: false,
                    discount_node: false,
                    daily_node: true,
                });
            }
        }
        for n in 0..u64::from(v.free_nodes) {
            slices.push(SliceView {
                id: 9_000 + n,
                virtual_machine_id: None,
                consumer_id: v.nodes.regular_consumers.get(&(9_000 + n)).copied().unwrap_or(0),
                free_node: true,
                discount_node: false,
                daily_node: false,
            });
        }
        Json(
            slices
                .into_iter()
                .filter(|s| consumer.is_none_or(|c| s.consumer_id == c))
                .map(|slice| SliceEnvelope { slice })
                .collect(),
        )
    })
}

/// INFERRED `GET cloud_groups.api10json`: the clouds grouped by the region
/// their label starts with ("US East (Atlanta)" → "US", the doc's "test
/// cloud" and "Test Cloud" → "Test"), as
/// `[{"cloud_group": {id, label, clouds: [{id, label}]}}]`.
pub(super) async fn cloud_groups() -> Json<Vec<serde_json::Value>> {
    let mut groups: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    for cloud in super::seed::CLOUDS {
        let first = cloud.label.split_whitespace().next().unwrap_or(cloud.label);
        let mut chars = first.chars();
        let region = chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default();
        let entry = serde_json::json!({ "id": cloud.id, "label": cloud.label });
        match groups.iter_mut().find(|(r, _)| *r == region) {
            Some((_, clouds)) => clouds.push(entry),
            None => groups.push((region, vec![entry])),
        }
    }
    Json(
        groups
            .into_iter()
            .enumerate()
            .map(|(i, (label, clouds))| serde_json::json!({ "cloud_group": { "id": i + 1, "label": label, "clouds": clouds } }))
            .collect(),
    )
}
