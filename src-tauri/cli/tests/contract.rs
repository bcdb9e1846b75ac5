//! shared/CLI.md rules the other vpsctl suites leave out: the store's home
//! fallback, the secret's first line, account fields that must not be
//! accepted as typed, provider text echoing Basic credentials, account errors
//! named once, usage errors on one line, and what empty or failed lists print.

mod support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Output;

use serde_json::{json, Value};
use support::{assert_error_line, demo, stderr, stdout, Fixture};
use vpsdesk_core::secret::{basic_credentials, Keychain, Secret};
use vpsdesk_sandbox::Provider;

/// `accounts add` as a user types it, `stdin` piped in.
fn add(f: &Fixture, provider: &str, name: &str, extra: &[&str], stdin: &str) -> Output {
    let mut args = vec!["accounts", "add", "--provider", provider, "--name", name];
    args.extend_from_slice(extra);
    f.run_with(&args, stdin)
}

fn accounts(f: &Fixture) -> Vec<Value> {
    f.json(&["accounts", "list"]).as_array().unwrap().clone()
}

/// A provider that answers every request with a 500 whose text repeats the
/// request's `Authorization` header, as a debugging proxy might.
fn echoing_provider() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let mut conn = conn;
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && conn.read(&mut byte).map(|n| n == 1).unwrap_or(false) {
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head);
            let auth = head
                .lines()
                .find_map(|l| {
                    l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("authorization")).map(|(_, v)| v.trim())
                })
                .unwrap_or("none");
            let body = format!("request denied for Authorization: {auth}");
            let _ = write!(
                conn,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    origin
}

#[test]
fn the_store_falls_back_to_dot_config_and_the_secret_is_the_first_line() {
    let f = Fixture::new();
    let vultr = f.sandbox.endpoint(Provider::Vultr).unwrap();
    // Verified against the simulator: only the first line is the key.
    let out =
        add(&f, "vultr", "main", &["--endpoint", &vultr], &format!("{}\nnot-the-key\n", demo(Provider::Vultr).secret));
    assert!(out.status.success(), "{}", stderr(&out));
    f.ok(&["accounts", "remove", "main"]);

    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &str| {
        f.cmd(args)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DATA_HOME")
            .env("HOME", home.path())
            .write_stdin(stdin.to_string())
            .output()
            .unwrap()
    };
    let out = run(
        &["accounts", "add", "--provider", "vultr", "--name", "homed", "--endpoint", &vultr, "--no-verify"],
        "KEY-in-home-1234\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let file = home.path().join(".config/vpsdesk/accounts.json");
    let saved = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    assert!(saved.contains("homed") && !saved.contains("KEY-in-home-1234"), "{saved}");
    let xdg = std::fs::read_to_string(f.accounts_file()).unwrap();
    assert!(!xdg.contains("homed"), "not in the XDG store of the variables that were unset: {xdg}");
    assert!(run(&["accounts", "remove", "homed"], "").status.success());
}

#[test]
fn plain_http_only_on_loopback_and_account_fields_checked_as_typed() {
    let f = Fixture::new();
    for (name, endpoint) in [("lo8", "http://127.5.5.5:8"), ("lo6", "http://[::1]:9"), ("lohost", "http://LOCALHOST:3")]
    {
        let out = add(&f, "vultr", name, &["--endpoint", endpoint, "--no-verify"], "KEY-1234\n");
        assert!(out.status.success(), "{endpoint}: {}", stderr(&out));
        f.ok(&["accounts", "remove", name]);
    }
    for endpoint in ["http://localhost.example.com", "http://127.0.0.1.nip.io", "http://0.0.0.0:1"] {
        assert_error_line(
            &add(&f, "vultr", "x", &["--endpoint", endpoint, "--no-verify"], "KEY-1234\n"),
            1,
            "https://",
        );
    }

    // VPS.NET and CloudSigma sign in with the account email.
    for provider in ["vpsnet", "cloudsigma"] {
        let out = add(&f, provider, "mail", &["--username", "admin", "--no-verify"], "KEY-1234\n");
        assert_error_line(&out, 1, "email");
    }
    // An account region only means something for CloudSigma.
    let out = add(
        &f,
        "vultr",
        "stray",
        &["--region", "zrh", "--endpoint", "http://127.0.0.1:9", "--no-verify"],
        "KEY-1234\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = accounts(&f);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].get("region").is_none(), "{}", listed[0]);
    f.ok(&["accounts", "remove", "stray"]);
}

#[test]
fn basic_credentials_echoed_by_a_provider_are_redacted() {
    let f = Fixture::new();
    let origin = echoing_provider();
    let (user, key) = ("someone@example.com", "PASSWORD-never-shown-42");
    let token = basic_credentials(user, &Secret::new(key)).expose().to_string();
    for provider in ["vpsnet", "cloudsigma"] {
        let out = add(&f, provider, "echo", &["--endpoint", &origin, "--username", user], &format!("{key}\n"));
        assert_error_line(&out, 1, "request denied for Authorization: Basic <redacted>");
        let err = stderr(&out);
        assert!(!err.contains(&token) && !err.contains(key), "{err}");
    }
    assert_eq!(accounts(&f), Vec::<Value>::new(), "nothing saved");
}

#[test]
fn a_lost_keychain_entry_names_the_account_once() {
    let f = Fixture::new();
    f.add(Provider::Vultr, "main");
    f.add(Provider::Vpsnet, "net");
    let id = accounts(&f).iter().find(|a| a["name"] == "main").unwrap()["id"].as_str().unwrap().to_string();
    Keychain::default().delete(&id).unwrap();

    for args in [&["servers", "list", "--json"][..], &["billing", "balance", "--json"]] {
        let out = f.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(rows.as_array().unwrap().iter().all(|r| r["account"] == "net") && rows != json!([]), "{rows}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: main: the OS keychain has no secret"), "named once: {err}");
    }
}

#[test]
fn empty_lists_are_empty_json_arrays() {
    let f = Fixture::new();
    assert_eq!(f.json(&["accounts", "list"]), json!([]));
    assert_eq!(f.json(&["servers", "list"]), json!([]));
    f.add(Provider::Vps247, "nobalance");
    assert_eq!(f.json(&["servers", "list", "--status", "suspended"]), json!([]));
    assert_eq!(f.json(&["billing", "balance"]), json!([]), "VPS247 reports no balance");
}

#[test]
fn empty_lists_say_so_in_a_line() {
    let f = Fixture::new();
    let one_line = |args: &[&str]| {
        let out = f.ok(args);
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "vpsctl {args:?} printed:\n{out}");
        assert!(!out.contains('─') && !out.contains('│'), "a line, not an empty table: {out}");
    };
    one_line(&["accounts", "list"]);
    one_line(&["servers", "list"]);
    f.add(Provider::Vps247, "nobalance");
    one_line(&["servers", "list", "--status", "suspended"]);
    one_line(&["billing", "balance"]);
}

#[test]
fn usage_errors_are_one_error_line_and_exit_2() {
    let f = Fixture::new();
    for args in [
        &["servers", "show", "main"][..],
        &["servers", "frobnicate"],
        &["servers", "list", "--bogus"],
        &["billing", "invoice-pdf", "main", "1"],
        &["accounts", "add", "--name", "x"],
        &[],
    ] {
        f.fails(args, 2);
    }
}

#[test]
fn servers_list_prints_nothing_on_stdout_when_no_account_answered() {
    let f = Fixture::new();
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out =
        add(&f, "vultr", "gone", &["--endpoint", &format!("http://127.0.0.1:{closed}"), "--no-verify"], "KEY-1234\n");
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [&["servers", "list", "--account", "gone"][..], &["servers", "list", "--json"]] {
        let out = f.run(args);
        assert_error_line(&out, 1, "gone: cannot reach");
        assert!(stdout(&out).is_empty());
    }
    f.ok(&["accounts", "remove", "gone"]);
}

#[test]
fn dns_edit_without_a_change_is_a_usage_error_and_sends_nothing() {
    let f = Fixture::new();
    f.add(Provider::Vpsnet, "net");
    let records = f.json(&["dns", "records", "net", "demodomain.com"]);
    let id = records.as_array().unwrap().iter().find(|r| r["type"] == "A").unwrap()["id"].as_str().unwrap().to_string();
    let before = f.sandbox.requests(Provider::Vpsnet).len();
    f.fails(&["dns", "edit", "net", "demodomain.com", &id], 2);
    assert_eq!(f.sandbox.requests(Provider::Vpsnet).len(), before, "nothing sent");
}

#[test]
fn json_and_yes_are_accepted_before_or_after_the_command_name() {
    let f = Fixture::new();
    f.add(Provider::Vpsnet, "net");
    let listed = f.json(&["accounts", "list"]);
    for args in [&["--json", "accounts", "list"][..], &["accounts", "--json", "list"]] {
        assert_eq!(serde_json::from_str::<Value>(&f.ok(args)).unwrap(), listed, "vpsctl {args:?}");
    }
    let records = f.json(&["dns", "records", "net", "demodomain.com"]);
    let id = records.as_array().unwrap().iter().find(|r| r["type"] == "A").unwrap()["id"].as_str().unwrap().to_string();
    f.needs_yes(&["dns", "delete", "net", "demodomain.com", &id]);
    f.ok(&["--yes", "dns", "delete", "net", "demodomain.com", &id]);
    let left = f.json(&["--json", "dns", "records", "net", "demodomain.com"]);
    assert!(left.as_array().unwrap().iter().all(|r| r["id"] != id.as_str()), "record {id} is still there: {left}");
}
