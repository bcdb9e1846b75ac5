//! `vpsctl billing`: balances, invoices (and their PDFs), transactions,
//! usage, prices and subscriptions. Buying or extending a subscription
//! shows the provider's price first (for CloudSigma resources, whose API
//! calculates none, its listed rates) and needs `--yes`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::capabilities::billing::{
    grouped, BundleItem, BundleKind, BundleOrder, BundleQuote, Quote, Subscription, SubscriptionKind,
    SubscriptionOrder, TotalScope,
};
use vpsdesk_core::AppService;

use crate::account_arg::AccountArg;
use crate::output::Flags;
use crate::output::{json_or, list, opt, say, tell};
use crate::Failure;

#[derive(Subcommand)]
pub enum BillingCmd {
    /// Balance of every account whose provider reports one (positive = credit, negative = owed)
    Balance {
        #[arg(long)]
        account: Option<AccountArg>,
    },
    /// The account's invoices
    Invoices { account: AccountArg },
    /// Save an invoice as PDF (an interrupted download is resumed)
    InvoicePdf {
        account: AccountArg,
        id: String,
        #[arg(long)]
        output: PathBuf,
    },
    /// Charges and payments (negative = a charge)
    Transactions { account: AccountArg },
    /// Current use of each resource (CloudSigma), hours not yet billed per server (VPS247)
    Usage { account: AccountArg },
    /// The provider's current price list
    Pricing { account: AccountArg },
    /// Currencies the provider bills in
    Currencies { account: AccountArg },
    /// The account's subscriptions
    Subscriptions { account: AccountArg },
    /// What the account has subscribed in total, per resource and network kind
    Totals { account: AccountArg },
    /// Subscribe to IP addresses or VLANs: prints the provider's price, and buys with --yes
    Subscribe {
        account: AccountArg,
        /// ip or vlan
        #[arg(long)]
        kind: String,
        #[arg(long, default_value_t = 1)]
        quantity: u32,
        #[arg(long, default_value_t = 1)]
        months: u32,
        /// "YYYY-MM-DD HH:MM" (UTC); now when left out
        #[arg(long)]
        start: Option<String>,
    },
    /// Subscribe to CloudSigma resources: prints the listed rates (CloudSigma calculates no price for resources), and buys with --yes
    SubscribeResources {
        account: AccountArg,
        /// CPU, core MHz (at least 2000)
        #[arg(long, default_value_t = 0)]
        cpu: u32,
        /// Memory, MB (at least 1024)
        #[arg(long, default_value_t = 0)]
        mem: u32,
        /// Disk, GB
        #[arg(long, default_value_t = 0)]
        disk: u32,
        /// Data transfer, GB per month
        #[arg(long, default_value_t = 0)]
        xfer: u32,
        #[arg(long, default_value_t = 1)]
        months: u32,
        /// "YYYY-MM-DD HH:MM" (UTC); now when left out
        #[arg(long)]
        start: Option<String>,
    },
    /// Subscribe to CloudSigma software licences: prints the provider's price, and buys with --yes
    SubscribeSoftware {
        account: AccountArg,
        /// PRODUCT=COUNT, repeatable; products: msft_lwa_00135 (Windows Web Server 2008), msft_p73_04837 (Windows Server 2008 Standard), msft_tfa_00009 (Microsoft SQL Server 2008 Web Edition)
        #[arg(long = "licence", value_name = "PRODUCT=COUNT", required = true)]
        licences: Vec<String>,
        #[arg(long, default_value_t = 1)]
        months: u32,
        /// "YYYY-MM-DD HH:MM" (UTC); now when left out
        #[arg(long)]
        start: Option<String>,
    },
    /// Extend a subscription: prints the provider's price, and extends with --yes
    Extend {
        account: AccountArg,
        id: String,
        #[arg(long, default_value_t = 1)]
        months: u32,
    },
}

pub async fn run(service: &AppService, cmd: BillingCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    let ok = Ok(ExitCode::SUCCESS);
    match cmd {
        BillingCmd::Balance { account } => {
            let report = match account {
                Some(name) => {
                    let account = name.resolve(service)?;
                    let balance = service.balance(&account).await?;
                    vpsdesk_core::service::billing::BalanceReport { balances: vec![balance], errors: Vec::new() }
                }
                None => service.balances(&service.accounts()?).await,
            };
            // Partial results only: when no account answered the errors are all there is.
            let answered = !report.balances.is_empty() || report.errors.is_empty();
            if answered {
                list(
                    json,
                    &report.balances,
                    &["ACCOUNT", "PROVIDER", "BALANCE", "CURRENCY", "MEANS", "PENDING", "LAST PAYMENT"],
                    |b| {
                        let last = match (&b.last_payment_amount, &b.last_payment_date) {
                            (Some(a), Some(d)) => format!("{} on {d}", grouped(*a)),
                            (Some(a), None) => grouped(*a),
                            _ => String::new(),
                        };
                        vec![
                            b.account.clone(),
                            b.provider.to_string(),
                            b.balance.to_string(),
                            b.currency.clone(),
                            b.summary.clone(),
                            opt(&b.pending_charges),
                            last,
                        ]
                    },
                );
            }
            for e in &report.errors {
                tell!("error: {}: {}", e.account, e.error.message);
            }
            Ok(if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        BillingCmd::Invoices { account } => {
            let invoices = service.invoices(&account.resolve(service)?).await?;
            list(json, &invoices, &["ID", "NUMBER", "DATE", "DUE", "AMOUNT", "CURRENCY", "STATUS"], |i| {
                vec![
                    i.id.clone(),
                    i.number.clone(),
                    i.date.to_string(),
                    opt(&i.due_date),
                    i.amount.to_string(),
                    i.currency.clone(),
                    i.provider_status.clone(),
                ]
            });
            ok
        }
        BillingCmd::InvoicePdf { account, id, output } => {
            let account = account.resolve(service)?;
            let saved = service.save_invoice_pdf(&account, &id, &output).await?;
            say!("{}: invoice {id} saved to {} ({} bytes)", account.name, saved.path, saved.bytes);
            ok
        }
        BillingCmd::Transactions { account } => {
            let transactions = service.transactions(&account.resolve(service)?).await?;
            list(json, &transactions, &["DATE", "AMOUNT", "CURRENCY", "DESCRIPTION"], |x| {
                vec![x.date.to_string(), x.amount.to_string(), x.currency.clone(), x.description.clone()]
            });
            ok
        }
        BillingCmd::Usage { account } => {
            let rows = service.usage(&account.resolve(service)?).await?;
            list(json, &rows, &["RESOURCE", "WHAT", "USED", "BURST", "SUBSCRIBED", "UNIT"], |u| {
                vec![
                    u.resource.clone(),
                    u.label.clone(),
                    opt(&u.used),
                    opt(&u.burst),
                    opt(&u.subscribed),
                    u.unit.clone(),
                ]
            });
            ok
        }
        BillingCmd::Pricing { account } => {
            let prices = service.pricing(&account.resolve(service)?).await?;
            list(json, &prices, &["RESOURCE", "WHAT", "PRICE", "CURRENCY"], |p| {
                vec![p.resource.clone(), p.label.clone(), p.amount.to_string(), p.currency.clone()]
            });
            ok
        }
        BillingCmd::Currencies { account } => {
            let currencies = service.currencies(&account.resolve(service)?).await?;
            json_or(json, &currencies, |c| say!("{}", c.join("\n")));
            ok
        }
        BillingCmd::Subscriptions { account } => {
            let subs = service.subscriptions(&account.resolve(service)?).await?;
            subscriptions(&subs, json);
            ok
        }
        BillingCmd::Totals { account } => {
            let totals = service.subscribed_totals(&account.resolve(service)?).await?;
            list(json, &totals, &["SCOPE", "RESOURCE", "WHAT", "QUANTITY", "UNIT"], |t| {
                let scope = match t.scope {
                    TotalScope::Resources => "resources",
                    TotalScope::Network => "network",
                };
                vec![scope.into(), t.resource.clone(), t.label.clone(), t.quantity.clone(), t.unit.clone()]
            });
            ok
        }
        BillingCmd::Subscribe { account, kind, quantity, months, start } => {
            let kind = SubscriptionKind::parse(&kind)
                .ok_or_else(|| Failure::Usage(format!("unknown subscription kind {kind:?}; use ip or vlan")))?;
            let account = account.resolve(service)?;
            let order = SubscriptionOrder { kind, quantity, months, start };
            let quote = service.quote_subscription(&account, &order).await?;
            if !yes {
                return Err(unconfirmed(&quote, "this subscription", "buy it"));
            }
            let created = service.create_subscription(&account, &order).await?;
            tell!("{}: bought for {}", account.name, price(&quote));
            subscriptions(&created, json);
            ok
        }
        BillingCmd::SubscribeResources { account, cpu, mem, disk, xfer, months, start } => {
            let items = [("cpu", cpu), ("mem", mem), ("disk", disk), ("xfer", xfer)]
                .into_iter()
                .filter(|(_, q)| *q > 0)
                .map(|(key, quantity)| BundleItem { key: key.into(), quantity })
                .collect();
            buy_bundle(service, account, BundleOrder { kind: BundleKind::Resources, items, months, start }, yes, json)
                .await
        }
        BillingCmd::SubscribeSoftware { account, licences, months, start } => {
            let items = licences.iter().map(|l| licence(l)).collect::<Result<_, _>>()?;
            buy_bundle(service, account, BundleOrder { kind: BundleKind::Software, items, months, start }, yes, json)
                .await
        }
        BillingCmd::Extend { account, id, months } => {
            let account = account.resolve(service)?;
            let quote = service.quote_extension(&account, &id, months).await?;
            if !yes {
                return Err(unconfirmed(&quote, "this extension", "extend it"));
            }
            let extended = service.extend_subscription(&account, &id, months).await?;
            tell!("{}: extended for {}", account.name, price(&quote));
            subscriptions(&[extended], json);
            ok
        }
    }
}

/// `PRODUCT=COUNT`, or a bare `PRODUCT` for one licence.
fn licence(text: &str) -> Result<BundleItem, Failure> {
    let (key, count) = text.split_once('=').unwrap_or((text, "1"));
    let quantity = count
        .trim()
        .parse()
        .map_err(|_| Failure::Usage(format!("--licence {text:?}: write PRODUCT=COUNT, COUNT a whole number")))?;
    Ok(BundleItem { key: key.trim().to_string(), quantity })
}

/// Prices the bundle (CloudSigma's calculation for software, the listed
/// rates for resources) and buys it only with `--yes`.
async fn buy_bundle(
    service: &AppService,
    account: AccountArg,
    order: BundleOrder,
    yes: bool,
    json: bool,
) -> Result<ExitCode, Failure> {
    let account = account.resolve(service)?;
    let quote = service.quote_bundle(&account, &order).await?;
    let said = bundle_price(&quote);
    if !yes {
        return Err(Failure::Usage(match quote.total {
            Some(_) => format!("this subscription costs {said} (the provider's quote); run again with --yes to buy it"),
            None => format!(
                "CloudSigma's API calculates no price for resources; its listed rates: {said}; CloudSigma charges the total when you buy. Run again with --yes to buy it"
            ),
        }));
    }
    let created = service.create_bundle(&account, &order).await?;
    match quote.total {
        Some(_) => tell!("{}: bought for {said}", account.name),
        None => tell!("{}: bought at the listed rates ({said}); see the charge in billing transactions", account.name),
    }
    subscriptions(&created, json);
    Ok(ExitCode::SUCCESS)
}

/// The total, or each part's quantity and rate where there is no total.
fn bundle_price(q: &BundleQuote) -> String {
    match q.total {
        Some(total) => format!("{} {}", grouped(total), q.currency),
        None => q
            .lines
            .iter()
            .map(|l| match l.rate {
                Some(rate) => format!("{} {} {} at {rate} {} per unit", l.label, l.quantity, l.unit, q.currency),
                None => format!("{} {} {} (no listed rate)", l.label, l.quantity, l.unit),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn price(q: &Quote) -> String {
    format!("{} {}", grouped(q.amount), q.currency)
}

/// Nothing is bought without `--yes`; the price is the answer.
fn unconfirmed(quote: &Quote, what: &str, act: &str) -> Failure {
    Failure::Usage(format!("{what} costs {} (the provider's quote); run again with --yes to {act}", price(quote)))
}

fn subscriptions(subs: &[Subscription], json: bool) {
    list(json, subs, &["ID", "KIND", "WHAT", "QUANTITY", "UNIT", "RESOURCE", "START", "END"], |s| {
        vec![
            opt(&s.id),
            s.kind.clone(),
            s.label.clone(),
            s.quantity.clone(),
            s.unit.clone(),
            opt(&s.resource),
            opt(&s.start),
            opt(&s.end),
        ]
    })
}
