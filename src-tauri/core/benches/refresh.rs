//! `make bench`: a full refresh over many accounts against one account, side
//! by side in one run, through the same `AppService` the app and vpsctl use (real
//! HTTP to the sandbox, real keychain). The fan-out is concurrent, so the
//! ratio should stay near 1.

use std::time::{Duration, Instant};

use vpsdesk_core::accounts::{Account, AccountStore};
use vpsdesk_core::http::Http;
use vpsdesk_core::secret::{Keychain, Secret};
use vpsdesk_core::{AppService, NewAccount};
use vpsdesk_sandbox::{demo_accounts, Options, Sandbox};

const ROUNDS: usize = 7;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn scenario(latency_ms: u64, accounts: usize) {
    let sandbox = Sandbox::start(Options { latency_ms, ..Options::default() }).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("temp dir");
    let service = AppService::new(
        AccountStore::at(dir.path().join("accounts.json")),
        Keychain::with_service("vpsdesk-bench"),
        Http::default(),
    );
    let demos = demo_accounts();
    for i in 0..accounts {
        let demo = &demos[i % demos.len()];
        let new = NewAccount {
            provider: demo.provider,
            name: format!("{} {i}", demo.name),
            endpoint: sandbox.endpoint(demo.provider),
            username: demo.username.map(str::to_string),
            region: demo.region.map(str::to_string),
            secret: Secret::new(demo.secret),
            verify: false,
        };
        service.add_account(new, true).await.expect("add account");
    }
    let all: Vec<Account> = service.accounts().expect("accounts");
    let _ = service.inventory(&all).await; // warm-up: connections, keychain reads

    let (mut full, mut single) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let inv = service.inventory(&all).await;
        full.push(t.elapsed());
        assert!(inv.errors.is_empty(), "{:?}", inv.errors);
        // The slowest account on its own is the floor a full refresh can reach.
        let mut slowest = Duration::ZERO;
        for a in &all {
            let t = Instant::now();
            let inv = service.inventory(std::slice::from_ref(a)).await;
            slowest = slowest.max(t.elapsed());
            assert!(inv.errors.is_empty());
        }
        single.push(slowest);
    }
    let (f, s) = (median(full), median(single));
    let providers: std::collections::BTreeSet<_> = all.iter().map(|a| a.provider.id()).collect();
    println!(
        "refresh: {accounts} accounts ({} providers) at {latency_ms} ms latency: full {:.0} ms vs slowest single account {:.0} ms -> ratio {:.2}x",
        providers.len(),
        f.as_secs_f64() * 1e3,
        s.as_secs_f64() * 1e3,
        f.as_secs_f64() / s.as_secs_f64()
    );
    for a in &all {
        let _ = service.remove_account(&a.id);
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        scenario(400, 5).await;
        scenario(300, 10).await;
    });
}
