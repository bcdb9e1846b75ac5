//! `vpsctl servers resources|edit|upgrade-storage|managed-transfer|licences|
//! licence-buy|licence-cancel`: a server's nodes, backup options, consumer
//! and label (VPS.NET's edit), changed after the current values are read;
//! more nodes need `--yes` (billed, and a storage upgrade stops the
//! server); its managed service moved to another server; its control-panel
//! licences, bought or cancelled with `--yes`.

use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::providers::vpsnet::ext::licences::{self, ServerLicenceChange, ServerLicences};
use vpsdesk_core::providers::vpsnet::ext::server_resources::{self, ResourcesChange, ServerResources};
use vpsdesk_core::AppService;

use crate::account_arg::AccountArg;
use crate::extras::{changed, confirm, done};
use crate::output::Flags;
use crate::output::{opt, print_json, say, table};
use crate::settings::OnOff;
use crate::Failure;

/// Flattened into `vpsctl servers`.
#[derive(Subcommand)]
pub enum PlanCmd {
    /// The server's nodes of each kind, backup options, consumer id and label
    Resources { account: AccountArg, id: String },
    /// Change the server's nodes, backup options, consumer id or label (the rest stay as they are)
    Edit {
        account: AccountArg,
        id: String,
        #[arg(long)]
        name: Option<String>,
        /// Regular nodes (at least 1)
        #[arg(long)]
        nodes: Option<u32>,
        #[arg(long)]
        daily_nodes: Option<u32>,
        #[arg(long)]
        storage_nodes: Option<u32>,
        #[arg(long)]
        ram_nodes: Option<u32>,
        #[arg(long)]
        bandwidth_nodes: Option<u32>,
        #[arg(long, value_enum)]
        backups: Option<OnOff>,
        #[arg(long, value_enum)]
        rsync_backups: Option<OnOff>,
        #[arg(long, value_enum)]
        r1soft_backups: Option<OnOff>,
        /// The reseller's customer id; 0 for none
        #[arg(long)]
        consumer: Option<String>,
        /// Put the disk resize off until then: "YYYY-MM-DD HH:MM", US Eastern time
        #[arg(long)]
        delay_storage_until: Option<String>,
    },
    /// Move the server's managed service to another server (never a Windows one)
    ManagedTransfer {
        account: AccountArg,
        id: String,
        to_server: String,
        /// The id of an added address to move along (`vpsctl addresses list`)
        #[arg(long)]
        reassign_ip: Option<String>,
    },
    /// The server's control-panel licences (cPanel, ISPmanager, add-ons): held and offered
    Licences { account: AccountArg, id: String },
    /// Buy a control-panel licence for the server (one control panel at a time; add-ons need one)
    LicenceBuy {
        account: AccountArg,
        id: String,
        /// The licence id (`servers licences`)
        licence: String,
    },
    /// Cancel a licence of the server (a control panel takes its add-ons along)
    LicenceCancel { account: AccountArg, id: String, licence: String },
    /// Resize the disk now to what the server's nodes give (the server is down meanwhile)
    UpgradeStorage { account: AccountArg, id: String },
}

fn on(v: Option<OnOff>, now: bool) -> bool {
    v.map_or(now, |v| matches!(v, OnOff::On))
}

fn show(r: &ServerResources, json: bool) {
    if json {
        print_json(r);
        return;
    }
    let yes_no = |b: bool| if b { "on" } else { "off" }.to_string();
    let mut t = table(&[
        "NAME",
        "NODES",
        "DAILY",
        "STORAGE",
        "RAM",
        "BANDWIDTH",
        "BACKUPS",
        "RSYNC",
        "R1SOFT",
        "CONSUMER",
        "STORAGE DELAYED UNTIL",
    ]);
    t.add_row(vec![
        r.name.clone(),
        r.nodes.to_string(),
        r.daily_nodes.to_string(),
        r.storage_nodes.to_string(),
        r.ram_nodes.to_string(),
        r.bandwidth_nodes.to_string(),
        yes_no(r.backups),
        yes_no(r.rsync_backups),
        yes_no(r.r1soft_backups),
        opt(&r.consumer_id),
        opt(&r.delayed_storage_until),
    ]);
    say!("{t}");
}

fn show_licences(l: &ServerLicences, json: bool) {
    if json {
        print_json(l);
        return;
    }
    if l.licences.is_empty() {
        say!("(none)");
    } else {
        let mut t = table(&["ID", "NAME", "KIND", "HELD"]);
        for x in &l.licences {
            let kind =
                serde_json::to_value(x.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            t.add_row(vec![x.id.clone(), x.name.clone(), kind, if x.held { "yes" } else { "no" }.to_string()]);
        }
        say!("{t}");
    }
    if !l.offered_known {
        say!("VPS.NET did not list the licences this server can have; licence-buy takes the id VPS.NET gives for one.");
    }
}

fn held(l: &ServerLicences) -> String {
    let names: Vec<&str> = l.licences.iter().filter(|x| x.held).map(|x| x.name.as_str()).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

async fn change_licence(
    service: &AppService,
    account: &AccountArg,
    id: &str,
    licence: &str,
    buy: bool,
    yes: bool,
) -> Result<ExitCode, Failure> {
    let licence = licences::licence_id(licence)?;
    let name = licences::describe(&licence, None);
    let what = if buy {
        format!("{name} is billed by VPS.NET from the purchase on")
    } else {
        format!("cancelling {name} removes it from server {id}, and a control panel's add-ons with it")
    };
    confirm(yes, what)?;
    let account = account.resolve(service)?;
    let change = ServerLicenceChange { licence, buy, confirm: true };
    let after = service.change_server_licence(&account, id, &change).await?;
    let name = after
        .licences
        .iter()
        .find(|x| x.id == change.licence)
        .map_or(name, |x| licences::describe(&x.id, Some(&x.name)));
    let did = if buy { "bought" } else { "cancelled" };
    done(format!("{}: server {id}: {name} {did}; licences now: {}", account.name, held(&after)))
}

pub async fn run(service: &AppService, cmd: PlanCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        PlanCmd::Resources { account, id } => {
            show(&service.server_resources(&account.resolve(service)?, &id).await?, json);
            Ok(ExitCode::SUCCESS)
        }
        PlanCmd::Edit {
            account,
            id,
            name,
            nodes,
            daily_nodes,
            storage_nodes,
            ram_nodes,
            bandwidth_nodes,
            backups,
            rsync_backups,
            r1soft_backups,
            consumer,
            delay_storage_until,
        } => {
            let nothing = name.is_none()
                && nodes.is_none()
                && daily_nodes.is_none()
                && storage_nodes.is_none()
                && ram_nodes.is_none()
                && bandwidth_nodes.is_none()
                && backups.is_none()
                && rsync_backups.is_none()
                && r1soft_backups.is_none()
                && consumer.is_none()
                && delay_storage_until.is_none();
            if nothing {
                return Err(Failure::Usage(
                    "nothing to change: give --nodes, --ram-nodes, --backups on|off, --consumer, --name…".into(),
                ));
            }
            let account = account.resolve(service)?;
            let now = service.server_resources(&account, &id).await?;
            let new = ServerResources {
                name: name.unwrap_or_else(|| now.name.clone()),
                nodes: nodes.unwrap_or(now.nodes),
                daily_nodes: daily_nodes.unwrap_or(now.daily_nodes),
                storage_nodes: storage_nodes.unwrap_or(now.storage_nodes),
                ram_nodes: ram_nodes.unwrap_or(now.ram_nodes),
                bandwidth_nodes: bandwidth_nodes.unwrap_or(now.bandwidth_nodes),
                backups: on(backups, now.backups),
                rsync_backups: on(rsync_backups, now.rsync_backups),
                r1soft_backups: on(r1soft_backups, now.r1soft_backups),
                consumer_id: consumer.or_else(|| now.consumer_id.clone()),
                delayed_storage_until: None,
            };
            if server_resources::grows(&now, &new) {
                let why = if server_resources::grows_storage(&now, &new) && delay_storage_until.is_none() {
                    "more nodes are billed, and the storage upgrade stops the server for a while (put it off with --delay-storage-until)"
                } else {
                    "more nodes are billed"
                };
                confirm(yes, why.to_string())?;
            }
            let change = ResourcesChange { resources: new, delay_storage_until, confirm: yes };
            show(&service.update_server_resources(&account, &id, &change).await?, json);
            Ok(ExitCode::SUCCESS)
        }
        PlanCmd::ManagedTransfer { account, id, to_server, reassign_ip } => {
            confirm(yes, format!("the managed service of server {id} moves to server {to_server}"))?;
            changed(
                service,
                account,
                format!("managed service of server {id} moved to server {to_server}"),
                async |a| service.transfer_managed_service(a, &id, &to_server, reassign_ip.as_deref(), true).await,
            )
            .await
        }
        PlanCmd::Licences { account, id } => {
            show_licences(&service.server_licences(&account.resolve(service)?, &id).await?, json);
            Ok(ExitCode::SUCCESS)
        }
        PlanCmd::LicenceBuy { account, id, licence } => {
            change_licence(service, &account, &id, &licence, true, yes).await
        }
        PlanCmd::LicenceCancel { account, id, licence } => {
            change_licence(service, &account, &id, &licence, false, yes).await
        }
        PlanCmd::UpgradeStorage { account, id } => {
            confirm(yes, format!("upgrading the storage of server {id} stops it for a while"))?;
            changed(
                service,
                account,
                format!("server {id}: storage upgrade requested (the server restarts)"),
                async |a| service.upgrade_storage(a, &id, true).await,
            )
            .await
        }
    }
}
