//! `vpsctl` VPS.NET server extras per docs/cli.md, end to end: the real
//! binary against the VPS.NET simulator with private XDG dirs and the real
//! keychain. One test per operation; destructive ones refuse without
//! `--yes` and send nothing.

use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use vpsdesk_sandbox::{Options, Provider, Sandbox};

const ACCOUNT: &str = "vpsnet";
/// The doc's servers (running, with the doc's backup; a manual backup),
/// a stopped one and a "Mail relay" to clone.
const WEB: &str = "1384";
const MYSQL: &str = "1385";
const STAGING: &str = "1386";
const MAIL: &str = "1387";
const PENDING: &str = "1388";

struct Fixture {
    _rt: tokio::runtime::Runtime,
    sandbox: Sandbox,
    home: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let sandbox = rt.block_on(Sandbox::start(Options { transition_ms: 1500, ..Options::default() })).unwrap();
        let f = Fixture { _rt: rt, sandbox, home: tempfile::tempdir().unwrap() };
        let demo = vpsdesk_sandbox::demo_accounts().into_iter().find(|d| d.provider == Provider::Vpsnet).unwrap();
        let endpoint = f.sandbox.endpoint(Provider::Vpsnet).unwrap();
        let args = [
            "accounts",
            "add",
            "--provider",
            "vpsnet",
            "--name",
            ACCOUNT,
            "--endpoint",
            &endpoint,
            "--username",
            demo.username.unwrap(),
        ];
        let out = f.cmd(&args).write_stdin(format!("{}\n", demo.secret)).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        f
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("vpsctl").unwrap();
        c.args(args)
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("VPSDESK_HTTP_TIMEOUT_SECS", "3")
            .timeout(Duration::from_secs(90));
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).write_stdin(String::new()).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "vpsctl {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    /// Fails with one `error:` line and nothing on stdout; returns it.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(code), "vpsctl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: ") && err.trim_end().lines().count() == 1, "{err}");
        err
    }

    fn requests(&self) -> usize {
        self.sandbox.requests(Provider::Vpsnet).len()
    }

    /// A destructive command without --yes: usage error, nothing sent.
    fn needs_yes(&self, args: &[&str]) {
        let before = self.requests();
        let err = self.fails(args, 2);
        assert!(err.contains("--yes"), "{err}");
        assert_eq!(self.requests(), before, "nothing was sent for {args:?}");
    }
}

#[test]
fn backups_list() {
    let f = Fixture::new();
    let list = f.json(&["servers", "backups", ACCOUNT, WEB]);
    assert_eq!(list[0]["id"], "3774");
    assert_eq!(list[0]["kind"], "normal");
    assert_eq!(list[0]["size"], "510340");
    assert_eq!(list[0]["built"], true);
    assert!(f.ok(&["servers", "backups", ACCOUNT, WEB]).contains("linux (ubuntu)"));
}

#[test]
fn backup_create_waits_for_the_job() {
    let f = Fixture::new();
    let job = f.json(&["servers", "backup-create", ACCOUNT, WEB, "--label", "nightly", "--wait"]);
    assert_eq!((job["kind"].as_str(), job["state"].as_str()), (Some("backup_create"), Some("succeeded")));
    let id = job["target_id"].as_str().unwrap().to_string();
    let list = f.json(&["servers", "backups", ACCOUNT, WEB]);
    let made = list.as_array().unwrap().iter().find(|b| b["id"] == id.as_str()).unwrap();
    assert_eq!((made["label"].as_str(), made["built"].as_bool()), (Some("nightly"), Some(true)));
}

#[test]
fn backup_delete_needs_yes_and_refuses_scheduled_backups() {
    let f = Fixture::new();
    f.needs_yes(&["servers", "backup-delete", ACCOUNT, MYSQL, "3790"]);
    let err = f.fails(&["servers", "backup-delete", ACCOUNT, WEB, "3774", "--yes"], 1);
    assert!(err.contains("Only manual backups can be deleted"), "{err}");
    assert!(f.ok(&["servers", "backup-delete", ACCOUNT, MYSQL, "3790", "--yes"]).contains("backup 3790 deleted"));
    assert_eq!(f.json(&["servers", "backups", ACCOUNT, MYSQL]), serde_json::json!([]));
}

#[test]
fn backup_restore_onto_a_stopped_server() {
    let f = Fixture::new();
    f.needs_yes(&["servers", "backup-restore", ACCOUNT, MYSQL, "3790"]);
    let err = f.fails(&["servers", "backup-restore", ACCOUNT, MYSQL, "3790", "--yes"], 1);
    assert!(err.contains("must be powered off"), "{err}");
    f.ok(&["servers", "stop", ACCOUNT, MYSQL, "--force"]);
    let job = f.json(&["servers", "backup-restore", ACCOUNT, MYSQL, "3790", "--yes", "--wait"]);
    assert_eq!(job["state"], "succeeded");
}

#[test]
fn reinstall_and_template_change() {
    let f = Fixture::new();
    f.needs_yes(&["servers", "reinstall", ACCOUNT, MAIL]);
    assert_eq!(f.json(&["servers", "reinstall", ACCOUNT, MAIL, "--yes", "--wait"])["state"], "succeeded");
    let options = f.json(&["servers", "os-list", ACCOUNT, MAIL]);
    assert!(options.as_array().unwrap().iter().any(|o| o["id"] == "78" && o["name"] == "Ubuntu 8.04 x64"));
    assert_eq!(f.json(&["servers", "os-change", ACCOUNT, MAIL, "78", "--yes", "--wait"])["state"], "succeeded");
}

#[test]
fn recovery_boot_needs_yes_and_waits() {
    let f = Fixture::new();
    f.needs_yes(&["servers", "recovery", ACCOUNT, WEB]);
    let job = f.json(&["servers", "recovery", ACCOUNT, WEB, "--yes", "--wait"]);
    assert_eq!((job["kind"].as_str(), job["state"].as_str()), (Some("recovery_boot"), Some("succeeded")));
}

#[test]
fn network_rebuild_needs_yes_and_a_running_server() {
    let f = Fixture::new();
    f.needs_yes(&["servers", "rebuild-network", ACCOUNT, WEB]);
    assert_eq!(f.json(&["servers", "rebuild-network", ACCOUNT, WEB, "--yes", "--wait"])["state"], "succeeded");
    let err = f.fails(&["servers", "rebuild-network", ACCOUNT, STAGING, "--yes"], 1);
    assert!(err.contains("powered on"), "{err}");
}

#[test]
fn rebuild_of_a_pending_server() {
    let f = Fixture::new();
    let err = f.fails(&["servers", "rebuild", ACCOUNT, WEB], 1);
    assert!(err.contains("Only a pending cloud server"), "{err}");
    assert_eq!(f.json(&["servers", "rebuild", ACCOUNT, PENDING, "--wait"])["state"], "succeeded");
}

#[test]
fn clone_list_create_and_delete() {
    let f = Fixture::new();
    assert_eq!(f.json(&["servers", "clones", ACCOUNT, MAIL]), serde_json::json!([]));
    let job = f.json(&["servers", "clone", ACCOUNT, MAIL, "--wait"]);
    assert_eq!((job["kind"].as_str(), job["state"].as_str()), (Some("clone_create"), Some("succeeded")));
    let clones = f.json(&["servers", "clones", ACCOUNT, MAIL]);
    assert_eq!(clones[0]["status"], "Cloned successfully");
    let new = clones[0]["cloned_server_id"].as_str().unwrap();
    assert!(f.ok(&["servers", "list", "--json"]).contains(new));
    let clone = clones[0]["id"].as_str().unwrap().to_string();
    f.needs_yes(&["servers", "clone-delete", ACCOUNT, MAIL, &clone]);
    f.ok(&["servers", "clone-delete", ACCOUNT, MAIL, &clone, "--yes"]);
    assert_eq!(f.json(&["servers", "clones", ACCOUNT, MAIL]), serde_json::json!([]));
}

#[test]
fn addresses_add_and_remove() {
    let f = Fixture::new();
    let ips = f.json(&["servers", "ips", ACCOUNT, WEB]);
    assert_eq!((ips.as_array().unwrap().len(), ips[0]["role"].as_str()), (1, Some("main")));
    f.ok(&["servers", "ip-add", ACCOUNT, WEB, "--no-reboot"]);
    let ips = f.json(&["servers", "ips", ACCOUNT, WEB]);
    let added = ips[1]["ip"].as_str().unwrap().to_string();
    f.needs_yes(&["servers", "ip-remove", ACCOUNT, WEB, &added]);
    f.ok(&["servers", "ip-remove", ACCOUNT, WEB, &added, "--yes"]);
    assert_eq!(f.json(&["servers", "ips", ACCOUNT, WEB]).as_array().unwrap().len(), 1);
}

#[test]
fn usage_graphs_and_console() {
    let f = Fixture::new();
    let graphs = f.json(&["servers", "bandwidth", ACCOUNT, WEB]);
    assert_eq!((graphs[0]["id"].as_str(), graphs[1]["id"].as_str()), (Some("cpu"), Some("network")));
    assert!(f.ok(&["servers", "bandwidth", ACCOUNT, WEB]).contains("CPU use"));
    let day = f.json(&["servers", "bandwidth", ACCOUNT, WEB, "--from", "2026-01-10", "--to", "2026-01-10"]);
    let points = day[0]["series"][0]["points"].as_array().unwrap();
    assert_eq!((points.len(), points[0]["at"].as_str()), (25, Some("2026-01-10T00:00:00Z")));
    let err =
        f.fails(&["servers", "bandwidth", ACCOUNT, WEB, "--from", "2026-01-11T12:00:00Z", "--to", "2026-01-10"], 1);
    assert!(err.contains("must be after the start"), "{err}");
    f.fails(&["servers", "bandwidth", ACCOUNT, WEB, "--to", "2026-01-10"], 2);
    let console = f.json(&["servers", "console", ACCOUNT, WEB]);
    assert!(console["url"].as_str().unwrap().starts_with("vnc://"), "{console}");
    assert!(console.get("password").is_none());
}

#[test]
fn unsupported_extras_say_so() {
    let f = Fixture::new();
    let err = f.fails(&["servers", "reverse-list", ACCOUNT, WEB], 1);
    assert!(err.contains("VPS.NET cannot list IPv6 reverse DNS entries"), "{err}");
}

#[test]
fn templates_custom_offered_and_price() {
    let f = Fixture::new();
    let custom = f.json(&["templates", "custom", ACCOUNT]);
    assert_eq!((custom[0]["id"].as_str(), custom[0]["label"].as_str()), (Some("115"), Some("test_cus_temp")));
    f.needs_yes(&["templates", "custom-delete", ACCOUNT, "116"]);
    f.ok(&["templates", "custom-delete", ACCOUNT, "116", "--yes"]);
    assert_eq!(f.json(&["templates", "custom", ACCOUNT]).as_array().unwrap().len(), 1);
    let offered = f.json(&["templates", "offered", ACCOUNT]);
    assert_eq!(offered[0]["placements"][1]["template_id"], "234");
    let price = f.json(&["templates", "price", ACCOUNT, "15", "1899"]);
    assert_eq!(price["prices"][0], serde_json::json!({ "currency": "USD", "amount": "20.0" }));
    assert!(f.ok(&["templates", "price", ACCOUNT, "153", "92"]).contains("free"));
}

#[test]
fn templates_are_bought_only_with_yes() {
    let f = Fixture::new();
    f.needs_yes(&["templates", "buy", ACCOUNT, "windows", "1899"]);
    let err = f.fails(&["templates", "buy", ACCOUNT, "solaris", "1899", "--yes"], 1);
    assert!(err.contains("kind"), "{err}");
    f.ok(&["templates", "buy", ACCOUNT, "windows", "1899", "--yes"]);
    let licences = f.json(&["templates", "licenses", ACCOUNT]);
    assert!(licences.as_array().unwrap().iter().any(|l| l["kind"] == "windows" && l["template_id"] == "1899"));
}

#[test]
fn a_deleted_server_is_recovered() {
    let f = Fixture::new();
    assert_eq!(f.json(&["servers", "deleted", ACCOUNT]), serde_json::json!([]));
    f.ok(&["servers", "delete", ACCOUNT, STAGING, "--yes"]);
    let deleted = f.json(&["servers", "deleted", ACCOUNT]);
    assert_eq!((deleted[0]["id"].as_str(), deleted[0]["name"].as_str()), (Some(STAGING), Some("Staging")));
    let back = f.json(&["servers", "recover", ACCOUNT, STAGING]);
    assert_eq!(back["id"], STAGING);
    assert_eq!(f.json(&["servers", "deleted", ACCOUNT]), serde_json::json!([]));
}

#[test]
fn nodes_list_buy_and_remove() {
    let f = Fixture::new();
    let nodes = f.json(&["nodes", "list", ACCOUNT]);
    assert!(nodes.as_array().unwrap().iter().any(|n| n["kind"] == "storage" && n["server_id"] == WEB));
    f.needs_yes(&["nodes", "add", ACCOUNT, "ram", "--quantity", "2"]);
    let err = f.fails(&["nodes", "add", ACCOUNT, "gpu", "--yes"], 1);
    assert!(err.contains("kind"), "{err}");
    f.ok(&["nodes", "add", ACCOUNT, "ram", "--quantity", "2", "--yes"]);
    let rams: Vec<String> = f
        .json(&["nodes", "list", ACCOUNT])
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "ram")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rams.len(), 3);
    f.needs_yes(&["nodes", "delete", ACCOUNT, "ram", &rams[0]]);
    f.ok(&["nodes", "delete", ACCOUNT, "ram", &rams[0], "--yes"]);
    assert_eq!(
        f.json(&["nodes", "list", ACCOUNT]).as_array().unwrap().iter().filter(|n| n["kind"] == "ram").count(),
        2
    );
}

#[test]
fn server_resources_shown_and_edited_with_yes_for_more_nodes() {
    let f = Fixture::new();
    let now = f.json(&["servers", "resources", ACCOUNT, WEB]);
    assert_eq!(
        (now["name"].as_str(), now["nodes"].as_u64(), now["storage_nodes"].as_u64()),
        (Some("Web Server 01"), Some(1), Some(1))
    );
    assert!(f.ok(&["servers", "resources", ACCOUNT, WEB]).contains("Web Server 01"));
    let writes = |f: &Fixture| f.sandbox.requests(Provider::Vpsnet).iter().filter(|r| r.method == "PUT").count();
    // More nodes: the current values are read, nothing is changed without --yes.
    let err = f.fails(&["servers", "edit", ACCOUNT, WEB, "--ram-nodes", "1"], 2);
    assert!(err.contains("--yes") && err.contains("billed"), "{err}");
    let err = f.fails(&["servers", "edit", ACCOUNT, WEB, "--nodes", "2"], 2);
    assert!(err.contains("stops the server"), "{err}");
    f.fails(&["servers", "edit", ACCOUNT, WEB], 2);
    let err = f.fails(&["servers", "edit", ACCOUNT, WEB, "--consumer", "12a"], 1);
    assert!(err.starts_with("error: consumer_id") || err.contains("consumer"), "{err}");
    let err =
        f.fails(&["servers", "edit", ACCOUNT, WEB, "--nodes", "2", "--delay-storage-until", "24/04/2026", "--yes"], 1);
    assert!(err.contains("US Eastern"), "{err}");
    assert_eq!(writes(&f), 0);
    // Fewer or equal nodes need no --yes.
    let after =
        f.json(&["servers", "edit", ACCOUNT, WEB, "--consumer", "118", "--rsync-backups", "on", "--name", "web"]);
    assert_eq!(
        (after["consumer_id"].as_str(), after["rsync_backups"].as_bool(), after["name"].as_str()),
        (Some("118"), Some(true), Some("web"))
    );
    let after = f.json(&["servers", "edit", ACCOUNT, WEB, "--ram-nodes", "1", "--yes"]);
    assert_eq!(after["ram_nodes"], 1);
    assert_eq!(writes(&f), 2);
    f.needs_yes(&["servers", "upgrade-storage", ACCOUNT, MYSQL]);
    assert!(f.ok(&["servers", "upgrade-storage", ACCOUNT, MYSQL, "--yes"]).contains("storage upgrade requested"));
}

#[test]
fn a_nodes_consumer_id_is_set() {
    let f = Fixture::new();
    let nodes = f.json(&["nodes", "list", ACCOUNT]);
    let storage =
        nodes.as_array().unwrap().iter().find(|n| n["kind"] == "storage").unwrap()["id"].as_str().unwrap().to_string();
    let err = f.fails(&["nodes", "consumer", ACCOUNT, "storage", &storage, "abc"], 1);
    assert!(err.contains("consumer"), "{err}");
    assert!(f.ok(&["nodes", "consumer", ACCOUNT, "storage", &storage, "99"]).contains("consumer id set to 99"));
    let nodes = f.json(&["nodes", "list", ACCOUNT]);
    assert_eq!(nodes.as_array().unwrap().iter().find(|n| n["id"] == storage.as_str()).unwrap()["consumer_id"], "99");
}

#[test]
fn a_backup_is_converted_and_a_custom_template_edited() {
    let f = Fixture::new();
    let before = f.json(&["templates", "custom", ACCOUNT]).as_array().unwrap().len();
    assert!(f.ok(&["servers", "backup-convert", ACCOUNT, WEB, "3774"]).contains("custom template"));
    let list = f.json(&["templates", "custom", ACCOUNT]);
    assert_eq!(list.as_array().unwrap().len(), before + 1);
    f.ok(&[
        "templates",
        "custom-edit",
        ACCOUNT,
        "115",
        "--description",
        "Ubuntu with our stack",
        "--info",
        "from web01",
    ]);
    let list = f.json(&["templates", "custom", ACCOUNT]);
    assert_eq!(
        list.as_array().unwrap().iter().find(|t| t["id"] == "115").unwrap()["description"],
        "Ubuntu with our stack"
    );
    let err = f.fails(&["templates", "custom-edit", ACCOUNT, "115", "--description", " "], 1);
    assert!(err.contains("description"), "{err}");
    let err = f.fails(&["servers", "backup-convert", ACCOUNT, WEB, "abc"], 1);
    assert!(err.contains("backup"), "{err}");
}

#[test]
fn account_addresses_edited_reassigned_with_yes_and_justified() {
    let f = Fixture::new();
    let list = f.json(&["addresses", "list", ACCOUNT]);
    let web =
        list.as_array().unwrap().iter().find(|ip| ip["server_id"] == WEB).unwrap()["id"].as_str().unwrap().to_string();
    f.ok(&["addresses", "edit", ACCOUNT, &web, "--notes", "primary of web01", "--consumer", "58"]);
    let list = f.json(&["addresses", "list", ACCOUNT]);
    let edited = list.as_array().unwrap().iter().find(|ip| ip["id"] == web.as_str()).unwrap();
    assert_eq!((edited["notes"].as_str(), edited["consumer_id"].as_str()), (Some("primary of web01"), Some("58")));
    let out = f.ok(&["servers", "ip-add", ACCOUNT, WEB]);
    assert!(out.contains("IPv4 address added") && !out.contains("reboot"), "VPS.NET does not restart for it: {out}");
    let list = f.json(&["addresses", "list", ACCOUNT]);
    let added = list.as_array().unwrap().iter().find(|ip| ip["server_id"] == WEB && ip["id"] != web.as_str()).unwrap()
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    f.needs_yes(&["addresses", "reassign", ACCOUNT, &added, MYSQL]);
    assert!(f.ok(&["addresses", "reassign", ACCOUNT, &added, MYSQL, "--yes"]).contains("moved to server 1385"));
    f.needs_yes(&["addresses", "justify", ACCOUNT, WEB, "--website", "shop.example.com"]);
    let err = f.fails(&["addresses", "justify", ACCOUNT, WEB, "--website", "not a domain", "--yes"], 1);
    assert!(err.contains("reason"), "{err}");
    f.ok(&[
        "addresses",
        "justify",
        ACCOUNT,
        WEB,
        "--website",
        "shop.example.com",
        "--reason",
        "SSL for a second site",
        "--yes",
    ]);
    let justified = f.json(&["addresses", "justified", ACCOUNT]);
    assert_eq!(justified.as_array().unwrap().len(), 2);
    assert_eq!(justified[0]["kind"], "website");
}

#[test]
fn a_managed_service_is_transferred_with_yes() {
    let f = Fixture::new();
    f.needs_yes(&["servers", "managed-transfer", ACCOUNT, WEB, MYSQL]);
    let err = f.fails(&["servers", "managed-transfer", ACCOUNT, WEB, WEB, "--yes"], 1);
    assert!(err.contains("another server"), "{err}");
    assert!(f.ok(&["servers", "managed-transfer", ACCOUNT, WEB, MYSQL, "--yes"]).contains("moved to server 1385"));
    let managed = f.json(&["tickets", "managed", ACCOUNT]);
    assert!(managed.as_array().unwrap().iter().any(|m| m["server_id"] == MYSQL), "{managed}");
}

#[test]
fn catalog_lists_cloud_groups() {
    let f = Fixture::new();
    let groups = f.json(&["catalog", ACCOUNT, "cloud-groups"]);
    assert!(
        groups.as_array().unwrap().iter().any(|g| g["name"] == "UK" && g["clouds"].as_array().unwrap().len() == 1),
        "{groups}"
    );
    assert!(f.ok(&["catalog", ACCOUNT, "cloud-groups"]).contains("US"));
}

#[test]
fn licences_listed_bought_and_cancelled_with_yes() {
    let f = Fixture::new();
    let now = f.json(&["servers", "licences", ACCOUNT, WEB]);
    assert_eq!(now["offered_known"], true);
    let held: Vec<&str> = now["licences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["held"] == true)
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(held, ["cPanel"]);
    assert!(f.ok(&["servers", "licences", ACCOUNT, WEB]).contains("ISPmanager"));
    f.needs_yes(&["servers", "licence-buy", ACCOUNT, WEB, "6"]);
    let err = f.fails(&["servers", "licence-buy", ACCOUNT, WEB, "6", "--yes"], 1);
    assert!(err.contains("cancel cPanel (licence 1) first"), "{err}");
    let err = f.fails(&["servers", "licence-buy", ACCOUNT, WEB, "cpanel", "--yes"], 1);
    assert!(err.contains("licence id is a number"), "{err}");
    let out = f.ok(&["servers", "licence-buy", ACCOUNT, WEB, "3", "--yes"]);
    assert!(out.contains("Softaculous (licence 3) bought") && out.contains("cPanel, Softaculous"), "{out}");
    let err = f.fails(&["servers", "licence-cancel", ACCOUNT, WEB, "1"], 2);
    assert!(err.contains("cancelling cPanel (licence 1)") && err.contains("--yes"), "{err}");
    let out = f.ok(&["servers", "licence-cancel", ACCOUNT, WEB, "1", "--yes"]);
    assert!(out.contains("cPanel (licence 1) cancelled; licences now: none"), "the add-on went with it: {out}");
}

/// VPS.NET searches on its side, host names and domains included, which
/// vpsdesk's own match (name, id, address) could not find.
#[test]
fn servers_list_search_is_sent_to_vpsnet() {
    let f = Fixture::new();
    let ids = |v: Value| v.as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(f.json(&["servers", "list", "--account", ACCOUNT, "--search", "mx1"])), [MAIL]);
    assert_eq!(ids(f.json(&["servers", "list", "--account", ACCOUNT, "--search", "ssd cache"])), ["ssd-501"]);
    let stopped = f.json(&["servers", "list", "--account", ACCOUNT, "--search", "demodomain", "--status", "stopped"]);
    assert_eq!(ids(stopped.clone()), [STAGING]);
    assert_eq!(stopped[0]["status"], "stopped", "the full list, not basic=true: the status is read");
    let queries: Vec<String> = f.sandbox.requests(Provider::Vpsnet).into_iter().map(|r| r.query).collect();
    assert!(
        queries.contains(&"search=mx1".to_owned()) && queries.contains(&"search=demodomain".to_owned()),
        "{queries:?}"
    );
    assert!(queries.iter().all(|q| !q.contains("basic")), "{queries:?}");
}

/// `--consumer` asks VPS.NET for one consumer's nodes and addresses.
#[test]
fn nodes_and_addresses_list_by_consumer() {
    let f = Fixture::new();
    f.ok(&["nodes", "consumer", ACCOUNT, "storage", "7001", "58"]);
    let ips = f.json(&["addresses", "list", ACCOUNT]);
    let ip = ips[0]["id"].as_str().unwrap().to_owned();
    f.ok(&["addresses", "edit", ACCOUNT, &ip, "--consumer", "58"]);
    let nodes = f.json(&["nodes", "list", ACCOUNT, "--consumer", "58"]);
    assert_eq!(nodes.as_array().unwrap().len(), 1, "{nodes}");
    assert_eq!((nodes[0]["id"].as_str(), nodes[0]["consumer_id"].as_str()), (Some("7001"), Some("58")));
    let mine = f.json(&["addresses", "list", ACCOUNT, "--consumer", "58"]);
    assert_eq!(mine.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect::<Vec<_>>(), [ip.as_str()]);
    assert!(f.json(&["addresses", "list", ACCOUNT, "--consumer", "59"]).as_array().unwrap().is_empty());
    let queries: Vec<String> = f.sandbox.requests(Provider::Vpsnet).into_iter().map(|r| r.query).collect();
    assert!(queries.contains(&"type=storage&consumer_id=58".to_owned()), "{queries:?}");
    assert!(queries.contains(&"consumer_id=58".to_owned()), "{queries:?}");
    let before = f.sandbox.requests(Provider::Vpsnet).len();
    let err = f.fails(&["nodes", "list", ACCOUNT, "--consumer", "0"], 1);
    assert!(err.contains("consumer id of 1 or more"), "{err}");
    let err = f.fails(&["addresses", "list", ACCOUNT, "--consumer", "abc"], 1);
    assert!(err.contains("a consumer id is a number"), "{err}");
    assert_eq!(f.sandbox.requests(Provider::Vpsnet).len(), before, "bad consumer ids are not sent");
}

/// Licences bought with a new server only with --yes (billed), one control
/// panel at most; an instant server from a country alone, named afterwards.
#[test]
fn create_with_licences_and_instant() {
    let f = Fixture::new();
    let order = ["servers", "create", ACCOUNT, "--name", "Panel box", "--plan", "1", "--image", "92", "--region", "12"];
    let with = |extra: &[&'static str]| order.iter().copied().chain(extra.iter().copied()).collect::<Vec<_>>();
    let err = f.fails(&with(&["--licence", "1"]), 2);
    assert!(err.contains("billed every month") && err.contains("--yes"), "{err}");
    let err = f.fails(&with(&["--licence", "1", "--licence", "6", "--yes"]), 1);
    assert!(err.contains("one control panel"), "{err}");
    let created = f.json(&with(&["--licence", "1", "--yes"]));
    let id = created["id"].as_str().unwrap().to_owned();
    let held = f.json(&["servers", "licences", ACCOUNT, &id]);
    let held: Vec<&str> = held["licences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["held"] == true)
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(held, ["1"]);

    let err =
        f.fails(&["servers", "create", ACCOUNT, "--name", "Quick", "--instant", "--country", "1", "--plan", "2"], 1);
    assert!(err.contains("plan") && err.contains("country alone"), "{err}");
    f.fails(&["servers", "create", ACCOUNT, "--name", "Quick", "--instant"], 2);
    let instant = f.json(&["servers", "create", ACCOUNT, "--name", "Quick", "--instant", "--country", "1"]);
    assert_eq!(instant["name"], "Quick", "named with the edit after the instant create");
    let err = f.fails(&["servers", "create", ACCOUNT, "--name", "Far", "--instant", "--country", "99"], 1);
    assert!(err.contains("has no instant servers"), "{err}");
}

/// SSD VPS sit in the inventory beside the cloud servers (ids `ssd-…`),
/// are created on an SSD cloud with an SSD plan, powered and deleted on
/// their own paths; what only cloud servers have is refused, nothing sent.
#[test]
fn ssd_vps_beside_the_cloud_servers() {
    let f = Fixture::new();
    let all = f.json(&["servers", "list", "--account", ACCOUNT]);
    let ssd = all.as_array().unwrap().iter().find(|s| s["id"] == "ssd-501").expect("the seed's SSD VPS is listed");
    assert_eq!((ssd["name"].as_str(), ssd["status"].as_str()), (Some("SSD cache"), Some("running")));
    assert_eq!(
        ssd["capabilities"],
        serde_json::json!(["servers.start", "servers.stop", "servers.force_stop", "servers.reboot", "servers.delete"]),
        "an SSD VPS says it supports only power and delete"
    );
    assert!(
        all.as_array().unwrap().iter().filter(|s| s["id"] != "ssd-501").all(|s| s.get("capabilities").is_none()),
        "a cloud server's JSON is as before"
    );
    let regions = f.json(&["catalog", ACCOUNT, "regions"]);
    assert!(
        regions.as_array().unwrap().iter().any(|r| r["id"] == "ssd-160" && r["name"] == "test SSD cloud (SSD VPS)"),
        "{regions}"
    );
    let plans = f.json(&["catalog", ACCOUNT, "plans", "--region", "ssd-160"]);
    assert_eq!(plans.as_array().unwrap().len(), 5, "{plans}");

    let err = f.fails(
        &["servers", "create", ACCOUNT, "--name", "cache02", "--plan", "9", "--image", "92", "--region", "ssd-160"],
        1,
    );
    assert!(err.contains("SSD VPS plan is 1 to 5"), "{err}");
    let created = f.json(&[
        "servers", "create", ACCOUNT, "--name", "cache02", "--plan", "2", "--image", "92", "--region", "ssd-160",
    ]);
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("ssd-"), "{created}");
    assert_eq!(created["region"], "SSD cloud 160");
    f.ok(&["servers", "stop", ACCOUNT, &id]);
    assert_eq!(f.json(&["servers", "show", ACCOUNT, &id])["status"], "stopped");
    let paths: Vec<String> =
        f.sandbox.requests(Provider::Vpsnet).into_iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    let n = id.trim_start_matches("ssd-");
    assert!(paths.contains(&format!("POST /ssd_virtual_machines/{n}/shutdown.api10json")), "{paths:?}");

    let before = f.sandbox.requests(Provider::Vpsnet).len();
    let err = f.fails(&["servers", "backups", ACCOUNT, &id], 1);
    assert!(err.contains("is an SSD VPS"), "{err}");
    let err = f.fails(&["servers", "rename", ACCOUNT, &id, "other"], 1);
    assert!(err.contains("rename an SSD VPS"), "{err}");
    assert_eq!(f.sandbox.requests(Provider::Vpsnet).len(), before, "refused before sending");
    f.ok(&["servers", "delete", ACCOUNT, &id, "--yes"]);
    let after = f.json(&["servers", "list", "--account", ACCOUNT]);
    assert!(after.as_array().unwrap().iter().all(|s| s["id"] != id.as_str()));
}
