//! The doc's text/plain bodies: `key value` lines. Objects of a
//! several-objects answer follow each other without a blank line, so a new
//! one starts at the body's opening key or at a repeated key.

pub(super) type Props = Vec<(String, String)>;

fn pair(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    Some(match line.split_once(char::is_whitespace) {
        Some((key, value)) => (key.to_owned(), value.trim_start().to_owned()),
        None => (line.to_owned(), String::new()),
    })
}

pub(super) fn parse(text: &str) -> Props {
    text.lines().filter_map(pair).collect()
}

pub(super) fn parse_many(text: &str) -> Vec<Props> {
    let mut objects = Vec::new();
    let mut current: Props = Vec::new();
    let mut opening: Option<String> = None;
    for line in text.lines() {
        let Some((key, value)) = pair(line) else {
            if !current.is_empty() {
                objects.push(std::mem::take(&mut current));
            }
            continue;
        };
        let opening = opening.get_or_insert_with(|| key.clone());
        if !current.is_empty() && (key == *opening || current.iter().any(|(k, _)| *k == key)) {
            objects.push(std::mem::take(&mut current));
        }
        current.push((key, value));
    }
    if !current.is_empty() {
        objects.push(current);
    }
    objects
}

pub(super) fn get<'a>(props: &'a Props, key: &str) -> Option<&'a str> {
    props.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Replaces `key`'s value in place, or appends it.
pub(super) fn set(props: &mut Props, key: &str, value: String) {
    match props.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => props.push((key.to_owned(), value)),
    }
}

pub(super) fn write<'a>(props: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    props.into_iter().map(|(k, v)| if v.is_empty() { format!("{k}\n") } else { format!("{k} {v}\n") }).collect()
}

pub(super) fn write_props(props: &Props) -> String {
    write(props.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_run_together() {
        let many = parse_many("status active\nname a\nserver 1\nstatus stopped\nname b\n");
        assert_eq!(many.len(), 2);
        assert_eq!(get(&many[1], "name"), Some("b"));
        assert_eq!(parse("title\nide:0:0 x y\n")[1], ("ide:0:0".into(), "x y".into()));
    }
}
