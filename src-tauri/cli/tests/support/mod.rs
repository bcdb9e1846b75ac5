//! The real vpsctl binary against the sandbox, with private XDG dirs and the
//! real keychain, for the hardening tests (faults, bad input, store safety).
#![allow(dead_code)] // each test file uses its own part

use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use vpsdesk_sandbox::{DemoAccount, Options, Provider, Sandbox};

pub struct Fixture {
    _rt: tokio::runtime::Runtime,
    pub sandbox: Sandbox,
    pub home: tempfile::TempDir,
}

pub fn demo(p: Provider) -> DemoAccount {
    vpsdesk_sandbox::demo_accounts().into_iter().find(|d| d.provider == p).unwrap()
}

impl Fixture {
    pub fn new() -> Fixture {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let sandbox = rt.block_on(Sandbox::start(Options { transition_ms: 150, ..Options::default() })).unwrap();
        Fixture { _rt: rt, sandbox, home: tempfile::tempdir().unwrap() }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("vpsctl").unwrap();
        c.args(args)
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("VPSDESK_HTTP_TIMEOUT_SECS", "2")
            .timeout(Duration::from_secs(60));
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Adds `p`'s demo account under `name`, without a verifying request.
    pub fn add(&self, p: Provider, name: &str) {
        let d = demo(p);
        let endpoint = self.sandbox.endpoint(p).unwrap();
        let mut args = vec!["accounts", "add", "--provider", p.id(), "--name", name, "--endpoint", &endpoint, "--no-verify"];
        if let Some(u) = d.username {
            args.extend(["--username", u]);
        }
        if let Some(r) = d.region {
            args.extend(["--region", r]);
        }
        let out = self.cmd(&args).write_stdin(format!("{}\n", d.secret)).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }

    /// Every request any simulator has seen, in provider order.
    pub fn all_requests(&self) -> usize {
        Provider::ALL.iter().map(|p| self.sandbox.requests(*p).len()).sum()
    }

    pub fn accounts_file(&self) -> std::path::PathBuf {
        self.home.path().join("config/vpsdesk/accounts.json")
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
