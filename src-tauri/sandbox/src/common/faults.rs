use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

/// Switches that make a simulator misbehave, so clients' timeouts, retries and
/// error paths can be exercised. Missing JSON fields take their default.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Added to every response, on top of `Options::latency_ms`.
    pub latency_ms: u64,
    /// Probability (0.0..=1.0) of answering a request with a 500.
    pub failure_rate: f64,
    /// Answer every provider request with this status (an invalid code gives 500) ...
    pub fail_status: Option<u16>,
    /// ... but only for the next N requests (`None` = until cleared).
    pub fail_count: Option<u32>,
    /// Seconds, sent as `Retry-After` along with `fail_status`.
    pub retry_after: Option<u64>,
    /// Accept requests but never answer them.
    pub hang: bool,
    /// Answer 200 with an HTML maintenance page instead of the API's format,
    /// as a misconfigured proxy would.
    pub malformed: bool,
    /// Break the connection halfway through the body of the next N
    /// successful answers that have one (a download cut off mid-file).
    pub cut_body: Option<u32>,
    /// Close the connection as soon as a request arrives, without a byte of
    /// answer (a crashed backend, a reset by a middlebox).
    pub reset: bool,
    /// Give the answers forced by `fail_status` an HTML error page as their
    /// body, as a proxy in front of the API does (nginx's "502 Bad Gateway").
    pub html_error: bool,
    /// Send a successful answer's headers at once, then its body one byte
    /// every N milliseconds: slower than a client's timeout allows.
    pub drip_ms: Option<u64>,
}

impl Faults {
    /// Whether to cut this answer's body, using up one of `cut_body`.
    pub(crate) fn take_cut(&mut self) -> bool {
        match &mut self.cut_body {
            Some(left) if *left > 0 => {
                *left -= 1;
                true
            }
            _ => false,
        }
    }
}

/// What the faults decide for one request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Hang,
    Reset,
    Fail { status: StatusCode, retry_after: Option<u64>, html: bool },
    Malformed,
    Proceed,
}

impl Faults {
    /// Decides one request's fate; a forced failure uses up one of `fail_count`.
    pub(crate) fn judge(&mut self) -> Verdict {
        if self.hang {
            return Verdict::Hang;
        }
        if self.reset {
            return Verdict::Reset;
        }
        if let Some(code) = self.fail_status {
            let forced = match &mut self.fail_count {
                None => true,
                Some(0) => false,
                Some(left) => {
                    *left -= 1;
                    true
                }
            };
            if forced {
                let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                return Verdict::Fail { status, retry_after: self.retry_after, html: self.html_error };
            }
        }
        if self.malformed {
            return Verdict::Malformed;
        }
        if self.failure_rate > 0.0 && rand::random_bool(self.failure_rate.min(1.0)) {
            return Verdict::Fail { status: StatusCode::INTERNAL_SERVER_ERROR, retry_after: None, html: false };
        }
        Verdict::Proceed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_faults_proceed() {
        assert_eq!(Faults::default().judge(), Verdict::Proceed);
    }

    #[test]
    fn fail_count_runs_out() {
        let mut f = Faults { fail_status: Some(503), fail_count: Some(2), retry_after: Some(2), ..Faults::default() };
        let fail = Verdict::Fail { status: StatusCode::SERVICE_UNAVAILABLE, retry_after: Some(2), html: false };
        assert_eq!(f.judge(), fail);
        assert_eq!(f.judge(), fail);
        assert_eq!(f.judge(), Verdict::Proceed);
        assert_eq!(f.judge(), Verdict::Proceed);
    }

    #[test]
    fn fail_status_without_count_lasts() {
        let mut f = Faults { fail_status: Some(429), ..Faults::default() };
        for _ in 0..10 {
            assert!(matches!(f.judge(), Verdict::Fail { status: StatusCode::TOO_MANY_REQUESTS, .. }));
        }
    }

    #[test]
    fn certain_failure_rate_always_fails() {
        let mut f = Faults { failure_rate: 1.0, ..Faults::default() };
        for _ in 0..10 {
            assert!(matches!(f.judge(), Verdict::Fail { status: StatusCode::INTERNAL_SERVER_ERROR, .. }));
        }
    }

    #[test]
    fn hang_wins() {
        let mut f = Faults { hang: true, fail_status: Some(503), ..Faults::default() };
        assert_eq!(f.judge(), Verdict::Hang);
    }

    #[test]
    fn reset_comes_before_forced_statuses() {
        let mut f = Faults { reset: true, fail_status: Some(502), ..Faults::default() };
        assert_eq!(f.judge(), Verdict::Reset);
    }

    #[test]
    fn html_error_rides_on_the_forced_status() {
        let mut f = Faults { fail_status: Some(502), html_error: true, ..Faults::default() };
        assert_eq!(f.judge(), Verdict::Fail { status: StatusCode::BAD_GATEWAY, retry_after: None, html: true });
    }

    #[test]
    fn partial_json_takes_defaults() {
        let f: Faults = serde_json::from_str(r#"{"fail_status":503}"#).unwrap();
        assert_eq!(f.fail_status, Some(503));
        assert_eq!(f.fail_count, None);
        assert!(!f.hang);
    }
}
