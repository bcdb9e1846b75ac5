//! `vpsctl dns` end to end: the real binary against the VPS.NET simulator,
//! private XDG dirs and the real keychain (run inside a D-Bus session with
//! gnome-keyring unlocked, as scripts/test.sh does).

mod support;

use serde_json::Value;
use support::{assert_error_line, demo, stderr, Fixture};
use vpsdesk_sandbox::Provider;

/// The sandbox and an account `main` on its VPS.NET simulator.
fn fixture() -> Fixture {
    let f = Fixture::new();
    f.add_verified(Provider::Vpsnet, "main");
    f
}

trait Zones {
    fn records(&self, zone: &str) -> Vec<Value>;
    /// Requests other than GET the VPS.NET simulator has seen.
    fn writes(&self) -> usize;
}

impl Zones for Fixture {
    fn records(&self, zone: &str) -> Vec<Value> {
        self.json(&["dns", "records", "main", zone, "--json"]).as_array().unwrap().clone()
    }

    fn writes(&self) -> usize {
        self.sandbox.requests(Provider::Vpsnet).iter().filter(|r| r.method != "GET").count()
    }
}

#[test]
fn zones_and_records_have_the_contract_fields() {
    let f = fixture();
    let zones = f.json(&["dns", "zones", "main", "--json"]);
    assert_eq!(
        zones,
        serde_json::json!([{ "id": "51", "name": "demodomain.com" }, { "id": "52", "name": "demodomain2.com" }])
    );
    let by_name = f.records("demodomain2.com");
    assert_eq!(by_name, f.records("52"), "ZONE is the id or the domain name");
    for r in &by_name {
        for field in ["id", "type", "host", "data", "ttl"] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
        assert!(r["id"].is_string());
    }
    let srv = by_name.iter().find(|r| r["type"] == "SRV").unwrap();
    assert!(srv["priority"].is_number() && srv["weight"].is_number() && srv["port"].is_number(), "{srv}");
    let a = by_name.iter().find(|r| r["type"] == "A").unwrap();
    assert!(a.get("priority").is_none() && a.get("port").is_none(), "only the type's fields: {a}");
    assert!(f.ok(&["dns", "records", "main", "demodomain2.com"]).contains("mx1.demodomain2.com."));
    assert_error_line(&f.run(&["dns", "records", "main", "nope.example"]), 1, "no zone");
}

#[test]
fn mx_and_srv_are_added_edited_and_deleted() {
    let f = fixture();
    let z = "demodomain2.com";
    f.ok(&[
        "dns",
        "add",
        "main",
        z,
        "--type",
        "mx",
        "--host",
        "@",
        "--data",
        "mx9.demodomain2.com",
        "--priority",
        "90",
    ]);
    f.ok(&[
        "dns",
        "add",
        "main",
        z,
        "--type",
        "SRV",
        "--host",
        "_ldap._tcp",
        "--data",
        "dir.demodomain2.com",
        "--priority",
        "1",
        "--weight",
        "5",
        "--port",
        "389",
    ]);
    let records = f.records(z);
    let mx = records.iter().find(|r| r["data"] == "mx9.demodomain2.com.").expect("the MX, fully qualified").clone();
    assert_eq!(mx["priority"], 90);
    let srv = records.iter().find(|r| r["host"] == "_ldap._tcp").unwrap().clone();
    assert_eq!((srv["weight"].as_u64(), srv["port"].as_u64()), (Some(5), Some(389)));

    f.ok(&["dns", "edit", "main", z, mx["id"].as_str().unwrap(), "--priority", "95", "--ttl", "600"]);
    f.ok(&["dns", "edit", "main", z, srv["id"].as_str().unwrap(), "--port", "636"]);
    let records = f.records(z);
    let mx2 = records.iter().find(|r| r["id"] == mx["id"]).unwrap();
    assert_eq!(
        (mx2["priority"].as_u64(), mx2["ttl"].as_u64(), mx2["data"].as_str()),
        (Some(95), Some(600), Some("mx9.demodomain2.com."))
    );
    assert_eq!(records.iter().find(|r| r["id"] == srv["id"]).unwrap()["port"], 636);

    let writes = f.writes();
    assert_error_line(&f.run(&["dns", "delete", "main", z, mx["id"].as_str().unwrap()]), 2, "--yes");
    assert_eq!(f.writes(), writes, "nothing deleted without --yes");
    for r in [&mx, &srv] {
        f.ok(&["dns", "delete", "main", z, r["id"].as_str().unwrap(), "--yes"]);
    }
    let records = f.records(z);
    assert!(!records.iter().any(|r| r["id"] == mx["id"] || r["id"] == srv["id"]));
    assert_error_line(&f.run(&["dns", "delete", "main", z, mx["id"].as_str().unwrap(), "--yes"]), 1, "no record");
}

#[test]
fn export_then_import_dry_run_has_nothing_to_change() {
    let f = fixture();
    let zone_file = f.ok(&["dns", "export", "main", "demodomain2.com"]);
    assert!(zone_file.contains("$ORIGIN demodomain2.com.") && zone_file.contains("IN\tSOA\t"), "{zone_file}");
    assert!(zone_file.contains("_imaps._tcp\t86400\tIN\tSRV\t0 1 993 mx1.demodomain2.com."), "{zone_file}");
    let path = f.home.path().join("demodomain2.com.zone");
    std::fs::write(&path, &zone_file).unwrap();
    let path = path.to_str().unwrap();

    let writes = f.writes();
    let plan = f.ok(&["dns", "import", "main", "demodomain2.com", path, "--dry-run"]);
    assert!(
        plan.contains("to add (0)") && plan.contains("to change (0)") && plan.contains("nothing to change"),
        "{plan}"
    );
    let json = f.json(&["dns", "import", "main", "52", path, "--dry-run", "--json"]);
    assert_eq!(json["add"], serde_json::json!([]));
    assert_eq!(json["change"], serde_json::json!([]));
    assert_eq!(
        json["unchanged"].as_array().unwrap().len(),
        f.records("52").iter().filter(|r| r["type"] != "SOA").count()
    );
    assert_eq!(f.writes(), writes, "a dry run sends no write");

    // An edited file: one record more, one TTL changed.
    let edited = zone_file.replace("mx2\t3600\tIN\tA", "mx2\t300\tIN\tA") + "api 3600 IN AAAA 2001:db8::99\n";
    std::fs::write(f.home.path().join("edited.zone"), &edited).unwrap();
    let edited_path = f.home.path().join("edited.zone");
    let edited_path = edited_path.to_str().unwrap();
    let plan = f.json(&["dns", "import", "main", "demodomain2.com", edited_path, "--dry-run", "--json"]);
    assert_eq!(plan["add"][0]["record"]["data"], "2001:db8::99");
    assert_eq!(plan["change"][0]["before"]["host"], "mx2");
    assert_eq!(f.writes(), writes);
    let applied = f.ok(&["dns", "import", "main", "demodomain2.com", edited_path]);
    assert!(applied.contains("add api 3600 AAAA 2001:db8::99: done"), "{applied}");
    assert_eq!(f.writes(), writes + 2, "one add and one change");
    let again = f.ok(&["dns", "import", "main", "demodomain2.com", edited_path, "--dry-run"]);
    assert!(again.contains("nothing to change"), "{again}");
}

#[test]
fn invalid_records_fail_before_any_request() {
    let f = fixture();
    let z = "demodomain2.com";
    let before = f.sandbox.requests(Provider::Vpsnet).len();
    let cases: [(&[&str], &str); 8] = [
        (&["--type", "A", "--host", "www", "--data", "203.0.113.300"], "IPv4"),
        (&["--type", "AAAA", "--host", "www", "--data", "203.0.113.3"], "IPv6"),
        (&["--type", "MX", "--host", "@", "--data", "mail.demodomain2.com"], "priority"),
        (
            &[
                "--type",
                "SRV",
                "--host",
                "sip",
                "--data",
                "sip.demodomain2.com",
                "--priority",
                "1",
                "--weight",
                "1",
                "--port",
                "70000",
            ],
            "_service._protocol",
        ),
        (&["--type", "TXT", "--host", "@", "--data", "say \"hi"], "quotes"),
        (&["--type", "CNAME", "--host", "blog", "--data", "not a host"], "host name"),
        (&["--type", "A", "--host", "www", "--data", "203.0.113.3", "--ttl", "5"], "ttl"),
        (&["--type", "PTR", "--host", "x", "--data", "y"], "unknown record type"),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["dns", "add", "main", z];
        args.extend_from_slice(extra);
        assert_error_line(&f.run(&args), 1, needle);
    }
    assert_eq!(f.sandbox.requests(Provider::Vpsnet).len(), before, "no request reached the simulator");

    // Beside an existing A record, a CNAME is refused after reading the zone, before any write.
    let writes = f.writes();
    assert_error_line(
        &f.run(&["dns", "add", "main", z, "--type", "CNAME", "--host", "www", "--data", "shop.demodomain2.com"]),
        1,
        "CNAME cannot sit beside",
    );
    assert_eq!(f.writes(), writes);
}

#[test]
fn zones_are_created_with_their_name_servers_and_deleted() {
    let f = fixture();
    let created = f.json(&["dns", "create-zone", "main", "new-example.net", "--ip", "203.0.113.50", "--json"]);
    assert_eq!(created["zone"]["name"], "new-example.net");
    assert_eq!(created["nameservers"][0]["host"], "dns1.vps.net");
    assert!(f.ok(&["dns", "create-zone", "main", "other-example.net"]).contains("dns1.vps.net, dns2.vps.net"));
    assert!(f.records("new-example.net").iter().any(|r| r["host"] == "www" && r["data"] == "203.0.113.50"));
    assert_error_line(&f.run(&["dns", "delete-zone", "main", "new-example.net"]), 2, "--yes");
    f.ok(&["dns", "delete-zone", "main", "new-example.net", "--yes"]);
    assert!(!f.ok(&["dns", "zones", "main"]).contains("new-example.net"));
    let templates = f.json(&["dns", "templates", "main", "--json"]);
    assert_eq!(templates[0]["name"], "demotemplate1");
}

#[test]
fn templates_and_their_records_are_managed() {
    let f = fixture();
    let made = f.json(&["dns", "template-create", "main", "mail-only", "--json"]);
    let id = made[0]["id"].as_str().unwrap().to_string();
    assert_eq!(made[0]["name"], "mail-only");
    f.ok(&[
        "dns",
        "template-add",
        "main",
        &id,
        "--type",
        "MX",
        "--host",
        "@",
        "--data",
        "mx.example.net",
        "--priority",
        "10",
    ]);
    let writes = f.writes();
    assert_error_line(
        &f.run(&["dns", "template-add", "main", &id, "--type", "A", "--host", "www", "--data", "999.1.1.1"]),
        1,
        "999.1.1.1",
    );
    assert_error_line(
        &f.run(&[
            "dns",
            "template-add",
            "main",
            &id,
            "--type",
            "SRV",
            "--host",
            "_sip._tcp",
            "--data",
            "sip.example.net",
            "--priority",
            "1",
            "--weight",
            "1",
            "--port",
            "5060",
        ]),
        2,
        "--weight",
    );
    assert_eq!(f.writes(), writes, "bad records are refused before sending");
    let records = f.json(&["dns", "template-records", "main", &id, "--json"]);
    assert_eq!(records.as_array().unwrap().len(), 1);
    assert_eq!(
        (&records[0]["type"], &records[0]["data"], &records[0]["priority"]),
        (&"MX".into(), &"mx.example.net.".into(), &10.into())
    );
    let record = records[0]["id"].as_str().unwrap().to_string();
    assert_error_line(&f.run(&["dns", "template-edit", "main", &id, &record]), 2, "nothing to change");
    f.ok(&["dns", "template-edit", "main", &id, &record, "--ttl", "3600"]);
    assert_eq!(f.json(&["dns", "template-records", "main", &id, "--json"])[0]["ttl"], 3600);
    assert_error_line(&f.run(&["dns", "template-delete-record", "main", &id, &record]), 2, "--yes");
    f.ok(&["dns", "template-delete-record", "main", &id, &record, "--yes"]);
    assert_eq!(f.json(&["dns", "template-records", "main", &id, "--json"]), serde_json::json!([]));
    f.ok(&["dns", "template-delete", "main", &id, "--yes"]);
    assert!(!f.ok(&["dns", "templates", "main"]).contains("mail-only"));
}

#[test]
fn providers_without_dns_say_where_to_go_and_send_nothing() {
    let f = fixture();
    f.add_verified(Provider::Vultr, "v");
    let before = f.sandbox.requests(Provider::Vultr).len();
    assert_error_line(&f.run(&["dns", "zones", "v"]), 1, "only reverse DNS");
    assert_error_line(
        &f.run(&["dns", "add", "v", "x.com", "--type", "A", "--host", "www", "--data", "203.0.113.1"]),
        1,
        "my.vultr.com",
    );
    assert_eq!(f.sandbox.requests(Provider::Vultr).len(), before);
    let vpsnet = demo(Provider::Vpsnet);
    for args in [&["dns", "zones", "main"][..], &["dns", "export", "main", "51"]] {
        let out = f.run(args);
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert!(!all.contains(vpsnet.secret), "the API key never shows");
    }
}
