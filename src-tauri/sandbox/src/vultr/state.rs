//! The account the simulator serves and the rules its servers follow.

use std::collections::BTreeMap;
use std::time::Duration;

use rand::distr::{Alphanumeric, SampleString};
use rand::Rng;
use serde::Serialize;

use super::catalog::{Plan, Region};
use super::invalid;
use crate::common::{bump, Failure, Transition};

pub(super) struct Vultr {
    pub transition: Duration,
    pub servers: Servers,
    pub snapshots: BTreeMap<String, Snapshot>,
    pub sshkeys: BTreeMap<String, SshKey>,
    pub scripts: BTreeMap<u64, Script>,
    /// BACKUPID -> the backup. The doc names backup/list without showing
    /// it; it answers in the shape of Vultr's published v1 reference.
    pub backups: BTreeMap<String, Backup>,
    pub ids: Ids,
}

/// Id sources: new ids only grow, so tests can predict them.
pub(super) struct Ids {
    pub subid: u64,
    /// Feeds SNAPSHOTID and SSHKEYID, 13 hex digits like PHP's uniqid().
    pub hex: u64,
    pub script: u64,
    /// Feeds every address the simulator hands out.
    pub host: u32,
}

impl Ids {
    pub fn subid(&mut self) -> u64 {
        bump(&mut self.subid)
    }

    pub fn hex(&mut self) -> String {
        format!("{:013x}", bump(&mut self.hex))
    }

    pub fn script(&mut self) -> u64 {
        bump(&mut self.script)
    }

    pub fn host(&mut self) -> u32 {
        self.host += 1;
        self.host
    }
}

/// Where a server is in its life; `status`, `power_status` and `server_state`
/// are all derived from it so they can never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Installing,
    Booting,
    Running,
    Stopped,
    Suspended,
}

impl Phase {
    pub fn status(self) -> &'static str {
        match self {
            Phase::Installing => "pending",
            Phase::Suspended => "suspended",
            Phase::Booting | Phase::Running | Phase::Stopped => "active",
        }
    }

    pub fn power_status(self) -> &'static str {
        if self.powered() {
            "running"
        } else {
            "stopped"
        }
    }

    pub fn server_state(self) -> &'static str {
        match self {
            Phase::Installing => "none",
            Phase::Booting => "installingbooting",
            Phase::Running | Phase::Stopped => "ok",
            Phase::Suspended => "locked",
        }
    }

    pub fn powered(self) -> bool {
        matches!(self, Phase::Booting | Phase::Running)
    }
}

pub(super) struct Server {
    pub label: String,
    pub os: String,
    pub ram_mb: u32,
    pub disk_gb: u32,
    pub vcpu_count: u32,
    pub location: String,
    pub dcid: u32,
    pub plan_id: u32,
    pub cost_per_month: String,
    pub allowed_bandwidth_gb: String,
    pub default_password: String,
    pub date_created: String,
    pub pending_charges: String,
    pub current_bandwidth_gb: f64,
    /// Assigned at creation, shown once the install is done.
    pub net: Network,
    pub main_ipv4: Ipv4,
    pub secondary_ipv4: Vec<Ipv4>,
    pub reverse_ipv6: Vec<ReverseIpv6>,
    pub kvm_url: String,
    pub auto_backups: bool,
    pub phase: Transition<Phase>,
    pub bandwidth: Bandwidth,
}

pub(super) struct Network {
    pub netmask_v4: String,
    pub gateway_v4: String,
    /// The three v6 fields are empty when IPv6 is not enabled.
    pub v6_network: String,
    pub v6_main_ip: String,
    pub v6_network_size: String,
    /// Empty without private networking.
    pub internal_ip: String,
}

pub(super) struct Ipv4 {
    pub ip: String,
    pub reverse: String,
    /// What reverse_default_ipv4 puts back.
    pub default_reverse: String,
}

impl Ipv4 {
    pub fn new(ip: String) -> Self {
        let reverse = format!("{ip}.vultr.com");
        Ipv4 { ip, default_reverse: reverse.clone(), reverse }
    }
}

#[derive(Clone, Serialize)]
pub(super) struct ReverseIpv6 {
    pub ip: String,
    pub reverse: String,
}

#[derive(Default, Serialize)]
pub(super) struct Bandwidth {
    pub incoming_bytes: Vec<[&'static str; 2]>,
    pub outgoing_bytes: Vec<[&'static str; 2]>,
}

impl Server {
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    pub fn installed(&self) -> bool {
        self.phase() != Phase::Installing
    }

    pub fn has_ipv6(&self) -> bool {
        !self.net.v6_network.is_empty()
    }

    /// A hard restart: "installingbooting" for `delay`, then running.
    pub fn boot(&mut self, delay: Duration) {
        self.phase = Transition::after(Phase::Booting, delay, Phase::Running);
    }

    pub fn halt(&mut self) {
        self.phase = Transition::settled(Phase::Stopped);
    }

    /// Reinstalls and OS changes come back with a fresh root password.
    pub fn reinstall(&mut self, delay: Duration) {
        self.default_password = password();
        self.boot(delay);
    }
}

/// Lowercase like the doc's "nreqnusibni".
pub(super) fn password() -> String {
    let mut rng = rand::rng();
    (0..11).map(|_| rng.random_range('a'..='z')).collect()
}

pub(super) fn kvm_url() -> String {
    let data = Alphanumeric.sample_string(&mut rand::rng(), 16);
    format!("https://my.vultr.com/subs/novnc/api.php?data={data}")
}

pub(super) const INVALID_SERVER: &str =
    "Invalid server.  Check SUBID value and ensure your API key matches the server's account";

pub(super) struct Servers(pub BTreeMap<u64, Server>);

impl Servers {
    pub fn find(&self, subid: Option<&str>) -> Result<(u64, &Server), Failure> {
        let id = parse_subid(subid)?;
        self.0.get(&id).map(|s| (id, s)).ok_or_else(|| invalid(INVALID_SERVER))
    }

    pub fn find_mut(&mut self, subid: Option<&str>) -> Result<&mut Server, Failure> {
        let id = parse_subid(subid)?;
        self.0.get_mut(&id).ok_or_else(|| invalid(INVALID_SERVER))
    }

    /// A server that takes power, OS and address actions: not while the
    /// install runs, not while suspended.
    pub fn operable(&mut self, subid: Option<&str>) -> Result<&mut Server, Failure> {
        let server = self.find_mut(subid)?;
        match server.phase() {
            Phase::Installing => Err(invalid("Server is currently locked")),
            Phase::Suspended => Err(invalid("Server is currently suspended. Contact support to restore service")),
            Phase::Booting | Phase::Running | Phase::Stopped => Ok(server),
        }
    }
}

fn parse_subid(subid: Option<&str>) -> Result<u64, Failure> {
    subid.and_then(|s| s.parse().ok()).ok_or_else(|| invalid(INVALID_SERVER))
}

/// What server/create (and the seed) ask for.
pub(super) struct Order {
    pub region: &'static Region,
    pub plan: &'static Plan,
    pub os: &'static str,
    pub label: String,
    pub ipv6: bool,
    pub private_network: bool,
    pub auto_backups: bool,
    pub date_created: String,
    pub phase: Transition<Phase>,
}

pub(super) const INVALID_SNAPSHOT: &str = "Invalid snapshot ID.  Check SNAPSHOTID value";

impl Vultr {
    /// A snapshot a server can be installed from or restored to.
    pub fn restorable_snapshot(&self, id: Option<&str>) -> Result<(), Failure> {
        let snapshot = id.and_then(|id| self.snapshots.get(id)).ok_or_else(|| invalid(INVALID_SNAPSHOT))?;
        match snapshot.status.get() {
            SnapshotStatus::Complete => Ok(()),
            SnapshotStatus::Pending => Err(invalid("Snapshot is not complete yet.  Wait for status 'complete'")),
        }
    }

    pub fn provision(&mut self, order: Order) -> u64 {
        let subid = self.ids.subid();
        let host = self.ids.host();
        let (third, _) = public_octets(host);
        let net = Network {
            netmask_v4: "255.255.254.0".to_owned(),
            gateway_v4: format!("149.28.{third}.1"),
            v6_network: if order.ipv6 { format!("2001:19f0:5:{host:x}::") } else { String::new() },
            v6_main_ip: if order.ipv6 { format!("2001:19f0:5:{host:x}:5400:4ff:fe00:{host:x}") } else { String::new() },
            v6_network_size: if order.ipv6 { "64".to_owned() } else { String::new() },
            internal_ip: if order.private_network {
                format!("10.99.{}.{}", host / 200 % 256, host % 200 + 10)
            } else {
                String::new()
            },
        };
        let plan = order.plan;
        let server = Server {
            label: order.label,
            os: order.os.to_owned(),
            ram_mb: plan.ram_mb,
            disk_gb: plan.disk_gb,
            vcpu_count: plan.vcpu_count,
            location: order.region.name.to_owned(),
            dcid: order.region.id,
            plan_id: plan.id,
            cost_per_month: plan.price_per_month.to_owned(),
            allowed_bandwidth_gb: bandwidth_gb(plan.bandwidth_tb),
            default_password: password(),
            date_created: order.date_created,
            pending_charges: "0.00".to_owned(),
            current_bandwidth_gb: 0.0,
            net,
            main_ipv4: Ipv4::new(public_ipv4(host)),
            secondary_ipv4: Vec::new(),
            reverse_ipv6: Vec::new(),
            kvm_url: kvm_url(),
            auto_backups: order.auto_backups,
            phase: order.phase,
            bandwidth: Bandwidth::default(),
        };
        self.servers.0.insert(subid, server);
        subid
    }
}

/// Addresses in 149.28.0.0/16, grouped in /23 networks as Vultr does.
fn public_octets(host: u32) -> (u32, u32) {
    (32 + 2 * (host / 250 % 100), host % 250 + 2)
}

pub(super) fn public_ipv4(host: u32) -> String {
    let (third, fourth) = public_octets(host);
    format!("149.28.{third}.{fourth}")
}

/// Plans give terabytes ("0.50"), servers gigabytes ("500").
fn bandwidth_gb(terabytes: &str) -> String {
    let tb: f64 = terabytes.parse().unwrap_or_default();
    format!("{}", (tb * 1000.0).round())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SnapshotStatus {
    Pending,
    Complete,
}

impl SnapshotStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotStatus::Pending => "pending",
            SnapshotStatus::Complete => "complete",
        }
    }
}

pub(super) struct Snapshot {
    pub date_created: String,
    pub description: String,
    pub size: String,
    pub status: Transition<SnapshotStatus>,
}

/// One of a server's automatic backups.
pub(super) struct Backup {
    pub server: u64,
    pub date_created: &'static str,
    pub description: &'static str,
    pub size: &'static str,
    pub status: &'static str,
}

pub(super) struct SshKey {
    /// The doc's example has `null` here.
    pub date_created: Option<String>,
    pub name: String,
    pub ssh_key: String,
}

pub(super) struct Script {
    pub date_created: String,
    pub date_modified: String,
    pub name: String,
    pub kind: &'static str,
    pub script: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_map_to_the_three_fields() {
        let fields = |p: Phase| (p.status(), p.power_status(), p.server_state());
        assert_eq!(fields(Phase::Installing), ("pending", "stopped", "none"));
        assert_eq!(fields(Phase::Booting), ("active", "running", "installingbooting"));
        assert_eq!(fields(Phase::Running), ("active", "running", "ok"));
        assert_eq!(fields(Phase::Stopped), ("active", "stopped", "ok"));
        assert_eq!(fields(Phase::Suspended), ("suspended", "stopped", "locked"));
    }

    #[test]
    fn bandwidth_in_gigabytes() {
        assert_eq!(bandwidth_gb("1"), "1000");
        assert_eq!(bandwidth_gb("0.50"), "500");
        assert_eq!(bandwidth_gb("2.00"), "2000");
    }

    #[test]
    fn ids_grow() {
        let mut ids = Ids { subid: 7, hex: 0x5359435dc1df4, script: 6, host: 0 };
        assert_eq!((ids.subid(), ids.subid()), (7, 8));
        assert_eq!(ids.hex(), "5359435dc1df4");
        assert_eq!(ids.hex(), "5359435dc1df5");
        assert_eq!(ids.script(), 6);
        assert_eq!(public_ipv4(ids.host()), "149.28.32.3");
    }

    #[test]
    fn passwords_look_like_the_doc() {
        let p = password();
        assert_eq!(p.len(), 11);
        assert!(p.chars().all(|c| c.is_ascii_lowercase()));
    }
}
