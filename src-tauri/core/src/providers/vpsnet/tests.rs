//! Every example body of the VPS.NET doc, verbatim (tests/fixtures/vpsnet),
//! through the wire types and the mapping. The doc's examples are hand
//! written and several are not well-formed JSON; each repair below is named
//! where it is made and touches only the broken spot.

use serde_json::{json, Value};

use super::wire::{CloudEnvelope, CloudWire, ErrorsWire, ProfileEnvelope, VirtualMachineEnvelope, VirtualMachineWire};
use super::{map, order, Scope, Vpsnet};
use crate::error::ErrorKind;
use crate::http::{Http, Response};
use crate::model::{CreateServer, Server, Status};
use crate::provider::Compute;
use crate::providers::common::ProviderApi;
use crate::secret::Secret;

macro_rules! fixture_text {
    ($name:literal) => {
        doc_body!("vpsnet", concat!($name, ".json"))
    };
}

/// A fixture as JSON, after replacing each `(broken, repaired)` once.
fn parse(name: &str, text: &str, repairs: &[(&str, &str)]) -> Value {
    let mut text = text.to_string();
    for (broken, repaired) in repairs {
        assert!(text.contains(broken), "{name}: {broken:?} is no longer in the example");
        text = text.replacen(broken, repaired, 1);
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"))
}

macro_rules! fixture {
    ($name:literal) => {
        parse($name, fixture_text!($name), &[])
    };
    ($name:literal, $($broken:literal => $repaired:literal),+ $(,)?) => {
        parse($name, fixture_text!($name), &[$(($broken, $repaired)),+])
    };
}

fn servers(v: Value) -> Vec<Server> {
    let list: Vec<VirtualMachineEnvelope> = serde_json::from_value(v).unwrap();
    list.into_iter()
        .map(|e| {
            let w: VirtualMachineWire = serde_json::from_value(Value::Object(e.virtual_machine.clone())).unwrap();
            map::server(w, &e.virtual_machine)
        })
        .collect()
}

fn clouds(v: Value) -> Vec<CloudWire> {
    let list: Vec<CloudEnvelope> = serde_json::from_value(v).unwrap();
    list.into_iter().map(|c| c.cloud).collect()
}

#[test]
fn server_list_example_maps_every_field() {
    let s = servers(fixture!("virtual_machines_list"));
    assert_eq!(s.len(), 2);
    let web = &s[0];
    assert_eq!(web.id, "1384");
    assert_eq!(web.name, "Web Server 01");
    assert_eq!(web.status, Status::Running);
    assert_eq!(web.provider_status, "running=true");
    assert_eq!(web.region, "cloud 3");
    // `slices_count` is null in the example.
    assert_eq!(web.plan, "");
    assert_eq!(web.created_at.as_ref().map(ToString::to_string).as_deref(), Some("2009-04-16T12:17:39Z"));
    // The list example carries no address.
    assert!(web.ipv4.is_empty() && web.ipv6.is_empty());
    let detail = |k: &str| web.details.iter().find(|d| d.label == k).map(|d| d.value.clone());
    assert_eq!(detail("hostname").as_deref(), Some("web01"));
    assert_eq!(detail("domain_name").as_deref(), Some("demodomain.com"));
    assert_eq!(detail("bandwidth_used").as_deref(), Some("8255683"));
    assert_eq!(detail("delayed_storage_until").as_deref(), Some("2010-05-01T10:00:00-04:00"));
    assert_eq!(detail("slices_count").as_deref(), Some(""));
    assert_eq!(detail("password"), None, "the root password is never passed on");
    assert_eq!(web.details.len(), 16, "every field of the example but the password");
    assert_eq!(web.details[0].label, "running", "in the doc's order");
    assert_eq!(web.capabilities, None, "a cloud server supports all the account supports");

    assert_eq!(s[1].id, "1385");
    assert_eq!(s[1].name, "MySQL Server 01");
    let until = s[1].details.iter().find(|d| d.label == "delayed_storage_until").unwrap();
    assert_eq!(until.value, "", "null shows as empty");
}

#[test]
fn show_reply_gives_the_primary_address_and_size() {
    // The shape of show's extra fields, from vpsnet-endpoints.md (the doc
    // prints no show body).
    let raw = json!({
        "running": false, "power_action_pending": true, "id": 1400, "cloud_id": 153, "label": "",
        "hostname": "box", "slices_count": 2, "built": true, "password": "secret",
        "primary_ip_address": {"ip_address": {"id": 9, "ip_address": "68.169.40.7", "netmask": "255.255.255.0"}},
        "ip_addresses": [{"ip_address": {"ip_address": "68.169.40.7"}}, {"ip_address": {"ip_address": "68.169.40.8"}}]
    });
    let e: VirtualMachineEnvelope = serde_json::from_value(json!({ "virtual_machine": raw })).unwrap();
    let w: VirtualMachineWire = serde_json::from_value(Value::Object(e.virtual_machine.clone())).unwrap();
    let s = map::server(w, &e.virtual_machine);
    assert_eq!(s.name, "box", "an empty label falls back to the host name");
    assert_eq!(s.status, Status::Starting);
    assert_eq!(s.provider_status, "running=false, power_action_pending=true");
    assert_eq!(s.ipv4, ["68.169.40.7"]);
    assert_eq!(s.plan, "2 nodes");
    let detail = |k: &str| s.details.iter().find(|d| d.label == k).map(|d| d.value.clone());
    assert_eq!(detail("primary_ip_address").as_deref(), Some("68.169.40.7"));
    assert_eq!(detail("ip_addresses").as_deref(), Some("68.169.40.7, 68.169.40.8"));
    assert_eq!(detail("password"), None);
}

#[test]
fn status_follows_built_running_and_pending() {
    assert_eq!(map::status(Some(true), Some(false), None), Status::Running);
    assert_eq!(map::status(Some(false), Some(false), Some(true)), Status::Stopped);
    assert_eq!(map::status(Some(false), Some(true), Some(true)), Status::Starting);
    assert_eq!(map::status(Some(true), Some(true), None), Status::Stopping);
    assert_eq!(map::status(Some(false), Some(false), Some(false)), Status::Pending);
    assert_eq!(map::status(Some(true), None, Some(false)), Status::Pending);
    // `basic=true` leaves `running` out.
    assert_eq!(map::status(None, Some(false), Some(true)), Status::Unknown);
}

/// The doc's flags are JSON booleans; the same yes or no as a string or a
/// number is read alike, and a word that is neither is no flag.
#[test]
fn every_accepted_spelling_of_a_flag() {
    for (word, want) in [
        ("true", Some(true)),
        ("1", Some(true)),
        ("yes", Some(true)),
        ("y", Some(true)),
        ("t", Some(true)),
        ("on", Some(true)),
        ("True", Some(true)),
        (" TRUE ", Some(true)),
        ("false", Some(false)),
        ("0", Some(false)),
        ("no", Some(false)),
        ("n", Some(false)),
        ("f", Some(false)),
        ("off", Some(false)),
        ("False", Some(false)),
        ("NO", Some(false)),
        ("maybe", None),
        ("2", None),
        ("", None),
    ] {
        assert_eq!(map::flag(word), want, "{word:?}");
    }
}

#[test]
fn flags_as_strings_or_numbers_give_the_same_status_and_keep_what_was_sent() {
    for (running, pending, built, want, said) in [
        (json!(true), json!(false), json!(true), Status::Running, "running=true"),
        (json!("true"), json!("false"), json!("true"), Status::Running, "running=true"),
        (json!(1), json!(0), json!(1), Status::Running, "running=1"),
        (json!("0"), json!("0"), json!("1"), Status::Stopped, "running=0"),
        (json!("False"), json!("True"), json!(true), Status::Starting, "running=False, power_action_pending=True"),
        (json!("yes"), json!(1), json!(null), Status::Stopping, "running=yes, power_action_pending=1"),
        (json!(true), json!(false), json!("0"), Status::Pending, "built=0"),
        (json!("maybe"), json!(false), json!(true), Status::Unknown, "running=maybe"),
        (json!(null), json!(false), json!("perhaps"), Status::Unknown, "built=perhaps"),
    ] {
        let raw =
            json!({ "id": 1, "label": "web", "running": running, "power_action_pending": pending, "built": built });
        let w: VirtualMachineWire = serde_json::from_value(raw.clone()).unwrap();
        let s = map::server(w, raw.as_object().unwrap());
        assert_eq!((s.status, s.provider_status.as_str()), (want, said), "{raw}");
    }
}

#[test]
fn create_body_uses_the_docs_fields() {
    let doc = fixture!("virtual_machine_create");
    let order = order::Order {
        label: "My Cloud Server",
        cloud_id: 1,
        template_id: 9,
        nodes: 4,
        hostname: Some("myvps.mydomain.net".into()),
        backups: false,
        licences: Vec::new(),
    };
    let ours = order.body();
    let doc_vm = doc["virtual_machine"].as_object().unwrap();
    let our_vm = ours["virtual_machine"].as_object().unwrap();
    for key in our_vm.keys() {
        assert!(doc_vm.contains_key(key), "{key} is not a field of the doc's create example");
    }
    for key in ["label", "fqdn", "system_template_id", "cloud_id", "backups_enabled", "slices_required"] {
        assert_eq!(our_vm[key], doc_vm[key], "{key}");
    }
    assert!(ours["virtual_machine"].get("licenses").is_none(), "no licences, no licenses object");
    let defaults = order::Order { hostname: None, backups: true, ..order }.body();
    assert_eq!(defaults["virtual_machine"]["fqdn"], "my-cloud-server.localdomain");
    assert_eq!(defaults["virtual_machine"]["backups_enabled"], true);
    assert_eq!(defaults["virtual_machine"]["rsync_backups_enabled"], false);
}

#[test]
fn fqdn_defaults_come_from_the_name() {
    assert_eq!(order::fqdn("web01.example.com"), "web01.example.com");
    assert_eq!(order::fqdn("Web01.Example.com"), "web01.example.com");
    assert_eq!(order::fqdn("Web Server 01"), "web-server-01.localdomain");
    assert_eq!(order::fqdn("conformance-box"), "conformance-box.localdomain");
    assert_eq!(order::fqdn("  -- db (primary) --"), "db-primary.localdomain");
    assert_eq!(order::fqdn("Mail v2.0 beta"), "mail-v2-0-beta.localdomain");
    assert_eq!(order::fqdn("Ünïcode"), "n-code.localdomain");
    assert_eq!(order::fqdn("日本"), "server.localdomain");
    let long = order::fqdn(&"a".repeat(80));
    assert_eq!(long, format!("{}.localdomain", "a".repeat(63)));
}

#[test]
fn available_clouds_example_gives_regions_images_and_plans() {
    // Repaired: the doc leaves out the comma after "currency_code": "USD".
    let clouds =
        clouds(fixture!("available_clouds", "\"currency_code\": \"USD\"\n" => "\"currency_code\": \"USD\",\n"));
    assert_eq!(clouds.len(), 1);
    let c = &clouds[0];
    let region = map::region(c);
    assert_eq!((region.id.as_str(), region.name.as_str()), ("153", "test cloud"));
    assert_eq!(c.premium_price.as_deref(), Some("0"));
    assert_eq!(c.currency_code.as_deref(), Some("USD"));

    let images: Vec<_> = c.system_templates.iter().map(map::image).collect();
    assert_eq!(images[0].id, "78");
    assert_eq!(images[0].name, "Ubuntu 8.04 x64");
    assert_eq!(images[0].family.as_deref(), Some("ubuntu"));
    assert_eq!(images[0].arch.as_deref(), Some("x64"));
    assert_eq!(images[1].id, "92");

    // "Bandwidth per node value will return in GB": 150 GB a month.
    let plans = map::plans(Some(c));
    assert_eq!(plans.len() as u32, map::MAX_NODES);
    assert_eq!((plans[0].id.as_str(), plans[0].name.as_str()), ("1", "1 node"));
    assert_eq!(plans[0].bandwidth_tb.as_deref(), Some("0.15"));
    assert_eq!((plans[1].id.as_str(), plans[1].name.as_str()), ("2", "2 nodes"));
    assert_eq!(plans[1].bandwidth_tb.as_deref(), Some("0.3"));
    assert_eq!(plans[7].bandwidth_tb.as_deref(), Some("1.2"));
    assert!(plans.iter().all(|p| p.memory_mb.is_none() && p.price_monthly.is_none()));
    assert!(map::plans(None).iter().all(|p| p.bandwidth_tb.is_none()));
}

#[test]
fn ssd_clouds_and_cloud_properties_examples_read() {
    // Repaired: the same missing comma after "currency_code": "USD".
    let ssd =
        clouds(fixture!("available_ssd_clouds", "\"currency_code\": \"USD\"\n" => "\"currency_code\": \"USD\",\n"));
    assert_eq!((ssd[0].id.as_str(), ssd[0].label.as_str()), ("160", "test SSD cloud"));
    assert_eq!(ssd[0].monthly_node_bandwidth.as_deref(), Some("150"));

    // "Properties of a cloud" is a bare cloud, not wrapped in "cloud".
    let props: CloudWire = serde_json::from_value(fixture!("cloud")).unwrap();
    assert_eq!((props.id.as_str(), props.label.as_str()), ("3", "Test Cloud"));
    assert!(props.available);
    assert_eq!(props.system_templates[1].label, "10.04 (Lucid) x64");
    assert_eq!(map::image(&props.system_templates[1]).family, None, "no family word to take");
}

/// Licences at create go where the doc's example puts them, inside
/// `virtual_machine`, as `{"<id>": 1}` (1 buys); the instant body is the
/// doc's, flat.
#[test]
fn licences_and_instant_create_send_the_docs_bodies() {
    let doc = fixture!("virtual_machine_create_licenses");
    let order = order::Order {
        label: "D Tester",
        cloud_id: 1,
        template_id: 9,
        nodes: 3,
        hostname: None,
        backups: false,
        licences: order::licences(&["2".into(), " 02 ".into()]).unwrap(),
    };
    let ours = order.body();
    assert_eq!(ours["virtual_machine"]["licenses"], json!({ "2": 1 }));
    assert_eq!(ours["virtual_machine"]["licenses"]["2"], doc["virtual_machine"]["licenses"]["2"]);
    for key in ["label", "slices_required", "backups_enabled"] {
        assert_eq!(ours["virtual_machine"][key], doc["virtual_machine"][key], "{key}");
    }
    // Repaired: missing comma after "instant":true.
    let instant = fixture!("virtual_machine_create_instant", "\"instant\":true\n" => "\"instant\":true,\n");
    assert_eq!(order::instant_body(1), instant);
    let two_panels = order::licences(&["1".into(), "6".into()]).unwrap_err();
    assert_eq!(two_panels.fields[0].field, "licences");
    assert!(two_panels.message.contains("cPanel (licence 1) or ISPmanager (licence 6)"), "{}", two_panels.message);
    assert_eq!(order::licences(&["cpanel".into()]).unwrap_err().fields[0].field, "licences");
}

#[test]
fn unprocessable_body_names_fields() {
    let e: ErrorsWire = serde_json::from_value(json!({
        "errors": [["label", "can't be blank"], ["base", "Cloud server is not built yet"], "loose text", [], ["slices_required"]]
    }))
    .unwrap();
    assert_eq!(
        e.pairs(),
        vec![
            (Some("label".to_string()), "can't be blank".to_string()),
            (Some("base".to_string()), "Cloud server is not built yet".to_string()),
            (None, "loose text".to_string()),
            (None, "slices_required".to_string()),
        ]
    );
    assert_eq!(map::form_field("label"), Some("name"));
    assert_eq!(map::form_field("fqdn"), Some("name"));
    assert_eq!(map::form_field("system_template_id"), Some("image"));
    assert_eq!(map::form_field("cloud_id"), Some("region"));
    assert_eq!(map::form_field("slices_required"), Some("plan"));
    assert_eq!(map::form_field("base"), None);
}

#[test]
fn profile_reply_is_wrapped_in_user() {
    let p: ProfileEnvelope =
        serde_json::from_value(json!({"user": {"id": 1, "email_address": "dave@vps.net"}})).unwrap();
    assert_eq!(p.user["email_address"], "dave@vps.net");
    assert!(serde_json::from_value::<ProfileEnvelope>(json!({"id": 1})).is_err());
}

#[test]
fn curl_example_uses_the_suffix_and_basic_auth() {
    let curl = include_str!("../../../tests/fixtures/vpsnet/curl_example.txt");
    assert!(curl.contains("-u dave@vps.net:abc123ABC456=="));
    assert!(curl.contains("-H 'Accept: application/json'"));
    assert!(curl.trim_end().ends_with(&format!("https://api.vps.net{}", super::paths::VIRTUAL_MACHINES)));
    assert_eq!(super::DESCRIPTOR.default_endpoint, "https://api.vps.net");
}

/// The doc's other bodies read as the doc means them, each checked at one
/// value. Those of calls vpsdesk makes are also compared with what its code
/// builds (`extras/tests.rs`, `extras/licences.rs`, and above for instant
/// create and licences at create); the rest (rsync info, the unplaced
/// bodies) are calls it does not make.
#[test]
fn every_other_example_reads() {
    let cases: Vec<(&str, Value, &str, Value)> = vec![
        (
            "virtual_machine_create_licenses",
            fixture!("virtual_machine_create_licenses"),
            "/virtual_machine/licenses/2",
            json!(1),
        ),
        // Repaired: missing comma after "instant":true.
        (
            "virtual_machine_create_instant",
            fixture!("virtual_machine_create_instant", "\"instant\":true\n" => "\"instant\":true,\n"),
            "/country",
            json!(1),
        ),
        ("virtual_machine_edit", fixture!("virtual_machine_edit"), "/virtual_machine/slices_required", json!(3)),
        // Repaired: trailing comma after the last field.
        (
            "virtual_machine_edit_daily_nodes",
            fixture!("virtual_machine_edit_daily_nodes", "\"bandwidth_nodes_required\": 1,\n" => "\"bandwidth_nodes_required\": 1\n"),
            "/virtual_machine/daily_nodes_required",
            json!(2),
        ),
        (
            "virtual_machine_edit_delayed_storage",
            fixture!("virtual_machine_edit_delayed_storage"),
            "/virtual_machine/delayed_storage_until",
            json!("2010-04-24 14:00"),
        ),
        ("rsync_backup", fixture!("rsync_backup"), "/quota", json!("0.00 GB out of 10 GB")),
        ("backup_convert", fixture!("backup_convert"), "/one_click", json!(true)),
        // Repaired: single-quoted '1'.
        ("unplaced_accept", fixture!("unplaced_accept", "'1'" => "\"1\""), "/virtual_machine_id", json!(1385)),
        (
            "virtual_machine_reinstall",
            fixture!("virtual_machine_reinstall"),
            "/virtual_machine/system_template_id",
            json!(92),
        ),
        // A JSON string holding a Python-style dict, as printed.
        (
            "virtual_machine_delete_options",
            fixture!("virtual_machine_delete_options"),
            "",
            json!("{'reassign_ip':'1234', 'alternate_vps':'1221'}"),
        ),
        ("node_create", fixture!("node_create"), "/quantity", json!(1)),
        ("node_create_ram", fixture!("node_create_ram"), "/upgrade_option", json!("ram")),
        ("node_create_storage", fixture!("node_create_storage"), "/upgrade_option", json!("storage")),
        ("node_create_daily", fixture!("node_create_daily"), "/quantity", json!(3)),
        ("node_create_bandwidth", fixture!("node_create_bandwidth"), "/upgrade_option", json!("bandwidth")),
        ("node_edit", fixture!("node_edit"), "/consumer_id", json!(99)),
        ("ip_create", fixture!("ip_create"), "/type", json!("internal")),
        ("ip_edit", fixture!("ip_edit"), "/ip_address/notes", json!("description")),
        ("ip_reassign", fixture!("ip_reassign"), "", json!("{'virtual_machine_id':'12345'}")),
        ("ip_reassign_reply", fixture!("ip_reassign_reply"), "/ip_address", json!("68.169.23.153")),
        ("backups_list", fixture!("backups_list"), "/0/identifier", json!("zvgrwpkoi16qfq")),
        ("clones_list", fixture!("clones_list"), "/0/clone/cloned_server_id", json!(2978)),
        ("clone_create", fixture!("clone_create"), "/cloud_id", json!(15)),
        // Repaired: trailing comma.
        ("clone_delete", fixture!("clone_delete", "543,\n" => "543\n"), "/id", json!(543)),
        ("domains_list", fixture!("domains_list"), "/1/domain/name", json!("demodomain2.com")),
        ("domain_create", fixture!("domain_create"), "/domain/ip_address", json!("127.0.0.1")),
        ("domain", fixture!("domain"), "/domain/serial", json!("2010080405")),
        ("domain_records_list", fixture!("domain_records_list"), "/1/domain_record/data/2", json!("127.0.0.3")),
        // Repaired: missing comma after "data".
        (
            "domain_record_create",
            fixture!("domain_record_create", "\"dns1.vps.net.\"\n" => "\"dns1.vps.net.\",\n"),
            "/domain_record/type",
            json!("ns"),
        ),
        ("domain_record_create_srv", fixture!("domain_record_create_srv"), "/domain_record/port", json!("5060")),
        (
            "domain_record_create_failover",
            fixture!("domain_record_create_failover"),
            "/domain_record/service_type",
            json!("icmp.ping"),
        ),
        ("domain_record_edit", fixture!("domain_record_edit"), "/domain_record/ttl", json!(86400)),
        (
            "domain_records_update",
            fixture!("domain_records_update"),
            "/domain_records/3/domain_record/mx_priority",
            json!(10),
        ),
        ("dns_hosts", fixture!("dns_hosts"), "/1/ip", json!("67.228.255.5")),
        ("dns_templates_list", fixture!("dns_templates_list"), "/0/dns_template/template_name", json!("demotemplate1")),
        // Repaired: trailing comma.
        (
            "dns_template_create",
            fixture!("dns_template_create", "\"demotemplate\",\n" => "\"demotemplate\"\n"),
            "/dns_template/template_name",
            json!("demotemplate"),
        ),
        (
            "dns_template_record_create",
            fixture!("dns_template_record_create"),
            "/dns_template_record/dns_template_id",
            json!(55),
        ),
        (
            "dns_template_record_edit",
            fixture!("dns_template_record_edit"),
            "/dns_template_record/target",
            json!("127.0.0.5"),
        ),
        // Repaired: missing comma after "subject".
        (
            "tickets_list",
            fixture!("tickets_list", "\"API test subject\"\n" => "\"API test subject\",\n"),
            "/0/ticket/id",
            json!("979"),
        ),
        // Repaired: trailing comma.
        (
            "ticket_create",
            fixture!("ticket_create", "\"This is a test body\",\n}" => "\"This is a test body\"\n}"),
            "/department",
            json!("1"),
        ),
        ("ticket_create_domain", fixture!("ticket_create_domain"), "/domain_name", json!("www.test.com")),
        // Repaired: missing comma after "department", and 'ssh_port" opened with a single quote.
        (
            "ticket_create_tech",
            fixture!("ticket_create_tech", "\"department\": \"5\"\n" => "\"department\": \"5\",\n", "'ssh_port\"" => "\"ssh_port\""),
            "/vm_id",
            json!(520),
        ),
        // Repaired: missing comma after "subject".
        (
            "ticket",
            fixture!("ticket", "\"Test Subject\"\n" => "\"Test Subject\",\n"),
            "/replies/0/client_response",
            json!(true),
        ),
        ("ticket_reply", fixture!("ticket_reply"), "/root_password", json!("Ffe33D")),
        (
            "managed_services",
            fixture!("managed_services"),
            "/managed_services/0/managed_support_ip",
            json!("68.169.47.56"),
        ),
        ("system_templates_list", fixture!("system_templates_list"), "/0/system_template/id", json!(115)),
        // Repaired: missing commas after "operating_system" and "description".
        (
            "system_template_edit",
            fixture!("system_template_edit", "\"Custom Template\"\n" => "\"Custom Template\",\n", "\"test_cus_temp\"\n" => "\"test_cus_temp\",\n"),
            "/0/system_template/info",
            json!("This is a test info"),
        ),
        // Repaired: missing commas after "id": 1 and "id": 2.
        (
            "available_templates",
            fixture!("available_templates", "\"id\": 1\n" => "\"id\": 1,\n", "\"id\": 2\n" => "\"id\": 2,\n"),
            "/0/template_groups/0/templates/1/clouds/1/system_template_id",
            json!(516),
        ),
        ("system_template", fixture!("system_template"), "/system_template/applicable_price/USD", json!(20.0)),
        (
            "commercial_templates_list",
            fixture!("commercial_templates_list"),
            "/1/commercial_template/system_template_id",
            json!(107),
        ),
        // Repaired: trailing comma.
        (
            "commercial_template_purchase",
            fixture!("commercial_template_purchase", "\"106\",\n" => "\"106\"\n"),
            "/commercial_template/system_template_id",
            json!("106"),
        ),
        (
            "commercial_template_purchase_2",
            fixture!("commercial_template_purchase_2"),
            "/commercial_template/system_template_id",
            json!("107"),
        ),
        ("windows_templates_list", fixture!("windows_templates_list"), "/0/windows_template/id", json!(15)),
        // Repaired: trailing comma.
        (
            "windows_template_purchase",
            fixture!("windows_template_purchase", "\"11\",\n" => "\"11\"\n"),
            "/windows_template/system_template_id",
            json!("11"),
        ),
        (
            "windows_template_purchase_2",
            fixture!("windows_template_purchase_2"),
            "/windows_template/confirm_purchase",
            json!("1"),
        ),
        ("invoices_list", fixture!("invoices_list"), "/0/invoice/invoice_no", json!("9130")),
        ("credits", fixture!("credits"), "/current_balance", json!(99.0)),
    ];
    for (name, v, pointer, want) in cases {
        assert_eq!(v.pointer(pointer), Some(&want), "{name} at {pointer:?}");
    }
}

const KEY: &str = "VPSDESK0DEMO0VPSNET0UNIT0KEY";

/// A client whose requests would go nowhere: for what happens before
/// sending, and for reading answers.
fn client() -> Vpsnet {
    Vpsnet::new(Http::default(), "http://127.0.0.1:9", "dave@vps.net".into(), Secret::new(KEY)).unwrap()
}

fn answer(status: u16, body: &str) -> Response {
    Response { status, headers: Default::default(), body: body.as_bytes().to_vec() }
}

#[test]
fn credentials_errors_are_auth_and_404_depends_on_the_call() {
    let c = client();
    for status in [401, 403, 406] {
        let e = c.status_error(&answer(status, "HTTP Basic: Access denied."), Scope::Account);
        assert_eq!(e.kind, ErrorKind::Auth, "{status}");
        assert!(e.message.contains(&status.to_string()) && e.message.contains("email"), "{}", e.message);
    }
    let e = c.status_error(&answer(404, "Not Found"), Scope::Account);
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(c.status_error(&answer(404, ""), Scope::Server("1384")).kind, ErrorKind::NotFound);
    let e = c.status_error(&answer(404, ""), Scope::Action("1384"));
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert!(e.message.contains("1384"));
    assert_eq!(c.status_error(&answer(500, "boom"), Scope::Account).kind, ErrorKind::Provider);
    assert_eq!(c.status_error(&answer(503, ""), Scope::Account).kind, ErrorKind::Unreachable);
    assert_eq!(c.status_error(&answer(418, "teapot"), Scope::Account).kind, ErrorKind::Provider);
}

#[test]
fn unprocessable_is_field_errors_on_forms_and_state_on_actions() {
    let c = client();
    let body = r#"{"errors":[["label","can't be blank"],["system_template_id","is not available on cloud test cloud"],["base","Your account is on hold"]]}"#;
    let e = c.status_error(&answer(422, body), Scope::Account);
    assert_eq!(e.kind, ErrorKind::Validation);
    let fields: Vec<(&str, &str)> = e.fields.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
    assert_eq!(
        fields,
        [("name", "label can't be blank"), ("image", "system_template_id is not available on cloud test cloud")]
    );
    assert!(e.message.contains("Your account is on hold"), "{}", e.message);

    let e =
        c.status_error(&answer(422, r#"{"errors":[["base","Cloud server is not built yet"]]}"#), Scope::Action("1392"));
    assert_eq!(e.kind, ErrorKind::InvalidState);
    assert!(e.message.contains("not built yet") && e.message.contains("1392"), "{}", e.message);

    // The key never comes back out, even when the provider echoes it.
    let echoed = format!(r#"{{"errors":[["label","{KEY} is not a label"]]}}"#);
    let e = c.status_error(&answer(422, &echoed), Scope::Server("1"));
    assert!(!e.message.contains(KEY) && !e.fields[0].message.contains(KEY), "{e:?}");
    let e = c.status_error(&answer(422, "not json"), Scope::Server("1"));
    assert_eq!(e.kind, ErrorKind::Validation);
    assert!(e.message.contains("not json") && e.fields.is_empty());
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let c = client();
    let field = |e: crate::error::Error| (e.kind, e.fields.first().map(|f| f.field.clone()));
    let validation = |f: &str| (ErrorKind::Validation, Some(f.to_string()));
    assert_eq!(field(c.get_server("web01").await.unwrap_err()), validation("id"));
    assert_eq!(field(c.get_server("+12").await.unwrap_err()), validation("id"));
    assert_eq!(field(c.delete_server("1/2").await.unwrap_err()), validation("id"));
    assert_eq!(field(c.plans(Some("london")).await.unwrap_err()), validation("region"));
    assert_eq!(field(c.images(Some("london")).await.unwrap_err()), validation("region"));
    let full = CreateServer {
        name: "box".into(),
        plan: Some("2".into()),
        image: Some("92".into()),
        region: Some("153".into()),
        ..CreateServer::default()
    };
    for (broken, f) in [
        (CreateServer { region: None, ..full.clone() }, "region"),
        (CreateServer { image: Some("ubuntu".into()), ..full.clone() }, "image"),
        (CreateServer { plan: Some("0".into()), ..full.clone() }, "plan"),
        (CreateServer { plan: Some("17".into()), ..full.clone() }, "plan"),
        (CreateServer { plan: None, ..full.clone() }, "plan"),
    ] {
        assert_eq!(field(c.create_server(&broken).await.unwrap_err()), validation(f), "{broken:?}");
    }
    // A well-formed request does get sent (and finds nothing listening).
    assert_eq!(c.create_server(&full).await.unwrap_err().kind, ErrorKind::Unreachable);
    assert_eq!(c.plans(None).await.unwrap().len() as u32, map::MAX_NODES, "plans without a cloud need no call");
}
