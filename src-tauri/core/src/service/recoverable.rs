//! The service's deleted-server list and recovery.

use super::server_capabilities::offered;
use super::{server_id, stamp, AppService};
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::Result;
use crate::model::Server;
use crate::providers::vpsnet::ext::recoverable::Recoverable;
use crate::providers::vpsnet::Vpsnet;

impl AppService {
    pub async fn deleted_servers(&self, account: &Account) -> Result<Vec<Server>> {
        let client = self.client(account)?;
        let list = offered(account, client.extension::<Vpsnet>(), Capability::Recoverable)?.deleted_servers().await?;
        Ok(list.into_iter().map(|s| stamp(account, s)).collect())
    }

    pub async fn recover_server(&self, account: &Account, id: &str) -> Result<Server> {
        let id = server_id(id)?;
        let client = self.client(account)?;
        let back = offered(account, client.extension::<Vpsnet>(), Capability::Recoverable)?.recover_server(&id).await?;
        Ok(stamp(account, back))
    }
}
