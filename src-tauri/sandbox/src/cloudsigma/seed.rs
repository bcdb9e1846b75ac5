//! The demo account: the doc's example bodies verbatim (read from the core
//! crate's fixtures, which are the doc's bodies copied once), plus a paused
//! server, a stopped one with an address, and standard drives with names.

use std::time::Duration;

use super::kv::{self, Props};
use super::state::{Cloudsigma, Drive, Phase, Server};
use crate::common::Transition;

pub(super) const PROFILE: &str = doc!("get_profile_info.txt");
pub(super) const BALANCE: &str = doc!("get_balance_info.txt");
pub(super) const USAGE: &str = doc!("get_usage_info.txt");
/// The doc's standard CD and image lists are the same eight uuids.
pub(super) const STANDARD_LIST: &str = doc!("get_drives_standard_img_list.txt");

/// The doc's account uuid (`user` of every example).
const USER: &str = "f2e19d5c-eaa1-44e5-94aa-dc194594bd7b";

/// Names for the doc's standard image uuids, which the doc never names.
const STANDARD_NAMES: [(&str, &str); 8] = [
    ("Ubuntu Linux 12.04 LTS Server 64bit", "2147483648"),
    ("Debian Linux 6.0 64bit", "2147483648"),
    ("CentOS Linux 6.3 64bit", "2147483648"),
    ("Fedora Linux 17 64bit", "3221225472"),
    ("openSUSE 12.2 64bit", "3221225472"),
    ("FreeBSD 9.0 64bit", "2147483648"),
    ("Windows Server 2008 R2 Standard 64bit", "21474836480"),
    ("Gentoo Linux 12.1 64bit", "2147483648"),
];

/// Two servers of the demo's own: one CloudSigma holds (`paused`), one
/// stopped with a static address.
const EXTRA_SERVERS: &str = "status paused
name billing-hold
mem 1024
cpu 1000
smp 1
persistent true
server 9d3b7f4e-6a41-4c1e-9a57-3f0c2b8e1d66
ide:0:0 8c2e4b1a-77d0-4e5b-9a61-0f3d2c4b5a69
boot ide:0:0
nic:0:model e1000
nic:0:dhcp 91.203.56.80
vnc:ip 91.203.56.80
vnc:password Wq7pLr2x
user f2e19d5c-eaa1-44e5-94aa-dc194594bd7b
status stopped
name staging
mem 2048
cpu 2000
smp 1
persistent true
server 4a7e1c93-2b5d-4f80-b6e2-71c9d04a8f35
ide:0:0 1e6f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
boot ide:0:0
nic:0:model e1000
nic:0:dhcp 91.203.56.81
vnc:ip 91.203.56.81
vnc:password Hn4vTq9m
user f2e19d5c-eaa1-44e5-94aa-dc194594bd7b
";

const EXTRA_DRIVES: &str = "status active
name billing-hold-root
size 5368709120
drive 8c2e4b1a-77d0-4e5b-9a61-0f3d2c4b5a69
user f2e19d5c-eaa1-44e5-94aa-dc194594bd7b
status active
name staging-root
size 5368709120
drive 1e6f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
user f2e19d5c-eaa1-44e5-94aa-dc194594bd7b
";

fn server(props: Props) -> Option<Server> {
    let uuid = kv::get(&props, "server")?.to_owned();
    let phase = match kv::get(&props, "status") {
        Some("stopped") => Phase::Stopped,
        Some("paused") => Phase::Paused,
        _ => Phase::Active,
    };
    Some(Server { uuid, props, phase: Transition::settled(phase), lease: String::new() })
}

fn drive(props: Props) -> Option<Drive> {
    let uuid = kv::get(&props, "drive")?.to_owned();
    Some(Drive { uuid, props })
}

pub(super) fn seed(transition: Duration, empty: bool) -> Cloudsigma {
    let mut state = Cloudsigma {
        transition,
        user: USER.to_owned(),
        servers: Vec::new(),
        drives: Vec::new(),
        standard: Vec::new(),
        counter: 0,
        ledger: super::billing::Ledger::seed(),
        resources: super::extras::Resources::seed(empty),
    };
    if !empty {
        let bodies = [doc!("get_servers_info.txt"), doc!("cli_servers_info.txt"), EXTRA_SERVERS];
        state.servers = bodies.into_iter().flat_map(kv::parse_many).filter_map(server).collect();
        for i in 0..state.servers.len() {
            state.servers[i].lease = state.lease();
        }
    }
    let drives = [doc!("get_drives_info.txt"), doc!("cli_drive_info.txt"), EXTRA_DRIVES];
    state.drives = drives.into_iter().flat_map(kv::parse_many).filter_map(drive).collect();
    state.standard = kv::parse(STANDARD_LIST)
        .into_iter()
        .map(|(uuid, _)| uuid)
        .zip(STANDARD_NAMES)
        .map(|(uuid, (name, size))| Drive {
            props: vec![
                ("status".into(), "active".into()),
                ("name".into(), name.into()),
                ("size".into(), size.into()),
                ("drive".into(), uuid.clone()),
                ("type".into(), "disk".into()),
                ("claim:type".into(), "shared".into()),
                ("readers".into(), "ffffffff-ffff-ffff-ffff-ffffffffffff".into()),
            ],
            uuid,
        })
        .collect();
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_has_every_state() {
        let s = seed(Duration::from_millis(10), false);
        assert_eq!(s.servers.len(), 15);
        for phase in [Phase::Active, Phase::Stopped, Phase::Paused] {
            assert!(s.servers.iter().any(|x| x.phase() == phase), "{phase:?}");
        }
        assert_eq!(s.standard.len(), 8);
        assert_eq!(s.drives.len(), 11);
        assert!(seed(Duration::from_millis(10), true).servers.is_empty());
    }
}
