//! VPS.NET API api10json (`/work/shared/providers/vpsnet-api.txt`, methods
//! and paths from `vpsnet-endpoints.md`): HTTP Basic with the account email
//! and API key on every call, wrong credentials answered 406, every path
//! ending in `.api10json`, JSON bodies wrapped in the resource's name and
//! 422s carrying `{"errors": [[field, message], ...]}`.

mod account;
mod billing;
mod catalog;
mod dns;
mod extras;
mod licences;
mod nodes;
mod seed;
mod server;
mod ssd;
mod state;
mod templates;
mod tickets;

use axum::extract::Request;
use axum::http::{header, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::common::{Failure, Settings, Simulator, Store};
use crate::registry::Implementation;
use crate::{DemoAccount, Provider};
use state::VpsNet;

const EMAIL: &str = "demo@vpsdesk.test";
const API_KEY: &str = "VPSDESK0DEMO0VPSNET0SANDBOX0KEY000001";
/// The Basic credentials of `EMAIL:API_KEY`, base64-encoded, as clients send them.
const CREDENTIALS: &str = "ZGVtb0B2cHNkZXNrLnRlc3Q6VlBTREVTSzBERU1PMFZQU05FVDBTQU5EQk9YMEtFWTAwMDAwMQ==";

/// The suffix that selects the JSON API on every path.
const SUFFIX: &str = ".api10json";

pub(crate) const IMPLEMENTATION: Implementation = Implementation {
    demo: DemoAccount {
        provider: Provider::Vpsnet,
        name: "Demo VPS.NET",
        username: Some(EMAIL),
        secret: API_KEY,
        region: None,
    },
    simulator,
    port_offset: 1,
};

fn simulator(settings: Settings) -> Simulator {
    Simulator::new(Store::new(move || seed::seed(settings.transition, settings.empty)), routes())
}

fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/profile.api10json", get(account::profile))
        .route("/virtual_machines.api10json", get(server::list).post(server::create))
        .route("/virtual_machines/{file}", get(server::show).put(server::edit).delete(server::destroy))
        .route("/virtual_machines/{id}/{file}", post(extras::action))
        .route("/nodes.api10json", get(nodes::list).post(nodes::add))
        .route("/available_clouds.api10json", get(catalog::available_clouds))
        .route("/available_ssd_clouds.api10json", get(catalog::available_ssd_clouds))
        .route("/clouds/{file}", get(catalog::cloud))
        .route("/cloud_groups.api10json", get(catalog::cloud_groups))
        .merge(tickets::routes())
        .merge(billing::routes())
        .merge(dns::routes())
        .merge(extras::routes())
        .merge(templates::routes())
        .merge(nodes::routes())
        .merge(ssd::routes())
        .route_layer(middleware::from_fn(require_login))
        .method_not_allowed_fallback(no_route)
        .fallback(no_route)
}

/// Every call needs the account's Basic credentials; anything else gets the
/// 406 the doc's clients report for bad credentials.
async fn require_login(req: Request, next: Next) -> Response {
    let authorized = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .is_some_and(|(scheme, token)| scheme.eq_ignore_ascii_case("basic") && token.trim() == CREDENTIALS);
    if authorized {
        next.run(req).await
    } else {
        Failure::new(StatusCode::NOT_ACCEPTABLE, "HTTP Basic: Access denied.").into_response()
    }
}

/// How the Rails app behind the API answers a path or method it does not route.
async fn no_route(method: Method, uri: Uri) -> Failure {
    Failure::new(StatusCode::NOT_FOUND, format!("No route matches [{method}] \"{}\"", uri.path()))
}

/// `{id}.api10json` -> the id; `None` for anything else (which is a 404).
fn resource(file: &str) -> Option<&str> {
    file.strip_suffix(SUFFIX).filter(|stem| !stem.is_empty())
}

fn not_found(what: &str) -> Response {
    Failure::new(StatusCode::NOT_FOUND, format!("{what} not found")).into_response()
}

/// An id or count as Rails reads it: a JSON number or a numeric string.
fn integer(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The doc's 422: `{"errors": [[field, message], ...]}`, `base` for the
/// whole record.
fn unprocessable(errors: &[(&str, String)]) -> Response {
    let errors: Vec<[&str; 2]> = errors.iter().map(|(f, m)| [*f, m.as_str()]).collect();
    (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "errors": errors }))).into_response()
}
