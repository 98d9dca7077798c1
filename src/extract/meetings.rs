//! Meetings: meetings told by a verb and a noun, during visits, on arrival, by anaphora, without
//! named parties; attendance and companions.

use super::Reader;
use super::attribution::Attribution;
use super::clauses::{Clause, clause_of};
use super::triggers::Trigger;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm};
use crate::model::{EntityId, EntityKind, Event, EventKind, Role, Span};
use crate::text::Token;

impl<'a> Reader<'a> {
    /// "sich … zu einer Konferenz in Brüssel treffen", "met for talks": a meeting verb and a
    /// meeting noun in one clause, the noun behind a preposition, are one meeting.
    pub(super) fn merge_verb_and_noun_meetings(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        triggers: &[Trigger<'_>],
        created: &mut Vec<(usize, usize)>,
    ) {
        let frame_at = |at: usize| triggers.iter().find(|t| t.at == at).map(|t| t.group.frame);
        let meetings: Vec<(usize, usize)> =
            created.iter().copied().filter(|(e, _)| self.out.events[*e].kind == EventKind::Meeting).collect();
        for &(verb, verb_at) in &meetings {
            if frame_at(verb_at) != Some(Frame::Meet) || !self.out.events[verb].is_live() {
                continue;
            }
            for &(noun, noun_at) in &meetings {
                let (verb_clause, noun_clause) = (clause_of(clauses, verb_at), clause_of(clauses, noun_at));
                // "met in Niamey, Niger's capital, for an AU summit": one meeting.
                let continued = self.continues(tokens, clauses, triggers, verb_clause, noun_clause);
                let same_clause = verb_clause == noun_clause || continued;
                if noun == verb
                    || !same_clause
                    || frame_at(noun_at) != Some(Frame::MeetNoun)
                    || !self.governed_noun(tokens, noun_at)
                {
                    continue;
                }
                if self.summit_they_met_at(mentions, verb, noun, noun_at) {
                    continue;
                }
                let other = self.out.events[noun].clone();
                let v = &mut self.out.events[verb];
                for (role, key) in &other.roles {
                    if *role != Role::Participant || continued || v.fillers(Role::Participant).next().is_none() {
                        v.add_role(*role, key);
                    }
                }
                if v.time.is_none() {
                    v.time = other.time;
                }
                self.out.events[noun].merged_into = Some(verb);
            }
        }
        created.retain(|(e, _)| self.out.events[*e].is_live());
    }

    /// "met Xi at the G20 summit": the summit of a body that is none of the verb's parties is
    /// another meeting, the one they met at. Theirs is held where it is, and the summit keeps
    /// the parties that are its own.
    fn summit_they_met_at(&mut self, mentions: &[Mention], verb: usize, noun: usize, noun_at: usize) -> bool {
        let Some(body) = body_before_noun(mentions, noun_at).or_else(|| body_in_noun(mentions, noun_at)) else {
            return false;
        };
        let theirs: Vec<EntityId> = self.out.events[verb].fillers(Role::Participant).cloned().collect();
        if theirs.is_empty() || theirs.contains(body) {
            return false;
        }
        let summit = &mut self.out.events[noun];
        summit.roles.retain(|(role, key)| *role != Role::Participant || !theirs.contains(key));
        let place = summit.fillers(Role::Location).next().cloned();
        let meeting = &mut self.out.events[verb];
        if let Some(place) = place.filter(|_| meeting.fillers(Role::Location).next().is_none()) {
            meeting.add_role(Role::Location, &place);
        }
        true
    }

    /// "… Baghdad International Airport, where Soleimani was arriving. He was being met by
    /// al-Muhandis": a meeting without a place, right after a participant's arrival, is where
    /// the visitor arrived.
    pub(super) fn meetings_on_arrival(&mut self, created: &[(usize, usize)]) {
        // A city or a site, not a whole country.
        let gaz = crate::gazetteer::get();
        let site =
            |k: &&EntityId| k.known_key().and_then(|k| gaz.by_key(k)).is_none_or(|e| e.kind != EntityKind::State);
        for &(meeting, _) in created {
            let m = &self.out.events[meeting];
            if m.kind != EventKind::Meeting || m.fillers(Role::Location).next().is_some() {
                continue;
            }
            let place = self.last_sentence_events.iter().rev().find_map(|&v| {
                let visit = &self.out.events[v];
                let arrived = visit.kind == EventKind::Visit
                    && visit.is_live()
                    && visit.fillers(Role::Visitor).any(|p| m.fillers(Role::Participant).any(|q| q == p));
                arrived.then(|| visit.fillers(Role::Destination).find(site).cloned()).flatten()
            });
            if let Some(place) = place {
                self.out.events[meeting].add_role(Role::Location, &place);
            }
        }
    }

    /// "Scholz met Modi during his visit to India", "During his trip, Scholz met Modi in New
    /// Delhi": a meeting and a visit of one of its parties, told by a noun, in one sentence happen
    /// in one place; each takes the other's where it names none. (A visit told by a verb may
    /// follow the meeting: "After talks with X, Y left for Cairo".)
    pub(super) fn places_of_visit_and_meeting(&mut self, created: &[(usize, usize)], triggers: &[Trigger<'_>]) {
        let live = |x: &Event, kind: EventKind| x.kind == kind && x.is_live();
        let noun = |at: usize| triggers.iter().any(|t| t.at == at && t.group.frame == Frame::VisitNoun);
        for &(meeting, _) in created {
            if !live(&self.out.events[meeting], EventKind::Meeting) {
                continue;
            }
            for &(visit, _) in created.iter().filter(|(_, at)| noun(*at)) {
                let (m, v) = (&self.out.events[meeting], &self.out.events[visit]);
                if !live(v, EventKind::Visit)
                    || !v.fillers(Role::Visitor).any(|p| m.fillers(Role::Participant).any(|q| q == p))
                {
                    continue;
                }
                let location = m.fillers(Role::Location).next().cloned();
                let destination = v.fillers(Role::Destination).next().cloned();
                match (location, destination) {
                    (None, Some(place)) => self.out.events[meeting].add_role(Role::Location, &place),
                    (Some(place), None) if v.fillers(Role::Host).next().is_none() => {
                        self.out.events[visit].add_role(Role::Destination, &place)
                    }
                    _ => {}
                }
            }
        }
    }

    /// "Yeltsin hosted Hashimoto … for an informal meeting": a meeting of a visit's own parties in
    /// the same sentence is the visit itself, which is then also a meeting.
    pub(super) fn meetings_during_visits(&mut self, created: &mut Vec<(usize, usize)>) {
        let visits: Vec<usize> =
            created.iter().map(|(e, _)| *e).filter(|&e| self.out.events[e].kind == EventKind::Visit).collect();
        for &(meeting, _) in created.iter() {
            if self.out.events[meeting].kind != EventKind::Meeting || !self.out.events[meeting].is_live() {
                continue;
            }
            let people: Vec<EntityId> = self.out.events[meeting].fillers(Role::Participant).cloned().collect();
            let Some(&visit) = visits.iter().find(|&&v| {
                let parties: Vec<&EntityId> = self.out.events[v]
                    .roles
                    .iter()
                    .filter(|(r, _)| matches!(r, Role::Visitor | Role::Host))
                    .map(|(_, k)| k)
                    .collect();
                !people.is_empty() && people.iter().all(|p| parties.contains(&p))
            }) else {
                continue;
            };
            let v = &mut self.out.events[visit];
            if !v.also.contains(&EventKind::Meeting) {
                v.also.push(EventKind::Meeting);
            }
            for p in &people {
                v.add_role(Role::Participant, p);
            }
            self.out.events[meeting].merged_into = Some(visit);
        }
        created.retain(|(e, _)| self.out.events[*e].is_live());
    }

    /// "Die Konferenz soll im März in Washington stattfinden": a definite meeting noun without
    /// parties of its own is the meeting named before; its place and time join that one.
    pub(super) fn meeting_anaphora(&mut self, tokens: &[Token], created: &mut Vec<(usize, usize)>) {
        let Some(&(first_new, _)) = created.first() else { return };
        for &(e, at) in created.iter() {
            let event = &self.out.events[e];
            let definite = at > 0 && self.rules.definite_determiners.contains(tokens[at - 1].lower());
            if event.kind != EventKind::Meeting || event.fillers(Role::Participant).next().is_some() || !definite {
                continue;
            }
            // "Das Treffen in Pittsburgh ist … geplant": the latest meeting of the same modality at
            // no other place.
            let places = |x: &Event| x.fillers(Role::Location).cloned().collect::<Vec<_>>();
            let now = &self.out.events[e];
            let compatible = |before: &Event| {
                let (pb, pn) = (places(before), places(now));
                before.kind == EventKind::Meeting
                    && before.is_live()
                    && before.factuality.family() == now.factuality.family()
                    && (pb.is_empty() || pn.is_empty() || pb == pn)
            };
            let Some(target) = (0..first_new).rev().find(|&i| compatible(&self.out.events[i])) else {
                continue;
            };
            let other = self.out.events[e].clone();
            let t = &mut self.out.events[target];
            for (role, key) in &other.roles {
                t.add_role(*role, key);
            }
            if t.time.is_none() {
                t.time = other.time;
            }
            t.evidence.extend(other.evidence);
            self.out.events[e].merged_into = Some(target);
        }
        created.retain(|(e, _)| self.out.events[*e].is_live());
    }

    /// "Teilnehmen werden Minister der Europäischen Union …": a sentence about who attends, with
    /// no event of its own, names participants of the meeting just reported.
    pub(super) fn attendance(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        attribution: &Attribution,
        evidence: Span,
    ) {
        let Some(&meeting) = self.last_sentence_events.last() else { return };
        let recent = self.out.events[meeting].evidence.iter().any(|e| e.sentence + 2 >= evidence.sentence);
        if self.out.events[meeting].kind != EventKind::Meeting || !self.out.events[meeting].is_live() || !recent {
            return;
        }
        // (The words are read last: most sentences follow no live meeting.)
        if !tokens.iter().any(|t| self.rules.attend_words.contains(t.lower())) {
            return;
        }
        let people: Vec<EntityId> = mentions
            .iter()
            .filter(|m| {
                m.kind.is_actor() && m.form == MentionForm::Argument && !attribution.speaker_mentions.contains(&m.first)
            })
            .filter(|m| !matches!(m.hint, Some(RoleHint::Topic | RoleHint::Location | RoleHint::Destination)))
            .map(|m| m.entity.clone())
            .collect();
        self.join(meeting, Role::Participant, &people, Some(evidence));
    }

    /// "dass er von seiner Frau Stephanie und Johannes B. Kerner begleitet wurde": who comes along
    /// joins the latest visit of the one accompanied, as a visitor.
    pub(super) fn companions(&mut self, tokens: &[Token], mentions: &[Mention], evidence: Span) {
        if !tokens.iter().any(|t| self.rules.accompany_words.contains(t.lower())) {
            return;
        }
        let accompanied: Vec<&EntityId> = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.hint.is_none() && !m.possessive)
            .map(|m| &m.entity)
            .collect();
        let Some(visit) = self.out.events.iter().rposition(|e| {
            e.kind == EventKind::Visit
                && e.is_live()
                && e.evidence.iter().any(|s| s.sentence + 3 >= evidence.sentence)
                && e.fillers(Role::Visitor).any(|v| accompanied.contains(&v))
        }) else {
            return;
        };
        let companions: Vec<EntityId> = mentions
            .iter()
            .filter(|m| {
                m.kind == EntityKind::Person
                    && matches!(m.hint, Some(RoleHint::Agent | RoleHint::Of))
                    && m.form == MentionForm::Argument
                    && !accompanied.contains(&&m.entity)
            })
            .map(|m| m.entity.clone())
            .collect();
        self.join(visit, Role::Visitor, &companions, Some(evidence));
    }

    /// `keys` join `event` in `role`, told by `evidence` (nothing happens without keys).
    fn join(&mut self, event: usize, role: Role, keys: &[EntityId], evidence: Option<Span>) {
        if keys.is_empty() {
            return;
        }
        let event = &mut self.out.events[event];
        for k in keys {
            event.add_role(role, k);
        }
        event.evidence.extend(evidence);
    }

    /// "die nächste Gesprächsrunde, die in Delhi stattfinden wird": a meeting that names no party
    /// by the end of the article continues the talks told before it, between the same parties.
    /// With none before it, it is dropped: every meeting has participants.
    pub(super) fn meetings_without_parties(&mut self) {
        for j in 0..self.out.events.len() {
            let e = &self.out.events[j];
            if e.kind != EventKind::Meeting || !e.is_live() || e.fillers(Role::Participant).next().is_some() {
                continue;
            }
            let parties: Option<Vec<EntityId>> = self.out.events[..j]
                .iter()
                .rev()
                .find(|b| b.kind == EventKind::Meeting && b.is_live() && b.fillers(Role::Participant).next().is_some())
                .map(|b| b.fillers(Role::Participant).cloned().collect());
            match parties {
                Some(parties) => self.join(j, Role::Participant, &parties, None),
                None => self.out.events[j].dropped = true,
            }
        }
    }
}

/// "a G8 summit", "the NATO talks": the organisation right before a meeting noun, whose meeting
/// it is.
pub(super) fn body_before_noun<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
    noun_at: usize,
) -> Option<&'m EntityId> {
    body_where(mentions, |m| m.last == noun_at)
}

/// "der EU-Gipfel": the organisation named in a meeting noun's own word.
fn body_in_noun(mentions: &[Mention], noun_at: usize) -> Option<&EntityId> {
    body_where(mentions, |m| m.first == noun_at)
}

/// The first organisation (international or other) among `mentions` that stands `at` the place.
fn body_where<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
    at: impl Fn(&Mention) -> bool,
) -> Option<&'m EntityId> {
    mentions
        .into_iter()
        .find(|m| at(m) && matches!(m.kind, EntityKind::Igo | EntityKind::Organization))
        .map(|m| &m.entity)
}
