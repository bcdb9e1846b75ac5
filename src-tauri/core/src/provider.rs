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
}
