//! Per-type record checks, run before anything is sent. A DNS typo takes a
//! site down, so every field is checked and every problem is reported next to
//! its field (`Error::fields`), not only the first.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::{Record, RecordInput, RecordType, ValidRecord};
use crate::error::{Error, ErrorKind, FieldError, Result};

pub const TTL_MIN: u32 = 60;
/// One week: longer TTLs make a mistake stick in caches for too long.
pub const TTL_MAX: u32 = 604_800;
pub const DEFAULT_TTL: u32 = 86_400;
/// VPS.NET lists its failover records with 300 s: checks must be able to move traffic fast.
pub const DEFAULT_FAILOVER_TTL: u32 = 300;
pub const DEFAULT_SERVICE_TYPE: &str = "icmp.ping";
/// RFC 1035 character-string limit.
pub const TXT_CHUNK: usize = 255;
pub const TXT_MAX: usize = 4096;

/// Collects field errors so a form shows all of them at once.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: &str, message: impl Into<String>) {
        if !self.0.iter().any(|f| f.field == field) {
            self.0.push(FieldError { field: field.to_string(), message: crate::error::shorten(message.into()) });
        }
    }

    fn into_result<T>(self, ok: impl FnOnce() -> T) -> Result<T> {
        if self.0.is_empty() {
            return Ok(ok());
        }
        let message = self.0.iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join("; ");
        Err(Error { kind: ErrorKind::Validation, message, fields: self.0 })
    }
}

/// `example.com.` / ` Example.COM ` -> `example.com`.
pub fn zone_name(name: &str) -> Result<String> {
    let n = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if n.is_empty() {
        return Err(Error::field("name", "a zone needs a domain name, like example.com"));
    }
    hostname(&n).map_err(|m| Error::field("name", m))?;
    if !n.contains('.') {
        return Err(Error::field("name", format!("{n:?} is not a domain name; use the full name, like {n}.com")));
    }
    Ok(n)
}

/// A host name that can be a target (CNAME, NS, MX, SRV): letters, digits
/// and hyphens, labels of 1 to 63 characters, 253 in all; a trailing dot is
/// allowed.
pub fn hostname(name: &str) -> std::result::Result<(), String> {
    let n = name.strip_suffix('.').unwrap_or(name);
    if n.is_empty() {
        return Err("a host name is required".into());
    }
    if n.len() > 253 {
        return Err("a host name has at most 253 characters".into());
    }
    for label in n.split('.') {
        if label.is_empty() {
            return Err(format!("{name:?} has an empty label (two dots in a row)"));
        }
        if label.len() > 63 {
            return Err(format!("the label {label:?} is longer than 63 characters"));
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("{name:?} is not a host name (letters, digits, hyphens and dots only)"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("the label {label:?} starts or ends with a hyphen"));
        }
    }
    Ok(())
}

/// An owner name relative to `zone` (`@` for the apex). Accepts the
/// relative form, the zone's own name with or without a trailing dot, and
/// names under it; refuses names outside it. With an empty `zone` (template
/// records) only relative names are accepted.
pub fn relative_host(host: &str, zone: &str) -> std::result::Result<String, String> {
    let h = host.trim().to_ascii_lowercase();
    let zone = zone.trim().trim_end_matches('.').to_ascii_lowercase();
    if h.is_empty() || h == "@" {
        return Ok("@".into());
    }
    let absolute = h.ends_with('.');
    let bare = h.trim_end_matches('.');
    let rel = if !zone.is_empty() && bare == zone {
        "@".to_string()
    } else if let Some(r) = (!zone.is_empty()).then(|| bare.strip_suffix(&format!(".{zone}"))).flatten() {
        r.to_string()
    } else if absolute {
        return Err(if zone.is_empty() {
            format!("{host:?} is a full name; template records take names relative to the domain (or @)")
        } else {
            format!("{host:?} is outside the zone {zone}")
        });
    } else {
        bare.to_string()
    };
    if rel != "@" {
        owner_labels(&rel)?;
        if rel.len() + zone.len() + 1 > 253 {
            return Err("the full name would be longer than 253 characters".into());
        }
    }
    Ok(rel)
}

/// Owner names also allow `_` (`_dmarc`, `_sip._tcp`) and a leading `*`.
fn owner_labels(rel: &str) -> std::result::Result<(), String> {
    for (i, label) in rel.split('.').enumerate() {
        if label.is_empty() {
            return Err(format!("{rel:?} has an empty label (two dots in a row)"));
        }
        if label.len() > 63 {
            return Err(format!("the label {label:?} is longer than 63 characters"));
        }
        if label == "*" && i == 0 {
            continue;
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(format!("{rel:?} is not a valid name (letters, digits, hyphens, underscores and dots)"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("the label {label:?} starts or ends with a hyphen"));
        }
    }
    Ok(())
}

/// TXT data as the API stores it: the text itself. Input is either plain
/// text of at most 255 bytes without quotes, or one or more quoted strings
/// (`"a" "b"`, `\"` and `\\` escaped) of at most 255 bytes each, which are
/// joined.
pub fn txt(data: &str) -> std::result::Result<String, String> {
    let t = data.trim();
    if t.is_empty() {
        return Err("TXT text is required".into());
    }
    if t.chars().any(|c| c.is_control() && c != '\t') {
        return Err("TXT text cannot contain control characters".into());
    }
    let joined = if t.starts_with('"') {
        quoted_strings(t)?.concat()
    } else {
        if t.contains('"') {
            return Err("unbalanced quotes: quote the whole text (\"...\") and write a quote inside it as \\\"".into());
        }
        if t.len() > TXT_CHUNK {
            return Err(format!(
                "the text is {} bytes; a TXT string holds at most {TXT_CHUNK}: split it into quoted strings (\"part 1\" \"part 2\")",
                t.len()
            ));
        }
        t.to_string()
    };
    if joined.len() > TXT_MAX {
        return Err(format!("TXT text is limited to {TXT_MAX} bytes"));
    }
    Ok(joined)
}

/// Raw TXT text as quoted strings of at most 255 bytes (split on character
/// boundaries), `"` and `\\` escaped: how zone files and `txt` take it.
pub fn quote_txt(raw: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut len = 0;
    for c in raw.chars() {
        if len + c.len_utf8() > TXT_CHUNK {
            parts.push(std::mem::take(&mut cur));
            len = 0;
        }
        if c == '"' || c == '\\' {
            cur.push('\\');
        }
        cur.push(c);
        len += c.len_utf8();
    }
    parts.push(cur);
    parts.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(" ")
}

/// `"a b" "c\"d"` -> `["a b", "c\"d"]`, each at most 255 bytes.
pub fn quoted_strings(t: &str) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = t.trim().chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        match chars.next() {
            None => break,
            Some('"') => {}
            Some(_) => return Err("text outside quotes: put every part in double quotes".into()),
        }
        let mut s = String::new();
        loop {
            match chars.next() {
                None => return Err("a quoted string is not closed (missing \")".into()),
                Some('"') => break,
                Some('\\') => match chars.next() {
                    None => return Err("a quoted string ends in a lone backslash".into()),
                    Some(c) => s.push(c),
                },
                Some(c) => s.push(c),
            }
        }
        if s.len() > TXT_CHUNK {
            return Err(format!("a quoted string is {} bytes; each holds at most {TXT_CHUNK}", s.len()));
        }
        out.push(s);
        if chars.peek().is_some_and(|c| !c.is_whitespace()) {
            return Err("quoted strings must be separated by spaces".into());
        }
    }
    if out.is_empty() {
        return Err("TXT text is required".into());
    }
    Ok(out)
}

fn number(p: &mut Problems, field: &str, v: Option<u32>, min: u32, what: &str) -> Option<u32> {
    match v {
        None => {
            p.add(field, format!("{what} is required (a number from {min} to 65535)"));
            None
        }
        Some(n) if n < min || n > 65_535 => {
            p.add(field, format!("{what} must be from {min} to 65535, got {n}"));
            None
        }
        Some(n) => Some(n),
    }
}

/// A name target, fully qualified with a trailing dot (`mail.example.com.`).
/// A bare single label is read as a name in the zone.
fn target(p: &mut Problems, data: &str, zone: &str, what: &str) -> String {
    let d = data.trim().to_ascii_lowercase();
    if d.is_empty() {
        p.add("data", format!("{what} is required"));
        return d;
    }
    if let Ok(ip) = d.parse::<std::net::IpAddr>() {
        p.add(
            "data",
            format!(
                "{what} must be a host name, not an address ({ip}); point an A record at the address and use its name"
            ),
        );
        return d;
    }
    if let Err(m) = hostname(&d) {
        p.add("data", m);
        return d;
    }
    if d.ends_with('.') {
        d
    } else if !d.contains('.') && !zone.is_empty() {
        format!("{d}.{zone}.")
    } else {
        format!("{d}.")
    }
}

/// Checks `input` for its type and returns it canonical: host relative to
/// `zone`, names fully qualified, TXT unquoted, default TTL filled in, and
/// only the fields its type uses.
pub fn record(input: &RecordInput, zone: &str) -> Result<ValidRecord> {
    let mut p = Problems::default();
    let Some(kind) = input.kind else {
        return Err(Error::field("type", "choose a record type"));
    };
    if kind == RecordType::Soa {
        return Err(Error::field("type", "the SOA record is managed by the provider and cannot be added or changed"));
    }
    let zone = zone.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = relative_host(&input.host, &zone).unwrap_or_else(|m| {
        p.add("host", m);
        String::new()
    });
    let ttl = input.ttl.unwrap_or(if kind == RecordType::Failover { DEFAULT_FAILOVER_TTL } else { DEFAULT_TTL });
    if !(TTL_MIN..=TTL_MAX).contains(&ttl) {
        p.add("ttl", format!("TTL must be from {TTL_MIN} to {TTL_MAX} seconds (one week), got {ttl}"));
    }
    let raw = input.data.trim();
    let (mut priority, mut weight, mut port, mut service_type) = (None, None, None, None);
    let data = match kind {
        RecordType::A => match raw.parse::<Ipv4Addr>() {
            Ok(ip) => ip.to_string(),
            Err(_) => {
                p.add(
                    "data",
                    if raw.is_empty() {
                        "an IPv4 address is required".to_string()
                    } else {
                        format!("{raw:?} is not an IPv4 address (like 203.0.113.10)")
                    },
                );
                String::new()
            }
        },
        RecordType::Aaaa => match raw.parse::<Ipv6Addr>() {
            Ok(ip) => ip.to_string(),
            Err(_) => {
                p.add(
                    "data",
                    if raw.is_empty() {
                        "an IPv6 address is required".to_string()
                    } else {
                        format!("{raw:?} is not an IPv6 address (like 2001:db8::10)")
                    },
                );
                String::new()
            }
        },
        RecordType::Cname => {
            if host == "@" {
                p.add("host", "the zone apex (@) cannot be a CNAME: it has the SOA and NS records");
            }
            target(&mut p, raw, &zone, "the canonical name")
        }
        RecordType::Ns => target(&mut p, raw, &zone, "the name server"),
        RecordType::Mx => {
            priority = number(&mut p, "priority", input.priority, 0, "the MX priority");
            target(&mut p, raw, &zone, "the mail server")
        }
        RecordType::Srv => {
            let labels: Vec<&str> = host.split('.').collect();
            let proto_ok = labels.get(1).is_some_and(|l| ["_tcp", "_udp", "_tls", "_sctp"].contains(l));
            if !host.is_empty() && (!labels[0].starts_with('_') || labels[0].len() < 2 || !proto_ok) {
                p.add("host", "an SRV name is _service._protocol (like _sip._tcp), optionally followed by a name");
            }
            priority = number(&mut p, "priority", input.priority, 0, "the SRV priority");
            weight = number(&mut p, "weight", input.weight, 0, "the SRV weight");
            port = number(&mut p, "port", input.port, 1, "the port");
            if raw == "." {
                ".".to_string()
            } else {
                target(&mut p, raw, &zone, "the target host")
            }
        }
        RecordType::Txt => txt(raw).unwrap_or_else(|m| {
            p.add("data", m);
            String::new()
        }),
        RecordType::Failover => {
            let parts: Vec<&str> =
                raw.split(|c: char| c.is_whitespace() || c == ',').filter(|s| !s.is_empty()).collect();
            let bad: Vec<&str> = parts.iter().copied().filter(|s| s.parse::<Ipv4Addr>().is_err()).collect();
            if parts.len() < 2 {
                p.add("data", "give the primary IPv4 address, then at least one backup address");
            } else if let Some(b) = bad.first() {
                p.add("data", format!("{b:?} is not an IPv4 address"));
            }
            let st =
                input.service_type.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(DEFAULT_SERVICE_TYPE);
            if !st.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')) || st.len() > 64 {
                p.add("service_type", format!("{st:?} is not a service type (like {DEFAULT_SERVICE_TYPE})"));
            }
            service_type = Some(st.to_string());
            parts.join(" ")
        }
        // Refused before the match.
        RecordType::Soa => String::new(),
    };
    p.into_result(|| ValidRecord { kind, host, data, ttl, priority, weight, port, service_type })
}

/// Hosts that hold a CNAME hold nothing else (RFC 1034 3.6.2). `replacing`
/// is the id of the record being edited, which does not count.
pub fn cname_conflict(existing: &[Record], candidate: &ValidRecord, replacing: Option<&str>) -> Result<()> {
    let others: Vec<&Record> = existing
        .iter()
        .filter(|r| Some(r.id.as_str()) != replacing && r.host.eq_ignore_ascii_case(&candidate.host))
        .collect();
    let name = if candidate.host == "@" { "the zone apex".to_string() } else { candidate.host.clone() };
    if candidate.kind == RecordType::Cname {
        if let Some(o) = others.first() {
            return Err(Error::field(
                "host",
                format!(
                    "{name} already has a {} record; a CNAME cannot sit beside other records at the same name",
                    o.kind
                ),
            ));
        }
    } else if others.iter().any(|o| o.kind == RecordType::Cname) {
        return Err(Error::field(
            "host",
            format!("{name} is a CNAME; no other record can sit beside it (edit or delete the CNAME first)"),
        ));
    }
    Ok(())
}

/// `Record` as a `ValidRecord` when it is one; records written elsewhere
/// (another panel, an older API) may not be.
pub fn canonical(r: &Record, zone: &str) -> Option<ValidRecord> {
    let mut input = RecordInput::from_record(r);
    // The API holds TXT text as is; quoting it makes `txt` read it back unchanged.
    if r.kind == RecordType::Txt {
        input.data = quote_txt(&r.data);
    }
    record(&input, zone).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: RecordType, host: &str, data: &str) -> RecordInput {
        RecordInput { kind: Some(kind), host: host.into(), data: data.into(), ..Default::default() }
    }

    fn field_of(e: &Error) -> Vec<&str> {
        e.fields.iter().map(|f| f.field.as_str()).collect()
    }

    /// The table the UI's live checks run too (ui/src/test/dns-cases.test.ts),
    /// so the form and the core cannot disagree on a record.
    #[test]
    fn the_shared_case_table() {
        #[derive(serde::Deserialize)]
        struct Case {
            case: String,
            zone: String,
            input: RecordInput,
            errors: std::collections::BTreeMap<String, String>,
        }
        #[derive(serde::Deserialize)]
        struct Table {
            records: Vec<Case>,
        }
        let table: Table =
            serde_json::from_str(include_str!("../../../tests/fixtures/dns-validation-cases.json")).unwrap();
        assert!(table.records.len() > 40);
        for c in table.records {
            let got: std::collections::BTreeMap<String, String> = match record(&c.input, &c.zone) {
                Ok(_) => Default::default(),
                Err(e) => e.fields.into_iter().map(|f| (f.field, f.message)).collect(),
            };
            assert_eq!(got, c.errors, "{}", c.case);
        }
    }

    #[test]
    fn a_and_aaaa_need_their_address_family() {
        assert_eq!(record(&input(RecordType::A, "www", "203.0.113.10"), "example.com").unwrap().data, "203.0.113.10");
        for bad in ["203.0.113", "203.0.113.256", "2001:db8::1", "www.example.com", "", "01.2.3.4"] {
            let e = record(&input(RecordType::A, "www", bad), "example.com").unwrap_err();
            assert_eq!(field_of(&e), ["data"], "{bad}");
        }
        assert_eq!(
            record(&input(RecordType::Aaaa, "www", "2001:DB8:0::10"), "example.com").unwrap().data,
            "2001:db8::10"
        );
        let e = record(&input(RecordType::Aaaa, "www", "203.0.113.10"), "example.com").unwrap_err();
        assert!(e.fields[0].message.contains("IPv6"));
    }

    #[test]
    fn hosts_are_made_relative_and_outsiders_refused() {
        let r = |h: &str| relative_host(h, "example.com");
        assert_eq!(r("@").unwrap(), "@");
        assert_eq!(r("").unwrap(), "@");
        assert_eq!(r("example.com.").unwrap(), "@");
        assert_eq!(r("WWW").unwrap(), "www");
        assert_eq!(r("www.example.com.").unwrap(), "www");
        assert_eq!(r("_sip._tcp.example.com").unwrap(), "_sip._tcp");
        assert_eq!(r("*.dev").unwrap(), "*.dev");
        assert!(r("www.other.org.").unwrap_err().contains("outside"));
        assert!(r("a..b").is_err());
        assert!(r("bad host").is_err());
        assert!(r("-x").is_err());
        assert!(relative_host("www.example.com.", "").is_err());
    }

    #[test]
    fn name_targets_are_host_names_made_absolute() {
        let mut mx = input(RecordType::Mx, "@", "mail.example.com");
        mx.priority = Some(10);
        assert_eq!(record(&mx, "example.com").unwrap().data, "mail.example.com.");
        mx.data = "mail".into();
        assert_eq!(record(&mx, "example.com").unwrap().data, "mail.example.com.");
        mx.data = "203.0.113.5".into();
        assert!(record(&mx, "example.com").unwrap_err().fields[0].message.contains("not an address"));
        mx.data = "mail_server.example.com".into();
        assert_eq!(field_of(&record(&mx, "example.com").unwrap_err()), ["data"]);
        mx.priority = None;
        mx.data = "mail.example.com".into();
        assert_eq!(field_of(&record(&mx, "example.com").unwrap_err()), ["priority"]);
        mx.priority = Some(70_000);
        assert!(record(&mx, "example.com").unwrap_err().message.contains("65535"));
        let ns = input(RecordType::Ns, "@", "dns1.vps.net.");
        assert_eq!(record(&ns, "example.com").unwrap().data, "dns1.vps.net.");
        let cname = input(RecordType::Cname, "@", "www.example.com");
        assert_eq!(field_of(&record(&cname, "example.com").unwrap_err()), ["host"]);
    }

    #[test]
    fn srv_needs_service_protocol_and_three_numbers() {
        let mut srv = input(RecordType::Srv, "_sip._tcp", "sip.example.com");
        srv.priority = Some(10);
        srv.weight = Some(60);
        srv.port = Some(5060);
        let ok = record(&srv, "example.com").unwrap();
        assert_eq!((ok.priority, ok.weight, ok.port), (Some(10), Some(60), Some(5060)));
        assert_eq!(ok.data, "sip.example.com.");
        srv.port = Some(0);
        srv.weight = None;
        srv.host = "sip".into();
        let e = record(&srv, "example.com").unwrap_err();
        assert_eq!(field_of(&e), ["host", "weight", "port"], "every problem at once: {e:?}");
    }

    #[test]
    fn txt_quoting_and_string_length() {
        assert_eq!(txt("v=spf1 -all").unwrap(), "v=spf1 -all");
        assert_eq!(txt(r#""a \"quoted\" word" "and more""#).unwrap(), r#"a "quoted" wordand more"#);
        assert!(txt(r#""unterminated"#).unwrap_err().contains("not closed"));
        assert!(txt(r#"say "hi""#).unwrap_err().contains("unbalanced"));
        assert!(txt(r#""a"b"#).is_err());
        let long = "x".repeat(256);
        assert!(txt(&long).unwrap_err().contains("split"));
        assert!(txt(&format!("\"{long}\"")).unwrap_err().contains("at most 255"));
        let two = format!("\"{}\" \"{}\"", "x".repeat(255), "y".repeat(100));
        assert_eq!(txt(&two).unwrap().len(), 355);
    }

    #[test]
    fn ttl_range_and_defaults() {
        let mut a = input(RecordType::A, "www", "203.0.113.1");
        assert_eq!(record(&a, "example.com").unwrap().ttl, DEFAULT_TTL);
        a.ttl = Some(59);
        assert_eq!(field_of(&record(&a, "example.com").unwrap_err()), ["ttl"]);
        a.ttl = Some(TTL_MAX + 1);
        assert!(record(&a, "example.com").is_err());
        let f = input(RecordType::Failover, "www", "64.152.33.1, 127.0.0.2 127.0.0.3");
        let ok = record(&f, "example.com").unwrap();
        assert_eq!(ok.data, "64.152.33.1 127.0.0.2 127.0.0.3");
        assert_eq!(ok.ttl, DEFAULT_FAILOVER_TTL);
        assert_eq!(ok.service_type.as_deref(), Some(DEFAULT_SERVICE_TYPE));
        assert!(record(&input(RecordType::Failover, "www", "64.152.33.1"), "example.com").is_err());
        assert_eq!(field_of(&record(&input(RecordType::Soa, "@", "x"), "example.com").unwrap_err()), ["type"]);
    }

    #[test]
    fn no_cname_beside_other_records() {
        let existing = vec![
            Record {
                id: "1".into(),
                kind: RecordType::A,
                host: "www".into(),
                data: "203.0.113.1".into(),
                ttl: 300,
                priority: None,
                weight: None,
                port: None,
                service_type: None,
            },
            Record {
                id: "2".into(),
                kind: RecordType::Cname,
                host: "blog".into(),
                data: "www.example.com.".into(),
                ttl: 300,
                priority: None,
                weight: None,
                port: None,
                service_type: None,
            },
        ];
        let cname = record(&input(RecordType::Cname, "www", "web.example.com"), "example.com").unwrap();
        let e = cname_conflict(&existing, &cname, None).unwrap_err();
        assert!(e.message.contains("A record"), "{e:?}");
        assert!(cname_conflict(&existing, &cname, Some("1")).is_ok(), "editing the A into a CNAME replaces it");
        let a = record(&input(RecordType::A, "blog", "203.0.113.2"), "example.com").unwrap();
        assert!(cname_conflict(&existing, &a, None).unwrap_err().message.contains("is a CNAME"));
        let other = record(&input(RecordType::A, "shop", "203.0.113.2"), "example.com").unwrap();
        assert!(cname_conflict(&existing, &other, None).is_ok());
    }

    #[test]
    fn zone_names() {
        assert_eq!(zone_name(" Example.COM. ").unwrap(), "example.com");
        assert!(zone_name("localhost").is_err());
        assert!(zone_name("bad_name.com").is_err());
        assert!(zone_name("").is_err());
    }
}
