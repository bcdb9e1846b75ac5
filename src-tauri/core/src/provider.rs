//! What a provider client does, independent of its wire format. Each
//! provider folder under `providers/` implements it; everything above (the
//! CLI, the app, the conformance suite) talks only to this trait.

use std::any::Any;

use async_trait::async_trait;

use crate::error::Result;
use crate::model::{CreateServer, Image, Plan, PowerAction, Region, Server, ServerFilter};

#[async_trait]
pub trait Compute: Send + Sync {
    /// The provider's cheapest authenticated read: proves the credentials.
    async fn verify(&self) -> Result<()>;

    /// Servers as the provider reports them; the account fields are filled
    /// in by the caller.
    async fn list_servers(&self) -> Result<Vec<Server>>;
    /// The servers `filter` keeps; a provider whose list filters on its side
    /// sends it along.
    async fn list_servers_where(&self, filter: &ServerFilter) -> Result<Vec<Server>> {
        let mut servers = self.list_servers().await?;
        servers.retain(|s| filter.keeps(s));
        Ok(servers)
    }
    /// The servers without their `details`, as the servers table shows them
    /// (the drawer reads one server's with `get_server`). Where the details
    /// are most of what mapping a list costs, a provider reads the rows alone.
    async fn list_rows(&self) -> Result<Vec<Server>> {
        let mut servers = self.list_servers().await?;
        for s in &mut servers {
            s.details = Vec::new();
        }
        Ok(servers)
    }
    async fn get_server(&self, id: &str) -> Result<Server>;
    async fn power(&self, id: &str, action: PowerAction) -> Result<()>;
    /// Creates a server and returns it as the provider reports it afterwards.
    async fn create_server(&self, request: &CreateServer) -> Result<Server>;
    async fn rename_server(&self, id: &str, name: &str) -> Result<()>;
    async fn delete_server(&self, id: &str) -> Result<()>;

    /// Plans `create_server` accepts; with a region, only those offered there.
    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>>;
    /// Images `create_server` accepts; with a region, only those offered there.
    async fn images(&self, region: Option<&str>) -> Result<Vec<Image>>;
    async fn regions(&self) -> Result<Vec<Region>>;

    /// The provider's billing API, where it has one.
    fn billing(&self) -> Option<&dyn crate::capabilities::billing::Billing> {
        None
    }

    /// The provider's support-ticket API, where it has one.
    fn tickets(&self) -> Option<&dyn crate::capabilities::tickets::Tickets> {
        None
    }

    /// The provider's DNS API (zones, records, templates), where it has one.
    fn dns(&self) -> Option<&dyn crate::capabilities::dns::Dns> {
        None
    }

    /// The shared server and account capabilities (`capabilities/`), each
    /// where the provider's API has it.
    fn backups(&self) -> Option<&dyn crate::capabilities::server::backups::Backups> {
        None
    }
    fn os_install(&self) -> Option<&dyn crate::capabilities::server::os::OsInstall> {
        None
    }
    fn network(&self) -> Option<&dyn crate::capabilities::server::network::Network> {
        None
    }
    fn usage(&self) -> Option<&dyn crate::capabilities::server::usage::Usage> {
        None
    }
    fn console(&self) -> Option<&dyn crate::capabilities::server::console::Console> {
        None
    }
    fn profile(&self) -> Option<&dyn crate::capabilities::account::profile::Profile> {
        None
    }

    /// This client as its own type: the one way to its provider's
    /// extensions (`providers/<p>/ext/`), through [`dyn Compute::extension`].
    fn as_any(&self) -> &dyn Any;
}

/// Inside a provider's `impl Compute`: `as_any`, and for each shared
/// capability named, the accessor that answers with the client itself.
/// `implements!(billing, network)` is all a provider writes to offer them.
macro_rules! implements {
    ($($capability:ident),* $(,)?) => {
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
        $(crate::provider::implements!(@accessor $capability);)*
    };
    (@accessor billing) => { crate::provider::implements!(@some billing, crate::capabilities::billing::Billing); };
    (@accessor tickets) => { crate::provider::implements!(@some tickets, crate::capabilities::tickets::Tickets); };
    (@accessor dns) => { crate::provider::implements!(@some dns, crate::capabilities::dns::Dns); };
    (@accessor backups) => { crate::provider::implements!(@some backups, crate::capabilities::server::backups::Backups); };
    (@accessor os_install) => { crate::provider::implements!(@some os_install, crate::capabilities::server::os::OsInstall); };
    (@accessor network) => { crate::provider::implements!(@some network, crate::capabilities::server::network::Network); };
    (@accessor usage) => { crate::provider::implements!(@some usage, crate::capabilities::server::usage::Usage); };
    (@accessor console) => { crate::provider::implements!(@some console, crate::capabilities::server::console::Console); };
    (@accessor profile) => { crate::provider::implements!(@some profile, crate::capabilities::account::profile::Profile); };
    (@some $accessor:ident, $trait:path) => {
        fn $accessor(&self) -> Option<&dyn $trait> {
            Some(self)
        }
    };
}
pub(crate) use implements;

impl<'a> dyn Compute + 'a {
    /// The client as provider `P`'s own type when it is one, to call what
    /// only `P` offers (its `ext` traits), like Libcloud's `ex_*` calls:
    /// `client.extension::<Vpsnet>()`.
    pub fn extension<P: Compute + 'static>(&self) -> Option<&P> {
        self.as_any().downcast_ref()
    }
}
