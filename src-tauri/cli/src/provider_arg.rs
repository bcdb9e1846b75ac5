//! `--provider`: its values are the registry's ids, listed in `--help` with
//! each provider's label and credentials; anything else is refused with the
//! list, in CLI.md's words ("unknown provider").

use std::ffi::OsStr;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::ErrorKind;
use clap::ValueEnum;
use vpsdesk_core::model::ProviderKind;

/// A registered provider, as clap lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProviderArg(pub ProviderKind);

const COUNT: usize = ProviderKind::ALL.len();

static VARIANTS: [ProviderArg; COUNT] = {
    let mut out = [ProviderArg(ProviderKind::ALL[0]); COUNT];
    let mut i = 1;
    while i < COUNT {
        out[i] = ProviderArg(ProviderKind::ALL[i]);
        i += 1;
    }
    out
};

impl ValueEnum for ProviderArg {
    fn value_variants<'a>() -> &'a [Self] {
        &VARIANTS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let d = self.0.descriptor();
        let credentials = match d.username_label {
            Some(user) => format!("--username = {user}, secret = {}", d.secret_label),
            None => format!("secret = {}", d.secret_label),
        };
        Some(PossibleValue::new(d.id()).help(format!("{}, {} API ({credentials})", d.label, d.api_version)))
    }
}

/// Reads a provider as `ProviderKind::parse` does (case and surrounding
/// blanks do not matter), so that every spelling accepted before still is.
#[derive(Clone)]
pub struct ProviderParser;

impl TypedValueParser for ProviderParser {
    type Value = ProviderKind;

    fn parse_ref(&self, _: &clap::Command, _: Option<&clap::Arg>, value: &OsStr) -> Result<ProviderKind, clap::Error> {
        let text = value.to_string_lossy();
        ProviderKind::parse(&text).ok_or_else(|| {
            let ids: Vec<&str> = VARIANTS.iter().map(|p| p.0.id()).collect();
            clap::Error::raw(
                ErrorKind::InvalidValue,
                format!("unknown provider {text:?}; use one of {}\n", ids.join(", ")),
            )
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(VARIANTS.iter().filter_map(ValueEnum::to_possible_value)))
    }
}
