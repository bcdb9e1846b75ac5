//! Support tickets: the model, the capability a provider client offers when
//! its API has tickets, and the rules a new ticket must follow before it is
//! sent. Only VPS.NET has a ticket API among the supported providers; for the
//! others the provider's descriptor (`support_url`) says where people open tickets instead.
//!
//! Root and SSH credentials a user passes to staff are `Secret`s from the
//! moment they are deserialized: they go into one request body and nowhere
//! else (no Serialize, no Debug value, no cache).

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{AccountError, ProviderKind};
use crate::secret::Secret;
use crate::time::Timestamp;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TicketStatus {
    Open,
    Hold,
    Closed,
    Unknown,
}

impl TicketStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::Hold => "hold",
            TicketStatus::Closed => "closed",
            TicketStatus::Unknown => "unknown",
        }
    }

    /// The provider's word ("Open", "On Hold", "Closed") as a status.
    pub fn from_word(word: &str) -> Self {
        let w = word.trim().to_ascii_lowercase();
        if w.contains("close") || w.contains("resolved") {
            TicketStatus::Closed
        } else if w.contains("hold") {
            TicketStatus::Hold
        } else if w.contains("open") || w.contains("answer") || w.contains("progress") || w.contains("reply") {
            TicketStatus::Open
        } else {
            TicketStatus::Unknown
        }
    }

    /// What `--status` and the status filter accept.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "open" => Some(TicketStatus::Open),
            "hold" => Some(TicketStatus::Hold),
            "closed" => Some(TicketStatus::Closed),
            _ => None,
        }
    }
}

/// Who wrote a message (or the last response): the provider's staff or the
/// account holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Author {
    Staff,
    Customer,
}

/// What a department needs besides subject and body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentNeeds {
    Nothing,
    /// A domain name (VPS.NET's Wordpress and Cloud Hosting).
    Domain,
    /// A server and a subject type (VPS.NET's Server issue).
    Server,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Department {
    pub id: String,
    /// As the provider's doc lists it.
    pub name: String,
    pub needs: DepartmentNeeds,
}

/// A subject type of a server issue ("Server is Down" = `reboot`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct IssueType {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Ticket {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub id: String,
    pub subject: String,
    pub status: TicketStatus,
    /// The provider's own word, unchanged.
    pub provider_status: String,
    /// The department's name as the provider sends it.
    pub department: String,
    pub department_id: Option<String>,
    pub last_response_by: Option<Author>,
    /// The provider's own words for it ("Staff Followup").
    pub last_responded: Option<String>,
    pub last_response_time: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TicketMessage {
    pub author: Author,
    /// `author == staff`, for scripts that want a flag.
    pub staff: bool,
    pub body: String,
    pub time: Option<Timestamp>,
}

/// One ticket with its conversation, oldest message first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TicketThread {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub id: String,
    pub subject: String,
    pub status: TicketStatus,
    pub provider_status: String,
    pub messages: Vec<TicketMessage>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub struct TicketFilter {
    pub status: Option<TicketStatus>,
    /// A department's id or name.
    pub department: Option<String>,
}

/// A new ticket as the form and `vpsctl tickets open` hand it over. Field
/// names are the ones validation errors name.
#[derive(Deserialize, TS)]
pub struct NewTicket {
    /// A department's id or its name (case-insensitive).
    pub department: String,
    pub subject: String,
    pub body: String,
    pub domain_name: Option<String>,
    /// The server the issue is about (server issues).
    pub server_id: Option<String>,
    /// The subject type of a server issue, e.g. `reboot`.
    pub issue: Option<String>,
    #[ts(type = "string | null")]
    pub root_password: Option<Secret>,
    #[ts(type = "string | null")]
    pub ssh_port: Option<Secret>,
    #[ts(type = "string | null")]
    pub ssh_user: Option<Secret>,
    #[ts(type = "string | null")]
    pub ssh_password: Option<Secret>,
}

#[derive(Deserialize, TS)]
pub struct TicketReply {
    pub body: String,
    #[ts(type = "string | null")]
    pub root_password: Option<Secret>,
}

/// Credentials for staff, only ever written into the request body.
#[derive(Clone, Debug, Default)]
pub struct StaffCredentials {
    pub root_password: Option<Secret>,
    pub ssh_port: Option<Secret>,
    pub ssh_user: Option<Secret>,
    pub ssh_password: Option<Secret>,
}

impl StaffCredentials {
    pub fn all(&self) -> Vec<&Secret> {
        [&self.root_password, &self.ssh_port, &self.ssh_user, &self.ssh_password].into_iter().flatten().collect()
    }
}

/// A new ticket after validation: what a provider client sends.
#[derive(Clone, Debug)]
pub struct TicketRequest {
    pub department: Department,
    /// Empty for server issues, whose wire subject is the issue type.
    pub subject: String,
    pub body: String,
    pub domain_name: Option<String>,
    pub server_id: Option<String>,
    pub issue: Option<IssueType>,
    pub credentials: StaffCredentials,
}

/// A Pro-Active Managed Service: a server VPS.NET staff look after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ManagedService {
    pub server_id: String,
    pub support_ip: String,
    pub renewal_date: Timestamp,
}

/// What a provider's new-ticket form offers; empty without a ticket API.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct TicketForm {
    pub departments: Vec<Department>,
    pub issue_types: Vec<IssueType>,
}

#[derive(Clone, Debug, Default, Serialize, TS)]
pub struct TicketInventory {
    pub tickets: Vec<Ticket>,
    pub errors: Vec<AccountError>,
}

/// What a provider with a ticket API does. Reached through
/// `Compute::tickets()`; ids are the provider's.
#[async_trait]
pub trait Tickets: Send + Sync {
    /// The account fields of each ticket are filled in by the caller.
    async fn list_tickets(&self, status: Option<TicketStatus>, department: Option<&Department>) -> Result<Vec<Ticket>>;
    async fn ticket(&self, id: &str) -> Result<TicketThread>;
    async fn open_ticket(&self, request: &TicketRequest) -> Result<Ticket>;
    async fn reply_ticket(&self, id: &str, body: &str, root_password: Option<&Secret>) -> Result<()>;
    async fn close_ticket(&self, id: &str) -> Result<()>;
    async fn managed_services(&self) -> Result<Vec<ManagedService>>;
}

/// Finds a department by id or name (case-insensitive).
pub fn department(departments: &[Department], wanted: &str) -> Result<Department> {
    let w = wanted.trim();
    departments.iter().find(|d| d.id == w || d.name.eq_ignore_ascii_case(w)).cloned().ok_or_else(|| {
        let known: Vec<String> = departments.iter().map(|d| format!("{} ({})", d.name, d.id)).collect();
        Error::field(
            "department",
            if w.is_empty() {
                format!("choose a department: {}", known.join(", "))
            } else {
                format!("unknown department {w:?}; use one of {}", known.join(", "))
            },
        )
    })
}

/// Checks a new ticket against the provider's departments and issue types;
/// nothing is sent unless this passes.
pub fn validate(new: NewTicket, form: &TicketForm) -> Result<TicketRequest> {
    let department = department(&form.departments, &new.department)?;
    let issues = &form.issue_types;
    let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let given = |v: Option<Secret>| v.filter(|s| !s.is_empty());
    let subject = new.subject.trim().to_string();
    let body = new.body.trim().to_string();
    let domain = text(&new.domain_name);
    let server = text(&new.server_id);
    let issue = text(&new.issue);
    let credentials = StaffCredentials {
        root_password: given(new.root_password),
        ssh_port: given(new.ssh_port),
        ssh_user: given(new.ssh_user),
        ssh_password: given(new.ssh_password),
    };
    let server_issue = department.needs == DepartmentNeeds::Server;

    if subject.is_empty() && !server_issue {
        return Err(Error::field("subject", "a ticket needs a subject"));
    }
    if subject.chars().count() > 200 || subject.chars().any(char::is_control) {
        return Err(Error::field("subject", "use at most 200 characters on one line"));
    }
    if body.is_empty() {
        return Err(Error::field("body", "describe the problem: the message is empty"));
    }
    body_size(&body)?;
    match (department.needs, &domain) {
        (DepartmentNeeds::Domain, None) => {
            return Err(Error::field("domain_name", format!("{} tickets need the domain name", department.name)))
        }
        (DepartmentNeeds::Domain, Some(d)) => valid_domain(d)?,
        (_, Some(_)) => {
            return Err(Error::field("domain_name", format!("{} tickets take no domain name", department.name)))
        }
        (_, None) => {}
    }
    let issue = if server_issue {
        if server.is_none() {
            return Err(Error::field("server_id", "choose the server the issue is about"));
        }
        let wanted =
            issue.ok_or_else(|| Error::field("issue", issue_choices("choose what kind of issue it is", issues)))?;
        let found = issues
            .iter()
            .find(|i| i.id.eq_ignore_ascii_case(&wanted) || i.name.eq_ignore_ascii_case(&wanted))
            .cloned()
            .ok_or_else(|| Error::field("issue", issue_choices(&format!("unknown issue type {wanted:?}"), issues)))?;
        Some(found)
    } else {
        if server.is_some() || issue.is_some() {
            let field = if server.is_some() { "server_id" } else { "issue" };
            return Err(Error::field(
                field,
                format!("only Server issue tickets are about a server; {} tickets are not", department.name),
            ));
        }
        if !credentials.all().is_empty() {
            return Err(Error::field(
                "root_password",
                "root and SSH credentials can only be sent with a server issue ticket",
            ));
        }
        None
    };
    if let Some(port) = &credentials.ssh_port {
        let ok = port.expose().trim().parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
        if !ok {
            return Err(Error::field("ssh_port", "an SSH port is a number from 1 to 65535"));
        }
    }
    if credentials.ssh_user.as_ref().is_some_and(|u| u.expose().chars().any(|c| c.is_control() || c.is_whitespace())) {
        return Err(Error::field("ssh_user", "an SSH user name has no spaces or control characters"));
    }
    Ok(TicketRequest {
        department,
        subject,
        body,
        domain_name: domain.map(|d| d.to_ascii_lowercase()),
        server_id: server,
        issue,
        credentials,
    })
}

/// The text of a reply after validation.
pub fn reply_body(body: &str) -> Result<String> {
    let body = body.trim();
    if body.is_empty() {
        return Err(Error::field("body", "the reply is empty"));
    }
    body_size(body)?;
    Ok(body.to_string())
}

/// A message is typed or pasted by a person: a megabyte piped in by mistake
/// is refused here rather than posted to the provider's staff.
const MAX_BODY_BYTES: usize = 64 * 1024;

fn body_size(body: &str) -> Result<()> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::field("body", "the message is over 64 KB; shorten it or put long logs on a paste site"));
    }
    Ok(())
}

fn issue_choices(lead: &str, issues: &[IssueType]) -> String {
    let known: Vec<String> = issues.iter().map(|i| format!("{} ({})", i.id, i.name)).collect();
    format!("{lead}; use one of {}", known.join(", "))
}

/// A host name with at least two labels: letters, digits and inner hyphens.
fn valid_domain(d: &str) -> Result<()> {
    let labels: Vec<&str> = d.trim_end_matches('.').split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let tld_ok = labels.last().is_some_and(|t| t.chars().all(|c| c.is_ascii_alphabetic()) && t.len() >= 2);
    if d.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
        return Err(Error::field("domain_name", format!("{d:?} is not a domain name (like example.com)")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn departments() -> Vec<Department> {
        let d = |id: &str, name: &str, needs| Department { id: id.into(), name: name.into(), needs };
        vec![
            d("1", "Billing", DepartmentNeeds::Nothing),
            d("3", "Wordpress", DepartmentNeeds::Domain),
            d("5", "Server issue", DepartmentNeeds::Server),
        ]
    }

    fn issues() -> Vec<IssueType> {
        vec![IssueType { id: "reboot".into(), name: "Server is Down".into() }]
    }

    fn ticket(department: &str) -> NewTicket {
        NewTicket {
            department: department.into(),
            subject: "Help".into(),
            body: "Something is wrong".into(),
            domain_name: None,
            server_id: None,
            issue: None,
            root_password: None,
            ssh_port: None,
            ssh_user: None,
            ssh_password: None,
        }
    }

    fn field_of(r: Result<TicketRequest>) -> String {
        r.expect_err("refused").fields[0].field.clone()
    }

    #[test]
    fn department_by_id_or_name_in_any_case() {
        assert_eq!(department(&departments(), "billing").unwrap().id, "1");
        assert_eq!(department(&departments(), "5").unwrap().name, "Server issue");
        assert_eq!(department(&departments(), " SERVER ISSUE ").unwrap().id, "5");
        let e = department(&departments(), "Legal").unwrap_err();
        assert!(e.message.contains("Billing (1)"), "{}", e.message);
    }

    #[test]
    fn each_department_asks_for_what_it_needs() {
        let form = TicketForm { departments: departments(), issue_types: issues() };
        let v = |t| validate(t, &form);
        assert!(v(ticket("Billing")).is_ok());
        assert_eq!(field_of(v(NewTicket { body: "  ".into(), ..ticket("1") })), "body");
        assert_eq!(field_of(v(NewTicket { subject: "".into(), ..ticket("1") })), "subject");
        assert_eq!(field_of(v(ticket("3"))), "domain_name");
        assert_eq!(field_of(v(NewTicket { domain_name: Some("not a domain".into()), ..ticket("3") })), "domain_name");
        assert_eq!(field_of(v(NewTicket { domain_name: Some("www.test".into()), ..ticket("1") })), "domain_name");
        let wp = v(NewTicket { domain_name: Some("WWW.Test.com".into()), ..ticket("3") }).unwrap();
        assert_eq!(wp.domain_name.as_deref(), Some("www.test.com"));
        assert_eq!(field_of(v(ticket("5"))), "server_id");
        assert_eq!(field_of(v(NewTicket { server_id: Some("520".into()), ..ticket("5") })), "issue");
        let bad_issue = NewTicket { server_id: Some("520".into()), issue: Some("coffee".into()), ..ticket("5") };
        assert_eq!(field_of(v(bad_issue)), "issue");
        let ok = v(NewTicket {
            server_id: Some("520".into()),
            issue: Some("Server is Down".into()),
            subject: "".into(),
            ..ticket("5")
        })
        .unwrap();
        assert_eq!(ok.issue.unwrap().id, "reboot");
    }

    #[test]
    fn credentials_only_with_server_issues_and_ports_in_range() {
        let form = TicketForm { departments: departments(), issue_types: issues() };
        let v = |t| validate(t, &form);
        let with_password = NewTicket { root_password: Some(Secret::new("F4334Y!")), ..ticket("1") };
        assert_eq!(field_of(v(with_password)), "root_password");
        let server = || NewTicket { server_id: Some("520".into()), issue: Some("reboot".into()), ..ticket("5") };
        for bad in ["0", "65536", "ssh", "-1"] {
            assert_eq!(field_of(v(NewTicket { ssh_port: Some(Secret::new(bad)), ..server() })), "ssh_port", "{bad}");
        }
        let ok = v(NewTicket {
            ssh_port: Some(Secret::new("345")),
            root_password: Some(Secret::new("")),
            ssh_password: Some(Secret::new("df345dd")),
            ..server()
        })
        .unwrap();
        assert!(ok.credentials.root_password.is_none(), "an empty field is not sent");
        assert_eq!(ok.credentials.all().len(), 2);
        assert_eq!(format!("{:?}", ok.credentials), "StaffCredentials { root_password: None, ssh_port: Some(<redacted>), ssh_user: None, ssh_password: Some(<redacted>) }");
    }

    #[test]
    fn provider_words_map_to_statuses() {
        assert_eq!(TicketStatus::from_word("Open"), TicketStatus::Open);
        assert_eq!(TicketStatus::from_word("On Hold"), TicketStatus::Hold);
        assert_eq!(TicketStatus::from_word("Closed"), TicketStatus::Closed);
        assert_eq!(TicketStatus::from_word("???"), TicketStatus::Unknown);
        assert_eq!(TicketStatus::parse("HOLD"), Some(TicketStatus::Hold));
    }
}
