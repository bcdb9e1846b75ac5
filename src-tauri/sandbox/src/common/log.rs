use serde::{Deserialize, Serialize};

/// How many requests a simulator remembers. The app's demo runs for as long
/// as the app does, so an unbounded log would grow with every refresh.
pub const REQUEST_LOG_LIMIT: usize = 1_000;

/// One request as it reached a simulator, with secrets removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, with the value of `api_key` replaced by `REDACTED`.
    pub query: String,
}

impl LoggedRequest {
    pub(crate) fn new(method: &str, path: &str, query: Option<&str>) -> Self {
        LoggedRequest { method: method.to_owned(), path: path.to_owned(), query: query.map(redact).unwrap_or_default() }
    }
}

/// Keeps the query as sent, but compares keys decoded so `api%5Fkey` is caught too.
fn redact(query: &str) -> String {
    query
        .split('&')
        .map(|pair| {
            let key = pair.split_once('=').map_or(pair, |(key, _)| key);
            let is_secret = form_urlencoded::parse(key.as_bytes()).any(|(k, _)| k == "api_key");
            if is_secret {
                format!("{key}=REDACTED")
            } else {
                pair.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_only_the_key() {
        assert_eq!(redact("api_key=SECRET&SUBID=576965"), "api_key=REDACTED&SUBID=576965");
        assert_eq!(redact("SUBID=1&api%5Fkey=SECRET"), "SUBID=1&api%5Fkey=REDACTED");
        assert_eq!(redact("api_key"), "api_key=REDACTED");
        assert_eq!(redact("DCID=1"), "DCID=1");
    }

    #[test]
    fn missing_query_is_empty() {
        assert_eq!(LoggedRequest::new("GET", "/v1/os/list", None).query, "");
    }
}
