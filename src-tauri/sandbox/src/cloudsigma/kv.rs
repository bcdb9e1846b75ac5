//! The doc's text/plain bodies: `key value` lines, read and written by the
//! client's own codec, so the simulator and the client cannot drift apart.
//! Objects of a several-objects answer follow each other without a blank
//! line, so a new one starts at the body's opening key or at a repeated key.

use vpsdesk_core::providers::cloudsigma::codec;

pub(super) type Props = Vec<(String, String)>;

pub(super) fn parse(text: &str) -> Props {
    codec::parse_object(text).0
}

pub(super) fn parse_many(text: &str) -> Vec<Props> {
    codec::parse_objects(text).into_iter().map(|o| o.0).collect()
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
    codec::write_object(props)
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
