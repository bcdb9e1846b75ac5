//! The service's managed-service transfer: ids checked and the move confirmed
//! before anything is sent.

use super::server_capabilities::offered;
use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::managed::ManagedServices;
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

impl AppService {
    /// Moves `server`'s managed service to `to_server` (with the address
    /// whose id is `reassign_ip`): refused unless `confirm`.
    pub async fn transfer_managed_service(
        &self,
        account: &Account,
        server: &str,
        to_server: &str,
        reassign_ip: Option<&str>,
        confirm: bool,
    ) -> Result<()> {
        let server = server_id(server)?;
        let to = object_id("to_server", to_server)?;
        let ip = reassign_ip
            .map(str::trim)
            .filter(|ip| !ip.is_empty())
            .map(|ip| object_id("reassign_ip", ip))
            .transpose()?;
        if !confirm {
            return Err(Error::field("confirm", "the managed service leaves this server; confirm the transfer"));
        }
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::ManagedTransfer)?
            .transfer_managed_service(&server, &to, ip.as_deref())
            .await
    }
}
