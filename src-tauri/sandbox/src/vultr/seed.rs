//! The demo account: every example body of the doc verbatim, plus enough
//! regions, plans, systems and servers to make the app look lived in.

use std::collections::BTreeMap;
use std::time::Duration;

use super::account::{AccountInfo, Iso};
use super::catalog::{Os, Plan, Region, ISO_FAMILY, SNAPSHOT_FAMILY};
use super::state::{
    Backup, Bandwidth, Ids, Ipv4, Network, Order, Phase, ReverseIpv6, Script, Server, Servers, Snapshot,
    SnapshotStatus, SshKey, Vultr,
};
use crate::common::{timestamp, Transition};

pub(super) const ACCOUNT: AccountInfo = AccountInfo {
    balance: "-5519.11",
    pending_charges: "57.03",
    last_payment_date: "2014-07-18 15:31:01",
    last_payment_amount: "-1.00",
};

/// Regions 1 and 2 are the doc's; DCID 1's list starts with the doc's
/// availability example. Tokyo is full, to show the "listed but no room" case.
pub(super) const REGIONS: &[Region] = &[
    Region {
        id: 1,
        name: "New Jersey",
        country: "US",
        continent: "North America",
        state: "NJ",
        available: &[40, 11, 45, 29, 41, 61, 1, 2],
    },
    Region {
        id: 2,
        name: "Chicago",
        country: "US",
        continent: "North America",
        state: "IL",
        available: &[1, 2, 29, 41, 45],
    },
    Region {
        id: 5,
        name: "Los Angeles",
        country: "US",
        continent: "North America",
        state: "CA",
        available: &[40, 29, 41, 45, 11],
    },
    Region {
        id: 7,
        name: "Amsterdam",
        country: "NL",
        continent: "Europe",
        state: "",
        available: &[29, 41, 45, 11, 61],
    },
    Region { id: 9, name: "Frankfurt", country: "DE", continent: "Europe", state: "", available: &[29, 41, 45] },
    Region { id: 25, name: "Tokyo", country: "JP", continent: "Asia", state: "", available: &[] },
];

/// Plans 1 and 2 are the doc's; the rest carry the ids of its availability example.
pub(super) const PLANS: &[Plan] = &[
    Plan {
        id: 1,
        name: "Starter",
        vcpu_count: 1,
        ram_mb: 512,
        disk_gb: 20,
        bandwidth_tb: "1",
        price_per_month: "5.00",
    },
    Plan { id: 2, name: "Basic", vcpu_count: 1, ram_mb: 1024, disk_gb: 30, bandwidth_tb: "2", price_per_month: "8.00" },
    Plan {
        id: 40,
        name: "512 MB RAM,10 GB SSD,0.50 TB BW",
        vcpu_count: 1,
        ram_mb: 512,
        disk_gb: 10,
        bandwidth_tb: "0.50",
        price_per_month: "2.50",
    },
    Plan {
        id: 29,
        name: "1024 MB RAM,25 GB SSD,1.00 TB BW",
        vcpu_count: 1,
        ram_mb: 1024,
        disk_gb: 25,
        bandwidth_tb: "1.00",
        price_per_month: "5.00",
    },
    Plan {
        id: 41,
        name: "2048 MB RAM,55 GB SSD,2.00 TB BW",
        vcpu_count: 1,
        ram_mb: 2048,
        disk_gb: 55,
        bandwidth_tb: "2.00",
        price_per_month: "10.00",
    },
    Plan {
        id: 45,
        name: "4096 MB RAM,80 GB SSD,3.00 TB BW",
        vcpu_count: 2,
        ram_mb: 4096,
        disk_gb: 80,
        bandwidth_tb: "3.00",
        price_per_month: "20.00",
    },
    Plan {
        id: 11,
        name: "8192 MB RAM,160 GB SSD,4.00 TB BW",
        vcpu_count: 4,
        ram_mb: 8192,
        disk_gb: 160,
        bandwidth_tb: "4.00",
        price_per_month: "40.00",
    },
    Plan {
        id: 61,
        name: "16384 MB RAM,320 GB SSD,5.00 TB BW",
        vcpu_count: 6,
        ram_mb: 16384,
        disk_gb: 320,
        bandwidth_tb: "5.00",
        price_per_month: "80.00",
    },
];

/// 127 and 148 are the doc's. Custom (boot an ISO) and Snapshot are the
/// install sources server/create's ISOID and SNAPSHOTID refer to.
pub(super) const OPERATING_SYSTEMS: &[Os] = &[
    Os { id: 127, name: "CentOS 6 x64", arch: "x64", family: "centos", windows: false },
    Os { id: 148, name: "Ubuntu 12.04 i386", arch: "i386", family: "ubuntu", windows: false },
    Os { id: 1743, name: "Ubuntu 22.04 x64", arch: "x64", family: "ubuntu", windows: false },
    Os { id: 2136, name: "Debian 12 x64", arch: "x64", family: "debian", windows: false },
    Os { id: 1869, name: "Rocky Linux 9 x64", arch: "x64", family: "rockylinux", windows: false },
    Os { id: 447, name: "FreeBSD 13 x64", arch: "x64", family: "freebsd", windows: false },
    Os { id: 371, name: "Windows 2019 x64", arch: "x64", family: "windows", windows: true },
    Os { id: 159, name: "Custom", arch: "x64", family: ISO_FAMILY, windows: false },
    Os { id: 164, name: "Snapshot", arch: "x64", family: SNAPSHOT_FAMILY, windows: false },
];

pub(super) const ISOS: &[Iso] = &[
    Iso {
        id: 24,
        date_created: "2014-04-01 14:10:09",
        filename: "CentOS-6.5-x86_64-minimal.iso",
        size: 9342976,
        md5sum: "ec0669895a250f803e1709d0402fc411",
    },
    Iso {
        id: 311,
        date_created: "2024-02-11 08:30:52",
        filename: "debian-12.5.0-amd64-netinst.iso",
        size: 659554304,
        md5sum: "3b0e9a5b1f4a6c2d8e7f90a1b2c3d4e5",
    },
];

/// The seeded pending server finishes installing this long after a start or
/// reset: long enough for any test run, short enough to watch in the demo.
const SEEDED_INSTALL: Duration = Duration::from_secs(600);

pub(super) fn seed(transition: Duration, empty: bool) -> Vultr {
    let mut vultr = Vultr {
        transition,
        servers: Servers(BTreeMap::from([(576965, doc_server())])),
        snapshots: BTreeMap::from([
            snapshot("5359435d28b9a", "2014-04-18 12:40:40", "Test snapshot", "42949672960"),
            snapshot("5359435dc1df3", "2014-04-22 16:11:46", "", "10000000"),
        ]),
        sshkeys: BTreeMap::from([(
            "541b4960f23bd".to_owned(),
            SshKey {
                date_created: None,
                name: "test".to_owned(),
                ssh_key: "ssh-rsa AA... test@example.com".to_owned(),
            },
        )]),
        scripts: BTreeMap::from([
            (
                3,
                script(
                    "2014-05-21 15:27:18",
                    "2014-05-21 15:27:18",
                    "boot",
                    "#!/bin/bash echo Hello World > /root/hello",
                ),
            ),
            (5, script("2014-08-22 15:27:18", "2014-09-22 15:27:18", "pxe", "#!ipxe\necho Hello World\nshell")),
        ]),
        backups: BTreeMap::new(),
        ids: Ids { subid: 8467211, hex: 0x5f3a1c2b00000, script: 6, host: 0 },
    };
    let running = || Transition::settled(Phase::Running);
    let web = vultr.provision(order(7, 41, "Ubuntu 22.04 x64", "web-ams-01", "2024-03-02 09:14:27", running()));
    let db = vultr.provision(order(
        9,
        45,
        "Debian 12 x64",
        "db-fra-01",
        "2024-05-17 18:02:51",
        Transition::settled(Phase::Stopped),
    ));
    let installing = Transition::after(Phase::Installing, SEEDED_INSTALL, Phase::Running);
    vultr
        .provision(Order { ipv6: false, ..order(5, 29, "Rocky Linux 9 x64", "build-la-01", &timestamp(), installing) });
    let legacy = Transition::settled(Phase::Suspended);
    let legacy = vultr.provision(Order {
        ipv6: false,
        private_network: false,
        auto_backups: false,
        ..order(2, 2, "Ubuntu 12.04 i386", "legacy-chi-01", "2019-08-30 11:47:05", legacy)
    });
    let vpn = vultr.provision(Order {
        private_network: false,
        auto_backups: false,
        ..order(25, 40, "FreeBSD 13 x64", "vpn-tyo-01", "2023-11-08 02:31:40", running())
    });

    for (subid, charges, used_gb) in
        [(web, "6.48", 42.7), (db, "13.02", 0.873), (legacy, "24.00", 3.1), (vpn, "1.85", 118.25)]
    {
        if let Some(server) = vultr.servers.0.get_mut(&subid) {
            server.pending_charges = charges.to_owned();
            server.current_bandwidth_gb = used_gb;
        }
    }
    if let Some(server) = vultr.servers.0.get_mut(&web) {
        server.bandwidth = Bandwidth {
            incoming_bytes: vec![
                ["2024-06-01", "3100451277"],
                ["2024-06-02", "2871620933"],
                ["2024-06-03", "3412008145"],
            ],
            outgoing_bytes: vec![
                ["2024-06-01", "11950233410"],
                ["2024-06-02", "10488123655"],
                ["2024-06-03", "12876500981"],
            ],
        };
    }
    // The first two are the example of Vultr's published v1 reference.
    let backup = |server, date_created, description, size| Backup {
        server,
        date_created,
        description,
        size,
        status: "complete",
    };
    vultr.backups = BTreeMap::from([
        ("543d34149403a".to_owned(), backup(576965, "2014-10-14 12:40:40", "Automatic server backup", "42949672960")),
        ("543d340f6dbce".to_owned(), backup(web, "2014-10-13 16:11:46", "", "10000000")),
        ("5a1c0b5d8f3e2".to_owned(), backup(db, "2024-06-02 03:00:00", "Automatic server backup", "26843545600")),
    ]);
    if empty {
        vultr.servers.0.clear();
    }
    vultr
}

/// server/list's example, field for field (its plan 28 is one plans/list no
/// longer shows).
fn doc_server() -> Server {
    Server {
        label: "my new server".to_owned(),
        os: "CentOS 6 x64".to_owned(),
        ram_mb: 4096,
        disk_gb: 60,
        vcpu_count: 2,
        location: "New Jersey".to_owned(),
        dcid: 1,
        plan_id: 28,
        cost_per_month: "10.05".to_owned(),
        allowed_bandwidth_gb: "1000".to_owned(),
        default_password: "nreqnusibni".to_owned(),
        date_created: "2013-12-19 14:45:41".to_owned(),
        pending_charges: "46.67".to_owned(),
        current_bandwidth_gb: 131.512,
        net: Network {
            netmask_v4: "255.255.255.248".to_owned(),
            gateway_v4: "123.123.123.1".to_owned(),
            v6_network: "2001:DB8:1000::".to_owned(),
            v6_main_ip: "2001:DB8:1000::100".to_owned(),
            v6_network_size: "64".to_owned(),
            internal_ip: "10.99.0.10".to_owned(),
        },
        main_ipv4: doc_ipv4("123.123.123.123"),
        secondary_ipv4: vec![doc_ipv4("123.123.123.124")],
        reverse_ipv6: vec![
            ReverseIpv6 { ip: "2001:DB8:1000::101".to_owned(), reverse: "host1.example.com".to_owned() },
            ReverseIpv6 { ip: "2001:DB8:1000::102".to_owned(), reverse: "host2.example.com".to_owned() },
        ],
        kvm_url: "https://my.vultr.com/subs/novnc/api.php?data=eawxFVZw2mXnhGUV".to_owned(),
        auto_backups: true,
        phase: Transition::settled(Phase::Running),
        bandwidth: Bandwidth {
            incoming_bytes: vec![
                ["2014-06-10", "81072581"],
                ["2014-06-11", "222387466"],
                ["2014-06-12", "216885232"],
                ["2014-06-13", "117262318"],
            ],
            outgoing_bytes: vec![
                ["2014-06-10", "4059610"],
                ["2014-06-11", "13432380"],
                ["2014-06-12", "2455005"],
                ["2014-06-13", "1106963"],
            ],
        },
    }
}

/// The doc's list_ipv4 example names these reverse entries.
fn doc_ipv4(ip: &str) -> Ipv4 {
    let reverse = format!("{ip}.example.com");
    Ipv4 { ip: ip.to_owned(), default_reverse: reverse.clone(), reverse }
}

/// A seeded order with IPv6, private networking and backups on; callers
/// switch off what a server should not have.
fn order(dcid: u32, plan: u32, os: &'static str, label: &str, date_created: &str, phase: Transition<Phase>) -> Order {
    Order {
        region: REGIONS.iter().find(|r| r.id == dcid).expect("seeded DCID is in REGIONS"),
        plan: PLANS.iter().find(|p| p.id == plan).expect("seeded VPSPLANID is in PLANS"),
        os,
        label: label.to_owned(),
        ipv6: true,
        private_network: true,
        auto_backups: true,
        date_created: date_created.to_owned(),
        phase,
    }
}

fn snapshot(id: &str, date_created: &str, description: &str, size: &str) -> (String, Snapshot) {
    let snapshot = Snapshot {
        date_created: date_created.to_owned(),
        description: description.to_owned(),
        size: size.to_owned(),
        status: Transition::settled(SnapshotStatus::Complete),
    };
    (id.to_owned(), snapshot)
}

/// Both of the doc's scripts are named "test " with the trailing space.
fn script(created: &str, modified: &str, kind: &'static str, body: &str) -> Script {
    Script {
        date_created: created.to_owned(),
        date_modified: modified.to_owned(),
        name: "test ".to_owned(),
        kind,
        script: body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_consistent() {
        for region in REGIONS {
            for plan in region.available {
                assert!(PLANS.iter().any(|p| p.id == *plan), "DCID {} offers unknown plan {plan}", region.id);
            }
        }
        let seeded = seed(Duration::from_millis(1), false);
        for server in seeded.servers.0.values().filter(|s| s.plan_id != 28) {
            assert!(PLANS.iter().any(|p| p.id == server.plan_id));
            assert!(REGIONS.iter().any(|r| r.id == server.dcid && r.name == server.location));
            assert!(OPERATING_SYSTEMS.iter().any(|o| o.name == server.os));
        }
    }

    #[test]
    fn seed_has_one_server_per_state() {
        let seeded = seed(Duration::from_millis(1), false);
        let phases: Vec<Phase> = seeded.servers.0.values().map(Server::phase).collect();
        for phase in [Phase::Running, Phase::Stopped, Phase::Installing, Phase::Suspended] {
            assert!(phases.contains(&phase), "no seeded server is {phase:?}");
        }
    }
}
