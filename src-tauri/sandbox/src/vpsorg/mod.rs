//! VPS.org API v1 (`/work/shared/providers/vpsorg-api-v1.txt`, in
//! Esperanto): a Django REST Framework style API. `Authorization: Bearer
//! <token>`, JSON bodies both ways, every path ends in a slash, the server
//! list is paginated (`count`, `next`, `previous`, `results`), errors are
//! `{"detail": ...}` or per-field lists.

mod catalog;
mod error;
mod input;
mod seed;
mod server;
mod state;
mod view;

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::common::{Settings, Simulator, Store};
use crate::registry::Implementation;
use crate::{DemoAccount, Provider};
use error::{detail, ApiError};
use state::VpsOrg;

/// The only token the simulator accepts.
const API_TOKEN: &str = "VPSDESK0DEMO0VPSORG0SANDBOX0TOKEN00001";

pub(crate) const IMPLEMENTATION: Implementation = Implementation {
    demo: DemoAccount {
        provider: Provider::Vpsorg,
        name: "Demo VPS.org",
        username: None,
        secret: API_TOKEN,
        region: None,
    },
    simulator,
    port_offset: 4,
};

fn simulator(settings: Settings) -> Simulator {
    Simulator::new(Store::new(move || seed::seed(settings.transition, settings.empty)), routes())
}

fn routes() -> Router<Store<VpsOrg>> {
    Router::new()
        .route("/api/v1/servers/", get(server::list).post(server::create))
        .route(
            "/api/v1/servers/{id}/",
            get(server::show).put(server::update).patch(server::update).delete(server::destroy),
        )
        .route("/api/v1/servers/{id}/start/", post(server::start))
        .route("/api/v1/servers/{id}/stop/", post(server::stop))
        .route("/api/v1/servers/{id}/reboot/", post(server::reboot))
        .route_layer(middleware::from_fn(require_token))
        .method_not_allowed_fallback(wrong_method)
        .fallback(unknown_path)
}

/// 401 for a missing header, another scheme or another token.
async fn require_token(req: Request, next: Next) -> Response {
    let sent = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
    match sent.as_deref().and_then(|v| v.strip_prefix("Bearer ")) {
        Some(token) if token.trim() == API_TOKEN => next.run(req).await,
        Some(_) => detail(StatusCode::UNAUTHORIZED, "Invalid token.").into_response(),
        None => detail(StatusCode::UNAUTHORIZED, "Authentication credentials were not provided.").into_response(),
    }
}

async fn wrong_method(method: Method) -> ApiError {
    detail(StatusCode::METHOD_NOT_ALLOWED, &format!("Method \"{method}\" not allowed."))
}

/// Paths without their trailing slash land here too.
async fn unknown_path() -> ApiError {
    detail(StatusCode::NOT_FOUND, "Not found.")
}
