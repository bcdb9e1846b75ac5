//! What only the desktop app does: notifications and a terminal.

use crate::notices::{Notice, Shown};
use crate::ssh;

use super::AccountRef;

ipc! {
    /// Shows the desktop notification for an event the UI saw, when its
    /// switch is on: answers with what it said, `None` when switched off.
    async fn notify(state, notice: Notice) -> Option<Shown> {
        // Unreadable preferences (no home folder) count as a new user's: all on.
        let switches = state.preferences.read().map(|p| p.notifications).unwrap_or_default();
        if !notice.wanted(&switches) {
            return Ok(None);
        }
        let shown = notice.text(|id| state.service.get_job(id))?;
        state.notifier.show(&shown)?;
        Ok(Some(shown))
    }

    /// Starts the terminal of the preferences with `ssh user@address`, the
    /// address being the server's as the provider reports it now.
    async fn open_ssh(state, account_id: AccountRef, server_id: String, user: String) -> () {
        let user = ssh::user(&user)?;
        let preference = state.preferences.read().ok().and_then(|p| p.terminal_command);
        let env_terminal = std::env::var("TERMINAL").ok();
        let terminal = ssh::terminal(preference.as_deref(), env_terminal.as_deref(), ssh::found)?;
        let server = state.service.server(&account_id, &server_id).await?;
        ssh::open(&ssh::argv(terminal, user, ssh::address(&server)?))
    }
}
