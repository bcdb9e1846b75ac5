//! Answers that break at the transport level, for the fault switches that a
//! status code cannot express: a connection closed without an answer, and a
//! body that trickles in slower than any client waits.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

/// An answer whose body fails before its first byte: hyper then drops the
/// connection with the head still unsent, so the client reads nothing at all.
pub(crate) fn reset() -> Response {
    let broken = futures::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset fault"))
    });
    Response::new(Body::from_stream(broken))
}

/// The HTML page a proxy in front of the API answers with when the backend
/// fails, under the failing status.
pub(crate) fn html_error(status: StatusCode) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    let code = status.as_u16();
    let page = format!(
        "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    (status, [(axum::http::header::CONTENT_TYPE, "text/html")], page).into_response()
}

/// Sends a successful answer's head at once and its body one byte every
/// `every`, under its full `Content-Length`.
pub(crate) async fn drip(response: Response, every: Duration) -> Response {
    if !response.status().is_success() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Sandbox could not buffer the body").into_response();
    };
    parts.headers.insert(axum::http::header::CONTENT_LENGTH, bytes.len().into());
    let bytes_each = futures::stream::iter((0..bytes.len()).map(move |i| bytes.slice(i..=i)));
    let slow = bytes_each.then(move |b| async move {
        tokio::time::sleep(every).await;
        Ok::<_, std::io::Error>(b)
    });
    Response::from_parts(parts, Body::from_stream(slow))
}
