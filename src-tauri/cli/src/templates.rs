//! `vpsctl templates`: custom templates, the templates a provider offers
//! and their prices, and chargeable templates (licences), bought only with
//! `--yes`.

use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::providers::vpsnet::ext::templates::LicenseKind;
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::extras::{changed, confirm};
use crate::output::Flags;
use crate::output::{json_or, list, opt, say};
use crate::Failure;

#[derive(Subcommand)]
pub enum TemplatesCmd {
    /// The account's custom templates
    Custom { account: AccountArg },
    /// Delete a custom template (at once)
    CustomDelete { account: AccountArg, id: String },
    /// Every template offered, with its id on each region (cloud)
    Offered { account: AccountArg },
    /// A template on one region, with its monthly prices
    Price { account: AccountArg, region: String, template: String },
    /// Chargeable templates (CloudLinux, Windows) the account has bought
    Licenses { account: AccountArg },
    #[command(flatten)]
    Edit(crate::template_authoring::EditCmd),
    /// Buy a chargeable template: KIND is cloudlinux or windows
    Buy { account: AccountArg, kind: String, template: String },
}

pub async fn run(service: &AppService, cmd: TemplatesCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    use TemplatesCmd::*;
    match cmd {
        Edit(cmd) => crate::template_authoring::edit(service, cmd).await,
        Custom { account } => {
            let custom = service.custom_templates(&account.resolve(service)?).await?;
            list(json, &custom, &["ID", "LABEL", "SYSTEM", "DESCRIPTION"], |c| {
                vec![c.id.clone(), c.label.clone(), opt(&c.operating_system), opt(&c.description)]
            });
            Ok(ExitCode::SUCCESS)
        }
        CustomDelete { account, id } => {
            confirm(yes, format!("deleting custom template {id} removes it at once"))?;
            changed(service, account, format!("custom template {id} deleted"), async |a| {
                service.delete_custom_template(a, &id).await
            })
            .await
        }
        Offered { account } => {
            let offered = service.offered_templates(&account.resolve(service)?).await?;
            list(json, &offered, &["GROUP", "TEMPLATE", "REGION:ID"], |o| {
                let on: Vec<String> =
                    o.placements.iter().map(|p| format!("{}:{}", p.region_id, p.template_id)).collect();
                vec![o.group.clone(), o.name.clone(), on.join(" ")]
            });
            Ok(ExitCode::SUCCESS)
        }
        Price { account, region, template } => {
            let info = service.template_info(&account.resolve(service)?, &region, &template).await?;
            json_or(json, &info, |info| {
                let prices: Vec<String> = info.prices.iter().map(|p| format!("{} {}", p.amount, p.currency)).collect();
                let cost = if info.chargeable() { format!("{} a month", prices.join(" / ")) } else { "free".into() };
                say!("{} ({}): {cost}", info.label, info.id);
            });
            Ok(ExitCode::SUCCESS)
        }
        Licenses { account } => {
            let licenses = service.licensed_templates(&account.resolve(service)?).await?;
            list(json, &licenses, &["KIND", "ID", "TEMPLATE", "SERVER"], |l| {
                let kind =
                    serde_json::to_value(l.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                vec![kind, l.id.clone(), l.template_id.clone(), opt(&l.server_id)]
            });
            Ok(ExitCode::SUCCESS)
        }
        Buy { account, kind, template } => {
            let kind = LicenseKind::parse(&kind)
                .ok_or_else(|| Failure::Core(Error::field("kind", format!("{kind:?} is not cloudlinux or windows"))))?;
            confirm(yes, format!("buying template {template} charges the account"))?;
            changed(service, account, format!("template {template} bought"), async |a| {
                service.buy_template(a, kind, &template, true).await
            })
            .await
        }
    }
}
