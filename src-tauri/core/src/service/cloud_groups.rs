//! The service's cloud groups (read only).

use super::server_capabilities::offered;
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::Result;
use crate::providers::vpsnet::ext::cloud_groups::CloudGroup;
use crate::providers::vpsnet::ext::cloud_groups::CloudGroups;
use crate::providers::vpsnet::Vpsnet;

impl AppService {
    pub async fn cloud_groups(&self, account: &Account) -> Result<Vec<CloudGroup>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::CloudGroups)?.cloud_groups().await
    }
}
