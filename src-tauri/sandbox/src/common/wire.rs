use std::collections::HashMap;
use std::fmt::Display;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

/// An error answered as status + plain-text body, the way the providers do.
#[derive(Debug)]
pub(crate) struct Failure {
    status: StatusCode,
    message: String,
}

impl Failure {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Failure { status, message: message.into() }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.status, self.message).into_response()
    }
}

/// Request parameters: the query string of a GET, the form-encoded body
/// otherwise. The body is parsed whatever its content type, so a client that
/// sends the wrong format sees the provider's "missing parameter" answer.
pub(crate) struct Params(HashMap<String, String>);

impl Params {
    /// A parameter that was sent and is not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.text(name).filter(|v| !v.is_empty())
    }

    /// A parameter that was sent, possibly empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

impl<S: Send + Sync> FromRequest<S> for Params {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let raw = if matches!(*req.method(), Method::GET | Method::HEAD) {
            Bytes::copy_from_slice(req.uri().query().unwrap_or_default().as_bytes())
        } else {
            Bytes::from_request(req, state).await.map_err(IntoResponse::into_response)?
        };
        Ok(Params(form_urlencoded::parse(&raw).into_owned().collect()))
    }
}

/// A JSON object keyed by id, in insertion order, that comes out as `[]` when
/// empty: the PHP habit some providers (Vultr) have.
pub(crate) struct Keyed<K, V>(Vec<(K, V)>);

impl<K, V> FromIterator<(K, V)> for Keyed<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Keyed(iter.into_iter().collect())
    }
}

impl<K: Display, V: Serialize> Serialize for Keyed<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_empty() {
            return serializer.serialize_seq(Some(0))?.end();
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(&key.to_string(), value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_keeps_order_and_empties_to_array() {
        let keyed: Keyed<u64, &str> = [(9, "b"), (10, "a")].into_iter().collect();
        assert_eq!(serde_json::to_string(&keyed).unwrap(), r#"{"9":"b","10":"a"}"#);
        let empty: Keyed<u64, &str> = std::iter::empty().collect();
        assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
    }
}
