//! Removing an account through the `AppService` (the path the app's
//! `remove_account` command takes) deletes its keychain entry, not just its
//! metadata. Needs the keyring session, like the other keychain tests.

use vpsdesk_core::accounts::AccountStore;
use vpsdesk_core::http::Http;
use vpsdesk_core::secret::Keychain;
use vpsdesk_core::{AppService, ErrorKind};

mod common;
use common::unverified_vultr;

#[tokio::test]
async fn removing_an_account_removes_its_keychain_entry() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = || Keychain::with_service("vpsdesk-test-remove");
    let service = AppService::new(AccountStore::at(dir.path().join("accounts.json")), keychain(), Http::default());
    let new = unverified_vultr("to remove", "hunter2-very-secret");
    let account = service.add_account(new, false).await.unwrap();
    assert_eq!(keychain().get(&account.id).unwrap().expose(), "hunter2-very-secret");

    service.remove_account(&account.id).unwrap();
    assert!(service.accounts().unwrap().is_empty());
    let gone = keychain().get(&account.id).unwrap_err();
    assert_eq!(gone.kind, ErrorKind::Keychain, "{}", gone.message);
    let again = service.remove_account(&account.id).unwrap_err();
    assert_eq!(again.kind, ErrorKind::NotFound);
}
