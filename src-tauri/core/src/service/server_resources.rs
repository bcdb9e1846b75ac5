//! The service's server resources (nodes, backup options, consumer, label),
//! storage upgrade and control-panel licences: checked and confirmed before
//! anything is sent.

use super::server_capabilities::offered;
use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::licences::Licences;
use crate::providers::vpsnet::ext::licences::{self, ServerLicenceChange, ServerLicences};
use crate::providers::vpsnet::ext::server_resources::ResourceEdits;
use crate::providers::vpsnet::ext::server_resources::{self, ResourcesChange, ServerResources};
use crate::providers::vpsnet::Vpsnet;

impl AppService {
    pub async fn server_resources(&self, account: &Account, server: &str) -> Result<ServerResources> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::ServerResources)?.resources(&server).await
    }

    /// Changes what differs from the provider's current values; returns them
    /// as the provider reports them afterwards.
    pub async fn update_server_resources(
        &self,
        account: &Account,
        server: &str,
        change: &ResourcesChange,
    ) -> Result<ServerResources> {
        let server = server_id(server)?;
        let new = server_resources::validate(&change.resources)?;
        let delay = match change.delay_storage_until.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => Some(server_resources::delay_until(d, chrono::Utc::now())?),
            None => None,
        };
        let client = self.client(account)?;
        let api = offered(account, client.extension::<Vpsnet>(), Capability::ServerResources)?;
        let current = api.resources(&server).await?;
        let comparable =
            ServerResources { delayed_storage_until: current.delayed_storage_until.clone(), ..new.clone() };
        if comparable == current && delay.is_none() {
            return Err(Error::field("resources", "nothing to change: these are the server's current resources"));
        }
        if delay.is_some() && !server_resources::grows_storage(&current, &new) {
            return Err(Error::field(
                "delay_storage_until",
                "only a storage upgrade (more regular or storage nodes) can be put off",
            ));
        }
        if server_resources::grows(&current, &new) && !change.confirm {
            let why = if server_resources::grows_storage(&current, &new) && delay.is_none() {
                "more nodes are billed, and the storage upgrade stops the server for a while; confirm the change"
            } else {
                "more nodes are billed; confirm the change"
            };
            return Err(Error::field("confirm", why));
        }
        api.update_resources(&server, &current, &new, delay.as_deref()).await?;
        api.resources(&server).await
    }

    /// Resizes the disk now: the server is down while it runs.
    pub async fn upgrade_storage(&self, account: &Account, server: &str, confirm: bool) -> Result<()> {
        let server = server_id(server)?;
        if !confirm {
            return Err(Error::field("confirm", "upgrading the storage stops the server for a while; confirm it"));
        }
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::UpgradeStorage)?.upgrade_storage(&server).await
    }

    pub async fn server_licences(&self, account: &Account, server: &str) -> Result<ServerLicences> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::ServerLicences)?.licences(&server).await
    }

    /// Buys or cancels one licence (a cancelled control panel takes its
    /// add-ons along) after the rules and the confirmation are checked
    /// against what the server holds now; returns the licences afterwards.
    pub async fn change_server_licence(
        &self,
        account: &Account,
        server: &str,
        change: &ServerLicenceChange,
    ) -> Result<ServerLicences> {
        let server = server_id(server)?;
        licences::licence_id(&change.licence)?;
        let client = self.client(account)?;
        let api = offered(account, client.extension::<Vpsnet>(), Capability::ServerLicences)?;
        let sends = licences::plan(&api.licences(&server).await?, change)?;
        api.set_licences(&server, &sends).await?;
        api.licences(&server).await
    }
}
