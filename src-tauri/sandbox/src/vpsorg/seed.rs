//! The demo account: the doc's two servers as its examples show them, plus
//! a fleet with one server in each state a client has to tell apart.

use std::collections::BTreeMap;
use std::time::Duration;

use super::catalog::{os, plan, Os, Plan};
use super::state::{Phase, Server, Usage, VpsOrg};
use crate::common::Transition;

/// Enough for a handful of small servers; the Enterprise plan does not fit.
const CREDIT_CENTS: u64 = 15_000;

fn catalog(plan_id: u64, os_id: u64) -> (&'static Plan, &'static Os) {
    (plan(plan_id).expect("the seed uses catalog plans"), os(os_id).expect("the seed uses catalog systems"))
}

struct Seed {
    name: &'static str,
    hostname: &'static str,
    phase: Phase,
    ipv4: &'static str,
    ipv6: &'static str,
    location: &'static str,
    plan: u64,
    os: u64,
    backups: bool,
    usage: Usage,
    created_at: &'static str,
    updated_at: &'static str,
}

const IDLE: Usage = Usage { cpu_percent: 0.0, memory_used: 0, disk_used: 0, bandwidth_used: 0 };

const SEEDS: &[(u64, Seed)] = &[
    (
        12341,
        Seed {
            name: "mail-server-01",
            hostname: "mail01.example.com",
            phase: Phase::Halted,
            ipv4: "203.0.113.21",
            ipv6: "2001:0db8::21",
            location: "eu-west",
            plan: 3,
            os: 3,
            backups: true,
            usage: IDLE,
            created_at: "2024-11-02T08:00:00Z",
            updated_at: "2025-01-14T19:05:00Z",
        },
    ),
    (
        12342,
        Seed {
            name: "legacy-shop",
            hostname: "shop.example.com",
            phase: Phase::Suspended,
            ipv4: "203.0.113.22",
            ipv6: "2001:0db8::22",
            location: "us-east",
            plan: 1,
            os: 7,
            backups: false,
            usage: IDLE,
            created_at: "2024-06-20T12:10:00Z",
            updated_at: "2025-01-01T00:00:00Z",
        },
    ),
    (
        12343,
        Seed {
            name: "staging-01",
            hostname: "staging01.example.com",
            phase: Phase::Active,
            ipv4: "203.0.113.23",
            ipv6: "2001:0db8::23",
            location: "eu-west",
            plan: 3,
            os: 8,
            backups: false,
            usage: Usage { cpu_percent: 4.2, memory_used: 612, disk_used: 11, bandwidth_used: 38 },
            created_at: "2024-12-03T10:45:00Z",
            updated_at: "2025-01-13T07:30:00Z",
        },
    ),
    (
        12344,
        Seed {
            name: "ci-runner-01",
            hostname: "ci01.example.com",
            phase: Phase::Provisioning,
            ipv4: "203.0.113.24",
            ipv6: "2001:0db8::24",
            location: "us-west",
            plan: 2,
            os: 5,
            backups: false,
            usage: IDLE,
            created_at: "2025-01-16T15:20:00Z",
            updated_at: "2025-01-16T15:20:00Z",
        },
    ),
    // The doc's "Get server details" example, field for field. Its list
    // example gives an older updated_at (2025-01-15T10:20:00Z) for the same
    // server; the details are the later state.
    (
        12345,
        Seed {
            name: "web-server-01",
            hostname: "web01.example.com",
            phase: Phase::Active,
            ipv4: "203.0.113.10",
            ipv6: "2001:0db8::1",
            location: "us-west",
            plan: 1,
            os: 5,
            backups: true,
            usage: Usage { cpu_percent: 23.5, memory_used: 2048, disk_used: 35, bandwidth_used: 450 },
            created_at: "2025-01-10T14:30:00Z",
            updated_at: "2025-01-16T15:45:00Z",
        },
    ),
    // The doc's list example.
    (
        12346,
        Seed {
            name: "db-server-01",
            hostname: "db01.example.com",
            phase: Phase::Active,
            ipv4: "203.0.113.11",
            ipv6: "2001:0db8::2",
            location: "us-east",
            plan: 2,
            os: 3,
            backups: true,
            usage: Usage { cpu_percent: 41.0, memory_used: 6144, disk_used: 92, bandwidth_used: 1210 },
            created_at: "2025-01-12T09:15:00Z",
            updated_at: "2025-01-16T08:45:00Z",
        },
    ),
];

pub(super) fn seed(transition: Duration, empty: bool) -> VpsOrg {
    let servers: BTreeMap<u64, Server> = if empty {
        BTreeMap::new()
    } else {
        SEEDS
            .iter()
            .map(|(id, s)| {
                let (plan, os) = catalog(s.plan, s.os);
                let phase = match s.phase {
                    // Seeded mid-provisioning: it finishes like a new server.
                    Phase::Provisioning => Transition::after(Phase::Provisioning, transition, Phase::Active),
                    settled => Transition::settled(settled),
                };
                let server = Server {
                    name: s.name.to_owned(),
                    hostname: Some(s.hostname.to_owned()),
                    location: s.location,
                    plan,
                    os,
                    backups_enabled: s.backups,
                    ipv4: s.ipv4.to_owned(),
                    ipv6: s.ipv6.to_owned(),
                    usage: s.usage,
                    phase,
                    created_at: s.created_at.to_owned(),
                    updated_at: s.updated_at.to_owned(),
                };
                (*id, server)
            })
            .collect()
    };
    VpsOrg {
        transition,
        servers,
        // The doc's create example answers with id 12347.
        next_id: 12347,
        next_host: 29,
        credit_cents: CREDIT_CENTS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_has_every_state_a_client_must_handle() {
        let seeded = seed(Duration::from_secs(60), false);
        let phases: Vec<Phase> = seeded.servers.values().map(Server::phase).collect();
        for phase in [Phase::Active, Phase::Halted, Phase::Suspended, Phase::Provisioning] {
            assert!(phases.contains(&phase), "no seeded server is {phase:?}");
        }
        assert!(seed(Duration::from_secs(60), true).servers.is_empty());
    }
}
