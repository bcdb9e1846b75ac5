use vpsdesk_core::service::billing::SavedFile;
use vpsdesk_core::service::dns::{DeleteOutcome, RecordHit};
use vpsdesk_core::capabilities::dns::plan::{ImportOutcome, ImportPlan};
use vpsdesk_core::capabilities::dns::{CreatedZone, DnsTemplate, NewZone, Record, RecordInput, Zone};

use super::AccountRef;
use crate::files::SaveAs;

// `zone` is a zone's id or domain name; `template_id` a DNS template's id.
ipc! {
    async fn dns_zones(state, account_id: AccountRef) -> Vec<Zone> = dns_zones;

    async fn dns_records(state, account_id: AccountRef, zone: String) -> Vec<Record> = dns_records;

    async fn dns_add_record(state, account_id: AccountRef, zone: String, record: RecordInput) -> () = dns_add_record;

    async fn dns_update_record(state, account_id: AccountRef, zone: String, record_id: String, record: RecordInput) -> () = dns_update_record;

    async fn dns_delete_records(state, account_id: AccountRef, zone: String, record_ids: Vec<String>) -> Vec<DeleteOutcome> = dns_delete_records;

    async fn dns_export(state, account_id: AccountRef, zone: String) -> String = dns_export;

    /// Asks where to save the zone file (the native dialog, suggesting
    /// `suggested_name`) and writes it there; `null` when cancelled.
    async fn dns_save_export(state, account_id: AccountRef, zone: String, suggested_name: String) -> Option<SavedFile> {
        let save = SaveAs { title: "Save the zone file", filter: "Zone file", extensions: &["zone", "txt"], suggested: &suggested_name, fallback: "export.zone" };
        let Some(path) = state.files.save_as(save).await? else {
            return Ok(None);
        };
        state.service.dns_save_export(&account_id, &zone, &path).await.map(Some)
    }

    async fn dns_import_plan(state, account_id: AccountRef, zone: String, text: String) -> ImportPlan = dns_import_plan;

    async fn dns_import(state, account_id: AccountRef, zone: String, text: String) -> Vec<ImportOutcome> = dns_import;

    async fn dns_create_zone(state, account_id: AccountRef, request: NewZone) -> CreatedZone = dns_create_zone;

    async fn dns_delete_zone(state, account_id: AccountRef, zone: String) -> () = dns_delete_zone;

    async fn dns_templates(state, account_id: AccountRef) -> Vec<DnsTemplate> = dns_templates;

    async fn dns_create_template(state, account_id: AccountRef, name: String) -> DnsTemplate = dns_create_template;

    async fn dns_delete_template(state, account_id: AccountRef, template_id: String) -> () = dns_delete_template;

    async fn dns_template_records(state, account_id: AccountRef, template_id: String) -> Vec<Record> = dns_template_records;

    async fn dns_add_template_record(state, account_id: AccountRef, template_id: String, record: RecordInput) -> () = dns_add_template_record;

    async fn dns_update_template_record(state, account_id: AccountRef, template_id: String, record_id: String, record: RecordInput) -> () = dns_update_template_record;

    async fn dns_delete_template_record(state, account_id: AccountRef, template_id: String, record_id: String) -> () = dns_delete_template_record;

    async fn dns_find_address(state, address: String) -> Vec<RecordHit> {
        state.service.dns_records_pointing_at(&state.service.accounts()?, &address).await
    }
}
