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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub enum Capability {
    #[serde(rename = "servers.start")]
    Start,
    #[serde(rename = "servers.stop")]
    Stop,
    #[serde(rename = "servers.force_stop")]
    ForceStop,
    #[serde(rename = "servers.reboot")]
    Reboot,
    #[serde(rename = "servers.create")]
    Create,
    #[serde(rename = "servers.rename")]
    Rename,
    #[serde(rename = "servers.delete")]
    Delete,
    /// Delete works on a running server (otherwise stop it first).
    #[serde(rename = "servers.delete_running")]
    DeleteRunning,
    /// Copy a server (and its drives) under a new name.
    #[serde(rename = "servers.clone")]
    ServerClone,
    /// Start, stop or destroy several servers in one request.
    #[serde(rename = "servers.bulk")]
    BulkPower,

    /// List, create from a server, delete, restore onto a server.
    #[serde(rename = "snapshots")]
    Snapshots,
    #[serde(rename = "backups.list")]
    BackupList,
    /// Take a backup now.
    #[serde(rename = "backups.create")]
    BackupCreate,
    #[serde(rename = "backups.restore")]
    BackupRestore,
    #[serde(rename = "backups.delete")]
    BackupDelete,
    /// Turn a backup into a custom template.
    #[serde(rename = "backups.convert")]
    BackupConvert,
    #[serde(rename = "os.reinstall")]
    Reinstall,
    /// Change the operating system, from the list the provider allows.
    #[serde(rename = "os.change")]
    OsChange,
    #[serde(rename = "os.isos")]
    Isos,
    /// The server's IPv4 and IPv6 addresses.
    #[serde(rename = "network.ips")]
    Ips,
    #[serde(rename = "network.ipv4_add")]
    Ipv4Add,
    #[serde(rename = "network.ipv4_remove")]
    Ipv4Remove,
    /// Not a call but how the two above behave: adding an IPv4 address
    /// reboots the server unless told not to, and removing one hard-restarts
    /// it (Vultr). Without it, address changes leave the server running.
    #[serde(rename = "network.ipv4_restarts")]
    Ipv4Restarts,
    #[serde(rename = "network.reverse_set")]
    ReverseSet,
    /// Put an IPv4 address's reverse DNS back to the provider's default.
    #[serde(rename = "network.reverse_reset")]
    ReverseReset,
    /// Remove an IPv6 address's reverse DNS entry.
    #[serde(rename = "network.reverse_delete")]
    ReverseDelete,
    /// The IPv6 reverse DNS entries (IPv4 ones come with the addresses).
    #[serde(rename = "network.reverse_list")]
    ReverseList,
    #[serde(rename = "usage.graphs")]
    UsageGraphs,
    #[serde(rename = "console")]
    Console,
    /// Boot into the provider's recovery system.
    #[serde(rename = "maintenance.recovery")]
    RecoveryBoot,
    #[serde(rename = "maintenance.rebuild_network")]
    RebuildNetwork,
    /// Build a server whose build did not finish.
    #[serde(rename = "maintenance.rebuild_pending")]
    RebuildPending,
    /// List, start and delete clones of a server.
    #[serde(rename = "clones")]
    Clones,
    /// Replace a server's name, host name and automatic-backups flag at once.
    #[serde(rename = "server.settings")]
    Settings,
    /// A server's node allocations, backups, consumer and label (VPS.NET's edit).
    #[serde(rename = "server.resources")]
    ServerResources,
    /// Grow the disk to the storage the server's nodes give (downtime).
    #[serde(rename = "server.upgrade_storage")]
    UpgradeStorage,
    /// Move a managed-support service to another server.
    #[serde(rename = "server.managed_transfer")]
    ManagedTransfer,
    /// A server's control-panel licences: list, buy, cancel.
    #[serde(rename = "server.licences")]
    ServerLicences,

    #[serde(rename = "account.ssh_keys")]
    SshKeys,
    #[serde(rename = "account.scripts")]
    Scripts,
    /// List and delete custom templates.
    #[serde(rename = "account.custom_templates")]
    CustomTemplates,
    /// Change a custom template's description and notes.
    #[serde(rename = "account.custom_template_edit")]
    CustomTemplateEdit,
    /// Every template offered, per cloud, with its price.
    #[serde(rename = "account.templates")]
    OfferedTemplates,
    /// Chargeable templates: list the bought ones, buy one.
    #[serde(rename = "account.template_licenses")]
    TemplateLicenses,
    /// List recently deleted servers and recover one.
    #[serde(rename = "account.recoverable")]
    Recoverable,
    /// List, buy and remove nodes.
    #[serde(rename = "account.nodes")]
    Nodes,
    /// Set the consumer id of a node.
    #[serde(rename = "account.node_consumer")]
    NodeConsumer,
    /// List, create, clone, destroy drives; the standard CDs and images.
    #[serde(rename = "account.drives")]
    Drives,
    /// Upload and download of drive contents.
    #[serde(rename = "drives.transfer")]
    DriveTransfer,
    #[serde(rename = "account.vlans")]
    Vlans,
    #[serde(rename = "account.static_ips")]
    StaticIps,
    #[serde(rename = "account.server_groups")]
    ServerGroups,
    #[serde(rename = "account.profile")]
    Profile,
    /// Every address of the account, with notes and consumer ids to edit.
    #[serde(rename = "account.ips")]
    AccountIps,
    /// Move an address to another server of the same cloud.
    #[serde(rename = "account.ip_reassign")]
    IpReassign,
    /// List and request justified addresses.
    #[serde(rename = "account.justified_ips")]
    JustifiedIps,
    /// The cloud groups the provider offers, read only.
    #[serde(rename = "account.cloud_groups")]
    CloudGroups,

    #[serde(rename = "billing.balance")]
    BillingBalance,
    #[serde(rename = "billing.invoices")]
    BillingInvoices,
    #[serde(rename = "billing.invoice_pdf")]
    BillingInvoicePdf,
    #[serde(rename = "billing.transactions")]
    BillingTransactions,
    #[serde(rename = "billing.usage")]
    BillingUsage,
    #[serde(rename = "billing.pricing")]
    BillingPricing,
    #[serde(rename = "billing.currencies")]
    BillingCurrencies,
    #[serde(rename = "billing.subscriptions")]
    BillingSubscriptions,

    /// Support tickets: list, read, open, reply, close.
    #[serde(rename = "tickets")]
    Tickets,
    /// DNS zones, records and templates.
    #[serde(rename = "dns")]
    Dns,
}

/// The accessor on [`crate::provider::Compute`] through which a capability
/// is reached; `Compute` itself for the server operations every client has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Api {
    Compute,
    Billing,
    Tickets,
    Dns,
    Snapshots,
    Backups,
    OsInstall,
    Network,
    Usage,
    Console,
    SshKeys,
    Scripts,
    Maintenance,
    Clones,
    Templates,
    Recoverable,
    Nodes,
    Drives,
    Fleet,
    Resources,
    ServerGroups,
    Profile,
    ServerSettings,
    ServerPlan,
    AccountAddresses,
    CloudGroups,
    Licences,
    ManagedServices,
    TemplateAuthoring,
}

impl Api {
    /// Whether the client has this API: what a declared capability needs to
    /// be reachable.
    pub fn present(self, c: &dyn crate::provider::Compute) -> bool {
        match self {
            Api::Compute => true,
            Api::Billing => c.billing().is_some(),
            Api::Tickets => c.tickets().is_some(),
            Api::Dns => c.dns().is_some(),
            Api::Snapshots => c.snapshots().is_some(),
            Api::Backups => c.backups().is_some(),
            Api::OsInstall => c.os_install().is_some(),
            Api::Network => c.network().is_some(),
            Api::Usage => c.usage().is_some(),
            Api::Console => c.console().is_some(),
            Api::SshKeys => c.ssh_keys().is_some(),
            Api::Scripts => c.scripts().is_some(),
            Api::Maintenance => c.maintenance().is_some(),
            Api::Clones => c.clones().is_some(),
            Api::Templates => c.templates().is_some(),
            Api::Recoverable => c.recoverable().is_some(),
            Api::Nodes => c.nodes().is_some(),
            Api::Drives => c.drives().is_some(),
            Api::Fleet => c.fleet().is_some(),
            Api::Resources => c.resources().is_some(),
            Api::ServerGroups => c.server_groups().is_some(),
            Api::Profile => c.profile().is_some(),
            Api::ServerSettings => c.server_settings().is_some(),
            Api::ServerPlan => c.server_plan().is_some(),
            Api::AccountAddresses => c.account_addresses().is_some(),
            Api::CloudGroups => c.cloud_groups().is_some(),
            Api::Licences => c.licences().is_some(),
            Api::ManagedServices => c.managed_services().is_some(),
            Api::TemplateAuthoring => c.template_authoring().is_some(),
        }
    }
}

impl Capability {
    pub const ALL: [Capability; 67] = {
        use Capability::*;
        [
            Start,
            Stop,
            ForceStop,
            Reboot,
            Create,
            Rename,
            Delete,
            DeleteRunning,
            ServerClone,
            BulkPower,
            Snapshots,
            BackupList,
            BackupCreate,
            BackupRestore,
            BackupDelete,
            BackupConvert,
            Reinstall,
            OsChange,
            Isos,
            Ips,
            Ipv4Add,
            Ipv4Remove,
            Ipv4Restarts,
            ReverseSet,
            ReverseReset,
            ReverseDelete,
            ReverseList,
            UsageGraphs,
            Console,
            RecoveryBoot,
            RebuildNetwork,
            RebuildPending,
            Clones,
            Settings,
            ServerResources,
            UpgradeStorage,
            ManagedTransfer,
            ServerLicences,
            SshKeys,
            Scripts,
            CustomTemplates,
            CustomTemplateEdit,
            OfferedTemplates,
            TemplateLicenses,
            Recoverable,
            Nodes,
            NodeConsumer,
            Drives,
            DriveTransfer,
            Vlans,
            StaticIps,
            ServerGroups,
            Profile,
            AccountIps,
            IpReassign,
            JustifiedIps,
            CloudGroups,
            BillingBalance,
            BillingInvoices,
            BillingInvoicePdf,
            BillingTransactions,
            BillingUsage,
            BillingPricing,
            BillingCurrencies,
            BillingSubscriptions,
            Tickets,
            Dns,
        ]
    };

    /// The dotted name, as serialized.
    pub fn name(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }

    /// For "cannot …" messages.
    pub fn what(self) -> &'static str {
        use Capability::*;
        match self {
            Start => "start servers",
            Stop => "stop servers",
            ForceStop => "force servers off",
            Reboot => "reboot servers",
            Create => "create servers",
            Rename => "rename servers",
            Delete => "delete servers",
            DeleteRunning => "delete running servers",
            Snapshots => "manage snapshots",
            BackupRestore => "restore backups",
            Reinstall => "reinstall servers",
            OsChange => "change a server's operating system",
            Isos => "list ISOs",
            Ips => "list a server's IP addresses",
            Ipv4Add => "add IPv4 addresses",
            Ipv4Remove => "remove IPv4 addresses",
            Ipv4Restarts => "restart a server to configure a changed IPv4 address",
            ReverseSet => "set reverse DNS",
            ReverseReset => "reset reverse DNS to the default",
            ReverseDelete => "delete reverse DNS entries",
            ReverseList => "list IPv6 reverse DNS entries",
            UsageGraphs => "show usage graphs",
            Console => "open a console",
            SshKeys => "manage SSH keys",
            Scripts => "manage startup scripts",
            BackupList => "list backups",
            BackupCreate => "take backups",
            BackupDelete => "delete backups",
            RecoveryBoot => "boot a server into recovery mode",
            RebuildNetwork => "rebuild a server's network configuration",
            RebuildPending => "rebuild a pending server",
            Clones => "clone servers",
            CustomTemplates => "manage custom templates",
            OfferedTemplates => "list the templates it offers",
            TemplateLicenses => "buy chargeable templates",
            Recoverable => "recover deleted servers",
            Nodes => "manage nodes",
            Drives => "manage drives",
            DriveTransfer => "upload or download drive contents",
            ServerClone => "clone servers",
            BulkPower => "start, stop or destroy several servers at once",
            Vlans => "manage VLANs",
            StaticIps => "manage static IP addresses",
            ServerGroups => "manage server groups",
            Profile => "show or change the account profile",
            Settings => "change a server's host name and backup settings",
            ServerResources => "change a server's nodes and backup options",
            UpgradeStorage => "upgrade a server's storage",
            NodeConsumer => "set a node's consumer id",
            BackupConvert => "turn backups into templates",
            CustomTemplateEdit => "edit custom templates",
            AccountIps => "list and annotate the account's IP addresses",
            IpReassign => "move IP addresses between servers",
            JustifiedIps => "request justified IP addresses",
            ManagedTransfer => "transfer a managed service",
            CloudGroups => "list cloud groups",
            ServerLicences => "manage a server's control-panel licences",
            BillingBalance => "show the balance",
            BillingInvoices => "list invoices",
            BillingInvoicePdf => "download invoice PDFs",
            BillingTransactions => "list transactions",
            BillingUsage => "show usage figures",
            BillingPricing => "show the price list",
            BillingCurrencies => "list currencies",
            BillingSubscriptions => "manage subscriptions",
            Tickets => "show or open support tickets",
            Dns => "manage DNS zones",
        }
    }

    /// The API that serves it.
    pub fn api(self) -> Api {
        use Capability::*;
        match self {
            Start | Stop | ForceStop | Reboot | Create | Rename | Delete | DeleteRunning => Api::Compute,
            ServerClone | BulkPower => Api::Fleet,
            Snapshots => Api::Snapshots,
            BackupList | BackupCreate | BackupRestore | BackupDelete => Api::Backups,
            BackupConvert | CustomTemplateEdit => Api::TemplateAuthoring,
            Reinstall | OsChange | Isos => Api::OsInstall,
            Ips | Ipv4Add | Ipv4Remove | Ipv4Restarts | ReverseSet | ReverseReset | ReverseDelete | ReverseList => {
                Api::Network
            }
            UsageGraphs => Api::Usage,
            Console => Api::Console,
            RecoveryBoot | RebuildNetwork | RebuildPending => Api::Maintenance,
            Clones => Api::Clones,
            Settings => Api::ServerSettings,
            ServerResources | UpgradeStorage => Api::ServerPlan,
            ManagedTransfer => Api::ManagedServices,
            ServerLicences => Api::Licences,
            SshKeys => Api::SshKeys,
            Scripts => Api::Scripts,
            CustomTemplates | OfferedTemplates | TemplateLicenses => Api::Templates,
            Recoverable => Api::Recoverable,
            Nodes | NodeConsumer => Api::Nodes,
            Drives | DriveTransfer => Api::Drives,
            Vlans | StaticIps => Api::Resources,
            ServerGroups => Api::ServerGroups,
            Profile => Api::Profile,
            AccountIps | IpReassign | JustifiedIps => Api::AccountAddresses,
            CloudGroups => Api::CloudGroups,
            BillingBalance | BillingInvoices | BillingInvoicePdf | BillingTransactions | BillingUsage
            | BillingPricing | BillingCurrencies | BillingSubscriptions => Api::Billing,
            Tickets => Api::Tickets,
            Dns => Api::Dns,
        }
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
}

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
    use crate::model::ProviderKind;
    use crate::secret::Secret;

    fn account(provider: ProviderKind) -> Account {
        Account {
            id: format!("{provider}-id"),
            name: provider.to_string(),
            provider,
            endpoint: None,
            username: Some("someone@example.com".into()),
            region: None,
            demo: false,
        }
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
        let apis: BTreeSet<Api> = Capability::ALL.iter().map(|c| c.api()).collect();
        for provider in ProviderKind::ALL {
            let a = account(provider);
            let client = crate::providers::connect(&a, Secret::new("unused"), &crate::http::Http::default()).unwrap();
            let declared = of(&a);
            for api in &apis {
                let used = declared.iter().any(|c| c.api() == *api);
                assert_eq!(
                    used,
                    api.present(&*client),
                    "{provider}: {api:?} is {} but {}",
                    if used { "declared" } else { "not declared" },
                    if api.present(&*client) { "reachable" } else { "not reachable" }
                );
            }
        }
    }
}
