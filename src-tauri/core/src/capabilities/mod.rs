//! What a provider can do, in one vocabulary: every operation or group of
//! operations vpsdesk offers has one dotted name (`servers.reboot`,
//! `network.reverse_set`, `billing.invoices`, `tickets`, `dns`). Each
//! provider declares its set once (`providers/<p>/capabilities.rs`), from
//! the account alone: no client, no secret, no request. The service refuses an
//! undeclared operation before sending anything, and the UI shows a tab,
//! section or page only when the account's `capabilities` list it.

pub mod account;
pub mod billing;
pub mod dns;
pub mod server;
pub mod tickets;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::accounts::Account;
use crate::error::Error;
use crate::model::ProviderKind;

/// Declares `Capability` from one table: the variant, its dotted name (as
/// serialized and shown), what it lets people do (for "cannot …" messages)
/// and the API that serves it. `ALL`, `what` and `api` derive from it, so a
/// capability cannot be added without all three.
macro_rules! vocabulary {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:tt, $what:tt, $api:expr;)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
        pub enum Capability {
            $($(#[doc = $doc])* #[serde(rename = $name)] $variant,)+
        }

        impl Capability {
            pub const ALL: [Capability; [$($name),+].len()] = [$(Capability::$variant),+];

            /// For "cannot …" messages.
            pub fn what(self) -> &'static str {
                match self {
                    $(Capability::$variant => $what,)+
                }
            }

            /// The API that serves it.
            pub fn api(self) -> Api {
                match self {
                    $(Capability::$variant => $api,)+
                }
            }
        }
    };
}

vocabulary! {
    Start = "servers.start", "start servers", Api::Compute;
    Stop = "servers.stop", "stop servers", Api::Compute;
    ForceStop = "servers.force_stop", "force servers off", Api::Compute;
    Reboot = "servers.reboot", "reboot servers", Api::Compute;
    Create = "servers.create", "create servers", Api::Compute;
    CreateHostname = "servers.create.hostname", "set a host name when creating a server", Api::Compute;
    CreateBackups = "servers.create.backups", "turn on automatic backups when creating a server", Api::Compute;
    CreateIpv6 = "servers.create.ipv6", "give a new server IPv6", Api::Compute;
    CreatePrivateNetwork = "servers.create.private_network", "give a new server private networking", Api::Compute;
    /// Boot a new server from one of the account's ISOs.
    CreateFromIso = "servers.create.iso", "boot a new server from an ISO", Api::Compute;
    /// Boot a new server by chain-loading an iPXE script from a URL.
    CreateFromIpxe = "servers.create.ipxe", "chain-load a new server over iPXE", Api::Compute;
    /// Install a new server from one of the account's snapshots.
    CreateFromSnapshot = "servers.create.snapshot", "create a server from a snapshot", Api::Compute;
    /// Buy control-panel or add-on licences with a new server (billed).
    CreateLicences = "servers.create.licences", "buy licences when creating a server", Api::Compute;
    /// A ready-made server from a country alone (VPS.NET's instant create).
    CreateInstant = "servers.create.instant", "create instant servers", Api::Compute;
    Rename = "servers.rename", "rename servers", Api::Compute;
    Delete = "servers.delete", "delete servers", Api::Compute;
    /// Delete works on a running server (otherwise stop it first).
    DeleteRunning = "servers.delete_running", "delete running servers", Api::Compute;
    /// Copy a server (and its drives) under a new name.
    ServerClone = "servers.clone", "clone servers", Api::Extension(ProviderKind::Cloudsigma);
    /// Start, stop or destroy several servers in one request.
    BulkPower = "servers.bulk", "start, stop or destroy several servers at once", Api::Extension(ProviderKind::Cloudsigma);
    /// Change CPU, memory, processors, drives, boot device, network cards and VNC in one call.
    ServerSet = "servers.set", "change a server's CPU, memory, drives, network and VNC settings", Api::Extension(ProviderKind::Cloudsigma);

    /// List, create from a server, delete, restore onto a server.
    Snapshots = "snapshots", "manage snapshots", Api::Extension(ProviderKind::Vultr);
    BackupList = "backups.list", "list backups", Api::Backups;
    /// Take a backup now.
    BackupCreate = "backups.create", "take backups", Api::Backups;
    BackupRestore = "backups.restore", "restore backups", Api::Backups;
    BackupDelete = "backups.delete", "delete backups", Api::Backups;
    /// Turn a backup into a custom template.
    BackupConvert = "backups.convert", "turn backups into templates", Api::Extension(ProviderKind::Vpsnet);
    Reinstall = "os.reinstall", "reinstall servers", Api::OsInstall;
    /// Change the operating system, from the list the provider allows.
    OsChange = "os.change", "change a server's operating system", Api::OsInstall;
    Isos = "os.isos", "list ISOs", Api::OsInstall;
    /// The server's IPv4 and IPv6 addresses.
    Ips = "network.ips", "list a server's IP addresses", Api::Network;
    Ipv4Add = "network.ipv4_add", "add IPv4 addresses", Api::Network;
    Ipv4Remove = "network.ipv4_remove", "remove IPv4 addresses", Api::Network;
    /// Not a call but how the two above behave: adding an IPv4 address
    /// reboots the server unless told not to, and removing one hard-restarts
    /// it (Vultr). Without it, address changes leave the server running.
    Ipv4Restarts = "network.ipv4_restarts", "restart a server to configure a changed IPv4 address", Api::Network;
    ReverseSet = "network.reverse_set", "set reverse DNS", Api::Network;
    /// Put an IPv4 address's reverse DNS back to the provider's default.
    ReverseReset = "network.reverse_reset", "reset reverse DNS to the default", Api::Network;
    /// Remove an IPv6 address's reverse DNS entry.
    ReverseDelete = "network.reverse_delete", "delete reverse DNS entries", Api::Network;
    /// The IPv6 reverse DNS entries (IPv4 ones come with the addresses).
    ReverseList = "network.reverse_list", "list IPv6 reverse DNS entries", Api::Network;
    UsageGraphs = "usage.graphs", "show usage graphs", Api::Usage;
    /// Usage graphs over a span the person chooses (`from`/`to`).
    UsageRange = "usage.range", "show usage over a chosen time range", Api::Usage;
    Console = "console", "open a console", Api::Console;
    /// Boot into the provider's recovery system.
    RecoveryBoot = "maintenance.recovery", "boot a server into recovery mode", Api::Extension(ProviderKind::Vpsnet);
    RebuildNetwork = "maintenance.rebuild_network", "rebuild a server's network configuration", Api::Extension(ProviderKind::Vpsnet);
    /// Build a server whose build did not finish.
    RebuildPending = "maintenance.rebuild_pending", "rebuild a pending server", Api::Extension(ProviderKind::Vpsnet);
    /// List, start and delete clones of a server.
    Clones = "clones", "clone servers", Api::Extension(ProviderKind::Vpsnet);
    /// Replace a server's name, host name and automatic-backups flag at once.
    Settings = "server.settings", "change a server's host name and backup settings", Api::Extension(ProviderKind::Vpsorg);
    /// A server's node allocations, backups, consumer and label (VPS.NET's edit).
    ServerResources = "server.resources", "change a server's nodes and backup options", Api::Extension(ProviderKind::Vpsnet);
    /// Grow the disk to the storage the server's nodes give (downtime).
    UpgradeStorage = "server.upgrade_storage", "upgrade a server's storage", Api::Extension(ProviderKind::Vpsnet);
    /// Move a managed-support service to another server.
    ManagedTransfer = "server.managed_transfer", "transfer a managed service", Api::Extension(ProviderKind::Vpsnet);
    /// A server's control-panel licences: list, buy, cancel.
    ServerLicences = "server.licences", "manage a server's control-panel licences", Api::Extension(ProviderKind::Vpsnet);

    SshKeys = "account.ssh_keys", "manage SSH keys", Api::Extension(ProviderKind::Vultr);
    Scripts = "account.scripts", "manage startup scripts", Api::Extension(ProviderKind::Vultr);
    /// List and delete custom templates.
    CustomTemplates = "account.custom_templates", "manage custom templates", Api::Extension(ProviderKind::Vpsnet);
    /// Change a custom template's description and notes.
    CustomTemplateEdit = "account.custom_template_edit", "edit custom templates", Api::Extension(ProviderKind::Vpsnet);
    /// Every template offered, per cloud, with its price.
    OfferedTemplates = "account.templates", "list the templates it offers", Api::Extension(ProviderKind::Vpsnet);
    /// Chargeable templates: list the bought ones, buy one.
    TemplateLicenses = "account.template_licenses", "buy chargeable templates", Api::Extension(ProviderKind::Vpsnet);
    /// List recently deleted servers and recover one.
    Recoverable = "account.recoverable", "recover deleted servers", Api::Extension(ProviderKind::Vpsnet);
    /// List, buy and remove nodes.
    Nodes = "account.nodes", "manage nodes", Api::Extension(ProviderKind::Vpsnet);
    /// Set the consumer id of a node.
    NodeConsumer = "account.node_consumer", "set a node's consumer id", Api::Extension(ProviderKind::Vpsnet);
    /// List, create, clone, destroy drives; the standard CDs and images.
    Drives = "account.drives", "manage drives", Api::Extension(ProviderKind::Cloudsigma);
    /// Upload and download of drive contents.
    DriveTransfer = "drives.transfer", "upload or download drive contents", Api::Extension(ProviderKind::Cloudsigma);
    Vlans = "account.vlans", "manage VLANs", Api::Extension(ProviderKind::Cloudsigma);
    StaticIps = "account.static_ips", "manage static IP addresses", Api::Extension(ProviderKind::Cloudsigma);
    ServerGroups = "account.server_groups", "manage server groups", Api::Extension(ProviderKind::Cloudsigma);
    Profile = "account.profile", "show or change the account profile", Api::Profile;
    /// Every address of the account, with notes and consumer ids to edit.
    AccountIps = "account.ips", "list and annotate the account's IP addresses", Api::Extension(ProviderKind::Vpsnet);
    /// Move an address to another server of the same cloud.
    IpReassign = "account.ip_reassign", "move IP addresses between servers", Api::Extension(ProviderKind::Vpsnet);
    /// List and request justified addresses.
    JustifiedIps = "account.justified_ips", "request justified IP addresses", Api::Extension(ProviderKind::Vpsnet);
    /// The cloud groups the provider offers, read only.
    CloudGroups = "account.cloud_groups", "list cloud groups", Api::Extension(ProviderKind::Vpsnet);

    BillingBalance = "billing.balance", "show the balance", Api::Billing;
    BillingInvoices = "billing.invoices", "list invoices", Api::Billing;
    BillingInvoicePdf = "billing.invoice_pdf", "download invoice PDFs", Api::Billing;
    BillingTransactions = "billing.transactions", "list transactions", Api::Billing;
    BillingUsage = "billing.usage", "show usage figures", Api::Billing;
    BillingPricing = "billing.pricing", "show the price list", Api::Billing;
    BillingCurrencies = "billing.currencies", "list currencies", Api::Billing;
    BillingSubscriptions = "billing.subscriptions", "manage subscriptions", Api::Billing;

    /// Support tickets: list, read, open, reply, close.
    Tickets = "tickets", "show or open support tickets", Api::Tickets;
    /// DNS zones, records and templates.
    Dns = "dns", "manage DNS zones", Api::Dns;
}

/// Where a capability is reached: `Compute` itself for the server operations
/// every client has, a shared accessor on [`crate::provider::Compute`], or
/// one provider's extensions (`providers/<p>/ext/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Api {
    Compute,
    Billing,
    Tickets,
    Dns,
    Backups,
    OsInstall,
    Network,
    Usage,
    Console,
    Profile,
    Extension(ProviderKind),
}

impl Api {
    /// Whether the client has this API: what a declared capability needs to
    /// be reachable.
    pub fn present(self, c: &dyn crate::provider::Compute, kind: ProviderKind) -> bool {
        match self {
            Api::Compute => true,
            Api::Billing => c.billing().is_some(),
            Api::Tickets => c.tickets().is_some(),
            Api::Dns => c.dns().is_some(),
            Api::Backups => c.backups().is_some(),
            Api::OsInstall => c.os_install().is_some(),
            Api::Network => c.network().is_some(),
            Api::Usage => c.usage().is_some(),
            Api::Console => c.console().is_some(),
            Api::Profile => c.profile().is_some(),
            Api::Extension(of) => of == kind,
        }
    }
}

impl Capability {
    /// The dotted name, as serialized.
    pub fn name(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }
}

/// One account's capabilities, in the vocabulary's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CapabilitySet(BTreeSet<Capability>);

impl CapabilitySet {
    pub fn contains(&self, c: Capability) -> bool {
        self.0.contains(&c)
    }

    pub fn iter(&self) -> impl Iterator<Item = Capability> + '_ {
        self.0.iter().copied()
    }

    pub fn to_vec(&self) -> Vec<Capability> {
        self.iter().collect()
    }

    /// This set and `more`.
    pub fn with<const N: usize>(mut self, more: [Capability; N]) -> Self {
        self.0.extend(more);
        self
    }
}

/// Every call of a server's life, for the providers whose API has them all.
pub const FULL_LIFECYCLE: [Capability; 8] = [
    Capability::Start,
    Capability::Stop,
    Capability::ForceStop,
    Capability::Reboot,
    Capability::Create,
    Capability::Rename,
    Capability::Delete,
    Capability::DeleteRunning,
];

impl<const N: usize> From<[Capability; N]> for CapabilitySet {
    fn from(list: [Capability; N]) -> Self {
        CapabilitySet(list.into_iter().collect())
    }
}

impl FromIterator<Capability> for CapabilitySet {
    fn from_iter<I: IntoIterator<Item = Capability>>(iter: I) -> Self {
        CapabilitySet(iter.into_iter().collect())
    }
}

/// What the account's provider offers, from the account alone.
pub fn of(account: &Account) -> CapabilitySet {
    (account.provider.descriptor().capabilities)(account)
}

/// The error for an operation the provider's API does not have.
pub fn unsupported(provider_label: &str, capability: Capability) -> Error {
    Error::unsupported(format!(
        "{provider_label} cannot {} from vpsdesk: its API does not offer it; use the provider's control panel",
        capability.what()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn account(provider: ProviderKind) -> Account {
        Account { username: Some("someone@example.com".into()), ..Account::new(provider, provider.to_string()) }
    }

    #[test]
    fn capabilities_serialize_as_dotted_names() {
        assert_eq!(serde_json::to_value(Capability::ReverseReset).unwrap(), "network.reverse_reset");
        assert_eq!(serde_json::to_value(Capability::BillingInvoices).unwrap(), "billing.invoices");
        assert_eq!(serde_json::to_value(Capability::Tickets).unwrap(), "tickets");
        assert_eq!(serde_json::to_value(Capability::Start).unwrap(), "servers.start");
        let names: BTreeSet<String> = Capability::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), Capability::ALL.len(), "every capability has its own name");
        assert!(names
            .iter()
            .all(|n| !n.is_empty()
                && n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c))));
    }

    /// A declared capability whose API the client lacks would show a tab
    /// that fails on first use; an API the client has with none of its
    /// capabilities declared is a feature silently hidden.
    #[test]
    fn each_provider_declares_exactly_the_apis_its_client_has() {
        let apis: std::collections::HashSet<Api> = Capability::ALL.iter().map(|c| c.api()).collect();
        for provider in ProviderKind::ALL {
            let a = account(provider);
            let client = crate::providers::connect(&a, Secret::new("unused"), &crate::http::Http::default()).unwrap();
            let declared = of(&a);
            for api in &apis {
                let used = declared.iter().any(|c| c.api() == *api);
                assert_eq!(
                    used,
                    api.present(&*client, provider),
                    "{provider}: {api:?} is {} but {}",
                    if used { "declared" } else { "not declared" },
                    if api.present(&*client, provider) { "reachable" } else { "not reachable" }
                );
            }
        }
    }
}
