//! Support tickets against the simulators: VPS.NET's ticket calls through
//! the `Tickets` trait (list and filters, thread, open, staff answers, reply,
//! close, managed services, errors), and every other provider without one.

use std::time::{Duration, Instant};

use vpsdesk_core::capabilities::tickets::{validate, Author, NewTicket, TicketStatus, TicketThread, Tickets};
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::secret::Secret;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::{Faults, Provider};

mod common;
use common::DemoClient;

const ROOT_PASSWORD: &str = "S3cr3t-r00t-for-tickets";

/// VPS.NET's client on a sandbox, with the ticket calls these tests make.
type Env = DemoClient;

impl Env {
    fn tickets(&self) -> &dyn Tickets {
        self.client.tickets().expect("VPS.NET has a ticket API")
    }

    fn requests(&self) -> usize {
        self.sandbox.requests(Provider::Vpsnet).len()
    }

    /// Polls the thread until staff have answered `after` messages.
    async fn staff_answer(&self, id: &str, after: usize) -> TicketThread {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let t = self.tickets().ticket(id).await.unwrap();
            if t.messages.len() > after && t.messages.last().unwrap().staff {
                return t;
            }
            assert!(Instant::now() < deadline, "no staff answer on ticket {id}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn server_issue(server: &str) -> NewTicket {
    NewTicket {
        department: "Server issue".into(),
        subject: "Web01 is down".into(),
        body: "It stopped answering at 10:00.".into(),
        domain_name: None,
        server_id: Some(server.into()),
        issue: Some("reboot".into()),
        root_password: Some(Secret::new(ROOT_PASSWORD)),
        ssh_port: Some(Secret::new("2222")),
        ssh_user: None,
        ssh_password: None,
    }
}

#[tokio::test]
async fn lists_the_docs_ticket_and_filters_like_the_doc() {
    let env = Env::new(Provider::Vpsnet).await;
    let t = env.tickets();
    let all = t.list_tickets(None, None).await.unwrap();
    let doc = all.iter().find(|x| x.id == "979").expect("the doc's ticket 979");
    assert_eq!(doc.subject, "API test subject");
    assert_eq!(doc.department, "Billing");
    assert_eq!(doc.status, TicketStatus::Open);
    assert_eq!(doc.last_responded.as_deref(), Some("Staff Followup"));
    assert_eq!(doc.last_response_by, Some(Author::Staff));
    assert_eq!(doc.last_response_time.clone().unwrap(), "2010-08-09T12:02:00Z", "the doc's -04:00, in UTC");

    let closed = t.list_tickets(Some(TicketStatus::Closed), None).await.unwrap();
    assert!(!closed.is_empty() && closed.iter().all(|x| x.status == TicketStatus::Closed));
    let billing =
        ProviderKind::Vpsnet.descriptor().ticket_form().departments.into_iter().find(|d| d.name == "Billing").unwrap();
    let open_billing = t.list_tickets(Some(TicketStatus::Open), Some(&billing)).await.unwrap();
    assert_eq!(open_billing.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["979"]);
    let held = t.list_tickets(Some(TicketStatus::Hold), None).await.unwrap();
    assert!(held.iter().any(|x| x.department == "Server issue"));
    let last = env.sandbox.requests(Provider::Vpsnet).pop().unwrap();
    assert_eq!((last.path.as_str(), last.query.as_str()), ("/tickets.api10json", "status=hold"));
}

#[tokio::test]
async fn shows_a_thread_with_who_wrote_what() {
    let env = Env::new(Provider::Vpsnet).await;
    let t = env.tickets().ticket("979").await.unwrap();
    assert_eq!(t.subject, "API test subject");
    let authors: Vec<Author> = t.messages.iter().map(|m| m.author).collect();
    assert_eq!(authors, [Author::Customer, Author::Staff]);
    assert_eq!(t.messages[0].body, "Test ticket comment");
    assert_eq!(t.messages[0].time.clone().unwrap(), "2010-08-06T12:28:16Z");
    let e = env.tickets().ticket("424242").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound, "{}", e.message);
    assert!(e.message.contains("424242"));
}

#[tokio::test]
async fn a_server_issue_is_opened_answered_replied_to_and_closed() {
    let env = Env::new(Provider::Vpsnet).await;
    let t = env.tickets();
    let request = validate(server_issue("1384"), &ProviderKind::Vpsnet.descriptor().ticket_form()).unwrap();
    let opened = t.open_ticket(&request).await.unwrap();
    assert!(!opened.id.is_empty());
    assert_eq!(opened.status, TicketStatus::Open);
    assert_eq!(opened.department, "Server issue");
    assert_eq!(opened.last_response_by, Some(Author::Customer));
    assert!(opened.subject.contains("Web Server 01"), "{}", opened.subject);

    let thread = env.staff_answer(&opened.id, 1).await;
    assert!(thread.messages[0].body.starts_with("Web01 is down\n\n"), "the typed subject leads the body");
    assert!(!format!("{thread:?}").contains(ROOT_PASSWORD));
    let listed = t.list_tickets(None, None).await.unwrap();
    let row = listed.iter().find(|x| x.id == opened.id).unwrap();
    assert_eq!(row.last_response_by, Some(Author::Staff));

    t.reply_ticket(&opened.id, "Thanks, it is back.", Some(&Secret::new(ROOT_PASSWORD))).await.unwrap();
    let thread = env.staff_answer(&opened.id, 3).await;
    assert_eq!(thread.messages[2].author, Author::Customer);
    assert_eq!(thread.messages[2].body, "Thanks, it is back.");

    t.close_ticket(&opened.id).await.unwrap();
    let closed = t.ticket(&opened.id).await.unwrap();
    assert_eq!(closed.status, TicketStatus::Closed);
    assert_eq!(t.close_ticket("424242").await.unwrap_err().kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn the_providers_refusal_lands_on_the_form_field() {
    let env = Env::new(Provider::Vpsnet).await;
    let t = env.tickets();
    let request = validate(server_issue("99999"), &ProviderKind::Vpsnet.descriptor().ticket_form()).unwrap();
    let e = t.open_ticket(&request).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert_eq!(e.fields[0].field, "server_id", "{:?}", e.fields);
    assert!(!e.message.contains(ROOT_PASSWORD));
}

#[tokio::test]
async fn opening_is_never_repeated_after_a_failure() {
    let env = Env::new(Provider::Vpsnet).await;
    let t = env.tickets();
    let request = validate(server_issue("1384"), &ProviderKind::Vpsnet.descriptor().ticket_form()).unwrap();
    let before = env.requests();
    env.sandbox
        .set_faults(Provider::Vpsnet, Faults { fail_status: Some(503), fail_count: Some(1), ..Faults::default() });
    let e = t.open_ticket(&request).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unreachable, "{}", e.message);
    assert_eq!(env.requests(), before + 1, "the POST was sent once");
    assert!(!e.message.contains(ROOT_PASSWORD));
}

#[tokio::test]
async fn managed_services_come_from_the_doc() {
    let env = Env::new(Provider::Vpsnet).await;
    let services = env.tickets().managed_services().await.unwrap();
    let doc = services.iter().find(|m| m.server_id == "520").unwrap();
    assert_eq!(doc.support_ip, "68.169.47.56");
    assert_eq!(doc.renewal_date, "2010-09-11", "a day, in ISO form");
    assert_eq!(doc.renewal_date.raw(), "11 Sep 2010");
}

#[tokio::test]
async fn other_providers_have_no_ticket_api() {
    for p in [Provider::Vultr, Provider::Vps247, Provider::Cloudsigma, Provider::Vpsorg] {
        let env = Env::new(p).await;
        assert!(env.client.tickets().is_none(), "{}", p.id());
    }
}
