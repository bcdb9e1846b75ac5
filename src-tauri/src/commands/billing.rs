use std::path::PathBuf;

use vpsdesk_core::billing::{Balance, Invoice, Price, Quote, Subscription, SubscriptionOrder, Transaction, Usage};
use vpsdesk_core::desk::billing::{save_csv, BillingAccount, SavedFile};

use super::ipc;

ipc! {
    async fn billing_accounts(state) -> Vec<BillingAccount> {
        state.desk.billing_accounts()
    }

    async fn billing_balance(state, account_id: String) -> Balance {
        state.desk.balance(&state.desk.find(&account_id)?).await
    }

    async fn billing_invoices(state, account_id: String) -> Vec<Invoice> {
        state.desk.invoices(&state.desk.find(&account_id)?).await
    }

    /// The PDF's bytes, for the viewer inside the app.
    async fn invoice_pdf(state, account_id: String, invoice_id: String) -> Vec<u8> {
        Ok(state.desk.invoice_pdf(&state.desk.find(&account_id)?, &invoice_id).await?.bytes)
    }

    /// Writes the PDF to the path the save dialog returned; the webview
    /// itself has no filesystem access.
    async fn save_invoice_pdf(state, account_id: String, invoice_id: String, path: String) -> SavedFile {
        state.desk.save_invoice_pdf(&state.desk.find(&account_id)?, &invoice_id, &PathBuf::from(path)).await
    }

    async fn billing_transactions(state, account_id: String) -> Vec<Transaction> {
        state.desk.transactions(&state.desk.find(&account_id)?).await
    }

    async fn billing_usage(state, account_id: String) -> Vec<Usage> {
        state.desk.usage(&state.desk.find(&account_id)?).await
    }

    async fn billing_pricing(state, account_id: String) -> Vec<Price> {
        state.desk.pricing(&state.desk.find(&account_id)?).await
    }

    async fn billing_currencies(state, account_id: String) -> Vec<String> {
        state.desk.currencies(&state.desk.find(&account_id)?).await
    }

    async fn billing_subscriptions(state, account_id: String) -> Vec<Subscription> {
        state.desk.subscriptions(&state.desk.find(&account_id)?).await
    }

    async fn quote_subscription(state, account_id: String, order: SubscriptionOrder) -> Quote {
        state.desk.quote_subscription(&state.desk.find(&account_id)?, &order).await
    }

    async fn create_subscription(state, account_id: String, order: SubscriptionOrder) -> Vec<Subscription> {
        state.desk.create_subscription(&state.desk.find(&account_id)?, &order).await
    }

    async fn quote_extension(state, account_id: String, subscription_id: String, months: u32) -> Quote {
        state.desk.quote_extension(&state.desk.find(&account_id)?, &subscription_id, months).await
    }

    async fn extend_subscription(state, account_id: String, subscription_id: String, months: u32) -> Subscription {
        state.desk.extend_subscription(&state.desk.find(&account_id)?, &subscription_id, months).await
    }

    /// Writes a table exported as CSV to the path the save dialog returned.
    async fn export_csv(_state, path: String, csv: String) -> SavedFile {
        save_csv(&PathBuf::from(path), &csv)
    }
}
