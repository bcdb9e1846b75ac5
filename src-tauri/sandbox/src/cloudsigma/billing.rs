//! Chapter 11 of the doc, Billing: balance, currencies, usage, pricing,
//! transactions and subscriptions. Buying or extending a subscription
//! charges the balance and adds a transaction; `calculate` quotes the same
//! price without buying. Prices follow the doc's examples: a network
//! subscription costs four times its `pricing/info` rate per unit and month
//! (2 IPs for a month = 16.00 EUR), a resource 0.15 times its rate per unit
//! and month (2000 MHz of CPU for a month = 60.00 EUR).

use axum::extract::{Path, State};
use axum::routing::post;
use axum::Router;

use super::kv::{self, Props};
use super::seed::BALANCE;
use super::state::Cloudsigma;
use super::{bad_request, not_found};
use crate::common::{timestamp, Failure, Store};

const CURRENCIES: &str = doc!("get_currencies_list.txt");
const PRICING: &str = doc!("get_pricing_info.txt");
const TRANSACTIONS: &str = doc!("get_transactions_list.txt");
const SUBSCRIPTIONS: &str = doc!("get_subscriptions_list.txt");

/// The doc's subscriptions list has no uuids; these make them extendable.
/// Memory and CPU get the uuids of the doc's extension examples (whose
/// prices, 60.00 EUR for a month, fit 2000 units of either).
const SUBSCRIPTION_IDS: [&str; 4] = [
    "0a6c4b1e-6c36-4f7e-9d6b-5f0e7c2d9a11",
    "7f2e9c3a-1d4b-4a8e-b5c6-2e9f0a1b3c4d",
    "3cb16f75-1bac-48a4-8b29-e021d4fa0019",
    "c8308b4d-3c98-472c-9944-024b9c700c10",
];

/// The account's money: balance in cents, transactions newest first,
/// subscriptions in the order they were bought.
pub(super) struct Ledger {
    pub balance_cents: i64,
    pub currency: String,
    pub transactions: Vec<Props>,
    pub subscriptions: Vec<Props>,
    /// Feeds the addresses of new IP subscriptions.
    next_ip: u32,
}

impl Ledger {
    /// The doc's balance, transactions and subscriptions, and three weeks of
    /// daily charges before the doc's transactions so there is a history to
    /// chart.
    pub fn seed() -> Ledger {
        let balance = kv::parse(BALANCE);
        let mut transactions = kv::parse_many(TRANSACTIONS);
        for day in (1..=23u32).rev() {
            let cents = 1800 + i64::from((day * 37) % 23) * 45;
            transactions.push(transaction(
                &format!("2010-02-{day:02} 23:59:{:02}", day % 60),
                &format!("24 hours of subscribed virtual server use on 2010-02-{day:02}"),
                -cents,
            ));
        }
        transactions.push(transaction("2010-02-01 09:12:44", "Payment received by bank transfer, thank you", 150_000));
        let subscriptions = kv::parse_many(SUBSCRIPTIONS)
            .into_iter()
            .zip(SUBSCRIPTION_IDS)
            .map(|(mut props, id)| {
                props.insert(1, ("subscription".into(), id.into()));
                props
            })
            .collect();
        Ledger {
            balance_cents: kv::get(&balance, "balance").and_then(cents).unwrap_or_default(),
            currency: kv::get(&balance, "currency").unwrap_or("EUR").to_owned(),
            transactions,
            subscriptions,
            next_ip: 78,
        }
    }

    fn charge(&mut self, cents: i64, description: String) {
        self.balance_cents -= cents;
        self.transactions.insert(0, transaction(&timestamp(), &description, -cents));
    }
}

fn transaction(date: &str, description: &str, cents: i64) -> Props {
    vec![
        ("date".into(), date.into()),
        ("description".into(), description.into()),
        ("value".into(), "n/a".into()),
        ("tax".into(), "n/a".into()),
        ("total".into(), money(cents)),
    ]
}

/// "1220.87" -> 122087.
fn cents(text: &str) -> Option<i64> {
    let (int, frac) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    let frac = format!("{frac:0<2}");
    let sign = if int.starts_with('-') { -1 } else { 1 };
    Some(int.parse::<i64>().ok()? * 100 + sign * frac.get(..2)?.parse::<i64>().ok()?)
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

/// A `pricing/info` rate in thousandths ("0.200" -> 200).
fn rate(key: &str) -> i64 {
    kv::get(&kv::parse(PRICING), key)
        .and_then(|v| {
            let (int, frac) = v.split_once('.').unwrap_or((v, ""));
            Some(int.parse::<i64>().ok()? * 1000 + format!("{frac:0<3}").get(..3)?.parse::<i64>().ok()?)
        })
        .unwrap_or_default()
}

/// What `quantity` of `kind` costs for `months`, in cents.
fn price(kind: &str, quantity: i64, months: i64) -> i64 {
    let millis = match kind {
        "ip" | "vlan" => rate(kind) * quantity * months * 4,
        software if SOFTWARE.iter().any(|(code, _)| *code == software) => rate(kind) * quantity * months,
        other => rate(&format!("{other}:sub")) * quantity * months * 15 / 100,
    };
    (millis + 5) / 10
}

/// "2010-03-10 21:24" plus `months`, the day kept where the month has it.
fn add_months(date: &str, months: u32) -> String {
    let parse = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(year), Some(month)) = (parse(0..4), parse(5..7)) else {
        return date.to_owned();
    };
    let total = year * 12 + (month - 1) + months;
    let day = parse(8..10).unwrap_or(1).min(28);
    format!("{:04}-{:02}-{day:02}{}", total / 12, total % 12 + 1, date.get(10..).unwrap_or_default())
}

pub(super) fn routes() -> Router<Store<Cloudsigma>> {
    Router::new()
        .route("/currencies/list", axum::routing::get(|| async { CURRENCIES }))
        .route("/pricing/info", axum::routing::get(|| async { PRICING }))
        .route("/transactions/list", axum::routing::get(transactions))
        .route("/subscriptions/list", axum::routing::get(subscriptions))
        .route("/subscriptions/resources/info", axum::routing::get(resource_totals))
        .route("/subscriptions/net/info", axum::routing::get(network_totals))
        .route("/subscriptions/network/{kind}/calculate", post(calculate))
        .route("/subscriptions/network/{kind}/create", post(create))
        .route("/subscriptions/resources/create", post(create_resources))
        .route("/subscriptions/software/calculate", post(calculate_software))
        .route("/subscriptions/software/create", post(create_software))
        .route("/subscriptions/{uuid}/set", post(extend))
        .route("/subscriptions/{uuid}/set/calculate", post(calculate_extension))
}

pub(super) async fn balance(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| {
        kv::write([("balance", money(s.ledger.balance_cents).as_str()), ("currency", s.ledger.currency.as_str())])
    })
}

async fn transactions(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| s.ledger.transactions.iter().map(kv::write_props).collect())
}

async fn subscriptions(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| s.ledger.subscriptions.iter().map(kv::write_props).collect())
}

/// Every subscription of `kinds` added up: a resource's quantities, a
/// network kind's subscriptions (each is one address or VLAN). The doc shows
/// no body for either call; this is the `key value` shape of the rest of
/// chapter 11.
fn totals(s: &Cloudsigma, kinds: &[&str], count: bool) -> String {
    let sums: Vec<(&str, String)> = kinds
        .iter()
        .map(|&kind| {
            let of_kind = s.ledger.subscriptions.iter().filter(|p| kv::get(p, "type") == Some(kind));
            let total: i64 = if count {
                of_kind.count() as i64
            } else {
                of_kind.filter_map(|p| kv::get(p, "quantity")?.parse::<i64>().ok()).sum()
            };
            (kind, total.to_string())
        })
        .collect();
    kv::write(sums.iter().map(|(k, v)| (*k, v.as_str())))
}

async fn resource_totals(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| totals(s, &["cpu", "mem", "disk", "xfer"], false))
}

async fn network_totals(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| totals(s, &["ip", "vlan"], true))
}

/// A network order's fields, or the doc's 400 with the input echoed back.
fn order(kind: &str, body: &str) -> Result<(i64, i64, String), Failure> {
    let input = kv::parse(body);
    if !matches!(kind, "ip" | "vlan") {
        return Err(not_found("Command not found".to_owned()));
    }
    let mut errors = Vec::new();
    let number = |key: &str, errors: &mut Vec<(String, String)>| match kv::get(&input, key).map(|v| v.parse::<i64>()) {
        Some(Ok(n)) if n > 0 => Some(n),
        Some(_) => {
            errors.push((key.to_owned(), "Enter a whole number.".to_owned()));
            None
        }
        None => {
            errors.push((key.to_owned(), "This field is required.".to_owned()));
            None
        }
    };
    let quantity = number("quantity", &mut errors);
    let start = kv::get(&input, "start_time").filter(|v| !v.is_empty());
    if start.is_none() {
        errors.push(("start_time".to_owned(), "This field is required.".to_owned()));
    }
    let months = number("months", &mut errors);
    match (quantity, months, start, errors.is_empty()) {
        (Some(q), Some(m), Some(start), true) => Ok((q, m, start.to_owned())),
        _ => Err(bad_request(&input, &errors)),
    }
}

/// The products of 11.15 and their names in its table.
const SOFTWARE: [(&str, &str); 3] = [
    ("msft_lwa_00135", "Windows Web Server 2008"),
    ("msft_p73_04837", "Windows Server 2008 Standard"),
    ("msft_tfa_00009", "Microsoft SQL Server 2008 Web Edition"),
];

/// The resources of 11.10, with the labels, units and minimums of its examples.
const RESOURCES: [(&str, &str, &str, i64); 4] = [
    ("cpu", "CPU", "core MHz", 2000),
    ("mem", "Memory", "MB", 1024),
    ("disk", "Disk", "GB", 0),
    ("xfer", "Committed data transfer", "GB per month", 0),
];

/// A resource or software order: the quantities of the keys it names (each
/// a whole number, resources at least their minimum), `start_time` and
/// `months`; otherwise the doc's 400, the input echoed with `errors:KEY`.
fn bundle(keys: &[&str], body: &str) -> Result<Bundle, Failure> {
    let input = kv::parse(body);
    let mut errors = Vec::new();
    let mut items = Vec::new();
    for key in keys {
        match kv::get(&input, key).map(str::parse::<i64>) {
            None => {}
            Some(Ok(n)) if n >= 0 => {
                if let Some((_, label, unit, min)) = RESOURCES.iter().find(|r| r.0 == *key) {
                    if n > 0 && n < *min {
                        let what = if *key == "mem" { "memory".to_owned() } else { label.to_string() };
                        errors.push((key.to_string(), format!("The minimum {what} subscription is {min} {unit}")));
                    }
                }
                items.push((key.to_string(), n));
            }
            Some(_) => errors.push((key.to_string(), "Enter a whole number.".to_owned())),
        }
    }
    if items.iter().all(|(_, n)| *n == 0) && errors.is_empty() {
        errors.push((keys[0].to_string(), "Order at least one.".to_owned()));
    }
    let start = kv::get(&input, "start_time").filter(|v| !v.is_empty());
    if start.is_none() {
        errors.push(("start_time".to_owned(), "This field is required.".to_owned()));
    }
    let months = match kv::get(&input, "months").map(str::parse::<i64>) {
        Some(Ok(m)) if m > 0 => Some(m),
        _ => {
            errors.push(("months".to_owned(), "This field is required.".to_owned()));
            None
        }
    };
    match (months, start, errors.is_empty()) {
        (Some(months), Some(start), true) => Ok(Bundle { items, months, start: start.to_owned() }),
        _ => Err(bad_request(&input, &errors)),
    }
}

/// A valid resource or software order: each key's quantity, the months, the start.
struct Bundle {
    items: Vec<(String, i64)>,
    months: i64,
    start: String,
}

fn bundle_price(items: &[(String, i64)], months: i64) -> i64 {
    items.iter().map(|(key, n)| price(key, *n, months)).sum()
}

const SOFTWARE_KEYS: [&str; 3] = [SOFTWARE[0].0, SOFTWARE[1].0, SOFTWARE[2].0];
const RESOURCE_KEYS: [&str; 4] = [RESOURCES[0].0, RESOURCES[1].0, RESOURCES[2].0, RESOURCES[3].0];

async fn calculate_software(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let Bundle { items, months, .. } = bundle(&SOFTWARE_KEYS, &body)?;
    Ok(store.with(|s| quote(s, bundle_price(&items, months))))
}

/// Adds one subscription per ordered part and charges the order.
fn subscribe(s: &mut Cloudsigma, parts: Vec<(String, String, String, i64)>, months: i64, start: &str) -> Vec<Props> {
    let end = add_months(start, months as u32);
    let mut created = Vec::new();
    for (key, label, unit, quantity) in parts {
        created.push(vec![
            ("type".into(), key.clone()),
            ("subscription".into(), s.uuid()),
            ("type_str".into(), label),
            ("unit".into(), unit),
            ("quantity".into(), quantity.to_string()),
            ("start_time".into(), start.to_owned()),
            ("end_time".into(), end.clone()),
        ]);
    }
    created
}

/// 11.10: answers the new subscriptions, one per resource ordered.
async fn create_resources(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let Bundle { items, months, start } = bundle(&RESOURCE_KEYS, &body)?;
    store.with(|s| {
        let parts = RESOURCES
            .iter()
            .filter_map(|(key, label, unit, _)| {
                let n = items.iter().find(|(k, n)| k == key && *n > 0)?.1;
                Some((key.to_string(), label.to_string(), unit.to_string(), n))
            })
            .collect();
        let created = subscribe(s, parts, months, &start);
        let what: Vec<String> = items.iter().filter(|(_, n)| *n > 0).map(|(k, n)| format!("{n} {k}")).collect();
        s.ledger.charge(
            bundle_price(&items, months),
            format!("Subscription: {} for {months} month(s) from {start}", what.join(", ")),
        );
        let body = created.iter().map(kv::write_props).collect();
        s.ledger.subscriptions.extend(created);
        Ok(body)
    })
}

/// 11.15: echoes the order with its `end_time`, and lists the licences
/// among the subscriptions.
async fn create_software(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let Bundle { items, months, start } = bundle(&SOFTWARE_KEYS, &body)?;
    store.with(|s| {
        let parts = SOFTWARE
            .iter()
            .filter_map(|(code, name)| {
                let n = items.iter().find(|(k, n)| k == code && *n > 0)?.1;
                Some((code.to_string(), name.to_string(), "licences".to_owned(), n))
            })
            .collect();
        let created = subscribe(s, parts, months, &start);
        s.ledger
            .charge(bundle_price(&items, months), format!("Software subscription for {months} month(s) from {start}"));
        s.ledger.subscriptions.extend(created);
        let mut echo: Props = items.iter().map(|(k, n)| (k.clone(), n.to_string())).collect();
        echo.push(("start_time".into(), start.clone()));
        echo.push(("end_time".into(), format!("{}:00", add_months(&start, months as u32))));
        Ok(kv::write_props(&echo))
    })
}

fn quote(s: &Cloudsigma, cents: i64) -> String {
    kv::write([("amount", money(cents).as_str()), ("currency", s.ledger.currency.as_str())])
}

async fn calculate(
    State(store): State<Store<Cloudsigma>>,
    Path(kind): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let (quantity, months, _) = order(&kind, &body)?;
    Ok(store.with(|s| quote(s, price(&kind, quantity, months))))
}

async fn create(
    State(store): State<Store<Cloudsigma>>,
    Path(kind): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let (quantity, months, start) = order(&kind, &body)?;
    store.with(|s| {
        let end = add_months(&start, months as u32);
        let mut created = Vec::new();
        for _ in 0..quantity {
            let (resource, label, unit) = if kind == "ip" {
                s.ledger.next_ip += 1;
                let ip = format!("91.203.56.{}", s.ledger.next_ip % 250 + 2);
                (ip, "Static IP address", "IPs")
            } else {
                (s.uuid(), "Private network VLAN", "VLANs")
            };
            let props: Props = vec![
                ("type".into(), kind.clone()),
                ("subscription".into(), s.uuid()),
                ("resource".into(), resource),
                ("type_str".into(), label.into()),
                ("unit".into(), unit.into()),
                ("quantity".into(), quantity.to_string()),
                ("start_time".into(), start.clone()),
                ("end_time".into(), end.clone()),
            ];
            created.push(props);
        }
        let what = if kind == "ip" { "static IP address" } else { "private network VLAN" };
        s.ledger.charge(
            price(&kind, quantity, months),
            format!("Subscription: {quantity} x {what} for {months} month(s) from {start}"),
        );
        let body = created.iter().map(kv::write_props).collect();
        s.ledger.subscriptions.extend(created);
        Ok(body)
    })
}

fn months(body: &str) -> Result<u32, Failure> {
    let input = kv::parse(body);
    match kv::get(&input, "months").map(str::parse::<u32>) {
        Some(Ok(m)) if m > 0 => Ok(m),
        _ => Err(bad_request(&input, &[("months".to_owned(), "This field is required.".to_owned())])),
    }
}

fn subscription_price(props: &Props, months: u32) -> i64 {
    let quantity = kv::get(props, "quantity").and_then(|q| q.parse().ok()).unwrap_or(1);
    price(kv::get(props, "type").unwrap_or_default(), quantity, i64::from(months))
}

/// The subscription `uuid` names, and the months the body asks to extend it by.
fn extension<'a>(s: &'a mut Cloudsigma, uuid: &str, body: &str) -> Result<(&'a mut Props, u32), Failure> {
    let months = months(body)?;
    let props = s
        .ledger
        .subscriptions
        .iter_mut()
        .find(|p| kv::get(p, "subscription") == Some(uuid))
        .ok_or_else(|| not_found(format!("Subscription {uuid} not found")))?;
    Ok((props, months))
}

async fn calculate_extension(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    store.with(|s| {
        let cents = extension(s, &uuid, &body).map(|(props, months)| subscription_price(props, months))?;
        Ok(quote(s, cents))
    })
}

async fn extend(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    store.with(|s| {
        let (props, months) = extension(s, &uuid, &body)?;
        let end = add_months(kv::get(props, "end_time").unwrap_or_default(), months);
        kv::set(props, "end_time", end);
        let cents = subscription_price(props, months);
        let label = kv::get(props, "type_str").unwrap_or_default().to_owned();
        let body = kv::write_props(props);
        s.ledger.charge(cents, format!("Subscription extended: {label} by {months} month(s)"));
        Ok(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_match_the_doc_examples() {
        assert_eq!(money(price("ip", 2, 1)), "16.00");
        assert_eq!(money(price("vlan", 2, 1)), "40.00");
        assert_eq!(money(price("cpu", 2000, 1)), "60.00");
        let software =
            [("msft_lwa_00135".to_owned(), 1), ("msft_p73_04837".to_owned(), 1), ("msft_tfa_00009".to_owned(), 1)];
        assert_eq!(money(bundle_price(&software, 1)), "45.00", "11.16's calculation");
    }

    #[test]
    fn amounts_and_dates() {
        assert_eq!(cents("1220.87"), Some(122_087));
        assert_eq!(cents("-13.75"), Some(-1375));
        assert_eq!(cents("5"), Some(500));
        assert_eq!(money(-1375), "-13.75");
        assert_eq!(add_months("2010-03-10 20:58", 4), "2010-07-10 20:58");
        assert_eq!(add_months("2010-12-31 00:00", 1), "2011-01-28 00:00");
    }

    #[test]
    fn the_seed_keeps_the_doc_and_adds_history() {
        let ledger = Ledger::seed();
        assert_eq!(ledger.balance_cents, 122_087);
        assert_eq!(kv::get(&ledger.transactions[0], "total"), Some("-13.75"));
        assert_eq!(ledger.transactions.len(), 6 + 23 + 1);
        assert_eq!(kv::get(&ledger.subscriptions[3], "type"), Some("cpu"));
        assert_eq!(kv::get(&ledger.subscriptions[0], "subscription"), Some(SUBSCRIPTION_IDS[0]));
    }
}
