//! The service's server settings (name, host name, automatic backups): checked
//! before sending, and refused with the reason where the provider's API
//! cannot replace them.

use super::server_capabilities::offered;
use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::Result;
use crate::providers::vpsorg::ext::settings::{self, ServerSettings, Settings};
use crate::providers::vpsorg::VpsOrg;

impl AppService {
    pub async fn server_settings(&self, account: &Account, server: &str) -> Result<ServerSettings> {
        let server = server_id(server)?;
        let client = self.client(account)?;
        offered(account, client.extension::<VpsOrg>(), Capability::Settings)?.settings(&server).await
    }

    /// Replaces every setting; returns them as the provider reports them afterwards.
    pub async fn update_server_settings(
        &self,
        account: &Account,
        server: &str,
        new: &ServerSettings,
    ) -> Result<ServerSettings> {
        let server = server_id(server)?;
        let new = settings::validate(new)?;
        let client = self.client(account)?;
        let api = offered(account, client.extension::<VpsOrg>(), Capability::Settings)?;
        api.update_settings(&server, &new).await?;
        api.settings(&server).await
    }
}
