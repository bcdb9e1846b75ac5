//! Ticket bodies as the VPS.NET doc shows them (`tickets.api10json` and
//! friends): tickets wrapped as `{"ticket": {...}}`, a shown ticket flat with
//! its `replies`, the managed services under `managed_services`.

use serde::Deserialize;

use crate::providers::common::string_or_number;

/// `[{"ticket": {...}}]` from the list.
#[derive(Debug, Deserialize)]
pub struct TicketEnvelope {
    pub ticket: TicketWire,
}

#[derive(Debug, Deserialize)]
pub struct TicketWire {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub status: String,
    /// The department's name ("Billing").
    #[serde(default)]
    pub department: String,
    /// Who answered last, in VPS.NET's words ("Staff Followup").
    pub last_responded: Option<String>,
    pub last_response_time: Option<String>,
}

/// `tickets/{id}.api10json`: the ticket with its conversation.
#[derive(Debug, Deserialize)]
pub struct ThreadWire {
    #[serde(default)]
    pub replies: Vec<ReplyWire>,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub status: String,
}

#[derive(Debug, Deserialize)]
pub struct ReplyWire {
    /// True when the account holder wrote it, false for staff.
    pub client_response: bool,
    #[serde(default)]
    pub comment: String,
    pub time: Option<String>,
}

/// `managed_services.api10json`.
#[derive(Debug, Deserialize)]
pub struct ManagedServicesWire {
    pub managed_services: Vec<ManagedServiceWire>,
}

#[derive(Debug, Deserialize)]
pub struct ManagedServiceWire {
    #[serde(deserialize_with = "string_or_number")]
    pub virtual_machine_id: String,
    #[serde(default)]
    pub managed_support_ip: String,
    #[serde(default)]
    pub renewal_date: String,
}
