//! `vpsctl addresses`: every IP address of the account (VPS.NET) with its
//! notes and consumer id, moving one to another server of its cloud
//! (`--yes`), and justified addresses (asking for more is billed: `--yes`).

use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::providers::vpsnet::ext::account_ips::{Justification, JustificationKind};
use vpsdesk_core::providers::vpsnet::ext::cloud_groups::CloudGroup;
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::extras::{changed, confirm, done};
use crate::output::Flags;
use crate::output::{list, opt};
use crate::Failure;

#[derive(Subcommand)]
pub enum AddressesCmd {
    /// Every address of the account: server, cloud, consumer id and notes
    List {
        account: AccountArg,
        /// Only the addresses of this consumer id (sent to VPS.NET as consumer_id)
        #[arg(long)]
        consumer: Option<String>,
    },
    /// Replace an address's notes and consumer id (0 or left out: none)
    Edit {
        account: AccountArg,
        id: String,
        #[arg(long, default_value = "")]
        notes: String,
        #[arg(long)]
        consumer: Option<String>,
    },
    /// Move an address to another server on the same cloud
    Reassign { account: AccountArg, id: String, server: String },
    /// Justified addresses asked for, and their state
    Justified { account: AccountArg },
    /// Ask for more addresses for a server, one per --website DOMAIN or --reason TEXT
    Justify {
        account: AccountArg,
        server: String,
        /// An address for a website: its domain name (repeatable)
        #[arg(long = "website")]
        websites: Vec<String>,
        /// An address for another reason (repeatable)
        #[arg(long = "reason")]
        reasons: Vec<String>,
    },
}

/// `vpsctl catalog ACCOUNT cloud-groups`: how VPS.NET groups its clouds.
pub fn cloud_groups(groups: &[CloudGroup], json: bool) {
    list(json, groups, &["ID", "NAME", "CLOUDS"], |g| vec![g.id.clone(), g.name.clone(), g.clouds.join(", ")]);
}

pub async fn run(service: &AppService, cmd: AddressesCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        AddressesCmd::List { account, consumer } => {
            let ips = service.account_ips(&account.resolve(service)?, consumer.as_deref()).await?;
            list(json, &ips, &["ID", "ADDRESS", "NETMASK", "SERVER", "CLOUD", "CONSUMER", "NOTES"], |ip| {
                vec![
                    ip.id.clone(),
                    ip.ip.clone(),
                    opt(&ip.netmask),
                    opt(&ip.server_id),
                    opt(&ip.cloud_id),
                    opt(&ip.consumer_id),
                    opt(&ip.notes),
                ]
            });
            Ok(ExitCode::SUCCESS)
        }
        AddressesCmd::Edit { account, id, notes, consumer } => {
            changed(service, account, format!("address {id} changed"), async |a| {
                service.edit_account_ip(a, &id, &notes, consumer.as_deref()).await
            })
            .await
        }
        AddressesCmd::Reassign { account, id, server } => {
            confirm(yes, format!("moving address {id} to server {server} takes it off the server that has it now"))?;
            let account = account.resolve(service)?;
            let ip = service.reassign_ip(&account, &id, &server, true).await?;
            done(format!("{}: {ip} moved to server {server}", account.name))
        }
        AddressesCmd::Justified { account } => {
            let justified = service.justified_ips(&account.resolve(service)?).await?;
            list(json, &justified, &["ID", "ADDRESS", "SERVER", "KIND", "REASON", "STATUS"], |j| {
                vec![opt(&j.id), opt(&j.ip), opt(&j.server_id), opt(&j.kind), opt(&j.reason), opt(&j.status)]
            });
            Ok(ExitCode::SUCCESS)
        }
        AddressesCmd::Justify { account, server, websites, reasons } => {
            let all: Vec<Justification> = websites
                .into_iter()
                .map(|reason| Justification { kind: JustificationKind::Website, reason })
                .chain(reasons.into_iter().map(|reason| Justification { kind: JustificationKind::Other, reason }))
                .collect();
            if all.is_empty() {
                return Err(Failure::Core(Error::field(
                    "reasons",
                    "give --website DOMAIN or --reason TEXT for each address",
                )));
            }
            confirm(
                yes,
                format!("asking for {} address(es) for server {server}: granted addresses are billed", all.len()),
            )?;
            changed(
                service,
                account,
                format!("{} justified address(es) requested for server {server}", all.len()),
                async |a| service.request_justified_ips(a, &server, &all, true).await,
            )
            .await
        }
    }
}
