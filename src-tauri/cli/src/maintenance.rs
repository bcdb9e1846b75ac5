//! Backups, maintenance and clones of one server, as `servers`
//! subcommands: `backups`, `backup-create`, `backup-delete`, `recovery`,
//! `rebuild-network`, `rebuild`, `clones`, `clone`, `clone-delete`, and the
//! recycle bin: `deleted`, `recover`. Long
//! operations print their job; `--wait` follows it until the provider is done.

use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::AppService;

use crate::account_arg::AccountArg;
use crate::extras::{changed, confirm, follow};
use crate::output::Flags;
use crate::output::{list, opt, Out};
use crate::Failure;

#[derive(Subcommand)]
pub enum MaintenanceCmd {
    /// The server's backups
    Backups { account: AccountArg, id: String },
    /// Take a backup now; prints the job (the backup's id is its target_id)
    BackupCreate {
        account: AccountArg,
        id: String,
        #[arg(long, default_value = "")]
        label: String,
        /// Wait until the backup is built
        #[arg(long)]
        wait: bool,
    },
    /// Delete a backup (VPS.NET deletes manual backups only)
    BackupDelete { account: AccountArg, id: String, backup: String },
    /// Boot the server into the provider's recovery system (it restarts)
    Recovery {
        account: AccountArg,
        id: String,
        #[arg(long)]
        wait: bool,
    },
    /// Regenerate the server's network configuration (it reboots)
    RebuildNetwork {
        account: AccountArg,
        id: String,
        #[arg(long)]
        wait: bool,
    },
    /// Build a server whose build did not finish (a pending server)
    Rebuild {
        account: AccountArg,
        id: String,
        #[arg(long)]
        wait: bool,
    },
    /// The server's cloning activity
    Clones { account: AccountArg, id: String },
    /// Clone the server into a new, billed server (in --region, or its own)
    Clone {
        account: AccountArg,
        id: String,
        #[arg(long)]
        region: Option<String>,
        /// Wait until the clone is a server
        #[arg(long)]
        wait: bool,
    },
    /// Servers deleted recently enough to be recovered
    Deleted { account: AccountArg },
    /// Bring a deleted server back
    Recover { account: AccountArg, id: String },
    /// Delete a clone record
    CloneDelete { account: AccountArg, id: String, clone: String },
}

pub async fn run(service: &AppService, cmd: MaintenanceCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    use MaintenanceCmd::*;
    match cmd {
        Backups { account, id } => {
            let backups = service.backups(&account.resolve(service)?, &id).await?;
            list(json, &backups, &["ID", "LABEL", "TYPE", "SIZE", "BUILT", "LOCKED", "SYSTEM", "CREATED"], |b| {
                vec![
                    b.id.clone(),
                    opt(&b.label),
                    opt(&b.kind),
                    opt(&b.size),
                    if b.built { "yes" } else { "no" }.into(),
                    if b.locked { "yes" } else { "no" }.into(),
                    opt(&b.system),
                    opt(&b.created_at),
                ]
            });
            Ok(ExitCode::SUCCESS)
        }
        BackupCreate { account, id, label, wait } => {
            let job = service.create_backup(&account.resolve(service)?, &id, &label).await?;
            follow(service, job, wait, json).await
        }
        BackupDelete { account, id, backup } => {
            confirm(yes, format!("deleting backup {backup} of server {id} destroys it"))?;
            changed(service, account, format!("server {id}: backup {backup} deleted"), async |a| {
                service.delete_backup(a, &id, &backup).await
            })
            .await
        }
        Recovery { account, id, wait } => {
            confirm(yes, format!("booting server {id} into recovery restarts it"))?;
            let job = service.boot_recovery(&account.resolve(service)?, &id).await?;
            follow(service, job, wait, json).await
        }
        RebuildNetwork { account, id, wait } => {
            confirm(yes, format!("rebuilding the network of server {id} reboots it"))?;
            let job = service.rebuild_network(&account.resolve(service)?, &id).await?;
            follow(service, job, wait, json).await
        }
        Rebuild { account, id, wait } => {
            let job = service.rebuild_pending(&account.resolve(service)?, &id).await?;
            follow(service, job, wait, json).await
        }
        Clones { account, id } => {
            let clones = service.clones(&account.resolve(service)?, &id).await?;
            list(json, &clones, &["ID", "LABEL", "STATUS", "NEW SERVER", "CREATED"], |c| {
                vec![c.id.clone(), opt(&c.label), c.status.clone(), opt(&c.cloned_server_id), opt(&c.created_at)]
            });
            Ok(ExitCode::SUCCESS)
        }
        Clone { account, id, region, wait } => {
            let job = service.create_clone(&account.resolve(service)?, &id, region.as_deref()).await?;
            follow(service, job, wait, json).await
        }
        Deleted { account } => {
            Out::new(json).servers(&service.deleted_servers(&account.resolve(service)?).await?);
            Ok(ExitCode::SUCCESS)
        }
        Recover { account, id } => {
            Out::new(json).server(&service.recover_server(&account.resolve(service)?, &id).await?);
            Ok(ExitCode::SUCCESS)
        }
        CloneDelete { account, id, clone } => {
            confirm(yes, format!("deleting clone {clone} of server {id} removes its record"))?;
            changed(service, account, format!("server {id}: clone {clone} deleted"), async |a| {
                service.delete_clone(a, &id, &clone).await
            })
            .await
        }
    }
}
