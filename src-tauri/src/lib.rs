//! The desktop shell: builds the Tauri app around the core. Commands are thin
//! (see `commands`); state and the demo sandbox live in `state`.

#[cfg(test)]
mod bindings;
mod commands;
mod files;
#[cfg(test)]
mod security;
mod state;

use tauri::Manager;

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("VPSDESK_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    tauri::Builder::default()
        .setup(|app| {
            let files = files::Files::new(app.handle().clone());
            let state = tauri::async_runtime::block_on(state::AppState::start(files));
            app.manage(state);
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running vpsdesk");
}
