//! One folder per provider, each exporting a `DESCRIPTOR`; `registry!` below
//! lists them once, and every list of providers (the `ProviderKind` enum, the
//! add-account metadata, the CLI's `--provider` values, the UI's labels, the
//! sandbox's simulators) derives from it.

pub mod common;

/// The doc's example body `name` of `provider`, verbatim from
/// `tests/fixtures/<provider>/`, for the providers' unit tests.
#[cfg(test)]
macro_rules! doc_body {
    ($provider:literal, $name:expr) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/", $provider, "/", $name))
    };
}

/// The doc's example JSON body `<name>.json` of `provider`, parsed.
#[cfg(test)]
macro_rules! doc_json {
    ($provider:literal, $name:literal) => {
        serde_json::from_str::<serde_json::Value>(doc_body!($provider, concat!($name, ".json")))
            .expect(concat!($name, " is valid JSON"))
    };
}

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::accounts::{validate_endpoint, Account};
use crate::capabilities::tickets::TicketForm;
use crate::capabilities::CapabilitySet;
use crate::error::{Error, Result};
use crate::http::Http;
use crate::provider::Compute;
use crate::secret::Secret;
use crate::time::Timestamp;

/// Declares the provider modules, `ProviderKind` and `REGISTRY` from one line
/// per provider: the variant (serialized lowercase, which is the provider's
/// id) and the folder, whose name is that id.
macro_rules! registry {
    ($($kind:ident => $module:ident),+ $(,)?) => {
        $(pub mod $module;)+

        /// Which provider an account is at.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "lowercase")]
        pub enum ProviderKind {
            $($kind),+
        }

        impl ProviderKind {
            /// In the order the UI and the CLI list them.
            pub const ALL: [ProviderKind; [$(stringify!($kind)),+].len()] = [$(ProviderKind::$kind),+];

            pub fn id(self) -> &'static str {
                match self {
                    $(ProviderKind::$kind => stringify!($module)),+
                }
            }

            pub fn descriptor(self) -> &'static ProviderDescriptor {
                match self {
                    $(ProviderKind::$kind => &$module::DESCRIPTOR),+
                }
            }
        }

        /// Every provider this build can talk to, in `ProviderKind::ALL` order.
        pub static REGISTRY: [&ProviderDescriptor; ProviderKind::ALL.len()] = [$(&$module::DESCRIPTOR),+];
    };
}

// Adding a provider: its folder here, its simulator in the sandbox, and one
// line below (docs/architecture.md, "Add a provider").
registry! {
    Vultr => vultr,
    Vpsnet => vpsnet,
    Vps247 => vps247,
    Cloudsigma => cloudsigma,
    Vpsorg => vpsorg,
}

impl ProviderKind {
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == s.trim().to_ascii_lowercase())
    }
}

impl std::fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// Builds a provider's client for an account whose endpoint is resolved.
pub type Connect = fn(account: &Account, origin: &str, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>>;

/// The endpoint for an account's region.
pub type RegionalEndpoint = fn(region: Option<&str>) -> Result<String>;

/// Everything vpsdesk knows about a provider outside its client.
pub struct ProviderDescriptor {
    pub kind: ProviderKind,
    pub label: &'static str,
    /// The API the client speaks, as the provider names it ("v1", "1.0").
    pub api_version: &'static str,
    /// `Some(label)` when the provider needs a user name besides the secret.
    pub username_label: Option<&'static str>,
    pub secret_label: &'static str,
    pub default_endpoint: &'static str,
    /// Account-level regions that pick the endpoint (CloudSigma's zrh/lvs).
    pub regions: fn() -> Vec<ProviderRegion>,
    /// The endpoint for an account's region, where regions pick it.
    pub regional_endpoint: Option<RegionalEndpoint>,
    pub sizing: Sizing,
    /// Where a time the API sends without an offset is: the zone its doc
    /// names, else UTC (`time::Timestamp`).
    pub time_zone: chrono_tz::Tz,
    /// Where customers see their bills when the API does not tell.
    pub panel_url: &'static str,
    /// Where people open tickets: the customer panel or site.
    pub support_url: &'static str,
    /// Where to manage DNS, for a provider whose API has none.
    pub dns_note: Option<&'static str>,
    /// The departments and issue types its ticket form offers (empty
    /// without a ticket API).
    pub ticket_form: fn() -> TicketForm,
    /// What an account of this provider can do (`providers/<id>/capabilities.rs`).
    pub capabilities: fn(&Account) -> CapabilitySet,
    pub connect: Connect,
}

impl ProviderDescriptor {
    pub fn id(&self) -> &'static str {
        self.kind.id()
    }

    /// One of the provider's times, read in its zone; `None` when missing.
    pub fn time(&self, text: Option<&str>) -> Option<Timestamp> {
        Timestamp::read_opt(text, self.time_zone)
    }

    /// Why DNS is not available for an account of this provider.
    pub fn no_dns(&self) -> String {
        match self.dns_note {
            Some(note) => note.to_string(),
            None => format!("This {} client has no DNS support", self.label),
        }
    }

    /// Why there is no balance or invoices, for a provider whose API has
    /// neither.
    pub fn no_billing(&self) -> String {
        self.no_billing_of("balance or invoices")
    }

    /// Why `what` (a billing noun: "invoices", "price list") is missing.
    pub fn no_billing_of(&self, what: &str) -> String {
        format!(
            "{label}'s API has no {what}; see them in the {label} control panel at {}",
            self.panel_url,
            label = self.label
        )
    }

    /// Why tickets are not available for an account of this provider.
    pub fn no_tickets(&self) -> String {
        format!(
            "{label} has no support-ticket API, so vpsdesk cannot show or open its tickets; open them on {label}'s site: {}",
            self.support_url,
            label = self.label
        )
    }

    pub fn ticket_form(&self) -> TicketForm {
        (self.ticket_form)()
    }

    pub fn info(&self) -> ProviderInfo {
        ProviderInfo {
            id: self.kind,
            label: self.label.into(),
            username_label: self.username_label.map(str::to_string),
            secret_label: self.secret_label.into(),
            regions: (self.regions)(),
            default_endpoint: self.default_endpoint.into(),
            sizing: self.sizing,
            panel_url: self.panel_url.into(),
            support_url: self.support_url.into(),
            no_billing: self.no_billing(),
            no_tickets: self.no_tickets(),
            no_dns: self.no_dns(),
            ticket_form: self.ticket_form(),
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ProviderRegion {
    pub id: String,
    pub name: String,
}

/// How servers are sized at creation: by catalog plan, or freely by CPU/RAM.
#[derive(Clone, Copy, Debug, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Sizing {
    Plans,
    Free,
}

/// What the add-account form and `vpsctl accounts add` need to know.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ProviderInfo {
    pub id: ProviderKind,
    pub label: String,
    /// `Some(label)` when the provider needs a user name besides the secret.
    pub username_label: Option<String>,
    pub secret_label: String,
    /// Account-level regions that pick the endpoint (CloudSigma's zrh/lvs).
    pub regions: Vec<ProviderRegion>,
    pub default_endpoint: String,
    pub sizing: Sizing,
    /// Where customers see their bills in the provider's control panel.
    pub panel_url: String,
    /// Where people open tickets: the customer panel or site.
    pub support_url: String,
    /// Shown for an account without `billing.balance` and `billing.invoices`.
    pub no_billing: String,
    /// Shown for an account without `tickets`.
    pub no_tickets: String,
    /// Shown for an account without `dns`.
    pub no_dns: String,
    pub ticket_form: TicketForm,
}

/// Providers this build can talk to, in the order the UI lists them.
pub fn supported() -> Vec<ProviderInfo> {
    REGISTRY.iter().map(|d| d.info()).collect()
}

pub fn info(kind: ProviderKind) -> ProviderInfo {
    kind.descriptor().info()
}

/// The origin requests go to: the account's override or the provider default.
/// The override is checked again on every use, not only when it was added:
/// accounts.json can be edited by hand.
pub fn endpoint_of(account: &Account) -> Result<String> {
    match &account.endpoint {
        Some(e) => validate_endpoint(e).map_err(|bad| {
            Error::validation(format!(
                "account '{}': {}; fix it in accounts.json or re-add the account",
                account.name.escape_debug(),
                bad.message
            ))
        }),
        None => {
            let d = account.provider.descriptor();
            match d.regional_endpoint {
                Some(of_region) => of_region(account.region.as_deref()),
                None => Ok(d.default_endpoint.to_string()),
            }
        }
    }
}

pub fn connect(account: &Account, secret: Secret, http: &Http) -> Result<Arc<dyn Compute>> {
    let origin = endpoint_of(account)?;
    (account.provider.descriptor().connect)(account, &origin, secret, http)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn https(what: &str, d: &ProviderDescriptor, url: &str) {
        let parsed = url::Url::parse(url).unwrap_or_else(|e| panic!("{}: {what} {url:?}: {e}", d.id()));
        assert_eq!(parsed.scheme(), "https", "{}: {what} {url:?}", d.id());
        assert!(parsed.host_str().is_some_and(|h| h.contains('.')), "{}: {what} {url:?}", d.id());
    }

    #[test]
    fn every_registered_provider_has_a_full_descriptor() {
        assert_eq!(REGISTRY.len(), ProviderKind::ALL.len());
        for (d, kind) in REGISTRY.iter().zip(ProviderKind::ALL) {
            assert_eq!(d.kind, kind, "REGISTRY and ProviderKind::ALL are in the same order");
            assert!(std::ptr::eq(kind.descriptor(), *d), "{kind}: descriptor() is the registered one");
            assert_eq!(serde_json::to_value(kind).unwrap(), d.id(), "the JSON name is the id");
            assert_eq!(ProviderKind::parse(&d.id().to_uppercase()), Some(kind));
            assert!(d.id().chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{}", d.id());
            for (what, text) in [("label", d.label), ("api_version", d.api_version), ("secret_label", d.secret_label)] {
                assert!(!text.trim().is_empty(), "{}: empty {what}", d.id());
            }
            assert!(d.username_label.is_none_or(|l| !l.trim().is_empty()), "{}: empty username label", d.id());
            https("default_endpoint", d, d.default_endpoint);
            https("panel_url", d, d.panel_url);
            https("support_url", d, d.support_url);
            let regions = (d.regions)();
            assert_eq!(regions.is_empty(), d.regional_endpoint.is_none(), "{}: regions pick the endpoint", d.id());
            for r in &regions {
                let of_region = d.regional_endpoint.expect("checked above");
                https("regional endpoint", d, &of_region(Some(&r.id)).unwrap());
            }
            assert!(!d.no_dns().is_empty());
        }
        let mut labels: Vec<&str> = REGISTRY.iter().map(|d| d.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), REGISTRY.len(), "labels tell providers apart");
    }

    #[test]
    fn the_registry_keeps_what_the_providers_said_before() {
        let ids: Vec<&str> = ProviderKind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids, ["vultr", "vpsnet", "vps247", "cloudsigma", "vpsorg"]);
        let vultr = ProviderKind::Vultr.descriptor();
        assert_eq!(vultr.panel_url, "https://my.vultr.com/billing/");
        assert_eq!(vultr.support_url, "https://my.vultr.com/");
        assert!(vultr.no_dns().contains("https://my.vultr.com/dns/"));
        assert_eq!(ProviderKind::Vpsnet.descriptor().no_dns(), "This VPS.NET client has no DNS support");
        let sigma = info(ProviderKind::Cloudsigma);
        assert_eq!(sigma.default_endpoint, "https://api.zrh.cloudsigma.com");
        assert_eq!(sigma.regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["zrh", "lvs"]);
    }
}
