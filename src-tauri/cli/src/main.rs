//! vpsctl: vpsdesk from a terminal. The contract (commands, JSON fields,
//! exit codes, `error:` lines) is docs/cli.md; this file only parses
//! arguments, calls the core and prints.

mod account_arg;
mod addresses;
mod billing;
mod dns;
mod extras;
mod maintenance;
mod nodes;
mod output;
mod provider_arg;
mod resources;
mod secret_input;
mod server_resources;
mod settings;
mod template_authoring;
mod templates;
mod tickets;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use vpsdesk_core::accounts::AccountStore;
use vpsdesk_core::http::Http;
use vpsdesk_core::model::{CreateServer, PowerAction, ProviderKind, ServerFilter};
use vpsdesk_core::secret::Keychain;
use vpsdesk_core::{AppService, Error, NewAccount};

use account_arg::AccountArg;
use extras::{changed, confirm};
use output::{say, tell, Flags, Out};

#[derive(Parser)]
#[command(name = "vpsctl", version, about = "Servers, accounts and catalogs of every VPS provider account in vpsdesk")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    flags: Flags,
}

#[derive(Subcommand)]
enum Command {
    /// Provider accounts (metadata in the app's store, secrets in the OS keychain)
    #[command(subcommand)]
    Accounts(AccountsCmd),
    /// Servers of every account
    #[command(subcommand)]
    Servers(ServersCmd),
    /// Support tickets (where the provider has a ticket API)
    #[command(subcommand)]
    Tickets(tickets::TicketsCmd),
    /// Balances, invoices, transactions, usage and subscriptions
    #[command(subcommand)]
    Billing(billing::BillingCmd),
    /// DNS zones, records and templates (VPS.NET)
    #[command(subcommand)]
    Dns(dns::DnsCmd),
    #[command(flatten)]
    Extras(extras::ExtrasCmd),
    /// System templates: custom ones, those offered with their prices, chargeable ones (VPS.NET)
    #[command(subcommand)]
    Templates(templates::TemplatesCmd),
    /// Nodes of the account: list, buy, remove (VPS.NET)
    #[command(subcommand)]
    Nodes(nodes::NodesCmd),
    #[command(flatten)]
    Resources(resources::ResourcesCmd),
    /// Every IP address of the account: notes, consumer ids, reassignment, justified addresses (VPS.NET)
    #[command(subcommand)]
    Addresses(addresses::AddressesCmd),
    /// What `servers create` accepts: plans, images (operating systems) or regions; cloud-groups (VPS.NET) groups the regions
    Catalog {
        account: AccountArg,
        #[arg(value_parser = ["plans", "images", "regions", "cloud-groups"])]
        what: String,
        /// With `plans` or `images`: only those offered in this region
        #[arg(long)]
        region: Option<String>,
    },
}

#[derive(Subcommand)]
enum AccountsCmd {
    /// Add an account; the secret is read from the first line of stdin
    Add {
        #[arg(long, value_parser = provider_arg::ProviderParser)]
        provider: ProviderKind,
        #[arg(long)]
        name: String,
        #[arg(long)]
        endpoint: Option<String>,
        #[arg(long)]
        username: Option<String>,
        #[arg(long)]
        region: Option<String>,
        /// Save without checking the credentials with the provider
        #[arg(long)]
        no_verify: bool,
    },
    List,
    /// Exit 0 when the stored credentials work
    Test {
        name: AccountArg,
    },
    /// Remove the account and its keychain entry
    Remove {
        name: AccountArg,
    },
}

#[derive(Subcommand)]
enum ServersCmd {
    List {
        #[arg(long)]
        account: Option<AccountArg>,
        /// Only servers in this state: running, stopped, … or the provider's own word (active, halted)
        #[arg(long)]
        status: Option<String>,
        /// Only servers in this region, as the list shows it (us-west, New York 1)
        #[arg(long)]
        location: Option<String>,
        /// Only servers whose name, id or an address contains this (VPS.NET: sent to its search, which also matches domain names and tags)
        #[arg(long)]
        search: Option<String>,
    },
    Show {
        account: AccountArg,
        id: String,
    },
    Start {
        account: AccountArg,
        id: String,
    },
    Stop {
        account: AccountArg,
        id: String,
        /// Hard power-off instead of a graceful shutdown
        #[arg(long)]
        force: bool,
    },
    Reboot {
        account: AccountArg,
        id: String,
    },
    Create {
        account: AccountArg,
        #[command(flatten)]
        order: NewServer,
    },
    Rename {
        account: AccountArg,
        id: String,
        new_name: String,
    },
    Delete {
        account: AccountArg,
        id: String,
    },
    #[command(flatten)]
    Extras(extras::ServerExtrasCmd),
    #[command(flatten)]
    Maintenance(maintenance::MaintenanceCmd),
    #[command(flatten)]
    Settings(settings::SettingsCmd),
    #[command(flatten)]
    Fleet(resources::FleetCmd),
    #[command(flatten)]
    Plan(server_resources::PlanCmd),
    #[command(flatten)]
    Convert(template_authoring::ConvertCmd),
}

fn main() -> ExitCode {
    // `vpsctl … | head` should end quietly like any Unix tool, not panic on
    // the closed pipe: restore the default SIGPIPE that Rust ignores.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread or I/O exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    // One thread: a command's requests wait on the network together in one task, and worker
    // threads cost a run more to start and to hand answers across than they could save.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(Failure::Usage(msg)) => {
            tell!("error: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Core(e)) => {
            tell!("error: {}", e.message);
            ExitCode::from(1)
        }
    }
}

/// Help and version as clap prints them; any other usage error as the one
/// `error:` line every failure gets (clap's own spans several lines), exit 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        tell!("error: a command is required; see `vpsctl --help`");
        return ExitCode::from(2);
    }
    let text = e.render().to_string();
    let said: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with("Usage:")
                && !l.starts_with("For more information")
                && !l.starts_with("tip:")
        })
        .collect();
    let said = said.join(" ");
    tell!("error: {}; see --help", said.strip_prefix("error: ").unwrap_or(&said));
    ExitCode::from(2)
}

enum Failure {
    Usage(String),
    Core(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

fn service() -> Result<AppService, Failure> {
    let service = AppService::new(AccountStore::default_location()?, Keychain::default(), Http::default());
    if let Some(w) = service.load()?.warning {
        tell!("warning: {w}");
    }
    Ok(service)
}

async fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let flags = cli.flags;
    let Flags { json, .. } = flags;
    let service = &service()?;
    let ok = Ok(ExitCode::SUCCESS);
    match cli.command {
        Command::Accounts(cmd) => match cmd {
            AccountsCmd::Add { provider, name, endpoint, username, region, no_verify } => {
                let secret = secret_input::read_secret()?;
                let account = service
                    .add_account(
                        NewAccount { provider, name, endpoint, username, region, secret, verify: !no_verify },
                        false,
                    )
                    .await?;
                say!("added account {:?} ({})", account.name, account.provider);
                ok
            }
            AccountsCmd::List => {
                let views: Vec<_> = service.accounts()?.iter().map(|a| service.view(a)).collect();
                Out::new(json).accounts(&views);
                ok
            }
            AccountsCmd::Test { name } => {
                let account = name.resolve(service)?;
                service.test_account(&account).await.map_err(|e| e.context(&account.name))?;
                say!("{}: credentials work", account.name);
                ok
            }
            AccountsCmd::Remove { name } => {
                let account = name.resolve(service)?;
                service.remove_account(&account.id)?;
                say!("removed account {:?} and its keychain entry", account.name);
                ok
            }
        },
        Command::Servers(cmd) => servers(service, cmd, flags).await,
        Command::Tickets(cmd) => tickets::run(service, cmd, flags).await,
        Command::Billing(cmd) => billing::run(service, cmd, flags).await,
        Command::Dns(cmd) => dns::run(service, cmd, flags).await,
        Command::Extras(cmd) => extras::run(service, cmd, flags).await,
        Command::Templates(cmd) => templates::run(service, cmd, flags).await,
        Command::Nodes(cmd) => nodes::run(service, cmd, flags).await,
        Command::Resources(cmd) => resources::run(service, cmd, flags).await,
        Command::Addresses(cmd) => addresses::run(service, cmd, flags).await,
        Command::Catalog { account, what, region } => {
            let account = account.resolve(service)?;
            let out = Out::new(json);
            match what.as_str() {
                "plans" => out.plans(&service.plans(&account, region.as_deref()).await?),
                "images" => out.images(&service.images(&account, region.as_deref()).await?),
                "cloud-groups" => addresses::cloud_groups(&service.cloud_groups(&account).await?, json),
                _ => out.regions(&service.regions(&account).await?),
            }
            ok
        }
    }
}

async fn servers(service: &AppService, cmd: ServersCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        ServersCmd::List { account, status, location, search } => {
            let accounts = match account {
                Some(name) => vec![name.resolve(service)?],
                None => service.accounts()?,
            };
            let inventory = service.inventory_where(&accounts, &ServerFilter { status, location, search }).await;
            // Partial results only: when no account answered there is nothing to print.
            if inventory.errors.len() < accounts.len() || accounts.is_empty() {
                Out::new(json).servers(&inventory.servers);
            }
            for e in &inventory.errors {
                tell!("error: {}: {}", e.account, e.error.message);
            }
            Ok(if inventory.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        ServersCmd::Show { account, id } => {
            let account = account.resolve(service)?;
            Out::new(json).server(&service.server(&account, &id).await?);
            Ok(ExitCode::SUCCESS)
        }
        ServersCmd::Start { account, id } => power(service, &account, &id, PowerAction::Start, "start requested").await,
        ServersCmd::Stop { account, id, force } => {
            let action = if force { PowerAction::ForceStop } else { PowerAction::Stop };
            power(
                service,
                &account,
                &id,
                action,
                if force { "forced power-off requested" } else { "shutdown requested" },
            )
            .await
        }
        ServersCmd::Reboot { account, id } => {
            power(service, &account, &id, PowerAction::Reboot, "reboot requested").await
        }
        ServersCmd::Create { account, order } => {
            let account = account.resolve(service)?;
            let mut order: CreateServer = order.into();
            if !order.licences.is_empty() {
                confirm(
                    yes,
                    format!(
                        "licence {} is billed every month until cancelled, on top of the server (VPS.NET's API gives no licence prices; see the control panel)",
                        order.licences.join(", ")
                    ),
                )?;
                order.confirm_charges = true;
            }
            let server = service.create(&account, &order).await?;
            Out::new(json).server(&server);
            Ok(ExitCode::SUCCESS)
        }
        ServersCmd::Rename { account, id, new_name } => {
            changed(service, account, format!("server {id} renamed to {new_name:?}"), async |a| {
                service.rename(a, &id, &new_name).await
            })
            .await
        }
        ServersCmd::Delete { account, id } => {
            confirm(yes, format!("deleting server {id} destroys it and its data"))?;
            changed(service, account, format!("server {id} deleted"), async |a| service.delete(a, &id).await).await
        }
        ServersCmd::Extras(cmd) => extras::servers(service, cmd, flags).await,
        ServersCmd::Maintenance(cmd) => maintenance::run(service, cmd, flags).await,
        ServersCmd::Settings(cmd) => settings::run(service, cmd, flags).await,
        ServersCmd::Fleet(cmd) => resources::fleet(service, cmd, flags).await,
        ServersCmd::Plan(cmd) => server_resources::run(service, cmd, flags).await,
        ServersCmd::Convert(cmd) => template_authoring::convert(service, cmd).await,
    }
}

// `servers create`'s options, as `CreateServer` names them (a doc comment here
// would become the command's help text).
#[derive(Args)]
struct NewServer {
    #[arg(long)]
    name: String,
    #[arg(long)]
    plan: Option<String>,
    #[arg(long)]
    image: Option<String>,
    #[arg(long)]
    region: Option<String>,
    /// CPU in MHz, for providers that size servers freely
    #[arg(long = "cpu")]
    cpu_mhz: Option<u32>,
    /// Memory in MB, for providers that size servers freely
    #[arg(long = "mem")]
    mem_mb: Option<u32>,
    /// A stored SSH key to install (repeatable; `vpsctl sshkeys list`)
    #[arg(long = "ssh-key")]
    ssh_keys: Vec<String>,
    /// A stored startup script to run (`vpsctl scripts list`)
    #[arg(long)]
    script: Option<String>,
    /// The server's fully qualified host name (VPS.org, VPS.NET)
    #[arg(long)]
    hostname: Option<String>,
    /// Turn on the provider's automatic backups, which may cost extra (Vultr, VPS.org, VPS.NET)
    #[arg(long)]
    backups: bool,
    /// Give the server an IPv6 subnet (Vultr)
    #[arg(long)]
    ipv6: bool,
    /// Add private networking (Vultr)
    #[arg(long)]
    private_network: bool,
    /// Boot from one of the account's ISOs (`vpsctl iso list`; Vultr); --image may then be left out
    #[arg(long)]
    iso: Option<String>,
    /// Install from one of the account's snapshots (`vpsctl snapshots list`; Vultr); --image may then be left out
    #[arg(long)]
    snapshot: Option<String>,
    /// Chain-load an iPXE script from this http(s) URL at boot (Vultr); --image may then be left out
    #[arg(long)]
    ipxe_url: Option<String>,
    /// Buy this control-panel or add-on licence with the server (repeatable; VPS.NET); billed, so --yes confirms
    #[arg(long = "licence")]
    licences: Vec<String>,
    /// An instant server (VPS.NET): made from --country alone, without --plan, --image or --region
    #[arg(long, requires = "country")]
    instant: bool,
    /// The instant server's country, as VPS.NET numbers them
    #[arg(long, requires = "instant")]
    country: Option<String>,
}

impl From<NewServer> for CreateServer {
    fn from(o: NewServer) -> Self {
        CreateServer {
            name: o.name,
            plan: o.plan,
            image: o.image,
            region: o.region,
            cpu_mhz: o.cpu_mhz,
            mem_mb: o.mem_mb,
            ssh_keys: o.ssh_keys,
            script: o.script,
            hostname: o.hostname,
            auto_backups: o.backups,
            ipv6: o.ipv6,
            private_network: o.private_network,
            iso: o.iso,
            snapshot: o.snapshot,
            ipxe_url: o.ipxe_url,
            licences: o.licences,
            confirm_charges: false,
            instant_country: o.country.filter(|_| o.instant),
        }
    }
}

async fn power(
    service: &AppService,
    account: &AccountArg,
    id: &str,
    action: PowerAction,
    what: &str,
) -> Result<ExitCode, Failure> {
    let account = account.resolve(service)?;
    service.power(&account, id, action).await?;
    say!("{}: server {id}: {what}", account.name);
    Ok(ExitCode::SUCCESS)
}
