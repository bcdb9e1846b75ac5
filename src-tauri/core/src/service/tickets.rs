//! Support tickets through the service: which accounts have them, listing
//! across accounts, and every write validated here before it is sent.

use std::sync::Arc;

use super::{fan_out, AppService};
use crate::accounts::Account;
use crate::capabilities::tickets::{
    department, reply_body, validate, ManagedService, NewTicket, Ticket, TicketFilter, TicketInventory, TicketReply,
    TicketThread, Tickets,
};
use crate::error::{Error, Result};
use crate::provider::Compute;
use crate::secret::Secret;

impl AppService {
    /// The account's client, when its provider has a ticket API; otherwise
    /// an `unsupported` error that says where to open tickets instead.
    fn ticket_client(&self, account: &Account) -> Result<Arc<dyn Compute>> {
        let client = self.client(account)?;
        if client.tickets().is_some() {
            Ok(client)
        } else {
            Err(no_ticket_api(account))
        }
    }

    /// One account's tickets, newest first.
    pub async fn tickets_of(&self, account: &Account, filter: &TicketFilter) -> Result<Vec<Ticket>> {
        let client = self.ticket_client(account)?;
        let t = tickets(&client);
        let dept = match filter.department.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => Some(department(&account.provider.descriptor().ticket_form().departments, d)?),
            None => None,
        };
        let mut list = t.list_tickets(filter.status, dept.as_ref()).await?;
        list.sort_by_key(|t| std::cmp::Reverse(t.id.parse::<u64>().unwrap_or(0)));
        Ok(list.into_iter().map(|t| stamp(account, t)).collect())
    }

    /// Tickets of every account whose provider has a ticket API, fetched
    /// concurrently; a failing account adds an error and hides no other.
    pub async fn ticket_inventory(&self, accounts: &[Account], filter: &TicketFilter) -> TicketInventory {
        let with_api = accounts.iter().filter(|a| self.client(a).map(|c| c.tickets().is_some()).unwrap_or(true));
        let (tickets, errors) = fan_out(with_api, |a| self.tickets_of(a, filter)).await;
        TicketInventory { tickets, errors }
    }

    pub async fn ticket(&self, account: &Account, id: &str) -> Result<TicketThread> {
        let client = self.ticket_client(account)?;
        let mut thread = tickets(&client).ticket(id.trim()).await?;
        thread.account = account.name.clone();
        thread.account_id = account.id.clone();
        thread.provider = account.provider;
        Ok(thread)
    }

    /// Validates and opens a ticket. The credentials in `new` are dropped
    /// (and zeroized) when this returns.
    pub async fn open_ticket(&self, account: &Account, new: NewTicket) -> Result<Ticket> {
        let client = self.ticket_client(account)?;
        let t = tickets(&client);
        let request = validate(new, &account.provider.descriptor().ticket_form())?;
        Ok(stamp(account, t.open_ticket(&request).await?))
    }

    pub async fn reply_ticket(&self, account: &Account, id: &str, reply: TicketReply) -> Result<()> {
        let client = self.ticket_client(account)?;
        let body = reply_body(&reply.body)?;
        let password: Option<&Secret> = reply.root_password.as_ref().filter(|p| !p.is_empty());
        tickets(&client).reply_ticket(id.trim(), &body, password).await
    }

    pub async fn close_ticket(&self, account: &Account, id: &str) -> Result<()> {
        let client = self.ticket_client(account)?;
        tickets(&client).close_ticket(id.trim()).await
    }

    pub async fn managed_services(&self, account: &Account) -> Result<Vec<ManagedService>> {
        let client = self.ticket_client(account)?;
        tickets(&client).managed_services().await
    }
}

fn tickets(client: &Arc<dyn Compute>) -> &dyn Tickets {
    client.tickets().expect("ticket_client checked for a ticket API")
}

fn no_ticket_api(account: &Account) -> Error {
    Error::unsupported(account.provider.descriptor().no_tickets())
}

fn stamp(account: &Account, mut t: Ticket) -> Ticket {
    t.account = account.name.clone();
    t.account_id = account.id.clone();
    t.provider = account.provider;
    t
}
