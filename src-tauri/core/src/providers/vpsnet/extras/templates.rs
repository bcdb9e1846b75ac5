//! VPS.NET templates: custom ones, the offered groups, a template's price on
//! a cloud, and the CloudLinux and Windows licences (INFERRED paths).

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::{json, Value};

use super::super::{number, paths, Scope, Vpsnet, NAME};
use super::unreadable;
use crate::capabilities::billing::parse_amount;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::template_authoring::{TemplateAuthoring, TemplateEdit};
use crate::providers::vpsnet::ext::templates::{
    CustomTemplate, LicenseKind, LicensedTemplate, OfferedTemplate, TemplateInfo, TemplatePlacement, TemplatePrice,
    Templates,
};
use crate::http::{Request, Response};
use crate::providers::common::{decode, display_value, opt_string_or_number, string_or_number, ProviderApi};

#[derive(Debug, Deserialize)]
pub struct SystemTemplateEnvelope {
    pub system_template: SystemTemplateWire,
}

#[derive(Debug, Deserialize)]
pub struct SystemTemplateWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub label: Option<String>,
    pub operating_system: Option<String>,
    pub os_type: Option<String>,
    pub description: Option<String>,
    /// `{"USD": 20.0, "GBP": 15}`; read from the numbers' text.
    pub applicable_price: Option<serde_json::Map<String, Value>>,
}

#[derive(Debug, Deserialize)]
pub struct TemplateGroupsWire {
    pub template_groups: Vec<TemplateGroupWire>,
}

#[derive(Debug, Deserialize)]
pub struct TemplateGroupWire {
    pub name: String,
    #[serde(default)]
    pub templates: Vec<GroupTemplateWire>,
}

#[derive(Debug, Deserialize)]
pub struct GroupTemplateWire {
    pub name: String,
    #[serde(default)]
    pub clouds: Vec<PlacementWire>,
}

#[derive(Debug, Deserialize)]
pub struct PlacementWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(deserialize_with = "string_or_number")]
    pub system_template_id: String,
}

#[derive(Debug, Deserialize)]
pub struct LicenceWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(deserialize_with = "string_or_number")]
    pub system_template_id: String,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub virtual_machine_id: Option<String>,
}

fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

pub fn custom(w: SystemTemplateWire) -> CustomTemplate {
    CustomTemplate {
        label: present(w.label).unwrap_or_else(|| w.id.clone()),
        id: w.id,
        operating_system: present(w.operating_system),
        description: present(w.description),
    }
}

pub fn info(w: SystemTemplateWire) -> Result<TemplateInfo> {
    let prices = w
        .applicable_price
        .unwrap_or_default()
        .into_iter()
        .map(|(currency, amount)| {
            let amount =
                parse_amount(NAME, &format!("the {currency} price of template {}", w.id), &display_value(&amount))?;
            Ok(TemplatePrice { currency, amount })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(TemplateInfo {
        label: present(w.label).unwrap_or_else(|| w.id.clone()),
        id: w.id,
        os_type: present(w.os_type),
        description: present(w.description),
        prices,
    })
}

/// The doc prints the groups object inside an array; PHP and ZH-PY read a
/// bare object. Both are accepted.
pub fn offered(v: Value) -> Result<Vec<OfferedTemplate>> {
    let v = match v {
        Value::Array(mut items) if items.len() == 1 => items.remove(0),
        other => other,
    };
    let groups: TemplateGroupsWire = serde_json::from_value(v).map_err(unreadable("a template list"))?;
    Ok(groups
        .template_groups
        .into_iter()
        .flat_map(|g| {
            let group = g.name;
            g.templates.into_iter().map(move |t| OfferedTemplate {
                group: group.clone(),
                name: t.name,
                placements: t
                    .clouds
                    .into_iter()
                    .map(|c| TemplatePlacement { region_id: c.id, template_id: c.system_template_id })
                    .collect(),
            })
        })
        .collect())
}

pub fn licences(kind: LicenseKind, list: Vec<Value>) -> Result<Vec<LicensedTemplate>> {
    let key = wrapper(kind);
    list.into_iter()
        .map(|item| {
            let inner = item.get(key).cloned().unwrap_or(item);
            let w: LicenceWire = serde_json::from_value(inner).map_err(unreadable("a template licence"))?;
            Ok(LicensedTemplate {
                kind,
                id: w.id,
                template_id: w.system_template_id,
                server_id: present(w.virtual_machine_id),
            })
        })
        .collect()
}

fn wrapper(kind: LicenseKind) -> &'static str {
    match kind {
        LicenseKind::Cloudlinux => "commercial_template",
        LicenseKind::Windows => "windows_template",
    }
}

fn licence_path(kind: LicenseKind) -> &'static str {
    match kind {
        LicenseKind::Cloudlinux => paths::COMMERCIAL_TEMPLATES,
        LicenseKind::Windows => paths::WINDOWS_TEMPLATES,
    }
}

impl Vpsnet {
    /// A call on one template (or another object of an INFERRED path): a 404
    /// is that object, or the call, being unknown.
    pub(super) async fn on_template(&self, req: Request, missing: impl FnOnce() -> Error) -> Result<Response> {
        let resp = self.api.send(req).await?;
        match resp.status {
            404 => Err(missing()),
            _ if resp.is_success() => Ok(resp),
            _ => Err(self.status_error(&resp, Scope::Account)),
        }
    }
}

#[async_trait]
impl Templates for Vpsnet {
    async fn custom_templates(&self) -> Result<Vec<CustomTemplate>> {
        let list: Vec<SystemTemplateEnvelope> =
            self.read(Request::get(paths::SYSTEM_TEMPLATES), Scope::Account).await?;
        Ok(list.into_iter().map(|e| custom(e.system_template)).collect())
    }

    async fn delete_custom_template(&self, id: &str) -> Result<()> {
        let id = number("id", "template", id)?.to_string();
        let missing = || Error::not_found(format!("VPS.NET has no custom template {id} on this account"));
        self.on_template(Request::delete(paths::system_template(&id)), missing).await.map(|_| ())
    }

    async fn offered_templates(&self) -> Result<Vec<OfferedTemplate>> {
        offered(self.read(Request::get(paths::AVAILABLE_TEMPLATES), Scope::Account).await?)
    }

    async fn template_info(&self, region: &str, template: &str) -> Result<TemplateInfo> {
        let cloud = number("region", "cloud", region)?.to_string();
        let template = number("template", "template", template)?.to_string();
        let missing = || Error::not_found(format!("VPS.NET has no template {template} on cloud {cloud}"));
        let resp = self.on_template(Request::get(paths::cloud_template(&cloud, &template)), missing).await?;
        info(decode::<SystemTemplateEnvelope>(NAME, &resp)?.system_template)
    }

    async fn licensed_templates(&self) -> Result<Vec<LicensedTemplate>> {
        let mut all = Vec::new();
        for kind in [LicenseKind::Cloudlinux, LicenseKind::Windows] {
            let list: Vec<Value> = self.read(Request::get(licence_path(kind)), Scope::Account).await?;
            all.extend(licences(kind, list)?);
        }
        Ok(all)
    }

    async fn buy_template(&self, kind: LicenseKind, template: &str) -> Result<()> {
        let template = number("template", "template", template)?.to_string();
        self.call(Request::post(licence_path(kind)).json(purchase_body(kind, &template)), Scope::Account)
            .await
            .map(|_| ())
    }
}

/// The doc's purchase body: both values as strings, the purchase confirmed.
pub fn purchase_body(kind: LicenseKind, template: &str) -> Value {
    json!({ wrapper(kind): { "confirm_purchase": "1", "system_template_id": template } })
}

/// The doc's convert body (PHP sends none).
pub fn convert_body() -> Value {
    json!({ "one_click": true })
}

/// The edit body, unwrapped (the doc shows it inside an array, which no
/// other VPS.NET write does); the system and the notes only when given.
pub fn edit_body(edit: &TemplateEdit) -> Value {
    let mut t = serde_json::Map::new();
    if let Some(os) = &edit.operating_system {
        t.insert("operating_system".into(), json!(os));
    }
    t.insert("description".into(), json!(edit.description));
    if let Some(info) = &edit.info {
        t.insert("info".into(), json!(info));
    }
    json!({ "system_template": t })
}

#[async_trait]
impl TemplateAuthoring for Vpsnet {
    async fn convert_backup(&self, server: &str, backup: &str) -> Result<()> {
        let server = super::super::server_id(server)?;
        let backup = number("backup", "backup", backup)?.to_string();
        // Not retried: a repeat would make two templates.
        self.call(Request::post(paths::backup_convert(&server, &backup)).json(convert_body()), Scope::Action(&server))
            .await
            .map(|_| ())
    }

    async fn edit_custom_template(&self, id: &str, edit: &TemplateEdit) -> Result<()> {
        let id = number("id", "template", id)?.to_string();
        let missing = || Error::not_found(format!("VPS.NET has no custom template {id} on this account"));
        self.on_template(Request::put(paths::system_template(&id)).json(edit_body(edit)), missing).await.map(|_| ())
    }
}
