//! What vpsdesk can do on a CloudSigma account: the one place it is declared.

use crate::accounts::Account;
use crate::capabilities::{Capability::*, CapabilitySet, FULL_LIFECYCLE};

pub fn capabilities(_account: &Account) -> CapabilitySet {
    CapabilitySet::from(FULL_LIFECYCLE).with([
        ServerClone,
        BulkPower,
        ServerSet,
        Drives,
        DriveTransfer,
        Vlans,
        StaticIps,
        ServerGroups,
        Profile,
        BillingBalance,
        BillingTransactions,
        BillingUsage,
        BillingPricing,
        BillingCurrencies,
        BillingSubscriptions,
    ])
}
