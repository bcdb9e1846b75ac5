//! VPS.org extras: the full update (`PUT /api/v1/servers/{id}/`: name,
//! hostname and backups_enabled, all required) and the server's two
//! addresses (`ip_address`, `ipv6_address` of the details). API v1 has no
//! other call beyond the basics.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;

use super::{server_name, server_path, Op, VpsOrg, NAME};
use crate::error::Result;
use crate::capabilities::server::network::{IpAddress, IpRole, Network};
use crate::providers::vpsorg::ext::settings::{ServerSettings, Settings};
use crate::http::Request;
use crate::providers::common::{decode, ProviderApi};

/// The settings fields of `GET /api/v1/servers/{id}/`.
#[derive(Debug, Deserialize)]
pub struct SettingsWire {
    pub name: Option<String>,
    pub hostname: Option<String>,
    pub backups_enabled: Option<bool>,
    pub ip_address: Option<String>,
    pub ipv6_address: Option<String>,
}

impl VpsOrg {
    async fn settings_wire(&self, id: &str) -> Result<SettingsWire> {
        let resp = self.call(Request::get(server_path(id, "")?), Op::Show).await?;
        decode(NAME, &resp)
    }
}

/// The doc's PUT body: every field, always.
pub(super) fn update_body(s: &ServerSettings) -> Result<serde_json::Value> {
    Ok(json!({ "name": server_name(&s.name)?, "hostname": s.hostname, "backups_enabled": s.backups_enabled }))
}

/// The two documented addresses, IPv4 then IPv6.
pub(super) fn addresses(w: &SettingsWire) -> Vec<IpAddress> {
    [(&w.ip_address, 4, "ip_address"), (&w.ipv6_address, 6, "ipv6_address")]
        .into_iter()
        .filter_map(|(ip, version, role)| {
            let ip = ip.as_deref().map(str::trim).filter(|ip| !ip.is_empty())?;
            Some(IpAddress {
                ip: ip.to_string(),
                version,
                role: IpRole::Main,
                provider_role: role.to_string(),
                netmask: None,
                gateway: None,
                network: None,
                network_size: None,
                reverse: None,
            })
        })
        .collect()
}

#[async_trait]
impl Settings for VpsOrg {
    async fn settings(&self, server_id: &str) -> Result<ServerSettings> {
        let w = self.settings_wire(server_id).await?;
        Ok(ServerSettings {
            name: w.name.unwrap_or_default(),
            hostname: w.hostname.unwrap_or_default(),
            // The list omits the flag; the create default is off.
            backups_enabled: w.backups_enabled.unwrap_or(false),
        })
    }

    async fn update_settings(&self, server_id: &str, settings: &ServerSettings) -> Result<()> {
        let body = update_body(settings)?;
        self.call(Request::put(server_path(server_id, "")?).json(body), Op::Update).await.map(|_| ())
    }
}

#[async_trait]
impl Network for VpsOrg {

    async fn addresses(&self, server_id: &str) -> Result<Vec<IpAddress>> {
        Ok(addresses(&self.settings_wire(server_id).await?))
    }
}
