//! Frames as data: which dependent of a trigger fills which role, by its relation, its case
//! marker and the trigger's voice.

use crate::model::Role;
use crate::syntax::ud::Rel;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeSet;

use super::Frame;

/// The slots of one frame: how the tree around a trigger of that frame gives its roles.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameSlots {
    /// The trigger frame they fill.
    pub frame: Frame,
    /// The slots, tried in order; the first whose role fits a dependent gives it.
    pub slots: Vec<Slot>,
}

/// One slot: a dependent of the trigger by relation (any subtype), its case marker and the
/// trigger's voice, and the role it fills.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// The universal relation to the trigger ("nsubj", "obj", "iobj", "obl", "nmod").
    #[serde(deserialize_with = "relation")]
    pub rel: Rel,
    /// The case markers (lower case) that must govern it; empty: none may.
    #[serde(default)]
    pub case: BTreeSet<String>,
    /// Only where the trigger is passive (`true`) or active (`false`); absent: either.
    #[serde(default)]
    pub passive: Option<bool>,
    /// The role it fills.
    pub role: Role,
}

impl Slot {
    /// Whether a dependent by `rel` with the case marker `case` fills this slot.
    pub fn takes(&self, rel: Rel, case: Option<&str>, passive: bool) -> bool {
        self.rel == rel
            && self.passive.is_none_or(|p| p == passive)
            && match case {
                Some(c) => self.case.contains(c),
                None => self.case.is_empty(),
            }
    }
}

fn relation<'de, D: Deserializer<'de>>(d: D) -> Result<Rel, D::Error> {
    let name = String::deserialize(d)?;
    Rel::parse(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown relation {name:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_takes_its_relation_case_and_voice() {
        let slot =
            Slot { rel: Rel::Obl, case: ["nach".to_string()].into(), passive: Some(false), role: Role::Destination };
        assert!(slot.takes(Rel::Obl, Some("nach"), false));
        assert!(!slot.takes(Rel::Obl, Some("mit"), false));
        assert!(!slot.takes(Rel::Obl, None, false));
        assert!(!slot.takes(Rel::Obl, Some("nach"), true));
        assert!(!slot.takes(Rel::Obj, Some("nach"), false));
    }
}
