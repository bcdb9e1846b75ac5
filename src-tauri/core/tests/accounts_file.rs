//! accounts.json as a person may leave it: edited by hand, or written by a
//! newer vpsdesk. An endpoint is checked every time it is used, before the
//! keychain is asked for the secret; a newer file is refused and never
//! changed by any write. Needs the keyring session, like the other keychain
//! tests.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use vpsdesk_core::accounts::AccountStore;
use vpsdesk_core::http::Http;
use vpsdesk_core::secret::{Keychain, Secret};
use vpsdesk_core::{AppService, ErrorKind};

mod common;
use common::unverified_vultr;

/// A loopback HTTP server that counts the connections it gets and answers
/// each with a 401.
fn counting_listener() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(b"HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        }
    });
    (port, seen)
}

fn write_accounts(path: &Path, accounts: &[(&str, &str, &str)]) {
    let accounts: Vec<_> = accounts
        .iter()
        .map(|(id, name, endpoint)| serde_json::json!({"id": id, "name": name, "provider": "vultr", "endpoint": endpoint}))
        .collect();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_vec(&serde_json::json!({"version": 1, "accounts": accounts})).unwrap())
        .unwrap();
}

#[tokio::test]
async fn a_hand_edited_endpoint_is_refused_before_the_secret_is_read_or_anything_sent() {
    let (port, seen) = counting_listener();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accounts.json");
    let listener = format!("127.0.0.1:{port}");
    let bad = [
        ("ep-path", "with path", format!("http://{listener}/v2")),
        ("ep-query", "with query", format!("http://{listener}/?api_key=x")),
        ("ep-fragment", "with fragment", format!("http://{listener}/#x")),
        ("ep-userinfo", "with credentials", format!("http://admin:pw-in-the-url@{listener}")),
        ("ep-remote", "work", "http://api.vultr.com".to_string()),
        ("ep-scheme", "other scheme", format!("ftp://{listener}")),
    ];
    let good = ("ep-good", "loopback", format!("http://{listener}"));
    let rows: Vec<_> = bad.iter().chain([&good]).map(|(id, name, e)| (*id, *name, e.as_str())).collect();
    write_accounts(&path, &rows);
    let service = "vpsdesk-test-endpoints";
    let keychain = Keychain::with_service(service);
    // The loopback ones have a secret: were the endpoint not checked, it would
    // reach the listener. The others have none: the endpoint error must come
    // first anyway, not "no secret".
    for (id, _, endpoint) in bad.iter().chain([&good]) {
        if endpoint.contains(&listener) {
            keychain.set(id, &Secret::new("key-that-must-stay-home")).unwrap();
        }
    }
    let service = AppService::new(AccountStore::at(&path), Keychain::with_service(service), Http::default());
    let (refused, accounts): (Vec<_>, Vec<_>) = service.accounts().unwrap().into_iter().partition(|a| a.id != good.0);
    assert_eq!(refused.len(), bad.len());

    for account in &refused {
        for e in [service.servers_of(account).await.unwrap_err(), service.test_account(account).await.unwrap_err()] {
            assert_eq!(e.kind, ErrorKind::Validation, "{}: {}", account.name, e.message);
            let named = format!("account '{}': endpoint: ", account.name);
            assert!(e.message.starts_with(&named), "{}", e.message);
            assert!(e.message.ends_with("; fix it in accounts.json or re-add the account"), "{}", e.message);
            assert!(!e.message.contains("pw-in-the-url"), "{}", e.message);
        }
    }
    let inventory = service.inventory(&refused).await;
    assert_eq!(inventory.errors.len(), refused.len());
    assert_eq!(seen.load(Ordering::SeqCst), 0, "nothing was sent for an endpoint that fails its checks");

    // The listener does count: plain http on loopback (the demo's sandbox) still connects.
    let e = service.test_account(&accounts[0]).await.unwrap_err();
    assert!(e.message.contains("HTTP 401"), "the listener's answer: {}", e.message);
    assert!(seen.load(Ordering::SeqCst) > 0);

    for (id, _, _) in bad.iter().chain([&good]) {
        keychain.delete(id).unwrap();
    }
}

/// The files in `dir` besides accounts.json and its lock.
fn others_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "accounts.json" && n != "accounts.json.lock")
        .collect()
}

#[tokio::test]
async fn a_newer_file_is_read_only_for_every_write() {
    let newer = [
        r#"{"version": 2, "accounts": [{"id": "n1", "name": "work", "provider": "vultr", "demo": true}], "profiles": []}"#,
        r#"{"version": 1, "accounts": [{"id": "n1", "name": "work", "provider": "vultr", "demo": true}, {"id": "n2", "name": "new", "provider": "hetzner"}]}"#,
    ];
    for text in newer {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.json");
        std::fs::write(&path, text).unwrap();
        let keychain = Keychain::with_service("vpsdesk-test-newer-file");
        let service = AppService::new(AccountStore::at(&path), keychain.clone(), Http::default());
        let new = unverified_vultr("added", "never-stored");
        let refusals = [
            service.load().unwrap_err(),
            service.add_account(new, false).await.unwrap_err(),
            service.rename_account("n1", "renamed").unwrap_err(),
            service.remove_account("n1").unwrap_err(),
            service.set_demo_endpoints(|_| Some("http://127.0.0.1:1".into())).unwrap_err(),
        ];
        for e in refusals {
            assert_eq!(e.kind, ErrorKind::Store, "{text}: {}", e.message);
            assert!(e.message.contains("written by a newer vpsdesk; upgrade"), "{text}: {}", e.message);
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "not one byte changed");
        assert_eq!(others_in(dir.path()), Vec::<String>::new(), "nothing set aside");
        assert!(service.accounts().unwrap_err().message.contains("written by a newer vpsdesk; upgrade"));
    }
}
