//! A server's resources as one record (VPS.NET's "edit cloud server"): its
//! node allocations of each kind, the backup options, the consumer id and
//! the label, read from the provider and changed in one request; and the
//! storage upgrade that follows a node change.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{label, Extra};
use crate::error::{Error, Result};

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
    pub delayed_storage_until: Option<String>,
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
pub trait ServerPlan: Send + Sync {
    fn offers(&self) -> &'static [Extra] {
        &[Extra::ServerResources, Extra::UpgradeStorage]
    }
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

/// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil year of a day count (inverse of `days_from_civil`, year only).
fn year_of(days: i64) -> i64 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    yoe + era * 400 + i64::from(mp >= 10)
}

/// The day count of the n-th Sunday of a month (1970-01-01 was a Thursday).
fn nth_sunday(year: i64, month: i64, n: i64) -> i64 {
    let first = days_from_civil(year, month, 1);
    let weekday = (first + 4).rem_euclid(7); // 0 = Sunday
    first + (7 - weekday) % 7 + 7 * (n - 1)
}

/// The offset in minutes of US Eastern time at a UTC instant (minutes since
/// the epoch): EDT (-4 h) from the second Sunday of March 02:00 local to
/// the first Sunday of November 02:00 local, else EST (-5 h), the rule since 2007.
fn eastern_offset(utc_minutes: i64) -> i64 {
    let year = year_of(utc_minutes.div_euclid(1440));
    // 02:00 EST is 07:00 UTC; 02:00 EDT is 06:00 UTC.
    let starts = nth_sunday(year, 3, 2) * 1440 + 7 * 60;
    let ends = nth_sunday(year, 11, 1) * 1440 + 6 * 60;
    if (starts..ends).contains(&utc_minutes) {
        -4 * 60
    } else {
        -5 * 60
    }
}

/// Now on a US Eastern wall clock, in minutes since the epoch.
pub fn eastern_now() -> i64 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let utc = i64::try_from(secs / 60).unwrap_or(0);
    utc + eastern_offset(utc)
}

/// "YYYY-MM-DD HH:MM" as minutes since the epoch on the same wall clock.
fn wall_minutes(text: &str) -> Option<i64> {
    let (date, time) = text.split_once(' ')?;
    let num = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<i64>().ok()).flatten()
    };
    let mut d = date.split('-');
    let (y, m, day) = (num(d.next()?, 4)?, num(d.next()?, 2)?, num(d.next()?, 2)?);
    let (h, min) = time.split_once(':')?;
    let (h, min) = (num(h, 2)?, num(min, 2)?);
    let days_in_month =
        days_from_civil(if m == 12 { y + 1 } else { y }, if m == 12 { 1 } else { m + 1 }, 1) - days_from_civil(y, m, 1);
    let valid = d.next().is_none() && (1..=12).contains(&m) && (1..=days_in_month).contains(&day) && h < 24 && min < 60;
    valid.then(|| days_from_civil(y, m, day) * 1440 + h * 60 + min)
}

/// A delayed-storage date: "YYYY-MM-DD HH:MM" in US Eastern time, in the
/// future and within a year (a far date is more likely a typo).
pub fn delay_until(text: &str, now_eastern: i64) -> Result<String> {
    let field = "delay_storage_until";
    let text = text.trim();
    let at = wall_minutes(text).ok_or_else(|| {
        Error::field(field, format!("{text:?} is not a date and time like 2026-04-24 14:00 (US Eastern time)"))
    })?;
    if at <= now_eastern {
        return Err(Error::field(field, "choose a time in the future (US Eastern time)"));
    }
    if at > now_eastern + 366 * 1440 {
        return Err(Error::field(field, "choose a time within a year"));
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let utc = |s: &str| wall_minutes(s).unwrap();
        assert_eq!(eastern_offset(utc("2026-01-15 12:00")), -300);
        assert_eq!(eastern_offset(utc("2026-07-01 12:00")), -240);
        // 2026: daylight saving from 8 March 07:00 UTC to 1 November 06:00 UTC.
        assert_eq!(eastern_offset(utc("2026-03-08 06:59")), -300);
        assert_eq!(eastern_offset(utc("2026-03-08 07:00")), -240);
        assert_eq!(eastern_offset(utc("2026-11-01 05:59")), -240);
        assert_eq!(eastern_offset(utc("2026-11-01 06:00")), -300);
        assert_eq!(year_of(utc("2024-12-31 23:59") / 1440), 2024);
        assert_eq!(year_of(utc("2025-01-01 00:00") / 1440), 2025);
    }

    #[test]
    fn delay_dates_are_the_docs_format_in_the_future() {
        let now = wall_minutes("2026-04-20 09:00").unwrap();
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
