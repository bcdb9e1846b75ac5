//! The servers table's rows as they cross IPC (`account_servers`).

use serde::Serialize;
use ts_rs::TS;
use vpsdesk_core::accounts::Account;
use vpsdesk_core::model::{Capability, ProviderKind, Server, Status};
use vpsdesk_core::time::Timestamp;

/// One account's servers without their details: the account once, then one
/// array per server instead of an object that names every field. WebKitGTK
/// hands a custom-protocol answer to the page in 8 KB pieces, each a turn of
/// both main loops: 10,000 servers as objects were 3.1 MB, of which the field
/// names and the account repeated on every row were two thirds, and at the
/// first render, with the page busy drawing the other accounts, they took
/// longer to reach it than Vultr's simulator took to list, send and have
/// them read (docs/bench.md). The UI makes them `Server`s again (serverRows.ts).
#[derive(Debug, Serialize, TS)]
pub struct ServerRows {
    pub account: String,
    pub account_id: String,
    pub provider: ProviderKind,
    pub rows: Vec<ServerRow>,
}

/// id, name, status, provider_status, ipv4, ipv6, region, plan, created_at,
/// capabilities: the fields of `Server` in its order, without `details`.
#[derive(Debug, Serialize, TS)]
pub struct ServerRow(
    String,
    String,
    Status,
    String,
    Vec<String>,
    Vec<String>,
    String,
    String,
    Option<Timestamp>,
    Option<Vec<Capability>>,
);

impl ServerRows {
    pub fn of(account: &Account, servers: Vec<Server>) -> ServerRows {
        ServerRows {
            account: account.name.clone(),
            account_id: account.id.clone(),
            provider: account.provider,
            rows: servers
                .into_iter()
                .map(|s| {
                    ServerRow(
                        s.id,
                        s.name,
                        s.status,
                        s.provider_status,
                        s.ipv4,
                        s.ipv6,
                        s.region,
                        s.plan,
                        s.created_at,
                        s.capabilities,
                    )
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn server(value: serde_json::Value) -> Server {
        serde_json::from_value(value).expect("a server")
    }

    /// The page reads each row by position (ui/src/api/serverRows.ts): a
    /// field moved here would put, say, the region under "Plan".
    #[test]
    fn rows_carry_the_account_once_and_each_server_as_its_fields_in_order() {
        let mut account = Account::new(ProviderKind::Vpsnet, "Main VPS.NET");
        account.id = "acc-1".into();
        let full = server(json!({
            "account": "ignored", "account_id": "ignored", "provider": "vultr",
            "id": "42", "name": "web-1", "status": "running", "provider_status": "active",
            "ipv4": ["192.0.2.10", "192.0.2.11"], "ipv6": [], "region": "Falkenstein", "plan": "3",
            "created_at": "2026-01-02T03:04:05Z", "details": [{"label": "Kernel", "value": "6.1"}],
        }));
        let ssd = server(json!({
            "account": "", "account_id": "", "provider": "vpsnet",
            "id": "7", "name": "", "status": "unknown", "provider_status": "",
            "ipv4": [], "ipv6": ["2001:db8::1"], "region": "", "plan": "",
            "created_at": null, "details": [], "capabilities": ["servers.start", "servers.delete"],
        }));
        let rows = serde_json::to_value(ServerRows::of(&account, vec![full, ssd])).unwrap();
        assert_eq!(
            rows,
            json!({
                "account": "Main VPS.NET", "account_id": "acc-1", "provider": "vpsnet",
                "rows": [
                    ["42", "web-1", "running", "active", ["192.0.2.10", "192.0.2.11"], [], "Falkenstein", "3",
                     "2026-01-02T03:04:05Z", null],
                    ["7", "", "unknown", "", [], ["2001:db8::1"], "", "", null, ["servers.start", "servers.delete"]],
                ],
            })
        );
    }
}
