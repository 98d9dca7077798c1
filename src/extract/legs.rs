//! Legs: the stages of a shipment told in one sentence, and the factuality they take from it.

use super::Reader;
use crate::lang::RoleHint;
use crate::mentions::Mention;
use crate::model::{EntityId, EntityKind, Event, EventKind, Role, Span, TransportMode};
use crate::text::Token;

/// A shipment that names who or where it goes from or to, not only goods.
fn has_parties(e: &Event) -> bool {
    e.roles.iter().any(|(r, _)| matches!(r, Role::Supplier | Role::Recipient | Role::Origin | Role::Destination))
}

impl<'a> Reader<'a> {
    /// "eine Lieferung … zunächst auf ein Schiff verladen und dann mit der Bahn … transportiert":
    /// a shipment without its own parties elaborates the previous one, one leg per mode.
    pub(super) fn shipment_legs(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        created: &mut Vec<(usize, usize)>,
        evidence: Span,
    ) {
        let modes: Vec<(usize, TransportMode)> = tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| self.rules.transport.get(t.lower()).map(|m| (i, *m)))
            .collect();
        let shipments: Vec<(usize, usize)> =
            created.iter().copied().filter(|(e, _)| self.out.events[*e].kind == EventKind::Shipment).collect();
        self.legs(tokens, mentions, &modes, &shipments, created, evidence);
        // A shipment noun without parties that elaborates nothing is not an event of its own.
        for &(e, _) in &shipments {
            if self.out.events[e].is_live() && !has_parties(&self.out.events[e]) {
                self.out.events[e].dropped = true;
            }
        }
        created.retain(|(e, _)| self.out.events[*e].is_live());
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn legs(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        modes: &[(usize, TransportMode)],
        shipments: &[(usize, usize)],
        created: &mut Vec<(usize, usize)>,
        evidence: Span,
    ) {
        if modes.is_empty() || shipments.is_empty() {
            return;
        }
        let (first_event, _) = shipments[0];
        let parent = if has_parties(&self.out.events[first_event]) {
            if modes.len() == 1 {
                self.out.events[first_event].transport = Some(modes[0].1);
                return;
            }
            Some(first_event)
        } else {
            let earlier = |i: usize| shipments.iter().all(|&(e, _)| e != i);
            self.out
                .events
                .iter()
                .enumerate()
                .rposition(|(i, e)| e.kind == EventKind::Shipment && has_parties(e) && e.is_live() && earlier(i))
        };
        let Some(parent) = parent else { return };
        // The anaphoric shipments of this sentence are the parent itself, and so is one whose
        // parties are the parent's ("eine Lieferung … von einem nordkoreanischen Munitionslager
        // … weitertransportiert").
        let within = |events: &[Event], e: usize, role: Role| {
            events[e].fillers(role).all(|k| events[parent].fillers(role).any(|p| p == k))
        };
        for &(e, _) in shipments {
            let events = &self.out.events;
            let same =
                !has_parties(&events[e]) || within(events, e, Role::Supplier) && within(events, e, Role::Recipient);
            if e != parent && same {
                self.out.events[e].merged_into = Some(parent);
                self.out.events[parent].evidence.push(evidence);
            }
        }
        created.retain(|(e, _)| self.out.events[*e].is_live());
        let origin = mentions
            .iter()
            .find(|m| m.kind == EntityKind::Place && matches!(m.hint, Some(RoleHint::Source | RoleHint::Of)))
            .map(|m| m.entity.clone());
        let destination = mentions
            .iter()
            .rev()
            .find(|m| m.kind == EntityKind::Place && m.hint == Some(RoleHint::Destination))
            .map(|m| m.entity.clone());
        let flag = self.vessel_flag(tokens, mentions);
        let factuality = self.out.events[parent].factuality;
        for (n, (at, mode)) in modes.iter().enumerate() {
            let trigger = Span { start: tokens[*at].start, end: tokens[*at].end, sentence: evidence.sentence };
            let mut leg = Event::new(EventKind::Shipment, factuality, trigger, vec![evidence]);
            leg.transport = Some(*mode);
            leg.sub_event_of = Some(parent);
            if n == 0
                && let Some(o) = &origin
            {
                leg.add_role(Role::Origin, o);
            }
            if n + 1 == modes.len()
                && let Some(d) = &destination
            {
                leg.add_role(Role::Destination, d);
            }
            if *mode == TransportMode::Sea
                && let Some(f) = &flag
            {
                leg.add_role(Role::VesselFlag, f);
            }
            self.out.events.push(leg);
        }
    }

    /// "unter russischer Flagge", "under a Russian flag".
    fn vessel_flag(&self, tokens: &[Token], mentions: &[Mention]) -> Option<EntityId> {
        let flag = tokens.iter().position(|t| self.rules.flag_nouns.contains(t.lower()))?;
        mentions
            .iter()
            .rev()
            .find(|m| m.kind == EntityKind::State && m.last <= flag && m.last + 1 >= flag)
            .map(|m| m.entity.clone())
    }

    pub(super) fn inherit_leg_factuality(&mut self) {
        for i in 0..self.out.events.len() {
            if let Some(p) = self.out.events[i].sub_event_of {
                let parent = self.out.events[p].factuality;
                if parent.is_realis() {
                    self.out.events[i].factuality = parent;
                }
            }
        }
    }
}
