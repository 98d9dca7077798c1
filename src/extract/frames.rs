//! Frames as data: the roles the tree gives a trigger, by the slots its language's frame names
//! (`[[frames]]` in `data/lang/*.toml`). One filler for every class.

use super::Reader;
use crate::lang::Frame;
use crate::mentions::Mention;
use crate::model::{EntityKind, Event, Role};
use crate::syntax::tree::Tree;
use crate::text::Token;

/// Whether an entity of a kind can fill a role: an actor who acts, a place or state where.
fn fits(role: Role, kind: EntityKind) -> bool {
    match role {
        Role::Destination | Role::Location | Role::Origin => kind.is_place(),
        Role::VesselFlag => kind == EntityKind::State,
        _ => kind.is_actor(),
    }
}

impl<'a> Reader<'a> {
    /// The roles the tree gives the trigger at `at`: each dependent a slot of the frame takes
    /// (with the words conjoined to it), as the first of `mentions` over it that fits the role.
    pub(super) fn frame_roles<'m>(
        &self,
        tokens: &[Token],
        mentions: &[&'m Mention],
        at: usize,
        frame: Frame,
    ) -> Vec<(Role, &'m Mention)> {
        let slots = self.rules.slots(frame);
        if slots.is_empty() {
            return Vec::new();
        }
        let Some(words) = self.parsed(tokens) else { return Vec::new() };
        if at >= words.len() {
            return Vec::new();
        }
        let tree = Tree::new(&words);
        let passive = tree.is_passive(at);
        let mut out = Vec::new();
        for dependent in tree.children(at).iter().flat_map(|&d| tree.with_conjuncts(d)) {
            let rel = words[dependent].deprel.rel;
            let case = tree.case_marker(dependent).map(|c| tokens[c].lower());
            let Some(mention) = mentions.iter().copied().find(|m| m.first <= dependent && dependent < m.last) else {
                continue;
            };
            let slot = slots.iter().find(|s| s.takes(rel, case, passive) && fits(s.role, mention.kind));
            if let Some(slot) = slot {
                out.push((slot.role, mention));
            }
        }
        out
    }

    /// Fills from the tree each role the class's own rules left empty: a mention not yet in the
    /// event, of a kind that fits; participants up to two.
    pub(super) fn fill_from_frame(
        &self,
        tokens: &[Token],
        mentions: &[&Mention],
        at: usize,
        frame: Frame,
        event: &mut Event,
    ) {
        for (role, mention) in self.frame_roles(tokens, mentions, at, frame) {
            let present = event.roles.iter().any(|(_, k)| *k == mention.entity);
            let open = match role {
                Role::Participant => event.fillers(role).count() < 2,
                _ => event.fillers(role).next().is_none(),
            };
            if open && !present {
                event.add_role(role, &mention.entity);
            }
        }
    }
}
