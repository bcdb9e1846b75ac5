//! What vpsdesk can do on a VPS.org account: the one place it is declared.

use crate::accounts::Account;
use crate::capability::{Capability::*, CapabilitySet};

pub fn capabilities(_account: &Account) -> CapabilitySet {
    CapabilitySet::from([Start, Stop, Reboot, Create, Rename, Delete, DeleteRunning, Settings, Ips])
}
