//! The service's custom-template authoring: a backup turned into a template,
//! a custom template's description and notes changed; checked first.

use super::server_capabilities::offered;
use super::{server_id, AppService};
use crate::accounts::Account;
use crate::capabilities::Capability;
use crate::error::Result;
use crate::providers::vpsnet::ext::template_authoring::TemplateAuthoring;
use crate::providers::vpsnet::ext::template_authoring::{self, TemplateEdit};
use crate::providers::vpsnet::Vpsnet;
use crate::validate::object_id;

impl AppService {
    pub async fn convert_backup(&self, account: &Account, server: &str, backup: &str) -> Result<()> {
        let server = server_id(server)?;
        let backup = object_id("backup", backup)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::BackupConvert)?
            .convert_backup(&server, &backup)
            .await
    }

    pub async fn edit_custom_template(&self, account: &Account, id: &str, edit: &TemplateEdit) -> Result<()> {
        let id = object_id("id", id)?;
        let edit = template_authoring::validate(edit)?;
        let client = self.client(account)?;
        offered(account, client.extension::<Vpsnet>(), Capability::CustomTemplateEdit)?
            .edit_custom_template(&id, &edit)
            .await
    }
}
