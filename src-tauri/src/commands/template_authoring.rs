use vpsdesk_core::providers::vpsnet::ext::template_authoring::TemplateEdit;

use super::AccountRef;

ipc! {
    async fn convert_backup(state, account_id: AccountRef, server_id: String, backup_id: String) -> () = convert_backup;

    async fn edit_custom_template(state, account_id: AccountRef, template_id: String, edit: TemplateEdit) -> () = edit_custom_template;
}
