//! Invitations: who invites whom, and where to, by a verb or a noun.

use super::Parties;
use crate::extract::Reader;
use crate::lang::RoleHint;
use crate::model::{EntityKind, Event, Role};

impl<'a> Reader<'a> {
    /// "lud X nach Y ein", "invited X": who invites whom, and where to.
    pub(super) fn invite(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let inviter = self.subject(cx);
        if let Some(i) = &inviter {
            event.add_role(Role::Inviter, i);
        }
        if let Some(o) = cx.object(&inviter).filter(|m| m.kind.is_actor()) {
            event.add_role(Role::Invitee, &o.entity);
        }
        if let Some(place) = cx
            .hinted(&[RoleHint::Destination, RoleHint::Location])
            .iter()
            .find(|m| m.kind.is_place() && m.first > cx.at)
        {
            event.add_role(Role::Destination, &place.entity);
        }
        Some(())
    }

    /// "auf Einladung von X", "an invitation to Y": who invites whom, read around the noun.
    pub(super) fn invite_noun(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        if let Some(i) = self
            .possessor(cx.tokens, &cx.in_clause, cx.at)
            .or_else(|| cx.prefix.filter(|m| m.kind.is_actor()))
            // "eine Einladung Bidens": a name in the genitive right after the noun.
            .or_else(|| {
                cx.in_clause.iter().copied().find(|m| m.first == cx.at + 1 && m.possessive && m.kind.is_actor())
            })
            .or_else(|| {
                self.after_noun(cx, &[RoleHint::Of, RoleHint::Source, RoleHint::Agent])
                    .into_iter()
                    .find(|m| m.kind.is_actor())
            })
        {
            event.add_role(Role::Inviter, &i.entity);
        }
        if let Some(i) = self.after_noun(cx, &[RoleHint::Recipient]).into_iter().find(|m| m.kind.is_actor()) {
            event.add_role(Role::Invitee, &i.entity);
        }
        // "eine Einladung nach Washington": where the guest is invited to.
        if let Some(place) = self.after_noun(cx, &[RoleHint::Destination]).into_iter().find(|m| m.kind.is_place()) {
            event.add_role(Role::Destination, &place.entity);
        }
        let inviter = event.fillers(Role::Inviter).next().cloned();
        let governed = self.governed_noun(cx.tokens, cx.at);
        if !event.roles.iter().any(|(r, _)| *r == Role::Invitee) {
            let invitee = if !governed {
                // "X rejected an invitation to …": the subject was invited.
                cx.bare_actors.iter().find(|m| m.first < cx.at)
            } else if self.sets_the_scene(cx.tokens, cx.at) {
                // "Auf Einladung von Merkel reiste Wen nach Berlin", "forces are in Iraq at
                // the invitation of the government": whoever the clause is about was invited.
                cx.bare_actors.iter().find(|m| {
                    Some(&m.entity) != inviter.as_ref()
                        && (m.first < cx.at || m.kind == EntityKind::Person)
                        && m.kind.is_actor()
                })
            } else {
                None
            };
            if let Some(s) = invitee {
                event.add_role(Role::Invitee, &s.entity);
            }
        }
        Some(())
    }
}
