//! The import planner: what a zone file would add to a zone, change in it,
//! or find already there. Records the zone has and the file lacks are left
//! alone (an import never deletes).

use serde::Serialize;
use ts_rs::TS;

use super::validate::{self, canonical, cname_conflict};
use super::zonefile::{Parsed, Skipped};
use super::{Record, RecordType, ValidRecord};
use crate::error::{Error, ErrorKind, FieldError, Result};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct PlannedRecord {
    /// Line of the zone file.
    pub line: usize,
    pub record: ValidRecord,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct PlannedChange {
    pub line: usize,
    /// The zone's record that changes.
    pub before: Record,
    pub after: ValidRecord,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportPlan {
    pub add: Vec<PlannedRecord>,
    pub change: Vec<PlannedChange>,
    pub unchanged: Vec<PlannedRecord>,
    pub skipped: Vec<Skipped>,
}

impl ImportPlan {
    pub fn is_noop(&self) -> bool {
        self.add.is_empty() && self.change.is_empty()
    }
}

/// What makes two records "the same record" whose other fields may differ:
/// one CNAME per name; an SRV per target and port; otherwise per value.
fn identity(v: &ValidRecord) -> (RecordType, String, String) {
    let value = match v.kind {
        RecordType::Cname | RecordType::Failover => String::new(),
        RecordType::Srv => format!("{} {}", v.data, v.port.unwrap_or(0)),
        _ => v.data.clone(),
    };
    (v.kind, v.host.clone(), value)
}

/// Plans the import of `parsed` into a zone holding `existing`. Every file
/// record is validated first; any invalid one fails the plan with its line,
/// so a half-applied import cannot happen because of a typo.
pub fn plan(zone: &str, existing: &[Record], parsed: &Parsed) -> Result<ImportPlan> {
    let mut problems: Vec<FieldError> = Vec::new();
    let mut wanted: Vec<(usize, ValidRecord)> = Vec::new();
    let mut skipped = parsed.skipped.clone();
    for p in &parsed.records {
        match validate::record(&p.record, zone) {
            // DNS holds sets: a repeated line is one record.
            Ok(v) => match wanted.iter().find(|(_, w)| *w == v) {
                Some((first, _)) => skipped.push(Skipped {
                    line: p.line,
                    text: format!("{} {}", v.host, v.kind),
                    reason: format!("the same record as line {first}"),
                }),
                None => wanted.push((p.line, v)),
            },
            Err(e) => {
                let why = e.fields.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join("; ");
                problems.push(FieldError { field: "file".into(), message: format!("line {}: {why}", p.line) });
            }
        }
    }
    if !problems.is_empty() {
        let message = problems.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join("; ");
        return Err(Error { kind: ErrorKind::Validation, message, fields: problems });
    }

    let current: Vec<(&Record, Option<ValidRecord>)> =
        existing.iter().filter(|r| r.kind != RecordType::Soa).map(|r| (r, canonical(r, zone))).collect();
    let mut claimed = vec![false; current.len()];
    let mut matched: Vec<Option<usize>> = vec![None; wanted.len()];
    // Exact matches first, so a near match never takes a record another
    // line of the file has exactly.
    for (w, (_, v)) in wanted.iter().enumerate() {
        if let Some(i) = (0..current.len()).find(|&i| !claimed[i] && current[i].1.as_ref() == Some(v)) {
            claimed[i] = true;
            matched[w] = Some(i);
        }
    }
    let mut out = ImportPlan { skipped, ..Default::default() };
    for (w, (line, v)) in wanted.iter().enumerate() {
        if matched[w].is_some() {
            out.unchanged.push(PlannedRecord { line: *line, record: v.clone() });
            continue;
        }
        let same = (0..current.len())
            .find(|&i| !claimed[i] && current[i].1.as_ref().is_some_and(|c| identity(c) == identity(v)));
        match same {
            Some(i) => {
                claimed[i] = true;
                out.change.push(PlannedChange { line: *line, before: current[i].0.clone(), after: v.clone() });
            }
            None => out.add.push(PlannedRecord { line: *line, record: v.clone() }),
        }
    }

    // The zone as it would be afterwards, to catch CNAMEs beside other records.
    let mut after: Vec<Record> = existing.to_vec();
    for c in &out.change {
        if let Some(r) = after.iter_mut().find(|r| r.id == c.before.id) {
            *r = as_record(&c.before.id, &c.after);
        }
    }
    for (i, a) in out.add.iter().enumerate() {
        after.push(as_record(&format!("new-{i}"), &a.record));
    }
    let checks = out
        .change
        .iter()
        .map(|c| (c.line, c.before.id.clone(), &c.after))
        .chain(out.add.iter().enumerate().map(|(i, a)| (a.line, format!("new-{i}"), &a.record)));
    for (line, id, v) in checks {
        if let Err(e) = cname_conflict(&after, v, Some(&id)) {
            let why = e.fields.first().map(|f| f.message.clone()).unwrap_or(e.message);
            return Err(Error::field("file", format!("line {line}: {why}")));
        }
    }
    Ok(out)
}

pub fn as_record(id: &str, v: &ValidRecord) -> Record {
    Record {
        id: id.to_string(),
        kind: v.kind,
        host: v.host.clone(),
        data: v.data.clone(),
        ttl: v.ttl,
        priority: v.priority,
        weight: v.weight,
        port: v.port,
        service_type: v.service_type.clone(),
    }
}

/// One record of an applied import.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportOutcome {
    pub line: usize,
    /// "add" or "change".
    pub action: String,
    pub record: ValidRecord,
    /// `None` when the provider accepted it.
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capabilities::dns::zonefile::parse;

    fn rec(id: &str, kind: RecordType, host: &str, data: &str, ttl: u32) -> Record {
        Record {
            id: id.into(),
            kind,
            host: host.into(),
            data: data.into(),
            ttl,
            priority: None,
            weight: None,
            port: None,
            service_type: None,
        }
    }

    fn zone() -> Vec<Record> {
        vec![
            rec("1", RecordType::Soa, "@", "dns1.vps.net.", 86400),
            rec("2", RecordType::A, "www", "203.0.113.10", 86400),
            Record { priority: Some(10), ..rec("3", RecordType::Mx, "@", "mail.example.com.", 86400) },
            rec("4", RecordType::Cname, "blog", "www.example.com.", 3600),
            rec("5", RecordType::Txt, "@", "v=spf1 mx -all", 86400),
        ]
    }

    #[test]
    fn adds_changes_and_leaves_alone() {
        let file = "$ORIGIN example.com.\n$TTL 86400\n\
            www A 203.0.113.10\n\
            www A 203.0.113.11\n\
            @ MX 20 mail\n\
            blog 300 CNAME www\n\
            @ TXT \"v=spf1 mx -all\"\n";
        let p = plan("example.com", &zone(), &parse(file, "example.com").unwrap()).unwrap();
        let lines = |v: &[PlannedRecord]| v.iter().map(|r| r.line).collect::<Vec<_>>();
        assert_eq!(lines(&p.unchanged), [3, 7]);
        assert_eq!(lines(&p.add), [4]);
        let changed: Vec<(&str, usize)> = p.change.iter().map(|c| (c.before.id.as_str(), c.line)).collect();
        assert_eq!(changed, [("3", 5), ("4", 6)], "MX priority and CNAME TTL change in place");
        assert_eq!(p.change[0].after.priority, Some(20));
    }

    #[test]
    fn an_invalid_line_fails_the_whole_plan() {
        let file = "www A 203.0.113.10\nbad A 300.1.1.1\nmx MX 70000 mail\n";
        let e = plan("example.com", &zone(), &parse(file, "example.com").unwrap()).unwrap_err();
        assert_eq!(e.fields.len(), 2);
        assert!(e.fields[0].message.starts_with("line 2:"), "{e:?}");
        assert!(e.fields[1].message.starts_with("line 3:"));
    }

    #[test]
    fn a_cname_beside_other_records_is_refused() {
        let e =
            plan("example.com", &zone(), &parse("www CNAME other.example.net.\n", "example.com").unwrap()).unwrap_err();
        assert!(e.message.contains("line 1") && e.message.contains("CNAME"), "{e:?}");
        let e = plan("example.com", &zone(), &parse("blog A 203.0.113.5\n", "example.com").unwrap()).unwrap_err();
        assert!(e.message.contains("is a CNAME"), "{e:?}");
    }

    #[test]
    fn the_same_line_twice_adds_once() {
        let p = plan("example.com", &[], &parse("x A 203.0.113.1\nx A 203.0.113.1\n", "example.com").unwrap()).unwrap();
        assert_eq!(p.add.len(), 1);
        assert_eq!(p.skipped[0].line, 2);
        assert!(p.skipped[0].reason.contains("line 1"));
    }
}
