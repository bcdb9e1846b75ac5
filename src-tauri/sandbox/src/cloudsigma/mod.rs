//! CloudSigma API 1.0 (`/work/shared/providers/cloudsigma-api-1.0.txt`):
//! HTTP Basic auth with the account email and password, text/plain
//! key/value bodies, 204 for actions, 400 with the input echoed back and
//! `errors:KEY` lines, 401, 404, 405 and 409 as the doc's error table says.

/// One of the doc's example answers, as the core's tests read them too.
/// Defined before the modules so each of them can use it.
macro_rules! doc {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures/cloudsigma/", $name))
    };
}

mod billing;
mod drive;
mod drive_data;
mod extras;
mod kv;
mod seed;
mod server;
mod state;

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::common::{Failure, Settings, Simulator, Store};
use crate::registry::Implementation;
use crate::{DemoAccount, Provider};
use kv::Props;
use state::Cloudsigma;
use vpsdesk_core::secret::{basic_credentials, Secret};

const EMAIL: &str = "demo@vpsdesk.test";
const PASSWORD: &str = "VPSDESK0DEMO0CLOUDSIGMA0SANDBOX0PASSWORD01";

pub(crate) const IMPLEMENTATION: Implementation = Implementation {
    demo: DemoAccount {
        provider: Provider::Cloudsigma,
        name: "Demo CloudSigma",
        username: Some(EMAIL),
        secret: PASSWORD,
        region: Some("zrh"),
    },
    simulator,
    port_offset: 3,
};

fn simulator(settings: Settings) -> Simulator {
    Simulator::new(Store::new(move || seed::seed(settings.transition, settings.empty)), routes())
}

fn not_found(message: String) -> Failure {
    Failure::new(StatusCode::NOT_FOUND, message)
}

/// The doc's 409: "Drive, server or other resource is busy".
fn busy(message: String) -> Failure {
    Failure::new(StatusCode::CONFLICT, message)
}

/// The doc's 400 "Error key/value pairs": the input echoed back, each
/// error as `errors:KEY message` under its key (or at the end).
fn bad_request(input: &Props, errors: &[(String, String)]) -> Failure {
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in input {
        out.push((k.clone(), v.clone()));
        for (field, message) in errors.iter().filter(|(f, _)| f == k) {
            out.push((format!("errors:{field}"), message.clone()));
        }
    }
    for (field, message) in errors {
        if !input.iter().any(|(k, _)| k == field) {
            out.push((format!("errors:{field}"), message.clone()));
        }
    }
    Failure::new(StatusCode::BAD_REQUEST, kv::write_props(&out))
}

fn servers() -> Router<Store<Cloudsigma>> {
    Router::new()
        .route("/list", get(server::list))
        .route("/info", get(server::info_all))
        .route("/create", post(server::create))
        .route("/{uuid}/info", get(server::info))
        .route("/{uuid}/set", post(server::set))
        // The doc's tables say GET for these, its destroy example POSTs.
        .route("/{uuid}/start", get(server::start).post(server::start))
        .route("/{uuid}/stop", get(server::stop).post(server::stop))
        .route("/{uuid}/shutdown", get(server::shutdown).post(server::shutdown))
        .route("/{uuid}/destroy", get(server::destroy).post(server::destroy))
}

fn routes() -> Router<Store<Cloudsigma>> {
    Router::new()
        .route("/profile/info", get(extras::profile_info))
        .route("/balance/info", get(billing::balance))
        .route("/usage/info", get(|| async { seed::USAGE }))
        .merge(billing::routes())
        .merge(extras::routes())
        .route("/drives/list", get(drive::list))
        .route("/drives/info", get(drive::info_all))
        .route("/drives/create", post(drive::create))
        .route("/drives/standard/list", get(drive::standard_list))
        .route("/drives/standard/img/list", get(drive::standard_list))
        .route("/drives/standard/cd/list", get(drive::standard_list))
        .route("/drives/{uuid}/info", get(drive::info))
        .route("/drives/{uuid}/clone", post(drive::clone))
        .route("/drives/{uuid}/destroy", post(drive::destroy))
        .nest("/servers", servers())
        .nest("/guests", servers())
        .method_not_allowed_fallback(|| async {
            Failure::new(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed: GET used on a command expecting POST")
        })
        .fallback(|| async { not_found("Command not found".to_owned()) })
        .layer(middleware::from_fn(require_login))
}

/// Every call needs the login, unknown commands included.
async fn require_login(req: Request, next: Next) -> Response {
    let login = basic_credentials(EMAIL, &Secret::new(PASSWORD));
    let expected = format!("Basic {}", login.expose());
    let given = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    if given == Some(expected.as_str()) {
        next.run(req).await
    } else {
        let mut response =
            Failure::new(StatusCode::UNAUTHORIZED, "HTTP Basic Authentication missing or incorrect").into_response();
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Basic realm=\"CloudSigma\""));
        response
    }
}
