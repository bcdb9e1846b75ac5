//! vpsdesk-core: the provider clients, the model, the keychain and the
//! account store. No Tauri, no WebKit: the app and vpsctl are thin layers on
//! top of [`service::AppService`].

pub mod accounts;
pub mod capabilities;
pub mod error;
pub mod http;
pub mod jobs;
pub mod model;
pub mod provider;
pub mod providers;
pub mod secret;
pub mod service;
pub mod time;
pub mod validate;

pub use error::{Error, ErrorKind, Result};
pub use service::{AccountView, AppService, NewAccount};
