//! Nodes beyond the regular ones `catalog` lists: RAM, storage, fusion and
//! bandwidth nodes (listed by `type`), buying nodes and removing unassigned
//! ones (`vpsnet-endpoints.md` section 2).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::delete;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::state::VpsNet;
use super::{catalog, not_found, resource, unprocessable};
use crate::common::{Params, Store};

/// The ids `catalog` gives free regular nodes: 9000 + n.
const FREE_BASE: u64 = 9_000;

pub(super) struct ExtraNode {
    pub id: u64,
    /// "ram", "storage", "fusion" or "bandwidth".
    pub kind: &'static str,
    pub vm: Option<u64>,
    pub consumer: u64,
}

pub(super) struct NodeBook {
    pub extra: Vec<ExtraNode>,
    /// Consumer ids set on regular nodes (which `catalog` derives from the servers).
    pub regular_consumers: std::collections::BTreeMap<u64, u64>,
    pub next_id: u64,
}

/// A storage node on the doc's first server, and a free RAM node.
pub(super) fn seed() -> NodeBook {
    NodeBook {
        extra: vec![
            ExtraNode { id: 7_001, kind: "storage", vm: Some(1384), consumer: 0 },
            ExtraNode { id: 7_002, kind: "ram", vm: None, consumer: 0 },
        ],
        regular_consumers: Default::default(),
        next_id: 7_100,
    }
}

/// Gives server `vm` exactly `want` nodes of `kind`: free ones of the kind
/// first, then new ones (bought); extra ones are freed. Says whether it
/// added any.
pub(super) fn assign(book: &mut NodeBook, vm: u64, kind: &'static str, want: u32) -> bool {
    let want = want as usize;
    let has = book.extra.iter().filter(|n| n.kind == kind && n.vm == Some(vm)).count();
    if has > want {
        let mut extra = has - want;
        for n in book.extra.iter_mut().filter(|n| n.kind == kind && n.vm == Some(vm)) {
            if extra == 0 {
                break;
            }
            n.vm = None;
            extra -= 1;
        }
        return false;
    }
    let mut missing = want - has;
    for n in book.extra.iter_mut().filter(|n| n.kind == kind && n.vm.is_none()) {
        if missing == 0 {
            break;
        }
        n.vm = Some(vm);
        missing -= 1;
    }
    for _ in 0..missing {
        book.next_id += 1;
        book.extra.push(ExtraNode { id: book.next_id, kind, vm: Some(vm), consumer: 0 });
    }
    want > has
}

const KINDS: [&str; 4] = ["ram", "storage", "fusion", "bandwidth"];

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/nodes/{file}", delete(remove_regular).put(update_regular))
        .route("/nodes/{id}/{file}", delete(remove_typed).put(update_typed))
}

/// `GET nodes.api10json`: regular nodes from `catalog`, the other kinds
/// wrapped in `{"<kind>_node": {...}}` when `type` asks for them; both
/// narrowed by `consumer_id`.
pub(super) async fn list(State(store): State<Store<VpsNet>>, params: Params) -> Response {
    let Some(kind) = params.get("type").filter(|t| *t != "vps").map(str::to_owned) else {
        return catalog::nodes(State(store), params).await.into_response();
    };
    if !KINDS.contains(&kind.as_str()) {
        return Json(Vec::<Value>::new()).into_response();
    }
    let consumer: Option<u64> = params.get("consumer_id").and_then(|c| c.parse().ok());
    store.with(|v| {
        let all: Vec<Value> = v
            .nodes
            .extra
            .iter()
            .filter(|n| n.kind == kind && consumer.is_none_or(|c| n.consumer == c))
            .map(|n| json!({ format!("{}_node", n.kind): { "id": n.id, "virtual_machine_id": n.vm, "consumer_id": n.consumer } }))
            .collect();
        Json(all).into_response()
    })
}

/// `POST nodes.api10json` flat `{quantity, upgrade_option?}`: regular and
/// daily nodes join the free regular ones; the others are listed by kind.
pub(super) async fn add(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    let form = serde_json::from_slice::<Value>(&body).unwrap_or_default();
    let quantity = form
        .get("quantity")
        .and_then(|q| q.as_u64().or_else(|| q.as_str()?.parse().ok()))
        .filter(|q| (1..=10).contains(q));
    let Some(quantity) = quantity else {
        return unprocessable(&[("quantity", "must be from 1 to 10".to_owned())]);
    };
    let option = form.get("upgrade_option").and_then(Value::as_str);
    let kind = match option {
        None | Some("daily") => None,
        Some(o) => match KINDS.iter().find(|k| **k == o && **k != "fusion") {
            Some(k) => Some(*k),
            None => return unprocessable(&[("upgrade_option", "is not ram, storage, daily or bandwidth".to_owned())]),
        },
    };
    store.with(|v| {
        match kind {
            None => v.free_nodes += u32::try_from(quantity).unwrap_or(0),
            Some(kind) => {
                for _ in 0..quantity {
                    v.nodes.next_id += 1;
                    let id = v.nodes.next_id;
                    v.nodes.extra.push(ExtraNode { id, kind, vm: None, consumer: 0 });
                }
            }
        }
        ().into_response()
    })
}

async fn remove_regular(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    let Some(Ok(id)) = resource(&file).map(str::parse::<u64>) else {
        return not_found("Node");
    };
    store.with(|v| {
        let free = u64::from(v.free_nodes);
        if (FREE_BASE..FREE_BASE + free).contains(&id) {
            v.free_nodes -= 1;
            ().into_response()
        } else if id >= 10_000 {
            unprocessable(&[("base", "Node is assigned to a cloud server".to_owned())])
        } else {
            not_found("Node")
        }
    })
}

/// `DELETE nodes/{id}/remove_<kind>_node.api10json`.
async fn remove_typed(State(store): State<Store<VpsNet>>, Path((id, file)): Path<(String, String)>) -> Response {
    let kind = resource(&file).and_then(|f| f.strip_prefix("remove_")).and_then(|f| f.strip_suffix("_node"));
    let (Ok(id), Some(kind)) = (id.parse::<u64>(), kind) else {
        return not_found("Action");
    };
    store.with(|v| match v.nodes.extra.iter().position(|n| n.id == id && n.kind == kind) {
        Some(i) if v.nodes.extra[i].vm.is_some() => {
            unprocessable(&[("base", "Node is assigned to a cloud server".to_owned())])
        }
        Some(i) => {
            v.nodes.extra.remove(i);
            ().into_response()
        }
        None => not_found("Node"),
    })
}

/// The doc's flat `{"consumer_id": 99}`.
fn consumer_of(body: &Bytes) -> Option<u64> {
    let form = serde_json::from_slice::<Value>(body).ok()?;
    let c = form.get("consumer_id")?;
    c.as_u64().or_else(|| c.as_str()?.trim().parse().ok())
}

/// `PUT nodes/{id}.api10json`: a regular node's consumer id.
async fn update_regular(State(store): State<Store<VpsNet>>, Path(file): Path<String>, body: Bytes) -> Response {
    let Some(Ok(id)) = resource(&file).map(str::parse::<u64>) else {
        return not_found("Node");
    };
    let Some(consumer) = consumer_of(&body) else {
        return unprocessable(&[("consumer_id", "must be a number".to_owned())]);
    };
    store.with(|v| {
        let free = (FREE_BASE..FREE_BASE + u64::from(v.free_nodes)).contains(&id);
        let assigned = id >= 10_000 && v.servers.contains_key(&((id - 10_000) / 100));
        if !free && !assigned {
            return not_found("Node");
        }
        v.nodes.regular_consumers.insert(id, consumer);
        ().into_response()
    })
}

/// `PUT nodes/{id}/update_<kind>_node.api10json`.
async fn update_typed(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let kind = resource(&file).and_then(|f| f.strip_prefix("update_")).and_then(|f| f.strip_suffix("_node"));
    let (Ok(id), Some(kind)) = (id.parse::<u64>(), kind) else {
        return not_found("Action");
    };
    let Some(consumer) = consumer_of(&body) else {
        return unprocessable(&[("consumer_id", "must be a number".to_owned())]);
    };
    store.with(|v| match v.nodes.extra.iter_mut().find(|n| n.id == id && n.kind == kind) {
        Some(n) => {
            n.consumer = consumer;
            ().into_response()
        }
        None => not_found("Node"),
    })
}
