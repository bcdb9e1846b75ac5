//! Every example body of the CloudSigma 1.0 doc (tests/fixtures/cloudsigma,
//! copied verbatim; `*.request.txt` are the request bodies) read through the
//! codec, the wire types and the mapping.
//!
//! Repaired: in `get_drives_info.txt` the four `claimed` values were wrapped
//! onto a second line by the doc's layout ("…:guest:28644a70-" /
//! "9e81-…:ide:0:0"); each is joined back into one line.

use super::codec::{self, Object};
use super::location::Location;
use super::map;
use super::wire::{field_errors, DriveWire, ServerWire, UsageWire};
use crate::model::Status;

fn server(text: &str) -> crate::model::Server {
    map::server(ServerWire::from_object(codec::parse_object(text)).expect("a server uuid"), Location::Zurich)
}

#[test]
fn all_servers_info_run_together_and_are_split() {
    let objects = codec::parse_objects(doc_body!("cloudsigma", "get_servers_info.txt"));
    let servers: Vec<_> =
        objects.into_iter().map(|o| map::server(ServerWire::from_object(o).unwrap(), Location::Zurich)).collect();
    assert_eq!(servers.len(), 12);
    let listed = codec::parse_list(doc_body!("cloudsigma", "get_servers_list.txt"));
    let mut ids: Vec<_> = servers.iter().map(|s| s.id.clone()).collect();
    let mut expected = listed.clone();
    ids.sort();
    expected.sort();
    assert_eq!(ids, expected, "/servers/info has the servers of /servers/list");

    let first = &servers[0];
    assert_eq!(first.id, "179f2015-f28b-4537-beab-a5d30d5fd4e2");
    assert_eq!(first.name, "node003");
    assert_eq!((first.status, first.provider_status.as_str()), (Status::Running, "active"));
    assert_eq!(first.ipv4, ["91.203.56.133"]);
    assert_eq!(first.plan, "2000 MHz, 4096 MB, 1 vCPU");
    assert_eq!(first.region, "Zurich");
    // node012 has no nic:0, only the VLAN interface: no public address.
    assert_eq!(servers[1].name, "node012");
    assert!(servers[1].ipv4.is_empty());
    let last = servers.last().unwrap();
    assert_eq!((last.name.as_str(), last.ipv4.as_slice()), ("node005", ["91.203.56.70".to_string()].as_slice()));
    assert!(last.details.iter().any(|d| d.label == "ide:1:0" && d.value == "f0026ff4-09d3-4fd0-a5c9-dfe652e01c99"));
}

#[test]
fn server_info_details_keep_order_and_hide_the_vnc_password() {
    let s = server(doc_body!("cloudsigma", "get_servers_UUID_info.txt"));
    assert_eq!(s.id, "bb783ced-d2b4-4003-a66e-87337ea6427e");
    assert_eq!((s.name.as_str(), s.status), ("dbserver1", Status::Running));
    assert_eq!(s.plan, "4000 MHz, 4096 MB, 4 vCPU");
    assert_eq!(s.ipv4, ["91.203.56.72"]);
    let labels: Vec<_> = s.details.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(&labels[..4], ["status", "name", "tx", "nic:1:model"]);
    assert_eq!(labels.len(), 19, "every field but vnc:password");
    assert!(!labels.contains(&"vnc:password"));
    assert!(!s.details.iter().any(|d| d.value.contains("KD9R3jcF")));
}

#[test]
fn stopped_server_from_the_cli_example() {
    let s = server(doc_body!("cloudsigma", "cli_servers_info.txt"));
    assert_eq!((s.name.as_str(), s.status, s.provider_status.as_str()), ("Clone", Status::Stopped, "stopped"));
    assert!(s.ipv4.is_empty(), "nic:0:dhcp auto is not an address");
    assert_eq!(s.plan, "2000 MHz, 2048 MB");
    assert!(!s.details.iter().any(|d| d.value == "duCx9gtY"));
}

#[test]
fn create_and_clone_replies() {
    let created = server(doc_body!("cloudsigma", "post_servers_create.txt"));
    assert_eq!(created.id, "23a89931-424b-4d20-bcc0-0f7815809ec7");
    assert_eq!((created.name.as_str(), created.status), ("Test server", Status::Running));
    let cloned = server(doc_body!("cloudsigma", "post_servers_UUID_clone.txt"));
    assert_eq!((cloned.id.as_str(), cloned.name.as_str()), ("e2d38cf0-ba63-479b-9bd8-a9b9a449c6cd", "node005_clone"));

    let request = codec::parse_object(doc_body!("cloudsigma", "post_servers_create.request.txt"));
    let order = super::server_order("Test server", 1000, 1000, "6baaa083-534a-4376-8a60-c5488fc99258");
    for (key, value) in request.iter() {
        assert_eq!(order.get(key), Some(value), "{key} as the doc sends it");
    }
    let extra: Vec<_> = order.iter().filter(|(k, _)| !request.has(k)).collect();
    assert_eq!(
        extra,
        [
            ("smp", "auto"),
            ("persistent", "true"),
            ("boot", "ide:0:0"),
            ("nic:0:model", "e1000"),
            ("nic:0:dhcp", "auto")
        ],
        "what boots the drive, keeps the server when it stops and gives it an address"
    );
    // The command-line example orders a server with no drive, which vpsdesk does not.
    let cli = codec::parse_object(doc_body!("cloudsigma", "cli_servers_create.request.txt"));
    assert_eq!(
        (cli.get("status"), cli.get("name"), cli.get("mem"), cli.get("cpu")),
        (Some("stopped"), Some("Server2"), Some("2048"), Some("2000"))
    );
}

#[test]
fn a_create_reply_without_uuid_is_no_server() {
    let mut o = Object::default();
    o.push("status", "active");
    o.push("name", "poor");
    assert!(ServerWire::from_object(o).is_none());
}

#[test]
fn drives() {
    let d = DriveWire::from_object(&codec::parse_object(doc_body!("cloudsigma", "get_drives_UUID_info.txt"))).unwrap();
    assert_eq!(d.uuid, "7e8ab721-81c9-4cb9-a651-4cafbfe1501c");
    assert_eq!(
        (d.name.as_deref(), d.size.as_deref(), d.status.as_deref()),
        (Some("gentoo-livecd"), Some("1073741824"), Some("active"))
    );
    let image = map::image(d);
    assert_eq!((image.id.as_str(), image.name.as_str()), ("7e8ab721-81c9-4cb9-a651-4cafbfe1501c", "gentoo-livecd"));

    let all = codec::parse_objects(doc_body!("cloudsigma", "get_drives_info.txt"));
    assert_eq!(all.len(), 8);
    assert_eq!(all[2].get("name"), Some("root1"));
    assert_eq!(
        all[2].get("claimed"),
        Some("be2bcfa3-109d-4bee-8795-d75ce0865dc4:guest:28644a70-9e81-4a3e-85ea-91129f724034:ide:0:0")
    );
    let cli = DriveWire::from_object(&codec::parse_object(doc_body!("cloudsigma", "cli_drive_info.txt"))).unwrap();
    assert_eq!((cli.name.as_deref(), cli.size.as_deref()), (Some("Test"), Some("12582912")));
    let created = DriveWire::from_object(&codec::parse_object(doc_body!("cloudsigma", "post_drives_create.txt"))).unwrap();
    assert_eq!(created.uuid, "210a0b7e-2b71-4bba-8703-195704469a81");
    assert_eq!(codec::parse_object(doc_body!("cloudsigma", "post_drives_create.request.txt")).get("size"), Some("4194304"));
    assert_eq!(codec::parse_object(doc_body!("cloudsigma", "cli_drives_create.request.txt")).get("size"), Some("12582912"));
}

#[test]
fn id_lists() {
    assert_eq!(codec::parse_list(doc_body!("cloudsigma", "get_drives_standard_img_list.txt")).len(), 8);
    assert_eq!(
        codec::parse_list(doc_body!("cloudsigma", "get_drives_standard_cd_list.txt"))[0],
        "a49e25b3-69f4-440b-87a8-d79fa78ace53"
    );
    assert_eq!(codec::parse_list(doc_body!("cloudsigma", "get_servers_list.txt")).len(), 12);
    assert_eq!(codec::parse_list(doc_body!("cloudsigma", "cli_drives_list.txt")).len(), 13);
    assert_eq!(codec::parse_list(doc_body!("cloudsigma", "post_servers_destroy.txt")).len(), 6);
    assert_eq!(codec::parse_list(doc_body!("cloudsigma", "get_currencies_list.txt")), ["EUR", "GBP", "USD"]);
    let destroy = codec::parse_object(doc_body!("cloudsigma", "post_servers_destroy.request.txt"));
    assert_eq!(destroy.get("server:2"), Some("e4d50a5c-b516-4993-8d73-c36e7782fbb"));
}

#[test]
fn usage_gives_the_subscription_plan() {
    let usage = UsageWire::from_object(&codec::parse_object(doc_body!("cloudsigma", "get_usage_info.txt")));
    let plan = map::subscription_plan(&usage).unwrap();
    assert_eq!(plan.id, map::SUBSCRIPTION_PLAN);
    assert_eq!((plan.memory_mb, plan.disk_gb), (Some(2000), Some(1000)));
    assert!(plan.name.contains("3000 MHz"), "{}", plan.name);
    let raw = codec::parse_object(doc_body!("cloudsigma", "get_usage_info.txt"));
    assert_eq!(raw.get("xfer:burst"), Some(""));
    assert_eq!(raw.get("tx:total"), Some("0.001"));
}

#[test]
fn account_bodies() {
    let profile = codec::parse_object(doc_body!("cloudsigma", "get_profile_info.txt"));
    assert_eq!(profile.get("email"), Some("foo.bar@example.com"));
    assert_eq!(profile.get("title"), Some(""));
    let balance = codec::parse_object(doc_body!("cloudsigma", "get_balance_info.txt"));
    assert_eq!((balance.get("balance"), balance.get("currency")), (Some("1220.87"), Some("EUR")));
}

#[test]
fn error_pairs() {
    let refused = codec::parse_object(doc_body!("cloudsigma", "post_profile_set.txt"));
    assert_eq!(field_errors(&refused), [("first_name".to_string(), "This field is required.".to_string())]);
    let subscription = codec::parse_object(doc_body!("cloudsigma", "post_subscriptions_resources_create_3.txt"));
    assert_eq!(
        field_errors(&subscription),
        [
            ("cpu".to_string(), "The minimum CPU subscription is 2000 core MHz".to_string()),
            ("mem".to_string(), "The minimum memory subscription is 1024 MB".to_string()),
        ]
    );
    let ip = codec::parse_object(doc_body!("cloudsigma", "post_subscriptions_network_ip_create_2.txt"));
    assert_eq!(field_errors(&ip)[0].0, "start_time");
}

#[test]
fn several_object_bodies_of_the_other_chapters() {
    let count = |text: &str| codec::parse_objects(text).len();
    assert_eq!(count(doc_body!("cloudsigma", "get_transactions_list.txt")), 6);
    assert_eq!(count(doc_body!("cloudsigma", "get_subscriptions_list.txt")), 4);
    assert_eq!(count(doc_body!("cloudsigma", "post_subscriptions_resources_create_2.txt")), 4);
    assert_eq!(count(doc_body!("cloudsigma", "post_subscriptions_network_ip_create.txt")), 2);
    assert_eq!(count(doc_body!("cloudsigma", "get_resources_ip_list.txt")), 3);
    assert_eq!(count(doc_body!("cloudsigma", "get_resources_vlan_list.txt")), 1);
    let one = |text: &str, key: &str| codec::parse_object(text).get(key).map(str::to_string);
    assert_eq!(one(doc_body!("cloudsigma", "get_resources_ip_info.txt"), "nameserver").as_deref(), Some("178.22.66.167 178.22.64.25"));
    assert_eq!(one(doc_body!("cloudsigma", "post_resources_ip_create.txt"), "resource").as_deref(), Some("91.203.56.71"));
    assert_eq!(one(doc_body!("cloudsigma", "get_resources_vlan_UUID_info.txt"), "name").as_deref(), Some("My VLAN"));
    assert_eq!(one(doc_body!("cloudsigma", "post_resources_vlan_create.txt"), "name").as_deref(), Some("My VLAN1"));
    assert_eq!(one(doc_body!("cloudsigma", "post_resources_vlan_UUID_info.txt"), "type").as_deref(), Some("vlan"));
    assert_eq!(one(doc_body!("cloudsigma", "get_pricing_info.txt"), "msft_tfa_00009").as_deref(), Some("15.00"));
    assert_eq!(one(doc_body!("cloudsigma", "post_subscriptions_UUID_set.txt"), "end_time").as_deref(), Some("2010-07-10 20:58"));
    assert_eq!(one(doc_body!("cloudsigma", "post_subscriptions_network_vlan_create.txt"), "unit").as_deref(), Some("VLANs"));
    assert_eq!(one(doc_body!("cloudsigma", "post_subscriptions_software_create.txt"), "msft_lwa_00135").as_deref(), Some("1"));
    assert_eq!(one(doc_body!("cloudsigma", "post_subscriptions_resources_create.txt"), "xfer").as_deref(), Some("10"));
    for calculated in [
        doc_body!("cloudsigma", "post_subscriptions_network_ip_calculate.txt"),
        doc_body!("cloudsigma", "post_subscriptions_network_vlan_calculate.txt"),
        doc_body!("cloudsigma", "post_subscriptions_software_calculate.txt"),
        doc_body!("cloudsigma", "post_subscriptions_UUID_set_calculate.txt"),
    ] {
        assert_eq!(one(calculated, "currency").as_deref(), Some("EUR"));
    }
    assert_eq!(
        one(doc_body!("cloudsigma", "post_servergroups_create.txt"), "uuid").as_deref(),
        Some("7baa150e-00ca-4f48-ac6c-02e59b23d04d")
    );
    assert_eq!(one(doc_body!("cloudsigma", "post_servergroups_set.txt"), "description").as_deref(), Some(""));
    assert_eq!(one(doc_body!("cloudsigma", "get_servergroups_UUID_info.txt"), "name").as_deref(), Some("Database Servers"));
    assert_eq!(
        one(doc_body!("cloudsigma", "get_servergroups_UUID_info_2.txt"), "description").as_deref(),
        Some("all kind of database servers")
    );
    for list in [
        doc_body!("cloudsigma", "get_servergroups_list.txt"),
        doc_body!("cloudsigma", "post_servergroups_add.txt"),
        doc_body!("cloudsigma", "post_servergroups_remove.txt"),
        doc_body!("cloudsigma", "get_servergroups_UUID_start.txt"),
        doc_body!("cloudsigma", "get_servergroups_UUID_stop.txt"),
    ] {
        assert!(codec::parse_list(list).iter().all(|id| id.len() >= 35), "{list}");
    }
}

#[test]
fn request_bodies_of_the_doc_parse() {
    let requests = [
        doc_body!("cloudsigma", "post_profile_set.request.txt"),
        doc_body!("cloudsigma", "post_resources_vlan_create.request.txt"),
        doc_body!("cloudsigma", "post_resources_vlan_UUID_info.request.txt"),
        doc_body!("cloudsigma", "post_servergroups_create.request.txt"),
        doc_body!("cloudsigma", "post_servergroups_set.request.txt"),
        doc_body!("cloudsigma", "post_servergroups_add.request.txt"),
        doc_body!("cloudsigma", "post_servergroups_remove.request.txt"),
        doc_body!("cloudsigma", "post_servers_UUID_clone.request.txt"),
        doc_body!("cloudsigma", "post_servers_start.request.txt"),
        doc_body!("cloudsigma", "post_servers_stop.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_UUID_set.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_UUID_set_calculate.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_network_ip_calculate.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_network_ip_create.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_network_ip_create_2.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_network_vlan_calculate.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_network_vlan_create.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_resources_create.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_resources_create_2.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_resources_create_3.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_software_calculate.request.txt"),
        doc_body!("cloudsigma", "post_subscriptions_software_create.request.txt"),
    ];
    for text in requests {
        let o = codec::parse_object(text);
        assert!(!o.is_empty(), "{text}");
        assert_eq!(codec::parse_object(&codec::write_object(o.iter())), o);
    }
    assert_eq!(codec::parse_object(doc_body!("cloudsigma", "post_profile_set.request.txt")).get("first_name"), Some(""));
}

#[test]
fn statuses() {
    assert_eq!(map::status("active"), Status::Running);
    assert_eq!(map::status("stopped"), Status::Stopped);
    assert_eq!(map::status("paused"), Status::Suspended);
    assert_eq!(map::status("exploded"), Status::Unknown);
}

/// API 1.0's `active` and `stopped`, the states its start/stop/shutdown
/// calls pass through, `paused`, and the later APIs' `running`, `starting`,
/// `stopping` and `unavailable`, in any case and spacing.
#[test]
fn every_accepted_spelling_of_a_server_state() {
    for (word, want) in [
        ("active", Status::Running),
        ("running", Status::Running),
        ("powered on", Status::Running),
        ("stopped", Status::Stopped),
        ("halted", Status::Stopped),
        ("powered off", Status::Stopped),
        ("poweredoff", Status::Stopped),
        ("power_off", Status::Stopped),
        ("shut off", Status::Stopped),
        ("starting", Status::Starting),
        ("booting", Status::Starting),
        ("stopping", Status::Stopping),
        ("shutting down", Status::Stopping),
        ("paused", Status::Suspended),
        ("suspended", Status::Suspended),
        ("Stopped", Status::Stopped),
        (" ACTIVE", Status::Running),
        ("Running\r", Status::Running),
        // The host cannot reach the server: none of our states.
        ("unavailable", Status::Unknown),
        ("exploded", Status::Unknown),
        ("", Status::Unknown),
    ] {
        assert_eq!(map::status(word), want, "{word:?}");
    }
}

#[test]
fn a_state_in_other_case_is_still_the_state_and_keeps_its_word() {
    let s = server("server 0b0c7a02-0d3e-4c7a-9b43-1d4f0bd1f001\nname web\nstatus Stopped\n");
    assert_eq!((s.status, s.provider_status.as_str()), (Status::Stopped, "Stopped"));
    let s = server("server 0b0c7a02-0d3e-4c7a-9b43-1d4f0bd1f001\nname web\nstatus unavailable\n");
    assert_eq!((s.status, s.provider_status.as_str()), (Status::Unknown, "unavailable"));
}

#[test]
fn locations_pick_the_endpoint() {
    assert_eq!(super::endpoint(None).unwrap(), "https://api.zrh.cloudsigma.com");
    assert_eq!(super::endpoint(Some("lvs")).unwrap(), "https://api.lvs.cloudsigma.com");
    assert_eq!(super::endpoint(Some("nyc")).unwrap_err().fields[0].field, "region");
    assert_eq!(Location::of_account(None, "https://api.lvs.cloudsigma.com").unwrap(), Location::LasVegas);
    assert_eq!(super::DESCRIPTOR.info().regions.len(), 2);
}

#[test]
fn ids_and_names_are_checked_before_sending() {
    assert!(super::uuid("id", "server", "bb783ced-d2b4-4003-a66e-87337ea6427e").is_ok());
    assert_eq!(super::uuid("id", "server", "../profile/info").unwrap_err().fields[0].field, "id");
    assert_eq!(super::name("web\nstatus stopped").unwrap_err().fields[0].field, "name");
    assert_eq!(super::name("  web 1 ").unwrap(), "web 1");
}

/// A reboot waits for the server to be stopped before starting it again; a
/// `Stopped` that is the state in another case must end the wait, not run
/// it into its two-minute timeout.
#[tokio::test]
async fn reboot_sees_stopped_in_any_case() {
    use std::sync::{Arc, Mutex};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::Cloudsigma;
    use crate::http::Http;
    use crate::model::PowerAction;
    use crate::provider::Compute;
    use crate::secret::Secret;

    const UUID: &str = "0b0c7a02-0d3e-4c7a-9b43-1d4f0bd1f001";
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let log = Arc::clone(&seen);
    tokio::spawn(async move {
        loop {
            let Ok((mut tcp, _)) = listener.accept().await else { return };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                match tcp.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            let line = String::from_utf8_lossy(&buf).lines().next().unwrap_or_default().to_string();
            let path = line.split(' ').nth(1).unwrap_or_default().to_string();
            let body = if path.ends_with("/info") {
                format!("server {UUID}\nname web\nstatus Stopped\n")
            } else {
                String::new()
            };
            log.lock().unwrap().push(path);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = tcp.write_all(head.as_bytes()).await;
            let _ = tcp.write_all(body.as_bytes()).await;
            let _ = tcp.shutdown().await;
        }
    });
    let cs = Cloudsigma::new(Http::default(), &origin, Some("me@example.com"), Some("zrh"), Secret::new("pw")).unwrap();
    let done = tokio::time::timeout(std::time::Duration::from_secs(10), cs.power(UUID, PowerAction::Reboot)).await;
    assert!(matches!(done, Ok(Ok(()))), "{done:?}");
    let paths: Vec<String> = seen.lock().unwrap().clone();
    assert_eq!(
        paths,
        [format!("/servers/{UUID}/stop"), format!("/servers/{UUID}/info"), format!("/servers/{UUID}/start")]
    );
}
