//! Provider text reaches the terminal without control sequences in the human
//! format, and exactly as the provider sent it with `--json`. The hostile
//! text goes into the sandbox through the providers' own APIs: a server
//! renamed over Vultr's `label_set`, a ticket opened with vpsctl.

mod support;

use serde_json::Value;
use support::{demo, Fixture};
use vpsdesk_sandbox::Provider;

/// Retitles the window, clears the screen, sets the clipboard and colours
/// red with the one-character CSI; shown as `web-01!`.
const NAME: &str = "web\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{1b}\\-01\u{9b}31m\u{8}!";
const BODY: &str = "first line\u{1b}[2J\r\n\tsecond\u{1b}]0;pwned\u{7} line\u{1b}[8mhidden\n";

/// No character a terminal acts on other than newline and tab.
fn assert_inert(what: &str, shown: &str) {
    let bad: Vec<char> = shown.chars().filter(|c| c.is_control() && *c != '\n' && *c != '\t').collect();
    assert!(bad.is_empty(), "{what} printed control characters {bad:?}: {shown:?}");
}

#[test]
fn a_server_name_prints_without_control_sequences_but_json_keeps_it() {
    let f = Fixture::new();
    f.add(Provider::Vultr, "main");
    let vultr = f.sandbox.endpoint(Provider::Vultr).unwrap();
    let renamed = f.rt.block_on(async {
        reqwest::Client::new()
            .post(format!("{vultr}/v1/server/label_set"))
            .query(&[("api_key", demo(Provider::Vultr).secret)])
            .form(&[("SUBID", "576965"), ("label", NAME)])
            .send()
            .await
            .unwrap()
            .status()
    });
    assert!(renamed.is_success(), "{renamed}");

    for args in [&["servers", "list"][..], &["servers", "show", "main", "576965"]] {
        let shown = f.ok(args);
        assert_inert(&format!("{args:?}"), &shown);
        assert!(shown.contains("web-01!"), "{args:?} shows the readable part: {shown}");
        assert!(!shown.contains("pwned") && !shown.contains("ZXZpbA"), "{args:?} shows no payload: {shown}");
    }

    let raw = f.ok(&["servers", "show", "main", "576965", "--json"]);
    let parsed: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(parsed["name"], NAME, "--json carries the provider's text exactly");
    assert_eq!(
        raw,
        format!("{}\n", serde_json::to_string_pretty(&parsed).unwrap()),
        "--json is serde's output, unfiltered"
    );
    let listed: Value = serde_json::from_str(&f.ok(&["servers", "list", "--json"])).unwrap();
    assert!(listed.as_array().unwrap().iter().any(|s| s["name"] == NAME));
}

#[test]
fn a_ticket_body_keeps_its_lines_but_loses_control_sequences() {
    let f = Fixture::new();
    f.add(Provider::Vpsnet, "vpsnet");
    let opened: Value = serde_json::from_str(
        &f.ok_with(&["tickets", "open", "vpsnet", "--subject", "Web01 is down", "--department", "1", "--json"], BODY),
    )
    .unwrap();
    let id = opened["id"].as_str().unwrap().to_string();

    let shown = f.ok(&["tickets", "show", "vpsnet", &id]);
    assert_inert("tickets show", &shown);
    for part in ["first line", "second line", "hidden"] {
        assert!(shown.contains(part), "{part:?} is shown: {shown}");
    }
    assert!(!shown.contains("pwned"), "{shown}");
    let first = shown.lines().position(|l| l.contains("first line")).unwrap();
    assert!(shown.lines().nth(first + 1).unwrap().contains("second line"), "the body keeps its line break: {shown}");

    let thread: Value = serde_json::from_str(&f.ok(&["tickets", "show", "vpsnet", &id, "--json"])).unwrap();
    let bodies: Vec<&str> = thread["messages"].as_array().unwrap().iter().filter_map(|m| m["body"].as_str()).collect();
    assert!(bodies.iter().any(|b| b.contains("\u{1b}]0;pwned\u{7}")), "--json keeps the provider's text: {bodies:?}");
}
