//! Which providers have a simulator: adding one is a folder plus a line here.

use crate::common::{Settings, Simulator};
use crate::{DemoAccount, Provider};

/// What a provider module contributes.
pub(crate) struct Implementation {
    pub demo: DemoAccount,
    pub simulator: fn(Settings) -> Simulator,
}

pub(crate) fn implementation(provider: Provider) -> Option<Implementation> {
    match provider {
        Provider::Vultr => Some(crate::vultr::IMPLEMENTATION),
        Provider::Vpsorg => Some(crate::vpsorg::IMPLEMENTATION),
        Provider::Vps247 => Some(crate::vps247::IMPLEMENTATION),
        Provider::Vpsnet => Some(crate::vpsnet::IMPLEMENTATION),
        Provider::Cloudsigma => Some(crate::cloudsigma::IMPLEMENTATION),
    }
}
