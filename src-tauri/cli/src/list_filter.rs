//! `vpsctl servers list --status S --location L`. One meaning for every
//! provider in a multi-account list: the status is vpsdesk's word
//! (running, stopped, …) or the provider's own (VPS.org's active, halted,
//! suspended); the location is the server's region as the list shows it. These
//! are the same matches VPS.org's list filters make on its side.

use vpsdesk_core::model::Server;

pub fn keep(server: &Server, status: Option<&str>, location: Option<&str>) -> bool {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    status.is_none_or(|s| same(server.status.as_str(), s) || same(&server.provider_status, s))
        && location.is_none_or(|l| same(&server.region, l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpsdesk_core::model::{ProviderKind, Status};

    fn server(status: Status, word: &str, region: &str) -> Server {
        Server {
            account: "a".into(),
            account_id: "1".into(),
            provider: ProviderKind::Vpsorg,
            id: "1".into(),
            name: "web".into(),
            status,
            provider_status: word.into(),
            ipv4: vec![],
            ipv6: vec![],
            region: region.into(),
            plan: String::new(),
            created_at: None,
            details: vec![],
        }
    }

    #[test]
    fn status_is_either_word_and_location_the_region() {
        let s = server(Status::Running, "active", "us-west");
        assert!(keep(&s, None, None));
        assert!(keep(&s, Some("running"), Some("US-West")));
        assert!(keep(&s, Some("active"), None));
        assert!(!keep(&s, Some("halted"), None));
        assert!(!keep(&s, None, Some("us-east")));
    }
}
