//! The real vpsctl binary against the sandbox, with private XDG dirs and the
//! real keychain (run inside a D-Bus session with gnome-keyring unlocked, as
//! scripts/test.sh does). Shared by every vpsctl test file.
#![allow(dead_code)] // each test file uses its own part

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use vpsdesk_sandbox::{DemoAccount, Options, Provider, Sandbox};

pub struct Fixture {
    pub rt: tokio::runtime::Runtime,
    pub sandbox: Sandbox,
    pub home: tempfile::TempDir,
    http_timeout_secs: u64,
    /// Texts that must show up on no stdout or stderr (credentials a test sends).
    never_shown: Vec<&'static str>,
    /// Accounts added through the fixture: their keychain entries are the
    /// machine's own, so they are removed again on drop.
    added: RefCell<Vec<String>>,
}

pub fn demo(p: Provider) -> DemoAccount {
    vpsdesk_sandbox::demo_accounts().into_iter().find(|d| d.provider == p).unwrap()
}

impl Fixture {
    /// Transient states (booting, pending jobs) last 150 ms.
    pub fn new() -> Fixture {
        Fixture::with_transition_ms(150)
    }

    pub fn with_transition_ms(transition_ms: u64) -> Fixture {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let sandbox = rt.block_on(Sandbox::start(Options { transition_ms, ..Options::default() })).unwrap();
        Fixture {
            rt,
            sandbox,
            home: tempfile::tempdir().unwrap(),
            http_timeout_secs: 3,
            never_shown: Vec::new(),
            added: RefCell::new(Vec::new()),
        }
    }

    /// vpsctl's `VPSDESK_HTTP_TIMEOUT_SECS` (3 unless set here).
    pub fn http_timeout(mut self, secs: u64) -> Fixture {
        self.http_timeout_secs = secs;
        self
    }

    /// Every `run`, `ok` and `json` checks that none of `texts` was printed.
    pub fn never_showing(mut self, texts: &[&'static str]) -> Fixture {
        self.never_shown.extend_from_slice(texts);
        self
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::from_std(self.process(args));
        c.timeout(Duration::from_secs(90));
        c
    }

    /// The same run as a plain process, for a test that watches it while it runs.
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("vpsctl"));
        c.args(args)
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("VPSDESK_HTTP_TIMEOUT_SECS", self.http_timeout_secs.to_string());
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, "")
    }

    /// Runs with `stdin` as its standard input.
    pub fn run_with(&self, args: &[&str], stdin: &str) -> Output {
        let out = self.cmd(args).write_stdin(stdin.to_string()).output().unwrap();
        for text in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(text);
            assert!(!self.never_shown.iter().any(|t| text.contains(t)), "a credential was printed: {text}");
        }
        out
    }

    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_with(args, "")
    }

    /// Stdout of a run that must succeed.
    pub fn ok_with(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, stdin);
        assert!(out.status.success(), "vpsctl {args:?} failed: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    }

    /// The parsed output of a run that must succeed; `--json` is added when
    /// `args` lack it.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        if !args.contains(&"--json") {
            args.push("--json");
        }
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    /// Fails with `code`, one `error:` line and nothing on stdout; returns it.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(code), "vpsctl {args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: ") && err.trim_end().lines().count() == 1, "{err}");
        err
    }

    /// A destructive command without --yes: usage error, nothing sent.
    pub fn needs_yes(&self, args: &[&str]) {
        let before = self.all_requests();
        let err = self.fails(args, 2);
        assert!(err.contains("--yes"), "{err}");
        assert_eq!(self.all_requests(), before, "nothing was sent for {args:?}");
    }

    /// Adds `p`'s demo account under `name`, without a verifying request.
    pub fn add(&self, p: Provider, name: &str) {
        self.add_demo(p, name, &["--no-verify"]);
    }

    /// Adds `p`'s demo account under `name`, verified by vpsctl as a user's would be.
    pub fn add_verified(&self, p: Provider, name: &str) {
        self.add_demo(p, name, &[]);
    }

    fn add_demo(&self, p: Provider, name: &str, extra: &[&str]) {
        let d = demo(p);
        let endpoint = self.sandbox.endpoint(p).unwrap();
        let mut args = vec!["accounts", "add", "--provider", p.id(), "--name", name, "--endpoint", &endpoint];
        args.extend_from_slice(extra);
        if let Some(u) = d.username {
            args.extend(["--username", u]);
        }
        if let Some(r) = d.region {
            args.extend(["--region", r]);
        }
        let out = self.cmd(&args).write_stdin(format!("{}\n", d.secret)).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        self.added.borrow_mut().push(name.to_string());
    }

    /// Every request any simulator has seen, in provider order.
    pub fn all_requests(&self) -> usize {
        Provider::ALL.iter().map(|p| self.sandbox.requests(*p).len()).sum()
    }

    pub fn accounts_file(&self) -> PathBuf {
        self.home.path().join("config/vpsdesk/accounts.json")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        for name in self.added.borrow().iter() {
            let _ = self.cmd(&["accounts", "remove", name]).output();
        }
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A failure: `code`, an `error:` line holding `needle` (any case), nothing on stdout.
pub fn assert_error_line(o: &Output, code: i32, needle: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert!(err.starts_with("error:"), "stderr must start with error: {err}");
    assert!(err.to_lowercase().contains(&needle.to_lowercase()), "{needle:?} not in {err}");
    assert!(o.stdout.is_empty(), "nothing on stdout on failure: {}", stdout(o));
}

/// Every file below `dir`, to look for what must not be written.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}
