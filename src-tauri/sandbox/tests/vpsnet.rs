//! The VPS.NET (api10json) simulator against the doc, over real HTTP.

mod support;

use std::time::Duration;

use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};
use support::{Sim, SETTLE, TRANSITION_MS};
use vpsdesk_sandbox::Provider;

/// The doc's examples, as kept verbatim for the core's tests.
const DOC_LIST: &str = include_str!("../../core/tests/fixtures/vpsnet/virtual_machines_list.json");
const DOC_CLOUDS: &str = include_str!("../../core/tests/fixtures/vpsnet/available_clouds.json");
const DOC_SSD_CLOUDS: &str = include_str!("../../core/tests/fixtures/vpsnet/available_ssd_clouds.json");
const DOC_CLOUD: &str = include_str!("../../core/tests/fixtures/vpsnet/cloud.json");

/// The doc's cloud lists leave out the comma after `"currency_code": "USD"`.
fn doc(text: &str) -> Value {
    let repaired = text.replacen("\"currency_code\": \"USD\"\n", "\"currency_code\": \"USD\",\n", 1);
    serde_json::from_str(&repaired).expect("doc example is JSON once repaired")
}

/// The shared sandbox setup, with VPS.NET's calls.
type VpsNet = Sim;

impl VpsNet {
    async fn start() -> VpsNet {
        Sim::new(Provider::Vpsnet, false).await
    }

    fn bare(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
    }

    /// A request with the demo account's Basic credentials, as the doc's curl sends it.
    fn req(&self, method: Method, path: &str) -> RequestBuilder {
        self.bare(method, path).basic_auth(self.demo.username.unwrap_or_default(), Some(self.demo.secret))
    }

    async fn json(&self, path: &str) -> Value {
        let response = self.req(Method::GET, path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.expect("a JSON body")
    }

    async fn server(&self, id: u64) -> Value {
        self.json(&format!("/virtual_machines/{id}.api10json")).await["virtual_machine"].clone()
    }

    /// The three flags the state is read from: (built, running, power_action_pending).
    async fn flags(&self, id: u64) -> (bool, bool, bool) {
        let vm = self.server(id).await;
        (
            vm["built"].as_bool().unwrap(),
            vm["running"].as_bool().unwrap(),
            vm["power_action_pending"].as_bool().unwrap(),
        )
    }

    async fn post(&self, path: &str) -> (StatusCode, Value) {
        let response = self.req(Method::POST, path).send().await.unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn power(&self, id: u64, action: &str) -> (StatusCode, Value) {
        self.post(&format!("/virtual_machines/{id}/{action}.api10json")).await
    }

    async fn send_json(&self, method: Method, path: &str, body: Value) -> (StatusCode, Value) {
        let response = self.req(method, path).json(&body).send().await.unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn ids(&self) -> Vec<u64> {
        self.json("/virtual_machines.api10json")
            .await
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["virtual_machine"]["id"].as_u64().unwrap())
            .collect()
    }
}

fn create_body(label: &str, cloud: u64, template: u64, nodes: u64) -> Value {
    json!({ "virtual_machine": {
        "label": label,
        "fqdn": "box.example.com",
        "system_template_id": template,
        "cloud_id": cloud,
        "backups_enabled": false,
        "slices_required": nodes,
    }})
}

/// `[[field, message], ...]` of a 422.
fn error_fields(body: &Value) -> Vec<String> {
    body["errors"].as_array().expect("an errors array").iter().map(|e| e[0].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn every_call_needs_the_email_and_key() {
    let v = VpsNet::start().await;
    let bare = v.bare(Method::GET, "/virtual_machines.api10json").send().await.unwrap();
    assert_eq!(bare.status(), StatusCode::NOT_ACCEPTABLE);

    for (user, key) in [(v.demo.username.unwrap(), "WRONG"), ("someone@else.test", v.demo.secret)] {
        let wrong = v
            .bare(Method::POST, "/virtual_machines/1384/power_off.api10json")
            .basic_auth(user, Some(key))
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), StatusCode::NOT_ACCEPTABLE, "{user}");
    }
    assert_eq!(v.flags(1384).await, (true, true, false), "a refused power_off changes nothing");

    let profile = v.json("/profile.api10json").await;
    assert_eq!(profile["user"]["email_address"], "demo@vpsdesk.test");
    assert!(regex_like_demo_secret(v.demo.secret));
    assert_eq!(v.demo.name, "Demo VPS.NET");
}

/// The secret scanner finds demo secrets by `VPSDESK0DEMO0VPSNET0\w+`.
fn regex_like_demo_secret(secret: &str) -> bool {
    secret
        .strip_prefix("VPSDESK0DEMO0VPSNET0")
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

#[tokio::test]
async fn paths_need_the_suffix_and_a_route() {
    let v = VpsNet::start().await;
    for (method, path) in [
        (Method::GET, "/virtual_machines/1384"),
        (Method::GET, "/virtual_machines/1384.json"),
        (Method::GET, "/virtual_machines.json"),
        (Method::GET, "/servers.api10json"),
        (Method::PATCH, "/virtual_machines/1384.api10json"),
        (Method::POST, "/virtual_machines/1384/explode.api10json"),
        (Method::GET, "/virtual_machines/999999.api10json"),
    ] {
        let response = v.req(method.clone(), path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
    }
}

#[tokio::test]
async fn the_docs_servers_are_listed_as_printed() {
    let v = VpsNet::start().await;
    let list = v.json("/virtual_machines.api10json").await;
    let doc = doc(DOC_LIST);
    for (i, expected) in doc.as_array().unwrap().iter().enumerate() {
        let actual = &list[i]["virtual_machine"];
        let fields = expected["virtual_machine"].as_object().unwrap();
        for (key, value) in fields {
            assert_eq!(&actual[key], value, "server {i} field {key}");
        }
        assert_eq!(actual["built"], true);
        assert!(actual["primary_ip_address"]["ip_address"]["ip_address"].is_string());
    }
    assert!(list.as_array().unwrap().len() >= 4, "a demo fleet besides the doc's two");

    // The doc's field order, read from the text (a `Value` may sort keys).
    let text = v.req(Method::GET, "/virtual_machines.api10json").send().await.unwrap().text().await.unwrap();
    const DOC_ORDER: [&str; 17] = [
        "running",
        "updated_at",
        "power_action_pending",
        "system_template_id",
        "id",
        "cloud_id",
        "domain_name",
        "hostname",
        "consumer_id",
        "backups_enabled",
        "password",
        "label",
        "slices_count",
        "created_at",
        "bandwidth_used",
        "delayed_storage",
        "delayed_storage_until",
    ];
    let positions: Vec<usize> = DOC_ORDER.iter().map(|k| text.find(&format!("\"{k}\":")).expect(k)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "fields in the doc's order");

    let basic = v.json("/virtual_machines.api10json?basic=true").await;
    let first = &basic[0]["virtual_machine"];
    assert!(first.get("running").is_none() && first.get("bandwidth_used").is_none());
    assert_eq!(first["label"], "Web Server 01");
    let bare_flag = v.json("/virtual_machines.api10json?basic").await;
    assert!(bare_flag[0]["virtual_machine"].get("running").is_none());

    let found = v.json("/virtual_machines.api10json?search=mysql").await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["virtual_machine"]["id"], 1385);
}

#[tokio::test]
async fn show_adds_addresses_and_licenses() {
    let v = VpsNet::start().await;
    let vm = v.server(1384).await;
    assert_eq!(vm["label"], "Web Server 01");
    assert_eq!(vm["slices_count"], Value::Null, "as in the doc");
    let ip = &vm["primary_ip_address"]["ip_address"];
    assert_eq!(ip["virtual_machine_id"], 1384);
    assert_eq!(vm["ip_addresses"][0]["ip_address"]["ip_address"], ip["ip_address"]);
    let licences = vm["virtual_machine_licenses"].as_array().unwrap();
    assert_eq!(licences.len(), 1);
    assert_eq!(licences[0]["virtual_machine_license"]["license_id"], 1, "seeded with cPanel");
    assert!(vm["backup_licenses"].is_object());
}

#[tokio::test]
async fn power_calls_follow_the_state_machine() {
    let v = VpsNet::start().await;
    // Graceful shutdown: still running, action pending, then off.
    let (status, body) = v.power(1384, "shutdown").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["virtual_machine"]["id"], 1384);
    assert_eq!(v.flags(1384).await, (true, true, true));
    let (status, busy) = v.power(1384, "reboot").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&busy), ["base"]);
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.flags(1384).await, (true, false, false));

    // Only machines that are off power on; only running ones go off.
    for action in ["shutdown", "power_off", "reboot"] {
        let (status, _) = v.power(1384, action).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{action} when off");
    }
    let (status, _) = v.power(1384, "power_on").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v.flags(1384).await, (true, false, true));
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.flags(1384).await, (true, true, false));
    let (status, _) = v.power(1384, "power_on").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "power_on when on");

    // Forced off is immediate; reboot goes down and comes back.
    assert_eq!(v.power(1384, "power_off").await.0, StatusCode::OK);
    assert_eq!(v.flags(1384).await, (true, false, false));
    assert_eq!(v.power(1384, "power_on").await.0, StatusCode::OK);
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.power(1384, "reboot").await.0, StatusCode::OK);
    assert_eq!(v.flags(1384).await, (true, false, true));
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.flags(1384).await, (true, true, false));

    assert_eq!(v.power(999999, "reboot").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_pending_server_refuses_power_until_rebuilt() {
    let v = VpsNet::start().await;
    let list = v.json("/virtual_machines.api10json").await;
    let pending = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["virtual_machine"])
        .find(|vm| vm["built"] == false)
        .expect("the seed has a pending server");
    let id = pending["id"].as_u64().unwrap();
    let (status, body) = v.power(id, "power_on").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["base"]);
    assert!(body["errors"][0][1].as_str().unwrap().contains("not built"));

    let (status, _) = v.power(1384, "rebuild").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "only pending servers rebuild");
    assert_eq!(v.power(id, "rebuild").await.0, StatusCode::OK);
    assert_eq!(v.flags(id).await, (false, false, false));
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.flags(id).await, (true, true, false));
}

#[tokio::test]
async fn create_checks_the_form_and_builds() {
    let v = VpsNet::start().await;
    let path = "/virtual_machines.api10json";
    let (status, body) = v.send_json(Method::POST, path, json!({"virtual_machine": {}})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["label", "fqdn", "cloud_id", "system_template_id", "slices_required"]);
    let (status, body) = v.send_json(Method::POST, path, json!({"label": "flat"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // Template 87 is offered on cloud 3 only; cloud 21 is full.
    let (_, body) = v.send_json(Method::POST, path, create_body("x", 153, 87, 1)).await;
    assert_eq!(error_fields(&body), ["system_template_id"]);
    let (_, body) = v.send_json(Method::POST, path, create_body("x", 21, 92, 1)).await;
    assert_eq!(error_fields(&body), ["cloud_id"]);
    let (_, body) = v.send_json(Method::POST, path, create_body("x", 153, 92, 0)).await;
    assert_eq!(error_fields(&body), ["slices_required"]);
    let mut bad_fqdn = create_body("x", 153, 92, 1);
    bad_fqdn["virtual_machine"]["fqdn"] = json!("no domain");
    let (_, body) = v.send_json(Method::POST, path, bad_fqdn).await;
    assert_eq!(error_fields(&body), ["fqdn"]);

    // The doc's own create example names cloud 1 and template 9, which this
    // account does not have: refused the same way.
    let doc_create: Value =
        serde_json::from_str(include_str!("../../core/tests/fixtures/vpsnet/virtual_machine_create.json")).unwrap();
    let (status, body) = v.send_json(Method::POST, path, doc_create).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["cloud_id"]);

    // Numbers as strings, as PHP clients send them, are fine.
    let mut ok = create_body("New box", 153, 92, 2);
    ok["virtual_machine"]["cloud_id"] = json!("153");
    let (status, body) = v.send_json(Method::POST, path, ok).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let vm = &body["virtual_machine"];
    let id = vm["id"].as_u64().unwrap();
    assert_eq!(vm["label"], "New box");
    assert_eq!((vm["hostname"].as_str(), vm["domain_name"].as_str()), (Some("box"), Some("example.com")));
    assert_eq!(vm["slices_count"], 2);
    assert!(vm["password"].as_str().is_some_and(|p| !p.is_empty()));
    assert!(vm["primary_ip_address"]["ip_address"]["ip_address"].is_string());
    assert_eq!(v.flags(id).await, (false, false, false));
    assert_eq!(v.power(id, "power_on").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.flags(id).await, (true, true, false));
    assert!(v.ids().await.contains(&id));
}

#[tokio::test]
async fn edits_must_restate_the_node_count() {
    let v = VpsNet::start().await;
    let path = "/virtual_machines/1385.api10json";
    let (status, body) = v.send_json(Method::PUT, path, json!({"virtual_machine": {"label": "renamed"}})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["slices_required"]);
    let (_, body) =
        v.send_json(Method::PUT, path, json!({"virtual_machine": {"label": " ", "slices_required": 1}})).await;
    assert_eq!(error_fields(&body), ["label"]);

    // The doc's servers report no node count; the node list tells.
    let nodes = v.json("/nodes.api10json").await;
    let of_1385 = nodes.as_array().unwrap().iter().filter(|n| n["slice"]["virtual_machine_id"] == 1385).count();
    assert_eq!(of_1385, 1);
    assert!(nodes.as_array().unwrap().iter().any(|n| n["slice"]["free_node"] == true));
    // `?type=ram` lists RAM nodes only, never the slices counted above.
    let ram = v.json("/nodes.api10json?type=ram").await;
    assert!(ram.as_array().unwrap().iter().all(|n| n.get("ram_node").is_some() && n.get("slice").is_none()), "{ram}");

    let (status, _) =
        v.send_json(Method::PUT, path, json!({"virtual_machine": {"label": "renamed", "slices_required": 1}})).await;
    assert_eq!(status, StatusCode::OK);
    let vm = v.server(1385).await;
    assert_eq!(vm["label"], "renamed");
    assert_eq!(vm["slices_count"], Value::Null);
    assert_eq!(vm["hostname"], "mysql01", "the host name is not the label");
}

#[tokio::test]
async fn deleted_servers_stay_recoverable() {
    let v = VpsNet::start().await;
    let response = v.req(Method::DELETE, "/virtual_machines/1384.api10json").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "running servers can be deleted");
    assert!(!v.ids().await.contains(&1384));
    let gone = v.req(Method::GET, "/virtual_machines/1384.api10json").send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let recoverable = v.json("/virtual_machines/recoverable.api10json").await;
    assert_eq!(recoverable[0]["virtual_machine"]["id"], 1384);

    assert_eq!(v.post("/virtual_machines/1384/recover.api10json").await.0, StatusCode::OK);
    assert!(v.ids().await.contains(&1384));
    assert_eq!(v.post("/virtual_machines/1384/recover.api10json").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn clouds_are_the_docs() {
    let v = VpsNet::start().await;
    let clouds = v.json("/available_clouds.api10json").await;
    assert_eq!(clouds[0], doc(DOC_CLOUDS)[0], "the doc's cloud comes first, as printed");
    assert!(clouds.as_array().unwrap().len() > 1);
    assert!(clouds.as_array().unwrap().iter().any(|c| c["cloud"]["available"] == false));
    assert_eq!(v.json("/available_ssd_clouds.api10json").await, doc(DOC_SSD_CLOUDS));
    assert_eq!(v.json("/clouds/3.api10json").await, doc(DOC_CLOUD));
    let missing = v.req(Method::GET, "/clouds/999.api10json").send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn empty_starts_with_no_servers() {
    let v = Sim::new(Provider::Vpsnet, true).await;
    assert_eq!(v.json("/virtual_machines.api10json").await, json!([]));
    assert_eq!(v.json("/virtual_machines/recoverable.api10json").await, json!([]));
}

#[tokio::test]
async fn resource_edits_assign_nodes_and_put_storage_off_when_asked() {
    let v = VpsNet::start().await;
    let path = "/virtual_machines/1384.api10json";
    // The doc's daily-node example (its trailing comma dropped), with the
    // node count the doc says every edit needs.
    let body = json!({"virtual_machine": {"backups_enabled": true, "consumer_id": 118, "label": "Daily node tester",
        "daily_nodes_required": 2, "storage_nodes_required": 1, "ram_nodes_required": 1, "bandwidth_nodes_required": 1,
        "slices_required": 1, "rsync_backups_enabled": true}});
    let (status, reply) = v.send_json(Method::PUT, path, body).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    let vm = &reply["virtual_machine"];
    assert_eq!((vm["label"].as_str(), vm["consumer_id"].as_u64()), (Some("Daily node tester"), Some(118)));
    assert!(vm["backup_licenses"]["rsync_license"].is_u64() && vm["backup_licenses"]["r1soft_license"].is_null());
    let daily = v.json("/nodes.api10json?type=vps").await;
    let daily = daily
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["slice"]["virtual_machine_id"] == 1384 && n["slice"]["daily_node"] == true)
        .count();
    assert_eq!(daily, 2);
    // The free RAM node of the seed was assigned rather than a new one bought.
    let ram = v.json("/nodes.api10json?type=ram").await;
    assert_eq!(ram.as_array().unwrap().len(), 1);
    assert_eq!(ram[0]["ram_node"]["virtual_machine_id"], 1384);
    for kind in ["storage", "bandwidth"] {
        let list = v.json(&format!("/nodes.api10json?type={kind}")).await;
        let key = format!("{kind}_node");
        assert_eq!(
            list.as_array().unwrap().iter().filter(|n| n[&key]["virtual_machine_id"] == 1384).count(),
            1,
            "{kind}: {list}"
        );
    }
    // The storage grew without a delay: the running server restarts.
    assert_eq!(v.flags(1384).await, (true, false, true));

    // More disk put off until a date (the doc's example body).
    let (status, reply) = v
        .send_json(Method::PUT, "/virtual_machines/1385.api10json", json!({"virtual_machine": {"slices_required": 3, "delayed_storage": true, "delayed_storage_until": "2010-04-24 14:00"}}))
        .await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    assert_eq!(reply["virtual_machine"]["delayed_storage_until"], "2010-04-24 14:00");
    assert_eq!(v.flags(1385).await, (true, true, false), "no downtime until the date");
    let (status, _) = v.post("/virtual_machines/1385/upgrade_storage.api10json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v.server(1385).await["delayed_storage"], false);
    assert_eq!(v.flags(1385).await, (true, false, true), "the upgrade restarts it now");

    let (status, body) = v
        .send_json(Method::PUT, "/virtual_machines/1386.api10json", json!({"virtual_machine": {"slices_required": 2, "delayed_storage": true, "delayed_storage_until": "tomorrow"}}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["delayed_storage_until"]);
}

#[tokio::test]
async fn a_built_backup_converts_to_a_template_that_can_be_edited() {
    let v = VpsNet::start().await;
    let before = v.json("/system_templates.api10json").await.as_array().unwrap().len();
    let (status, reply) = v
        .send_json(Method::POST, "/virtual_machines/1384/backups/3774/convert.api10json", json!({"one_click": true}))
        .await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    let id = reply["system_template"]["id"].as_u64().unwrap();
    let list = v.json("/system_templates.api10json").await;
    assert_eq!(list.as_array().unwrap().len(), before + 1);
    let (status, _) = v
        .send_json(Method::POST, "/virtual_machines/1384/backups/1/convert.api10json", json!({"one_click": true}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The doc's edit body comes in an array; accepted as well as bare.
    let body = json!([{"system_template": {"operating_system": "Custom Template", "description": "test_cus_temp", "info": "This is a test info"}}]);
    let (status, _) = v.send_json(Method::PUT, &format!("/system_templates/{id}.api10json"), body).await;
    assert_eq!(status, StatusCode::OK);
    let list = v.json("/system_templates.api10json").await;
    let edited = list.as_array().unwrap().iter().find(|t| t["system_template"]["id"] == id).unwrap();
    assert_eq!(edited["system_template"]["info"], "This is a test info");
    assert_eq!(edited["system_template"]["operating_system"], "Custom Template");
    let (status, body) = v
        .send_json(Method::PUT, "/system_templates/115.api10json", json!({"system_template": {"description": " "}}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["description"]);
}

#[tokio::test]
async fn addresses_keep_notes_move_within_their_cloud_and_justified_ones_get_approved() {
    let v = VpsNet::start().await;
    let ips = v.json("/ips.api10json").await;
    let primary = ips.as_array().unwrap().iter().find(|i| i["ip_address"]["virtual_machine_id"] == 1384).unwrap()
        ["ip_address"]["id"]
        .as_u64()
        .unwrap();
    let (status, _) = v
        .send_json(
            Method::PUT,
            &format!("/ips/{primary}.api10json"),
            json!({"ip_address": {"notes": "description", "consumer_id": 58}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let ips = v.json("/ips.api10json?consumer_id=58").await;
    assert_eq!(ips.as_array().unwrap().len(), 1);
    assert_eq!(ips[0]["ip_address"]["description"], "description");

    let (_, added) = v
        .send_json(
            Method::POST,
            "/ips.api10json",
            json!({"quantity": 1, "type": "external", "virtual_machine_id": 1384}),
        )
        .await;
    let added = added[0]["ip_address"]["id"].as_u64().unwrap();
    let (status, _) = v
        .send_json(Method::POST, &format!("/ips/{primary}/reassign.api10json"), json!({"virtual_machine_id": "1385"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a primary address stays");
    let (status, reply) = v
        .send_json(Method::POST, &format!("/ips/{added}/reassign.api10json"), json!({"virtual_machine_id": "1385"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    assert!(reply["ip_address"].as_str().unwrap().starts_with("68.169."));
    let ips = v.json("/ips.api10json").await;
    assert_eq!(
        ips.as_array().unwrap().iter().find(|i| i["ip_address"]["id"] == added).unwrap()["ip_address"]
            ["virtual_machine_id"],
        1385
    );

    let body = json!({"virtual_machine_id": 99, "ip_justification": {"ip_address1": {"justification_type": "0", "justification_reason": "test.com"}}});
    let (status, _) = v.send_json(Method::POST, "/ips/justified.api10json", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "server 99 is not on the account");
    let body = json!({"virtual_machine_id": 1384, "ip_justification": {"ip_address1": {"justification_type": "0", "justification_reason": "test.com"},
        "ip_address2": {"justification_type": "1", "justification_reason": "test"}}});
    let (status, _) = v.send_json(Method::POST, "/ips/justified.api10json", body).await;
    assert_eq!(status, StatusCode::OK);
    let list = v.json("/ips/justified.api10json").await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["justified_ip"]["status"], "pending");
    tokio::time::sleep(Duration::from_millis(TRANSITION_MS + 100)).await;
    assert_eq!(v.json("/ips/justified.api10json").await[1]["justified_ip"]["status"], "approved");
}

#[tokio::test]
async fn a_managed_service_moves_but_not_to_windows() {
    let v = VpsNet::start().await;
    let windows = create_body("win", 15, 1899, 1);
    let (status, created) = v.send_json(Method::POST, "/virtual_machines.api10json", windows).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let win = created["virtual_machine"]["id"].as_u64().unwrap();
    let path = "/virtual_machines/1384/transfer_managed_service.api10json";
    let (status, body) = v.send_json(Method::POST, path, json!({"alternate_vps": win.to_string()})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"][0][1].as_str().unwrap().contains("Windows"), "{body}");
    let (status, _) = v.send_json(Method::POST, path, json!({"reassign_ip": "1234", "alternate_vps": "1385"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "1234 is no added address of 1384");
    let (status, _) = v.send_json(Method::POST, path, json!({"alternate_vps": "1385"})).await;
    assert_eq!(status, StatusCode::OK);
    let managed = v.json("/managed_services.api10json").await;
    let servers: Vec<u64> = managed["managed_services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["virtual_machine_id"].as_u64().unwrap())
        .collect();
    assert!(servers.contains(&1385) && !servers.contains(&1384), "{managed}");
    let (status, _) = v.send_json(Method::POST, path, json!({"alternate_vps": "1385"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "1384 has no service left");
}

#[tokio::test]
async fn cloud_groups_gather_the_clouds_by_region() {
    let v = VpsNet::start().await;
    let groups = v.json("/cloud_groups.api10json").await;
    let labels: Vec<&str> =
        groups.as_array().unwrap().iter().map(|g| g["cloud_group"]["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Test", "UK", "US", "Asia"]);
    let us = &groups[2]["cloud_group"];
    assert_eq!(us["clouds"][0]["id"], 15);
}

#[tokio::test]
async fn licences_are_listed_and_changed_one_control_panel_at_a_time() {
    let v = VpsNet::start().await;
    let list = v.json("/virtual_machines/1384/licenses.api10json").await;
    let cpanel = list.as_array().unwrap().iter().find(|l| l["license"]["id"] == 1).unwrap();
    assert_eq!(
        (cpanel["license"]["label"].as_str(), cpanel["license"]["license_type"].as_str()),
        (Some("cPanel"), Some("Control Panel"))
    );
    let held = |vm: &Value| -> Vec<u64> {
        vm["virtual_machine_licenses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["virtual_machine_license"]["license_id"].as_u64().unwrap())
            .collect()
    };
    let path = "/virtual_machines/1384.api10json";
    let edit = |licenses: Value| json!({ "virtual_machine": { "slices_required": 1, "licenses": licenses } });
    let (status, body) = v.send_json(Method::PUT, path, edit(json!({ "6": 1 }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&body), ["licenses"]);
    let (status, _) = v.send_json(Method::PUT, path, json!({ "virtual_machine": { "licenses": { "1": 0 } } })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "slices_required is required");
    assert_eq!(held(&v.server(1384).await), [1], "refused edits change nothing");
    let (status, vm) = v.send_json(Method::PUT, path, edit(json!({ "3": 1 }))).await;
    assert_eq!((status, held(&vm["virtual_machine"])), (StatusCode::OK, vec![1, 3]));
    let (status, _) = v.send_json(Method::PUT, path, edit(json!({ "1": 0 }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an add-on cannot outlive its control panel");
    // The doc's example: buy 2 and cancel 1 in one edit (here with the add-on).
    let (status, vm) = v.send_json(Method::PUT, path, edit(json!({ "2": 1, "1": 0 }))).await;
    assert_eq!((status, held(&vm["virtual_machine"])), (StatusCode::OK, vec![2, 3]));
    let (status, _) = v.send_json(Method::PUT, path, edit(json!({ "9": 1 }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}
