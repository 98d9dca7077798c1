//! The state an article is about, and what the text names without a state that is its.
//!
//! News leaves out the state of whom and what belongs to the story's state: "Außenministerin
//! Trinidad Jiménez" in a story about Spain, "die Deponie Schönberg" in one about Germany. The
//! state the article names (itself, or through its places, people and bodies) at least twice
//! and three times as often as any other is the one; with no such state, all stay without one.
//! A guess only where the story is plainly about one state: a foreign athlete at a race there
//! is taken for one of its own.

use super::{Mention, Resolver};
use crate::model::{EntityId, EntityKind, PositionType};
use std::collections::BTreeMap;

/// How many mentions the state in focus needs at least.
const MIN_MENTIONS: u32 = 2;

/// How many times as often as the next state the state in focus is named.
const LEAD: u32 = 3;

/// Counts of each state's mentions in an article: the state itself, and what belongs to it.
#[derive(Default)]
pub(super) struct StateCounts(BTreeMap<String, u32>);

impl StateCounts {
    /// The state named at least `MIN_MENTIONS` times and `LEAD` times as often as any other.
    fn focus(&self) -> Option<&str> {
        let mut counts: Vec<(&String, &u32)> = self.0.iter().collect();
        counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let (iso, &top) = *counts.first()?;
        let next = counts.get(1).map_or(0, |c| *c.1);
        (top >= MIN_MENTIONS && top >= LEAD * next).then_some(iso.as_str())
    }
}

/// The offices of a state: held in one state, so the state the story is about when none is
/// named. An envoy, ambassador or spokesperson often speaks for another one.
fn office_of_a_state(kind: PositionType) -> bool {
    matches!(
        kind,
        PositionType::HeadOfState
            | PositionType::HeadOfGovernment
            | PositionType::ForeignMinister
            | PositionType::DefenceMinister
            | PositionType::Minister
    )
}

impl Resolver<'_> {
    /// Counts the states a sentence's mentions name or belong to (news outlets aside: where a
    /// report comes from is not what it is about).
    pub(super) fn count_states(&mut self, mentions: &[Mention]) {
        for m in mentions.iter().filter(|m| m.kind != EntityKind::NewsAgency) {
            let iso = self.iso_of(&m.entity);
            if !iso.is_empty() {
                *self.state_counts.0.entry(iso).or_default() += 1;
            }
        }
    }

    /// Gives the state in focus to each person, place and organisation known only from the
    /// text that the text gives no state: a person holding an office of a state named without
    /// one, or none. A counterpart is of another state, and an envoy, ambassador or spokesperson
    /// often speaks for one: they keep none. The offices themselves stay without a state ("der
    /// Präsident" of a club is no head of state).
    pub fn place_in_focus(&mut self) {
        let Some(focus) = self.state_counts.focus().map(str::to_string) else { return };
        let unplaced: Vec<EntityId> = self
            .table
            .all()
            .iter()
            .filter(|e| {
                !e.known
                    && matches!(e.kind, EntityKind::Person | EntityKind::Place | EntityKind::Organization)
                    && e.country.is_none()
                    && !self.counterparts.contains(&e.key)
                    && e.positions.iter().all(|p| p.of.is_none() && office_of_a_state(p.kind))
            })
            .map(|e| e.key.clone())
            .collect();
        for key in unplaced {
            if let Some(entity) = self.table.get_mut(&key) {
                entity.country = Some(focus.clone());
                entity.country_from_story = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u32)]) -> StateCounts {
        StateCounts(pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect())
    }

    #[test]
    fn the_state_in_focus_leads_clearly() {
        assert_eq!(counts(&[("SRB", 4), ("DEU", 1)]).focus(), Some("SRB"));
        assert_eq!(counts(&[("SRB", 6), ("DEU", 2)]).focus(), Some("SRB"));
        assert_eq!(counts(&[("SRB", 5), ("DEU", 2)]).focus(), None);
        assert_eq!(counts(&[("SRB", 1)]).focus(), None);
        assert_eq!(counts(&[]).focus(), None);
    }
}
