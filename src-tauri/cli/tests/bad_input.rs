//! Every vpsctl argument a user types, with wrong types, empty values, huge
//! values, unicode look-alikes and control characters (all but NUL, which no
//! argv can carry): each is refused with
//! a clear `error:` line before any request reaches any simulator.
//!
//! "Huge" is 100 KB: Linux refuses a single argument over 128 KiB before
//! vpsctl even starts; stdin-borne text (ticket messages) is tried at 1 MB.

mod support;

use support::{stderr, Fixture};
use vpsdesk_sandbox::Provider;

struct Case {
    args: Vec<String>,
    stdin: Option<String>,
    /// 1 for a validation error, 2 for a usage error clap catches.
    code: i32,
    /// Words the message must hold (lowercase).
    says: &'static str,
}

fn case(args: &[&str], code: i32, says: &'static str) -> Case {
    Case { args: args.iter().map(|s| s.to_string()).collect(), stdin: None, code, says }
}

fn with_stdin(mut c: Case, stdin: impl Into<String>) -> Case {
    c.stdin = Some(stdin.into());
    c
}

fn add<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec!["accounts", "add", "--provider", "vultr", "--no-verify"];
    a.extend_from_slice(extra);
    if !extra.contains(&"--endpoint") {
        a.extend(["--endpoint", "http://127.0.0.1:9"]);
    }
    a
}

fn cases() -> Vec<Case> {
    let huge = "x".repeat(100_000);
    let huge_num = "9".repeat(100_000);
    let h = huge.as_str();
    let n = huge_num.as_str();
    let k = "KEY\n";
    vec![
        // accounts
        with_stdin(case(&add(&["--name", ""]), 1, "name"), k),
        with_stdin(case(&add(&["--name", h]), 1, "64 characters"), k),
        with_stdin(case(&add(&["--name", "a\tb"]), 1, "control characters"), k),
        with_stdin(case(&add(&["--name", "\u{1b}[31mred"]), 1, "control characters"), k),
        with_stdin(case(&add(&["--name", "ok", "--endpoint", "javascript:alert(1)"]), 1, "endpoint"), k),
        with_stdin(case(&add(&["--name", "ok", "--endpoint", "http://example.com"]), 1, "https"), k),
        with_stdin(case(&add(&["--name", "ok", "--endpoint", &format!("https://{h}.com")]), 1, "endpoint"), k),
        with_stdin(case(&add(&["--name", "ok", "--endpoint", "https://аpi.vultr.com\u{85}"]), 1, "endpoint"), k),
        with_stdin(case(&add(&["--name", "ok"]), 1, "secret"), "\n"),
        with_stdin(case(&add(&["--name", "ok"]), 1, "secret"), format!("{h}\u{7}\n")),
        with_stdin(case(&["accounts", "add", "--provider", "", "--name", "ok"], 2, "unknown provider"), k),
        with_stdin(case(&["accounts", "add", "--provider", "vultr\u{1}", "--name", "ok"], 2, "unknown provider"), k),
        case(&["accounts", "remove", ""], 1, "no account"),
        case(&["accounts", "test", h], 1, "no account"),
        // servers
        case(&["servers", "show", "main", ""], 1, "id"),
        case(&["servers", "show", "main", "abc"], 1, "numbers"),
        case(&["servers", "show", "main", n], 1, "id"),
        case(&["servers", "show", "main", "1/../2"], 1, "id"),
        case(&["servers", "show", "main", "1\n2"], 1, "id"),
        case(&["servers", "reboot", "main", "١٢٣"], 1, "id"),
        case(&["servers", "rename", "main", "576965", ""], 1, "name"),
        case(&["servers", "rename", "main", "576965", h], 1, "64 characters"),
        case(&["servers", "rename", "main", "576965", "web\u{1}01"], 1, "control"),
        case(&["servers", "rename", "main", "576965", "line\nbreak"], 1, "control"),
        case(
            &["servers", "create", "main", "--name", "", "--plan", "201", "--image", "387", "--region", "1"],
            1,
            "name",
        ),
        case(
            &["servers", "create", "main", "--name", "a\u{7f}", "--plan", "201", "--image", "387", "--region", "1"],
            1,
            "control",
        ),
        case(&["servers", "create", "main", "--name", "x", "--plan", "201", "--image", "387"], 1, "region"),
        case(&["servers", "create", "main", "--name", "x", "--cpu", "abc"], 2, "invalid value"),
        case(&["servers", "create", "main", "--name", "x", "--mem", "-5"], 2, "unexpected argument"),
        case(&["servers", "create", "main", "--name", "x", "--mem", "99999999999"], 2, "invalid value"),
        case(&["servers", "list", "--account", "\u{1b}]0;pwned\u{7}"], 1, "no account"),
        // catalog
        case(&["catalog", "main", "flavors"], 2, "invalid value"),
        case(&["catalog", "main", "plans", "--region", "\u{1}"], 1, "region"),
        case(&["catalog", "main", "plans", "--region", h], 1, "region"),
        // billing
        case(&["billing", "invoices", ""], 1, "no account"),
        case(&["billing", "invoice-pdf", "net", "", "--output", "/tmp/x.pdf"], 1, "invoice"),
        case(&["billing", "invoice-pdf", "net", "../../etc/passwd", "--output", "/tmp/x.pdf"], 1, "invoice"),
        case(&["billing", "invoice-pdf", "net", n, "--output", "/tmp/x.pdf"], 1, "invoice"),
        // tickets
        case(&["tickets", "show", "net", ""], 1, "ticket"),
        case(&["tickets", "show", "net", "abc"], 1, "ticket"),
        with_stdin(case(&["tickets", "open", "net", "--subject", "", "--department", "Sales"], 1, "subject"), "help\n"),
        with_stdin(case(&["tickets", "open", "net", "--subject", h, "--department", "Sales"], 1, "subject"), "help\n"),
        with_stdin(case(&["tickets", "open", "net", "--subject", "ok", "--department", "Sales"], 1, "message"), ""),
        with_stdin(
            case(&["tickets", "open", "net", "--subject", "ok", "--department", "Sales"], 1, "message"),
            "m".repeat(1 << 20),
        ),
        with_stdin(
            case(&["tickets", "open", "net", "--subject", "ok", "--department", "\u{1b}"], 1, "department"),
            "help\n",
        ),
        // dns
        case(&["dns", "records", "net", ""], 1, "zone"),
        case(
            &["dns", "add", "net", "demodomain.com", "--type", "A", "--host", "www", "--data", "not-an-ip"],
            1,
            "data",
        ),
        case(
            &[
                "dns",
                "add",
                "net",
                "demodomain.com",
                "--type",
                "A",
                "--host",
                "www",
                "--data",
                "1.2.3.4",
                "--ttl",
                "abc",
            ],
            2,
            "invalid value",
        ),
        case(
            &["dns", "add", "net", "demodomain.com", "--type", "A", "--host", "www", "--data", "1.2.3.4", "--ttl", "0"],
            1,
            "ttl",
        ),
        case(&["dns", "add", "net", "demodomain.com", "--type", "A", "--host", h, "--data", "1.2.3.4"], 1, "host"),
        case(
            &["dns", "add", "net", "demodomain.com", "--type", "TXT", "--host", "www", "--data", "a\u{1}b"],
            1,
            "data",
        ),
        case(&["dns", "add", "net", "demodomain.com", "--type", "BOGUS", "--host", "www", "--data", "x"], 1, "type"),
        case(&["dns", "create-zone", "net", ""], 1, "name"),
        case(&["dns", "create-zone", "net", "bad domain\u{1}.com"], 1, "name"),
        // extras
        case(
            &["sshkeys", "create", "main", "--name", "", "--public-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0 a@b"],
            1,
            "name",
        ),
        case(&["sshkeys", "create", "main", "--name", "k", "--public-key", "not a key"], 1, "key"),
        case(&["sshkeys", "create", "main", "--name", "k", "--public-key", h], 1, "key"),
        case(&["snapshots", "create", "main", ""], 1, "server"),
        case(&["snapshots", "create", "main", "576965", "--description", h], 1, "description"),
        case(&["servers", "reverse-set", "main", "576965", "999.1.1.1", "x.example.com"], 1, "ip"),
        case(&["servers", "reverse-set", "main", "576965", "203.0.113.10", "bad\u{1}name"], 1, "entry"),
        case(&["servers", "reverse-set", "main", "576965", "203.0.113.10", h], 1, "entry"),
    ]
}

#[test]
fn every_bad_argument_is_refused_before_any_request() {
    let f = Fixture::new();
    f.add(Provider::Vultr, "main");
    f.add(Provider::Vpsnet, "net");
    let before = f.all_requests();
    let mut slipped = Vec::new();
    for c in cases() {
        let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
        let mut cmd = f.cmd(&args);
        if let Some(input) = &c.stdin {
            cmd.write_stdin(input.clone());
        }
        let out = cmd.output().unwrap();
        let err = stderr(&out);
        let shown: Vec<String> = c.args.iter().map(|a| a.chars().take(40).collect()).collect();
        let ok = out.status.code() == Some(c.code)
            && err.starts_with("error:")
            && err.to_lowercase().contains(c.says)
            && out.stdout.is_empty()
            && err.len() < 2_000;
        if !ok {
            let e: String = err.chars().take(300).collect();
            slipped.push(format!("{shown:?}: exit {:?}, stderr {e:?}", out.status.code()));
        }
        let now = f.all_requests();
        if now != before {
            slipped.push(format!("{shown:?} sent {} request(s)", now - before));
            break;
        }
    }
    assert!(slipped.is_empty(), "{} case(s) slipped through:\n{}", slipped.len(), slipped.join("\n"));
}
