//! JSON request bodies, checked field by field the way the API's
//! serializers do: every problem is collected, then answered with one 400.

use axum::http::{header, HeaderMap, StatusCode};
use serde_json::{Map, Value};

use super::error::{detail, invalid, ApiError, FieldErrors};

pub(super) struct Input {
    fields: Map<String, Value>,
    pub errors: FieldErrors,
}

const REQUIRED: &str = "This field is required.";
const NOT_NULL: &str = "This field may not be null.";

impl Input {
    /// The body must be a JSON object; an empty body counts as `{}`.
    pub fn parse(headers: &HeaderMap, body: &[u8]) -> Result<Input, ApiError> {
        let fields = if body.iter().all(u8::is_ascii_whitespace) {
            Map::new()
        } else {
            let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
            if !content_type.starts_with("application/json") {
                return Err(detail(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    &format!("Unsupported media type \"{content_type}\" in request."),
                ));
            }
            match serde_json::from_slice::<Value>(body) {
                Ok(Value::Object(map)) => map,
                Ok(_) => return Err(invalid("non_field_errors", "Invalid data. Expected a dictionary.")),
                Err(e) => return Err(detail(StatusCode::BAD_REQUEST, &format!("JSON parse error - {e}"))),
            }
        };
        Ok(Input { fields, errors: FieldErrors::default() })
    }

    /// The field's value if sent and not null; records why otherwise.
    fn value(&mut self, field: &str, required: bool) -> Option<Value> {
        match self.fields.get(field) {
            None => {
                if required {
                    self.errors.add(field, REQUIRED);
                }
                None
            }
            Some(Value::Null) => {
                self.errors.add(field, NOT_NULL);
                None
            }
            Some(v) => Some(v.clone()),
        }
    }

    pub fn string(&mut self, field: &str, required: bool) -> Option<String> {
        match self.value(field, required)? {
            Value::String(s) if s.trim().is_empty() => {
                self.errors.add(field, "This field may not be blank.");
                None
            }
            Value::String(s) => Some(s.trim().to_owned()),
            _ => {
                self.errors.add(field, "Not a valid string.");
                None
            }
        }
    }

    /// Integers as numbers or digit strings, as the serializers accept them.
    pub fn integer(&mut self, field: &str, required: bool) -> Option<u64> {
        let parsed = match self.value(field, required)? {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.errors.add(field, "A valid integer is required.");
        }
        parsed
    }

    pub fn boolean(&mut self, field: &str, required: bool) -> Option<bool> {
        let parsed = match self.value(field, required)? {
            Value::Bool(b) => Some(b),
            Value::String(s) => match s.as_str() {
                "true" | "True" | "1" => Some(true),
                "false" | "False" | "0" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if parsed.is_none() {
            self.errors.add(field, "Must be a valid boolean.");
        }
        parsed
    }

    /// The doc's rule for names: letters, digits and hyphens.
    pub fn name(&mut self, required: bool) -> Option<String> {
        let name = self.string("name", required)?;
        if name.chars().count() > 64 {
            self.errors.add("name", "Ensure this field has no more than 64 characters.");
            return None;
        }
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            self.errors.add("name", "Enter a valid name: letters, numbers and hyphens only.");
            return None;
        }
        Some(name)
    }

    /// A fully qualified host name: dot-separated labels of letters, digits
    /// and hyphens.
    pub fn hostname(&mut self, required: bool) -> Option<String> {
        let hostname = self.string("hostname", required)?;
        let valid = hostname.len() <= 253
            && hostname.contains('.')
            && hostname.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !valid {
            self.errors.add("hostname", "Enter a valid fully qualified domain name.");
            return None;
        }
        Some(hostname)
    }
}
