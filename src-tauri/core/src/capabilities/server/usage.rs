//! Usage history of a server (traffic, CPU, disk) as graphs the UI draws
//! without knowing the provider: one graph per measure, one series per line.

use async_trait::async_trait;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
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

#[async_trait]
pub trait Usage: Send + Sync {
    async fn usage_graphs(&self, server_id: &str) -> Result<Vec<UsageGraph>>;
}
