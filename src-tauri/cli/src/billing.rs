//! `vpsctl billing`: balances, invoices (and their PDFs), transactions,
//! usage, prices and subscriptions. Buying or extending a subscription
//! shows the provider's price first and needs `--yes`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::capabilities::billing::{
    grouped, Quote, Subscription, SubscriptionKind, SubscriptionOrder, TotalScope,
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
