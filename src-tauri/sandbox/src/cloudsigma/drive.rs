//! `/drives/...`: the account's drives and the standard ones.

use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::kv::{self, Props};
use super::state::{Cloudsigma, Drive};
use super::{bad_request, not_found, seed};
use crate::common::{Failure, Store};

fn unknown(uuid: &str) -> Failure {
    not_found(format!("Drive {uuid} not found"))
}

pub(super) async fn list(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| kv::write(s.drives.iter().map(|d| (d.uuid.as_str(), ""))))
}

pub(super) async fn info_all(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| s.drives.iter().map(|d| kv::write_props(&d.props)).collect())
}

pub(super) async fn info(State(store): State<Store<Cloudsigma>>, Path(uuid): Path<String>) -> Result<String, Failure> {
    store.with(|s| s.drive(&uuid).map(|d| kv::write_props(&d.props)).ok_or_else(|| unknown(&uuid)))
}

/// The doc gives the same eight uuids for CDs, images and all standard drives.
pub(super) async fn standard_list() -> &'static str {
    seed::STANDARD_LIST
}

fn name_and_size(input: &Props) -> Result<(String, u64), Failure> {
    let mut errors = Vec::new();
    let name = kv::get(input, "name").filter(|n| !n.is_empty());
    if name.is_none() {
        errors.push(("name".to_owned(), "* This field is required.".to_owned()));
    }
    let size = kv::get(input, "size").and_then(|v| v.parse::<u64>().ok());
    if size.is_none() {
        errors.push(("size".to_owned(), "* Enter the size in bytes.".to_owned()));
    }
    match (name, size) {
        (Some(name), Some(size)) => Ok((name.to_owned(), size)),
        _ => Err(bad_request(input, &errors)),
    }
}

fn add(s: &mut Cloudsigma, name: String, size: u64) -> String {
    let uuid = s.uuid();
    let props: Props = vec![
        ("status".into(), "active".into()),
        ("user".into(), s.user.clone()),
        ("size".into(), size.to_string()),
        ("name".into(), name),
        ("drive".into(), uuid.clone()),
    ];
    let body = kv::write_props(&props);
    s.drives.push(Drive { uuid, props });
    body
}

pub(super) async fn create(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let (name, size) = name_and_size(&kv::parse(&body))?;
    Ok(store.with(|s| add(s, name, size)))
}

/// The doc answers 400 for an unknown source and for a smaller copy.
pub(super) async fn clone(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let input = kv::parse(&body);
    let (name, size) = name_and_size(&input)?;
    store.with(|s| {
        let source = s
            .drive(&uuid)
            .map(Drive::size)
            .ok_or_else(|| bad_request(&input, &[("drive".into(), format!("Drive {uuid} not found"))]))?;
        if size < source {
            return Err(bad_request(
                &input,
                &[("size".into(), format!("The clone cannot be smaller than the original ({source} bytes)"))],
            ));
        }
        Ok(add(s, name, size))
    })
}

pub(super) async fn destroy(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
) -> Result<StatusCode, Failure> {
    store.with(|s| {
        if !s.drives.iter().any(|d| d.uuid == uuid) {
            return Err(unknown(&uuid));
        }
        if let Some(server) = s.mounted_on(&uuid) {
            return Err(bad_request(
                &Vec::new(),
                &[("drive".into(), format!("Drive {uuid} is mounted on server {}", server.uuid))],
            ));
        }
        s.drives.retain(|d| d.uuid != uuid);
        Ok(StatusCode::NO_CONTENT)
    })
}
