//! Provider times, read once: every timestamp a provider sends becomes a
//! [`Timestamp`], an instant in UTC (or a calendar day, for the texts that
//! name only a day), with the provider's text kept beside it. Text with no
//! offset is read in the zone the provider's descriptor names.
//!
//! A timestamp crosses IPC and vpsctl's `--json` as one string: RFC 3339 in
//! UTC (`2009-04-16T12:17:39Z`), `YYYY-MM-DD` for a day, or, when the text
//! is no time vpsdesk can read, the text as it came, so nothing is dropped
//! and scripts keep the one field CLI.md names.

use std::fmt;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A provider's time: RFC 3339 in UTC, `YYYY-MM-DD` for a day, or the
/// provider's text as sent when vpsdesk could not read it.
#[derive(Clone, Debug, TS)]
#[ts(type = "string")]
pub struct Timestamp {
    reading: Reading,
    raw: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    Instant(DateTime<Utc>),
    Day(NaiveDate),
    /// No time vpsdesk can read: shown as sent, with a note.
    Unread,
}

/// Wall times with no offset, as the docs write them.
const WALL: &[&str] = &["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"];
/// Days: ISO, and VPS.NET's managed-service renewal ("11 Sep 2010").
const DAYS: &[&str] = &["%Y-%m-%d", "%d %b %Y", "%e %b %Y"];

impl Timestamp {
    /// A provider's text; `zone` is where a wall time with no offset is.
    pub fn read(text: &str, zone: Tz) -> Timestamp {
        let raw = text.trim();
        let reading = instant(raw, zone).map(Reading::Instant).or_else(|| day(raw).map(Reading::Day));
        Timestamp { reading: reading.unwrap_or(Reading::Unread), raw: raw.to_string() }
    }

    /// `None` for a missing or blank field.
    pub fn read_opt(text: Option<&str>, zone: Tz) -> Option<Timestamp> {
        text.filter(|t| !t.trim().is_empty()).map(|t| Timestamp::read(t, zone))
    }

    pub fn from_instant(at: DateTime<Utc>) -> Timestamp {
        Timestamp { reading: Reading::Instant(at), raw: rfc3339(at) }
    }

    /// The instant, for a time (not a day) that could be read.
    pub fn instant(&self) -> Option<DateTime<Utc>> {
        match self.reading {
            Reading::Instant(at) => Some(at),
            _ => None,
        }
    }

    /// The calendar day in `zone`: a day as given, an instant where it falls.
    pub fn day_in<Z: TimeZone>(&self, zone: &Z) -> Option<NaiveDate> {
        match self.reading {
            Reading::Instant(at) => Some(at.with_timezone(zone).date_naive()),
            Reading::Day(d) => Some(d),
            Reading::Unread => None,
        }
    }

    pub fn is_read(&self) -> bool {
        self.reading != Reading::Unread
    }

    /// The provider's text, as it came.
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

fn instant(raw: &str, zone: Tz) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Some(at.to_utc());
    }
    let wall = WALL.iter().find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())?;
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(at) => Some(at.to_utc()),
        // The hour the clocks pass twice: the first, as most servers log it.
        LocalResult::Ambiguous(first, _) => Some(first.to_utc()),
        // A wall time the clocks skip names no instant.
        LocalResult::None => None,
    }
}

fn day(raw: &str) -> Option<NaiveDate> {
    DAYS.iter().find_map(|f| NaiveDate::parse_from_str(raw, f).ok())
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reading {
            Reading::Instant(at) => f.write_str(&rfc3339(at)),
            Reading::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Reading::Unread => f.write_str(&self.raw),
        }
    }
}

/// Two timestamps are equal when they name the same time, however each was
/// written (what the webview hands back is the UTC form of what it got).
impl PartialEq for Timestamp {
    fn eq(&self, other: &Timestamp) -> bool {
        self.reading == other.reading && (self.is_read() || self.raw == other.raw)
    }
}

impl Eq for Timestamp {}

/// A timestamp is equal to the text it is shown as.
impl PartialEq<&str> for Timestamp {
    fn eq(&self, text: &&str) -> bool {
        let shown = format!("{self}");
        shown == *text
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What the webview hands back (transactions for the charts) is what it
/// was given: RFC 3339, a day, or text kept as unread.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Timestamp::read(&String::deserialize(d)?, Tz::UTC))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;

    fn shown(text: &str, zone: Tz) -> String {
        Timestamp::read(text, zone).to_string()
    }

    #[test]
    fn every_doc_form_reads_as_utc() {
        // VPS.NET: offsets of its own, which win over the zone.
        assert_eq!(shown("2009-04-16T08:17:39-04:00", New_York), "2009-04-16T12:17:39Z");
        assert_eq!(shown("2011-01-07T20:43:33+05:30", New_York), "2011-01-07T15:13:33Z");
        // VPS247 keeps its milliseconds; VPS.org is already UTC.
        assert_eq!(shown("2015-02-21T00:26:55.068Z", Tz::UTC), "2015-02-21T00:26:55.068Z");
        assert_eq!(shown("2025-01-10T14:30:00Z", Tz::UTC), "2025-01-10T14:30:00Z");
        // Vultr and CloudSigma: wall times, with and without seconds.
        assert_eq!(shown("2014-07-18 15:31:01", Tz::UTC), "2014-07-18T15:31:01Z");
        assert_eq!(shown("2010-03-10 21:24", Tz::UTC), "2010-03-10T21:24:00Z");
        assert_eq!(shown("2010-02-23 17:18:32.401708", Tz::UTC), "2010-02-23T17:18:32.401708Z");
    }

    #[test]
    fn a_wall_time_is_read_in_the_providers_zone_with_daylight_saving() {
        assert_eq!(shown("2010-04-24 14:00", New_York), "2010-04-24T18:00:00Z", "EDT");
        assert_eq!(shown("2010-01-24 14:00", New_York), "2010-01-24T19:00:00Z", "EST");
        assert_eq!(shown("2010-11-07 01:30", New_York), "2010-11-07T05:30:00Z", "the first of the two");
        let skipped = Timestamp::read("2010-03-14 02:30", New_York);
        assert!(!skipped.is_read(), "the clocks skip 02:30 that night");
        assert_eq!(skipped.to_string(), "2010-03-14 02:30");
    }

    #[test]
    fn days_stay_days() {
        let renewal = Timestamp::read("11 Sep 2010", New_York);
        assert_eq!(renewal.to_string(), "2010-09-11");
        assert_eq!(renewal.instant(), None);
        assert_eq!(renewal.raw(), "11 Sep 2010");
        assert_eq!(shown("2014-06-10", Tz::UTC), "2014-06-10");
    }

    #[test]
    fn unreadable_text_is_kept_as_sent_and_blank_is_none() {
        let odd = Timestamp::read(" yesterday ", Tz::UTC);
        assert!(!odd.is_read());
        assert_eq!(serde_json::to_value(&odd).unwrap(), "yesterday");
        assert_eq!(Timestamp::read_opt(Some("  "), Tz::UTC), None);
        assert_eq!(Timestamp::read_opt(None, Tz::UTC), None);
    }

    #[test]
    fn the_raw_text_is_kept_and_json_round_trips() {
        let t = Timestamp::read("2011-04-27T07:09:19-04:00", New_York);
        assert_eq!(t.raw(), "2011-04-27T07:09:19-04:00");
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json, "2011-04-27T11:09:19Z");
        let back: Timestamp = serde_json::from_value(json).unwrap();
        assert_eq!(back.instant(), t.instant());
    }

    #[test]
    fn a_day_in_a_zone_is_where_the_instant_falls() {
        let late = Timestamp::read("2025-11-01T23:30:00-04:00", New_York);
        assert_eq!(late.day_in(&Utc).unwrap().to_string(), "2025-11-02");
        assert_eq!(late.day_in(&New_York).unwrap().to_string(), "2025-11-01");
    }
}
