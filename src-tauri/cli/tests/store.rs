//! accounts.json under stress, through the real binary: several vpsctl
//! processes and the app's `AppService` changing it at once lose no update (the
//! file lock), stray or truncated temp files never stand in for it (it is
//! only ever replaced by a rename), and a corrupt file is kept and reported.

mod support;

use std::process::Stdio;

use support::{demo, stderr, stdout, Fixture};
use vpsdesk_core::accounts::AccountStore;
use vpsdesk_core::http::Http;
use vpsdesk_core::model::ProviderKind;
use vpsdesk_core::secret::{Keychain, Secret};
use vpsdesk_core::{AppService, NewAccount};
use vpsdesk_sandbox::Provider;

fn names(f: &Fixture) -> Vec<String> {
    let out = f.run(&["accounts", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names: Vec<String> =
        list.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect();
    names.sort();
    names
}

#[test]
fn the_app_and_several_vpsctl_lose_no_update() {
    let f = Fixture::new();
    let endpoint = f.sandbox.endpoint(Provider::Vultr).unwrap();
    let key = demo(Provider::Vultr).secret;
    let children: Vec<_> = (0..6)
        .map(|i| {
            let name = format!("cli-{i}");
            let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("vpsctl"));
            c.args(["accounts", "add", "--provider", "vultr", "--name", &name, "--endpoint", &endpoint, "--no-verify"])
                .env("XDG_CONFIG_HOME", f.home.path().join("config"))
                .env("XDG_DATA_HOME", f.home.path().join("data"))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = c.spawn().unwrap();
            use std::io::Write;
            writeln!(child.stdin.take().unwrap(), "{key}").unwrap();
            child
        })
        .collect();

    // Meanwhile the app adds and renames through its AppService, on the same file.
    let service = AppService::new(AccountStore::at(f.accounts_file()), Keychain::default(), Http::default());
    let rt = tokio::runtime::Runtime::new().unwrap();
    for i in 0..4 {
        let new = NewAccount {
            provider: ProviderKind::Vultr,
            name: format!("app-{i}"),
            endpoint: Some(endpoint.clone()),
            username: None,
            region: None,
            secret: Secret::new(key),
            verify: false,
        };
        let added = rt.block_on(service.add_account(new, false)).unwrap();
        service.rename_account(&added.id, &format!("app-renamed-{i}")).unwrap();
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }

    let mut want: Vec<String> =
        (0..6).map(|i| format!("cli-{i}")).chain((0..4).map(|i| format!("app-renamed-{i}"))).collect();
    want.sort();
    assert_eq!(names(&f), want, "every add and rename is in the file");
}

#[test]
fn stray_and_truncated_temp_files_never_replace_the_store() {
    let f = Fixture::new();
    f.add(Provider::Vultr, "main");
    let file = f.accounts_file();
    let original = std::fs::read(&file).unwrap();
    let dir = file.parent().unwrap();
    // What a writer killed between writing its temp file and the rename
    // leaves behind: a complete one and a cut-off one, named as the store
    // names its temp files.
    let complete = String::from_utf8(original.clone()).unwrap().replace("main", "ghost");
    std::fs::write(dir.join(".tmpAAAAAA"), complete).unwrap();
    std::fs::write(dir.join(".tmpBBBBBB"), &original[..original.len() / 2]).unwrap();

    assert_eq!(names(&f), ["main"], "the store reads accounts.json only");
    assert_eq!(std::fs::read(&file).unwrap(), original, "reading changes nothing");
    f.add(Provider::Vultr, "second");
    assert_eq!(names(&f), ["main", "second"], "the next write starts from accounts.json, not a leftover");
    assert!(
        dir.join(".tmpAAAAAA").exists() && dir.join(".tmpBBBBBB").exists(),
        "leftovers are not mistaken for the store"
    );
}

#[test]
fn a_corrupt_store_is_kept_and_reported() {
    let f = Fixture::new();
    f.add(Provider::Vultr, "main");
    let file = f.accounts_file();
    std::fs::write(&file, b"{\"version\": 1, \"accounts\": [ {\"name\": \"ma").unwrap();

    let out = f.run(&["accounts", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "[]");
    let err = stderr(&out);
    let warning = err.lines().find(|l| l.starts_with("warning: ")).unwrap_or_else(|| panic!("no warning line: {err}"));
    assert!(warning.contains("could not be read") && warning.contains("kept as"), "{warning}");
    assert!(warning.contains("still in the OS keychain"), "{warning}");

    let kept: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("accounts.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(warning.contains(&kept[0].display().to_string()), "the warning names the kept file: {warning}");
    assert_eq!(
        std::fs::read(&kept[0]).unwrap(),
        b"{\"version\": 1, \"accounts\": [ {\"name\": \"ma",
        "kept byte for byte"
    );

    let again = f.run(&["accounts", "list"]);
    assert!(!stderr(&again).contains("warning:"), "reported once: the next run starts clean");
}

/// A rename lasts only once its folder is synced: without that a power cut
/// can bring the old accounts.json back. A process cannot see its own fsync,
/// so this watches vpsctl's system calls (strace, which scripts/deps.sh
/// installs for the tests).
#[test]
fn the_folder_is_synced_after_accounts_json_is_replaced() {
    let f = Fixture::new();
    let file = f.accounts_file();
    let dir = file.parent().unwrap();
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(&file, r#"{"version": 1, "accounts": [{"id": "strace-1", "name": "gone", "provider": "vultr"}]}"#)
        .unwrap();
    let log_path = f.home.path().join("strace.log");
    let vpsctl = f.process(&["accounts", "remove", "gone"]);
    let mut traced = std::process::Command::new("strace");
    traced
        .args(["-f", "-qq", "-s", "4096", "-e", "trace=openat,rename,renameat,renameat2,fsync", "-o"])
        .arg(&log_path)
        .arg(vpsctl.get_program())
        .args(vpsctl.get_args());
    for (k, v) in vpsctl.get_envs() {
        if let Some(v) = v {
            traced.env(k, v);
        }
    }
    let out = traced.output().expect("strace runs (scripts/deps.sh test installs it)");
    assert!(out.status.success(), "{}", stderr(&out));
    let log = std::fs::read_to_string(&log_path).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    let pid = |l: &str| l.split_whitespace().next().unwrap_or_default().to_string();
    let dir_text = dir.display().to_string();
    let log: String =
        lines.iter().filter(|l| l.contains(&dir_text) || l.contains("fsync")).map(|l| format!("{l}\n")).collect();

    let target = format!("\"{}\"", file.display());
    let renamed = lines
        .iter()
        .position(|l| l.contains("rename") && l.contains(&target) && l.trim_end().ends_with("= 0"))
        .unwrap_or_else(|| panic!("no rename onto {target}:\n{log}"));
    let folder = format!("openat(AT_FDCWD, \"{}\",", dir.display());
    let opened = (renamed..lines.len())
        .find(|&i| lines[i].contains(&folder) && pid(lines[i]) == pid(lines[renamed]))
        .unwrap_or_else(|| panic!("the folder is not opened after the rename:\n{log}"));
    let fd = lines[opened].rsplit("= ").next().unwrap().trim();
    let synced = format!("fsync({fd})");
    assert!(
        lines[opened..]
            .iter()
            .any(|l| l.contains(&synced) && l.trim_end().ends_with("= 0") && pid(l) == pid(lines[opened])),
        "the folder is not synced after the rename:\n{log}"
    );
    assert!(!std::fs::read_to_string(&file).unwrap().contains("gone"), "the removal landed");
}
