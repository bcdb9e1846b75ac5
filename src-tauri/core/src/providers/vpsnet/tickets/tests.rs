//! Every ticket example body of the VPS.NET doc, verbatim
//! (tests/fixtures/vpsnet/ticket*.json, managed_services.json), through the
//! wire types and the mapping, and the bodies vpsdesk sends compared with the
//! doc's request examples. The doc's examples are hand written; each repair
//! is named where it is made and touches only the broken spot.

use serde_json::{json, Value};

use super::wire::{ManagedServicesWire, ThreadWire, TicketEnvelope};
use super::{form, open_body, reply_wire, thread, ticket, DEPARTMENTS, ISSUE_TYPES};
use crate::secret::Secret;
use crate::capabilities::tickets::{validate, Author, DepartmentNeeds, NewTicket, TicketStatus};

macro_rules! fixture {
    ($name:literal $(, $broken:literal => $repaired:literal)* $(,)?) => {{
        #[allow(unused_mut)] // examples without repairs
        let mut text = include_str!(concat!("../../../../tests/fixtures/vpsnet/", $name, ".json")).to_string();
        $(
            assert!(text.contains($broken), "{}: {:?} is no longer in the example", $name, $broken);
            text = text.replacen($broken, $repaired, 1);
        )*
        serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", $name))
    }};
}

fn new_ticket(department: &str, body: &str) -> NewTicket {
    NewTicket {
        department: department.into(),
        subject: String::new(),
        body: body.into(),
        domain_name: None,
        server_id: None,
        issue: None,
        root_password: None,
        ssh_port: None,
        ssh_user: None,
        ssh_password: None,
    }
}

#[test]
fn list_example_maps_every_field() {
    // Repair: the example lacks the comma after "subject".
    let v = fixture!("tickets_list", "\"API test subject\"\n" => "\"API test subject\",\n");
    let list: Vec<TicketEnvelope> = serde_json::from_value(v).unwrap();
    let t = ticket(list.into_iter().next().unwrap().ticket);
    assert_eq!(t.id, "979");
    assert_eq!(t.subject, "API test subject");
    assert_eq!(t.status, TicketStatus::Open);
    assert_eq!(t.provider_status, "Open");
    assert_eq!(t.department, "Billing");
    assert_eq!(t.department_id.as_deref(), Some("1"));
    assert_eq!(t.last_responded.as_deref(), Some("Staff Followup"));
    assert_eq!(t.last_response_by, Some(Author::Staff));
    assert_eq!(t.last_response_time.as_ref().map(ToString::to_string).as_deref(), Some("2010-08-09T12:02:00Z"));
}

#[test]
fn show_example_gives_the_thread() {
    // Repair: the example lacks the comma after "subject".
    let v = fixture!("ticket", "\"Test Subject\"\n" => "\"Test Subject\",\n");
    let w: ThreadWire = serde_json::from_value(v).unwrap();
    let t = thread("979", w);
    assert_eq!(t.subject, "Test Subject");
    assert_eq!(t.status, TicketStatus::Open);
    assert_eq!(t.messages.len(), 1);
    let m = &t.messages[0];
    assert_eq!(m.author, Author::Customer, "client_response: true is the customer");
    assert!(!m.staff);
    assert_eq!(m.body, "Test ticket comment");
    assert_eq!(m.time.as_ref().map(ToString::to_string).as_deref(), Some("2010-08-06T12:28:16Z"));
}

#[test]
fn managed_services_example() {
    let w: ManagedServicesWire = serde_json::from_value(fixture!("managed_services")).unwrap();
    assert_eq!(w.managed_services.len(), 1);
    assert_eq!(w.managed_services[0].virtual_machine_id, "520");
    assert_eq!(w.managed_services[0].managed_support_ip, "68.169.47.56");
    assert_eq!(w.managed_services[0].renewal_date, "11 Sep 2010");
}

#[test]
fn departments_and_issue_types_are_the_docs() {
    let ids: Vec<&str> = DEPARTMENTS.iter().map(|d| d.0).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(DEPARTMENTS[2].2, DepartmentNeeds::Domain);
    assert_eq!(DEPARTMENTS[3].2, DepartmentNeeds::Domain);
    assert_eq!(DEPARTMENTS[4].2, DepartmentNeeds::Server);
    let issues: Vec<&str> = ISSUE_TYPES.iter().map(|i| i.0).collect();
    assert_eq!(issues, ["reboot", "performance_issue", "installation", "administration", "assisted", "abuse", "other"]);
}

#[test]
fn open_bodies_match_the_docs_examples() {
    let form = form();

    // Repair: a trailing comma after "body".
    let doc = fixture!("ticket_create", "\"This is a test body\",\n}" => "\"This is a test body\"\n}");
    let billing = validate(
        NewTicket { subject: "Invoice".into(), ..new_ticket("Billing", "This is a test body") },
        &form,
    )
    .unwrap();
    let sent = open_body(&billing).unwrap();
    assert_eq!(sent, json!({ "department": "1", "subject": "Invoice", "body": "This is a test body" }));
    for (k, v) in doc.as_object().unwrap() {
        assert_eq!(&sent[k], v, "{k}");
    }

    let doc = fixture!("ticket_create_domain");
    let wordpress = NewTicket {
        subject: "Plugin".into(),
        domain_name: Some("www.test.com".into()),
        ..new_ticket("wordpress", "This is a test body")
    };
    let sent = open_body(&validate(wordpress, &form).unwrap()).unwrap();
    for (k, v) in doc.as_object().unwrap() {
        assert_eq!(&sent[k], v, "{k}");
    }

    // Repairs: a missing comma after "department", and a single quote
    // opening "ssh_port".
    let doc = fixture!("ticket_create_tech", "\"department\": \"5\"\n" => "\"department\": \"5\",\n", "'ssh_port\"" => "\"ssh_port\"");
    let tech = NewTicket {
        issue: Some("Server is Down".into()),
        server_id: Some("520".into()),
        root_password: Some(Secret::new("F4334Y!")),
        ssh_port: Some(Secret::new("345")),
        ssh_user: Some(Secret::new("test")),
        ssh_password: Some(Secret::new("df345dd")),
        ..new_ticket("5", "This is a test body")
    };
    let sent = open_body(&validate(tech, &form).unwrap()).unwrap();
    assert_eq!(sent, doc, "the whole body, field for field");
}

#[test]
fn a_typed_subject_leads_the_body_of_a_server_issue() {
    let tech = NewTicket {
        subject: "Web01 unreachable".into(),
        issue: Some("reboot".into()),
        server_id: Some("1384".into()),
        ..new_ticket("Server issue", "Since 10:00 it answers no pings.")
    };
    let sent = open_body(&validate(tech, &form()).unwrap()).unwrap();
    assert_eq!(sent["subject"], "reboot");
    assert_eq!(sent["body"], "Web01 unreachable\n\nSince 10:00 it answers no pings.");
    assert_eq!(sent["vm_id"], 1384);
}

#[test]
fn a_server_that_is_not_a_vpsnet_id_is_refused_before_sending() {
    let tech = NewTicket { issue: Some("reboot".into()), server_id: Some("web01".into()), ..new_ticket("5", "down") };
    let e = open_body(&validate(tech, &form()).unwrap()).unwrap_err();
    assert_eq!(e.fields[0].field, "server_id");
}

#[test]
fn reply_example_is_what_a_reply_sends() {
    let doc = fixture!("ticket_reply");
    assert_eq!(reply_wire("This is a test reply body", Some(&Secret::new("Ffe33D"))), doc);
    assert_eq!(reply_wire("thanks", None), json!({ "body": "thanks" }), "no password, no field");
}
