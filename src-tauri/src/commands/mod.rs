//! The IPC surface. Each command is a thin call into the core; the `ipc!`
//! macro defines the Tauri command and its TypeScript binding from the same
//! signature, so the two cannot drift apart.

mod account_ips;
mod accounts;
mod backups;
mod billing;
mod cloud_groups;
mod dns;
mod drives;
mod extras;
mod maintenance;
mod nodes;
mod recoverable;
mod resources;
mod server_plan;
mod servers;
mod settings;
mod template_authoring;
mod templates;
mod tickets;

/// Defines Tauri commands (args in snake_case, errors as `{kind, message,
/// fields}`) and records each signature for `bindings.ts`.
macro_rules! ipc {
    ($( $(#[$meta:meta])* async fn $name:ident($state:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block )*) => {
        $(
            $(#[$meta])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $name(
                $state: tauri::State<'_, crate::state::AppState> $(, $arg: $ty)*
            ) -> Result<$ret, vpsdesk_core::Error> $body
        )*

        #[cfg(test)]
        pub fn signatures() -> Vec<crate::bindings::Binding> {
            let cfg = ts_rs::Config::new();
            vec![$(crate::bindings::Binding {
                name: stringify!($name),
                args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(&cfg))),*],
                ret: <$ret as ts_rs::TS>::name(&cfg),
            }),*]
        }
    };
}
pub(crate) use ipc;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    use account_ips::*;
    use accounts::*;
    use backups::*;
    use billing::*;
    use cloud_groups::*;
    use dns::*;
    use drives::*;
    use extras::*;
    use maintenance::*;
    use nodes::*;
    use recoverable::*;
    use resources::*;
    use server_plan::*;
    use servers::*;
    use settings::*;
    use template_authoring::*;
    use templates::*;
    use tickets::*;
    tauri::generate_handler![
        app_status,
        providers,
        list_accounts,
        add_account,
        test_account,
        rename_account,
        remove_account,
        start_demo,
        list_servers,
        account_servers,
        get_server,
        server_action,
        create_server,
        rename_server,
        delete_server,
        catalog_plans,
        catalog_images,
        catalog_regions,
        billing_accounts,
        billing_balance,
        billing_invoices,
        invoice_pdf,
        save_invoice_pdf,
        billing_transactions,
        billing_usage,
        billing_pricing,
        billing_currencies,
        billing_subscriptions,
        quote_subscription,
        create_subscription,
        quote_extension,
        extend_subscription,
        export_csv,
        ticket_accounts,
        list_tickets,
        get_ticket,
        open_ticket,
        reply_ticket,
        close_ticket,
        managed_services,
        dns_accounts,
        dns_zones,
        dns_records,
        dns_add_record,
        dns_update_record,
        dns_delete_records,
        dns_export,
        dns_save_export,
        dns_import_plan,
        dns_import,
        dns_create_zone,
        dns_delete_zone,
        dns_templates,
        dns_create_template,
        dns_delete_template,
        dns_template_records,
        dns_add_template_record,
        dns_update_template_record,
        dns_delete_template_record,
        dns_find_address,
        extras_accounts,
        list_snapshots,
        create_snapshot,
        delete_snapshot,
        restore_snapshot,
        restore_backup,
        reinstall_server,
        os_options,
        change_os,
        list_isos,
        server_addresses,
        add_ipv4,
        remove_ipv4,
        reverse_ipv6,
        set_reverse,
        reset_reverse,
        delete_reverse,
        usage_graphs,
        server_console,
        list_ssh_keys,
        create_ssh_key,
        update_ssh_key,
        delete_ssh_key,
        list_scripts,
        create_script,
        update_script,
        delete_script,
        list_jobs,
        cancel_job,
        clear_jobs,
        server_settings,
        update_server_settings,
        list_backups,
        create_backup,
        delete_backup,
        boot_recovery,
        rebuild_network,
        rebuild_pending,
        list_clones,
        create_clone,
        delete_clone,
        custom_templates,
        delete_custom_template,
        offered_templates,
        template_info,
        licensed_templates,
        buy_template,
        deleted_servers,
        recover_server,
        list_nodes,
        add_nodes,
        delete_node,
        list_drives,
        standard_drives,
        create_drive,
        clone_drive,
        destroy_drive,
        upload_drive,
        download_drive,
        clone_server,
        bulk_power,
        list_vlans,
        create_vlan,
        rename_vlan,
        list_static_ips,
        create_static_ip,
        destroy_static_ip,
        list_server_groups,
        create_server_group,
        rename_server_group,
        destroy_server_group,
        group_members,
        group_power,
        account_profile,
        set_account_profile,
        server_resources,
        update_server_resources,
        upgrade_storage,
        server_licences,
        change_server_licence,
        set_node_consumer,
        convert_backup,
        edit_custom_template,
        account_ips,
        edit_account_ip,
        reassign_ip,
        justified_ips,
        request_justified_ips,
        transfer_managed_service,
        cloud_groups,
    ]
}

#[cfg(test)]
pub fn signatures() -> Vec<crate::bindings::Binding> {
    let mut all = accounts::signatures();
    all.extend(servers::signatures());
    all.extend(billing::signatures());
    all.extend(tickets::signatures());
    all.extend(dns::signatures());
    all.extend(extras::signatures());
    all.extend(backups::signatures());
    all.extend(maintenance::signatures());
    all.extend(templates::signatures());
    all.extend(recoverable::signatures());
    all.extend(nodes::signatures());
    all.extend(settings::signatures());
    all.extend(drives::signatures());
    all.extend(resources::signatures());
    all.extend(server_plan::signatures());
    all.extend(template_authoring::signatures());
    all.extend(account_ips::signatures());
    all.extend(cloud_groups::signatures());
    all
}
