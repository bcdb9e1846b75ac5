//! The service's account-wide addresses: list, notes and consumer edit,
//! reassignment and justified addresses, checked (and the moving or billed
//! ones confirmed) before anything is sent.

use super::server_capabilities::offered;
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::providers::vpsnet::ext::account_ips::AccountIps;
use crate::providers::vpsnet::ext::account_ips::{self, AccountIp, Justification, JustifiedIp};
use crate::providers::vpsnet::ext::server_resources::{consumer_filter, consumer_id};
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

impl AppService {
    /// Every address, or those of one consumer (`consumer`: a number of 1 or more).
    pub async fn account_ips(&self, account: &Account, consumer: Option<&str>) -> Result<Vec<AccountIp>> {
        let consumer = consumer_filter(consumer)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::AccountIps)?
            .list_account_ips(consumer.as_deref())
            .await
    }

    /// Replaces the notes and consumer id (empty or "0": none).
    pub async fn edit_account_ip(
        &self,
        account: &Account,
        id: &str,
        notes: &str,
        consumer: Option<&str>,
    ) -> Result<()> {
        let id = object_id("id", id)?;
        let notes = account_ips::notes(notes)?;
        let consumer = consumer_id("consumer_id", consumer)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::AccountIps)?
            .edit_ip(&id, &notes, consumer.as_deref())
            .await
    }

    /// Moves the address off the server that has it: refused unless `confirm`.
    pub async fn reassign_ip(&self, account: &Account, id: &str, server: &str, confirm: bool) -> Result<String> {
        let id = object_id("id", id)?;
        let server = object_id("server", server)?;
        if !confirm {
            return Err(Error::field(
                "confirm",
                "the address stops working on the server that has it now; confirm the move",
            ));
        }
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::IpReassign)?.reassign_ip(&id, &server).await
    }

    pub async fn justified_ips(&self, account: &Account) -> Result<Vec<JustifiedIp>> {
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::JustifiedIps)?.justified_ips().await
    }

    /// Asks for more (billed) addresses: refused unless `confirm`.
    pub async fn request_justified_ips(
        &self,
        account: &Account,
        server: &str,
        reasons: &[Justification],
        confirm: bool,
    ) -> Result<()> {
        let server = object_id("server", server)?;
        let reasons = account_ips::justifications(reasons)?;
        if !confirm {
            return Err(Error::field("confirm", "granted addresses are billed; confirm the request"));
        }
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::JustifiedIps)?
            .request_justified(&server, &reasons)
            .await
    }
}
