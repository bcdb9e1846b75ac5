//! Desktop notifications. The UI sees the events (a tracked job ended, a
//! server changed state without the user asking, a balance went under its
//! threshold) and names them; the backend writes the text, checks the
//! user's switch for that kind and shows it through tauri-plugin-notification.
//! The webview has no notification permission, so it cannot put text of its
//! own on the desktop; a job's text is read from the core, not taken from it.

use serde::{Deserialize, Serialize};
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use ts_rs::TS;
use vpsdesk_core::capabilities::billing::Balance;
use vpsdesk_core::jobs::{Job, JobState};
use vpsdesk_core::model::{Server, Status};
use vpsdesk_core::{Error, Result};

use crate::preferences::NotificationSwitches;

/// An event the UI saw, as it names it.
#[derive(Clone, Debug, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// A tracked job ended; its title and outcome are the core's.
    JobEnded { job_id: String },
    /// `server` is as the latest refresh saw it; it was `from` before.
    ServerChanged { server: Server, from: Status },
    /// `balance` is under `threshold`, the user's warning level for its account.
    LowBalance { balance: Balance, threshold: String },
}

/// What a desktop notification said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Shown {
    pub title: String,
    pub body: String,
}

impl Notice {
    /// Whether the user wants this kind shown.
    pub fn wanted(&self, switches: &NotificationSwitches) -> bool {
        match self {
            Notice::JobEnded { .. } => switches.job_end,
            Notice::ServerChanged { .. } => switches.server_state,
            Notice::LowBalance { .. } => switches.low_balance,
        }
    }

    /// The notification's text. Made only of a job's title and outcome (the
    /// core's messages carry no credential), a server's name and states, an
    /// account's name and money: never a secret.
    pub fn text(&self, job: impl FnOnce(&str) -> Result<Job>) -> Result<Shown> {
        Ok(match self {
            Notice::JobEnded { job_id } => {
                let job = job(job_id)?;
                let (outcome, detail) = match job.state {
                    JobState::Running => return Err(Error::invalid_state(format!("{} has not ended yet.", job.title))),
                    JobState::Succeeded => ("done", job.stage),
                    JobState::Failed => ("failed", job.error.map(|e| e.message).unwrap_or(job.stage)),
                    JobState::Cancelled => ("cancelled", job.stage),
                };
                Shown {
                    title: one_line(&format!("{}: {outcome}", job.title)),
                    body: one_line(&format!("{}: {detail}", job.account)),
                }
            }
            Notice::ServerChanged { server, from } => {
                let name = if server.name.is_empty() { &server.id } else { &server.name };
                Shown {
                    title: one_line(&format!("{name} is {}", server.status.as_str())),
                    body: one_line(&format!(
                        "{}: {name} went from {} to {} without a request from vpsdesk.",
                        server.account,
                        from.as_str(),
                        server.status.as_str()
                    )),
                }
            }
            Notice::LowBalance { balance, threshold } => Shown {
                title: one_line(&format!("Low balance on {}", balance.account)),
                body: one_line(&format!(
                    "{} is below your warning level of {threshold} {}.",
                    balance.summary, balance.currency
                )),
            },
        })
    }
}

/// Notification servers show a line or two: control characters become
/// spaces and long text is cut.
fn one_line(text: &str) -> String {
    const MAX: usize = 200;
    let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// The desktop's notification service, through the plugin.
pub struct Notifier {
    app: AppHandle,
}

impl Notifier {
    pub fn new(app: AppHandle) -> Notifier {
        Notifier { app }
    }

    /// Hands the notification to the desktop; the plugin sends it on a
    /// task of its own, so this does not wait for the notification server.
    pub fn show(&self, shown: &Shown) -> Result<()> {
        self.app
            .notification()
            .builder()
            .title(&shown.title)
            .body(&shown.body)
            .show()
            .map_err(|e| Error::unsupported(format!("the desktop notification could not be shown: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpsdesk_core::jobs::JobKind;
    use vpsdesk_core::model::ProviderKind;

    fn job(state: JobState) -> Job {
        Job {
            id: "job-1".into(),
            kind: JobKind::SnapshotCreate,
            title: "Snapshot of web-1".into(),
            account: "Demo Vultr".into(),
            account_id: "acc-1".into(),
            provider: ProviderKind::Vultr,
            server_id: Some("576965".into()),
            target_id: None,
            state,
            stage: "Snapshot complete".into(),
            progress: None,
            cancellable: false,
            cancel_note: None,
            error: (state == JobState::Failed).then(|| Error::provider("the provider refused the snapshot")),
            started_at_ms: 0,
            finished_at_ms: None,
        }
    }

    fn server(status: Status) -> Server {
        Server {
            account: "Demo Vultr".into(),
            account_id: "acc-1".into(),
            provider: ProviderKind::Vultr,
            id: "576965".into(),
            name: "web-1\nsecond line".into(),
            status,
            provider_status: String::new(),
            ipv4: vec!["203.0.113.10".into()],
            ipv6: vec![],
            region: String::new(),
            plan: String::new(),
            created_at: None,
            details: vec![],
            capabilities: None,
        }
    }

    fn every_kind() -> [Notice; 3] {
        let balance: Balance = serde_json::from_value(serde_json::json!({
            "account": "Demo Vultr", "account_id": "acc-1", "provider": "vultr", "balance": "4.20",
            "currency": "USD", "meaning": "credit", "summary": "4.20 USD credit", "provider_balance": "-4.20",
            "pending_charges": null, "credits": null, "last_payment_date": null, "last_payment_amount": null
        }))
        .expect("a balance");
        [
            Notice::JobEnded { job_id: "job-1".into() },
            Notice::ServerChanged { server: server(Status::Stopped), from: Status::Running },
            Notice::LowBalance { balance, threshold: "10".into() },
        ]
    }

    #[test]
    fn each_kind_is_shown_only_while_its_switch_is_on() {
        let [job_end, server_state, low_balance] = every_kind();
        let all = NotificationSwitches::default();
        assert!(job_end.wanted(&all) && server_state.wanted(&all) && low_balance.wanted(&all), "all on by default");
        let off = |f: fn(&mut NotificationSwitches)| {
            let mut s = NotificationSwitches::default();
            f(&mut s);
            s
        };
        let no_jobs = off(|s| s.job_end = false);
        assert!(!job_end.wanted(&no_jobs) && server_state.wanted(&no_jobs) && low_balance.wanted(&no_jobs));
        let no_servers = off(|s| s.server_state = false);
        assert!(job_end.wanted(&no_servers) && !server_state.wanted(&no_servers) && low_balance.wanted(&no_servers));
        let no_balance = off(|s| s.low_balance = false);
        assert!(job_end.wanted(&no_balance) && server_state.wanted(&no_balance) && !low_balance.wanted(&no_balance));
    }

    #[test]
    fn the_backend_writes_every_text() {
        let [job_end, server_state, low_balance] = every_kind();
        assert_eq!(
            job_end.text(|_| Ok(job(JobState::Succeeded))).unwrap(),
            Shown { title: "Snapshot of web-1: done".into(), body: "Demo Vultr: Snapshot complete".into() }
        );
        assert_eq!(
            job_end.text(|_| Ok(job(JobState::Failed))).unwrap().body,
            "Demo Vultr: the provider refused the snapshot"
        );
        assert_eq!(
            job_end.text(|_| Ok(job(JobState::Running))).unwrap_err().kind,
            vpsdesk_core::ErrorKind::InvalidState
        );
        assert_eq!(
            server_state.text(|_| unreachable!()).unwrap(),
            Shown {
                title: "web-1 second line is stopped".into(),
                body: "Demo Vultr: web-1 second line went from running to stopped without a request from vpsdesk."
                    .into()
            }
        );
        assert_eq!(
            low_balance.text(|_| unreachable!()).unwrap(),
            Shown {
                title: "Low balance on Demo Vultr".into(),
                body: "4.20 USD credit is below your warning level of 10 USD.".into()
            }
        );
    }

    #[test]
    fn long_text_is_cut() {
        let long = one_line(&"x".repeat(500));
        assert_eq!(long.chars().count(), 201);
        assert!(long.ends_with('…'));
    }
}
