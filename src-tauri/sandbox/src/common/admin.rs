//! Routes that let tests outside the process drive a simulator, served only
//! with `Options::admin`. They belong to no provider API and are never logged
//! or faulted.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{any, get, post};
use axum::{Json, Router};

use super::control::Control;
use super::faults::Faults;
use super::log::LoggedRequest;

pub(crate) const ADMIN_PREFIX: &str = "/__sandbox/";

pub(crate) fn routes(control: Arc<Control>) -> Router {
    Router::new()
        .route("/__sandbox/requests", get(requests))
        .route("/__sandbox/faults", post(set_faults))
        .route("/__sandbox/reset", post(reset))
        .with_state(control)
}

/// What a listener without admin routes serves under their prefix: a plain
/// 404, the same from every provider, rather than each provider's own answer
/// to an unknown path (Vultr's 400, CloudSigma's 401 before the login check).
pub(crate) fn absent() -> Router {
    Router::new().route(&format!("{ADMIN_PREFIX}{{*rest}}"), any(|| async { StatusCode::NOT_FOUND }))
}

async fn requests(State(control): State<Arc<Control>>) -> Json<Vec<LoggedRequest>> {
    Json(control.requests())
}

async fn set_faults(State(control): State<Arc<Control>>, Json(faults): Json<Faults>) -> StatusCode {
    control.set_faults(faults);
    StatusCode::NO_CONTENT
}

async fn reset(State(control): State<Arc<Control>>) -> StatusCode {
    control.reset();
    StatusCode::NO_CONTENT
}
