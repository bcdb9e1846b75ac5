//! Templates (`vpsnet-endpoints.md` section 8): custom templates (list,
//! delete; INFERRED delete path), the offered groups, a template's price on
//! a cloud, and the CloudLinux and Windows licences (INFERRED paths), whose
//! purchase must carry `confirm_purchase`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::seed::CLOUDS;
use super::state::VpsNet;
use super::{not_found, resource, unprocessable};
use crate::common::Store;

pub(super) struct Custom {
    pub id: u64,
    pub label: String,
    pub operating_system: String,
    pub description: String,
    pub info: String,
}

impl Custom {
    pub fn new(id: u64, label: &str, description: &str) -> Custom {
        Custom {
            id,
            label: label.into(),
            operating_system: "Custom Templates".into(),
            description: description.into(),
            info: String::new(),
        }
    }
}

pub(super) struct Licence {
    pub id: u64,
    pub template: u64,
    pub vm: Option<u64>,
}

pub(super) struct TemplateBook {
    pub custom: Vec<Custom>,
    pub cloudlinux: Vec<Licence>,
    pub windows: Vec<Licence>,
    pub next_id: u64,
}

/// The doc's custom template and licence lists, verbatim, and one more
/// custom template.
pub(super) fn seed() -> TemplateBook {
    let licence = |id, template| Licence { id, template, vm: None };
    TemplateBook {
        custom: vec![
            Custom::new(115, "test_cus_temp", "test_cus_temp"),
            Custom::new(116, "wordpress-base", "Ubuntu 10.04 with WordPress, from backup 3774"),
        ],
        cloudlinux: vec![licence(25, 106), licence(27, 107)],
        windows: vec![licence(15, 10), licence(20, 17)],
        next_id: 40,
    }
}

/// Chargeable templates and their monthly prices (USD, GBP), as the doc's
/// Windows example; every other template is free.
const PRICES: &[(u64, f64, u64)] = &[(1899, 20.0, 15), (106, 14.0, 11), (107, 14.0, 11)];

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/system_templates.api10json", get(list_custom))
        .route("/system_templates/{file}", delete(delete_custom).put(edit_custom))
        .route("/available_templates.api10json", get(available))
        .route("/clouds/{cloud}/system_templates/{file}", get(template_info))
        .route("/commercial_templates.api10json", get(|s| licences(s, false)).post(|s, b| buy(s, false, b)))
        .route("/windows_templates.api10json", get(|s| licences(s, true)).post(|s, b| buy(s, true, b)))
}

async fn list_custom(State(store): State<Store<VpsNet>>) -> Response {
    store.with(|v| {
        let all: Vec<Value> = v
            .templates
            .custom
            .iter()
            .map(|t| json!({ "system_template": { "label": t.label, "operating_system": t.operating_system, "id": t.id, "description": t.description, "info": t.info } }))
            .collect();
        Json(all).into_response()
    })
}

async fn delete_custom(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    let Some(Ok(id)) = resource(&file).map(str::parse::<u64>) else {
        return not_found("System template");
    };
    store.with(|v| match v.templates.custom.iter().position(|t| t.id == id) {
        Some(i) => {
            v.templates.custom.remove(i);
            ().into_response()
        }
        None => not_found("System template"),
    })
}

/// The doc's group (its clouds 1 to 4 are examples), then one group per
/// system of the simulator's clouds, with its id on each cloud.
async fn available() -> Json<Value> {
    let mut groups = vec![json!({ "name": "CentOS 5.5 x64", "templates": [
        { "clouds": [{ "id": 1, "system_template_id": 123 }, { "id": 2, "system_template_id": 234 }], "name": "CentOS 5.5 x64 LAMP" },
        { "clouds": [{ "id": 3, "system_template_id": 436 }, { "id": 4, "system_template_id": 516 }], "name": "CentOS 5.5 x64 MySQL" },
    ]})];
    let mut labels: Vec<&str> = CLOUDS.iter().flat_map(|c| c.system_templates.iter().map(|t| t.label)).collect();
    labels.sort_unstable();
    labels.dedup();
    for label in labels {
        let clouds: Vec<Value> = CLOUDS
            .iter()
            .filter(|c| c.available)
            .filter_map(|c| {
                c.system_templates
                    .iter()
                    .find(|t| t.label == label)
                    .map(|t| json!({ "id": c.id, "system_template_id": t.id }))
            })
            .collect();
        groups.push(json!({ "name": label, "templates": [{ "clouds": clouds, "name": label }] }));
    }
    Json(json!({ "template_groups": groups }))
}

async fn template_info(Path((cloud, file)): Path<(String, String)>) -> Response {
    let (Ok(cloud), Some(Ok(id))) = (cloud.parse::<u64>(), resource(&file).map(str::parse::<u64>)) else {
        return not_found("System template");
    };
    let Some(t) = CLOUDS.iter().find(|c| c.id == cloud).and_then(|c| c.system_templates.iter().find(|t| t.id == id))
    else {
        return not_found("System template");
    };
    let windows = t.label.starts_with("Windows");
    let (usd, gbp) = PRICES.iter().find(|p| p.0 == id).map_or((json!(0), json!(0)), |p| (json!(p.1), json!(p.2)));
    Json(json!({ "system_template": {
        "label": t.label,
        "os_type": if windows { "Windows" } else { "Linux" },
        "operating_system": if windows { "Windows" } else { "Linux" },
        "commercial": false,
        "applicable_price": { "USD": usd, "GBP": gbp },
        "info": t.label,
        "id": t.id,
        "description": t.label,
    }}))
    .into_response()
}

fn key(windows: bool) -> &'static str {
    if windows {
        "windows_template"
    } else {
        "commercial_template"
    }
}

async fn licences(State(store): State<Store<VpsNet>>, windows: bool) -> Response {
    store.with(|v| {
        let list = if windows { &v.templates.windows } else { &v.templates.cloudlinux };
        let all: Vec<Value> = list
            .iter()
            .map(|l| json!({ key(windows): { "system_template_id": l.template, "id": l.id, "virtual_machine_id": l.vm } }))
            .collect();
        Json(all).into_response()
    })
}

/// `{"<kind>_template": {"confirm_purchase": "1", "system_template_id": "106"}}`.
async fn buy(State(store): State<Store<VpsNet>>, windows: bool, body: Bytes) -> Response {
    let form =
        serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.get(key(windows)).cloned()).unwrap_or_default();
    let text =
        |k: &str| form.get(k).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).unwrap_or_default();
    if text("confirm_purchase") != "1" {
        return unprocessable(&[("confirm_purchase", "must be accepted".to_owned())]);
    }
    let Ok(template) = text("system_template_id").trim_matches('"').parse::<u64>() else {
        return unprocessable(&[("system_template_id", "can't be blank".to_owned())]);
    };
    store.with(|v| {
        v.templates.next_id += 1;
        let licence = Licence { id: v.templates.next_id, template, vm: None };
        let view = json!({ key(windows): { "system_template_id": licence.template, "id": licence.id, "virtual_machine_id": null } });
        if windows { v.templates.windows.push(licence) } else { v.templates.cloudlinux.push(licence) }
        Json(view).into_response()
    })
}

/// INFERRED `PUT system_templates/{id}`: `{"system_template": {operating_system?, description, info}}`
/// (the doc's array wrapper is accepted too).
async fn edit_custom(State(store): State<Store<VpsNet>>, Path(file): Path<String>, body: Bytes) -> Response {
    let Some(Ok(id)) = resource(&file).map(str::parse::<u64>) else {
        return not_found("System template");
    };
    let root = serde_json::from_slice::<Value>(&body).unwrap_or_default();
    let root = root.as_array().and_then(|a| a.first()).cloned().unwrap_or(root);
    let Some(form) = root.get("system_template").and_then(Value::as_object).cloned() else {
        return unprocessable(&[("base", "system_template is required".to_owned())]);
    };
    let text = |k: &str| form.get(k).and_then(Value::as_str).map(str::trim).map(str::to_owned);
    let description = text("description");
    if description.as_deref().is_some_and(str::is_empty) {
        return unprocessable(&[("description", "can't be blank".to_owned())]);
    }
    store.with(|v| match v.templates.custom.iter_mut().find(|t| t.id == id) {
        Some(t) => {
            if let Some(d) = description {
                t.description = d;
            }
            if let Some(os) = text("operating_system").filter(|o| !o.is_empty()) {
                t.operating_system = os;
            }
            if let Some(info) = text("info") {
                t.info = info;
            }
            ().into_response()
        }
        None => not_found("System template"),
    })
}
