//! /api/v1/servers/...: the paginated list, create, details, updates,
//! delete and the power actions.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::catalog;
use super::error::{detail, invalid, ApiError};
use super::input::Input;
use super::state::{not_found, Action, Order, Phase, VpsOrg};
use super::view::{self, Page};
use crate::common::{Params, Store};

/// Small on purpose, so every client has to read more than one page.
pub(super) const PAGE_SIZE: usize = 3;

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Ids in paths are integers; anything else matches no server.
fn server_id(raw: &str) -> Result<u64, ApiError> {
    raw.parse().map_err(|_| not_found())
}

/// The list URL with `page` set (or removed, for page 1) and the filters
/// kept, sorted by name as Django REST Framework writes them.
fn page_url(headers: &HeaderMap, uri: &Uri, params: &Params, page: usize) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let mut pairs: Vec<(&str, String)> =
        ["location", "status"].into_iter().filter_map(|k| params.text(k).map(|v| (k, v.to_owned()))).collect();
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    pairs.sort();
    let mut url = format!("http://{host}{}", uri.path());
    if !pairs.is_empty() {
        let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        url.push('?');
        url.push_str(&query);
    }
    url
}

pub(super) async fn list(
    State(store): State<Store<VpsOrg>>,
    headers: HeaderMap,
    uri: Uri,
    params: Params,
) -> Result<Json<Page>, ApiError> {
    let status = params.get("status");
    if let Some(word) = status {
        if !Phase::ALL.iter().any(|p| p.word() == word) {
            return Err(invalid(
                "status",
                &format!("Select a valid choice. {word} is not one of the available choices."),
            ));
        }
    }
    let location = params.get("location");
    let page: usize = match params.get("page") {
        None => 1,
        Some(p) => p.parse().ok().filter(|p| *p >= 1).ok_or_else(|| detail(StatusCode::NOT_FOUND, "Invalid page."))?,
    };
    let matching: Vec<_> = store.with(|v| {
        v.servers
            .iter()
            .filter(|(_, s)| status.is_none_or(|w| s.phase().word() == w))
            .filter(|(_, s)| location.is_none_or(|l| s.location == l))
            .map(|(id, s)| view::list_item(*id, s))
            .collect()
    });
    let count = matching.len();
    let pages = count.div_ceil(PAGE_SIZE).max(1);
    if page > pages {
        return Err(detail(StatusCode::NOT_FOUND, "Invalid page."));
    }
    let results = matching.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    Ok(Json(Page {
        count,
        next: (page < pages).then(|| page_url(&headers, &uri, &params, page + 1)),
        previous: (page > 1).then(|| page_url(&headers, &uri, &params, page - 1)),
        results,
    }))
}

/// 201 with the new server, still provisioning; 402 when the credit does
/// not cover the plan.
pub(super) async fn create(
    State(store): State<Store<VpsOrg>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mut input = Input::parse(&headers, &body)?;
    let name = input.name(true);
    let plan = input.integer("plan_id", true).and_then(|id| {
        let found = catalog::plan(id);
        if found.is_none() {
            input.errors.add("plan_id", format!("Invalid pk \"{id}\" - object does not exist."));
        }
        found
    });
    let os = input.integer("os_id", true).and_then(|id| {
        let found = catalog::os(id);
        if found.is_none() {
            input.errors.add("os_id", format!("Invalid pk \"{id}\" - object does not exist."));
        }
        found
    });
    let location = input.string("location", true).and_then(|code| {
        let found = catalog::location(&code);
        if found.is_none() {
            input.errors.add("location", format!("\"{code}\" is not a valid choice."));
        }
        found
    });
    let hostname = input.hostname(false);
    // Keys are managed in the panel; any key id is taken as given.
    input.integer("ssh_key_id", false);
    let backups_enabled = input.boolean("backups_enabled", false).unwrap_or(false);
    let Input { errors, .. } = input;
    errors.check()?;
    let (Some(name), Some(plan), Some(os), Some(location)) = (name, plan, os, location) else {
        return Err(detail(StatusCode::BAD_REQUEST, "Invalid parameters."));
    };
    let order = Order { name, hostname, location, plan, os, backups_enabled };
    let reply = store.with(|v| {
        let id = v.provision(order, now())?;
        v.find(id).map(|s| view::created(id, s))
    })?;
    Ok((StatusCode::CREATED, Json(reply)).into_response())
}

pub(super) async fn show(
    State(store): State<Store<VpsOrg>>,
    Path(id): Path<String>,
) -> Result<Json<view::Details>, ApiError> {
    let id = server_id(&id)?;
    store.with(|v| v.find(id).map(|s| Json(view::details(id, s))))
}

/// PUT replaces every field, PATCH only those sent.
pub(super) async fn update(
    State(store): State<Store<VpsOrg>>,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<view::Details>, ApiError> {
    let full = method == Method::PUT;
    let id = server_id(&id)?;
    store.with(|v| v.find(id).map(drop))?;
    let mut input = Input::parse(&headers, &body)?;
    let name = input.name(full);
    let hostname = input.hostname(full);
    let backups_enabled = input.boolean("backups_enabled", full);
    let Input { errors, .. } = input;
    errors.check()?;
    store.with(|v| {
        let server = v.find_mut(id)?;
        if let Some(name) = name {
            server.name = name;
        }
        if let Some(hostname) = hostname {
            server.hostname = Some(hostname);
        }
        if let Some(backups) = backups_enabled {
            server.backups_enabled = backups;
        }
        server.updated_at = now();
        Ok(Json(view::details(id, server)))
    })
}

/// 204 with no body, whatever the server's state.
pub(super) async fn destroy(
    State(store): State<Store<VpsOrg>>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = server_id(&id)?;
    store.with(|v| v.servers.remove(&id).map(|_| StatusCode::NO_CONTENT).ok_or_else(not_found))
}

fn act(store: &Store<VpsOrg>, id: &str, action: Action) -> Result<Json<view::ActionReply>, ApiError> {
    let id = server_id(id)?;
    store.with(|v| {
        let delay = v.transition;
        let server = v.find_mut(id)?;
        server.act(action, delay)?;
        Ok(Json(view::action_reply(id, server, action.message())))
    })
}

pub(super) async fn start(
    State(store): State<Store<VpsOrg>>,
    Path(id): Path<String>,
) -> Result<Json<view::ActionReply>, ApiError> {
    act(&store, &id, Action::Start)
}

pub(super) async fn stop(
    State(store): State<Store<VpsOrg>>,
    Path(id): Path<String>,
) -> Result<Json<view::ActionReply>, ApiError> {
    act(&store, &id, Action::Stop)
}

pub(super) async fn reboot(
    State(store): State<Store<VpsOrg>>,
    Path(id): Path<String>,
) -> Result<Json<view::ActionReply>, ApiError> {
    act(&store, &id, Action::Reboot)
}
