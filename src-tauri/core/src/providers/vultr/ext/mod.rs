//! What only this provider offers (its extensions, like Libcloud's `ex_*`
//! calls): one trait each, implemented by its client and reached through
//! `Compute::extension`. A trait moves to `capabilities/` once a second
//! provider implements it.

pub mod scripts;
pub mod snapshots;
pub mod ssh_keys;
