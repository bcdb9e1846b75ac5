//! The account the simulator serves and the rules its cloud servers follow.

use std::collections::BTreeMap;
use std::time::Duration;

use rand::Rng;

use crate::common::Transition;

pub(super) struct VpsNet {
    pub transition: Duration,
    pub servers: BTreeMap<u64, Vm>,
    /// Deleted servers: the doc keeps them recoverable for 12 hours.
    pub recoverable: BTreeMap<u64, Vm>,
    /// Nodes bought but assigned to no server.
    pub free_nodes: u32,
    pub next_id: u64,
    /// Feeds every address (and address id) the simulator hands out.
    pub next_host: u32,
    pub tickets: super::tickets::TicketBook,
    pub dns: super::dns::DnsBook,
    pub extras: super::extras::ExtrasBook,
    pub templates: super::templates::TemplateBook,
    pub nodes: super::nodes::NodeBook,
    pub ssd: super::ssd::SsdBook,
}

/// Where a server is in its life. The API has no status word: `built`,
/// `running` and `power_action_pending` are all derived from this so they
/// never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    /// Being set up after create or rebuild.
    Building,
    /// A "pending" cloud server whose build did not finish: it stays so
    /// until rebuilt, and refuses power calls.
    Unbuilt,
    Running,
    Stopped,
    /// After power_on or reboot, until it is up.
    PoweringOn,
    /// After a graceful shutdown, until it is off.
    ShuttingDown,
}

impl Phase {
    pub fn built(self) -> bool {
        !matches!(self, Phase::Building | Phase::Unbuilt)
    }

    pub fn running(self) -> bool {
        matches!(self, Phase::Running | Phase::ShuttingDown)
    }

    pub fn power_action_pending(self) -> bool {
        matches!(self, Phase::PoweringOn | Phase::ShuttingDown)
    }
}

pub(super) struct Ip {
    pub id: u64,
    pub address: String,
    pub created_at: String,
}

pub(super) struct Vm {
    pub label: String,
    pub hostname: String,
    pub domain_name: String,
    pub cloud_id: u64,
    pub system_template_id: u64,
    pub consumer_id: u64,
    pub backups_enabled: bool,
    pub password: String,
    /// Regular nodes assigned; what `slices_required` sets.
    pub slices: u32,
    /// Regular nodes billed daily (`daily_nodes_required`), listed as
    /// `daily_node` slices.
    pub daily_slices: u32,
    pub rsync_backups: bool,
    pub r1soft_backups: bool,
    /// The doc's examples say `"slices_count": null`; their servers keep
    /// saying so (the node list still tells).
    pub slices_reported: bool,
    pub created_at: String,
    pub updated_at: String,
    pub bandwidth_used: u64,
    pub delayed_storage: bool,
    pub delayed_storage_until: Option<String>,
    /// Control-panel licence ids held (`super::licences`).
    pub licences: std::collections::BTreeSet<u64>,
    pub ip: Ip,
    pub phase: Transition<Phase>,
}

impl Vm {
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    pub fn set(&mut self, phase: Phase) {
        self.phase = Transition::settled(phase);
    }

    pub fn after(&mut self, now: Phase, delay: Duration, then: Phase) {
        self.phase = Transition::after(now, delay, then);
    }
}

/// What create (and the seed) ask for.
pub(super) struct Order {
    pub label: String,
    pub hostname: String,
    pub domain_name: String,
    pub cloud_id: u64,
    pub system_template_id: u64,
    pub backups_enabled: bool,
    pub slices: u32,
    pub created_at: String,
    pub phase: Transition<Phase>,
}

impl VpsNet {
    pub fn provision(&mut self, order: Order) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let ip = self.address(&order.created_at);
        let vm = Vm {
            label: order.label,
            hostname: order.hostname,
            domain_name: order.domain_name,
            cloud_id: order.cloud_id,
            system_template_id: order.system_template_id,
            consumer_id: 0,
            backups_enabled: order.backups_enabled,
            password: password(),
            slices: order.slices,
            daily_slices: 0,
            rsync_backups: false,
            r1soft_backups: false,
            slices_reported: true,
            updated_at: order.created_at.clone(),
            created_at: order.created_at,
            bandwidth_used: 0,
            delayed_storage: false,
            delayed_storage_until: None,
            licences: Default::default(),
            ip,
            phase: order.phase,
        };
        self.servers.insert(id, vm);
        id
    }

    /// Addresses in 68.169.0.0/16, the block of the doc's own examples.
    pub fn address(&mut self, created_at: &str) -> Ip {
        self.next_host += 1;
        let host = self.next_host;
        Ip {
            id: 4000 + u64::from(host),
            address: format!("68.169.{}.{}", 40 + host / 250 % 200, host % 250 + 2),
            created_at: created_at.to_owned(),
        }
    }
}

/// Lowercase letters and digits like the doc's "a8hjsjnbs91".
pub(super) fn password() -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..11).map(|_| char::from(CHARS[rng.random_range(0..CHARS.len())])).collect()
}

/// Now, in the doc's `2009-05-15T06:55:02-04:00` form.
pub(super) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S+00:00").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_give_the_three_flags() {
        let flags = |p: Phase| (p.built(), p.running(), p.power_action_pending());
        assert_eq!(flags(Phase::Building), (false, false, false));
        assert_eq!(flags(Phase::Unbuilt), (false, false, false));
        assert_eq!(flags(Phase::Running), (true, true, false));
        assert_eq!(flags(Phase::Stopped), (true, false, false));
        assert_eq!(flags(Phase::PoweringOn), (true, false, true));
        assert_eq!(flags(Phase::ShuttingDown), (true, true, true));
    }

    #[test]
    fn passwords_look_like_the_doc() {
        let p = password();
        assert_eq!(p.len(), 11);
        assert!(p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    }
}
