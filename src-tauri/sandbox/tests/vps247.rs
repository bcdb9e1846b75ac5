//! The VPS247 simulator against its doc, over real HTTP.

mod support;

use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use support::{Sim, SETTLE};
use vpsdesk_sandbox::{Options, Provider};

/// The doc's `GET /virtual_machines` example, copied verbatim.
const DOC_LIST: &str = r#"[{ "id": 90, "name": "api_test", "hostname": "xxxx", "state": "running", "created_at": "2015-02-21T00:26:55.068Z", "region_id": 1, "os_template_id": 1, "initial_password": "xxxx", "owner_id": 1, "updated_at": "2015-02-21T00:35:29.192Z", "region_name": "New York 1", "os_template_name": "Ubuntu 11.10 Server x64", "ip_allocations": [{ "version": 4, "first": "123.123.123.123", "last": "123.123.123.123", "gateway": "123.123.123.1", "prefixlen": 25 }], "last_task": { "id": 1, "name": "VmKill", "progress": null, "status": "pending" }, "package_id": 1, "package_name": "Budget", "unbilled_hours": 1, "transfer": 22410, "month_transfer": 22410, "virtual_machine_disk_ids": [ 88 ] }]"#;

/// The shared sandbox setup, with VPS247's calls.
type Vps247 = Sim;

impl Vps247 {
    async fn start() -> Vps247 {
        Sim::new(Provider::Vps247, false).await
    }

    async fn with(opts: Options) -> Vps247 {
        Sim::with_options(Provider::Vps247, opts).await
    }

    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut req = self.http.request(method, self.url(path)).header("X-Api-Key", self.demo.secret);
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send().await.expect("request reaches the sandbox")
    }

    async fn json(&self, path: &str) -> Value {
        let response = self.send(Method::GET, path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.expect("a JSON body")
    }

    async fn vm(&self, id: u64) -> Value {
        self.json(&format!("/virtual_machines/{id}")).await
    }

    async fn state(&self, id: u64) -> String {
        self.vm(id).await["state"].as_str().expect("a state").to_owned()
    }

    /// A power call, answered with its status and body.
    async fn power(&self, id: u64, call: &str) -> (StatusCode, Value) {
        let response = self.send(Method::POST, &format!("/virtual_machines/{id}/{call}"), None).await;
        let status = response.status();
        (status, response.json().await.expect("a JSON body"))
    }

    async fn create(&self, body: Value) -> (StatusCode, Value) {
        let response = self.send(Method::POST, "/virtual_machines", Some(body)).await;
        let status = response.status();
        (status, response.json().await.expect("a JSON body"))
    }
}

fn order(name: &str) -> Value {
    json!({
        "name": name, "os_template_id": 2, "region_id": 2, "package_id": 2,
        "has_private_networking": false, "has_ipv6": true, "ssh_key_ids": [1]
    })
}

#[tokio::test]
async fn every_call_needs_the_key() {
    let v = Vps247::start().await;
    for path in ["/virtual_machines", "/virtual_machines/90", "/packages", "/regions", "/os_templates"] {
        let bare = v.http.get(v.url(path)).send().await.unwrap();
        assert_eq!(bare.status(), StatusCode::UNAUTHORIZED, "{path}");
        let wrong = v.http.get(v.url(path)).header("X-Api-Key", "WRONG").send().await.unwrap();
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED, "{path}");
        let body: Value = wrong.json().await.unwrap();
        assert!(body["error"].as_str().unwrap().contains("X-Api-Key"));
    }
    let refused = v.http.post(v.url("/virtual_machines/90/stop")).header("X-Api-Key", "WRONG").send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(v.state(90).await, "running", "a refused stop changes nothing");
}

#[tokio::test]
async fn the_doc_example_is_served_verbatim() {
    let v = Vps247::start().await;
    let doc: Value = serde_json::from_str(DOC_LIST).unwrap();
    let list = v.json("/virtual_machines").await;
    let list = list.as_array().expect("a JSON array");
    assert!(list.len() >= 4, "the doc's VM and a demo fleet");
    assert_eq!(list[0], doc[0]);
    assert_eq!(v.vm(90).await, doc[0]);
    // Every VM has the example's fields (in its order where maps keep order).
    let keys: Vec<&String> = list[1].as_object().unwrap().keys().collect();
    let doc_keys: Vec<&String> = doc[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, doc_keys);
    let states: Vec<&str> = list.iter().map(|vm| vm["state"].as_str().unwrap()).collect();
    for state in ["running", "halted", "pending"] {
        assert!(states.contains(&state), "no seeded VM is {state}");
    }
    for vm in list {
        assert_eq!(vm["ip_allocations"][0]["version"], 4, "{vm}");
    }
}

#[tokio::test]
async fn catalog_has_what_the_seed_refers_to() {
    let v = Vps247::start().await;
    let (packages, regions, templates) =
        (v.json("/packages").await, v.json("/regions").await, v.json("/os_templates").await);
    let has = |list: &Value, id: &Value| list.as_array().unwrap().iter().any(|e| &e["id"] == id);
    for vm in v.json("/virtual_machines").await.as_array().unwrap() {
        assert!(has(&packages, &vm["package_id"]), "{vm}");
        assert!(has(&regions, &vm["region_id"]), "{vm}");
        assert!(has(&templates, &vm["os_template_id"]), "{vm}");
    }
    for vm in v.json("/virtual_machines").await.as_array().unwrap() {
        let region = v.json(&format!("/regions/{}", vm["region_id"])).await;
        let offers = |key: &str, id: &Value| region[key].as_array().unwrap().contains(id);
        assert!(offers("package_ids", &vm["package_id"]) && offers("os_template_ids", &vm["os_template_id"]), "{vm}");
    }
    assert_eq!(v.json("/packages/3").await["name"], "Premium", "a package by id");
    assert_eq!(v.json("/os_templates/4").await["name"], "CentOS 7 x64", "a template by id");
    assert_eq!(v.send(Method::GET, "/regions/77", None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(packages[0]["name"], "Budget");
    assert_eq!(regions[0]["name"], "New York 1");
    assert_eq!(templates[0]["name"], "Ubuntu 11.10 Server x64");
}

#[tokio::test]
async fn power_calls_follow_the_state_machine() {
    let v = Vps247::start().await;
    let (status, body) = v.power(91, "stop").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "halting", "answers with the current VM");
    assert_eq!(body["last_task"]["name"], "VmStop");
    assert_eq!(body["last_task"]["status"], "pending");
    let (status, _) = v.power(91, "stop").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "in between states");
    tokio::time::sleep(SETTLE).await;
    let vm = v.vm(91).await;
    assert_eq!(vm["state"], "halted");
    assert_eq!(vm["last_task"]["status"], "complete");

    let (status, body) = v.power(91, "stop").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "already stopped");
    assert!(body["error"].as_str().unwrap().contains("halted"));

    let (status, body) = v.power(91, "start").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["state"], "starting");
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.state(91).await, "running");

    let (status, body) = v.power(91, "restart").await;
    assert_eq!((status, body["state"].as_str()), (StatusCode::OK, Some("starting")));
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.state(91).await, "running");

    let (status, body) = v.power(91, "kill").await;
    assert_eq!((status, body["last_task"]["name"].as_str()), (StatusCode::OK, Some("VmKill")));
    let (status, _) = v.power(91, "kill").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "right after another kill");
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.state(91).await, "halted");
}

#[tokio::test]
async fn a_pending_vm_refuses_power_calls() {
    let v = Vps247::start().await;
    for call in ["start", "stop", "restart", "kill"] {
        let (status, body) = v.power(93, call).await;
        assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "{call}");
        assert!(body["error"].as_str().unwrap().contains("pending"), "{body}");
    }
    assert_eq!(v.state(93).await, "pending");
}

#[tokio::test]
async fn only_halted_vms_are_deleted() {
    let v = Vps247::start().await;
    let running = v.send(Method::DELETE, "/virtual_machines/90", None).await;
    assert_eq!(running.status(), StatusCode::BAD_REQUEST);
    assert!(running.text().await.unwrap().contains("halted"));
    assert_eq!(
        v.send(Method::DELETE, "/virtual_machines/93", None).await.status(),
        StatusCode::BAD_REQUEST,
        "nor while being set up"
    );

    let halted = v.send(Method::DELETE, "/virtual_machines/92", None).await;
    assert_eq!(halted.status(), StatusCode::NO_CONTENT);
    assert!(halted.text().await.unwrap().is_empty());
    let gone = v.send(Method::GET, "/virtual_machines/92", None).await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    assert_eq!(v.send(Method::DELETE, "/virtual_machines/92", None).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_vms_paths_and_methods() {
    let v = Vps247::start().await;
    for path in ["/virtual_machines/999999", "/virtual_machines/abc", "/virtual_machines/999999/start"] {
        let method = if path.ends_with("start") { Method::POST } else { Method::GET };
        let response = v.send(method, path, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(v.send(Method::GET, "/v1/server/list", None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(v.send(Method::GET, "/virtual_machines/90/start", None).await.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn create_installs_then_runs() {
    let v = Vps247::start().await;
    let (status, vm) = v.create(order("fresh")).await;
    assert_eq!(status, StatusCode::CREATED, "{vm}");
    assert_eq!(vm["name"], "fresh");
    assert_eq!(vm["state"], "pending");
    assert_eq!(vm["package_name"], "Standard");
    assert_eq!(vm["region_name"], "London 1");
    assert_eq!(vm["last_task"]["name"], "VmCreate");
    assert_eq!(vm["ip_allocations"][1]["version"], 6, "has_ipv6 adds a v6 allocation");
    let id = vm["id"].as_u64().expect("an integer id");
    assert!(id > 94);

    let (status, _) = v.power(id, "start").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "still being set up");
    tokio::time::sleep(SETTLE).await;
    let vm = v.vm(id).await;
    assert_eq!(vm["state"], "running");
    assert!(vm["ip_allocations"][0]["first"].as_str().unwrap().starts_with("185.93."));
    assert!(v.json("/virtual_machines").await.as_array().unwrap().iter().any(|vm| vm["id"] == id));
}

#[tokio::test]
async fn create_says_what_is_missing_or_wrong() {
    let v = Vps247::start().await;
    let (status, body) = v.create(json!({ "name": "x" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error = body["error"].as_str().unwrap();
    for missing in ["os_template_id", "region_id", "package_id", "has_private_networking", "has_ipv6"] {
        assert!(error.contains(&format!("{missing} is missing")), "{error}");
    }

    let mut bad = order("bad");
    bad["region_id"] = json!(77);
    bad["package_id"] = json!("2");
    bad["has_ipv6"] = json!("yes");
    let (status, body) = v.create(bad).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error = body["error"].as_str().unwrap();
    assert!(error.contains("region_id 77 does not exist"), "{error}");
    assert!(error.contains("package_id must be an integer"), "{error}");
    assert!(error.contains("has_ipv6 must be true or false"), "{error}");

    let mut elsewhere = order("madrid");
    elsewhere["region_id"] = json!(25);
    elsewhere["package_id"] = json!(4);
    let (status, body) = v.create(elsewhere).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("Madrid 1 does not offer package 4"), "{body}");

    let (status, body) = v.create(order("api_test")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("already been taken"));

    let response = v
        .http
        .post(v.url("/virtual_machines"))
        .header("X-Api-Key", v.demo.secret)
        .form(&[("name", "form")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "the body is JSON, not a form");
    assert_eq!(v.json("/virtual_machines").await.as_array().unwrap().len(), 5, "nothing was created");
}

#[tokio::test]
async fn empty_starts_with_no_vms() {
    let v = Vps247::with(Options { empty: true, ..Options::default() }).await;
    assert_eq!(v.json("/virtual_machines").await, json!([]));
    assert!(!v.json("/packages").await.as_array().unwrap().is_empty());
}
