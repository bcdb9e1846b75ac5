//! Every VPS.NET call vpsdesk makes, in one table. The doc gives bodies but
//! not methods or paths; these come from `shared/providers/vpsnet-endpoints.md`
//! and all of them are its "D" rows (a named public client sends this method
//! to this path). Every path ends in `.api10json`, the format suffix that
//! selects the JSON API.

/// `GET`: the account holder (`{"user": {...}}`); the cheapest authenticated read.
pub const PROFILE: &str = "/profile.api10json";
/// `GET`: every cloud server (`[{"virtual_machine": {...}}]`); `POST`: create one.
pub const VIRTUAL_MACHINES: &str = "/virtual_machines.api10json";
/// `GET`: clouds with their templates (`[{"cloud": {...}}]`).
pub const AVAILABLE_CLOUDS: &str = "/available_clouds.api10json";
/// `GET`: the account's nodes (`[{"slice": {...}}]`), which say which server each is assigned to.
pub const NODES: &str = "/nodes.api10json";

/// `GET` shows, `PUT` edits, `DELETE` deletes one cloud server.
pub fn virtual_machine(id: &str) -> String {
    format!("/virtual_machines/{id}.api10json")
}

/// The power calls, all `POST` with no body, answered with the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowerCall {
    PowerOn,
    /// Graceful: asks the operating system to shut down.
    Shutdown,
    /// Forced: cuts the power.
    PowerOff,
    Reboot,
}

impl PowerCall {
    pub fn path(self, id: &str) -> String {
        let action = match self {
            PowerCall::PowerOn => "power_on",
            PowerCall::Shutdown => "shutdown",
            PowerCall::PowerOff => "power_off",
            PowerCall::Reboot => "reboot",
        };
        format!("/virtual_machines/{id}/{action}.api10json")
    }
}
