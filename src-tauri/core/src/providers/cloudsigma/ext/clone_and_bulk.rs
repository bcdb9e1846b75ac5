//! Servers handled together: a copy of a server, and start, stop or destroy
//! of several servers in one request.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::Server;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum BulkAction {
    Start,
    /// Pulls the plug on each.
    Stop,
    Destroy,
}

#[async_trait]
pub trait CloneAndBulk: Send + Sync {
    /// Copies the server (and its drives) under a new name.
    async fn clone_server(&self, id: &str, name: &str) -> Result<Server>;
    async fn start_servers(&self, ids: &[String]) -> Result<()>;
    /// Pulls the plug on each.
    async fn stop_servers(&self, ids: &[String]) -> Result<()>;
    async fn destroy_servers(&self, ids: &[String]) -> Result<()>;
}

/// The servers of a bulk request: at least one, each once, in the order given.
pub fn server_ids(ids: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = crate::validate::object_id("servers", id)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.is_empty() {
        return Err(Error::field("servers", "choose at least one server"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_ids_are_deduplicated_and_required() {
        let ids = vec![" a ".to_string(), "b".into(), "a".into()];
        assert_eq!(server_ids(&ids).unwrap(), ["a", "b"]);
        assert_eq!(server_ids(&[]).unwrap_err().fields[0].field, "servers");
        assert!(server_ids(&["a/b".into()]).is_err());
    }
}
