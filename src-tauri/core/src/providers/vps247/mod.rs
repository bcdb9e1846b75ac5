//! VPS247 (`https://api.vps247.com`): the key in an `X-Api-Key` header, JSON
//! bodies, REST paths under `/virtual_machines`, and a 406 for a power
//! action the VM's state does not allow. Deleting works only on a halted VM.

mod billing;
pub mod capabilities;
mod extras;
mod map;
#[cfg(test)]
mod tests;
pub mod wire;

use serde::Deserialize;
use std::sync::Arc;

use async_trait::async_trait;
use reqwest::header::{HeaderName, ACCEPT};
use serde_json::json;

use crate::capabilities::tickets::TicketForm;
use crate::accounts::Account;
use crate::error::{Error, Result};
use crate::http::{ApiClient, Auth, Http, Request, Response};
use crate::model::{CreateServer, Image, Plan, PowerAction, Region, Server};
use crate::provider::Compute;
use crate::providers::common::{body_excerpt, decode, display_value, generic_status_error, ProviderApi};
use crate::providers::{ProviderDescriptor, ProviderKind, Sizing};
use crate::secret::Secret;

const NAME: &str = "VPS247";

pub const DESCRIPTOR: ProviderDescriptor = ProviderDescriptor {
    kind: ProviderKind::Vps247,
    label: "VPS247",
    api_version: "unversioned",
    username_label: None,
    secret_label: "API key",
    default_endpoint: "https://api.vps247.com",
    regions: Vec::new,
    regional_endpoint: None,
    sizing: Sizing::Plans,
    // Its times carry "Z".
    time_zone: chrono_tz::UTC,
    panel_url: "https://www.vps247.com/",
    support_url: "https://www.vps247.com/",
    dns_note: Some("VPS247's API has no DNS calls. Manage DNS in the VPS247 control panel: https://www.vps247.com/"),
    ticket_form: TicketForm::default,
    capabilities: capabilities::capabilities,
    connect,
};

fn connect(_: &Account, origin: &str, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    Ok(Arc::new(Vps247::new(http.clone(), origin, secret)?))
}

pub struct Vps247 {
    api: ApiClient,
}

/// What a request was about, so a status code can be explained in its terms.
#[derive(Clone, Copy)]
pub(crate) enum Call<'a> {
    Read,
    Server(&'a str),
    Power(&'a str, PowerAction),
    Create,
    Delete(&'a str),
    Region(&'a str),
}

impl Vps247 {
    pub fn new(http: Http, origin: &str, key: Secret) -> Result<Self> {
        let auth = Auth::Header { name: HeaderName::from_static("x-api-key"), secret: key };
        let api = ApiClient::new(http, origin, auth)?.with_header(ACCEPT, "application/json");
        Ok(Vps247 { api })
    }

    async fn vm(&self, id: &str) -> Result<Server> {
        let resp = self.call(Request::get(format!("/virtual_machines/{id}")), Call::Server(id)).await?;
        let v: serde_json::Value = decode(NAME, &resp)?;
        let wire = wire::VmWire::deserialize(&v)
            .map_err(|e| Error::provider(format!("VPS247 server {id} unreadable: {e}")))?;
        Ok(map::server(wire, &v))
    }

    /// One region by id: what it offers, where VPS247 says.
    async fn region(&self, region: &str) -> Result<wire::RegionWire> {
        let id = numeric("region", "region", region)?.to_string();
        let resp = self.call(Request::get(format!("/regions/{id}")), Call::Region(&id)).await?;
        let v: serde_json::Value = decode(NAME, &resp)?;
        serde_json::from_value(v).map_err(|e| Error::provider(format!("VPS247 region {id} unreadable: {e}")))
    }

    async fn list<T: serde::de::DeserializeOwned>(&self, path: &str, what: &str) -> Result<Vec<T>> {
        let v: serde_json::Value = decode(NAME, &self.call(Request::get(path), Call::Read).await?)?;
        serde_json::from_value(v).map_err(|e| Error::provider(format!("VPS247 {what} unreadable: {e}")))
    }
}

impl ProviderApi for Vps247 {
    type Call<'a> = Call<'a>;

    const NAME: &'static str = NAME;

    fn api(&self) -> &ApiClient {
        &self.api
    }

    fn refusal(&self, resp: &Response, call: Self::Call<'_>) -> Error {
        let said = self.api.redact(&error_text(resp));
        let with_said = |prefix: String| if said.is_empty() { prefix } else { format!("{prefix}: {said}") };
        match (resp.status, call) {
            (401 | 403, _) => Error::auth(format!(
                "VPS247 rejected the API key (HTTP {}). Check the key in the API section of the VPS247 control panel",
                resp.status
            )),
            (404, Call::Server(id) | Call::Power(id, _) | Call::Delete(id)) => Error::not_found(format!(
                "VPS247 has no server {id} on this account; list the servers to see their ids"
            )),
            (404, Call::Region(id)) => {
                Error::field("region", format!("VPS247 has no region {id}; pick one from the regions list"))
            }
            (404, _) => Error::provider("VPS247 does not know this API path (HTTP 404); check the account's endpoint"),
            (406, Call::Power(id, action)) => Error::invalid_state(format!(
                "{}. A pending server is still being set up and a starting or halting one is between states: \
                 wait until it is running or halted, then try again",
                with_said(format!("VPS247 cannot {} server {id} in its current state (HTTP 406)", verb(action)))
            )),
            // The doc's only 400 on delete: "the user attempts to delete a running VM".
            (400, Call::Delete(id)) => Error::invalid_state(format!(
                "VPS247 deletes only halted servers: stop it first (vpsctl servers stop ACCOUNT {id})"
            )),
            (400, Call::Create) => Error::validation(with_said("VPS247 refused the new server (HTTP 400)".to_string())),
            _ => generic_status_error(NAME, resp)
                .unwrap_or_else(|| Error::provider(with_said(format!("VPS247 answered HTTP {}", resp.status)))),
        }
    }
}

fn verb(action: PowerAction) -> &'static str {
    match action {
        PowerAction::Start => "start",
        PowerAction::Stop => "shut down",
        PowerAction::ForceStop => "force off",
        PowerAction::Reboot => "restart",
    }
}

/// The provider's words: `{"error": …}` (or `message`/`errors`) when the body
/// is JSON, otherwise its first line.
fn error_text(resp: &Response) -> String {
    let v: serde_json::Value = match serde_json::from_slice(&resp.body) {
        Ok(v) => v,
        Err(_) => return body_excerpt(resp),
    };
    let field = ["error", "message", "errors"].iter().find_map(|k| v.get(*k));
    match field {
        Some(serde_json::Value::Array(items)) => items.iter().map(display_value).collect::<Vec<_>>().join("; "),
        Some(serde_json::Value::Object(map)) => {
            map.iter().map(|(k, v)| format!("{k} {}", display_value(v))).collect::<Vec<_>>().join("; ")
        }
        Some(other) => display_value(other),
        None => body_excerpt(resp),
    }
}

/// VPS247 ids (VMs, packages, regions, OS templates) are integers; say so
/// before sending anything.
fn numeric(field: &str, what: &str, v: &str) -> Result<u64> {
    let t = v.trim();
    t.parse::<u64>()
        .ok()
        .filter(|_| t.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::field(field, format!("VPS247 {what} ids are numbers, got {v:?}")))
}

fn server_id(id: &str) -> Result<u64> {
    numeric("id", "server", id)
}

fn required(field: &str, v: &Option<String>, what: &str) -> Result<u64> {
    let v =
        v.as_deref().filter(|s| !s.trim().is_empty()).ok_or_else(|| Error::field(field, format!("choose a {what}")))?;
    numeric(field, what, v)
}

/// Whether a region's list (absent: no restriction) holds an id.
fn offers(offered: &Option<Vec<String>>, id: &str) -> bool {
    offered.as_ref().is_none_or(|ids| ids.iter().any(|o| o == id))
}

/// The doc's JSON schema for `POST /virtual_machines`.
fn create_body(req: &CreateServer) -> Result<serde_json::Value> {
    let region = required("region", &req.region, "region")?;
    let package = required("plan", &req.plan, "package")?;
    let template = required("image", &req.image, "OS template")?;
    // The schema lists both flags without "#Optional": always sent, true
    // only when asked for.
    let mut body = json!({
        "name": req.name,
        "os_template_id": template,
        "region_id": region,
        "package_id": package,
        "has_private_networking": req.private_network,
        "has_ipv6": req.ipv6,
    });
    // `ssh_key_ids` is the schema's one optional field: integer key ids.
    if !req.ssh_keys.is_empty() {
        let keys = req.ssh_keys.iter().map(|k| numeric("ssh_keys", "SSH key", k)).collect::<Result<Vec<_>>>()?;
        body["ssh_key_ids"] = json!(keys);
    }
    Ok(body)
}

#[async_trait]
impl Compute for Vps247 {
    crate::provider::implements!(billing, network);

    async fn verify(&self) -> Result<()> {
        // The only documented read; every call needs the key.
        self.list::<serde_json::Value>("/virtual_machines", "server list").await.map(|_| ())
    }

    async fn list_servers(&self) -> Result<Vec<Server>> {
        let raw: Vec<serde_json::Value> = self.list("/virtual_machines", "server list").await?;
        raw.into_iter()
            .map(|v| {
                let wire = wire::VmWire::deserialize(&v)
                    .map_err(|e| Error::provider(format!("VPS247 server list unreadable: {e}")))?;
                Ok(map::server(wire, &v))
            })
            .collect()
    }

    async fn list_rows(&self) -> Result<Vec<Server>> {
        let vms: Vec<wire::VmWire> = self.list("/virtual_machines", "server list").await?;
        Ok(vms.into_iter().map(map::row).collect())
    }

    async fn get_server(&self, id: &str) -> Result<Server> {
        self.vm(&server_id(id)?.to_string()).await
    }

    async fn power(&self, id: &str, action: PowerAction) -> Result<()> {
        let id = server_id(id)?.to_string();
        // `kill` is the doc's hard power-off; there is no other forced stop.
        let op = match action {
            PowerAction::Start => "start",
            PowerAction::Stop => "stop",
            PowerAction::ForceStop => "kill",
            PowerAction::Reboot => "restart",
        };
        let req = Request::post(format!("/virtual_machines/{id}/{op}"));
        self.call(req, Call::Power(&id, action)).await.map(|_| ())
    }

    async fn create_server(&self, req: &CreateServer) -> Result<Server> {
        let body = create_body(req)?;
        // Not retried: a repeated create would buy a second server.
        let resp = self.call(Request::post("/virtual_machines").json(body), Call::Create).await?;
        // The doc promises only "201 Created": the server is read back by id.
        let created: wire::CreatedWire = decode(NAME, &resp)?;
        self.get_server(&created.id).await
    }

    async fn rename_server(&self, _id: &str, _name: &str) -> Result<()> {
        Err(Error::unsupported("VPS247 cannot rename servers: its API has no call for it"))
    }

    async fn delete_server(&self, id: &str) -> Result<()> {
        let id = server_id(id)?.to_string();
        self.call(Request::delete(format!("/virtual_machines/{id}")), Call::Delete(&id)).await.map(|_| ())
    }

    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>> {
        let offered = match region {
            Some(r) => self.region(r).await?.package_ids,
            None => None,
        };
        let packages: Vec<wire::PackageWire> = self.list("/packages", "package list").await?;
        Ok(packages.into_iter().filter(|p| offers(&offered, &p.id)).map(map::plan).collect())
    }

    async fn images(&self, region: Option<&str>) -> Result<Vec<Image>> {
        let offered = match region {
            Some(r) => self.region(r).await?.os_template_ids,
            None => None,
        };
        let templates: Vec<wire::OsTemplateWire> = self.list("/os_templates", "OS template list").await?;
        Ok(templates.into_iter().filter(|t| offers(&offered, &t.id)).map(map::image).collect())
    }

    async fn regions(&self) -> Result<Vec<Region>> {
        let regions: Vec<wire::RegionWire> = self.list("/regions", "region list").await?;
        Ok(regions.into_iter().map(map::region).collect())
    }

}
