//! Account-level capabilities more than one provider has.

pub mod profile;
