//! The doc's example bodies of the extras calls, verbatim
//! (tests/fixtures/vultr), through the wire types and the mapping.

use super::*;
use crate::providers::vultr::ext::scripts::ScriptKind;
use crate::providers::vultr::ext::snapshots::SnapshotStatus;
use crate::providers::vultr::tests::{doc_form, pairs};

macro_rules! request {
    ($name:literal) => {
        doc_form(include_str!(concat!("../../../../tests/fixtures/vultr/", $name, ".request.txt")))
    };
}

macro_rules! fixture {
    ($name:literal) => {
        doc_json!("vultr", $name)
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
    assert_eq!(list[0].created_at.as_ref().map(ToString::to_string).as_deref(), Some("2014-04-18T12:40:40Z"));
    assert_eq!(list[1].description, "");
    let created: SnapshotCreatedWire = serde_json::from_value(fixture!("snapshot_create")).unwrap();
    assert_eq!(created.id, "544e52f31c706");
}

/// The doc names v1/backup/list without showing it, so this body is not a
/// fixture of the doc: it is the example of Vultr's published v1 reference.
#[test]
fn backup_list_reads_vultrs_reference_body() {
    let body = serde_json::json!({
        "543d34149403a": {"BACKUPID": "543d34149403a", "date_created": "2014-10-14 12:40:40",
            "description": "Automatic server backup", "size": "42949672960", "status": "complete"},
        "543d340f6dbce": {"BACKUPID": "543d340f6dbce", "date_created": "2014-10-13 16:11:46",
            "description": "", "size": "10000000", "status": "pending"}
    });
    let list: Vec<Backup> = keyed::<BackupWire>(body).unwrap().into_iter().map(backup).collect();
    let latest = list.iter().find(|b| b.id == "543d34149403a").unwrap();
    assert_eq!(latest.label.as_deref(), Some("Automatic server backup"));
    assert_eq!(latest.size.as_deref(), Some("42949672960"));
    assert!(latest.built, "a complete backup can be restored");
    assert_eq!(latest.created_at.as_ref().map(ToString::to_string).as_deref(), Some("2014-10-14T12:40:40Z"));
    let other = list.iter().find(|b| b.id == "543d340f6dbce").unwrap();
    assert_eq!(other.label, None, "an empty description is no label");
    assert!(!other.built, "a pending backup is not restorable yet");
    assert!(keyed::<BackupWire>(serde_json::json!([])).unwrap().is_empty(), "Vultr's empty list is []");
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
    let v4: Vec<IpAddress> =
        per_server::<Ipv4Wire>(fixture!("server_list_ipv4")).unwrap().into_iter().map(ipv4).collect();
    assert_eq!(v4.len(), 3);
    assert_eq!((v4[0].role, v4[1].role, v4[2].role), (IpRole::Main, IpRole::Secondary, IpRole::Private));
    assert_eq!(v4[1].reverse.as_deref(), Some("123.123.123.124.example.com"));
    assert_eq!(v4[2].gateway, None, "an empty gateway is no gateway");
    assert_eq!(v4[2].reverse, None);
    let v6: Vec<IpAddress> =
        per_server::<Ipv6Wire>(fixture!("server_list_ipv6")).unwrap().into_iter().map(ipv6).collect();
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
    assert_eq!(scripts[1].modified_at.as_ref().map(ToString::to_string).as_deref(), Some("2014-09-22T15:27:18Z"));
    let created: ScriptCreatedWire = serde_json::from_value(fixture!("startupscript_create")).unwrap();
    assert_eq!(created.id, "5");
}

#[test]
fn snapshot_create_sends_the_doc_request() {
    let doc = request!("snapshot_create");
    assert_eq!(doc, pairs(&[("SUBID", "1312965")]));
    assert_eq!(snapshot_form("1312965", "").unwrap(), doc, "no description: none sent");
    let described = snapshot_form("1312965", "before upgrade").unwrap();
    assert_eq!(described[1..], pairs(&[("description", "before upgrade")]));
    assert_eq!(snapshot_form("web-1", "").unwrap_err().fields[0].field, "id");
}

#[test]
fn ssh_key_writes_send_the_doc_requests() {
    let doc = request!("sshkey_create");
    let typed = NewSshKey { name: "test SSH key".into(), public_key: "ssh-rsa AA... test@example.com".into() };
    let key = crate::providers::vultr::ext::ssh_keys::validate_new(&typed).unwrap();
    assert_eq!(ssh_key_form(&key), doc);

    let doc = request!("sshkey_update");
    assert_eq!(doc[0], ("SSHKEYID".to_string(), "541b4960f23bd".to_string()));
    let typed = SshKeyUpdate {
        name: Some("new key name".into()),
        public_key: Some("ssh-rsa AA... someother@example.com".into()),
    };
    let update = crate::providers::vultr::ext::ssh_keys::validate_update(&typed).unwrap();
    assert_eq!(ssh_key_update_form("541b4960f23bd", &update), doc);
    let rename = SshKeyUpdate { name: Some("new key name".into()), public_key: None };
    assert_eq!(ssh_key_update_form("541b4960f23bd", &rename), doc[..2], "only what changes is sent");
}

#[test]
fn script_writes_send_the_doc_requests() {
    let content = "#!/bin/bash\necho hello world > /root/hello";
    let doc = request!("startupscript_create");
    let typed = NewScript { name: "my first script".into(), kind: ScriptKind::Boot, content: content.into() };
    let script = crate::providers::vultr::ext::scripts::validate_new(&typed).unwrap();
    let form = script_form(&script);
    assert_eq!(form[..2], doc[..], "the doc's name and script, the newline a real one");
    assert_eq!(form[2..], pairs(&[("type", "boot")]), "the doc's default type, said out loud");

    let doc = request!("startupscript_update");
    let typed = ScriptUpdate { name: Some("my first script".into()), content: Some(content.into()) };
    let update = crate::providers::vultr::ext::scripts::validate_update(&typed).unwrap();
    assert_eq!(script_update_form("5", &update).unwrap(), doc);
    assert_eq!(script_update_form("five", &update).unwrap_err().fields[0].field, "id");
}
