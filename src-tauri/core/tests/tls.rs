//! TLS only, except loopback: every origin vpsdesk talks to by default is
//! https, and no account can be pointed at plain http beyond this machine.

use vpsdesk_core::accounts::{validate_endpoint, Account};
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::providers;
use vpsdesk_core::ErrorKind;

fn account(provider: ProviderKind, region: Option<&str>) -> Account {
    Account {
        id: "tls".into(),
        name: "tls".into(),
        provider,
        endpoint: None,
        username: None,
        region: region.map(str::to_string),
        demo: false,
    }
}

#[test]
fn every_default_endpoint_is_https() {
    for kind in ProviderKind::ALL {
        let info = providers::info(kind);
        assert!(info.default_endpoint.starts_with("https://"), "{kind}: {}", info.default_endpoint);
        assert_eq!(validate_endpoint(&info.default_endpoint).unwrap(), info.default_endpoint.trim_end_matches('/'));
        let mut regions: Vec<Option<String>> = info.regions.iter().map(|r| Some(r.id.clone())).collect();
        regions.push(None);
        for region in regions {
            let origin = providers::endpoint_of(&account(kind, region.as_deref())).unwrap();
            assert!(origin.starts_with("https://"), "{kind} {region:?}: {origin}");
        }
    }
}

#[test]
fn plain_http_only_on_loopback() {
    for ok in ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"] {
        assert!(validate_endpoint(ok).is_ok(), "{ok}");
    }
    for bad in
        ["http://api.vultr.com", "http://10.0.0.1", "http://127.0.0.1.nip.io", "ftp://api.vultr.com", "ws://localhost"]
    {
        let e = validate_endpoint(bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Validation, "{bad}");
        assert_eq!(e.fields[0].field, "endpoint");
    }
}

#[test]
fn look_alike_control_and_oversized_hosts_are_refused() {
    let long_label = format!("https://{}.example.com", "a".repeat(64));
    let long_name = format!("https://{}example.com", "abcdefghi.".repeat(26));
    for bad in [
        "https://аpi.vultr.com",
        "https://api.vul\u{85}tr.com",
        "https://api.\u{1b}vultr.com",
        "https://api vultr.com",
        &long_label,
        &long_name,
    ] {
        let e = validate_endpoint(bad).unwrap_err();
        assert_eq!(e.fields[0].field, "endpoint", "{bad:?}");
    }
    assert!(validate_endpoint("https://xn--pi-7kc.example.com").is_ok(), "the punycode form is accepted");
}
