//! VPS.NET wire bodies -> the model.

use serde_json::{Map, Value};

use super::DESCRIPTOR;
use super::wire::{self, CloudWire, TemplateWire, VirtualMachineWire};
use crate::model::{Detail, Image, Plan, ProviderKind, Region, Server, Status};
use crate::providers::common::{display_value, detail_fields, leading_number, lookup_state};

/// Fields never shown: the root password comes with every server.
const HIDDEN: &[&str] = &["password"];

/// The most nodes one server can be ordered with. The doc sets no limit;
/// 16 keeps the plan list short and covers what the control panel offers.
pub const MAX_NODES: u32 = 16;

/// Every spelling of a yes/no flag accepted from VPS.NET. The doc's flags
/// are JSON booleans; its clients (PHP, Python) read them as whatever their
/// language makes of them, and a server sending `"true"`, `1` or `"0"` must
/// not lose its state. `state_key` makes case and spaces irrelevant.
const FLAGS: &[(&str, bool)] = &[
    ("true", true),
    ("1", true),
    ("yes", true),
    ("y", true),
    ("t", true),
    ("on", true),
    ("false", false),
    ("0", false),
    ("no", false),
    ("n", false),
    ("f", false),
    ("off", false),
];

/// A flag as sent (see `wire::VirtualMachineWire`); `None` for a word that
/// is no yes or no.
pub fn flag(word: &str) -> Option<bool> {
    lookup_state(FLAGS, word)
}

/// The doc has no status word, only flags: `built` (false while a new or
/// rebuilt server is being set up), `running`, and `power_action_pending`
/// while a power call is being carried out.
pub fn status(running: Option<bool>, pending: Option<bool>, built: Option<bool>) -> Status {
    if built == Some(false) {
        return Status::Pending;
    }
    match (running, pending.unwrap_or(false)) {
        (Some(true), true) => Status::Stopping,
        (Some(false), true) => Status::Starting,
        (Some(true), false) => Status::Running,
        (Some(false), false) => Status::Stopped,
        (None, _) => Status::Unknown,
    }
}

fn flags(w: &VirtualMachineWire) -> (Option<bool>, Option<bool>, Option<bool>) {
    let read = |v: &Option<String>| v.as_deref().and_then(flag);
    (read(&w.running), read(&w.power_action_pending), read(&w.built))
}

/// The flags that decided the status, as sent (`running=true`, `built=false`,
/// ...); a flag that is no yes or no is shown too, so an unknown status
/// still says what VPS.NET sent.
fn provider_status(w: &VirtualMachineWire) -> String {
    let (_, pending, built) = flags(w);
    if built == Some(false) {
        return format!("built={}", w.built.as_deref().unwrap_or_default());
    }
    let mut words = Vec::new();
    if built.is_none() {
        if let Some(b) = &w.built {
            words.push(format!("built={b}"));
        }
    }
    if let Some(r) = &w.running {
        words.push(format!("running={r}"));
    }
    if pending != Some(false) {
        if let Some(p) = &w.power_action_pending {
            words.push(format!("power_action_pending={p}"));
        }
    }
    if words.is_empty() {
        "running not reported".to_string()
    } else {
        words.join(", ")
    }
}

/// "1 node", "2 nodes": how plans are named, and how a server's size reads.
pub fn nodes_name(n: u32) -> String {
    if n == 1 {
        "1 node".to_string()
    } else {
        format!("{n} nodes")
    }
}

/// `raw` is the server object as sent: every field goes to the detail panel.
pub fn server(w: VirtualMachineWire, raw: &Map<String, Value>) -> Server {
    let details = detail_fields(raw, FIELD_ORDER, HIDDEN)
        .into_iter()
        .map(|(k, v)| Detail { label: k.clone(), value: detail_value(k, v) })
        .collect();
    let name = [&w.label, &w.hostname]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("cloud server {}", w.id));
    let (running, pending, built) = flags(&w);
    Server {
        account: String::new(),
        account_id: String::new(),
        provider: ProviderKind::Vpsnet,
        status: status(running, pending, built),
        provider_status: provider_status(&w),
        name,
        ipv4: w
            .primary_ip_address
            .as_ref()
            .and_then(|ip| ip.0.clone())
            .filter(|ip| !ip.is_empty())
            .into_iter()
            .collect(),
        ipv6: Vec::new(),
        // A server names only its cloud's id; the label would cost a second
        // request per listing (see `regions`, whose ids these are).
        region: w.cloud_id.as_deref().map(|c| format!("cloud {c}")).unwrap_or_default(),
        plan: w.slices_count.as_deref().and_then(leading_number).map(nodes_name).unwrap_or_default(),
        created_at: DESCRIPTOR.time(w.created_at.as_deref()),
        details,
        capabilities: None,
        id: w.id,
    }
}

fn detail_value(key: &str, v: &Value) -> String {
    match key {
        "primary_ip_address" => wire::primary_ip(v).unwrap_or_default(),
        "ip_addresses" => v
            .as_array()
            .map(|ips| ips.iter().filter_map(wire::primary_ip).collect::<Vec<_>>().join(", "))
            .unwrap_or_else(|| display_value(v)),
        _ => display_value(v),
    }
}

/// The order of the doc's list example, then the fields it names
/// elsewhere (`built`, and the show reply's addresses); unknown fields go last.
const FIELD_ORDER: &[&str] = &[
    "running",
    "updated_at",
    "power_action_pending",
    "system_template_id",
    "id",
    "cloud_id",
    "domain_name",
    "hostname",
    "consumer_id",
    "backups_enabled",
    "password",
    "label",
    "slices_count",
    "created_at",
    "bandwidth_used",
    "delayed_storage",
    "delayed_storage_until",
    "built",
    "primary_ip_address",
    "ip_addresses",
];

/// Node counts as plans. With the cloud known, each says the monthly
/// transfer it brings there; the doc gives no per-node CPU, memory or disk.
pub fn plans(cloud: Option<&CloudWire>) -> Vec<Plan> {
    let per_node_gb = cloud.and_then(|c| c.monthly_node_bandwidth.as_deref()).and_then(leading_number);
    (1..=MAX_NODES)
        .map(|n| Plan {
            id: n.to_string(),
            name: nodes_name(n),
            vcpus: None,
            memory_mb: None,
            disk_gb: None,
            bandwidth_tb: per_node_gb.map(|gb| terabytes(gb.saturating_mul(n))),
            price_monthly: None,
        })
        .collect()
}

/// 150 GB -> "0.15", 1200 GB -> "1.2".
fn terabytes(gb: u32) -> String {
    let whole = gb / 1000;
    let frac = format!("{:03}", gb % 1000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    }
}

pub fn region(c: &CloudWire) -> Region {
    Region { id: c.id.clone(), name: c.label.clone(), country: None, continent: None }
}

/// "Ubuntu 10.04 x64" -> family "ubuntu", arch "x64".
pub fn image(t: &TemplateWire) -> Image {
    let family = t
        .label
        .split_whitespace()
        .next()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    let arch = t
        .label
        .split_whitespace()
        .find(|w| matches!(*w, "x64" | "x86" | "x86_64" | "i386" | "amd64"))
        .map(str::to_string);
    Image { id: t.id.clone(), name: t.label.clone(), family, arch }
}

/// Our form's field for one of VPS.NET's create/edit fields; `None` for
/// fields the form does not have (their errors go in the message).
pub fn form_field(vpsnet_field: &str) -> Option<&'static str> {
    match vpsnet_field {
        "label" | "fqdn" | "hostname" => Some("name"),
        "system_template_id" => Some("image"),
        "cloud_id" => Some("region"),
        "slices_required" => Some("plan"),
        _ => None,
    }
}
