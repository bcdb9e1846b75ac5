//! A large fleet on top of the seed (`Options::extra_servers`), for measuring
//! how the app scales: `make bench` loads 10,000 servers into the demo.
//!
//! Everything a person sees is derived from the index, so two runs show the
//! same table: names `node-00001`… (a search for `node-001` matches 1 % of
//! them), addresses in order, regions, plans and systems in turn, and a fixed
//! mix of states. None is installing, so the fleet alone never makes the app
//! poll faster.

use super::seed::{OPERATING_SYSTEMS, PLANS, REGIONS};
use super::state::{Order, Phase, Vultr};
use crate::common::Transition;

pub(super) fn add(vultr: &mut Vultr, count: u32) {
    let systems: Vec<&str> = OPERATING_SYSTEMS.iter().filter(|o| o.changeable()).map(|o| o.name).collect();
    for i in 0..count as usize {
        let phase = match i % 10 {
            7 | 8 => Phase::Stopped,
            9 => Phase::Suspended,
            _ => Phase::Running,
        };
        vultr.provision(Order {
            region: &REGIONS[i % REGIONS.len()],
            plan: &PLANS[i % PLANS.len()],
            os: systems[i % systems.len()],
            label: format!("node-{:05}", i + 1),
            ipv6: i % 3 == 0,
            private_network: i % 4 == 0,
            auto_backups: i % 2 == 0,
            date_created: format!("2023-{:02}-{:02} {:02}:{:02}:00", 1 + i % 12, 1 + i % 28, i % 24, i % 60),
            phase: Transition::settled(phase),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::time::Duration;

    use super::*;

    #[test]
    fn fleet_is_distinct_and_repeatable() {
        let fleet = |n| {
            let mut v = super::super::seed::seed(Duration::from_millis(1), false);
            let before = v.servers.0.len();
            add(&mut v, n);
            assert_eq!(v.servers.0.len(), before + n as usize);
            v.servers.0.values().map(|s| (s.label.clone(), s.main_ipv4.ip.clone(), s.phase())).collect::<Vec<_>>()
        };
        let first = fleet(10_000);
        assert_eq!(first, fleet(10_000));
        let ips: HashSet<_> = first.iter().map(|(_, ip, _)| ip).collect();
        assert_eq!(ips.len(), first.len(), "every server has its own address");
        let matching = first.iter().filter(|(l, _, _)| l.contains("node-001")).count();
        assert_eq!(matching, 100);
        let installing = first.iter().filter(|(_, _, p)| *p == Phase::Installing).count();
        assert_eq!(installing, 1, "only the seed's own installing server");
    }
}
