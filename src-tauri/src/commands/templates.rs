use vpsdesk_core::extras::templates::{CustomTemplate, LicenseKind, LicensedTemplate, OfferedTemplate, TemplateInfo};

use super::ipc;

ipc! {
    async fn custom_templates(state, account_id: String) -> Vec<CustomTemplate> {
        state.desk.custom_templates(&state.desk.find(&account_id)?).await
    }

    async fn delete_custom_template(state, account_id: String, template_id: String) -> () {
        state.desk.delete_custom_template(&state.desk.find(&account_id)?, &template_id).await
    }

    async fn offered_templates(state, account_id: String) -> Vec<OfferedTemplate> {
        state.desk.offered_templates(&state.desk.find(&account_id)?).await
    }

    async fn template_info(state, account_id: String, region_id: String, template_id: String) -> TemplateInfo {
        state.desk.template_info(&state.desk.find(&account_id)?, &region_id, &template_id).await
    }

    async fn licensed_templates(state, account_id: String) -> Vec<LicensedTemplate> {
        state.desk.licensed_templates(&state.desk.find(&account_id)?).await
    }

    async fn buy_template(state, account_id: String, kind: LicenseKind, template_id: String, confirm: bool) -> () {
        state.desk.buy_template(&state.desk.find(&account_id)?, kind, &template_id, confirm).await
    }
}
