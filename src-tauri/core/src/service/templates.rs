//! The service's template calls: lists, a custom template's deletion, a
//! template's price, and buying a chargeable one only once confirmed.

use super::server_capabilities::offered;
use super::AppService;
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::{Error, Result};
use crate::provider::Compute;
use crate::providers::vpsnet::ext::templates::{
    CustomTemplate, LicenseKind, LicensedTemplate, OfferedTemplate, TemplateInfo, Templates,
};
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

fn api<'c>(account: &Account, client: &'c dyn Compute, extra: Capability) -> Result<&'c Vpsnet> {
    offered(account, client.extension::<Vpsnet>(), extra)
}

impl AppService {
    pub async fn custom_templates(&self, account: &Account) -> Result<Vec<CustomTemplate>> {
        let client = self.client(account)?;
        api(account, &*client, Capability::CustomTemplates)?.custom_templates().await
    }

    pub async fn delete_custom_template(&self, account: &Account, id: &str) -> Result<()> {
        let id = object_id("id", id)?;
        let client = self.client(account)?;
        api(account, &*client, Capability::CustomTemplates)?.delete_custom_template(&id).await
    }

    pub async fn offered_templates(&self, account: &Account) -> Result<Vec<OfferedTemplate>> {
        let client = self.client(account)?;
        api(account, &*client, Capability::OfferedTemplates)?.offered_templates().await
    }

    pub async fn template_info(&self, account: &Account, region: &str, template: &str) -> Result<TemplateInfo> {
        let region = object_id("region", region)?;
        let template = object_id("template", template)?;
        let client = self.client(account)?;
        api(account, &*client, Capability::OfferedTemplates)?.template_info(&region, &template).await
    }

    pub async fn licensed_templates(&self, account: &Account) -> Result<Vec<LicensedTemplate>> {
        let client = self.client(account)?;
        api(account, &*client, Capability::TemplateLicenses)?.licensed_templates().await
    }

    /// Buying charges the account: refused unless `confirm` says the person
    /// agreed to the purchase.
    pub async fn buy_template(
        &self,
        account: &Account,
        kind: LicenseKind,
        template: &str,
        confirm: bool,
    ) -> Result<()> {
        let template = object_id("template", template)?;
        if !confirm {
            return Err(Error::field("confirm", "buying a template charges the account; confirm the purchase"));
        }
        let client = self.client(account)?;
        api(account, &*client, Capability::TemplateLicenses)?.buy_template(kind, &template).await
    }
}
