//! The one HTTP stack every provider uses: timeouts, retries only where a
//! request is safe to repeat, per-account rate limits, and redaction of
//! secrets from everything that could be printed.

use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT_ENCODING, CONTENT_RANGE, ETAG, IF_RANGE, LAST_MODIFIED, RANGE, RETRY_AFTER,
};
use reqwest::Method;
use tokio::sync::Mutex;
use url::Url;

use crate::error::{Error, ErrorKind, Result};
use crate::secret::{basic_credentials, redact, Secret};

#[derive(Clone, Debug)]
pub struct HttpConfig {
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    /// Extra attempts for a safe request after the first one.
    pub max_retries: u32,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// A `Retry-After` longer than this is not waited for: the caller gets a
    /// rate-limited error that says when to try again.
    pub max_retry_after: Duration,
}

impl Default for HttpConfig {
    fn default() -> Self {
        let total = std::env::var("VPSDESK_HTTP_TIMEOUT_SECS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .filter(|s| *s > 0)
            .unwrap_or(30);
        HttpConfig {
            connect_timeout: Duration::from_secs(10.min(total)),
            total_timeout: Duration::from_secs(total),
            max_retries: 3,
            backoff_base: Duration::from_millis(250),
            backoff_cap: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

/// One `reqwest::Client` for the process; cheap to clone.
#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    config: HttpConfig,
}

impl Http {
    pub fn new(config: HttpConfig) -> Self {
        let client = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            .user_agent(concat!("vpsdesk/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .expect("reqwest client with rustls builds");
        Http { client, config }
    }
}

impl Default for Http {
    fn default() -> Self {
        Http::new(HttpConfig::default())
    }
}

pub enum Body {
    Empty,
    Form(Vec<(String, String)>),
    Json(serde_json::Value),
    Text(String),
    /// Raw bytes; `encoding` is their `Content-Encoding` (e.g. gzip).
    Bytes { content_type: &'static str, encoding: Option<&'static str>, data: Vec<u8> },
}

pub struct Request {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Body,
    /// True when sending it twice does no harm (reads, documented idempotent
    /// writes). Only such requests are retried.
    pub safe: bool,
}

impl Request {
    pub fn get(path: impl Into<String>) -> Self {
        Request { method: Method::GET, path: path.into(), query: Vec::new(), body: Body::Empty, safe: true }
    }
    pub fn post(path: impl Into<String>) -> Self {
        Request { method: Method::POST, path: path.into(), query: Vec::new(), body: Body::Empty, safe: false }
    }
    pub fn put(path: impl Into<String>) -> Self {
        Request { method: Method::PUT, path: path.into(), query: Vec::new(), body: Body::Empty, safe: false }
    }
    pub fn delete(path: impl Into<String>) -> Self {
        Request { method: Method::DELETE, path: path.into(), query: Vec::new(), body: Body::Empty, safe: false }
    }
    pub fn query(mut self, k: &str, v: impl Into<String>) -> Self {
        self.query.push((k.to_string(), v.into()));
        self
    }
    pub fn form(mut self, fields: Vec<(String, String)>) -> Self {
        self.body = Body::Form(fields);
        self
    }
    pub fn json(mut self, v: serde_json::Value) -> Self {
        self.body = Body::Json(v);
        self
    }
    pub fn text(mut self, v: impl Into<String>) -> Self {
        self.body = Body::Text(v.into());
        self
    }
    /// Marks a write the provider documents as idempotent as retryable.
    pub fn idempotent(mut self) -> Self {
        self.safe = true;
        self
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// How a provider authenticates; applied to every request of an account.
pub enum Auth {
    /// Vultr v1: the key rides in the query string.
    Query { name: &'static str, secret: Secret },
    Header { name: HeaderName, secret: Secret },
    Basic { username: String, secret: Secret },
    /// VPS.org style `Authorization: Bearer …` / `Token …`.
    Bearer { scheme: &'static str, secret: Secret },
}

impl Auth {
    fn secret(&self) -> &Secret {
        match self {
            Auth::Query { secret, .. }
            | Auth::Header { secret, .. }
            | Auth::Basic { secret, .. }
            | Auth::Bearer { secret, .. } => secret,
        }
    }
}

/// Spaces requests so an account never exceeds its provider's rate limit.
struct RateLimit {
    interval: Duration,
    next: Mutex<Instant>,
}

impl RateLimit {
    async fn wait(&self) {
        let mut next = self.next.lock().await;
        let now = Instant::now();
        let at = (*next).max(now);
        *next = at + self.interval;
        drop(next);
        if at > now {
            tokio::time::sleep(at - now).await;
        }
    }
}

/// An account's view of the HTTP stack: its origin, its credentials and its
/// rate limit. Everything it reports is scrubbed of the secret.
pub struct ApiClient {
    http: Http,
    origin: Url,
    auth: Auth,
    headers: Vec<(HeaderName, HeaderValue)>,
    limit: Option<RateLimit>,
}

impl ApiClient {
    pub fn new(http: Http, origin: &str, auth: Auth) -> Result<Self> {
        let origin = Url::parse(origin).map_err(|e| Error::validation(format!("endpoint {origin:?} is not a URL: {e}")))?;
        Ok(ApiClient { http, origin, auth, headers: Vec::new(), limit: None })
    }

    pub fn with_header(mut self, name: HeaderName, value: &'static str) -> Self {
        self.headers.push((name, HeaderValue::from_static(value)));
        self
    }

    pub fn with_rate_limit(mut self, per_second: u32) -> Self {
        self.limit = Some(RateLimit {
            interval: Duration::from_millis(1000 / u64::from(per_second.max(1))),
            next: Mutex::new(Instant::now()),
        });
        self
    }

    /// The host requests go to, for providers that hand out services on it.
    pub fn host(&self) -> &str {
        self.origin.host_str().unwrap_or_default()
    }

    pub fn redact(&self, text: &str) -> String {
        match &self.auth {
            Auth::Basic { username, secret } => redact(text, &[&basic_credentials(username, secret), secret]),
            other => redact(text, &[other.secret()]),
        }
    }

    fn url(&self, req: &Request) -> Result<Url> {
        let mut url = self
            .origin
            .join(&req.path)
            .map_err(|e| Error::validation(format!("bad request path {}: {e}", req.path)))?;
        if !req.query.is_empty() || matches!(self.auth, Auth::Query { .. }) {
            let mut q = url.query_pairs_mut();
            for (k, v) in &req.query {
                q.append_pair(k, v);
            }
            if let Auth::Query { name, secret } = &self.auth {
                q.append_pair(name, secret.expose());
            }
        }
        Ok(url)
    }

    /// Sends a request, retrying it only when it is safe to repeat, and
    /// returns whatever status the provider answered with; mapping statuses
    /// to errors is the provider's business. Transport failures come back as
    /// `unreachable` or `timeout` errors that never contain the URL's secret.
    pub async fn send(&self, req: Request) -> Result<Response> {
        let url = self.url(&req)?;
        let shown = self.shown_url(&url);
        let cfg = &self.http.config;
        let mut attempt = 0u32;
        loop {
            if let Some(limit) = &self.limit {
                limit.wait().await;
            }
            tracing::debug!(method = %req.method, url = %shown, attempt, "request");
            let outcome = self.once(&req, url.clone()).await;
            let retry_in = match &outcome {
                Ok(resp) if matches!(resp.status, 429 | 502 | 503 | 504) && req.safe => {
                    match retry_after(&resp.headers) {
                        Some(wait) if wait > cfg.max_retry_after => None,
                        Some(wait) => Some(wait),
                        None => Some(self.backoff(attempt)),
                    }
                }
                // A connection closed early (reset, body cut off) is as safe
                // to retry as a refused one when the request may be repeated.
                Err(TransportError::Connect(_) | TransportError::Body(_)) if req.safe => Some(self.backoff(attempt)),
                _ => None,
            };
            match retry_in {
                Some(wait) if attempt < cfg.max_retries => {
                    attempt += 1;
                    tracing::debug!(url = %shown, ?wait, "retrying");
                    tokio::time::sleep(wait).await;
                }
                _ => {
                    return outcome.map_err(|e| e.into_error(&self.origin, cfg.total_timeout));
                }
            }
        }
    }

    async fn once(&self, req: &Request, url: Url) -> std::result::Result<Response, TransportError> {
        let mut rb = self.authorized(req.method.clone(), url, None);
        rb = match &req.body {
            Body::Empty => rb,
            Body::Form(fields) => rb.form(fields),
            Body::Json(v) => rb.json(v),
            Body::Text(t) => rb.header(reqwest::header::CONTENT_TYPE, "text/plain").body(t.clone()),
            Body::Bytes { content_type, encoding, data } => {
                let rb = rb.header(reqwest::header::CONTENT_TYPE, *content_type);
                let rb = match encoding {
                    Some(e) => rb.header(reqwest::header::CONTENT_ENCODING, *e),
                    None => rb,
                };
                rb.body(data.clone())
            }
        };
        let resp = rb.send().await.map_err(TransportError::from)?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(TransportError::from)?.to_vec();
        Ok(Response { status, headers, body })
    }

    /// A request with the account's headers and credentials; `accept`
    /// replaces the account's own `Accept` header.
    fn authorized(&self, method: Method, url: Url, accept: Option<&'static str>) -> reqwest::RequestBuilder {
        let mut rb = self.http.client.request(method, url);
        for (k, v) in &self.headers {
            if accept.is_none() || k != reqwest::header::ACCEPT {
                rb = rb.header(k, v);
            }
        }
        if let Some(accept) = accept {
            rb = rb.header(reqwest::header::ACCEPT, accept);
        }
        match &self.auth {
            Auth::Query { .. } => rb,
            Auth::Header { name, secret } => rb.header(name, secret.expose()),
            Auth::Basic { username, secret } => rb.basic_auth(username, Some(secret.expose())),
            Auth::Bearer { scheme, secret } => {
                rb.header(reqwest::header::AUTHORIZATION, format!("{scheme} {}", secret.expose()))
            }
        }
    }

    /// GETs a file, following redirects. When the connection breaks in the
    /// middle of the body, the rest is asked for with `Range: bytes=N-` (and
    /// `If-Range`, so a file that changed meanwhile comes whole), up to
    /// `max_retries` times. A status other than 2xx comes back as the
    /// response, for the provider to explain.
    pub async fn download(&self, path: &str, accept: &'static str) -> Result<Downloaded> {
        let url = self.url(&Request::get(path))?;
        let shown = self.shown_url(&url);
        let cfg = &self.http.config;
        let mut body: Vec<u8> = Vec::new();
        let mut resumed_at = Vec::new();
        let mut validator: Option<HeaderValue> = None;
        let mut attempt = 0u32;
        loop {
            if let Some(limit) = &self.limit {
                limit.wait().await;
            }
            let offset = body.len() as u64;
            // Ranges count bytes of the file as stored, not of a compressed transfer.
            let mut rb = self.authorized(Method::GET, url.clone(), Some(accept)).header(ACCEPT_ENCODING, "identity");
            if offset > 0 {
                rb = rb.header(RANGE, format!("bytes={offset}-"));
                if let Some(v) = &validator {
                    rb = rb.header(IF_RANGE, v.clone());
                }
            }
            tracing::debug!(url = %shown, offset, attempt, "download");
            let mut resp = match rb.send().await.map_err(TransportError::from) {
                Ok(resp) => resp,
                // A GET of a file is safe to repeat, whatever broke.
                Err(TransportError::Connect(_) | TransportError::Body(_)) if attempt < cfg.max_retries => {
                    attempt += 1;
                    tokio::time::sleep(self.backoff(attempt)).await;
                    continue;
                }
                Err(e) => return Err(e.into_error(&self.origin, cfg.total_timeout)),
            };
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            match status {
                206 if offset > 0 && range_start(&headers) == Some(offset) => {}
                206 if offset > 0 => {
                    return Err(Error::new(
                        ErrorKind::Unreachable,
                        "the download broke off and the rest came back from the wrong place; try again",
                    ));
                }
                // The server sent the whole file after all: start over.
                200 => body.clear(),
                s if (200..300).contains(&s) && offset == 0 => {}
                _ => {
                    let text = resp.bytes().await.map_err(TransportError::from).map_err(|e| e.into_error(&self.origin, cfg.total_timeout))?;
                    return Ok(Downloaded { response: Response { status, headers, body: text.to_vec() }, resumed_at });
                }
            }
            if offset == 0 || status == 200 {
                validator = headers.get(ETAG).or_else(|| headers.get(LAST_MODIFIED)).cloned();
            }
            let broke = loop {
                match resp.chunk().await {
                    Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                    Ok(None) => break None,
                    Err(e) => break Some(TransportError::from(e)),
                }
            };
            match broke {
                None => {
                    return Ok(Downloaded { response: Response { status: 200, headers, body }, resumed_at });
                }
                Some(e) if attempt >= cfg.max_retries => return Err(e.into_error(&self.origin, cfg.total_timeout)),
                Some(_) => {
                    attempt += 1;
                    resumed_at.push(body.len() as u64);
                    tracing::debug!(url = %shown, at = body.len(), "download broke off; resuming");
                }
            }
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let cfg = &self.http.config;
        let exp = cfg.backoff_base.saturating_mul(1u32 << attempt.min(16));
        let capped = exp.min(cfg.backoff_cap);
        // Full jitter: spreads retries of many clients hitting one provider.
        let ms = rand::rng().random_range(capped.as_millis() as u64 / 2..=capped.as_millis() as u64);
        Duration::from_millis(ms)
    }

    /// The URL as it may be logged: no query string (it can hold the key).
    fn shown_url(&self, url: &Url) -> String {
        let mut u = url.clone();
        u.set_query(None);
        self.redact(u.as_str())
    }
}

/// A finished download: the response with the whole body, and the offsets
/// it had to resume from.
#[derive(Debug)]
pub struct Downloaded {
    pub response: Response,
    pub resumed_at: Vec<u64>,
}

/// The first byte of a 206's `Content-Range: bytes START-END/TOTAL`.
fn range_start(headers: &HeaderMap) -> Option<u64> {
    let v = headers.get(CONTENT_RANGE)?.to_str().ok()?;
    v.trim().strip_prefix("bytes ")?.split('-').next()?.trim().parse().ok()
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(at.duration_since(std::time::SystemTime::now()).unwrap_or_default())
}

/// Seconds from a `Retry-After` header, for messages that say when to retry.
pub fn retry_after_secs(resp: &Response) -> Option<u64> {
    retry_after(&resp.headers).map(|d| d.as_secs().max(1))
}

enum TransportError {
    Connect(String),
    Timeout,
    Body(String),
}

impl From<reqwest::Error> for TransportError {
    fn from(e: reqwest::Error) -> Self {
        // Never keep reqwest's Display: it prints the URL, query string and all.
        let e = e.without_url();
        if e.is_timeout() {
            TransportError::Timeout
        } else if e.is_connect() {
            TransportError::Connect(root_cause(&e))
        } else {
            TransportError::Body(root_cause(&e))
        }
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

impl TransportError {
    fn into_error(self, origin: &Url, timeout: Duration) -> Error {
        let host = origin.host_str().unwrap_or("the provider");
        let host = match origin.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_string(),
        };
        match self {
            TransportError::Connect(cause) => Error::new(
                ErrorKind::Unreachable,
                format!("cannot reach {host} ({cause}); check the endpoint and your network connection"),
            ),
            TransportError::Timeout => Error::new(
                ErrorKind::Timeout,
                format!("{host} did not answer within {} s; the provider may be overloaded, try again later", timeout.as_secs_f32()),
            ),
            TransportError::Body(cause) => Error::new(
                ErrorKind::Unreachable,
                format!("the connection to {host} broke off ({cause}); try again"),
            ),
        }
    }
}
