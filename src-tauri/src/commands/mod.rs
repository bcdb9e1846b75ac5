//! The IPC surface. Each command is a thin call into the core; the `ipc!`
//! macro defines the Tauri command and its TypeScript binding from the same
//! signature, so the two cannot drift apart.

mod account_ref;
pub use account_ref::AccountRef;

/// Defines Tauri commands (args in snake_case, errors as `{kind, message,
/// fields}`) and records each signature for `bindings.ts`.
///
/// Most commands only hand their arguments, by reference and in order, to
/// the service method of that shape: `async fn name(state, args…) -> T =
/// method;` says so once. Any other command has its body as a block.
/// The commands that answer while the start is under way: the preferences
/// are read before the first render (the app's colors come from them) and
/// kept in a file of their own, apart from the keychain and the accounts.
const ANSWER_BEFORE_START: &[&str] = &["preferences", "save_preferences"];

macro_rules! ipc {
    (@each [$($done:tt)*] $(#[$meta:meta])* async fn $name:ident($state:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty = $method:ident; $($rest:tt)*) => {
        ipc!(@each [$($done)* $(#[$meta])* async fn $name($state $(, $arg: $ty)*) -> $ret {
            $state.service.$method($(&$arg),*).await
        }] $($rest)*);
    };
    (@each [$($done:tt)*] $(#[$meta:meta])* async fn $name:ident($state:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block $($rest:tt)*) => {
        ipc!(@each [$($done)* $(#[$meta])* async fn $name($state $(, $arg: $ty)*) -> $ret $body] $($rest)*);
    };
    (@each [$($done:tt)*]) => {
        ipc!(@define $($done)*);
    };
    (@define $( $(#[$meta:meta])* async fn $name:ident($state:ident $(, $arg:ident : $ty:ty)*) -> $ret:ty $body:block )*) => {
        $(
            $(#[$meta])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $name(
                $state: tauri::State<'_, crate::state::AppState> $(, $arg: $ty)*
            ) -> Result<$ret, vpsdesk_core::Error> {
                // The window paints before the keychain probe and the demo
                // are done (lib.rs); no command answers until they are,
                // but those that need neither.
                if !crate::commands::ANSWER_BEFORE_START.contains(&stringify!($name)) {
                    $state.started().await;
                }
                $body
            }
        )*

        /// The commands this module defines, as the webview names them:
        /// what `handler` routes to it.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        #[cfg(test)]
        pub fn signatures() -> Vec<crate::bindings::Binding> {
            let cfg = ts_rs::Config::new();
            vec![$(crate::bindings::Binding {
                name: stringify!($name),
                args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(&cfg))),*],
                ret: <$ret as ts_rs::TS>::name(&cfg),
            }),*]
        }
    };
    ($($item:tt)*) => {
        ipc!(@each [] $($item)*);
    };
}

/// Declares the command modules once: the Tauri handler routes each command
/// to its module's `ipc!` handler, and the bindings list the same modules'
/// signatures, so a command cannot be bound without being handled or the
/// other way round.
macro_rules! command_modules {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            |invoke| {
                let command = invoke.message.command();
                $(if $module::NAMES.contains(&command) {
                    return $module::handler()(invoke);
                })*
                false
            }
        }

        /// Every command name the handler routes, module by module.
        #[cfg(test)]
        fn handled() -> Vec<&'static str> {
            [$($module::NAMES),*].concat()
        }

        #[cfg(test)]
        pub fn signatures() -> Vec<crate::bindings::Binding> {
            [$($module::signatures()),*].into_iter().flatten().collect()
        }
    };
}

// In the order their commands appear in `bindings.ts`.
command_modules! {
    accounts,
    preferences,
    desktop,
    servers,
    billing,
    tickets,
    dns,
    extras,
    backups,
    maintenance,
    templates,
    recoverable,
    nodes,
    settings,
    drives,
    resources,
    server_resources,
    template_authoring,
    account_ips,
    cloud_groups,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn the_commands_that_answer_before_the_start_exist() {
        let handled = super::handled();
        for name in super::ANSWER_BEFORE_START {
            assert!(handled.contains(name), "{name} is not a command");
        }
    }

    #[test]
    fn every_handled_command_has_one_binding_and_every_binding_a_handler() {
        let handled = super::handled();
        let bound: Vec<&str> = super::signatures().iter().map(|b| b.name).collect();
        let unique: BTreeSet<&str> = handled.iter().copied().collect();
        assert_eq!(unique.len(), handled.len(), "a command name is defined in two modules");
        let bound_set: BTreeSet<&str> = bound.iter().copied().collect();
        assert_eq!(bound_set.len(), bound.len(), "a command is bound twice");
        let unbound: Vec<_> = unique.difference(&bound_set).collect();
        let unhandled: Vec<_> = bound_set.difference(&unique).collect();
        assert!(
            unbound.is_empty() && unhandled.is_empty(),
            "handled without a binding: {unbound:?}; bound without a handler: {unhandled:?}"
        );
    }

    #[test]
    fn bindings_ts_invokes_every_handled_command_by_its_name() {
        let rendered = crate::bindings::render();
        let missing: Vec<_> =
            super::handled().into_iter().filter(|name| !rendered.contains(&format!("(\"{name}\""))).collect();
        assert!(missing.is_empty(), "bindings.ts never invokes {missing:?}");
    }
}
