//! VPS.NET billing: the invoices list, an invoice as PDF (redirects followed,
//! a broken download resumed with `Range`, as the doc's `curl -L -C -`
//! does) and the prepaid balance with the account's credits.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::Value;

use super::{paths, Scope, Vpsnet, DESCRIPTOR, NAME};
use crate::capabilities::billing::{parse_amount, Balance, Billing, Download, Invoice, InvoiceStatus};
use crate::error::{Error, Result};
use crate::http::Request;
use crate::model::ProviderKind;
use crate::time::Timestamp;
use crate::providers::common::{opt_string_or_number, string_or_number, ProviderApi};

/// One invoice as the doc shows it inside `{"invoice": {...}}`.
#[derive(Debug, Deserialize)]
pub struct InvoiceWire {
    #[serde(deserialize_with = "string_or_number")]
    pub invoice_no: String,
    pub date_sent: Option<String>,
    pub date_due: Option<String>,
    #[serde(deserialize_with = "string_or_number")]
    pub amount: String,
    pub currency: Option<String>,
    pub status: Option<String>,
}

/// `{current_balance, currency, account_credits}`; the doc sends the amounts
/// as JSON numbers, read from their text so no float rounding creeps in.
#[derive(Debug, Deserialize)]
pub struct CreditsWire {
    #[serde(deserialize_with = "string_or_number")]
    pub current_balance: String,
    pub currency: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub account_credits: Option<String>,
}

/// The doc wraps each invoice in its name; one public client also accepts
/// the bare objects, so both are read.
pub fn invoice_wires(list: Vec<Value>) -> Result<Vec<InvoiceWire>> {
    list.into_iter()
        .map(|item| {
            let inner = match item {
                Value::Object(mut o) if o.contains_key("invoice") => o.remove("invoice").unwrap_or_default(),
                other => other,
            };
            serde_json::from_value(inner)
                .map_err(|e| Error::provider(format!("VPS.NET sent an invoice vpsdesk cannot read ({e})")))
        })
        .collect()
}

pub fn invoice(w: InvoiceWire) -> Result<Invoice> {
    let amount = parse_amount(NAME, &format!("the amount of invoice {}", w.invoice_no), &w.amount)?;
    let provider_status = w.status.unwrap_or_default();
    Ok(Invoice {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vpsnet,
        id: w.invoice_no.clone(),
        number: w.invoice_no,
        date: Timestamp::read(w.date_sent.as_deref().unwrap_or_default(), DESCRIPTOR.time_zone),
        due_date: DESCRIPTOR.time(w.date_due.as_deref()),
        amount,
        // The doc's invoices are in USD, the currency of its clouds' prices.
        currency: w.currency.filter(|c| !c.trim().is_empty()).unwrap_or_else(|| "USD".into()).to_ascii_uppercase(),
        status: InvoiceStatus::from_provider(&provider_status),
        provider_status,
        has_pdf: true,
    })
}

/// `current_balance` is the prepaid balance, so positive is credit, the
/// model's own sign.
pub fn balance(w: CreditsWire) -> Result<Balance> {
    let amount = parse_amount(NAME, "the current balance", &w.current_balance)?;
    let mut b = Balance::new(ProviderKind::Vpsnet, amount, &w.currency, w.current_balance.clone());
    b.credits = w.account_credits.as_deref().map(|c| parse_amount(NAME, "the account credits", c)).transpose()?;
    Ok(b)
}

/// Invoice numbers are numbers (`9130`, `12345` in the doc).
fn invoice_no(id: &str) -> Result<&str> {
    let id = id.trim();
    if !id.is_empty() && id.len() <= 20 && id.chars().all(|c| c.is_ascii_digit()) {
        Ok(id)
    } else {
        Err(Error::field("id", format!("VPS.NET invoice numbers are numbers, got {id:?}")))
    }
}

#[async_trait]
impl Billing for Vpsnet {

    async fn balance(&self) -> Result<Balance> {
        balance(self.read(Request::get(paths::CREDITS), Scope::Account).await?)
    }

    async fn invoices(&self) -> Result<Vec<Invoice>> {
        let list: Vec<Value> = self.read(Request::get(paths::INVOICES), Scope::Account).await?;
        invoice_wires(list)?.into_iter().map(invoice).collect()
    }

    async fn invoice_pdf(&self, id: &str) -> Result<Download> {
        let no = invoice_no(id)?;
        let got = self.api.download(&paths::invoice_pdf(no), "application/pdf").await?;
        let resp = got.response;
        if resp.status == 404 {
            return Err(Error::not_found(format!(
                "VPS.NET has no invoice {no} on this account; list the invoices to see their numbers"
            )));
        }
        if !resp.is_success() {
            return Err(self.status_error(&resp, Scope::Account));
        }
        if !resp.body.starts_with(b"%PDF-") {
            let kind = resp
                .headers
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("no content type");
            return Err(Error::provider(format!(
                "VPS.NET answered invoice {no} with something that is not a PDF ({kind}); try again later, or download it from the VPS.NET control panel"
            )));
        }
        Ok(Download { bytes: resp.body, resumed_at: got.resumed_at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capabilities::billing::BalanceMeaning;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../../tests/fixtures/vpsnet/", $name, ".json"))
        };
    }

    #[test]
    fn invoices_example_maps_every_field() {
        let list: Vec<Value> = serde_json::from_str(fixture!("invoices_list")).unwrap();
        let invoices: Vec<Invoice> = invoice_wires(list).unwrap().into_iter().map(|w| invoice(w).unwrap()).collect();
        assert_eq!(invoices.len(), 1);
        let i = &invoices[0];
        assert_eq!(i.id, "9130");
        assert_eq!(i.number, "9130");
        assert_eq!(i.date, "2011-04-27T11:09:19Z");
        assert_eq!(i.date.raw(), "2011-04-27T07:09:19-04:00");
        assert_eq!(i.due_date.as_ref().map(ToString::to_string).as_deref(), Some("2011-04-30T23:00:00Z"));
        assert_eq!(i.amount.to_string(), "15.00");
        assert_eq!(i.currency, "USD");
        assert_eq!(i.status, InvoiceStatus::Paid);
        assert_eq!(i.provider_status, "paid");
        let json = serde_json::to_value(i).unwrap();
        assert_eq!(json["amount"], "15.00", "money is an exact decimal string");
    }

    #[test]
    fn unwrapped_invoices_and_numeric_fields_are_read_too() {
        let list: Vec<Value> = serde_json::from_str(
            r#"[{"invoice_no": 12345, "amount": 7.5, "currency": "usd", "status": "unpaid", "date_sent": "2024-01-01T00:00:00Z"}]"#,
        )
        .unwrap();
        let i = invoice(invoice_wires(list).unwrap().remove(0)).unwrap();
        assert_eq!((i.id.as_str(), i.amount.to_string().as_str(), i.currency.as_str()), ("12345", "7.5", "USD"));
        assert_eq!(i.status, InvoiceStatus::Unpaid);
    }

    #[test]
    fn credits_example_is_a_prepaid_balance() {
        let w: CreditsWire = serde_json::from_str(fixture!("credits")).unwrap();
        let b = balance(w).unwrap();
        assert_eq!(b.balance.to_string(), "99.0");
        assert_eq!(b.currency, "USD");
        assert_eq!(b.meaning, BalanceMeaning::Credit);
        assert_eq!(b.summary, "99.00 USD credit");
        assert_eq!(b.credits.map(|c| c.to_string()).as_deref(), Some("0"));
    }

    #[test]
    fn invoice_numbers_are_checked_before_sending() {
        assert_eq!(invoice_no(" 9130 ").unwrap(), "9130");
        assert_eq!(invoice_no("../x").unwrap_err().fields[0].field, "id");
    }
}
