//! The service's account-level resources and several-server calls: server
//! clone and bulk power, CloudSigma server settings, VLANs and static IPs,
//! server groups, the profile.

use super::server_capabilities::offered;
use super::{server_id, server_name, AppService};
use crate::accounts::Account;
use crate::capabilities::account::profile::{validate_changes, ProfileChange, ProfileField};
use crate::capabilities::server::network;
use crate::capabilities::Capability;
use crate::error::Result;
use crate::model::{PowerAction, Server};
use crate::providers::cloudsigma::ext::clone_and_bulk::CloneAndBulk;
use crate::providers::cloudsigma::ext::clone_and_bulk::{server_ids, BulkAction};
use crate::providers::cloudsigma::ext::server_groups::ServerGroup;
use crate::providers::cloudsigma::ext::server_groups::ServerGroups;
use crate::providers::cloudsigma::ext::server_settings::{ServerChanges, ServerSettings};
use crate::providers::cloudsigma::ext::vlans_and_ips::VlansAndIps;
use crate::providers::cloudsigma::ext::vlans_and_ips::{StaticIp, Vlan};
use crate::providers::cloudsigma::Cloudsigma;
use crate::validate::label;
use crate::validate::object_id;

macro_rules! api {
    ($client:expr, $account:expr, $accessor:ident, $extra:expr) => {
        offered($account, $client.$accessor(), $extra)?
    };
}

impl AppService {
    pub async fn clone_server(&self, account: &Account, server: &str, name: &str) -> Result<Server> {
        let server = server_id(server)?;
        let name = server_name(name)?;
        let client = self.client(account)?;
        let mut s = offered(account, client.extension::<Cloudsigma>(), Capability::ServerClone)?
            .clone_server(&server, &name)
            .await?;
        s.account = account.name.clone();
        s.account_id = account.id.clone();
        Ok(s)
    }

    /// Changes a server's settings (CloudSigma's `set`); the changes are
    /// checked, against the server as it is, before anything is sent.
    pub async fn set_server(&self, account: &Account, server: &str, changes: &ServerChanges) -> Result<Server> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        let mut s = offered(account, client.extension::<Cloudsigma>(), Capability::ServerSet)?
            .set_server(&server, changes)
            .await?;
        s.account = account.name.clone();
        s.account_id = account.id.clone();
        Ok(s)
    }

    /// Start, force-stop or destroy several servers in one request.
    pub async fn bulk_power(&self, account: &Account, servers: &[String], action: BulkAction) -> Result<()> {
        let servers = server_ids(servers)?;
        let client = self.client(account)?;
        let api = offered(account, client.extension::<Cloudsigma>(), Capability::BulkPower)?;
        match action {
            BulkAction::Start => api.start_servers(&servers).await,
            BulkAction::Stop => api.stop_servers(&servers).await,
            BulkAction::Destroy => api.destroy_servers(&servers).await,
        }
    }

    pub async fn vlans(&self, account: &Account) -> Result<Vec<Vlan>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::Vlans)?.vlans().await
    }

    pub async fn create_vlan(&self, account: &Account, name: &str) -> Result<Vlan> {
        let name = label("name", name, true, 200)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::Vlans)?.create_vlan(&name).await
    }

    pub async fn rename_vlan(&self, account: &Account, id: &str, name: &str) -> Result<Vlan> {
        let id = object_id("id", id)?;
        let name = label("name", name, true, 200)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::Vlans)?.rename_vlan(&id, &name).await
    }

    pub async fn static_ips(&self, account: &Account) -> Result<Vec<StaticIp>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::StaticIps)?.static_ips().await
    }

    pub async fn create_static_ip(&self, account: &Account) -> Result<StaticIp> {
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::StaticIps)?.create_static_ip().await
    }

    pub async fn destroy_static_ip(&self, account: &Account, ip: &str) -> Result<()> {
        let ip = network::ip("ip", ip)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::StaticIps)?
            .destroy_static_ip(&ip.to_string())
            .await
    }

    pub async fn server_groups(&self, account: &Account) -> Result<Vec<ServerGroup>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::ServerGroups)?.server_groups().await
    }

    pub async fn create_server_group(&self, account: &Account, name: &str) -> Result<ServerGroup> {
        let name = label("name", name, true, 200)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::ServerGroups)?.create_server_group(&name).await
    }

    pub async fn rename_server_group(&self, account: &Account, id: &str, name: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let name = label("name", name, true, 200)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::ServerGroups)?
            .rename_server_group(&id, &name)
            .await
    }

    pub async fn destroy_server_group(&self, account: &Account, id: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Cloudsigma>(), Capability::ServerGroups)?.destroy_server_group(&id).await
    }

    /// Returns the group's servers afterwards.
    pub async fn group_members(
        &self,
        account: &Account,
        id: &str,
        servers: &[String],
        add: bool,
    ) -> Result<Vec<String>> {
        let id = object_id("id", id)?;
        let servers = server_ids(servers)?;
        let client = self.client(account)?;
        let api = offered(account, client.extension::<Cloudsigma>(), Capability::ServerGroups)?;
        if add {
            api.add_to_group(&id, &servers).await
        } else {
            api.remove_from_group(&id, &servers).await
        }
    }

    /// Starts or stops every server of the group; returns them.
    pub async fn group_power(&self, account: &Account, id: &str, action: PowerAction) -> Result<Vec<String>> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        let api = offered(account, client.extension::<Cloudsigma>(), Capability::ServerGroups)?;
        match action {
            PowerAction::Start => api.start_group(&id).await,
            PowerAction::Stop => api.stop_group(&id).await,
            other => {
                Err(crate::error::Error::field("action", format!("a group can be started or stopped, not {other:?}")))
            }
        }
    }

    pub async fn profile(&self, account: &Account) -> Result<Vec<ProfileField>> {
        let client = self.client(account)?;
        api!(client, account, profile, Capability::Profile).profile().await
    }

    pub async fn set_profile(&self, account: &Account, changes: &[ProfileChange]) -> Result<Vec<ProfileField>> {
        let client = self.client(account)?;
        let api = api!(client, account, profile, Capability::Profile);
        let current = api.profile().await?;
        let complete = validate_changes(&current, changes)?;
        api.set_profile(&complete).await
    }
}
