//! Checks on what people type that many operations share: provider object
//! ids and one-line labels, refused with a field error before any request.

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
}
