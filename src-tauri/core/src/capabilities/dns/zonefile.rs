//! RFC 1035 master files (section 5): the writer behind "export" and the
//! parser behind "import". The parser takes what zone files out in the world
//! use: `$ORIGIN`, `$TTL` (with BIND's `1h`/`2d` units), `@`, relative and
//! absolute names, owner names carried over from the line above, TTL and
//! class in either order, parentheses spanning lines, quoted strings with
//! `\"`, `\\` and `\DDD` escapes, and `;` comments. Record types the provider
//! cannot hold are reported as skipped rather than failing the import.

use serde::Serialize;
use ts_rs::TS;

use super::validate::{self, quote_txt, DEFAULT_TTL};
use super::{Record, RecordInput, RecordType, ValidRecord};
use crate::error::{Error, Result};

/// The zone's SOA as exported; the provider manages it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Soa {
    pub mname: String,
    pub rname: String,
    pub serial: u32,
    pub refresh: u32,
    pub retry: u32,
    pub expire: u32,
    pub minimum: u32,
}

impl Soa {
    /// An SOA with the usual timers, for a zone served by `mname`.
    pub fn for_zone(zone: &str, mname: &str, serial: u32) -> Soa {
        let mname = if mname.ends_with('.') { mname.to_string() } else { format!("{mname}.") };
        Soa {
            mname,
            rname: format!("hostmaster.{zone}."),
            serial,
            refresh: 10_800,
            retry: 3_600,
            expire: 604_800,
            minimum: DEFAULT_TTL,
        }
    }
}

/// The zone as an RFC 1035 master file. Records are written in their
/// canonical form (names fully qualified, TXT split into 255-byte strings);
/// the provider-only FAILOVER records and records that are not valid go in
/// as comments, so nothing is silently lost.
///
/// Everything here comes from the provider, so no value may end a line: the
/// zone name and the SOA's names are written with RFC 1035 `\DDD` escapes,
/// TXT text with `\DDD` inside its quoted strings, and comment lines with
/// their control characters escaped. A file exported from a zone holds
/// exactly that zone's records, whatever its data contains.
pub fn write(zone: &str, records: &[Record], soa: &Soa) -> String {
    let zone = zone.trim().trim_end_matches('.').to_ascii_lowercase();
    let mut out =
        format!("; {}, exported by vpsdesk\n$ORIGIN {}.\n$TTL {DEFAULT_TTL}\n", comment_text(&zone), name_text(&zone));
    out.push_str(&format!(
        "@\t{}\tIN\tSOA\t{} {} (\n\t\t{} ; serial\n\t\t{} ; refresh\n\t\t{} ; retry\n\t\t{} ; expire\n\t\t{} ) ; minimum\n",
        DEFAULT_TTL,
        name_text(&soa.mname),
        name_text(&soa.rname),
        soa.serial,
        soa.refresh,
        soa.retry,
        soa.expire,
        soa.minimum
    ));
    let mut sorted: Vec<&Record> = records.iter().filter(|r| r.kind != RecordType::Soa).collect();
    sorted.sort_by(|a, b| {
        let apex = |r: &Record| r.host != "@";
        (apex(a), &a.host, a.kind, &a.data).cmp(&(apex(b), &b.host, b.kind, &b.data))
    });
    for r in sorted {
        if r.kind == RecordType::Failover {
            out.push_str(&format!(
                "; FAILOVER {} {} {} ({}): a VPS.NET failover record, not an RFC 1035 type\n",
                comment_text(&r.host),
                r.ttl,
                comment_text(&r.data),
                comment_text(r.service_type.as_deref().unwrap_or(validate::DEFAULT_SERVICE_TYPE))
            ));
            continue;
        }
        let Some(v) = exportable(r, &zone) else {
            out.push_str(&format!(
                "; not exported, not a valid {} record: {} {} {}\n",
                r.kind,
                comment_text(&r.host),
                r.ttl,
                comment_text(&r.data)
            ));
            continue;
        };
        // Targets end in the zone's name, which is the provider's text too.
        let rdata = match v.kind {
            RecordType::Mx => format!("{} {}", v.priority.unwrap_or(0), name_text(&v.data)),
            RecordType::Srv => format!(
                "{} {} {} {}",
                v.priority.unwrap_or(0),
                v.weight.unwrap_or(0),
                v.port.unwrap_or(0),
                name_text(&v.data)
            ),
            RecordType::Cname | RecordType::Ns => name_text(&v.data),
            RecordType::Txt => quoted_txt(&v.data),
            _ => v.data.clone(),
        };
        out.push_str(&format!("{}\t{}\tIN\t{}\t{}\n", v.host, v.ttl, v.kind, rdata));
    }
    out
}

/// TXT text a provider holds may carry control characters (a pasted key
/// with its line breaks) that the record form refuses: such a record is still
/// exported, its text checked as if they were spaces and written escaped.
fn exportable(r: &Record, zone: &str) -> Option<ValidRecord> {
    let unsafe_char = |c: char| c.is_ascii_control() && c != '\t';
    if r.kind == RecordType::Txt && r.data.contains(unsafe_char) {
        let checked = Record { data: r.data.replace(unsafe_char, " "), ..r.clone() };
        return validate::canonical(&checked, zone).map(|v| ValidRecord { data: r.data.clone(), ..v });
    }
    validate::canonical(r, zone)
}

fn ddd(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.push_str(&format!("\\{b:03}"));
    }
}

/// Text in a name's place (`$ORIGIN`, the SOA's names, targets): anything but a
/// host-name character, a non-ASCII letter or a non-space symbol becomes
/// `\DDD`, so a space, `;`, quote, parenthesis or line break in it can end
/// neither the name nor the line.
fn name_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let plain = c.is_ascii_alphanumeric()
            || matches!(c, '-' | '_' | '.' | '*')
            || (!c.is_ascii() && !c.is_control() && !c.is_whitespace());
        if plain {
            out.push(c);
        } else {
            ddd(&mut out, c);
        }
    }
    out
}

/// Text in a comment runs to the end of its line; its control characters
/// and Unicode line separators are shown as `\DDD` so it cannot start a new one.
fn comment_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            ddd(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// TXT text as quoted strings of at most 255 bytes each (split on character
/// boundaries), with `"` and `\\` escaped and ASCII control characters but
/// tab written as `\DDD`, which the parser reads back as the same byte.
fn quoted_txt(raw: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut len = 0;
    for c in raw.chars() {
        if len + c.len_utf8() > validate::TXT_CHUNK {
            parts.push(std::mem::take(&mut cur));
            len = 0;
        }
        match c {
            '"' | '\\' => {
                cur.push('\\');
                cur.push(c);
            }
            c if c.is_ascii_control() && c != '\t' => ddd(&mut cur, c),
            c => cur.push(c),
        }
        len += c.len_utf8();
    }
    parts.push(cur);
    parts.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(" ")
}

/// A record read from a zone file, with the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ParsedRecord {
    pub line: usize,
    pub record: RecordInput,
}

/// A record the import leaves out, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Skipped {
    pub line: usize,
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub records: Vec<ParsedRecord>,
    pub skipped: Vec<Skipped>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Token {
    text: String,
    quoted: bool,
}

/// One entry: the tokens of a line, or of several lines joined by parentheses.
#[derive(Debug)]
struct Entry {
    line: usize,
    /// The line began with blank space: the owner is the previous one's.
    continued_owner: bool,
    tokens: Vec<Token>,
}

fn fail(line: usize, message: impl std::fmt::Display) -> Error {
    Error::field("file", format!("line {line}: {message}"))
}

/// `\X` -> X, `\DDD` -> the byte DDD (as a Latin-1 character).
fn escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, line: usize) -> Result<char> {
    let Some(c) = chars.next() else {
        return Err(fail(line, "a backslash at the end of the file"));
    };
    if !c.is_ascii_digit() {
        return Ok(c);
    }
    let mut digits = String::from(c);
    for _ in 0..2 {
        match chars.peek() {
            Some(d) if d.is_ascii_digit() => {
                digits.push(*d);
                chars.next();
            }
            _ => return Err(fail(line, format!("\\{digits} is not a \\DDD escape (three digits)"))),
        }
    }
    let n: u16 = digits.parse().map_err(|_| fail(line, "bad escape"))?;
    u8::try_from(n).map(char::from).map_err(|_| fail(line, format!("\\{digits} is more than 255")))
}

fn entries(text: &str) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    let mut depth = 0usize;
    let mut paren_line = 0usize;
    let mut cur: Option<Entry> = None;
    let mut at_line_start = true;
    let mut token: Option<Token> = None;
    fn flush(token: &mut Option<Token>, cur: &mut Option<Entry>) {
        if let (Some(t), Some(e)) = (token.take(), cur.as_mut()) {
            e.tokens.push(t);
        }
    }
    while let Some(c) = chars.next() {
        if at_line_start && depth == 0 {
            at_line_start = false;
            if let Some(e) = cur.take() {
                if !e.tokens.is_empty() {
                    out.push(e);
                }
            }
            cur = Some(Entry { line, continued_owner: c == ' ' || c == '\t', tokens: Vec::new() });
        }
        match c {
            '\n' => {
                flush(&mut token, &mut cur);
                line += 1;
                // Inside parentheses a newline is only blank space.
                at_line_start = depth == 0;
            }
            ';' => {
                flush(&mut token, &mut cur);
                while chars.peek().is_some_and(|c| *c != '\n') {
                    chars.next();
                }
            }
            '(' => {
                flush(&mut token, &mut cur);
                if depth == 0 {
                    paren_line = line;
                }
                depth += 1;
            }
            ')' => {
                flush(&mut token, &mut cur);
                if depth == 0 {
                    return Err(fail(line, "a closing parenthesis without an opening one"));
                }
                depth -= 1;
            }
            '"' => {
                flush(&mut token, &mut cur);
                let start = line;
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => return Err(fail(start, "a quoted string is not closed")),
                        Some('"') => break,
                        Some('\\') => s.push(escape(&mut chars, line)?),
                        Some('\n') => {
                            line += 1;
                            s.push('\n');
                        }
                        Some(c) => s.push(c),
                    }
                }
                if let Some(e) = cur.as_mut() {
                    e.tokens.push(Token { text: s, quoted: true });
                }
            }
            c if c.is_whitespace() => flush(&mut token, &mut cur),
            '\\' => {
                let e = escape(&mut chars, line)?;
                token.get_or_insert_with(|| Token { text: String::new(), quoted: false }).text.push(e);
            }
            c => token.get_or_insert_with(|| Token { text: String::new(), quoted: false }).text.push(c),
        }
    }
    if depth > 0 {
        return Err(fail(paren_line, "a parenthesis is not closed"));
    }
    flush(&mut token, &mut cur);
    if let Some(e) = cur {
        if !e.tokens.is_empty() {
            out.push(e);
        }
    }
    Ok(out)
}

/// `3600`, or BIND's `1h30m`, `2d`, `1w`.
fn ttl(s: &str) -> Option<u32> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let mut total: u64 = 0;
    let mut n: u64 = 0;
    let mut digits = false;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            n = n.checked_mul(10)?.checked_add(u64::from(d))?;
            digits = true;
            continue;
        }
        let unit = match c.to_ascii_lowercase() {
            's' => 1,
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return None,
        };
        if !digits {
            return None;
        }
        total = total.checked_add(n.checked_mul(unit)?)?;
        n = 0;
        digits = false;
    }
    if digits {
        return None;
    }
    u32::try_from(total).ok()
}

/// A domain name in the file made absolute (`name.` with a trailing dot).
fn absolute(name: &str, origin: &str) -> String {
    let n = name.to_ascii_lowercase();
    if n == "@" {
        origin.to_string()
    } else if n.ends_with('.') {
        n
    } else if origin == "." {
        format!("{n}.")
    } else {
        format!("{n}.{origin}")
    }
}

fn number(tok: Option<&Token>, line: usize, what: &str) -> Result<u32> {
    let t = tok.ok_or_else(|| fail(line, format!("{what} is missing")))?;
    t.text.parse::<u32>().map_err(|_| fail(line, format!("{what} {:?} is not a number", t.text)))
}

fn name_arg(tok: Option<&Token>, line: usize, what: &str, origin: &str) -> Result<String> {
    let t = tok.ok_or_else(|| fail(line, format!("{what} is missing")))?;
    Ok(absolute(&t.text, origin))
}

/// Reads a zone file for `zone`. Names outside the zone and syntax errors
/// fail the whole file (with the line); unsupported types are skipped.
pub fn parse(text: &str, zone: &str) -> Result<Parsed> {
    let zone = zone.trim().trim_end_matches('.').to_ascii_lowercase();
    let mut origin = format!("{zone}.");
    let mut default_ttl: Option<u32> = None;
    let mut last_ttl: Option<u32> = None;
    let mut last_owner: Option<String> = None;
    let mut parsed = Parsed::default();
    for e in entries(text)? {
        let line = e.line;
        let mut toks = e.tokens.iter().peekable();
        let first = toks.peek().copied();
        if let Some(t) = first.filter(|t| !t.quoted && t.text.starts_with('$') && !e.continued_owner) {
            toks.next();
            let arg = toks.next().map(|t| t.text.clone());
            match t.text.to_ascii_uppercase().as_str() {
                "$ORIGIN" => {
                    let a = arg.ok_or_else(|| fail(line, "$ORIGIN needs a name"))?;
                    origin = absolute(&a, &origin);
                }
                "$TTL" => {
                    let a = arg.ok_or_else(|| fail(line, "$TTL needs a value"))?;
                    default_ttl = Some(ttl(&a).ok_or_else(|| fail(line, format!("$TTL {a:?} is not a TTL")))?);
                }
                "$INCLUDE" => {
                    return Err(fail(line, "$INCLUDE is not supported; paste the included file in its place"))
                }
                other => return Err(fail(line, format!("unknown directive {other}"))),
            }
            continue;
        }
        let owner_abs = if e.continued_owner {
            last_owner.clone().ok_or_else(|| fail(line, "the first record has no owner name"))?
        } else {
            let t = toks.next().ok_or_else(|| fail(line, "empty record"))?;
            absolute(&t.text, &origin)
        };
        last_owner = Some(owner_abs.clone());
        let mut rec_ttl: Option<u32> = None;
        let mut kind_tok: Option<&Token> = None;
        for t in toks.by_ref() {
            let up = t.text.to_ascii_uppercase();
            if t.quoted {
                return Err(fail(line, format!("expected a record type, found the text {:?}", t.text)));
            }
            if rec_ttl.is_none() {
                if let Some(n) = ttl(&t.text) {
                    rec_ttl = Some(n);
                    continue;
                }
            }
            match up.as_str() {
                "IN" => continue,
                "CH" | "HS" | "CS" => return Err(fail(line, format!("class {up} is not supported; only IN"))),
                _ => {
                    kind_tok = Some(t);
                    break;
                }
            }
        }
        let kind_tok = kind_tok.ok_or_else(|| fail(line, "the record type is missing"))?;
        let rdata: Vec<&Token> = toks.collect();
        let type_name = kind_tok.text.to_ascii_uppercase();
        let host = validate::relative_host(&owner_abs, &zone).map_err(|m| fail(line, m))?;
        let summary = format!("{host} {type_name}");
        let kind = match RecordType::parse(&type_name) {
            Some(RecordType::Soa) => {
                parsed.skipped.push(Skipped {
                    line,
                    text: summary,
                    reason: "the SOA record is managed by the provider".into(),
                });
                continue;
            }
            Some(RecordType::Failover) | None => {
                parsed.skipped.push(Skipped {
                    line,
                    text: summary,
                    reason: format!("{type_name} records cannot be added here"),
                });
                continue;
            }
            Some(k) => k,
        };
        if let Some(n) = rec_ttl {
            last_ttl = Some(n);
        }
        let ttl = rec_ttl.or(default_ttl).or(last_ttl).unwrap_or(DEFAULT_TTL);
        let mut input = RecordInput { kind: Some(kind), host, ttl: Some(ttl), ..Default::default() };
        let want = |n: usize, what: &str| -> Result<()> {
            if rdata.len() == n {
                Ok(())
            } else {
                Err(fail(line, format!("{type_name} takes {what}, found {} value(s)", rdata.len())))
            }
        };
        match kind {
            RecordType::A | RecordType::Aaaa => {
                want(1, "one address")?;
                input.data = rdata[0].text.clone();
            }
            RecordType::Cname | RecordType::Ns => {
                want(1, "one name")?;
                input.data = name_arg(rdata.first().copied(), line, "the name", &origin)?;
            }
            RecordType::Mx => {
                want(2, "a preference and a host")?;
                input.priority = Some(number(rdata.first().copied(), line, "the preference")?);
                input.data = name_arg(rdata.get(1).copied(), line, "the mail host", &origin)?;
            }
            RecordType::Srv => {
                want(4, "priority, weight, port and target")?;
                input.priority = Some(number(rdata.first().copied(), line, "the priority")?);
                input.weight = Some(number(rdata.get(1).copied(), line, "the weight")?);
                input.port = Some(number(rdata.get(2).copied(), line, "the port")?);
                let target = rdata.get(3).map(|t| t.text.as_str()).unwrap_or_default();
                input.data = if target == "." {
                    ".".into()
                } else {
                    name_arg(rdata.get(3).copied(), line, "the target", &origin)?
                };
            }
            RecordType::Txt => {
                if rdata.is_empty() {
                    return Err(fail(line, "TXT needs at least one string"));
                }
                input.data = rdata.iter().map(|t| quote_txt(&t.text)).collect::<Vec<_>>().join(" ");
            }
            RecordType::Failover | RecordType::Soa => {}
        }
        parsed.records.push(ParsedRecord { line, record: input });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capabilities::dns::plan;
    use proptest::prelude::*;

    const ZONE: &str = r#"; a hand-written zone
$ORIGIN example.com.
$TTL 1h
@   IN  SOA ns1.example.com. hostmaster.example.com. (
        2024010101 ; serial
        7200 3600 1209600 300 )
    IN  NS  dns1.vps.net.
    IN  NS  dns2.vps.net.
@ 300 IN MX 10 mail            ; relative: mail.example.com.
@ IN 300 MX 20 backup.example.net.
mail        IN A     203.0.113.25
www 600     A     203.0.113.10
            AAAA  2001:db8::10
blog        CNAME www
_sip._tcp   SRV   10 60 5060 sip.example.com.
@           TXT   "v=spf1 mx -all"
long        TXT   ( "part one; not a comment"
                    "part \"two\"" )
*.dev       A     203.0.113.99
@           CAA   0 issue "letsencrypt.org"
$ORIGIN sub.example.com.
host        A     198.51.100.1
"#;

    fn find<'a>(p: &'a Parsed, host: &str, kind: RecordType) -> &'a RecordInput {
        &p.records
            .iter()
            .find(|r| r.record.host == host && r.record.kind == Some(kind))
            .unwrap_or_else(|| panic!("{host} {kind}"))
            .record
    }

    #[test]
    fn reads_a_hand_written_zone() {
        let p = parse(ZONE, "example.com").unwrap();
        assert_eq!(p.records.len(), 13, "{:#?}", p.records);
        let ns: Vec<&str> = p
            .records
            .iter()
            .filter(|r| r.record.kind == Some(RecordType::Ns))
            .map(|r| r.record.data.as_str())
            .collect();
        assert_eq!(ns, ["dns1.vps.net.", "dns2.vps.net."]);
        assert!(p
            .records
            .iter()
            .filter(|r| r.record.kind == Some(RecordType::Ns))
            .all(|r| r.record.host == "@" && r.record.ttl == Some(3600)));
        let mx = find(&p, "@", RecordType::Mx);
        assert_eq!((mx.priority, mx.data.as_str(), mx.ttl), (Some(10), "mail.example.com.", Some(300)));
        let www6 = find(&p, "www", RecordType::Aaaa);
        assert_eq!((www6.data.as_str(), www6.ttl), ("2001:db8::10", Some(3600)), "owner carried over, $TTL applies");
        assert_eq!(find(&p, "www", RecordType::A).ttl, Some(600));
        assert_eq!(find(&p, "blog", RecordType::Cname).data, "www.example.com.");
        let srv = find(&p, "_sip._tcp", RecordType::Srv);
        assert_eq!((srv.priority, srv.weight, srv.port), (Some(10), Some(60), Some(5060)));
        assert_eq!(
            validate::txt(&find(&p, "long", RecordType::Txt).data).unwrap(),
            "part one; not a commentpart \"two\""
        );
        assert_eq!(find(&p, "*.dev", RecordType::A).data, "203.0.113.99");
        assert_eq!(find(&p, "host.sub", RecordType::A).data, "198.51.100.1");
        let skipped: Vec<(usize, &str)> = p.skipped.iter().map(|s| (s.line, s.text.as_str())).collect();
        assert_eq!(skipped, [(4, "@ SOA"), (20, "@ CAA")]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = |t: &str| parse(t, "example.com").unwrap_err().message;
        assert!(e("www A 1.2.3.4\nbad MX mail.example.com.\n").contains("line 2"));
        assert!(e("x TXT \"open\n").contains("not closed"));
        assert!(e("x ( A 1.2.3.4\n").contains("parenthesis"));
        assert!(e("www.other.org. A 1.2.3.4").contains("outside the zone"));
        assert!(e("$INCLUDE other.zone").contains("$INCLUDE"));
        assert!(e(" A 1.2.3.4").contains("no owner"));
        assert!(e("x SRV 1 2 x y.").contains("port"));
    }

    #[test]
    fn ttl_units() {
        assert_eq!(ttl("3600"), Some(3600));
        assert_eq!(ttl("1h30m"), Some(5400));
        assert_eq!(ttl("2D"), Some(172_800));
        assert_eq!(ttl("1w"), Some(604_800));
        assert_eq!(ttl("h"), None);
        assert_eq!(ttl("10x"), None);
        assert_eq!(ttl("99999999999999w"), None);
    }

    fn rec(kind: RecordType, host: &str, data: &str) -> Record {
        Record {
            id: String::new(),
            kind,
            host: host.into(),
            data: data.into(),
            ttl: 300,
            priority: None,
            weight: None,
            port: None,
            service_type: None,
        }
    }

    const EVIL: &str = "\nevil 300 IN A 6.6.6.6";

    /// What a file holds when read back: (host, type, data) of each record.
    fn read_back(text: &str, zone: &str) -> Vec<(String, RecordType, String)> {
        let parsed = parse(text, zone).unwrap_or_else(|e| panic!("{}\n{text}", e.message));
        let mut out: Vec<_> =
            parsed.records.into_iter().map(|p| (p.record.host, p.record.kind.unwrap(), p.record.data)).collect();
        out.sort();
        out
    }

    fn no_evil(text: &str, got: &[(String, RecordType, String)]) {
        assert!(
            !got.iter().any(|(h, _, d)| h.contains("evil") || d.contains("6.6.6.6") && !d.contains('\n')),
            "{got:?}\n{text}"
        );
        assert!(!text.lines().any(|l| l.starts_with("evil")), "no line of the file starts a record evil:\n{text}");
    }

    #[test]
    fn provider_data_with_line_breaks_adds_no_record_to_the_export() {
        let soa = Soa::for_zone("example.com", "dns1.vps.net", 7);
        let www = rec(RecordType::A, "www", "203.0.113.10");
        let txt = rec(RecordType::Txt, "@", &format!("v=spf1 -all{EVIL}"));
        // A value that is not valid goes out as a comment, a failover record
        // too: both with the line break in them.
        let bad_a = rec(RecordType::A, "mail", &format!("203.0.113.25{EVIL}"));
        let bad_host = rec(RecordType::A, &format!("ftp{EVIL}"), "203.0.113.26");
        let failover = Record {
            service_type: Some(format!("icmp.ping{EVIL}")),
            ..rec(RecordType::Failover, "fo", &format!("1.2.3.4 5.6.7.8{EVIL}"))
        };
        let records = [www.clone(), txt.clone(), bad_a, bad_host, failover];
        let text = write("example.com", &records, &soa);
        let got = read_back(&text, "example.com");
        no_evil(&text, &got);
        let want = vec![
            ("@".to_string(), RecordType::Txt, quote_txt(&txt.data)),
            ("www".to_string(), RecordType::A, www.data.clone()),
        ];
        assert_eq!(got, want, "exactly the zone's valid records:\n{text}");
        assert!(
            text.contains("\"v=spf1 -all\\010evil 300 IN A 6.6.6.6\""),
            "the TXT line break is an RFC 1035 escape:\n{text}"
        );
        assert!(text.contains("; not exported, not a valid A record: mail 300 203.0.113.25\\010evil"), "{text}");
    }

    #[test]
    fn a_zone_name_or_soa_with_line_breaks_adds_no_record_to_the_export() {
        let www = rec(RecordType::A, "www", "203.0.113.10");
        let zone = format!("example.com{EVIL}");
        let soa =
            Soa { rname: format!("hostmaster{EVIL}."), ..Soa::for_zone(&zone, &format!("dns1.vps.net{EVIL}"), 7) };
        let text = write(&zone, std::slice::from_ref(&www), &soa);
        let got = read_back(&text, &zone);
        no_evil(&text, &got);
        assert_eq!(got, [("www".to_string(), RecordType::A, www.data.clone())], "{text}");
        assert_eq!(parse(&text, &zone).unwrap().skipped.len(), 1, "the SOA is one entry, skipped on import:\n{text}");
        assert!(text.contains("SOA\tdns1.vps.net\\010evil\\032300\\032IN\\032A\\0326.6.6.6."), "{text}");
    }

    fn provider_text() -> impl Strategy<Value = String> {
        "([a-z0-9. \"\\\\;()@$\t\r\n\u{0}\u{7f}\u{85}\u{2028}é]|IN|A|TXT|evil){0,30}"
    }

    fn any_record() -> impl Strategy<Value = Record> {
        let kind = prop::sample::select(vec![
            RecordType::A,
            RecordType::Aaaa,
            RecordType::Cname,
            RecordType::Mx,
            RecordType::Ns,
            RecordType::Srv,
            RecordType::Txt,
            RecordType::Failover,
            RecordType::Soa,
        ]);
        (kind, provider_text(), provider_text(), prop::option::of(provider_text()), 60u32..=604_800).prop_map(
            |(kind, host, data, service_type, ttl)| Record {
                id: String::new(),
                kind,
                host,
                data,
                ttl,
                priority: Some(10),
                weight: Some(1),
                port: Some(80),
                service_type,
            },
        )
    }

    fn label() -> impl Strategy<Value = String> {
        "[a-z][a-z0-9-]{0,8}[a-z0-9]".prop_map(String::from)
    }

    fn host() -> impl Strategy<Value = String> {
        prop_oneof![Just("@".to_string()), label(), (label(), label()).prop_map(|(a, b)| format!("{a}.{b}"))]
    }

    fn target() -> impl Strategy<Value = String> {
        (label(), label(), prop_oneof![Just("com"), Just("net"), Just("example.com")])
            .prop_map(|(a, b, t)| format!("{a}.{b}.{t}."))
    }

    fn record() -> impl Strategy<Value = Record> {
        let ttl = 60u32..=604_800;
        let base = |kind, host, data, ttl| Record {
            id: String::new(),
            kind,
            host,
            data,
            ttl,
            priority: None,
            weight: None,
            port: None,
            service_type: None,
        };
        prop_oneof![
            (host(), any::<[u8; 4]>(), ttl.clone()).prop_map(move |(h, ip, t)| base(
                RecordType::A,
                h,
                std::net::Ipv4Addr::from(ip).to_string(),
                t
            )),
            (host(), any::<[u16; 8]>(), ttl.clone()).prop_map(move |(h, ip, t)| base(
                RecordType::Aaaa,
                h,
                std::net::Ipv6Addr::from(ip).to_string(),
                t
            )),
            (label(), target(), ttl.clone()).prop_map(move |(h, d, t)| base(RecordType::Cname, h, d, t)),
            (host(), target(), ttl.clone()).prop_map(move |(h, d, t)| base(RecordType::Ns, h, d, t)),
            (host(), target(), ttl.clone(), 0u32..=65_535)
                .prop_map(move |(h, d, t, p)| Record { priority: Some(p), ..base(RecordType::Mx, h, d, t) }),
            (
                label(),
                prop_oneof![Just("_tcp"), Just("_udp")],
                target(),
                ttl.clone(),
                0u32..=65_535,
                0u32..=65_535,
                1u32..=65_535
            )
                .prop_map(move |(s, pr, d, t, p, w, port)| Record {
                    priority: Some(p),
                    weight: Some(w),
                    port: Some(port),
                    ..base(RecordType::Srv, format!("_{s}.{pr}"), d, t)
                }),
            (host(), "[ -~]{0,600}", ttl).prop_map(move |(h, d, t)| base(RecordType::Txt, h, d, t)),
        ]
    }

    /// Distinct names for CNAMEs (a CNAME stands alone at its name).
    fn zone_records() -> impl Strategy<Value = Vec<Record>> {
        prop::collection::vec(record(), 0..25).prop_map(|rs| {
            let mut out: Vec<Record> = Vec::new();
            for (i, mut r) in rs.into_iter().enumerate() {
                let clash = out.iter().any(|o| {
                    o.host == r.host
                        && (o.kind == RecordType::Cname
                            || r.kind == RecordType::Cname
                            || (o.kind == r.kind && o.data == r.data))
                });
                if !clash {
                    r.id = i.to_string();
                    out.push(r);
                }
            }
            out
        })
    }

    proptest! {
        // `PROPTEST_CASES` decides the budget (`make test` vs `make fuzz`).
        #![proptest_config(ProptestConfig::default())]

        #[test]
        fn write_then_parse_gives_the_same_records(records in zone_records()) {
            let soa = Soa::for_zone("example.com", "dns1.vps.net", 1);
            let text = write("example.com", &records, &soa);
            let parsed = parse(&text, "example.com").unwrap();
            let mut got: Vec<_> = parsed.records.iter().map(|p| validate::record(&p.record, "example.com").unwrap()).collect();
            let mut want: Vec<_> = records.iter().map(|r| validate::canonical(r, "example.com").unwrap()).collect();
            got.sort_by_key(|v| format!("{v:?}"));
            want.sort_by_key(|v| format!("{v:?}"));
            prop_assert_eq!(got, want);
            let plan = plan::plan("example.com", &records, &parsed).unwrap();
            prop_assert!(plan.add.is_empty() && plan.change.is_empty(), "export then import changes nothing: {:?}", plan);
            prop_assert_eq!(plan.unchanged.len(), records.len());
        }

        #[test]
        fn provider_text_never_adds_a_record(records in prop::collection::vec(any_record(), 0..12), mname in provider_text(), zone_tail in prop_oneof![Just(String::new()), provider_text()]) {
            let zone = format!("example.com{}", zone_tail.replace(|c: char| !c.is_ascii(), ""));
            let soa = Soa::for_zone(&zone, &mname, 1);
            let text = write(&zone, &records, &soa);
            // A zone name no zone could have may make the file unreadable,
            // which adds nothing either; a real one must read back.
            let parsed = match parse(&text, &zone) {
                Ok(p) => p,
                Err(_) if validate::zone_name(&zone).is_err() => return Ok(()),
                Err(e) => return Err(TestCaseError::fail(format!("{}\n{text}", e.message))),
            };
            let lowered = zone.trim().trim_end_matches('.').to_ascii_lowercase();
            let exported: Vec<ValidRecord> = records
                .iter()
                .filter(|r| !matches!(r.kind, RecordType::Soa | RecordType::Failover))
                .filter_map(|r| exportable(r, &lowered))
                .collect();
            prop_assert_eq!(parsed.records.len(), exported.len(), "one record per exportable record:\n{}", text);
            for p in &parsed.records {
                prop_assert!(exported.iter().any(|v| v.host == p.record.host && Some(v.kind) == p.record.kind), "{:?} is not in the zone:\n{}", p.record, text);
            }
            prop_assert_eq!(parsed.skipped.len(), 1, "only the SOA is skipped:\n{}", text);
        }

        #[test]
        fn the_parser_never_panics(text in "\\PC{0,400}") {
            let _ = parse(&text, "example.com");
        }

        #[test]
        fn the_parser_never_panics_on_zone_like_text(text in "([@a-z0-9.;\"()\\\\$ \t\n]|IN|TXT|MX|SRV|\\$TTL|\\$ORIGIN){0,80}") {
            let _ = parse(&text, "example.com");
        }
    }
}
