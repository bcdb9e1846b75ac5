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
        for forbidden in ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "*", "data:", "blob:", "http:", "https:"] {
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
    let allowed: BTreeSet<String> =
        ["core:event:default", "core:app:default", "dialog:allow-save", "dialog:allow-open"].map(String::from).into();
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
    assert_eq!(plugins, ["tauri-plugin-dialog"], "Cargo.toml plugins");

    let package: Value = serde_json::from_str(&std::fs::read_to_string(root().join("package.json")).unwrap()).unwrap();
    let mut js_plugins = Vec::new();
    for section in ["dependencies", "devDependencies"] {
        if let Some(deps) = package[section].as_object() {
            js_plugins.extend(deps.keys().filter(|k| k.starts_with("@tauri-apps/plugin-")).cloned());
        }
    }
    assert_eq!(js_plugins, ["@tauri-apps/plugin-dialog"], "package.json plugins");
}
