use vpsdesk_core::providers::vpsnet::ext::templates::{CustomTemplate, LicenseKind, LicensedTemplate, OfferedTemplate, TemplateInfo};

use super::AccountRef;

ipc! {
    async fn custom_templates(state, account_id: AccountRef) -> Vec<CustomTemplate> = custom_templates;

    async fn delete_custom_template(state, account_id: AccountRef, template_id: String) -> () = delete_custom_template;

    async fn offered_templates(state, account_id: AccountRef) -> Vec<OfferedTemplate> = offered_templates;

    async fn template_info(state, account_id: AccountRef, region_id: String, template_id: String) -> TemplateInfo = template_info;

    async fn licensed_templates(state, account_id: AccountRef) -> Vec<LicensedTemplate> = licensed_templates;

    async fn buy_template(state, account_id: AccountRef, kind: LicenseKind, template_id: String, confirm: bool) -> () {
        state.service.buy_template(&account_id, kind, &template_id, confirm).await
    }
}
