//! What a provider client does, independent of its wire format. Each
//! provider folder under `providers/` implements it; everything above (the
//! CLI, the app, the conformance suite) talks only to this trait.

use async_trait::async_trait;

use crate::error::Result;
use crate::model::{Capability, CreateServer, Image, Plan, PowerAction, Region, Server};

#[async_trait]
pub trait Compute: Send + Sync {
    fn capabilities(&self) -> &'static [Capability];

    /// The provider's cheapest authenticated read: proves the credentials.
    async fn verify(&self) -> Result<()>;

    /// Servers as the provider reports them; the account fields are filled
    /// in by the caller.
    async fn list_servers(&self) -> Result<Vec<Server>>;
    async fn get_server(&self, id: &str) -> Result<Server>;
    async fn power(&self, id: &str, action: PowerAction) -> Result<()>;
    /// Creates a server and returns it as the provider reports it afterwards.
    async fn create_server(&self, request: &CreateServer) -> Result<Server>;
    async fn rename_server(&self, id: &str, name: &str) -> Result<()>;
    async fn delete_server(&self, id: &str) -> Result<()>;

    /// Plans `create_server` accepts; with a region, only those offered there.
    async fn plans(&self, region: Option<&str>) -> Result<Vec<Plan>>;
    async fn images(&self) -> Result<Vec<Image>>;
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

    /// Server extras (`extras`), each where the provider's API has it.
    fn snapshots(&self) -> Option<&dyn crate::providers::vultr::ext::snapshots::Snapshots> {
        None
    }
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
    fn ssh_keys(&self) -> Option<&dyn crate::providers::vultr::ext::ssh_keys::SshKeys> {
        None
    }
    fn scripts(&self) -> Option<&dyn crate::providers::vultr::ext::scripts::Scripts> {
        None
    }
    fn maintenance(&self) -> Option<&dyn crate::providers::vpsnet::ext::maintenance::Maintenance> {
        None
    }
    fn clones(&self) -> Option<&dyn crate::providers::vpsnet::ext::clones::Clones> {
        None
    }
    fn templates(&self) -> Option<&dyn crate::providers::vpsnet::ext::templates::Templates> {
        None
    }
    fn recoverable(&self) -> Option<&dyn crate::providers::vpsnet::ext::recoverable::Recoverable> {
        None
    }
    fn nodes(&self) -> Option<&dyn crate::providers::vpsnet::ext::nodes::Nodes> {
        None
    }
    fn drives(&self) -> Option<&dyn crate::providers::cloudsigma::ext::drives::Drives> {
        None
    }
    fn fleet(&self) -> Option<&dyn crate::providers::cloudsigma::ext::clone_and_bulk::Fleet> {
        None
    }
    fn resources(&self) -> Option<&dyn crate::providers::cloudsigma::ext::vlans_and_ips::Resources> {
        None
    }
    fn server_groups(&self) -> Option<&dyn crate::providers::cloudsigma::ext::server_groups::ServerGroups> {
        None
    }
    fn profile(&self) -> Option<&dyn crate::capabilities::account::profile::Profile> {
        None
    }
    fn server_settings(&self) -> Option<&dyn crate::providers::vpsorg::ext::settings::Settings> {
        None
    }
    fn server_plan(&self) -> Option<&dyn crate::providers::vpsnet::ext::server_resources::ServerPlan> {
        None
    }
    fn account_addresses(&self) -> Option<&dyn crate::providers::vpsnet::ext::account_ips::AccountIps> {
        None
    }
    fn cloud_groups(&self) -> Option<&dyn crate::providers::vpsnet::ext::cloud_groups::CloudGroups> {
        None
    }
    fn licences(&self) -> Option<&dyn crate::providers::vpsnet::ext::licences::Licences> {
        None
    }
    fn managed_services(&self) -> Option<&dyn crate::providers::vpsnet::ext::managed::ManagedServices> {
        None
    }
    fn template_authoring(&self) -> Option<&dyn crate::providers::vpsnet::ext::template_authoring::TemplateAuthoring> {
        None
    }
}
