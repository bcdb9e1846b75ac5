//! server/*_ipv4, *_ipv6 and reverse DNS.
//!
//! The doc says IP information exists only for active servers and that a
//! server without IPv6 gives "an empty array": those answers are a bare `[]`
//! rather than `{"SUBID": []}`.

use std::net::Ipv6Addr;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::state::{public_ipv4, Ipv4, Network, ReverseIpv6, Server, Vultr};
use super::{invalid, required, yes_no};
use crate::common::{Failure, Keyed, Params, Store};

/// `{"SUBID": items}` when `shown`, else `[]`.
fn listed<T: Serialize>(subid: u64, shown: bool, items: T) -> Response {
    let keyed: Keyed<u64, T> = shown.then_some((subid, items)).into_iter().collect();
    Json(keyed).into_response()
}

#[derive(Serialize)]
struct Ipv4View<'a> {
    ip: &'a str,
    netmask: &'a str,
    gateway: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    reverse: &'a str,
}

/// Secondary addresses share the main one's network, as in the doc's example.
fn public_view<'a>(net: &'a Network, address: &'a Ipv4, kind: &'static str) -> Ipv4View<'a> {
    Ipv4View { ip: &address.ip, netmask: &net.netmask_v4, gateway: &net.gateway_v4, kind, reverse: &address.reverse }
}

pub(super) async fn list_ipv4(State(store): State<Store<Vultr>>, params: Params) -> Result<Response, Failure> {
    store.with(|v| {
        let (id, server) = v.servers.find(params.get("SUBID"))?;
        let net = &server.net;
        let mut entries = vec![public_view(net, &server.main_ipv4, "main_ip")];
        entries.extend(server.secondary_ipv4.iter().map(|address| public_view(net, address, "secondary_ip")));
        if !net.internal_ip.is_empty() {
            entries.push(Ipv4View {
                ip: &net.internal_ip,
                netmask: "255.255.0.0",
                gateway: "",
                kind: "private",
                reverse: "",
            });
        }
        Ok(listed(id, server.installed(), entries))
    })
}

#[derive(Serialize)]
struct Ipv6View<'a> {
    ip: &'a str,
    network: &'a str,
    network_size: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

pub(super) async fn list_ipv6(State(store): State<Store<Vultr>>, params: Params) -> Result<Response, Failure> {
    store.with(|v| {
        let (id, server) = v.servers.find(params.get("SUBID"))?;
        let net = &server.net;
        let main = Ipv6View {
            ip: &net.v6_main_ip,
            network: &net.v6_network,
            network_size: &net.v6_network_size,
            kind: "main_ip",
        };
        Ok(listed(id, server.installed() && server.has_ipv6(), [main]))
    })
}

pub(super) async fn reverse_list_ipv6(State(store): State<Store<Vultr>>, params: Params) -> Result<Response, Failure> {
    store.with(|v| {
        let (id, server) = v.servers.find(params.get("SUBID"))?;
        Ok(listed(id, server.installed() && server.has_ipv6(), &server.reverse_ipv6))
    })
}

/// Bills a new secondary address; reboots unless `reboot=no` (a stopped
/// server stays stopped).
pub(super) async fn create_ipv4(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    let reboot = yes_no(&params, "reboot", true)?;
    store.with(|v| {
        let server = v.servers.operable(params.get("SUBID"))?;
        server.secondary_ipv4.push(Ipv4::new(public_ipv4(v.ids.host())));
        if reboot && server.phase().powered() {
            server.boot(v.transition);
        }
        Ok(())
    })
}

/// Only secondary addresses can go, and the server is hard-restarted.
pub(super) async fn destroy_ipv4(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let server = v.servers.operable(params.get("SUBID"))?;
        let ip = params.get("ip");
        let index = server
            .secondary_ipv4
            .iter()
            .position(|address| Some(address.ip.as_str()) == ip)
            .ok_or_else(|| invalid("Invalid IP address.  Only secondary IPv4 addresses can be removed"))?;
        server.secondary_ipv4.remove(index);
        if server.phase().powered() {
            server.boot(v.transition);
        }
        Ok(())
    })
}

/// One of the server's public IPv4 addresses, once it has them.
fn public_address<'s>(server: &'s mut Server, ip: Option<&str>) -> Result<&'s mut Ipv4, Failure> {
    let installed = server.installed();
    std::iter::once(&mut server.main_ipv4)
        .chain(server.secondary_ipv4.iter_mut())
        .filter(|_| installed)
        .find(|address| Some(address.ip.as_str()) == ip)
        .ok_or_else(|| invalid("Invalid IP address.  Check ip value and v1/server/list_ipv4"))
}

pub(super) async fn reverse_set_ipv4(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    let entry = required(&params, "entry")?;
    store.with(|v| {
        let server = v.servers.find_mut(params.get("SUBID"))?;
        public_address(server, params.get("ip"))?.reverse = entry.to_owned();
        Ok(())
    })
}

pub(super) async fn reverse_default_ipv4(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let server = v.servers.find_mut(params.get("SUBID"))?;
        let address = public_address(server, params.get("ip"))?;
        address.reverse = address.default_reverse.clone();
        Ok(())
    })
}

/// An address inside the server's IPv6 network; compared as addresses, so
/// `2001:DB8:1000::101` and `2001:db8:1000:0::101` are the same.
fn ipv6_in_network(server: &Server, ip: Option<&str>) -> Result<Ipv6Addr, Failure> {
    let bad = || invalid("Invalid IPv6 address.  Check ip value and v1/server/list_ipv6");
    let address: Ipv6Addr = ip.and_then(|ip| ip.parse().ok()).ok_or_else(bad)?;
    let network: Ipv6Addr = server.net.v6_network.parse().map_err(|_| bad())?;
    let size: u32 = server.net.v6_network_size.parse().map_err(|_| bad())?;
    let mask = u128::MAX.checked_shl(128 - size.min(128)).unwrap_or(0);
    let inside = u128::from(address) & mask == u128::from(network) & mask;
    if server.installed() && inside {
        Ok(address)
    } else {
        Err(bad())
    }
}

fn same_address(entry: &ReverseIpv6, address: Ipv6Addr) -> bool {
    entry.ip.parse::<Ipv6Addr>() == Ok(address)
}

pub(super) async fn reverse_set_ipv6(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    let entry = required(&params, "entry")?;
    store.with(|v| {
        let server = v.servers.find_mut(params.get("SUBID"))?;
        let address = ipv6_in_network(server, params.get("ip"))?;
        match server.reverse_ipv6.iter_mut().find(|r| same_address(r, address)) {
            Some(existing) => existing.reverse = entry.to_owned(),
            None => server.reverse_ipv6.push(ReverseIpv6 { ip: address.to_string(), reverse: entry.to_owned() }),
        }
        Ok(())
    })
}

pub(super) async fn reverse_delete_ipv6(State(store): State<Store<Vultr>>, params: Params) -> Result<(), Failure> {
    store.with(|v| {
        let server = v.servers.find_mut(params.get("SUBID"))?;
        let address = ipv6_in_network(server, params.get("ip"))?;
        let index =
            server.reverse_ipv6.iter().position(|r| same_address(r, address)).ok_or_else(|| {
                invalid("No reverse DNS entry for this IPv6 address.  Check v1/server/reverse_list_ipv6")
            })?;
        server.reverse_ipv6.remove(index);
        Ok(())
    })
}
