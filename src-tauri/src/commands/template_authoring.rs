use vpsdesk_core::providers::vpsnet::ext::template_authoring::TemplateEdit;

use super::AccountRef;

ipc! {
    async fn convert_backup(state, account_id: AccountRef, server_id: String, backup_id: String) -> () {
        state.service.convert_backup(&account_id, &server_id, &backup_id).await
    }

    async fn edit_custom_template(state, account_id: AccountRef, template_id: String, edit: TemplateEdit) -> () {
        state.service.edit_custom_template(&account_id, &template_id, &edit).await
    }
}
