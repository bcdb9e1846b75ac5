//! Every example body of the VPS247 doc (tests/fixtures/vps247) through the
//! wire types and the mapping, and the status codes the doc lists.
//!
//! Repaired: `create_request.json` is the doc's create schema without its
//! trailing `#Optional` comment (after `"ssh_key_ids" : [1]`), which is not
//! JSON. `virtual_machines.json` is verbatim.

use reqwest::header::HeaderMap;

use super::{create_body, map, wire, Call, Vps247};
use crate::error::ErrorKind;
use crate::http::{Http, Response};
use crate::model::{CreateServer, PowerAction, Status};
use crate::providers::common::ProviderApi;
use crate::secret::Secret;

macro_rules! fixture {
    ($name:literal) => {
        doc_json!("vps247", $name)
    };
}

const KEY: &str = "vps247-unit-test-key-42";

fn client() -> Vps247 {
    Vps247::new(Http::default(), "https://api.vps247.com", Secret::new(KEY)).unwrap()
}

fn reply(status: u16, body: &str) -> Response {
    Response { status, headers: HeaderMap::new(), body: body.as_bytes().to_vec() }
}

#[test]
fn list_example_maps_every_field() {
    let raw = fixture!("virtual_machines");
    let vms = raw.as_array().unwrap();
    assert_eq!(vms.len(), 1);
    let w: wire::VmWire = serde_json::from_value(vms[0].clone()).unwrap();
    let s = map::server(w, &vms[0]);
    assert_eq!(s.id, "90");
    assert_eq!(s.name, "api_test");
    assert_eq!(s.status, Status::Running);
    assert_eq!(s.provider_status, "running");
    assert_eq!(s.ipv4, vec!["123.123.123.123"]);
    assert!(s.ipv6.is_empty());
    assert_eq!(s.region, "New York 1");
    assert_eq!(s.plan, "Budget");
    assert_eq!(s.created_at.as_ref().map(ToString::to_string).as_deref(), Some("2015-02-21T00:26:55.068Z"));

    let detail = |k: &str| s.details.iter().find(|d| d.label == k).map(|d| d.value.clone());
    assert_eq!(detail("initial_password"), None, "the root password is never passed on");
    assert_eq!(detail("hostname").as_deref(), Some("xxxx"));
    assert_eq!(detail("os_template_name").as_deref(), Some("Ubuntu 11.10 Server x64"));
    assert_eq!(detail("ip_allocations").as_deref(), Some("123.123.123.123/25 via 123.123.123.1"));
    assert_eq!(detail("last_task").as_deref(), Some("VmKill: pending"));
    assert_eq!(detail("virtual_machine_disk_ids").as_deref(), Some("88"));
    // The example says `month_transfer` where the attribute list says `transfer_month`.
    assert_eq!(detail("month_transfer").as_deref(), Some("22410"));
    assert_eq!(detail("unbilled_hours").as_deref(), Some("1"));
    let labels: Vec<&str> = s.details.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "id",
            "name",
            "hostname",
            "state",
            "created_at",
            "region_id",
            "os_template_id",
            "owner_id",
            "updated_at",
            "region_name",
            "os_template_name",
            "ip_allocations",
            "last_task",
            "package_id",
            "package_name",
            "unbilled_hours",
            "transfer",
            "month_transfer",
            "virtual_machine_disk_ids",
        ],
        "every field but the password, in the doc's order"
    );

    let row = map::row(serde_json::from_value(vms[0].clone()).unwrap());
    assert_eq!(row, crate::model::Server { details: Vec::new(), ..s }, "a table row: the same server without its details");
}

#[test]
fn status_mapping_covers_the_documented_states() {
    assert_eq!(map::status("pending"), Status::Pending);
    assert_eq!(map::status("running"), Status::Running);
    assert_eq!(map::status("halted"), Status::Stopped);
    assert_eq!(map::status("halting"), Status::Stopping);
    assert_eq!(map::status("starting"), Status::Starting);
    assert_eq!(map::status("exploded"), Status::Unknown);
}

/// The doc's five states and the words its actions imply (restart, stop
/// "already stopped"), in any case and spacing; anything else is unknown.
#[test]
fn every_accepted_spelling_of_a_state() {
    for (word, want) in [
        ("pending", Status::Pending),
        ("creating", Status::Pending),
        ("building", Status::Pending),
        ("provisioning", Status::Pending),
        ("installing", Status::Pending),
        ("running", Status::Running),
        ("active", Status::Running),
        ("powered on", Status::Running),
        ("halted", Status::Stopped),
        ("stopped", Status::Stopped),
        ("powered off", Status::Stopped),
        ("poweredoff", Status::Stopped),
        ("power_off", Status::Stopped),
        ("shutoff", Status::Stopped),
        ("halting", Status::Stopping),
        ("stopping", Status::Stopping),
        ("shutting down", Status::Stopping),
        ("powering-off", Status::Stopping),
        ("starting", Status::Starting),
        ("booting", Status::Starting),
        ("powering on", Status::Starting),
        ("restarting", Status::Starting),
        ("rebooting", Status::Starting),
        ("suspended", Status::Suspended),
        ("Halted", Status::Stopped),
        (" RUNNING ", Status::Running),
        ("Halting\t", Status::Stopping),
        ("exploded", Status::Unknown),
        ("", Status::Unknown),
    ] {
        assert_eq!(map::status(word), want, "{word:?}");
    }
}

#[test]
fn sparse_vms_still_map() {
    let raw = serde_json::json!({
        "id": "7", "hostname": "box.example", "state": "halted", "region_id": 3, "package_id": 2,
        "ip_allocations": [
            {
                "version": 6, "first": "2001:db8::10", "last": "2001:db8::10",
                "gateway": "2001:db8::1", "prefixlen": 64
            },
            { "first": "10.0.0.5" }
        ]
    });
    let s = map::server(serde_json::from_value(raw.clone()).unwrap(), &raw);
    assert_eq!((s.id.as_str(), s.name.as_str()), ("7", "box.example"));
    assert_eq!(s.status, Status::Stopped);
    assert_eq!((s.region.as_str(), s.plan.as_str()), ("region 3", "package 2"));
    assert_eq!(s.ipv6, vec!["2001:db8::10"]);
    assert_eq!(s.ipv4, vec!["10.0.0.5"]);
    assert_eq!(s.created_at, None);

    let null = serde_json::json!({ "id": 8, "state": "pending", "ip_allocations": null });
    let s = map::server(serde_json::from_value(null.clone()).unwrap(), &null);
    assert_eq!(s.name, "VM 8");
    assert!(s.ipv4.is_empty());
}

#[test]
fn create_body_follows_the_doc_schema() {
    let schema = fixture!("create_request");
    let req = CreateServer {
        name: "web".into(),
        plan: Some("2".into()),
        image: Some("1".into()),
        region: Some(" 2 ".into()),
        ..CreateServer::default()
    };
    let body = create_body(&req).unwrap();
    for (key, value) in schema.as_object().unwrap() {
        if key == "ssh_key_ids" {
            assert!(body.get(key).is_none(), "the optional key list is left out");
            continue;
        }
        assert!(body.get(key).is_some(), "{key} is sent");
        assert_eq!(
            std::mem::discriminant(&body[key]),
            std::mem::discriminant(value),
            "{key} has the schema's JSON type"
        );
    }
    assert_eq!(body["region_id"], 2);
    assert_eq!(body["name"], "web");
    assert_eq!((&body["has_ipv6"], &body["has_private_networking"]), (&serde_json::json!(false), &serde_json::json!(false)), "off unless asked");

    // Everything the schema shows, asked for, is the schema's example.
    let all = CreateServer {
        name: "xxxx".into(),
        plan: Some("2".into()),
        image: Some("1".into()),
        region: Some("2".into()),
        ipv6: true,
        private_network: true,
        ssh_keys: vec!["1".into()],
        ..CreateServer::default()
    };
    assert_eq!(create_body(&all).unwrap(), schema);
}

#[test]
fn ids_are_checked_before_sending() {
    let missing = create_body(&CreateServer { name: "web".into(), ..CreateServer::default() }).unwrap_err();
    assert_eq!(missing.kind, ErrorKind::Validation);
    assert_eq!(missing.fields[0].field, "region");
    let bad = create_body(&CreateServer {
        name: "web".into(),
        region: Some("1".into()),
        plan: Some("big".into()),
        image: Some("1".into()),
        ..CreateServer::default()
    })
    .unwrap_err();
    assert_eq!(bad.fields[0].field, "plan");
    assert!(super::server_id("12a").is_err());
    assert!(super::server_id("-1").is_err());
    assert!(super::server_id("+1").is_err());
    assert_eq!(super::server_id(" 90 ").unwrap(), 90);
}

#[test]
fn documented_status_codes_map_to_kinds_in_words() {
    let c = client();
    let e = c.status_error(&reply(401, r#"{"error":"Invalid API key"}"#), Call::Read);
    assert_eq!(e.kind, ErrorKind::Auth);

    let e = c.status_error(&reply(404, r#"{"error":"Not found"}"#), Call::Server("5"));
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert!(e.message.contains("no server 5"), "{}", e.message);

    let e = c.status_error(&reply(406, r#"{"error":"VM is pending"}"#), Call::Power("93", PowerAction::Start));
    assert_eq!(e.kind, ErrorKind::InvalidState);
    assert!(e.message.contains("cannot start server 93") && e.message.contains("VM is pending"), "{}", e.message);

    let e = c.status_error(&reply(400, r#"{"error":"VM is running"}"#), Call::Delete("90"));
    assert_eq!(e.kind, ErrorKind::InvalidState);
    assert_eq!(e.message, "VPS247 deletes only halted servers: stop it first (vpsctl servers stop ACCOUNT 90)");

    let e = c.status_error(&reply(400, r#"{"errors":["name is missing"]}"#), Call::Create);
    assert_eq!(e.kind, ErrorKind::Validation);
    assert!(e.message.contains("name is missing"), "{}", e.message);

    let e = c.status_error(&reply(500, "<html>oops</html>"), Call::Read);
    assert_eq!(e.kind, ErrorKind::Provider);
    assert!(e.message.contains("500"));
}

#[test]
fn error_texts_never_show_the_key() {
    let c = client();
    let body = format!(r#"{{"error":"key {KEY} is not valid for VM 9"}}"#);
    let e = c.status_error(&reply(406, &body), Call::Power("9", PowerAction::Stop));
    assert!(!e.message.contains(KEY), "{}", e.message);
}

#[test]
fn catalog_bodies_map() {
    let p: wire::PackageWire = serde_json::from_value(serde_json::json!({
        "id": 1, "name": "Budget", "cpus": 1, "memory": 512, "disk": 20, "transfer": 1500000, "price": "5.00"
    }))
    .unwrap();
    let p = map::plan(p);
    assert_eq!((p.id.as_str(), p.name.as_str()), ("1", "Budget"));
    assert_eq!((p.vcpus, p.memory_mb, p.disk_gb), (Some(1), Some(512), Some(20)));
    assert_eq!(p.bandwidth_tb.as_deref(), Some("1.5"));
    assert_eq!(p.price_monthly.as_deref(), Some("5.00"));

    let bare: wire::PackageWire = serde_json::from_value(serde_json::json!({ "id": "3", "name": "Pro" })).unwrap();
    let bare = map::plan(bare);
    assert_eq!((bare.vcpus, bare.bandwidth_tb), (None, None));

    let os = serde_json::json!({ "id": 1, "name": "Ubuntu 11.10 Server x64" });
    let i = map::image(serde_json::from_value(os).unwrap());
    assert_eq!((i.id.as_str(), i.family.as_deref(), i.arch.as_deref()), ("1", Some("ubuntu"), Some("x64")));

    let region = serde_json::json!({ "id": 25, "name": "Madrid 1", "country": "ES" });
    let r = map::region(serde_json::from_value(region).unwrap());
    assert_eq!((r.id.as_str(), r.name.as_str(), r.country.as_deref()), ("25", "Madrid 1", Some("ES")));
}

#[test]
fn create_sends_ssh_key_ids_as_the_schema_shows() {
    let schema = fixture!("create_request");
    let req = CreateServer {
        name: "xxxx".into(),
        plan: Some("2".into()),
        image: Some("1".into()),
        region: Some("2".into()),
        ssh_keys: vec!["1".into()],
        ..CreateServer::default()
    };
    assert_eq!(create_body(&req).unwrap()["ssh_key_ids"], schema["ssh_key_ids"]);
    let bad = create_body(&CreateServer { ssh_keys: vec!["laptop".into()], ..req }).unwrap_err();
    assert_eq!(bad.fields[0].field, "ssh_keys");
}

#[test]
fn allocations_of_the_example_are_the_network_tab() {
    let vm: wire::VmWire = serde_json::from_value(fixture!("virtual_machines")[0].clone()).unwrap();
    let ips = super::extras::addresses(&vm.ip_allocations);
    assert_eq!(ips.len(), 1);
    let ip = &ips[0];
    assert_eq!((ip.ip.as_str(), ip.version), ("123.123.123.123", 4));
    assert_eq!(ip.role, crate::capabilities::server::network::IpRole::Main);
    assert_eq!(ip.netmask.as_deref(), Some("255.255.255.128"), "prefixlen 25");
    assert_eq!(ip.gateway.as_deref(), Some("123.123.123.1"));
}
