//! The doc's example bodies of the extras calls, verbatim
//! (tests/fixtures/vultr), through the wire types and the mapping.

use super::*;
use crate::extras::scripts::ScriptKind;

macro_rules! fixture {
    ($name:literal) => {
        serde_json::from_str::<serde_json::Value>(include_str!(concat!("../../../../tests/fixtures/vultr/", $name, ".json")))
            .expect(concat!($name, " is valid JSON"))
    };
}

#[test]
fn snapshot_list_and_create() {
    let list: Vec<SnapshotWire> = keyed(fixture!("snapshot_list")).unwrap();
    let list: Vec<Snapshot> = list.into_iter().map(snapshot).collect();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, "5359435d28b9a");
    assert_eq!(list[0].description, "Test snapshot");
    assert_eq!(list[0].size_bytes, Some(42_949_672_960));
    assert_eq!(list[0].status, SnapshotStatus::Complete);
    assert_eq!(list[0].created_at.as_deref(), Some("2014-04-18 12:40:40"));
    assert_eq!(list[1].description, "");
    let created: SnapshotCreatedWire = serde_json::from_value(fixture!("snapshot_create")).unwrap();
    assert_eq!(created.id, "544e52f31c706");
}

#[test]
fn iso_ids_and_sizes_are_numbers() {
    let list: Vec<IsoWire> = keyed(fixture!("iso_list")).unwrap();
    let isos: Vec<Iso> = list.into_iter().map(iso).collect();
    assert_eq!(isos[0].id, "24");
    assert_eq!(isos[0].filename, "CentOS-6.5-x86_64-minimal.iso");
    assert_eq!(isos[0].size_bytes, Some(9_342_976));
    assert_eq!(isos[0].md5sum.as_deref(), Some("ec0669895a250f803e1709d0402fc411"));
}

#[test]
fn os_change_list_has_exact_surcharges() {
    let list: Vec<OsChangeWire> = keyed(fixture!("server_os_change_list")).unwrap();
    let options: Vec<OsOption> = list.into_iter().map(|w| os_option(w).unwrap()).collect();
    assert_eq!(options.len(), 2);
    assert_eq!(options[1].id, "148");
    assert_eq!(options[1].arch.as_deref(), Some("i386"));
    assert_eq!(options[0].surcharge.unwrap().to_string(), "0.00");
    assert_eq!(serde_json::to_value(&options[0]).unwrap()["surcharge"], "0.00", "money is a string");
}

#[test]
fn addresses_are_keyed_by_subid() {
    let v4: Vec<IpAddress> = per_server::<Ipv4Wire>(fixture!("server_list_ipv4")).unwrap().into_iter().map(ipv4).collect();
    assert_eq!(v4.len(), 3);
    assert_eq!((v4[0].role, v4[1].role, v4[2].role), (IpRole::Main, IpRole::Secondary, IpRole::Private));
    assert_eq!(v4[1].reverse.as_deref(), Some("123.123.123.124.example.com"));
    assert_eq!(v4[2].gateway, None, "an empty gateway is no gateway");
    assert_eq!(v4[2].reverse, None);
    let v6: Vec<IpAddress> = per_server::<Ipv6Wire>(fixture!("server_list_ipv6")).unwrap().into_iter().map(ipv6).collect();
    assert_eq!(v6[0].version, 6);
    assert_eq!(v6[0].network.as_deref(), Some("2001:DB8:1000::"));
    assert_eq!(v6[0].network_size, Some(64));
    let reverse: Vec<ReverseIpv6Wire> = per_server(fixture!("server_reverse_list_ipv6")).unwrap();
    assert_eq!(reverse.len(), 2);
    assert_eq!((reverse[1].ip.as_str(), reverse[1].reverse.as_str()), ("2001:DB8:1000::102", "host2.example.com"));
    // "If the virtual machine does not have IPv6 enabled, then an empty array is returned."
    assert!(per_server::<Ipv6Wire>(serde_json::json!([])).unwrap().is_empty());
}

#[test]
fn bandwidth_becomes_one_graph_with_two_series() {
    let g = bandwidth(serde_json::from_value(fixture!("server_bandwidth")).unwrap());
    assert_eq!(g.id, "bandwidth");
    assert_eq!(g.unit, UsageUnit::Bytes);
    assert_eq!(g.series[0].label, "Incoming");
    assert_eq!(g.series[0].points.len(), 4);
    assert_eq!(g.series[0].points[1].at, "2014-06-11");
    assert_eq!(g.series[0].points[1].value, 222_387_466.0);
    assert_eq!(g.series[1].points[3].value, 1_106_963.0);
}

#[test]
fn ssh_keys_with_a_null_date() {
    let list: Vec<SshKeyWire> = keyed(fixture!("sshkey_list")).unwrap();
    let keys: Vec<SshKey> = list.into_iter().map(ssh_key).collect();
    assert_eq!(keys[0].id, "541b4960f23bd");
    assert_eq!(keys[0].created_at, None);
    assert_eq!(keys[0].public_key, "ssh-rsa AA... test@example.com");
    let created: SshKeyCreatedWire = serde_json::from_value(fixture!("sshkey_create")).unwrap();
    assert_eq!(created.id, "541b4960f23bd");
}

#[test]
fn script_ids_are_strings_in_lists_and_a_number_when_created() {
    let list: Vec<ScriptWire> = keyed(fixture!("startupscript_list")).unwrap();
    let scripts: Vec<StartupScript> = list.into_iter().map(script).collect();
    assert_eq!(scripts[0].id, "3");
    assert_eq!(scripts[0].name, "test ", "names are kept as sent");
    assert_eq!(scripts[0].kind, ScriptKind::Boot);
    assert_eq!(scripts[1].kind, ScriptKind::Pxe);
    assert_eq!(scripts[1].content, "#!ipxe\necho Hello World\nshell");
    assert_eq!(scripts[1].modified_at.as_deref(), Some("2014-09-22 15:27:18"));
    let created: ScriptCreatedWire = serde_json::from_value(fixture!("startupscript_create")).unwrap();
    assert_eq!(created.id, "5");
}
