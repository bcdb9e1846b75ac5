//! The provider-independent parts: endpoints, faults, the request log and
//! the admin routes, driven both through `Sandbox` and over HTTP.

mod support;

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;
use support::Vultr;
use vpsdesk_sandbox::{demo_accounts, Faults, LoggedRequest, Options, Provider, Sandbox, REQUEST_LOG_LIMIT};

#[tokio::test]
async fn endpoints_and_demo_accounts() {
    let v = Vultr::start().await;
    let endpoint = v.sandbox.endpoint(Provider::Vultr).unwrap();
    assert!(endpoint.starts_with("http://127.0.0.1:"), "{endpoint}");
    assert!(!endpoint.ends_with('/'));
    // Every provider has its own origin: several share paths.
    let origins: std::collections::HashSet<_> = Provider::ALL
        .into_iter()
        .map(|p| v.sandbox.endpoint(p).unwrap_or_else(|| panic!("{} has a simulator", p.id())))
        .collect();
    assert_eq!(origins.len(), Provider::ALL.len());

    let accounts = demo_accounts();
    let providers: Vec<_> = accounts.iter().map(|a| a.provider).collect();
    assert_eq!(providers, Provider::ALL, "one demo account per provider, in order");
    assert_eq!(accounts[0].name, "Demo Vultr");
    for a in &accounts {
        assert!(
            a.secret.starts_with("VPSDESK0DEMO0"),
            "{}: the secret scanner finds demo secrets by this prefix",
            a.name
        );
    }
    assert_eq!(v.get("/v1/account/info", &[]).await.status(), StatusCode::OK, "the demo key is accepted");

    let ids: Vec<&str> = Provider::ALL.iter().map(|p| p.id()).collect();
    assert_eq!(ids, ["vultr", "vpsnet", "vps247", "cloudsigma", "vpsorg"]);
}

#[tokio::test]
async fn a_fixed_port_is_used() {
    // The providers take five consecutive ports from the one given; another
    // process on a busy machine may hold one of them, so try a few bases.
    let mut started = None;
    for _ in 0..20 {
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if free > 65_000 {
            continue;
        }
        if let Ok(s) = Sandbox::start(Options { port: Some(free), ..Options::default() }).await {
            started = Some((free, s));
            break;
        }
    }
    let (free, sandbox) = started.expect("a free block of five ports");
    assert_eq!(sandbox.endpoint(Provider::Vultr).unwrap(), format!("http://127.0.0.1:{free}"));
    let taken = Sandbox::start(Options { port: Some(free), ..Options::default() }).await;
    assert!(taken.is_err(), "a port in use is an error, not a silent other port");
}

#[tokio::test]
async fn forced_failures_run_out_and_send_retry_after() {
    let v = Vultr::start().await;
    v.sandbox.set_faults(
        Provider::Vultr,
        Faults { fail_status: Some(503), fail_count: Some(2), retry_after: Some(2), ..Faults::default() },
    );
    for attempt in 0..2 {
        let response = v.get("/v1/server/list", &[]).await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "attempt {attempt}");
        assert_eq!(response.headers()["retry-after"], "2");
    }
    let third = v.get("/v1/server/list", &[]).await;
    assert_eq!(third.status(), StatusCode::OK);
    assert!(third.headers().get("retry-after").is_none());
    assert_eq!(v.sandbox.requests(Provider::Vultr).len(), 3, "failed requests are logged too");
}

#[tokio::test]
async fn a_faulted_post_changes_nothing() {
    let v = Vultr::start().await;
    v.sandbox.set_faults(Provider::Vultr, Faults { fail_status: Some(500), fail_count: Some(1), ..Faults::default() });
    assert_eq!(v.post("/v1/server/halt", &[("SUBID", "576965")]).await.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(v.server("576965").await["power_status"], "running");
}

#[tokio::test]
async fn failure_rate_one_always_fails_until_cleared() {
    let v = Vultr::start().await;
    v.sandbox.set_faults(Provider::Vultr, Faults { failure_rate: 1.0, ..Faults::default() });
    for _ in 0..5 {
        assert_eq!(v.get("/v1/os/list", &[]).await.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
    v.sandbox.set_faults(Provider::Vultr, Faults::default());
    assert_eq!(v.get("/v1/os/list", &[]).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn latency_is_added() {
    let v = Vultr::start().await;
    let started = Instant::now();
    v.get("/v1/os/list", &[]).await;
    let baseline = started.elapsed();

    v.sandbox.set_faults(Provider::Vultr, Faults { latency_ms: 300, ..Faults::default() });
    let started = Instant::now();
    assert_eq!(v.get("/v1/os/list", &[]).await.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300), "took {:?}", started.elapsed());
    assert!(baseline < Duration::from_millis(300), "baseline {baseline:?}");

    let slow = Vultr::with(Options { latency_ms: 200, ..Options::default() }).await;
    let started = Instant::now();
    slow.get("/v1/os/list", &[]).await;
    assert!(started.elapsed() >= Duration::from_millis(200), "Options::latency_ms applies");
}

#[tokio::test]
async fn hang_never_answers_but_admin_still_does() {
    let v = Vultr::start().await;
    let admin = |route: &str| v.http.post(v.url(&format!("/__sandbox/{route}")));
    let set = admin("faults").json(&json!({ "hang": true })).send().await.unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);

    let hung = v.http.get(v.url("/v1/os/list")).timeout(Duration::from_millis(300)).send().await;
    assert!(hung.unwrap_err().is_timeout());

    assert_eq!(admin("faults").json(&json!({})).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(v.get("/v1/os/list", &[]).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn admin_faults_route_takes_partial_json() {
    let v = Vultr::start().await;
    let body = json!({ "fail_status": 429, "fail_count": 1, "retry_after": 7 });
    let set = v.http.post(v.url("/__sandbox/faults")).json(&body).send().await.unwrap();
    assert!(set.status().is_success());
    let limited = v.get("/v1/os/list", &[]).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.headers()["retry-after"], "7");
    assert_eq!(v.get("/v1/os/list", &[]).await.status(), StatusCode::OK);

    let bad = v.http.post(v.url("/__sandbox/faults")).json(&json!({ "hang": "yes" })).send().await.unwrap();
    assert!(bad.status().is_client_error());
}

#[tokio::test]
async fn request_log_redacts_the_key_and_skips_admin_routes() {
    let v = Vultr::start().await;
    v.get("/v1/server/list", &[("SUBID", "576965")]).await;
    v.post("/v1/server/label_set", &[("SUBID", "576965"), ("label", "x")]).await;
    v.http.get(v.url("/v1/nowhere")).send().await.unwrap();

    let expected = vec![
        LoggedRequest {
            method: "GET".into(),
            path: "/v1/server/list".into(),
            query: "api_key=REDACTED&SUBID=576965".into(),
        },
        LoggedRequest { method: "POST".into(), path: "/v1/server/label_set".into(), query: "api_key=REDACTED".into() },
        LoggedRequest { method: "GET".into(), path: "/v1/nowhere".into(), query: String::new() },
    ];
    assert_eq!(v.sandbox.requests(Provider::Vultr), expected);

    let over_http: Vec<LoggedRequest> =
        v.http.get(v.url("/__sandbox/requests")).send().await.unwrap().json().await.unwrap();
    assert_eq!(over_http, expected, "the admin route serves the same log and does not log itself");
    let text = v.http.get(v.url("/__sandbox/requests")).send().await.unwrap().text().await.unwrap();
    assert!(!text.contains(v.key), "the key never appears in the log");
}

#[tokio::test]
async fn reset_reseeds_and_clears() {
    let v = Vultr::start().await;
    v.post("/v1/server/destroy", &[("SUBID", "576965")]).await;
    v.sandbox.set_faults(Provider::Vultr, Faults { latency_ms: 5_000, ..Faults::default() });

    let reset = v.http.post(v.url("/__sandbox/reset")).send().await.unwrap();
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    assert!(v.sandbox.requests(Provider::Vultr).is_empty());

    let started = Instant::now();
    assert_eq!(v.server("576965").await["label"], "my new server", "the seed is back");
    assert!(started.elapsed() < Duration::from_secs(2), "faults were cleared");
    let created = v.create(&[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743")]).await;
    let again = Vultr::start().await.create(&[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743")]).await;
    assert_eq!(created, again, "ids restart with the seed");
}

#[tokio::test]
async fn shutdown_closes_the_port() {
    let v = Vultr::start().await;
    let url = v.url("/v1/os/list");
    v.sandbox.shutdown();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let fresh = reqwest::Client::new();
    assert!(fresh.get(&url).send().await.unwrap_err().is_connect());
}

#[tokio::test]
async fn the_apps_demo_has_no_admin_routes() {
    // The app starts its demo with `Options { extra_servers, ..Default::default() }`.
    let sandbox = Sandbox::start(Options::default()).await.unwrap();
    let http = reqwest::Client::new();
    for provider in Provider::ALL {
        let base = sandbox.endpoint(provider).unwrap();
        let requests = http.get(format!("{base}/__sandbox/requests")).send().await.unwrap();
        assert_eq!(requests.status(), StatusCode::NOT_FOUND, "{}: no request log over HTTP", provider.id());
        let faults =
            http.post(format!("{base}/__sandbox/faults")).json(&json!({ "fail_status": 500 })).send().await.unwrap();
        assert_eq!(faults.status(), StatusCode::NOT_FOUND, "{}: no fault switch", provider.id());
        let reset = http.post(format!("{base}/__sandbox/reset")).send().await.unwrap();
        assert_eq!(reset.status(), StatusCode::NOT_FOUND, "{}: no reset", provider.id());
        assert_eq!(sandbox.requests(provider), [], "{}: the probes are not logged", provider.id());
    }
    let vultr = sandbox.endpoint(Provider::Vultr).unwrap();
    let os = http.get(format!("{vultr}/v1/os/list")).send().await.unwrap();
    assert_eq!(os.status(), StatusCode::OK, "the fault was not set");
    assert_eq!(sandbox.requests(Provider::Vultr).len(), 1, "provider requests are still logged");

    let with_admin = Sandbox::start(Options { admin: true, ..Options::default() }).await.unwrap();
    let base = with_admin.endpoint(Provider::Vultr).unwrap();
    let served = http.get(format!("{base}/__sandbox/requests")).send().await.unwrap();
    assert_eq!(served.status(), StatusCode::OK, "tests that ask for the routes get them");
}

#[tokio::test]
async fn the_request_log_keeps_only_the_newest() {
    let v = Vultr::start().await;
    let extra = 25;
    for n in 0..REQUEST_LOG_LIMIT + extra {
        v.http.get(v.url(&format!("/v1/os/list?n={n}"))).send().await.unwrap();
    }
    let log = v.sandbox.requests(Provider::Vultr);
    assert_eq!(log.len(), REQUEST_LOG_LIMIT);
    let queries: Vec<String> = log.iter().map(|r| r.query.clone()).collect();
    let newest: Vec<String> = (extra..REQUEST_LOG_LIMIT + extra).map(|n| format!("n={n}")).collect();
    assert_eq!(queries, newest, "the oldest fall off, the rest stay in order");
}

/// A provider registered in the core is served here: the core's own client,
/// built from the registry with the demo account, signs in to its simulator.
#[tokio::test]
async fn every_registered_provider_has_a_simulator_its_client_signs_in_to() {
    let sandbox = Sandbox::start(Options::default()).await.unwrap();
    let demos = demo_accounts();
    for d in &vpsdesk_core::providers::REGISTRY {
        let demo = demos
            .iter()
            .find(|a| a.provider == d.kind)
            .unwrap_or_else(|| panic!("{} is registered but has no demo account", d.id()));
        let account = vpsdesk_core::accounts::Account {
            id: format!("registry-{}", d.id()),
            name: demo.name.to_string(),
            provider: d.kind,
            endpoint: Some(sandbox.endpoint(d.kind).unwrap_or_else(|| panic!("{} has no simulator", d.id()))),
            username: demo.username.map(str::to_string),
            region: demo.region.map(str::to_string),
            demo: true,
        };
        let secret = vpsdesk_core::secret::Secret::new(demo.secret);
        let client = vpsdesk_core::providers::connect(&account, secret, &vpsdesk_core::http::Http::default()).unwrap();
        client.verify().await.unwrap_or_else(|e| panic!("{}: {}", d.id(), e.message));
    }
}
