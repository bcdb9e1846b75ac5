//! Writes `ui/src/api/bindings.ts`: every type that crosses IPC and one typed
//! wrapper per command. `cargo test -p vpsdesk bindings` fails when the
//! checked-in file is stale; `make bindings` rewrites it.

use ts_rs::{Config, TS};
use vpsdesk_core::desk::{AccountView, NewAccount};
use vpsdesk_core::error::{Error, ErrorKind, FieldError};
use vpsdesk_core::model::{
    AccountError, Capability, CreateServer, Detail, Image, Inventory, Plan, PowerAction, ProviderKind, Region, Server,
    Status,
};
use vpsdesk_core::providers::{ProviderInfo, ProviderRegion, Sizing};

use crate::state::{AppStatus, KeychainStatus};

pub struct Binding {
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub ret: String,
}

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}", T::decl(cfg))
}

pub fn render() -> String {
    let cfg = Config::new();
    let types = [
        decl::<ProviderKind>(&cfg),
        decl::<Status>(&cfg),
        decl::<ErrorKind>(&cfg),
        decl::<FieldError>(&cfg),
        decl::<Error>(&cfg),
        decl::<Capability>(&cfg),
        decl::<Detail>(&cfg),
        decl::<Server>(&cfg),
        decl::<AccountError>(&cfg),
        decl::<Inventory>(&cfg),
        decl::<AccountView>(&cfg),
        decl::<ProviderRegion>(&cfg),
        decl::<Sizing>(&cfg),
        decl::<ProviderInfo>(&cfg),
        decl::<NewAccount>(&cfg),
        decl::<KeychainStatus>(&cfg),
        decl::<AppStatus>(&cfg),
        decl::<Plan>(&cfg),
        decl::<Image>(&cfg),
        decl::<Region>(&cfg),
        decl::<CreateServer>(&cfg),
        decl::<PowerAction>(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types and commands by `make bindings`. Do not edit.\nimport { invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    for t in types {
        out.push_str(&t);
        out.push('\n');
    }
    out.push_str("\nexport const commands = {\n");
    for c in crate::commands::signatures() {
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let names: Vec<&str> = c.args.iter().map(|(n, _)| *n).collect();
        let ret = if c.ret == "null" { "null".to_string() } else { c.ret.clone() };
        let call = if names.is_empty() {
            format!("invoke<{ret}>(\"{}\")", c.name)
        } else {
            format!("invoke<{ret}>(\"{}\", {{ {} }})", c.name, names.join(", "))
        };
        out.push_str(&format!("  {}: ({}) => {call},\n", camel(c.name), params.join(", ")));
    }
    out.push_str("};\n");
    out
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in snake.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/api/bindings.ts");

    #[test]
    fn bindings_file_is_current() {
        let fresh = super::render();
        if std::env::var("VPSDESK_WRITE_BINDINGS").is_ok() {
            std::fs::write(PATH, &fresh).expect("write bindings.ts");
            return;
        }
        let current = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(current == fresh, "ui/src/api/bindings.ts is stale: run `make bindings` and commit the result");
    }
}
