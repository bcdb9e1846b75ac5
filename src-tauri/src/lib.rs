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
mod server_rows;
mod ssh;
mod state;

use tauri::Manager;

pub fn run() {
    #[cfg(target_os = "linux")]
    if let Some(value) = compositing_mode_override(std::env::var_os(NO_GPU_COMPOSITING)) {
        // First thing in the process, before any thread exists to read the environment.
        std::env::set_var(NO_GPU_COMPOSITING, value);
    }
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

/// WebKitGTK composites the page through OpenGL unless this is set. A table
/// console has nothing to gain from it, and on a machine without a GPU that
/// is Mesa's software rasterizer: the web process held 110 MiB more and the
/// first frame came 0.9 s later with it (docs/bench.md, stop 25).
#[cfg(target_os = "linux")]
const NO_GPU_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The value to give `WEBKIT_DISABLE_COMPOSITING_MODE`, if any: a value the
/// user set themselves (`0` turns compositing back on) is theirs.
#[cfg(target_os = "linux")]
fn compositing_mode_override(current: Option<std::ffi::OsString>) -> Option<&'static str> {
    current.is_none().then_some("1")
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::compositing_mode_override;

    #[test]
    fn the_page_is_drawn_without_gpu_compositing_unless_the_user_chose() {
        assert_eq!(compositing_mode_override(None), Some("1"));
        assert_eq!(compositing_mode_override(Some("0".into())), None, "WEBKIT_DISABLE_COMPOSITING_MODE=0 is kept");
        assert_eq!(compositing_mode_override(Some("1".into())), None);
    }
}
