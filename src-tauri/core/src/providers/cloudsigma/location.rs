//! CloudSigma 1.0's two API locations. An account lives in one of them: its
//! servers and drives are only reachable through that location's host.

use crate::error::{Error, Result};
use crate::model::Region;
use crate::providers::ProviderRegion;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Zurich,
    LasVegas,
}

impl Location {
    pub const ALL: [Location; 2] = [Location::Zurich, Location::LasVegas];

    pub fn id(self) -> &'static str {
        match self {
            Location::Zurich => "zrh",
            Location::LasVegas => "lvs",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Location::Zurich => "Zurich",
            Location::LasVegas => "Las Vegas",
        }
    }

    /// The doc's API host for the location, over https as it recommends.
    pub const fn endpoint(self) -> &'static str {
        match self {
            Location::Zurich => "https://api.zrh.cloudsigma.com",
            Location::LasVegas => "https://api.lvs.cloudsigma.com",
        }
    }

    pub fn parse(id: &str) -> Result<Location> {
        Location::ALL.into_iter().find(|l| l.id().eq_ignore_ascii_case(id.trim())).ok_or_else(|| {
            Error::field("region", format!("CloudSigma accounts are in zrh (Zurich) or lvs (Las Vegas), not {id:?}"))
        })
    }

    /// The account's location: its region, else guessed from an endpoint
    /// override (`api.lvs…`), else Zurich like the default endpoint.
    pub fn of_account(region: Option<&str>, origin: &str) -> Result<Location> {
        match region.filter(|r| !r.trim().is_empty()) {
            Some(r) => Location::parse(r),
            None if origin.contains(".lvs.") => Ok(Location::LasVegas),
            None => Ok(Location::Zurich),
        }
    }

    pub fn provider_region(self) -> ProviderRegion {
        ProviderRegion { id: self.id().into(), name: self.name().into() }
    }

    pub fn region(self) -> Region {
        let (country, continent) = match self {
            Location::Zurich => ("Switzerland", "Europe"),
            Location::LasVegas => ("United States", "North America"),
        };
        Region {
            id: self.id().into(),
            name: self.name().into(),
            country: Some(country.into()),
            continent: Some(continent.into()),
        }
    }
}
