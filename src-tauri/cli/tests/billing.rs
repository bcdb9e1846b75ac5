//! `vpsctl billing` end to end: the real binary against the sandbox with
//! private XDG dirs and the real keychain (run inside a D-Bus session with
//! gnome-keyring unlocked, like cli.rs).

mod support;

use support::{assert_error_line, demo, stderr, Fixture};
use vpsdesk_sandbox::{Faults, Provider};

/// What the VPS.NET simulator serves for an invoice, fetched without vpsctl.
fn served_pdf(f: &Fixture, no: &str) -> Vec<u8> {
    let d = demo(Provider::Vpsnet);
    let url = format!("{}/invoices/{no}.pdf", f.sandbox.endpoint(Provider::Vpsnet).unwrap());
    f.rt.block_on(async {
        let resp =
            reqwest::Client::new().get(url).basic_auth(d.username.unwrap(), Some(d.secret)).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        resp.bytes().await.unwrap().to_vec()
    })
}

fn posts(f: &Fixture, p: Provider) -> Vec<String> {
    f.sandbox.requests(p).into_iter().filter(|r| r.method == "POST").map(|r| r.path).collect()
}

/// vpsctl's requests get 5 s here, for the invoice PDF downloads.
fn fixture() -> Fixture {
    Fixture::new().http_timeout(5)
}

fn all_accounts() -> Fixture {
    let f = fixture();
    for (p, name) in [
        (Provider::Vultr, "vultr"),
        (Provider::Vpsnet, "vpsnet"),
        (Provider::Cloudsigma, "sigma"),
        (Provider::Vps247, "v247"),
        (Provider::Vpsorg, "vpsorg"),
    ] {
        f.add_verified(p, name);
    }
    f
}

#[test]
fn balance_of_every_account_with_one_in_exact_decimals() {
    let f = all_accounts();
    let list = f.json(&["billing", "balance", "--json"]);
    let list = list.as_array().unwrap();
    let row = |account: &str| {
        list.iter().find(|b| b["account"] == account).unwrap_or_else(|| panic!("{account} in {list:?}"))
    };
    // Vultr reports credit as a negative balance: it is turned into credit.
    assert_eq!((&row("vultr")["balance"], &row("vultr")["currency"]), (&"5519.11".into(), &"USD".into()));
    assert_eq!(row("vultr")["provider"], "vultr");
    assert_eq!(row("vultr")["provider_balance"], "-5519.11");
    assert_eq!(row("vultr")["summary"], "5,519.11 USD credit");
    assert_eq!(row("vultr")["pending_charges"], "57.03");
    assert_eq!((&row("vpsnet")["balance"], &row("vpsnet")["currency"]), (&"99.0".into(), &"USD".into()));
    assert_eq!((&row("sigma")["balance"], &row("sigma")["currency"]), (&"1220.87".into(), &"EUR".into()));
    assert_eq!(list.len(), 3, "VPS247 and VPS.org report no balance: {list:?}");

    let table = f.ok(&["billing", "balance"]);
    assert!(table.contains("5,519.11 USD credit") && table.contains("1,220.87 EUR credit"), "{table}");

    let one = f.json(&["billing", "balance", "--account", "sigma", "--json"]);
    assert_eq!(one.as_array().unwrap().len(), 1);

    let sent = f.sandbox.requests(Provider::Vpsorg).len();
    let out = f.run(&["billing", "balance", "--account", "vpsorg", "--json"]);
    assert_error_line(&out, 1, "has no balance");
    assert!(stderr(&out).contains("https://admin.vps.org/"), "says where to look instead: {}", stderr(&out));
    assert_eq!(f.sandbox.requests(Provider::Vpsorg).len(), sent, "nothing sent");
}

#[test]
fn invoices_and_the_pdf_identical_to_what_was_served() {
    let f = fixture();
    f.add_verified(Provider::Vpsnet, "vpsnet");
    let list = f.json(&["billing", "invoices", "vpsnet", "--json"]);
    let doc = list.as_array().unwrap().iter().find(|i| i["number"] == "9130").unwrap();
    for field in ["id", "number", "amount", "currency", "status", "date"] {
        assert!(doc[field].is_string(), "{field} is a string: {doc}");
    }
    assert_eq!(doc["amount"], "15.00");
    assert_eq!(doc["currency"], "USD");
    assert_eq!(doc["status"], "paid");
    assert_eq!(doc["date"], "2011-04-27T11:09:19Z", "the doc's 07:09:19-04:00, in RFC 3339 UTC");

    let out = f.home.path().join("invoice-9130.pdf");
    let said = f.ok(&["billing", "invoice-pdf", "vpsnet", "9130", "--output", out.to_str().unwrap()]);
    assert!(said.contains("invoice 9130 saved"), "{said}");
    assert_eq!(std::fs::read(&out).unwrap(), served_pdf(&f, "9130"));

    // The connection breaks halfway through the file once: vpsctl resumes.
    let whole = served_pdf(&f, "11046");
    f.sandbox.set_faults(Provider::Vpsnet, Faults { cut_body: Some(1), ..Faults::default() });
    let out = f.home.path().join("invoice-11046.pdf");
    f.ok(&["billing", "invoice-pdf", "vpsnet", "11046", "--output", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out).unwrap(), whole);
    let files = f
        .sandbox
        .requests(Provider::Vpsnet)
        .into_iter()
        .filter(|r| r.path.starts_with("/files/invoices/11046-"))
        .count();
    assert_eq!(files, 3, "served once whole for the comparison, then cut, then the rest");

    let missing = f.home.path().join("none.pdf");
    let o = f.run(&["billing", "invoice-pdf", "vpsnet", "424242", "--output", missing.to_str().unwrap()]);
    assert_error_line(&o, 1, "no invoice 424242");
    assert!(!missing.exists(), "no file for a failed download");
}

#[test]
fn transactions_usage_and_subscriptions() {
    let f = fixture();
    f.add_verified(Provider::Cloudsigma, "sigma");
    let tx = f.json(&["billing", "transactions", "sigma", "--json"]);
    let first = &tx[0];
    for field in ["id", "date", "amount", "currency", "description"] {
        assert!(first[field].is_string(), "{field}: {first}");
    }
    assert_eq!(
        (&first["date"], &first["amount"], &first["currency"]),
        (&"2010-02-24T11:04:18Z".into(), &"-13.75".into(), &"EUR".into())
    );
    let usage = f.json(&["billing", "usage", "sigma", "--json"]);
    assert_eq!((&usage[0]["resource"], &usage[0]["used"]), (&"cpu".into(), &"24000".into()));
    let subs = f.json(&["billing", "subscriptions", "sigma", "--json"]);
    assert_eq!(subs.as_array().unwrap().len(), 4);
    assert!(f.ok(&["billing", "pricing", "sigma"]).contains("Static IP address"));
    assert_eq!(f.json(&["billing", "currencies", "sigma", "--json"]), serde_json::json!(["EUR", "GBP", "USD"]));

    // Without --yes only the price is asked for, and nothing is bought.
    let args = [
        "billing",
        "subscribe",
        "sigma",
        "--kind",
        "ip",
        "--quantity",
        "2",
        "--months",
        "1",
        "--start",
        "2010-03-22 00:00",
    ];
    let o = f.run(&args);
    assert_error_line(&o, 2, "16.00 EUR");
    assert_eq!(posts(&f, Provider::Cloudsigma), ["/subscriptions/network/ip/calculate"]);
    let mut yes = args.to_vec();
    yes.extend(["--yes", "--json"]);
    let created = f.json(&yes);
    assert_eq!(created.as_array().unwrap().len(), 2);
    assert_eq!(f.json(&["billing", "balance", "--account", "sigma", "--json"])[0]["balance"], "1204.87");
    // The totals count the two addresses just bought beside the seeded resources.
    let totals = f.json(&["billing", "totals", "sigma", "--json"]);
    let total = |resource: &str| {
        let t = totals.as_array().unwrap().iter().find(|t| t["resource"] == resource).unwrap();
        (t["scope"].as_str().unwrap().to_string(), t["quantity"].as_str().unwrap().to_string())
    };
    assert_eq!(total("cpu"), ("resources".to_string(), "2000".to_string()));
    assert_eq!(total("ip"), ("network".to_string(), "2".to_string()));
    assert!(f.ok(&["billing", "totals", "sigma"]).contains("Static IP address"));

    let o = f.run(&["billing", "subscribe", "sigma", "--kind", "ip", "--quantity", "0", "--yes"]);
    assert_error_line(&o, 1, "quantity");
    let o = f.run(&["billing", "subscribe", "sigma", "--kind", "disk", "--yes"]);
    assert_error_line(&o, 2, "use ip or vlan");

    let cpu = f
        .json(&["billing", "subscriptions", "sigma", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "cpu")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let o = f.run(&["billing", "extend", "sigma", &cpu, "--months", "1"]);
    assert_error_line(&o, 2, "60.00 EUR");
    let extended = f.json(&["billing", "extend", "sigma", &cpu, "--months", "1", "--yes", "--json"]);
    assert_eq!(extended[0]["end"], "2010-05-08T21:15:18Z", "CloudSigma's wall time, read as UTC");
    assert_eq!(f.json(&["billing", "balance", "--account", "sigma", "--json"])[0]["balance"], "1144.87");

    // Resources: no calculate call exists, so the preview is the listed rates and nothing is posted.
    let posted = posts(&f, Provider::Cloudsigma).len();
    let resources =
        ["billing", "subscribe-resources", "sigma", "--cpu", "2000", "--disk", "50", "--start", "2010-03-22 00:00"];
    let o = f.run(&resources);
    assert_error_line(
        &o,
        2,
        "its listed rates: CPU 2000 core MHz at 0.200 EUR per unit, Disk 50 GB at 0.200 EUR per unit",
    );
    let o = f.run(&["billing", "subscribe-resources", "sigma", "--cpu", "1000", "--yes"]);
    assert_error_line(&o, 1, "minimum CPU subscription is 2000 core MHz");
    assert_eq!(posts(&f, Provider::Cloudsigma).len(), posted, "neither a preview nor a refused order posts anything");
    let mut yes = resources.to_vec();
    yes.extend(["--yes", "--json"]);
    let bought = f.json(&yes);
    let kinds: Vec<_> = bought.as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["cpu", "disk"]);
    assert_eq!(posts(&f, Provider::Cloudsigma)[posted..], ["/subscriptions/resources/create"], "bought once");
    assert_eq!(f.json(&["billing", "balance", "--account", "sigma", "--json"])[0]["balance"], "1083.37");

    // Software: CloudSigma's calculate first, then create with --yes.
    let software =
        ["billing", "subscribe-software", "sigma", "--licence", "msft_lwa_00135=1", "--licence", "msft_tfa_00009"];
    let o = f.run(&software);
    assert_error_line(&o, 2, "this subscription costs 25.00 EUR (the provider's quote)");
    assert_eq!(posts(&f, Provider::Cloudsigma).last().unwrap(), "/subscriptions/software/calculate");
    let mut yes = software.to_vec();
    yes.push("--yes");
    f.ok(&yes);
    assert_eq!(posts(&f, Provider::Cloudsigma).last().unwrap(), "/subscriptions/software/create");
    assert_eq!(f.json(&["billing", "balance", "--account", "sigma", "--json"])[0]["balance"], "1058.37");
    let subs = f.json(&["billing", "subscriptions", "sigma", "--json"]);
    assert!(subs.as_array().unwrap().iter().any(|s| s["label"] == "Windows Web Server 2008"), "{subs}");
    let o = f.run(&["billing", "subscribe-software", "sigma", "--licence", "msft_xyz=1", "--yes"]);
    assert_error_line(&o, 1, "msft_xyz");
}

#[test]
fn wrong_credentials_and_providers_without_the_call() {
    let f = fixture();
    f.add_verified(Provider::Vps247, "v247");
    f.add_verified(Provider::Vpsnet, "vpsnet");
    let sent = f.sandbox.requests(Provider::Vps247).len();
    let o = f.run(&["billing", "invoices", "v247"]);
    assert_error_line(&o, 1, "has no invoices");
    assert_eq!(f.sandbox.requests(Provider::Vps247).len(), sent, "nothing sent");
    let usage = f.json(&["billing", "usage", "v247", "--json"]);
    assert_eq!(usage[0]["unit"], "hours");

    f.sandbox.set_faults(Provider::Vpsnet, Faults { fail_status: Some(401), fail_count: Some(1), ..Faults::default() });
    let o = f.run(&["billing", "invoices", "vpsnet", "--json"]);
    assert_error_line(&o, 1, "did not accept");
    assert!(!stderr(&o).contains(demo(Provider::Vpsnet).secret));
}
