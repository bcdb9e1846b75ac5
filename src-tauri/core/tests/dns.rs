//! DNS against the simulators: VPS.NET's domain, record and template calls
//! through the `Dns` trait (every record type, edits, deletes, zone files
//! out and back in, errors mapped per resource), and every other provider
//! without a DNS API.

use vpsdesk_core::accounts::Account;
use vpsdesk_core::capabilities::dns::plan::plan;
use vpsdesk_core::capabilities::dns::validate;
use vpsdesk_core::capabilities::dns::zonefile::{self, Soa};
use vpsdesk_core::capabilities::dns::{Dns, Record, RecordInput, RecordType, ValidRecord, Zone};
use vpsdesk_core::http::Http;
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::providers;
use vpsdesk_core::secret::Secret;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::{Faults, Provider};

mod common;
use common::DemoClient;

/// VPS.NET's client on a sandbox, with the DNS calls these tests make.
type Env = DemoClient;

impl Env {
    fn dns(&self) -> &dyn Dns {
        self.client.dns().expect("VPS.NET has a DNS API")
    }

    async fn zone(&self, name: &str) -> Zone {
        self.dns().zones().await.unwrap().into_iter().find(|z| z.name == name).unwrap()
    }

    async fn records(&self, zone: &Zone) -> Vec<Record> {
        self.dns().records(zone).await.unwrap()
    }
}

fn valid(kind: RecordType, host: &str, data: &str, f: impl FnOnce(&mut RecordInput)) -> ValidRecord {
    let mut input = RecordInput { kind: Some(kind), host: host.into(), data: data.into(), ..Default::default() };
    f(&mut input);
    validate::record(&input, "demodomain2.com").unwrap()
}

fn find<'a>(records: &'a [Record], kind: RecordType, host: &str) -> Vec<&'a Record> {
    records.iter().filter(|r| r.kind == kind && r.host == host).collect()
}

#[tokio::test]
async fn zones_and_their_records_read_as_the_doc_shows_them() {
    let env = Env::new(Provider::Vpsnet).await;
    let zones = env.dns().zones().await.unwrap();
    let names: Vec<(&str, &str)> = zones.iter().map(|z| (z.id.as_str(), z.name.as_str())).collect();
    assert_eq!(names, [("51", "demodomain.com"), ("52", "demodomain2.com")]);
    let shown = env.dns().zone("51").await.unwrap();
    assert_eq!(shown.serial.as_deref(), Some("2010080405"));

    let doc = env.records(&env.zone("demodomain.com").await).await;
    let a = doc.iter().find(|r| r.id == "2315958").expect("the doc's A record");
    assert_eq!((a.kind, a.host.as_str(), a.data.as_str()), (RecordType::A, "www", "127.0.0.1"));
    let f = doc.iter().find(|r| r.id == "2315959").expect("the doc's failover record");
    assert_eq!((f.kind, f.data.as_str(), f.ttl), (RecordType::Failover, "127.0.0.1 127.0.0.2 127.0.0.3", 300));
    assert_eq!(find(&doc, RecordType::Soa, "@").len(), 1);

    let shop = env.records(&env.zone("demodomain2.com").await).await;
    let mx: Vec<(Option<u32>, &str)> =
        find(&shop, RecordType::Mx, "@").iter().map(|r| (r.priority, r.data.as_str())).collect();
    assert_eq!(mx, [(Some(10), "mx1.demodomain2.com."), (Some(20), "mx2.demodomain2.com.")]);
    let srv = find(&shop, RecordType::Srv, "_imaps._tcp")[0];
    assert_eq!((srv.priority, srv.weight, srv.port), (Some(0), Some(1), Some(993)));
    for kind in [RecordType::A, RecordType::Aaaa, RecordType::Cname, RecordType::Txt, RecordType::Ns] {
        assert!(shop.iter().any(|r| r.kind == kind), "the demo zone has a {kind} record");
    }
    let ns = env.dns().nameservers().await.unwrap();
    assert_eq!(ns.iter().map(|n| n.host.as_str()).collect::<Vec<_>>(), ["dns1.vps.net", "dns2.vps.net"]);
}

#[tokio::test]
async fn mx_and_srv_are_added_edited_and_deleted() {
    let env = Env::new(Provider::Vpsnet).await;
    let zone = env.zone("demodomain2.com").await;
    let mx = valid(RecordType::Mx, "@", "mx3.demodomain2.com", |i| i.priority = Some(30));
    env.dns().add_record(&zone, &mx).await.unwrap();
    let srv = valid(RecordType::Srv, "_xmpp._tcp", "chat.demodomain2.com", |i| {
        i.priority = Some(5);
        i.weight = Some(10);
        i.port = Some(5222);
    });
    env.dns().add_record(&zone, &srv).await.unwrap();
    let records = env.records(&zone).await;
    let added_mx = records.iter().find(|r| r.data == "mx3.demodomain2.com.").expect("MX added");
    assert_eq!(added_mx.priority, Some(30));
    let added_srv = find(&records, RecordType::Srv, "_xmpp._tcp")[0].clone();
    assert_eq!((added_srv.data.as_str(), added_srv.port), ("chat.demodomain2.com.", Some(5222)));

    let mx_edit = valid(RecordType::Mx, "@", "mx3.demodomain2.com", |i| {
        i.priority = Some(40);
        i.ttl = Some(600);
    });
    env.dns().update_record(&zone, &added_mx.id, &mx_edit).await.unwrap();
    let srv_edit = valid(RecordType::Srv, "_xmpp._tcp", "chat.demodomain2.com", |i| {
        i.priority = Some(5);
        i.weight = Some(20);
        i.port = Some(5223);
    });
    env.dns().update_record(&zone, &added_srv.id, &srv_edit).await.unwrap();
    let records = env.records(&zone).await;
    let r = records.iter().find(|r| r.id == added_mx.id).unwrap();
    assert_eq!((r.priority, r.ttl), (Some(40), 600));
    let s = records.iter().find(|r| r.id == added_srv.id).unwrap();
    assert_eq!((s.weight, s.port), (Some(20), Some(5223)));

    env.dns().delete_record(&zone, &added_mx.id).await.unwrap();
    env.dns().delete_record(&zone, &added_srv.id).await.unwrap();
    let records = env.records(&zone).await;
    assert!(!records.iter().any(|r| r.id == added_mx.id || r.id == added_srv.id));
    let gone = env.dns().delete_record(&zone, &added_mx.id).await.unwrap_err();
    assert_eq!(gone.kind, ErrorKind::NotFound);
    assert!(gone.message.contains(&format!("record {}", added_mx.id)), "{gone:?}");
}

#[tokio::test]
async fn every_type_round_trips_through_the_api() {
    let env = Env::new(Provider::Vpsnet).await;
    let zone = env.zone("demodomain2.com").await;
    let long_txt = format!("\"{}\" \"{}\"", "k=rsa; p=".to_string() + &"A".repeat(240), "B".repeat(100));
    let wanted = [
        valid(RecordType::A, "api", "203.0.113.7", |_| {}),
        valid(RecordType::Aaaa, "api", "2001:db8::7", |_| {}),
        valid(RecordType::Cname, "docs", "api", |_| {}),
        valid(RecordType::Txt, "mail._domainkey", &long_txt, |_| {}),
        valid(RecordType::Ns, "sub", "ns1.example.net", |_| {}),
        valid(RecordType::Failover, "app", "64.152.33.1 127.0.0.2", |_| {}),
    ];
    for v in &wanted {
        env.dns().add_record(&zone, v).await.unwrap();
    }
    let records = env.records(&zone).await;
    for v in &wanted {
        let got = records.iter().find(|r| r.kind == v.kind && r.host == v.host).unwrap_or_else(|| panic!("{v:?}"));
        assert_eq!(validate::canonical(got, &zone.name).as_ref(), Some(v), "{} reads back as sent", v.kind);
    }
    let cname = records.iter().find(|r| r.host == "docs").unwrap();
    assert_eq!(cname.data, "api.demodomain2.com.", "a bare target is a name in the zone");
}

#[tokio::test]
async fn export_then_import_changes_nothing_and_an_edited_file_plans_the_difference() {
    let env = Env::new(Provider::Vpsnet).await;
    let zone = env.zone("demodomain.com").await;
    let records = env.records(&zone).await;
    let text = zonefile::write(&zone.name, &records, &Soa::for_zone(&zone.name, "dns1.vps.net.", 2_010_080_405));
    assert!(text.contains("$ORIGIN demodomain.com."));
    assert!(text.contains("; FAILOVER @ 300 127.0.0.1 127.0.0.2 127.0.0.3"), "failover kept visible: {text}");
    let parsed = zonefile::parse(&text, &zone.name).unwrap();
    let p = plan(&zone.name, &records, &parsed).unwrap();
    assert!(p.is_noop(), "{p:?}");
    assert_eq!(
        p.unchanged.len(),
        records.iter().filter(|r| !matches!(r.kind, RecordType::Soa | RecordType::Failover)).count()
    );

    let edited = text.replace("mysql01\t3600\tIN\tA\t68.169.40.4", "mysql01\t300\tIN\tA\t68.169.40.4")
        + "new\t3600\tIN\tA\t203.0.113.9\n";
    let p = plan(&zone.name, &records, &zonefile::parse(&edited, &zone.name).unwrap()).unwrap();
    assert_eq!(p.add.len(), 1);
    assert_eq!(p.change.len(), 1);
    assert_eq!(p.change[0].before.host, "mysql01");
    env.dns().add_record(&zone, &p.add[0].record).await.unwrap();
    env.dns().update_record(&zone, &p.change[0].before.id, &p.change[0].after).await.unwrap();
    let after = env.records(&zone).await;
    assert!(plan(&zone.name, &after, &zonefile::parse(&edited, &zone.name).unwrap()).unwrap().is_noop());
}

#[tokio::test]
async fn zones_are_created_from_an_address_or_a_template_and_deleted() {
    let env = Env::new(Provider::Vpsnet).await;
    let z = env.dns().create_zone("fresh-example.org", Some("203.0.113.20"), None).await.unwrap();
    assert_eq!(z.name, "fresh-example.org");
    let records = env.records(&z).await;
    assert_eq!(find(&records, RecordType::A, "www")[0].data, "203.0.113.20");
    assert_eq!(find(&records, RecordType::Ns, "@").len(), 2);

    let t = env.dns().templates().await.unwrap().into_iter().find(|t| t.name == "demotemplate1").unwrap();
    let from_t = env.dns().create_zone("templated.org", None, Some(&t.id)).await.unwrap();
    let records = env.records(&from_t).await;
    assert_eq!(find(&records, RecordType::Mx, "@")[0].data, "mail.vps.net.", "the template's records");

    let dup = env.dns().create_zone("fresh-example.org", None, None).await.unwrap_err();
    assert_eq!(dup.kind, ErrorKind::Validation);
    assert_eq!(dup.fields[0].field, "name", "{dup:?}");

    env.dns().delete_zone(&z.id).await.unwrap();
    assert!(!env.dns().zones().await.unwrap().iter().any(|x| x.id == z.id));
    assert_eq!(env.dns().delete_zone(&z.id).await.unwrap_err().kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn templates_and_their_records() {
    let env = Env::new(Provider::Vpsnet).await;
    let names: Vec<String> = env.dns().templates().await.unwrap().into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["demotemplate1", "demotemplate2", "demotemplate"]);
    let t = env.dns().create_template("web-default").await.unwrap();
    let a = validate::record(
        &RecordInput {
            kind: Some(RecordType::A),
            host: "www".into(),
            data: "203.0.113.1".into(),
            ..Default::default()
        },
        "",
    )
    .unwrap();
    env.dns().add_template_record(&t.id, &a).await.unwrap();
    let records = env.dns().template_records(&t.id).await.unwrap();
    assert_eq!(records.len(), 1);
    let moved = ValidRecord { data: "203.0.113.2".into(), ttl: 900, ..a };
    env.dns().update_template_record(&t.id, &records[0].id, &moved).await.unwrap();
    let r = &env.dns().template_records(&t.id).await.unwrap()[0];
    assert_eq!((r.data.as_str(), r.ttl), ("203.0.113.2", 900), "target and ttl, as the doc's edit body");
    env.dns().delete_template_record(&t.id, &r.id).await.unwrap();
    assert!(env.dns().template_records(&t.id).await.unwrap().is_empty());
    env.dns().delete_template(&t.id).await.unwrap();
    assert_eq!(env.dns().template_records(&t.id).await.unwrap_err().kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn provider_refusals_and_faults() {
    let env = Env::new(Provider::Vpsnet).await;
    let zone = env.zone("demodomain2.com").await;
    // Past vpsdesk's own checks (built by hand), the simulator's 422 lands on the field.
    let bad = ValidRecord {
        kind: RecordType::A,
        host: "x".into(),
        data: "not-an-address".into(),
        ttl: 300,
        priority: None,
        weight: None,
        port: None,
        service_type: None,
    };
    let e = env.dns().add_record(&zone, &bad).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert_eq!(e.fields[0].field, "data");

    let ghost =
        Zone { id: "999".into(), name: "ghost.example".into(), serial: None, created_at: None, updated_at: None };
    let e = env.dns().records(&ghost).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);

    env.sandbox
        .set_faults(Provider::Vpsnet, Faults { fail_status: Some(503), fail_count: Some(1), ..Faults::default() });
    assert!(!env.records(&zone).await.is_empty(), "a read is retried after a 503");
    env.sandbox
        .set_faults(Provider::Vpsnet, Faults { fail_status: Some(500), fail_count: Some(1), ..Faults::default() });
    let before = env.sandbox.requests(Provider::Vpsnet).len();
    let e = env.dns().add_record(&zone, &valid(RecordType::A, "y", "203.0.113.8", |_| {})).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Provider);
    assert_eq!(env.sandbox.requests(Provider::Vpsnet).len(), before + 1, "a write is sent once");
    let wrong = Secret::new("wrong");
    let account = Account {
        id: "x".into(),
        name: "x".into(),
        provider: ProviderKind::Vpsnet,
        endpoint: env.sandbox.endpoint(Provider::Vpsnet),
        username: Some("demo@vpsdesk.test".into()),
        region: None,
        demo: false,
    };
    let bad_key = providers::connect(&account, wrong, &Http::default()).unwrap();
    assert_eq!(bad_key.dns().unwrap().zones().await.unwrap_err().kind, ErrorKind::Auth);
}

#[tokio::test]
async fn providers_without_a_dns_api_have_none() {
    for p in [Provider::Vultr, Provider::Vps247, Provider::Cloudsigma, Provider::Vpsorg] {
        let env = Env::new(p).await;
        assert!(env.client.dns().is_none(), "{} has no DNS API", p.id());
    }
}
