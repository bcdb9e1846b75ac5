//! Every example body of the Vultr v1 doc, verbatim (tests/fixtures/vultr),
//! through the wire types and the mapping. `*.request.txt` are the doc's
//! example requests: the text after the URL, `KEY=value KEY="quoted value"`.

use super::{map, wire};
use crate::model::{CreateServer, Status};

macro_rules! fixture {
    ($name:literal) => {
        doc_json!("vultr", $name)
    };
}

/// Reads the doc's notation for a form body. The quotes are the doc's (shell
/// style, not sent), and inside them it writes a newline as `\n`.
pub(super) fn doc_form(text: &str) -> Vec<(String, String)> {
    let mut form = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').expect("KEY=value");
        let (value, tail) = match after.strip_prefix('"') {
            Some(quoted) => {
                let (v, t) = quoted.split_once('"').expect("a closing quote");
                (v.replace("\\n", "\n"), t)
            }
            None => {
                let end = after.find(' ').unwrap_or(after.len());
                (after[..end].to_string(), &after[end..])
            }
        };
        form.push((key.to_string(), value));
        rest = tail.trim_start();
    }
    form
}

pub(super) fn pairs(form: &[(&str, &str)]) -> Vec<(String, String)> {
    form.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn server_list_example_maps_every_field() {
    let raw = fixture!("server_list");
    let values: Vec<serde_json::Value> = wire::keyed(raw.clone()).unwrap();
    assert_eq!(values.len(), 1);
    let w: wire::ServerWire = serde_json::from_value(values[0].clone()).unwrap();
    let s = map::server(w, &values[0]);
    assert_eq!(s.id, "576965");
    assert_eq!(s.name, "my new server");
    assert_eq!(s.status, Status::Running);
    assert_eq!(s.provider_status, "active/running");
    assert_eq!(s.ipv4, vec!["123.123.123.123"]);
    assert_eq!(s.ipv6, vec!["2001:DB8:1000::100"]);
    assert_eq!(s.region, "New Jersey");
    assert_eq!(s.plan, "28");
    assert_eq!(s.created_at.as_ref().map(ToString::to_string).as_deref(), Some("2013-12-19T14:45:41Z"));
    let detail = |k: &str| s.details.iter().find(|d| d.label == k).map(|d| d.value.clone());
    // A number among strings in the doc: kept as sent.
    assert_eq!(detail("current_bandwidth_gb").as_deref(), Some("131.512"));
    assert_eq!(detail("internal_ip").as_deref(), Some("10.99.0.10"));
    assert_eq!(detail("kvm_url").as_deref(), Some("https://my.vultr.com/subs/novnc/api.php?data=eawxFVZw2mXnhGUV"));
    // The root password is never passed on.
    assert_eq!(detail("default_password"), None);
    assert_eq!(s.details.len(), 25, "every field of the example but the password");
    assert_eq!(s.details[0].label, "SUBID");

    // The table's rows are read from the body straight into the wire type:
    // the same server, without its details.
    let rows: wire::Keyed<wire::ServerWire> = serde_json::from_slice(&serde_json::to_vec(&raw).unwrap()).unwrap();
    let rows: Vec<_> = rows.0.into_iter().map(map::row).collect();
    assert_eq!(rows, vec![crate::model::Server { details: Vec::new(), ..s }]);
}

#[test]
fn an_empty_server_list_is_an_empty_array() {
    let values: Vec<serde_json::Value> = wire::keyed(serde_json::json!([])).unwrap();
    assert!(values.is_empty());
    assert!(wire::keyed::<serde_json::Value>(serde_json::json!([1])).is_err());
    let rows: wire::Keyed<wire::ServerWire> = serde_json::from_str(" [ ] ").unwrap();
    assert!(rows.0.is_empty());
    for body in ["[{}]", "\"none\"", "null"] {
        let err = serde_json::from_str::<wire::Keyed<wire::ServerWire>>(body).err().unwrap();
        assert!(err.to_string().contains("an object keyed by id"), "{body}: {err}");
    }
}

#[test]
fn status_mapping_follows_status_power_and_state() {
    assert_eq!(map::status("pending", "stopped", "none"), Status::Pending);
    assert_eq!(map::status("active", "running", "ok"), Status::Running);
    assert_eq!(map::status("active", "stopped", "ok"), Status::Stopped);
    assert_eq!(map::status("active", "running", "installingbooting"), Status::Starting);
    assert_eq!(map::status("active", "running", "locked"), Status::Pending);
    assert_eq!(map::status("suspended", "stopped", ""), Status::Suspended);
    assert_eq!(map::status("closed", "", ""), Status::Unknown);
    assert_eq!(map::status("active", "mystery", ""), Status::Unknown);
}

/// Each of `status`, `power_status` and `server_state` in every accepted
/// spelling, in any case and spacing; a word no table has is unknown,
/// never running.
#[test]
fn every_accepted_spelling_of_status_power_and_state() {
    for ((status, power, state), want) in [
        (("pending", "", ""), Status::Pending),
        (("suspended", "running", "ok"), Status::Suspended),
        (("closed", "stopped", ""), Status::Unknown),
        (("active", "running", ""), Status::Running),
        (("active", "running", "none"), Status::Running),
        (("active", "running", "ok"), Status::Running),
        (("active", "powered on", "ok"), Status::Running),
        (("active", "on", "ok"), Status::Running),
        (("active", "stopped", "ok"), Status::Stopped),
        (("active", "halted", "ok"), Status::Stopped),
        (("active", "powered off", "ok"), Status::Stopped),
        (("active", "poweredoff", "ok"), Status::Stopped),
        (("active", "power_off", "ok"), Status::Stopped),
        (("active", "off", "ok"), Status::Stopped),
        (("active", "starting", "ok"), Status::Starting),
        (("active", "booting", "ok"), Status::Starting),
        (("active", "rebooting", "ok"), Status::Starting),
        (("active", "restarting", "ok"), Status::Starting),
        (("active", "stopping", "ok"), Status::Stopping),
        (("active", "halting", "ok"), Status::Stopping),
        (("active", "shutting down", "ok"), Status::Stopping),
        (("active", "stopped", "locked"), Status::Pending),
        (("active", "running", "installingbooting"), Status::Starting),
        (("active", "running", "installing_booting"), Status::Starting),
        (("active", "stopped", "isomounting"), Status::Starting),
        (("active", "running", "Installing Booting"), Status::Starting),
        // An unknown server_state leaves the answer to power_status.
        (("active", "stopped", "resizing"), Status::Stopped),
        (("Active", "Running", "OK"), Status::Running),
        ((" ACTIVE ", "Stopped", ""), Status::Stopped),
        (("Pending", "", ""), Status::Pending),
        (("SUSPENDED", "", ""), Status::Suspended),
        (("active", "mystery", "ok"), Status::Unknown),
        (("active", "", ""), Status::Unknown),
        (("exploded", "running", "ok"), Status::Unknown),
        (("", "running", "ok"), Status::Unknown),
    ] {
        assert_eq!(map::status(status, power, state), want, "{status:?}/{power:?}/{state:?}");
    }
}

#[test]
fn every_accepted_spelling_of_a_snapshot_status() {
    use crate::providers::vultr::ext::snapshots::SnapshotStatus;
    for (word, want) in [
        ("complete", SnapshotStatus::Complete),
        ("Complete", SnapshotStatus::Complete),
        ("completed", SnapshotStatus::Complete),
        ("available", SnapshotStatus::Complete),
        ("ready", SnapshotStatus::Complete),
        ("pending", SnapshotStatus::Pending),
        (" PENDING ", SnapshotStatus::Pending),
        ("creating", SnapshotStatus::Pending),
        ("in progress", SnapshotStatus::Pending),
        ("in_progress", SnapshotStatus::Pending),
        ("processing", SnapshotStatus::Pending),
        ("exploded", SnapshotStatus::Unknown),
        ("", SnapshotStatus::Unknown),
    ] {
        assert_eq!(map::snapshot_status(word), want, "{word:?}");
    }
}

#[test]
fn a_status_in_other_case_keeps_the_words_vultr_sent() {
    let raw = serde_json::json!({ "SUBID": "1", "status": "Active", "power_status": "Stopped", "server_state": "OK" });
    let w: wire::ServerWire = serde_json::from_value(raw.clone()).unwrap();
    let s = map::server(w, &raw);
    assert_eq!((s.status, s.provider_status.as_str()), (Status::Stopped, "Active/Stopped/OK"));
}

#[test]
fn plans_example_maps_specs_and_price() {
    let plans: Vec<wire::PlanWire> = wire::keyed(fixture!("plans_list")).unwrap();
    let plans: Vec<_> = plans.into_iter().map(map::plan).collect();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0].id, "1");
    assert_eq!(plans[0].name, "Starter");
    assert_eq!(plans[0].vcpus, Some(1));
    assert_eq!(plans[0].memory_mb, Some(512));
    assert_eq!(plans[0].disk_gb, Some(20));
    assert_eq!(plans[0].bandwidth_tb.as_deref(), Some("1"));
    assert_eq!(plans[0].price_monthly.as_deref(), Some("5.00"));
    assert_eq!(plans[1].price_monthly.as_deref(), Some("8.00"));
}

#[test]
fn os_and_regions_examples_map() {
    let os: Vec<wire::OsWire> = wire::keyed(fixture!("os_list")).unwrap();
    let images: Vec<_> = os.into_iter().map(map::image).collect();
    assert_eq!(images[0].id, "127");
    assert_eq!(images[0].name, "CentOS 6 x64");
    assert_eq!(images[0].family.as_deref(), Some("centos"));
    assert_eq!(images[1].arch.as_deref(), Some("i386"));

    let regions: Vec<wire::RegionWire> = wire::keyed(fixture!("regions_list")).unwrap();
    let regions: Vec<_> = regions.into_iter().map(map::region).collect();
    assert_eq!(regions.len(), 2);
    assert_eq!(regions[0].id, "1");
    assert_eq!(regions[0].name, "New Jersey");
    assert_eq!(regions[0].country.as_deref(), Some("NJ, US"));
    assert_eq!(regions[1].continent.as_deref(), Some("North America"));
}

#[test]
fn availability_is_a_list_of_integer_plan_ids() {
    let v: wire::AvailabilityWire = serde_json::from_value(fixture!("regions_availability")).unwrap();
    let ids: Vec<String> = v.0.iter().map(crate::providers::common::display_value).collect();
    assert_eq!(ids, ["40", "11", "45", "29", "41", "61"]);
}

#[test]
fn create_reply_has_only_the_subid() {
    let c: wire::CreatedWire = serde_json::from_value(fixture!("server_create")).unwrap();
    assert_eq!(c.subid, "1312965");
}

#[test]
fn account_info_example_is_read() {
    let v = fixture!("account_info");
    assert_eq!(v["balance"], "-5519.11");
    assert_eq!(v["pending_charges"], "57.03");
}

/// Bodies of calls that later issues wire up; until then they must at least
/// be what `keyed` accepts (objects keyed by id).
#[test]
fn other_keyed_examples_are_objects_keyed_by_id() {
    for (name, v, n) in [
        ("iso_list", fixture!("iso_list"), 1),
        ("snapshot_list", fixture!("snapshot_list"), 2),
        ("sshkey_list", fixture!("sshkey_list"), 1),
        ("startupscript_list", fixture!("startupscript_list"), 2),
        ("server_os_change_list", fixture!("server_os_change_list"), 2),
        ("server_list_ipv4", fixture!("server_list_ipv4"), 1),
        ("server_list_ipv6", fixture!("server_list_ipv6"), 1),
        ("server_reverse_list_ipv6", fixture!("server_reverse_list_ipv6"), 1),
    ] {
        assert_eq!(wire::keyed::<serde_json::Value>(v).unwrap().len(), n, "{name}");
    }
    for v in [
        fixture!("server_bandwidth"),
        fixture!("snapshot_create"),
        fixture!("sshkey_create"),
        fixture!("startupscript_create"),
    ] {
        assert!(v.is_object(), "{v}");
    }
}

#[test]
fn create_sends_the_doc_request_and_the_name_as_label() {
    let doc = doc_form(include_str!("../../../tests/fixtures/vultr/server_create.request.txt"));
    assert_eq!(doc, pairs(&[("DCID", "1"), ("VPSPLANID", "1"), ("OSID", "127")]));
    let req = CreateServer {
        name: "web-1".into(),
        region: Some("1".into()),
        plan: Some("1".into()),
        image: Some(" 127 ".into()),
        ..CreateServer::default()
    };
    let form = super::create_form(&req).unwrap();
    assert_eq!(form[..3], doc[..], "the doc's ids, in its order");
    assert_eq!(form[3..], pairs(&[("label", "web-1")]), "nothing else without keys or a script");

    let bad = CreateServer { image: Some("CentOS".into()), ..req.clone() };
    assert_eq!(super::create_form(&bad).unwrap_err().fields[0].field, "image");

    let switches = CreateServer { ipv6: true, private_network: true, auto_backups: true, ..req.clone() };
    assert_eq!(
        super::create_form(&switches).unwrap()[4..],
        pairs(&[("enable_ipv6", "yes"), ("enable_private_network", "yes"), ("auto_backups", "yes")]),
        "the doc's yes/no switches, sent only when asked for"
    );
}

#[test]
fn create_from_an_iso_or_a_snapshot() {
    let req = CreateServer {
        name: "web-1".into(),
        region: Some("1".into()),
        plan: Some("1".into()),
        iso: Some("24".into()),
        ..CreateServer::default()
    };
    // No system chosen: create_server adds the 'custom' one from the OS list.
    assert_eq!(
        super::create_form(&req).unwrap(),
        pairs(&[("DCID", "1"), ("VPSPLANID", "1"), ("label", "web-1"), ("ISOID", "24")])
    );
    assert_eq!(super::install_family(&req), Some("iso"));
    let chosen = CreateServer { image: Some("159".into()), ..req.clone() };
    assert!(super::create_form(&chosen).unwrap().contains(&("OSID".to_string(), "159".to_string())));

    let snapshot = CreateServer { iso: None, snapshot: Some("5359435d28b9a".into()), ..req.clone() };
    assert_eq!(super::install_family(&snapshot), Some("snapshot"));
    assert!(super::create_form(&snapshot).unwrap().contains(&("SNAPSHOTID".to_string(), "5359435d28b9a".to_string())));

    let both = CreateServer { snapshot: Some("5359435d28b9a".into()), ..req.clone() };
    assert_eq!(super::create_form(&both).unwrap_err().fields[0].field, "snapshot");
    let scripted = CreateServer { script: Some("3".into()), ..req.clone() };
    assert_eq!(super::create_form(&scripted).unwrap_err().fields[0].field, "script");
    let unnamed = CreateServer { iso: Some("a b".into()), ..req };
    assert_eq!(super::create_form(&unnamed).unwrap_err().fields[0].field, "iso");
    let neither = CreateServer { iso: None, ..unnamed };
    assert_eq!(super::create_form(&neither).unwrap_err().fields[0].field, "image");
}

/// The doc's ipxe_chain_url: "If you've selected the 'custom' operating
/// system, this can be set to chainload the specified URL on bootup".
#[test]
fn create_chain_loading_over_ipxe() {
    let req = CreateServer {
        name: "pxe-1".into(),
        region: Some("1".into()),
        plan: Some("1".into()),
        ipxe_url: Some(" https://boot.example.com/menu.ipxe ".into()),
        ..CreateServer::default()
    };
    assert_eq!(
        super::create_form(&req).unwrap(),
        pairs(&[("DCID", "1"), ("VPSPLANID", "1"), ("label", "pxe-1"), ("ipxe_chain_url", "https://boot.example.com/menu.ipxe")])
    );
    assert_eq!(super::install_family(&req), Some("iso"), "the custom system, as for an ISO");
    let with_iso = CreateServer { iso: Some("24".into()), ..req.clone() };
    assert!(super::create_form(&with_iso).unwrap().contains(&("ISOID".to_string(), "24".to_string())));
    for (bad, field) in [
        (CreateServer { ipxe_url: Some("ftp://boot.example.com/x".into()), ..req.clone() }, "ipxe_url"),
        (CreateServer { ipxe_url: Some("boot.example.com/menu".into()), ..req.clone() }, "ipxe_url"),
        (CreateServer { snapshot: Some("5359435d28b9a".into()), ..req.clone() }, "ipxe_url"),
        (CreateServer { script: Some("3".into()), ..req }, "script"),
    ] {
        assert_eq!(super::create_form(&bad).unwrap_err().fields[0].field, field, "{bad:?}");
    }
}
