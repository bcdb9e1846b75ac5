//! `/servers/...` (and the same under `/guests/...`).

use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::kv::{self, Props};
use super::state::{is_device, Cloudsigma, Phase, Server};
use super::{bad_request, busy, not_found};
use crate::common::{Failure, Store, Transition};

fn unknown(uuid: &str) -> Failure {
    not_found(format!("Server {uuid} not found"))
}

fn find<'a>(s: &'a Cloudsigma, uuid: &str) -> Result<&'a Server, Failure> {
    s.server(uuid).ok_or_else(|| unknown(uuid))
}

fn find_mut<'a>(s: &'a mut Cloudsigma, uuid: &str) -> Result<&'a mut Server, Failure> {
    s.server_mut(uuid).ok_or_else(|| unknown(uuid))
}

pub(super) async fn list(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| kv::write(s.servers.iter().map(|x| (x.uuid.as_str(), ""))))
}

/// The doc runs the objects together, no blank line between them.
pub(super) async fn info_all(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| s.servers.iter().map(Server::render).collect())
}

pub(super) async fn info(State(store): State<Store<Cloudsigma>>, Path(uuid): Path<String>) -> Result<String, Failure> {
    store.with(|s| find(s, &uuid).map(Server::render))
}

/// Keys the API owns; `set` and `create` refuse them (create takes `status
/// stopped`, as the doc's command-line example sends).
const READ_ONLY: &[&str] = &["server", "user", "tx", "rx"];

fn number(input: &Props, key: &str, errors: &mut Vec<(String, String)>) -> Option<u64> {
    match kv::get(input, key) {
        None | Some("") => {
            errors.push((key.to_owned(), "* This field is required.".to_owned()));
            None
        }
        Some(v) => match v.parse::<u64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                errors.push((key.to_owned(), format!("* Enter a whole number, not '{v}'.")));
                None
            }
        },
    }
}

/// Checks the drive and smp keys a server may be given.
fn check_devices(s: &Cloudsigma, input: &Props, errors: &mut Vec<(String, String)>) {
    for (key, value) in input {
        if is_device(key) && s.drive(value).is_none() {
            errors.push((key.clone(), format!("Drive {value} not found")));
        }
        if READ_ONLY.contains(&key.as_str()) {
            errors.push((key.clone(), "* This field is read-only.".to_owned()));
        }
    }
}

/// `smp auto`: one virtual processor per 2.2 GHz started, at least one.
fn smp(input: &Props, cpu: u64) -> String {
    match kv::get(input, "smp") {
        Some(n) if n != "auto" && !n.is_empty() => n.to_owned(),
        _ => cpu.div_ceil(2200).max(1).to_string(),
    }
}

pub(super) async fn create(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let input = kv::parse(&body);
    store.with(|s| {
        let mut errors = Vec::new();
        if kv::get(&input, "name").is_none_or(str::is_empty) {
            errors.push(("name".to_owned(), "* This field is required.".to_owned()));
        }
        let cpu = number(&input, "cpu", &mut errors);
        let mem = number(&input, "mem", &mut errors);
        check_devices(s, &input, &mut errors);
        let (Some(cpu), Some(mem), true) = (cpu, mem, errors.is_empty()) else {
            return Err(bad_request(&input, &errors));
        };
        let uuid = s.uuid();
        let phase = match kv::get(&input, "status") {
            Some("stopped") => Phase::Stopped,
            _ => Phase::Active,
        };
        // The doc's create reply order, then whatever else was asked for.
        let mut props: Props = vec![
            ("status".into(), String::new()),
            ("name".into(), kv::get(&input, "name").unwrap_or_default().to_owned()),
            ("tx".into(), "0".into()),
            ("mem".into(), mem.to_string()),
            ("cpu".into(), cpu.to_string()),
            ("rx".into(), "0".into()),
            ("server".into(), uuid.clone()),
            ("user".into(), s.user.clone()),
        ];
        for (k, v) in &input {
            if !["status", "name", "cpu", "mem", "smp"].contains(&k.as_str()) {
                props.push((k.clone(), v.clone()));
            }
        }
        props.push(("smp".into(), smp(&input, cpu)));
        let server = Server { uuid, props, phase: Transition::settled(phase), lease: s.lease() };
        let body = server.render();
        s.servers.push(server);
        Ok(body)
    })
}

pub(super) async fn set(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let input = kv::parse(&body);
    store.with(|s| {
        find(s, &uuid)?;
        let mut errors = Vec::new();
        check_devices(s, &input, &mut errors);
        if input.iter().any(|(k, _)| k == "status") {
            errors.push(("status".into(), "* Use start, stop or shutdown.".into()));
        }
        for key in ["cpu", "mem"] {
            if input.iter().any(|(k, _)| k == key) {
                number(&input, key, &mut errors);
            }
        }
        if input.iter().any(|(k, v)| k == "name" && v.is_empty()) {
            errors.push(("name".into(), "* This field is required.".into()));
        }
        if !errors.is_empty() {
            return Err(bad_request(&input, &errors));
        }
        let server = find_mut(s, &uuid)?;
        for (k, v) in &input {
            kv::set(&mut server.props, k, v.clone());
        }
        // `smp auto` is shown as the count CloudSigma derives from the CPU.
        if kv::get(&input, "smp") == Some("auto") {
            let cpu = kv::get(&server.props, "cpu").and_then(|c| c.parse().ok()).unwrap_or(1000);
            kv::set(&mut server.props, "smp", smp(&input, cpu));
        }
        Ok(server.render())
    })
}

pub(super) async fn start(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
) -> Result<StatusCode, Failure> {
    store.with(|s| {
        let server = find_mut(s, &uuid)?;
        match server.phase() {
            Phase::Stopped => {
                server.phase = Transition::settled(Phase::Active);
                Ok(StatusCode::NO_CONTENT)
            }
            Phase::Paused => {
                Err(busy(format!("Server {uuid} is paused by CloudSigma and cannot be started; contact support")))
            }
            Phase::ShuttingDown => Err(busy(format!("Server {uuid} is shutting down"))),
            Phase::Active => Err(busy(format!("Server {uuid} is already running"))),
        }
    })
}

/// Pulls the plug: stopped at once.
pub(super) async fn stop(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
) -> Result<StatusCode, Failure> {
    store.with(|s| {
        let server = find_mut(s, &uuid)?;
        if !server.running() {
            return Err(busy(format!("Server {uuid} is not running")));
        }
        server.phase = Transition::settled(Phase::Stopped);
        Ok(StatusCode::NO_CONTENT)
    })
}

/// ACPI power button: the guest takes a while to power off.
pub(super) async fn shutdown(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
) -> Result<StatusCode, Failure> {
    store.with(|s| {
        let delay = s.transition;
        let server = find_mut(s, &uuid)?;
        match server.phase() {
            Phase::Active => {
                server.phase = Transition::after(Phase::ShuttingDown, delay, Phase::Stopped);
                Ok(StatusCode::NO_CONTENT)
            }
            Phase::ShuttingDown => Ok(StatusCode::NO_CONTENT),
            Phase::Stopped | Phase::Paused => Err(busy(format!("Server {uuid} is not running"))),
        }
    })
}

/// The doc lists no refusal: a running server is destroyed too. Its
/// drives stay in the account.
pub(super) async fn destroy(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
) -> Result<StatusCode, Failure> {
    store.with(|s| {
        find(s, &uuid)?;
        s.servers.retain(|x| x.uuid != uuid);
        Ok(StatusCode::NO_CONTENT)
    })
}
