use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::watch;

use super::admin::ADMIN_PREFIX;
use super::breaks;
use super::faults::{Faults, Verdict};
use super::log::{LoggedRequest, REQUEST_LOG_LIMIT};

/// The per-listener switchboard shared by the fault middleware, the admin
/// routes and `Sandbox`.
pub(crate) struct Control {
    faults: Mutex<Faults>,
    /// The newest `REQUEST_LOG_LIMIT` requests.
    log: Mutex<VecDeque<LoggedRequest>>,
    latency: Duration,
    reseed: Box<dyn Fn() + Send + Sync>,
    stopped: watch::Sender<bool>,
}

impl Control {
    pub fn new(latency: Duration, reseed: Box<dyn Fn() + Send + Sync>) -> Self {
        Control { faults: Mutex::default(), log: Mutex::default(), latency, reseed, stopped: watch::Sender::new(false) }
    }

    pub fn set_faults(&self, faults: Faults) {
        *self.faults.lock().unwrap_or_else(PoisonError::into_inner) = faults;
    }

    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.log.lock().unwrap_or_else(PoisonError::into_inner).iter().cloned().collect()
    }

    /// Clears faults and log and re-seeds the provider state.
    pub fn reset(&self) {
        self.set_faults(Faults::default());
        self.log.lock().unwrap_or_else(PoisonError::into_inner).clear();
        (self.reseed)();
    }

    pub fn stop(&self) {
        self.stopped.send_replace(true);
    }

    pub async fn stopped(&self) {
        // The sender lives in `self`, so the channel cannot close while we wait.
        let _ = self.stopped.subscribe().wait_for(|stopped| *stopped).await;
    }

    fn record(&self, req: &Request) {
        let uri = req.uri();
        let entry = LoggedRequest::new(req.method().as_str(), uri.path(), uri.query());
        tracing::debug!(method = %entry.method, path = %entry.path, query = %entry.query, "sandbox request");
        let mut log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
        if log.len() == REQUEST_LOG_LIMIT {
            log.pop_front();
        }
        log.push_back(entry);
    }

    /// The verdict and the latency to add, read under one lock so concurrent
    /// requests each consume their own share of `fail_count`.
    fn judge(&self) -> (Verdict, Duration) {
        let mut faults = self.faults.lock().unwrap_or_else(PoisonError::into_inner);
        (faults.judge(), self.latency + Duration::from_millis(faults.latency_ms))
    }
}

/// Logs and applies faults to every request except the admin routes. Their
/// prefix is skipped even when they are not served, so probing for them
/// leaves no trace in a log that tests compare.
pub(crate) async fn simulate(State(control): State<Arc<Control>>, req: Request, next: Next) -> Response {
    if req.uri().path().starts_with(ADMIN_PREFIX) {
        return next.run(req).await;
    }
    control.record(&req);
    let (verdict, latency) = control.judge();
    if verdict == Verdict::Hang {
        control.stopped().await;
        return (StatusCode::SERVICE_UNAVAILABLE, "Sandbox stopped").into_response();
    }
    if verdict == Verdict::Reset {
        return breaks::reset();
    }
    tokio::time::sleep(latency).await;
    match verdict {
        Verdict::Fail { status, retry_after, html } => {
            let mut response = if html {
                breaks::html_error(status)
            } else {
                (status, format!("Simulated failure: HTTP {}", status.as_u16())).into_response()
            };
            if let Some(seconds) = retry_after {
                response.headers_mut().insert(header::RETRY_AFTER, seconds.into());
            }
            response
        }
        Verdict::Malformed => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body><h1>Down for maintenance</h1></body></html>",
        )
            .into_response(),
        Verdict::Proceed | Verdict::Hang | Verdict::Reset => {
            let response = next.run(req).await;
            if let Some(every) = control.drip() {
                breaks::drip(response, every).await
            } else if control.cut_pending() {
                cut(&control, response).await
            } else {
                response
            }
        }
    }
}

impl Control {
    fn drip(&self) -> Option<Duration> {
        self.faults.lock().unwrap_or_else(PoisonError::into_inner).drip_ms.map(Duration::from_millis)
    }

    fn cut_pending(&self) -> bool {
        self.faults.lock().unwrap_or_else(PoisonError::into_inner).cut_body.is_some_and(|n| n > 0)
    }
}

/// Sends the first half of a successful answer's body under its full
/// `Content-Length`, then breaks the connection.
async fn cut(control: &Control, response: Response) -> Response {
    if !response.status().is_success() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Sandbox could not buffer the body").into_response();
    };
    let take = bytes.len() >= 2 && control.faults.lock().unwrap_or_else(PoisonError::into_inner).take_cut();
    if !take {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    }
    parts.headers.insert(header::CONTENT_LENGTH, bytes.len().into());
    let half = bytes.slice(..bytes.len() / 2);
    // The pause lets the first half reach the client before the break.
    let first = futures::stream::once(async move { Ok::<_, std::io::Error>(half) });
    let broken = futures::stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "cut_body fault"))
    });
    Response::from_parts(parts, axum::body::Body::from_stream(futures::StreamExt::chain(first, broken)))
}
