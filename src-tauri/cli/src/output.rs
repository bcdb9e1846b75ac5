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
        let mut t = table(&["NAME", "PROVIDER", "ENDPOINT", "USERNAME", "REGION"]);
        for a in accounts {
            t.add_row(vec![a.name.clone(), a.provider.to_string(), a.endpoint.clone(), opt(&a.username), opt(&a.region)]);
        }
        println!("{t}");
    }

    pub fn servers(&self, servers: &[Server]) {
        if self.json {
            return print_json(&servers);
        }
        let mut t = table(&["ACCOUNT", "PROVIDER", "ID", "NAME", "STATUS", "IPV4", "REGION", "PLAN"]);
        for s in servers {
            t.add_row(vec![
                s.account.clone(),
                s.provider.to_string(),
                s.id.clone(),
                s.name.clone(),
                s.status.as_str().to_string(),
                s.ipv4.join(", "),
                s.region.clone(),
                s.plan.clone(),
            ]);
        }
        println!("{t}");
    }

    pub fn server(&self, s: &Server) {
        if self.json {
            return print_json(s);
        }
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
    }

    pub fn plans(&self, plans: &[Plan]) {
        if self.json {
            return print_json(&plans);
        }
        let mut t = table(&["ID", "NAME", "VCPUS", "MEMORY MB", "DISK GB", "PRICE/MONTH"]);
        for p in plans {
            t.add_row(vec![p.id.clone(), p.name.clone(), opt(&p.vcpus), opt(&p.memory_mb), opt(&p.disk_gb), opt(&p.price_monthly)]);
        }
        println!("{t}");
    }

    pub fn images(&self, images: &[Image]) {
        if self.json {
            return print_json(&images);
        }
        let mut t = table(&["ID", "NAME", "FAMILY", "ARCH"]);
        for i in images {
            t.add_row(vec![i.id.clone(), i.name.clone(), opt(&i.family), opt(&i.arch)]);
        }
        println!("{t}");
    }

    pub fn regions(&self, regions: &[Region]) {
        if self.json {
            return print_json(&regions);
        }
        let mut t = table(&["ID", "NAME", "COUNTRY", "CONTINENT"]);
        for r in regions {
            t.add_row(vec![r.id.clone(), r.name.clone(), opt(&r.country), opt(&r.continent)]);
        }
        println!("{t}");
    }
}
