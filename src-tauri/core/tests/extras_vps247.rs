//! VPS247 extras against its simulator, through the `AppService`: the address
//! allocations, SSH key ids at creation, and the extras its API does not
//! have. The service reads secrets from the real keychain: run under a D-Bus
//! session with an unlocked keyring.

use vpsdesk_core::capabilities::server::network::IpRole;
use vpsdesk_core::capabilities::Capability;
use vpsdesk_core::model::{CreateServer, ProviderKind};
use vpsdesk_core::providers::vpsorg::ext::settings::ServerSettings;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::Provider;

mod common;
use common::{plan_order, tabs_and_pages, DemoService};

/// The doc's example VM: one IPv4 /25 allocation with its gateway.
const DOC_VM: &str = "90";

async fn env() -> DemoService {
    DemoService::new(Provider::Vps247, "vpsdesk-test-extras-vps247").await
}

#[tokio::test]
async fn vps247_offers_addresses_only() {
    let env = env().await;
    assert_eq!(tabs_and_pages(&env.service, ProviderKind::Vps247), [Capability::Ips]);
    let before = env.sandbox.requests(Provider::Vps247).len();
    let settings = ServerSettings { name: "web".into(), hostname: "web.example.com".into(), backups_enabled: true };
    let e = env.service.update_server_settings(&env.account, DOC_VM, &settings).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("VPS247 cannot change a server's host name"), "{}", e.message);
    assert_eq!(env.service.ssh_keys(&env.account).await.unwrap_err().kind, ErrorKind::Unsupported);
    assert_eq!(env.sandbox.requests(Provider::Vps247).len(), before, "nothing is sent");
}

#[tokio::test]
async fn allocations_are_the_network_tab() {
    let env = env().await;
    let ips = env.service.addresses(&env.account, DOC_VM).await.unwrap();
    let main = &ips[0];
    assert_eq!((main.ip.as_str(), main.version, main.role), ("123.123.123.123", 4, IpRole::Main));
    assert_eq!(main.netmask.as_deref(), Some("255.255.255.128"));
    assert_eq!(main.gateway.as_deref(), Some("123.123.123.1"));
}

#[tokio::test]
async fn ssh_key_ids_go_with_a_new_vm() {
    let env = env().await;
    let regions = env.service.regions(&env.account).await.unwrap();
    let plans = env.service.plans(&env.account, None).await.unwrap();
    let images = env.service.images(&env.account, None).await.unwrap();
    let base = plan_order("keyed", &plans[0].id, &images[0].id, &regions[0].id);
    let bad = CreateServer { ssh_keys: vec!["laptop".into()], ..base.clone() };
    assert_eq!(env.service.create(&env.account, &bad).await.unwrap_err().fields[0].field, "ssh_keys");
    let server = env
        .service
        .create(&env.account, &CreateServer { ssh_keys: vec!["1".into(), "2".into()], ..base })
        .await
        .unwrap();
    assert_eq!(server.name, "keyed");
}

/// Each region's lookup (`GET /regions/{id}`) names what it offers: the
/// create form's choices narrow to it, and VPS247 refuses the rest.
#[tokio::test]
async fn a_region_offers_only_its_packages_and_templates() {
    let env = env().await;
    let names = |v: Vec<String>| v.join(", ");
    let everywhere = env.service.plans(&env.account, None).await.unwrap();
    assert_eq!(everywhere.len(), 4);
    let madrid = env.service.plans(&env.account, Some("25")).await.unwrap();
    assert_eq!(names(madrid.into_iter().map(|p| p.name).collect()), "Budget, Standard");
    let systems = env.service.images(&env.account, Some("25")).await.unwrap();
    assert_eq!(names(systems.into_iter().map(|i| i.name).collect()), "Ubuntu 14.04 Server x64, Debian 7 x64");
    assert_eq!(env.service.images(&env.account, Some("1")).await.unwrap().len(), 4, "New York offers every system");

    let e = env.service.plans(&env.account, Some("77")).await.unwrap_err();
    assert_eq!((e.fields[0].field.as_str(), e.kind), ("region", ErrorKind::Validation), "{}", e.message);
    assert!(e.message.contains("no region 77"), "{}", e.message);

    let e = env.service.create(&env.account, &plan_order("big", "4", "2", "25")).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation, "{}", e.message);
    assert!(e.message.contains("Madrid 1 does not offer package 4"), "{}", e.message);
}
