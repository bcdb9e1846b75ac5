//! The keychain is the real platform store: a secret written by one process
//! is read by another. (keyring's in-memory mock would fail this.) Needs a
//! Secret Service on the session bus, as `scripts/test.sh` provides.

use std::process::Command;

use vpsdesk_core::secret::{Keychain, Secret};

const SERVICE: &str = "vpsdesk-test-crossprocess";

#[test]
fn a_secret_written_by_one_process_is_read_by_another() {
    let account = "cross-process-account";
    if let Ok(value) = std::env::var("VPSDESK_KEYCHAIN_CHILD_WRITES") {
        Keychain::with_service(SERVICE).set(account, &Secret::new(value)).unwrap();
        return;
    }
    let value = format!("s3cret-{}", std::process::id());
    let status = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_secret_written_by_one_process_is_read_by_another", "--quiet"])
        .env("VPSDESK_KEYCHAIN_CHILD_WRITES", &value)
        .status()
        .unwrap();
    assert!(status.success(), "the writer process failed");
    let keychain = Keychain::with_service(SERVICE);
    let back = keychain.get(account).expect("the other process's secret is in the keychain");
    assert_eq!(back.expose(), value);
    keychain.delete(account).unwrap();
    assert!(keychain.get(account).is_err(), "deleted entries are gone");
}

#[test]
fn the_startup_probe_passes_on_a_working_keychain() {
    Keychain::with_service(SERVICE).probe().unwrap();
}
