//! `vpsctl tickets`: support tickets where the provider has a ticket API.
//! Message bodies come from stdin. Root and SSH credentials for staff come
//! from a no-echo prompt (`--ask-secrets`) or a `key=value` file
//! (`--secrets-file`), never from argv, and are printed nowhere.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::capabilities::tickets::{NewTicket, Ticket, TicketFilter, TicketReply, TicketStatus, TicketThread};
use vpsdesk_core::secret::Secret;
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::output::Flags;
use crate::output::{json_or, list, opt, say, table, tell};
use crate::Failure;

#[derive(Subcommand)]
pub enum TicketsCmd {
    /// The account's tickets, newest first
    List {
        account: AccountArg,
        /// open, closed or hold
        #[arg(long)]
        status: Option<String>,
        /// A department's name or id
        #[arg(long)]
        department: Option<String>,
    },
    /// A ticket and its messages
    Show { account: AccountArg, id: String },
    /// Open a ticket; the message is read from stdin
    Open {
        account: AccountArg,
        #[arg(long)]
        subject: String,
        /// The department's name as the provider's doc lists it, or its id
        #[arg(long)]
        department: String,
        /// The server a server issue is about
        #[arg(long)]
        server: Option<String>,
        /// Subject type of a server issue: reboot (server is down), performance_issue, installation,
        /// administration, assisted, abuse, other
        #[arg(long)]
        issue: Option<String>,
        /// The domain name (VPS.NET Wordpress and Cloud Hosting tickets)
        #[arg(long)]
        domain: Option<String>,
        /// Read root_password, ssh_port, ssh_user, ssh_password for staff from this file (key=value lines)
        #[arg(long)]
        secrets_file: Option<String>,
        /// Prompt on the terminal (no echo) for the root password and SSH access for staff
        #[arg(long)]
        ask_secrets: bool,
    },
    /// Reply to a ticket; the message is read from stdin
    Reply {
        account: AccountArg,
        id: String,
        /// Read root_password for staff from this file (key=value lines)
        #[arg(long)]
        secrets_file: Option<String>,
        /// Prompt on the terminal (no echo) for the root password for staff
        #[arg(long)]
        ask_secrets: bool,
    },
    /// Close a ticket
    Close { account: AccountArg, id: String },
    /// VPS.NET Pro-Active Managed Services: the servers staff look after
    Managed { account: AccountArg },
}

const SECRET_KEYS: [&str; 4] = ["root_password", "ssh_port", "ssh_user", "ssh_password"];

pub async fn run(service: &AppService, cmd: TicketsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, .. } = flags;
    match cmd {
        TicketsCmd::List { account, status, department } => {
            let status = match status {
                Some(s) => Some(
                    TicketStatus::parse(&s)
                        .ok_or_else(|| Failure::Usage(format!("unknown status {s:?}; use open, closed or hold")))?,
                ),
                None => None,
            };
            let account = account.resolve(service)?;
            let tickets = service.tickets_of(&account, &TicketFilter { status, department }).await?;
            print_tickets(&tickets, json);
        }
        TicketsCmd::Show { account, id } => {
            let account = account.resolve(service)?;
            print_thread(&service.ticket(&account, &id).await?, json);
        }
        TicketsCmd::Open { account, subject, department, server, issue, domain, secrets_file, ask_secrets } => {
            let account = account.resolve(service)?;
            let mut secrets = secrets(secrets_file.as_deref(), ask_secrets, &SECRET_KEYS)?;
            let body = read_body()?;
            let request = NewTicket {
                department,
                subject,
                body,
                domain_name: domain,
                server_id: server,
                issue,
                root_password: secrets.take("root_password"),
                ssh_port: secrets.take("ssh_port"),
                ssh_user: secrets.take("ssh_user"),
                ssh_password: secrets.take("ssh_password"),
            };
            let ticket = service.open_ticket(&account, request).await?;
            print_ticket(&ticket, json);
        }
        TicketsCmd::Reply { account, id, secrets_file, ask_secrets } => {
            let account = account.resolve(service)?;
            let mut secrets = secrets(secrets_file.as_deref(), ask_secrets, &SECRET_KEYS[..1])?;
            let body = read_body()?;
            service
                .reply_ticket(&account, &id, TicketReply { body, root_password: secrets.take("root_password") })
                .await?;
            say!("{}: replied to ticket {id}", account.name);
        }
        TicketsCmd::Close { account, id } => {
            let account = account.resolve(service)?;
            service.close_ticket(&account, &id).await?;
            say!("{}: ticket {id} closed", account.name);
        }
        TicketsCmd::Managed { account } => {
            let account = account.resolve(service)?;
            let services = service.managed_services(&account).await?;
            list(json, &services, &["SERVER", "SUPPORT IP", "RENEWAL"], |m| {
                vec![m.server_id.clone(), m.support_ip.clone(), m.renewal_date.to_string()]
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The whole of stdin; a terminal is told how to finish.
fn read_body() -> Result<String, Failure> {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        tell!("Type the message, then Ctrl-D on an empty line:");
    }
    let mut body = String::new();
    stdin
        .read_to_string(&mut body)
        .map_err(|e| Error::validation(format!("cannot read the message from stdin: {e}")))?;
    if body.trim().is_empty() {
        return Err(Error::field("body", "the message is empty: pipe it on stdin").into());
    }
    Ok(body)
}

/// Credentials for staff, by key; taken out one by one.
struct Secrets(Vec<(String, Secret)>);

impl Secrets {
    fn take(&mut self, key: &str) -> Option<Secret> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }
}

fn secrets(file: Option<&str>, ask: bool, allowed: &[&str]) -> Result<Secrets, Failure> {
    match (file, ask) {
        (Some(_), true) => Err(Failure::Usage("use either --secrets-file or --ask-secrets, not both".into())),
        (Some(path), false) => Ok(Secrets(secrets_file(Path::new(path), allowed)?)),
        (None, true) => prompt(allowed).map(Secrets),
        (None, false) => Ok(Secrets(Vec::new())),
    }
}

/// `key=value` lines; blank lines and `#` comments are skipped. A line's
/// value is never repeated in an error.
fn secrets_file(path: &Path, allowed: &[&str]) -> Result<Vec<(String, Secret)>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::validation(format!("cannot read the secrets file {}: {e}", path.display())))?;
    // Held as a secret itself, so the file's text is zeroized too.
    let text = Secret::new(text);
    let mut out = Vec::new();
    for (n, line) in text.expose().lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(Error::validation(format!("{} line {}: expected key=value", path.display(), n + 1)).into());
        };
        let key = key.trim();
        if !allowed.contains(&key) {
            return Err(Error::validation(format!(
                "{} line {}: unknown key {key:?}; use {}",
                path.display(),
                n + 1,
                allowed.join(", ")
            ))
            .into());
        }
        out.push((key.to_string(), Secret::new(value.trim())));
    }
    Ok(out)
}

/// Asks on the terminal without echo; an empty answer skips the field.
fn prompt(allowed: &[&str]) -> Result<Vec<(String, Secret)>, Failure> {
    let mut out = Vec::new();
    for key in allowed {
        let label = key.replace('_', " ");
        let answer = rpassword::prompt_password(format!("{label} for staff (Enter to skip): ")).map_err(|e| {
            Error::validation(format!("cannot prompt on the terminal: {e}; use --secrets-file instead"))
        })?;
        let secret = Secret::new(answer);
        if !secret.is_empty() {
            out.push((key.to_string(), secret));
        }
    }
    Ok(out)
}

fn print_tickets(tickets: &[Ticket], json: bool) {
    list(json, tickets, &["ID", "SUBJECT", "STATUS", "DEPARTMENT", "LAST RESPONSE", "AT"], |x| {
        vec![
            x.id.clone(),
            x.subject.clone(),
            x.status.as_str().to_string(),
            x.department.clone(),
            opt(&x.last_responded),
            opt(&x.last_response_time),
        ]
    })
}

fn print_ticket(x: &Ticket, json: bool) {
    json_or(json, x, |x| print_tickets(std::slice::from_ref(x), false))
}

fn print_thread(x: &TicketThread, json: bool) {
    json_or(json, x, |x| {
        say!("ticket {}: {} ({})", x.id, x.subject, x.provider_status);
        let mut t = table(&["FROM", "TIME", "MESSAGE"]);
        for m in &x.messages {
            let from = if m.staff { "staff" } else { "you" };
            t.add_row(vec![from.to_string(), opt(&m.time), m.body.clone()]);
        }
        say!("{t}");
    })
}
