//! What vpsdesk can do on a Vultr account: the one place it is declared.

use crate::accounts::Account;
use crate::capabilities::{Capability::*, CapabilitySet, FULL_LIFECYCLE};

pub fn capabilities(_account: &Account) -> CapabilitySet {
    CapabilitySet::from(FULL_LIFECYCLE).with([
        CreateBackups,
        CreateIpv6,
        CreatePrivateNetwork,
        CreateFromIso,
        CreateFromIpxe,
        CreateFromSnapshot,
        Snapshots,
        BackupList,
        BackupRestore,
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
        SshKeys,
        Scripts,
        BillingBalance,
    ])
}
