//! The HTTP stack at its edges, against loopback servers that misbehave on
//! purpose: a redirect never carries a credential to another host (for
//! every provider's auth style), and an answer too big to hold ends as an
//! error instead of exhausting memory.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::HeaderName;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use vpsdesk_core::http::{ApiClient, Auth, Http, HttpConfig, Request, API_BODY_LIMIT};
use vpsdesk_core::secret::Secret;
use vpsdesk_core::ErrorKind;
use zeroize::Zeroize;

const KEY: &str = "Redirect-Probe-Key-9c1e77";

/// What a loopback server answers to one request.
enum Reply {
    /// A whole HTTP/1.1 response, connection closed after it.
    Whole(Vec<u8>),
    /// 200 with a chunked body that never ends.
    Endless,
}

/// A loopback HTTP/1.1 server that records the head (request line and
/// headers) of every request it receives.
struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Server {
    async fn start(answer: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(answer);
        let log = seen.clone();
        tokio::spawn(async move {
            while let Ok((conn, _)) = listener.accept().await {
                let (log, answer) = (log.clone(), answer.clone());
                tokio::spawn(async move { serve(conn, log, answer).await });
            }
        });
        Server { addr, seen }
    }

    fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

async fn serve(mut conn: TcpStream, log: Arc<Mutex<Vec<String>>>, answer: Arc<impl Fn(&str) -> Reply>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        match conn.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    // Read the body too, so closing the socket never resets the client.
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap())
        })
        .unwrap_or(0);
    while buf.len() < head_end + 4 + length {
        match conn.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    log.lock().unwrap().push(head.clone());
    match answer(&head) {
        Reply::Whole(bytes) => {
            let _ = conn.write_all(&bytes).await;
            let _ = conn.shutdown().await;
        }
        Reply::Endless => {
            let start = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            if conn.write_all(start.as_bytes()).await.is_err() {
                return;
            }
            let mut piece = format!("{:x}\r\n", 64 * 1024).into_bytes();
            piece.extend(std::iter::repeat_n(b'[', 64 * 1024));
            piece.extend_from_slice(b"\r\n");
            while conn.write_all(&piece).await.is_ok() {}
        }
    }
}

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()));
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    Reply::Whole(out)
}

fn ok(body: &str) -> Reply {
    response("200 OK", &[("Content-Type", "application/json")], body.as_bytes())
}

fn http(max_body: usize) -> Http {
    Http::new(HttpConfig {
        connect_timeout: Duration::from_secs(5),
        total_timeout: Duration::from_secs(30),
        // Retries on: a refused redirect or an oversized answer must not be retried.
        max_retries: 3,
        backoff_base: Duration::from_millis(10),
        backoff_cap: Duration::from_millis(50),
        max_retry_after: Duration::from_secs(1),
        max_body,
    })
}

/// Every provider's way of sending its credentials.
fn auth_styles() -> Vec<(&'static str, Auth)> {
    vec![
        ("query key (Vultr)", Auth::Query { name: "api_key", secret: Secret::new(KEY) }),
        (
            "custom header (VPS247)",
            Auth::Header { name: HeaderName::from_static("x-api-key"), secret: Secret::new(KEY) },
        ),
        ("Basic (VPS.NET, CloudSigma)", Auth::Basic { username: "ops@example.com".into(), secret: Secret::new(KEY) }),
        ("Bearer (VPS.org)", Auth::Bearer { scheme: "Bearer", secret: Secret::new(KEY) }),
    ]
}

fn has_header(head: &str, name: &str) -> bool {
    head.lines().skip(1).any(|l| l.to_ascii_lowercase().starts_with(&format!("{name}:")))
}

#[tokio::test]
async fn a_redirect_to_another_host_is_refused_and_never_carries_a_credential() {
    for status in ["302 Found", "307 Temporary Redirect"] {
        for (style, auth) in auth_styles() {
            let b = Server::start(|_| ok("{}")).await;
            let target = format!("{}/landing?from=a", b.origin());
            let a = Server::start(move |_| response(status, &[("Location", &target)], b"")).await;
            let api = ApiClient::new(http(API_BODY_LIMIT), &a.origin(), auth).unwrap();

            let req = if status.starts_with("307") {
                Request::post("/v1/server/create").json(serde_json::json!({"label": "web"})).idempotent()
            } else {
                Request::get("/v1/server/list").query("page", "1")
            };
            let e = api.send(req).await.unwrap_err();

            let what = format!("{status}, {style}");
            assert_eq!(b.seen(), Vec::<String>::new(), "{what}: the other host received a request");
            assert_eq!(e.kind, ErrorKind::Provider, "{what}: {e:?}");
            assert_eq!(
                e.message,
                format!(
                    "the provider redirected to {}; vpsdesk does not send your credentials to another host",
                    b.addr
                ),
                "{what}"
            );
            assert!(!e.message.contains(KEY) && !e.message.contains('?'), "{what}: {}", e.message);
            let at_a = a.seen();
            assert_eq!(at_a.len(), 1, "{what}: a refused redirect is not retried: {at_a:?}");
            assert!(!has_header(&at_a[0], "referer"), "{what}: {}", at_a[0]);
        }
    }
}

#[tokio::test]
async fn a_redirect_within_the_origin_is_followed_without_a_referer() {
    for (style, auth) in auth_styles() {
        let a = Server::start(|head| {
            if head.starts_with("GET /v1/start") {
                response("302 Found", &[("Location", "/v1/final")], b"")
            } else {
                ok(r#"{"landed":true}"#)
            }
        })
        .await;
        let api = ApiClient::new(http(API_BODY_LIMIT), &a.origin(), auth).unwrap();
        let resp = api.send(Request::get("/v1/start")).await.unwrap();
        assert_eq!((resp.status, resp.text().as_str()), (200, r#"{"landed":true}"#), "{style}");
        let seen = a.seen();
        assert_eq!(seen.len(), 2, "{style}: {seen:?}");
        assert!(seen[1].starts_with("GET /v1/final "), "{style}: {}", seen[1]);
        assert!(!has_header(&seen[1], "referer"), "{style}: {}", seen[1]);
    }
}

#[tokio::test]
async fn a_redirect_to_the_same_host_on_another_port_or_scheme_is_refused() {
    let b = Server::start(|_| ok("{}")).await;
    // Same host, other port: another origin.
    let elsewhere = format!("http://localhost:{}/x", b.addr.port());
    let a = Server::start(move |_| response("301 Moved Permanently", &[("Location", &elsewhere)], b"")).await;
    let origin = format!("http://localhost:{}", a.addr.port());
    let api = ApiClient::new(http(API_BODY_LIMIT), &origin, Auth::Query { name: "api_key", secret: Secret::new(KEY) })
        .unwrap();
    let e = api.send(Request::get("/v1/account/info")).await.unwrap_err();
    assert!(
        e.message.starts_with(&format!("the provider redirected to localhost:{};", b.addr.port())),
        "{}",
        e.message
    );
    assert!(b.seen().is_empty());
}

#[tokio::test]
async fn a_file_download_does_not_follow_a_redirect_to_another_host_either() {
    let b = Server::start(|_| response("200 OK", &[("Content-Type", "application/pdf")], b"%PDF-1.4")).await;
    let target = format!("{}/files/invoice.pdf", b.origin());
    let a = Server::start(move |_| response("302 Found", &[("Location", &target)], b"")).await;
    let api = ApiClient::new(
        http(API_BODY_LIMIT),
        &a.origin(),
        Auth::Basic { username: "ops".into(), secret: Secret::new(KEY) },
    )
    .unwrap();
    let e = api.download("/invoices/7.pdf", "application/pdf").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Provider);
    assert!(e.message.contains(&b.addr.to_string()), "{}", e.message);
    assert!(b.seen().is_empty());
}

/// The error of an answer that should have been refused; an answer read
/// whole is reported by its size, not printed.
fn refused(got: vpsdesk_core::Result<vpsdesk_core::http::Response>) -> vpsdesk_core::Error {
    match got {
        Ok(resp) => panic!("an answer of {} bytes was read whole", resp.body.len()),
        Err(e) => e,
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn gzipped(body: Vec<u8>) -> Reply {
    response("200 OK", &[("Content-Type", "application/json"), ("Content-Encoding", "gzip")], &body)
}

#[tokio::test]
async fn a_gzip_bomb_ends_as_an_error_at_the_default_32_mib() {
    // 64 KiB on the wire, 64 MiB once decompressed.
    let bomb = gzip(&vec![b' '; 64 * 1024 * 1024]);
    assert!(bomb.len() < 256 * 1024, "{}", bomb.len());
    let server = Server::start(move |_| gzipped(bomb.clone())).await;
    let api =
        ApiClient::new(Http::default(), &server.origin(), Auth::Query { name: "api_key", secret: Secret::new(KEY) })
            .unwrap();
    let started = Instant::now();
    let e = refused(
        tokio::time::timeout(Duration::from_secs(20), api.send(Request::get("/v1/server/list"))).await.unwrap(),
    );
    assert_eq!(e.kind, ErrorKind::Provider);
    assert_eq!(
        e.message,
        format!("the answer from {} was larger than 32 MiB; vpsdesk stopped reading it", server.addr)
    );
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    assert_eq!(server.seen().len(), 1, "an oversized answer is not asked for again");
}

#[tokio::test]
async fn an_answer_up_to_the_limit_is_read_whole_after_gzip_and_one_byte_more_is_refused() {
    const LIMIT: usize = 256 * 1024;
    for (size, fits) in [(LIMIT - 1, true), (LIMIT, true), (LIMIT + 1, false)] {
        let body = vec![b'7'; size];
        let packed = gzip(&body);
        let server = Server::start(move |_| gzipped(packed.clone())).await;
        let api =
            ApiClient::new(http(LIMIT), &server.origin(), Auth::Bearer { scheme: "Bearer", secret: Secret::new(KEY) })
                .unwrap();
        let got = api.send(Request::get("/servers")).await;
        if fits {
            assert_eq!(got.unwrap().body, body, "{size} bytes");
        } else {
            let e = refused(got);
            assert!(e.message.ends_with("was larger than 256 KiB; vpsdesk stopped reading it"), "{}", e.message);
        }
    }
}

#[tokio::test]
async fn an_endless_body_ends_as_an_error_at_the_limit_not_at_the_timeout() {
    let server = Server::start(|_| Reply::Endless).await;
    let api = ApiClient::new(
        http(4 * 1024 * 1024),
        &server.origin(),
        Auth::Header { name: HeaderName::from_static("x-api-key"), secret: Secret::new(KEY) },
    )
    .unwrap();
    let started = Instant::now();
    let e = refused(
        tokio::time::timeout(Duration::from_secs(15), api.send(Request::get("/servers")))
            .await
            .expect("still reading an endless body"),
    );
    assert_eq!(e.kind, ErrorKind::Provider, "{e:?}");
    assert!(e.message.ends_with("was larger than 4 MiB; vpsdesk stopped reading it"), "{}", e.message);
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_big_file_download_is_not_bound_by_the_api_limit() {
    let file: Vec<u8> = (0..3 * 64 * 1024).map(|i| (i % 251) as u8).collect();
    let served = file.clone();
    let server = Server::start(move |_| response("200 OK", &[("Content-Type", "application/pdf")], &served)).await;
    let api = ApiClient::new(
        http(64 * 1024),
        &server.origin(),
        Auth::Basic { username: "ops".into(), secret: Secret::new(KEY) },
    )
    .unwrap();
    let got = api.download("/invoices/7.pdf", "application/pdf").await.unwrap();
    assert_eq!(got.response.body, file);
}

/// Copies of a key left in freed memory, seen by this test binary's
/// allocator (as in `zeroize.rs`): it looks at every block at the moment it
/// is handed back, while it is still allocated, never at freed memory; while
/// armed it also clears each block it was handed back, so a block only ever
/// shows what was written into it during its own life.
mod leftovers {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Mutex;

    /// The key, and its `Authorization: Basic` form for user `ops`.
    pub const MARKER: &str = "ZEROIZE-PROBE-7f3c1a";
    pub const MARKER_BASIC: &str = "b3BzOlpFUk9JWkUtUFJPQkUtN2YzYzFh";

    static ARMED: AtomicBool = AtomicBool::new(false);
    /// Sizes of the blocks freed while still holding a marker.
    static FOUND: Mutex<Vec<usize>> = Mutex::new(Vec::new());

    struct Inspecting;

    unsafe impl GlobalAlloc for Inspecting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // Big blocks are answers of the other tests, never a header; skipping
            // them keeps those tests fast while this one is armed.
            if layout.size() <= 1 << 20 && ARMED.load(Ordering::SeqCst) {
                // Sound: the block is still ours until `System.dealloc` below.
                let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
                let holds = |m: &str| block.windows(m.len()).any(|w| w == m.as_bytes());
                if holds(MARKER) || holds(MARKER_BASIC) {
                    // Recording allocates: disarm meanwhile.
                    ARMED.store(false, Ordering::SeqCst);
                    FOUND.lock().unwrap().push(layout.size());
                    ARMED.store(true, Ordering::SeqCst);
                }
                // Malloc hands out memory as it was left: without this, a new
                // block laid over a freed copy would be counted again when freed.
                unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
            }
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Inspecting = Inspecting;

    pub fn arm() {
        FOUND.lock().unwrap().clear();
        ARMED.store(true, Ordering::SeqCst);
    }

    /// Disarms, and returns the sizes of the blocks freed holding a marker.
    pub fn found() -> Vec<usize> {
        ARMED.store(false, Ordering::SeqCst);
        FOUND.lock().unwrap().clone()
    }
}

/// A server that answers `{}` to anything, wiping what it read so that it
/// leaves no copy of the key behind itself.
async fn forgetful_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 16 * 1024];
                let mut n = 0;
                while !buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
                    match conn.read(&mut buf[n..]).await {
                        Ok(0) | Err(_) => return,
                        Ok(k) => n += k,
                    }
                }
                // The buffer lives in this task's heap-allocated state.
                buf.zeroize();
                let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}").await;
                let _ = conn.shutdown().await;
            });
        }
    });
    addr
}

/// hyper's per-connection write buffer: it holds the request head it
/// encoded and is freed with the connection, out of vpsdesk's reach.
const HYPER_WRITE_BUFFER: usize = 8192;

#[tokio::test]
async fn header_credentials_leave_no_copy_in_freed_memory_but_hypers_connection_buffer() {
    use leftovers::{MARKER, MARKER_BASIC};
    assert_eq!(
        vpsdesk_core::secret::basic_credentials("ops", &Secret::new(MARKER)).expose(),
        MARKER_BASIC,
        "the Basic marker is the header value"
    );
    const REQUESTS: usize = 3;
    let styles = [
        ("custom header", Auth::Header { name: HeaderName::from_static("x-api-key"), secret: Secret::new(MARKER) }),
        ("Basic", Auth::Basic { username: "ops".into(), secret: Secret::new(MARKER) }),
        ("Bearer", Auth::Bearer { scheme: "Bearer", secret: Secret::new(MARKER) }),
    ];
    for (style, auth) in styles {
        let addr = forgetful_server().await;
        leftovers::arm();
        let api = ApiClient::new(http(API_BODY_LIMIT), &format!("http://{addr}"), auth).unwrap();
        for _ in 0..REQUESTS {
            api.send(Request::get("/servers")).await.unwrap();
        }
        drop(api);
        // Lets the closed connections' tasks end and free their buffers.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let found = leftovers::found();
        assert!(
            found.len() <= REQUESTS && found.iter().all(|&size| size == HYPER_WRITE_BUFFER),
            "{style}: blocks freed holding the key (sizes): {found:?}"
        );
    }
}
