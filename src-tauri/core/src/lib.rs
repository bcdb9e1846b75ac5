//! vpsdesk-core: the provider clients, the model, the keychain and the
//! account store. No Tauri, no WebKit: the app and vpsctl are thin layers on
//! top of [`desk::Desk`].

pub mod accounts;
pub mod billing;
pub mod capability;
pub mod desk;
pub mod dns;
pub mod error;
pub mod extras;
pub mod http;
pub mod model;
pub mod provider;
pub mod providers;
pub mod secret;
pub mod tickets;

pub use desk::{AccountView, Desk, NewAccount};
pub use error::{Error, ErrorKind, Result};
