//! Server extras from the terminal: `snapshots`, `sshkeys`, `scripts`, `iso`
//! and the extra `servers` subcommands (reinstall, OS change, backup
//! restore, addresses, reverse DNS, bandwidth, console). Long operations
//! print their job; `--wait` follows it until the provider is done.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::time::Duration;

use clap::Subcommand;
use vpsdesk_core::accounts::Account;
use vpsdesk_core::capabilities::Capability;
use vpsdesk_core::jobs::{Job, JobState};
use vpsdesk_core::providers::vultr::ext::scripts::{NewScript, ScriptKind, ScriptUpdate};
use vpsdesk_core::providers::vultr::ext::ssh_keys::{NewSshKey, SshKeyUpdate};
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::output::Flags;
use crate::output::{json_or, list, opt, say, table, tell};
use crate::Failure;

/// Top-level commands, flattened into `vpsctl`'s own.
#[derive(Subcommand)]
pub enum ExtrasCmd {
    /// Snapshots of the account (list, create from a server, delete, restore onto a server)
    #[command(subcommand)]
    Snapshots(SnapshotsCmd),
    /// SSH public keys stored at the provider, for new servers
    #[command(subcommand, name = "sshkeys")]
    SshKeys(SshKeysCmd),
    /// Startup scripts stored at the provider, for new servers
    #[command(subcommand)]
    Scripts(ScriptsCmd),
    /// ISO images of the account
    #[command(subcommand)]
    Iso(IsoCmd),
}

#[derive(Subcommand)]
pub enum SnapshotsCmd {
    List {
        account: AccountArg,
    },
    /// Take a snapshot of a server; prints the job (the snapshot's id is its target_id)
    Create {
        account: AccountArg,
        server: String,
        #[arg(long, default_value = "")]
        description: String,
        /// Wait until the snapshot is complete
        #[arg(long)]
        wait: bool,
    },
    Delete {
        account: AccountArg,
        snapshot: String,
    },
    /// Overwrite a server's disk with a snapshot
    Restore {
        account: AccountArg,
        server: String,
        snapshot: String,
        /// Wait until the server is back
        #[arg(long)]
        wait: bool,
    },
}

#[derive(Subcommand)]
pub enum SshKeysCmd {
    List {
        account: AccountArg,
    },
    /// Store a public key (authorized_keys format); prints its id
    Create {
        account: AccountArg,
        #[arg(long)]
        name: String,
        /// The public key itself, or `--public-key-file`
        #[arg(long, conflicts_with = "public_key_file")]
        public_key: Option<String>,
        /// A .pub file ("-" = stdin)
        #[arg(long)]
        public_key_file: Option<String>,
    },
    /// Change a key's name or key (servers installed before keep the old key)
    Update {
        account: AccountArg,
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, conflicts_with = "public_key_file")]
        public_key: Option<String>,
        #[arg(long)]
        public_key_file: Option<String>,
    },
    Delete {
        account: AccountArg,
        id: String,
    },
}

#[derive(Subcommand)]
pub enum ScriptsCmd {
    List {
        account: AccountArg,
    },
    /// Store a startup script read from FILE ("-" = stdin); prints its id
    Create {
        account: AccountArg,
        #[arg(long)]
        name: String,
        /// boot (run by the system on first boot) or pxe (run by iPXE)
        #[arg(long = "type", default_value = "boot")]
        kind: String,
        #[arg(long)]
        file: String,
    },
    Update {
        account: AccountArg,
        id: String,
        #[arg(long)]
        name: Option<String>,
        /// New content from FILE ("-" = stdin)
        #[arg(long)]
        file: Option<String>,
    },
    Delete {
        account: AccountArg,
        id: String,
    },
}

#[derive(Subcommand)]
pub enum IsoCmd {
    List { account: AccountArg },
}

/// Extra `servers` subcommands, flattened into `vpsctl servers`.
#[derive(Subcommand)]
pub enum ServerExtrasCmd {
    /// Reinstall the server's operating system (the disk is wiped)
    Reinstall {
        account: AccountArg,
        id: String,
        #[arg(long)]
        wait: bool,
    },
    /// The operating systems the server can be changed to
    OsList { account: AccountArg, id: String },
    /// Install another operating system (the disk is wiped)
    OsChange {
        account: AccountArg,
        id: String,
        os: String,
        #[arg(long)]
        wait: bool,
    },
    /// Restore one of the server's backups onto it (its data is replaced)
    BackupRestore {
        account: AccountArg,
        id: String,
        backup: String,
        #[arg(long)]
        wait: bool,
    },
    /// IPv4 and IPv6 addresses, with IPv4 reverse DNS
    Ips { account: AccountArg, id: String },
    /// Add an IPv4 address (billed at once); the server reboots unless --no-reboot
    IpAdd {
        account: AccountArg,
        id: String,
        #[arg(long)]
        no_reboot: bool,
    },
    /// Remove a secondary IPv4 address (the server is hard-restarted)
    IpRemove { account: AccountArg, id: String, ip: String },
    /// IPv6 reverse DNS entries
    ReverseList { account: AccountArg, id: String },
    /// Set the reverse DNS name of an IPv4 or IPv6 address
    ReverseSet { account: AccountArg, id: String, ip: String, entry: String },
    /// Put an IPv4 address's reverse DNS back to the provider's default
    ReverseReset { account: AccountArg, id: String, ip: String },
    /// Delete an IPv6 address's reverse DNS entry
    ReverseDelete { account: AccountArg, id: String, ip: String },
    /// Usage graphs (traffic per day; VPS.NET: CPU and traffic samples)
    Bandwidth {
        account: AccountArg,
        id: String,
        /// Start of the span (RFC 3339, or YYYY-MM-DD for that day's UTC midnight); VPS.NET only
        #[arg(long)]
        from: Option<String>,
        /// End of the span (RFC 3339, or YYYY-MM-DD for the whole day); now when left out
        #[arg(long, requires = "from")]
        to: Option<String>,
    },
    /// The web console link (anyone with it can use the console)
    Console { account: AccountArg, id: String },
}

pub(crate) fn confirm(yes: bool, what: String) -> Result<(), Failure> {
    if yes {
        Ok(())
    } else {
        Err(Failure::Usage(format!("{what}; run again with --yes to confirm")))
    }
}

pub(crate) fn done(msg: String) -> Result<ExitCode, Failure> {
    say!("{msg}");
    Ok(ExitCode::SUCCESS)
}

/// Resolves the account, makes the change on it and says `what` was done,
/// after the account's name: every command that changes something and
/// prints no data.
pub(crate) async fn changed<T>(
    service: &AppService,
    account: AccountArg,
    what: String,
    change: impl AsyncFnOnce(&Account) -> Result<T, Error>,
) -> Result<ExitCode, Failure> {
    let account = account.resolve(service)?;
    change(&account).await?;
    done(format!("{}: {what}", account.name))
}

fn read_text(path: &str, what: &str) -> Result<String, Failure> {
    let read = if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(path)
    };
    read.map_err(|e| Failure::Core(Error::validation(format!("cannot read the {what} from {path}: {e}"))))
}

fn public_key(key: Option<String>, file: Option<String>) -> Result<Option<String>, Failure> {
    match (key, file) {
        (Some(k), _) => Ok(Some(k)),
        (None, Some(f)) => read_text(&f, "public key").map(Some),
        (None, None) => Ok(None),
    }
}

fn print_job(job: &Job, json: bool) {
    json_or(json, job, |job| {
        let mut t = table(&["JOB", "STATE", "WHAT", "TARGET", "STAGE"]);
        let state =
            serde_json::to_value(job.state).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        t.add_row(vec![job.id.clone(), state, job.title.clone(), opt(&job.target_id), job.stage.clone()]);
        say!("{t}");
    })
}

/// Prints the job, or with `wait` follows it (stage changes on a terminal's
/// stderr) and prints how it ended; a failed job fails the command.
pub(crate) async fn follow(service: &AppService, job: Job, wait: bool, json: bool) -> Result<ExitCode, Failure> {
    if !wait {
        print_job(&job, json);
        return Ok(ExitCode::SUCCESS);
    }
    let talk = std::io::stderr().is_terminal();
    let mut last = String::new();
    loop {
        let now = service.get_job(&job.id)?;
        if talk && now.stage != last {
            tell!("{}: {}", now.title, now.stage);
            last = now.stage.clone();
        }
        match now.state {
            JobState::Running => tokio::time::sleep(Duration::from_millis(500)).await,
            JobState::Succeeded => {
                print_job(&now, json);
                return Ok(ExitCode::SUCCESS);
            }
            JobState::Failed | JobState::Cancelled => {
                let e = now.error.clone().unwrap_or_else(|| Error::provider(now.stage.clone()));
                return Err(Failure::Core(e.context(&now.title)));
            }
        }
    }
}

pub async fn run(service: &AppService, cmd: ExtrasCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, .. } = flags;
    match cmd {
        ExtrasCmd::Snapshots(cmd) => snapshots(service, cmd, flags).await,
        ExtrasCmd::SshKeys(cmd) => ssh_keys(service, cmd, flags).await,
        ExtrasCmd::Scripts(cmd) => scripts(service, cmd, flags).await,
        ExtrasCmd::Iso(IsoCmd::List { account }) => {
            let isos = service.isos(&account.resolve(service)?).await?;
            list(json, &isos, &["ID", "FILENAME", "SIZE BYTES", "MD5", "CREATED"], |i| {
                vec![i.id.clone(), i.filename.clone(), opt(&i.size_bytes), opt(&i.md5sum), opt(&i.created_at)]
            });
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn snapshots(service: &AppService, cmd: SnapshotsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        SnapshotsCmd::List { account } => {
            let snapshots = service.snapshots(&account.resolve(service)?).await?;
            list(json, &snapshots, &["ID", "DESCRIPTION", "STATUS", "SIZE BYTES", "CREATED"], |s| {
                vec![
                    s.id.clone(),
                    s.description.clone(),
                    s.status.as_str().into(),
                    opt(&s.size_bytes),
                    opt(&s.created_at),
                ]
            });
            Ok(ExitCode::SUCCESS)
        }
        SnapshotsCmd::Create { account, server, description, wait } => {
            let job = service.create_snapshot(&account.resolve(service)?, &server, &description).await?;
            follow(service, job, wait, json).await
        }
        SnapshotsCmd::Delete { account, snapshot } => {
            confirm(yes, format!("deleting snapshot {snapshot} destroys it"))?;
            changed(service, account, format!("snapshot {snapshot} deleted"), async |a| {
                service.delete_snapshot(a, &snapshot).await
            })
            .await
        }
        SnapshotsCmd::Restore { account, server, snapshot, wait } => {
            confirm(yes, format!("restoring snapshot {snapshot} replaces everything on server {server}"))?;
            let job = service.restore_snapshot(&account.resolve(service)?, &server, &snapshot).await?;
            follow(service, job, wait, json).await
        }
    }
}

async fn ssh_keys(service: &AppService, cmd: SshKeysCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        SshKeysCmd::List { account } => {
            let keys = service.ssh_keys(&account.resolve(service)?).await?;
            list(json, &keys, &["ID", "NAME", "PUBLIC KEY", "CREATED"], |k| {
                vec![k.id.clone(), k.name.clone(), k.public_key.clone(), opt(&k.created_at)]
            });
            Ok(ExitCode::SUCCESS)
        }
        SshKeysCmd::Create { account, name, public_key: key, public_key_file } => {
            let public_key = public_key(key, public_key_file)?
                .ok_or_else(|| Failure::Usage("give the key with --public-key or --public-key-file".into()))?;
            let id = service.create_ssh_key(&account.resolve(service)?, &NewSshKey { name, public_key }).await?;
            created(id, json)
        }
        SshKeysCmd::Update { account, id, name, public_key: key, public_key_file } => {
            let account = account.resolve(service)?;
            let update = SshKeyUpdate { name, public_key: public_key(key, public_key_file)? };
            service.update_ssh_key(&account, &id, &update).await?;
            done(format!("{}: SSH key {id} updated", account.name))
        }
        SshKeysCmd::Delete { account, id } => {
            confirm(yes, format!("deleting SSH key {id} removes it from the account"))?;
            changed(service, account, format!("SSH key {id} deleted"), async |a| service.delete_ssh_key(a, &id).await)
                .await
        }
    }
}

fn created(id: String, json: bool) -> Result<ExitCode, Failure> {
    json_or(json, &serde_json::json!({ "id": id }), |_| say!("{id}"));
    Ok(ExitCode::SUCCESS)
}

async fn scripts(service: &AppService, cmd: ScriptsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        ScriptsCmd::List { account } => {
            let scripts = service.scripts(&account.resolve(service)?).await?;
            list(json, &scripts, &["ID", "NAME", "TYPE", "LINES", "MODIFIED"], |s| {
                vec![
                    s.id.clone(),
                    s.name.clone(),
                    s.kind.as_str().into(),
                    s.content.lines().count().to_string(),
                    opt(&s.modified_at),
                ]
            });
            Ok(ExitCode::SUCCESS)
        }
        ScriptsCmd::Create { account, name, kind, file } => {
            let kind = ScriptKind::parse(&kind)
                .ok_or_else(|| Failure::Usage(format!("unknown script type {kind:?}; use boot or pxe")))?;
            let content = read_text(&file, "script")?;
            let id = service.create_script(&account.resolve(service)?, &NewScript { name, kind, content }).await?;
            created(id, json)
        }
        ScriptsCmd::Update { account, id, name, file } => {
            let account = account.resolve(service)?;
            let content = file.map(|f| read_text(&f, "script")).transpose()?;
            service.update_script(&account, &id, &ScriptUpdate { name, content }).await?;
            done(format!("{}: startup script {id} updated", account.name))
        }
        ScriptsCmd::Delete { account, id } => {
            confirm(yes, format!("deleting startup script {id} removes it from the account"))?;
            changed(service, account, format!("startup script {id} deleted"), async |a| {
                service.delete_script(a, &id).await
            })
            .await
        }
    }
}

pub async fn servers(service: &AppService, cmd: ServerExtrasCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    use ServerExtrasCmd::*;
    match cmd {
        Reinstall { account, id, wait } => {
            confirm(yes, format!("reinstalling server {id} wipes its disk"))?;
            let job = service.reinstall(&account.resolve(service)?, &id).await?;
            follow(service, job, wait, json).await
        }
        OsList { account, id } => {
            let options = service.os_options(&account.resolve(service)?, &id).await?;
            list(json, &options, &["ID", "NAME", "FAMILY", "ARCH", "SURCHARGE"], |o| {
                vec![o.id.clone(), o.name.clone(), opt(&o.family), opt(&o.arch), opt(&o.surcharge)]
            });
            Ok(ExitCode::SUCCESS)
        }
        OsChange { account, id, os, wait } => {
            confirm(yes, format!("changing the operating system of server {id} wipes its disk"))?;
            let job = service.change_os(&account.resolve(service)?, &id, &os).await?;
            follow(service, job, wait, json).await
        }
        BackupRestore { account, id, backup, wait } => {
            confirm(yes, format!("restoring backup {backup} replaces everything on server {id}"))?;
            let job = service.restore_backup(&account.resolve(service)?, &id, &backup).await?;
            follow(service, job, wait, json).await
        }
        Ips { account, id } => {
            let ips = service.addresses(&account.resolve(service)?, &id).await?;
            list(json, &ips, &["IP", "VERSION", "ROLE", "NETMASK/NETWORK", "GATEWAY", "REVERSE"], |i| {
                let net = match (&i.network, i.network_size) {
                    (Some(n), Some(size)) => format!("{n}/{size}"),
                    _ => opt(&i.netmask),
                };
                vec![
                    i.ip.clone(),
                    i.version.to_string(),
                    i.provider_role.clone(),
                    net,
                    opt(&i.gateway),
                    opt(&i.reverse),
                ]
            });
            Ok(ExitCode::SUCCESS)
        }
        IpAdd { account, id, no_reboot } => {
            let account = account.resolve(service)?;
            service.add_ipv4(&account, &id, !no_reboot).await?;
            let restart = if !service.capabilities(&account).contains(Capability::Ipv4Restarts) {
                ""
            } else if no_reboot {
                "; reboot the server to configure it"
            } else {
                "; the server is rebooting"
            };
            done(format!("{}: server {id}: IPv4 address added{restart}", account.name))
        }
        IpRemove { account, id, ip } => {
            let account = account.resolve(service)?;
            let what = if service.capabilities(&account).contains(Capability::Ipv4Restarts) {
                "hard-restarts the server"
            } else {
                "releases the address"
            };
            confirm(yes, format!("removing {ip} from server {id} {what}"))?;
            service.remove_ipv4(&account, &id, &ip).await?;
            done(format!("{}: server {id}: {ip} removed", account.name))
        }
        ReverseList { account, id } => {
            let entries = service.reverse_ipv6(&account.resolve(service)?, &id).await?;
            list(json, &entries, &["IP", "REVERSE"], |r| vec![r.ip.clone(), r.reverse.clone()]);
            Ok(ExitCode::SUCCESS)
        }
        ReverseSet { account, id, ip, entry } => {
            changed(
                service,
                account,
                format!("server {id}: reverse DNS of {ip} set (DNS may take hours to follow)"),
                async |a| service.set_reverse(a, &id, &ip, &entry).await,
            )
            .await
        }
        ReverseReset { account, id, ip } => {
            changed(service, account, format!("server {id}: reverse DNS of {ip} reset to the default"), async |a| {
                service.reset_reverse(a, &id, &ip).await
            })
            .await
        }
        ReverseDelete { account, id, ip } => {
            changed(service, account, format!("server {id}: reverse DNS of {ip} deleted"), async |a| {
                service.delete_reverse(a, &id, &ip).await
            })
            .await
        }
        Bandwidth { account, id, from, to } => {
            let graphs = service.usage_graphs(&account.resolve(service)?, &id, from.as_deref(), to.as_deref()).await?;
            json_or(json, &graphs, |graphs| {
                for g in graphs {
                    let mut header = vec!["DATE"];
                    header.extend(g.series.iter().map(|s| s.label.as_str()));
                    let mut t = table(&header);
                    let days = g.series.first().map(|s| s.points.len()).unwrap_or_default();
                    for i in 0..days {
                        let mut row = vec![g.series[0].points[i].at.to_string()];
                        row.extend(
                            g.series.iter().map(|s| s.points.get(i).map(|p| p.value.to_string()).unwrap_or_default()),
                        );
                        t.add_row(row);
                    }
                    say!("{}\n{t}", g.title);
                }
            });
            Ok(ExitCode::SUCCESS)
        }
        Console { account, id } => {
            let console = service.console(&account.resolve(service)?, &id).await?;
            json_or(json, &console, |c| say!("{}\n{}\n{}", c.kind, c.url, c.note));
            Ok(ExitCode::SUCCESS)
        }
    }
}
