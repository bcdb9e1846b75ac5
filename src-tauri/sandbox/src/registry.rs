//! Which simulator serves which provider: a simulator is a folder plus a line
//! here, and the match is exhaustive, so a provider registered in the core
//! without a simulator does not build.

use crate::common::{Settings, Simulator};
use crate::{DemoAccount, ProviderKind};

/// What a provider module contributes.
pub(crate) struct Implementation {
    pub demo: DemoAccount,
    pub simulator: fn(Settings) -> Simulator,
    /// Offset from `Options::port`, fixed per provider so a provider keeps
    /// its port when others are added.
    pub port_offset: u16,
}

pub(crate) fn implementation(provider: ProviderKind) -> Implementation {
    match provider {
        ProviderKind::Vultr => crate::vultr::IMPLEMENTATION,
        ProviderKind::Vpsnet => crate::vpsnet::IMPLEMENTATION,
        ProviderKind::Vps247 => crate::vps247::IMPLEMENTATION,
        ProviderKind::Cloudsigma => crate::cloudsigma::IMPLEMENTATION,
        ProviderKind::Vpsorg => crate::vpsorg::IMPLEMENTATION,
    }
}
