//! CloudSigma 1.0 beyond servers: drives and their contents (chapter 7),
//! server clone and the several-server calls (8.3, 8.5, 8.13, 8.14), VLANs
//! and static IPs (9), server groups (10), the profile (6) and a server's
//! settings (8.8).

use std::io::Write;
use std::net::IpAddr;

use async_trait::async_trait;
use flate2::write::GzEncoder;
use flate2::Compression;

use super::codec::{self, Object};
use super::wire::ServerWire;
use super::{map, name, name_body, uuid, Cloudsigma};
use crate::error::{Error, Result};
use crate::providers::cloudsigma::ext::drives::{Drive, DriveClone, Drives, NewDrive, StandardKind, CHUNK};
use crate::providers::cloudsigma::ext::clone_and_bulk::CloneAndBulk;
use crate::capabilities::account::profile::{Profile, ProfileChange, ProfileField};
use crate::providers::cloudsigma::ext::vlans_and_ips::{VlansAndIps, StaticIp, Vlan};
use crate::providers::cloudsigma::ext::server_groups::{ServerGroup, ServerGroups};
use crate::providers::cloudsigma::ext::server_settings::{change_body, ServerChanges, ServerSettings};
use crate::http::{Body, Request};
use crate::model::Server;
use crate::providers::common::ProviderApi;

/// `claimed OWNER:guest:SERVER:ide:0:0` names the server using the drive.
fn claimed_by(o: &Object) -> Option<String> {
    o.get("claimed").and_then(|c| c.split(':').nth(2)).filter(|s| !s.is_empty()).map(str::to_string)
}

pub(super) fn drive(o: &Object) -> Option<Drive> {
    let id = o.get("drive").map(str::trim).filter(|s| !s.is_empty())?.to_string();
    Some(Drive {
        name: o.get("name").filter(|n| !n.trim().is_empty()).map_or_else(|| format!("drive {id}"), str::to_string),
        size_bytes: o.get("size").and_then(|s| s.trim().parse().ok()),
        status: o.get("status").unwrap_or_default().to_string(),
        claimed_by: claimed_by(o),
        ssd: o.get("tags").is_some_and(|t| t.split_whitespace().any(|t| t == "affinity:ssd")),
        id,
    })
}

fn no_id(what: &str) -> Error {
    Error::provider(format!("CloudSigma answered without the {what}'s id; the API may have changed"))
}

/// The doc's `server:NUMBER` lists.
fn numbered(ids: &[String]) -> Result<Object> {
    let mut body = Object::default();
    for (i, id) in ids.iter().enumerate() {
        body.push(format!("server:{i}"), uuid("servers", "server", id)?);
    }
    Ok(body)
}

/// `GET /resources/vlan/list` answers `vlan UUID` lines.
fn vlan_ids(text: &str) -> Vec<String> {
    codec::parse_objects(text).iter().filter_map(|o| o.get("vlan")).map(str::to_string).collect()
}

/// A group's info names it (10.5 adds its `uuid`, 10.6 its `description`);
/// the id is the one asked for.
fn group(id: &str, o: &Object) -> ServerGroup {
    ServerGroup {
        id: id.to_string(),
        name: o.get("name").unwrap_or_default().to_string(),
        description: o.get("description").unwrap_or_default().to_string(),
    }
}

/// The create answer is the only place the new group's `uuid` is given.
fn created_group(o: &Object) -> Option<ServerGroup> {
    let id = o.get("uuid").map(str::trim).filter(|s| !s.is_empty())?;
    Some(group(id, o))
}

fn drive_body(d: &NewDrive) -> Result<Object> {
    let mut body = Object::default();
    body.push("name", name(&d.name)?);
    body.push("size", d.size_bytes.to_string());
    body.push("claim:type", if d.shared { "shared" } else { "exclusive" });
    body.push("encryption:cipher", if d.encrypted { "aes-xts-plain" } else { "none" });
    if d.ssd {
        body.push("tags", "affinity:ssd");
    }
    Ok(body)
}

pub(super) fn vlan(o: &Object) -> Option<Vlan> {
    let id = o.get("resource").map(str::trim).filter(|s| !s.is_empty())?.to_string();
    Some(Vlan { name: o.get("name").unwrap_or_default().to_string(), id })
}

pub(super) fn static_ip(o: &Object) -> Option<StaticIp> {
    let ip = o.get("resource").map(str::trim).filter(|s| !s.is_empty())?.to_string();
    let text = |k: &str| o.get(k).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    Some(StaticIp {
        ip,
        name: text("name"),
        netmask: text("netmask"),
        gateway: text("gateway"),
        nameservers: o.get("nameserver").unwrap_or_default().split_whitespace().map(str::to_string).collect(),
    })
}

/// The profile's keys as the doc's tables list them: label, editable
/// through `/profile/set`, required there.
const PROFILE_KEYS: [(&str, &str, bool, bool); 12] = [
    ("email", "Email", true, true),
    ("first_name", "First name", true, true),
    ("last_name", "Last name", true, true),
    ("nick_name", "Public name", true, true),
    ("title", "Title", true, false),
    ("company", "Company", true, false),
    ("address", "Address", true, false),
    ("postcode", "Postcode", true, false),
    ("phone", "Phone", true, false),
    ("currency", "Billing currency", false, false),
    ("country", "Country", false, false),
    ("language", "Language", false, false),
];

/// Only the documented keys: the answer also carries the account's API
/// `secret_key`, which must never leave the client.
pub(super) fn profile(o: &Object) -> Vec<ProfileField> {
    PROFILE_KEYS
        .iter()
        .filter(|(key, _, editable, _)| *editable || o.has(key))
        .map(|(key, label, editable, required)| ProfileField {
            key: key.to_string(),
            label: label.to_string(),
            value: o.get(key).unwrap_or_default().to_string(),
            editable: *editable,
            required: *required,
        })
        .collect()
}

fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = GzEncoder::new(Vec::with_capacity(data.len() / 2), Compression::fast());
    enc.write_all(data)?;
    enc.finish()
}

impl Cloudsigma {
    /// A GET that changes something (the doc's IP destroy, group start and
    /// stop): never retried.
    async fn get_write(&self, path: &str) -> Result<String> {
        self.text(Request { safe: false, ..Request::get(path) }).await
    }

    async fn drive_info(&self, id: &str) -> Result<Drive> {
        drive(&codec::parse_object(&self.get(&format!("/drives/{id}/info")).await?)).ok_or_else(|| no_id("drive"))
    }

    async fn vlan_info(&self, id: &str) -> Result<Vlan> {
        vlan(&codec::parse_object(&self.get(&format!("/resources/vlan/{id}/info")).await?)).ok_or_else(|| no_id("VLAN"))
    }

    async fn group_info(&self, id: &str) -> Result<ServerGroup> {
        Ok(group(id, &codec::parse_object(&self.get(&format!("/servergroups/{id}/info")).await?)))
    }
}

#[async_trait]
impl Drives for Cloudsigma {
    async fn list_drives(&self) -> Result<Vec<Drive>> {
        codec::parse_objects(&self.get("/drives/info").await?)
            .iter()
            .map(|o| drive(o).ok_or_else(|| no_id("drive")))
            .collect()
    }

    async fn drive(&self, id: &str) -> Result<Drive> {
        self.drive_info(&uuid("id", "drive", id)?).await
    }

    async fn standard_drives(&self, kind: StandardKind) -> Result<Vec<Drive>> {
        let path = match kind {
            StandardKind::Cd => "/drives/standard/cd/list",
            StandardKind::Image => "/drives/standard/img/list",
            StandardKind::All => "/drives/standard/list",
        };
        let ids = codec::parse_list(&self.get(path).await?);
        futures::future::try_join_all(ids.iter().map(|id| async move {
            let id = uuid("id", "drive", id).map_err(|_| {
                Error::provider(format!("CloudSigma listed a standard drive id that is not a UUID: {id:?}"))
            })?;
            self.drive_info(&id).await
        }))
        .await
    }

    async fn create_drive(&self, d: &NewDrive) -> Result<Drive> {
        drive(&codec::parse_object(&self.post("/drives/create", &drive_body(d)?).await?)).ok_or_else(|| no_id("drive"))
    }

    async fn clone_drive(&self, id: &str, c: &DriveClone) -> Result<Drive> {
        let id = uuid("id", "drive", id)?;
        let size = match c.size_bytes {
            Some(s) => s,
            None => self.drive_info(&id).await?.size_bytes.ok_or_else(|| {
                Error::provider(format!("CloudSigma did not give the size of drive {id}, which cloning needs"))
            })?,
        };
        let mut body = Object::default();
        body.push("name", name(&c.name)?);
        body.push("size", size.to_string());
        if c.ssd {
            body.push("tags", "affinity:ssd");
        }
        drive(&codec::parse_object(&self.post(&format!("/drives/{id}/clone"), &body).await?))
            .ok_or_else(|| no_id("drive"))
    }

    async fn destroy_drive(&self, id: &str) -> Result<()> {
        let id = uuid("id", "drive", id)?;
        self.post(&format!("/drives/{id}/destroy"), &Object::default()).await.map(|_| ())
    }

    /// Gzipped, as the doc asks for large uploads; sent with a length
    /// (the API refuses chunked transfer encoding).
    async fn write_chunk(&self, id: &str, offset: u64, data: &[u8]) -> Result<()> {
        let id = uuid("id", "drive", id)?;
        if data.len() as u64 > CHUNK {
            return Err(Error::validation("a drive chunk is at most 4 MiB"));
        }
        let raw = data.to_vec();
        let packed = tokio::task::spawn_blocking(move || gzip(&raw))
            .await
            .map_err(|e| Error::provider(format!("compressing the chunk failed: {e}")))?
            .map_err(|e| Error::provider(format!("compressing the chunk failed: {e}")))?;
        let req = Request {
            body: Body::Bytes { content_type: "application/octet-stream", encoding: Some("gzip"), data: packed },
            ..Request::post(format!("/drives/{id}/write/{offset}"))
        };
        self.text(req).await.map(|_| ())
    }

    async fn read_chunk(&self, id: &str, offset: u64, size: u64) -> Result<Vec<u8>> {
        let id = uuid("id", "drive", id)?;
        if size == 0 || size > CHUNK {
            return Err(Error::validation("a drive read is 1 byte to 4 MiB"));
        }
        let resp = self.api.send(Request::get(format!("/drives/{id}/read/{offset}/{size}"))).await?;
        if !resp.is_success() {
            return Err(self.status_error(&resp, ()));
        }
        if resp.body.len() as u64 != size {
            return Err(Error::provider(format!(
                "CloudSigma sent {} bytes of drive {id} at offset {offset} where {size} were asked for",
                resp.body.len()
            )));
        }
        Ok(resp.body)
    }
}

#[async_trait]
impl ServerSettings for Cloudsigma {
    /// Reads the server first: the CPU-per-core rule needs what stays, and
    /// keys already holding their new value are not sent. The answer is the
    /// server as changed; one without its uuid is read again.
    async fn set_server(&self, id: &str, changes: &ServerChanges) -> Result<Server> {
        let id = uuid("id", "server", id)?;
        let current = self.server_object(&id).await?;
        let body = Object(change_body(changes, &current.raw.0, name)?);
        let text = self.post(&format!("/servers/{id}/set"), &body).await?;
        match ServerWire::from_object(codec::parse_object(&text)) {
            Some(wire) => Ok(map::server(wire, self.location)),
            None => Ok(map::server(self.server_object(&id).await?, self.location)),
        }
    }
}

#[async_trait]
impl CloneAndBulk for Cloudsigma {
    async fn clone_server(&self, id: &str, new_name: &str) -> Result<Server> {
        let id = uuid("id", "server", id)?;
        let text = self.post(&format!("/servers/{id}/clone"), &name_body(new_name)?).await?;
        let wire = ServerWire::from_object(codec::parse_object(&text)).ok_or_else(|| no_id("server"))?;
        Ok(map::server(wire, self.location))
    }

    async fn start_servers(&self, ids: &[String]) -> Result<()> {
        self.post("/servers/start", &numbered(ids)?).await.map(|_| ())
    }

    async fn stop_servers(&self, ids: &[String]) -> Result<()> {
        self.post("/servers/stop", &numbered(ids)?).await.map(|_| ())
    }

    async fn destroy_servers(&self, ids: &[String]) -> Result<()> {
        self.post("/servers/destroy", &numbered(ids)?).await.map(|_| ())
    }
}

#[async_trait]
impl VlansAndIps for Cloudsigma {
    async fn vlans(&self) -> Result<Vec<Vlan>> {
        let ids = vlan_ids(&self.get("/resources/vlan/list").await?);
        futures::future::try_join_all(
            ids.iter().map(|id| async move { self.vlan_info(&uuid("id", "VLAN", id)?).await }),
        )
        .await
    }

    async fn create_vlan(&self, vlan_name: &str) -> Result<Vlan> {
        vlan(&codec::parse_object(&self.post("/resources/vlan/create", &name_body(vlan_name)?).await?))
            .ok_or_else(|| no_id("VLAN"))
    }

    /// The doc's table says `/set`; its example posts to `/info`.
    async fn rename_vlan(&self, id: &str, vlan_name: &str) -> Result<Vlan> {
        let id = uuid("id", "VLAN", id)?;
        vlan(&codec::parse_object(&self.post(&format!("/resources/vlan/{id}/set"), &name_body(vlan_name)?).await?))
            .ok_or_else(|| no_id("VLAN"))
    }

    async fn static_ips(&self) -> Result<Vec<StaticIp>> {
        codec::parse_objects(&self.get("/resources/ip/info").await?)
            .iter()
            .map(|o| static_ip(o).ok_or_else(|| no_id("IP address")))
            .collect()
    }

    async fn create_static_ip(&self) -> Result<StaticIp> {
        static_ip(&codec::parse_object(&self.post("/resources/ip/create", &Object::default()).await?))
            .ok_or_else(|| no_id("IP address"))
    }

    /// The doc's table path (its example leaves out `ip/`).
    async fn destroy_static_ip(&self, ip: &str) -> Result<()> {
        let ip: IpAddr = crate::capabilities::server::network::ip("ip", ip)?;
        self.get_write(&format!("/resources/ip/{ip}/destroy")).await.map(|_| ())
    }
}

#[async_trait]
impl ServerGroups for Cloudsigma {
    async fn server_groups(&self) -> Result<Vec<ServerGroup>> {
        let ids = codec::parse_list(&self.get("/servergroups/list").await?);
        futures::future::try_join_all(
            ids.iter().map(|id| async move { self.group_info(&uuid("id", "server group", id)?).await }),
        )
        .await
    }

    async fn create_server_group(&self, group_name: &str) -> Result<ServerGroup> {
        created_group(&codec::parse_object(&self.post("/servergroups/create", &name_body(group_name)?).await?))
            .ok_or_else(|| no_id("server group"))
    }

    /// The doc's table has `/servergroupss/UUID/set`, a typo of the
    /// collection name every other call uses.
    async fn rename_server_group(&self, id: &str, group_name: &str) -> Result<()> {
        let id = uuid("id", "server group", id)?;
        self.post(&format!("/servergroups/{id}/set"), &name_body(group_name)?).await.map(|_| ())
    }

    async fn destroy_server_group(&self, id: &str) -> Result<()> {
        let id = uuid("id", "server group", id)?;
        self.post(&format!("/servergroups/{id}/destroy"), &Object::default()).await.map(|_| ())
    }

    async fn add_to_group(&self, id: &str, servers: &[String]) -> Result<Vec<String>> {
        let id = uuid("id", "server group", id)?;
        Ok(codec::parse_list(&self.post(&format!("/servergroups/{id}/add"), &numbered(servers)?).await?))
    }

    async fn remove_from_group(&self, id: &str, servers: &[String]) -> Result<Vec<String>> {
        let id = uuid("id", "server group", id)?;
        Ok(codec::parse_list(&self.post(&format!("/servergroups/{id}/remove"), &numbered(servers)?).await?))
    }

    async fn start_group(&self, id: &str) -> Result<Vec<String>> {
        let id = uuid("id", "server group", id)?;
        Ok(codec::parse_list(&self.get_write(&format!("/servergroups/{id}/start")).await?))
    }

    async fn stop_group(&self, id: &str) -> Result<Vec<String>> {
        let id = uuid("id", "server group", id)?;
        Ok(codec::parse_list(&self.get_write(&format!("/servergroups/{id}/stop")).await?))
    }
}

#[async_trait]
impl Profile for Cloudsigma {
    async fn profile(&self) -> Result<Vec<ProfileField>> {
        Ok(profile(&codec::parse_object(&self.get("/profile/info").await?)))
    }

    async fn set_profile(&self, changes: &[ProfileChange]) -> Result<Vec<ProfileField>> {
        let mut body = Object::default();
        for c in changes {
            body.push(c.key.as_str(), c.value.as_str());
        }
        Ok(profile(&codec::parse_object(&self.post("/profile/set", &body).await?)))
    }
}

/// The doc's example bodies for these calls (tests/fixtures/cloudsigma,
/// verbatim) read through the codec and the mapping above.
#[cfg(test)]
mod tests {
    use super::*;

        #[test]
    fn drive_examples() {
        let created = drive(&codec::parse_object(doc_body!("cloudsigma", "post_drives_create.txt"))).unwrap();
        assert_eq!(
            (created.id.as_str(), created.name.as_str(), created.size_bytes),
            ("210a0b7e-2b71-4bba-8703-195704469a81", "TEST_DRIVE", Some(4194304))
        );
        let one = drive(&codec::parse_object(doc_body!("cloudsigma", "get_drives_UUID_info.txt"))).unwrap();
        assert_eq!((one.name.as_str(), one.status.as_str(), one.claimed_by), ("gentoo-livecd", "active", None));
        let all: Vec<Drive> =
            codec::parse_objects(doc_body!("cloudsigma", "get_drives_info.txt")).iter().map(|o| drive(o).unwrap()).collect();
        assert_eq!(all.len(), 8);
        let data = all.iter().find(|d| d.name == "data").unwrap();
        assert_eq!(
            (data.size_bytes, data.claimed_by.as_deref()),
            (Some(107374182400), Some("e4d50a5c-b516-4993-8d73-c36e7782fbbb"))
        );
        assert_eq!(codec::parse_list(doc_body!("cloudsigma", "get_drives_standard_cd_list.txt")).len(), 8);
        assert_eq!(codec::parse_list(doc_body!("cloudsigma", "get_drives_standard_img_list.txt")).len(), 8);
        let request = codec::parse_object(doc_body!("cloudsigma", "post_drives_create.request.txt"));
        assert_eq!((request.get("name"), request.get("size")), (Some("TEST_DRIVE"), Some("4194304")));
    }

    #[test]
    fn server_clone_and_bulk_examples() {
        let wire = ServerWire::from_object(codec::parse_object(doc_body!("cloudsigma", "post_servers_UUID_clone.txt"))).unwrap();
        let s = map::server(wire, super::super::Location::Zurich);
        assert_eq!((s.id.as_str(), s.name.as_str()), ("e2d38cf0-ba63-479b-9bd8-a9b9a449c6cd", "node005_clone"));
        assert_eq!(
            codec::parse_object(doc_body!("cloudsigma", "post_servers_UUID_clone.request.txt")).get("name"),
            Some("node005_clone")
        );
        assert_eq!(codec::parse_list(doc_body!("cloudsigma", "post_servers_destroy.txt")).len(), 6);
        // The doc's third uuid is one digit short; ids are sent as given.
        let ids: Vec<String> =
            codec::parse_object(doc_body!("cloudsigma", "post_servers_stop.request.txt")).iter().map(|(_, v)| v.to_string()).collect();
        let body = numbered(&ids).unwrap();
        assert_eq!(codec::write_object(body.iter()), doc_body!("cloudsigma", "post_servers_stop.request.txt"));
        assert_eq!(doc_body!("cloudsigma", "post_servers_start.request.txt"), doc_body!("cloudsigma", "post_servers_stop.request.txt"));
        assert_eq!(doc_body!("cloudsigma", "post_servers_destroy.request.txt"), doc_body!("cloudsigma", "post_servers_stop.request.txt"));
    }

    #[test]
    fn vlan_and_ip_examples() {
        let v = vlan(&codec::parse_object(doc_body!("cloudsigma", "get_resources_vlan_UUID_info.txt"))).unwrap();
        assert_eq!((v.id.as_str(), v.name.as_str()), ("6e2d1f6a-03c8-422b-bc8e-d744612cf46a", "My VLAN"));
        assert_eq!(vlan(&codec::parse_object(doc_body!("cloudsigma", "post_resources_vlan_create.txt"))).unwrap().name, "My VLAN1");
        assert_eq!(vlan(&codec::parse_object(doc_body!("cloudsigma", "post_resources_vlan_UUID_info.txt"))).unwrap().name, "My VLAN1");
        assert_eq!(
            codec::parse_object(doc_body!("cloudsigma", "post_resources_vlan_create.request.txt")).get("name"),
            Some("My VLAN1")
        );
        assert_eq!(
            codec::parse_object(doc_body!("cloudsigma", "post_resources_vlan_UUID_info.request.txt")).get("name"),
            Some("My VLAN1")
        );
        assert_eq!(vlan_ids(doc_body!("cloudsigma", "get_resources_vlan_list.txt")), ["6e2d1f6a-03c8-422b-bc8e-d744612cf46a"]);

        let info = static_ip(&codec::parse_object(doc_body!("cloudsigma", "get_resources_ip_info.txt"))).unwrap();
        assert_eq!(info.ip, "178.22.67.72");
        assert_eq!((info.name.as_deref(), info.gateway.as_deref()), (Some("p9"), Some("178.22.64.1")));
        assert_eq!(info.nameservers, ["178.22.66.167", "178.22.64.25"]);
        let made = static_ip(&codec::parse_object(doc_body!("cloudsigma", "post_resources_ip_create.txt"))).unwrap();
        assert_eq!((made.ip.as_str(), made.netmask.as_deref()), ("91.203.56.71", Some("255.255.255.0")));
        let ips: Vec<_> = codec::parse_objects(doc_body!("cloudsigma", "get_resources_ip_list.txt"))
            .iter()
            .filter_map(|o| o.get("ip").map(str::to_string))
            .collect();
        assert_eq!(ips, ["91.203.56.71", "91.203.56.70", "91.203.56.78"]);
    }

    #[test]
    fn server_group_examples() {
        let made = created_group(&codec::parse_object(doc_body!("cloudsigma", "post_servergroups_create.txt"))).unwrap();
        assert_eq!(
            (made.id.as_str(), made.name.as_str(), made.description.as_str()),
            ("7baa150e-00ca-4f48-ac6c-02e59b23d04d", "Database Servers", "")
        );
        assert_eq!(
            created_group(&codec::parse_object(doc_body!("cloudsigma", "post_servergroups_set.txt"))),
            None,
            "no uuid, no new group"
        );
        assert_eq!(
            codec::write_object(name_body("Database Servers").unwrap().iter()),
            doc_body!("cloudsigma", "post_servergroups_create.request.txt")
        );
        assert_eq!(
            codec::write_object(name_body(" Web Servers ").unwrap().iter()),
            doc_body!("cloudsigma", "post_servergroups_set.request.txt")
        );

        let ids = codec::parse_list(doc_body!("cloudsigma", "get_servergroups_list.txt"));
        assert_eq!(
            ids,
            [
                "11e0eda4-fa7e-49a9-abcd-0988666bd9b4",
                "a814f0f1-21f5-45e8-9ecd-2748d76c016a",
                "24af14f6-5d8c-442b-9cfa-2db6a03c2458"
            ]
        );
        let one = group(
            "abee3635-74b2-4592-849a-a7897e209645",
            &codec::parse_object(doc_body!("cloudsigma", "get_servergroups_UUID_info.txt")),
        );
        assert_eq!((one.name.as_str(), one.description.as_str()), ("Database Servers", ""));
        let two = group(
            "92f5ba00-7851-4ebf-9c0f-b5311ceed042",
            &codec::parse_object(doc_body!("cloudsigma", "get_servergroups_UUID_info_2.txt")),
        );
        assert_eq!((two.id.as_str(), two.name.as_str()), ("92f5ba00-7851-4ebf-9c0f-b5311ceed042", "Database servers"));
        assert_eq!(two.description, "all kind of database servers");

        // Members after adding three and removing the first; the doc's third uuid is one digit short.
        let ids: Vec<String> = codec::parse_list(doc_body!("cloudsigma", "post_servergroups_add.txt"));
        assert_eq!(codec::write_object(numbered(&ids).unwrap().iter()), doc_body!("cloudsigma", "post_servergroups_add.request.txt"));
        assert_eq!(ids[2], "e4d50a5c-b516-4993-8d73-c36e7782fbb");
        let first = vec!["b91bd1cd-c63b-45ae-9dda-69fc53d74f41".to_string()];
        assert_eq!(
            codec::write_object(numbered(&first).unwrap().iter()),
            doc_body!("cloudsigma", "post_servergroups_remove.request.txt")
        );
        assert_eq!(codec::parse_list(doc_body!("cloudsigma", "post_servergroups_remove.txt")), ids[1..]);
        assert_eq!(codec::parse_list(doc_body!("cloudsigma", "get_servergroups_UUID_start.txt")).len(), 5);
        assert_eq!(
            codec::parse_list(doc_body!("cloudsigma", "get_servergroups_UUID_stop.txt")),
            codec::parse_list(doc_body!("cloudsigma", "get_servergroups_UUID_start.txt"))
        );
    }

    #[test]
    fn write_bodies_are_the_doc_requests() {
        let doc = codec::parse_object(doc_body!("cloudsigma", "post_drives_create.request.txt"));
        let new =
            NewDrive { name: "TEST_DRIVE".into(), size_bytes: 4194304, shared: false, ssd: false, encrypted: true };
        let body = drive_body(&new).unwrap();
        assert_eq!(body.0[..2], doc.0[..], "the doc's name and size");
        assert_eq!(
            body.0[2..],
            codec::parse_object("claim:type exclusive\nencryption:cipher aes-xts-plain\n").0[..],
            "the doc's defaults, said out loud"
        );
        let cli = codec::parse_object(doc_body!("cloudsigma", "cli_drives_create.request.txt"));
        let body = drive_body(&NewDrive { name: "Test".into(), size_bytes: 12582912, ..new }).unwrap();
        assert_eq!(body.0[..2], cli.0[..]);
        assert_eq!(
            drive_body(&NewDrive {
                name: "a\nsize 1".into(),
                size_bytes: 1,
                shared: false,
                ssd: false,
                encrypted: true
            })
            .unwrap_err()
            .fields[0]
                .field,
            "name"
        );

        for (name, request) in [
            ("node005_clone", doc_body!("cloudsigma", "post_servers_UUID_clone.request.txt")),
            ("My VLAN1", doc_body!("cloudsigma", "post_resources_vlan_create.request.txt")),
            ("My VLAN1", doc_body!("cloudsigma", "post_resources_vlan_UUID_info.request.txt")),
        ] {
            assert_eq!(codec::write_object(name_body(name).unwrap().iter()), request);
        }
    }

    #[test]
    fn profile_examples_never_carry_the_secret_key() {
        let fields = profile(&codec::parse_object(doc_body!("cloudsigma", "get_profile_info.txt")));
        assert_eq!(fields.iter().find(|f| f.key == "email").unwrap().value, "foo.bar@example.com");
        assert_eq!(fields.iter().find(|f| f.key == "address").unwrap().value, "here");
        assert!(fields.iter().all(|f| f.key != "secret_key" && !f.value.contains("Fvsnn7SF")));
        let refused = codec::parse_object(doc_body!("cloudsigma", "post_profile_set.txt"));
        assert_eq!(
            super::super::wire::field_errors(&refused),
            [("first_name".to_string(), "This field is required.".to_string())]
        );
        assert_eq!(codec::parse_object(doc_body!("cloudsigma", "post_profile_set.request.txt")).get("first_name"), Some(""));
    }

    #[test]
    fn chunks_are_gzipped() {
        let data = b"vpsdesk ".repeat(1000);
        let packed = gzip(&data).unwrap();
        assert!(packed.len() < data.len() / 10);
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&packed[..]), &mut back).unwrap();
        assert_eq!(back, data);
    }
}
