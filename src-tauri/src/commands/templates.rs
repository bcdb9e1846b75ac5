use vpsdesk_core::providers::vpsnet::ext::templates::{CustomTemplate, LicenseKind, LicensedTemplate, OfferedTemplate, TemplateInfo};

use super::AccountRef;

ipc! {
    async fn custom_templates(state, account_id: AccountRef) -> Vec<CustomTemplate> {
        state.service.custom_templates(&account_id).await
    }

    async fn delete_custom_template(state, account_id: AccountRef, template_id: String) -> () {
        state.service.delete_custom_template(&account_id, &template_id).await
    }

    async fn offered_templates(state, account_id: AccountRef) -> Vec<OfferedTemplate> {
        state.service.offered_templates(&account_id).await
    }

    async fn template_info(state, account_id: AccountRef, region_id: String, template_id: String) -> TemplateInfo {
        state.service.template_info(&account_id, &region_id, &template_id).await
    }

    async fn licensed_templates(state, account_id: AccountRef) -> Vec<LicensedTemplate> {
        state.service.licensed_templates(&account_id).await
    }

    async fn buy_template(state, account_id: AccountRef, kind: LicenseKind, template_id: String, confirm: bool) -> () {
        state.service.buy_template(&account_id, kind, &template_id, confirm).await
    }
}
