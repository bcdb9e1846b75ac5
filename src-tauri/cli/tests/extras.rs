//! `vpsctl` server extras per docs/cli.md, end to end: the real binary
//! against the Vultr simulator with private XDG dirs and the real keychain.
//! One test per operation; destructive ones refuse without `--yes` and send
//! nothing.

mod support;

use serde_json::Value;
use support::Fixture;
use vpsdesk_sandbox::Provider;

const ACCOUNT: &str = "vultr";
const SERVER: &str = "576965";

/// The Vultr account; jobs take 1.5 s, so a started one is seen running.
fn fixture() -> Fixture {
    let f = Fixture::with_transition_ms(1500);
    f.add_verified(Provider::Vultr, ACCOUNT);
    f
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn snapshots_list() {
    let f = fixture();
    let list = f.json(&["snapshots", "list", ACCOUNT]);
    assert_eq!(list[0]["id"], "5359435d28b9a");
    assert_eq!(list[0]["size_bytes"], 42949672960u64);
    assert_eq!(list[0]["status"], "complete");
    assert!(f.ok(&["snapshots", "list", ACCOUNT]).contains("Test snapshot"));
}

#[test]
fn snapshots_create_waits_for_the_job() {
    let f = fixture();
    let started = f.json(&["snapshots", "create", ACCOUNT, SERVER, "--description", "nightly"]);
    assert_eq!(started["state"], "running");
    assert_eq!(started["kind"], "snapshot_create");
    let job = f.json(&["snapshots", "create", ACCOUNT, SERVER, "--description", "waited", "--wait"]);
    assert_eq!(job["state"], "succeeded");
    let id = job["target_id"].as_str().unwrap();
    let list = f.json(&["snapshots", "list", ACCOUNT]);
    let snap = list.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
    assert_eq!((snap["status"].as_str(), snap["description"].as_str()), (Some("complete"), Some("waited")));
}

#[test]
fn snapshots_delete_needs_yes() {
    let f = fixture();
    f.needs_yes(&["snapshots", "delete", ACCOUNT, "5359435dc1df3"]);
    f.ok(&["snapshots", "delete", ACCOUNT, "5359435dc1df3", "--yes"]);
    assert!(!ids(&f.json(&["snapshots", "list", ACCOUNT])).contains(&"5359435dc1df3".to_string()));
    let err = f.fails(&["snapshots", "delete", ACCOUNT, "5359435dc1df3", "--yes"], 1);
    assert!(err.contains("Invalid snapshot ID"), "{err}");
}

#[test]
fn snapshots_restore_needs_yes_and_waits() {
    let f = fixture();
    f.needs_yes(&["snapshots", "restore", ACCOUNT, SERVER, "5359435d28b9a"]);
    let job = f.json(&["snapshots", "restore", ACCOUNT, SERVER, "5359435d28b9a", "--yes", "--wait"]);
    assert_eq!(job["state"], "succeeded");
    assert_eq!(job["stage"], "Done: the server is running");
}

/// Vultr lists a server's backups (v1/backup/list), so a backup is picked
/// from them rather than copied from its control panel.
#[test]
fn servers_backups_lists_only_this_servers_backups() {
    let f = fixture();
    let list = f.json(&["servers", "backups", ACCOUNT, SERVER]);
    assert_eq!(ids(&list), ["543d34149403a"], "{list}");
    assert_eq!(list[0]["label"], "Automatic server backup");
    assert_eq!(list[0]["built"], true);
    assert_eq!(list[0]["created_at"], "2014-10-14T12:40:40Z");
    assert!(f.ok(&["servers", "backups", ACCOUNT, SERVER]).contains("Automatic server backup"));
}

#[test]
fn servers_backup_restore() {
    let f = fixture();
    f.needs_yes(&["servers", "backup-restore", ACCOUNT, SERVER, "543d34149403a"]);
    let err = f.fails(&["servers", "backup-restore", ACCOUNT, SERVER, "nope", "--yes"], 1);
    assert!(err.contains("Invalid backup"), "{err}");
    let job = f.json(&["servers", "backup-restore", ACCOUNT, SERVER, "543d34149403a", "--yes", "--wait"]);
    assert_eq!((job["kind"].as_str(), job["state"].as_str()), (Some("backup_restore"), Some("succeeded")));
}

#[test]
fn servers_reinstall() {
    let f = fixture();
    f.needs_yes(&["servers", "reinstall", ACCOUNT, SERVER]);
    let job = f.json(&["servers", "reinstall", ACCOUNT, SERVER, "--yes", "--wait"]);
    assert_eq!(job["state"], "succeeded");
}

#[test]
fn servers_os_list_and_change() {
    let f = fixture();
    let options = f.json(&["servers", "os-list", ACCOUNT, SERVER]);
    let debian = options.as_array().unwrap().iter().find(|o| o["name"] == "Debian 12 x64").unwrap();
    assert_eq!(debian["surcharge"], "0.00", "money as a string");
    let os = debian["id"].as_str().unwrap();
    f.needs_yes(&["servers", "os-change", ACCOUNT, SERVER, os]);
    let job = f.json(&["servers", "os-change", ACCOUNT, SERVER, os, "--yes", "--wait"]);
    assert_eq!(job["state"], "succeeded");
    let server = f.json(&["servers", "show", ACCOUNT, SERVER]);
    let shown = server["details"].as_array().unwrap().iter().find(|d| d["label"] == "os").unwrap();
    assert_eq!(shown["value"], "Debian 12 x64");
}

#[test]
fn iso_list() {
    let f = fixture();
    let isos = f.json(&["iso", "list", ACCOUNT]);
    assert_eq!(isos[0]["id"], "24", "ISOID is a number on the wire, a string here");
    assert_eq!(isos[0]["filename"], "CentOS-6.5-x86_64-minimal.iso");
}

#[test]
fn servers_ips() {
    let f = fixture();
    let ips = f.json(&["servers", "ips", ACCOUNT, SERVER]);
    let all: Vec<&str> = ips.as_array().unwrap().iter().map(|i| i["ip"].as_str().unwrap()).collect();
    assert_eq!(all, ["123.123.123.123", "123.123.123.124", "10.99.0.10", "2001:DB8:1000::100"]);
    assert_eq!(ips[0]["reverse"], "123.123.123.123.example.com");
}

#[test]
fn servers_ip_add_and_remove() {
    let f = fixture();
    let out = f.ok(&["servers", "ip-add", ACCOUNT, SERVER, "--no-reboot"]);
    assert!(out.contains("IPv4 address added; reboot the server to configure it"), "{out}");
    let ips = f.json(&["servers", "ips", ACCOUNT, SERVER]);
    let added = ips.as_array().unwrap().iter().filter(|i| i["role"] == "secondary").nth(1).unwrap()["ip"]
        .as_str()
        .unwrap()
        .to_string();
    f.needs_yes(&["servers", "ip-remove", ACCOUNT, SERVER, &added]);
    f.ok(&["servers", "ip-remove", ACCOUNT, SERVER, &added, "--yes"]);
    let ips = f.json(&["servers", "ips", ACCOUNT, SERVER]);
    assert!(ips.as_array().unwrap().iter().all(|i| i["ip"] != added.as_str()));
}

#[test]
fn servers_reverse_set_and_reset_ipv4() {
    let f = fixture();
    f.ok(&["servers", "reverse-set", ACCOUNT, SERVER, "123.123.123.124", "mail.example.com"]);
    let reverse =
        |f: &Fixture| f.json(&["servers", "ips", ACCOUNT, SERVER])[1]["reverse"].as_str().unwrap().to_string();
    assert_eq!(reverse(&f), "mail.example.com");
    f.ok(&["servers", "reverse-reset", ACCOUNT, SERVER, "123.123.123.124"]);
    assert_eq!(reverse(&f), "123.123.123.124.example.com");
    let before = f.all_requests();
    let err = f.fails(&["servers", "reverse-set", ACCOUNT, SERVER, "123.123.123.124", "no spaces allowed"], 1);
    assert!(err.contains("entry"), "{err}");
    assert_eq!(f.all_requests(), before, "validated before sending");
}

#[test]
fn servers_reverse_list_set_and_delete_ipv6() {
    let f = fixture();
    assert_eq!(f.json(&["servers", "reverse-list", ACCOUNT, SERVER]).as_array().unwrap().len(), 2);
    f.ok(&["servers", "reverse-set", ACCOUNT, SERVER, "2001:db8:1000::110", "v6.example.com"]);
    f.ok(&["servers", "reverse-delete", ACCOUNT, SERVER, "2001:DB8:1000::101"]);
    let list = f.json(&["servers", "reverse-list", ACCOUNT, SERVER]);
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|r| r["reverse"].as_str().unwrap()).collect();
    assert_eq!(names, ["host2.example.com", "v6.example.com"]);
}

#[test]
fn servers_bandwidth() {
    let f = fixture();
    let graphs = f.json(&["servers", "bandwidth", ACCOUNT, SERVER]);
    assert_eq!(graphs[0]["series"][0]["label"], "Incoming");
    assert_eq!(graphs[0]["series"][0]["points"][0]["at"], "2014-06-10");
    assert!(f.ok(&["servers", "bandwidth", ACCOUNT, SERVER]).contains("2014-06-13"));
}

#[test]
fn servers_console() {
    let f = fixture();
    let console = f.json(&["servers", "console", ACCOUNT, SERVER]);
    assert_eq!(console["url"], "https://my.vultr.com/subs/novnc/api.php?data=eawxFVZw2mXnhGUV");
}

#[test]
fn sshkeys_create_update_delete() {
    let f = fixture();
    assert_eq!(ids(&f.json(&["sshkeys", "list", ACCOUNT])), ["541b4960f23bd"]);
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0cli cli@example.com";
    let created = f.json(&["sshkeys", "create", ACCOUNT, "--name", "cli", "--public-key", key]);
    let id = created["id"].as_str().unwrap().to_string();
    f.ok_with(
        &["sshkeys", "update", ACCOUNT, &id, "--name", "cli renamed", "--public-key-file", "-"],
        "ssh-rsa AAAAB3Nza new@example.com\n",
    );
    let list = f.json(&["sshkeys", "list", ACCOUNT]);
    let k = list.as_array().unwrap().iter().find(|k| k["id"] == id.as_str()).unwrap();
    assert_eq!(
        (k["name"].as_str(), k["public_key"].as_str()),
        (Some("cli renamed"), Some("ssh-rsa AAAAB3Nza new@example.com"))
    );
    f.needs_yes(&["sshkeys", "delete", ACCOUNT, &id]);
    f.ok(&["sshkeys", "delete", ACCOUNT, &id, "--yes"]);
    assert!(!ids(&f.json(&["sshkeys", "list", ACCOUNT])).contains(&id));
    let before = f.all_requests();
    let err = f.fails(&["sshkeys", "create", ACCOUNT, "--name", "x", "--public-key", "not a key"], 1);
    assert!(err.contains("public_key"), "{err}");
    assert_eq!(f.all_requests(), before);
}

#[test]
fn scripts_create_update_delete() {
    let f = fixture();
    assert_eq!(ids(&f.json(&["scripts", "list", ACCOUNT])), ["3", "5"]);
    let before = f.all_requests();
    let err = f.fails(&["scripts", "create", ACCOUNT, "--name", "empty", "--file", "-"], 1);
    assert!(err.contains("content"), "{err}");
    assert_eq!(f.all_requests(), before, "an empty script is not sent");
    let created: Value = serde_json::from_str(&f.ok_with(
        &["scripts", "create", ACCOUNT, "--name", "hello", "--type", "boot", "--file", "-", "--json"],
        "#!/bin/sh\necho hello\n",
    ))
    .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    f.ok_with(&["scripts", "update", ACCOUNT, &id, "--file", "-"], "#!/bin/sh\necho bye\n");
    let list = f.json(&["scripts", "list", ACCOUNT]);
    let s = list.as_array().unwrap().iter().find(|s| s["id"] == id.as_str()).unwrap();
    assert_eq!(
        (s["name"].as_str(), s["kind"].as_str(), s["content"].as_str()),
        (Some("hello"), Some("boot"), Some("#!/bin/sh\necho bye\n"))
    );
    f.needs_yes(&["scripts", "delete", ACCOUNT, &id]);
    f.ok(&["scripts", "delete", ACCOUNT, &id, "--yes"]);
    assert!(!ids(&f.json(&["scripts", "list", ACCOUNT])).contains(&id));
}

#[test]
fn servers_create_with_a_stored_key_and_script() {
    let f = fixture();
    let base = ["servers", "create", ACCOUNT, "--name", "keyed", "--region", "1", "--plan", "1", "--image", "127"];
    let mut unknown = base.to_vec();
    unknown.extend(["--ssh-key", "0000000000000"]);
    let err = f.fails(&unknown, 1);
    assert!(err.contains("Invalid SSH key ID"), "the key went to Vultr: {err}");
    let mut good = base.to_vec();
    good.extend(["--ssh-key", "541b4960f23bd", "--script", "3", "--json"]);
    let server: Value = serde_json::from_str(&f.ok(&good)).unwrap();
    assert_eq!(server["name"], "keyed");
}

#[test]
fn servers_create_from_an_iso_with_every_switch() {
    let f = fixture();
    let base = ["servers", "create", ACCOUNT, "--name", "iso-box", "--region", "1", "--plan", "1"];
    let before = f.all_requests();
    let both = [&base[..], &["--iso", "24", "--snapshot", "5359435d28b9a"]].concat();
    assert!(f.fails(&both, 1).contains("not both"));
    let hosted = [&base[..], &["--iso", "24", "--hostname", "box.example.com"]].concat();
    assert!(f.fails(&hosted, 1).contains("hostname: Vultr cannot set a host name"));
    assert_eq!(f.all_requests(), before, "refused before any request");

    let pxe = [&base[..], &["--ipxe-url", "tftp://boot.example.com/menu"]].concat();
    assert!(f.fails(&pxe, 1).contains("ipxe_url: enter an http:// or https:// address"));
    assert_eq!(f.all_requests(), before, "refused before any request");
    let pxe = ["servers", "create", ACCOUNT, "--name", "pxe-box", "--region", "1", "--plan", "1"];
    let pxe = [&pxe[..], &["--ipxe-url", "https://boot.example.com/menu.ipxe", "--json"]].concat();
    let chained = f.json(&pxe);
    assert_eq!(chained["name"], "pxe-box", "{chained}");
    let chained = f.json(&["servers", "show", ACCOUNT, chained["id"].as_str().unwrap()]);
    let os =
        chained["details"].as_array().unwrap().iter().find(|d| d["label"].as_str().unwrap().eq_ignore_ascii_case("os"));
    assert_eq!(os.map(|d| d["value"].clone()), Some("Custom".into()), "chain-loads on the Custom system: {chained}");

    let iso = [&base[..], &["--iso", "24", "--ipv6", "--private-network", "--backups"]].concat();
    let created = f.json(&iso);
    assert_eq!(created["name"], "iso-box");
    let id = created["id"].as_str().unwrap();
    // Vultr shows the addresses once the server is installed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let server = loop {
        let now = f.json(&["servers", "show", ACCOUNT, id]);
        if now["status"] == "running" {
            break now;
        }
        assert!(std::time::Instant::now() < deadline, "never installed: {now}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(server["ipv6"][0].as_str().is_some_and(|ip| ip.contains(':')), "{server}");
    let detail = |key: &str| {
        let details = server["details"].as_array().unwrap();
        details.iter().find(|d| d["label"].as_str().unwrap().eq_ignore_ascii_case(key)).map(|d| d["value"].clone())
    };
    assert_eq!(detail("os"), Some("Custom".into()), "the Custom system boots the ISO: {server}");
    assert_eq!(detail("auto_backups"), Some("yes".into()), "{server}");
    assert!(detail("internal_ip").is_some_and(|ip| ip.as_str().unwrap().starts_with("10.")), "{server}");
}
