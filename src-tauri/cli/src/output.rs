//! Human tables or JSON, per `--json`.

use comfy_table::{presets::UTF8_BORDERS_ONLY, ContentArrangement, Table};
use serde::Serialize;
use serde_json::{json, Value};
use vpsdesk_core::model::{Image, Plan, Region, Server};
use vpsdesk_core::AccountView;

pub struct Out {
    json: bool,
}

pub(crate) fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_BORDERS_ONLY).set_content_arrangement(ContentArrangement::Dynamic).set_header(header.to_vec());
    t
}

pub(crate) fn opt(v: &Option<impl ToString>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub(crate) fn print_json(v: &impl Serialize) {
    println!("{}", serde_json::to_string_pretty(v).expect("JSON output"));
}

/// `--json` prints `value` as JSON (the contract scripts read); otherwise
/// `human` prints it for people.
pub(crate) fn json_or<T: Serialize + ?Sized>(json: bool, value: &T, human: impl FnOnce(&T)) {
    if json {
        print_json(&value)
    } else {
        human(value)
    }
}

/// A list: a JSON array with `--json`, otherwise a table of one row per item
/// (an empty list says so in a line rather than drawing an empty table).
pub(crate) fn list<T: Serialize>(json: bool, items: &[T], header: &[&str], row: impl Fn(&T) -> Vec<String>) {
    json_or(json, items, |items| {
        if items.is_empty() {
            return println!("(none)");
        }
        let mut t = table(header);
        for item in items {
            t.add_row(row(item));
        }
        println!("{t}");
    })
}

impl Out {
    pub fn new(json: bool) -> Self {
        Out { json }
    }

    pub fn accounts(&self, accounts: &[AccountView]) {
        if self.json {
            let items: Vec<Value> = accounts
                .iter()
                .map(|a| {
                    let mut o = json!({ "name": a.name, "provider": a.provider, "endpoint": a.endpoint, "id": a.id, "demo": a.demo });
                    if let Some(u) = &a.username {
                        o["username"] = json!(u);
                    }
                    if let Some(r) = &a.region {
                        o["region"] = json!(r);
                    }
                    o
                })
                .collect();
            return print_json(&items);
        }
        if accounts.is_empty() {
            return println!("no accounts yet: add one with `vpsctl accounts add --provider P --name N`");
        }
        let mut t = table(&["NAME", "PROVIDER", "ENDPOINT", "USERNAME", "REGION"]);
        for a in accounts {
            t.add_row(vec![a.name.clone(), a.provider.to_string(), a.endpoint.clone(), opt(&a.username), opt(&a.region)]);
        }
        println!("{t}");
    }

    pub fn servers(&self, servers: &[Server]) {
        list(self.json, servers, &["ACCOUNT", "PROVIDER", "ID", "NAME", "STATUS", "IPV4", "REGION", "PLAN"], |s| {
            vec![
                s.account.clone(),
                s.provider.to_string(),
                s.id.clone(),
                s.name.clone(),
                s.status.as_str().to_string(),
                s.ipv4.join(", "),
                s.region.clone(),
                s.plan.clone(),
            ]
        })
    }

    pub fn server(&self, s: &Server) {
        json_or(self.json, s, |s| {
            let mut t = table(&["FIELD", "VALUE"]);
            let rows = [
                ("account", s.account.clone()),
                ("provider", s.provider.to_string()),
                ("id", s.id.clone()),
                ("name", s.name.clone()),
                ("status", s.status.as_str().to_string()),
                ("provider status", s.provider_status.clone()),
                ("ipv4", s.ipv4.join(", ")),
                ("ipv6", s.ipv6.join(", ")),
                ("region", s.region.clone()),
                ("plan", s.plan.clone()),
                ("created", opt(&s.created_at)),
            ];
            for (k, v) in rows {
                t.add_row(vec![k.to_string(), v]);
            }
            for d in &s.details {
                t.add_row(vec![d.label.clone(), d.value.clone()]);
            }
            println!("{t}");
        })
    }

    pub fn plans(&self, plans: &[Plan]) {
        list(self.json, plans, &["ID", "NAME", "VCPUS", "MEMORY MB", "DISK GB", "PRICE/MONTH"], |p| {
            vec![p.id.clone(), p.name.clone(), opt(&p.vcpus), opt(&p.memory_mb), opt(&p.disk_gb), opt(&p.price_monthly)]
        })
    }

    pub fn images(&self, images: &[Image]) {
        list(self.json, images, &["ID", "NAME", "FAMILY", "ARCH"], |i| vec![i.id.clone(), i.name.clone(), opt(&i.family), opt(&i.arch)])
    }

    pub fn regions(&self, regions: &[Region]) {
        list(self.json, regions, &["ID", "NAME", "COUNTRY", "CONTINENT"], |r| {
            vec![r.id.clone(), r.name.clone(), opt(&r.country), opt(&r.continent)]
        })
    }
}
