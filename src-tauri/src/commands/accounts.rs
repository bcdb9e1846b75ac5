use vpsdesk_core::providers::{self, ProviderInfo};
use vpsdesk_core::{AccountView, NewAccount};

use super::AccountRef;
use crate::state::AppStatus;

ipc! {
    async fn app_status(state) -> AppStatus {
        Ok(state.status().await)
    }

    async fn providers(state) -> Vec<ProviderInfo> {
        let _ = state;
        Ok(providers::supported())
    }

    async fn list_accounts(state) -> Vec<AccountView> {
        state.service.account_views()
    }

    /// The secret arrives here once and goes to the keychain; it is never sent back.
    async fn add_account(state, input: NewAccount) -> AccountView {
        let account = state.service.add_account(input, false).await?;
        Ok(state.service.view(&account))
    }

    async fn test_account(state, account_id: AccountRef) -> () = test_account;

    async fn rename_account(state, account_id: String, name: String) -> AccountView {
        let account = state.service.rename_account(&account_id, &name)?;
        Ok(state.service.view(&account))
    }

    async fn remove_account(state, account_id: String) -> () {
        state.service.remove_account(&account_id)
    }

    async fn start_demo(state) -> Vec<AccountView> {
        state.start_demo().await?;
        state.service.account_views()
    }
}
