//! What only this provider offers (its extensions, like Libcloud's `ex_*`
//! calls): one trait each, implemented by its client and reached through
//! `Compute::extension`. A trait moves to `capabilities/` once a second
//! provider implements it.

pub mod account_ips;
pub mod clones;
pub mod cloud_groups;
pub mod licences;
pub mod maintenance;
pub mod managed;
pub mod nodes;
pub mod recoverable;
pub mod server_resources;
pub mod template_authoring;
pub mod templates;
