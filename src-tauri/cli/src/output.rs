//! Human tables or JSON, per `--json`.
//!
//! Everything vpsctl prints for people goes through `say!`/`tell!` (stdout /
//! stderr) and `table`, which strip terminal control sequences: provider
//! text (server names, ticket bodies, DNS data, error messages) could
//! otherwise retitle the window, clear the screen, hide lines or rewrite the
//! clipboard. `clippy.toml` disallows the bare print macros so nothing
//! bypasses this. JSON goes out as serialized: it escapes control characters
//! itself and scripts must get the provider's bytes.

use std::borrow::Cow;
use std::fmt;

use comfy_table::{presets::UTF8_BORDERS_ONLY, ContentArrangement, Table};
use serde::Serialize;
use serde_json::{json, Value};
use vpsdesk_core::model::{Image, Plan, Region, Server};
use vpsdesk_core::AccountView;

/// The options every command accepts, before or after its own name
/// (`vpsctl --json servers list`, `vpsctl servers list --json`).
#[derive(clap::Args, Clone, Copy)]
pub struct Flags {
    /// Print JSON on stdout for scripts: an array for lists, an object otherwise
    #[arg(long, global = true)]
    pub json: bool,
    /// Confirm a command that destroys, moves or costs something; without it
    /// such a command says what it would do (and its price) and changes nothing
    #[arg(long, global = true)]
    pub yes: bool,
}

pub struct Out {
    json: bool,
}

/// `println!` for people: the line is made terminal-safe first.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::emit_stdout(&format!($($arg)*))
    };
}
pub(crate) use say;

/// `eprintln!` for people: the line is made terminal-safe first.
macro_rules! tell {
    ($($arg:tt)*) => {
        $crate::output::emit_stderr(&format!($($arg)*))
    };
}
pub(crate) use tell;

#[allow(clippy::disallowed_macros)] // the one door to stdout for text
pub(crate) fn emit_stdout(text: &str) {
    println!("{}", terminal_safe(text));
}

#[allow(clippy::disallowed_macros)] // the one door to stderr for text
pub(crate) fn emit_stderr(text: &str) {
    eprintln!("{}", terminal_safe(text));
}

/// Prints `text` as it is apart from control sequences, with no newline
/// added (a zone file already ends with one).
#[allow(clippy::disallowed_macros)]
pub(crate) fn emit_stdout_raw(text: &str) {
    print!("{}", terminal_safe(text));
}

/// `text` without anything a terminal would act on rather than show: ESC
/// sequences (CSI, OSC and the other control strings, two-byte escapes), C1
/// controls (U+0080 to U+009F, the one-character CSI U+009B among them), DEL
/// and C0 controls except newline and tab, which multi-line text (ticket
/// bodies, tables) needs. A control string (OSC, DCS, ...) ends at its
/// terminator or at a newline, so one unterminated string in a cell cannot
/// swallow the rest of the output.
pub(crate) fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{1b}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_control_string(&mut chars);
                }
                Some(' '..='/') => {
                    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                    chars.next_if(|c| matches!(c, '0'..='~'));
                }
                Some('0'..='~') => {
                    chars.next();
                }
                // A lone ESC: dropped, and what follows is read afresh.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_control_string(&mut chars),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Parameters and intermediates, then the final byte of a CSI sequence.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while chars.next_if(|c| matches!(c, ' '..='?')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Up to BEL, ST (ESC \\ or U+009C) or a newline, which is kept.
fn skip_control_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' => return,
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.next_if_eq(&'\\').is_some() {
                    return;
                }
            }
            _ => {
                chars.next();
            }
        }
    }
}

/// A table whose cells are made terminal-safe as they go in, so column
/// widths are measured on what will be shown. Tabs become spaces: the table
/// cannot measure them.
pub(crate) struct Rows(Table);

impl Rows {
    pub(crate) fn add_row(&mut self, cells: Vec<String>) -> &mut Rows {
        self.0.add_row(cells.iter().map(|c| cell(c)).collect::<Vec<_>>());
        self
    }
}

impl fmt::Display for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn cell(text: &str) -> String {
    terminal_safe(text).replace('\t', " ")
}

pub(crate) fn table(header: &[&str]) -> Rows {
    let mut t = Table::new();
    let header: Vec<String> = header.iter().map(|h| cell(h)).collect();
    t.load_preset(UTF8_BORDERS_ONLY).set_content_arrangement(ContentArrangement::Dynamic).set_header(header);
    Rows(t)
}

pub(crate) fn opt(v: &Option<impl ToString>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Unfiltered: serde escapes control characters in strings, and `--json`
/// must carry the provider's text exactly.
#[allow(clippy::disallowed_macros)]
pub(crate) fn print_json(v: &impl Serialize) {
    println!("{}", serde_json::to_string_pretty(v).expect("JSON output"));
}

/// `--json` prints `value` as JSON (the contract scripts read); otherwise
/// `human` prints it for people.
pub(crate) fn json_or<T: Serialize + ?Sized>(json: bool, value: &T, human: impl FnOnce(&T)) {
    if json {
        print_json(&value)
    } else {
        human(value)
    }
}

/// A list: a JSON array with `--json`, otherwise a table of one row per item
/// (an empty list says so in a line rather than drawing an empty table).
pub(crate) fn list<T: Serialize>(json: bool, items: &[T], header: &[&str], row: impl Fn(&T) -> Vec<String>) {
    json_or(json, items, |items| {
        if items.is_empty() {
            return say!("(none)");
        }
        let mut t = table(header);
        for item in items {
            t.add_row(row(item));
        }
        say!("{t}");
    })
}

impl Out {
    pub fn new(json: bool) -> Self {
        Out { json }
    }

    pub fn accounts(&self, accounts: &[AccountView]) {
        if self.json {
            let items: Vec<Value> = accounts
                .iter()
                .map(|a| {
                    let mut o = json!({ "name": a.name, "provider": a.provider, "endpoint": a.endpoint, "id": a.id, "demo": a.demo });
                    if let Some(u) = &a.username {
                        o["username"] = json!(u);
                    }
                    if let Some(r) = &a.region {
                        o["region"] = json!(r);
                    }
                    o
                })
                .collect();
            return print_json(&items);
        }
        if accounts.is_empty() {
            return say!("no accounts yet: add one with `vpsctl accounts add --provider P --name N`");
        }
        let mut t = table(&["NAME", "PROVIDER", "ENDPOINT", "USERNAME", "REGION"]);
        for a in accounts {
            t.add_row(vec![
                a.name.clone(),
                a.provider.to_string(),
                a.endpoint.clone(),
                opt(&a.username),
                opt(&a.region),
            ]);
        }
        say!("{t}");
    }

    pub fn servers(&self, servers: &[Server]) {
        list(self.json, servers, &["ACCOUNT", "PROVIDER", "ID", "NAME", "STATUS", "IPV4", "REGION", "PLAN"], |s| {
            vec![
                s.account.clone(),
                s.provider.to_string(),
                s.id.clone(),
                s.name.clone(),
                s.status.as_str().to_string(),
                s.ipv4.join(", "),
                s.region.clone(),
                s.plan.clone(),
            ]
        })
    }

    pub fn server(&self, s: &Server) {
        json_or(self.json, s, |s| {
            let mut t = table(&["FIELD", "VALUE"]);
            let rows = [
                ("account", s.account.clone()),
                ("provider", s.provider.to_string()),
                ("id", s.id.clone()),
                ("name", s.name.clone()),
                ("status", s.status.as_str().to_string()),
                ("provider status", s.provider_status.clone()),
                ("ipv4", s.ipv4.join(", ")),
                ("ipv6", s.ipv6.join(", ")),
                ("region", s.region.clone()),
                ("plan", s.plan.clone()),
                ("created", opt(&s.created_at)),
            ];
            for (k, v) in rows {
                t.add_row(vec![k.to_string(), v]);
            }
            for d in &s.details {
                t.add_row(vec![d.label.clone(), d.value.clone()]);
            }
            say!("{t}");
        })
    }

    pub fn plans(&self, plans: &[Plan]) {
        list(self.json, plans, &["ID", "NAME", "VCPUS", "MEMORY MB", "DISK GB", "PRICE/MONTH"], |p| {
            vec![p.id.clone(), p.name.clone(), opt(&p.vcpus), opt(&p.memory_mb), opt(&p.disk_gb), opt(&p.price_monthly)]
        })
    }

    pub fn images(&self, images: &[Image]) {
        list(self.json, images, &["ID", "NAME", "FAMILY", "ARCH"], |i| {
            vec![i.id.clone(), i.name.clone(), opt(&i.family), opt(&i.arch)]
        })
    }

    pub fn regions(&self, regions: &[Region]) {
        list(self.json, regions, &["ID", "NAME", "COUNTRY", "CONTINENT"], |r| {
            vec![r.id.clone(), r.name.clone(), opt(&r.country), opt(&r.continent)]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "web-01 ✓ naïve\n\tsecond line";
        assert!(matches!(terminal_safe(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        let cases = [
            ("a\u{1b}[2Jb", "ab"),
            ("a\u{1b}[1;31mred\u{1b}[0m", "ared"),
            ("a\u{1b}[?1049hb", "ab"),
            ("\u{1b}]0;pwned\u{7}title", "title"),
            ("\u{1b}]52;c;ZXZpbA==\u{1b}\\after", "after"),
            ("\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\", "link"),
            ("\u{1b}Pdevice\u{1b}\\x", "x"),
            ("\u{1b}_apc\u{9c}x", "x"),
            ("a\u{1b}cb", "ab"),
            ("a\u{1b}(Bb", "ab"),
            ("a\u{1b}7b\u{1b}8", "ab"),
            ("end\u{1b}", "end"),
        ];
        for (raw, shown) in cases {
            assert_eq!(terminal_safe(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn c1_and_c0_controls_are_removed() {
        assert_eq!(terminal_safe("a\u{9b}31mred"), "ared", "the one-character CSI");
        assert_eq!(terminal_safe("\u{9d}0;t\u{7}x"), "x", "the one-character OSC");
        assert_eq!(terminal_safe("a\u{85}b\u{80}c\u{9f}\u{9c}"), "abc");
        assert_eq!(terminal_safe("over\rwrite\u{8}\u{8}\u{7}\u{0}\u{7f}!"), "overwrite!");
    }

    #[test]
    fn newlines_and_tabs_stay_for_multi_line_text() {
        assert_eq!(terminal_safe("one\r\n\ttwo\u{1b}[2J\nthree"), "one\n\ttwo\nthree");
    }

    #[test]
    fn an_unterminated_string_ends_at_the_line() {
        assert_eq!(terminal_safe("a\u{1b}]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn table_cells_and_headers_are_cleaned_before_measuring() {
        let mut t = table(&["NAME\u{1b}[8m"]);
        t.add_row(vec!["web\u{1b}]0;pwned\u{7}-01\tx".to_string()]);
        let shown = t.to_string();
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
        assert!(shown.contains("web-01 x"), "{shown}");
        let widths: Vec<usize> = shown.lines().map(|l| l.chars().count()).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "every line as wide as the border: {shown}");
    }
}
