//! `vpsctl servers backup-convert` (a backup becomes a custom template) and
//! `vpsctl templates custom-edit` (its description, system and notes).

use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::providers::vpsnet::ext::template_authoring::TemplateEdit;
use vpsdesk_core::AppService;

use crate::account_arg::AccountArg;
use crate::extras::{changed, done};
use crate::Failure;

/// Flattened into `vpsctl servers`.
#[derive(Subcommand)]
pub enum ConvertCmd {
    /// Turn one of the server's backups into a custom template (the backup stays)
    BackupConvert { account: AccountArg, id: String, backup: String },
}

/// Flattened into `vpsctl templates`.
#[derive(Subcommand)]
pub enum EditCmd {
    /// Change a custom template's description, and its system or notes when given
    CustomEdit {
        account: AccountArg,
        id: String,
        #[arg(long)]
        description: String,
        /// The system shown for it (left as it is when not given)
        #[arg(long = "os")]
        operating_system: Option<String>,
        /// Notes shown with the template (left as they are when not given)
        #[arg(long)]
        info: Option<String>,
    },
}

pub async fn convert(service: &AppService, cmd: ConvertCmd) -> Result<ExitCode, Failure> {
    let ConvertCmd::BackupConvert { account, id, backup } = cmd;
    let account = account.resolve(service)?;
    service.convert_backup(&account, &id, &backup).await?;
    done(format!(
        "{}: backup {backup} of server {id} is being turned into a custom template (see `vpsctl templates custom`)",
        account.name
    ))
}

pub async fn edit(service: &AppService, cmd: EditCmd) -> Result<ExitCode, Failure> {
    let EditCmd::CustomEdit { account, id, description, operating_system, info } = cmd;
    changed(service, account, format!("custom template {id} changed"), async |a| {
        service.edit_custom_template(a, &id, &TemplateEdit { operating_system, description, info }).await
    })
    .await
}
