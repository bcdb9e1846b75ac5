//! Fuzzing every provider's server mapping with proptest: each provider's
//! client reads a server list and a server from a loopback responder that
//! answers with the doc's example bodies mutated at random (any node
//! replaced by any JSON value, keys dropped; for CloudSigma's key-value
//! text, lines replaced, dropped and invented) or with arbitrary input.
//! Whatever comes back, the client returns `Ok` or an error: it never
//! panics and never hangs.
//!
//! Runs `PROPTEST_CASES` cases per provider (proptest's 256 by default, as in
//! `make test`); `make fuzz` runs 20,000.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use proptest::prelude::*;
use serde_json::{Map, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use vpsdesk_core::accounts::Account;
use vpsdesk_core::http::{Http, HttpConfig};
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::providers;
use vpsdesk_core::secret::Secret;

/// Answers every request with the current body, whatever was asked. One
/// per provider, as the tests run in parallel.
struct Responder {
    endpoint: String,
    body: Arc<Mutex<(&'static str, Vec<u8>)>>,
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap())
}

fn responder(kind: ProviderKind) -> Arc<Responder> {
    static ALL: OnceLock<Mutex<HashMap<ProviderKind, Arc<Responder>>>> = OnceLock::new();
    let mut all = ALL.get_or_init(Mutex::default).lock().unwrap();
    Arc::clone(all.entry(kind).or_insert_with(start_responder))
}

fn start_responder() -> Arc<Responder> {
    let body: Arc<Mutex<(&'static str, Vec<u8>)>> = Arc::default();
    let served = Arc::clone(&body);
    let listener = runtime().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    runtime().spawn(async move {
        loop {
            let Ok((mut tcp, _)) = listener.accept().await else { continue };
            let (kind, bytes) = served.lock().unwrap().clone();
            tokio::spawn(async move {
                if read_request(&mut tcp).await.is_none() {
                    return;
                }
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    bytes.len()
                );
                let _ = tcp.write_all(head.as_bytes()).await;
                let _ = tcp.write_all(&bytes).await;
                let _ = tcp.shutdown().await;
            });
        }
    });
    Arc::new(Responder { endpoint, body })
}

/// Reads a request's head and its `Content-Length` body.
async fn read_request(tcp: &mut tokio::net::TcpStream) -> Option<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = tcp.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let length: usize =
        head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse().ok()).unwrap_or(0);
    while buf.len() < head_end + length {
        let n = tcp.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some(())
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)).unwrap()
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        "[0-9a-z:.\\-]{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{0,10}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// Replaces the `n`th node (pre-order) with `with`, or drops it from its
/// parent when `with` is `None`.
fn replace(v: &mut Value, n: &mut usize, with: &Option<Value>) -> bool {
    match v {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *n == 1 {
                    match with {
                        Some(w) => items[i] = w.clone(),
                        None => {
                            items.remove(i);
                        }
                    }
                    return true;
                }
                *n -= 1;
                if replace(&mut items[i], n, with) {
                    return true;
                }
            }
        }
        Value::Object(fields) => {
            let keys: Vec<String> = fields.keys().cloned().collect();
            for k in keys {
                if *n == 1 {
                    match with {
                        Some(w) => fields[&k] = w.clone(),
                        None => {
                            fields.remove(&k);
                        }
                    }
                    return true;
                }
                *n -= 1;
                if replace(fields.get_mut(&k).unwrap(), n, with) {
                    return true;
                }
            }
        }
        _ => {}
    }
    false
}

/// The doc's example, mutated a few times, or something else entirely.
fn mutated_json(doc: Value) -> impl Strategy<Value = Vec<u8>> {
    let mutations = prop::collection::vec((any::<usize>(), prop::option::weighted(0.8, arb_json())), 1..5);
    let shaped = mutations.prop_map(move |muts| {
        let mut v = doc.clone();
        for (at, with) in muts {
            let mut n = at % count(&v);
            if n == 0 {
                v = with.unwrap_or(Value::Null);
            } else {
                replace(&mut v, &mut n, &with);
            }
        }
        serde_json::to_vec(&v).unwrap()
    });
    prop_oneof![
        8 => shaped,
        1 => arb_json().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        1 => prop::collection::vec(any::<u8>(), 0..64),
    ]
}

/// CloudSigma's key-value text, with lines changed, dropped and invented.
fn mutated_text(doc: String) -> impl Strategy<Value = Vec<u8>> {
    let lines: Vec<String> = doc.lines().map(str::to_string).collect();
    let edit = (any::<usize>(), 0..4u8, "[ -~]{0,40}");
    let shaped = prop::collection::vec(edit, 1..8).prop_map(move |edits| {
        let mut lines = lines.clone();
        for (at, op, text) in edits {
            let i = at % (lines.len() + 1);
            match op {
                0 if i < lines.len() => {
                    lines.remove(i);
                }
                1 if i < lines.len() => {
                    let key = lines[i].split_whitespace().next().unwrap_or("").to_string();
                    lines[i] = format!("{key} {text}");
                }
                2 => lines.insert(i, text),
                _ => lines.insert(i, String::new()),
            }
        }
        lines.join("\n").into_bytes()
    });
    prop_oneof![
        8 => shaped,
        1 => ".{0,200}".prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..64),
    ]
}

/// Lists the servers and shows one, from `body`: errors are fine, panics
/// and hangs are not.
fn check(kind: ProviderKind, content_type: &'static str, server_id: &str, body: Vec<u8>) -> Result<(), TestCaseError> {
    let r = responder(kind);
    *r.body.lock().unwrap() = (content_type, body);
    let account = Account {
        id: format!("fuzz-{kind}"),
        name: "fuzz".into(),
        provider: kind,
        endpoint: Some(r.endpoint.clone()),
        username: Some("fuzz@example.com".into()),
        region: None,
        demo: false,
    };
    let http = Http::new(HttpConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
        max_retries: 0,
        backoff_base: Duration::from_millis(1),
        backoff_cap: Duration::from_millis(1),
        max_retry_after: Duration::ZERO,
        max_body: vpsdesk_core::http::API_BODY_LIMIT,
    });
    // A fresh client per call: its first request is not held back by the
    // provider's rate limit.
    let client = || providers::connect(&account, Secret::new("FUZZ-KEY-0000"), &http).unwrap();
    let done = runtime().block_on(async {
        tokio::time::timeout(Duration::from_secs(5), async {
            let _ = client().list_servers().await;
            let _ = client().get_server(server_id).await;
        })
        .await
    });
    prop_assert!(done.is_ok(), "{kind} kept asking for more");
    Ok(())
}

fn doc(path: &str) -> Value {
    serde_json::from_str(&fixture(path)).unwrap()
}

/// One proptest per provider, and the list of the providers it covers.
macro_rules! fuzz_targets {
    ($($name:ident: $kind:expr, $content_type:literal, $server_id:literal, $bodies:expr;)+) => {
        proptest! {
            $(
                #[test]
                fn $name(body in $bodies) {
                    check($kind, $content_type, $server_id, body)?;
                }
            )+
        }

        const FUZZED: &[ProviderKind] = &[$($kind),+];
    };
}

fuzz_targets! {
    vultr_mapping_never_panics: ProviderKind::Vultr, "application/json", "576965",
        mutated_json(doc("vultr/server_list.json"));
    vpsnet_mapping_never_panics: ProviderKind::Vpsnet, "application/json", "1384",
        mutated_json(doc("vpsnet/virtual_machines_list.json"));
    vps247_mapping_never_panics: ProviderKind::Vps247, "application/json", "90",
        mutated_json(doc("vps247/virtual_machines.json"));
    vpsorg_mapping_never_panics: ProviderKind::Vpsorg, "application/json", "12345",
        mutated_json(doc("vpsorg/server_list.json"));
    cloudsigma_mapping_never_panics: ProviderKind::Cloudsigma, "text/plain", "179f2015-f28b-4537-beab-a5d30d5fd4e2",
        mutated_text(fixture("cloudsigma/get_servers_info.txt"));
}

#[test]
fn every_registered_provider_is_fuzzed() {
    for d in &providers::REGISTRY {
        assert!(
            FUZZED.contains(&d.kind),
            "{} is registered but its mapping is not fuzzed: add it to fuzz_targets!",
            d.id()
        );
    }
    assert_eq!(FUZZED.len(), providers::REGISTRY.len(), "one target per provider");
}
