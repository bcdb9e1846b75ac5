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

/// `GET`: the invoices (`[{"invoice": {...}}]`, or the same unwrapped).
pub const INVOICES: &str = "/invoices.api10json";
/// `GET`: `{current_balance, currency, account_credits}`. The one path here
/// that is not a "D" row: `vpsnet-endpoints.md` marks it INFERRED (no
/// public client calls it; the doc lists it among the Invoices calls, so
/// it is looked for under `invoices/`).
pub const CREDITS: &str = "/invoices/get_credits.api10json";

/// `GET`: an invoice as PDF bytes; no `.api10json` suffix, and the answer may
/// be a redirect to the file (the doc's example runs `curl -L -C -`). The
/// doc's "S" row: its only evidence is that example.
pub fn invoice_pdf(invoice_no: &str) -> String {
    format!("/invoices/{invoice_no}.pdf")
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
