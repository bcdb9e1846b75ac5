use vpsdesk_core::service::billing::SavedFile;
use vpsdesk_core::service::dns::{DeleteOutcome, RecordHit};
use vpsdesk_core::capabilities::dns::plan::{ImportOutcome, ImportPlan};
use vpsdesk_core::capabilities::dns::{CreatedZone, DnsTemplate, NewZone, Record, RecordInput, Zone};

use super::AccountRef;
use crate::files::SaveAs;

// `zone` is a zone's id or domain name; `template_id` a DNS template's id.
ipc! {
    async fn dns_zones(state, account_id: AccountRef) -> Vec<Zone> {
        state.service.dns_zones(&account_id).await
    }

    async fn dns_records(state, account_id: AccountRef, zone: String) -> Vec<Record> {
        state.service.dns_records(&account_id, &zone).await
    }

    async fn dns_add_record(state, account_id: AccountRef, zone: String, record: RecordInput) -> () {
        state.service.dns_add_record(&account_id, &zone, &record).await
    }

    async fn dns_update_record(state, account_id: AccountRef, zone: String, record_id: String, record: RecordInput) -> () {
        state.service.dns_update_record(&account_id, &zone, &record_id, &record).await
    }

    async fn dns_delete_records(state, account_id: AccountRef, zone: String, record_ids: Vec<String>) -> Vec<DeleteOutcome> {
        state.service.dns_delete_records(&account_id, &zone, &record_ids).await
    }

    async fn dns_export(state, account_id: AccountRef, zone: String) -> String {
        state.service.dns_export(&account_id, &zone).await
    }

    /// Asks where to save the zone file (the native dialog, suggesting
    /// `suggested_name`) and writes it there; `null` when cancelled.
    async fn dns_save_export(state, account_id: AccountRef, zone: String, suggested_name: String) -> Option<SavedFile> {
        let save = SaveAs { title: "Save the zone file", filter: "Zone file", extensions: &["zone", "txt"], suggested: &suggested_name, fallback: "export.zone" };
        let Some(path) = state.files.save_as(save).await? else {
            return Ok(None);
        };
        state.service.dns_save_export(&account_id, &zone, &path).await.map(Some)
    }

    async fn dns_import_plan(state, account_id: AccountRef, zone: String, text: String) -> ImportPlan {
        state.service.dns_import_plan(&account_id, &zone, &text).await
    }

    async fn dns_import(state, account_id: AccountRef, zone: String, text: String) -> Vec<ImportOutcome> {
        state.service.dns_import(&account_id, &zone, &text).await
    }

    async fn dns_create_zone(state, account_id: AccountRef, request: NewZone) -> CreatedZone {
        state.service.dns_create_zone(&account_id, &request).await
    }

    async fn dns_delete_zone(state, account_id: AccountRef, zone: String) -> () {
        state.service.dns_delete_zone(&account_id, &zone).await
    }

    async fn dns_templates(state, account_id: AccountRef) -> Vec<DnsTemplate> {
        state.service.dns_templates(&account_id).await
    }

    async fn dns_create_template(state, account_id: AccountRef, name: String) -> DnsTemplate {
        state.service.dns_create_template(&account_id, &name).await
    }

    async fn dns_delete_template(state, account_id: AccountRef, template_id: String) -> () {
        state.service.dns_delete_template(&account_id, &template_id).await
    }

    async fn dns_template_records(state, account_id: AccountRef, template_id: String) -> Vec<Record> {
        state.service.dns_template_records(&account_id, &template_id).await
    }

    async fn dns_add_template_record(state, account_id: AccountRef, template_id: String, record: RecordInput) -> () {
        state.service.dns_add_template_record(&account_id, &template_id, &record).await
    }

    async fn dns_update_template_record(state, account_id: AccountRef, template_id: String, record_id: String, record: RecordInput) -> () {
        state.service.dns_update_template_record(&account_id, &template_id, &record_id, &record).await
    }

    async fn dns_delete_template_record(state, account_id: AccountRef, template_id: String, record_id: String) -> () {
        state.service.dns_delete_template_record(&account_id, &template_id, &record_id).await
    }

    async fn dns_find_address(state, address: String) -> Vec<RecordHit> {
        state.service.dns_records_pointing_at(&state.service.accounts()?, &address).await
    }
}
