//! The desktop shell: builds the Tauri app around the core. Commands are thin
//! (see `commands`); state and the demo sandbox live in `state`.

#[cfg(test)]
mod bindings;
mod commands;
mod files;
mod notices;
mod preferences;
#[cfg(test)]
mod security;
mod ssh;
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
            let (files, notifier) =
                (files::Files::new(app.handle().clone()), notices::Notifier::new(app.handle().clone()));
            app.manage(state::AppState::new(files, notifier, preferences));
            // After setup returns the window paints; commands wait for this.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move { handle.state::<state::AppState>().finish_start().await });
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running vpsdesk");
}
