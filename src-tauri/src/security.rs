//! The shell's security review, as tests: what the webview may run and reach
//! is fixed in `tauri.conf.json` and the dependency lists, so these read
//! those files and fail when a change widens it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Value {
    let text = std::fs::read_to_string(root().join("tauri.conf.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn csp_sources(directive: &str) -> Vec<String> {
    let csp = &config()["app"]["security"]["csp"];
    let value = csp[directive].as_str().unwrap_or_else(|| panic!("the CSP sets {directive}"));
    value.split_whitespace().map(str::to_string).collect()
}

#[test]
fn scripts_run_only_from_the_bundle() {
    // `script-src` overrides `default-src` for scripts; both must be strict
    // so a later edit that drops one still leaves no inline or eval'd code.
    for directive in ["script-src", "default-src"] {
        let sources = csp_sources(directive);
        for forbidden in
            ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "*", "data:", "blob:", "http:", "https:"]
        {
            assert!(!sources.iter().any(|s| s == forbidden), "{directive} allows {forbidden}: {sources:?}");
        }
        assert_eq!(sources, ["'self'"], "{directive}");
    }
    assert_eq!(csp_sources("object-src"), ["'none'"]);
    assert_eq!(csp_sources("base-uri"), ["'none'"]);
    assert_eq!(config()["app"]["security"]["freezePrototype"], Value::Bool(true));
}

#[test]
fn the_webview_connects_only_to_ipc() {
    // Provider calls go through the backend (TLS, redaction, retries); the
    // webview itself may reach nothing but IPC.
    let allowed: BTreeSet<&str> = ["ipc:", "http://ipc.localhost"].into();
    for source in csp_sources("connect-src") {
        assert!(allowed.contains(source.as_str()), "connect-src allows {source}");
    }
}

#[test]
fn capabilities_are_minimal() {
    let caps = config()["app"]["security"]["capabilities"].as_array().unwrap().clone();
    assert_eq!(caps.len(), 1, "one capability, for the main window");
    assert_eq!(caps[0]["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = caps[0]["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("permissions are plain identifiers, without scopes").to_string())
        .collect();
    // No dialog permission: the backend opens the file dialogs itself
    // (`files`), so the webview cannot ask for one and pick the answer.
    let allowed: BTreeSet<String> = ["core:event:default", "core:app:default"].map(String::from).into();
    assert_eq!(granted, allowed);
    // Tauri also loads every file in a `capabilities/` folder next to the config.
    for dir in [root().join("capabilities"), root().join("src-tauri/capabilities")] {
        assert!(!dir.exists(), "{} would grant more permissions", dir.display());
    }
}

#[test]
fn no_filesystem_shell_http_or_opener_plugin() {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let plugins: Vec<&str> = cargo
        .lines()
        .filter_map(|l| l.trim().split_once('=').map(|(name, _)| name.trim()))
        .filter(|name| name.starts_with("tauri-plugin-"))
        .collect();
    // All used from Rust only: the native dialogs (`files`), the
    // preferences file (`preferences`) and desktop notifications
    // (`notices`, whose text the backend writes), none granted to the webview.
    assert_eq!(
        plugins,
        ["tauri-plugin-dialog", "tauri-plugin-store", "tauri-plugin-notification"],
        "Cargo.toml plugins"
    );

    let package: Value = serde_json::from_str(&std::fs::read_to_string(root().join("package.json")).unwrap()).unwrap();
    let mut js_plugins = Vec::new();
    for section in ["dependencies", "devDependencies"] {
        if let Some(deps) = package[section].as_object() {
            js_plugins.extend(deps.keys().filter(|k| k.starts_with("@tauri-apps/plugin-")).cloned());
        }
    }
    assert!(js_plugins.is_empty(), "package.json plugins: {js_plugins:?}");
}

/// The webview cannot name a file: no command takes a path, and the five
/// that read or write one ask the person in the native dialog themselves.
#[test]
fn no_command_takes_a_path_from_the_webview() {
    let signatures = crate::commands::signatures();
    for c in &signatures {
        for (arg, _) in &c.args {
            assert!(
                !["path", "dir", "folder", "file"].iter().any(|w| arg.contains(w)),
                "{}({arg}) would let the webview name a location",
                c.name
            );
        }
    }
    let args = |name: &str| -> Vec<(&str, String)> {
        let c = signatures.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("command {name}"));
        c.args.iter().map(|(n, t)| (*n, t.clone())).collect()
    };
    let text = |n: &'static str| (n, "string".to_string());
    assert_eq!(args("save_invoice_pdf"), [text("account_id"), text("invoice_id"), text("suggested_name")]);
    assert_eq!(args("export_csv"), [text("suggested_name"), text("csv")]);
    assert_eq!(args("dns_save_export"), [text("account_id"), text("zone"), text("suggested_name")]);
    assert_eq!(args("upload_drive"), [text("account_id"), text("drive_id")]);
    assert_eq!(args("download_drive"), [text("account_id"), text("drive_id"), text("suggested_name")]);
    // The terminal Open SSH starts is the saved preference, read by the
    // backend: the command names a server and a user, never a program.
    assert_eq!(args("open_ssh"), [text("account_id"), text("server_id"), text("user")]);
}

/// The dialogs' test seam (`files`, feature `e2e`) is in the e2e build
/// only: never a default feature, so neither `cargo build` nor the bundle has it.
#[test]
fn the_e2e_seam_is_off_by_default() {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let features: Vec<&str> = cargo
        .lines()
        .skip_while(|l| l.trim() != "[features]")
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .filter(|l| !l.trim_start().starts_with('#') && l.contains('='))
        .collect();
    assert!(features.iter().any(|l| l.trim_start().starts_with("e2e")), "the e2e feature exists: {features:?}");
    assert!(
        !features.iter().any(|l| l.trim_start().starts_with("default") && l.contains("e2e")),
        "e2e is not a default feature"
    );
    let conf = config();
    assert!(
        !conf["build"]["features"].as_array().is_some_and(|f| f.iter().any(|f| f == "e2e")),
        "tauri build does not enable e2e"
    );
}
