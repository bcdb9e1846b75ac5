//! `vpsctl servers settings|configure`: a server's name, host name and
//! automatic backups, replaced in one call where the provider's API has a
//! full update (VPS.org). Options left out keep their current value.

use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use vpsdesk_core::providers::vpsorg::ext::settings::ServerSettings;
use vpsdesk_core::AppService;

use crate::account_arg::AccountArg;
use crate::output::Flags;
use crate::output::{json_or, say, table};
use crate::Failure;

#[derive(Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

/// Flattened into `vpsctl servers`.
#[derive(Subcommand)]
pub enum SettingsCmd {
    /// The server's name, host name and automatic backups
    Settings { account: AccountArg, id: String },
    /// Replace the server's name, host name and automatic backups (options left out stay as they are)
    Configure {
        account: AccountArg,
        id: String,
        #[arg(long)]
        name: Option<String>,
        /// Fully qualified, e.g. web01.example.com
        #[arg(long)]
        hostname: Option<String>,
        /// Automatic backups taken by the provider
        #[arg(long, value_enum)]
        backups: Option<OnOff>,
    },
}

fn show(s: &ServerSettings, json: bool) {
    json_or(json, s, |s| {
        let mut t = table(&["NAME", "HOSTNAME", "BACKUPS"]);
        t.add_row(vec![s.name.clone(), s.hostname.clone(), if s.backups_enabled { "on" } else { "off" }.to_string()]);
        say!("{t}");
    })
}

pub async fn run(service: &AppService, cmd: SettingsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, .. } = flags;
    match cmd {
        SettingsCmd::Settings { account, id } => {
            show(&service.server_settings(&account.resolve(service)?, &id).await?, json);
        }
        SettingsCmd::Configure { account, id, name, hostname, backups } => {
            if name.is_none() && hostname.is_none() && backups.is_none() {
                return Err(Failure::Usage("nothing to change: give --name, --hostname or --backups on|off".into()));
            }
            let account = account.resolve(service)?;
            // The provider replaces every setting at once: the ones not given are sent as they are now.
            let now = service.server_settings(&account, &id).await?;
            let new = ServerSettings {
                name: name.unwrap_or(now.name),
                hostname: hostname.unwrap_or(now.hostname),
                backups_enabled: backups.map_or(now.backups_enabled, |b| matches!(b, OnOff::On)),
            };
            show(&service.update_server_settings(&account, &id, &new).await?, json);
        }
    }
    Ok(ExitCode::SUCCESS)
}
