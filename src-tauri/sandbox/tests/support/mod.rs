//! A started sandbox with one provider's origin and demo account, shared by
//! every simulator's tests, plus a client that speaks Vultr v1 the way the
//! doc says.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::time::Duration;

use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use serde_json::Value;
use vpsdesk_sandbox::{demo_accounts, DemoAccount, Options, Provider, Sandbox};

pub const TRANSITION_MS: u64 = 300;

/// Longer than a transition, with room for a busy machine.
pub const SETTLE: Duration = Duration::from_millis(TRANSITION_MS * 3);

/// A running sandbox seen from one provider: its origin, its demo account
/// and a plain client. Each test file adds that provider's calls to it.
pub struct Sim {
    pub sandbox: Sandbox,
    pub base: String,
    pub demo: DemoAccount,
    pub http: Client,
}

impl Sim {
    /// Transient states last `TRANSITION_MS`; `empty` starts with no servers.
    pub async fn new(provider: Provider, empty: bool) -> Sim {
        let opts = Options { transition_ms: TRANSITION_MS, empty, ..Options::default() };
        Sim::with_options(provider, opts).await
    }

    /// The admin routes are on: tests drive the simulators through them.
    pub async fn with_options(provider: Provider, opts: Options) -> Sim {
        let sandbox = Sandbox::start(Options { admin: true, ..opts }).await.expect("sandbox starts");
        let base = sandbox.endpoint(provider).unwrap_or_else(|| panic!("{} is implemented", provider.id()));
        let demo = demo_accounts()
            .into_iter()
            .find(|a| a.provider == provider)
            .unwrap_or_else(|| panic!("a demo {} account", provider.id()));
        Sim { sandbox, base, demo, http: Client::new() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

pub struct Vultr {
    pub sandbox: Sandbox,
    pub base: String,
    pub key: &'static str,
    pub http: Client,
}

impl Vultr {
    pub async fn start() -> Vultr {
        Self::with(Options { transition_ms: TRANSITION_MS, ..Options::default() }).await
    }

    pub async fn with(opts: Options) -> Vultr {
        let Sim { sandbox, base, demo, http } = Sim::with_options(Provider::Vultr, opts).await;
        Vultr { sandbox, base, key: demo.secret, http }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every v1 call carries the API key in the query string.
    fn keyed(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, self.url(path)).query(&[("api_key", self.key)])
    }

    /// GET with the API key and `query`.
    pub async fn get(&self, path: &str, query: &[(&str, &str)]) -> Response {
        self.keyed(Method::GET, path).query(query).send().await.expect("request reaches the sandbox")
    }

    /// POST with the API key in the query string and `form` as the body.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.keyed(Method::POST, path).form(form).send().await.expect("request reaches the sandbox")
    }

    pub async fn json(&self, path: &str, query: &[(&str, &str)]) -> Value {
        let response = self.get(path, query).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path} {query:?}");
        response.json().await.expect("a JSON body")
    }

    pub async fn server(&self, subid: &str) -> Value {
        self.json("/v1/server/list", &[("SUBID", subid)]).await
    }

    /// POST that the doc answers with an empty 200.
    pub async fn ok(&self, path: &str, form: &[(&str, &str)]) {
        let response = self.post(path, form).await;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(status, StatusCode::OK, "POST {path} {form:?}: {body}");
        assert_eq!(body, "", "POST {path} answers with an empty body");
    }

    /// POST that must fail with 412, returning the text body.
    pub async fn refused(&self, path: &str, form: &[(&str, &str)]) -> String {
        let response = self.post(path, form).await;
        assert_eq!(response.status(), StatusCode::PRECONDITION_FAILED, "POST {path} {form:?}");
        response.text().await.unwrap_or_default()
    }

    /// Creates a server and returns its SUBID.
    pub async fn create(&self, form: &[(&str, &str)]) -> String {
        let response = self.post("/v1/server/create", form).await;
        assert_eq!(response.status(), StatusCode::OK, "create {form:?}");
        let body: Value = response.json().await.expect("JSON");
        body["SUBID"].as_str().expect("SUBID is a string").to_owned()
    }

    /// Creates a server and waits until it is installed.
    pub async fn create_active(&self) -> String {
        let subid = self.create(&[("DCID", "1"), ("VPSPLANID", "29"), ("OSID", "1743")]).await;
        tokio::time::sleep(SETTLE).await;
        subid
    }
}

/// `status`, `power_status`, `server_state` of a server object.
pub fn states(server: &Value) -> (&str, &str, &str) {
    let field = |name: &str| server[name].as_str().unwrap_or("<missing>");
    (field("status"), field("power_status"), field("server_state"))
}
