//! VPS.NET nodes: regular ones (`slice`, with the daily flag) and the RAM,
//! storage, fusion and bandwidth kinds, each listed by `type`; buying with
//! `upgrade_option`; removal by kind.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::{json, Value};

use super::super::{number, paths, Scope, Vpsnet};
use super::unreadable;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::nodes::{Node, NodeKind, Nodes};
use crate::http::Request;
use crate::providers::common::string_or_number;
use crate::providers::common::{opt_string_or_number, ProviderApi};

#[derive(Debug, Deserialize)]
pub struct NodeWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub virtual_machine_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub consumer_id: Option<String>,
    pub free_node: Option<bool>,
    pub discount_node: Option<bool>,
    pub daily_node: Option<bool>,
}

/// The wrapper key and `type` query of each listed kind.
const LISTED: [(&str, &str, NodeKind); 5] = [
    ("slice", "vps", NodeKind::Regular),
    ("ram_node", "ram", NodeKind::Ram),
    ("storage_node", "storage", NodeKind::Storage),
    ("fusion_node", "fusion", NodeKind::Fusion),
    ("bandwidth_node", "bandwidth", NodeKind::Bandwidth),
];

fn present(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.trim().is_empty() && s != "0")
}

pub fn node(kind: NodeKind, w: NodeWire) -> Node {
    let kind = if kind == NodeKind::Regular && w.daily_node == Some(true) { NodeKind::Daily } else { kind };
    Node {
        id: w.id,
        kind,
        server_id: present(w.virtual_machine_id),
        consumer_id: present(w.consumer_id),
        free: w.free_node.unwrap_or(false),
        discount: w.discount_node.unwrap_or(false),
    }
}

pub fn nodes_of(key: &str, kind: NodeKind, list: Vec<Value>) -> Result<Vec<Node>> {
    list.into_iter()
        .filter_map(|item| item.get(key).cloned())
        .map(|inner| serde_json::from_value(inner).map(|w| node(kind, w)).map_err(unreadable("a node")))
        .collect()
}

/// The doc's flat body: `{"quantity": 2, "upgrade_option": "storage"}`,
/// no option for regular nodes.
pub fn purchase(kind: NodeKind, quantity: u32) -> Result<Value> {
    let option = match kind {
        NodeKind::Regular => None,
        NodeKind::Daily => Some("daily"),
        NodeKind::Ram => Some("ram"),
        NodeKind::Storage => Some("storage"),
        NodeKind::Bandwidth => Some("bandwidth"),
        NodeKind::Fusion => return Err(Error::field("kind", "VPS.NET sells no fusion nodes through its API")),
    };
    let mut body = json!({ "quantity": quantity });
    if let Some(option) = option {
        body["upgrade_option"] = json!(option);
    }
    Ok(body)
}

/// The doc's flat body, `{"consumer_id": 99}`; 0 clears it.
pub fn consumer_body(consumer_id: Option<&str>) -> Result<Value> {
    let id = consumer_id.map(|c| number("consumer_id", "consumer", c)).transpose()?.unwrap_or(0);
    Ok(json!({ "consumer_id": id }))
}

#[async_trait]
impl Nodes for Vpsnet {

    async fn list_nodes(&self, consumer_id: Option<&str>) -> Result<Vec<Node>> {
        let mut all = Vec::new();
        for (key, kind_query, kind) in LISTED {
            let mut request = Request::get(paths::NODES).query("type", kind_query);
            if let Some(consumer) = consumer_id {
                request = request.query("consumer_id", consumer);
            }
            let list: Vec<Value> = self.read(request, Scope::Account).await?;
            all.extend(nodes_of(key, kind, list)?);
        }
        // The doc's filter, checked by the same rule: an answer that
        // ignored it must not show other consumers' nodes as this one's.
        all.retain(|n| consumer_id.is_none_or(|c| n.consumer_id.as_deref() == Some(c)));
        Ok(all)
    }

    async fn add_nodes(&self, kind: NodeKind, quantity: u32) -> Result<()> {
        // Not retried: a repeat would buy the nodes twice.
        self.call(Request::post(paths::NODES).json(purchase(kind, quantity)?), Scope::Account).await.map(|_| ())
    }

    async fn delete_node(&self, kind: NodeKind, id: &str) -> Result<()> {
        let id = number("id", "node", id)?.to_string();
        self.call(Request::delete(paths::node(kind, &id)), Scope::Action(&id)).await.map(|_| ())
    }

    async fn set_node_consumer(&self, kind: NodeKind, id: &str, consumer_id: Option<&str>) -> Result<()> {
        let id = number("id", "node", id)?.to_string();
        let body = consumer_body(consumer_id)?;
        self.call(Request::put(paths::node_update(kind, &id)).json(body), Scope::Action(&id)).await.map(|_| ())
    }
}
