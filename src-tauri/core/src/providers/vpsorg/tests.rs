//! Every example body of the VPS.org API v1 doc, verbatim
//! (tests/fixtures/vpsorg), through the wire types and the mapping. The
//! three request bodies are the JSON inside the doc's `curl -d '…'`, taken
//! out of the shell quotes; nothing else was changed.

use super::{create_body, integer, location, map, rename_body, server_name, wire};
use crate::model::{CreateServer, Status};

macro_rules! fixture {
    ($name:literal) => {
        doc_json!("vpsorg", $name)
    };
}

fn server(raw: serde_json::Value) -> crate::model::Server {
    let w: wire::ServerWire = serde_json::from_value(raw.clone()).unwrap();
    map::server(w, &raw)
}

fn detail(s: &crate::model::Server, label: &str) -> Option<String> {
    s.details.iter().find(|d| d.label == label).map(|d| d.value.clone())
}

#[test]
fn list_example_is_one_page_with_two_servers() {
    let page: wire::PageWire = serde_json::from_value(fixture!("server_list")).unwrap();
    assert_eq!(page.count, 2);
    assert_eq!((page.next, page.previous), (None, None), "the doc's page has no links: it is the only one");
    let servers: Vec<_> = page.results.into_iter().map(server).collect();
    let s = &servers[0];
    assert_eq!(s.id, "12345");
    assert_eq!(s.name, "web-server-01");
    assert_eq!(s.status, Status::Running);
    assert_eq!(s.provider_status, "active");
    assert_eq!(s.ipv4, vec!["203.0.113.10"]);
    assert!(s.ipv6.is_empty());
    assert_eq!(s.region, "us-west");
    assert_eq!(s.plan, "Standard VPS");
    assert_eq!(s.created_at.as_ref().map(ToString::to_string).as_deref(), Some("2025-01-10T14:30:00Z"));
    assert_eq!(detail(s, "hostname").as_deref(), Some("web01.example.com"));
    assert_eq!(detail(s, "plan.memory").as_deref(), Some("4096"));
    assert_eq!(detail(s, "os.name").as_deref(), Some("Ubuntu 22.04 LTS"));
    assert_eq!(detail(s, "updated_at").as_deref(), Some("2025-01-15T10:20:00Z"));
    assert_eq!(s.details.len(), 15, "every field, nested ones flattened");
    assert_eq!(s.details[0].label, "id");
    assert_eq!(s.details[6].label, "plan.id", "the doc's order");

    let db = &servers[1];
    assert_eq!((db.id.as_str(), db.region.as_str(), db.plan.as_str()), ("12346", "us-east", "Performance VPS"));
}

#[test]
fn details_example_maps_every_field() {
    let s = server(fixture!("server_get"));
    assert_eq!(s.id, "12345");
    assert_eq!(s.status, Status::Running);
    assert_eq!(s.ipv4, vec!["203.0.113.10"]);
    assert_eq!(s.ipv6, vec!["2001:0db8::1"]);
    assert_eq!(detail(&s, "plan.bandwidth").as_deref(), Some("2048"));
    assert_eq!(detail(&s, "backups_enabled").as_deref(), Some("true"));
    assert_eq!(detail(&s, "resource_usage.cpu_percent").as_deref(), Some("23.5"));
    assert_eq!(detail(&s, "resource_usage.bandwidth_used").as_deref(), Some("450"));
    assert_eq!(detail(&s, "updated_at").as_deref(), Some("2025-01-16T15:45:00Z"));
    assert_eq!(s.details.len(), 22);
}

#[test]
fn create_reply_is_the_whole_server_still_provisioning() {
    let s = server(fixture!("server_create"));
    assert_eq!(s.id, "12347");
    assert_eq!(s.name, "web-server-02");
    assert_eq!(s.status, Status::Pending);
    assert_eq!(s.provider_status, "provisioning");
    assert!(s.ipv4.is_empty(), "ip_address is null until provisioned");
    assert_eq!(detail(&s, "ip_address").as_deref(), Some(""));
    assert_eq!(detail(&s, "message").as_deref(), Some("Server is being provisioned. This may take 2-5 minutes."));
}

#[test]
fn action_replies_say_success_and_the_new_state() {
    for (raw, word, status) in [
        (fixture!("server_start"), "starting", Status::Starting),
        (fixture!("server_stop"), "stopping", Status::Stopping),
        (fixture!("server_reboot"), "rebooting", Status::Starting),
    ] {
        let reply: wire::ActionWire = serde_json::from_value(raw).unwrap();
        assert_eq!(reply.status, "success");
        let s = reply.server.unwrap();
        assert_eq!((s.id.as_str(), s.name.as_deref()), ("12345", Some("web-server-01")));
        assert_eq!(s.status.as_deref(), Some(word));
        assert_eq!(map::status(word), status);
        assert!(reply.message.unwrap().starts_with("Server is "));
    }
}

#[test]
fn status_words_of_the_doc() {
    assert_eq!(map::status("active"), Status::Running);
    assert_eq!(map::status("halted"), Status::Stopped);
    assert_eq!(map::status("suspended"), Status::Suspended);
    assert_eq!(map::status("provisioning"), Status::Pending);
    assert_eq!(map::status("stopping"), Status::Stopping);
    assert_eq!(map::status("exploded"), Status::Unknown);
}

/// The doc is in Esperanto and names states in both languages (the list
/// filter: "aktiva, haltigita, suspendita"; the examples: `active`,
/// `provisioning`, `starting`, `stopping`, `rebooting`): every spelling of
/// each state, in any case and with any spacing, is that state.
#[test]
fn every_spelling_of_a_state_in_english_and_esperanto() {
    for (word, want) in [
        ("active", Status::Running),
        ("aktiva", Status::Running),
        ("running", Status::Running),
        ("funkcianta", Status::Running),
        ("Powered On", Status::Running),
        ("ŝaltita", Status::Running),
        ("halted", Status::Stopped),
        ("haltigita", Status::Stopped),
        ("haltita", Status::Stopped),
        ("stopped", Status::Stopped),
        ("stopita", Status::Stopped),
        ("malŝaltita", Status::Stopped),
        ("malsaltita", Status::Stopped),
        ("powered off", Status::Stopped),
        ("poweredoff", Status::Stopped),
        ("power_off", Status::Stopped),
        ("shut-off", Status::Stopped),
        ("suspended", Status::Suspended),
        ("suspendita", Status::Suspended),
        ("provisioning", Status::Pending),
        ("pending", Status::Pending),
        ("creating", Status::Pending),
        ("building", Status::Pending),
        ("installing", Status::Pending),
        ("provizanta", Status::Pending),
        ("provizata", Status::Pending),
        ("kreata", Status::Pending),
        ("kreiĝanta", Status::Pending),
        ("instalata", Status::Pending),
        ("atendanta", Status::Pending),
        ("starting", Status::Starting),
        ("booting", Status::Starting),
        ("powering on", Status::Starting),
        ("startanta", Status::Starting),
        ("startiĝanta", Status::Starting),
        ("ŝaltiĝanta", Status::Starting),
        ("komencanta", Status::Starting),
        ("rebooting", Status::Starting),
        ("restarting", Status::Starting),
        ("rekomencanta", Status::Starting),
        ("restartanta", Status::Starting),
        ("restartiganta", Status::Starting),
        ("stopping", Status::Stopping),
        ("halting", Status::Stopping),
        ("shutting down", Status::Stopping),
        ("powering off", Status::Stopping),
        ("haltiganta", Status::Stopping),
        ("haltanta", Status::Stopping),
        ("malŝaltiĝanta", Status::Stopping),
        ("stopanta", Status::Stopping),
        // Case and whitespace do not matter.
        ("HALTIGITA", Status::Stopped),
        ("  Aktiva\n", Status::Running),
        ("Suspendita ", Status::Suspended),
        ("MALŜALTITA", Status::Stopped),
        // Not a state: unknown, never running.
        ("exploded", Status::Unknown),
        ("", Status::Unknown),
        ("aktivaa", Status::Unknown),
    ] {
        assert_eq!(map::status(word), want, "{word:?}");
    }
}

#[test]
fn an_esperanto_or_unknown_state_keeps_the_word_vpsorg_sent() {
    for (word, want) in [("Haltigita", Status::Stopped), ("aktiva", Status::Running), ("fandiĝanta", Status::Unknown)]
    {
        let mut raw = fixture!("server_get");
        raw["status"] = serde_json::json!(word);
        let s = server(raw);
        assert_eq!((s.status, s.provider_status.as_str()), (want, word));
    }
}

#[test]
fn requests_are_the_doc_bodies() {
    let doc = fixture!("server_create_request");
    let req = CreateServer {
        name: "web-server-02".into(),
        plan: Some("1".into()),
        image: Some("5".into()),
        region: Some("us-west".into()),
        hostname: Some("web02.example.com".into()),
        auto_backups: true,
        ..CreateServer::default()
    };
    assert_eq!(create_body(&req).unwrap(), doc, "integers stay integers, the options are the doc's");
    let plain = create_body(&CreateServer { hostname: None, auto_backups: false, ..req.clone() }).unwrap();
    assert_eq!(plain.as_object().unwrap().keys().collect::<Vec<_>>(), ["name", "plan_id", "os_id", "location"]);
    let e = create_body(&CreateServer { hostname: Some("web02".into()), ..req }).unwrap_err();
    assert_eq!(e.fields[0].field, "hostname");
    assert_eq!(rename_body("new-server-name").unwrap(), fixture!("server_patch_request"));

    // PUT needs all three fields; vpsdesk renames with PATCH instead.
    let put = fixture!("server_update_request");
    assert_eq!(put.as_object().unwrap().len(), 3);
    assert_eq!(put["backups_enabled"], true);
}

#[test]
fn input_is_checked_before_sending() {
    assert_eq!(integer("id", "server", " 12345 ").unwrap(), 12345);
    for bad in ["", "abc", "12a", "+1", "-3", "1.5"] {
        let e = integer("id", "server", bad).unwrap_err();
        assert_eq!(e.fields[0].field, "id", "{bad:?}");
    }
    assert!(server_name("web server").is_err());
    assert!(server_name("web_server").is_err());
    assert_eq!(server_name("web-01").unwrap(), "web-01");
    assert!(location("us west").is_err());
    let missing = create_body(&CreateServer { name: "a".into(), ..CreateServer::default() }).unwrap_err();
    assert_eq!(missing.fields[0].field, "plan");
}

#[test]
fn catalog_comes_from_the_servers() {
    let page: wire::PageWire = serde_json::from_value(fixture!("server_list")).unwrap();
    let servers: Vec<wire::ServerWire> = page.results.into_iter().map(|v| serde_json::from_value(v).unwrap()).collect();
    let plans = map::plans(&servers);
    assert_eq!(plans.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!((plans[0].vcpus, plans[0].memory_mb, plans[0].disk_gb), (Some(2), Some(4096), Some(80)));
    let images = map::images(&servers);
    assert_eq!(images.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["3", "5"]);
    assert_eq!(images[1].family.as_deref(), Some("ubuntu"));
    let regions = map::regions(&servers);
    assert_eq!(regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["us-east", "us-west"]);
}

#[test]
fn error_bodies_are_read() {
    let p = wire::problem(br#"{"detail": "Invalid token."}"#);
    assert_eq!(p.detail.as_deref(), Some("Invalid token."));
    let p = wire::problem(br#"{"name": ["This field is required."], "plan_id": ["A valid integer is required."]}"#);
    assert_eq!(p.fields.len(), 2);
    assert_eq!(p.fields[1].field, "plan_id");
    assert_eq!(wire::problem(b"<html>502</html>"), wire::Problem::default());
}

#[test]
fn full_update_is_the_doc_body() {
    let doc = fixture!("server_update_request");
    let settings = crate::providers::vpsorg::ext::settings::ServerSettings {
        name: "web-server-updated".into(),
        hostname: "web-updated.example.com".into(),
        backups_enabled: true,
    };
    assert_eq!(super::extras::update_body(&settings).unwrap(), doc);
    let bad = crate::providers::vpsorg::ext::settings::ServerSettings { name: "web server".into(), ..settings };
    assert_eq!(super::extras::update_body(&bad).unwrap_err().fields[0].field, "name");
}

#[test]
fn details_example_gives_both_addresses() {
    let w: super::extras::SettingsWire = serde_json::from_value(fixture!("server_get")).unwrap();
    assert_eq!(w.backups_enabled, Some(true));
    let ips: Vec<(String, u8)> = super::extras::addresses(&w).into_iter().map(|a| (a.ip, a.version)).collect();
    assert_eq!(ips, [("203.0.113.10".to_string(), 4), ("2001:0db8::1".to_string(), 6)]);
}

#[test]
fn create_sends_one_ssh_key_id() {
    let base = CreateServer {
        name: "web-server-02".into(),
        plan: Some("1".into()),
        image: Some("5".into()),
        region: Some("us-west".into()),
        ..CreateServer::default()
    };
    assert!(create_body(&base).unwrap().get("ssh_key_id").is_none());
    let one = CreateServer { ssh_keys: vec!["7".into()], ..base.clone() };
    assert_eq!(create_body(&one).unwrap()["ssh_key_id"], 7);
    let two = CreateServer { ssh_keys: vec!["7".into(), "8".into()], ..base };
    assert_eq!(create_body(&two).unwrap_err().fields[0].field, "ssh_keys");
}
