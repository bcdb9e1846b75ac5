//! VPS.org API v1 (`/api/v1/...`, every path with its trailing slash):
//! `Authorization: Bearer <token>`, JSON both ways, a paginated server list,
//! graceful power actions only, and no catalog calls.

pub mod capabilities;
pub mod ext;
mod extras;
mod map;
#[cfg(test)]
mod tests;
pub mod wire;

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::Arc;

use async_trait::async_trait;
use futures::{StreamExt, TryStreamExt};
use reqwest::Method;
use serde_json::json;

use crate::capabilities::tickets::TicketForm;
use crate::accounts::Account;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{ApiClient, Auth, Http, Request, Response};
use crate::model::{CreateServer, Image, Plan, PowerAction, Region, Server, ServerFilter};
use crate::provider::Compute;
use crate::providers::common::{body_excerpt, decode, display_value, generic_status_error, ProviderApi};
use crate::providers::{ProviderDescriptor, ProviderKind, Sizing};
use crate::secret::Secret;

const NAME: &str = "VPS.org";
const SERVERS: &str = "/api/v1/servers/";
/// List pages fetched at once after the first.
const PAGE_CONCURRENCY: usize = 4;

pub const DESCRIPTOR: ProviderDescriptor = ProviderDescriptor {
    kind: ProviderKind::Vpsorg,
    label: "VPS.org",
    api_version: "v1",
    username_label: None,
    secret_label: "API token",
    default_endpoint: "https://admin.vps.org",
    regions: Vec::new,
    regional_endpoint: None,
    sizing: Sizing::Plans,
    // Its times carry "Z".
    time_zone: chrono_tz::UTC,
    panel_url: "https://admin.vps.org/",
    support_url: "https://admin.vps.org/",
    dns_note: Some("VPS.org's API has no DNS calls. Manage DNS in the VPS.org panel: https://admin.vps.org/"),
    ticket_form: TicketForm::default,
    capabilities: capabilities::capabilities,
    connect,
};

fn connect(_: &Account, origin: &str, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    Ok(Arc::new(VpsOrg::new(http.clone(), origin, secret)?))
}

/// The list's documented filters (`status`: one of the three states the doc
/// names, "aktiva, haltigita, suspendita", as the API writes them;
/// `location`: a data-centre code).
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub status: Option<&'static str>,
    pub location: Option<String>,
}

impl ListFilter {
    /// What of `filter` the API can do: the documented states, asked in
    /// vpsdesk's words, the doc's Esperanto or the API's English; any other
    /// status is left to the caller's check.
    pub fn from(filter: &ServerFilter) -> ListFilter {
        let status = filter.status.as_deref().map(|s| s.trim().to_lowercase()).and_then(|s| match s.as_str() {
            "running" | "active" | "aktiva" => Some("active"),
            "stopped" | "halted" | "haltigita" => Some("halted"),
            "suspended" | "suspendita" => Some("suspended"),
            _ => None,
        });
        let location = filter.location.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string);
        ListFilter { status, location }
    }
}

/// What a request was for: the same status code means different things
/// on the list, on one server and on a power action.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    List,
    Create,
    Show,
    Update,
    Power,
    Delete,
}

pub struct VpsOrg {
    api: ApiClient,
}

impl VpsOrg {
    pub fn new(http: Http, origin: &str, token: Secret) -> Result<Self> {
        let api = ApiClient::new(http, origin, Auth::Bearer { scheme: "Bearer", secret: token })?;
        Ok(VpsOrg { api })
    }

    /// One page of the list; `None` when a later page no longer exists
    /// because servers were deleted while the pages were read.
    async fn page(&self, filter: &ListFilter, n: usize) -> Result<Option<wire::PageWire>> {
        let mut req = Request::get(SERVERS);
        if let Some(s) = filter.status {
            req = req.query("status", s);
        }
        if let Some(l) = &filter.location {
            req = req.query("location", l.clone());
        }
        if n > 1 {
            req = req.query("page", n.to_string());
        }
        let resp = self.api.send(req).await?;
        if resp.status == 404 && n > 1 {
            return Ok(None);
        }
        if !resp.is_success() {
            return Err(self.status_error(&resp, Op::List));
        }
        decode(NAME, &resp).map(Some)
    }

    /// Every page: the first says how many servers there are and how many
    /// fit on a page, the rest are fetched together; a list that grew in the
    /// meantime is followed to its end.
    async fn raw_servers(&self, filter: &ListFilter) -> Result<Vec<serde_json::Value>> {
        let first = self
            .page(filter, 1)
            .await?
            .ok_or_else(|| Error::provider("VPS.org lost the first page of the server list"))?;
        let per_page = first.results.len();
        let mut all = first.results;
        if first.next.is_none() || per_page == 0 {
            return Ok(all);
        }
        let pages = first.count.div_ceil(per_page).max(2);
        let rest: Vec<Option<wire::PageWire>> = futures::stream::iter(2..=pages)
            .map(|n| self.page(filter, n))
            .buffered(PAGE_CONCURRENCY)
            .try_collect()
            .await?;
        let mut more = rest.last().and_then(|p| p.as_ref()).is_some_and(|p| p.next.is_some());
        all.extend(rest.into_iter().flatten().flat_map(|p| p.results));
        let mut n = pages;
        while more {
            n += 1;
            match self.page(filter, n).await? {
                Some(p) => {
                    more = p.next.is_some();
                    all.extend(p.results);
                }
                None => more = false,
            }
        }
        // A server created between two reads pushes the next one onto the
        // following page, where it is read again.
        let mut seen = HashSet::new();
        all.retain(|s| seen.insert(s.get("id").map(display_value).unwrap_or_default()));
        Ok(all)
    }

    fn server(raw: serde_json::Value) -> Result<Server> {
        let w = wire::ServerWire::deserialize(&raw)
            .map_err(|e| Error::provider(format!("VPS.org sent a server vpsdesk cannot read ({e})")))?;
        Ok(map::server(w, &raw))
    }

    /// Servers matching the doc's list filters, from every page.
    async fn list_filtered(&self, filter: &ListFilter) -> Result<Vec<Server>> {
        self.raw_servers(filter).await?.into_iter().map(Self::server).collect()
    }

    async fn fleet(&self) -> Result<Vec<wire::ServerWire>> {
        self.raw_servers(&ListFilter::default())
            .await?
            .into_iter()
            .map(|raw| {
                serde_json::from_value(raw)
                    .map_err(|e| Error::provider(format!("VPS.org sent a server vpsdesk cannot read ({e})")))
            })
            .collect()
    }
}

impl ProviderApi for VpsOrg {
    type Call<'a> = Op;

    const NAME: &'static str = NAME;

    fn api(&self) -> &ApiClient {
        &self.api
    }

    fn refusal(&self, resp: &Response, op: Self::Call<'_>) -> Error {
        let problem = wire::problem(&resp.body);
        let said = self.api.redact(&match (&problem.detail, problem.fields.is_empty()) {
            (Some(d), _) => d.clone(),
            (None, false) => {
                problem.fields.iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join("; ")
            }
            (None, true) => body_excerpt(resp),
        });
        let reason = if said.is_empty() { "no reason given".to_string() } else { said };
        match (resp.status, op) {
            (401, _) => Error::auth(
                "VPS.org rejected the API token (HTTP 401). Check the token in the VPS.org panel, or create a new one and update the account",
            ),
            (403, _) => Error::auth(format!("VPS.org does not let this API token do that (HTTP 403: {reason}); check the token's permissions")),
            (402, _) => Error::provider(format!("not enough credit; top up your VPS.org balance and try again (HTTP 402: {reason})")),
            (400, Op::Power) => Error::invalid_state(format!("VPS.org refused: {reason}")),
            (400, Op::Create | Op::Update) => {
                let fields = problem
                    .fields
                    .into_iter()
                    .map(|f| crate::error::FieldError { field: form_field(&f.field).to_string(), message: self.api.redact(&f.message) })
                    .collect();
                Error { kind: ErrorKind::Validation, message: format!("VPS.org refused the server settings: {reason}"), fields }
            }
            (400, Op::List) => Error::validation(format!("VPS.org refused the list filter: {reason}")),
            (404, Op::Show | Op::Update | Op::Power | Op::Delete) => {
                Error::not_found("VPS.org has no such server on this account (HTTP 404); it may have been deleted, refresh the list")
            }
            (404, Op::List | Op::Create) => {
                Error::provider("VPS.org answered 404 for the server list; check the account's endpoint (the API lives under /api/v1/)")
            }
            (405 | 415, _) => Error::provider(format!(
                "VPS.org refused how vpsdesk called it (HTTP {}: {reason}); this is a vpsdesk bug, please report it",
                resp.status
            )),
            _ => generic_status_error(NAME, resp)
                .unwrap_or_else(|| Error::provider(format!("VPS.org answered HTTP {}: {reason}", resp.status))),
        }
    }
}

/// Server ids are integers; say so before sending anything.
fn integer(field: &str, what: &str, v: &str) -> Result<u64> {
    let v = v.trim();
    v.parse::<u64>()
        .ok()
        .filter(|_| v.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::field(field, format!("VPS.org {what} ids are numbers, got {v:?}")))
}

fn server_path(id: &str, action: &str) -> Result<String> {
    let id = integer("id", "server", id)?;
    Ok(format!("{SERVERS}{id}/{action}"))
}

/// The doc's rule for server names: letters, digits and hyphens.
fn server_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(Error::field("name", "VPS.org server names may contain only letters, digits and hyphens"));
    }
    Ok(name)
}

fn required<'a>(field: &str, v: &'a Option<String>, what: &str) -> Result<&'a str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).ok_or_else(|| Error::field(field, format!("choose a {what}")))
}

/// Location codes look like `us-west`.
fn location(v: &str) -> Result<&str> {
    if v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Ok(v)
    } else {
        Err(Error::field("region", format!("VPS.org locations are codes like \"us-west\", got {v:?}")))
    }
}

/// The API's body fields as the create form names them.
fn form_field(api: &str) -> &str {
    match api {
        "plan_id" => "plan",
        "os_id" => "image",
        "location" => "region",
        other => other,
    }
}

/// The doc's create body, with the optional fields left to their defaults.
fn create_body(req: &CreateServer) -> Result<serde_json::Value> {
    let name = server_name(&req.name)?;
    let plan = integer("plan", "plan", required("plan", &req.plan, "plan")?)?;
    let os = integer("image", "operating system", required("image", &req.image, "operating system")?)?;
    let location = location(required("region", &req.region, "location")?)?;
    let mut body = json!({ "name": name, "plan_id": plan, "os_id": os, "location": location });
    // The doc takes one optional `ssh_key_id` (an integer) per server.
    match req.ssh_keys.as_slice() {
        [] => {}
        [key] => body["ssh_key_id"] = json!(integer("ssh_keys", "SSH key", key)?),
        _ => return Err(Error::field("ssh_keys", "VPS.org installs one SSH key per new server; choose one")),
    }
    if let Some(hostname) = crate::model::chosen(&req.hostname) {
        body["hostname"] = json!(crate::validate::hostname("hostname", hostname)?);
    }
    // Off is the documented default, so only a yes is sent.
    if req.auto_backups {
        body["backups_enabled"] = json!(true);
    }
    Ok(body)
}

/// A partial update (PATCH) of just the name.
fn rename_body(name: &str) -> Result<serde_json::Value> {
    Ok(json!({ "name": server_name(name)? }))
}

fn patch(path: String) -> Request {
    Request { method: Method::PATCH, ..Request::put(path) }
}

#[async_trait]
impl Compute for VpsOrg {
    crate::provider::implements!(network);

    async fn verify(&self) -> Result<()> {
        self.page(&ListFilter::default(), 1).await.map(|_| ())
    }

    async fn list_servers(&self) -> Result<Vec<Server>> {
        self.list_filtered(&ListFilter::default()).await
    }

    async fn list_servers_where(&self, filter: &ServerFilter) -> Result<Vec<Server>> {
        let mut servers = self.list_filtered(&ListFilter::from(filter)).await?;
        servers.retain(|s| filter.keeps(s));
        Ok(servers)
    }

    async fn get_server(&self, id: &str) -> Result<Server> {
        let resp = self.call(Request::get(server_path(id, "")?), Op::Show).await?;
        Self::server(decode(NAME, &resp)?)
    }

    async fn power(&self, id: &str, action: PowerAction) -> Result<()> {
        let verb = match action {
            PowerAction::Start => "start",
            PowerAction::Stop => "stop",
            PowerAction::Reboot => "reboot",
            PowerAction::ForceStop => {
                return Err(Error::unsupported("VPS.org API v1 has no forced power-off; use a normal stop"))
            }
        };
        let path = server_path(id, &format!("{verb}/"))?;
        let reply: wire::ActionWire = decode(NAME, &self.call(Request::post(path), Op::Power).await?)?;
        if reply.status == "success" {
            Ok(())
        } else {
            let said = reply.message.unwrap_or_else(|| reply.status.clone());
            Err(Error::provider(self.api.redact(&format!("VPS.org did not {verb} the server: {said}"))))
        }
    }

    async fn create_server(&self, req: &CreateServer) -> Result<Server> {
        let body = create_body(req)?;
        // Not retried: a repeated create would buy a second server. The
        // reply is the whole new server, still provisioning.
        let resp = self.call(Request::post(SERVERS).json(body), Op::Create).await?;
        Self::server(decode(NAME, &resp)?)
    }

    async fn rename_server(&self, id: &str, name: &str) -> Result<()> {
        let body = rename_body(name)?;
        self.call(patch(server_path(id, "")?).json(body), Op::Update).await.map(|_| ())
    }

    async fn delete_server(&self, id: &str) -> Result<()> {
        self.call(Request::delete(server_path(id, "")?), Op::Delete).await.map(|_| ())
    }

    /// All plans in use: the API cannot say which locations offer which.
    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>> {
        if let Some(r) = region {
            location(r)?;
        }
        Ok(map::plans(&self.fleet().await?))
    }

    /// Every region offers the same images.
    async fn images(&self, _region: Option<&str>) -> Result<Vec<Image>> {
        Ok(map::images(&self.fleet().await?))
    }

    async fn regions(&self) -> Result<Vec<Region>> {
        Ok(map::regions(&self.fleet().await?))
    }

}
