//! The account the simulator serves and the rules its VMs follow.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::http::StatusCode;
use rand::Rng;
use serde::Serialize;

use super::catalog::{OsTemplate, Package, Region};
use super::{refuse, Refusal};
use crate::common::{bump, Transition};

pub(super) struct Vps247 {
    pub transition: Duration,
    pub vms: BTreeMap<u64, Vm>,
    pub ids: Ids,
}

/// Id sources: new ids only grow, so tests can predict them.
pub(super) struct Ids {
    pub vm: u64,
    pub task: u64,
    pub disk: u64,
    /// Feeds every address the simulator hands out.
    pub host: u32,
}

/// The doc's states: "pending, running, halted, halting, starting".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum State {
    Pending,
    Running,
    Halted,
    Halting,
    Starting,
}

impl State {
    pub fn word(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Running => "running",
            State::Halted => "halted",
            State::Halting => "halting",
            State::Starting => "starting",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TaskStatus {
    Pending,
    Complete,
}

/// `last_task`: the action the VM last took, "pending" while it runs.
pub(super) struct Task {
    pub id: u64,
    pub name: &'static str,
    pub status: Transition<TaskStatus>,
}

#[derive(Clone, Serialize)]
pub(super) struct IpAllocation {
    pub version: u8,
    pub first: String,
    pub last: String,
    pub gateway: String,
    pub prefixlen: u8,
}

impl IpAllocation {
    /// One address, as every allocation of the doc is.
    pub fn single(version: u8, ip: &str, gateway: &str, prefixlen: u8) -> Self {
        IpAllocation { version, first: ip.to_owned(), last: ip.to_owned(), gateway: gateway.to_owned(), prefixlen }
    }
}

pub(super) struct Vm {
    pub name: String,
    pub hostname: String,
    pub state: Transition<State>,
    pub created_at: String,
    pub region: &'static Region,
    pub os: &'static OsTemplate,
    pub package: &'static Package,
    pub initial_password: String,
    pub owner_id: u64,
    pub updated_at: String,
    pub ip_allocations: Vec<IpAllocation>,
    pub last_task: Task,
    pub unbilled_hours: u64,
    pub transfer: u64,
    pub month_transfer: u64,
    pub disk_ids: Vec<u64>,
}

/// The four power calls of the doc.
#[derive(Clone, Copy, Debug)]
pub(super) enum Power {
    Start,
    Stop,
    Restart,
    Kill,
}

impl Power {
    fn verb(self) -> &'static str {
        match self {
            Power::Start => "started",
            Power::Stop => "stopped",
            Power::Restart => "restarted",
            Power::Kill => "killed",
        }
    }

    fn task(self) -> &'static str {
        match self {
            Power::Start => "VmStart",
            Power::Stop => "VmStop",
            Power::Restart => "VmRestart",
            Power::Kill => "VmKill",
        }
    }

    /// The state the call passes through and the one it ends in, or `None`
    /// when the VM is not in a state to take it (the doc's 406).
    fn from(self, state: State) -> Option<(State, State)> {
        use State::*;
        match (self, state) {
            (Power::Start, Halted) => Some((Starting, Running)),
            (Power::Stop, Running) => Some((Halting, Halted)),
            // "equivalent to powering it down, and back on again".
            (Power::Restart, Running | Halted) => Some((Starting, Running)),
            // Pulls the plug on a VM that is up or coming up.
            (Power::Kill, Running | Starting) => Some((Halting, Halted)),
            _ => None,
        }
    }
}

pub(super) const NOT_FOUND: &str = "Virtual machine not found";

impl Vps247 {
    pub fn vm(&self, id: u64) -> Result<&Vm, Refusal> {
        self.vms.get(&id).ok_or_else(|| refuse(StatusCode::NOT_FOUND, NOT_FOUND))
    }

    pub fn task(&mut self, name: &'static str) -> Task {
        Task {
            id: bump(&mut self.ids.task),
            name,
            status: Transition::after(TaskStatus::Pending, self.transition, TaskStatus::Complete),
        }
    }

    pub fn power(&mut self, id: u64, call: Power) -> Result<&Vm, Refusal> {
        let state = self.vm(id)?.state.get();
        let (through, to) = call.from(state).ok_or_else(|| {
            refuse(StatusCode::NOT_ACCEPTABLE, format!("VM is {} and cannot be {} now", state.word(), call.verb()))
        })?;
        let task = self.task(call.task());
        let transition = self.transition;
        let vm = self.vms.get_mut(&id).ok_or_else(|| refuse(StatusCode::NOT_FOUND, NOT_FOUND))?;
        vm.state = Transition::after(through, transition, to);
        vm.last_task = task;
        vm.updated_at = now();
        Ok(vm)
    }

    /// "the VM must first be powered down": anything but halted is refused.
    pub fn delete(&mut self, id: u64) -> Result<(), Refusal> {
        let state = self.vm(id)?.state.get();
        if state != State::Halted {
            return Err(refuse(
                StatusCode::BAD_REQUEST,
                format!("VM is {}: it must be halted before it can be deleted", state.word()),
            ));
        }
        self.vms.remove(&id);
        Ok(())
    }

    /// A new VM: pending for the transition time, then running, with its
    /// addresses allocated from the start.
    pub fn provision(&mut self, order: Order) -> u64 {
        let id = bump(&mut self.ids.vm);
        self.ids.host += 1;
        let host = self.ids.host;
        let (third, fourth) = (180 + host / 250 % 50, host % 250 + 2);
        let mut ip_allocations =
            vec![IpAllocation::single(4, &format!("185.93.{third}.{fourth}"), &format!("185.93.{third}.1"), 24)];
        if order.ipv6 {
            ip_allocations.push(IpAllocation::single(
                6,
                &format!("2a03:b0c0:{third:x}::{fourth:x}"),
                &format!("2a03:b0c0:{third:x}::1"),
                64,
            ));
        }
        let task = self.task("VmCreate");
        let now = now();
        let vm = Vm {
            hostname: order.name.clone(),
            name: order.name,
            state: Transition::after(State::Pending, self.transition, State::Running),
            created_at: now.clone(),
            region: order.region,
            os: order.os,
            package: order.package,
            initial_password: password(),
            owner_id: OWNER_ID,
            updated_at: now,
            ip_allocations,
            last_task: task,
            unbilled_hours: 0,
            transfer: order.package.transfer,
            month_transfer: order.package.transfer,
            disk_ids: vec![bump(&mut self.ids.disk)],
        };
        self.vms.insert(id, vm);
        id
    }
}

/// The doc example's `owner_id`: every VM belongs to the demo user.
pub(super) const OWNER_ID: u64 = 1;

/// What `POST /virtual_machines` asks for.
pub(super) struct Order {
    pub name: String,
    pub region: &'static Region,
    pub os: &'static OsTemplate,
    pub package: &'static Package,
    pub ipv6: bool,
}

/// Now, the way the doc writes times: "2015-02-21T00:26:55.068Z".
pub(super) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn password() -> String {
    let mut rng = rand::rng();
    (0..12).map(|_| rng.random_range('a'..='z')).collect()
}
