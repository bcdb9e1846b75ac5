//! The `Extra` list the UI still reads through `extras_accounts` while it
//! moves to `AccountView.capabilities`; it goes when nothing reads it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::capabilities::Capability;
use crate::model::ProviderKind;

/// One operation (or group of operations that always come together) a
/// provider offers. Names are `area.operation`, like `Capability`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Extra {
    /// List, create from a server, delete, restore onto a server.
    #[serde(rename = "snapshots")]
    Snapshots,
    #[serde(rename = "backups.restore")]
    BackupRestore,
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
    #[serde(rename = "account.ssh_keys")]
    SshKeys,
    #[serde(rename = "account.scripts")]
    Scripts,
    #[serde(rename = "backups.list")]
    BackupList,
    /// Take a backup now.
    #[serde(rename = "backups.create")]
    BackupCreate,
    #[serde(rename = "backups.delete")]
    BackupDelete,
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
    /// List and delete custom templates.
    #[serde(rename = "account.custom_templates")]
    CustomTemplates,
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
    /// List, create, clone, destroy drives; the standard CDs and images.
    #[serde(rename = "account.drives")]
    Drives,
    /// Upload and download of drive contents.
    #[serde(rename = "drives.transfer")]
    DriveTransfer,
    #[serde(rename = "servers.clone")]
    ServerClone,
    /// Start, stop or destroy several servers in one request.
    #[serde(rename = "servers.bulk")]
    BulkPower,
    #[serde(rename = "account.vlans")]
    Vlans,
    #[serde(rename = "account.static_ips")]
    StaticIps,
    #[serde(rename = "account.server_groups")]
    ServerGroups,
    #[serde(rename = "account.profile")]
    Profile,
    /// Replace a server's name, host name and automatic-backups flag at once.
    #[serde(rename = "server.settings")]
    Settings,
    /// A server's node allocations, backups, consumer and label (VPS.NET's edit).
    #[serde(rename = "server.resources")]
    ServerResources,
    /// Grow the disk to the storage the server's nodes give (downtime).
    #[serde(rename = "server.upgrade_storage")]
    UpgradeStorage,
    /// Set the consumer id of a node.
    #[serde(rename = "account.node_consumer")]
    NodeConsumer,
    /// Turn a backup into a custom template.
    #[serde(rename = "backups.convert")]
    BackupConvert,
    /// Change a custom template's description and notes.
    #[serde(rename = "account.custom_template_edit")]
    CustomTemplateEdit,
    /// Every address of the account, with notes and consumer ids to edit.
    #[serde(rename = "account.ips")]
    AccountIps,
    /// Move an address to another server of the same cloud.
    #[serde(rename = "account.ip_reassign")]
    IpReassign,
    /// List and request justified addresses.
    #[serde(rename = "account.justified_ips")]
    JustifiedIps,
    /// Move a managed-support service to another server.
    #[serde(rename = "server.managed_transfer")]
    ManagedTransfer,
    /// The cloud groups the provider offers, read only.
    #[serde(rename = "account.cloud_groups")]
    CloudGroups,
    /// A server's control-panel licences: list, buy, cancel.
    #[serde(rename = "server.licences")]
    ServerLicences,
}

/// What the detail tabs and the account pages need to know about an
/// account before asking the provider anything.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ExtrasAccount {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub provider_label: String,
    // Only the capabilities an `Extra` names: the server operations,
    // billing, tickets and DNS are left out.
    #[ts(type = "Array<Extra>")]
    pub extras: Vec<Capability>,
}
