//! Checks on what people type that many operations share: provider object
//! ids, one-line labels and host names, refused with a field error before any request.

use crate::error::{Error, Result};

/// An id of a provider object (snapshot, key, script, backup), checked
/// before it goes into a request: `field` names it for the form.
pub fn object_id(field: &str, id: &str) -> Result<String> {
    let id = id.trim();
    if id.is_empty() {
        return Err(Error::field(field, "an id is required"));
    }
    if id.len() > 128 || id.chars().any(|c| c.is_control() || c.is_whitespace() || "/?#&,".contains(c)) {
        return Err(Error::field(field, format!("{id:?} is not an id")));
    }
    Ok(id.to_string())
}

/// A one-line name or description: printable, bounded.
pub fn label(field: &str, text: &str, required: bool, max: usize) -> Result<String> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(Error::field(field, "enter a name"));
    }
    if text.chars().count() > max {
        return Err(Error::field(field, format!("use at most {max} characters")));
    }
    if text.chars().any(char::is_control) {
        return Err(Error::field(field, "control characters are not allowed"));
    }
    Ok(text.to_string())
}

/// What a typed DNS name must be: labels of letters, digits and hyphens
/// (and underscores where allowed), at most 253 characters; a trailing dot
/// is dropped.
pub struct NameRule {
    /// Shown in the messages ("e.g. web01.example.com").
    pub example: &'static str,
    /// At least two labels.
    pub fully_qualified: bool,
    pub underscores: bool,
}

pub fn dns_name(field: &str, text: &str, rule: NameRule) -> Result<String> {
    let name = text.trim().trim_end_matches('.');
    let bad = |why: String| Err(Error::field(field, why));
    if name.is_empty() {
        return bad(format!("enter a host name, e.g. {}", rule.example));
    }
    if name.len() > 253 {
        return bad("a host name has at most 253 characters".into());
    }
    if rule.fully_qualified && !name.contains('.') {
        return bad(format!("use a fully qualified name with a domain, e.g. {}", rule.example));
    }
    for part in name.split('.') {
        if part.is_empty() || part.len() > 63 {
            return bad("each part between dots needs 1 to 63 characters".into());
        }
        if part.starts_with('-') || part.ends_with('-') {
            return bad("a part cannot start or end with a hyphen".into());
        }
        if !part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || (rule.underscores && c == '_')) {
            return bad("use letters, digits, hyphens and dots only".into());
        }
    }
    Ok(name.to_string())
}

/// A server's fully qualified host name.
/// An absolute http or https URL with a host, as one line.
pub fn web_url(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    match url::Url::parse(text) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(u.to_string()),
        _ => Err(Error::field(field, "enter an http:// or https:// address")),
    }
}

pub fn hostname(field: &str, text: &str) -> Result<String> {
    dns_name(field, text, NameRule { example: "web01.example.com", fully_qualified: true, underscores: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_labels_are_checked() {
        assert_eq!(object_id("snapshot", " 5359435d28b9a ").unwrap(), "5359435d28b9a");
        assert_eq!(object_id("snapshot", "").unwrap_err().fields[0].field, "snapshot");
        assert!(object_id("snapshot", "a/b").is_err());
        assert!(object_id("snapshot", "a b").is_err());
        assert_eq!(label("name", "  web  ", true, 10).unwrap(), "web");
        assert!(label("name", "", true, 10).is_err());
        assert_eq!(label("description", "", false, 10).unwrap(), "");
        assert!(label("name", "12345678901", true, 10).is_err());
        assert!(label("name", "a\nb", true, 10).is_err());
    }

    #[test]
    fn host_names_are_fully_qualified() {
        assert_eq!(hostname("hostname", " web01.example.com. ").unwrap(), "web01.example.com");
        for bad in ["", "web01", "web_01.example.com", "-a.example.com", "a..example.com", "é.example.com"] {
            assert_eq!(hostname("hostname", bad).unwrap_err().fields[0].field, "hostname", "{bad:?}");
        }
    }

    /// A case's text: a string, or pieces of which `[piece, n]` is repeated.
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Text {
        Plain(String),
        Pieces(Vec<Piece>),
    }

    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Piece {
        Plain(String),
        Repeated(String, usize),
    }

    impl Text {
        fn expand(&self) -> String {
            match self {
                Text::Plain(s) => s.clone(),
                Text::Pieces(pieces) => pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Plain(s) => s.clone(),
                        Piece::Repeated(s, n) => s.repeat(*n),
                    })
                    .collect(),
            }
        }
    }

    /// The table the UI's name and ticket checks run too
    /// (ui/src/test/text-rules-cases.test.ts), so a form cannot accept what
    /// the core refuses or refuse what it accepts.
    #[test]
    fn the_text_rules_case_table() {
        use crate::capabilities::tickets::{validate, Department, DepartmentNeeds, IssueType, NewTicket, TicketForm};

        #[derive(serde::Deserialize)]
        struct NameCase {
            case: String,
            name: Text,
            refused: Option<String>,
        }
        #[derive(serde::Deserialize)]
        struct TicketCase {
            case: String,
            server_issue: bool,
            subject: Text,
            body: Text,
            refused: Option<String>,
        }
        #[derive(serde::Deserialize)]
        struct Table {
            names: Vec<NameCase>,
            tickets: Vec<TicketCase>,
        }
        fn refused<T>(r: Result<T>) -> Option<String> {
            r.err().map(|e| e.fields.into_iter().map(|f| f.field).collect::<Vec<_>>().join(","))
        }
        let table: Table = serde_json::from_str(include_str!("../tests/fixtures/text-rules-cases.json")).unwrap();
        assert!(table.names.len() > 25 && table.tickets.len() > 25);

        for c in &table.names {
            let name = c.name.expand();
            assert_eq!(refused(crate::accounts::validate_name(&name)), c.refused, "account name: {}", c.case);
            assert_eq!(refused(crate::service::server_name(&name)), c.refused, "server name: {}", c.case);
        }

        let department = |id: &str, needs| Department { id: id.into(), name: id.into(), needs };
        let form = TicketForm {
            departments: vec![
                department("support", DepartmentNeeds::Nothing),
                department("server", DepartmentNeeds::Server),
            ],
            issue_types: vec![IssueType { id: "reboot".into(), name: "Server is Down".into() }],
        };
        for c in table.tickets {
            let server = |v: &str| c.server_issue.then(|| v.to_string());
            let ticket = NewTicket {
                department: if c.server_issue { "server" } else { "support" }.into(),
                subject: c.subject.expand(),
                body: c.body.expand(),
                domain_name: None,
                server_id: server("520"),
                issue: server("reboot"),
                root_password: None,
                ssh_port: None,
                ssh_user: None,
                ssh_password: None,
            };
            assert_eq!(refused(validate(ticket, &form)), c.refused, "ticket: {}", c.case);
        }
    }
}
