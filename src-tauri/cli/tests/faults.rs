//! Representative cells of the fault matrix (docs/faults.md) through the real
//! binary: the `error:` line a user reads, the exit code, the other accounts'
//! rows still printed, a read retried and a create sent once.

mod support;

use support::{demo, stderr, Fixture};
use vpsdesk_sandbox::{Faults, Provider};

/// vpsctl gives up after 2 s, the time the timeout messages below name.
fn five() -> Fixture {
    let f = Fixture::new().http_timeout(2);
    for (p, name) in [
        (Provider::Vultr, "vultr"),
        (Provider::Vpsnet, "vpsnet"),
        (Provider::Vps247, "vps247"),
        (Provider::Cloudsigma, "cloudsigma"),
        (Provider::Vpsorg, "vpsorg"),
    ] {
        f.add(p, name);
    }
    f
}

/// `servers list --json` with one provider faulted: the four others' rows on
/// stdout, one `error: NAME: …` line, exit 1.
fn list_with(f: &Fixture, faulted: Provider, faults: Faults, needle: &str) -> usize {
    f.sandbox.set_faults(faulted, faults);
    let before = f.sandbox.requests(faulted).len();
    let out = f.run(&["servers", "list", "--json"]);
    let sent = f.sandbox.requests(faulted).len() - before;
    f.sandbox.set_faults(faulted, Faults::default());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let accounts: std::collections::BTreeSet<&str> =
        rows.as_array().unwrap().iter().map(|s| s["account"].as_str().unwrap()).collect();
    assert_eq!(accounts.len(), 4, "the four healthy accounts are listed: {accounts:?}");
    assert!(!accounts.contains(faulted.id()));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with(&format!("error: {}: ", faulted.id())), "{err}");
    assert!(lines[0].contains(needle), "{needle:?} not in {err}");
    assert!(!err.contains('<'), "no markup: {err}");
    for p in Provider::ALL {
        assert!(!err.contains(demo(p).secret));
    }
    sent
}

#[test]
fn one_faulted_provider_among_five() {
    let f = five();
    let html = Faults { fail_status: Some(502), html_error: true, ..Faults::default() };
    assert_eq!(list_with(&f, Provider::Vpsnet, html, "temporarily unavailable (HTTP 502)"), 4, "read retried 3 times");
    let reset = Faults { reset: true, ..Faults::default() };
    assert_eq!(list_with(&f, Provider::Vultr, reset, "broke off"), 4, "read retried 3 times");
    let e500 = Faults { fail_status: Some(500), ..Faults::default() };
    assert_eq!(list_with(&f, Provider::Vps247, e500, "HTTP 500"), 1, "a 500 is not retried");
    let hang = Faults { hang: true, ..Faults::default() };
    assert_eq!(list_with(&f, Provider::Vpsorg, hang, "did not answer within 2 s"), 1, "a timeout is not retried");
    let drip = Faults { drip_ms: Some(100), ..Faults::default() };
    assert_eq!(list_with(&f, Provider::Cloudsigma, drip, "did not answer within 2 s"), 1);
}

#[test]
fn a_create_is_sent_once_through_a_reset() {
    let f = five();
    let count = |f: &Fixture| {
        let out = f.run(&["servers", "list", "--account", "vultr", "--json"]);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap().as_array().unwrap().len()
    };
    let first = |what: &str, extra: &[&str]| {
        let mut args = vec!["catalog", "vultr", what, "--json"];
        args.extend_from_slice(extra);
        let out = f.run(&args);
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        list[0]["id"].as_str().unwrap().to_string()
    };
    let region = first("regions", &[]);
    let plan = first("plans", &["--region", &region]);
    let image = first("images", &[]);
    let before = count(&f);
    f.sandbox.set_faults(Provider::Vultr, Faults { reset: true, ..Faults::default() });
    let from = f.sandbox.requests(Provider::Vultr).len();
    let out = f.run(&[
        "servers", "create", "vultr", "--name", "once", "--plan", &plan, "--image", &image, "--region", &region,
    ]);
    let posts = f.sandbox.requests(Provider::Vultr)[from..].iter().filter(|r| r.method == "POST").count();
    f.sandbox.set_faults(Provider::Vultr, Faults::default());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: "), "{}", stderr(&out));
    assert_eq!(posts, 1, "the create was sent once");
    assert_eq!(count(&f), before, "no server was created");
}
