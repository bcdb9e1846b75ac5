//! The Vultr v1 simulator against the doc, over real HTTP.

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{states, Vultr, SETTLE};

/// server/list's example body, copied from the doc.
const DOC_SERVER_LIST: &str = r#"{ "576965": { "SUBID": "576965", "os": "CentOS 6 x64", "ram": "4096 MB", "disk": "Virtual 60 GB", "main_ip": "123.123.123.123", "vcpu_count": "2", "location": "New Jersey", "DCID": "1", "default_password": "nreqnusibni", "date_created": "2013-12-19 14:45:41", "pending_charges": "46.67", "status": "active", "cost_per_month": "10.05", "current_bandwidth_gb": 131.512, "allowed_bandwidth_gb": "1000", "netmask_v4": "255.255.255.248", "gateway_v4": "123.123.123.1", "power_status": "running", "VPSPLANID": "28", "v6_network": "2001:DB8:1000::", "v6_main_ip": "2001:DB8:1000::100", "v6_network_size": "64", "label": "my new server", "internal_ip": "10.99.0.10", "kvm_url": "https://my.vultr.com/subs/novnc/api.php?data=eawxFVZw2mXnhGUV", "auto_backups": "yes" } }"#;

fn doc(text: &str) -> Value {
    serde_json::from_str(text).expect("doc example is JSON")
}

/// A form about the doc's server 576965: its SUBID and one more field.
fn doc_server<'a>(field: &'a str, value: &'a str) -> [(&'a str, &'a str); 2] {
    [("SUBID", "576965"), (field, value)]
}

/// The form that sets the reverse name of one of 576965's addresses.
fn reverse_entry<'a>(ip: &'a str, entry: &'a str) -> [(&'a str, &'a str); 3] {
    [("SUBID", "576965"), ("ip", ip), ("entry", entry)]
}

/// How many entries `path` lists for the doc's server 576965.
async fn entries_of_576965(v: &Vultr, path: &str) -> usize {
    let listed = v.json(path, &[("SUBID", "576965")]).await;
    listed["576965"].as_array().expect("a list").len()
}

/// Every entry of `expected` (an object keyed by id) is in `actual`, equal.
fn contains_entries(actual: &Value, expected: &Value) {
    for (key, value) in expected.as_object().expect("an object") {
        assert_eq!(&actual[key], value, "entry {key}");
    }
}

#[tokio::test]
async fn account_methods_need_the_key() {
    let v = Vultr::start().await;
    let bare = v.http.get(v.url("/v1/server/list")).send().await.unwrap();
    assert_eq!(bare.status(), StatusCode::FORBIDDEN);
    assert!(bare.text().await.unwrap().contains("Invalid API key"));

    let wrong = v.http.get(v.url("/v1/server/list?api_key=WRONG")).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);

    let post = v.http.post(v.url("/v1/server/halt")).form(&[("SUBID", "576965")]).send().await.unwrap();
    assert_eq!(post.status(), StatusCode::FORBIDDEN);
    assert_eq!(states(&v.server("576965").await), ("active", "running", "ok"), "a refused halt changes nothing");

    for public in ["/v1/os/list", "/v1/plans/list", "/v1/regions/list", "/v1/regions/availability?DCID=1"] {
        let response = v.http.get(v.url(public)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{public} is public");
    }
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods() {
    let v = Vultr::start().await;
    let unknown = v.get("/v1/server/explode", &[]).await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    assert!(unknown.text().await.unwrap().contains("Invalid API location"));
    assert_eq!(v.get("/v2/instances", &[]).await.status(), StatusCode::BAD_REQUEST);

    assert_eq!(v.post("/v1/server/list", &[]).await.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(v.get("/v1/server/create", &[]).await.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(v.http.post(v.url("/v1/os/list")).send().await.unwrap().status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn seed_serves_the_doc_examples_verbatim() {
    let v = Vultr::start().await;

    let servers = v.json("/v1/server/list", &[]).await;
    let expected = doc(DOC_SERVER_LIST)["576965"].clone();
    let seeded = &servers["576965"];
    for (field, value) in expected.as_object().unwrap() {
        assert_eq!(&seeded[field], value, "server/list 576965 field {field}");
    }
    assert_eq!(seeded["server_state"], "ok");
    assert!(seeded["current_bandwidth_gb"].is_number());
    assert_eq!(v.server("576965").await, *seeded, "SUBID= returns the bare object");

    assert_eq!(
        v.json("/v1/account/info", &[]).await,
        doc(
            r#"{ "balance": "-5519.11", "pending_charges": "57.03", "last_payment_date": "2014-07-18 15:31:01", "last_payment_amount": "-1.00" }"#
        )
    );
    contains_entries(
        &v.json("/v1/os/list", &[]).await,
        &doc(
            r#"{ "127": { "OSID": "127", "name": "CentOS 6 x64", "arch": "x64", "family": "centos", "windows": false }, "148": { "OSID": "148", "name": "Ubuntu 12.04 i386", "arch": "i386", "family": "ubuntu", "windows": false } }"#,
        ),
    );
    contains_entries(
        &v.json("/v1/iso/list", &[]).await,
        &doc(
            r#"{ "24": { "ISOID": 24, "date_created": "2014-04-01 14:10:09", "filename": "CentOS-6.5-x86_64-minimal.iso", "size": 9342976, "md5sum": "ec0669895a250f803e1709d0402fc411" } }"#,
        ),
    );
    contains_entries(
        &v.json("/v1/plans/list", &[]).await,
        &doc(
            r#"{ "1": { "VPSPLANID": "1", "name": "Starter", "vcpu_count": "1", "ram": "512", "disk": "20", "bandwidth": "1", "price_per_month": "5.00", "windows": false }, "2": { "VPSPLANID": "2", "name": "Basic", "vcpu_count": "1", "ram": "1024", "disk": "30", "bandwidth": "2", "price_per_month": "8.00", "windows": false } }"#,
        ),
    );
    contains_entries(
        &v.json("/v1/regions/list", &[]).await,
        &doc(
            r#"{ "1": { "DCID": "1", "name": "New Jersey", "country": "US", "continent": "North America", "state": "NJ" }, "2": { "DCID": "2", "name": "Chicago", "country": "US", "continent": "North America", "state": "IL" } }"#,
        ),
    );
    assert_eq!(
        v.json("/v1/server/bandwidth", &[("SUBID", "576965")]).await,
        doc(
            r#"{ "incoming_bytes": [ [ "2014-06-10", "81072581" ], [ "2014-06-11", "222387466" ], [ "2014-06-12", "216885232" ], [ "2014-06-13", "117262318" ] ], "outgoing_bytes": [ [ "2014-06-10", "4059610" ], [ "2014-06-11", "13432380" ], [ "2014-06-12", "2455005" ], [ "2014-06-13", "1106963" ] ] }"#
        )
    );
    assert_eq!(
        v.json("/v1/server/list_ipv4", &[("SUBID", "576965")]).await,
        doc(
            r#"{ "576965": [ { "ip": "123.123.123.123", "netmask": "255.255.255.248", "gateway": "123.123.123.1", "type": "main_ip", "reverse": "123.123.123.123.example.com" }, { "ip": "123.123.123.124", "netmask": "255.255.255.248", "gateway": "123.123.123.1", "type": "secondary_ip", "reverse": "123.123.123.124.example.com" }, { "ip": "10.99.0.10", "netmask": "255.255.0.0", "gateway": "", "type": "private", "reverse": "" } ] }"#
        )
    );
    assert_eq!(
        v.json("/v1/server/list_ipv6", &[("SUBID", "576965")]).await,
        doc(
            r#"{ "576965": [ { "ip": "2001:DB8:1000::100", "network": "2001:DB8:1000::", "network_size": "64", "type": "main_ip" } ] }"#
        )
    );
    assert_eq!(
        v.json("/v1/server/reverse_list_ipv6", &[("SUBID", "576965")]).await,
        doc(
            r#"{ "576965": [ { "ip": "2001:DB8:1000::101", "reverse": "host1.example.com" }, { "ip": "2001:DB8:1000::102", "reverse": "host2.example.com" } ] }"#
        )
    );
    contains_entries(
        &v.json("/v1/server/os_change_list", &[("SUBID", "576965")]).await,
        &doc(
            r#"{ "127": { "OSID": "127", "name": "CentOS 6 x64", "arch": "x64", "family": "centos", "windows": false, "surcharge": "0.00" }, "148": { "OSID": "148", "name": "Ubuntu 12.04 i386", "arch": "i386", "family": "ubuntu", "windows": false, "surcharge": "0.00" } }"#,
        ),
    );
    assert_eq!(
        v.json("/v1/snapshot/list", &[]).await,
        doc(
            r#"{ "5359435d28b9a": { "SNAPSHOTID": "5359435d28b9a", "date_created": "2014-04-18 12:40:40", "description": "Test snapshot", "size": "42949672960", "status": "complete" }, "5359435dc1df3": { "SNAPSHOTID": "5359435dc1df3", "date_created": "2014-04-22 16:11:46", "description": "", "size": "10000000", "status": "complete" } }"#
        )
    );
    assert_eq!(
        v.json("/v1/sshkey/list", &[]).await,
        doc(
            r#"{ "541b4960f23bd": { "SSHKEYID": "541b4960f23bd", "date_created": null, "name": "test", "ssh_key": "ssh-rsa AA... test@example.com" } }"#
        )
    );
    assert_eq!(
        v.json("/v1/startupscript/list", &[]).await,
        doc(
            r##"{ "3": { "SCRIPTID": "3", "date_created": "2014-05-21 15:27:18", "date_modified": "2014-05-21 15:27:18", "name": "test ", "type": "boot", "script": "#!/bin/bash echo Hello World > /root/hello" }, "5": { "SCRIPTID": "5", "date_created": "2014-08-22 15:27:18", "date_modified": "2014-09-22 15:27:18", "name": "test ", "type": "pxe", "script": "#!ipxe\necho Hello World\nshell" } }"##
        )
    );
}

#[tokio::test]
async fn seed_has_servers_in_every_state() {
    let v = Vultr::start().await;
    let servers = v.json("/v1/server/list", &[]).await;
    let all: Vec<(&str, &str, &str)> = servers.as_object().unwrap().values().map(states).collect();
    assert!(all.len() >= 5);
    for expected in [
        ("active", "running", "ok"),
        ("active", "stopped", "ok"),
        ("pending", "stopped", "none"),
        ("suspended", "stopped", "locked"),
    ] {
        assert!(all.contains(&expected), "a seeded server is {expected:?}: {all:?}");
    }
    for server in servers.as_object().unwrap().values() {
        let pending = server["status"] == "pending";
        assert_eq!(server["main_ip"] == "0.0.0.0", pending, "only an installing server lacks an address");
        for (field, value) in server.as_object().unwrap() {
            let numeric = field == "current_bandwidth_gb";
            assert_eq!(value.is_number(), numeric, "{field} is a string unless it is current_bandwidth_gb");
        }
    }
}

#[tokio::test]
async fn availability_is_per_region_and_create_honours_it() {
    let v = Vultr::start().await;
    let available = |dcid: &'static str| {
        let v = &v;
        async move {
            let r = v.http.get(v.url("/v1/regions/availability")).query(&[("DCID", dcid)]).send().await.unwrap();
            r.json::<Value>().await.unwrap()
        }
    };
    let nj = available("1").await;
    assert_eq!(
        nj.as_array().unwrap()[..6],
        json!([40, 11, 45, 29, 41, 61]).as_array().unwrap()[..],
        "the doc's example"
    );
    assert!(nj.as_array().unwrap().contains(&json!(1)));
    assert_eq!(available("9").await, json!([29, 41, 45]));
    assert_eq!(available("25").await, json!([]), "Tokyo is full");
    let missing = v.http.get(v.url("/v1/regions/availability?DCID=999")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::PRECONDITION_FAILED);

    let plans = v.json("/v1/plans/list", &[]).await;
    for id in nj.as_array().unwrap() {
        assert!(plans.get(id.to_string()).is_some(), "plan {id} offered in DCID 1 is listed");
    }

    let refused = v.refused("/v1/server/create", &[("DCID", "9"), ("VPSPLANID", "61"), ("OSID", "1743")]).await;
    assert!(refused.contains("not available"), "{refused}");
    let refused_forms: [&[(&str, &str)]; 6] = [
        &[("DCID", "25"), ("VPSPLANID", "29"), ("OSID", "1743")],
        &[("DCID", "99"), ("VPSPLANID", "29"), ("OSID", "1743")],
        &[("DCID", "1"), ("VPSPLANID", "999"), ("OSID", "1743")],
        &[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1")],
        &[("DCID", "1"), ("VPSPLANID", "29")],
        &[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743"), ("enable_ipv6", "true")],
    ];
    for form in refused_forms {
        v.refused("/v1/server/create", form).await;
    }

    // The doc's own create example.
    let subid = v.create(&[("DCID", "1"), ("VPSPLANID", "1"), ("OSID", "127")]).await;
    assert_eq!(v.server(&subid).await["VPSPLANID"], "1");
    assert_eq!(v.json("/v1/server/list", &[]).await.as_object().unwrap().len(), 7);
}

#[tokio::test]
async fn create_installs_then_runs() {
    let v = Vultr::start().await;
    let form = [("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743"), ("label", "fresh"), ("enable_ipv6", "yes")];
    let subid = v.create(&form).await;
    let other = v.create(&form).await;
    assert!(other.parse::<u64>().unwrap() > subid.parse::<u64>().unwrap(), "new SUBIDs grow");

    let pending = v.server(&subid).await;
    assert_eq!(states(&pending), ("pending", "stopped", "none"));
    assert_eq!(pending["main_ip"], "0.0.0.0");
    assert_eq!(pending["v6_main_ip"], "");
    assert_eq!(v.get("/v1/server/list_ipv4", &[("SUBID", &subid)]).await.text().await.unwrap(), "[]");
    let locked = v.refused("/v1/server/halt", &[("SUBID", &subid)]).await;
    assert!(locked.contains("locked"), "{locked}");
    v.refused("/v1/snapshot/create", &[("SUBID", &subid)]).await;

    tokio::time::sleep(SETTLE).await;
    let active = v.server(&subid).await;
    assert_eq!(states(&active), ("active", "running", "ok"));
    let doc_fields = doc(DOC_SERVER_LIST)["576965"].as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    for field in &doc_fields {
        assert!(active.get(field).is_some(), "created server has {field}");
    }
    let expect = json!({
        "SUBID": subid, "label": "fresh", "os": "Ubuntu 22.04 x64", "ram": "1024 MB", "disk": "Virtual 25 GB",
        "vcpu_count": "1", "location": "New Jersey", "DCID": "1", "VPSPLANID": "29", "cost_per_month": "5.00",
        "allowed_bandwidth_gb": "1000", "pending_charges": "0.00", "auto_backups": "no", "internal_ip": "",
        "v6_network_size": "64",
    });
    contains_entries(&active, &expect);
    let main_ip: std::net::Ipv4Addr = active["main_ip"].as_str().unwrap().parse().expect("an IPv4 address");
    assert!(!main_ip.is_unspecified());
    let v6: std::net::Ipv6Addr = active["v6_main_ip"].as_str().unwrap().parse().expect("an IPv6 address");
    assert!(!v6.is_unspecified());
    assert_eq!(active["date_created"].as_str().unwrap().len(), "2013-12-19 14:45:41".len());
    assert_eq!(active["default_password"].as_str().unwrap().len(), 11);
    assert!(active["kvm_url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(active["current_bandwidth_gb"], json!(0.0));
    assert_eq!(v.json("/v1/server/list_ipv4", &[("SUBID", &subid)]).await[&subid][0]["ip"], active["main_ip"],);
}

#[tokio::test]
async fn power_actions_follow_the_state_machine() {
    let v = Vultr::start().await;
    let subid = v.create_active().await;
    let sub = [("SUBID", subid.as_str())];

    v.ok("/v1/server/halt", &sub).await;
    assert_eq!(states(&v.server(&subid).await), ("active", "stopped", "ok"), "halt is immediate");

    for path in ["/v1/server/start", "/v1/server/reboot"] {
        v.ok(path, &sub).await;
        let booting = ("active", "running", "installingbooting");
        assert_eq!(states(&v.server(&subid).await), booting, "{path}");
        tokio::time::sleep(SETTLE).await;
        let up = ("active", "running", "ok");
        assert_eq!(states(&v.server(&subid).await), up, "{path}");
    }

    v.ok("/v1/server/start", &sub).await;
    assert_eq!(states(&v.server(&subid).await).2, "installingbooting", "start restarts a running server");

    v.ok("/v1/server/label_set", &[("SUBID", &subid), ("label", "renamed")]).await;
    assert_eq!(v.server(&subid).await["label"], "renamed");
    v.refused("/v1/server/label_set", &sub).await;

    v.ok("/v1/server/destroy", &sub).await;
    let gone = v.get("/v1/server/list", &sub).await;
    assert_eq!(gone.status(), StatusCode::PRECONDITION_FAILED);
    assert!(gone.text().await.unwrap().contains("Invalid server"));
    v.refused("/v1/server/start", &sub).await;
    v.refused("/v1/server/destroy", &sub).await;
}

#[tokio::test]
async fn locked_and_suspended_servers_refuse_actions() {
    let v = Vultr::start().await;
    let servers = v.json("/v1/server/list", &[]).await;
    let with_status = |status: &str| {
        servers.as_object().unwrap().iter().find(|(_, s)| s["status"] == status).map(|(id, _)| id.clone()).unwrap()
    };
    let suspended = with_status("suspended");
    let pending = with_status("pending");
    for path in ["/v1/server/start", "/v1/server/halt", "/v1/server/reboot", "/v1/server/reinstall"] {
        v.refused(path, &[("SUBID", &suspended)]).await;
        v.refused(path, &[("SUBID", &pending)]).await;
    }
    assert_eq!(states(&v.server(&suspended).await), ("suspended", "stopped", "locked"));
    v.refused("/v1/server/halt", &[("SUBID", "not-a-number")]).await;
    v.refused("/v1/server/halt", &[]).await;
    // Parameters belong in the form body, not the query string.
    let misplaced =
        v.http.post(v.url(&format!("/v1/server/halt?api_key={}&SUBID=576965", v.key))).send().await.unwrap();
    assert_eq!(misplaced.status(), StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn destroying_everything_leaves_an_empty_array() {
    let v = Vultr::start().await;
    let servers = v.json("/v1/server/list", &[]).await;
    for subid in servers.as_object().unwrap().keys() {
        v.ok("/v1/server/destroy", &[("SUBID", subid)]).await;
    }
    let body = v.get("/v1/server/list", &[]).await.text().await.unwrap();
    assert_eq!(body, "[]");

    for id in ["5359435d28b9a", "5359435dc1df3"] {
        v.ok("/v1/snapshot/destroy", &[("SNAPSHOTID", id)]).await;
    }
    v.ok("/v1/sshkey/destroy", &[("SSHKEYID", "541b4960f23bd")]).await;
    v.ok("/v1/startupscript/destroy", &[("SCRIPTID", "3")]).await;
    v.ok("/v1/startupscript/destroy", &[("SCRIPTID", "5")]).await;
    for path in ["/v1/snapshot/list", "/v1/sshkey/list", "/v1/startupscript/list"] {
        assert_eq!(v.get(path, &[]).await.text().await.unwrap(), "[]", "{path}");
    }
}

#[tokio::test]
async fn snapshots_complete_and_restore() {
    let v = Vultr::start().await;
    let response = v.post("/v1/snapshot/create", &doc_server("description", "before upgrade")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let id = response.json::<Value>().await.unwrap()["SNAPSHOTID"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 13);

    let listed = v.json("/v1/snapshot/list", &[]).await;
    assert_eq!(listed[&id]["status"], "pending");
    assert_eq!(listed[&id]["description"], "before upgrade");
    assert!(listed[&id]["size"].is_string());
    let early = v.refused("/v1/server/restore_snapshot", &doc_server("SNAPSHOTID", &id)).await;
    assert!(early.contains("not complete"), "{early}");

    tokio::time::sleep(SETTLE).await;
    assert_eq!(v.json("/v1/snapshot/list", &[]).await[&id]["status"], "complete");
    v.ok("/v1/server/restore_snapshot", &doc_server("SNAPSHOTID", &id)).await;
    assert_eq!(states(&v.server("576965").await).2, "installingbooting");

    let from_snapshot = v.create(&[("DCID", "2"), ("VPSPLANID", "2"), ("OSID", "164"), ("SNAPSHOTID", &id)]).await;
    assert_eq!(v.server(&from_snapshot).await["os"], "Snapshot");
    v.refused("/v1/server/create", &[("DCID", "2"), ("VPSPLANID", "2"), ("OSID", "164")]).await;

    v.ok("/v1/snapshot/destroy", &[("SNAPSHOTID", &id)]).await;
    v.refused("/v1/snapshot/destroy", &[("SNAPSHOTID", &id)]).await;
    v.refused("/v1/server/restore_snapshot", &doc_server("SNAPSHOTID", &id)).await;
}

#[tokio::test]
async fn ssh_keys_and_startup_scripts() {
    let v = Vultr::start().await;
    let created =
        v.post("/v1/sshkey/create", &[("name", "laptop"), ("ssh_key", "ssh-ed25519 AAAAC3Nza me@laptop")]).await;
    let key_id = created.json::<Value>().await.unwrap()["SSHKEYID"].as_str().unwrap().to_owned();
    assert!(key_id.as_str() > "541b4960f23bd", "new ids sort after the seed");
    v.refused("/v1/sshkey/create", &[("name", "bad"), ("ssh_key", "not a key")]).await;
    v.refused("/v1/sshkey/create", &[("ssh_key", "ssh-rsa AAAA x")]).await;

    v.ok("/v1/sshkey/update", &[("SSHKEYID", &key_id), ("name", "work laptop")]).await;
    let keys = v.json("/v1/sshkey/list", &[]).await;
    assert_eq!(keys[&key_id]["name"], "work laptop");
    assert_eq!(keys[&key_id]["ssh_key"], "ssh-ed25519 AAAAC3Nza me@laptop");
    v.refused("/v1/sshkey/update", &[("SSHKEYID", "nope")]).await;

    let script = v.post("/v1/startupscript/create", &[("name", "hello"), ("script", "#!/bin/sh\necho hi")]).await;
    let script_id = script.json::<Value>().await.unwrap()["SCRIPTID"].clone();
    assert_eq!(script_id, json!(6), "SCRIPTID comes back as an integer");
    v.refused("/v1/startupscript/create", &[("name", "x"), ("script", "y"), ("type", "cron")]).await;
    v.ok("/v1/startupscript/update", &[("SCRIPTID", "6"), ("script", "#!/bin/sh\necho bye")]).await;
    let scripts = v.json("/v1/startupscript/list", &[]).await;
    assert_eq!(scripts["6"]["SCRIPTID"], "6", "but as a string in the list");
    assert_eq!(scripts["6"]["type"], "boot");
    assert_eq!(scripts["6"]["script"], "#!/bin/sh\necho bye");

    let with_extras =
        [("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743"), ("SCRIPTID", "6"), ("SSHKEYID", key_id.as_str())];
    v.create(&with_extras).await;
    v.refused("/v1/server/create", &[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743"), ("SCRIPTID", "77")]).await;
    v.refused("/v1/server/create", &[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743"), ("SSHKEYID", "zzz")]).await;

    v.ok("/v1/sshkey/destroy", &[("SSHKEYID", &key_id)]).await;
    v.ok("/v1/startupscript/destroy", &[("SCRIPTID", "6")]).await;
    v.refused("/v1/startupscript/destroy", &[("SCRIPTID", "6")]).await;
}

#[tokio::test]
async fn addresses_and_reverse_dns() {
    let v = Vultr::start().await;
    let sub = [("SUBID", "576965")];

    v.ok("/v1/server/create_ipv4", &doc_server("reboot", "no")).await;
    assert_eq!(states(&v.server("576965").await).2, "ok", "reboot=no leaves it running");
    let ips = v.json("/v1/server/list_ipv4", &sub).await;
    let entries = ips["576965"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    let added = entries.iter().rfind(|e| e["type"] == "secondary_ip").unwrap()["ip"].as_str().unwrap().to_owned();

    v.ok("/v1/server/reverse_set_ipv4", &reverse_entry(&added, "mail.example.com")).await;
    let reverse_of = |ips: &Value, ip: &str| {
        ips["576965"].as_array().unwrap().iter().find(|e| e["ip"] == ip).unwrap()["reverse"].clone()
    };
    assert_eq!(reverse_of(&v.json("/v1/server/list_ipv4", &sub).await, &added), "mail.example.com");
    v.ok("/v1/server/reverse_default_ipv4", &doc_server("ip", &added)).await;
    assert_ne!(reverse_of(&v.json("/v1/server/list_ipv4", &sub).await, &added), "mail.example.com");
    v.refused("/v1/server/reverse_set_ipv4", &reverse_entry("8.8.8.8", "x.example.com")).await;

    v.refused("/v1/server/destroy_ipv4", &doc_server("ip", "123.123.123.123")).await;
    v.ok("/v1/server/destroy_ipv4", &doc_server("ip", &added)).await;
    assert_eq!(entries_of_576965(&v, "/v1/server/list_ipv4").await, 3);
    assert_eq!(states(&v.server("576965").await).2, "installingbooting", "removing an address restarts");

    v.ok("/v1/server/reverse_set_ipv6", &reverse_entry("2001:db8:1000::103", "host3.example.com")).await;
    v.ok("/v1/server/reverse_set_ipv6", &reverse_entry("2001:DB8:1000::101", "www.example.com")).await;
    let reverse = v.json("/v1/server/reverse_list_ipv6", &sub).await;
    assert_eq!(reverse["576965"].as_array().unwrap().len(), 3);
    assert_eq!(reverse["576965"][0], json!({ "ip": "2001:DB8:1000::101", "reverse": "www.example.com" }));
    v.refused("/v1/server/reverse_set_ipv6", &reverse_entry("2001:db8:2000::1", "x.example.com")).await;
    v.ok("/v1/server/reverse_delete_ipv6", &doc_server("ip", "2001:db8:1000::102")).await;
    v.refused("/v1/server/reverse_delete_ipv6", &doc_server("ip", "2001:db8:1000::102")).await;
    assert_eq!(entries_of_576965(&v, "/v1/server/reverse_list_ipv6").await, 2);

    let without_v6 = v.create_active().await;
    for path in ["/v1/server/list_ipv6", "/v1/server/reverse_list_ipv6"] {
        let response = v.get(path, &[("SUBID", &without_v6)]).await;
        assert_eq!(response.text().await.unwrap(), "[]", "{path}");
    }
}

#[tokio::test]
async fn reinstall_os_change_and_backups() {
    let v = Vultr::start().await;
    let before = v.server("576965").await;

    v.ok("/v1/server/os_change", &doc_server("OSID", "2136")).await;
    let changed = v.server("576965").await;
    assert_eq!(changed["os"], "Debian 12 x64");
    assert_eq!(states(&changed), ("active", "running", "installingbooting"));
    assert_ne!(changed["default_password"], before["default_password"]);
    assert_eq!(changed["main_ip"], before["main_ip"], "the address survives");
    v.refused("/v1/server/os_change", &doc_server("OSID", "164")).await;
    v.refused("/v1/server/os_change", &[("SUBID", "576965")]).await;

    tokio::time::sleep(SETTLE).await;
    v.ok("/v1/server/reinstall", &[("SUBID", "576965")]).await;
    assert_eq!(states(&v.server("576965").await).2, "installingbooting");

    v.ok("/v1/server/restore_backup", &doc_server("BACKUPID", "543d34149403a")).await;
    v.refused("/v1/server/restore_backup", &doc_server("BACKUPID", "nope")).await;
    let other = v.create_active().await;
    v.refused("/v1/server/restore_backup", &[("SUBID", &other), ("BACKUPID", "543d34149403a")]).await;
}

#[tokio::test]
async fn concurrent_creates_get_distinct_ids() {
    let v = Vultr::start().await;
    let form = [("DCID", "7"), ("VPSPLANID", "41"), ("OSID", "1743")];
    let created = futures::future::join_all((0..16).map(|_| v.create(&form))).await;
    let mut ids: Vec<u64> = created.iter().map(|id| id.parse().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 16);
    assert_eq!(v.json("/v1/server/list", &[]).await.as_object().unwrap().len(), 6 + 16);
}
