//! The catalog and the VMs the simulator starts with: the doc's example VM
//! verbatim, and a small fleet with one VM in each state a person meets.

use std::collections::BTreeMap;
use std::time::Duration;

use super::catalog::{self, OsTemplate, Package, Region};
use super::state::{Ids, IpAllocation, State, Task, TaskStatus, Vm, Vps247, OWNER_ID};
use crate::common::Transition;

/// Ids 1 are the ones the doc's example VM refers to.
pub(super) const REGIONS: &[Region] = &[
    Region { id: 1, name: "New York 1", country: "US", package_ids: &[1, 2, 3, 4], os_template_ids: &[1, 2, 3, 4] },
    Region { id: 2, name: "London 1", country: "GB", package_ids: &[2, 3, 4], os_template_ids: &[2, 3, 4] },
    Region { id: 3, name: "Amsterdam 1", country: "NL", package_ids: &[1, 2, 3], os_template_ids: &[2, 3, 4] },
    // The smallest region: two packages, two systems.
    Region { id: 25, name: "Madrid 1", country: "ES", package_ids: &[1, 2], os_template_ids: &[2, 3] },
];

pub(super) const PACKAGES: &[Package] = &[
    Package { id: 1, name: "Budget", cpus: 1, memory: 512, disk: 20, transfer: 1_000_000, price: "5.00" },
    Package { id: 2, name: "Standard", cpus: 1, memory: 1024, disk: 40, transfer: 2_000_000, price: "10.00" },
    Package { id: 3, name: "Premium", cpus: 2, memory: 4096, disk: 80, transfer: 4_000_000, price: "20.00" },
    Package { id: 4, name: "Business", cpus: 4, memory: 8192, disk: 160, transfer: 5_000_000, price: "40.00" },
];

pub(super) const OS_TEMPLATES: &[OsTemplate] = &[
    OsTemplate { id: 1, name: "Ubuntu 11.10 Server x64" },
    OsTemplate { id: 2, name: "Ubuntu 14.04 Server x64" },
    OsTemplate { id: 3, name: "Debian 7 x64" },
    OsTemplate { id: 4, name: "CentOS 7 x64" },
];

/// The doc's example VM.
pub(super) const DOC_VM: u64 = 90;
/// Still being set up: refuses power actions with 406.
pub(super) const PENDING_VM: u64 = 93;

pub(super) fn seed(transition: Duration, empty: bool) -> Vps247 {
    let mut vms = BTreeMap::new();
    vms.insert(DOC_VM, doc_vm());
    let fleet = [
        (91, "web-frontend", State::Running, 1, 2, 2, "185.93.180.11", true, "2015-03-02T09:14:07.512Z"),
        (92, "db-primary", State::Halted, 2, 3, 4, "185.93.181.20", false, "2015-03-05T17:40:33.101Z"),
        (PENDING_VM, "ci-runner", State::Pending, 25, 1, 3, "185.93.182.30", false, "2015-04-11T08:02:45.900Z"),
        (94, "mail", State::Running, 3, 1, 3, "185.93.183.40", true, "2015-03-20T12:00:00.000Z"),
    ];
    for (id, name, state, region, package, os, ip, ipv6, created) in fleet {
        vms.insert(id, demo_vm(id, name, state, (region, package, os), ip, ipv6, created));
    }
    if empty {
        vms.clear();
    }
    Vps247 { transition, vms, ids: Ids { vm: 95, task: 100, disk: 200, host: 0 } }
}

/// Every value as the doc's example has it, `last_task` included.
fn doc_vm() -> Vm {
    Vm {
        name: "api_test".to_owned(),
        hostname: "xxxx".to_owned(),
        state: Transition::settled(State::Running),
        created_at: "2015-02-21T00:26:55.068Z".to_owned(),
        region: &REGIONS[0],
        os: &OS_TEMPLATES[0],
        package: &PACKAGES[0],
        initial_password: "xxxx".to_owned(),
        owner_id: OWNER_ID,
        updated_at: "2015-02-21T00:35:29.192Z".to_owned(),
        ip_allocations: vec![IpAllocation::single(4, "123.123.123.123", "123.123.123.1", 25)],
        last_task: Task { id: 1, name: "VmKill", status: Transition::settled(TaskStatus::Pending) },
        unbilled_hours: 1,
        transfer: 22410,
        month_transfer: 22410,
        disk_ids: vec![88],
    }
}

fn demo_vm(
    id: u64,
    name: &str,
    state: State,
    (region, package, os): (u64, u64, u64),
    ip: &str,
    ipv6: bool,
    created: &str,
) -> Vm {
    let package = catalog::package(package).expect("seeded package is in PACKAGES");
    let gateway = format!("{}.1", ip.rsplit_once('.').map_or(ip, |(net, _)| net));
    let mut ip_allocations = vec![IpAllocation::single(4, ip, &gateway, 24)];
    if ipv6 {
        ip_allocations.push(IpAllocation::single(
            6,
            &format!("2a03:b0c0:{id:x}::10"),
            &format!("2a03:b0c0:{id:x}::1"),
            64,
        ));
    }
    // The pending VM's creation never finishes: it stays in provisioning.
    let (task, status) = match state {
        State::Pending => ("VmCreate", TaskStatus::Pending),
        State::Halted => ("VmStop", TaskStatus::Complete),
        _ => ("VmStart", TaskStatus::Complete),
    };
    Vm {
        name: name.to_owned(),
        hostname: format!("{name}.example.com"),
        state: Transition::settled(state),
        created_at: created.to_owned(),
        region: catalog::region(region).expect("seeded region is in REGIONS"),
        os: catalog::os_template(os).expect("seeded OS template is in OS_TEMPLATES"),
        package,
        initial_password: format!("demo{id}pass"),
        owner_id: OWNER_ID,
        updated_at: created.to_owned(),
        ip_allocations,
        last_task: Task { id, name: task, status: Transition::settled(status) },
        unbilled_hours: if state == State::Running { 240 } else { 0 },
        transfer: package.transfer,
        month_transfer: package.transfer - id * 1000,
        disk_ids: vec![id + 100],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_has_the_states_a_person_meets() {
        let seeded = seed(Duration::from_millis(1), false);
        let states: Vec<State> = seeded.vms.values().map(|vm| vm.state.get()).collect();
        for state in [State::Running, State::Halted, State::Pending] {
            assert!(states.contains(&state), "no seeded VM is {state:?}");
        }
        assert!(seeded.vms.values().all(|vm| !vm.ip_allocations.is_empty()));
        assert!(seeded.ids.vm > *seeded.vms.keys().last().unwrap());
    }
}
