//! Every DNS example body of the VPS.NET doc, verbatim
//! (`tests/fixtures/vpsnet/`), through the wire types, and the bodies
//! vpsdesk sends compared with the doc's request examples. Two examples are
//! not JSON as printed; each repair is named where it is made.

use serde_json::{json, Value};

use super::wire::{self, DnsHostWire, DomainEnvelope, RecordWire, TemplateWire};
use crate::capabilities::dns::validate;
use crate::capabilities::dns::{RecordInput, RecordType};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/vpsnet/", $name, ".json"))
    };
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn record_of(v: &Value, wrapper: &str, zone: &str) -> crate::capabilities::dns::Record {
    let w: RecordWire = serde_json::from_value(wire::unwrap(v.clone(), wrapper)).unwrap();
    w.record(zone).unwrap()
}

fn valid(kind: RecordType, host: &str, data: &str, f: impl FnOnce(&mut RecordInput)) -> crate::capabilities::dns::ValidRecord {
    let mut input = RecordInput { kind: Some(kind), host: host.into(), data: data.into(), ..Default::default() };
    f(&mut input);
    validate::record(&input, "example.com").unwrap()
}

#[test]
fn domains_list_and_show() {
    let list: Vec<DomainEnvelope> = serde_json::from_str(fixture!("domains_list")).unwrap();
    let zones: Vec<_> = list.into_iter().map(|d| d.domain.zone()).collect();
    assert_eq!(
        zones.iter().map(|z| (z.id.as_str(), z.name.as_str())).collect::<Vec<_>>(),
        [("51", "demodomain.com"), ("52", "demodomain2.com")]
    );
    assert_eq!(zones[0].created_at.as_ref().map(ToString::to_string).as_deref(), Some("2009-05-15T10:55:02Z"));
    let shown: DomainEnvelope = serde_json::from_str(fixture!("domain")).unwrap();
    let zone = shown.domain.zone();
    assert_eq!((zone.id.as_str(), zone.serial.as_deref()), ("51", Some("2010080405")));
}

#[test]
fn domain_create_body_has_the_doc_fields() {
    let doc = json(fixture!("domain_create"));
    let ours = json!({ "domain": { "name": "demodomain.com", "custom_template": "", "ip_address": "127.0.0.1" } });
    assert_eq!(ours, doc, "create_zone sends this shape (see mod.rs)");
    // The doc's request body reads as a domain without an id.
    let read: DomainEnvelope = serde_json::from_value(doc).unwrap();
    assert_eq!(read.domain.id, None);
}

#[test]
fn records_list_reads_a_and_failover() {
    let list: Vec<Value> = serde_json::from_str(fixture!("domain_records_list")).unwrap();
    let records = wire::records(list, "domain_record", "demodomain.com").unwrap();
    assert_eq!(records.len(), 2);
    let a = &records[0];
    assert_eq!(
        (a.id.as_str(), a.kind, a.host.as_str(), a.data.as_str(), a.ttl),
        ("2315958", RecordType::A, "www", "127.0.0.1", 86400)
    );
    let f = &records[1];
    assert_eq!((f.kind, f.host.as_str(), f.ttl), (RecordType::Failover, "@", 300));
    assert_eq!(f.data, "127.0.0.1 127.0.0.2 127.0.0.3", "the failover array, in order");
    assert_eq!(f.service_type.as_deref(), Some("icmp.ping"));
}

#[test]
fn flat_records_from_the_new_flag_read_too() {
    let list = vec![
        json!({ "ttl": 300, "type": "mx", "id": 9, "host": "@", "data": "mail.demodomain.com.", "mx_priority": "5" }),
    ];
    let r = &wire::records(list, "domain_record", "demodomain.com").unwrap()[0];
    assert_eq!((r.kind, r.priority, r.id.as_str()), (RecordType::Mx, Some(5), "9"));
}

#[test]
fn record_create_ns_matches_the_doc() {
    // Repair: the doc's example lacks the comma after `"dns1.vps.net."`.
    let text = fixture!("domain_record_create");
    assert!(text.contains("\"dns1.vps.net.\"\n\"type\""), "the example changed");
    let doc = json(&text.replacen("\"dns1.vps.net.\"\n", "\"dns1.vps.net.\",\n", 1));
    let ours = wire::record_body(&valid(RecordType::Ns, "@", "dns1.vps.net.", |_| {}));
    assert_eq!(Value::Object(ours), doc["domain_record"]);
    let read = record_of(&doc, "domain_record", "example.com");
    assert_eq!((read.kind, read.host.as_str(), read.data.as_str()), (RecordType::Ns, "@", "dns1.vps.net."));
}

#[test]
fn record_create_srv_matches_the_doc() {
    let doc = json(fixture!("domain_record_create_srv"));
    let read = record_of(&doc, "domain_record", "example.com");
    assert_eq!(read.host, "_sip._tcp", "the doc's full name, relative to the zone");
    assert_eq!((read.priority, read.weight, read.port, read.ttl), (Some(10), Some(60), Some(5060), 86400));
    assert_eq!(read.data, "test.example.com");
    let ours = wire::record_body(&valid(RecordType::Srv, "_sip._tcp", "test.example.com", |i| {
        i.priority = Some(10);
        i.weight = Some(60);
        i.port = Some(5060);
    }));
    let doc_keys: Vec<&String> = doc["domain_record"].as_object().unwrap().keys().collect();
    assert_eq!(ours.keys().collect::<Vec<_>>(), doc_keys, "the doc's fields, in its order");
    for k in ["ttl", "type", "priority", "weight", "port"] {
        assert_eq!(ours[k], doc["domain_record"][k], "{k} as the doc sends it (numbers as strings)");
    }
    // The doc's service/protocol ("testservice", "_udp") contradict its own
    // name; vpsdesk sends the ones the name says.
    assert_eq!((ours["service"].as_str(), ours["protocol"].as_str()), (Some("_sip"), Some("_tcp")));
}

#[test]
fn record_create_failover_matches_the_doc() {
    let doc = json(fixture!("domain_record_create_failover"));
    let read = record_of(&doc, "domain_record", "example.com");
    assert_eq!(read.data, "64.152.33.1 127.0.0.2 127.0.0.3", "primary first, then the backups");
    let ours = wire::record_body(&valid(RecordType::Failover, "www", &read.data, |_| {}));
    for k in ["data", "type", "host", "primary_data", "service_type"] {
        assert_eq!(ours[k], doc["domain_record"][k], "{k}");
    }
    assert_eq!(ours["ttl"], json!(300), "plus the TTL the list shows failover records with");
}

#[test]
fn record_edit_sends_the_doc_fields() {
    let doc = json(fixture!("domain_record_edit"));
    let ours = wire::record_body(&valid(RecordType::A, "www", "127.0.0.1", |_| {}));
    for (k, v) in doc["domain_record"].as_object().unwrap() {
        assert_eq!(&ours[k], v, "{k}");
    }
}

#[test]
fn update_records_example_reads_every_type() {
    let doc = json(fixture!("domain_records_update"));
    let list = doc["domain_records"].as_array().unwrap().clone();
    let records = wire::records(list, "domain_record", "domain.com").unwrap();
    let kinds: Vec<RecordType> = records.iter().map(|r| r.kind).collect();
    use RecordType::*;
    assert_eq!(kinds, [Soa, Ns, Ns, Mx, A, A]);
    assert_eq!((records[3].priority, records[3].data.as_str()), (Some(10), "mail.domain.com."));
    let ours = wire::record_body(&valid(Mx, "@", "mail.domain.com.", |i| i.priority = Some(10)));
    let mx = &doc["domain_records"][3]["domain_record"];
    for k in ["ttl", "mx_priority", "type", "host", "data"] {
        assert_eq!(ours[k], mx[k], "{k}");
    }
}

#[test]
fn dns_hosts_and_templates() {
    let hosts: Vec<DnsHostWire> = serde_json::from_str(fixture!("dns_hosts")).unwrap();
    let ns: Vec<_> = hosts.into_iter().map(DnsHostWire::nameserver).collect();
    assert_eq!(ns[0].host, "dns1.vps.net");
    assert_eq!(ns[1].ip.as_deref(), Some("67.228.255.5"));

    let list: Vec<Value> = serde_json::from_str(fixture!("dns_templates_list")).unwrap();
    let templates: Vec<_> = list
        .into_iter()
        .map(|v| serde_json::from_value::<TemplateWire>(wire::unwrap(v, "dns_template")).unwrap().template())
        .collect();
    assert_eq!(
        templates.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect::<Vec<_>>(),
        [("51", "demotemplate1"), ("52", "demotemplate2")]
    );

    // Repair: the doc's create example has a trailing comma.
    let text = fixture!("dns_template_create");
    assert!(text.contains("\"demotemplate\",\n"), "the example changed");
    let doc = json(&text.replacen("\"demotemplate\",\n", "\"demotemplate\"\n", 1));
    assert_eq!(doc, json!({ "dns_template": { "template_name": "demotemplate" } }), "create_template sends this");
}

#[test]
fn template_records_read_and_edit() {
    let doc = json(fixture!("dns_template_record_create"));
    let r = record_of(&doc, "dns_template_record", "");
    assert_eq!((r.kind, r.host.as_str(), r.data.as_str(), r.ttl), (RecordType::Ns, "@", "dns1.vps.net.", 86400));
    let mut ours = wire::record_body(&valid(RecordType::Ns, "@", "dns1.vps.net.", |_| {}));
    ours.insert("dns_template_id".into(), json!(55));
    for (k, v) in doc["dns_template_record"].as_object().unwrap() {
        assert_eq!(&ours[k], v, "{k}");
    }
    let edit = json(fixture!("dns_template_record_edit"));
    let read = record_of(
        &json!({ "dns_template_record": { "type": "a", "host": "www", "target": "127.0.0.5", "ttl": 900 } }),
        "dns_template_record",
        "",
    );
    assert_eq!(read.data, edit["dns_template_record"]["target"], "`target` is the value");
}
