//! Beyond servers: drive contents, server clone and the several-server
//! calls, VLANs and static IPs, server groups, profile changes.

use std::io::Read;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use flate2::read::GzDecoder;

use super::kv::{self, Props};
use super::state::{is_device, Cloudsigma, Drive, Server};
use super::{bad_request, busy, drive_data, not_found};
use crate::common::{Failure, Store, Transition};

const VLAN_INFO: &str = doc!("get_resources_vlan_UUID_info.txt");
const IP_LIST: &str = doc!("get_resources_ip_list.txt");
const IP_INFO: &str = doc!("get_resources_ip_info.txt");
const IP_CREATE: &str = doc!("post_resources_ip_create.txt");
const GROUP_INFO: &str = doc!("get_servergroups_UUID_info.txt");
const GROUP_INFO_NAMED: &str = doc!("get_servergroups_UUID_info_2.txt");

/// The doc: "SIZE may not exceed 4MB for a single request".
const MAX_CHUNK: u64 = 4 << 20;

pub(super) struct Resources {
    pub data: drive_data::DriveData,
    /// (uuid, name)
    pub vlans: Vec<(String, String)>,
    /// Each address's properties, `resource` first.
    pub ips: Vec<Props>,
    pub groups: Vec<Group>,
    pub profile: Props,
}

pub(super) struct Group {
    pub uuid: String,
    pub name: String,
    pub description: String,
    pub servers: Vec<String>,
}

impl Resources {
    pub fn seed(empty: bool) -> Self {
        let mut r = Resources {
            data: Default::default(),
            vlans: Vec::new(),
            ips: Vec::new(),
            groups: Vec::new(),
            profile: kv::parse(super::seed::PROFILE),
        };
        if empty {
            return r;
        }
        let vlan = kv::parse(VLAN_INFO);
        r.vlans.push((
            kv::get(&vlan, "resource").unwrap_or_default().to_owned(),
            kv::get(&vlan, "name").unwrap_or_default().to_owned(),
        ));
        let template = kv::parse(IP_CREATE);
        for line in kv::parse(IP_LIST) {
            let mut ip = template.clone();
            kv::set(&mut ip, "resource", line.1);
            r.ips.push(ip);
        }
        r.ips.push(kv::parse(IP_INFO));
        let db = kv::parse(GROUP_INFO);
        let named = kv::parse(GROUP_INFO_NAMED);
        r.groups.push(Group {
            uuid: kv::get(&db, "uuid").unwrap_or_default().to_owned(),
            name: kv::get(&db, "name").unwrap_or_default().to_owned(),
            description: String::new(),
            servers: Vec::new(),
        });
        r.groups.push(Group {
            uuid: "92f5ba00-7851-4ebf-9c0f-b5311ceed042".to_owned(),
            name: kv::get(&named, "name").unwrap_or_default().to_owned(),
            description: kv::get(&named, "description").unwrap_or_default().to_owned(),
            servers: Vec::new(),
        });
        r
    }
}

pub(super) fn routes() -> Router<Store<Cloudsigma>> {
    Router::new()
        .route("/drives/{uuid}/write", post(write_at_start))
        .route("/drives/{uuid}/write/{offset}", post(write))
        .route("/drives/{uuid}/read/{offset}/{size}", get(read))
        // A gzipped 4 MB chunk can grow a little; the default limit is 2 MB.
        .layer(DefaultBodyLimit::max(2 * MAX_CHUNK as usize))
        .route("/servers/{uuid}/clone", post(clone_server))
        .route("/guests/{uuid}/clone", post(clone_server))
        .route("/servers/start", post(start_many))
        .route("/servers/stop", post(stop_many))
        .route("/servers/destroy", post(destroy_many))
        .route("/resources/vlan/list", get(vlan_list))
        .route("/resources/vlan/create", post(vlan_create))
        .route("/resources/vlan/{uuid}/info", get(vlan_info).post(vlan_set))
        .route("/resources/vlan/{uuid}/set", post(vlan_set))
        .route("/resources/ip/list", get(ip_list))
        .route("/resources/ip/info", get(ip_info))
        .route("/resources/ip/create", post(ip_create))
        .route("/resources/ip/{ip}/destroy", get(ip_destroy).post(ip_destroy))
        .route("/servergroups/list", get(group_list))
        .route("/servergroups/create", post(group_create))
        .route("/servergroups/{uuid}/info", get(group_info))
        .route("/servergroups/{uuid}/set", post(group_set))
        .route("/servergroups/{uuid}/destroy", post(group_destroy))
        .route("/servergroups/{uuid}/add", post(group_add))
        .route("/servergroups/{uuid}/remove", post(group_remove))
        .route("/servergroups/{uuid}/start", get(group_start).post(group_start))
        .route("/servergroups/{uuid}/stop", get(group_stop).post(group_stop))
        .route("/profile/set", post(profile_set))
}

fn account_drive<'a>(s: &'a Cloudsigma, uuid: &str) -> Result<&'a Drive, Failure> {
    s.drives.iter().find(|d| d.uuid == uuid).ok_or_else(|| not_found(format!("Drive {uuid} not found")))
}

fn refuse(key: &str, message: String) -> Failure {
    bad_request(&Vec::new(), &[(key.to_owned(), message)])
}

async fn write_at_start(
    store: State<Store<Cloudsigma>>,
    uuid: Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Failure> {
    write(store, Path((uuid.0, "0".to_owned())), headers, body).await
}

async fn write(
    State(store): State<Store<Cloudsigma>>,
    Path((uuid, offset)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, Failure> {
    if headers.get(header::TRANSFER_ENCODING).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"chunked")) {
        return Err(refuse("data", "Transfer-Encoding: chunked is not supported".into()));
    }
    let offset = drive_data::bytes(&offset).ok_or_else(|| refuse("offset", format!("Bad offset {offset}")))?;
    let gzipped = headers.get(header::CONTENT_ENCODING).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"gzip"));
    let data = if gzipped {
        let mut out = Vec::new();
        GzDecoder::new(&body[..])
            .take(MAX_CHUNK + 1)
            .read_to_end(&mut out)
            .map_err(|e| refuse("data", format!("Bad gzip data: {e}")))?;
        out
    } else {
        body.to_vec()
    };
    if data.len() as u64 > MAX_CHUNK {
        return Err(refuse("data", "A chunk may not exceed 4MB".into()));
    }
    store.with(|s| {
        let size = account_drive(s, &uuid)?.size();
        if offset + data.len() as u64 > size {
            return Err(refuse("offset", format!("Writing past the end of drive {uuid} ({size} bytes)")));
        }
        s.resources.data.write(&uuid, offset, &data);
        Ok(StatusCode::NO_CONTENT)
    })
}

async fn read(
    State(store): State<Store<Cloudsigma>>,
    Path((uuid, offset, size)): Path<(String, String, String)>,
) -> Result<([(header::HeaderName, &'static str); 1], Vec<u8>), Failure> {
    let offset = drive_data::bytes(&offset).ok_or_else(|| refuse("offset", format!("Bad offset {offset}")))?;
    let size = drive_data::bytes(&size).ok_or_else(|| refuse("size", format!("Bad size {size}")))?;
    if size == 0 || size > MAX_CHUNK {
        return Err(refuse("size", "SIZE may not exceed 4MB for a single request".into()));
    }
    store.with(|s| {
        let total = s.drive(&uuid).map(Drive::size).ok_or_else(|| not_found(format!("Drive {uuid} not found")))?;
        if offset + size > total {
            return Err(refuse("size", format!("Reading past the end of drive {uuid} ({total} bytes)")));
        }
        Ok(([(header::CONTENT_TYPE, "application/octet-stream")], s.resources.data.read(&uuid, offset, size)))
    })
}

/// The doc's example: the copy gets new drives (`ide:0:0` differs) and
/// keeps everything else, its status included.
async fn clone_server(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let input = kv::parse(&body);
    let name = kv::get(&input, "name").filter(|n| !n.is_empty()).map(str::to_owned);
    let Some(name) = name else {
        return Err(bad_request(&input, &[("name".into(), "* This field is required.".into())]));
    };
    store.with(|s| {
        let source = s.server(&uuid).ok_or_else(|| not_found(format!("Server {uuid} not found")))?;
        let (props, phase) = (source.props.clone(), source.phase());
        let new_uuid = s.uuid();
        let mut copy: Props = Vec::new();
        for (k, v) in props {
            let v = match k.as_str() {
                "name" => name.clone(),
                "server" => new_uuid.clone(),
                "tx" | "rx" => "0".into(),
                key if is_device(key) => copy_drive(s, &v, &name),
                _ => v,
            };
            copy.push((k, v));
        }
        let server = Server { uuid: new_uuid, props: copy, phase: Transition::settled(phase), lease: s.lease() };
        let body = server.render();
        s.servers.push(server);
        Ok(body)
    })
}

/// The doc's example servers boot from drives its drive list leaves out;
/// those are taken to be the doc's usual 5 GiB root drive.
fn copy_drive(s: &mut Cloudsigma, from: &str, server_name: &str) -> String {
    let uuid = s.uuid();
    let size = s.drive(from).map_or(5368709120, Drive::size);
    let props: Props = vec![
        ("status".into(), "active".into()),
        ("user".into(), s.user.clone()),
        ("size".into(), size.to_string()),
        ("name".into(), format!("{server_name} drive")),
        ("drive".into(), uuid.clone()),
    ];
    s.drives.push(Drive { uuid: uuid.clone(), props });
    s.resources.data.copy(from, &uuid);
    uuid
}

/// `server:NUMBER UUID` lines; every uuid must be a server of the account.
fn listed_servers(s: &Cloudsigma, input: &Props) -> Result<Vec<String>, Failure> {
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for (k, v) in input {
        if k.starts_with("server:") {
            if s.server(v).is_none() {
                errors.push((k.clone(), format!("Server {v} not found")));
            }
            ids.push(v.clone());
        }
    }
    if ids.is_empty() {
        errors.push(("server:0".into(), "* This field is required.".into()));
    }
    if errors.is_empty() {
        Ok(ids)
    } else {
        Err(bad_request(input, &errors))
    }
}

fn list(ids: impl IntoIterator<Item = String>) -> String {
    ids.into_iter().map(|id| format!("{id}\n")).collect()
}

async fn start_many(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let input = kv::parse(&body);
    store.with(|s| power_listed(s, listed_servers(s, &input)?, true))
}

async fn stop_many(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let input = kv::parse(&body);
    store.with(|s| power_listed(s, listed_servers(s, &input)?, false))
}

/// Powers the servers on or off together; the answer lists them.
fn power_listed(s: &mut Cloudsigma, ids: Vec<String>, start: bool) -> Result<String, Failure> {
    power(s, &ids, start)?;
    Ok(list(ids))
}

/// Already in the asked state is fine; a paused server refuses to start.
fn power(s: &mut Cloudsigma, ids: &[String], start: bool) -> Result<(), Failure> {
    use super::state::Phase;
    for id in ids {
        if start && s.server(id).is_some_and(|x| x.phase() == Phase::Paused) {
            return Err(busy(format!("Server {id} is paused by CloudSigma and cannot be started; contact support")));
        }
    }
    for id in ids {
        if let Some(server) = s.server_mut(id) {
            match (start, server.phase()) {
                (true, Phase::Stopped) => server.phase = Transition::settled(Phase::Active),
                (false, Phase::Active | Phase::ShuttingDown) => server.phase = Transition::settled(Phase::Stopped),
                _ => {}
            }
        }
    }
    Ok(())
}

/// The doc's example answers with the servers that are left.
async fn destroy_many(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let input = kv::parse(&body);
    store.with(|s| {
        let ids = listed_servers(s, &input)?;
        s.servers.retain(|x| !ids.contains(&x.uuid));
        for g in &mut s.resources.groups {
            g.servers.retain(|x| !ids.contains(x));
        }
        Ok(list(s.servers.iter().map(|x| x.uuid.clone())))
    })
}

fn vlan_body(user: &str, uuid: &str, name: &str) -> String {
    kv::write([("resource", uuid), ("type", "vlan"), ("user", user), ("name", name)])
}

async fn vlan_list(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| kv::write(s.resources.vlans.iter().map(|(id, _)| ("vlan", id.as_str()))))
}

/// (uuid, name)
fn vlan<'a>(s: &'a mut Cloudsigma, uuid: &str) -> Result<&'a mut (String, String), Failure> {
    s.resources.vlans.iter_mut().find(|(id, _)| id == uuid).ok_or_else(|| not_found(format!("VLAN {uuid} not found")))
}

async fn vlan_info(State(store): State<Store<Cloudsigma>>, Path(uuid): Path<String>) -> Result<String, Failure> {
    store.with(|s| {
        let user = s.user.clone();
        let (id, name) = vlan(s, &uuid)?;
        Ok(vlan_body(&user, id, name))
    })
}

fn required_name(input: &Props) -> Result<String, Failure> {
    kv::get(input, "name")
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| bad_request(input, &[("name".into(), "* This field is required.".into())]))
}

async fn vlan_create(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let name = required_name(&kv::parse(&body))?;
    Ok(store.with(|s| {
        let uuid = s.uuid();
        s.resources.vlans.push((uuid.clone(), name.clone()));
        vlan_body(&s.user, &uuid, &name)
    }))
}

async fn vlan_set(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let name = required_name(&kv::parse(&body))?;
    store.with(|s| {
        let user = s.user.clone();
        let vlan = vlan(s, &uuid)?;
        vlan.1 = name;
        Ok(vlan_body(&user, &vlan.0, &vlan.1))
    })
}

async fn ip_list(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| kv::write(s.resources.ips.iter().map(|p| ("ip", kv::get(p, "resource").unwrap_or_default()))))
}

async fn ip_info(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| s.resources.ips.iter().map(kv::write_props).collect())
}

/// Addresses come from the doc's 91.203.56.0/24.
async fn ip_create(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| {
        let taken = |ip: &str| s.resources.ips.iter().any(|p| kv::get(p, "resource") == Some(ip));
        let ip =
            (100..250).map(|n| format!("91.203.56.{n}")).find(|ip| !taken(ip)).unwrap_or_else(|| "91.203.57.2".into());
        let mut props = kv::parse(IP_CREATE);
        kv::set(&mut props, "resource", ip);
        kv::set(&mut props, "user", s.user.clone());
        let body = kv::write_props(&props);
        s.resources.ips.push(props);
        body
    })
}

async fn ip_destroy(State(store): State<Store<Cloudsigma>>, Path(ip): Path<String>) -> Result<StatusCode, Failure> {
    store.with(|s| {
        let before = s.resources.ips.len();
        s.resources.ips.retain(|p| kv::get(p, "resource") != Some(ip.as_str()));
        if s.resources.ips.len() == before {
            return Err(refuse("ip", format!("IP {ip} not found")));
        }
        Ok(StatusCode::NO_CONTENT)
    })
}

fn group<'a>(s: &'a mut Cloudsigma, uuid: &str) -> Result<&'a mut Group, Failure> {
    s.resources
        .groups
        .iter_mut()
        .find(|g| g.uuid == uuid)
        .ok_or_else(|| not_found(format!("Server group {uuid} not found")))
}

async fn group_list(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| list(s.resources.groups.iter().map(|g| g.uuid.clone())))
}

async fn group_info(State(store): State<Store<Cloudsigma>>, Path(uuid): Path<String>) -> Result<String, Failure> {
    store.with(|s| {
        let g = group(s, &uuid)?;
        Ok(kv::write([("uuid", g.uuid.as_str()), ("name", g.name.as_str()), ("description", g.description.as_str())]))
    })
}

async fn group_create(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let name = required_name(&kv::parse(&body))?;
    Ok(store.with(|s| {
        let uuid = s.uuid();
        let body = kv::write([("uuid", uuid.as_str()), ("name", name.as_str())]);
        s.resources.groups.push(Group { uuid, name, description: String::new(), servers: Vec::new() });
        body
    }))
}

async fn group_set(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: String,
) -> Result<String, Failure> {
    let input = kv::parse(&body);
    let name = required_name(&input)?;
    store.with(|s| {
        let g = group(s, &uuid)?;
        g.name = name;
        if let Some(d) = kv::get(&input, "description") {
            g.description = d.to_owned();
        }
        Ok(kv::write([("name", g.name.as_str()), ("description", g.description.as_str())]))
    })
}

async fn group_destroy(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
) -> Result<StatusCode, Failure> {
    store.with(|s| {
        group(s, &uuid)?;
        s.resources.groups.retain(|g| g.uuid != uuid);
        Ok(StatusCode::NO_CONTENT)
    })
}

async fn group_add(store: State<Store<Cloudsigma>>, uuid: Path<String>, body: String) -> Result<String, Failure> {
    change_members(store, uuid, &body, |members, ids| {
        for id in ids {
            if !members.contains(&id) {
                members.push(id);
            }
        }
    })
}

async fn group_remove(store: State<Store<Cloudsigma>>, uuid: Path<String>, body: String) -> Result<String, Failure> {
    change_members(store, uuid, &body, |members, ids| members.retain(|x| !ids.contains(x)))
}

/// Adds or removes the listed servers; the answer is the group's servers.
fn change_members(
    State(store): State<Store<Cloudsigma>>,
    Path(uuid): Path<String>,
    body: &str,
    change: impl FnOnce(&mut Vec<String>, Vec<String>),
) -> Result<String, Failure> {
    let input = kv::parse(body);
    store.with(|s| {
        let ids = listed_servers(s, &input)?;
        let g = group(s, &uuid)?;
        change(&mut g.servers, ids);
        Ok(list(g.servers.clone()))
    })
}

async fn group_start(State(store): State<Store<Cloudsigma>>, Path(uuid): Path<String>) -> Result<String, Failure> {
    store.with(|s| {
        let ids = group(s, &uuid)?.servers.clone();
        power_listed(s, ids, true)
    })
}

async fn group_stop(State(store): State<Store<Cloudsigma>>, Path(uuid): Path<String>) -> Result<String, Failure> {
    store.with(|s| {
        let ids = group(s, &uuid)?.servers.clone();
        power_listed(s, ids, false)
    })
}

pub(super) async fn profile_info(State(store): State<Store<Cloudsigma>>) -> String {
    store.with(|s| kv::write_props(&s.resources.profile))
}

/// The doc's 6.2: email, first, last and nick name are required; the
/// answer is the profile (its `secret_key` included, as the doc shows).
async fn profile_set(State(store): State<Store<Cloudsigma>>, body: String) -> Result<String, Failure> {
    let input = kv::parse(&body);
    store.with(|s| {
        let mut errors = Vec::new();
        for key in ["email", "first_name", "last_name", "nick_name"] {
            if kv::get(&input, key).is_none_or(str::is_empty) {
                errors.push((key.to_owned(), "* This field is required.".to_owned()));
            }
        }
        if kv::get(&input, "email").is_some_and(|e| !e.contains('@')) {
            errors.push(("email".into(), "* Enter a valid e-mail address.".into()));
        }
        if !errors.is_empty() {
            return Err(bad_request(&input, &errors));
        }
        for (k, v) in input {
            if ["email", "first_name", "last_name", "nick_name", "title", "company", "address", "postcode", "phone"]
                .contains(&k.as_str())
            {
                kv::set(&mut s.resources.profile, &k, v);
            }
        }
        Ok(kv::write_props(&s.resources.profile))
    })
}
