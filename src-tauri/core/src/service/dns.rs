//! DNS on the service: zones by id or name, records validated per type (and
//! against the zone's other records) before anything is sent, zone-file
//! export and import, templates, and the records that point at an address.

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::billing::{write_file, SavedFile};
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::dns::plan::{self, ImportOutcome, ImportPlan};
use crate::capabilities::dns::validate::{self, cname_conflict};
use crate::capabilities::dns::zonefile::{self, Soa};
use crate::capabilities::dns::{
    CreatedZone, Dns, DnsTemplate, Nameserver, NewZone, Record, RecordInput, RecordType, Zone,
};
use crate::error::{Error, Result};
use crate::model::ProviderKind;
use crate::provider::Compute;

/// A record that points at an address, and where it lives.
#[derive(Clone, Debug, Serialize, TS)]
pub struct RecordHit {
    pub account: String,
    pub account_id: String,
    pub zone_id: String,
    pub zone: String,
    pub record: Record,
}

/// One record of a bulk delete; `error` is `None` when it was deleted.
#[derive(Clone, Debug, Serialize, TS)]
pub struct DeleteOutcome {
    pub id: String,
    pub error: Option<String>,
}

/// Where to manage DNS for providers whose API has none.
fn no_dns(provider: ProviderKind) -> Error {
    Error::unsupported(provider.descriptor().no_dns())
}

fn dns_of<'a>(account: &Account, client: &'a Arc<dyn Compute>) -> Result<&'a dyn Dns> {
    client.dns().ok_or_else(|| no_dns(account.provider))
}

/// The per-type checks that need no zone, run before the zone is looked
/// up so that a typo never costs a request. With a zone given by id, names
/// are checked once the zone's domain is known.
fn precheck(input: &RecordInput, zone: &str) -> Result<()> {
    let zone = zone.trim().trim_end_matches('.');
    if zone.contains('.') {
        return validate::record(input, zone).map(|_| ());
    }
    let anywhere = RecordInput {
        host: if input.host.trim().ends_with('.') { "@".into() } else { input.host.clone() },
        ..input.clone()
    };
    validate::record(&anywhere, "").map(|_| ())
}

fn record_id(id: &str) -> Result<String> {
    let id = id.trim();
    if id.is_empty() || id.len() > 64 || id.chars().any(|c| c.is_control() || "/?#".contains(c)) {
        return Err(Error::field("id", format!("{id:?} is not a record id")));
    }
    Ok(id.to_string())
}

impl AppService {
    /// Whether the account's provider has a DNS API (no request is sent).
    pub fn has_dns(&self, account: &Account) -> bool {
        self.capabilities(account).contains(crate::capabilities::Capability::Dns)
    }

    pub async fn dns_zones(&self, account: &Account) -> Result<Vec<Zone>> {
        let c = self.client(account)?;
        dns_of(account, &c)?.zones().await
    }

    /// A zone by id or by domain name (with or without a trailing dot).
    pub async fn dns_zone(&self, account: &Account, zone: &str) -> Result<Zone> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let wanted = zone.trim().trim_end_matches('.').to_ascii_lowercase();
        if wanted.is_empty() {
            return Err(Error::field("zone", "name a zone by its id or domain name"));
        }
        let zones = dns.zones().await?;
        zones.iter().find(|z| z.id == wanted).or_else(|| zones.iter().find(|z| z.name == wanted)).cloned().ok_or_else(
            || {
                let names: Vec<&str> = zones.iter().map(|z| z.name.as_str()).collect();
                Error::not_found(format!(
                    "{} has no zone {zone:?}; zones: {}",
                    account.name,
                    if names.is_empty() { "none yet".to_string() } else { names.join(", ") }
                ))
            },
        )
    }

    pub async fn dns_records(&self, account: &Account, zone: &str) -> Result<Vec<Record>> {
        let zone = self.dns_zone(account, zone).await?;
        let c = self.client(account)?;
        dns_of(account, &c)?.records(&zone).await
    }

    /// Validates the record for its type and against the zone's records
    /// (no CNAME beside other records), then adds it.
    pub async fn dns_add_record(&self, account: &Account, zone: &str, input: &RecordInput) -> Result<()> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        precheck(input, zone)?;
        let zone = self.dns_zone(account, zone).await?;
        let valid = validate::record(input, &zone.name)?;
        cname_conflict(&dns.records(&zone).await?, &valid, None)?;
        dns.add_record(&zone, &valid).await
    }

    pub async fn dns_update_record(&self, account: &Account, zone: &str, id: &str, input: &RecordInput) -> Result<()> {
        let id = record_id(id)?;
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        precheck(input, zone)?;
        let zone = self.dns_zone(account, zone).await?;
        let valid = validate::record(input, &zone.name)?;
        let records = dns.records(&zone).await?;
        let current = records.iter().find(|r| r.id == id).ok_or_else(|| {
            Error::not_found(format!("{} has no record {id}; it may have been deleted, refresh the records", zone.name))
        })?;
        if current.kind == RecordType::Soa {
            return Err(Error::field("type", "the SOA record is managed by the provider and cannot be changed"));
        }
        cname_conflict(&records, &valid, Some(&id))?;
        dns.update_record(&zone, &id, &valid).await
    }

    /// Record `id` of a zone as input, for `vpsctl dns edit` to change only
    /// the fields it is given.
    pub async fn dns_record_input(&self, account: &Account, zone: &str, id: &str) -> Result<RecordInput> {
        input_of(&self.dns_records(account, zone).await?, id, "the zone")
    }

    /// Record `id` of a DNS template as input (`vpsctl dns template-edit`).
    pub async fn dns_template_record_input(&self, account: &Account, template: &str, id: &str) -> Result<RecordInput> {
        input_of(&self.dns_template_records(account, template).await?, id, "the template")
    }

    pub async fn dns_delete_record(&self, account: &Account, zone: &str, id: &str) -> Result<()> {
        let id = record_id(id)?;
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let zone = self.dns_zone(account, zone).await?;
        let records = dns.records(&zone).await?;
        match records.iter().find(|r| r.id == id) {
            Some(r) if r.kind == RecordType::Soa => {
                Err(Error::invalid_state("the SOA record is managed by the provider and cannot be deleted"))
            }
            Some(_) => dns.delete_record(&zone, &id).await,
            None => Err(Error::not_found(format!("{} has no record {id}; it may already be deleted", zone.name))),
        }
    }

    /// Deletes several records; one outcome per id.
    pub async fn dns_delete_records(
        &self,
        account: &Account,
        zone: &str,
        ids: &[String],
    ) -> Result<Vec<DeleteOutcome>> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let zone = self.dns_zone(account, zone).await?;
        let records = dns.records(&zone).await?;
        let mut out = Vec::new();
        for id in ids {
            let outcome = match records.iter().find(|r| &r.id == id) {
                Some(r) if r.kind == RecordType::Soa => Err(Error::invalid_state("the SOA record cannot be deleted")),
                Some(_) => dns.delete_record(&zone, id).await,
                None => Err(Error::not_found("no such record (already deleted?)")),
            };
            out.push(DeleteOutcome { id: id.clone(), error: outcome.err().map(|e| e.message) });
        }
        Ok(out)
    }

    /// The zone as an RFC 1035 zone file. The SOA is the provider's: its
    /// first name server (the SOA record or the first NS) and serial.
    pub async fn dns_export(&self, account: &Account, zone: &str) -> Result<String> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let listed = self.dns_zone(account, zone).await?;
        let shown = dns.zone(&listed.id).await.unwrap_or(listed);
        let records = dns.records(&shown).await?;
        let primary = records
            .iter()
            .find(|r| r.kind == RecordType::Soa)
            .or_else(|| records.iter().find(|r| r.kind == RecordType::Ns && r.host == "@"))
            .map(|r| r.data.clone())
            .unwrap_or_else(|| format!("ns.{}.", shown.name));
        let serial = shown.serial.as_deref().and_then(|s| s.trim().parse().ok()).unwrap_or(1);
        Ok(zonefile::write(&shown.name, &records, &Soa::for_zone(&shown.name, &primary, serial)))
    }

    /// Writes the zone file to `path` (the app's save dialog picked it).
    pub async fn dns_save_export(&self, account: &Account, zone: &str, path: &std::path::Path) -> Result<SavedFile> {
        let text = self.dns_export(account, zone).await?;
        let path = if path.extension().is_some() { path.to_path_buf() } else { path.with_extension("zone") };
        write_file(&path, text.as_bytes())
    }

    /// What importing `text` would do; sends no write.
    pub async fn dns_import_plan(&self, account: &Account, zone: &str, text: &str) -> Result<ImportPlan> {
        let zone = self.dns_zone(account, zone).await?;
        let parsed = zonefile::parse(text, &zone.name)?;
        let c = self.client(account)?;
        let records = dns_of(account, &c)?.records(&zone).await?;
        plan::plan(&zone.name, &records, &parsed)
    }

    /// Plans against the zone as it is now, then adds and changes record by
    /// record; one outcome each, so a failure in the middle says exactly
    /// what was and was not applied.
    pub async fn dns_import(&self, account: &Account, zone: &str, text: &str) -> Result<Vec<ImportOutcome>> {
        let plan = self.dns_import_plan(account, zone, text).await?;
        let zone = self.dns_zone(account, zone).await?;
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let mut out = Vec::new();
        for a in plan.add {
            let error = dns.add_record(&zone, &a.record).await.err().map(|e| e.message);
            out.push(ImportOutcome { line: a.line, action: "add".into(), record: a.record, error });
        }
        for ch in plan.change {
            let error = dns.update_record(&zone, &ch.before.id, &ch.after).await.err().map(|e| e.message);
            out.push(ImportOutcome { line: ch.line, action: "change".into(), record: ch.after, error });
        }
        Ok(out)
    }

    /// Creates a zone (from a template when given) and says which name
    /// servers to delegate it to.
    pub async fn dns_create_zone(&self, account: &Account, new: &NewZone) -> Result<CreatedZone> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let name = validate::zone_name(&new.name)?;
        let ip = new.ip_address.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if let Some(ip) = ip {
            ip.parse::<std::net::Ipv4Addr>()
                .map_err(|_| Error::field("ip_address", format!("{ip:?} is not an IPv4 address")))?;
        }
        let template = new.template.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if dns.zones().await?.iter().any(|z| z.name == name) {
            return Err(Error::field("name", format!("{name} is already a zone of this account")));
        }
        let zone = dns.create_zone(&name, ip, template).await?;
        let nameservers = dns.nameservers().await?;
        Ok(CreatedZone { zone, nameservers })
    }

    pub async fn dns_delete_zone(&self, account: &Account, zone: &str) -> Result<()> {
        let zone = self.dns_zone(account, zone).await?;
        let c = self.client(account)?;
        dns_of(account, &c)?.delete_zone(&zone.id).await
    }

    pub async fn dns_nameservers(&self, account: &Account) -> Result<Vec<Nameserver>> {
        let c = self.client(account)?;
        dns_of(account, &c)?.nameservers().await
    }

    pub async fn dns_templates(&self, account: &Account) -> Result<Vec<DnsTemplate>> {
        let c = self.client(account)?;
        dns_of(account, &c)?.templates().await
    }

    pub async fn dns_create_template(&self, account: &Account, name: &str) -> Result<DnsTemplate> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let name = name.trim();
        if name.is_empty() || name.len() > 64 || name.chars().any(char::is_control) {
            return Err(Error::field("name", "a template needs a name of 1 to 64 printable characters"));
        }
        dns.create_template(name).await
    }

    pub async fn dns_delete_template(&self, account: &Account, template: &str) -> Result<()> {
        let c = self.client(account)?;
        dns_of(account, &c)?.delete_template(template).await
    }

    pub async fn dns_template_records(&self, account: &Account, template: &str) -> Result<Vec<Record>> {
        let c = self.client(account)?;
        dns_of(account, &c)?.template_records(template).await
    }

    /// Template records take names relative to the future domain, and the
    /// types the template calls carry fields for (no SRV, no FAILOVER).
    pub async fn dns_add_template_record(&self, account: &Account, template: &str, input: &RecordInput) -> Result<()> {
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let valid = validate::record(input, "")?;
        if matches!(valid.kind, RecordType::Srv | RecordType::Failover) {
            return Err(Error::field(
                "type",
                format!("{} records cannot be part of a VPS.NET DNS template", valid.kind),
            ));
        }
        cname_conflict(&dns.template_records(template).await?, &valid, None)?;
        dns.add_template_record(template, &valid).await
    }

    /// Only the value and TTL of a template record can change.
    pub async fn dns_update_template_record(
        &self,
        account: &Account,
        template: &str,
        id: &str,
        input: &RecordInput,
    ) -> Result<()> {
        let id = record_id(id)?;
        let c = self.client(account)?;
        let dns = dns_of(account, &c)?;
        let valid = validate::record(input, "")?;
        let records = dns.template_records(template).await?;
        let current = records
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| Error::not_found(format!("the template has no record {id}")))?;
        if current.kind != valid.kind || current.host != valid.host || current.priority != valid.priority {
            return Err(Error::field(
                "type",
                "only the value and TTL of a template record can change; delete it and add a new one instead",
            ));
        }
        dns.update_template_record(template, &id, &valid).await
    }

    pub async fn dns_delete_template_record(&self, account: &Account, template: &str, id: &str) -> Result<()> {
        let id = record_id(id)?;
        let c = self.client(account)?;
        dns_of(account, &c)?.delete_template_record(template, &id).await
    }

    /// Records of every DNS-capable account whose value holds `address`
    /// (A, AAAA, FAILOVER). Accounts that fail are left out: this is a
    /// convenience view, the DNS page shows their errors.
    pub async fn dns_records_pointing_at(&self, accounts: &[Account], address: &str) -> Result<Vec<RecordHit>> {
        let address = address.trim();
        let ip: std::net::IpAddr =
            address.parse().map_err(|_| Error::field("address", format!("{address:?} is not an IP address")))?;
        let mut hits = Vec::new();
        for account in accounts.iter().filter(|a| self.has_dns(a)) {
            let Ok(zones) = self.dns_zones(account).await else { continue };
            let c = self.client(account)?;
            let dns = dns_of(account, &c)?;
            let lists = futures::future::join_all(zones.iter().map(|z| dns.records(z))).await;
            for (zone, records) in zones.iter().zip(lists) {
                for record in records.unwrap_or_default() {
                    let points = matches!(record.kind, RecordType::A | RecordType::Aaaa | RecordType::Failover)
                        && record.data.split_whitespace().any(|d| d.parse::<std::net::IpAddr>().is_ok_and(|d| d == ip));
                    if points {
                        hits.push(RecordHit {
                            account: account.name.clone(),
                            account_id: account.id.clone(),
                            zone_id: zone.id.clone(),
                            zone: zone.name.clone(),
                            record,
                        });
                    }
                }
            }
        }
        Ok(hits)
    }
}

fn input_of(records: &[Record], id: &str, within: &str) -> Result<RecordInput> {
    let id = record_id(id)?;
    let r =
        records.iter().find(|r| r.id == id).ok_or_else(|| Error::not_found(format!("{within} has no record {id}")))?;
    let mut input = RecordInput::from_record(r);
    if r.kind == RecordType::Txt {
        input.data = validate::quote_txt(&r.data);
    }
    Ok(input)
}
