//! The fault matrix: every transport and status fault of the sandbox against
//! every provider, through the `AppService` the app and vpsctl share. For each cell:
//! a clear error of the expected kind with no secret in it, reads retried
//! within the budget and writes sent once, no server created twice, and the
//! four other accounts still listed in the same inventory call.
//!
//! `docs/faults.md` is this file's `expected` table; it is checked here and
//! rewritten with `VPSDESK_WRITE_FAULTS_DOC=1 cargo test -p vpsdesk-core --test faults`.
//! The service reads secrets from the real keychain: run under a D-Bus session
//! with an unlocked keyring.

use std::time::Duration;

use vpsdesk_core::accounts::Account;
use vpsdesk_core::model::CreateServer;
use vpsdesk_core::providers::{self, Sizing};
use vpsdesk_core::{AppService, ErrorKind};
use vpsdesk_sandbox::{Faults, LoggedRequest, Options, Provider, Sandbox};

mod common;
use common::{add_demo, private_service, test_http};

const RETRIES: u32 = 2;
const TIMEOUT_MS: u64 = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    Status500,
    Status502,
    Status503RetryAfter,
    Status429,
    Timeout,
    ConnectionReset,
    TruncatedBody,
    MalformedBody,
    HtmlErrorPage,
    SlowDrip,
}

const ALL: [Fault; 10] = [
    Fault::Status500,
    Fault::Status502,
    Fault::Status503RetryAfter,
    Fault::Status429,
    Fault::Timeout,
    Fault::ConnectionReset,
    Fault::TruncatedBody,
    Fault::MalformedBody,
    Fault::HtmlErrorPage,
    Fault::SlowDrip,
];

impl Fault {
    fn label(self) -> &'static str {
        match self {
            Fault::Status500 => "500",
            Fault::Status502 => "502",
            Fault::Status503RetryAfter => "503 + Retry-After: 1",
            Fault::Status429 => "429 + Retry-After: 1",
            Fault::Timeout => "timeout (no answer)",
            Fault::ConnectionReset => "connection reset",
            Fault::TruncatedBody => "truncated body",
            Fault::MalformedBody => "malformed body (200 HTML)",
            Fault::HtmlErrorPage => "HTML error page (502 from a proxy)",
            Fault::SlowDrip => "slow drip (1 byte / 50 ms)",
        }
    }

    /// Every request is faulted until the switch is cleared.
    fn switches(self) -> Faults {
        let status = |code| Faults { fail_status: Some(code), ..Faults::default() };
        match self {
            Fault::Status500 => status(500),
            Fault::Status502 => status(502),
            Fault::Status503RetryAfter => Faults { retry_after: Some(1), ..status(503) },
            Fault::Status429 => Faults { retry_after: Some(1), ..status(429) },
            Fault::Timeout => Faults { hang: true, ..Faults::default() },
            Fault::ConnectionReset => Faults { reset: true, ..Faults::default() },
            Fault::TruncatedBody => Faults { cut_body: Some(u32::MAX), ..Faults::default() },
            Fault::MalformedBody => Faults { malformed: true, ..Faults::default() },
            Fault::HtmlErrorPage => Faults { html_error: true, ..status(502) },
            Fault::SlowDrip => Faults { drip_ms: Some(50), ..Faults::default() },
        }
    }
}

/// What a user sees for one fault at one provider.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    kind: ErrorKind,
    /// Whether a read is sent again (within the retry budget).
    read_retried: bool,
    /// Whether the create's POST is sent (once); CloudSigma's create reads
    /// the library drive it clones first, and the fault strikes there.
    posted: bool,
    /// Whether the create reached the provider before the fault struck, so
    /// exactly one server exists afterwards (none otherwise).
    created_once: bool,
}

/// The matrix. The kinds are the same for every provider: the status
/// meanings and the retry policy are shared (`providers::common`, `http`).
fn expected(fault: Fault, provider: Provider) -> Expected {
    let (kind, read_retried, created_once) = match fault {
        Fault::Status500 => (ErrorKind::Provider, false, false),
        Fault::Status502 | Fault::HtmlErrorPage => (ErrorKind::Unreachable, true, false),
        Fault::Status503RetryAfter => (ErrorKind::Unreachable, true, false),
        Fault::Status429 => (ErrorKind::RateLimited, true, false),
        Fault::Timeout => (ErrorKind::Timeout, false, false),
        Fault::ConnectionReset => (ErrorKind::Unreachable, true, false),
        Fault::TruncatedBody => (ErrorKind::Unreachable, true, true),
        Fault::MalformedBody => (ErrorKind::Provider, false, false),
        Fault::SlowDrip => (ErrorKind::Timeout, false, true),
    };
    let posted = provider != Provider::Cloudsigma;
    Expected { kind, read_retried, posted, created_once: created_once && posted }
}

fn kind_name(kind: ErrorKind) -> String {
    serde_json::to_value(kind).unwrap().as_str().unwrap().to_string()
}

fn cell(e: &Expected) -> String {
    let read = if e.read_retried { format!("{} tries", 1 + RETRIES) } else { "1 try".to_string() };
    let post = if e.posted { "POST once" } else { "no POST" };
    let create = if e.created_once { "1 server created" } else { "nothing created" };
    format!("`{}`: read {read}, {post}, {create}", kind_name(e.kind))
}

fn table() -> String {
    let mut out = String::from("| fault | ");
    out += &Provider::ALL.map(|p| p.id()).join(" | ");
    out += " |\n|---|";
    out += &"---|".repeat(Provider::ALL.len());
    out += "\n";
    for f in ALL {
        out += &format!("| {} | ", f.label());
        out += &Provider::ALL.map(|p| cell(&expected(f, p))).join(" | ");
        out += " |\n";
    }
    out
}

const DOC_START: &str = "<!-- fault-table:start (generated by src-tauri/core/tests/faults.rs) -->\n";
const DOC_END: &str = "<!-- fault-table:end -->";

#[test]
fn docs_table_matches_the_matrix() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/faults.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (head, rest) = doc.split_once(DOC_START).expect("docs/faults.md has the table markers");
    let (_, tail) = rest.split_once(DOC_END).expect("docs/faults.md has the end marker");
    let fresh = format!("{head}{DOC_START}{}{DOC_END}{tail}", table());
    if std::env::var_os("VPSDESK_WRITE_FAULTS_DOC").is_some() {
        std::fs::write(&path, fresh).unwrap();
    } else {
        assert!(doc == fresh, "docs/faults.md is stale; rerun with VPSDESK_WRITE_FAULTS_DOC=1");
    }
}

struct Env {
    sandbox: Sandbox,
    service: AppService,
    accounts: Vec<(Provider, Account, &'static str)>,
    _dir: tempfile::TempDir,
}

impl Env {
    async fn new() -> Env {
        let sandbox = Sandbox::start(Options { transition_ms: 150, ..Options::default() }).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let timeout = Duration::from_millis(TIMEOUT_MS);
        let service = private_service(dir.path(), "vpsdesk-test-faults", test_http(timeout, timeout, RETRIES));
        let mut accounts = Vec::new();
        for demo in vpsdesk_sandbox::demo_accounts() {
            let added = add_demo(&service, &sandbox, demo.provider).await;
            accounts.push((demo.provider, added, demo.secret));
        }
        Env { sandbox, service, accounts, _dir: dir }
    }

    fn account(&self, p: Provider) -> &Account {
        &self.accounts.iter().find(|(q, ..)| *q == p).unwrap().1
    }

    async fn create_request(&self, account: &Account) -> CreateServer {
        let region = self.service.regions(account).await.unwrap().into_iter().next().map(|r| r.id);
        let image = self.service.images(account, region.as_deref()).await.unwrap().into_iter().next().map(|i| i.id);
        let (plan, cpu_mhz, mem_mb) = match providers::info(account.provider).sizing {
            Sizing::Plans => {
                let plans = self.service.plans(account, region.as_deref()).await.unwrap();
                (Some(plans[0].id.clone()), None, None)
            }
            Sizing::Free => (None, Some(1000), Some(1024)),
        };
        CreateServer { name: "fault-box".into(), plan, image, region, cpu_mhz, mem_mb, ..CreateServer::default() }
    }

    fn log_since(&self, p: Provider, from: usize) -> Vec<LoggedRequest> {
        self.sandbox.requests(p)[from..].to_vec()
    }
}

/// The error reads as a sentence for a person: no markup, no secret.
fn assert_clear(e: &vpsdesk_core::Error, secrets: &[&str], what: &str) {
    assert!(!e.message.trim().is_empty(), "{what}: empty message");
    assert!(!e.message.contains('<'), "{what}: markup in {:?}", e.message);
    for s in secrets {
        assert!(!format!("{e:?}").contains(s), "{what}: a secret leaked into {e:?}");
    }
}

async fn run(fault: Fault, provider: Provider) {
    let env = Env::new().await;
    let want = expected(fault, provider);
    let secrets: Vec<&str> = env.accounts.iter().map(|(_, _, s)| *s).collect();
    let all: Vec<Account> = env.accounts.iter().map(|(_, a, _)| a.clone()).collect();
    let target = env.account(provider).clone();
    // The keychain is read once per account, before any clock runs: its
    // D-Bus calls block, and five matrices share one keyring daemon.
    for a in &all {
        env.service.client(a).unwrap();
    }
    let healthy = env.service.inventory(&all).await;
    assert!(healthy.errors.is_empty(), "{:?}", healthy.errors);
    let others = healthy.servers.iter().filter(|s| s.account_id != target.id).count();
    let request = env.create_request(&target).await;
    let servers_before = env.service.servers_of(&target).await.unwrap().len();
    let what = format!("{} at {}", fault.label(), provider.id());

    // A read: the faulted account fails alone, the four others answer.
    env.sandbox.set_faults(provider, fault.switches());
    let from = env.sandbox.requests(provider).len();
    let inv = env.service.inventory(&all).await;
    assert_eq!(inv.errors.len(), 1, "{what}: {:?}", inv.errors);
    let error = &inv.errors[0];
    assert_eq!(error.account_id, target.id, "{what}");
    assert_eq!(error.error.kind, want.kind, "{what}: {}", error.error.message);
    assert_clear(&error.error, &secrets, &what);
    assert_eq!(inv.servers.len(), others, "{what}: the other accounts' servers are all listed");
    let tries = env.log_since(provider, from).len() as u32;
    let want_tries = if want.read_retried { 1 + RETRIES } else { 1 };
    assert_eq!(tries, want_tries, "{what}: read attempts");

    // A create: sent once whatever happened, so never two servers.
    let from = env.sandbox.requests(provider).len();
    let e = env.service.create(&target, &request).await.unwrap_err();
    assert_eq!(e.kind, want.kind, "{what} (create): {}", e.message);
    assert_clear(&e, &secrets, &what);
    let sent = env.log_since(provider, from);
    let writes: Vec<_> = sent.iter().filter(|r| r.method != "GET").collect();
    assert_eq!(writes.len(), usize::from(want.posted), "{what}: the create was sent at most once: {sent:?}");

    env.sandbox.set_faults(provider, Faults::default());
    let servers_after = env.service.servers_of(&target).await.unwrap().len();
    let created = usize::from(want.created_once);
    assert_eq!(servers_after, servers_before + created, "{what}: servers before and after");
}

/// Runs the five provider cells of one fault side by side (they mostly wait
/// on timeouts and `Retry-After`), each on its own thread, runtime and
/// sandbox, and names every provider whose cell failed.
fn cells(fault: Fault) {
    std::thread::scope(|scope| {
        let handles = Provider::ALL.map(|p| {
            scope.spawn(move || {
                let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
                rt.block_on(run(fault, p));
            })
        });
        let failed: Vec<&str> =
            handles.into_iter().zip(Provider::ALL).filter_map(|(h, p)| h.join().is_err().then_some(p.id())).collect();
        assert!(failed.is_empty(), "{} failed at {failed:?} (the panics above say why)", fault.label());
    });
}

macro_rules! matrix {
    ($($fault:ident => $variant:expr),* $(,)?) => {$(
        #[test]
        fn $fault() {
            cells($variant);
        }
    )*};
}

matrix! {
    status_500 => Fault::Status500,
    status_502 => Fault::Status502,
    status_503_retry_after => Fault::Status503RetryAfter,
    status_429 => Fault::Status429,
    timeout => Fault::Timeout,
    connection_reset => Fault::ConnectionReset,
    truncated_body => Fault::TruncatedBody,
    malformed_body => Fault::MalformedBody,
    html_error_page => Fault::HtmlErrorPage,
    slow_drip => Fault::SlowDrip,
}
