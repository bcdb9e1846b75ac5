//! Vultr v1 billing: `account/info` only (balance, pending charges, last
//! payment). Vultr counts what the account owes, so credit comes as a
//! negative balance and payments as negative amounts; both are turned
//! around to the model's sign (positive = credit, money paid in).

use async_trait::async_trait;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Vultr, DESCRIPTOR, NAME};
use crate::capabilities::billing::{parse_amount, Balance, Billing};
use crate::error::Result;
use crate::http::Request;
use crate::model::ProviderKind;
use crate::providers::common::{decode, opt_string_or_number, string_or_number, ProviderApi};

#[derive(Debug, Deserialize)]
pub struct AccountInfoWire {
    #[serde(deserialize_with = "string_or_number")]
    pub balance: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub pending_charges: Option<String>,
    pub last_payment_date: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub last_payment_amount: Option<String>,
}

/// Vultr v1 bills in US dollars and names no currency.
const CURRENCY: &str = "USD";

pub fn balance(w: AccountInfoWire) -> Result<Balance> {
    let owed = parse_amount(NAME, "the balance", &w.balance)?;
    let mut b = Balance::new(ProviderKind::Vultr, flip(owed), CURRENCY, w.balance.clone());
    let amount = |what: &str, v: &Option<String>| {
        v.as_deref().filter(|s| !s.trim().is_empty()).map(|s| parse_amount(NAME, what, s)).transpose()
    };
    b.pending_charges = amount("the pending charges", &w.pending_charges)?;
    b.last_payment_amount = amount("the last payment", &w.last_payment_amount)?.map(flip);
    b.last_payment_date = DESCRIPTOR.time(w.last_payment_date.as_deref());
    Ok(b)
}

/// The other sign; zero stays zero (never "-0.00").
fn flip(d: Decimal) -> Decimal {
    if d.is_zero() {
        Decimal::from_i128_with_scale(0, d.scale())
    } else {
        -d
    }
}

#[async_trait]
impl Billing for Vultr {

    async fn balance(&self) -> Result<Balance> {
        let resp = self.call(Request::get("/v1/account/info"), ()).await?;
        balance(decode(NAME, &resp)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capabilities::billing::BalanceMeaning;

    #[test]
    fn account_info_example_is_credit() {
        let w: AccountInfoWire =
            serde_json::from_str(include_str!("../../../tests/fixtures/vultr/account_info.json")).unwrap();
        let b = balance(w).unwrap();
        assert_eq!(b.balance.to_string(), "5519.11");
        assert_eq!(b.provider_balance, "-5519.11");
        assert_eq!(b.meaning, BalanceMeaning::Credit);
        assert_eq!(b.summary, "5,519.11 USD credit");
        assert_eq!(b.currency, "USD");
        assert_eq!(b.pending_charges.unwrap().to_string(), "57.03");
        assert_eq!(b.last_payment_date.as_ref().map(ToString::to_string).as_deref(), Some("2014-07-18T15:31:01Z"));
        assert_eq!(b.last_payment_amount.unwrap().to_string(), "1.00");
    }

    #[test]
    fn a_positive_vultr_balance_is_owed() {
        let w: AccountInfoWire = serde_json::from_str(r#"{"balance": "12.50", "pending_charges": "0"}"#).unwrap();
        let b = balance(w).unwrap();
        assert_eq!(b.balance.to_string(), "-12.50");
        assert_eq!(b.summary, "12.50 USD owed");
        assert_eq!(b.last_payment_amount, None);
    }
}
