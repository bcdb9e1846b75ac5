//! CloudSigma 1.0's text/plain bodies. Every line is `key value`: the key
//! runs up to the first space or tab (keys such as `ide:0:0`, `nic:0:dhcp`
//! or `errors:name` contain colons, never spaces) and the value is the rest
//! of the line, possibly empty (`title` on its own). A body is one of:
//!
//! - one object: key/value lines (any whitespace ends the key);
//! - a list of values: one value per line (`/servers/list`);
//! - several objects: key/value lines, one object after the other. The doc's
//!   examples run them together without a blank line, so a new object also
//!   starts when a key repeats within the current one or when the key the
//!   body opened with comes back.

/// One object's properties, in the order the provider sent them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object(pub Vec<(String, String)>);

impl Object {
    /// The first value sent under `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }

    pub fn push(&mut self, key: impl Into<String>, value: impl Into<String>) {
        self.0.push((key.into(), value.into()));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A line trimmed; a carriage return inside it is read as a space, which is
/// how the writer sends one.
fn clean(line: &str) -> String {
    line.replace('\r', " ").trim().to_string()
}

/// A line split into key and value; `None` for a blank line.
fn pair(line: &str) -> Option<(String, String)> {
    let line = clean(line);
    if line.is_empty() {
        return None;
    }
    match line.split_once(char::is_whitespace) {
        Some((key, value)) => Some((key.to_string(), value.trim_start().to_string())),
        None => Some((line.to_string(), String::new())),
    }
}

/// A single-object body. Blank lines are ignored.
pub fn parse_object(text: &str) -> Object {
    Object(text.lines().filter_map(pair).collect())
}

/// A list-of-values body: one trimmed value per non-blank line.
pub fn parse_list(text: &str) -> Vec<String> {
    text.lines().map(clean).filter(|l| !l.is_empty()).collect()
}

/// A several-objects body, split on blank lines, on a repeated key and on
/// the body's opening key (see the module comment).
pub fn parse_objects(text: &str) -> Vec<Object> {
    let mut objects = Vec::new();
    let mut current = Object::default();
    let mut opening: Option<String> = None;
    for line in text.lines() {
        let Some((key, value)) = pair(line) else {
            if !current.is_empty() {
                objects.push(std::mem::take(&mut current));
            }
            continue;
        };
        let opening = opening.get_or_insert_with(|| key.clone());
        if !current.is_empty() && (current.has(&key) || key == *opening) {
            objects.push(std::mem::take(&mut current));
        }
        current.push(key, value);
    }
    if !current.is_empty() {
        objects.push(current);
    }
    objects
}

/// A request body for one object. Keys and values must be single-line
/// (callers validate user input before it gets here); anything after a line
/// break would be read by the provider as a key of its own, so line breaks
/// are turned into spaces rather than sent.
pub fn write_object<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        out.extend(single_line(key).chars().map(|c| if c.is_whitespace() { '_' } else { c }));
        let value = single_line(value);
        if !value.is_empty() {
            out.push(' ');
            out.push_str(&value);
        }
        out.push('\n');
    }
    out
}

/// A several-objects body, blank-line separated so any reader splits it.
/// The client only ever sends single objects; these two writers are here
/// for the round-trip properties of the other two formats.
#[cfg(test)]
pub fn write_objects(objects: &[Object]) -> String {
    objects.iter().map(|o| write_object(o.iter())).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
pub fn write_list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(|v| format!("{}\n", single_line(v))).collect()
}

fn single_line(s: &str) -> String {
    s.trim().replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_with_colons_and_empty_values() {
        let o = parse_object("ide:0:0 5e70b725\nnic:0:dhcp auto\ntitle\nname Test server\r\n");
        assert_eq!(o.get("ide:0:0"), Some("5e70b725"));
        assert_eq!(o.get("nic:0:dhcp"), Some("auto"));
        assert_eq!(o.get("title"), Some(""));
        assert_eq!(o.get("name"), Some("Test server"));
    }

    #[test]
    fn objects_run_together_are_split_on_the_opening_key() {
        let body = "status active\nname a\nserver 1\nstatus stopped\nname b\nserver 2\n";
        let objects = parse_objects(body);
        assert_eq!(objects.len(), 2);
        assert_eq!((objects[1].get("name"), objects[1].get("status")), (Some("b"), Some("stopped")));
    }

    #[test]
    fn objects_split_on_blank_lines_and_repeated_keys() {
        assert_eq!(parse_objects("a 1\nb 2\n\na 3\nb 4\n").len(), 2);
        assert_eq!(parse_objects("a 1\nb 2\nb 3\n").len(), 2);
        let ips = parse_objects("ip 91.203.56.71\nip 91.203.56.70\n");
        assert_eq!(ips.len(), 2);
        assert_eq!(ips[1].get("ip"), Some("91.203.56.70"));
        assert!(parse_objects("").is_empty());
    }

    #[test]
    fn written_values_stay_on_one_line() {
        assert_eq!(write_object([("name", "a\nstatus stopped")]), "name a status stopped\n");
        assert_eq!(write_object([("bad key", "v"), ("empty", "")]), "bad_key v\nempty\n");
    }

    fn arbitrary_object() -> impl Strategy<Value = Object> {
        prop::collection::vec(("[a-z][a-z0-9:_]{0,12}", "[ -~]{0,24}"), 0..8)
            .prop_map(|pairs| Object(pairs.into_iter().map(|(k, v)| (k, v.trim().to_string())).collect()))
    }

    /// Objects as a several-objects body holds them: each opens with the
    /// same key and has no key twice.
    fn listed_object() -> impl Strategy<Value = Object> {
        ("[ -~]{0,24}", prop::collection::btree_map("[a-z][a-z0-9:_]{0,12}", "[ -~]{0,24}", 0..8)).prop_map(
            |(id, rest)| {
                let mut o = Object::default();
                o.push("server", id.trim());
                for (k, v) in rest.into_iter().filter(|(k, _)| k != "server") {
                    o.push(k, v.trim());
                }
                o
            },
        )
    }

    proptest! {
        #[test]
        fn parse_never_panics(text in "\\PC*") {
            let _ = parse_object(&text);
            let _ = parse_list(&text);
            let _ = parse_objects(&text);
        }

        #[test]
        fn write_parse_round_trip(text in "(?s).{0,400}") {
            let parsed = parse_object(&text);
            prop_assert_eq!(parse_object(&write_object(parsed.iter())), parsed);
            let list = parse_list(&text);
            prop_assert_eq!(parse_list(&write_list(list.iter().map(String::as_str))), list);
        }

        #[test]
        fn objects_round_trip(o in arbitrary_object()) {
            prop_assert_eq!(parse_object(&write_object(o.iter())), o);
        }

        #[test]
        fn several_objects_round_trip(objects in prop::collection::vec(listed_object(), 0..5)) {
            prop_assert_eq!(parse_objects(&write_objects(&objects)), objects);
        }
    }
}
