//! VPS.NET cloud groups (INFERRED `GET cloud_groups.api10json`, response
//! shape unknown): a list of `{"cloud_group": {...}}` or bare objects, or
//! one inside an object, each with an id and a `label` or `name`.

use async_trait::async_trait;
use serde_json::Value;

use super::super::{paths, Vpsnet};
use super::wire::unwrapped;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::cloud_groups::{CloudGroup, CloudGroups};
use crate::http::Request;
use crate::providers::common::display_value;

fn text(v: &Value) -> Option<String> {
    Some(display_value(v).trim().to_string()).filter(|s| !s.is_empty() && s != "null")
}

/// The groups in whatever shape they come; items without an id are skipped.
pub fn groups(body: Value) -> Vec<CloudGroup> {
    let list = match body {
        Value::Array(list) => list,
        Value::Object(o) => o.into_iter().find_map(|(_, v)| v.as_array().cloned()).unwrap_or_default(),
        _ => Vec::new(),
    };
    list.into_iter()
        .map(unwrapped)
        .filter_map(|g| {
            let id = g.get("id").and_then(text)?;
            let name = ["label", "name"]
                .iter()
                .find_map(|k| g.get(*k).and_then(text))
                .unwrap_or_else(|| format!("group {id}"));
            let clouds = g
                .get("clouds")
                .and_then(Value::as_array)
                .map(|c| c.iter().filter_map(|c| text(unwrapped(c.clone()).get("id").unwrap_or(c))).collect())
                .unwrap_or_default();
            Some(CloudGroup { id, name, clouds })
        })
        .collect()
}

#[async_trait]
impl CloudGroups for Vpsnet {
    async fn cloud_groups(&self) -> Result<Vec<CloudGroup>> {
        let missing = || {
            Error::unsupported(
                "VPS.NET answered 404 to the cloud-group list, whose path its doc does not give (vpsdesk guesses it); see the clouds with `vpsctl catalog ACCOUNT regions`",
            )
        };
        let resp = self.on_template(Request::get(paths::CLOUD_GROUPS), missing).await?;
        let body: Value = serde_json::from_slice(&resp.body)
            .map_err(|e| Error::provider(format!("VPS.NET sent a cloud-group list vpsdesk cannot read ({e})")))?;
        Ok(groups(body))
    }
}
