//! CloudSigma API 1.0: HTTP Basic auth with the account email and password,
//! text/plain key/value bodies (see `codec`), one API host per location.

mod billing;
pub mod capabilities;
// Public for the CloudSigma simulator, which speaks the same bodies.
pub mod codec;
pub mod ext;
mod extras;
mod location;
mod map;
#[cfg(test)]
mod tests;
pub mod wire;

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use reqwest::header::CONTENT_TYPE;

use crate::capabilities::tickets::TicketForm;
use crate::accounts::Account;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{ApiClient, Auth, Http, Request, Response};
use crate::model::{CreateServer, Image, Plan, PowerAction, ProviderKind, Region, Server, Status};
use crate::provider::Compute;
use crate::providers::common::{body_excerpt, generic_status_error, ProviderApi};
use crate::providers::{ProviderDescriptor, Sizing};
use crate::secret::Secret;
use codec::Object;
pub use location::Location;
use wire::{DriveWire, ServerWire, UsageWire};

const NAME: &str = "CloudSigma";

/// How long a reboot waits for the server to report `stopped` before it
/// gives up (and leaves it stopped, saying so).
const REBOOT_STOP_WAIT: Duration = Duration::from_secs(120);
const REBOOT_POLL: Duration = Duration::from_millis(250);

pub const DESCRIPTOR: ProviderDescriptor = ProviderDescriptor {
    kind: ProviderKind::Cloudsigma,
    label: "CloudSigma",
    api_version: "1.0",
    username_label: Some("Account email"),
    secret_label: "Password",
    default_endpoint: Location::Zurich.endpoint(),
    regions: || Location::ALL.into_iter().map(Location::provider_region).collect(),
    regional_endpoint: Some(endpoint),
    sizing: Sizing::Free,
    // The 1.0 doc names no zone for its "2010-03-10 21:24" times.
    time_zone: chrono_tz::UTC,
    panel_url: "https://www.cloudsigma.com/",
    support_url: "https://www.cloudsigma.com/",
    dns_note: Some(
        "CloudSigma's API 1.0 has no DNS calls. Manage DNS where your domain is registered, or in the CloudSigma web app: https://zrh.cloudsigma.com/",
    ),
    ticket_form: TicketForm::default,
    capabilities: capabilities::capabilities,
    connect,
};

fn connect(account: &Account, origin: &str, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    Ok(Arc::new(Cloudsigma::new(http.clone(), origin, account.username.as_deref(), account.region.as_deref(), secret)?))
}

/// The API host of an account without an endpoint override: its region's.
pub fn endpoint(region: Option<&str>) -> Result<String> {
    Ok(Location::of_account(region, "")?.endpoint().to_string())
}

pub struct Cloudsigma {
    api: ApiClient,
    location: Location,
}

impl Cloudsigma {
    pub fn new(http: Http, origin: &str, email: Option<&str>, region: Option<&str>, password: Secret) -> Result<Self> {
        let email = email
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .ok_or_else(|| Error::field("username", "CloudSigma needs the account email to sign in"))?;
        let location = Location::of_account(region, origin)?;
        let api = ApiClient::new(http, origin, Auth::Basic { username: email.to_string(), secret: password })?;
        Ok(Cloudsigma { api, location })
    }

    /// Sends a request and returns the body of a successful answer as text.
    async fn text(&self, req: Request) -> Result<String> {
        let resp = self.call(req, ()).await?;
        // A proxy or maintenance page answers 200 with HTML: read as
        // key/value pairs it would look like a server named "<html>".
        let html = resp
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.to_ascii_lowercase().contains("text/html"));
        let text = resp.text();
        if html || text.trim_start().starts_with('<') {
            return Err(Error::provider(
                "CloudSigma answered with a web page instead of API data; check the account's endpoint, or try again later if the API is under maintenance",
            ));
        }
        Ok(text)
    }

    async fn get(&self, path: &str) -> Result<String> {
        self.text(Request::get(path)).await
    }

    /// POSTs a key/value object. Never retried: the doc calls no write
    /// idempotent.
    async fn post(&self, path: &str, body: &Object) -> Result<String> {
        self.text(Request::post(path).text(codec::write_object(body.iter()))).await
    }

    async fn server_object(&self, uuid: &str) -> Result<ServerWire> {
        let raw = codec::parse_object(&self.get(&format!("/servers/{uuid}/info")).await?);
        ServerWire::from_object(raw).ok_or_else(|| {
            Error::provider(format!("CloudSigma sent server {uuid} without its uuid; the API may have changed"))
        })
    }

    async fn drive(&self, uuid: &str) -> Result<DriveWire> {
        let raw = codec::parse_object(&self.get(&format!("/drives/{uuid}/info")).await?);
        DriveWire::from_object(&raw).ok_or_else(|| {
            Error::provider(format!("CloudSigma sent drive {uuid} without its uuid; the API may have changed"))
        })
    }

    async fn action(&self, uuid: &str, action: &str) -> Result<()> {
        self.post(&format!("/servers/{uuid}/{action}"), &Object::default()).await.map(|_| ())
    }

    /// Reboot as one job: hard stop, wait for `stopped`, start.
    async fn reboot(&self, uuid: &str) -> Result<()> {
        self.action(uuid, "stop").await?;
        let deadline = Instant::now() + REBOOT_STOP_WAIT;
        loop {
            let s = self.server_object(uuid).await?;
            if map::status(s.status.as_deref().unwrap_or_default()) == Status::Stopped {
                break;
            }
            if Instant::now() >= deadline {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "CloudSigma did not report server {uuid} stopped within {} s, so it was not started again; start it once it has stopped",
                        REBOOT_STOP_WAIT.as_secs()
                    ),
                ));
            }
            tokio::time::sleep(REBOOT_POLL).await;
        }
        self.action(uuid, "start").await
    }
}

impl ProviderApi for Cloudsigma {
    type Call<'a> = ();

    const NAME: &'static str = NAME;

    fn api(&self) -> &ApiClient {
        &self.api
    }

    fn refusal(&self, resp: &Response, _: Self::Call<'_>) -> Error {
        let body = codec::parse_object(&resp.text());
        let fields = wire::field_errors(&body);
        let said = if fields.is_empty() {
            self.api.redact(&body_excerpt(resp))
        } else {
            self.api.redact(&fields.iter().map(|(f, m)| format!("{f}: {m}")).collect::<Vec<_>>().join("; "))
        };
        let detail = if said.is_empty() { "no reason given".to_string() } else { said.clone() };
        match resp.status {
            401 => Error::auth(
                "CloudSigma rejected the email or password (HTTP 401). Check both, and that the account is in this location (Zurich or Las Vegas)",
            ),
            404 => Error::not_found(format!("CloudSigma has no such server or drive (HTTP 404): {detail}")),
            405 => Error::provider("CloudSigma refused the HTTP method for this call (HTTP 405); this is a vpsdesk bug, please report it"),
            409 => Error::invalid_state(format!(
                "CloudSigma refused this while the server or its drive is busy or in the wrong state (HTTP 409): {detail}. Wait for what it is doing to finish, or check its status"
            )),
            400 => {
                let lower = said.to_lowercase();
                let kind = if lower.contains("not found") || lower.contains("does not exist") || lower.contains("no such") {
                    ErrorKind::NotFound
                } else if ["running", "stopped", "paused", "busy", "state"].iter().any(|w| lower.contains(w)) {
                    ErrorKind::InvalidState
                } else {
                    ErrorKind::Provider
                };
                let mut e = Error::new(kind, format!("CloudSigma refused the request (HTTP 400): {detail}"));
                e.fields = fields
                    .into_iter()
                    .map(|(field, message)| crate::error::FieldError { field, message: self.api.redact(&message) })
                    .collect();
                e
            }
            _ => generic_status_error(NAME, resp)
                .unwrap_or_else(|| Error::provider(format!("CloudSigma answered HTTP {}: {detail}", resp.status))),
        }
    }
}

/// Server and drive ids are UUIDs; anything that is not hex digits and
/// dashes cannot be one and could leave the path. Well-formed but unknown
/// ids go to CloudSigma, whose "not found" is the answer.
fn uuid(field: &str, what: &str, v: &str) -> Result<String> {
    let v = v.trim();
    if !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        Ok(v.to_ascii_lowercase())
    } else {
        Err(Error::field(
            field,
            format!("CloudSigma {what} ids are UUIDs like 5e70b725-438b-464b-bd9b-b8e9ddee2c8c, got {v:?}"),
        ))
    }
}

/// A name goes on one key/value line: no line breaks.
fn name(v: &str) -> Result<String> {
    let v = v.trim();
    if v.is_empty() {
        return Err(Error::field("name", "enter a name"));
    }
    if v.chars().any(char::is_control) {
        return Err(Error::field("name", "a CloudSigma name cannot contain line breaks or control characters"));
    }
    if v.chars().count() > 200 {
        return Err(Error::field("name", "a name is at most 200 characters"));
    }
    Ok(v.to_string())
}

/// The body of every call that takes just a name (rename, clone, VLAN and
/// group create and rename).
fn name_body(v: &str) -> Result<Object> {
    let mut body = Object::default();
    body.push("name", name(v)?);
    Ok(body)
}

/// The server order: the doc's `name`, `cpu`, `mem` and `ide:0:0`, and what
/// a server needs to boot from that drive, keep it and reach the network.
fn server_order(server_name: &str, cpu: u32, mem: u32, drive: &str) -> Object {
    let mut order = Object::default();
    order.push("name", server_name);
    order.push("cpu", cpu.to_string());
    order.push("smp", "auto");
    order.push("mem", mem.to_string());
    // Without it CloudSigma destroys a server when it stops.
    order.push("persistent", "true");
    order.push("ide:0:0", drive);
    order.push("boot", "ide:0:0");
    order.push("nic:0:model", "e1000");
    order.push("nic:0:dhcp", "auto");
    order
}

/// Servers are sized freely; left out, a size falls back to a small default
/// (CLI.md: "a small default size is used when they are left out").
const DEFAULT_CPU_MHZ: u32 = 1000;
const DEFAULT_MEM_MB: u32 = 1024;

fn size(field: &str, v: Option<u32>, default: u32, what: &str) -> Result<u32> {
    match v {
        None => Ok(default),
        Some(0) => Err(Error::field(field, format!("the {what} must be more than 0"))),
        Some(n) => Ok(n),
    }
}

#[async_trait]
impl Compute for Cloudsigma {
    crate::provider::implements!(billing, profile);

    async fn verify(&self) -> Result<()> {
        // Two short lines, and no secret in them (unlike /profile/info).
        self.get("/balance/info").await.map(|_| ())
    }

    async fn list_servers(&self) -> Result<Vec<Server>> {
        let text = self.get("/servers/info").await?;
        codec::parse_objects(&text)
            .into_iter()
            .map(|o| {
                ServerWire::from_object(o).map(|w| map::server(w, self.location)).ok_or_else(|| {
                    Error::provider("CloudSigma listed a server without its uuid; the API may have changed")
                })
            })
            .collect()
    }

    async fn get_server(&self, id: &str) -> Result<Server> {
        let uuid = uuid("id", "server", id)?;
        Ok(map::server(self.server_object(&uuid).await?, self.location))
    }

    async fn power(&self, id: &str, action: PowerAction) -> Result<()> {
        let uuid = uuid("id", "server", id)?;
        match action {
            PowerAction::Start => self.action(&uuid, "start").await,
            // shutdown asks the guest OS to power off (ACPI); stop pulls the plug.
            PowerAction::Stop => self.action(&uuid, "shutdown").await,
            PowerAction::ForceStop => self.action(&uuid, "stop").await,
            PowerAction::Reboot => self.reboot(&uuid).await,
        }
    }

    async fn create_server(&self, req: &CreateServer) -> Result<Server> {
        let server_name = name(&req.name)?;
        let cpu = size("cpu_mhz", req.cpu_mhz, DEFAULT_CPU_MHZ, "CPU in MHz")?;
        let mem = size("mem_mb", req.mem_mb, DEFAULT_MEM_MB, "memory in MB")?;
        let image = uuid(
            "image",
            "drive",
            req.image
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| Error::field("image", "choose an image"))?,
        )?;
        if let Some(region) = req.region.as_deref().filter(|r| !r.trim().is_empty()) {
            if Location::parse(region)? != self.location {
                return Err(Error::field(
                    "region",
                    format!(
                        "this account's servers are in {}; add a CloudSigma account for that location instead",
                        self.location.name()
                    ),
                ));
            }
        }

        // The server boots from its own copy of the image: clone the standard
        // drive at its full size (the clone may not be smaller), then attach it.
        let source = self.drive(&image).await?;
        let size = source.size.filter(|s| !s.trim().is_empty()).ok_or_else(|| {
            Error::provider(format!("CloudSigma did not give the size of image {image}, which cloning needs"))
        })?;
        let mut clone = Object::default();
        clone.push("name", server_name.as_str());
        clone.push("size", size);
        let cloned = codec::parse_object(&self.post(&format!("/drives/{image}/clone"), &clone).await?);
        let drive = DriveWire::from_object(&cloned)
            .ok_or_else(|| Error::provider("CloudSigma cloned the image but did not say the new drive's uuid"))?
            .uuid;

        let order = server_order(&server_name, cpu, mem, &drive);
        let created = match self.post("/servers/create", &order).await {
            Ok(text) => ServerWire::from_object(codec::parse_object(&text)),
            Err(e) => {
                // Not leaving a billed drive behind; the first error is the one to report.
                let _ = self.post(&format!("/drives/{drive}/destroy"), &Object::default()).await;
                return Err(e);
            }
        };
        let Some(created) = created else {
            let _ = self.post(&format!("/drives/{drive}/destroy"), &Object::default()).await;
            return Err(Error::provider(
                "CloudSigma did not create the server (its answer has no server uuid); check the account's balance and subscriptions",
            ));
        };
        self.get_server(&created.uuid).await
    }

    async fn rename_server(&self, id: &str, new_name: &str) -> Result<()> {
        let uuid = uuid("id", "server", id)?;
        self.post(&format!("/servers/{uuid}/set"), &name_body(new_name)?).await.map(|_| ())
    }

    async fn delete_server(&self, id: &str) -> Result<()> {
        let uuid = uuid("id", "server", id)?;
        self.action(&uuid, "destroy").await
    }

    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>> {
        if let Some(r) = region {
            if Location::parse(r)? != self.location {
                return Ok(Vec::new());
            }
        }
        let usage = UsageWire::from_object(&codec::parse_object(&self.get("/usage/info").await?));
        Ok(map::subscription_plan(&usage).into_iter().collect())
    }

    /// Every region offers the same images.
    async fn images(&self, _region: Option<&str>) -> Result<Vec<Image>> {
        let ids = codec::parse_list(&self.get("/drives/standard/img/list").await?);
        let drives = futures::future::try_join_all(ids.iter().map(|id| async move {
            let id = uuid("image", "drive", id)
                .map_err(|_| Error::provider(format!("CloudSigma listed an image id that is not a UUID: {id:?}")))?;
            self.drive(&id).await
        }))
        .await?;
        Ok(drives.into_iter().map(map::image).collect())
    }

    async fn regions(&self) -> Result<Vec<Region>> {
        // The account's own location first: it is the one servers can be created in.
        let mut all: Vec<Location> = Location::ALL.into_iter().collect();
        all.sort_by_key(|l| *l != self.location);
        Ok(all.into_iter().map(Location::region).collect())
    }

}
