//! The service's billing operations, every call checked (the account's
//! declared billing capability, ids, order fields) before anything is sent.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::{fan_out, AppService};
use crate::accounts::Account;
use crate::capabilities::billing::{
    noun, Balance, BundleOrder, BundleQuote, Download, Invoice, Price, Quote, SubscribedTotal, Subscription,
    SubscriptionOrder, Transaction, Usage,
};
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::model::AccountError;
use crate::provider::Compute;

/// Balances of several accounts; a failing account never hides the others.
#[derive(Clone, Debug, Default, Serialize, TS)]
pub struct BalanceReport {
    pub balances: Vec<Balance>,
    pub errors: Vec<AccountError>,
}

/// An invoice PDF written to disk.
#[derive(Clone, Debug, Serialize, TS)]
pub struct SavedFile {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Longest subscription vpsdesk orders or extends at once, and most units.
const MAX_MONTHS: u32 = 36;
const MAX_QUANTITY: u32 = 256;

trait Owned {
    fn owned_by(self, account: &Account) -> Self;
}

macro_rules! owned {
    ($($t:ty),*) => {$(
        impl Owned for $t {
            fn owned_by(mut self, account: &Account) -> Self {
                self.account = account.name.clone();
                self.account_id = account.id.clone();
                self.provider = account.provider;
                self
            }
        }
    )*};
}
owned!(Balance, Invoice, Transaction, Usage, Subscription, SubscribedTotal);

fn owned<T: Owned>(account: &Account, items: Vec<T>) -> Vec<T> {
    items.into_iter().map(|i| i.owned_by(account)).collect()
}

impl AppService {
    /// The account's client when its provider's API has `capability` (a
    /// `billing.*` one); an `unsupported` error that says where to look
    /// instead otherwise.
    fn billing_client(&self, account: &Account, capability: Capability) -> Result<Arc<dyn Compute>> {
        if !self.capabilities(account).contains(capability) {
            let why = account.provider.descriptor().no_billing_of(noun(capability));
            return Err(Error::unsupported(why).context(&account.name));
        }
        self.client(account)
    }

    pub async fn balance(&self, account: &Account) -> Result<Balance> {
        let client = self.billing_client(account, Capability::BillingBalance)?;
        Ok(billing(&client)?.balance().await?.owned_by(account))
    }

    /// The balance of every account among `accounts` whose provider reports
    /// one, fetched concurrently.
    pub async fn balances(&self, accounts: &[Account]) -> BalanceReport {
        let with_balance = accounts.iter().filter(|a| self.capabilities(a).contains(Capability::BillingBalance));
        let (balances, errors) = fan_out(with_balance, |a| async move { self.balance(a).await.map(|b| vec![b]) }).await;
        BalanceReport { balances, errors }
    }

    pub async fn invoices(&self, account: &Account) -> Result<Vec<Invoice>> {
        let client = self.billing_client(account, Capability::BillingInvoices)?;
        Ok(owned(account, billing(&client)?.invoices().await?))
    }

    pub async fn invoice_pdf(&self, account: &Account, id: &str) -> Result<Download> {
        let id = billing_id("id", "an invoice", id)?;
        let client = self.billing_client(account, Capability::BillingInvoicePdf)?;
        billing(&client)?.invoice_pdf(&id).await
    }

    /// Downloads an invoice PDF and writes exactly its bytes to `path`
    /// (through a temporary file in the same folder, so a failed download
    /// never leaves half a file under the chosen name).
    pub async fn save_invoice_pdf(&self, account: &Account, id: &str, path: &Path) -> Result<SavedFile> {
        let pdf = self.invoice_pdf(account, id).await?;
        write_file(&with_extension(path, "pdf"), &pdf.bytes)
    }

    pub async fn transactions(&self, account: &Account) -> Result<Vec<Transaction>> {
        let client = self.billing_client(account, Capability::BillingTransactions)?;
        Ok(owned(account, billing(&client)?.transactions().await?))
    }

    pub async fn usage(&self, account: &Account) -> Result<Vec<Usage>> {
        let client = self.billing_client(account, Capability::BillingUsage)?;
        Ok(owned(account, billing(&client)?.usage().await?))
    }

    pub async fn pricing(&self, account: &Account) -> Result<Vec<Price>> {
        let client = self.billing_client(account, Capability::BillingPricing)?;
        billing(&client)?.pricing().await
    }

    pub async fn currencies(&self, account: &Account) -> Result<Vec<String>> {
        let client = self.billing_client(account, Capability::BillingCurrencies)?;
        billing(&client)?.currencies().await
    }

    pub async fn subscriptions(&self, account: &Account) -> Result<Vec<Subscription>> {
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        Ok(owned(account, billing(&client)?.subscriptions().await?))
    }

    /// What the account has subscribed in total, per resource and network kind.
    pub async fn subscribed_totals(&self, account: &Account) -> Result<Vec<SubscribedTotal>> {
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        Ok(owned(account, billing(&client)?.subscribed_totals().await?))
    }

    /// The provider's price for an order; nothing is bought.
    pub async fn quote_subscription(&self, account: &Account, order: &SubscriptionOrder) -> Result<Quote> {
        let order = checked_order(order)?;
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        billing(&client)?.quote_subscription(&order).await
    }

    /// Buys a subscription. Callers show `quote_subscription` first.
    pub async fn create_subscription(&self, account: &Account, order: &SubscriptionOrder) -> Result<Vec<Subscription>> {
        let order = checked_order(order)?;
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        Ok(owned(account, billing(&client)?.create_subscription(&order).await?))
    }

    /// What a resource or software subscription would cost; nothing is bought.
    pub async fn quote_bundle(&self, account: &Account, order: &BundleOrder) -> Result<BundleQuote> {
        let order = checked_bundle(order)?;
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        billing(&client)?.quote_bundle(&order).await
    }

    /// Buys a resource or software subscription. Callers show `quote_bundle` first.
    pub async fn create_bundle(&self, account: &Account, order: &BundleOrder) -> Result<Vec<Subscription>> {
        let order = checked_bundle(order)?;
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        Ok(owned(account, billing(&client)?.create_bundle(&order).await?))
    }

    pub async fn quote_extension(&self, account: &Account, id: &str, months: u32) -> Result<Quote> {
        let id = billing_id("id", "a subscription", id)?;
        let months = checked_months(months)?;
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        billing(&client)?.quote_extension(&id, months).await
    }

    /// Extends a subscription. Callers show `quote_extension` first.
    pub async fn extend_subscription(&self, account: &Account, id: &str, months: u32) -> Result<Subscription> {
        let id = billing_id("id", "a subscription", id)?;
        let months = checked_months(months)?;
        let client = self.billing_client(account, Capability::BillingSubscriptions)?;
        Ok(billing(&client)?.extend_subscription(&id, months).await?.owned_by(account))
    }
}

fn billing(client: &Arc<dyn Compute>) -> Result<&dyn crate::capabilities::billing::Billing> {
    client.billing().ok_or_else(|| Error::unsupported("this provider's API has no billing calls"))
}

fn billing_id(field: &str, what: &str, id: &str) -> Result<String> {
    let id = id.trim();
    if id.is_empty() {
        return Err(Error::field(field, format!("{what} id is required")));
    }
    if id.len() > 128 || id.chars().any(|c| c.is_control() || matches!(c, '/' | '?' | '#' | '\\')) {
        return Err(Error::field(field, format!("{id:?} is not {what} id")));
    }
    Ok(id.to_string())
}

fn checked_months(months: u32) -> Result<u32> {
    if (1..=MAX_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(Error::field("months", format!("choose 1 to {MAX_MONTHS} months")))
    }
}

/// An order with its fields checked, and a start of now when none was given.
fn checked_order(order: &SubscriptionOrder) -> Result<SubscriptionOrder> {
    if !(1..=MAX_QUANTITY).contains(&order.quantity) {
        return Err(Error::field("quantity", format!("choose 1 to {MAX_QUANTITY}")));
    }
    let months = checked_months(order.months)?;
    let start = checked_start(order.start.as_deref())?;
    Ok(SubscriptionOrder { kind: order.kind, quantity: order.quantity, months, start: Some(start) })
}

/// A bundle with its months and start checked, and a start of now when none
/// was given; its parts are the provider's to check (their keys are its own).
fn checked_bundle(order: &BundleOrder) -> Result<BundleOrder> {
    let months = checked_months(order.months)?;
    let start = checked_start(order.start.as_deref())?;
    Ok(BundleOrder { months, start: Some(start), ..order.clone() })
}

fn checked_start(start: Option<&str>) -> Result<String> {
    match start.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if is_start(s) => Ok(s.to_string()),
        Some(s) => Err(Error::field("start", format!("write the start as YYYY-MM-DD HH:MM (UTC), got {s:?}"))),
        None => Ok(minute(chrono::Utc::now())),
    }
}

/// The format the doc gives for `start_time` (UTC).
const START: &str = "%Y-%m-%d %H:%M";

/// `YYYY-MM-DD HH:MM` naming a real minute: a day the month lacks is refused here,
/// not left for the provider to read as some other date.
fn is_start(s: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(s, START).is_ok_and(|at| at.format(START).to_string() == s)
}

/// An instant as `YYYY-MM-DD HH:MM` in UTC.
fn minute(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format(START).to_string()
}

/// A table exported as CSV (the app's save dialog picked `path`).
pub fn save_csv(path: &Path, csv: &str) -> Result<SavedFile> {
    write_file(&with_extension(path, "csv"), csv.as_bytes())
}

/// `path` with `.ext` added when it has no extension (save dialogs on some
/// desktops do not add one).
fn with_extension(path: &Path, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        path.with_extension(ext)
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<SavedFile> {
    use std::io::Write;
    let path: PathBuf = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_err(|e| Error::store(format!("cannot tell the current folder: {e}")))?.join(path)
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let shown = path.display().to_string();
    let fail = |e: std::io::Error| Error::store(format!("cannot write {shown}: {e}"));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&path).map_err(|e| fail(e.error))?;
    Ok(SavedFile { path: shown, bytes: bytes.len() as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capabilities::billing::SubscriptionKind;

    #[test]
    fn civil_dates() {
        let civil = |secs| minute(chrono::DateTime::from_timestamp(secs, 0).unwrap());
        assert_eq!(civil(0), "1970-01-01 00:00");
        assert_eq!(civil(951_782_400), "2000-02-29 00:00");
        assert_eq!(civil(1_700_000_000), "2023-11-14 22:13");
    }

    #[test]
    fn orders_are_checked_field_by_field() {
        let order = |quantity, months, start: Option<&str>| SubscriptionOrder {
            kind: SubscriptionKind::Ip,
            quantity,
            months,
            start: start.map(str::to_string),
        };
        assert_eq!(checked_order(&order(0, 1, None)).unwrap_err().fields[0].field, "quantity");
        assert_eq!(checked_order(&order(1, 0, None)).unwrap_err().fields[0].field, "months");
        assert_eq!(checked_order(&order(1, 1, Some("2010-03-22"))).unwrap_err().fields[0].field, "start");
        assert_eq!(checked_order(&order(1, 1, Some("2010-13-22 00:00"))).unwrap_err().fields[0].field, "start");
        assert_eq!(checked_order(&order(1, 1, Some("2026-02-30 00:00"))).unwrap_err().fields[0].field, "start");
        assert_eq!(checked_order(&order(1, 1, Some("2026-04-31 00:00"))).unwrap_err().fields[0].field, "start");
        assert!(checked_order(&order(1, 1, Some("2028-02-29 00:00"))).is_ok(), "a leap day");
        let ok = checked_order(&order(2, 1, Some(" 2010-03-22 00:00 "))).unwrap();
        assert_eq!(ok.start.as_deref(), Some("2010-03-22 00:00"));
        assert!(is_start(checked_order(&order(2, 1, None)).unwrap().start.as_deref().unwrap()));
    }

    #[test]
    fn ids_that_could_leave_the_path_are_refused() {
        assert_eq!(billing_id("id", "an invoice", " 9130 ").unwrap(), "9130");
        assert!(billing_id("id", "an invoice", "../../etc").is_err());
        assert!(billing_id("id", "an invoice", "").is_err());
    }

    #[test]
    fn exports_get_their_extension() {
        assert_eq!(with_extension(Path::new("/tmp/a"), "csv"), Path::new("/tmp/a.csv"));
        assert_eq!(with_extension(Path::new("/tmp/a.txt"), "csv"), Path::new("/tmp/a.txt"));
    }

    #[test]
    fn files_are_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("invoice.pdf");
        let saved = write_file(&path, b"%PDF-1.4 x").unwrap();
        assert_eq!(saved.bytes, 10);
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.4 x");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }
}
