//! VPS.NET API (api10json): HTTP Basic with the account email and API key,
//! JSON in and out with every resource wrapped in its name, paths ending in
//! `.api10json` (see `paths`). Servers are sized in nodes, and clouds are
//! where they run.

mod billing;
pub mod capabilities;
mod dns;
pub mod ext;
mod extras;
mod map;
mod order;
pub mod paths;
mod ssd;
#[cfg(test)]
mod tests;
mod tickets;
pub mod wire;

use std::sync::Arc;

use async_trait::async_trait;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::Value;

use crate::accounts::Account;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{ApiClient, Auth, Http, Request, Response};
use crate::model::{CreateServer, Image, Plan, PowerAction, Region, Server, ServerFilter};
use crate::provider::Compute;
use crate::providers::common::{body_excerpt, generic_status_error, ProviderApi};
use crate::providers::{ProviderDescriptor, ProviderKind, Sizing};
use crate::secret::Secret;
use paths::PowerCall;
use wire::{CloudEnvelope, CloudWire, NodeEnvelope, ProfileEnvelope, Refusal, VirtualMachineEnvelope};

const NAME: &str = "VPS.NET";

pub const DESCRIPTOR: ProviderDescriptor = ProviderDescriptor {
    kind: ProviderKind::Vpsnet,
    label: "VPS.NET",
    api_version: "api10json",
    username_label: Some("Account email"),
    secret_label: "API key",
    default_endpoint: "https://api.vps.net",
    regions: Vec::new,
    regional_endpoint: None,
    sizing: Sizing::Plans,
    // The doc names "Eastern Time (US & Canada)", and its examples carry
    // that zone's offsets (-04:00).
    time_zone: chrono_tz::America::New_York,
    panel_url: "https://control.vps.net/",
    support_url: "https://control.vps.net/",
    dns_note: None,
    ticket_form: tickets::form,
    capabilities: capabilities::capabilities,
    connect,
};

fn connect(account: &Account, origin: &str, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    Ok(Arc::new(Vpsnet::new(http.clone(), origin, account.username.clone().unwrap_or_default(), secret)?))
}

pub struct Vpsnet {
    api: ApiClient,
}

/// What a call is about, which decides what its 404 and 422 mean.
#[derive(Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// Profile, lists, catalog, create: paths every account has, so a 404
    /// can only be the account itself not being found.
    Account,
    /// Reading or editing one server: 404 is an unknown id, 422 names fields.
    Server(&'a str),
    /// Power calls and delete: nothing but the server's state can be wrong.
    Action(&'a str),
}

impl Vpsnet {
    pub fn new(http: Http, origin: &str, email: String, key: Secret) -> Result<Self> {
        let api = ApiClient::new(http, origin, Auth::Basic { username: email, secret: key })?
            .with_header(ACCEPT, "application/json")
            .with_header(CONTENT_TYPE, "application/json");
        Ok(Vpsnet { api })
    }

    /// A 422's `{"errors": [[field, message], ...]}`: per-field validation
    /// errors on forms, the server's state on power calls and delete.
    fn unprocessable(&self, resp: &Response, scope: Scope<'_>) -> Error {
        let refusal = Refusal::of(resp);
        let text = &refusal.text;
        match scope {
            Scope::Action(id) => Error::invalid_state(format!(
                "VPS.NET refused this for cloud server {id}: {text}. Check that it is built and not busy with another power action, then try again"
            )),
            Scope::Account | Scope::Server(_) => Error {
                kind: ErrorKind::Validation,
                message: format!("VPS.NET refused the request: {text}"),
                fields: refusal.fields(map::form_field),
            },
        }
    }

    fn server_from(envelope: VirtualMachineEnvelope) -> Result<Server> {
        let raw = envelope.virtual_machine;
        let w: wire::VirtualMachineWire = serde_json::from_value(Value::Object(raw.clone()))
            .map_err(|e| Error::provider(format!("VPS.NET sent a cloud server vpsdesk cannot read ({e})")))?;
        Ok(map::server(w, &raw))
    }

    async fn show(&self, id: &str) -> Result<VirtualMachineEnvelope> {
        self.read(Request::get(paths::virtual_machine(id)), Scope::Server(id)).await
    }

    async fn clouds(&self) -> Result<Vec<CloudWire>> {
        let clouds: Vec<CloudEnvelope> = self.read(Request::get(paths::AVAILABLE_CLOUDS), Scope::Account).await?;
        Ok(clouds.into_iter().map(|c| c.cloud).filter(|c| c.available).collect())
    }

    /// The doc's instant create takes a country and nothing else, so what
    /// would be lost is refused; the server then gets its name with the
    /// doc's edit (a rename), as the body has no label.
    async fn create_instant(&self, req: &CreateServer, country: &str) -> Result<Server> {
        let country = number("instant_country", "country", country)?;
        let chosen = |v: &Option<String>| crate::model::chosen(v).is_some();
        let lost = [
            ("plan", chosen(&req.plan)),
            ("image", chosen(&req.image)),
            ("region", chosen(&req.region)),
            ("hostname", chosen(&req.hostname)),
            ("auto_backups", req.auto_backups),
            ("licences", !req.licences.is_empty()),
        ];
        if let Some((field, _)) = lost.iter().find(|(_, given)| *given) {
            return Err(Error::field(
                field,
                "an instant server is made from its country alone (VPS.NET picks the rest); leave this out or create a regular server",
            ));
        }
        // Not retried: a repeated create would buy a second server.
        let created: Value =
            self.read(Request::post(paths::VIRTUAL_MACHINES).json(order::instant_body(country)), Scope::Account).await?;
        let vm = created.get("virtual_machine").unwrap_or(&created);
        let id = vm.get("id").map(crate::providers::common::display_value).filter(|id| !id.is_empty()).ok_or_else(
            || Error::provider("VPS.NET created the instant server but did not say its id; refresh the list to see it"),
        )?;
        self.rename_server(&id, &req.name).await.map_err(|e| Error {
            message: format!(
                "VPS.NET created instant server {id}, but naming it {:?} failed: {}; rename it from the list",
                req.name, e.message
            ),
            ..e
        })?;
        self.get_server(&id).await
    }

    /// Nodes assigned to a server, for servers whose `slices_count` is null.
    async fn assigned_nodes(&self, id: &str) -> Result<u32> {
        let nodes: Vec<NodeEnvelope> = self.read(Request::get(paths::NODES), Scope::Account).await?;
        let n =
            nodes.iter().filter(|n| n.slice.as_ref().and_then(|s| s.virtual_machine_id.as_deref()) == Some(id)).count();
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }
}

impl ProviderApi for Vpsnet {
    type Call<'a> = Scope<'a>;

    const NAME: &'static str = NAME;

    fn api(&self) -> &ApiClient {
        &self.api
    }

    fn refusal(&self, resp: &Response, scope: Self::Call<'_>) -> Error {
        let said = self.api.redact(&body_excerpt(resp));
        match (resp.status, scope) {
            // 406 is what VPS.NET documents for bad credentials (libcloud
            // adds 403); 401 is what HTTP Basic would normally give.
            (401 | 403 | 406, _) => Error::auth(format!(
                "VPS.NET did not accept the account email and API key (HTTP {}). Check the email you sign in to VPS.NET with, and generate a new API key in the VPS.NET control panel if this one was replaced",
                resp.status
            )),
            // After `verify` the credentials are known good, so a 404 on one
            // server's path is an id the account does not have.
            (404, Scope::Server(id) | Scope::Action(id)) => Error::not_found(format!(
                "VPS.NET has no cloud server {id} on this account (it may have been deleted); list the servers to see their ids"
            )),
            // These paths exist for every account; some accounts get a 404
            // here for a wrong email or API key.
            (404, Scope::Account) => Error::auth(
                "VPS.NET answered HTTP 404 to a call every account can make, which is how it answers some accounts' wrong email or API key. Check both, and the account's endpoint",
            ),
            (422, scope) => self.unprocessable(resp, scope),
            _ => generic_status_error(NAME, resp).unwrap_or_else(|| {
                let detail = if said.is_empty() { String::new() } else { format!(": {said}") };
                Error::provider(format!("VPS.NET answered HTTP {}{detail}", resp.status))
            }),
        }
    }
}

/// VPS.NET ids are integers; say so before sending anything.
fn number(field: &str, what: &str, v: &str) -> Result<u64> {
    let v = v.trim();
    v.parse::<u64>()
        .ok()
        .filter(|_| v.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::field(field, format!("VPS.NET {what} ids are numbers, got {v:?}")))
}

/// A cloud server's id; an SSD VPS's (`ssd-…`) is refused for what only
/// cloud servers have.
fn server_id(id: &str) -> Result<String> {
    if id.trim().starts_with(ssd::PREFIX) {
        return Err(Error::unsupported(format!(
            "{} is an SSD VPS: VPS.NET's API gives SSD VPS only show, power and delete; use the VPS.NET control panel for the rest",
            id.trim()
        )));
    }
    number("id", "cloud server", id).map(|n| n.to_string())
}

fn required<'a>(field: &str, v: &'a Option<String>, what: &str) -> Result<&'a str> {
    v.as_deref().filter(|s| !s.trim().is_empty()).ok_or_else(|| Error::field(field, format!("choose a {what}")))
}

fn node_count(plan: &str) -> Result<u32> {
    let n = number("plan", "plan (node count)", plan)?;
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=map::MAX_NODES).contains(n))
        .ok_or_else(|| Error::field("plan", format!("a VPS.NET server has 1 to {} nodes, got {n}", map::MAX_NODES)))
}

/// A cloud's id as a region names it, checked before anything is fetched.
fn cloud_id(region: &str) -> Result<String> {
    Ok(number("region", "cloud", region)?.to_string())
}

/// The available cloud of that id; a field error otherwise.
fn cloud_of<'c>(clouds: &'c [CloudWire], id: &str) -> Result<&'c CloudWire> {
    clouds.iter().find(|c| c.id == id).ok_or_else(|| {
        Error::field("region", format!("VPS.NET has no available cloud {id}; pick one from the regions list"))
    })
}

#[async_trait]
impl Compute for Vpsnet {
    crate::provider::implements!(tickets, dns, backups, os_install, network, usage, console, profile, billing);

    async fn verify(&self) -> Result<()> {
        self.read::<ProfileEnvelope>(Request::get(paths::PROFILE), Scope::Account).await.map(|_| ())
    }

    /// The cloud servers, then the SSD VPS.
    async fn list_servers(&self) -> Result<Vec<Server>> {
        let all: Vec<VirtualMachineEnvelope> = self.read(Request::get(paths::VIRTUAL_MACHINES), Scope::Account).await?;
        let mut servers = all.into_iter().map(Self::server_from).collect::<Result<Vec<_>>>()?;
        servers.extend(self.ssd_servers().await?);
        Ok(servers)
    }

    /// A search is VPS.NET's (`?search=`: address, host name, domain name,
    /// label or tag) for cloud servers, its answer taken as it is, and
    /// vpsdesk's for SSD VPS; status and location are
    /// checked here. Never `basic=true`: it leaves out `running`, which every
    /// list vpsdesk shows reads the status from.
    async fn list_servers_where(&self, filter: &ServerFilter) -> Result<Vec<Server>> {
        let mut servers = match filter.search_term() {
            Some(term) => {
                let found: Vec<VirtualMachineEnvelope> =
                    self.read(Request::get(paths::VIRTUAL_MACHINES).query("search", term), Scope::Account).await?;
                let mut servers = found.into_iter().map(Self::server_from).collect::<Result<Vec<_>>>()?;
                // The SSD list has no search: its VPS are matched here, by vpsdesk's rule.
                servers.extend(self.ssd_servers().await?.into_iter().filter(|s| filter.keeps(s)));
                servers
            }
            None => self.list_servers().await?,
        };
        let rest = ServerFilter { search: None, ..filter.clone() };
        servers.retain(|s| rest.keeps(s));
        Ok(servers)
    }

    async fn get_server(&self, id: &str) -> Result<Server> {
        if let Some(n) = ssd::ssd_number("id", "SSD VPS", id) {
            return self.ssd_show(&n?, id.trim()).await;
        }
        let id = server_id(id)?;
        Self::server_from(self.show(&id).await?)
    }

    async fn power(&self, id: &str, action: PowerAction) -> Result<()> {
        if let Some(n) = ssd::ssd_number("id", "SSD VPS", id) {
            return self.ssd_power(&n?, id.trim(), action).await;
        }
        let id = server_id(id)?;
        let call = match action {
            PowerAction::Start => PowerCall::PowerOn,
            PowerAction::Stop => PowerCall::Shutdown,
            PowerAction::ForceStop => PowerCall::PowerOff,
            PowerAction::Reboot => PowerCall::Reboot,
        };
        // The reply is the server; reading it proves the call was understood.
        self.read::<VirtualMachineEnvelope>(Request::post(call.path(&id)), Scope::Action(&id)).await.map(|_| ())
    }

    async fn create_server(&self, req: &CreateServer) -> Result<Server> {
        if let Some(country) = crate::model::chosen(&req.instant_country) {
            return self.create_instant(req, country).await;
        }
        if let Some(cloud) = req.region.as_deref().and_then(|r| ssd::ssd_number("region", "SSD cloud", r)) {
            return self.ssd_create(req, &cloud?).await;
        }
        let cloud_id = number("region", "cloud", required("region", &req.region, "cloud (region)")?)?;
        let template_id = number("image", "template", required("image", &req.image, "template (image)")?)?;
        let nodes = node_count(required("plan", &req.plan, "node count (plan)")?)?;
        let hostname = crate::model::chosen(&req.hostname).map(|h| crate::validate::hostname("hostname", h)).transpose()?;
        let licences = order::licences(&req.licences)?;
        let order =
            order::Order { label: &req.name, cloud_id, template_id, nodes, hostname, backups: req.auto_backups, licences };
        // Not retried: a repeated create would buy a second server.
        let created: VirtualMachineEnvelope =
            self.read(Request::post(paths::VIRTUAL_MACHINES).json(order.body()), Scope::Account).await?;
        // The reply is documented as the new server; read it back if it
        // turns out to carry only the id and password.
        if created.virtual_machine.contains_key("label") && created.virtual_machine.contains_key("running") {
            return Self::server_from(created);
        }
        let id = created
            .virtual_machine
            .get("id")
            .map(crate::providers::common::display_value)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                Error::provider("VPS.NET created the server but did not say its id; refresh the list to see it")
            })?;
        self.get_server(&id).await
    }

    async fn rename_server(&self, id: &str, name: &str) -> Result<()> {
        if id.trim().starts_with(ssd::PREFIX) {
            return Err(Error::unsupported(format!(
                "VPS.NET's API has no call to rename an SSD VPS ({}); rename it in the VPS.NET control panel",
                id.trim()
            )));
        }
        let id = server_id(id)?;
        // Every edit must restate the node count (`slices_required`), or
        // VPS.NET would resize the server; it is read, never guessed.
        let current = self.show(&id).await?;
        let reported = current.virtual_machine.get("slices_count").and_then(|v| match v {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        });
        let nodes = match reported {
            Some(n) if n > 0 => n,
            _ => u64::from(self.assigned_nodes(&id).await?),
        };
        if nodes == 0 {
            return Err(Error::provider(format!(
                "VPS.NET did not say how many nodes cloud server {id} has, and a rename must restate it; rename it in the VPS.NET control panel"
            )));
        }
        let body = serde_json::json!({ "virtual_machine": { "label": name, "slices_required": nodes } });
        self.call(Request::put(paths::virtual_machine(&id)).json(body), Scope::Server(&id)).await.map(|_| ())
    }

    async fn delete_server(&self, id: &str) -> Result<()> {
        if let Some(n) = ssd::ssd_number("id", "SSD VPS", id) {
            return self.ssd_delete(&n?, id.trim()).await;
        }
        let id = server_id(id)?;
        self.call(Request::delete(paths::virtual_machine(&id)), Scope::Action(&id)).await.map(|_| ())
    }

    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>> {
        let Some(region) = region else {
            return Ok(map::plans(None));
        };
        if let Some(cloud) = ssd::ssd_number("region", "SSD cloud", region) {
            return self.ssd_plans(&cloud?).await;
        }
        let id = cloud_id(region)?;
        let clouds = self.clouds().await?;
        Ok(map::plans(Some(cloud_of(&clouds, &id)?)))
    }

    /// Each cloud lists its own templates: with a region, only that cloud's
    /// (an SSD cloud's too); without, those of every cloud and SSD cloud,
    /// once each.
    async fn images(&self, region: Option<&str>) -> Result<Vec<Image>> {
        let offering = match region {
            Some(region) => match ssd::ssd_number("region", "SSD cloud", region) {
                Some(cloud) => vec![self.ssd_cloud(&cloud?).await?],
                None => {
                    let id = cloud_id(region)?;
                    let mut clouds = self.clouds().await?;
                    cloud_of(&clouds, &id)?;
                    clouds.retain(|c| c.id == id);
                    clouds
                }
            },
            None => self.clouds().await?.into_iter().chain(self.ssd_clouds().await?).collect(),
        };
        let mut images: Vec<Image> = Vec::new();
        for cloud in &offering {
            for t in &cloud.system_templates {
                if !images.iter().any(|i| i.id == t.id) {
                    images.push(map::image(t));
                }
            }
        }
        Ok(images)
    }

    /// The clouds, then the SSD clouds (ids `ssd-…`: an SSD VPS is created there).
    async fn regions(&self) -> Result<Vec<Region>> {
        let mut regions: Vec<Region> = self.clouds().await?.iter().map(map::region).collect();
        regions.extend(self.ssd_clouds().await?.iter().map(ssd::region));
        Ok(regions)
    }

}
