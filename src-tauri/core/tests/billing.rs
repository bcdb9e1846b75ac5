//! Billing against the simulators, through the `Billing` trait: exact
//! amounts, the invoice PDF (redirect, interrupted and resumed with
//! `Range`), refused credentials. What every provider's declared billing
//! capabilities do, and that undeclared ones are refused without a
//! request, is `capability_suites.rs`.

use std::sync::Arc;
use std::time::Duration;

use vpsdesk_core::accounts::Account;
use vpsdesk_core::capabilities::billing::{BalanceMeaning, InvoiceStatus, SubscriptionKind, SubscriptionOrder};
use vpsdesk_core::provider::Compute;
use vpsdesk_core::providers;
use vpsdesk_core::secret::Secret;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::{Faults, Provider, Sandbox};

mod common;
use common::{client_http, DemoClient};

struct Env {
    sandbox: Sandbox,
    provider: Provider,
    account: Account,
    secret: &'static str,
    username: Option<&'static str>,
    client: Arc<dyn Compute>,
}

impl Env {
    async fn new(provider: Provider) -> Env {
        let DemoClient { sandbox, provider, account, secret, username, client } = DemoClient::new(provider).await;
        Env { sandbox, provider, account, secret, username, client }
    }

    fn wrong_client(&self) -> Arc<dyn Compute> {
        providers::connect(
            &self.account,
            Secret::new(format!("{}-wrong", self.secret)),
            &client_http(Duration::from_secs(5)),
        )
        .unwrap()
    }

    fn requests(&self) -> Vec<(String, String)> {
        self.sandbox.requests(self.provider).into_iter().map(|r| (r.method, r.path)).collect()
    }
}

#[tokio::test]
async fn vultr_balance_is_the_credit_it_reports() {
    let env = Env::new(Provider::Vultr).await;
    let b = env.client.billing().unwrap().balance().await.unwrap();
    assert_eq!(b.balance.to_string(), "5519.11");
    assert_eq!(b.provider_balance, "-5519.11");
    assert_eq!(b.meaning, BalanceMeaning::Credit);
    assert_eq!(b.summary, "5,519.11 USD credit");
    assert_eq!(b.pending_charges.unwrap().to_string(), "57.03");
    assert_eq!(b.last_payment_date.as_ref().map(ToString::to_string).as_deref(), Some("2014-07-18T15:31:01Z"));
    assert_eq!(b.last_payment_amount.unwrap().to_string(), "1.00");
    let e = env.wrong_client().billing().unwrap().balance().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{}", e.message);
    assert!(!e.message.contains(env.secret));
}

#[tokio::test]
async fn vpsnet_invoices_and_balance() {
    let env = Env::new(Provider::Vpsnet).await;
    let billing = env.client.billing().unwrap();
    let invoices = billing.invoices().await.unwrap();
    let doc = invoices.iter().find(|i| i.id == "9130").expect("the doc's invoice");
    assert_eq!(
        (doc.amount.to_string().as_str(), doc.currency.as_str(), doc.status),
        ("15.00", "USD", InvoiceStatus::Paid)
    );
    assert_eq!(doc.date, "2011-04-27T11:09:19Z", "the doc's -04:00, in UTC");
    assert!(invoices.iter().any(|i| i.status == InvoiceStatus::Unpaid), "the demo has an unpaid invoice");
    let b = billing.balance().await.unwrap();
    assert_eq!((b.balance.to_string().as_str(), b.currency.as_str()), ("99.0", "USD"));
    assert_eq!(b.credits.unwrap().to_string(), "0");
    assert!(env.requests().contains(&("GET".into(), "/invoices/get_credits.api10json".into())));
}

/// The bytes the simulator serves for an invoice, fetched without vpsdesk.
async fn served_pdf(env: &Env, no: &str) -> Vec<u8> {
    let resp = reqwest::Client::new()
        .get(format!("{}/invoices/{no}.pdf", env.account.endpoint.as_deref().unwrap()))
        .basic_auth(env.username.unwrap(), Some(env.secret))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn vpsnet_invoice_pdf_follows_the_redirect() {
    let env = Env::new(Provider::Vpsnet).await;
    let pdf = env.client.billing().unwrap().invoice_pdf("9130").await.unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-") && pdf.bytes.ends_with(b"%%EOF\n"));
    assert!(pdf.resumed_at.is_empty());
    assert_eq!(pdf.bytes, served_pdf(&env, "9130").await);
    let paths: Vec<String> = env.requests().into_iter().map(|(_, p)| p).collect();
    assert_eq!(paths[0], "/invoices/9130.pdf");
    assert!(paths[1].starts_with("/files/invoices/9130-"), "redirected to the file: {paths:?}");
}

#[tokio::test]
async fn vpsnet_invoice_pdf_interrupted_halfway_is_resumed_with_range() {
    let env = Env::new(Provider::Vpsnet).await;
    let whole = served_pdf(&env, "11046").await;
    env.sandbox.set_faults(env.provider, Faults { cut_body: Some(1), ..Faults::default() });
    let pdf = env.client.billing().unwrap().invoice_pdf("11046").await.unwrap();
    assert_eq!(pdf.resumed_at, vec![(whole.len() / 2) as u64], "resumed where the body broke off");
    assert_eq!(pdf.bytes, whole, "the resumed file is identical to the served one");
}

#[tokio::test]
async fn vpsnet_invoice_pdf_errors() {
    let env = Env::new(Provider::Vpsnet).await;
    let billing = env.client.billing().unwrap();
    let e = billing.invoice_pdf("424242").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound, "{}", e.message);
    let before = env.requests().len();
    let e = billing.invoice_pdf("../profile").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert_eq!(env.requests().len(), before, "nothing sent for an invalid number");
    let e = env.wrong_client().billing().unwrap().invoice_pdf("9130").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{}", e.message);
    // A 401 from a proxy in front of the API means the same.
    env.sandbox.set_faults(env.provider, Faults { fail_status: Some(401), fail_count: Some(1), ..Faults::default() });
    let e = billing.invoices().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{}", e.message);
}

#[tokio::test]
async fn cloudsigma_reads() {
    let env = Env::new(Provider::Cloudsigma).await;
    let billing = env.client.billing().unwrap();
    let b = billing.balance().await.unwrap();
    assert_eq!((b.balance.to_string().as_str(), b.currency.as_str()), ("1220.87", "EUR"));
    assert_eq!(billing.currencies().await.unwrap(), ["EUR", "GBP", "USD"]);
    let usage = billing.usage().await.unwrap();
    assert_eq!(usage[0].used.as_deref(), Some("24000"));
    let prices = billing.pricing().await.unwrap();
    assert!(prices.iter().any(|p| p.resource == "ip" && p.amount.to_string() == "2.00" && p.currency == "EUR"));
    let transactions = billing.transactions().await.unwrap();
    assert_eq!(transactions[0].amount.to_string(), "-13.75");
    assert_eq!(transactions[0].currency, "EUR");
    assert!(transactions.len() > 20, "a history to chart");
    let subs = billing.subscriptions().await.unwrap();
    assert_eq!(subs.len(), 4);
    assert!(subs.iter().all(|s| s.id.is_some()), "the simulator's subscriptions can be extended");
    let e = env.wrong_client().billing().unwrap().balance().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{}", e.message);
}

#[tokio::test]
async fn cloudsigma_subscription_is_priced_before_it_is_bought() {
    let env = Env::new(Provider::Cloudsigma).await;
    let billing = env.client.billing().unwrap();
    let order = SubscriptionOrder {
        kind: SubscriptionKind::Ip,
        quantity: 2,
        months: 1,
        start: Some("2010-03-22 00:00".into()),
    };
    let quote = billing.quote_subscription(&order).await.unwrap();
    assert_eq!((quote.amount.to_string().as_str(), quote.currency.as_str()), ("16.00", "EUR"));
    assert_eq!(billing.subscriptions().await.unwrap().len(), 4, "a quote buys nothing");
    assert_eq!(billing.balance().await.unwrap().balance.to_string(), "1220.87");

    let created = billing.create_subscription(&order).await.unwrap();
    assert_eq!(created.len(), 2);
    assert!(created.iter().all(|s| s.kind == "ip" && s.resource.is_some()));
    assert_eq!(created[0].end.as_ref().map(ToString::to_string).as_deref(), Some("2010-04-22T00:00:00Z"));
    assert_eq!(billing.balance().await.unwrap().balance.to_string(), "1204.87", "charged the quoted price");
    assert_eq!(billing.transactions().await.unwrap()[0].amount.to_string(), "-16.00");
    assert_eq!(billing.subscriptions().await.unwrap().len(), 6);

    let cpu = billing.subscriptions().await.unwrap().into_iter().find(|s| s.kind == "cpu").unwrap();
    let id = cpu.id.unwrap();
    let quote = billing.quote_extension(&id, 1).await.unwrap();
    assert_eq!(quote.amount.to_string(), "60.00");
    let extended = billing.extend_subscription(&id, 1).await.unwrap();
    assert_eq!(extended.end.as_ref().map(ToString::to_string).as_deref(), Some("2010-05-08T21:15:18Z"));
    assert_eq!(billing.balance().await.unwrap().balance.to_string(), "1144.87");

    // CloudSigma's own refusal names the field.
    let paths_before = env.requests().len();
    let e = billing.quote_extension("not-a-uuid!", 1).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert_eq!(env.requests().len(), paths_before);
}

#[tokio::test]
async fn vps247_usage_is_per_server() {
    let env = Env::new(Provider::Vps247).await;
    let usage = env.client.billing().unwrap().usage().await.unwrap();
    assert!(usage.iter().any(|u| u.unit == "hours" && u.used.is_some()), "{usage:?}");
}

#[tokio::test]
async fn vpsorg_has_no_billing_api() {
    let env = Env::new(Provider::Vpsorg).await;
    assert!(env.client.billing().is_none());
}
