//! `vpsctl tickets` per CLI.md, end to end: the real binary against the
//! VPS.NET simulator with private XDG dirs and the real keychain. Root and
//! SSH credentials go in through a file, never argv, and must show up in no
//! output and no file of the app.

mod support;

use std::ops::Deref;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{assert_error_line, files_under, Fixture};
use vpsdesk_sandbox::Provider;

const ROOT_PASSWORD: &str = "Cli-t1cket-r00t-PW";
const SSH_PASSWORD: &str = "Cli-t1cket-ssh-PW";

/// Accounts `vpsnet` and `vultr`; no output may show a credential.
struct Tickets {
    f: Fixture,
    /// Where the secrets files live: outside the app's dirs.
    elsewhere: tempfile::TempDir,
}

impl Deref for Tickets {
    type Target = Fixture;

    fn deref(&self) -> &Fixture {
        &self.f
    }
}

impl Tickets {
    fn new() -> Tickets {
        let f = Fixture::new().never_showing(&[ROOT_PASSWORD, SSH_PASSWORD]);
        for provider in [Provider::Vpsnet, Provider::Vultr] {
            f.add_verified(provider, provider.id());
        }
        Tickets { f, elsewhere: tempfile::tempdir().unwrap() }
    }

    fn secrets_file(&self, text: &str) -> String {
        let path = self.elsewhere.path().join("staff-access");
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn vpsnet_requests(&self) -> usize {
        self.sandbox.requests(Provider::Vpsnet).len()
    }

    fn wait_for_staff(&self, id: &str, after: usize) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let t = self.json(&["tickets", "show", "vpsnet", id, "--json"]);
            let messages = t["messages"].as_array().unwrap();
            if messages.len() > after && messages.last().unwrap()["staff"] == true {
                return t;
            }
            assert!(Instant::now() < deadline, "no staff answer on ticket {id}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn list_and_show_give_the_documented_fields() {
    let f = Tickets::new();
    let list = f.json(&["tickets", "list", "vpsnet", "--json"]);
    let list = list.as_array().unwrap();
    assert!(list.len() >= 4);
    for t in list {
        for field in ["id", "subject", "status", "department"] {
            assert!(t[field].is_string(), "{field} is a string in {t}");
        }
    }
    let doc = list.iter().find(|t| t["id"] == "979").expect("the doc's ticket");
    assert_eq!(doc["subject"], "API test subject");
    assert_eq!(doc["status"], "open");
    assert_eq!(doc["department"], "Billing");
    assert_eq!(doc["last_response_by"], "staff");

    let closed = f.json(&["tickets", "list", "vpsnet", "--status", "closed", "--json"]);
    assert!(closed.as_array().unwrap().iter().all(|t| t["status"] == "closed"));
    assert!(f.ok(&["tickets", "list", "vpsnet"]).contains("API test subject"), "the human table");
    assert_error_line(&f.run(&["tickets", "list", "vpsnet", "--status", "pending"]), 2, "open, closed or hold");

    let shown = f.json(&["tickets", "show", "vpsnet", "979", "--json"]);
    assert_eq!(shown["id"], "979");
    assert_eq!(shown["subject"], "API test subject");
    let messages = shown["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!((messages[0]["author"].as_str(), messages[0]["staff"].as_bool()), (Some("customer"), Some(false)));
    assert_eq!((messages[1]["author"].as_str(), messages[1]["staff"].as_bool()), (Some("staff"), Some(true)));
    assert_eq!(messages[0]["time"], "2010-08-06T12:28:16Z", "the doc's 08:28:16-04:00 in UTC");
    assert_eq!(messages[0]["body"], "Test ticket comment");
    assert!(f.ok(&["tickets", "show", "vpsnet", "979"]).contains("Test ticket comment"));
    assert_error_line(&f.run(&["tickets", "show", "vpsnet", "424242"]), 1, "no ticket 424242");
}

#[test]
fn open_reply_and_close_a_server_issue_with_credentials_from_a_file() {
    let f = Tickets::new();
    let file = f.secrets_file(&format!(
        "# for VPS.NET staff\nroot_password={ROOT_PASSWORD}\nssh_port=2222\nssh_user=admin\nssh_password = {SSH_PASSWORD}\n"
    ));
    let args = [
        "tickets",
        "open",
        "vpsnet",
        "--subject",
        "Web01 is down",
        "--department",
        "server issue",
        "--server",
        "1384",
        "--issue",
        "reboot",
        "--secrets-file",
        &file,
        "--json",
    ];
    let opened: Value = serde_json::from_str(&f.ok_with(&args, "It stopped answering at 10:00.\n")).unwrap();
    let id = opened["id"].as_str().expect("the new ticket's id, a string").to_string();
    assert_eq!(opened["status"], "open");
    assert_eq!(opened["department"], "Server issue");

    let thread = f.wait_for_staff(&id, 1);
    assert!(thread["messages"][0]["body"].as_str().unwrap().contains("It stopped answering"));
    let listed = f.json(&["tickets", "list", "vpsnet", "--json"]);
    assert!(listed.as_array().unwrap().iter().any(|t| t["id"] == id.as_str()));

    let root_only = f.secrets_file(&format!("root_password={ROOT_PASSWORD}\n"));
    let said = f.ok_with(&["tickets", "reply", "vpsnet", &id, "--secrets-file", &root_only], "Thanks, it is back.\n");
    assert!(said.contains(&format!("replied to ticket {id}")));
    let thread = f.wait_for_staff(&id, 3);
    assert_eq!(thread["messages"][2]["body"], "Thanks, it is back.");

    // Closing is not destructive (CLI.md): no --yes.
    f.ok(&["tickets", "close", "vpsnet", &id]);
    assert_eq!(f.json(&["tickets", "show", "vpsnet", &id, "--json"])["status"], "closed");

    for path in files_under(f.home.path()) {
        let data = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&data);
        assert!(!text.contains(ROOT_PASSWORD) && !text.contains(SSH_PASSWORD), "{} holds a credential", path.display());
    }
}

#[test]
fn department_by_id_and_the_human_output() {
    let f = Tickets::new();
    let out = f.ok_with(
        &["tickets", "open", "vpsnet", "--subject", "Invoice 1234", "--department", "1"],
        "Please resend it.\n",
    );
    assert!(out.contains("Invoice 1234") && out.contains("Billing"), "{out}");
    let wp = f.ok_with(
        &[
            "tickets",
            "open",
            "vpsnet",
            "--subject",
            "Plugin",
            "--department",
            "Wordpress",
            "--domain",
            "www.test.com",
            "--json",
        ],
        "The plugin page is blank.\n",
    );
    assert_eq!(serde_json::from_str::<Value>(&wp).unwrap()["department"], "Wordpress");
}

#[test]
fn the_rules_are_checked_before_any_request() {
    let f = Tickets::new();
    let before = f.vpsnet_requests();
    let open = |extra: &[&str], body: &str| {
        let mut args = vec!["tickets", "open", "vpsnet", "--subject", "Help"];
        args.extend_from_slice(extra);
        f.run_with(&args, body)
    };
    assert_error_line(&open(&["--department", "Legal"], "x\n"), 1, "unknown department");
    assert_error_line(&open(&["--department", "Cloud Hosting"], "x\n"), 1, "domain_name");
    assert_error_line(&open(&["--department", "3", "--domain", "not a domain"], "x\n"), 1, "domain_name");
    assert_error_line(&open(&["--department", "5", "--issue", "reboot"], "x\n"), 1, "server");
    assert_error_line(&open(&["--department", "5", "--server", "1384"], "x\n"), 1, "issue");
    assert_error_line(
        &open(&["--department", "5", "--server", "1384", "--issue", "coffee"], "x\n"),
        1,
        "unknown issue type",
    );
    assert_error_line(&open(&["--department", "Billing"], "  \n"), 1, "message is empty");
    let port = f.secrets_file(&format!("root_password={ROOT_PASSWORD}\nssh_port=70000\n"));
    assert_error_line(
        &open(&["--department", "5", "--server", "1384", "--issue", "reboot", "--secrets-file", &port], "x\n"),
        1,
        "1 to 65535",
    );
    let billing_with_password = f.secrets_file(&format!("root_password={ROOT_PASSWORD}\n"));
    assert_error_line(
        &open(&["--department", "Billing", "--secrets-file", &billing_with_password], "x\n"),
        1,
        "server issue",
    );
    let unknown_key = f.secrets_file(&format!("password={ROOT_PASSWORD}\n"));
    assert_error_line(&open(&["--department", "Billing", "--secrets-file", &unknown_key], "x\n"), 1, "unknown key");
    assert_eq!(f.vpsnet_requests(), before, "nothing was sent");

    // Credentials have no flag: argv is never a way in.
    let argv = f
        .run_with(&["tickets", "open", "vpsnet", "--subject", "x", "--department", "5", "--root-password", "x"], "x\n");
    assert_eq!(argv.status.code(), Some(2));
}

#[test]
fn a_provider_without_a_ticket_api_says_where_to_go() {
    let f = Tickets::new();
    let before = f.sandbox.requests(Provider::Vultr).len();
    let out = f.run(&["tickets", "list", "vultr"]);
    assert_error_line(&out, 1, "no support-ticket API");
    assert!(String::from_utf8_lossy(&out.stderr).contains("https://my.vultr.com/"));
    assert_error_line(
        &f.run_with(&["tickets", "open", "vultr", "--subject", "x", "--department", "1"], "x\n"),
        1,
        "no support-ticket API",
    );
    assert_eq!(f.sandbox.requests(Provider::Vultr).len(), before, "nothing was sent");
}

#[test]
fn managed_services_list() {
    let f = Tickets::new();
    let list = f.json(&["tickets", "managed", "vpsnet", "--json"]);
    assert!(list.as_array().unwrap().iter().any(|m| m["server_id"] == "520" && m["support_ip"] == "68.169.47.56"));
}
