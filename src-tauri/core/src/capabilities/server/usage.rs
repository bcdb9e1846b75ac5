//! Usage history of a server (traffic, CPU, disk) as graphs the UI draws
//! without knowing the provider: one graph per measure, one series per line.

use async_trait::async_trait;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::time::Timestamp;

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct UsagePoint {
    /// The period's start as the provider names it ("2014-06-10").
    pub at: Timestamp,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct UsageSeries {
    pub label: String,
    pub points: Vec<UsagePoint>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum UsageUnit {
    Bytes,
    Percent,
    Mhz,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct UsageGraph {
    /// Stable per provider ("bandwidth"), for test ids and CLI selection.
    pub id: String,
    pub title: String,
    pub unit: UsageUnit,
    pub series: Vec<UsageSeries>,
}

/// The span the graphs cover (`usage.range`); without one the provider's
/// default span (VPS.NET: the last day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UsageRange {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl UsageRange {
    /// `from` and `to` as a person gives them: RFC 3339, or a UTC calendar
    /// day (`YYYY-MM-DD`), which as `from` starts at its midnight and as
    /// `to` takes in the whole day, so `--from D --to D` is that day. No
    /// `to` means now; a `to` without a `from` is refused. Field errors, so
    /// nothing is sent when either is wrong or `from` is not before `to`.
    pub fn read(from: Option<&str>, to: Option<&str>, now: DateTime<Utc>) -> Result<Option<UsageRange>> {
        let (from, to) = (from.map(str::trim).filter(|v| !v.is_empty()), to.map(str::trim).filter(|v| !v.is_empty()));
        let (from, to) = match (from, to) {
            (None, None) => return Ok(None),
            (None, Some(_)) => return Err(Error::field("from", "give the start of the range as well as its end")),
            (Some(from), to) => {
                (instant("from", from, false)?, to.map(|t| instant("to", t, true)).transpose()?.unwrap_or(now))
            }
        };
        if from >= to {
            return Err(Error::field(
                "to",
                format!("the end ({}) must be after the start ({})", to.to_rfc3339(), from.to_rfc3339()),
            ));
        }
        Ok(Some(UsageRange { from, to }))
    }
}

fn instant(field: &str, v: &str, end_of_day: bool) -> Result<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(v) {
        return Ok(at.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().filter(|_| v.len() == 10).ok_or_else(|| {
        Error::field(field, format!("{v:?} is not a time: give RFC 3339 (2026-12-01T08:00:00Z) or a day (2026-12-01)"))
    })?;
    let day = if end_of_day { day.checked_add_days(Days::new(1)).unwrap_or(day) } else { day };
    Ok(day.and_time(chrono::NaiveTime::MIN).and_utc())
}

#[async_trait]
pub trait Usage: Send + Sync {
    /// A range is passed only to accounts that declare `usage.range`.
    async fn usage_graphs(&self, server_id: &str, range: Option<UsageRange>) -> Result<Vec<UsageGraph>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-05T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    fn field(r: Result<Option<UsageRange>>) -> String {
        r.unwrap_err().fields[0].field.clone()
    }

    #[test]
    fn a_range_reads_times_and_whole_days() {
        assert_eq!(UsageRange::read(None, None, now()).unwrap(), None);
        let r = UsageRange::read(Some("2026-12-01"), Some("2026-12-01"), now()).unwrap().unwrap();
        assert_eq!(
            (r.from.to_rfc3339(), r.to.to_rfc3339()),
            ("2026-12-01T00:00:00+00:00".into(), "2026-12-02T00:00:00+00:00".into())
        );
        let r = UsageRange::read(Some("2026-12-04T08:00:00-04:00"), None, now()).unwrap().unwrap();
        assert_eq!((r.from.to_rfc3339(), r.to), ("2026-12-04T12:00:00+00:00".into(), now()));
    }

    #[test]
    fn a_bad_range_is_a_field_error() {
        assert_eq!(field(UsageRange::read(Some("yesterday"), None, now())), "from");
        assert_eq!(field(UsageRange::read(Some("2026-12-01"), Some("12/02/2026"), now())), "to");
        assert_eq!(field(UsageRange::read(None, Some("2026-12-01"), now())), "from");
        assert_eq!(field(UsageRange::read(Some("2026-12-03"), Some("2026-12-02"), now())), "to");
        assert_eq!(field(UsageRange::read(Some("2026-12-06"), None, now())), "to");
    }
}
