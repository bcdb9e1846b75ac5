//! Control-panel licences on a server (VPS.NET's cPanel, ISPmanager and
//! their add-ons): the ones it holds, the ones it can have, bought and
//! cancelled one at a time. The rules the doc states are checked here,
//! before anything is sent: one control panel at a time, add-ons only on
//! top of a control panel, and a cancelled control panel takes its
//! add-ons with it.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ServerLicenceKind {
    ControlPanel,
    /// Works only while the server holds a control panel.
    AddOn,
    /// The provider did not say.
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServerLicence {
    pub id: String,
    pub name: String,
    pub kind: ServerLicenceKind,
    /// On the server now (and billed).
    pub held: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServerLicences {
    /// The held ones first, then the ones that can be bought.
    pub licences: Vec<ServerLicence>,
    /// Whether the provider listed the licences that can be bought; when not,
    /// only the held ones are known and a purchase names its licence id.
    pub offered_known: bool,
}

/// One licence to buy (`buy`) or cancel, confirmed by the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServerLicenceChange {
    pub licence: String,
    pub buy: bool,
    pub confirm: bool,
}

#[async_trait]
pub trait Licences: Send + Sync {
    async fn licences(&self, server: &str) -> Result<ServerLicences>;
    /// Buys (`true`) or cancels (`false`) each licence, in one request.
    async fn set_licences(&self, server: &str, changes: &[(String, bool)]) -> Result<()>;
}

/// The licence ids VPS.NET's own PHP client names (`getCpanel`): both control panels.
pub fn known(id: &str) -> Option<(&'static str, ServerLicenceKind)> {
    match id {
        "1" => Some(("cPanel", ServerLicenceKind::ControlPanel)),
        "6" => Some(("ISPmanager", ServerLicenceKind::ControlPanel)),
        _ => None,
    }
}

/// "cPanel (licence 1)", or "licence 7" for an id nobody named.
pub fn describe(id: &str, name: Option<&str>) -> String {
    let fallback = format!("licence {id}");
    match name.or_else(|| known(id).map(|k| k.0)) {
        Some(n) if n != fallback => format!("{n} ({fallback})"),
        _ => fallback,
    }
}

/// A licence id as typed: digits.
pub fn licence_id(text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() || t.len() > 18 || !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::field("licence", format!("a licence id is a number, got {t:?}")));
    }
    let n = t.trim_start_matches('0');
    Ok(if n.is_empty() { "0".into() } else { n.to_string() })
}

impl ServerLicences {
    fn find(&self, id: &str) -> Option<&ServerLicence> {
        self.licences.iter().find(|l| l.id == id)
    }

    fn held(&self) -> impl Iterator<Item = &ServerLicence> {
        self.licences.iter().filter(|l| l.held)
    }

    fn named(&self, id: &str) -> String {
        describe(id, self.find(id).map(|l| l.name.as_str()))
    }

    /// The held add-ons, which stop working when the control panel goes.
    pub fn add_ons(&self) -> Vec<&ServerLicence> {
        self.held().filter(|l| l.kind == ServerLicenceKind::AddOn).collect()
    }
}

fn kind_of(state: &ServerLicences, id: &str) -> ServerLicenceKind {
    state.find(id).map(|l| l.kind).or_else(|| known(id).map(|k| k.1)).unwrap_or(ServerLicenceKind::Other)
}

/// What one change sends, or why it may not be sent. `confirm` comes last,
/// so the person is asked only about a change that can be made.
pub fn plan(state: &ServerLicences, change: &ServerLicenceChange) -> Result<Vec<(String, bool)>> {
    let id = licence_id(&change.licence)?;
    let name = state.named(&id);
    let held = state.find(&id).is_some_and(|l| l.held);
    let sends = if change.buy {
        if held {
            return Err(Error::field("licence", format!("the server already has {name}")));
        }
        if state.offered_known && state.find(&id).is_none() {
            return Err(Error::field(
                "licence",
                format!("{id} is not a licence this server can have; pick one from its list"),
            ));
        }
        match kind_of(state, &id) {
            ServerLicenceKind::ControlPanel => {
                if let Some(panel) = state.held().find(|l| l.kind == ServerLicenceKind::ControlPanel) {
                    return Err(Error::field(
                        "licence",
                        format!(
                            "the server already has the {} control panel, and VPS.NET allows one at a time: cancel {} first",
                            panel.name,
                            describe(&panel.id, Some(&panel.name))
                        ),
                    ));
                }
            }
            ServerLicenceKind::AddOn if !state.held().any(|l| l.kind == ServerLicenceKind::ControlPanel) => {
                return Err(Error::field(
                    "licence",
                    format!("{name} is a control-panel add-on: buy the control panel first"),
                ));
            }
            _ => {}
        }
        vec![(id, true)]
    } else {
        if !held {
            return Err(Error::field("licence", format!("the server has no {name} to cancel")));
        }
        let mut sends = vec![(id.clone(), false)];
        if kind_of(state, &id) == ServerLicenceKind::ControlPanel {
            sends.extend(state.add_ons().into_iter().map(|a| (a.id.clone(), false)));
        }
        sends
    };
    if !change.confirm {
        return Err(Error::field("confirm", consequence(state, change.buy, &sends)));
    }
    Ok(sends)
}

/// What the change means for the person, for the confirmation.
pub fn consequence(state: &ServerLicences, buy: bool, sends: &[(String, bool)]) -> String {
    let Some((first, rest)) = sends.split_first() else {
        return String::new();
    };
    let name = state.named(&first.0);
    if buy {
        return format!("{name} is billed by VPS.NET from now on; confirm the purchase");
    }
    let with = rest.iter().map(|(id, _)| state.named(id)).collect::<Vec<_>>();
    let also = if with.is_empty() { String::new() } else { format!(", and its add-ons with it ({})", with.join(", ")) };
    format!("cancelling {name} removes it from the server{also}: software that relies on it stops being licensed; confirm the cancellation")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(id: &str, name: &str, kind: ServerLicenceKind, held: bool) -> ServerLicence {
        ServerLicence { id: id.into(), name: name.into(), kind, held }
    }

    fn state(offered_known: bool) -> ServerLicences {
        ServerLicences {
            licences: vec![
                l("1", "cPanel", ServerLicenceKind::ControlPanel, true),
                l("3", "Softaculous", ServerLicenceKind::AddOn, true),
                l("6", "ISPmanager", ServerLicenceKind::ControlPanel, false),
                l("4", "Installatron", ServerLicenceKind::AddOn, false),
            ],
            offered_known,
        }
    }

    fn change(id: &str, buy: bool) -> ServerLicenceChange {
        ServerLicenceChange { licence: id.into(), buy, confirm: true }
    }

    fn refused(s: &ServerLicences, c: &ServerLicenceChange) -> (String, String) {
        let e = plan(s, c).unwrap_err();
        (e.fields[0].field.clone(), e.fields[0].message.clone())
    }

    #[test]
    fn a_second_control_panel_is_refused_until_the_first_is_cancelled() {
        let (field, why) = refused(&state(true), &change("6", true));
        assert_eq!(field, "licence");
        assert!(why.contains("cancel cPanel (licence 1) first"), "{why}");
        let mut none = state(true);
        none.licences.retain(|l| !l.held);
        assert_eq!(plan(&none, &change("6", true)).unwrap(), [("6".to_string(), true)]);
    }

    #[test]
    fn cancelling_the_control_panel_takes_its_add_ons() {
        assert_eq!(
            plan(&state(true), &change("1", false)).unwrap(),
            [("1".to_string(), false), ("3".to_string(), false)]
        );
        assert_eq!(plan(&state(true), &change("3", false)).unwrap(), [("3".to_string(), false)]);
        let (field, why) = refused(&state(true), &ServerLicenceChange { confirm: false, ..change("1", false) });
        assert_eq!(field, "confirm");
        assert!(why.contains("cancelling cPanel (licence 1)") && why.contains("Softaculous (licence 3)"), "{why}");
    }

    #[test]
    fn purchases_are_confirmed_and_name_the_licence() {
        let (field, why) = refused(&state(true), &ServerLicenceChange { confirm: false, ..change("4", true) });
        assert_eq!(
            (field.as_str(), why.as_str()),
            ("confirm", "Installatron (licence 4) is billed by VPS.NET from now on; confirm the purchase")
        );
        assert_eq!(plan(&state(true), &change("04", true)).unwrap(), [("4".to_string(), true)]);
    }

    #[test]
    fn add_ons_need_a_control_panel_and_ids_are_checked() {
        let mut bare = state(true);
        bare.licences.retain(|l| !l.held);
        assert!(refused(&bare, &change("4", true)).1.contains("buy the control panel first"));
        assert!(refused(&state(true), &change("1", true)).1.contains("already has cPanel"));
        assert!(refused(&state(true), &change("6", false)).1.contains("no ISPmanager (licence 6)"));
        assert!(refused(&state(true), &change("9", true)).1.contains("not a licence this server can have"));
        assert_eq!(refused(&state(true), &change("c1", true)).0, "licence");
        // Without the provider's list a typed id is taken; 6 is still known as a control panel.
        assert_eq!(plan(&state(false), &change("9", true)).unwrap(), [("9".to_string(), true)]);
        let unknown = ServerLicences {
            licences: vec![l("1", "cPanel", ServerLicenceKind::ControlPanel, true)],
            offered_known: false,
        };
        assert!(refused(&unknown, &change("6", true)).1.contains("one at a time"));
    }

    #[test]
    fn names_fall_back_to_the_known_ids() {
        assert_eq!(describe("1", None), "cPanel (licence 1)");
        assert_eq!(describe("7", None), "licence 7");
        assert_eq!(describe("7", Some("licence 7")), "licence 7");
        assert_eq!(describe("7", Some("Plesk")), "Plesk (licence 7)");
    }
}
