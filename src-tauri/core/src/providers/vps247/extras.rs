//! VPS247 extras: a VM's address allocations (`ip_allocations` of
//! `GET /virtual_machines/{id}`, with gateway and prefix length). The doc
//! has no other call beyond the basics: no address, reverse-DNS, snapshot
//! or SSH-key calls.

use std::net::Ipv4Addr;

use async_trait::async_trait;

use super::wire::{IpAllocationWire, VmWire};
use super::{server_id, Call, Vps247, NAME};
use crate::error::Result;
use crate::capabilities::server::network::{IpAddress, IpRole, Network};
use crate::http::Request;
use crate::providers::common::{decode, ProviderApi};

/// "255.255.255.128" for a /25.
fn netmask(prefix: u8) -> Option<String> {
    (prefix <= 32).then(|| Ipv4Addr::from(u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0)).to_string())
}

/// One address per allocation, IPv4 first; the first IPv4 one is the main
/// address. A range (`first` ≠ `last`) is named in `provider_role`.
pub(super) fn addresses(allocations: &[IpAllocationWire]) -> Vec<IpAddress> {
    let mut out: Vec<IpAddress> = allocations
        .iter()
        .filter_map(|a| {
            let ip = a.first.as_deref().map(str::trim).filter(|ip| !ip.is_empty())?;
            let version: u8 = match a.version.as_deref() {
                Some("6") => 6,
                Some(_) => 4,
                None if ip.contains(':') => 6,
                None => 4,
            };
            let prefix = a.prefixlen.as_deref().and_then(|p| p.trim().parse::<u8>().ok());
            let range = a.last.as_deref().map(str::trim).filter(|last| !last.is_empty() && *last != ip);
            Some(IpAddress {
                ip: ip.to_string(),
                version,
                role: IpRole::Secondary,
                provider_role: match range {
                    Some(last) => format!("ip_allocation {ip}–{last}"),
                    None => "ip_allocation".to_string(),
                },
                netmask: if version == 4 { prefix.and_then(netmask) } else { None },
                gateway: a.gateway.as_deref().map(str::trim).filter(|g| !g.is_empty()).map(str::to_string),
                network: None,
                network_size: if version == 6 { prefix } else { None },
                reverse: None,
            })
        })
        .collect();
    out.sort_by_key(|a| a.version);
    if let Some(main) = out.first_mut().filter(|a| a.version == 4) {
        main.role = IpRole::Main;
    }
    out
}

#[async_trait]
impl Network for Vps247 {

    async fn addresses(&self, server: &str) -> Result<Vec<IpAddress>> {
        let id = server_id(server)?.to_string();
        let resp = self.call(Request::get(format!("/virtual_machines/{id}")), Call::Server(&id)).await?;
        let vm: VmWire = decode(NAME, &resp)?;
        Ok(addresses(&vm.ip_allocations))
    }
}
