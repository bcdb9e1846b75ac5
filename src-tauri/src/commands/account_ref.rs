//! The account a command acts on, resolved from its `account_id` argument
//! before the command body runs, so no command looks it up by hand.

use std::ops::Deref;

use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::{Manager, Runtime};
use ts_rs::TS;
use vpsdesk_core::accounts::Account;
use vpsdesk_core::AppService;

use crate::state::AppState;

/// The webview sends a plain string (an account's id, or its name as people
/// type it); the binding stays `account_id: string`. An unknown account is
/// refused with the core's `not_found` error naming the accounts there are,
/// the same answer the command used to give from its own lookup.
pub struct AccountRef(Account);

impl TS for AccountRef {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &ts_rs::Config) -> String {
        String::name(cfg)
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        String::inline(cfg)
    }
}

impl Deref for AccountRef {
    type Target = Account;

    fn deref(&self) -> &Account {
        &self.0
    }
}

impl AccountRef {
    fn resolve(service: &AppService, name_or_id: &str) -> Result<AccountRef, InvokeError> {
        service.find(name_or_id).map(AccountRef).map_err(InvokeError::from)
    }
}

impl<'de, R: Runtime> CommandArg<'de, R> for AccountRef {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let (name, webview) = (command.name, command.message.webview_ref());
        // Deserialized as a `String` argument is, so a missing or non-string
        // `account_id` is refused with Tauri's usual invalid-argument error.
        let name_or_id = String::from_command(command)?;
        let state = webview
            .try_state::<AppState>()
            .ok_or_else(|| InvokeError::from(format!("command {name} ran before the app state was set up")))?;
        AccountRef::resolve(&state.service, &name_or_id)
    }
}

#[cfg(test)]
mod tests {
    use vpsdesk_core::accounts::{Account, AccountStore};
    use vpsdesk_core::http::Http;
    use vpsdesk_core::model::ProviderKind;
    use vpsdesk_core::secret::Keychain;
    use vpsdesk_core::AppService;

    use super::AccountRef;

    /// A service over its own accounts file holding one account, "Work".
    fn service(test: &str) -> AppService {
        let dir = std::env::temp_dir().join(format!("vpsdesk-account-ref-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = AccountStore::at(dir.join("accounts.json"));
        store
            .update(|accounts| {
                accounts.clear();
                accounts.push(Account {
                    id: "acc-1".into(),
                    name: "Work".into(),
                    provider: ProviderKind::Vultr,
                    endpoint: None,
                    username: None,
                    region: None,
                    demo: false,
                });
                Ok(())
            })
            .unwrap();
        AppService::new(store, Keychain::default(), Http::default())
    }

    #[test]
    fn an_account_is_found_by_its_id_or_by_the_name_people_type() {
        let service = service("found");
        assert_eq!(AccountRef::resolve(&service, "acc-1").unwrap().name, "Work");
        assert_eq!(AccountRef::resolve(&service, "work").unwrap().id, "acc-1");
    }

    #[test]
    fn an_unknown_account_is_refused_with_the_cores_not_found_error() {
        let service = service("unknown");
        let refused = AccountRef::resolve(&service, "nope").err().expect("no account named nope");
        assert_eq!(refused.0["kind"], "not_found");
        assert_eq!(refused.0, serde_json::to_value(service.find("nope").unwrap_err()).unwrap());
        assert!(refused.0["message"].as_str().unwrap().contains("accounts: Work"), "{}", refused.0);
    }

    #[test]
    fn the_binding_is_a_plain_string() {
        assert_eq!(<AccountRef as ts_rs::TS>::name(&ts_rs::Config::new()), "string");
    }
}
