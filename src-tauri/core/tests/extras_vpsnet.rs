//! VPS.NET server extras against its simulator, through the `AppService` (so the
//! checks before sending and the jobs are covered too): one test per
//! operation. The service reads secrets from the real keychain: run under a
//! D-Bus session with an unlocked keyring.

use vpsdesk_core::capabilities::server::network::IpRole;
use vpsdesk_core::capabilities::server::usage::UsageUnit;
use vpsdesk_core::capabilities::Capability;
use vpsdesk_core::jobs::{JobKind, JobState};
use vpsdesk_core::model::{PowerAction, ProviderKind, Status};
use vpsdesk_core::providers::vpsnet::ext::nodes::NodeKind;
use vpsdesk_core::providers::vpsnet::ext::templates::LicenseKind;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::Provider;

mod common;
use common::{assert_offers, plan_order, tabs_and_pages, DemoService, Timing};

/// The doc's running servers and their backups; the seeded fleet after them.
const WEB: &str = "1384";
const MYSQL: &str = "1385";
const DOC_BACKUP: &str = "3774";
const MANUAL_BACKUP: &str = "3790";
const STAGING: &str = "1386";
const MAIL: &str = "1387";
const PENDING: &str = "1388";

/// VPS.NET's demo account on a sandbox whose transitions take 1.5 s.
async fn env() -> DemoService {
    let timing = Timing { transition_ms: 1500, ..Timing::default() };
    DemoService::with_timing(Provider::Vpsnet, "vpsdesk-test-extras-vpsnet", timing).await
}

fn requests(env: &DemoService) -> Vec<(String, String)> {
    env.sandbox.requests(Provider::Vpsnet).into_iter().map(|r| (r.method, r.path)).collect()
}

#[tokio::test]
async fn vpsnet_offers_its_extras_and_says_what_it_lacks() {
    let env = env().await;
    assert_offers(
        &env.service,
        ProviderKind::Vpsnet,
        &[
            Capability::BackupList,
            Capability::BackupCreate,
            Capability::BackupRestore,
            Capability::BackupDelete,
            Capability::Reinstall,
            Capability::OsChange,
            Capability::Ips,
            Capability::Ipv4Add,
            Capability::Ipv4Remove,
            Capability::UsageGraphs,
            Capability::UsageRange,
            Capability::Console,
            Capability::RecoveryBoot,
            Capability::RebuildNetwork,
            Capability::RebuildPending,
            Capability::Clones,
            Capability::Profile,
            Capability::CustomTemplates,
            Capability::OfferedTemplates,
            Capability::TemplateLicenses,
            Capability::Recoverable,
            Capability::Nodes,
        ],
    );
    let extras = tabs_and_pages(&env.service, ProviderKind::Vpsnet);
    for extra in
        [Capability::Snapshots, Capability::Isos, Capability::ReverseSet, Capability::SshKeys, Capability::Scripts]
    {
        assert!(!extras.contains(&extra), "{extra:?}");
    }
    let before = requests(&env).len();
    let e = env.service.isos(&env.account).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("VPS.NET cannot list ISOs"), "{}", e.message);
    let e = env.service.set_reverse(&env.account, WEB, "68.169.40.3", "mail.example.com").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert_eq!(requests(&env).len(), before, "nothing is sent");
}

#[tokio::test]
async fn backup_list_has_the_doc_example() {
    let env = env().await;
    let list = env.service.backups(&env.account, WEB).await.unwrap();
    let doc = list.iter().find(|b| b.id == DOC_BACKUP).unwrap();
    assert_eq!(
        (doc.kind.as_deref(), doc.size.as_deref(), doc.built, doc.locked),
        (Some("normal"), Some("510340"), true, false)
    );
    assert_eq!(doc.system.as_deref(), Some("linux (ubuntu)"));
}

#[tokio::test]
async fn backup_delete_removes_manual_ones_only() {
    let env = env().await;
    let e = env.service.delete_backup(&env.account, WEB, DOC_BACKUP).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidState);
    assert!(e.message.contains("Only manual backups can be deleted"), "{}", e.message);
    env.service.delete_backup(&env.account, MYSQL, MANUAL_BACKUP).await.unwrap();
    assert!(env.service.backups(&env.account, MYSQL).await.unwrap().is_empty());
}

#[tokio::test]
async fn backup_restore_needs_the_server_off_and_is_a_job() {
    let env = env().await;
    let e = env.service.restore_backup(&env.account, MYSQL, MANUAL_BACKUP).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidState);
    assert!(e.message.contains("must be powered off"), "{}", e.message);
    assert!(env.service.jobs().is_empty(), "a refused restore starts no job");
    env.service.power(&env.account, MYSQL, PowerAction::ForceStop).await.unwrap();
    let job = env.service.restore_backup(&env.account, MYSQL, MANUAL_BACKUP).await.unwrap();
    assert_eq!(job.kind, JobKind::BackupRestore);
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Succeeded, "{}", done.stage);
    assert!(done.stage.contains("stopped"), "{}", done.stage);
    assert!(requests(&env)
        .contains(&("POST".into(), format!("/virtual_machines/{MYSQL}/backups/{MANUAL_BACKUP}/restore.api10json"))));
}

#[tokio::test]
async fn reinstall_and_template_change_are_jobs() {
    let env = env().await;
    let job = env.service.reinstall(&env.account, MAIL).await.unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    assert!(requests(&env).contains(&("PUT".into(), format!("/virtual_machines/{MAIL}/reinstall.api10json"))));
    let options = env.service.os_options(&env.account, MAIL).await.unwrap();
    let ubuntu8 = options.iter().find(|o| o.name == "Ubuntu 8.04 x64").unwrap();
    assert_eq!((ubuntu8.id.as_str(), ubuntu8.arch.as_deref()), ("78", Some("x64")));
    let job = env.service.change_os(&env.account, MAIL, &ubuntu8.id).await.unwrap();
    assert_eq!(job.kind, JobKind::OsChange);
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    let e = env.service.change_os(&env.account, MAIL, "1899").await.unwrap_err();
    assert!(e.message.contains("system_template_id is not available on this cloud"), "{}", e.message);
    let before = requests(&env).len();
    assert_eq!(env.service.change_os(&env.account, MAIL, "windows").await.unwrap_err().fields[0].field, "os");
    assert_eq!(requests(&env).len(), before);
}

#[tokio::test]
async fn recovery_boot_reboots_a_running_server_and_starts_a_stopped_one() {
    let env = env().await;
    let job = env.service.boot_recovery(&env.account, WEB).await.unwrap();
    assert_eq!(job.kind, JobKind::RecoveryBoot);
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    assert!(requests(&env).contains(&("POST".into(), format!("/virtual_machines/{WEB}/reboot.api10json"))));
    let job = env.service.boot_recovery(&env.account, STAGING).await.unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    assert!(requests(&env).contains(&("POST".into(), format!("/virtual_machines/{STAGING}/power_on.api10json"))));
    assert_eq!(env.service.server(&env.account, STAGING).await.unwrap().status, Status::Running);
}

#[tokio::test]
async fn network_rebuild_is_a_job_on_a_running_server() {
    let env = env().await;
    let job = env.service.rebuild_network(&env.account, WEB).await.unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    let e = env.service.rebuild_network(&env.account, STAGING).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidState);
}

#[tokio::test]
async fn a_pending_server_is_rebuilt_and_runs() {
    let env = env().await;
    let e = env.service.rebuild_pending(&env.account, WEB).await.unwrap_err();
    assert!(e.message.contains("Only a pending cloud server"), "{}", e.message);
    let job = env.service.rebuild_pending(&env.account, PENDING).await.unwrap();
    assert_eq!(env.service.wait_job(&job.id).await.unwrap().state, JobState::Succeeded);
    assert_eq!(env.service.server(&env.account, PENDING).await.unwrap().status, Status::Running);
}

#[tokio::test]
async fn a_clone_is_a_job_that_ends_with_a_new_server_and_can_be_deleted() {
    let env = env().await;
    assert!(env.service.clones(&env.account, MAIL).await.unwrap().is_empty());
    let job = env.service.create_clone(&env.account, MAIL, None).await.unwrap();
    assert_eq!(job.kind, JobKind::CloneCreate);
    let done = env.service.wait_job(&job.id).await.unwrap();
    assert_eq!(done.state, JobState::Succeeded, "{}", done.stage);
    let clones = env.service.clones(&env.account, MAIL).await.unwrap();
    let clone = &clones[0];
    assert_eq!(clone.status, "Cloned successfully");
    let new = clone.cloned_server_id.clone().unwrap();
    assert!(done.stage.contains(&new), "{}", done.stage);
    assert_eq!(env.service.server(&env.account, &new).await.unwrap().name, "Mail relay clone");
    env.service.delete_clone(&env.account, MAIL, &clone.id).await.unwrap();
    assert!(env.service.clones(&env.account, MAIL).await.unwrap().is_empty());
    let before = requests(&env).len();
    assert_eq!(
        env.service.create_clone(&env.account, MAIL, Some("tokyo")).await.unwrap_err().fields[0].field,
        "region"
    );
    assert_eq!(requests(&env).len(), before);
}

#[tokio::test]
async fn the_main_address_and_an_unknown_one_cannot_be_removed() {
    let env = env().await;
    let before = env.service.addresses(&env.account, WEB).await.unwrap();
    assert_eq!(before.len(), 1);
    assert_eq!((before[0].role, before[0].version), (IpRole::Main, 4));
    let e = env.service.remove_ipv4(&env.account, WEB, &before[0].ip).await.unwrap_err();
    assert!(e.message.contains("primary IP address cannot be removed"), "{}", e.message);
    let e = env.service.remove_ipv4(&env.account, WEB, "10.9.9.9").await.unwrap_err();
    assert_eq!(e.fields[0].field, "ip");
}

#[tokio::test]
async fn usage_graphs_have_cpu_and_traffic() {
    let env = env().await;
    let graphs = env.service.usage_graphs(&env.account, WEB, None, None).await.unwrap();
    let ids: Vec<&str> = graphs.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["cpu", "network"]);
    assert_eq!(graphs[0].unit, UsageUnit::Percent);
    assert_eq!(graphs[0].series[0].points.len(), 24);
    assert_eq!(graphs[1].series.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), ["Received", "Sent"]);
    assert!(graphs[1].series[0].points[0].value > 0.0);
}

#[tokio::test]
async fn usage_over_two_days_sends_the_range_and_gets_its_hours() {
    let env = env().await;
    let graphs = env.service.usage_graphs(&env.account, WEB, Some("2026-01-10"), Some("2026-01-11")).await.unwrap();
    // Both days, hour by hour: 00:00 on the 10th to 00:00 on the 12th.
    assert_eq!(graphs[0].series[0].points.len(), 49);
    assert_eq!(graphs[0].series[0].points[0].at.to_string(), "2026-01-10T00:00:00Z");
    let sent: Vec<String> = env.sandbox.requests(Provider::Vpsnet).into_iter().map(|r| r.query).collect();
    assert!(
        sent.contains(&"from=2026-01-09T19%3A00%3A00-05%3A00&to=2026-01-11T19%3A00%3A00-05%3A00".to_string()),
        "{sent:?}"
    );
    let before = env.sandbox.requests(Provider::Vpsnet).len();
    let e = env.service.usage_graphs(&env.account, WEB, Some("2026-01-11"), Some("2026-01-10")).await.unwrap_err();
    assert_eq!(e.fields[0].field, "to");
    assert_eq!(env.sandbox.requests(Provider::Vpsnet).len(), before, "a backwards range is not sent");
}

#[tokio::test]
async fn console_gives_a_vnc_address_without_the_password() {
    let env = env().await;
    let console = env.service.console(&env.account, WEB).await.unwrap();
    assert_eq!(console.url, "vnc://127.0.0.1:5984");
    assert!(console.note.contains("one-time password"), "{}", console.note);
}

#[tokio::test]
async fn profile_is_read_only() {
    let env = env().await;
    let fields = env.service.profile(&env.account).await.unwrap();
    let email = fields.iter().find(|f| f.key == "email_address").unwrap();
    assert_eq!(email.value, "demo@vpsdesk.test");
    assert!(fields.iter().all(|f| !f.editable));
}

#[tokio::test]
async fn custom_templates_are_listed_and_deleted() {
    let env = env().await;
    let list = env.service.custom_templates(&env.account).await.unwrap();
    assert_eq!(list[0].label, "test_cus_temp");
    env.service.delete_custom_template(&env.account, "116").await.unwrap();
    assert_eq!(env.service.custom_templates(&env.account).await.unwrap().len(), 1);
    let e = env.service.delete_custom_template(&env.account, "116").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert!(e.message.contains("no custom template 116"), "{}", e.message);
}

#[tokio::test]
async fn offered_templates_and_a_price() {
    let env = env().await;
    let offered = env.service.offered_templates(&env.account).await.unwrap();
    assert_eq!(offered[0].name, "CentOS 5.5 x64 LAMP", "the doc's group comes first");
    let windows = offered.iter().find(|t| t.name.starts_with("Windows")).unwrap();
    let on = &windows.placements[0];
    let info = env.service.template_info(&env.account, &on.region_id, &on.template_id).await.unwrap();
    assert!(info.chargeable());
    assert_eq!(
        info.prices.iter().map(|p| (p.currency.as_str(), p.amount.to_string())).collect::<Vec<_>>(),
        [("USD", "20.0".into()), ("GBP", "15".into())]
    );
    let free = env.service.template_info(&env.account, "153", "92").await.unwrap();
    assert!(!free.chargeable());
    let e = env.service.template_info(&env.account, "153", "1899").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn buying_a_template_needs_confirmation() {
    let env = env().await;
    let before = env.service.licensed_templates(&env.account).await.unwrap();
    assert_eq!(before.iter().filter(|l| l.kind == LicenseKind::Windows).count(), 2);
    let sent = requests(&env).len();
    let e = env.service.buy_template(&env.account, LicenseKind::Windows, "1899", false).await.unwrap_err();
    assert_eq!(e.fields[0].field, "confirm");
    assert_eq!(requests(&env).len(), sent, "nothing is bought unconfirmed");
    env.service.buy_template(&env.account, LicenseKind::Windows, "1899", true).await.unwrap();
    let after = env.service.licensed_templates(&env.account).await.unwrap();
    assert!(after.iter().any(|l| l.kind == LicenseKind::Windows && l.template_id == "1899" && l.server_id.is_none()));
}

#[tokio::test]
async fn a_deleted_server_is_listed_and_recovered() {
    let env = env().await;
    assert!(env.service.deleted_servers(&env.account).await.unwrap().is_empty());
    env.service.delete(&env.account, STAGING).await.unwrap();
    let deleted = env.service.deleted_servers(&env.account).await.unwrap();
    assert_eq!((deleted[0].id.as_str(), deleted[0].name.as_str()), (STAGING, "Staging"));
    assert_eq!(deleted[0].account_id, env.account.id);
    let back = env.service.recover_server(&env.account, STAGING).await.unwrap();
    assert_eq!(back.name, "Staging");
    assert!(env.service.deleted_servers(&env.account).await.unwrap().is_empty());
    let e = env.service.recover_server(&env.account, STAGING).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn nodes_are_listed_bought_when_confirmed_and_removed_when_free() {
    let env = env().await;
    let nodes = env.service.nodes(&env.account, None).await.unwrap();
    let storage = nodes.iter().find(|n| n.kind == NodeKind::Storage).unwrap();
    assert_eq!(storage.server_id.as_deref(), Some(WEB));
    let free_regular = nodes.iter().filter(|n| n.kind == NodeKind::Regular && n.server_id.is_none()).count();
    let sent = requests(&env).len();
    assert_eq!(
        env.service.add_nodes(&env.account, NodeKind::Ram, 2, false).await.unwrap_err().fields[0].field,
        "confirm"
    );
    assert_eq!(
        env.service.add_nodes(&env.account, NodeKind::Ram, 50, true).await.unwrap_err().fields[0].field,
        "quantity"
    );
    assert_eq!(requests(&env).len(), sent, "nothing is bought unconfirmed or oversized");
    env.service.add_nodes(&env.account, NodeKind::Ram, 2, true).await.unwrap();
    env.service.add_nodes(&env.account, NodeKind::Regular, 1, true).await.unwrap();
    let after = env.service.nodes(&env.account, None).await.unwrap();
    assert_eq!(after.iter().filter(|n| n.kind == NodeKind::Ram).count(), 3);
    assert_eq!(after.iter().filter(|n| n.kind == NodeKind::Regular && n.server_id.is_none()).count(), free_regular + 1);
    let e = env.service.delete_node(&env.account, NodeKind::Storage, &storage.id).await.unwrap_err();
    assert!(e.message.contains("assigned to a cloud server"), "{}", e.message);
    let ram = after.iter().find(|n| n.kind == NodeKind::Ram).unwrap();
    env.service.delete_node(&env.account, NodeKind::Ram, &ram.id).await.unwrap();
    assert_eq!(
        env.service.nodes(&env.account, None).await.unwrap().iter().filter(|n| n.kind == NodeKind::Ram).count(),
        2
    );
}

fn puts(env: &DemoService) -> usize {
    requests(env).iter().filter(|(m, _)| m == "PUT" || m == "POST").count()
}

#[tokio::test]
async fn server_resources_are_read_changed_when_confirmed_and_read_back() {
    use vpsdesk_core::providers::vpsnet::ext::server_resources::{ResourcesChange, ServerResources};
    let env = env().await;
    let now = env.service.server_resources(&env.account, WEB).await.unwrap();
    assert_eq!((now.name.as_str(), now.nodes, now.storage_nodes, now.ram_nodes), ("Web Server 01", 1, 1, 0));
    let pending = now.delayed_storage_until.clone().expect("the doc's pending resize");
    assert_eq!(pending, "2010-05-01T14:00:00Z", "read in its offset");
    assert_eq!(pending.raw(), "2010-05-01T10:00:00-04:00");
    let change =
        |resources: ServerResources, confirm: bool| ResourcesChange { resources, delay_storage_until: None, confirm };
    let more = ServerResources { ram_nodes: 1, consumer_id: Some("118".into()), rsync_backups: true, ..now.clone() };
    let sent = puts(&env);
    let e = env.service.update_server_resources(&env.account, WEB, &change(more.clone(), false)).await.unwrap_err();
    assert_eq!(e.fields[0].field, "confirm");
    let e = env.service.update_server_resources(&env.account, WEB, &change(now.clone(), true)).await.unwrap_err();
    assert_eq!(e.fields[0].field, "resources", "an unchanged form sends nothing");
    let e = env
        .service
        .update_server_resources(&env.account, WEB, &change(ServerResources { nodes: 0, ..now.clone() }, true))
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "nodes");
    assert_eq!(puts(&env), sent, "nothing is sent unconfirmed or invalid");
    let after = env.service.update_server_resources(&env.account, WEB, &change(more, true)).await.unwrap();
    assert_eq!((after.ram_nodes, after.consumer_id.as_deref(), after.rsync_backups), (1, Some("118"), true));
    let put = requests(&env).into_iter().filter(|(m, _)| m == "PUT").count();
    assert_eq!(put, 1);

    // Fewer nodes need no confirmation; a delay needs a storage upgrade.
    let fewer = ServerResources { ram_nodes: 0, ..after.clone() };
    let delayed = ResourcesChange {
        resources: fewer.clone(),
        delay_storage_until: Some("2099-01-01 10:00".into()),
        confirm: true,
    };
    let e = env.service.update_server_resources(&env.account, WEB, &delayed).await.unwrap_err();
    assert_eq!(e.fields[0].field, "delay_storage_until");
    assert_eq!(
        env.service.update_server_resources(&env.account, WEB, &change(fewer, false)).await.unwrap().ram_nodes,
        0
    );
}

#[tokio::test]
async fn a_storage_upgrade_can_be_put_off_then_run_after_confirming() {
    use vpsdesk_core::providers::vpsnet::ext::server_resources::{ResourcesChange, ServerResources};
    use vpsdesk_core::providers::vpsnet::DESCRIPTOR;
    let env = env().await;
    let now = env.service.server_resources(&env.account, MYSQL).await.unwrap();
    // Tomorrow at noon on a US Eastern clock, in the doc's format (noon is
    // never an hour the clocks skip or repeat).
    let tomorrow = chrono::Utc::now().with_timezone(&DESCRIPTOR.time_zone).date_naive() + chrono::Days::new(1);
    let date = format!("{tomorrow} 12:00");
    let bigger = ServerResources { nodes: now.nodes + 1, ..now.clone() };
    let change = ResourcesChange { resources: bigger, delay_storage_until: Some(date.clone()), confirm: true };
    let after = env.service.update_server_resources(&env.account, MYSQL, &change).await.unwrap();
    assert_eq!(after.nodes, now.nodes + 1);
    let until = after.delayed_storage_until.expect("the resize is put off");
    assert_eq!(until.raw(), date, "as sent");
    assert_eq!(until.instant(), DESCRIPTOR.time(Some(&date)).unwrap().instant(), "US Eastern, read as UTC");
    assert_eq!(env.service.server(&env.account, MYSQL).await.unwrap().status, Status::Running, "no downtime yet");

    let e = env.service.upgrade_storage(&env.account, MYSQL, false).await.unwrap_err();
    assert_eq!(e.fields[0].field, "confirm");
    env.service.upgrade_storage(&env.account, MYSQL, true).await.unwrap();
    assert_eq!(env.service.server_resources(&env.account, MYSQL).await.unwrap().delayed_storage_until, None);
    assert_ne!(
        env.service.server(&env.account, MYSQL).await.unwrap().status,
        Status::Running,
        "the upgrade restarts it"
    );
    assert!(requests(&env).iter().any(|(m, p)| m == "POST" && p == "/virtual_machines/1385/upgrade_storage.api10json"));
}

#[tokio::test]
async fn a_nodes_consumer_id_is_set_and_listed() {
    let env = env().await;
    let nodes = env.service.nodes(&env.account, None).await.unwrap();
    let storage = nodes.iter().find(|n| n.kind == NodeKind::Storage).unwrap().id.clone();
    let regular =
        nodes.iter().find(|n| n.kind == NodeKind::Regular && n.server_id.as_deref() == Some(WEB)).unwrap().id.clone();
    let sent = requests(&env).len();
    let e = env.service.set_node_consumer(&env.account, NodeKind::Storage, &storage, Some("5x")).await.unwrap_err();
    assert_eq!(e.fields[0].field, "consumer_id");
    assert_eq!(requests(&env).len(), sent);
    env.service.set_node_consumer(&env.account, NodeKind::Storage, &storage, Some("99")).await.unwrap();
    env.service.set_node_consumer(&env.account, NodeKind::Regular, &regular, Some("58")).await.unwrap();
    let after = env.service.nodes(&env.account, None).await.unwrap();
    let consumer = |id: &str| after.iter().find(|n| n.id == id).unwrap().consumer_id.clone();
    assert_eq!((consumer(&storage).as_deref(), consumer(&regular).as_deref()), (Some("99"), Some("58")));
    assert!(requests(&env)
        .iter()
        .any(|(m, p)| m == "PUT" && p == &format!("/nodes/{storage}/update_storage_node.api10json")));
    env.service.set_node_consumer(&env.account, NodeKind::Storage, &storage, None).await.unwrap();
    assert_eq!(
        env.service.nodes(&env.account, None).await.unwrap().iter().find(|n| n.id == storage).unwrap().consumer_id,
        None
    );
}

#[tokio::test]
async fn a_backup_becomes_a_custom_template_and_templates_are_edited() {
    use vpsdesk_core::providers::vpsnet::ext::template_authoring::TemplateEdit;
    let env = env().await;
    let before = env.service.custom_templates(&env.account).await.unwrap().len();
    env.service.convert_backup(&env.account, WEB, DOC_BACKUP).await.unwrap();
    let after = env.service.custom_templates(&env.account).await.unwrap();
    assert_eq!(after.len(), before + 1);
    assert!(after.iter().any(|t| t.label.contains("backup-3774")), "{after:?}");
    assert!(requests(&env).contains(&("POST".into(), "/virtual_machines/1384/backups/3774/convert.api10json".into())));
    assert!(env.service.convert_backup(&env.account, WEB, "x/y").await.is_err());

    let edit = TemplateEdit {
        operating_system: None,
        description: "Ubuntu with our stack".into(),
        info: Some("built from web01".into()),
    };
    env.service.edit_custom_template(&env.account, "115", &edit).await.unwrap();
    let t = env.service.custom_templates(&env.account).await.unwrap().into_iter().find(|t| t.id == "115").unwrap();
    assert_eq!(t.description.as_deref(), Some("Ubuntu with our stack"));
    let sent = requests(&env).len();
    let blank = TemplateEdit { description: " ".into(), ..edit.clone() };
    assert_eq!(
        env.service.edit_custom_template(&env.account, "115", &blank).await.unwrap_err().fields[0].field,
        "description"
    );
    assert_eq!(requests(&env).len(), sent, "nothing is sent for an invalid edit");
    let e = env.service.edit_custom_template(&env.account, "999", &edit).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn account_addresses_are_annotated_reassigned_within_their_cloud_and_justified() {
    use vpsdesk_core::providers::vpsnet::ext::account_ips::{Justification, JustificationKind};
    let env = env().await;
    let all = env.service.account_ips(&env.account, None).await.unwrap();
    let web = all.iter().find(|ip| ip.server_id.as_deref() == Some(WEB)).unwrap().clone();
    assert!(web.cloud_id.is_some() && web.netmask.is_some());
    env.service.edit_account_ip(&env.account, &web.id, "primary of web01", Some("58")).await.unwrap();
    let edited =
        env.service.account_ips(&env.account, None).await.unwrap().into_iter().find(|ip| ip.id == web.id).unwrap();
    assert_eq!((edited.notes.as_deref(), edited.consumer_id.as_deref()), (Some("primary of web01"), Some("58")));
    let sent = requests(&env).len();
    assert_eq!(
        env.service.edit_account_ip(&env.account, &web.id, "x", Some("abc")).await.unwrap_err().fields[0].field,
        "consumer_id"
    );
    assert_eq!(requests(&env).len(), sent);

    // An added address of web01 moves to mysql01 (same cloud) once confirmed.
    env.service.add_ipv4(&env.account, WEB, false).await.unwrap();
    let added = env
        .service
        .account_ips(&env.account, None)
        .await
        .unwrap()
        .into_iter()
        .find(|ip| ip.server_id.as_deref() == Some(WEB) && ip.id != web.id)
        .unwrap();
    assert_eq!(
        env.service.reassign_ip(&env.account, &added.id, MYSQL, false).await.unwrap_err().fields[0].field,
        "confirm"
    );
    assert_eq!(
        env.service.reassign_ip(&env.account, &added.id, WEB, true).await.unwrap_err().fields[0].field,
        "server"
    );
    assert_eq!(env.service.reassign_ip(&env.account, &added.id, MYSQL, true).await.unwrap(), added.ip);
    let moved =
        env.service.account_ips(&env.account, None).await.unwrap().into_iter().find(|ip| ip.id == added.id).unwrap();
    assert_eq!(moved.server_id.as_deref(), Some(MYSQL));
    assert!(requests(&env).contains(&("POST".into(), format!("/ips/{}/reassign.api10json", added.id))));

    let reasons = [Justification { kind: JustificationKind::Website, reason: "shop.example.com".into() }];
    assert_eq!(
        env.service.request_justified_ips(&env.account, WEB, &reasons, false).await.unwrap_err().fields[0].field,
        "confirm"
    );
    let bad = [Justification { kind: JustificationKind::Website, reason: "not a domain".into() }];
    assert_eq!(
        env.service.request_justified_ips(&env.account, WEB, &bad, true).await.unwrap_err().fields[0].field,
        "reason"
    );
    env.service.request_justified_ips(&env.account, WEB, &reasons, true).await.unwrap();
    let justified = env.service.justified_ips(&env.account).await.unwrap();
    assert_eq!(justified.len(), 1);
    assert_eq!(
        (justified[0].kind.as_deref(), justified[0].reason.as_deref(), justified[0].server_id.as_deref()),
        (Some("website"), Some("shop.example.com"), Some(WEB))
    );
    assert_eq!(justified[0].status.as_deref(), Some("pending"));
}

#[tokio::test]
async fn a_managed_service_moves_after_confirming_but_never_to_windows() {
    let env = env().await;
    let windows = plan_order("win01.demodomain.com", "1", "1899", "15");
    let windows = env.service.create(&env.account, &windows).await.unwrap();
    let transfers = |env: &DemoService| {
        requests(env).iter().filter(|(_, p)| p.ends_with("/transfer_managed_service.api10json")).count()
    };
    let e = env.service.transfer_managed_service(&env.account, WEB, MYSQL, None, false).await.unwrap_err();
    assert_eq!(e.fields[0].field, "confirm");
    let e = env.service.transfer_managed_service(&env.account, WEB, &windows.id, None, true).await.unwrap_err();
    assert_eq!(e.fields[0].field, "to_server");
    assert!(e.message.contains("Windows"), "{}", e.message);
    let e = env.service.transfer_managed_service(&env.account, WEB, WEB, None, true).await.unwrap_err();
    assert_eq!(e.fields[0].field, "to_server");
    assert_eq!(transfers(&env), 0, "refused before sending");
    env.service.transfer_managed_service(&env.account, WEB, MYSQL, None, true).await.unwrap();
    let managed = env.service.managed_services(&env.account).await.unwrap();
    assert!(managed.iter().any(|m| m.server_id == MYSQL) && !managed.iter().any(|m| m.server_id == WEB), "{managed:?}");
    let e = env.service.transfer_managed_service(&env.account, STAGING, MYSQL, None, true).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidState, "{}", e.message);
}

#[tokio::test]
async fn cloud_groups_list_the_clouds_by_region() {
    let env = env().await;
    let groups = env.service.cloud_groups(&env.account).await.unwrap();
    let us = groups.iter().find(|g| g.name == "US").unwrap();
    assert_eq!(us.clouds, ["15"]);
    assert!(groups.iter().all(|g| !g.clouds.is_empty()));
}

#[tokio::test]
async fn licences_are_bought_one_control_panel_at_a_time_and_cancelled_with_their_add_ons() {
    use vpsdesk_core::providers::vpsnet::ext::licences::{ServerLicenceChange, ServerLicenceKind, ServerLicences};
    let env = env().await;
    let extras = tabs_and_pages(&env.service, ProviderKind::Vpsnet);
    assert!(extras.contains(&Capability::ServerLicences));
    let held = |l: &ServerLicences| l.licences.iter().filter(|l| l.held).map(|l| l.name.clone()).collect::<Vec<_>>();
    let now = env.service.server_licences(&env.account, WEB).await.unwrap();
    assert!(now.offered_known);
    assert_eq!(held(&now), ["cPanel"]);
    let isp = now.licences.iter().find(|l| l.id == "6").unwrap();
    assert_eq!((isp.name.as_str(), isp.kind, isp.held), ("ISPmanager", ServerLicenceKind::ControlPanel, false));
    let change = |id: &str, buy: bool, confirm: bool| ServerLicenceChange { licence: id.into(), buy, confirm };
    let sent = puts(&env);
    let e = env.service.change_server_licence(&env.account, WEB, &change("6", true, true)).await.unwrap_err();
    assert_eq!(e.fields[0].field, "licence");
    assert!(e.fields[0].message.contains("cancel cPanel (licence 1) first"), "{e:?}");
    let e = env.service.change_server_licence(&env.account, WEB, &change("3", true, false)).await.unwrap_err();
    assert_eq!(e.fields[0].field, "confirm");
    assert!(e.fields[0].message.contains("Softaculous (licence 3) is billed"), "{e:?}");
    let e = env.service.change_server_licence(&env.account, MYSQL, &change("3", true, true)).await.unwrap_err();
    assert!(e.fields[0].message.contains("buy the control panel first"), "{e:?}");
    assert_eq!(puts(&env), sent, "nothing is sent unconfirmed or against the rules");
    let after = env.service.change_server_licence(&env.account, WEB, &change("3", true, true)).await.unwrap();
    assert_eq!(held(&after), ["cPanel", "Softaculous"]);
    let after = env.service.change_server_licence(&env.account, WEB, &change("1", false, true)).await.unwrap();
    assert!(held(&after).is_empty(), "the add-on goes with its control panel");
    let after = env.service.change_server_licence(&env.account, WEB, &change("6", true, true)).await.unwrap();
    assert_eq!(held(&after), ["ISPmanager"]);
    assert_eq!(puts(&env), sent + 3);
    assert_eq!(
        env.service.server_resources(&env.account, WEB).await.unwrap().nodes,
        1,
        "the node count is restated, not changed"
    );
}
