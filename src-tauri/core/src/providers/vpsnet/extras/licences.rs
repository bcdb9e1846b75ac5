//! VPS.NET control-panel licences on a server: held ones from the show
//! reply (`virtual_machine_licenses`), the ones it can have from the
//! INFERRED licence list (shape unknown: wrapped or bare objects with an id
//! and a name or label; a 404 means the guessed path is wrong, and only the
//! held ones are shown), changed with the server's `PUT` and the doc's
//! `licenses: {"<id>": 1|0}` beside the current `slices_required`.

use async_trait::async_trait;
use serde_json::{json, Map, Value};

use super::super::{paths, server_id, Scope, Vpsnet};
use super::wire::unwrapped;
use crate::error::{Error, ErrorKind, Result};
use crate::providers::vpsnet::ext::licences::{self, Licences, ServerLicence, ServerLicenceKind, ServerLicences};
use crate::providers::vpsnet::ext::server_resources::ResourceEdits;
use crate::http::Request;
use crate::providers::common::{display_value, ProviderApi};

fn text(v: Option<&Value>) -> Option<String> {
    Some(display_value(v?).trim().to_string()).filter(|s| !s.is_empty() && s != "null")
}

/// The kind an entry states, if it states one: a `control_panel` or
/// `add_on` flag, or a type, kind or category naming it.
fn stated_kind(entry: &Value) -> Option<ServerLicenceKind> {
    let on = |k: &str| {
        matches!(entry.get(k), Some(Value::Bool(true))) || entry.get(k).is_some_and(|v| display_value(v) == "1")
    };
    if on("add_on") || on("addon") {
        return Some(ServerLicenceKind::AddOn);
    }
    if on("control_panel") {
        return Some(ServerLicenceKind::ControlPanel);
    }
    let said = ["license_type", "type", "kind", "category"]
        .iter()
        .find_map(|k| text(entry.get(*k)))?
        .to_ascii_lowercase()
        .replace(['_', '-'], " ");
    if said.contains("add on") || said.contains("addon") {
        Some(ServerLicenceKind::AddOn)
    } else if said.contains("panel") {
        Some(ServerLicenceKind::ControlPanel)
    } else {
        None
    }
}

/// An entry's licence id, name and stated kind; `ids` are the keys its id
/// may be under (the held entries' own `id` is their record, not the licence).
fn entry(item: Value, ids: &[&str]) -> Option<(String, Option<String>, Option<ServerLicenceKind>)> {
    let e = unwrapped(item);
    let nested = e.get("license").or_else(|| e.get("licence")).filter(|l| l.is_object()).cloned().map(unwrapped);
    let id = ids
        .iter()
        .find_map(|k| text(e.get(*k)))
        .or_else(|| nested.as_ref().and_then(|n| text(n.get("id"))))
        .filter(|id| id.chars().all(|c| c.is_ascii_digit()))?;
    let name_of = |v: &Value| ["name", "label", "license_name", "title"].iter().find_map(|k| text(v.get(*k)));
    let name = name_of(&e).or_else(|| nested.as_ref().and_then(name_of));
    let kind = stated_kind(&e).or_else(|| nested.as_ref().and_then(stated_kind));
    Some((id, name, kind))
}

fn list_of(body: Value) -> Vec<Value> {
    match body {
        Value::Array(list) => list,
        Value::Object(o) => o.into_iter().find_map(|(_, v)| v.as_array().cloned()).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The held licences (from the show reply) and the offered ones (the list's
/// body, `None` when the list is unknown), merged: held first, each named
/// by the list, then by itself, then by the ids VPS.NET's PHP client knows.
pub fn merge(vm: &Map<String, Value>, offered: Option<Value>) -> ServerLicences {
    let offered_known = offered.is_some();
    let offered: Vec<_> =
        offered.map(list_of).unwrap_or_default().into_iter().filter_map(|i| entry(i, &["id", "license_id"])).collect();
    let held: Vec<_> = vm
        .get("virtual_machine_licenses")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| entry(i, &["license_id", "licence_id"]))
        .collect();
    let build = |(id, name, kind): &(String, Option<String>, Option<ServerLicenceKind>), held: bool| {
        let listed = offered.iter().find(|o| o.0 == *id);
        let known = licences::known(id);
        ServerLicence {
            name: listed
                .and_then(|l| l.1.clone())
                .or_else(|| name.clone())
                .or_else(|| known.map(|k| k.0.to_string()))
                .unwrap_or_else(|| format!("licence {id}")),
            kind: listed.and_then(|l| l.2).or(*kind).or_else(|| known.map(|k| k.1)).unwrap_or(ServerLicenceKind::Other),
            id: id.clone(),
            held,
        }
    };
    let mut all: Vec<ServerLicence> = Vec::new();
    for h in &held {
        if !all.iter().any(|l| l.id == h.0) {
            all.push(build(h, true));
        }
    }
    for o in &offered {
        if !all.iter().any(|l| l.id == o.0) {
            all.push(build(o, false));
        }
    }
    ServerLicences { licences: all, offered_known }
}

/// The doc's licence edit: the node count (required on every edit) and each
/// licence with 1 to buy or 0 to cancel.
pub fn licences_body(nodes: u32, changes: &[(String, bool)]) -> Value {
    let licenses: Map<String, Value> = changes.iter().map(|(id, buy)| (id.clone(), json!(u8::from(*buy)))).collect();
    json!({ "virtual_machine": { "slices_required": nodes, "licenses": licenses } })
}

#[async_trait]
impl Licences for Vpsnet {
    async fn licences(&self, server: &str) -> Result<ServerLicences> {
        let server = server_id(server)?;
        let vm = self.show(&server).await?.virtual_machine;
        // The server exists (its show reply came), so a 404 is the guessed path.
        let missing = || Error::not_found(String::new());
        let offered = match self.on_template(Request::get(paths::server_licences(&server)), missing).await {
            Ok(resp) => Some(
                serde_json::from_slice::<Value>(&resp.body)
                    .map_err(|e| Error::provider(format!("VPS.NET sent a licence list vpsdesk cannot read ({e})")))?,
            ),
            Err(e) if e.kind == ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        Ok(merge(&vm, offered))
    }

    async fn set_licences(&self, server: &str, changes: &[(String, bool)]) -> Result<()> {
        let server = server_id(server)?;
        // Restated as the resources edit reads it: a wrong count would resize the server.
        let nodes = ResourceEdits::resources(self, &server).await?.nodes;
        if nodes == 0 {
            return Err(Error::provider(format!(
                "VPS.NET did not say how many nodes cloud server {server} has, and a licence change must restate it; change the licence in the VPS.NET control panel"
            )));
        }
        // Not retried: a repeat could bill a licence twice.
        let body = licences_body(nodes, changes);
        self.call(Request::put(paths::virtual_machine(&server)).json(body), Scope::Server(&server)).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vm(licences: Value) -> Map<String, Value> {
        json!({ "label": "web", "virtual_machine_licenses": licences }).as_object().unwrap().clone()
    }

    #[test]
    fn the_docs_licence_edit_is_what_a_swap_would_send() {
        let mut doc: Value =
            serde_json::from_str(include_str!("../../../../tests/fixtures/vpsnet/virtual_machine_edit_licenses.json"))
                .unwrap();
        // The doc's example also changes the label and backups; a licence change sends only these two.
        let vm = doc["virtual_machine"].as_object_mut().unwrap();
        vm.remove("label");
        vm.remove("backups_enabled");
        assert_eq!(licences_body(3, &[("2".into(), true), ("1".into(), false)]), doc);
    }

    #[test]
    fn held_licences_are_named_by_the_list_then_by_the_known_ids() {
        let held = json!([{ "virtual_machine_license": { "id": 90, "license_id": 1, "virtual_machine_id": 1384 } }, { "license_id": "7" }]);
        let list = json!([
            { "license": { "id": 6, "name": "ISPmanager Lite", "license_type": "Control Panel" } },
            { "id": "3", "label": "Softaculous", "type": "control_panel_addon" },
            { "name": "no id" }
        ]);
        let all = merge(&vm(held.clone()), Some(list));
        let seen: Vec<_> = all.licences.iter().map(|l| (l.id.as_str(), l.name.as_str(), l.kind, l.held)).collect();
        assert_eq!(
            seen,
            [
                ("1", "cPanel", ServerLicenceKind::ControlPanel, true),
                ("7", "licence 7", ServerLicenceKind::Other, true),
                ("6", "ISPmanager Lite", ServerLicenceKind::ControlPanel, false),
                ("3", "Softaculous", ServerLicenceKind::AddOn, false),
            ]
        );
        assert!(all.offered_known);
        let unknown = merge(&vm(held), None);
        assert_eq!((unknown.licences.len(), unknown.offered_known), (2, false));
        let inside =
            merge(&vm(json!([])), Some(json!({ "licenses": [{ "id": 2, "name": "Plesk", "control_panel": true }] })));
        assert_eq!(inside.licences[0].kind, ServerLicenceKind::ControlPanel);
        assert!(merge(&vm(json!(null)), Some(json!("none"))).licences.is_empty());
    }

    /// A stand-in for VPS.NET that does not know the guessed list path:
    /// answers one request per connection and keeps what was asked.
    async fn without_the_list() -> (String, std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = seen.clone();
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let request = loop {
                    let n = sock.read(&mut chunk).await.unwrap_or(0);
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).to_string();
                    let Some((head, body)) = text.split_once("\r\n\r\n") else { continue };
                    let length = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if body.len() >= length || n == 0 {
                        break (head.split_whitespace().take(2).collect::<Vec<_>>().join(" "), body.to_string());
                    }
                };
                let (status, reply) = match request.0.as_str() {
                    "GET /virtual_machines/1384.api10json" => (
                        "200 OK",
                        json!({ "virtual_machine": { "label": "web", "slices_count": 2,
                        "virtual_machine_licenses": [{ "virtual_machine_license": { "id": 31, "license_id": 1 } }] } })
                        .to_string(),
                    ),
                    r if r.starts_with("GET /nodes.api10json") => ("200 OK", "[]".to_string()),
                    "PUT /virtual_machines/1384.api10json" => ("200 OK", "{}".to_string()),
                    _ => ("404 Not Found", "{}".to_string()),
                };
                log.lock().unwrap().push(request);
                let answer = format!("HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}", reply.len());
                let _ = sock.write_all(answer.as_bytes()).await;
            }
        });
        (origin, seen)
    }

    #[tokio::test]
    async fn without_the_list_only_held_licences_are_known_and_a_change_restates_the_nodes() {
        use crate::http::Http;
        use crate::secret::Secret;
        let (origin, seen) = without_the_list().await;
        let c = Vpsnet::new(Http::default(), &origin, "dave@vps.net".into(), Secret::new("k")).unwrap();
        let got = c.licences("1384").await.unwrap();
        assert!(!got.offered_known);
        assert_eq!(
            got.licences,
            [ServerLicence {
                id: "1".into(),
                name: "cPanel".into(),
                kind: ServerLicenceKind::ControlPanel,
                held: true
            }]
        );
        c.set_licences("1384", &[("1".into(), false)]).await.unwrap();
        let put = seen.lock().unwrap().iter().find(|(r, _)| r.starts_with("PUT")).cloned().unwrap();
        let body: Value = serde_json::from_str(&put.1).unwrap();
        assert_eq!(body, json!({ "virtual_machine": { "slices_required": 2, "licenses": { "1": 0 } } }));
        assert!(
            c.licences("1385").await.unwrap_err().message.contains("no cloud server 1385"),
            "a missing server is not a missing list"
        );
    }
}
