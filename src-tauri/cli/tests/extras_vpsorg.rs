//! `vpsctl` extras of VPS.org and VPS247 per docs/cli.md, end to end: the
//! real binary against their simulators with private XDG dirs and the real
//! keychain. Settings (VPS.org's full update), addresses, SSH key ids at
//! creation, the list filters, and the refusal where an API has no call.

mod support;

use serde_json::Value;
use support::Fixture;
use vpsdesk_sandbox::Provider;

/// The doc's examples: VPS.org server 12345 (web-server-01), VPS247 VM 90.
const VPSORG_SERVER: &str = "12345";
const VPS247_VM: &str = "90";

/// Accounts `vpsorg` and `vps247`.
fn fixture() -> Fixture {
    let f = Fixture::with_transition_ms(1500);
    f.add_verified(Provider::Vpsorg, "vpsorg");
    f.add_verified(Provider::Vps247, "vps247");
    f
}

fn puts(f: &Fixture) -> usize {
    f.sandbox.requests(Provider::Vpsorg).iter().filter(|r| r.method == "PUT").count()
}

#[test]
fn settings_show_and_configure_keeps_what_is_not_given() {
    let f = fixture();
    let now = f.json(&["servers", "settings", "vpsorg", VPSORG_SERVER]);
    assert_eq!(
        now,
        serde_json::json!({"name": "web-server-01", "hostname": "web01.example.com", "backups_enabled": true})
    );
    let after = f.json(&[
        "servers",
        "configure",
        "vpsorg",
        VPSORG_SERVER,
        "--hostname",
        "web-updated.example.com",
        "--backups",
        "off",
    ]);
    assert_eq!(
        after,
        serde_json::json!({"name": "web-server-01", "hostname": "web-updated.example.com", "backups_enabled": false})
    );
    assert_eq!(puts(&f), 1);
    let table = String::from_utf8(f.run(&["servers", "settings", "vpsorg", VPSORG_SERVER]).stdout).unwrap();
    assert!(table.contains("web-updated.example.com") && table.contains("off"), "{table}");
}

#[test]
fn configure_refuses_bad_input_before_sending() {
    let f = fixture();
    assert!(f.fails(&["servers", "configure", "vpsorg", VPSORG_SERVER], 2).contains("nothing to change"));
    assert!(f
        .fails(&["servers", "configure", "vpsorg", VPSORG_SERVER, "--hostname", "web"], 1)
        .contains("fully qualified"));
    assert_eq!(puts(&f), 0);
    let e = f.fails(&["servers", "configure", "vps247", VPS247_VM, "--name", "web"], 1);
    assert!(e.contains("VPS247 cannot change a server's host name"), "{e}");
}

#[test]
fn addresses_of_both_providers() {
    let f = fixture();
    let org = f.json(&["servers", "ips", "vpsorg", VPSORG_SERVER]);
    assert_eq!(org[0]["ip"], "203.0.113.10");
    assert_eq!(org[0]["role"], "main");
    let vps247 = f.json(&["servers", "ips", "vps247", VPS247_VM]);
    assert_eq!(vps247[0]["ip"], "123.123.123.123");
    assert_eq!(vps247[0]["netmask"], "255.255.255.128");
    assert_eq!(vps247[0]["gateway"], "123.123.123.1");
}

#[test]
fn list_filters_by_status_and_location() {
    let f = fixture();
    let all = f.json(&["servers", "list", "--account", "vpsorg"]);
    let active = f.json(&["servers", "list", "--account", "vpsorg", "--status", "active"]);
    let running = f.json(&["servers", "list", "--account", "vpsorg", "--status", "running"]);
    assert_eq!(active, running, "VPS.org's word and vpsdesk's mean the same");
    let n = |v: &Value| v.as_array().unwrap().len();
    assert!(n(&active) > 0 && n(&active) < n(&all));
    assert!(active.as_array().unwrap().iter().all(|s| s["provider_status"] == "active"));
    let west = f.json(&["servers", "list", "--location", "us-west"]);
    assert!(n(&west) > 0);
    assert!(west.as_array().unwrap().iter().all(|s| s["region"] == "us-west"));
    // VPS.org filters on its side: the documented states go in its words.
    let queries: Vec<String> = f.sandbox.requests(Provider::Vpsorg).into_iter().map(|r| r.query).collect();
    assert_eq!(queries.iter().filter(|q| q.as_str() == "status=active").count(), 2, "{queries:?}");
    assert!(queries.iter().any(|q| q == "location=us-west"), "{queries:?}");
    let starting = f.json(&["servers", "list", "--account", "vpsorg", "--status", "starting"]);
    assert!(starting.as_array().unwrap().iter().all(|s| s["status"] == "starting"));
    let after: Vec<String> =
        f.sandbox.requests(Provider::Vpsorg).into_iter().skip(queries.len()).map(|r| r.query).collect();
    assert!(
        !after.is_empty() && after.iter().all(|q| !q.contains("status")),
        "a state the doc's filter lacks is checked by vpsctl, not sent: {after:?}"
    );
}

#[test]
fn one_ssh_key_for_vpsorg_many_for_vps247() {
    let f = fixture();
    // The same VPS.org server each time; only the keys it asks for differ.
    let vpsorg = |keys: &[&'static str]| {
        let server =
            ["servers", "create", "vpsorg", "--name", "keyed", "--plan", "1", "--image", "5", "--region", "us-west"];
        [&server[..], keys].concat()
    };
    let e = f.fails(&vpsorg(&["--ssh-key", "1", "--ssh-key", "2"]), 1);
    assert!(e.contains("one SSH key"), "{e}");
    let made = f.json(&vpsorg(&["--ssh-key", "1"]));
    assert_eq!(made["name"], "keyed");
    let e = f.fails(
        &[
            "servers",
            "create",
            "vps247",
            "--name",
            "keyed",
            "--plan",
            "1",
            "--image",
            "1",
            "--region",
            "1",
            "--ssh-key",
            "laptop",
        ],
        1,
    );
    assert!(e.contains("SSH key ids are numbers"), "{e}");
}

#[test]
fn host_name_and_backups_at_creation() {
    let f = fixture();
    let create = |more: &[&'static str]| {
        let server =
            ["servers", "create", "vpsorg", "--name", "hosted", "--plan", "1", "--image", "5", "--region", "us-west"];
        [&server[..], more].concat()
    };
    let before = f.all_requests();
    let e = f.fails(&create(&["--hostname", "hosted"]), 1);
    assert!(e.contains("hostname") && e.contains("domain"), "{e}");
    let e = f.fails(&create(&["--ipv6"]), 1);
    assert!(e.contains("ipv6: VPS.org cannot give a new server IPv6"), "{e}");
    assert_eq!(f.all_requests(), before, "refused before any request");

    let made = f.json(&create(&["--hostname", "hosted.example.com", "--backups"]));
    let id = made["id"].as_str().unwrap();
    let settings = f.json(&["servers", "settings", "vpsorg", id]);
    assert_eq!(
        settings,
        serde_json::json!({"name": "hosted", "hostname": "hosted.example.com", "backups_enabled": true})
    );
}
