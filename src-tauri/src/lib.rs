//! The desktop shell: builds the Tauri app around the core. Commands are thin
//! (see `commands`); state and the demo sandbox live in `state`.

#[cfg(test)]
mod bindings;
mod commands;
mod files;
mod preferences;
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
            let preferences = preferences::PreferenceFile::open(app.handle());
            app.manage(state::AppState::new(files::Files::new(app.handle().clone()), preferences));
            // After setup returns the window paints; commands wait for this.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move { handle.state::<state::AppState>().finish_start().await });
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_store::Builder::default().build())
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running vpsdesk");
}
