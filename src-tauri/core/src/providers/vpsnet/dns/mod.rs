//! VPS.NET DNS: domains (with the name servers to delegate to), their
//! records of every type the doc lists, and DNS templates. Paths are in
//! `paths`; the template record calls there are INFERRED rows of
//! `vpsnet-endpoints.md`, kept together so they are easy to correct.

#[cfg(test)]
mod tests;
pub mod wire;

use async_trait::async_trait;
use serde_json::{json, Value};

use super::wire::Refusal;
use super::{number, paths, Scope, Vpsnet, NAME};
use crate::capabilities::dns::{Dns, DnsTemplate, Nameserver, Record, ValidRecord, Zone};
use crate::error::{Error, ErrorKind, FieldError, Result};
use crate::http::{Request, Response};
use crate::providers::common::{decode, ProviderApi};
use wire::{DnsHostWire, DomainEnvelope, TemplateWire};

impl Vpsnet {
    /// Sends a DNS call. `what` names the resource for a 404 ("domain 51");
    /// `None` for calls every account can make, where a 404 means bad
    /// credentials as on the server calls.
    async fn dns_call(&self, req: Request, what: Option<&str>) -> Result<Response> {
        let resp = self.api.send(req).await?;
        if resp.is_success() {
            return Ok(resp);
        }
        Err(match (resp.status, what) {
            (404, Some(what)) => Error::not_found(format!(
                "VPS.NET has no {what} on this account (it may have been deleted); refresh the list"
            )),
            (422, _) => self.dns_refused(&resp),
            _ => self.status_error(&resp, Scope::Account),
        })
    }

    async fn dns_read<T: serde::de::DeserializeOwned>(&self, req: Request, what: Option<&str>) -> Result<T> {
        decode(NAME, &self.dns_call(req, what).await?)
    }

    /// A 422 with `{"errors": [[field, message]]}`, placed on the form's fields.
    fn dns_refused(&self, resp: &Response) -> Error {
        let refusal = Refusal::of(resp);
        Error {
            kind: ErrorKind::Validation,
            message: self.api.redact(&format!("VPS.NET refused the change: {}", refusal.text)),
            fields: refusal
                .fields(wire::form_field)
                .into_iter()
                .map(|e| FieldError { message: self.api.redact(&e.message), ..e })
                .collect(),
        }
    }

    async fn find_zone(&self, name: &str) -> Result<Option<Zone>> {
        Ok(self.zones().await?.into_iter().find(|z| z.name.eq_ignore_ascii_case(name)))
    }
}

fn id_of(field: &str, what: &str, id: &str) -> Result<String> {
    number(field, what, id).map(|n| n.to_string())
}

fn body(root: &str, inner: serde_json::Map<String, Value>) -> Value {
    json!({ root: inner })
}

#[async_trait]
impl Dns for Vpsnet {
    async fn zones(&self) -> Result<Vec<Zone>> {
        let list: Vec<DomainEnvelope> = self.dns_read(Request::get(paths::DOMAINS), None).await?;
        Ok(list.into_iter().map(|d| d.domain.zone()).collect())
    }

    async fn zone(&self, id: &str) -> Result<Zone> {
        let id = id_of("zone", "domain", id)?;
        let shown: DomainEnvelope =
            self.dns_read(Request::get(paths::domain(&id)), Some(&format!("domain {id}"))).await?;
        Ok(shown.domain.zone())
    }

    async fn create_zone(&self, name: &str, ip_address: Option<&str>, template: Option<&str>) -> Result<Zone> {
        let template = template.map(|t| id_of("template", "DNS template", t)).transpose()?;
        let request = json!({ "domain": {
            "name": name,
            "custom_template": template.unwrap_or_default(),
            "ip_address": ip_address.unwrap_or_default(),
        }});
        // Not retried: a repeat could create the domain twice.
        let resp = self.dns_call(Request::post(paths::DOMAINS).json(request), None).await?;
        let reply: Value = serde_json::from_slice(&resp.body).unwrap_or(Value::Null);
        if reply == Value::Bool(false) {
            return Err(Error::invalid_state(format!(
                "VPS.NET did not create {name}; it may already be on a VPS.NET account"
            )));
        }
        // Clients disagree on whether the reply carries the new id; look it up when it does not.
        if let Ok(created) = serde_json::from_value::<DomainEnvelope>(reply) {
            if created.domain.id.is_some() {
                return Ok(created.domain.zone());
            }
        }
        self.find_zone(name).await?.ok_or_else(|| {
            Error::provider(format!("VPS.NET accepted {name} but does not list it; refresh the zones in a moment"))
        })
    }

    async fn delete_zone(&self, id: &str) -> Result<()> {
        let id = id_of("zone", "domain", id)?;
        self.dns_call(Request::delete(paths::domain(&id)), Some(&format!("domain {id}"))).await.map(|_| ())
    }

    async fn nameservers(&self) -> Result<Vec<Nameserver>> {
        let hosts: Vec<DnsHostWire> = self.dns_read(Request::get(paths::DNS_HOSTS), None).await?;
        Ok(hosts.into_iter().map(DnsHostWire::nameserver).collect())
    }

    async fn records(&self, zone: &Zone) -> Result<Vec<Record>> {
        let id = id_of("zone", "domain", &zone.id)?;
        let list: Vec<Value> =
            self.dns_read(Request::get(paths::domain_records(&id)), Some(&format!("domain {}", zone.name))).await?;
        wire::records(list, "domain_record", &zone.name)
    }

    async fn add_record(&self, zone: &Zone, record: &ValidRecord) -> Result<()> {
        let id = id_of("zone", "domain", &zone.id)?;
        let req = Request::post(paths::domain_records(&id)).json(body("domain_record", wire::record_body(record)));
        self.dns_call(req, Some(&format!("domain {}", zone.name))).await.map(|_| ())
    }

    async fn update_record(&self, zone: &Zone, record_id: &str, record: &ValidRecord) -> Result<()> {
        let id = id_of("zone", "domain", &zone.id)?;
        let rid = id_of("id", "record", record_id)?;
        let req = Request::put(paths::domain_record(&id, &rid)).json(body("domain_record", wire::record_body(record)));
        self.dns_call(req, Some(&format!("record {rid} in {}", zone.name))).await.map(|_| ())
    }

    async fn delete_record(&self, zone: &Zone, record_id: &str) -> Result<()> {
        let id = id_of("zone", "domain", &zone.id)?;
        let rid = id_of("id", "record", record_id)?;
        self.dns_call(Request::delete(paths::domain_record(&id, &rid)), Some(&format!("record {rid} in {}", zone.name)))
            .await
            .map(|_| ())
    }

    async fn templates(&self) -> Result<Vec<DnsTemplate>> {
        let list: Vec<Value> = self.dns_read(Request::get(paths::DNS_TEMPLATES), None).await?;
        list.into_iter()
            .map(|item| {
                serde_json::from_value::<TemplateWire>(wire::unwrap(item, "dns_template"))
                    .map(TemplateWire::template)
                    .map_err(|e| Error::provider(format!("VPS.NET sent a DNS template vpsdesk cannot read ({e})")))
            })
            .collect()
    }

    async fn create_template(&self, name: &str) -> Result<DnsTemplate> {
        let req = Request::post(paths::DNS_TEMPLATES).json(json!({ "dns_template": { "template_name": name } }));
        let resp = self.dns_call(req, None).await?;
        let reply: Value = serde_json::from_slice(&resp.body).unwrap_or(Value::Null);
        if let Ok(t) = serde_json::from_value::<TemplateWire>(wire::unwrap(reply, "dns_template")) {
            return Ok(t.template());
        }
        self.templates().await?.into_iter().find(|t| t.name == name).ok_or_else(|| {
            Error::provider(format!("VPS.NET accepted the template {name:?} but does not list it; refresh in a moment"))
        })
    }

    async fn delete_template(&self, template: &str) -> Result<()> {
        let id = id_of("template", "DNS template", template)?;
        self.dns_call(Request::delete(paths::dns_template(&id)), Some(&format!("DNS template {id}"))).await.map(|_| ())
    }

    async fn template_records(&self, template: &str) -> Result<Vec<Record>> {
        let id = id_of("template", "DNS template", template)?;
        let list: Vec<Value> =
            self.dns_read(Request::get(paths::dns_template_records(&id)), Some(&format!("DNS template {id}"))).await?;
        wire::records(list, "dns_template_record", "")
    }

    async fn add_template_record(&self, template: &str, record: &ValidRecord) -> Result<()> {
        let id = id_of("template", "DNS template", template)?;
        let mut inner = wire::record_body(record);
        inner.insert("dns_template_id".into(), json!(id.parse::<u64>().unwrap_or_default()));
        let req = Request::post(paths::dns_template_records(&id)).json(body("dns_template_record", inner));
        self.dns_call(req, Some(&format!("DNS template {id}"))).await.map(|_| ())
    }

    async fn update_template_record(&self, template: &str, record_id: &str, record: &ValidRecord) -> Result<()> {
        let id = id_of("template", "DNS template", template)?;
        let rid = id_of("id", "template record", record_id)?;
        // The doc's edit body: `{"dns_template_record": {"target": …, "ttl": …}}`.
        let req = Request::put(paths::dns_template_record(&id, &rid))
            .json(json!({ "dns_template_record": { "target": record.data, "ttl": record.ttl } }));
        self.dns_call(req, Some(&format!("record {rid} of DNS template {id}"))).await.map(|_| ())
    }

    async fn delete_template_record(&self, template: &str, record_id: &str) -> Result<()> {
        let id = id_of("template", "DNS template", template)?;
        let rid = id_of("id", "template record", record_id)?;
        self.dns_call(
            Request::delete(paths::dns_template_record(&id, &rid)),
            Some(&format!("record {rid} of DNS template {id}")),
        )
        .await
        .map(|_| ())
    }
}
