use vpsdesk_core::capabilities::billing::{
    daily_charges, totals_by_currency, Balance, BundleOrder, BundleQuote, CurrencyTotal, DailyCharge, Invoice, Price, Quote, SubscribedTotal,
    Subscription, SubscriptionOrder, Transaction, Usage,
};
use vpsdesk_core::service::billing::{save_csv, SavedFile};

use super::AccountRef;
use crate::files::SaveAs;

ipc! {
    async fn billing_balance(state, account_id: AccountRef) -> Balance = balance;

    /// The balances the page already loaded, added up per currency: the
    /// webview shows money totals but never computes them, and no provider
    /// is asked again.
    async fn billing_balance_totals(_state, balances: Vec<Balance>) -> Vec<CurrencyTotal> {
        totals_by_currency(&balances)
    }

    async fn billing_invoices(state, account_id: AccountRef) -> Vec<Invoice> = invoices;

    /// The PDF's bytes, for the viewer inside the app.
    async fn invoice_pdf(state, account_id: AccountRef, invoice_id: String) -> Vec<u8> {
        Ok(state.service.invoice_pdf(&account_id, &invoice_id).await?.bytes)
    }

    /// Asks where to save the PDF (the native dialog, opened here,
    /// suggesting `suggested_name`) and writes it there; `null` when the
    /// person cancelled. See `files` for why the webview never names the path.
    async fn save_invoice_pdf(state, account_id: AccountRef, invoice_id: String, suggested_name: String) -> Option<SavedFile> {
        let save = SaveAs { title: "Save the invoice", filter: "PDF", extensions: &["pdf"], suggested: &suggested_name, fallback: "invoice.pdf" };
        let Some(path) = state.files.save_as(save).await? else {
            return Ok(None);
        };
        state.service.save_invoice_pdf(&account_id, &invoice_id, &path).await.map(Some)
    }

    async fn billing_transactions(state, account_id: AccountRef) -> Vec<Transaction> = transactions;

    /// The transactions the page already loaded, their charges added up per
    /// day and currency for the chart: the webview never adds money itself,
    /// and the provider is not asked again.
    async fn billing_daily_charges(_state, transactions: Vec<Transaction>) -> Vec<DailyCharge> {
        daily_charges(&transactions)
    }

    async fn billing_usage(state, account_id: AccountRef) -> Vec<Usage> = usage;

    async fn billing_pricing(state, account_id: AccountRef) -> Vec<Price> = pricing;

    async fn billing_currencies(state, account_id: AccountRef) -> Vec<String> = currencies;

    async fn billing_subscriptions(state, account_id: AccountRef) -> Vec<Subscription> = subscriptions;

    async fn billing_subscribed_totals(state, account_id: AccountRef) -> Vec<SubscribedTotal> = subscribed_totals;

    async fn quote_subscription(state, account_id: AccountRef, order: SubscriptionOrder) -> Quote = quote_subscription;

    async fn create_subscription(state, account_id: AccountRef, order: SubscriptionOrder) -> Vec<Subscription> = create_subscription;

    async fn quote_bundle(state, account_id: AccountRef, order: BundleOrder) -> BundleQuote = quote_bundle;

    async fn create_bundle(state, account_id: AccountRef, order: BundleOrder) -> Vec<Subscription> = create_bundle;

    async fn quote_extension(state, account_id: AccountRef, subscription_id: String, months: u32) -> Quote {
        state.service.quote_extension(&account_id, &subscription_id, months).await
    }

    async fn extend_subscription(state, account_id: AccountRef, subscription_id: String, months: u32) -> Subscription {
        state.service.extend_subscription(&account_id, &subscription_id, months).await
    }

    /// Asks where to save a table exported as CSV (the native dialog,
    /// suggesting `suggested_name`) and writes it there; `null` when cancelled.
    async fn export_csv(state, suggested_name: String, csv: String) -> Option<SavedFile> {
        let save = SaveAs { title: "Export as CSV", filter: "CSV", extensions: &["csv"], suggested: &suggested_name, fallback: "export.csv" };
        let Some(path) = state.files.save_as(save).await? else {
            return Ok(None);
        };
        save_csv(&path, &csv).map(Some)
    }
}
