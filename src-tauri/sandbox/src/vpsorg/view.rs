//! The server objects as the doc shows them. The list, the details and the
//! create reply each carry a different set of fields, in the doc's order.

use serde::Serialize;

use super::catalog::{Os, Plan};
use super::state::{Phase, Server, Usage};

#[derive(Serialize)]
pub(super) struct PlanBrief {
    id: u64,
    name: &'static str,
    vcpus: u32,
    memory: u32,
    storage: u32,
}

impl From<&Plan> for PlanBrief {
    fn from(p: &Plan) -> Self {
        PlanBrief { id: p.id, name: p.name, vcpus: p.vcpus, memory: p.memory, storage: p.storage }
    }
}

/// The details add `bandwidth`.
#[derive(Serialize)]
pub(super) struct PlanFull {
    id: u64,
    name: &'static str,
    vcpus: u32,
    memory: u32,
    storage: u32,
    bandwidth: u32,
}

impl From<&Plan> for PlanFull {
    fn from(p: &Plan) -> Self {
        PlanFull {
            id: p.id,
            name: p.name,
            vcpus: p.vcpus,
            memory: p.memory,
            storage: p.storage,
            bandwidth: p.bandwidth,
        }
    }
}

#[derive(Serialize)]
pub(super) struct OsView {
    id: u64,
    name: &'static str,
}

impl From<&Os> for OsView {
    fn from(o: &Os) -> Self {
        OsView { id: o.id, name: o.name }
    }
}

#[derive(Serialize)]
pub(super) struct UsageView {
    cpu_percent: f64,
    memory_used: u32,
    disk_used: u32,
    bandwidth_used: u32,
}

impl From<Usage> for UsageView {
    fn from(u: Usage) -> Self {
        UsageView {
            cpu_percent: u.cpu_percent,
            memory_used: u.memory_used,
            disk_used: u.disk_used,
            bandwidth_used: u.bandwidth_used,
        }
    }
}

/// Addresses are `null` until provisioning is over, as in the create reply.
fn address(server: &Server, ip: &str) -> Option<String> {
    (server.phase() != Phase::Provisioning).then(|| ip.to_owned())
}

#[derive(Serialize)]
pub(super) struct ListItem {
    id: u64,
    name: String,
    hostname: Option<String>,
    status: &'static str,
    ip_address: Option<String>,
    location: &'static str,
    plan: PlanBrief,
    os: OsView,
    created_at: String,
    updated_at: String,
}

pub(super) fn list_item(id: u64, s: &Server) -> ListItem {
    ListItem {
        id,
        name: s.name.clone(),
        hostname: s.hostname.clone(),
        status: s.phase().word(),
        ip_address: address(s, &s.ipv4),
        location: s.location,
        plan: s.plan.into(),
        os: s.os.into(),
        created_at: s.created_at.clone(),
        updated_at: s.updated_at.clone(),
    }
}

#[derive(Serialize)]
pub(super) struct Details {
    id: u64,
    name: String,
    hostname: Option<String>,
    status: &'static str,
    ip_address: Option<String>,
    ipv6_address: Option<String>,
    location: &'static str,
    plan: PlanFull,
    os: OsView,
    backups_enabled: bool,
    resource_usage: UsageView,
    created_at: String,
    updated_at: String,
}

pub(super) fn details(id: u64, s: &Server) -> Details {
    Details {
        id,
        name: s.name.clone(),
        hostname: s.hostname.clone(),
        status: s.phase().word(),
        ip_address: address(s, &s.ipv4),
        ipv6_address: address(s, &s.ipv6),
        location: s.location,
        plan: s.plan.into(),
        os: s.os.into(),
        backups_enabled: s.backups_enabled,
        resource_usage: s.usage.into(),
        created_at: s.created_at.clone(),
        updated_at: s.updated_at.clone(),
    }
}

#[derive(Serialize)]
pub(super) struct Created {
    id: u64,
    name: String,
    hostname: Option<String>,
    status: &'static str,
    ip_address: Option<String>,
    location: &'static str,
    plan: PlanBrief,
    os: OsView,
    backups_enabled: bool,
    created_at: String,
    updated_at: String,
    message: &'static str,
}

pub(super) fn created(id: u64, s: &Server) -> Created {
    Created {
        id,
        name: s.name.clone(),
        hostname: s.hostname.clone(),
        status: s.phase().word(),
        ip_address: address(s, &s.ipv4),
        location: s.location,
        plan: s.plan.into(),
        os: s.os.into(),
        backups_enabled: s.backups_enabled,
        created_at: s.created_at.clone(),
        updated_at: s.updated_at.clone(),
        message: "Server is being provisioned. This may take 2-5 minutes.",
    }
}

/// The reply to start, stop and reboot.
#[derive(Serialize)]
pub(super) struct ActionReply {
    status: &'static str,
    message: &'static str,
    server: ActionServer,
}

#[derive(Serialize)]
struct ActionServer {
    id: u64,
    name: String,
    status: &'static str,
}

pub(super) fn action_reply(id: u64, s: &Server, message: &'static str) -> ActionReply {
    ActionReply {
        status: "success",
        message,
        server: ActionServer { id, name: s.name.clone(), status: s.phase().word() },
    }
}

/// A page of the server list (`next`/`previous` are absolute URLs or null).
#[derive(Serialize)]
pub(super) struct Page {
    pub count: usize,
    pub next: Option<String>,
    pub previous: Option<String>,
    pub results: Vec<ListItem>,
}
