//! VPS.org extras against its simulator, through the `AppService`: the full
//! update (settings), the addresses, one SSH key at creation, and the
//! extras API v1 does not have. The service reads secrets from the real
//! keychain: run under a D-Bus session with an unlocked keyring.

use vpsdesk_core::capabilities::server::network::IpRole;
use vpsdesk_core::capabilities::Capability;
use vpsdesk_core::model::{CreateServer, ProviderKind};
use vpsdesk_core::providers::vpsorg::ext::settings::ServerSettings;
use vpsdesk_core::ErrorKind;
use vpsdesk_sandbox::Provider;

mod common;
use common::{plan_order, tabs_and_pages, DemoService};

/// The doc's detail example: web-server-01, backups on, both addresses.
const DOC_SERVER: &str = "12345";

async fn env() -> DemoService {
    DemoService::new(Provider::Vpsorg, "vpsdesk-test-extras-vpsorg").await
}

/// How many `method` requests reached the simulator.
fn sent(env: &DemoService, method: &str) -> usize {
    env.sandbox.requests(Provider::Vpsorg).iter().filter(|r| r.method == method).count()
}

#[tokio::test]
async fn vpsorg_offers_settings_and_addresses_only() {
    let env = env().await;
    assert_eq!(tabs_and_pages(&env.service, ProviderKind::Vpsorg), [Capability::Ips, Capability::Settings]);
    let before = env.sandbox.requests(Provider::Vpsorg).len();
    let e = env.service.set_reverse(&env.account, DOC_SERVER, "203.0.113.10", "web.example.com").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("VPS.org cannot set reverse DNS"), "{}", e.message);
    assert!(env.service.snapshots(&env.account).await.is_err());
    assert_eq!(env.sandbox.requests(Provider::Vpsorg).len(), before, "nothing is sent");
}

#[tokio::test]
async fn settings_are_read_and_replaced_with_one_put() {
    let env = env().await;
    let now = env.service.server_settings(&env.account, DOC_SERVER).await.unwrap();
    assert_eq!(
        now,
        ServerSettings { name: "web-server-01".into(), hostname: "web01.example.com".into(), backups_enabled: true }
    );
    let new = ServerSettings {
        name: "web-server-updated".into(),
        hostname: "web-updated.example.com.".into(),
        backups_enabled: false,
    };
    let after = env.service.update_server_settings(&env.account, DOC_SERVER, &new).await.unwrap();
    assert_eq!(after, ServerSettings { hostname: "web-updated.example.com".into(), ..new });
    assert_eq!(sent(&env, "PUT"), 1);
    let server = env.service.server(&env.account, DOC_SERVER).await.unwrap();
    assert_eq!(server.name, "web-server-updated");
}

#[tokio::test]
async fn bad_settings_are_refused_before_sending() {
    let env = env().await;
    let good = ServerSettings { name: "web".into(), hostname: "web.example.com".into(), backups_enabled: true };
    for (bad, field) in [
        (ServerSettings { hostname: "web".into(), ..good.clone() }, "hostname"),
        (ServerSettings { name: "".into(), ..good.clone() }, "name"),
        (ServerSettings { name: "web server".into(), ..good.clone() }, "name"),
    ] {
        let e = env.service.update_server_settings(&env.account, DOC_SERVER, &bad).await.unwrap_err();
        assert_eq!(e.fields[0].field, field, "{bad:?}");
    }
    assert_eq!(sent(&env, "PUT"), 0);
    let e = env.service.update_server_settings(&env.account, "99999", &good).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn addresses_are_the_servers_two() {
    let env = env().await;
    let ips = env.service.addresses(&env.account, DOC_SERVER).await.unwrap();
    let got: Vec<(&str, u8, IpRole)> = ips.iter().map(|a| (a.ip.as_str(), a.version, a.role)).collect();
    assert_eq!(got[0], ("203.0.113.10", 4, IpRole::Main));
    assert!(got.iter().any(|(_, v, _)| *v == 6), "{got:?}");
}

#[tokio::test]
async fn one_ssh_key_goes_with_a_new_server() {
    let env = env().await;
    let base = plan_order("keyed", "1", "5", "us-west");
    let two = CreateServer { ssh_keys: vec!["1".into(), "2".into()], ..base.clone() };
    assert_eq!(env.service.create(&env.account, &two).await.unwrap_err().fields[0].field, "ssh_keys");
    assert_eq!(sent(&env, "POST"), 0);
    let server = env.service.create(&env.account, &CreateServer { ssh_keys: vec!["1".into()], ..base }).await.unwrap();
    assert_eq!(server.name, "keyed");
}
