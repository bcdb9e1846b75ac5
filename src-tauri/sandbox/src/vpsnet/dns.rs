//! DNS (`vpsnet-endpoints.md` section 5): domains with their records, the
//! name-server list and DNS templates. Seeded with the doc's domains,
//! records and templates verbatim, plus two lived-in demo zones (MX, SRV,
//! TXT, A, AAAA, CNAME) whose web and database hosts point at the demo
//! servers. Every record change bumps the domain's SOA serial.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use super::state::{now, VpsNet};
use super::{integer, not_found, resource, unprocessable};
use crate::common::{Params, Store};

const DOC_TIME: &str = "2009-05-15T06:55:02-04:00";
/// The doc's `domains/dns_hosts` example.
const DNS_HOSTS: [(&str, &str); 2] = [("dns1.vps.net", "67.228.254.4"), ("dns2.vps.net", "67.228.255.5")];
const TYPES: [&str; 9] = ["a", "aaaa", "cname", "mx", "txt", "ns", "srv", "failover", "soa"];

#[derive(Clone)]
pub(super) struct Rec {
    kind: String,
    host: String,
    /// A string, or a failover record's addresses (primary first).
    data: Value,
    ttl: u64,
    mx_priority: Option<u64>,
    priority: Option<u64>,
    weight: Option<u64>,
    port: Option<u64>,
    service: Option<String>,
    protocol: Option<String>,
    service_type: Option<String>,
}

impl Rec {
    fn new(kind: &str, host: &str, data: &str, ttl: u64) -> Rec {
        Rec {
            kind: kind.into(),
            host: host.into(),
            data: json!(data),
            ttl,
            mx_priority: None,
            priority: None,
            weight: None,
            port: None,
            service: None,
            protocol: None,
            service_type: None,
        }
    }

    fn mx(host: &str, data: &str, priority: u64) -> Rec {
        Rec { mx_priority: Some(priority), ..Rec::new("mx", host, data, 86_400) }
    }

    fn srv(host: &str, data: &str, [priority, weight, port]: [u64; 3]) -> Rec {
        let mut labels = host.split('.');
        Rec {
            service: labels.next().map(str::to_owned),
            protocol: labels.next().map(str::to_owned),
            priority: Some(priority),
            weight: Some(weight),
            port: Some(port),
            ..Rec::new("srv", host, data, 86_400)
        }
    }

    /// The list example's shape: `ttl, type, id, host, data`, then the
    /// fields of the record's type.
    fn view(&self, id: u64) -> Map<String, Value> {
        let mut o = Map::new();
        o.insert("ttl".into(), json!(self.ttl));
        o.insert("type".into(), json!(self.kind));
        o.insert("id".into(), json!(id));
        o.insert("host".into(), json!(self.host));
        o.insert("data".into(), self.data.clone());
        if let Some(p) = self.mx_priority {
            o.insert("mx_priority".into(), json!(p));
        }
        for (k, v) in [("priority", self.priority), ("weight", self.weight), ("port", self.port)] {
            if let Some(v) = v {
                o.insert(k.into(), json!(v));
            }
        }
        for (k, v) in [("service", &self.service), ("protocol", &self.protocol), ("service_type", &self.service_type)] {
            if let Some(v) = v {
                o.insert(k.into(), json!(v));
            }
        }
        o
    }
}

pub(super) struct Domain {
    name: String,
    serial: u64,
    created_at: String,
    updated_at: String,
    records: BTreeMap<u64, Rec>,
}

pub(super) struct Template {
    name: String,
    created_at: String,
    updated_at: String,
    records: BTreeMap<u64, Rec>,
}

pub(super) struct DnsBook {
    domains: BTreeMap<u64, Domain>,
    templates: BTreeMap<u64, Template>,
    next_domain: u64,
    next_template: u64,
    next_record: u64,
}

impl DnsBook {
    fn record_id(&mut self) -> u64 {
        self.next_record += 1;
        self.next_record
    }

    fn add_domain(&mut self, id: u64, name: &str, serial: u64, created: &str, records: Vec<Rec>) {
        let mut d = Domain {
            name: name.into(),
            serial,
            created_at: created.into(),
            updated_at: created.into(),
            records: BTreeMap::new(),
        };
        for r in records {
            let rid = self.record_id();
            d.records.insert(rid, r);
        }
        self.domains.insert(id, d);
    }
}

/// What a domain and a DNS template share: records added, shown and
/// edited through the same routes, under each one's own names.
trait Zone {
    /// The parent in a 404.
    const WHAT: &'static str;
    /// The root of one record in bodies and answers.
    const RECORD: &'static str;
    /// The field naming the parent in the create answer, where the doc shows one.
    const PARENT_FIELD: Option<&'static str>;
    fn find(book: &mut DnsBook, id: u64) -> Option<&mut Self>;
    fn records(&mut self) -> &mut BTreeMap<u64, Rec>;
    /// After a record change.
    fn touch(&mut self);
}

impl Zone for Domain {
    const WHAT: &'static str = "Domain";
    const RECORD: &'static str = "domain_record";
    const PARENT_FIELD: Option<&'static str> = None;

    fn find(book: &mut DnsBook, id: u64) -> Option<&mut Self> {
        book.domains.get_mut(&id)
    }

    fn records(&mut self) -> &mut BTreeMap<u64, Rec> {
        &mut self.records
    }

    /// A record change bumps the SOA serial.
    fn touch(&mut self) {
        self.serial += 1;
        self.updated_at = now();
    }
}

impl Zone for Template {
    const WHAT: &'static str = "DNS template";
    const RECORD: &'static str = "dns_template_record";
    const PARENT_FIELD: Option<&'static str> = Some("dns_template_id");

    fn find(book: &mut DnsBook, id: u64) -> Option<&mut Self> {
        book.templates.get_mut(&id)
    }

    fn records(&mut self) -> &mut BTreeMap<u64, Rec> {
        &mut self.records
    }

    fn touch(&mut self) {
        self.updated_at = now();
    }
}

/// The zone `id` names, or its 404.
fn zone<'a, Z: Zone>(book: &'a mut DnsBook, id: &str) -> Result<&'a mut Z, Response> {
    id.parse().ok().and_then(|id| Z::find(book, id)).ok_or_else(|| not_found(Z::WHAT))
}

fn failover(host: &str, addresses: &[&str], ttl: u64) -> Rec {
    Rec { data: json!(addresses), service_type: Some("icmp.ping".into()), ..Rec::new("failover", host, "", ttl) }
}

fn delegation() -> Vec<Rec> {
    vec![
        Rec::new("soa", "@", "dns1.vps.net.", 86_400),
        Rec::new("ns", "@", "dns1.vps.net.", 86_400),
        Rec::new("ns", "@", "dns2.vps.net.", 86_400),
    ]
}

pub(super) fn seed() -> DnsBook {
    let mut book = DnsBook {
        domains: BTreeMap::new(),
        templates: BTreeMap::new(),
        next_domain: 100,
        next_template: 100,
        next_record: 2_315_957,
    };
    // The doc's records list: ids 2315958 and 2315959, then its
    // update_records body, then the demo servers' names (web01 and mysql01
    // are the doc's servers, at the sandbox's first two addresses).
    let mut demo =
        vec![Rec::new("a", "www", "127.0.0.1", 86_400), failover("@", &["127.0.0.1", "127.0.0.2", "127.0.0.3"], 300)];
    demo.extend(delegation());
    demo.extend([
        Rec::mx("@", "mail.domain.com.", 10),
        Rec::new("a", "@", "127.0.0.1", 86_400),
        Rec::new("a", "web01", "68.169.40.3", 3_600),
        Rec::new("a", "mysql01", "68.169.40.4", 3_600),
        Rec::new("aaaa", "web01", "2001:db8:40::3", 3_600),
        Rec::new("cname", "blog", "web01.demodomain.com.", 3_600),
        Rec::new("txt", "@", "v=spf1 mx include:_spf.vps.net -all", 3_600),
        Rec::srv("_sip._tcp", "web01.demodomain.com.", [10, 60, 5060]),
    ]);
    book.add_domain(51, "demodomain.com", 2_010_080_405, DOC_TIME, demo);
    let mut shop = delegation();
    shop.extend([
        Rec::new("a", "@", "68.169.40.5", 3_600),
        Rec::new("a", "www", "68.169.40.5", 3_600),
        Rec::new("aaaa", "www", "2001:db8:40::5", 3_600),
        Rec::new("cname", "shop", "www.demodomain2.com.", 3_600),
        Rec::mx("@", "mx1.demodomain2.com.", 10),
        Rec::mx("@", "mx2.demodomain2.com.", 20),
        Rec::new("a", "mx1", "68.169.40.6", 3_600),
        Rec::new("a", "mx2", "68.169.40.7", 3_600),
        Rec::new("txt", "@", "v=spf1 mx -all", 3_600),
        Rec::new("txt", "_dmarc", "v=DMARC1; p=quarantine; rua=mailto:dmarc@demodomain2.com", 3_600),
        Rec::srv("_imaps._tcp", "mx1.demodomain2.com.", [0, 1, 993]),
        Rec::srv("_submission._tcp", "mx1.demodomain2.com.", [0, 1, 587]),
    ]);
    book.add_domain(52, "demodomain2.com", 2_013_061_501, DOC_TIME, shop);
    // The doc's templates list, and the template its record example belongs to (id 55).
    for (id, name) in [(51, "demotemplate1"), (52, "demotemplate2"), (55, "demotemplate")] {
        let records: Vec<Rec> = match id {
            55 => vec![Rec::new("ns", "@", "dns1.vps.net.", 86_400)],
            51 => vec![
                Rec::new("ns", "@", "dns1.vps.net.", 86_400),
                Rec::new("ns", "@", "dns2.vps.net.", 86_400),
                Rec::mx("@", "mail.vps.net.", 10),
                Rec::new("txt", "@", "v=spf1 mx -all", 86_400),
            ],
            _ => Vec::new(),
        };
        let mut t = Template {
            name: name.into(),
            created_at: DOC_TIME.into(),
            updated_at: DOC_TIME.into(),
            records: BTreeMap::new(),
        };
        for r in records {
            let rid = book.record_id();
            t.records.insert(rid, r);
        }
        book.templates.insert(id, t);
    }
    book
}

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/domains.api10json", get(domains).post(create_domain))
        .route("/domains/{file}", get(show_domain).delete(delete_domain))
        .route("/domains/{id}/{file}", get(domain_records).post(add_record::<Domain>))
        .route(
            "/domains/{id}/records/{file}",
            get(show_domain_record).put(edit_domain_record).delete(delete_domain_record),
        )
        .route("/dns_templates.api10json", get(templates).post(create_template))
        .route("/dns_templates/{file}", get(show_template).delete(delete_template))
        .route("/dns_templates/{id}/{file}", get(template_records).post(add_record::<Template>))
        .route(
            "/dns_templates/{id}/records/{file}",
            axum::routing::put(edit_record::<Template>).delete(delete_template_record),
        )
}

fn id_of(file: &str) -> Option<u64> {
    resource(file)?.parse().ok()
}

fn domain_view(id: u64, d: &Domain, serial: bool) -> Value {
    let mut o = json!({ "name": d.name, "updated_at": d.updated_at, "id": id, "created_at": d.created_at });
    if serial {
        o["serial"] = json!(d.serial.to_string());
    }
    json!({ "domain": o })
}

fn template_view(id: u64, t: &Template) -> Value {
    json!({ "dns_template": { "template_name": t.name, "updated_at": t.updated_at, "id": id, "created_at": t.created_at } })
}

/// The root object of a body: `{"<root>": {...}}`.
fn form(body: &Bytes, root: &str) -> Result<Map<String, Value>, Response> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(mut o)) => match o.remove(root) {
            Some(Value::Object(inner)) => Ok(inner),
            _ => Err(unprocessable(&[("base", format!("{root} is required"))])),
        },
        _ => Err(unprocessable(&[("base", "The request body is not a JSON object".to_owned())])),
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(|s| s.trim().to_owned())
}

fn is_name(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    !s.is_empty()
        && s.split('.').all(|l| {
            !l.is_empty() && l.len() <= 63 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// A record from a create or edit body, over `base` for edits; the checks
/// the provider makes, answered as its 422.
fn record_from(f: &Map<String, Value>, base: Option<&Rec>) -> Result<Rec, Response> {
    let kind = text(f.get("type"))
        .map(|t| t.to_ascii_lowercase())
        .or_else(|| base.map(|b| b.kind.clone()))
        .unwrap_or_default();
    let mut errors = Vec::new();
    if !TYPES.contains(&kind.as_str()) {
        errors.push(("type", "is not a record type".to_owned()));
    }
    if kind == "soa" {
        errors.push(("type", "soa records are managed by VPS.NET".to_owned()));
    }
    let host = text(f.get("host")).or_else(|| base.map(|b| b.host.clone())).unwrap_or_default();
    if host.is_empty() {
        errors.push(("host", "can't be blank".to_owned()));
    }
    let mut r = base.cloned().unwrap_or_else(|| Rec::new(&kind, &host, "", 86_400));
    r.kind.clone_from(&kind);
    r.host = host;
    if let Some(ttl) = f.get("ttl") {
        match integer(Some(ttl)) {
            Some(t) if t > 0 => r.ttl = t,
            _ => errors.push(("ttl", "is not a number".to_owned())),
        }
    }
    if kind == "failover" {
        let backups: Vec<String> = f
            .get("data")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        let primary = text(f.get("primary_data")).unwrap_or_default();
        if primary.parse::<std::net::Ipv4Addr>().is_err() || backups.is_empty() {
            errors.push(("primary_data", "needs an address and backup addresses".to_owned()));
        }
        r.data = json!(std::iter::once(primary).chain(backups).collect::<Vec<_>>());
        r.service_type = text(f.get("service_type")).or(r.service_type).or(Some("icmp.ping".into()));
    } else if let Some(data) = text(f.get("data")).or_else(|| text(f.get("target"))) {
        r.data = json!(data);
    }
    let data = r.data.as_str().unwrap_or_default().to_owned();
    let bad = match kind.as_str() {
        "a" => data.parse::<std::net::Ipv4Addr>().is_err(),
        "aaaa" => data.parse::<std::net::Ipv6Addr>().is_err(),
        "cname" | "ns" | "mx" | "srv" => !is_name(&data),
        "txt" => data.is_empty(),
        _ => false,
    };
    if bad {
        errors.push(("data", format!("is not valid for a {kind} record")));
    }
    if kind == "mx" {
        r.mx_priority = integer(f.get("mx_priority")).or(r.mx_priority);
        if r.mx_priority.is_none() {
            errors.push(("mx_priority", "can't be blank".to_owned()));
        }
    }
    if kind == "srv" {
        r.priority = integer(f.get("priority")).or(r.priority);
        r.weight = integer(f.get("weight")).or(r.weight);
        r.port = integer(f.get("port")).or(r.port);
        r.service = text(f.get("service")).or(r.service);
        r.protocol = text(f.get("protocol")).or(r.protocol);
        for (k, v) in [("priority", r.priority), ("weight", r.weight), ("port", r.port)] {
            if v.is_none_or(|v| v > 65_535) {
                errors.push((k, "must be a number from 0 to 65535".to_owned()));
            }
        }
    }
    if errors.is_empty() {
        Ok(r)
    } else {
        Err(unprocessable(&errors))
    }
}

fn records_view(records: &BTreeMap<u64, Rec>, wrapper: &str, flat: bool) -> Response {
    let items: Vec<Value> = records
        .iter()
        .map(|(id, r)| {
            let inner = Value::Object(r.view(*id));
            if flat {
                inner
            } else {
                json!({ wrapper: inner })
            }
        })
        .collect();
    Json(items).into_response()
}

fn ok() -> Response {
    Json(json!({})).into_response()
}

async fn domains(State(store): State<Store<VpsNet>>) -> Response {
    store.with(|s| {
        Json(s.dns.domains.iter().map(|(id, d)| domain_view(*id, d, false)).collect::<Vec<_>>()).into_response()
    })
}

/// `{"domain": {name, custom_template, ip_address}}`: the domain starts with
/// the template's records when one is named (by id or name), else with
/// VPS.NET's name servers and, given an address, `@` and `www` pointing at it.
async fn create_domain(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    let f = match form(&body, "domain") {
        Ok(f) => f,
        Err(r) => return r,
    };
    let name = text(f.get("name")).unwrap_or_default().to_ascii_lowercase();
    let ip = text(f.get("ip_address")).unwrap_or_default();
    let template = text(f.get("custom_template"))
        .or_else(|| integer(f.get("custom_template")).map(|n| n.to_string()))
        .unwrap_or_default();
    store.with(|s| {
        let book = &mut s.dns;
        let mut errors = Vec::new();
        if !is_name(&name) || !name.contains('.') {
            errors.push(("name", "is not a domain name".to_owned()));
        } else if book.domains.values().any(|d| d.name == name) {
            errors.push(("name", "has already been taken".to_owned()));
        }
        if !ip.is_empty() && ip.parse::<std::net::Ipv4Addr>().is_err() {
            errors.push(("ip_address", "is not an IPv4 address".to_owned()));
        }
        let from = book
            .templates
            .iter()
            .find(|(id, t)| !template.is_empty() && (id.to_string() == template || t.name == template));
        if !template.is_empty() && from.is_none() {
            errors.push(("custom_template", "is not one of your DNS templates".to_owned()));
        }
        if !errors.is_empty() {
            return unprocessable(&errors);
        }
        let mut records = vec![Rec::new("soa", "@", "dns1.vps.net.", 86_400)];
        match from {
            Some((_, t)) => records.extend(t.records.values().cloned()),
            None => {
                records.extend(delegation().into_iter().skip(1));
                if !ip.is_empty() {
                    records.push(Rec::new("a", "@", &ip, 86_400));
                    records.push(Rec::new("a", "www", &ip, 86_400));
                }
            }
        }
        book.next_domain += 1;
        let id = book.next_domain;
        let at = now();
        let serial = chrono::Utc::now().format("%Y%m%d01").to_string().parse().unwrap_or(1);
        book.add_domain(id, &name, serial, &at, records);
        match book.domains.get(&id) {
            Some(d) => Json(domain_view(id, d, false)).into_response(),
            None => not_found("Domain"),
        }
    })
}

async fn show_domain(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    if file == "dns_hosts.api10json" {
        return Json(DNS_HOSTS.iter().map(|(host, ip)| json!({ "host": host, "ip": ip })).collect::<Vec<_>>())
            .into_response();
    }
    store.with(|s| match id_of(&file).and_then(|id| Some((id, s.dns.domains.get(&id)?))) {
        Some((id, d)) => Json(domain_view(id, d, true)).into_response(),
        None => not_found("Domain"),
    })
}

async fn delete_domain(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    store.with(|s| match id_of(&file).and_then(|id| s.dns.domains.remove(&id)) {
        Some(_) => ok(),
        None => not_found("Domain"),
    })
}

/// `records.api10json`, wrapped as the doc shows, or flat with `?new`.
async fn domain_records(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    params: Params,
) -> Response {
    list_records::<Domain>(&store, &id, &file, params.text("new").is_some())
}

/// `{id}.api10json` edits one record; `update_records.api10json` replaces
/// them all (`{"domain_records": [...]}`).
async fn edit_domain_record(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, Response> {
    if file == "update_records.api10json" {
        return Ok(replace_records(store, &id, &body));
    }
    edit_record::<Domain>(State(store), Path((id, file)), body).await
}

fn replace_records(store: Store<VpsNet>, id: &str, body: &Bytes) -> Response {
    let list = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(mut o)) => match o.remove("domain_records") {
            Some(Value::Array(a)) => a,
            _ => return unprocessable(&[("base", "domain_records is required".to_owned())]),
        },
        _ => return unprocessable(&[("base", "The request body is not a JSON object".to_owned())]),
    };
    let mut records = Vec::new();
    for item in &list {
        let Some(Value::Object(f)) = item.get("domain_record") else {
            return unprocessable(&[("base", "each entry is a domain_record".to_owned())]);
        };
        // The doc's example restates the SOA; it stays VPS.NET's.
        if text(f.get("type")).is_some_and(|t| t.eq_ignore_ascii_case("soa")) {
            continue;
        }
        match record_from(f, None) {
            Ok(r) => records.push(r),
            Err(resp) => return resp,
        }
    }
    store.with(|s| {
        let book = &mut s.dns;
        let Some(mut d) = id.parse().ok().and_then(|id: u64| book.domains.remove(&id)) else {
            return not_found("Domain");
        };
        d.records.retain(|_, r| r.kind == "soa");
        for r in records {
            let rid = book.record_id();
            d.records.insert(rid, r);
        }
        d.touch();
        if let Ok(key) = id.parse() {
            book.domains.insert(key, d);
        }
        Json(json!({ "message": "Records updated" })).into_response()
    })
}

/// The SOA stays VPS.NET's.
async fn delete_domain_record(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, Response> {
    store.with(|s| {
        let d = zone::<Domain>(&mut s.dns, &id)?;
        let removable = id_of(&file).filter(|rid| d.records.get(rid).is_some_and(|r| r.kind != "soa"));
        removable.and_then(|rid| d.records.remove(&rid)).ok_or_else(|| not_found("Record"))?;
        d.touch();
        Ok(ok())
    })
}

fn list_records<Z: Zone>(store: &Store<VpsNet>, id: &str, file: &str, flat: bool) -> Response {
    if file != "records.api10json" {
        return not_found(Z::WHAT);
    }
    store.with(|s| match zone::<Z>(&mut s.dns, id) {
        Ok(z) => records_view(z.records(), Z::RECORD, flat),
        Err(r) => r,
    })
}

async fn add_record<Z: Zone>(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, Response> {
    if file != "records.api10json" {
        return Err(not_found(Z::WHAT));
    }
    let rec = record_from(&form(&body, Z::RECORD)?, None)?;
    store.with(|s| {
        let rid = s.dns.record_id();
        let z = zone::<Z>(&mut s.dns, &id)?;
        let mut view = rec.view(rid);
        if let Some(field) = Z::PARENT_FIELD {
            view.insert(field.into(), json!(id.parse::<u64>().unwrap_or_default()));
        }
        z.records().insert(rid, rec);
        z.touch();
        Ok(Json(json!({ Z::RECORD: view })).into_response())
    })
}

async fn show_domain_record(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, Response> {
    store.with(|s| {
        let d = zone::<Domain>(&mut s.dns, &id)?;
        match id_of(&file).and_then(|rid| Some((rid, d.records.get(&rid)?))) {
            Some((rid, r)) => Ok(Json(json!({ "domain_record": r.view(rid) })).into_response()),
            None => Err(not_found("Record")),
        }
    })
}

/// The doc's template edit body: `{"dns_template_record": {"target", "ttl"}}`.
async fn edit_record<Z: Zone>(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, Response> {
    let f = form(&body, Z::RECORD)?;
    store.with(|s| {
        let z = zone::<Z>(&mut s.dns, &id)?;
        let Some((rid, current)) = id_of(&file).and_then(|rid| Some((rid, z.records().get(&rid)?))) else {
            return Err(not_found("Record"));
        };
        let r = record_from(&f, Some(current))?;
        let view = r.view(rid);
        z.records().insert(rid, r);
        z.touch();
        Ok(Json(json!({ Z::RECORD: view })).into_response())
    })
}

async fn templates(State(store): State<Store<VpsNet>>) -> Response {
    store
        .with(|s| Json(s.dns.templates.iter().map(|(id, t)| template_view(*id, t)).collect::<Vec<_>>()).into_response())
}

async fn create_template(State(store): State<Store<VpsNet>>, body: Bytes) -> Response {
    let f = match form(&body, "dns_template") {
        Ok(f) => f,
        Err(r) => return r,
    };
    let name = text(f.get("template_name")).unwrap_or_default();
    store.with(|s| {
        let book = &mut s.dns;
        if name.is_empty() {
            return unprocessable(&[("template_name", "can't be blank".to_owned())]);
        }
        if book.templates.values().any(|t| t.name == name) {
            return unprocessable(&[("template_name", "has already been taken".to_owned())]);
        }
        book.next_template += 1;
        let id = book.next_template;
        let at = now();
        let t = Template { name, created_at: at.clone(), updated_at: at, records: BTreeMap::new() };
        let view = template_view(id, &t);
        book.templates.insert(id, t);
        Json(view).into_response()
    })
}

async fn show_template(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    store.with(|s| match id_of(&file).and_then(|id| Some((id, s.dns.templates.get(&id)?))) {
        Some((id, t)) => Json(template_view(id, t)).into_response(),
        None => not_found("DNS template"),
    })
}

async fn delete_template(State(store): State<Store<VpsNet>>, Path(file): Path<String>) -> Response {
    store.with(|s| match id_of(&file).and_then(|id| s.dns.templates.remove(&id)) {
        Some(_) => ok(),
        None => not_found("DNS template"),
    })
}

async fn template_records(State(store): State<Store<VpsNet>>, Path((id, file)): Path<(String, String)>) -> Response {
    list_records::<Template>(&store, &id, &file, false)
}

async fn delete_template_record(
    State(store): State<Store<VpsNet>>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, Response> {
    store.with(|s| {
        let t = zone::<Template>(&mut s.dns, &id)?;
        id_of(&file).and_then(|rid| t.records.remove(&rid)).map(|_| ok()).ok_or_else(|| not_found("Record"))
    })
}
