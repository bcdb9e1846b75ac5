//! A server's resources as one record (VPS.NET's "edit cloud server"): its
//! node allocations of each kind, the backup options, the consumer id and
//! the label, read from the provider and changed in one request; and the
//! storage upgrade that follows a node change.

use async_trait::async_trait;
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeDelta, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::label;
use crate::error::{Error, Result};
use crate::providers::vpsnet::DESCRIPTOR;
use crate::time::Timestamp;

/// The most nodes of one kind vpsdesk sets on a server: a typo should not buy a hundred.
pub const MAX_NODES: u32 = 16;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServerResources {
    pub name: String,
    /// Regular nodes (`slices_required`): at least one.
    pub nodes: u32,
    pub daily_nodes: u32,
    pub storage_nodes: u32,
    pub ram_nodes: u32,
    pub bandwidth_nodes: u32,
    pub backups: bool,
    pub rsync_backups: bool,
    pub r1soft_backups: bool,
    /// The reseller's customer the server belongs to; `None` for none.
    pub consumer_id: Option<String>,
    /// A disk resize the provider has put off, until this time as it says it.
    pub delayed_storage_until: Option<Timestamp>,
}

/// What the person asked for: the new resources, and optionally when to
/// resize the disk (US Eastern time, "YYYY-MM-DD HH:MM", as the doc wants).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResourcesChange {
    pub resources: ServerResources,
    pub delay_storage_until: Option<String>,
    /// Adding nodes is billed and a storage upgrade stops the server: needed
    /// when any node count grows.
    pub confirm: bool,
}

#[async_trait]
pub trait ResourceEdits: Send + Sync {
    async fn resources(&self, server: &str) -> Result<ServerResources>;
    /// Sends what differs from `current` (and the regular node count, always).
    async fn update_resources(
        &self,
        server: &str,
        current: &ServerResources,
        new: &ServerResources,
        delay_storage_until: Option<&str>,
    ) -> Result<()>;
    /// Resizes the disk now (the server is stopped while it runs).
    async fn upgrade_storage(&self, server: &str) -> Result<()>;
}

/// A consumer id: digits; empty or "0" means none.
pub fn consumer_id(field: &str, text: Option<&str>) -> Result<Option<String>> {
    let text = text.map(str::trim).unwrap_or_default();
    if text.is_empty() || text == "0" {
        return Ok(None);
    }
    if text.len() > 18 || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::field(field, format!("a consumer id is a number, got {text:?}")));
    }
    Ok(Some(text.trim_start_matches('0').to_string()))
}

/// A consumer id to list by (`consumer_id` filters): blank for all; 0, which
/// edits take for "none", is no consumer to filter by and is refused.
pub fn consumer_filter(text: Option<&str>) -> Result<Option<String>> {
    if text.is_some_and(|t| !t.trim().is_empty() && t.trim().chars().all(|c| c == '0')) {
        return Err(Error::field("consumer_id", "filter by a consumer id of 1 or more (0 means no consumer)"));
    }
    consumer_id("consumer_id", text)
}

pub fn validate(r: &ServerResources) -> Result<ServerResources> {
    let counts = [
        ("nodes", r.nodes),
        ("daily_nodes", r.daily_nodes),
        ("storage_nodes", r.storage_nodes),
        ("ram_nodes", r.ram_nodes),
        ("bandwidth_nodes", r.bandwidth_nodes),
    ];
    for (field, n) in counts {
        if n > MAX_NODES {
            return Err(Error::field(field, format!("use at most {MAX_NODES} nodes of one kind")));
        }
    }
    if r.nodes == 0 {
        return Err(Error::field("nodes", "a server needs at least one regular node"));
    }
    Ok(ServerResources {
        name: label("name", &r.name, true, 255)?,
        consumer_id: consumer_id("consumer_id", r.consumer_id.as_deref())?,
        ..r.clone()
    })
}

/// Whether `new` asks for more of any node kind than `current` has: billed,
/// and a storage upgrade means downtime.
pub fn grows(current: &ServerResources, new: &ServerResources) -> bool {
    let c = [current.nodes, current.daily_nodes, current.storage_nodes, current.ram_nodes, current.bandwidth_nodes];
    let n = [new.nodes, new.daily_nodes, new.storage_nodes, new.ram_nodes, new.bandwidth_nodes];
    c.iter().zip(n.iter()).any(|(c, n)| n > c)
}

/// Whether the change makes the disk bigger (regular or storage nodes added).
pub fn grows_storage(current: &ServerResources, new: &ServerResources) -> bool {
    new.nodes + new.daily_nodes > current.nodes + current.daily_nodes || new.storage_nodes > current.storage_nodes
}

/// A delayed-storage date: "YYYY-MM-DD HH:MM" in US Eastern time, in the
/// future and within a year (a far date is more likely a typo). A wall time
/// that the clocks skip or pass twice is refused: the format carries no
/// offset, so the provider could run the resize an hour from what was meant.
pub fn delay_until(text: &str, now: DateTime<Utc>) -> Result<String> {
    let field = "delay_storage_until";
    let text = text.trim();
    let wall = NaiveDateTime::parse_from_str(text, FORMAT)
        .ok()
        .filter(|wall| wall.format(FORMAT).to_string() == text)
        .ok_or_else(|| {
            Error::field(field, format!("{text:?} is not a date and time like 2026-04-24 14:00 (US Eastern time)"))
        })?;
    // vps.net reads it as a wall time in "Eastern Time (US & Canada)",
    // daylight saving included: its descriptor's zone.
    let at = match DESCRIPTOR.time_zone.from_local_datetime(&wall) {
        LocalResult::Single(at) => at,
        LocalResult::None => {
            return Err(Error::field(
                field,
                format!("{text} does not exist in US Eastern time: the clocks go forward an hour that night; choose another time"),
            ))
        }
        LocalResult::Ambiguous(..) => {
            return Err(Error::field(
                field,
                format!("{text} happens twice in US Eastern time: the clocks go back an hour that night; choose another time"),
            ))
        }
    };
    if at <= now {
        return Err(Error::field(field, "choose a time in the future (US Eastern time)"));
    }
    if at > now + TimeDelta::days(366) {
        return Err(Error::field(field, "choose a time within a year"));
    }
    Ok(text.to_string())
}

/// The doc's `delayed_storage_until` format ("2010-04-24 14:00").
const FORMAT: &str = "%Y-%m-%d %H:%M";

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Offset;

    /// A UTC instant from "YYYY-MM-DD HH:MM".
    fn utc(text: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(text, FORMAT).unwrap().and_utc()
    }

    fn plan() -> ServerResources {
        ServerResources { name: "web".into(), nodes: 3, ..Default::default() }
    }

    #[test]
    fn counts_names_and_consumers_are_checked() {
        assert_eq!(validate(&ServerResources { nodes: 0, ..plan() }).unwrap_err().fields[0].field, "nodes");
        assert_eq!(validate(&ServerResources { ram_nodes: 17, ..plan() }).unwrap_err().fields[0].field, "ram_nodes");
        assert_eq!(validate(&ServerResources { name: " ".into(), ..plan() }).unwrap_err().fields[0].field, "name");
        let c = |s: &str| validate(&ServerResources { consumer_id: Some(s.into()), ..plan() });
        assert_eq!(c("0118").unwrap().consumer_id.as_deref(), Some("118"));
        assert_eq!(c("0").unwrap().consumer_id, None);
        assert_eq!(c("12a").unwrap_err().fields[0].field, "consumer_id");
    }

    #[test]
    fn growth_is_what_needs_confirming() {
        let more_ram = ServerResources { ram_nodes: 1, ..plan() };
        assert!(grows(&plan(), &more_ram) && !grows_storage(&plan(), &more_ram));
        let fewer = ServerResources { nodes: 2, ..plan() };
        assert!(!grows(&plan(), &fewer));
        assert!(grows_storage(&plan(), &ServerResources { storage_nodes: 1, ..plan() }));
    }

    #[test]
    fn eastern_time_follows_daylight_saving() {
        let offset = |s: &str| utc(s).with_timezone(&DESCRIPTOR.time_zone).offset().fix().local_minus_utc() / 60;
        assert_eq!(offset("2026-01-15 12:00"), -300);
        assert_eq!(offset("2026-07-01 12:00"), -240);
        // 2026: daylight saving from 8 March 07:00 UTC to 1 November 06:00 UTC.
        assert_eq!(offset("2026-03-08 06:59"), -300);
        assert_eq!(offset("2026-03-08 07:00"), -240);
        assert_eq!(offset("2026-11-01 05:59"), -240);
        assert_eq!(offset("2026-11-01 06:00"), -300);
    }

    #[test]
    fn the_hour_the_clocks_skip_is_refused_and_its_edges_are_kept() {
        let now = utc("2026-03-01 12:00");
        let e = delay_until("2026-03-08 02:30", now).unwrap_err();
        assert_eq!(e.fields[0].field, "delay_storage_until");
        assert!(e.fields[0].message.contains("2026-03-08 02:30 does not exist in US Eastern time"), "{e}");
        assert!(delay_until("2026-03-08 02:00", now).is_err());
        assert_eq!(delay_until("2026-03-08 01:59", now).unwrap(), "2026-03-08 01:59");
        assert_eq!(delay_until("2026-03-08 03:00", now).unwrap(), "2026-03-08 03:00");
        // 01:59 EST is 06:59 UTC and 03:00 EDT is 07:00 UTC: one minute apart.
        let just_before = utc("2026-03-08 06:59");
        assert!(delay_until("2026-03-08 01:59", just_before).is_err(), "now, not the future");
        assert_eq!(delay_until("2026-03-08 03:00", just_before).unwrap(), "2026-03-08 03:00");
    }

    #[test]
    fn the_hour_the_clocks_repeat_is_refused_and_its_edges_are_kept() {
        let now = utc("2026-10-25 12:00");
        let e = delay_until("2026-11-01 01:30", now).unwrap_err();
        assert_eq!(e.fields[0].field, "delay_storage_until");
        assert!(e.fields[0].message.contains("2026-11-01 01:30 happens twice in US Eastern time"), "{e}");
        assert!(delay_until("2026-11-01 01:00", now).is_err());
        assert_eq!(delay_until("2026-11-01 00:59", now).unwrap(), "2026-11-01 00:59");
        assert_eq!(delay_until("2026-11-01 02:00", now).unwrap(), "2026-11-01 02:00");
        // At 01:45 EST (06:45 UTC, the second pass) 02:00 EST is a quarter of an hour away.
        assert_eq!(delay_until("2026-11-01 02:00", utc("2026-11-01 06:45")).unwrap(), "2026-11-01 02:00");
        assert!(delay_until("2026-11-01 02:00", utc("2026-11-01 07:00")).is_err(), "02:00 EST is 07:00 UTC");
    }

    #[test]
    fn a_year_ahead_is_counted_in_real_time_across_the_clock_changes() {
        let now = utc("2026-04-20 13:00"); // 09:00 EDT
        assert_eq!(delay_until("2027-04-21 09:00", now).unwrap(), "2027-04-21 09:00");
        assert_eq!(delay_until("2027-04-21 09:01", now).unwrap_err().fields[0].message, "choose a time within a year");
    }

    #[test]
    fn delay_dates_are_the_docs_format_in_the_future() {
        let now = utc("2026-04-20 13:00"); // 09:00 EDT
        assert_eq!(delay_until(" 2026-04-24 14:00 ", now).unwrap(), "2026-04-24 14:00");
        for bad in [
            "2026-04-19 14:00",
            "24/04/2026 14:00",
            "2026-04-24",
            "2026-02-30 10:00",
            "2026-04-24 24:00",
            "2028-01-01 00:00",
        ] {
            assert_eq!(delay_until(bad, now).unwrap_err().fields[0].field, "delay_storage_until", "{bad}");
        }
    }
}
