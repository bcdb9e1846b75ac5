//! The one HTTP stack every provider uses: timeouts, retries only where a
//! request is safe to repeat, per-account rate limits, and redaction of
//! secrets from everything that could be printed. Credentials never leave
//! the account's origin: a redirect elsewhere is refused, not followed.

use std::collections::VecDeque;
use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use rand::Rng;
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT_ENCODING, CONTENT_RANGE, ETAG, IF_RANGE, LAST_MODIFIED, RANGE,
    RETRY_AFTER,
};
use reqwest::Method;
use tokio::sync::Mutex;
use tokio::time::Instant;
use url::Url;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, ErrorKind, Result};
use crate::secret::{basic_credentials, redact, Secret};

/// The most an API answer may hold once decompressed. Real answers are a few
/// hundred KiB at most; past this a provider (or whatever answers in its
/// place) is broken or hostile, and reading on would only exhaust memory.
pub const API_BODY_LIMIT: usize = 32 * 1024 * 1024;

/// Same-origin redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

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
    /// The most bytes an API answer may hold after decompression. File
    /// downloads (`ApiClient::download`) are not bound by it.
    pub max_body: usize,
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
            max_body: API_BODY_LIMIT,
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
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                match check_redirect(attempt.previous(), attempt.url()) {
                    Ok(()) => attempt.follow(),
                    Err(refused) => attempt.error(refused),
                }
            }))
            // The URL being left can carry the key (Vultr's query string).
            .referer(false)
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
    Bytes {
        content_type: &'static str,
        encoding: Option<&'static str>,
        data: Vec<u8>,
    },
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
    Query {
        name: &'static str,
        secret: Secret,
    },
    Header {
        name: HeaderName,
        secret: Secret,
    },
    Basic {
        username: String,
        secret: Secret,
    },
    /// VPS.org style `Authorization: Bearer …` / `Token …`.
    Bearer {
        scheme: &'static str,
        secret: Secret,
    },
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

/// Keeps an account within its provider's "N requests per second": at most N
/// requests start in any one second. Requests that come together (a page
/// asking for the servers and the plans at once) go out together; evenly
/// spaced requests would make the second wait 1/N s for nothing.
struct RateLimit {
    per_second: usize,
    /// When the latest `per_second` requests started (or will, once they have waited).
    starts: Mutex<VecDeque<Instant>>,
}

impl RateLimit {
    const WINDOW: Duration = Duration::from_secs(1);

    fn new(per_second: u32) -> Self {
        let per_second = per_second.max(1) as usize;
        RateLimit { per_second, starts: Mutex::new(VecDeque::with_capacity(per_second)) }
    }

    async fn wait(&self) {
        let mut starts = self.starts.lock().await;
        let now = Instant::now();
        let at = if starts.len() < self.per_second {
            now
        } else {
            let oldest = starts.pop_front().unwrap_or(now);
            (oldest + Self::WINDOW).max(now)
        };
        starts.push_back(at);
        drop(starts);
        // Not `sleep_until(now)`: tokio rounds a deadline up to its next millisecond tick, so
        // every request would wait up to 1 ms for a timer even with the limit far away.
        if at > now {
            tokio::time::sleep_until(at).await;
        }
    }
}

/// An account's view of the HTTP stack: its origin, its credentials and its
/// rate limit. Everything it reports is scrubbed of the secret.
pub struct ApiClient {
    http: Http,
    origin: Url,
    auth: Auth,
    /// The header carrying the credentials, built once so that every request
    /// shares one buffer instead of leaving a copy of the key behind.
    auth_header: Option<AuthHeader>,
    headers: Vec<(HeaderName, HeaderValue)>,
    limit: Option<RateLimit>,
}

/// A credential header whose bytes are wiped when the client is dropped.
struct AuthHeader {
    name: HeaderName,
    value: HeaderValue,
    /// The same buffer as `value`'s; kept to get it back for wiping.
    bytes: Bytes,
}

impl AuthHeader {
    fn new(name: HeaderName, parts: &[&str]) -> Result<AuthHeader> {
        // Sized up front so the buffer is never reallocated, leaving no copy behind.
        let mut buf = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
        for p in parts {
            buf.extend_from_slice(p.as_bytes());
        }
        if !buf.iter().all(|&b| b == b'\t' || (b' '..=b'~').contains(&b) || b >= 0x80) {
            buf.zeroize();
            return Err(Error::validation(
                "the key contains a line break or control character, which cannot be sent to the provider; paste it again",
            ));
        }
        let bytes = Bytes::from(buf);
        let mut value = HeaderValue::from_maybe_shared(bytes.clone())
            .map_err(|_| Error::validation("the key cannot be sent in an HTTP header"))?;
        value.set_sensitive(true);
        Ok(AuthHeader { name, value, bytes })
    }
}

impl Drop for AuthHeader {
    fn drop(&mut self) {
        self.value = HeaderValue::from_static("");
        // Only once every request that shared the buffer is gone is it ours
        // alone to wipe; a request still in flight keeps it as it is.
        if let Ok(mut buf) = std::mem::take(&mut self.bytes).try_into_mut() {
            buf[..].zeroize();
        }
    }
}

/// A request URL that may carry the key in its query string; its text is
/// wiped when dropped.
struct KeyedUrl(Option<Url>);

impl KeyedUrl {
    fn get(&self) -> &Url {
        self.0.as_ref().expect("a KeyedUrl holds its URL until dropped")
    }
}

impl Drop for KeyedUrl {
    fn drop(&mut self) {
        if let Some(url) = self.0.take() {
            drop(Zeroizing::new(String::from(url)));
        }
    }
}

impl ApiClient {
    pub fn new(http: Http, origin: &str, auth: Auth) -> Result<Self> {
        let origin =
            Url::parse(origin).map_err(|e| Error::validation(format!("endpoint {origin:?} is not a URL: {e}")))?;
        let auth_header = match &auth {
            Auth::Query { .. } => None,
            Auth::Header { name, secret } => Some(AuthHeader::new(name.clone(), &[secret.expose()])?),
            Auth::Basic { username, secret } => Some(AuthHeader::new(
                reqwest::header::AUTHORIZATION,
                &["Basic ", basic_credentials(username, secret).expose()],
            )?),
            Auth::Bearer { scheme, secret } => {
                Some(AuthHeader::new(reqwest::header::AUTHORIZATION, &[scheme, " ", secret.expose()])?)
            }
        };
        Ok(ApiClient { http, origin, auth, auth_header, headers: Vec::new(), limit: None })
    }

    pub fn with_header(mut self, name: HeaderName, value: &'static str) -> Self {
        self.headers.push((name, HeaderValue::from_static(value)));
        self
    }

    pub fn with_rate_limit(mut self, per_second: u32) -> Self {
        self.limit = Some(RateLimit::new(per_second));
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

    fn url(&self, req: &Request) -> Result<KeyedUrl> {
        let mut url = self
            .origin
            .join(&req.path)
            .map_err(|e| Error::validation(format!("bad request path {}: {e}", req.path)))?;
        if !req.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&req.query);
        }
        let Auth::Query { name, secret } = &self.auth else {
            return Ok(KeyedUrl(Some(url)));
        };
        // The key is appended to a text sized up front and parsed once, so no
        // growing buffer is freed holding part of it; `Url::parse` sizes its
        // own text to the input's length.
        let sep = if url.query().is_some() { '&' } else { '?' };
        let base = String::from(url);
        let key: Vec<&str> = url::form_urlencoded::byte_serialize(secret.expose().as_bytes()).collect();
        let mut text = Zeroizing::new(String::with_capacity(
            base.len() + 2 + name.len() * 3 + key.iter().map(|p| p.len()).sum::<usize>(),
        ));
        text.push_str(&base);
        text.push(sep);
        text.extend(url::form_urlencoded::byte_serialize(name.as_bytes()));
        text.push('=');
        text.extend(key);
        let url = Url::parse(&text).map_err(|e| Error::validation(format!("bad request path {}: {e}", req.path)))?;
        Ok(KeyedUrl(Some(url)))
    }

    /// Sends a request, retrying it only when it is safe to repeat, and
    /// returns whatever status the provider answered with; mapping statuses
    /// to errors is the provider's business. Transport failures come back as
    /// `unreachable` or `timeout` errors that never contain the URL's secret.
    pub async fn send(&self, req: Request) -> Result<Response> {
        let url = self.url(&req)?;
        let shown = self.shown_url(url.get());
        let cfg = &self.http.config;
        let mut attempt = 0u32;
        loop {
            if let Some(limit) = &self.limit {
                limit.wait().await;
            }
            tracing::debug!(method = %req.method, url = %shown, attempt, "request");
            let outcome = self.once(&req, url.get().clone()).await;
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
                _ => return outcome.map_err(|e| self.transport_error(e)),
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
        let mut resp = rb.send().await.map_err(TransportError::from)?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = read_capped(&mut resp, self.http.config.max_body).await?;
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
        match &self.auth_header {
            // A clone shares the buffer: no new copy of the key.
            Some(h) => rb.header(h.name.clone(), h.value.clone()),
            None => rb,
        }
    }

    /// A transport failure as the caller sees it, scrubbed of the secret.
    fn transport_error(&self, e: TransportError) -> Error {
        let mut e = e.into_error(&self.origin, self.http.config.total_timeout);
        e.message = self.redact(&e.message);
        e
    }

    /// GETs a file, following same-origin redirects. The file is not bound
    /// by the API answer limit (`HttpConfig::max_body`); an error answer is.
    /// When the connection breaks in the
    /// middle of the body, the rest is asked for with `Range: bytes=N-` (and
    /// `If-Range`, so a file that changed meanwhile comes whole), up to
    /// `max_retries` times. A status other than 2xx comes back as the
    /// response, for the provider to explain.
    pub async fn download(&self, path: &str, accept: &'static str) -> Result<Downloaded> {
        let url = self.url(&Request::get(path))?;
        let shown = self.shown_url(url.get());
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
            let mut rb =
                self.authorized(Method::GET, url.get().clone(), Some(accept)).header(ACCEPT_ENCODING, "identity");
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
                Err(e) => return Err(self.transport_error(e)),
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
                    let text = read_capped(&mut resp, cfg.max_body).await.map_err(|e| self.transport_error(e))?;
                    return Ok(Downloaded { response: Response { status, headers, body: text }, resumed_at });
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
                Some(e) if attempt >= cfg.max_retries => return Err(self.transport_error(e)),
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

/// Reads an answer by chunks, stopping as soon as it holds more than
/// `limit` bytes (after decompression): a `Content-Length` can lie or be
/// absent, and a small gzip body can expand a thousandfold.
async fn read_capped(resp: &mut reqwest::Response, limit: usize) -> std::result::Result<Vec<u8>, TransportError> {
    if resp.content_length().is_some_and(|n| n > limit as u64) {
        return Err(TransportError::TooLarge(limit));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Err(TransportError::TooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Why a redirect was not followed; its text names where it pointed, never
/// the path or query (which can carry the key).
#[derive(Debug)]
enum RedirectRefused {
    OtherOrigin(String),
    Downgrade(String),
    TooMany,
}

impl fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectRefused::OtherOrigin(to) => {
                write!(f, "the provider redirected to {to}; vpsdesk does not send your credentials to another host")
            }
            RedirectRefused::Downgrade(to) => write!(
                f,
                "the provider redirected to plain http://{to}; vpsdesk does not send your credentials unencrypted"
            ),
            RedirectRefused::TooMany => {
                write!(f, "the provider redirected more than {MAX_REDIRECTS} times; check the account's endpoint")
            }
        }
    }
}

impl std::error::Error for RedirectRefused {}

/// The redirect policy: `previous` starts with the URL the request was sent
/// to, whose origin holds the credentials. Only a redirect to that same
/// origin (scheme, host and port) is followed; since http and https are
/// different origins, that also refuses a downgrade.
fn check_redirect(previous: &[Url], next: &Url) -> std::result::Result<(), RedirectRefused> {
    let Some(first) = previous.first() else { return Ok(()) };
    if first.scheme() == "https" && next.scheme() == "http" {
        return Err(RedirectRefused::Downgrade(host_and_port(next)));
    }
    if next.origin() != first.origin() {
        return Err(RedirectRefused::OtherOrigin(host_and_port(next)));
    }
    if previous.len() > MAX_REDIRECTS {
        return Err(RedirectRefused::TooMany);
    }
    Ok(())
}

/// `host` or `host:port` when the URL names a port.
fn host_and_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or("an unnamed host");
    match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    }
}

/// `n` bytes in the largest unit that divides it.
fn size_text(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * KIB;
    match n {
        n if n >= MIB && n % MIB == 0 => format!("{} MiB", n / MIB),
        n if n >= KIB && n % KIB == 0 => format!("{} KiB", n / KIB),
        n => format!("{n} bytes"),
    }
}

enum TransportError {
    Connect(String),
    Timeout,
    Body(String),
    Redirect(String),
    TooLarge(usize),
}

impl From<reqwest::Error> for TransportError {
    fn from(e: reqwest::Error) -> Self {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(c) = cause {
            if let Some(refused) = c.downcast_ref::<RedirectRefused>() {
                return TransportError::Redirect(refused.to_string());
            }
            cause = c.source();
        }
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
        let host = match origin.host_str() {
            Some(_) => host_and_port(origin),
            None => "the provider".to_string(),
        };
        match self {
            TransportError::Connect(cause) => Error::new(
                ErrorKind::Unreachable,
                format!("cannot reach {host} ({cause}); check the endpoint and your network connection"),
            ),
            TransportError::Timeout => Error::new(
                ErrorKind::Timeout,
                format!(
                    "{host} did not answer within {} s; the provider may be overloaded, try again later",
                    timeout.as_secs_f32()
                ),
            ),
            TransportError::Body(cause) => {
                Error::new(ErrorKind::Unreachable, format!("the connection to {host} broke off ({cause}); try again"))
            }
            TransportError::Redirect(why) => Error::provider(why),
            TransportError::TooLarge(limit) => Error::provider(format!(
                "the answer from {host} was larger than {}; vpsdesk stopped reading it",
                size_text(limit)
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(list: &[&str]) -> Vec<Url> {
        list.iter().map(|u| Url::parse(u).unwrap()).collect()
    }

    /// Seconds (on the paused clock) at which each of `n` requests that all come at once may start.
    async fn starts(limit: &RateLimit, n: usize) -> Vec<f64> {
        let t0 = Instant::now();
        let waits = (0..n).map(|_| async {
            limit.wait().await;
            (Instant::now() - t0).as_secs_f64()
        });
        futures::future::join_all(waits).await
    }

    #[tokio::test(start_paused = true)]
    async fn two_requests_per_second_go_out_together_and_the_third_waits_for_the_first_to_be_a_second_old() {
        let limit = RateLimit::new(2);
        assert_eq!(starts(&limit, 5).await, [0.0, 0.0, 1.0, 1.0, 2.0]);
        tokio::time::advance(Duration::from_millis(2500)).await;
        assert_eq!(starts(&limit, 3).await, [0.0, 0.0, 1.0], "after a quiet spell, two at once again");
    }

    #[tokio::test]
    async fn a_request_under_the_limit_starts_at_once_not_on_the_timers_next_tick() {
        use futures::FutureExt;
        let limit = RateLimit::new(2);
        assert_eq!(limit.wait().now_or_never(), Some(()));
        assert_eq!(limit.wait().now_or_never(), Some(()));
        assert_eq!(limit.wait().now_or_never(), None, "the third waits for the first to be a second old");
    }

    #[test]
    fn an_https_to_http_redirect_is_refused_even_to_the_same_host() {
        let from = urls(&["https://api.vultr.com/v1/server/list?api_key=K"]);
        let e = check_redirect(&from, &Url::parse("http://api.vultr.com/v1/server/list").unwrap()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the provider redirected to plain http://api.vultr.com; vpsdesk does not send your credentials unencrypted"
        );
        assert!(check_redirect(&from, &Url::parse("https://api.vultr.com/v2/servers").unwrap()).is_ok());
        assert!(
            check_redirect(&from, &Url::parse("https://api.vultr.com:443/v2").unwrap()).is_ok(),
            "the default port is the same origin"
        );
    }

    #[test]
    fn only_the_first_urls_origin_may_be_redirected_to_and_only_five_times() {
        let from = urls(&["https://api.vps247.com/servers"]);
        for (to, named) in [
            ("https://evil.example/x?api_key=K", "evil.example"),
            ("https://api.vps247.com:8443/x", "api.vps247.com:8443"),
            ("https://vps247.com/x", "vps247.com"),
        ] {
            let e = check_redirect(&from, &Url::parse(to).unwrap()).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("the provider redirected to {named}; vpsdesk does not send your credentials to another host")
            );
        }
        let next = Url::parse("https://api.vps247.com/next").unwrap();
        let chain: Vec<Url> =
            (0..=MAX_REDIRECTS).map(|i| Url::parse(&format!("https://api.vps247.com/{i}")).unwrap()).collect();
        assert!(check_redirect(&chain[..MAX_REDIRECTS], &next).is_ok());
        assert_eq!(
            check_redirect(&chain, &next).unwrap_err().to_string(),
            "the provider redirected more than 5 times; check the account's endpoint"
        );
    }

    #[test]
    fn every_credential_header_is_marked_sensitive() {
        let secret = || Secret::new("k3y-value-123");
        for auth in [
            Auth::Header { name: HeaderName::from_static("x-api-key"), secret: secret() },
            Auth::Basic { username: "ops@example.com".into(), secret: secret() },
            Auth::Bearer { scheme: "Bearer", secret: secret() },
        ] {
            let api = ApiClient::new(Http::default(), "https://api.example.com", auth).unwrap();
            let h = api.auth_header.as_ref().unwrap();
            assert!(h.value.is_sensitive(), "{}", h.name);
            assert!(!format!("{:?}", h.value).contains("k3y"));
        }
        let api = ApiClient::new(
            Http::default(),
            "https://api.example.com",
            Auth::Query { name: "api_key", secret: secret() },
        )
        .unwrap();
        assert!(api.auth_header.is_none());
    }

    #[test]
    fn a_key_with_a_line_break_is_refused_before_any_request() {
        let auth = Auth::Header { name: HeaderName::from_static("x-api-key"), secret: Secret::new("abc\r\nX-Evil: 1") };
        let e = ApiClient::new(Http::default(), "https://api.example.com", auth).err().unwrap();
        assert_eq!(e.kind, ErrorKind::Validation);
        assert!(!e.message.contains("abc"), "{}", e.message);
    }

    #[test]
    fn the_query_key_is_appended_once_encoded() {
        let api = ApiClient::new(
            Http::default(),
            "https://api.vultr.com",
            Auth::Query { name: "api_key", secret: Secret::new("a+b/c=") },
        )
        .unwrap();
        let url = api.url(&Request::get("/v1/server/list").query("SUBID", "7")).unwrap();
        assert_eq!(url.get().as_str(), "https://api.vultr.com/v1/server/list?SUBID=7&api_key=a%2Bb%2Fc%3D");
        let url = api.url(&Request::get("/v1/account/info")).unwrap();
        assert_eq!(url.get().as_str(), "https://api.vultr.com/v1/account/info?api_key=a%2Bb%2Fc%3D");
    }

    #[test]
    fn sizes_are_named_in_the_largest_unit_that_divides_them() {
        assert_eq!(size_text(API_BODY_LIMIT), "32 MiB");
        assert_eq!(size_text(256 * 1024), "256 KiB");
        assert_eq!(size_text(1000), "1000 bytes");
    }
}
