//! `--provider` takes its values from the core's registry: a registered
//! provider is offered and accepted by vpsctl without touching the CLI.

mod support;

use support::{assert_error_line, stderr, stdout, Fixture};
use vpsdesk_core::providers::REGISTRY;

#[test]
fn accounts_add_help_lists_every_registered_provider() {
    let f = Fixture::new();
    let out = f.run(&["accounts", "add", "--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let help = stdout(&out);
    for d in &REGISTRY {
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("- {}:", d.id())))
            .unwrap_or_else(|| panic!("{} is not offered: {help}", d.id()));
        assert!(line.contains(d.label), "{line}");
        assert!(line.contains(d.secret_label), "{line}");
    }
}

#[test]
fn an_unknown_provider_is_refused_with_every_registered_id() {
    let f = Fixture::new();
    for bad in ["nope", "", "vultr\u{1}"] {
        let out = f.run_with(&["accounts", "add", "--provider", bad, "--name", "n"], "k\n");
        assert_error_line(&out, 2, "unknown provider");
        for d in &REGISTRY {
            assert!(stderr(&out).contains(d.id()), "{} missing from {}", d.id(), stderr(&out));
        }
    }
    assert_eq!(f.all_requests(), 0, "nothing reached a provider");
}
