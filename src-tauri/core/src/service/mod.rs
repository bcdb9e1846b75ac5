//! The one entry point the CLI and the app share: accounts (metadata file +
//! keychain) and the operations on their servers, with validation done here
//! once, before anything is sent.

mod account_ips;
mod account_resources;
mod backups;
pub mod billing;
mod cloud_groups;
pub mod dns;
mod drives;
mod maintenance;
mod managed;
mod node_consumer;
mod nodes;
mod recoverable;
mod server_capabilities;
mod server_resources;
mod settings;
mod template_authoring;
mod templates;
mod tickets;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::accounts::{looks_like_email, validate_endpoint, validate_name, Account, AccountStore, Loaded};
use crate::capabilities::CapabilitySet;
use crate::error::{Error, Result};
use crate::http::Http;
use crate::model::{
    AccountError, Capability, CreateServer, Image, Inventory, Plan, PowerAction, ProviderKind, Region, Server,
    ServerFilter,
};
use crate::provider::Compute;
use crate::providers;
use crate::secret::{Keychain, Secret};

/// What the add-account form and `vpsctl accounts add` hand over. The secret
/// goes to the keychain and nowhere else.
#[derive(Deserialize, TS)]
pub struct NewAccount {
    pub provider: ProviderKind,
    pub name: String,
    pub endpoint: Option<String>,
    pub username: Option<String>,
    pub region: Option<String>,
    #[ts(type = "string")]
    pub secret: Secret,
    pub verify: bool,
}

/// An account as shown to the UI and the CLI: never the secret.
#[derive(Clone, Debug, Serialize, TS)]
pub struct AccountView {
    pub id: String,
    pub name: String,
    pub provider: ProviderKind,
    pub endpoint: String,
    pub username: Option<String>,
    pub region: Option<String>,
    pub demo: bool,
    pub capabilities: Vec<Capability>,
}

pub struct AppService {
    store: AccountStore,
    keychain: Keychain,
    http: Http,
    /// One client per account, so its rate limit spans every caller.
    clients: Mutex<HashMap<String, Arc<dyn Compute>>>,
    /// Long operations (`jobs.rs`) of this process.
    jobs: crate::jobs::Jobs,
}

impl AppService {
    pub fn new(store: AccountStore, keychain: Keychain, http: Http) -> Self {
        AppService { store, keychain, http, clients: Mutex::new(HashMap::new()), jobs: Default::default() }
    }

    pub fn store(&self) -> &AccountStore {
        &self.store
    }

    pub fn keychain(&self) -> &Keychain {
        &self.keychain
    }

    pub fn load(&self) -> Result<Loaded> {
        self.store.load()
    }

    pub fn accounts(&self) -> Result<Vec<Account>> {
        Ok(self.store.load()?.accounts)
    }

    /// Finds an account by name (what people type) or by id.
    pub fn find(&self, name_or_id: &str) -> Result<Account> {
        let accounts = self.accounts()?;
        accounts
            .iter()
            .find(|a| a.name == name_or_id)
            .or_else(|| accounts.iter().find(|a| a.id == name_or_id))
            .or_else(|| accounts.iter().find(|a| a.name.eq_ignore_ascii_case(name_or_id)))
            .cloned()
            .ok_or_else(|| {
                // Names are at most 64 characters: a longer one is shown cut.
                let name_or_id = &name_or_id.chars().take(65).collect::<String>();
                let names: Vec<_> = accounts.iter().map(|a| a.name.as_str()).collect();
                Error::not_found(if names.is_empty() {
                    format!("no account named {name_or_id:?}; there are no accounts yet (add one with `vpsctl accounts add`)")
                } else {
                    format!("no account named {name_or_id:?}; accounts: {}", names.join(", "))
                })
            })
    }

    pub fn view(&self, a: &Account) -> AccountView {
        AccountView {
            id: a.id.clone(),
            name: a.name.clone(),
            provider: a.provider,
            endpoint: providers::endpoint_of(a).unwrap_or_default(),
            username: a.username.clone(),
            region: a.region.clone(),
            demo: a.demo,
            capabilities: self.capabilities(a).to_vec(),
        }
    }

    /// Every account as the accounts list shows it.
    pub fn account_views(&self) -> Result<Vec<AccountView>> {
        Ok(self.accounts()?.iter().map(|a| self.view(a)).collect())
    }

    /// What the account's provider offers, declared by the provider: no
    /// client, no secret, no request.
    pub fn capabilities(&self, a: &Account) -> CapabilitySet {
        crate::capabilities::of(a)
    }

    /// Validates, verifies (unless asked not to), stores the secret in the
    /// keychain and the metadata in the account file.
    pub async fn add_account(&self, new: NewAccount, demo: bool) -> Result<Account> {
        let account = self.checked_account(&new, demo)?;
        if self.accounts()?.iter().any(|a| a.name.eq_ignore_ascii_case(&account.name)) {
            return Err(Error::field(
                "name",
                format!("an account named {:?} already exists; pick another name", account.name),
            ));
        }
        if new.verify {
            let client = providers::connect(&account, new.secret.clone(), &self.http)?;
            client.verify().await.map_err(|e| e.context("the credentials could not be verified"))?;
        }
        self.keychain.set(&account.id, &new.secret)?;
        let saved = self.store.update(|accounts| {
            if accounts.iter().any(|a| a.name.eq_ignore_ascii_case(&account.name)) {
                return Err(Error::field("name", format!("an account named {:?} already exists", account.name)));
            }
            accounts.push(account.clone());
            Ok(())
        });
        if let Err(e) = saved {
            let _ = self.keychain.delete(&account.id);
            return Err(e);
        }
        Ok(account)
    }

    fn checked_account(&self, new: &NewAccount, demo: bool) -> Result<Account> {
        let info = providers::info(new.provider);
        let name = validate_name(&new.name)?;
        if new.secret.is_empty() {
            return Err(Error::field("secret", format!("the {} is empty", info.secret_label)));
        }
        if new.secret.expose().chars().any(char::is_control) {
            return Err(Error::field("secret", format!("the {} contains control characters", info.secret_label)));
        }
        let username = new.username.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
        if let Some(label) = &info.username_label {
            match &username {
                None => return Err(Error::field("username", format!("{} needs the {label}", info.label))),
                // Both providers with a user name sign in by email (CLI.md).
                Some(u) if !looks_like_email(u) => {
                    return Err(Error::field(
                        "username",
                        format!("{} needs the {label}; {u:?} is not an email address", info.label),
                    ))
                }
                Some(_) => {}
            }
        }
        let region = new.region.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_string);
        if let Some(r) = &region {
            if !info.regions.is_empty() && !info.regions.iter().any(|x| &x.id == r) {
                let ids: Vec<_> = info.regions.iter().map(|x| x.id.as_str()).collect();
                return Err(Error::field("region", format!("unknown region {r:?}; use one of {}", ids.join(", "))));
            }
        }
        let endpoint = match new.endpoint.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
            Some(e) => Some(validate_endpoint(e)?),
            None => None,
        };
        Ok(Account {
            endpoint,
            username: if info.username_label.is_some() { username } else { None },
            // Only account-level regions (CloudSigma's) mean anything; a stray
            // one would show in `accounts list` as if it chose something.
            region: if info.regions.is_empty() { None } else { region },
            demo,
            ..Account::new(new.provider, name)
        })
    }

    pub async fn test_account(&self, account: &Account) -> Result<()> {
        self.client(account)?.verify().await
    }

    pub fn rename_account(&self, id: &str, name: &str) -> Result<Account> {
        let name = validate_name(name)?;
        self.store.update(|accounts| {
            if accounts.iter().any(|a| a.id != id && a.name.eq_ignore_ascii_case(&name)) {
                return Err(Error::field("name", format!("an account named {name:?} already exists")));
            }
            let a = accounts
                .iter_mut()
                .find(|a| a.id == id)
                .ok_or_else(|| Error::not_found("that account no longer exists"))?;
            a.name = name.clone();
            Ok(a.clone())
        })
    }

    /// Removes the metadata, then the keychain entry.
    pub fn remove_account(&self, id: &str) -> Result<()> {
        self.store.update(|accounts| {
            let before = accounts.len();
            accounts.retain(|a| a.id != id);
            if accounts.len() == before {
                return Err(Error::not_found("that account no longer exists"));
            }
            Ok(())
        })?;
        self.clients.lock().expect("clients lock").remove(id);
        self.keychain.delete(id)
    }

    /// Points the demo accounts at a (re)started sandbox.
    pub fn set_demo_endpoints(&self, endpoint_of: impl Fn(ProviderKind) -> Option<String>) -> Result<()> {
        self.store.update(|accounts| {
            for a in accounts.iter_mut().filter(|a| a.demo) {
                if let Some(e) = endpoint_of(a.provider) {
                    a.endpoint = Some(e);
                }
            }
            Ok(())
        })?;
        self.clients.lock().expect("clients lock").clear();
        Ok(())
    }

    pub fn client(&self, account: &Account) -> Result<Arc<dyn Compute>> {
        let key = format!("{}@{}", account.id, account.endpoint.as_deref().unwrap_or(""));
        if let Some(c) = self.clients.lock().expect("clients lock").get(&key) {
            return Ok(c.clone());
        }
        // The endpoint first: an accounts.json edited to name another host
        // must not even get the secret read from the keychain.
        providers::endpoint_of(account)?;
        // No account name here: the fan-outs (inventory, balances) put it in
        // front of each account's error, and single commands name it already.
        let secret = self.keychain.get(&account.id)?;
        let client = providers::connect(account, secret, &self.http)?;
        self.clients.lock().expect("clients lock").insert(key, client.clone());
        Ok(client)
    }

    fn require(&self, account: &Account, cap: Capability, what: &str) -> Result<Arc<dyn Compute>> {
        if !self.capabilities(account).contains(cap) {
            return Err(Error::unsupported(format!(
                "{} cannot {what}: its API does not offer it",
                account.provider_label()
            )));
        }
        self.client(account)
    }

    /// Every server of the given accounts, fetched concurrently; a failing
    /// account adds an error and never hides the others.
    pub async fn inventory(&self, accounts: &[Account]) -> Inventory {
        let (servers, errors) = fan_out(accounts, |a| self.servers_of(a)).await;
        Inventory { servers, errors }
    }

    /// The servers of the given accounts that `filter` keeps, as
    /// [`AppService::inventory`] gathers them.
    pub async fn inventory_where(&self, accounts: &[Account], filter: &ServerFilter) -> Inventory {
        let (servers, errors) = fan_out(accounts, |a| async move {
            let servers = self.client(a)?.list_servers_where(filter).await?;
            Ok(servers.into_iter().map(|s| stamp(a, s)).collect::<Vec<_>>())
        })
        .await;
        Inventory { servers, errors }
    }

    /// One account's servers: the app asks per account, so a slow provider
    /// never holds back the others' rows.
    pub async fn servers_of(&self, account: &Account) -> Result<Vec<Server>> {
        let servers = self.client(account)?.list_servers().await?;
        Ok(servers.into_iter().map(|s| stamp(account, s)).collect())
    }

    /// `servers_of` without each server's details: the servers table's rows.
    pub async fn server_rows_of(&self, account: &Account) -> Result<Vec<Server>> {
        let servers = self.client(account)?.list_rows().await?;
        Ok(servers.into_iter().map(|s| stamp(account, s)).collect())
    }

    pub async fn server(&self, account: &Account, id: &str) -> Result<Server> {
        let id = server_id(id)?;
        Ok(stamp(account, self.client(account)?.get_server(&id).await?))
    }

    pub async fn power(&self, account: &Account, id: &str, action: PowerAction) -> Result<()> {
        let id = server_id(id)?;
        let (cap, what) = match action {
            PowerAction::Start => (Capability::Start, "start servers"),
            PowerAction::Stop => (Capability::Stop, "stop servers"),
            PowerAction::ForceStop => (Capability::ForceStop, "force servers off"),
            PowerAction::Reboot => (Capability::Reboot, "reboot servers"),
        };
        self.require(account, cap, what)?.power(&id, action).await
    }

    pub async fn create(&self, account: &Account, request: &CreateServer) -> Result<Server> {
        let client = self.require(account, Capability::Create, "create servers")?;
        let declared = self.capabilities(account);
        if let Some((capability, field, _)) =
            request.options().into_iter().find(|(c, _, asked)| *asked && !declared.contains(*c))
        {
            let provider = account.provider_label();
            return Err(Error::field(
                field,
                format!("{provider} cannot {}: its API does not offer it", capability.what()),
            ));
        }
        if !request.licences.is_empty() && !request.confirm_charges {
            return Err(Error::field(
                "confirm",
                "licences are billed every month until cancelled, on top of the server; confirm the charge",
            ));
        }
        let mut request = request.clone();
        request.name = server_name(&request.name)?;
        Ok(stamp(account, client.create_server(&request).await?))
    }

    pub async fn rename(&self, account: &Account, id: &str, name: &str) -> Result<()> {
        let id = server_id(id)?;
        let name = server_name(name)?;
        self.require(account, Capability::Rename, "rename servers")?.rename_server(&id, &name).await
    }

    pub async fn delete(&self, account: &Account, id: &str) -> Result<()> {
        let id = server_id(id)?;
        self.require(account, Capability::Delete, "delete servers")?.delete_server(&id).await
    }

    pub async fn plans(&self, account: &Account, region: Option<&str>) -> Result<Vec<Plan>> {
        self.client(account)?.plans(region.map(str::trim).filter(|r| !r.is_empty())).await
    }

    pub async fn images(&self, account: &Account, region: Option<&str>) -> Result<Vec<Image>> {
        self.client(account)?.images(region.map(str::trim).filter(|r| !r.is_empty())).await
    }

    pub async fn regions(&self, account: &Account) -> Result<Vec<Region>> {
        self.client(account)?.regions().await
    }
}

impl Account {
    pub fn provider_label(&self) -> String {
        self.provider.descriptor().label.to_string()
    }
}

fn stamp(account: &Account, mut s: Server) -> Server {
    s.account = account.name.clone();
    s.account_id = account.id.clone();
    s.provider = account.provider;
    s
}

fn server_id(id: &str) -> Result<String> {
    let id = id.trim();
    if id.is_empty() {
        return Err(Error::field("id", "a server id is required"));
    }
    // Too long to echo back: a pasted file would flood the message.
    if id.len() > 128 {
        return Err(Error::field("id", "a server id has at most 128 characters"));
    }
    if id.chars().any(|c| c.is_control() || c == '/' || c == '?' || c == '#') {
        return Err(Error::field("id", format!("{id:?} is not a server id")));
    }
    Ok(id.to_string())
}

/// Server names as every provider accepts them: printable, not too long.
pub fn server_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "a server needs a name"));
    }
    if name.chars().count() > 64 {
        return Err(Error::field("name", "use at most 64 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::field("name", "control characters are not allowed"));
    }
    Ok(name.to_string())
}

/// Runs `fetch` for every account concurrently and gathers what each
/// returned; a failing account adds its error and never hides the others.
pub(super) async fn fan_out<'a, T, Fut>(
    accounts: impl IntoIterator<Item = &'a Account>,
    fetch: impl Fn(&'a Account) -> Fut,
) -> (Vec<T>, Vec<AccountError>)
where
    Fut: std::future::Future<Output = Result<Vec<T>>>,
{
    let results = futures::future::join_all(accounts.into_iter().map(|a| {
        let fetched = fetch(a);
        async move { (a, fetched.await) }
    }))
    .await;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (a, r) in results {
        match r {
            Ok(found) => items.extend(found),
            Err(error) => errors.push(AccountError {
                account: a.name.clone(),
                account_id: a.id.clone(),
                provider: a.provider,
                error,
            }),
        }
    }
    (items, errors)
}
