//! The IPC surface. Each command is a thin call into the core; the `ipc!`
//! macro defines the Tauri command and its TypeScript binding from the same
//! signature, so the two cannot drift apart.

mod accounts;
mod servers;

/// Defines Tauri commands (args in snake_case, errors as `{kind, message,
/// fields}`) and records each signature for `bindings.ts`.
macro_rules! ipc {
    ($( $(#[$meta:meta])* async fn $name:ident($state:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block )*) => {
        $(
            $(#[$meta])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $name(
                $state: tauri::State<'_, crate::state::AppState> $(, $arg: $ty)*
            ) -> Result<$ret, vpsdesk_core::Error> $body
        )*

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
}
pub(crate) use ipc;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    use accounts::*;
    use servers::*;
    tauri::generate_handler![
        app_status,
        providers,
        list_accounts,
        add_account,
        test_account,
        rename_account,
        remove_account,
        start_demo,
        list_servers,
        account_servers,
        get_server,
        server_action,
        create_server,
        rename_server,
        delete_server,
        catalog_plans,
        catalog_images,
        catalog_regions,
    ]
}

#[cfg(test)]
pub fn signatures() -> Vec<crate::bindings::Binding> {
    let mut all = accounts::signatures();
    all.extend(servers::signatures());
    all
}
