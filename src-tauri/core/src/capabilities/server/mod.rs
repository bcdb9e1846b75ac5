//! What a server can do beyond power, create, rename and delete, where more
//! than one provider has it: one small trait each, reached through its
//! accessor on `Compute`.

pub mod backups;
pub mod console;
pub mod network;
pub mod os;
pub mod usage;
