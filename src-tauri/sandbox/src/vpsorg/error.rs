//! Errors the way a Django REST Framework API answers them: JSON, either
//! `{"detail": "..."}` or, for invalid input, `{"field": ["message", ...]}`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    body: Value,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer realm=\"api\""));
        }
        response
    }
}

pub(super) fn detail(status: StatusCode, message: &str) -> ApiError {
    ApiError { status, body: json!({ "detail": message }) }
}

/// One field's problem.
pub(super) fn invalid(field: &str, message: &str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add(field, message);
    ApiError { status: StatusCode::BAD_REQUEST, body: Value::Object(errors.0) }
}

/// Per-field problems collected over a whole request body, so a client
/// learns every mistake at once.
#[derive(Default)]
pub(super) struct FieldErrors(Map<String, Value>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        let list = self.0.entry(field).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = list {
            items.push(Value::String(message.into()));
        }
    }

    /// `Ok` when nothing was added, else the 400 with every message.
    pub fn check(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError { status: StatusCode::BAD_REQUEST, body: Value::Object(self.0) })
        }
    }
}
