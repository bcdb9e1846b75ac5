//! What only this provider offers (its extensions, like Libcloud's `ex_*`
//! calls): one trait each, implemented by its client and reached through
//! `Compute::extension`. A trait moves to `capabilities/` once a second
//! provider implements it.

pub mod clone_and_bulk;
pub mod drives;
pub mod server_groups;
pub mod server_settings;
pub mod vlans_and_ips;
