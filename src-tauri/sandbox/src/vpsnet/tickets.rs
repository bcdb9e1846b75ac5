//! tickets and managed_services (`vpsnet-endpoints.md` sections 6 and 7):
//! list with the doc's status/department filters, show with replies, open
//! (one flat body), reply, close (DELETE). Staff answer a while after the
//! customer writes (the sandbox's transition time). Root and SSH
//! credentials sent with a ticket are checked and then dropped: the
//! simulator keeps only whether some were given.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Map, Value};
use tokio::time::Instant;

use super::state::{now, VpsNet};
use super::{not_found, resource, unprocessable};
use crate::common::{Params, Store};

/// "Departments Ids" of the doc.
const DEPARTMENTS: [&str; 6] = ["Billing", "Sales", "Wordpress", "Cloud Hosting", "Server issue", "Other"];
const SERVER_ISSUE: u8 = 5;

/// "Techinical Issue Subject Type" of the doc: (subject, what it means).
const ISSUE_TYPES: [(&str, &str); 7] = [
    ("reboot", "Server is Down"),
    ("performance_issue", "Server Performance Issue"),
    ("installation", "Installation Request"),
    ("administration", "Server Administration Request"),
    ("assisted", "Assisted Start-up Request"),
    ("abuse", "Abuse / DDoS"),
    ("other", "Unknown / Other"),
];

const STAFF: &str = "Staff Followup";
const CUSTOMER: &str = "Customer Reply";

pub(super) struct TicketBook {
    next_id: u64,
    tickets: BTreeMap<u64, Ticket>,
    /// (virtual_machine_id, managed_support_ip, renewal_date).
    managed: Vec<(u64, &'static str, &'static str)>,
}

impl TicketBook {
    /// Moves server `from`'s managed service to `to`; false when it has none.
    pub(super) fn transfer_managed(&mut self, from: u64, to: u64) -> bool {
        match self.managed.iter_mut().find(|(vm, _, _)| *vm == from) {
            Some(service) => {
                service.0 = to;
                true
            }
            None => false,
        }
    }
}

struct Ticket {
    subject: String,
    department: u8,
    status: &'static str,
    replies: Vec<Reply>,
    /// A staff answer that shows up once its time has come.
    staff_due: Option<(Instant, Reply)>,
}

#[derive(Clone)]
struct Reply {
    client: bool,
    comment: String,
    time: String,
}

impl Ticket {
    /// Delivers a staff answer whose time has come.
    fn settle(&mut self) {
        if self.staff_due.as_ref().is_some_and(|(at, _)| Instant::now() >= *at) {
            if let Some((_, reply)) = self.staff_due.take() {
                self.replies.push(reply);
            }
        }
    }

    fn last(&self) -> Option<&Reply> {
        self.replies.last()
    }

    /// A customer message, and a staff answer `delay` later.
    fn customer_wrote(&mut self, comment: String, delay: Duration, answer: String) {
        self.settle();
        self.replies.push(Reply { client: true, comment, time: now() });
        let at = chrono::Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default();
        let time = at.format("%Y-%m-%dT%H:%M:%S+00:00").to_string();
        self.staff_due = Some((Instant::now() + delay, Reply { client: false, comment: answer, time }));
    }
}

/// A ticket as the doc's list example shows it, in its order.
#[derive(Serialize)]
struct TicketView<'a> {
    status: &'a str,
    department: &'a str,
    id: String,
    subject: &'a str,
    last_responded: &'a str,
    last_response_time: &'a str,
}

#[derive(Serialize)]
struct TicketEnvelope<'a> {
    ticket: TicketView<'a>,
}

#[derive(Serialize)]
struct ReplyView<'a> {
    client_response: bool,
    comment: &'a str,
    time: &'a str,
}

fn view(id: u64, t: &Ticket) -> TicketEnvelope<'_> {
    let last = t.last();
    TicketEnvelope {
        ticket: TicketView {
            status: t.status,
            department: DEPARTMENTS[usize::from(t.department) - 1],
            id: id.to_string(),
            subject: &t.subject,
            last_responded: match last {
                Some(r) if !r.client => STAFF,
                _ => CUSTOMER,
            },
            last_response_time: last.map(|r| r.time.as_str()).unwrap_or_default(),
        },
    }
}

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/tickets.api10json", get(list).post(open))
        .route("/tickets/{file}", get(show).delete(close))
        .route("/tickets/{id}/{file}", post(reply))
        .route("/managed_services.api10json", get(managed_services))
}

async fn list(State(store): State<Store<VpsNet>>, params: Params) -> Response {
    let status = params.get("status").map(str::to_ascii_lowercase);
    let department = params.get("department").and_then(|d| d.parse::<u8>().ok());
    store.with(|s| {
        let book = &mut s.tickets;
        book.tickets.values_mut().for_each(Ticket::settle);
        let items: Vec<TicketEnvelope> = book
            .tickets
            .iter()
            .filter(|(_, t)| status.as_deref().is_none_or(|st| t.status.eq_ignore_ascii_case(st)))
            .filter(|(_, t)| department.is_none_or(|d| t.department == d))
            .map(|(id, t)| view(*id, t))
            .collect();
        Json(items).into_response()
    })
}

/// The ticket `{id}.api10json` names, with any staff answer that is due
/// delivered, handed to `act`; 404 for another file or an unknown id.
fn with_ticket(store: &Store<VpsNet>, file: &str, act: impl FnOnce(u64, &mut Ticket) -> Response) -> Response {
    let Some(id) = resource(file).and_then(|id| id.parse::<u64>().ok()) else {
        return not_found("Ticket");
    };
    store.with(|s| {
        let Some(t) = s.tickets.tickets.get_mut(&id) else {
            return not_found("Ticket");
        };
        t.settle();
        act(id, t)
    })
}

async fn show(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    with_ticket(&store, &file, |_, t| {
        let replies: Vec<ReplyView> = t
            .replies
            .iter()
            .map(|r| ReplyView { client_response: r.client, comment: &r.comment, time: &r.time })
            .collect();
        Json(json!({ "replies": replies, "subject": t.subject, "status": t.status })).into_response()
    })
}

/// A flat JSON object, as the doc's request examples are.
fn flat(body: &Bytes) -> Option<Map<String, Value>> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Some(m),
        _ => None,
    }
}

/// A field sent as a string or a number, trimmed.
fn text(m: &Map<String, Value>, key: &str) -> String {
    match m.get(key) {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

async fn open(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    let Some(m) = flat(&body) else {
        return unprocessable(&[("base", "The request body is not a JSON object".to_owned())]);
    };
    let department = text(&m, "department").parse::<u8>().ok().filter(|d| (1..=6).contains(d));
    let comment = text(&m, "body");
    let subject = text(&m, "subject");
    let mut errors = Vec::new();
    if department.is_none() {
        errors.push(("department", "is not included in the list".to_owned()));
    }
    if comment.is_empty() {
        errors.push(("body", "can't be blank".to_owned()));
    }
    let port = text(&m, "ssh_port");
    if !port.is_empty() && !port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p)) {
        errors.push(("ssh_port", "is not a valid port".to_owned()));
    }
    let credentials = ["root_password", "ssh_user", "ssh_password"].iter().any(|k| !text(&m, k).is_empty());
    store.with(|s| {
        let mut vm_label = None;
        match department {
            Some(3 | 4) if text(&m, "domain_name").is_empty() => errors.push(("domain_name", "can't be blank".to_owned())),
            Some(SERVER_ISSUE) => {
                if !ISSUE_TYPES.iter().any(|(id, _)| *id == subject) {
                    errors.push(("subject", "is not a technical issue subject type".to_owned()));
                }
                match text(&m, "vm_id").parse::<u64>().ok().and_then(|id| s.servers.get(&id)) {
                    Some(vm) => vm_label = Some(vm.label.clone()),
                    None => errors.push(("vm_id", "is not a cloud server of this account".to_owned())),
                }
            }
            _ => {}
        }
        let Some(department) = department.filter(|_| errors.is_empty()) else {
            return unprocessable(&errors);
        };
        let (title, answer) = match (&vm_label, ISSUE_TYPES.iter().find(|(id, _)| *id == subject)) {
            (Some(vm), Some((_, issue))) => (format!("{issue}: {vm}"), staff_answer(issue, vm, credentials)),
            _ => {
                let dept = DEPARTMENTS[usize::from(department) - 1];
                let title = if subject.is_empty() { format!("{dept} request") } else { subject.clone() };
                (title, format!("Hello, thank you for contacting VPS.NET {dept}. We have looked into your request and updated your account; reply here if anything is still unclear."))
            }
        };
        let book = &mut s.tickets;
        let id = book.next_id;
        book.next_id += 1;
        let mut t = Ticket { subject: title, department, status: "Open", replies: Vec::new(), staff_due: None };
        t.customer_wrote(comment, s.transition, answer);
        let out = Json(view(id, &t)).into_response();
        book.tickets.insert(id, t);
        out
    })
}

fn staff_answer(issue: &str, vm: &str, credentials: bool) -> String {
    let access = if credentials {
        "We used the credentials you sent through the API for this ticket only; please change them now that we are done."
    } else {
        "We worked from the host node, no login was needed."
    };
    format!("Hello, about \"{issue}\" on {vm}: we have checked the server and it is answering normally again. {access} Let us know if you see the problem again.")
}

async fn reply(State(store): State<Store<VpsNet>>, Path((id, file)): Path<(String, String)>, body: Bytes) -> Response {
    let Some(id) = id.parse::<u64>().ok().filter(|_| file == "ticket_replies.api10json") else {
        return not_found("Ticket");
    };
    let comment = flat(&body).map(|m| text(&m, "body")).unwrap_or_default();
    store.with(|s| {
        let delay = s.transition;
        let Some(t) = s.tickets.tickets.get_mut(&id) else {
            return not_found("Ticket");
        };
        if comment.is_empty() {
            return unprocessable(&[("body", "can't be blank".to_owned())]);
        }
        // A reply reopens a closed or held ticket.
        t.status = "Open";
        t.customer_wrote(
            comment,
            delay,
            "Thank you for the update. A technician has read it and will follow up on this ticket shortly.".to_owned(),
        );
        Json(view(id, t)).into_response()
    })
}

async fn close(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    with_ticket(&store, &file, |id, t| {
        // Closing drops an answer that had not come yet.
        t.staff_due = None;
        t.status = "Closed";
        Json(view(id, t)).into_response()
    })
}

async fn managed_services(State(store): State<Store<VpsNet>>) -> Response {
    store.with(|s| {
        let items: Vec<Value> = s
            .tickets
            .managed
            .iter()
            .map(|(vm, ip, renewal)| json!({ "virtual_machine_id": vm, "managed_support_ip": ip, "renewal_date": renewal }))
            .collect();
        Json(json!({ "managed_services": items })).into_response()
    })
}

/// The doc's list example (ticket 979) with the doc's show example as its
/// first message, the show example on its own (978), and a few more.
pub(super) fn seed() -> TicketBook {
    let r =
        |client: bool, comment: &str, time: &str| Reply { client, comment: comment.to_owned(), time: time.to_owned() };
    let t = |subject: &str, department: u8, status: &'static str, replies: Vec<Reply>| Ticket {
        subject: subject.to_owned(),
        department,
        status,
        replies,
        staff_due: None,
    };
    let mut tickets = BTreeMap::new();
    tickets.insert(
        975,
        t(
            "Upgrade to 4 nodes",
            2,
            "Closed",
            vec![
                r(true, "Can I add two nodes to Staging without a reboot?", "2010-07-28T10:12:40-04:00"),
                r(
                    false,
                    "Yes: nodes are added live, the extra memory shows after the next reboot.",
                    "2010-07-28T11:03:09-04:00",
                ),
            ],
        ),
    );
    tickets.insert(
        977,
        t(
            "Server Performance Issue: MySQL Server 01",
            5,
            "Hold",
            vec![
                r(true, "MySQL Server 01 has been slow since this morning.", "2010-08-05T09:41:22-04:00"),
                r(
                    false,
                    "The host node is being migrated; we will move your server in tonight's maintenance window.",
                    "2010-08-05T10:15:00-04:00",
                ),
            ],
        ),
    );
    tickets
        .insert(978, t("Test Subject", 6, "Open", vec![r(true, "Test ticket comment", "2010-08-06T08:28:16-04:00")]));
    tickets.insert(
        979,
        t(
            "API test subject",
            1,
            "Open",
            vec![
                r(true, "Test ticket comment", "2010-08-06T08:28:16-04:00"),
                r(
                    false,
                    "Hello, the credit for July has been added to your account and will show on the next invoice.",
                    "2010-08-09T08:02:00-04:00",
                ),
            ],
        ),
    );
    TicketBook {
        next_id: 1000,
        tickets,
        // The doc's example, and the demo's first server.
        managed: vec![(520, "68.169.47.56", "11 Sep 2010"), (1384, "68.169.40.3", "16 Apr 2027")],
    }
}
