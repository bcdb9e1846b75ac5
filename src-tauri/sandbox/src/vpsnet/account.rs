//! profile: the account holder, the cheapest authenticated read.

use axum::Json;
use serde::Serialize;

use super::EMAIL;

/// The doc names the call but shows no body; these are the fields the
/// public clients read (`vpsnet-endpoints.md`, section 9).
#[derive(Serialize)]
struct User {
    id: u64,
    email_address: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    company: &'static str,
    per_node_price: f64,
    reseller: bool,
    time_zone: &'static str,
    payment_type: &'static str,
}

#[derive(Serialize)]
pub(super) struct Profile {
    user: User,
}

pub(super) async fn profile() -> Json<Profile> {
    Json(Profile {
        user: User {
            id: 51_234,
            email_address: EMAIL,
            first_name: "Demo",
            last_name: "User",
            company: "vpsdesk",
            per_node_price: 20.0,
            reseller: false,
            time_zone: "Eastern Time (US & Canada)",
            payment_type: "credit_card",
        },
    })
}
