//! The CloudSigma 1.0 simulator against the doc, over real HTTP.

mod support;

use reqwest::{Response, StatusCode};
use support::{Sim, SETTLE};
use vpsdesk_sandbox::Provider;

/// `/servers/bb783ced-…/info`'s example body, copied from the doc.
const DOC_SERVER_INFO: &str = "status active
name dbserver1
tx 0
nic:1:model e1000
mem 4096
rx 0
boot ide:0:0
vnc:password KD9R3jcF
persistent true
ide:0:1 76096e90-6e34-40b6-9ef5-216abe6b330b
ide:0:0 529ec0ce-f930-4b69-8aca-d438e9bbe6d3
nic:1:vlan 6e2d1f6a-03c8-422b-bc8e-d744612cf46a
cpu 4000
user f2e19d5c-eaa1-44e5-94aa-dc194594bd7b
nic:0:model e1000
nic:1:mac 66:c8:fd:23:a7:a2
vnc:ip 91.203.56.72
smp 4
server bb783ced-d2b4-4003-a66e-87337ea6427e
nic:0:dhcp 91.203.56.72
";

const RUNNING: &str = "bb783ced-d2b4-4003-a66e-87337ea6427e";
const STOPPED: &str = "e2819a8d-36b4-4965-a73f-794393d5728b";
const PAUSED: &str = "9d3b7f4e-6a41-4c1e-9a57-3f0c2b8e1d66";
const IMAGE: &str = "a49e25b3-69f4-440b-87a8-d79fa78ace53";

/// The shared sandbox setup, with CloudSigma's calls.
type Sigma = Sim;

impl Sigma {
    async fn start(empty: bool) -> Sigma {
        Sim::new(Provider::Cloudsigma, empty).await
    }

    async fn get(&self, path: &str) -> Response {
        self.http
            .get(self.url(path))
            .basic_auth(self.demo.username.unwrap(), Some(self.demo.secret))
            .send()
            .await
            .unwrap()
    }

    async fn post(&self, path: &str, body: &str) -> Response {
        self.http
            .post(self.url(path))
            .basic_auth(self.demo.username.unwrap(), Some(self.demo.secret))
            .header("content-type", "text/plain")
            .body(body.to_owned())
            .send()
            .await
            .unwrap()
    }

    async fn text(&self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "GET {path}");
        r.text().await.unwrap()
    }

    async fn status(&self, uuid: &str) -> String {
        let info = self.text(&format!("/servers/{uuid}/info")).await;
        value(&info, "status").unwrap_or_default()
    }
}

fn value(body: &str, key: &str) -> Option<String> {
    body.lines().find_map(|l| {
        let (k, v) = l.split_once(' ').unwrap_or((l, ""));
        (k == key).then(|| v.to_owned())
    })
}

#[tokio::test]
async fn every_call_needs_the_login() {
    let s = Sigma::start(false).await;
    let bare = s.http.get(s.url("/servers/list")).send().await.unwrap();
    assert_eq!(bare.status(), StatusCode::UNAUTHORIZED);
    assert!(bare.headers().contains_key("www-authenticate"));
    let wrong =
        s.http.get(s.url("/balance/info")).basic_auth(s.demo.username.unwrap(), Some("wrong")).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let stop = s.http.post(s.url(&format!("/servers/{RUNNING}/stop"))).send().await.unwrap();
    assert_eq!(stop.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(s.status(RUNNING).await, "active", "a refused stop changes nothing");
    assert!(s.demo.secret.starts_with("VPSDESK0DEMO0CLOUDSIGMA0"));
    assert_eq!(s.demo.region, Some("zrh"));
}

#[tokio::test]
async fn doc_bodies_are_served_verbatim() {
    let s = Sigma::start(false).await;
    assert_eq!(s.text(&format!("/servers/{RUNNING}/info")).await, DOC_SERVER_INFO);
    assert_eq!(s.text("/guests/bb783ced-d2b4-4003-a66e-87337ea6427e/info").await, DOC_SERVER_INFO);
    let all = s.text("/servers/info").await;
    assert!(all.starts_with("status active\nrx 0\nname node003\n"), "{all}");
    assert!(!all.contains("\n\n"), "the doc runs the objects together");
    let list = s.text("/servers/list").await;
    assert_eq!(list.lines().count(), 15);
    assert_eq!(list.lines().next(), Some("179f2015-f28b-4537-beab-a5d30d5fd4e2"));
    assert_eq!(s.text("/balance/info").await, "balance 1220.87\ncurrency EUR\n");
    assert!(s.text("/usage/info").await.contains("cpu:sub 3000\n"));
    assert!(s.text("/profile/info").await.contains("email foo.bar@example.com\n"));
    let gentoo = s.text("/drives/7e8ab721-81c9-4cb9-a651-4cafbfe1501c/info").await;
    assert!(gentoo.contains("name gentoo-livecd\n"));
    let images = s.text("/drives/standard/img/list").await;
    assert_eq!(images.lines().count(), 8);
    assert_eq!(s.text("/drives/standard/cd/list").await, images);
    assert!(s.text(&format!("/drives/{IMAGE}/info")).await.contains("name Ubuntu"));
}

#[tokio::test]
async fn shutdown_takes_a_transition_and_stop_is_immediate() {
    let s = Sigma::start(false).await;
    assert_eq!(s.post(&format!("/servers/{RUNNING}/shutdown"), "").await.status(), StatusCode::NO_CONTENT);
    assert_eq!(s.status(RUNNING).await, "active", "the guest is still powering off");
    let busy = s.get(&format!("/servers/{RUNNING}/start")).await;
    assert_eq!(busy.status(), StatusCode::CONFLICT);
    tokio::time::sleep(SETTLE).await;
    assert_eq!(s.status(RUNNING).await, "stopped");

    assert_eq!(s.get(&format!("/servers/{RUNNING}/start")).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(s.status(RUNNING).await, "active");
    assert_eq!(s.post(&format!("/servers/{RUNNING}/stop"), "").await.status(), StatusCode::NO_CONTENT);
    assert_eq!(s.status(RUNNING).await, "stopped");
    assert_eq!(s.post(&format!("/servers/{RUNNING}/stop"), "").await.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn paused_servers_refuse_to_start_and_unknown_ones_are_404() {
    let s = Sigma::start(false).await;
    assert_eq!(s.status(PAUSED).await, "paused");
    let refused = s.post(&format!("/servers/{PAUSED}/start"), "").await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(refused.text().await.unwrap().contains("paused"));
    assert_eq!(s.status(STOPPED).await, "stopped");
    assert_eq!(s.get("/servers/999999/info").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.get("/servers/nothing/here").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.get("/servers/create").await.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn clone_create_rename_destroy() {
    let s = Sigma::start(false).await;
    let small = s.post(&format!("/drives/{IMAGE}/clone"), "name web\nsize 1\n").await;
    assert_eq!(small.status(), StatusCode::BAD_REQUEST, "a clone may not be smaller");
    assert!(small.text().await.unwrap().contains("errors:size"));
    let cloned = s.post(&format!("/drives/{IMAGE}/clone"), "name web\nsize 2147483648\n").await;
    assert_eq!(cloned.status(), StatusCode::OK);
    let drive = value(&cloned.text().await.unwrap(), "drive").unwrap();

    let missing = s.post("/servers/create", "cpu 1000\n").await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let missing = missing.text().await.unwrap();
    assert!(missing.contains("cpu 1000\n") && missing.contains("errors:name * This field is required.\n"), "{missing}");

    let order = format!(
        "name web\ncpu 1000\nsmp auto\nmem 1024\npersistent true\nide:0:0 {drive}\nboot ide:0:0\nnic:0:model e1000\nnic:0:dhcp auto\n"
    );
    let created = s.post("/servers/create", &order).await;
    assert_eq!(created.status(), StatusCode::OK);
    let created = created.text().await.unwrap();
    assert!(created.starts_with("status active\nname web\ntx 0\nmem 1024\ncpu 1000\nrx 0\nserver "), "{created}");
    assert!(created.contains("\nsmp 1\n"));
    let uuid = value(&created, "server").unwrap();
    let leased = value(&s.text(&format!("/servers/{uuid}/info")).await, "nic:0:dhcp").unwrap();
    assert!(leased.parse::<std::net::Ipv4Addr>().is_ok(), "a running auto interface shows its lease: {leased}");

    let mounted = s.post(&format!("/drives/{drive}/destroy"), "").await;
    assert_eq!(mounted.status(), StatusCode::BAD_REQUEST, "a mounted drive stays");

    let renamed = s.post(&format!("/servers/{uuid}/set"), "name web-2\n").await;
    assert_eq!(renamed.status(), StatusCode::OK);
    assert_eq!(value(&renamed.text().await.unwrap(), "name").as_deref(), Some("web-2"));
    assert_eq!(s.post(&format!("/servers/{uuid}/set"), "server x\n").await.status(), StatusCode::BAD_REQUEST);

    assert_eq!(s.post(&format!("/servers/{uuid}/destroy"), "").await.status(), StatusCode::NO_CONTENT);
    assert_eq!(s.get(&format!("/servers/{uuid}/info")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.post(&format!("/drives/{drive}/destroy"), "").await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn empty_account_has_no_servers() {
    let s = Sigma::start(true).await;
    assert_eq!(s.text("/servers/list").await, "");
    assert_eq!(s.text("/servers/info").await, "");
    assert_eq!(s.text("/drives/standard/img/list").await.lines().count(), 8, "the catalog stays");
}
