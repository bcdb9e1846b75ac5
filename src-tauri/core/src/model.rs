//! The provider-neutral model every provider maps into, and that the CLI and
//! the app show. Field names here are the JSON contract of CLI.md.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::providers::ProviderKind;

/// Normalized power/lifecycle state; the provider's own word stays in
/// `Server::provider_status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Running,
    Stopped,
    Starting,
    Stopping,
    Pending,
    Suspended,
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Running => "running",
            Status::Stopped => "stopped",
            Status::Starting => "starting",
            Status::Stopping => "stopping",
            Status::Pending => "pending",
            Status::Suspended => "suspended",
            Status::Unknown => "unknown",
        }
    }
}

/// One provider field shown in the detail panel, in the provider's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Detail {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Server {
    /// The account's name (CLI.md); `account_id` is its stable id.
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub id: String,
    pub name: String,
    pub status: Status,
    pub provider_status: String,
    pub ipv4: Vec<String>,
    pub ipv6: Vec<String>,
    pub region: String,
    pub plan: String,
    pub created_at: Option<Timestamp>,
    pub details: Vec<Detail>,
    /// Set only for a server that supports fewer operations than its account
    /// (a VPS.NET SSD VPS: power and delete): those of the account's
    /// capabilities that apply to it. Absent: all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capabilities: Option<Vec<Capability>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub vcpus: Option<u32>,
    pub memory_mb: Option<u32>,
    pub disk_gb: Option<u32>,
    pub bandwidth_tb: Option<String>,
    /// Exact decimal as text, in the provider's currency.
    pub price_monthly: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Image {
    pub id: String,
    pub name: String,
    pub family: Option<String>,
    pub arch: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub continent: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CreateServer {
    pub name: String,
    pub plan: Option<String>,
    pub image: Option<String>,
    pub region: Option<String>,
    pub cpu_mhz: Option<u32>,
    pub mem_mb: Option<u32>,
    /// Ids of stored SSH keys to install (Vultr's `ext::ssh_keys`); providers
    /// without stored keys ignore them.
    #[serde(default)]
    pub ssh_keys: Vec<String>,
    /// Id of a stored startup script to run (Vultr's `ext::scripts`); providers
    /// without stored scripts ignore it.
    pub script: Option<String>,
    /// The server's fully qualified host name (`servers.create.hostname`).
    pub hostname: Option<String>,
    /// The provider's automatic backups, which may cost extra
    /// (`servers.create.backups`).
    #[serde(default)]
    pub auto_backups: bool,
    /// An IPv6 subnet where the region has one (`servers.create.ipv6`).
    #[serde(default)]
    pub ipv6: bool,
    /// Private networking (`servers.create.private_network`).
    #[serde(default)]
    pub private_network: bool,
    /// Id of one of the account's ISOs to boot from, in place of an
    /// installed system (`servers.create.iso`).
    pub iso: Option<String>,
    /// Id of one of the account's snapshots to install
    /// (`servers.create.snapshot`).
    pub snapshot: Option<String>,
    /// An http(s) URL of an iPXE script the new server chain-loads when it
    /// boots, in place of an installed system (`servers.create.ipxe`).
    pub ipxe_url: Option<String>,
    /// Licence ids to buy with the server (`servers.create.licences`),
    /// billed until cancelled: refused unless `confirm_charges`.
    #[serde(default)]
    pub licences: Vec<String>,
    /// The person confirmed what the request buys beyond the server itself.
    #[serde(default)]
    pub confirm_charges: bool,
    /// An instant server in this country (`servers.create.instant`): the
    /// provider picks plan, image and region, so those are left out.
    pub instant_country: Option<String>,
}

/// `servers list --status S --location L --search T`, one meaning for every
/// provider: the status is vpsdesk's word (running, stopped, …) or the
/// provider's own (VPS.org's active, halted, suspended); the location is the
/// server's region as the list shows it; the search is part of the name, id
/// or an address, as the app's search box takes it. A provider whose list
/// filters on its side (VPS.org's status and location) is sent the filter
/// too, and its answer is checked by the same rule; VPS.NET's search also
/// matches what vpsdesk cannot see (domain names, tags), so its answer to a
/// search is taken as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerFilter {
    pub status: Option<String>,
    pub location: Option<String>,
    pub search: Option<String>,
}

impl ServerFilter {
    pub fn keeps(&self, server: &Server) -> bool {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        self.status.as_deref().is_none_or(|s| same(server.status.as_str(), s) || same(&server.provider_status, s))
            && self.location.as_deref().is_none_or(|l| same(&server.region, l))
            && self.search_term().map(str::to_lowercase).is_none_or(|t| {
                let has = |v: &str| v.to_lowercase().contains(&t);
                has(&server.name) || has(&server.id) || server.ipv4.iter().chain(&server.ipv6).any(|ip| has(ip))
            })
    }

    /// The search as it is sent: trimmed, none when blank.
    pub fn search_term(&self) -> Option<&str> {
        chosen(&self.search).map(str::trim)
    }
}

/// A form's optional text: `None` when left out or blank.
pub fn chosen(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.trim().is_empty())
}

impl CreateServer {
    /// Each creation option with the capability it needs, its form field
    /// and whether this request asks for it: `AppService::create` refuses,
    /// under that field, an option the account does not declare.
    pub fn options(&self) -> [(Capability, &'static str, bool); 9] {
        let given = |v: &Option<String>| chosen(v).is_some();
        [
            (Capability::CreateHostname, "hostname", given(&self.hostname)),
            (Capability::CreateBackups, "auto_backups", self.auto_backups),
            (Capability::CreateIpv6, "ipv6", self.ipv6),
            (Capability::CreatePrivateNetwork, "private_network", self.private_network),
            (Capability::CreateFromIso, "iso", given(&self.iso)),
            (Capability::CreateFromSnapshot, "snapshot", given(&self.snapshot)),
            (Capability::CreateFromIpxe, "ipxe_url", given(&self.ipxe_url)),
            (Capability::CreateLicences, "licences", !self.licences.is_empty()),
            (Capability::CreateInstant, "instant_country", given(&self.instant_country)),
        ]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PowerAction {
    Start,
    Stop,
    ForceStop,
    Reboot,
}

pub use crate::capabilities::Capability;

/// A failed account in a fan-out: the other accounts' results still count.
#[derive(Clone, Debug, Serialize, TS)]
pub struct AccountError {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub error: crate::error::Error,
}

#[derive(Clone, Debug, Default, Serialize, TS)]
pub struct Inventory {
    pub servers: Vec<Server>,
    pub errors: Vec<AccountError>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
            capabilities: None,
        }
    }

    #[test]
    fn a_filter_takes_either_status_word_and_the_region() {
        let s = server(Status::Running, "active", "us-west");
        let f = |status: Option<&str>, location: Option<&str>| ServerFilter {
            status: status.map(str::to_string),
            location: location.map(str::to_string),
            search: None,
        };
        assert!(f(None, None).keeps(&s));
        assert!(f(Some("running"), Some("US-West")).keeps(&s));
        assert!(f(Some("active"), None).keeps(&s));
        assert!(!f(Some("halted"), None).keeps(&s));
        assert!(!f(None, Some("us-east")).keeps(&s));
    }

    #[test]
    fn a_search_takes_part_of_the_name_id_or_an_address() {
        let mut s = server(Status::Running, "active", "us-west");
        s.ipv4 = vec!["203.0.113.7".into()];
        let f = |t: &str| ServerFilter { search: Some(t.into()), ..ServerFilter::default() };
        assert!(f(" WE").keeps(&s) && f("113.7").keeps(&s) && f("1").keeps(&s) && f("  ").keeps(&s));
        assert!(!f("mail").keeps(&s));
    }
}
