//! VPS.NET support tickets (`vpsnet-endpoints.md` section 6, all "D" rows
//! but the filters, whose URL the doc prints) and the Pro-Active Managed
//! Services list (section 7, an INFERRED path: a 404 there means "none").
//!
//! A new ticket is one flat JSON body; for server issues its `subject` is
//! the subject type (`reboot`, …), so a subject line the user typed leads the
//! body instead. Root and SSH credentials are written into that body and
//! nowhere else, and scrubbed from anything VPS.NET sends back.

#[cfg(test)]
mod tests;
mod wire;

use async_trait::async_trait;
use serde_json::{json, Map, Value};

use super::wire::Refusal;
use super::{number, Scope, Vpsnet, DESCRIPTOR, NAME};
use crate::error::{Error, ErrorKind, FieldError, Result};
use crate::http::{Request, Response};
use crate::model::ProviderKind;
use crate::time::Timestamp;
use crate::providers::common::{decode, ProviderApi};
use crate::secret::{redact, Secret};
use crate::capabilities::tickets::{
    Author, Department, DepartmentNeeds, IssueType, ManagedService, Ticket, TicketMessage, TicketForm, TicketRequest,
    TicketStatus, TicketThread, Tickets,
};
use wire::{ManagedServicesWire, ReplyWire, ThreadWire, TicketEnvelope, TicketWire};

/// `GET` lists (`?status=&department=`), `POST` opens a ticket.
const TICKETS: &str = "/tickets.api10json";
/// `GET`: `{"managed_services": [...]}`.
const MANAGED_SERVICES: &str = "/managed_services.api10json";

/// `GET` shows, `DELETE` closes one ticket.
fn ticket_path(id: &str) -> String {
    format!("/tickets/{id}.api10json")
}

/// `POST`: a reply `{body, root_password?}`.
fn replies_path(id: &str) -> String {
    format!("/tickets/{id}/ticket_replies.api10json")
}

/// "Departments Ids" of the doc, with what each needs.
const DEPARTMENTS: [(&str, &str, DepartmentNeeds); 6] = [
    ("1", "Billing", DepartmentNeeds::Nothing),
    ("2", "Sales", DepartmentNeeds::Nothing),
    ("3", "Wordpress", DepartmentNeeds::Domain),
    ("4", "Cloud Hosting", DepartmentNeeds::Domain),
    ("5", "Server issue", DepartmentNeeds::Server),
    ("6", "Other", DepartmentNeeds::Nothing),
];

/// "Techinical Issue Subject Type" of the doc.
const ISSUE_TYPES: [(&str, &str); 7] = [
    ("reboot", "Server is Down"),
    ("performance_issue", "Server Performance Issue"),
    ("installation", "Installation Request"),
    ("administration", "Server Administration Request"),
    ("assisted", "Assisted Start-up Request"),
    ("abuse", "Abuse / DDoS"),
    ("other", "Unknown / Other"),
];

/// The descriptor's `ticket_form`: the doc's departments and subject types.
pub(super) fn form() -> TicketForm {
    TicketForm {
        departments: DEPARTMENTS
            .iter()
            .map(|(id, name, needs)| Department { id: (*id).into(), name: (*name).into(), needs: *needs })
            .collect(),
        issue_types: ISSUE_TYPES.iter().map(|(id, name)| IssueType { id: (*id).into(), name: (*name).into() }).collect(),
    }
}

fn ticket_id(id: &str) -> Result<String> {
    number("id", "ticket", id).map(|n| n.to_string())
}

fn ticket(w: TicketWire) -> Ticket {
    let department_id =
        DEPARTMENTS.iter().find(|(_, name, _)| name.eq_ignore_ascii_case(w.department.trim())).map(|d| d.0.to_string());
    Ticket {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vpsnet,
        status: TicketStatus::from_word(&w.status),
        provider_status: w.status,
        id: w.id,
        subject: w.subject,
        department: w.department,
        department_id,
        last_response_by: w.last_responded.as_deref().and_then(author_of),
        last_responded: w.last_responded,
        last_response_time: DESCRIPTOR.time(w.last_response_time.as_deref()),
    }
}

/// "Staff Followup" is staff; the customer's side is worded with
/// customer/client/user.
fn author_of(words: &str) -> Option<Author> {
    let w = words.to_ascii_lowercase();
    if w.contains("staff") {
        Some(Author::Staff)
    } else if w.contains("customer") || w.contains("client") || w.contains("user") {
        Some(Author::Customer)
    } else {
        None
    }
}

fn message(r: ReplyWire) -> TicketMessage {
    let author = if r.client_response { Author::Customer } else { Author::Staff };
    TicketMessage { author, staff: author == Author::Staff, body: r.comment, time: DESCRIPTOR.time(r.time.as_deref()) }
}

fn thread(id: &str, w: ThreadWire) -> TicketThread {
    TicketThread {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vpsnet,
        id: id.to_string(),
        subject: w.subject,
        status: TicketStatus::from_word(&w.status),
        provider_status: w.status,
        messages: w.replies.into_iter().map(message).collect(),
    }
}

/// The flat body of `POST tickets.api10json`, as the doc's three examples
/// show it: ids and port as strings, `vm_id` a number.
fn open_body(req: &TicketRequest) -> Result<Value> {
    let mut body = Map::new();
    body.insert("department".into(), json!(req.department.id));
    match &req.issue {
        Some(issue) => {
            body.insert("subject".into(), json!(issue.id));
            let text =
                if req.subject.is_empty() { req.body.clone() } else { format!("{}\n\n{}", req.subject, req.body) };
            body.insert("body".into(), json!(text));
        }
        None => {
            body.insert("subject".into(), json!(req.subject));
            body.insert("body".into(), json!(req.body));
        }
    }
    if let Some(d) = &req.domain_name {
        body.insert("domain_name".into(), json!(d));
    }
    if let Some(vm) = &req.server_id {
        body.insert("vm_id".into(), json!(number("server_id", "cloud server", vm)?));
    }
    let c = &req.credentials;
    for (key, value) in [
        ("root_password", &c.root_password),
        ("ssh_port", &c.ssh_port),
        ("ssh_user", &c.ssh_user),
        ("ssh_password", &c.ssh_password),
    ] {
        if let Some(v) = value {
            body.insert(key.into(), json!(v.expose().trim()));
        }
    }
    Ok(Value::Object(body))
}

/// The flat body of a reply: `{body, root_password?}`.
fn reply_wire(body: &str, root_password: Option<&Secret>) -> Value {
    let mut wire = json!({ "body": body });
    if let Some(p) = root_password {
        wire["root_password"] = json!(p.expose());
    }
    wire
}

/// VPS.NET's 422 field names as the new-ticket form names them.
fn form_field(f: &str) -> Option<&'static str> {
    Some(match f {
        "department" => "department",
        "subject" => "issue",
        "body" => "body",
        "domain_name" => "domain_name",
        "vm_id" => "server_id",
        "root_password" => "root_password",
        "ssh_port" => "ssh_port",
        "ssh_user" => "ssh_user",
        "ssh_password" => "ssh_password",
        _ => return None,
    })
}

impl Vpsnet {
    /// Sends a ticket call; errors are worded for tickets and scrubbed of the
    /// API key and of `secrets`.
    async fn ticket_call(&self, req: Request, ticket: Option<&str>, secrets: &[&Secret]) -> Result<Response> {
        let resp = self.api.send(req).await?;
        if resp.is_success() {
            return Ok(resp);
        }
        let e = match (resp.status, ticket) {
            (404, Some(id)) => Error::not_found(format!(
                "VPS.NET has no ticket {id} on this account; list the tickets to see their ids"
            )),
            (422, _) => unprocessable(&resp),
            _ => self.status_error(&resp, Scope::Account),
        };
        let scrub = |t: &str| redact(&self.api.redact(t), secrets);
        Err(Error {
            message: scrub(&e.message),
            fields: e.fields.into_iter().map(|f| FieldError { message: scrub(&f.message), ..f }).collect(),
            ..e
        })
    }

    async fn ticket_list(&self, query: Vec<(&str, String)>) -> Result<Vec<Ticket>> {
        let mut req = Request::get(TICKETS);
        for (k, v) in query {
            req = req.query(k, v);
        }
        let list: Vec<TicketEnvelope> = decode(NAME, &self.ticket_call(req, None, &[]).await?)?;
        Ok(list.into_iter().map(|e| ticket(e.ticket)).collect())
    }
}

fn unprocessable(resp: &Response) -> Error {
    let refusal = Refusal::of(resp);
    Error {
        kind: ErrorKind::Validation,
        message: format!("VPS.NET refused the ticket: {}", refusal.text),
        fields: refusal.fields(form_field),
    }
}

#[async_trait]
impl Tickets for Vpsnet {
    async fn list_tickets(&self, status: Option<TicketStatus>, department: Option<&Department>) -> Result<Vec<Ticket>> {
        // The doc filters by department only together with a status, so a
        // department alone is filtered here.
        let mut query = Vec::new();
        if let Some(s) = status {
            query.push(("status", s.as_str().to_string()));
            if let Some(d) = department {
                query.push(("department", d.id.clone()));
            }
        }
        let tickets = self.ticket_list(query).await?;
        Ok(tickets
            .into_iter()
            .filter(|t| {
                department.is_none_or(|d| {
                    t.department_id.as_deref() == Some(&d.id) || t.department.eq_ignore_ascii_case(&d.name)
                })
            })
            .filter(|t| status.is_none_or(|s| t.status == s))
            .collect())
    }

    async fn ticket(&self, id: &str) -> Result<TicketThread> {
        let id = ticket_id(id)?;
        let w: ThreadWire = decode(NAME, &self.ticket_call(Request::get(ticket_path(&id)), Some(&id), &[]).await?)?;
        Ok(thread(&id, w))
    }

    async fn open_ticket(&self, req: &TicketRequest) -> Result<Ticket> {
        let body = open_body(req)?;
        let secrets = req.credentials.all();
        // Never retried: a repeat would open a second ticket.
        let resp = self.ticket_call(Request::post(TICKETS).json(body), None, &secrets).await?;
        // The doc does not show the reply; take the ticket from it when it
        // has one, else the newest ticket of the list.
        let sent: Option<TicketWire> = serde_json::from_slice::<TicketEnvelope>(&resp.body)
            .map(|e| e.ticket)
            .or_else(|_| serde_json::from_slice::<TicketWire>(&resp.body))
            .ok()
            .filter(|t| !t.id.is_empty());
        if let Some(w) = sent {
            let mut t = ticket(w);
            if t.department.is_empty() {
                t.department = req.department.name.clone();
                t.department_id = Some(req.department.id.clone());
            }
            return Ok(t);
        }
        let newest = self
            .ticket_list(Vec::new())
            .await?
            .into_iter()
            .max_by_key(|t| t.id.parse::<u64>().unwrap_or(0))
            .ok_or_else(|| {
            Error::provider("VPS.NET accepted the ticket but does not list it yet; refresh the tickets in a moment")
        })?;
        Ok(newest)
    }

    async fn reply_ticket(&self, id: &str, body: &str, root_password: Option<&Secret>) -> Result<()> {
        let id = ticket_id(id)?;
        let wire = reply_wire(body, root_password);
        let secrets: Vec<&Secret> = root_password.into_iter().collect();
        self.ticket_call(Request::post(replies_path(&id)).json(wire), Some(&id), &secrets).await.map(|_| ())
    }

    async fn close_ticket(&self, id: &str) -> Result<()> {
        let id = ticket_id(id)?;
        self.ticket_call(Request::delete(ticket_path(&id)), Some(&id), &[]).await.map(|_| ())
    }

    async fn managed_services(&self) -> Result<Vec<ManagedService>> {
        let resp = self.api.send(Request::get(MANAGED_SERVICES)).await?;
        // The path is inferred from the doc's naming; an account (or an API)
        // without it has no managed services to show.
        if resp.status == 404 {
            return Ok(Vec::new());
        }
        if !resp.is_success() {
            return Err(self.status_error(&resp, Scope::Account));
        }
        let w: ManagedServicesWire = decode(NAME, &resp)?;
        Ok(w.managed_services
            .into_iter()
            .map(|m| ManagedService {
                server_id: m.virtual_machine_id,
                support_ip: m.managed_support_ip,
                renewal_date: Timestamp::read(&m.renewal_date, DESCRIPTOR.time_zone),
            })
            .collect())
    }
}
