//! Pieces every provider's wire layer shares: tolerant field decoding for
//! APIs that send numbers as strings (and sometimes not), and the status
//! codes whose meaning does not depend on the provider.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::error::{Error, ErrorKind, FieldError, Result};
use crate::http::{retry_after_secs, ApiClient, Request, Response};

/// Decodes a JSON string or number (or null) into a string.
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    Ok(opt_string_or_number(d)?.unwrap_or_default())
}

pub fn opt_string_or_number<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Bool(b)) => Some(b.to_string()),
        Some(other) => Some(other.to_string()),
    })
}

/// A server object's fields for its detail panel: in the order of the
/// provider's doc (`order`), then the fields the doc does not name, by name;
/// never those in `hidden` (the root passwords some lists return).
/// Each field's place is looked up once (a list of 10,000 servers orders the
/// fields of each: a key made per comparison was most of mapping the list).
pub fn detail_fields<'a>(
    fields: impl IntoIterator<Item = (&'a String, &'a serde_json::Value)>,
    order: &[&str],
    hidden: &[&str],
) -> Vec<(&'a String, &'a serde_json::Value)> {
    let mut fields: Vec<_> = fields.into_iter().filter(|(k, _)| !hidden.contains(&k.as_str())).collect();
    fields
        .sort_by_cached_key(|&(k, _)| (order.iter().position(|o| *o == k.as_str()).unwrap_or(order.len()), k.as_str()));
    fields
}

/// A JSON value as a person would read it in a detail panel.
pub fn display_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A provider's state word as its mapping table compares it: lower case,
/// Esperanto's accented letters (ĉ ĝ ĥ ĵ ŝ ŭ) as plain ones, and no spaces,
/// `_` or `-`, so "Powered Off", "powered_off", "poweredoff" and
/// "malŝaltita"/"malsaltita" each meet one table entry. Docs name states
/// loosely; a spelling the table has not seen must not turn a server's
/// state into "unknown".
fn state_key(word: &str) -> String {
    word.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ĉ' => 'c',
            'ĝ' => 'g',
            'ĥ' => 'h',
            'ĵ' => 'j',
            'ŝ' => 's',
            'ŭ' => 'u',
            other => other,
        })
        .collect()
}

/// The entry of a provider's table of state spellings that `word` is, read
/// through `state_key`; `None` for a word the table does not have.
pub fn lookup_state<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let key = state_key(word);
    table.iter().find(|(spelling, _)| state_key(spelling) == key).map(|(_, v)| *v)
}

/// Parses a number the provider sent as text ("512", "4096 MB").
pub fn leading_number(s: &str) -> Option<u32> {
    let digits: String = s.trim().chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

pub fn decode<T: DeserializeOwned>(provider: &str, resp: &Response) -> Result<T> {
    serde_json::from_slice(&resp.body).map_err(|e| {
        Error::provider(format!(
            "{provider} sent a response vpsdesk cannot read ({e}); the API may have changed or the answer was cut off"
        ))
    })
}

/// The first line of a provider's error text, trimmed to something that fits
/// in a message; HTML error pages are summarized rather than dumped.
pub fn body_excerpt(resp: &Response) -> String {
    let text = resp.text();
    let t = text.trim();
    if t.starts_with('<') {
        return String::new();
    }
    let line = t.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(300).collect();
    if line.chars().count() > 300 {
        out.push('…');
    }
    out
}

/// Meaning of a status code that is the same for every provider; `None`
/// leaves it to the provider.
pub fn generic_status_error(provider: &str, resp: &Response) -> Option<Error> {
    let excerpt = body_excerpt(resp);
    let said = if excerpt.is_empty() { String::new() } else { format!(": {excerpt}") };
    let e = match resp.status {
        429 => Error::new(
            ErrorKind::RateLimited,
            match retry_after_secs(resp) {
                Some(s) => format!("{provider} rate limit reached; try again in {s} s"),
                None => format!("{provider} rate limit reached; wait a moment and try again"),
            },
        ),
        500 => Error::provider(format!("{provider} had an internal error (HTTP 500){said}; try again later")),
        502..=504 => Error::new(
            ErrorKind::Unreachable,
            match retry_after_secs(resp) {
                Some(s) => format!("{provider} is temporarily unavailable (HTTP {}); try again in {s} s", resp.status),
                None => format!("{provider} is temporarily unavailable (HTTP {}); try again later", resp.status),
            },
        ),
        s if s >= 500 => Error::provider(format!("{provider} failed with HTTP {s}{said}; try again later")),
        _ => return None,
    };
    Some(e)
}

/// The request every provider client makes: send through its `ApiClient`,
/// turn a refusal into the provider's documented error, never let the secret
/// into that error, and decode JSON answers. A client says only what differs
/// by provider: its name, its API, and what a refusal means.
#[async_trait::async_trait]
pub(crate) trait ProviderApi: Sync {
    /// What a refusal's meaning depends on besides the status (the server
    /// the call was about, the kind of operation); `()` where the status
    /// alone decides.
    type Call<'a>: Copy + Send
    where
        Self: 'a;

    /// The provider's name as messages say it.
    const NAME: &'static str;

    fn api(&self) -> &ApiClient;

    /// What a non-2xx answer means, in the provider's documented words.
    fn refusal(&self, resp: &Response, call: Self::Call<'_>) -> Error;

    /// A refusal as the provider's error, with the secret redacted from its
    /// message and field messages (a provider may echo what it was sent).
    fn status_error(&self, resp: &Response, call: Self::Call<'_>) -> Error {
        let e = self.refusal(resp, call);
        let api = self.api();
        Error {
            message: api.redact(&e.message),
            fields: e.fields.into_iter().map(|f| FieldError { message: api.redact(&f.message), ..f }).collect(),
            ..e
        }
    }

    /// The answer of a 2xx response; any other status as `status_error`.
    async fn call(&self, req: Request, call: Self::Call<'_>) -> Result<Response> {
        let resp = self.api().send(req).await?;
        if resp.is_success() {
            Ok(resp)
        } else {
            Err(self.status_error(&resp, call))
        }
    }

    /// `call`, with the answer decoded from JSON.
    async fn read<T: DeserializeOwned + Send>(&self, req: Request, call: Self::Call<'_>) -> Result<T> {
        decode(Self::NAME, &self.call(req, call).await?)
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderMap;
    use serde_json::json;

    use super::ProviderApi;
    use crate::error::{Error, ErrorKind, FieldError};
    use crate::http::{ApiClient, Auth, Http, Response};
    use crate::secret::Secret;

    /// A provider that repeats its refusal's text in the message and in a
    /// field, as an API that echoes the request might.
    struct Echo {
        api: ApiClient,
    }

    impl ProviderApi for Echo {
        type Call<'a> = ();

        const NAME: &'static str = "Echo";

        fn api(&self) -> &ApiClient {
            &self.api
        }

        fn refusal(&self, resp: &Response, _: ()) -> Error {
            let said = resp.text();
            let mut e = Error::validation(format!("Echo refused the request: {said}"));
            e.fields = vec![FieldError { field: "name".into(), message: said }];
            e
        }
    }

    #[test]
    fn a_refusal_keeps_the_providers_meaning_and_loses_the_secret_in_message_and_fields() {
        let secret = "tok-7f3a9c51e2";
        let auth = Auth::Bearer { scheme: "Bearer", secret: Secret::new(secret) };
        let echo = Echo { api: ApiClient::new(Http::default(), "http://127.0.0.1:9", auth).unwrap() };
        let resp =
            Response { status: 400, headers: HeaderMap::new(), body: format!("bad token {secret}").into_bytes() };
        let e = echo.status_error(&resp, ());
        assert_eq!(e.kind, ErrorKind::Validation);
        assert!(e.message.starts_with("Echo refused the request: bad token"), "{}", e.message);
        assert!(!e.message.contains(secret) && !e.fields[0].message.contains(secret), "{e:?}");
        assert_eq!(e.fields[0].field, "name");
    }

    #[test]
    fn detail_rows_follow_the_doc_then_the_fields_it_does_not_name_by_name_never_the_hidden() {
        let raw = json!({"zeta": 1, "status": "active", "password": "s3cret", "alpha": 2, "id": 7, "name": "web"});
        let fields = super::detail_fields(raw.as_object().unwrap(), &["id", "name", "status"], &["password"]);
        let labels: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(labels, ["id", "name", "status", "alpha", "zeta"]);
    }
}
