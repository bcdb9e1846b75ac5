//! Writes `ui/src/api/bindings.ts`: every type that crosses IPC and one typed
//! wrapper per command; and `ui/src/api/providers.generated.ts`: the provider
//! registry as the UI sees it (labels, add-account metadata), so the UI and its
//! test fixtures cannot drift from the core. `cargo test -p vpsdesk bindings`
//! fails when a checked-in file is stale; `make bindings` rewrites both.

use ts_rs::{Config, TS};
use vpsdesk_core::capabilities::billing::{
    Balance, BalanceMeaning, BundleItem, BundleKind, BundleLine, BundleOrder, BundleQuote, CurrencyTotal, DailyCharge,
    Invoice, InvoiceStatus, Price, Quote, SubscribedTotal, Subscription, SubscriptionKind, SubscriptionOrder,
    TotalScope, Transaction, Usage,
};
use vpsdesk_core::capabilities::tickets::{
    Author, Department, DepartmentNeeds, IssueType, ManagedService, NewTicket, Ticket, TicketFilter, TicketForm,
    TicketInventory, TicketMessage, TicketReply, TicketStatus, TicketThread,
};
use vpsdesk_core::error::{Error, ErrorKind, FieldError};
use vpsdesk_core::model::{
    AccountError, Capability, CreateServer, Detail, Image, Inventory, Plan, PowerAction, ProviderKind, Region, Server,
    Status,
};
use vpsdesk_core::providers::{ProviderInfo, ProviderRegion, Sizing};
use vpsdesk_core::service::billing::SavedFile;
use vpsdesk_core::service::{AccountView, NewAccount};
use vpsdesk_core::time::Timestamp;

use vpsdesk_core::capabilities::dns::plan::{ImportOutcome, ImportPlan, PlannedChange, PlannedRecord};
use vpsdesk_core::capabilities::dns::zonefile::Skipped;
use vpsdesk_core::capabilities::dns::{
    CreatedZone, DnsTemplate, Nameserver, NewZone, Record, RecordInput, RecordType, ValidRecord, Zone,
};
use vpsdesk_core::service::dns::{DeleteOutcome, RecordHit};

use crate::notices::{Notice, Shown};
use crate::preferences::{ColorScheme, NotificationSwitches, Preferences};
use crate::server_rows::{ServerRow, ServerRows};
use crate::state::{AppStatus, KeychainStatus};
use vpsdesk_core::capabilities::account::profile::{ProfileChange, ProfileField};
use vpsdesk_core::capabilities::server::backups::Backup;
use vpsdesk_core::capabilities::server::console::ConsoleAccess;
use vpsdesk_core::capabilities::server::network::{IpAddress, IpRole, ReverseDns};
use vpsdesk_core::capabilities::server::os::{Iso, OsOption};
use vpsdesk_core::capabilities::server::usage::{UsageGraph, UsagePoint, UsageSeries, UsageUnit};
use vpsdesk_core::jobs::{Job, JobKind, JobState};
use vpsdesk_core::providers::cloudsigma::ext::clone_and_bulk::BulkAction;
use vpsdesk_core::providers::cloudsigma::ext::drives::{Drive, DriveClone, NewDrive, StandardKind};
use vpsdesk_core::providers::cloudsigma::ext::server_groups::ServerGroup;
use vpsdesk_core::providers::cloudsigma::ext::server_settings::{DriveSlot, ServerChanges};
use vpsdesk_core::providers::cloudsigma::ext::vlans_and_ips::{StaticIp, Vlan};
use vpsdesk_core::providers::vpsnet::ext::account_ips::{AccountIp, Justification, JustificationKind, JustifiedIp};
use vpsdesk_core::providers::vpsnet::ext::clones::ServerClone;
use vpsdesk_core::providers::vpsnet::ext::cloud_groups::CloudGroup;
use vpsdesk_core::providers::vpsnet::ext::licences::{
    ServerLicence, ServerLicenceChange, ServerLicenceKind, ServerLicences,
};
use vpsdesk_core::providers::vpsnet::ext::nodes::{Node, NodeKind};
use vpsdesk_core::providers::vpsnet::ext::server_resources::{ResourcesChange, ServerResources};
use vpsdesk_core::providers::vpsnet::ext::template_authoring::TemplateEdit;
use vpsdesk_core::providers::vpsnet::ext::templates::{
    CustomTemplate, LicenseKind, LicensedTemplate, OfferedTemplate, TemplateInfo, TemplatePlacement, TemplatePrice,
};
use vpsdesk_core::providers::vpsorg::ext::settings::ServerSettings;
use vpsdesk_core::providers::vultr::ext::scripts::{NewScript, ScriptKind, ScriptUpdate, StartupScript};
use vpsdesk_core::providers::vultr::ext::snapshots::{Snapshot, SnapshotStatus};
use vpsdesk_core::providers::vultr::ext::ssh_keys::{NewSshKey, SshKey, SshKeyUpdate};

pub struct Binding {
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub ret: String,
}

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}", T::decl(cfg))
}

pub fn render() -> String {
    let cfg = Config::new();
    let types = [
        decl::<ProviderKind>(&cfg),
        decl::<Status>(&cfg),
        decl::<ErrorKind>(&cfg),
        decl::<FieldError>(&cfg),
        decl::<Error>(&cfg),
        decl::<Capability>(&cfg),
        decl::<Timestamp>(&cfg),
        decl::<Detail>(&cfg),
        decl::<Server>(&cfg),
        decl::<ServerRow>(&cfg),
        decl::<ServerRows>(&cfg),
        decl::<AccountError>(&cfg),
        decl::<Inventory>(&cfg),
        decl::<AccountView>(&cfg),
        decl::<ProviderRegion>(&cfg),
        decl::<Sizing>(&cfg),
        decl::<ProviderInfo>(&cfg),
        decl::<NewAccount>(&cfg),
        decl::<KeychainStatus>(&cfg),
        decl::<AppStatus>(&cfg),
        decl::<NotificationSwitches>(&cfg),
        decl::<Preferences>(&cfg),
        decl::<ColorScheme>(&cfg),
        decl::<Plan>(&cfg),
        decl::<Image>(&cfg),
        decl::<Region>(&cfg),
        decl::<CreateServer>(&cfg),
        decl::<PowerAction>(&cfg),
        decl::<BalanceMeaning>(&cfg),
        decl::<Balance>(&cfg),
        decl::<Notice>(&cfg),
        decl::<Shown>(&cfg),
        decl::<CurrencyTotal>(&cfg),
        decl::<DailyCharge>(&cfg),
        decl::<InvoiceStatus>(&cfg),
        decl::<Invoice>(&cfg),
        decl::<Transaction>(&cfg),
        decl::<Usage>(&cfg),
        decl::<Price>(&cfg),
        decl::<Subscription>(&cfg),
        decl::<SubscribedTotal>(&cfg),
        decl::<TotalScope>(&cfg),
        decl::<SubscriptionKind>(&cfg),
        decl::<SubscriptionOrder>(&cfg),
        decl::<Quote>(&cfg),
        decl::<BundleKind>(&cfg),
        decl::<BundleItem>(&cfg),
        decl::<BundleOrder>(&cfg),
        decl::<BundleQuote>(&cfg),
        decl::<BundleLine>(&cfg),
        decl::<SavedFile>(&cfg),
        decl::<TicketStatus>(&cfg),
        decl::<Author>(&cfg),
        decl::<DepartmentNeeds>(&cfg),
        decl::<Department>(&cfg),
        decl::<IssueType>(&cfg),
        decl::<Ticket>(&cfg),
        decl::<TicketMessage>(&cfg),
        decl::<TicketThread>(&cfg),
        decl::<TicketFilter>(&cfg),
        decl::<NewTicket>(&cfg),
        decl::<TicketReply>(&cfg),
        decl::<ManagedService>(&cfg),
        decl::<TicketForm>(&cfg),
        decl::<TicketInventory>(&cfg),
        decl::<RecordType>(&cfg),
        decl::<Zone>(&cfg),
        decl::<Record>(&cfg),
        decl::<RecordInput>(&cfg),
        decl::<ValidRecord>(&cfg),
        decl::<NewZone>(&cfg),
        decl::<Nameserver>(&cfg),
        decl::<CreatedZone>(&cfg),
        decl::<DnsTemplate>(&cfg),
        decl::<DeleteOutcome>(&cfg),
        decl::<RecordHit>(&cfg),
        decl::<Skipped>(&cfg),
        decl::<PlannedRecord>(&cfg),
        decl::<PlannedChange>(&cfg),
        decl::<ImportPlan>(&cfg),
        decl::<ImportOutcome>(&cfg),
        decl::<SnapshotStatus>(&cfg),
        decl::<Snapshot>(&cfg),
        decl::<OsOption>(&cfg),
        decl::<Iso>(&cfg),
        decl::<IpRole>(&cfg),
        decl::<IpAddress>(&cfg),
        decl::<ReverseDns>(&cfg),
        decl::<UsagePoint>(&cfg),
        decl::<UsageSeries>(&cfg),
        decl::<UsageUnit>(&cfg),
        decl::<UsageGraph>(&cfg),
        decl::<ConsoleAccess>(&cfg),
        decl::<Backup>(&cfg),
        decl::<ServerClone>(&cfg),
        decl::<CustomTemplate>(&cfg),
        decl::<TemplatePlacement>(&cfg),
        decl::<OfferedTemplate>(&cfg),
        decl::<TemplatePrice>(&cfg),
        decl::<TemplateInfo>(&cfg),
        decl::<LicenseKind>(&cfg),
        decl::<LicensedTemplate>(&cfg),
        decl::<NodeKind>(&cfg),
        decl::<Node>(&cfg),
        decl::<ServerSettings>(&cfg),
        decl::<ServerResources>(&cfg),
        decl::<ResourcesChange>(&cfg),
        decl::<ServerLicenceKind>(&cfg),
        decl::<ServerLicence>(&cfg),
        decl::<ServerLicences>(&cfg),
        decl::<ServerLicenceChange>(&cfg),
        decl::<TemplateEdit>(&cfg),
        decl::<AccountIp>(&cfg),
        decl::<JustifiedIp>(&cfg),
        decl::<JustificationKind>(&cfg),
        decl::<Justification>(&cfg),
        decl::<CloudGroup>(&cfg),
        decl::<SshKey>(&cfg),
        decl::<NewSshKey>(&cfg),
        decl::<SshKeyUpdate>(&cfg),
        decl::<ScriptKind>(&cfg),
        decl::<StartupScript>(&cfg),
        decl::<NewScript>(&cfg),
        decl::<ScriptUpdate>(&cfg),
        decl::<JobKind>(&cfg),
        decl::<JobState>(&cfg),
        decl::<Job>(&cfg),
        decl::<Drive>(&cfg),
        decl::<StandardKind>(&cfg),
        decl::<NewDrive>(&cfg),
        decl::<DriveClone>(&cfg),
        decl::<BulkAction>(&cfg),
        decl::<Vlan>(&cfg),
        decl::<StaticIp>(&cfg),
        decl::<ServerGroup>(&cfg),
        decl::<ServerChanges>(&cfg),
        decl::<DriveSlot>(&cfg),
        decl::<ProfileField>(&cfg),
        decl::<ProfileChange>(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types and commands by `make bindings`. Do not edit.\nimport { invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    for t in types {
        out.push_str(&t);
        out.push('\n');
    }
    out.push_str("\nexport const commands = {\n");
    for c in crate::commands::signatures() {
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let names: Vec<&str> = c.args.iter().map(|(n, _)| *n).collect();
        let ret = if c.ret == "null" { "null".to_string() } else { c.ret.clone() };
        let call = if names.is_empty() {
            format!("invoke<{ret}>(\"{}\")", c.name)
        } else {
            format!("invoke<{ret}>(\"{}\", {{ {} }})", c.name, names.join(", "))
        };
        out.push_str(&format!("  {}: ({}) => {call},\n", camel(c.name), params.join(", ")));
    }
    out.push_str("};\n");
    out
}

/// The registry for the UI: `PROVIDERS` is exactly what the `providers`
/// command answers, `PROVIDER_LABELS` the labels before it has answered.
pub fn render_providers() -> String {
    let providers = vpsdesk_core::providers::supported();
    let mut out = String::from(
        "// Generated from the provider registry (src-tauri/core/src/providers) by `make bindings`. Do not edit.\n\
         import type { ProviderInfo, ProviderKind } from \"./bindings\";\n\n",
    );
    let json = serde_json::to_string_pretty(&providers).expect("provider metadata is JSON");
    out.push_str(&format!("export const PROVIDERS: ProviderInfo[] = {json};\n\n"));
    out.push_str("export const PROVIDER_LABELS: Record<ProviderKind, string> = {\n");
    for p in &providers {
        out.push_str(&format!("  {}: {},\n", p.id.id(), serde_json::Value::from(p.label.as_str())));
    }
    out.push_str("};\n");
    out
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in snake.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// With VPSDESK_WRITE_BINDINGS set (what `make bindings` runs) this writes
    /// `fresh` to `ui/src/api/<file>`; otherwise the committed file must be it.
    fn is_current(file: &str, fresh: String) {
        let path = format!("{}/ui/src/api/{file}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var("VPSDESK_WRITE_BINDINGS").is_ok() {
            std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("write {file}: {e}"));
            return;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(current == fresh, "ui/src/api/{file} is stale: run `make bindings` and commit the result");
    }

    #[test]
    fn bindings_file_is_current() {
        is_current("bindings.ts", super::render());
    }

    #[test]
    fn providers_bindings_file_is_current() {
        is_current("providers.generated.ts", super::render_providers());
    }
}
