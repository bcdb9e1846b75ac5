//! `vpsctl dns`: zones, records (validated per type before any request),
//! zone-file export and import, zone creation and templates.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use vpsdesk_core::capabilities::dns::plan::ImportPlan;
use vpsdesk_core::capabilities::dns::{DnsTemplate, NewZone, Record, RecordInput, RecordType, ValidRecord};
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::extras::confirm;
use crate::output::Flags;
use crate::output::{emit_stdout_raw, json_or, list, opt, print_json, say, table, tell};
use crate::Failure;

#[derive(Subcommand)]
pub enum DnsCmd {
    /// The account's zones (domains)
    Zones { account: AccountArg },
    /// A zone's records; ZONE is its id or domain name
    Records { account: AccountArg, zone: String },
    /// Add a record (checked for its type before anything is sent)
    Add {
        account: AccountArg,
        zone: String,
        #[arg(long = "type")]
        kind: String,
        #[arg(long)]
        host: String,
        #[arg(long)]
        data: String,
        #[command(flatten)]
        fields: RecordFields,
    },
    /// Change a record; fields left out keep their value
    Edit {
        account: AccountArg,
        zone: String,
        record_id: String,
        #[arg(long)]
        host: Option<String>,
        #[arg(long)]
        data: Option<String>,
        #[command(flatten)]
        fields: RecordFields,
    },
    /// Delete a record
    Delete { account: AccountArg, zone: String, record_id: String },
    /// The zone as an RFC 1035 zone file, on stdout
    Export { account: AccountArg, zone: String },
    /// Add what a zone file has and the zone lacks, and change what differs
    Import {
        account: AccountArg,
        zone: String,
        /// The zone file; `-` reads stdin
        file: String,
        /// Print the plan (to add / to change / unchanged) and send no write
        #[arg(long)]
        dry_run: bool,
    },
    /// Create a zone; prints the name servers to delegate it to
    CreateZone {
        account: AccountArg,
        name: String,
        /// The address the default `@` and `www` records point at
        #[arg(long)]
        ip: Option<String>,
        /// A DNS template (id) to start from
        #[arg(long)]
        template: Option<String>,
    },
    /// Delete a zone and all its records
    DeleteZone { account: AccountArg, zone: String },
    /// The account's DNS templates
    Templates { account: AccountArg },
    /// Create an empty DNS template; prints it
    TemplateCreate { account: AccountArg, name: String },
    /// Delete a DNS template and its records
    TemplateDelete { account: AccountArg, template: String },
    /// A DNS template's records
    TemplateRecords { account: AccountArg, template: String },
    /// Add a record to a DNS template (A, AAAA, CNAME, MX, TXT, NS; checked before anything is sent)
    TemplateAdd {
        account: AccountArg,
        template: String,
        #[arg(long = "type")]
        kind: String,
        #[arg(long)]
        host: String,
        #[arg(long)]
        data: String,
        /// Seconds (60 to 604800; default 86400)
        #[arg(long)]
        ttl: Option<u32>,
        /// MX priority
        #[arg(long)]
        priority: Option<u32>,
    },
    /// Change a template record's value or TTL (the only parts VPS.NET lets change)
    TemplateEdit {
        account: AccountArg,
        template: String,
        record_id: String,
        #[arg(long)]
        data: Option<String>,
        #[arg(long)]
        ttl: Option<u32>,
    },
    /// Delete a record from a DNS template
    TemplateDeleteRecord { account: AccountArg, template: String, record_id: String },
}

#[derive(Args)]
pub struct RecordFields {
    /// Seconds (60 to 604800; default 86400)
    #[arg(long)]
    ttl: Option<u32>,
    /// MX and SRV priority
    #[arg(long)]
    priority: Option<u32>,
    /// SRV weight
    #[arg(long)]
    weight: Option<u32>,
    /// SRV port
    #[arg(long)]
    port: Option<u32>,
    /// FAILOVER health check (default icmp.ping)
    #[arg(long)]
    service_type: Option<String>,
}

fn kind(s: &str) -> Result<RecordType, Failure> {
    RecordType::parse(s).ok_or_else(|| {
        let all: Vec<&str> = RecordType::ALL.iter().map(|t| t.as_str()).filter(|t| *t != "SOA").collect();
        Failure::Core(Error::field("type", format!("unknown record type {s:?}; use one of {}", all.join(", "))))
    })
}

fn describe(r: &ValidRecord) -> String {
    let extra = match r.kind {
        RecordType::Mx => format!("{} ", opt(&r.priority)),
        RecordType::Srv => format!("{} {} {} ", opt(&r.priority), opt(&r.weight), opt(&r.port)),
        _ => String::new(),
    };
    format!("{} {} {} {extra}{}", r.host, r.ttl, r.kind, r.data)
}

fn print_plan(plan: &ImportPlan) {
    say!("to add ({}):", plan.add.len());
    for a in &plan.add {
        say!("  line {}: {}", a.line, describe(&a.record));
    }
    say!("to change ({}):", plan.change.len());
    for c in &plan.change {
        let before = vpsdesk_core::capabilities::dns::validate::canonical(&c.before, "")
            .map(|v| describe(&v))
            .unwrap_or_else(|| c.before.data.clone());
        say!("  line {}: record {}: {} -> {}", c.line, c.before.id, before, describe(&c.after));
    }
    say!("unchanged ({})", plan.unchanged.len());
    if !plan.skipped.is_empty() {
        say!("skipped ({}):", plan.skipped.len());
        for s in &plan.skipped {
            say!("  line {}: {}: {}", s.line, s.text, s.reason);
        }
    }
    if plan.is_noop() {
        say!("nothing to change");
    }
}

fn read_file(file: &str) -> Result<String, Failure> {
    let read = if file == "-" { std::io::read_to_string(std::io::stdin()) } else { std::fs::read_to_string(file) };
    read.map_err(|e| Failure::Core(Error::validation(format!("cannot read {file}: {e}"))))
}

pub async fn run(service: &AppService, cmd: DnsCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    let ok = Ok(ExitCode::SUCCESS);
    match cmd {
        DnsCmd::Zones { account } => {
            let zones = service.dns_zones(&account.resolve(service)?).await?;
            if json {
                print_json(
                    &zones.iter().map(|z| serde_json::json!({ "id": z.id, "name": z.name })).collect::<Vec<_>>(),
                );
            } else {
                let mut t = table(&["ID", "NAME"]);
                for z in &zones {
                    t.add_row(vec![z.id.clone(), z.name.clone()]);
                }
                say!("{t}");
            }
            ok
        }
        DnsCmd::Records { account, zone } => {
            print_records(json, &service.dns_records(&account.resolve(service)?, &zone).await?);
            ok
        }
        DnsCmd::Add { account, zone, kind: k, host, data, fields } => {
            let input = RecordInput {
                kind: Some(kind(&k)?),
                host,
                data,
                ttl: fields.ttl,
                priority: fields.priority,
                weight: fields.weight,
                port: fields.port,
                service_type: fields.service_type,
            };
            let account = account.resolve(service)?;
            service.dns_add_record(&account, &zone, &input).await?;
            say!("{}: {} record added to {zone}", account.name, k.to_ascii_uppercase());
            ok
        }
        DnsCmd::Edit { account, zone, record_id, host, data, fields } => {
            let f = &fields;
            let nothing = host.is_none()
                && data.is_none()
                && f.ttl.is_none()
                && f.priority.is_none()
                && f.weight.is_none()
                && f.port.is_none()
                && f.service_type.is_none();
            if nothing {
                return Err(Failure::Usage(
                    "nothing to change: give --host, --data, --ttl, --priority, --weight, --port or --service-type"
                        .to_string(),
                ));
            }
            let account = account.resolve(service)?;
            let mut input = service.dns_record_input(&account, &zone, &record_id).await?;
            input.host = host.unwrap_or(input.host);
            input.data = data.unwrap_or(input.data);
            input.ttl = fields.ttl.or(input.ttl);
            input.priority = fields.priority.or(input.priority);
            input.weight = fields.weight.or(input.weight);
            input.port = fields.port.or(input.port);
            input.service_type = fields.service_type.or(input.service_type);
            service.dns_update_record(&account, &zone, &record_id, &input).await?;
            say!("{}: record {record_id} in {zone} changed", account.name);
            ok
        }
        DnsCmd::Delete { account, zone, record_id } => {
            confirm(yes, format!("deleting record {record_id} makes it stop resolving"))?;
            let account = account.resolve(service)?;
            service.dns_delete_record(&account, &zone, &record_id).await?;
            say!("{}: record {record_id} deleted from {zone}", account.name);
            ok
        }
        DnsCmd::Export { account, zone } => {
            emit_stdout_raw(&service.dns_export(&account.resolve(service)?, &zone).await?);
            ok
        }
        DnsCmd::Import { account, zone, file, dry_run } => {
            let text = read_file(&file)?;
            let account = account.resolve(service)?;
            if dry_run {
                json_or(json, &service.dns_import_plan(&account, &zone, &text).await?, print_plan);
                return ok;
            }
            let outcomes = service.dns_import(&account, &zone, &text).await?;
            if json {
                print_json(&outcomes);
            } else if outcomes.is_empty() {
                say!("nothing to change");
            }
            let mut failed = 0;
            for o in &outcomes {
                match &o.error {
                    None if !json => say!("line {}: {} {}: done", o.line, o.action, describe(&o.record)),
                    None => {}
                    Some(e) => {
                        failed += 1;
                        tell!("error: line {}: {} {}: {e}", o.line, o.action, describe(&o.record));
                    }
                }
            }
            Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        DnsCmd::CreateZone { account, name, ip, template } => {
            let account = account.resolve(service)?;
            let created = service.dns_create_zone(&account, &NewZone { name, ip_address: ip, template }).await?;
            json_or(json, &created, |created| {
                say!("{}: zone {} created (id {})", account.name, created.zone.name, created.zone.id);
                let hosts: Vec<&str> = created.nameservers.iter().map(|n| n.host.as_str()).collect();
                say!("delegate it at your registrar to: {}", hosts.join(", "));
            });
            ok
        }
        DnsCmd::DeleteZone { account, zone } => {
            confirm(yes, format!("deleting zone {zone} deletes all its records"))?;
            let account = account.resolve(service)?;
            service.dns_delete_zone(&account, &zone).await?;
            say!("{}: zone {zone} deleted", account.name);
            ok
        }
        DnsCmd::Templates { account } => {
            print_templates(json, &service.dns_templates(&account.resolve(service)?).await?);
            ok
        }
        DnsCmd::TemplateCreate { account, name } => {
            print_templates(json, &[service.dns_create_template(&account.resolve(service)?, &name).await?]);
            ok
        }
        DnsCmd::TemplateDelete { account, template } => {
            confirm(yes, format!("deleting template {template} deletes its records"))?;
            let account = account.resolve(service)?;
            service.dns_delete_template(&account, &template).await?;
            say!("{}: template {template} deleted", account.name);
            ok
        }
        DnsCmd::TemplateRecords { account, template } => {
            print_records(json, &service.dns_template_records(&account.resolve(service)?, &template).await?);
            ok
        }
        DnsCmd::TemplateAdd { account, template, kind: k, host, data, ttl, priority } => {
            let input = RecordInput { kind: Some(kind(&k)?), host, data, ttl, priority, ..RecordInput::default() };
            let account = account.resolve(service)?;
            service.dns_add_template_record(&account, &template, &input).await?;
            say!("{}: {} record added to template {template}", account.name, k.to_ascii_uppercase());
            ok
        }
        DnsCmd::TemplateEdit { account, template, record_id, data, ttl } => {
            if data.is_none() && ttl.is_none() {
                return Err(Failure::Usage("nothing to change: give --data or --ttl".to_string()));
            }
            let account = account.resolve(service)?;
            let mut input = service.dns_template_record_input(&account, &template, &record_id).await?;
            input.data = data.unwrap_or(input.data);
            input.ttl = ttl.or(input.ttl);
            service.dns_update_template_record(&account, &template, &record_id, &input).await?;
            say!("{}: record {record_id} of template {template} changed", account.name);
            ok
        }
        DnsCmd::TemplateDeleteRecord { account, template, record_id } => {
            confirm(
                yes,
                format!("deleting record {record_id} takes it out of zones made from template {template} later"),
            )?;
            let account = account.resolve(service)?;
            service.dns_delete_template_record(&account, &template, &record_id).await?;
            say!("{}: record {record_id} deleted from template {template}", account.name);
            ok
        }
    }
}

fn print_records(json: bool, records: &[Record]) {
    list(json, records, &["ID", "TYPE", "HOST", "DATA", "TTL", "PRIORITY", "WEIGHT", "PORT"], |r| {
        vec![
            r.id.clone(),
            r.kind.to_string(),
            r.host.clone(),
            r.data.clone(),
            r.ttl.to_string(),
            opt(&r.priority),
            opt(&r.weight),
            opt(&r.port),
        ]
    });
}

fn print_templates(json: bool, templates: &[DnsTemplate]) {
    list(json, templates, &["ID", "NAME"], |x| vec![x.id.clone(), x.name.clone()]);
}
