//! What vpsdesk can do on a VPS.org account: the one place it is declared.

use crate::accounts::Account;
use crate::capabilities::{Capability::*, CapabilitySet};

pub fn capabilities(_account: &Account) -> CapabilitySet {
    CapabilitySet::from([Start, Stop, Reboot, Create, CreateHostname, CreateBackups, Rename, Delete, DeleteRunning, Settings, Ips])
}
