//! Every VPS.NET call vpsdesk makes, in one table. The doc gives bodies but
//! not methods or paths; these come from `shared/providers/vpsnet-endpoints.md`.
//! Most are its "D" rows (a named public client sends this method to this
//! path); the others say which they are where they are defined: "P" (path
//! known, method by analogy), "S" (the doc's own curl example) or INFERRED
//! (guessed from the naming, kept here so they are easy to correct). Every
//! JSON path ends in `.api10json`, the format suffix that selects the JSON API.

/// `GET`: the account holder (`{"user": {...}}`); the cheapest authenticated read.
pub const PROFILE: &str = "/profile.api10json";
/// `GET`: every cloud server (`[{"virtual_machine": {...}}]`), or with
/// `?search=` those whose address, host name, domain name, label or tag
/// matches; `POST`: create one (`{"virtual_machine": {...}}`, with `licenses`
/// to buy some), or an instant one (flat `{"instant": true, "country": N}`).
pub const VIRTUAL_MACHINES: &str = "/virtual_machines.api10json";
/// `GET`: clouds with their templates (`[{"cloud": {...}}]`).
pub const AVAILABLE_CLOUDS: &str = "/available_clouds.api10json";
/// `GET`: the SSD clouds, shaped like the clouds (`[{"cloud": {...}}]`).
pub const AVAILABLE_SSD_CLOUDS: &str = "/available_ssd_clouds.api10json";
/// `GET`: the SSD VPS (`[{"virtual_machine": {id, ssd_vps_label, hostname,
/// running, …}}]`); `POST`: create one (`{"virtual_machine": {ssd_vps_plan,
/// fqdn, system_template_id, cloud_id, …}}`).
pub const SSD_VIRTUAL_MACHINES: &str = "/ssd_virtual_machines.api10json";

/// `GET` shows, `DELETE` deletes one SSD VPS.
pub fn ssd_virtual_machine(id: &str) -> String {
    format!("/ssd_virtual_machines/{id}.api10json")
}
/// `GET`: the account's nodes (`[{"slice": {...}}]`), which say which server
/// each is assigned to; `?type=` picks the kind, `&consumer_id=` one consumer's.
pub const NODES: &str = "/nodes.api10json";

/// `GET`: the invoices (`[{"invoice": {...}}]`, or the same unwrapped).
pub const INVOICES: &str = "/invoices.api10json";
/// `GET`: `{current_balance, currency, account_credits}`. INFERRED in
/// `vpsnet-endpoints.md` (no public client calls it; the doc lists it among
/// the Invoices calls, so it is looked for under `invoices/`).
pub const CREDITS: &str = "/invoices/get_credits.api10json";

/// `GET`: an invoice as PDF bytes; no `.api10json` suffix, and the answer may
/// be a redirect to the file (the doc's example runs `curl -L -C -`). The
/// doc's "S" row: its only evidence is that example.
pub fn invoice_pdf(invoice_no: &str) -> String {
    format!("/invoices/{invoice_no}.pdf")
}

/// `GET`: deleted servers still recoverable (`[{"virtual_machine": {...}}]`).
pub const RECOVERABLE: &str = "/virtual_machines/recoverable.api10json";

/// `POST`, no body: recovers a deleted server.
pub fn recover(id: &str) -> String {
    format!("/virtual_machines/{id}/recover.api10json")
}

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
    fn action(self) -> &'static str {
        match self {
            PowerCall::PowerOn => "power_on",
            PowerCall::Shutdown => "shutdown",
            PowerCall::PowerOff => "power_off",
            PowerCall::Reboot => "reboot",
        }
    }

    pub fn path(self, id: &str) -> String {
        format!("/virtual_machines/{id}/{}.api10json", self.action())
    }

    /// The same four on an SSD VPS.
    pub fn ssd_path(self, id: &str) -> String {
        format!("/ssd_virtual_machines/{id}/{}.api10json", self.action())
    }
}

/// DNS (`vpsnet-endpoints.md` section 5). `GET`: the account's domains
/// (`[{"domain": {...}}]`); `POST`: create one (`{"domain": {name, custom_template, ip_address}}`).
pub const DOMAINS: &str = "/domains.api10json";
/// `GET`: VPS.NET's name servers (`[{host, ip}]`), to delegate domains to.
pub const DNS_HOSTS: &str = "/domains/dns_hosts.api10json";
/// `GET`: the account's DNS templates (`[{"dns_template": {...}}]`); `POST`: create one.
pub const DNS_TEMPLATES: &str = "/dns_templates.api10json";

/// `GET` shows (`{"domain": {..., serial}}`), `DELETE` deletes one domain.
pub fn domain(id: &str) -> String {
    format!("/domains/{id}.api10json")
}

/// `GET`: a domain's records (`[{"domain_record": {...}}]`); `POST`: add one.
pub fn domain_records(domain: &str) -> String {
    format!("/domains/{domain}/records.api10json")
}

/// `PUT` edits, `DELETE` deletes one record of a domain.
pub fn domain_record(domain: &str, record: &str) -> String {
    format!("/domains/{domain}/records/{record}.api10json")
}

/// INFERRED (no client shows it; named after the list): `DELETE` deletes one DNS template.
pub fn dns_template(id: &str) -> String {
    format!("/dns_templates/{id}.api10json")
}

/// INFERRED: `GET` a template's records (`[{"dns_template_record": {...}}]`); `POST` adds one.
pub fn dns_template_records(template: &str) -> String {
    format!("/dns_templates/{template}/records.api10json")
}

/// INFERRED: `PUT` edits (`{"dns_template_record": {target, ttl}}`), `DELETE` deletes one template record.
pub fn dns_template_record(template: &str, record: &str) -> String {
    format!("/dns_templates/{template}/records/{record}.api10json")
}

// Server extras (`vpsnet-endpoints.md` sections 1 to 3, 8 and 9).

/// `GET`: a server's backups (a bare array); `POST` takes one (`{"backup": {"label"}}`).
pub fn backups(server: &str) -> String {
    format!("/virtual_machines/{server}/backups.api10json")
}

/// `DELETE`: one backup (manual backups only).
pub fn backup(server: &str, backup: &str) -> String {
    format!("/virtual_machines/{server}/backups/{backup}.api10json")
}

/// `POST`, no body: restores a backup (the server must be powered off).
pub fn backup_restore(server: &str, backup: &str) -> String {
    format!("/virtual_machines/{server}/backups/{backup}/restore.api10json")
}

/// `PUT` `{"virtual_machine": {"system_template_id"}}`: reinstalls the server.
/// PHP sends PUT with this body (the doc's body); WHMCS sends POST with none.
pub fn reinstall(server: &str) -> String {
    format!("/virtual_machines/{server}/reinstall.api10json")
}

/// `POST`: rebuilds a pending server (ZH-GO sends no body).
pub fn rebuild(server: &str) -> String {
    format!("/virtual_machines/{server}/rebuild.api10json")
}

/// `POST`, no body: regenerates the network configuration; the server reboots.
pub fn rebuild_network(server: &str) -> String {
    format!("/virtual_machines/{server}/rebuild_network.api10json")
}

/// `GET`: `{"session": {port, password, ...}}`, a console session.
pub fn console(server: &str) -> String {
    format!("/virtual_machines/{server}/console.api10json")
}

/// `GET`: CPU samples `[{created_at, cpu_time, elapsed_time}]`; `?from=&to=`
/// (timestamps) narrows them to a span, as for the traffic below.
pub fn cpu_usage(server: &str) -> String {
    format!("/virtual_machines/{server}/cpu_usage.api10json")
}

/// `GET`: traffic samples `[{created_at, data_received, data_sent}]`, `?from=&to=` too.
pub fn network_utilisation(server: &str) -> String {
    format!("/virtual_machines/{server}/network_utilisation.api10json")
}

/// `GET`: the account's addresses (`[{"ip_address": {...}}]`), `?consumer_id=`
/// for one consumer's; `POST` adds some (flat `{quantity, type, virtual_machine_id}`).
pub const IPS: &str = "/ips.api10json";

/// `DELETE`: removes an address from the account; `PUT`
/// `{"ip_address": {notes, consumer_id}}` edits its notes and consumer.
pub fn ip(id: &str) -> String {
    format!("/ips/{id}.api10json")
}

/// `GET`: `{"system_template": {..., applicable_price}}`, one template on one cloud.
pub fn cloud_template(cloud: &str, template: &str) -> String {
    format!("/clouds/{cloud}/system_templates/{template}.api10json")
}

/// `GET`: a cloud with its templates (a bare object).
pub fn cloud(id: &str) -> String {
    format!("/clouds/{id}.api10json")
}

// INFERRED rows: no public client calls these; the paths follow the naming
// of their neighbours. Correct them here if VPS.NET answers otherwise.

/// INFERRED: `GET` a server's clones (`[{"clone": {...}}]`); `POST` starts one
/// (flat `{cloud_id, one_click, one_clone}`); `DELETE` with `{"id"}` deletes one
/// (the doc puts the id in the body).
pub fn clones(server: &str) -> String {
    format!("/virtual_machines/{server}/clones.api10json")
}

/// P (path from LC-PSI, that it lists custom templates inferred): `GET` the
/// custom templates (`[{"system_template": {...}}]`).
pub const SYSTEM_TEMPLATES: &str = "/system_templates.api10json";

/// INFERRED: `DELETE` removes a custom template at once; `PUT`
/// `{"system_template": {operating_system?, description, info}}` edits it
/// (the doc wraps that body in an array, taken for a doc artefact).
pub fn system_template(id: &str) -> String {
    format!("/system_templates/{id}.api10json")
}

/// `GET`: every template offered, grouped, with its id on each cloud
/// (`{"template_groups": [...]}`; the doc prints it inside an array).
pub const AVAILABLE_TEMPLATES: &str = "/available_templates.api10json";

/// INFERRED: `GET` the CloudLinux templates bought (`[{"commercial_template": {...}}]`);
/// `POST` buys one (`{"commercial_template": {confirm_purchase, system_template_id}}`).
pub const COMMERCIAL_TEMPLATES: &str = "/commercial_templates.api10json";

/// INFERRED: the same for Windows templates (`windows_template`).
pub const WINDOWS_TEMPLATES: &str = "/windows_templates.api10json";

/// `PUT` flat `{"consumer_id"}` on one node: `nodes/{id}` for regular (and
/// daily) ones, the kind's `update_*_node` call for the others (fusion and
/// bandwidth are "P" rows like their removal).
pub fn node_update(kind: crate::providers::vpsnet::ext::nodes::NodeKind, id: &str) -> String {
    use crate::providers::vpsnet::ext::nodes::NodeKind::*;
    match kind {
        Regular | Daily => format!("/nodes/{id}.api10json"),
        Ram => format!("/nodes/{id}/update_ram_node.api10json"),
        Storage => format!("/nodes/{id}/update_storage_node.api10json"),
        Fusion => format!("/nodes/{id}/update_fusion_node.api10json"),
        Bandwidth => format!("/nodes/{id}/update_bandwidth_node.api10json"),
    }
}

/// `POST` `{"one_click": true}` (the doc's body; PHP sends none): turns a
/// backup into a custom template.
pub fn backup_convert(server: &str, backup: &str) -> String {
    format!("/virtual_machines/{server}/backups/{backup}/convert.api10json")
}

/// INFERRED: `POST` flat `{virtual_machine_id}` → `{"ip_address": "…"}`:
/// moves an address to another server on its cloud.
pub fn ip_reassign(id: &str) -> String {
    format!("/ips/{id}/reassign.api10json")
}

/// INFERRED: `GET` the justified addresses (shape undocumented); `POST`
/// `{virtual_machine_id, ip_justification: {ip_address1: {justification_type, justification_reason}, …}}`.
pub const JUSTIFIED_IPS: &str = "/ips/justified.api10json";

/// INFERRED: `POST` flat `{reassign_ip, alternate_vps}` (the doc's "Options"
/// body next to this call): moves the server's managed service.
pub fn transfer_managed_service(server: &str) -> String {
    format!("/virtual_machines/{server}/transfer_managed_service.api10json")
}

/// INFERRED: `GET` the cloud groups (response shape undocumented).
pub const CLOUD_GROUPS: &str = "/cloud_groups.api10json";

/// INFERRED (`vpsnet-endpoints.md` also guesses a bare `licenses.api10json`):
/// `GET` the control-panel licences a server can have (response shape
/// undocumented). The ones it holds are in its show reply
/// (`virtual_machine_licenses`); buying and cancelling is the server's `PUT`
/// with `licenses: {"<id>": 1|0}`.
pub fn server_licences(server: &str) -> String {
    format!("/virtual_machines/{server}/licenses.api10json")
}

/// INFERRED: `POST`, no documented body: resizes the disk to what the
/// server's nodes give (the doc warns of downtime).
pub fn upgrade_storage(server: &str) -> String {
    format!("/virtual_machines/{server}/upgrade_storage.api10json")
}

/// `DELETE` one node: `nodes/{id}` for regular (and daily) ones, the
/// kind's `remove_*_node` call for the others (fusion and bandwidth are "P"
/// rows: their paths are the doc's, the method by analogy).
pub fn node(kind: crate::providers::vpsnet::ext::nodes::NodeKind, id: &str) -> String {
    use crate::providers::vpsnet::ext::nodes::NodeKind::*;
    match kind {
        Regular | Daily => format!("/nodes/{id}.api10json"),
        Ram => format!("/nodes/{id}/remove_ram_node.api10json"),
        Storage => format!("/nodes/{id}/remove_storage_node.api10json"),
        Fusion => format!("/nodes/{id}/remove_fusion_node.api10json"),
        Bandwidth => format!("/nodes/{id}/remove_bandwidth_node.api10json"),
    }
}
