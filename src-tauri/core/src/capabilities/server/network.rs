//! A server's addresses and their reverse DNS.

use std::net::IpAddr;

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::validate::{dns_name, NameRule};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum IpRole {
    Main,
    Secondary,
    Private,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct IpAddress {
    pub ip: String,
    pub version: u8,
    pub role: IpRole,
    /// The provider's own word for the role ("main_ip").
    pub provider_role: String,
    pub netmask: Option<String>,
    pub gateway: Option<String>,
    /// IPv6: the network and its prefix length.
    pub network: Option<String>,
    pub network_size: Option<u8>,
    /// The reverse DNS name, where the provider lists it with the address.
    pub reverse: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ReverseDns {
    pub ip: String,
    pub reverse: String,
}

#[async_trait]
pub trait Network: Send + Sync {
    /// IPv4 then IPv6 addresses.
    async fn addresses(&self, server_id: &str) -> Result<Vec<IpAddress>>;

    // Only the list is required. A provider whose API has no other address
    // call keeps these defaults and leaves the extras out of `offers`; the
    // service checks `offers` first and never reaches them.

    /// Adds (and starts billing) an IPv4 address; `reboot` restarts the
    /// server so it can be configured.
    async fn add_ipv4(&self, _server_id: &str, _reboot: bool) -> Result<()> {
        Err(not_offered(Capability::Ipv4Add))
    }
    async fn remove_ipv4(&self, _server_id: &str, _ip: &str) -> Result<()> {
        Err(not_offered(Capability::Ipv4Remove))
    }
    async fn reverse_ipv6(&self, _server_id: &str) -> Result<Vec<ReverseDns>> {
        Err(not_offered(Capability::ReverseList))
    }
    async fn set_reverse(&self, _server_id: &str, _ip: IpAddr, _entry: &str) -> Result<()> {
        Err(not_offered(Capability::ReverseSet))
    }
    async fn reset_reverse(&self, _server_id: &str, _ip: IpAddr) -> Result<()> {
        Err(not_offered(Capability::ReverseReset))
    }
    async fn delete_reverse(&self, _server_id: &str, _ip: IpAddr) -> Result<()> {
        Err(not_offered(Capability::ReverseDelete))
    }
}

fn not_offered(capability: Capability) -> Error {
    crate::capabilities::unsupported("This provider", capability)
}

/// An address as typed; `field` names it for the form.
pub fn ip(field: &str, text: &str) -> Result<IpAddr> {
    text.trim().parse().map_err(|_| Error::field(field, format!("{:?} is not an IPv4 or IPv6 address", text.trim())))
}

/// A host name for a PTR record (underscores allowed, one label is enough).
pub fn reverse_entry(text: &str) -> Result<String> {
    let rule = NameRule { example: "mail.example.com", fully_qualified: false, underscores: true };
    dns_name("entry", text, rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverse_entries_are_host_names() {
        assert_eq!(reverse_entry(" mail.example.com. ").unwrap(), "mail.example.com");
        // Unlike a server's host name: underscores, and a single label.
        assert_eq!(reverse_entry("_dmarc.example.com").unwrap(), "_dmarc.example.com");
        assert_eq!(reverse_entry("localhost").unwrap(), "localhost");
        for bad in ["", "a..b", "-a.example.com", "a b.example.com", "é.example.com", &"a".repeat(64)] {
            let e = reverse_entry(bad).unwrap_err();
            assert_eq!(e.fields[0].field, "entry", "{bad:?}");
        }
    }

    #[test]
    fn addresses_parse_both_families() {
        assert!(ip("ip", "123.123.123.124").unwrap().is_ipv4());
        assert!(ip("ip", "2001:DB8:1000::101").unwrap().is_ipv6());
        assert_eq!(ip("ip", "999.1.1.1").unwrap_err().fields[0].field, "ip");
    }
}
