//! Routes that let tests outside the process drive a simulator. They belong
//! to no provider API and are never logged or faulted.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
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
