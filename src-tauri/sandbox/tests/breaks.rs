//! The transport-level faults, read byte by byte over a raw socket: what a
//! client sees is exactly what the fault promises, whatever its HTTP stack.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use vpsdesk_sandbox::{demo_accounts, Faults, Options, Provider, Sandbox};

async fn sandbox(f: Faults) -> (Sandbox, String) {
    let sandbox = Sandbox::start(Options::default()).await.unwrap();
    sandbox.set_faults(Provider::Vultr, f);
    let addr = sandbox.endpoint(Provider::Vultr).unwrap().trim_start_matches("http://").to_string();
    (sandbox, addr)
}

/// Sends one GET of the server list and reads until the server closes or
/// `within` passes.
async fn raw_get(addr: &str, within: Duration) -> (Vec<u8>, bool) {
    let key = demo_accounts()[0].secret;
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    let req = format!("GET /v1/server/list?api_key={key} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    tcp.write_all(req.as_bytes()).await.unwrap();
    let mut got = Vec::new();
    let closed = tokio::time::timeout(within, async {
        let mut buf = [0u8; 4096];
        loop {
            match tcp.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .is_ok();
    (got, closed)
}

#[tokio::test]
async fn reset_closes_without_a_byte() {
    let (sandbox, addr) = sandbox(Faults { reset: true, ..Faults::default() }).await;
    let (got, closed) = raw_get(&addr, Duration::from_secs(5)).await;
    assert!(closed, "the connection is closed");
    assert!(got.is_empty(), "no answer at all, got {:?}", String::from_utf8_lossy(&got));
    assert_eq!(sandbox.requests(Provider::Vultr).len(), 1, "the request reached the simulator");
}

#[tokio::test]
async fn html_error_page_under_the_forced_status() {
    let (_sandbox, addr) = sandbox(Faults { fail_status: Some(502), html_error: true, ..Faults::default() }).await;
    let (got, closed) = raw_get(&addr, Duration::from_secs(5)).await;
    let text = String::from_utf8_lossy(&got);
    assert!(closed);
    assert!(text.starts_with("HTTP/1.1 502"), "{text}");
    assert!(text.contains("content-type: text/html"), "{text}");
    assert!(text.contains("<h1>502 Bad Gateway</h1>"), "{text}");
}

#[tokio::test]
async fn drip_sends_the_head_then_trickles() {
    let (_sandbox, addr) = sandbox(Faults { drip_ms: Some(100), ..Faults::default() }).await;
    let started = Instant::now();
    let (got, closed) = raw_get(&addr, Duration::from_millis(1500)).await;
    let text = String::from_utf8_lossy(&got);
    assert!(!closed, "still dripping after {:?}", started.elapsed());
    let (head, body) = text.split_once("\r\n\r\n").expect("the head came at once");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let length: usize =
        head.lines().find_map(|l| l.strip_prefix("content-length: ")).expect("a content length").parse().unwrap();
    assert!(body.len() < 20 && body.len() < length, "{} of {length} bytes in 1.5 s", body.len());
}
