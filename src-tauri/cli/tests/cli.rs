//! The CLI.md contract, end to end: the real vpsctl binary against the
//! sandbox, with private XDG dirs and the real keychain (scripts/test.sh runs
//! this inside a D-Bus session with gnome-keyring unlocked).

mod support;

use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{assert_error_line, files_under, stderr, Fixture};
use vpsdesk_sandbox::{Faults, Provider};

/// The key the Vultr simulator accepts.
fn key() -> &'static str {
    support::demo(Provider::Vultr).secret
}

/// The Vultr account `main` these tests drive.
trait Vultr {
    fn vultr(&self) -> String;
    /// `accounts add` as a user types it, for the tests of that command.
    fn add_vultr(&self, name: &str, endpoint: &str, key: &str, extra: &[&str]) -> Output;
    fn server(&self, id: &str) -> Value;
    fn wait_status(&self, id: &str, want: &str);
    fn first_with_status(&self, status: &str) -> String;
    fn request_count(&self) -> usize;
}

impl Vultr for Fixture {
    fn vultr(&self) -> String {
        self.sandbox.endpoint(Provider::Vultr).unwrap()
    }

    fn add_vultr(&self, name: &str, endpoint: &str, key: &str, extra: &[&str]) -> Output {
        let mut args = vec!["accounts", "add", "--provider", "vultr", "--name", name, "--endpoint", endpoint];
        args.extend_from_slice(extra);
        self.cmd(&args).write_stdin(format!("{key}\n")).output().unwrap()
    }

    fn server(&self, id: &str) -> Value {
        self.json(&["servers", "show", "main", id, "--json"])
    }

    fn wait_status(&self, id: &str, want: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.server(id)["status"] != want {
            assert!(Instant::now() < deadline, "server {id} never became {want}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn first_with_status(&self, status: &str) -> String {
        let list = self.json(&["servers", "list", "--account", "main", "--json"]);
        list.as_array().unwrap().iter().find(|s| s["status"] == status).unwrap()["id"].as_str().unwrap().to_string()
    }

    fn request_count(&self) -> usize {
        self.sandbox.requests(Provider::Vultr).len()
    }
}

#[test]
fn accounts_add_list_test_remove() {
    let f = Fixture::new();
    f.add_verified(Provider::Vultr, "main");
    let list = f.json(&["accounts", "list", "--json"]);
    let a = &list[0];
    assert_eq!(a["name"], "main");
    assert_eq!(a["provider"], "vultr");
    assert_eq!(a["endpoint"], f.vultr());
    assert!(a.get("secret").is_none());
    assert!(f.ok(&["accounts", "list"]).contains("main"), "human table lists the account");

    let dup = f.add_vultr("main", &f.vultr(), key(), &[]);
    assert_error_line(&dup, 1, "already exists");

    f.ok(&["accounts", "test", "main"]);

    let id = a["id"].as_str().unwrap().to_string();
    f.ok(&["accounts", "remove", "main"]);
    assert_eq!(f.json(&["accounts", "list", "--json"]), serde_json::json!([]));
    let gone = vpsdesk_core::secret::Keychain::default().get(&id);
    assert!(gone.is_err(), "the keychain entry was removed with the account");
    assert_error_line(&f.run(&["accounts", "test", "main"]), 1, "no account named");
}

#[test]
fn a_wrong_key_is_refused_and_nothing_is_saved() {
    let f = Fixture::new();
    let out = f.add_vultr("bad", &f.vultr(), "WRONG-key()-123456", &[]);
    assert_error_line(&out, 1, "API key");
    assert_eq!(f.json(&["accounts", "list", "--json"]), serde_json::json!([]));
}

#[test]
fn bad_input_fails_before_any_request() {
    let f = Fixture::new();
    let before = f.request_count();
    assert_error_line(&f.add_vultr("x", "http://example.com", key(), &[]), 1, "https");
    assert_error_line(&f.add_vultr("", &f.vultr(), key(), &[]), 1, "name");
    let empty = f
        .cmd(&["accounts", "add", "--provider", "vultr", "--name", "e", "--endpoint", &f.vultr()])
        .write_stdin("\n")
        .output()
        .unwrap();
    assert_error_line(&empty, 1, "secret");
    let unknown = f.cmd(&["accounts", "add", "--provider", "nope", "--name", "n"]).write_stdin("k\n").output().unwrap();
    assert_error_line(&unknown, 2, "unknown provider");
    assert_eq!(f.request_count(), before, "nothing reached the provider");

    f.add_verified(Provider::Vultr, "main");
    let before = f.request_count();
    assert_error_line(&f.run(&["servers", "show", "main", "abc"]), 1, "numbers");
    assert_error_line(
        &f.run(&["servers", "create", "main", "--name", "x", "--plan", "1", "--image", "127"]),
        1,
        "region",
    );
    assert_error_line(&f.run(&["servers", "rename", "main", "576965", "  "]), 1, "name");
    assert_eq!(f.request_count(), before, "nothing reached the provider");
    assert_eq!(f.run(&["servers", "frobnicate"]).status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn servers_list_and_show_have_the_contract_fields() {
    let f = Fixture::new();
    f.add_verified(Provider::Vultr, "main");
    let list = f.json(&["servers", "list", "--json"]);
    let servers = list.as_array().unwrap();
    assert!(servers.len() >= 3);
    for s in servers {
        for field in
            ["account", "provider", "id", "name", "status", "provider_status", "ipv4", "ipv6", "region", "plan"]
        {
            assert!(s.get(field).is_some(), "{field} missing in {s}");
        }
        assert!(s["id"].is_string());
        assert!(s["ipv4"].is_array() && s["ipv6"].is_array());
        assert_eq!(s["account"], "main");
        assert_eq!(s["provider"], "vultr");
        let status = s["status"].as_str().unwrap();
        assert!(["running", "stopped", "starting", "stopping", "pending", "suspended", "unknown"].contains(&status));
    }
    let doc = servers.iter().find(|s| s["id"] == "576965").expect("the doc's example server");
    assert_eq!(doc["name"], "my new server");
    assert_eq!(doc["status"], "running");
    assert_eq!(doc["ipv4"], serde_json::json!(["123.123.123.123"]));

    let shown = f.server("576965");
    assert_eq!(shown["name"], "my new server");
    assert!(f.ok(&["servers", "list"]).contains("my new server"));
    assert!(f.ok(&["servers", "show", "main", "576965"]).contains("123.123.123.123"));
    assert_error_line(&f.run(&["servers", "show", "main", "999999"]), 1, "");
}

#[test]
fn power_actions_change_the_status() {
    let f = Fixture::new();
    f.add_verified(Provider::Vultr, "main");
    let running = f.first_with_status("running");
    f.ok(&["servers", "stop", "main", &running]);
    f.wait_status(&running, "stopped");
    f.ok(&["servers", "start", "main", &running]);
    f.wait_status(&running, "running");
    f.ok(&["servers", "reboot", "main", &running]);
    f.wait_status(&running, "running");
    f.ok(&["servers", "stop", "main", &running, "--force"]);
    f.wait_status(&running, "stopped");
}

/// VPS247 says per region (`GET /regions/{id}`) which packages and systems
/// it offers; `--region` narrows the catalog to them.
#[test]
fn catalog_narrows_to_what_a_region_offers() {
    let f = Fixture::new();
    f.add_verified(Provider::Vps247, "v247");
    let names =
        |v: Value| v.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(names(f.json(&["catalog", "v247", "plans", "--json"])).len(), 4);
    assert_eq!(names(f.json(&["catalog", "v247", "plans", "--region", "25", "--json"])), ["Budget", "Standard"]);
    assert_eq!(
        names(f.json(&["catalog", "v247", "images", "--region", "25", "--json"])),
        ["Ubuntu 14.04 Server x64", "Debian 7 x64"]
    );
    let refused = f.run(&["catalog", "v247", "images", "--region", "77"]);
    assert_error_line(&refused, 1, "no region 77");
}

#[test]
fn create_rename_delete() {
    let f = Fixture::new();
    f.add_verified(Provider::Vultr, "main");
    let regions = f.json(&["catalog", "main", "regions", "--json"]);
    let region = regions[0]["id"].as_str().unwrap().to_string();
    assert!(regions[0]["name"].is_string());
    let plans = f.json(&["catalog", "main", "plans", "--region", &region, "--json"]);
    let plan = plans[0]["id"].as_str().unwrap().to_string();
    let images = f.json(&["catalog", "main", "images", "--json"]);
    let image = images[0]["id"].as_str().unwrap().to_string();
    assert!(
        f.json(&["catalog", "main", "plans", "--json"]).as_array().unwrap().len() >= plans.as_array().unwrap().len()
    );

    let created = f.json(&[
        "servers", "create", "main", "--name", "cli-box", "--plan", &plan, "--image", &image, "--region", &region,
        "--json",
    ]);
    assert_eq!(created["name"], "cli-box");
    let id = created["id"].as_str().unwrap().to_string();
    f.wait_status(&id, "running");

    f.ok(&["servers", "rename", "main", &id, "cli-box-2"]);
    assert_eq!(f.server(&id)["name"], "cli-box-2");

    let before = f.request_count();
    let refused = f.run(&["servers", "delete", "main", &id]);
    assert_error_line(&refused, 2, "--yes");
    assert_eq!(f.request_count(), before, "delete without --yes sends nothing");

    f.ok(&["servers", "delete", "main", &id, "--yes"]);
    let list = f.json(&["servers", "list", "--json"]);
    assert!(!list.as_array().unwrap().iter().any(|s| s["id"] == id.as_str()));
}

/// A working Vultr account `main` and an account `unreachable` whose
/// endpoint refuses every connection (added unverified, as it must be).
fn main_and_unreachable(unreachable: &str) -> Fixture {
    let f = Fixture::new();
    f.add_verified(Provider::Vultr, "main");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = f.add_vultr(unreachable, &format!("http://127.0.0.1:{closed}"), key(), &["--no-verify"]);
    assert!(out.status.success());
    f
}

#[test]
fn partial_results_when_one_account_fails() {
    let f = main_and_unreachable("gone");
    let out = f.run(&["servers", "list", "--json"]);
    assert_ne!(out.status.code(), Some(0));
    let servers: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(servers.as_array().unwrap().iter().all(|s| s["account"] == "main"));
    assert!(!servers.as_array().unwrap().is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().filter(|l| l.starts_with("error: gone:")).count(), 1, "{err}");
}

#[test]
fn the_secret_never_leaks() {
    let f = main_and_unreachable("closed");
    let mut outputs = vec![
        f.run(&["accounts", "list", "--json"]),
        f.run(&["accounts", "list"]),
        f.run(&["servers", "list", "--json"]),
        f.run(&["servers", "show", "main", "576965", "--json"]),
        f.run(&["accounts", "test", "closed"]),
        f.run(&["servers", "list", "--account", "closed"]),
    ];
    f.sandbox.set_faults(Provider::Vultr, Faults { fail_status: Some(500), ..Faults::default() });
    outputs.push(f.run(&["servers", "list", "--account", "main"]));
    outputs.push(f.run(&["servers", "reboot", "main", "576965"]));
    outputs.push(f.add_vultr("again", &f.vultr(), key(), &[]));
    f.sandbox.set_faults(Provider::Vultr, Faults { fail_status: Some(412), ..Faults::default() });
    outputs.push(f.run(&["servers", "start", "main", "576965"]));
    f.sandbox.set_faults(Provider::Vultr, Faults::default());
    assert!(outputs.iter().any(|o| !o.status.success()), "the failure paths ran");
    for o in &outputs {
        let all = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        assert!(!all.contains(key()), "secret in output: {all}");
    }
    let files = files_under(f.home.path());
    assert!(!files.is_empty(), "accounts.json was written");
    for p in files {
        let bytes = std::fs::read(&p).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(key()), "secret in {}", p.display());
    }
}

#[test]
fn one_list_over_five_providers() {
    let f = Fixture::new();
    for demo in vpsdesk_sandbox::demo_accounts() {
        f.add_verified(demo.provider, demo.provider.id());
    }
    let list = f.json(&["servers", "list", "--json"]);
    let servers = list.as_array().unwrap();
    let status_of = |provider: &str, id: &str| {
        servers
            .iter()
            .find(|s| s["provider"] == provider && s["id"] == id)
            .unwrap_or_else(|| panic!("{provider} server {id} missing"))["status"]
            .clone()
    };
    for p in ["vultr", "vpsnet", "vps247", "cloudsigma", "vpsorg"] {
        let of_p: Vec<_> = servers.iter().filter(|s| s["provider"] == p).collect();
        assert!(of_p.len() >= 4, "{p} has its demo fleet");
        for s in of_p {
            assert_eq!(s["account"], p);
            for field in ["id", "name", "status", "provider_status", "region", "plan"] {
                assert!(s[field].is_string(), "{p}: {field} in {s}");
            }
            assert!(s["ipv4"].is_array() && s["ipv6"].is_array());
            assert_ne!(s["status"], "unknown", "{p}: every seeded state maps: {s}");
        }
    }
    // One server per provider whose provider word differs from ours.
    assert_eq!(status_of("vultr", "8467214"), "suspended");
    assert_eq!(status_of("vpsnet", "1388"), "pending");
    assert_eq!(status_of("vps247", "92"), "stopped");
    assert_eq!(status_of("vpsorg", "12341"), "stopped");
    let paused = servers.iter().find(|s| s["provider"] == "cloudsigma" && s["name"] == "billing-hold").unwrap();
    assert_eq!(paused["status"], "suspended");

    // What a provider cannot do is refused before anything is sent.
    let before = f.sandbox.requests(Provider::Vps247).len();
    assert_error_line(&f.run(&["servers", "rename", "vps247", "90", "new-name"]), 1, "cannot rename");
    assert_error_line(&f.run(&["servers", "stop", "vpsorg", "12345", "--force"]), 1, "cannot force");
    assert_eq!(f.sandbox.requests(Provider::Vps247).len(), before);
    // CloudSigma sizes freely; left out, the size is a small default.
    let images = f.json(&["catalog", "cloudsigma", "images", "--json"]);
    let image = images[0]["id"].as_str().unwrap().to_string();
    let created = f.json(&["servers", "create", "cloudsigma", "--name", "default-size", "--image", &image, "--json"]);
    assert_eq!(created["name"], "default-size");
    let plan = created["plan"].as_str().unwrap();
    assert!(plan.contains("1000 MHz") && plan.contains("1024 MB"), "{plan}");

    // VPS247 deletes only halted servers, and says so.
    assert_error_line(&f.run(&["servers", "delete", "vps247", "90", "--yes"]), 1, "stop it first");
}
