//! Vultr API v1 (`/work/shared/providers/vultr-api-v1.txt`): account methods
//! take `?api_key=` in the query string, POST parameters come form-encoded,
//! errors are plain text with 400/403/405/412 and JSON objects keyed by id
//! turn into `[]` when empty.

mod account;
mod bulk;
mod catalog;
mod network;
mod seed;
mod server;
mod state;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::common::{Failure, Params, Settings, Simulator, Store};
use crate::registry::Implementation;
use crate::{DemoAccount, Provider};
use state::Vultr;

/// The only key the simulator accepts; 36 upper-case characters like a real one.
const API_KEY: &str = "VPSDESK0DEMO0VULTR0SANDBOX0KEY000001";

pub(crate) const IMPLEMENTATION: Implementation = Implementation {
    demo: DemoAccount { provider: Provider::Vultr, name: "Demo Vultr", username: None, secret: API_KEY, region: None },
    simulator,
    port_offset: 0,
};

fn simulator(settings: Settings) -> Simulator {
    Simulator::new(
        Store::new(move || {
            let mut state = seed::seed(settings.transition, settings.empty);
            bulk::add(&mut state, settings.extra_servers);
            state
        }),
        routes(),
    )
}

/// The doc's 412: "Request failed. Check the response body for a more detailed description".
fn invalid(message: impl Into<String>) -> Failure {
    Failure::new(StatusCode::PRECONDITION_FAILED, message)
}

fn required<'p>(params: &'p Params, name: &str) -> Result<&'p str, Failure> {
    params.get(name).ok_or_else(|| invalid(format!("Missing parameter: {name}")))
}

/// The doc's 'yes'/'no' flags. Anything else is refused so a client sending
/// `true` or `1` finds out.
fn yes_no(params: &Params, name: &str, default: bool) -> Result<bool, Failure> {
    match params.get(name) {
        None => Ok(default),
        Some("yes") => Ok(true),
        Some("no") => Ok(false),
        Some(other) => Err(invalid(format!("Invalid value for {name}: '{other}', expected 'yes' or 'no'"))),
    }
}

fn routes() -> Router<Store<Vultr>> {
    let public = Router::new()
        .route("/v1/os/list", get(catalog::os_list))
        .route("/v1/plans/list", get(catalog::plans_list))
        .route("/v1/regions/list", get(catalog::regions_list))
        .route("/v1/regions/availability", get(catalog::regions_availability));
    let account = Router::new()
        .route("/v1/account/info", get(account::info))
        .route("/v1/iso/list", get(account::iso_list))
        .route("/v1/server/list", get(server::list))
        .route("/v1/server/bandwidth", get(server::bandwidth))
        .route("/v1/server/create", post(server::create))
        .route("/v1/server/destroy", post(server::destroy))
        .route("/v1/server/start", post(server::boot))
        .route("/v1/server/halt", post(server::halt))
        .route("/v1/server/reboot", post(server::boot))
        .route("/v1/server/label_set", post(server::label_set))
        .route("/v1/server/reinstall", post(server::reinstall))
        .route("/v1/server/os_change", post(server::os_change))
        .route("/v1/server/os_change_list", get(server::os_change_list))
        .route("/v1/server/restore_backup", post(server::restore_backup))
        .route("/v1/server/restore_snapshot", post(server::restore_snapshot))
        .route("/v1/server/create_ipv4", post(network::create_ipv4))
        .route("/v1/server/destroy_ipv4", post(network::destroy_ipv4))
        .route("/v1/server/list_ipv4", get(network::list_ipv4))
        .route("/v1/server/list_ipv6", get(network::list_ipv6))
        .route("/v1/server/reverse_default_ipv4", post(network::reverse_default_ipv4))
        .route("/v1/server/reverse_set_ipv4", post(network::reverse_set_ipv4))
        .route("/v1/server/reverse_list_ipv6", get(network::reverse_list_ipv6))
        .route("/v1/server/reverse_set_ipv6", post(network::reverse_set_ipv6))
        .route("/v1/server/reverse_delete_ipv6", post(network::reverse_delete_ipv6))
        .route("/v1/backup/list", get(account::backup_list))
        .route("/v1/snapshot/list", get(account::snapshot_list))
        .route("/v1/snapshot/create", post(account::snapshot_create))
        .route("/v1/snapshot/destroy", post(account::snapshot_destroy))
        .route("/v1/sshkey/list", get(account::sshkey_list))
        .route("/v1/sshkey/create", post(account::sshkey_create))
        .route("/v1/sshkey/update", post(account::sshkey_update))
        .route("/v1/sshkey/destroy", post(account::sshkey_destroy))
        .route("/v1/startupscript/list", get(account::script_list))
        .route("/v1/startupscript/create", post(account::script_create))
        .route("/v1/startupscript/update", post(account::script_update))
        .route("/v1/startupscript/destroy", post(account::script_destroy))
        .route_layer(middleware::from_fn(require_key));
    public.merge(account).method_not_allowed_fallback(wrong_method).fallback(unknown_location)
}

async fn require_key(req: Request, next: Next) -> Response {
    let authorized = req
        .uri()
        .query()
        .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "api_key" && v == API_KEY));
    if authorized {
        next.run(req).await
    } else {
        Failure::new(StatusCode::FORBIDDEN, "Invalid API key").into_response()
    }
}

async fn wrong_method() -> Failure {
    Failure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "Invalid HTTP method. Check that the method (POST|GET) matches what the documentation indicates",
    )
}

async fn unknown_location() -> Failure {
    Failure::new(StatusCode::BAD_REQUEST, "Invalid API location. Check the URL that you are using")
}
