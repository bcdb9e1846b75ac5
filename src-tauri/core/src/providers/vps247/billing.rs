//! VPS247 has no balance or invoice calls. What its API does say about
//! money is per server: `unbilled_hours` (hours run since the last billing
//! cycle) and the transfer allowance, which vpsdesk shows as usage.

use async_trait::async_trait;
use serde::Deserialize;

use super::{Call, Vps247, NAME};
use crate::capabilities::billing::{Billing, Usage};
use crate::error::{Error, Result};
use crate::http::Request;
use crate::model::ProviderKind;
use crate::providers::common::{decode, opt_string_or_number, string_or_number, ProviderApi};

#[derive(Debug, Deserialize)]
pub struct VmUsageWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub unbilled_hours: Option<String>,
    /// The doc's field list says `transfer_month`, its example `month_transfer`.
    #[serde(default, alias = "transfer_month", deserialize_with = "opt_string_or_number")]
    pub month_transfer: Option<String>,
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub transfer: Option<String>,
}

/// Per server: the hours not yet billed, and the transfer left this month
/// out of the allowance (MB).
pub fn usage(vms: Vec<VmUsageWire>) -> Vec<Usage> {
    vms.into_iter()
        .flat_map(|vm| {
            let name = vm.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format!("server {}", vm.id));
            let row =
                |resource: String, label: String, unit: &str, used: Option<String>, subscribed: Option<String>| Usage {
                    account: String::new(),
                    account_id: String::new(),
                    provider: ProviderKind::Vps247,
                    resource,
                    label,
                    unit: unit.into(),
                    used,
                    burst: None,
                    subscribed,
                };
            let mut rows =
                vec![row(vm.id.clone(), format!("{name}: hours not yet billed"), "hours", vm.unbilled_hours, None)];
            if vm.month_transfer.is_some() || vm.transfer.is_some() {
                rows.push(row(
                    format!("{}:transfer", vm.id),
                    format!("{name}: transfer left this month"),
                    "MB",
                    vm.month_transfer,
                    vm.transfer,
                ));
            }
            rows
        })
        .collect()
}

#[async_trait]
impl Billing for Vps247 {

    async fn usage(&self) -> Result<Vec<Usage>> {
        let resp = self.call(Request::get("/virtual_machines"), Call::Read).await?;
        let v: serde_json::Value = decode(NAME, &resp)?;
        let vms: Vec<VmUsageWire> =
            serde_json::from_value(v).map_err(|e| Error::provider(format!("VPS247 servers unreadable: {e}")))?;
        Ok(usage(vms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_example_gives_unbilled_hours() {
        let vms: Vec<VmUsageWire> =
            serde_json::from_str(include_str!("../../../tests/fixtures/vps247/virtual_machines.json")).unwrap();
        let rows = usage(vms);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].resource, "90");
        assert_eq!(rows[0].label, "api_test: hours not yet billed");
        assert_eq!(rows[0].used.as_deref(), Some("1"));
        assert_eq!(rows[1].label, "api_test: transfer left this month");
        assert_eq!(
            (rows[1].used.as_deref(), rows[1].subscribed.as_deref(), rows[1].unit.as_str()),
            (Some("22410"), Some("22410"), "MB")
        );
    }
}
