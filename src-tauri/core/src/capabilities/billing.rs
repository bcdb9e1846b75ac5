//! Billing: balances, invoices, transactions, usage, pricing and
//! subscriptions, in one model whatever the provider's wire format. Money is
//! an exact decimal (`rust_decimal`) with its currency, carried in JSON as a
//! string ("12.50"), never a float.
//!
//! Sign convention: a [`Balance`]'s `balance` is what the account holds. A
//! positive amount is credit (prepaid money the provider will draw on), a
//! negative one is owed. Providers that count the other way (Vultr reports
//! credit as a negative balance) are turned around when mapped, and
//! `provider_balance` keeps the provider's own figure.

use async_trait::async_trait;
use chrono::TimeZone;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::model::ProviderKind;
use crate::time::Timestamp;

/// What a `billing.*` capability is called in messages ("… has no invoices").
pub fn noun(capability: Capability) -> &'static str {
    match capability {
        Capability::BillingBalance => "balance",
        Capability::BillingInvoices => "invoices",
        Capability::BillingInvoicePdf => "invoice PDFs",
        Capability::BillingTransactions => "transactions",
        Capability::BillingUsage => "usage figures",
        Capability::BillingPricing => "price list",
        Capability::BillingCurrencies => "currency list",
        Capability::BillingSubscriptions => "subscriptions",
        other => other.what(),
    }
}

/// Whether a balance is money in hand or money owed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BalanceMeaning {
    Credit,
    Owed,
    Settled,
}

/// Also read back from the webview, which hands the balances it loaded to
/// [`totals_by_currency`] rather than adding money itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Balance {
    /// The account's name (CLI.md); `account_id` is its stable id.
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    /// Positive = credit, negative = owed (see the module comment).
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub balance: Decimal,
    pub currency: String,
    pub meaning: BalanceMeaning,
    /// In words, e.g. "5,519.11 USD credit".
    pub summary: String,
    /// The provider's own figure, sign and all.
    pub provider_balance: String,
    /// Charges accrued and not yet invoiced (Vultr), owed when billed.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub pending_charges: Option<Decimal>,
    /// Credits on the account besides the balance (VPS.NET).
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub credits: Option<Decimal>,
    pub last_payment_date: Option<Timestamp>,
    /// The last payment as money paid in (positive).
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub last_payment_amount: Option<Decimal>,
}

impl Balance {
    /// A balance as the provider client reports it; the account fields are
    /// filled in by the service.
    pub fn new(provider: ProviderKind, balance: Decimal, currency: &str, provider_balance: impl Into<String>) -> Self {
        let currency = currency.trim().to_ascii_uppercase();
        Balance {
            account: String::new(),
            account_id: String::new(),
            provider,
            balance,
            meaning: meaning(balance),
            summary: describe(balance, &currency),
            currency,
            provider_balance: provider_balance.into(),
            pending_charges: None,
            credits: None,
            last_payment_date: None,
            last_payment_amount: None,
        }
    }
}

fn meaning(balance: Decimal) -> BalanceMeaning {
    if balance.is_zero() {
        BalanceMeaning::Settled
    } else if balance.is_sign_positive() {
        BalanceMeaning::Credit
    } else {
        BalanceMeaning::Owed
    }
}

/// "5,519.11 USD credit", "12.50 EUR owed", "0.00 USD, nothing owed".
pub fn describe(balance: Decimal, currency: &str) -> String {
    let amount = grouped(balance.abs());
    match meaning(balance) {
        BalanceMeaning::Credit => format!("{amount} {currency} credit"),
        BalanceMeaning::Owed => format!("{amount} {currency} owed"),
        BalanceMeaning::Settled => format!("{amount} {currency}, nothing owed"),
    }
}

/// Thousands separated by commas, at least the two decimals people expect
/// of money ("99.00"), any further decimals exactly as given.
pub fn grouped(mut amount: Decimal) -> String {
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    let text = amount.to_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// What the accounts in one currency hold together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct CurrencyTotal {
    pub currency: String,
    /// The exact sum of the balances, credit positive and owed negative.
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub total: Decimal,
    /// How many balances went into `total`.
    pub accounts: u32,
}

/// The balances added up per currency, exactly, in the order each currency
/// first appears (the order of the accounts on the page). Currencies are
/// never added together: there is no rate vpsdesk could trust for that.
pub fn totals_by_currency(balances: &[Balance]) -> Result<Vec<CurrencyTotal>> {
    let mut totals: Vec<CurrencyTotal> = Vec::new();
    for b in balances {
        match totals.iter_mut().find(|t| t.currency == b.currency) {
            Some(t) => {
                t.total = t.total.checked_add(b.balance).ok_or_else(|| {
                    Error::validation(format!(
                        "the {} balances add up to more than vpsdesk can count exactly",
                        b.currency
                    ))
                })?;
                t.accounts += 1;
            }
            None => totals.push(CurrencyTotal { currency: b.currency.clone(), total: b.balance, accounts: 1 }),
        }
    }
    Ok(totals)
}

/// What one day's charges in one currency came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct DailyCharge {
    /// `YYYY-MM-DD`, the day of the transactions' own dates.
    pub day: String,
    pub currency: String,
    /// The exact sum of that day's charges, as money paid out (positive).
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub total: Decimal,
}

/// The charges (negative transactions) added up per day of the user's
/// clock (the one the app's webview shows) and currency,
/// exactly, sorted by day, then currency; payments are left out, and
/// currencies are never added together.
pub fn daily_charges(transactions: &[Transaction]) -> Result<Vec<DailyCharge>> {
    charges_per_day(transactions, &chrono::Local)
}

fn charges_per_day<Z: TimeZone>(transactions: &[Transaction], zone: &Z) -> Result<Vec<DailyCharge>> {
    let mut days: Vec<DailyCharge> = Vec::new();
    for t in transactions.iter().filter(|t| t.amount < Decimal::ZERO) {
        // A date vpsdesk cannot read is its own day, as sent.
        let day = t.date.day_in(zone).map_or_else(|| t.date.raw().to_string(), |d| d.to_string());
        let charge = -t.amount;
        match days.iter_mut().find(|d| d.day == day && d.currency == t.currency) {
            Some(d) => {
                d.total = d.total.checked_add(charge).ok_or_else(|| {
                    Error::validation(format!(
                        "the {} charges of {day} add up to more than vpsdesk can count exactly",
                        t.currency
                    ))
                })?;
            }
            None => days.push(DailyCharge { day: day.to_owned(), currency: t.currency.clone(), total: charge }),
        }
    }
    days.sort_by(|a, b| (&a.day, &a.currency).cmp(&(&b.day, &b.currency)));
    Ok(days)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    Paid,
    Unpaid,
    Overdue,
    Cancelled,
    Unknown,
}

impl InvoiceStatus {
    /// The provider's word, read loosely.
    pub fn from_provider(word: &str) -> Self {
        match word.trim().to_ascii_lowercase().as_str() {
            "paid" | "settled" | "closed" => InvoiceStatus::Paid,
            "unpaid" | "open" | "due" | "pending" | "sent" | "outstanding" => InvoiceStatus::Unpaid,
            "overdue" | "past_due" | "past due" => InvoiceStatus::Overdue,
            "cancelled" | "canceled" | "void" | "voided" => InvoiceStatus::Cancelled,
            _ => InvoiceStatus::Unknown,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Invoice {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    /// What `invoice_pdf` takes.
    pub id: String,
    pub number: String,
    /// When it was issued, ISO 8601.
    pub date: Timestamp,
    pub due_date: Option<Timestamp>,
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
    pub status: InvoiceStatus,
    pub provider_status: String,
    pub has_pdf: bool,
}

/// Also read back from the webview, which hands the transactions it loaded
/// to [`daily_charges`] for its chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Transaction {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub id: String,
    /// ISO 8601 (the provider's time zone where it names none).
    pub date: Timestamp,
    /// Negative = a charge, positive = money paid in.
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
    pub description: String,
}

/// One usage figure: a resource and how much of it is used, bursting and
/// subscribed, in the provider's unit. Quantities are exact decimals too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Usage {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    /// The provider's key ("cpu", a server id…).
    pub resource: String,
    pub label: String,
    pub unit: String,
    pub used: Option<String>,
    pub burst: Option<String>,
    pub subscribed: Option<String>,
}

/// A rate of the provider's current price list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Price {
    pub resource: String,
    pub label: String,
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Subscription {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    /// What extending takes; `None` where the provider's list leaves it out.
    pub id: Option<String>,
    /// The provider's resource type ("cpu", "ip", "vlan"…).
    pub kind: String,
    pub label: String,
    pub unit: String,
    pub quantity: String,
    /// The subscribed thing itself, where there is one (an IP, a VLAN uuid).
    pub resource: Option<String>,
    pub start: Option<Timestamp>,
    pub end: Option<Timestamp>,
}

/// What the account has subscribed in total of one resource: a line of
/// CloudSigma's `subscriptions/resources/info` or `subscriptions/net/info`,
/// as sent (the doc shows neither body, so nothing is assumed of the keys).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct SubscribedTotal {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub scope: TotalScope,
    /// The provider's key ("cpu", "ip"…).
    pub resource: String,
    pub label: String,
    /// The unit of the subscriptions list for that key; empty where it names none.
    pub unit: String,
    /// As sent; empty when the line has no value.
    pub quantity: String,
}

/// Which of the two totals calls a line came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TotalScope {
    Resources,
    Network,
}

/// What can be subscribed to from vpsdesk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionKind {
    Ip,
    Vlan,
}

impl SubscriptionKind {
    pub fn id(self) -> &'static str {
        match self {
            SubscriptionKind::Ip => "ip",
            SubscriptionKind::Vlan => "vlan",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [SubscriptionKind::Ip, SubscriptionKind::Vlan].into_iter().find(|k| k.id() == s.trim().to_ascii_lowercase())
    }
}

/// A new subscription, priced with [`Billing::quote_subscription`] before
/// [`Billing::create_subscription`] buys it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubscriptionOrder {
    pub kind: SubscriptionKind,
    pub quantity: u32,
    pub months: u32,
    /// `YYYY-MM-DD HH:MM`; `None` = now.
    pub start: Option<String>,
}

/// What CloudSigma sells several of in one call: resources (`cpu`, `mem`,
/// `disk`, `xfer`) or software licences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    Resources,
    Software,
}

/// One part of a bundle: the provider's key (`cpu`, `msft_lwa_00135`…) and
/// how many units of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleItem {
    pub key: String,
    pub quantity: u32,
}

/// A resource or software subscription, shown priced with
/// [`Billing::quote_bundle`] before [`Billing::create_bundle`] buys it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleOrder {
    pub kind: BundleKind,
    pub items: Vec<BundleItem>,
    pub months: u32,
    /// `YYYY-MM-DD HH:MM`; `None` = now.
    pub start: Option<String>,
}

/// What a bundle would cost, shown before it is bought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct BundleQuote {
    /// The provider's own calculation of the whole order; `None` where its
    /// API calculates none (CloudSigma's resources): then only the rates are known.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub total: Option<Decimal>,
    pub currency: String,
    /// Each ordered part with the provider's listed rate for it.
    pub lines: Vec<BundleLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct BundleLine {
    pub key: String,
    pub label: String,
    pub unit: String,
    pub quantity: u32,
    /// The price list's rate for one unit; `None` when the list has none.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[ts(type = "string | null")]
    pub rate: Option<Decimal>,
}

/// A price the provider calculated, before anything is bought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Quote {
    #[serde(with = "rust_decimal::serde::str")]
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
}

/// The saved bytes of a download, and where it had to resume after the
/// connection broke (byte offsets asked for with `Range`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub bytes: Vec<u8>,
    pub resumed_at: Vec<u64>,
}

/// A provider's billing API. Every method a provider does not list in
/// `features` keeps its default, which says the API has no such call.
#[async_trait]
pub trait Billing: Send + Sync {
    async fn balance(&self) -> Result<Balance> {
        Err(missing(Capability::BillingBalance))
    }
    async fn invoices(&self) -> Result<Vec<Invoice>> {
        Err(missing(Capability::BillingInvoices))
    }
    async fn invoice_pdf(&self, _id: &str) -> Result<Download> {
        Err(missing(Capability::BillingInvoicePdf))
    }
    async fn transactions(&self) -> Result<Vec<Transaction>> {
        Err(missing(Capability::BillingTransactions))
    }
    async fn usage(&self) -> Result<Vec<Usage>> {
        Err(missing(Capability::BillingUsage))
    }
    async fn pricing(&self) -> Result<Vec<Price>> {
        Err(missing(Capability::BillingPricing))
    }
    async fn currencies(&self) -> Result<Vec<String>> {
        Err(missing(Capability::BillingCurrencies))
    }
    async fn subscriptions(&self) -> Result<Vec<Subscription>> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn subscribed_totals(&self) -> Result<Vec<SubscribedTotal>> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn quote_subscription(&self, _order: &SubscriptionOrder) -> Result<Quote> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn create_subscription(&self, _order: &SubscriptionOrder) -> Result<Vec<Subscription>> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn quote_bundle(&self, _order: &BundleOrder) -> Result<BundleQuote> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn create_bundle(&self, _order: &BundleOrder) -> Result<Vec<Subscription>> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn quote_extension(&self, _id: &str, _months: u32) -> Result<Quote> {
        Err(missing(Capability::BillingSubscriptions))
    }
    async fn extend_subscription(&self, _id: &str, _months: u32) -> Result<Subscription> {
        Err(missing(Capability::BillingSubscriptions))
    }
}

fn missing(capability: Capability) -> Error {
    Error::unsupported(format!("this provider's API has no {}", noun(capability)))
}

/// An exact amount from a provider's text: "15.00", "-5519.11", "99.0".
pub fn parse_amount(provider: &str, what: &str, text: &str) -> Result<Decimal> {
    let t = text.trim();
    t.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| Error::provider(format!("{provider} sent {what} {t:?}, which is not an amount vpsdesk can read")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn balances_are_described_in_words() {
        assert_eq!(describe(d("5519.11"), "USD"), "5,519.11 USD credit");
        assert_eq!(describe(d("-12.50"), "EUR"), "12.50 EUR owed");
        assert_eq!(describe(d("0.00"), "USD"), "0.00 USD, nothing owed");
        assert_eq!(describe(d("1234567"), "GBP"), "1,234,567.00 GBP credit");
        assert_eq!(grouped(d("-999.5")), "-999.50");
        assert_eq!(grouped(d("99.0")), "99.00");
        assert_eq!(grouped(d("2.750")), "2.750");
    }

    #[test]
    fn amounts_keep_their_exact_digits() {
        assert_eq!(parse_amount("X", "a", "15.00").unwrap().to_string(), "15.00");
        assert_eq!(parse_amount("X", "a", " -5519.11 ").unwrap().to_string(), "-5519.11");
        assert_eq!(parse_amount("X", "a", "99.0").unwrap().to_string(), "99.0");
        let e = parse_amount("X", "the total", "n/a").unwrap_err();
        assert!(e.message.contains("\"n/a\""), "{}", e.message);
    }

    #[test]
    fn money_is_a_json_string() {
        let b = Balance::new(ProviderKind::Vultr, d("-1.10"), "usd", "1.10");
        let v = serde_json::to_value(&b).unwrap();
        assert_eq!(v["balance"], "-1.10");
        assert_eq!(v["currency"], "USD");
        assert_eq!(v["meaning"], "owed");
        assert_eq!(v["pending_charges"], serde_json::Value::Null);
    }

    fn balance(provider: ProviderKind, amount: &str, currency: &str) -> Balance {
        Balance::new(provider, d(amount), currency, amount)
    }

    fn total(currency: &str, amount: &str, accounts: u32) -> CurrencyTotal {
        CurrencyTotal { currency: currency.into(), total: d(amount), accounts }
    }

    #[test]
    fn the_demo_balances_total_per_currency() {
        // The demo's Vultr (5,519.11 USD credit), VPS.NET (99.0 USD) and CloudSigma (1,220.87 EUR).
        let balances = [
            balance(ProviderKind::Vultr, "5519.11", "USD"),
            balance(ProviderKind::Vpsnet, "99.0", "USD"),
            balance(ProviderKind::Cloudsigma, "1220.87", "EUR"),
        ];
        let totals = totals_by_currency(&balances).unwrap();
        assert_eq!(totals, [total("USD", "5618.11", 2), total("EUR", "1220.87", 1)]);
        let shown: Vec<String> =
            totals.iter().map(|t| format!("{} {} ({})", grouped(t.total), t.currency, t.accounts)).collect();
        assert_eq!(shown, ["5,618.11 USD (2)", "1,220.87 EUR (1)"]);
    }

    #[test]
    fn totals_are_exact_keep_first_seen_order_and_never_mix_currencies() {
        let balances = [
            balance(ProviderKind::Cloudsigma, "0.1", "EUR"),
            balance(ProviderKind::Vultr, "1.10", "USD"),
            balance(ProviderKind::Cloudsigma, "0.2", "EUR"),
            balance(ProviderKind::Vpsnet, "-13.75", "USD"),
            balance(ProviderKind::Vultr, "0", "GBP"),
        ];
        let totals = totals_by_currency(&balances).unwrap();
        assert_eq!(totals, [total("EUR", "0.3", 2), total("USD", "-12.65", 2), total("GBP", "0", 1)]);
        assert_eq!(totals[0].total.to_string(), "0.3", "no float rounding");
        assert_eq!(
            serde_json::to_value(&totals[1]).unwrap(),
            serde_json::json!({"currency": "USD", "total": "-12.65", "accounts": 2})
        );
        assert!(totals_by_currency(&[]).unwrap().is_empty());
        // The case the UI's own adder was tested with, before it moved here.
        let moved = [
            balance(ProviderKind::Vultr, "1.10", "USD"),
            balance(ProviderKind::Cloudsigma, "2", "EUR"),
            balance(ProviderKind::Vpsnet, "3.05", "USD"),
        ];
        assert_eq!(totals_by_currency(&moved).unwrap(), [total("USD", "4.15", 2), total("EUR", "2", 1)]);
        // The signed case of the UI's former `sum` (money.ts).
        let signed = [balance(ProviderKind::Vpsnet, "-13.75", "USD"), balance(ProviderKind::Vultr, "1.5", "USD")];
        assert_eq!(totals_by_currency(&signed).unwrap(), [total("USD", "-12.25", 2)]);
    }

    fn transaction(id: &str, date: &str, amount: &str, currency: &str) -> Transaction {
        Transaction {
            account: "Demo CloudSigma".into(),
            account_id: "demo-cloudsigma".into(),
            provider: ProviderKind::Cloudsigma,
            id: id.into(),
            date: Timestamp::read(date, chrono_tz::UTC),
            amount: d(amount),
            currency: currency.into(),
            description: String::new(),
        }
    }

    fn charged(day: &str, currency: &str, amount: &str) -> DailyCharge {
        DailyCharge { day: day.into(), currency: currency.into(), total: d(amount) }
    }

    #[test]
    fn charges_are_added_per_day_exactly_and_payments_left_out() {
        // The transactions the Billing page's chart was tested with when it added them itself.
        let transactions = [
            transaction("a", "2010-02-24T11:04:18", "-13.75", "EUR"),
            transaction("b", "2010-02-24T10:27:52", "-16.50", "EUR"),
            transaction("c", "2010-02-23T23:59:23", "-20.10", "EUR"),
            transaction("d", "2010-02-01T09:12:44", "1500.00", "EUR"),
        ];
        let days = charges_per_day(&transactions, &chrono::Utc).unwrap();
        assert_eq!(days, [charged("2010-02-23", "EUR", "20.10"), charged("2010-02-24", "EUR", "30.25")]);
        assert_eq!(
            serde_json::to_value(&days[0]).unwrap(),
            serde_json::json!({"day": "2010-02-23", "currency": "EUR", "total": "20.10"})
        );
        assert!(charges_per_day(&[], &chrono::Utc).unwrap().is_empty());
    }

    #[test]
    fn daily_charges_keep_the_exact_digits_of_the_ui_sum_cases() {
        // money.ts's `sum` cases, as charges of one day.
        let day = |amounts: &[&str]| {
            let list: Vec<Transaction> =
                amounts.iter().map(|a| transaction(a, "2025-11-01T09:00:00-04:00", a, "USD")).collect();
            charges_per_day(&list, &chrono::Utc).unwrap().into_iter().map(|c| c.total.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(day(&["-0.1", "-0.2"]), ["0.3"], "no float rounding");
        assert_eq!(day(&["-5519.11", "-99.0"]), ["5618.11"]);
        assert_eq!(day(&["-13.75", "1.5"]), ["13.75"], "the payment is not a charge");
        assert_eq!(day(&["0", "2.00"]), Vec::<String>::new(), "nothing charged, no bar");
    }

    #[test]
    fn daily_charges_never_add_currencies_and_sort_by_day_then_currency() {
        let transactions = [
            transaction("a", "2010-02-24T11:04:18", "-3.00", "USD"),
            transaction("b", "2010-02-24T10:27:52", "-16.50", "EUR"),
            transaction("c", "2010-02-23", "-20.10", "EUR"),
            transaction("d", "2010-02-24T09:00:00", "-1.25", "USD"),
            transaction("e", "2010-02-23T08:00:00", "-2", "GBP"),
        ];
        assert_eq!(
            charges_per_day(&transactions, &chrono::Utc).unwrap(),
            [
                charged("2010-02-23", "EUR", "20.10"),
                charged("2010-02-23", "GBP", "2"),
                charged("2010-02-24", "EUR", "16.50"),
                charged("2010-02-24", "USD", "4.25"),
            ]
        );
    }

    #[test]
    fn a_daily_charge_too_large_to_hold_exactly_is_refused_by_name() {
        let huge = transaction("a", "2010-02-24T11:04:18", &Decimal::MIN.to_string(), "EUR");
        let e = charges_per_day(&[huge.clone(), huge], &chrono::Utc).unwrap_err();
        assert!(e.message.contains("EUR charges of 2010-02-24"), "{}", e.message);
    }

    #[test]
    fn transactions_read_back_from_the_webview() {
        let t = transaction("a", "2010-02-24T11:04:18", "-13.75", "EUR");
        let back: Transaction = serde_json::from_value(serde_json::to_value(&t).unwrap()).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn a_total_too_large_to_hold_exactly_is_refused_by_name() {
        let huge = balance(ProviderKind::Vultr, &Decimal::MAX.to_string(), "USD");
        let e = totals_by_currency(&[huge.clone(), huge]).unwrap_err();
        assert!(e.message.contains("USD balances"), "{}", e.message);
    }

    #[test]
    fn balances_read_back_from_the_webview() {
        let b = balance(ProviderKind::Vultr, "-1.10", "usd");
        let back: Balance = serde_json::from_value(serde_json::to_value(&b).unwrap()).unwrap();
        assert_eq!(back, b);
    }

    #[test]
    fn invoice_statuses() {
        assert_eq!(InvoiceStatus::from_provider("paid"), InvoiceStatus::Paid);
        assert_eq!(InvoiceStatus::from_provider("Unpaid "), InvoiceStatus::Unpaid);
        assert_eq!(InvoiceStatus::from_provider("Past Due"), InvoiceStatus::Overdue);
        assert_eq!(InvoiceStatus::from_provider("void"), InvoiceStatus::Cancelled);
        assert_eq!(InvoiceStatus::from_provider("weird"), InvoiceStatus::Unknown);
    }
}
