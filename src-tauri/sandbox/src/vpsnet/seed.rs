//! The demo account: every server and cloud example of the doc verbatim,
//! plus enough clouds and servers to make the app look lived in.

use std::collections::BTreeMap;
use std::time::Duration;

use super::catalog::{Cloud, Stats, Template};
use super::state::{Order, Phase, Vm, VpsNet};
use crate::common::Transition;

const UBUNTU_8: Template = Template { label: "Ubuntu 8.04 x64", id: 78 };
const UBUNTU_10: Template = Template { label: "Ubuntu 10.04 x64", id: 92 };
const CENTOS_5: Template = Template { label: "CentOS 5.5 x64", id: 123 };
const DEBIAN_6: Template = Template { label: "Debian 6.0 x64", id: 131 };
const WINDOWS_2008: Template = Template { label: "Windows Server 2008 x86 - Enterprise", id: 1899 };

const QUIET: Stats = Stats {
    memory: ["1024", "8192", "7168"],
    tasks_pending: "0",
    templates: ["72", "12"],
    disk_space: ["40.0", "500.0", "460.0"],
};

/// The doc's `available_clouds` example; the doc's other cloud examples
/// differ from it only in what they set.
const TEST_CLOUD: Cloud = Cloud {
    id: 153,
    label: "test cloud",
    available: true,
    system_templates: &[UBUNTU_8, UBUNTU_10],
    fusion_io: Some(false),
    cloud_version: 1,
    premium_price: 0,
    currency_code: "USD",
    daily_node_bandwidth: 100,
    monthly_node_bandwidth: 150,
    stats: QUIET,
};

/// Cloud 153 comes first; cloud 3 is the doc's "properties of a cloud"
/// example (with the doc's stats), where the doc's servers live. Singapore
/// is listed but full.
pub(super) const CLOUDS: &[Cloud] = &[
    TEST_CLOUD,
    Cloud {
        id: 3,
        label: "Test Cloud",
        system_templates: &[UBUNTU_8, Template { label: "10.04 (Lucid) x64", id: 87 }],
        stats: Stats {
            memory: ["3488", "4094", "606"],
            tasks_pending: "3",
            templates: ["72", "148"],
            disk_space: ["150.0", "232.0", "82.0"],
        },
        ..TEST_CLOUD
    },
    Cloud {
        id: 12,
        label: "UK London",
        available: true,
        system_templates: &[UBUNTU_10, CENTOS_5, DEBIAN_6],
        fusion_io: Some(true),
        cloud_version: 2,
        premium_price: 0,
        currency_code: "GBP",
        daily_node_bandwidth: 100,
        monthly_node_bandwidth: 250,
        stats: QUIET,
    },
    Cloud {
        id: 15,
        label: "US East (Atlanta)",
        available: true,
        system_templates: &[UBUNTU_10, CENTOS_5, WINDOWS_2008],
        fusion_io: Some(false),
        cloud_version: 2,
        premium_price: 5,
        currency_code: "USD",
        daily_node_bandwidth: 100,
        monthly_node_bandwidth: 200,
        stats: QUIET,
    },
    Cloud {
        id: 21,
        label: "Asia Pacific (Singapore)",
        available: false,
        system_templates: &[UBUNTU_10],
        fusion_io: Some(false),
        cloud_version: 2,
        premium_price: 10,
        currency_code: "USD",
        daily_node_bandwidth: 50,
        monthly_node_bandwidth: 100,
        stats: QUIET,
    },
];

/// The doc's `available_ssd_clouds` example.
pub(super) const SSD_CLOUDS: &[Cloud] = &[Cloud { id: 160, label: "test SSD cloud", fusion_io: None, ..TEST_CLOUD }];

/// A server of the doc's list example, field for field.
struct DocServer {
    id: u64,
    running: bool,
    updated_at: &'static str,
    system_template_id: u64,
    cloud_id: u64,
    domain_name: &'static str,
    hostname: &'static str,
    backups_enabled: bool,
    password: &'static str,
    label: &'static str,
    created_at: &'static str,
    bandwidth_used: u64,
    delayed_storage: bool,
    delayed_storage_until: Option<&'static str>,
}

const DOC_SERVERS: [DocServer; 2] = [
    DocServer {
        id: 1384,
        running: true,
        updated_at: "2009-05-15T06:55:02-04:00",
        system_template_id: 41,
        cloud_id: 3,
        domain_name: "demodomain.com",
        hostname: "web01",
        backups_enabled: false,
        password: "a8hjsjnbs91",
        label: "Web Server 01",
        created_at: "2009-04-16T08:17:39-04:00",
        bandwidth_used: 8255683,
        delayed_storage: true,
        delayed_storage_until: Some("2010-05-01T10:00:00-04:00"),
    },
    DocServer {
        id: 1385,
        running: true,
        updated_at: "2009-05-15T06:55:02-04:00",
        system_template_id: 41,
        cloud_id: 3,
        domain_name: "demodomain.com",
        hostname: "mysql01",
        backups_enabled: false,
        password: "dsi8h38hd2s",
        label: "MySQL Server 01",
        created_at: "2009-04-16T08:17:39-04:00",
        bandwidth_used: 2345678,
        delayed_storage: false,
        delayed_storage_until: None,
    },
];

/// The rest of the fleet: (label, host, domain, cloud, template, nodes, phase, created).
type Extra = (&'static str, &'static str, &'static str, u64, u64, u32, Phase, &'static str);

const FLEET: [Extra; 3] = [
    ("Staging", "staging", "demodomain.com", 12, 131, 2, Phase::Stopped, "2013-02-11T10:02:41-05:00"),
    ("Mail relay", "mx1", "demodomain.com", 153, 92, 1, Phase::Running, "2013-06-03T14:20:05-04:00"),
    // A pending cloud server whose build never finished: it refuses power
    // calls until rebuilt.
    ("Build farm", "build", "demodomain.com", 15, 123, 3, Phase::Unbuilt, "2014-03-10T18:23:10-04:00"),
];

pub(super) fn seed(transition: Duration, empty: bool) -> VpsNet {
    let mut state = VpsNet {
        transition,
        servers: BTreeMap::new(),
        recoverable: BTreeMap::new(),
        free_nodes: 2,
        next_id: 1386,
        next_host: 0,
        tickets: super::tickets::seed(),
        dns: super::dns::seed(),
        extras: super::extras::seed(),
        templates: super::templates::seed(),
        nodes: super::nodes::seed(),
        ssd: super::ssd::seed(empty),
    };
    for doc in DOC_SERVERS {
        let ip = state.address(doc.created_at);
        let vm = Vm {
            label: doc.label.to_owned(),
            hostname: doc.hostname.to_owned(),
            domain_name: doc.domain_name.to_owned(),
            cloud_id: doc.cloud_id,
            system_template_id: doc.system_template_id,
            consumer_id: 0,
            backups_enabled: doc.backups_enabled,
            password: doc.password.to_owned(),
            slices: 1,
            daily_slices: 0,
            rsync_backups: false,
            r1soft_backups: false,
            slices_reported: false,
            created_at: doc.created_at.to_owned(),
            updated_at: doc.updated_at.to_owned(),
            bandwidth_used: doc.bandwidth_used,
            delayed_storage: doc.delayed_storage,
            delayed_storage_until: doc.delayed_storage_until.map(str::to_owned),
            licences: super::licences::seeded(doc.id),
            ip,
            phase: Transition::settled(if doc.running { Phase::Running } else { Phase::Stopped }),
        };
        state.servers.insert(doc.id, vm);
    }
    for (label, hostname, domain, cloud_id, template, slices, phase, created) in FLEET {
        let id = state.provision(Order {
            label: label.to_owned(),
            hostname: hostname.to_owned(),
            domain_name: domain.to_owned(),
            cloud_id,
            system_template_id: template,
            backups_enabled: false,
            slices,
            created_at: created.to_owned(),
            phase: Transition::settled(phase),
        });
        if let Some(vm) = state.servers.get_mut(&id) {
            vm.bandwidth_used = u64::from(slices) * 1_048_576;
        }
    }
    if empty {
        state.servers.clear();
    }
    state
}
