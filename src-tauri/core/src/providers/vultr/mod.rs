//! Vultr API v1 (`/v1/...`): key in the `api_key` query parameter, POST
//! bodies form-encoded, 2 requests per second.

mod billing;
pub mod capabilities;
pub mod ext;
mod extras;
mod map;
#[cfg(test)]
mod tests;
pub mod wire;

use serde::Deserialize;
use std::sync::Arc;

use async_trait::async_trait;

use crate::capabilities::tickets::TicketForm;
use crate::accounts::Account;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{ApiClient, Auth, Http, Request, Response};
use crate::model::{chosen, CreateServer, Image, Plan, PowerAction, Region, Server};
use crate::provider::Compute;
use crate::providers::common::{body_excerpt, decode, generic_status_error, ProviderApi};
use crate::providers::{ProviderDescriptor, ProviderKind, Sizing};
use crate::secret::Secret;

const NAME: &str = "Vultr";

pub const DESCRIPTOR: ProviderDescriptor = ProviderDescriptor {
    kind: ProviderKind::Vultr,
    label: "Vultr",
    api_version: "v1",
    username_label: None,
    secret_label: "API key",
    default_endpoint: "https://api.vultr.com",
    regions: Vec::new,
    regional_endpoint: None,
    sizing: Sizing::Plans,
    // The v1 doc names no zone for its "2014-07-18 15:31:01" times.
    time_zone: chrono_tz::UTC,
    panel_url: "https://my.vultr.com/billing/",
    support_url: "https://my.vultr.com/",
    dns_note: Some(
        "The Vultr v1 API that vpsdesk uses offers only reverse DNS for server addresses, not zones. Manage DNS zones in the Vultr panel: https://my.vultr.com/dns/",
    ),
    ticket_form: TicketForm::default,
    capabilities: capabilities::capabilities,
    connect,
};

fn connect(_: &Account, origin: &str, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    Ok(Arc::new(Vultr::new(http.clone(), origin, secret)?))
}

pub struct Vultr {
    api: ApiClient,
}

impl Vultr {
    pub fn new(http: Http, origin: &str, key: Secret) -> Result<Self> {
        let api = ApiClient::new(http, origin, Auth::Query { name: "api_key", secret: key })?.with_rate_limit(2);
        Ok(Vultr { api })
    }
}

impl ProviderApi for Vultr {
    type Call<'a> = ();

    const NAME: &'static str = NAME;

    fn api(&self) -> &ApiClient {
        &self.api
    }

    fn refusal(&self, resp: &Response, _: Self::Call<'_>) -> Error {
        let said = self.api.redact(&body_excerpt(resp));
        match resp.status {
            403 => Error::auth(
                "Vultr rejected the API key (HTTP 403). Check the key under Account → API in the Vultr panel, and that API access is allowed from this IP address",
            ),
            400 => Error::provider("Vultr does not know this API location (HTTP 400); check the account's endpoint"),
            405 => Error::provider("Vultr refused the HTTP method for this call (HTTP 405); this is a vpsdesk bug, please report it"),
            412 => {
                let lower = said.to_lowercase();
                let kind = if lower.contains("invalid server") || lower.contains("subid") || lower.contains("not found") {
                    ErrorKind::NotFound
                } else if ["locked", "pending", "suspended", "state"].iter().any(|w| lower.contains(w)) {
                    ErrorKind::InvalidState
                } else {
                    ErrorKind::Provider
                };
                let detail = if said.is_empty() { "no reason given".to_string() } else { said };
                Error::new(kind, format!("Vultr refused the request: {detail}"))
            }
            _ => generic_status_error(NAME, resp)
                .unwrap_or_else(|| Error::provider(format!("Vultr answered HTTP {}: {said}", resp.status))),
        }
    }
}

/// Vultr ids (SUBID, DCID, VPSPLANID, OSID) are integers; say so before
/// sending anything.
fn numeric(field: &str, what: &str, v: &str) -> Result<String> {
    let v = v.trim();
    if !v.is_empty() && v.len() <= 18 && v.chars().all(|c| c.is_ascii_digit()) {
        Ok(v.to_string())
    } else {
        Err(Error::field(field, format!("Vultr {what} ids are numbers, got {v:?}")))
    }
}

fn server_id(id: &str) -> Result<String> {
    numeric("id", "server (SUBID)", id)
}

fn required<'a>(field: &str, v: &'a Option<String>, what: &str) -> Result<&'a str> {
    v.as_deref().filter(|s| !s.trim().is_empty()).ok_or_else(|| Error::field(field, format!("choose a {what}")))
}

fn subid_form(id: &str) -> Result<Vec<(String, String)>> {
    Ok(vec![("SUBID".to_string(), server_id(id)?)])
}

/// server/create's form, every field checked. OSID is left out only for an
/// ISO or a snapshot with no system chosen: `create_server` then adds the
/// one of [`install_family`] from the OS list.
fn create_form(req: &CreateServer) -> Result<Vec<(String, String)>> {
    let region = numeric("region", "region (DCID)", required("region", &req.region, "region")?)?;
    let plan = numeric("plan", "plan (VPSPLANID)", required("plan", &req.plan, "plan")?)?;
    let mut form = vec![("DCID".to_string(), region), ("VPSPLANID".to_string(), plan)];
    if install_family(req).is_none() || chosen(&req.image).is_some() {
        let image = numeric("image", "operating system (OSID)", required("image", &req.image, "operating system")?)?;
        form.push(("OSID".to_string(), image));
    }
    form.push(("label".to_string(), req.name.clone()));
    form.extend(extras::create_options(req)?);
    Ok(form)
}

/// The OS family an ISO, an iPXE chain or a snapshot is installed through:
/// the doc's "'custom' operating system" for ISOID and ipxe_chain_url, its
/// "'snapshot' operating system" for SNAPSHOTID.
fn install_family(req: &CreateServer) -> Option<&'static str> {
    if chosen(&req.iso).is_some() || chosen(&req.ipxe_url).is_some() {
        Some("iso")
    } else if chosen(&req.snapshot).is_some() {
        Some("snapshot")
    } else {
        None
    }
}

#[async_trait]
impl Compute for Vultr {
    crate::provider::implements!(billing, backups, os_install, network, usage, console);

    async fn verify(&self) -> Result<()> {
        self.read::<serde_json::Value>(Request::get("/v1/account/info"), ()).await.map(|_| ())
    }

    async fn list_servers(&self) -> Result<Vec<Server>> {
        let list = self.read::<wire::Keyed<serde_json::Value>>(Request::get("/v1/server/list"), ()).await?;
        let unreadable = |e: serde_json::Error| Error::provider(format!("Vultr server list unreadable: {e}"));
        list.0
            .into_iter()
            .map(|raw| Ok(map::server(wire::ServerWire::deserialize(&raw).map_err(unreadable)?, &raw)))
            .collect()
    }

    async fn list_rows(&self) -> Result<Vec<Server>> {
        let list = self.read::<wire::Keyed<wire::ServerWire>>(Request::get("/v1/server/list"), ()).await?;
        Ok(list.0.into_iter().map(map::row).collect())
    }

    async fn get_server(&self, id: &str) -> Result<Server> {
        let subid = server_id(id)?;
        let v = self.read::<serde_json::Value>(Request::get("/v1/server/list").query("SUBID", subid), ()).await?;
        let wire = wire::ServerWire::deserialize(&v)
            .map_err(|e| Error::provider(format!("Vultr server {id} unreadable: {e}")))?;
        Ok(map::server(wire, &v))
    }

    async fn power(&self, id: &str, action: PowerAction) -> Result<()> {
        // Vultr v1 has no graceful shutdown: halt is its only stop.
        let path = match action {
            PowerAction::Start => "/v1/server/start",
            PowerAction::Stop | PowerAction::ForceStop => "/v1/server/halt",
            PowerAction::Reboot => "/v1/server/reboot",
        };
        self.call(Request::post(path).form(subid_form(id)?), ()).await.map(|_| ())
    }

    async fn create_server(&self, req: &CreateServer) -> Result<Server> {
        let mut form = create_form(req)?;
        if let Some(family) = install_family(req).filter(|_| !form.iter().any(|(k, _)| k == "OSID")) {
            let os = self.images(None).await?.into_iter().find(|i| i.family.as_deref() == Some(family));
            let os = os.ok_or_else(|| {
                Error::field("image", format!("Vultr lists no {family} operating system to install this from"))
            })?;
            form.push(("OSID".to_string(), os.id));
        }
        // Not retried: a repeated create would buy a second server.
        let created: wire::CreatedWire =
            decode(NAME, &self.call(Request::post("/v1/server/create").form(form), ()).await?)?;
        // The reply has only the SUBID; the server itself is read back.
        self.get_server(&created.subid).await
    }

    async fn rename_server(&self, id: &str, name: &str) -> Result<()> {
        let mut form = subid_form(id)?;
        form.push(("label".to_string(), name.to_string()));
        self.call(Request::post("/v1/server/label_set").form(form), ()).await.map(|_| ())
    }

    async fn delete_server(&self, id: &str) -> Result<()> {
        self.call(Request::post("/v1/server/destroy").form(subid_form(id)?), ()).await.map(|_| ())
    }

    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>> {
        let available = match region {
            Some(r) => {
                let dcid = numeric("region", "region (DCID)", r)?;
                let v: wire::AvailabilityWire =
                    decode(NAME, &self.call(Request::get("/v1/regions/availability").query("DCID", dcid), ()).await?)?;
                Some(v.0.iter().map(crate::providers::common::display_value).collect::<Vec<_>>())
            }
            None => None,
        };
        let v = self.read::<serde_json::Value>(Request::get("/v1/plans/list"), ()).await?;
        let plans: Vec<wire::PlanWire> =
            wire::keyed(v).map_err(|e| Error::provider(format!("Vultr plan list unreadable: {e}")))?;
        Ok(plans
            .into_iter()
            .filter(|p| available.as_ref().is_none_or(|ids| ids.contains(&p.id)))
            .map(map::plan)
            .collect())
    }

    /// Every region offers the same images.
    async fn images(&self, _region: Option<&str>) -> Result<Vec<Image>> {
        let v = self.read::<serde_json::Value>(Request::get("/v1/os/list"), ()).await?;
        let os: Vec<wire::OsWire> =
            wire::keyed(v).map_err(|e| Error::provider(format!("Vultr OS list unreadable: {e}")))?;
        Ok(os.into_iter().map(map::image).collect())
    }

    async fn regions(&self) -> Result<Vec<Region>> {
        let v = self.read::<serde_json::Value>(Request::get("/v1/regions/list"), ()).await?;
        let regions: Vec<wire::RegionWire> =
            wire::keyed(v).map_err(|e| Error::provider(format!("Vultr region list unreadable: {e}")))?;
        Ok(regions.into_iter().map(map::region).collect())
    }
}
