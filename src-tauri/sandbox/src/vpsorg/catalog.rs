//! What VPS.org sells. API v1 has no catalog endpoints, so these only back
//! the ids that server creation accepts and the objects servers embed.

pub(super) struct Plan {
    pub id: u64,
    pub name: &'static str,
    pub vcpus: u32,
    /// MB, as the doc's `"memory": 4096`.
    pub memory: u32,
    /// GB, as the doc's `"storage": 80`.
    pub storage: u32,
    pub bandwidth: u32,
    /// Charged from the prepaid credit at creation; never on the wire.
    pub price_cents: u64,
}

pub(super) struct Os {
    pub id: u64,
    pub name: &'static str,
}

/// Plans 1 and 2 and systems 3 and 5 are the doc's. The Enterprise plan costs
/// more than the demo credit, so creating one shows the 402.
pub(super) const PLANS: &[Plan] = &[
    Plan { id: 1, name: "Standard VPS", vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048, price_cents: 2000 },
    Plan { id: 2, name: "Performance VPS", vcpus: 4, memory: 8192, storage: 160, bandwidth: 4096, price_cents: 4000 },
    Plan { id: 3, name: "Starter VPS", vcpus: 1, memory: 2048, storage: 40, bandwidth: 1024, price_cents: 1000 },
    Plan {
        id: 4,
        name: "Enterprise VPS",
        vcpus: 16,
        memory: 65536,
        storage: 1280,
        bandwidth: 16384,
        price_cents: 32000,
    },
];

pub(super) const OPERATING_SYSTEMS: &[Os] = &[
    Os { id: 3, name: "Debian 12" },
    Os { id: 5, name: "Ubuntu 22.04 LTS" },
    Os { id: 7, name: "Rocky Linux 9" },
    Os { id: 8, name: "Ubuntu 24.04 LTS" },
];

/// Data-centre codes; `us-west` and `us-east` are the doc's.
pub(super) const LOCATIONS: &[&str] = &["us-west", "us-east", "eu-west"];

pub(super) fn plan(id: u64) -> Option<&'static Plan> {
    PLANS.iter().find(|p| p.id == id)
}

pub(super) fn os(id: u64) -> Option<&'static Os> {
    OPERATING_SYSTEMS.iter().find(|o| o.id == id)
}

pub(super) fn location(code: &str) -> Option<&'static str> {
    LOCATIONS.iter().copied().find(|l| *l == code)
}
