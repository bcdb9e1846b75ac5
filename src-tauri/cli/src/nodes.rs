//! `vpsctl nodes`: the account's nodes (VPS.NET), buying them (`--yes`
//! confirms the charge) and removing unassigned ones.

use std::process::ExitCode;

use clap::Subcommand;
use vpsdesk_core::providers::vpsnet::ext::nodes::NodeKind;
use vpsdesk_core::{AppService, Error};

use crate::account_arg::AccountArg;
use crate::extras::{changed, confirm};
use crate::output::Flags;
use crate::output::{list, opt};
use crate::Failure;

#[derive(Subcommand)]
pub enum NodesCmd {
    List {
        account: AccountArg,
        /// Only the nodes of this consumer id (sent to VPS.NET as consumer_id)
        #[arg(long)]
        consumer: Option<String>,
    },
    /// Buy nodes: KIND is regular, daily, ram, storage or bandwidth
    Add {
        account: AccountArg,
        kind: String,
        #[arg(long, default_value_t = 1)]
        quantity: u32,
    },
    /// Set a node's consumer id (0 for none): KIND is regular, daily, ram, storage, fusion or bandwidth
    Consumer { account: AccountArg, kind: String, id: String, consumer: String },
    /// Remove an unassigned node: KIND is regular, daily, ram, storage, fusion or bandwidth
    Delete { account: AccountArg, kind: String, id: String },
}

fn kind(text: &str) -> Result<NodeKind, Failure> {
    NodeKind::parse(text).ok_or_else(|| Failure::Core(Error::field("kind", format!("{text:?} is not a node kind"))))
}

fn word(kind: NodeKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

pub async fn run(service: &AppService, cmd: NodesCmd, flags: Flags) -> Result<ExitCode, Failure> {
    let Flags { json, yes } = flags;
    match cmd {
        NodesCmd::List { account, consumer } => {
            let nodes = service.nodes(&account.resolve(service)?, consumer.as_deref()).await?;
            list(json, &nodes, &["ID", "KIND", "SERVER", "CONSUMER", "FREE"], |n| {
                vec![
                    n.id.clone(),
                    word(n.kind),
                    opt(&n.server_id),
                    opt(&n.consumer_id),
                    if n.free { "yes" } else { "no" }.into(),
                ]
            });
            Ok(ExitCode::SUCCESS)
        }
        NodesCmd::Add { account, kind: k, quantity } => {
            let k = kind(&k)?;
            confirm(yes, format!("buying {quantity} {} node(s) charges the account at once", word(k)))?;
            changed(service, account, format!("{quantity} {} node(s) bought", word(k)), async |a| {
                service.add_nodes(a, k, quantity, true).await
            })
            .await
        }
        NodesCmd::Consumer { account, kind: k, id, consumer } => {
            let k = kind(&k)?;
            changed(service, account, format!("node {id}: consumer id set to {consumer}"), async |a| {
                service.set_node_consumer(a, k, &id, Some(&consumer)).await
            })
            .await
        }
        NodesCmd::Delete { account, kind: k, id } => {
            let k = kind(&k)?;
            confirm(yes, format!("removing node {id} stops it being billed and it cannot be used again"))?;
            changed(service, account, format!("node {id} removed"), async |a| service.delete_node(a, k, &id).await)
                .await
        }
    }
}
