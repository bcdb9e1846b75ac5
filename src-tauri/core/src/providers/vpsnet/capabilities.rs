//! What vpsdesk can do on a VPS.NET account: the one place it is declared.

use crate::accounts::Account;
use crate::capabilities::{Capability, Capability::*, CapabilitySet, FULL_LIFECYCLE};

pub fn capabilities(_account: &Account) -> CapabilitySet {
    CapabilitySet::from(FULL_LIFECYCLE).with([
        CreateHostname,
        CreateBackups,
        CreateLicences,
        CreateInstant,
        BackupList,
        BackupCreate,
        BackupRestore,
        BackupDelete,
        BackupConvert,
        Reinstall,
        OsChange,
        Ips,
        Ipv4Add,
        Ipv4Remove,
        UsageGraphs,
        UsageRange,
        Console,
        RecoveryBoot,
        RebuildNetwork,
        RebuildPending,
        Clones,
        ServerResources,
        UpgradeStorage,
        ManagedTransfer,
        ServerLicences,
        CustomTemplates,
        CustomTemplateEdit,
        OfferedTemplates,
        TemplateLicenses,
        Recoverable,
        Nodes,
        NodeConsumer,
        Profile,
        AccountIps,
        IpReassign,
        JustifiedIps,
        CloudGroups,
        BillingBalance,
        BillingInvoices,
        BillingInvoicePdf,
        Tickets,
        Dns,
    ])
}

/// What an SSD VPS supports of the above: VPS.NET's API gives SSD VPS only
/// show, power and delete (`vpsnet-endpoints.md`, SSD VPS rows).
pub const SSD_VPS: [Capability; 5] = [Start, Stop, ForceStop, Reboot, Delete];
