//! VPS247 (`/work/shared/providers/vps247-api.txt`): every call needs the
//! key in an `X-Api-Key` header, bodies are JSON, VMs live under
//! `/virtual_machines`, power calls answer 406 in the wrong state and
//! deleting is allowed only on a halted VM (400 otherwise).

mod catalog;
mod seed;
mod state;
mod vm;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::common::{Settings, Simulator, Store};
use crate::registry::Implementation;
use crate::{DemoAccount, Provider};
use state::Vps247;

/// The only key the simulator accepts.
const API_KEY: &str = "VPSDESK0DEMO0VPS2470SANDBOX0KEY000001";

pub(crate) const IMPLEMENTATION: Implementation = Implementation {
    demo: DemoAccount {
        provider: Provider::Vps247,
        name: "Demo VPS247",
        username: None,
        secret: API_KEY,
        region: None,
    },
    simulator,
    port_offset: 2,
};

fn simulator(settings: Settings) -> Simulator {
    Simulator::new(Store::new(move || seed::seed(settings.transition, settings.empty)), routes())
}

/// An error answered as a JSON `{"error": …}`; the doc only says the
/// response "will contain an error message".
pub(super) struct Refusal {
    status: StatusCode,
    message: String,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Refusal {
    Refusal { status, message: message.into() }
}

fn routes() -> Router<Store<Vps247>> {
    Router::new()
        .route("/virtual_machines", get(vm::list).post(vm::create))
        .route("/virtual_machines/{id}", get(vm::show).delete(vm::delete))
        .route("/virtual_machines/{id}/start", post(vm::start))
        .route("/virtual_machines/{id}/stop", post(vm::stop))
        .route("/virtual_machines/{id}/restart", post(vm::restart))
        .route("/virtual_machines/{id}/kill", post(vm::kill))
        .route("/packages", get(catalog::packages))
        .route("/packages/{id}", get(catalog::package_by_id))
        .route("/regions", get(catalog::regions))
        .route("/regions/{id}", get(catalog::region_by_id))
        .route("/os_templates", get(catalog::os_templates))
        .route("/os_templates/{id}", get(catalog::os_template_by_id))
        .route_layer(middleware::from_fn(require_key))
        .method_not_allowed_fallback(wrong_method)
        .fallback(unknown_path)
}

async fn require_key(req: Request, next: Next) -> Response {
    let key = req.headers().get("x-api-key").and_then(|v| v.to_str().ok());
    if key == Some(API_KEY) {
        next.run(req).await
    } else {
        refuse(StatusCode::UNAUTHORIZED, "Invalid or missing X-Api-Key").into_response()
    }
}

async fn wrong_method() -> Refusal {
    refuse(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed")
}

async fn unknown_path() -> Refusal {
    refuse(StatusCode::NOT_FOUND, "Not found")
}
