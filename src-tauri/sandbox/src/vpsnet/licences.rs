//! Control-panel licences on a server: the INFERRED list of the ones a
//! server can have (`GET virtual_machines/{id}/licenses`, answered as
//! `[{"license": {id, label, license_type}}]`), the held ones in the show
//! reply (`virtual_machine_licenses`) and the edit's `licenses: {"<id>":
//! 1|0}`, kept to the doc's rules: one control panel at a time, add-ons only
//! with a control panel. The ids 1 (cPanel) and 6 (ISPmanager) are the
//! ones VPS.NET's PHP client names; the others are the simulator's.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    ControlPanel,
    AddOn,
}

const CATALOGUE: [(u64, &str, Kind); 5] = [
    (1, "cPanel", Kind::ControlPanel),
    (2, "Plesk", Kind::ControlPanel),
    (6, "ISPmanager", Kind::ControlPanel),
    (3, "Softaculous", Kind::AddOn),
    (4, "Installatron", Kind::AddOn),
];

fn kind(id: u64) -> Option<Kind> {
    CATALOGUE.iter().find(|l| l.0 == id).map(|l| l.2)
}

/// The list reply.
pub(super) fn list() -> Vec<Value> {
    CATALOGUE
        .iter()
        .map(|(id, label, kind)| {
            let kind = match kind {
                Kind::ControlPanel => "Control Panel",
                Kind::AddOn => "Control Panel Add-on",
            };
            json!({ "license": { "id": id, "label": label, "license_type": kind } })
        })
        .collect()
}

/// The held ones as the show reply lists them.
pub(super) fn held(vm: u64, licences: &BTreeSet<u64>) -> Vec<Value> {
    licences
        .iter()
        .map(|id| json!({ "virtual_machine_license": { "id": vm * 10 + id, "license_id": id, "virtual_machine_id": vm } }))
        .collect()
}

/// The licences after the edit's `licenses` object, or the 422's field
/// and message. Cancellations count before purchases, so the doc's
/// example (buy 2, cancel 1) swaps one control panel for another.
pub(super) fn apply(now: &BTreeSet<u64>, change: &Value) -> Result<BTreeSet<u64>, (&'static str, String)> {
    let refuse = |why: String| Err(("licenses", why));
    let Some(change) = change.as_object().filter(|c| !c.is_empty()) else {
        return refuse("must be an object of licence ids, each 1 (buy) or 0 (cancel)".into());
    };
    let mut parsed: Vec<(u64, bool)> = Vec::new();
    for (id, value) in change {
        let buy = match value {
            Value::Number(n) if n.as_u64() == Some(1) => true,
            Value::Number(n) if n.as_u64() == Some(0) => false,
            Value::String(s) if s == "1" || s == "0" => s == "1",
            _ => return refuse(format!("licence {id}: 1 buys, 0 cancels")),
        };
        match id.parse::<u64>().ok().filter(|id| kind(*id).is_some()) {
            Some(id) => parsed.push((id, buy)),
            None => return refuse(format!("{id} is not a licence this cloud server can have")),
        }
    }
    let mut after = now.clone();
    for (id, _) in parsed.iter().filter(|(_, buy)| !buy) {
        if !after.remove(id) {
            return refuse(format!("licence {id} is not on this cloud server"));
        }
    }
    for (id, _) in parsed.iter().filter(|(_, buy)| *buy) {
        if !after.insert(*id) {
            return refuse(format!("licence {id} is already on this cloud server"));
        }
    }
    let panels = after.iter().filter(|id| kind(**id) == Some(Kind::ControlPanel)).count();
    if panels > 1 {
        return refuse("only one control panel licence can be purchased; delete the existing one first".into());
    }
    if panels == 0 && after.iter().any(|id| kind(*id) == Some(Kind::AddOn)) {
        return refuse("control panel add-ons need a control panel licence".into());
    }
    Ok(after)
}

/// A seeded server's licences: the doc's first server runs cPanel.
pub(super) fn seeded(vm: u64) -> BTreeSet<u64> {
    if vm == 1384 {
        BTreeSet::from([1])
    } else {
        BTreeSet::new()
    }
}

/// `licenses` of an edit body, if any (CORVO spells it `licences`).
pub(super) fn requested(form: &Map<String, Value>) -> Option<&Value> {
    form.get("licenses").or_else(|| form.get("licences"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_example_swaps_control_panels_and_the_rules_hold() {
        let cpanel = BTreeSet::from([1]);
        assert_eq!(apply(&cpanel, &json!({ "2": 1, "1": 0 })).unwrap(), BTreeSet::from([2]));
        assert!(apply(&cpanel, &json!({ "6": 1 })).unwrap_err().1.contains("only one control panel"));
        assert!(apply(&BTreeSet::new(), &json!({ "3": 1 })).unwrap_err().1.contains("need a control panel"));
        let with_addon = apply(&cpanel, &json!({ "3": "1" })).unwrap();
        assert!(apply(&with_addon, &json!({ "1": 0 })).is_err(), "the add-on would be left without its panel");
        assert_eq!(apply(&with_addon, &json!({ "1": 0, "3": 0 })).unwrap(), BTreeSet::new());
        assert!(apply(&cpanel, &json!({ "9": 1 })).is_err());
        assert!(apply(&cpanel, &json!({ "6": 0 })).is_err());
        assert!(apply(&cpanel, &json!({ "6": 2 })).is_err());
        assert!(apply(&cpanel, &json!([])).is_err());
    }
}
