//! What vpsdesk can do on a VPS247 account: the one place it is declared.

use crate::accounts::Account;
use crate::capabilities::{Capability::*, CapabilitySet};

pub fn capabilities(_account: &Account) -> CapabilitySet {
    CapabilitySet::from([
        Start,
        Stop,
        ForceStop,
        Reboot,
        Create,
        CreateIpv6,
        CreatePrivateNetwork,
        Delete,
        Ips,
        BillingUsage,
    ])
}
