use crate::preferences::Preferences;

ipc! {
    async fn preferences(state) -> Preferences {
        state.preferences.read()
    }

    /// Replaces every preference; answers with them as saved.
    async fn save_preferences(state, preferences: Preferences) -> Preferences {
        state.preferences.save(&preferences)
    }
}
