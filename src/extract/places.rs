//! Places: where an event happens when no role names it (relative clauses, "stattfinden in", place
//! names the gazetteer lacks, places that go on).

use super::Reader;
use super::clauses::{Clause, clause_of};
use super::triggers::Trigger;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm, Resolver};
use crate::model::{EntityId, EntityKind, EventKind, Role};
use crate::syntax::ud::Upos;
use crate::text::{Sentence, Token, TokenKind};

impl<'a> Reader<'a> {
    /// The place a clause opened by "wo"/"where" is about: the last place before the comma.
    pub(super) fn place_before_relative(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        clause: &Clause,
    ) -> Option<EntityId> {
        if !self.rules.place_relatives.contains(tokens.get(clause.first)?.lower()) {
            return None;
        }
        mentions.iter().rev().find(|m| m.last <= clause.first && m.kind.is_place()).map(|m| m.entity.clone())
    }

    /// "die nächste Gesprächsrunde, die in Delhi stattfinden wird": the place of a relative clause
    /// right after the noun that says where the meeting takes place.
    pub(super) fn place_of_occurrence(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
    ) -> Option<EntityId> {
        let next = clauses.get(clause + 1).filter(|n| n.relative)?;
        if !tokens[next.first..next.last].iter().any(|t| self.rules.occur_words.contains(t.lower())) {
            return None;
        }
        mentions
            .iter()
            .find(|m| {
                m.first >= next.first
                    && m.last <= next.last
                    && m.kind.is_place()
                    && m.form == MentionForm::Argument
                    && m.hint == Some(RoleHint::Location)
            })
            .map(|m| m.entity.clone())
    }

    /// The unknown place name that starts at `from`: after determiners and a place noun with its
    /// "of" ("the town of Pandeglang", "der Provinz Kundus"), a run of up to three capitalised
    /// words that are no month, weekday or known mention. Languages that capitalise every noun
    /// need the place noun or proper nouns.
    fn place_name_after(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        from: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let mut first = from;
        while first < end && self.rules.determiners.contains(tokens[first].lower()) {
            first += 1;
        }
        // "the besieged town of Madaya": adjectives may stand before the place noun.
        let adjectives = (first..end.min(first + 3))
            .take_while(|&k| {
                tokens[k].kind == TokenKind::Word
                    && !tokens[k].is_capitalized()
                    && !self.rules.place_nouns.contains(tokens[k].lower())
            })
            .count();
        if adjectives > 0 && tokens.get(first + adjectives).is_some_and(|t| self.rules.place_nouns.contains(t.lower()))
        {
            first += adjectives;
        }
        let place_noun = first < end && self.rules.place_nouns.contains(tokens[first].lower());
        if place_noun {
            first += 1;
            if first < end
                && self.rules.prepositions.get(tokens[first].lower()).is_some_and(|h| h.first() == Some(&RoleHint::Of))
            {
                first += 1;
            }
        }
        // Where every noun is capitalised, only a proper noun by the tagger names a place
        // without a place noun before it ("nach Asien", not "nach Gesprächen").
        let capitalised = first < end && tokens[first].is_capitalized();
        let tags = (self.rules.nouns_capitalized && !place_noun && capitalised).then(|| self.tagged(tokens));
        let named = |k: usize| match &tags {
            None => true,
            Some(tags) => tags.as_ref().and_then(|t| t.get(k)).is_some_and(|t| t.upos == Upos::Propn),
        };
        let mut last = first;
        while last < end
            && last < first + 3
            && tokens[last].kind == TokenKind::Word
            && tokens[last].is_capitalized()
            && named(last)
            && !self.rules.months.contains_key(tokens[last].lower())
            && !self.rules.weekdays.contains_key(tokens[last].lower())
            && !mentions.iter().any(|m| m.first <= last && last < m.last)
        {
            last += 1;
        }
        // "to Wagner fighters", "to Kurdish groups": a name that modifies the common noun after
        // it (by the tree) names no place, unless that noun is a place noun ("to Idlib
        // province"); "to Tomsk yesterday" does.
        let modifies = !self.rules.nouns_capitalized
            && !place_noun
            && last > first
            && tokens.get(last).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && !t.is_capitalized()
                    && !self.rules.place_nouns.contains(t.lower())
                    && !self.rules.time.is_relative_day(t.lower())
            })
            && self.parsed(tokens).is_some_and(|words| {
                words.get(last).is_some_and(|w| w.upos == Upos::Noun) && words[last - 1].head == Some(last)
            });
        (last > first && !modifies).then_some((first, last))
    }

    /// "The Taliban met with Khalilzad, a US peace envoy, in Qatar": a meeting without a location,
    /// or a visit without a destination, takes the place that opens a clause continuing its own.
    pub(super) fn continued_places(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        triggers: &[Trigger<'_>],
        created: &[(usize, usize)],
    ) {
        for &(e, at) in created {
            let (role, hints): (Role, &[RoleHint]) = match self.out.events[e].kind {
                EventKind::Meeting => (Role::Location, &[RoleHint::Location]),
                EventKind::Visit => (Role::Destination, &[RoleHint::Destination, RoleHint::Location]),
                _ => continue,
            };
            if self.out.events[e].fillers(role).next().is_some() {
                continue;
            }
            let own = clause_of(clauses, at);
            let place =
                (own + 1..clauses.len()).filter(|&k| self.continues(tokens, clauses, triggers, own, k)).find_map(|k| {
                    let head = clauses[k].first;
                    mentions.iter().find(|m| {
                        m.first > head
                            && m.first <= head + 2
                            && m.kind.is_place()
                            && m.form == MentionForm::Argument
                            && m.hint.is_some_and(|h| hints.contains(&h))
                    })
                });
            if let Some(place) = place
                && !self.out.events[e].roles.iter().any(|(_, k)| *k == place.entity)
            {
                self.out.events[e].add_role(role, &place.entity);
            }
        }
    }

    /// "from Tomsk in Siberia": the preposition at `prep` follows an unknown name that comes
    /// after a preposition of origin, so its place locates that origin.
    pub(super) fn locates_origin(&self, tokens: &[Token], mentions: &[Mention], prep: usize) -> bool {
        prep >= 2
            && tokens[prep - 1].is_capitalized()
            && !mentions.iter().any(|o| o.first < prep && prep <= o.last)
            && self.rules.prepositions.get(tokens[prep - 2].lower()).is_some_and(|h| h.contains(&RoleHint::Source))
    }

    /// "sent weapons to Kobani": the first preposition of destination after `at` in its clause
    /// that a place name the gazetteer lacks follows, with the name.
    pub(super) fn unknown_destination_after(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        at: usize,
        clause: &Clause,
        arriving: bool,
    ) -> Option<(usize, (usize, usize))> {
        let after_preposition = self.place_after_preposition(tokens, mentions, at, clause, |p| {
            self.rules.prepositions.get(tokens[p].lower()).is_some_and(|h| h.first() == Some(&RoleHint::Destination))
        });
        // "The convoy reached the town of Madaya": a verb of arriving takes the place as object,
        // named by a place noun.
        let place_noun =
            || (at + 1..clause.last.min(at + 5)).any(|k| self.rules.place_nouns.contains(tokens[k].lower()));
        after_preposition.or_else(|| {
            (arriving && place_noun())
                .then(|| self.place_name_after(tokens, mentions, at + 1, clause.last).map(|n| (at, n)))
                .flatten()
        })
    }

    /// "The talks will take place in Nashville": where a meeting said to take place is, as a
    /// place name the gazetteer lacks right after a preposition of place (or behind a place noun)
    /// anywhere after the noun in its clause: (the preposition, the name's tokens).
    pub(super) fn unknown_location_after(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        at: usize,
        clause: &Clause,
    ) -> Option<(usize, (usize, usize))> {
        self.place_after_preposition(tokens, mentions, at, clause, |p| {
            self.rules
                .prepositions
                .get(tokens[p].lower())
                .is_some_and(|h| matches!(h.first(), Some(RoleHint::Location | RoleHint::Destination)))
                && !self.locates_origin(tokens, mentions, p)
        })
    }

    /// The first preposition after `at` in its clause that `takes` and that a place name the
    /// gazetteer lacks follows: (the preposition, the name's tokens). "to the Red Crescent": a
    /// name after an article, without a place noun, may as well be an organisation; "to Kobani",
    /// "to the town of Madaya" are places.
    fn place_after_preposition(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        at: usize,
        clause: &Clause,
        takes: impl Fn(usize) -> bool,
    ) -> Option<(usize, (usize, usize))> {
        (at + 1..clause.last)
            .filter(|&p| takes(p))
            .find_map(|p| self.place_name_after(tokens, mentions, p + 1, clause.last).map(|n| (p, n)))
            .filter(|&(p, (first, _))| {
                first == p + 1 || tokens[p + 1..first].iter().any(|t| self.rules.place_nouns.contains(t.lower()))
            })
    }

    /// "flew to Magnitogorsk", "a summit in Genoa", "visiting the town of Pandeglang", "in der
    /// Provinz Kundus", "reiste nach Asien": a place the gazetteer lacks becomes a local place,
    /// for visits without a destination, meetings without a location and shipments going
    /// nowhere known. It is a run of
    /// capitalised words after "to"/"in" (proper nouns by the tagger where every noun is
    /// capitalised), or after a place noun ("town of").
    pub(super) fn unknown_places(
        &mut self,
        sentence: &Sentence,
        mentions: &[Mention],
        clauses: &[Clause],
        triggers: &[Trigger<'_>],
        created: &mut Vec<(usize, usize)>,
        resolver: &mut Resolver<'_>,
    ) {
        let tokens = &sentence.tokens;
        for &(e, at) in created.iter() {
            let role = match self.out.events[e].kind {
                EventKind::Visit
                    if self.out.events[e].fillers(Role::Destination).next().is_none()
                        && self.out.events[e].fillers(Role::Host).next().is_none() =>
                {
                    Role::Destination
                }
                EventKind::Meeting if self.out.events[e].fillers(Role::Location).next().is_none() => Role::Location,
                EventKind::Shipment
                    if self.out.events[e].fillers(Role::Destination).next().is_none()
                        && self.out.events[e].fillers(Role::Recipient).next().is_none() =>
                {
                    let clause = &clauses[clause_of(clauses, at)];
                    let arriving = triggers.iter().any(|t| t.at == at && t.group.frame == Frame::Arrive);
                    match self.unknown_destination_after(tokens, mentions, at, clause, arriving) {
                        Some((_, (first, last))) => {
                            let key = resolver.local_place(sentence, first, last);
                            self.out.events[e].add_role(Role::Destination, &key);
                        }
                        None => self.out.events[e].dropped = true,
                    }
                    continue;
                }
                _ => continue,
            };
            let clause = &clauses[clause_of(clauses, at)];
            // "The next meeting will take place on 22 October in Nashville": anywhere in a clause
            // that says where a meeting takes place.
            if role == Role::Location
                && self.occurs(tokens, clauses, clause_of(clauses, at))
                && let Some((_, (first, last))) = self.unknown_location_after(tokens, mentions, at, clause)
            {
                let key = resolver.local_place(sentence, first, last);
                self.out.events[e].add_role(role, &key);
                continue;
            }
            // "reiste am Montag nach Asien": the first preposition of place that a name follows.
            let preps: Vec<usize> = (at + 1..clause.last.min(at + 4))
                .filter(|&k| {
                    self.rules
                        .prepositions
                        .get(tokens[k].lower())
                        .is_some_and(|h| matches!(h.first(), Some(RoleHint::Destination | RoleHint::Location)))
                })
                .collect();
            if preps.iter().any(|&p| self.locates_origin(tokens, mentions, p)) {
                continue;
            }
            let named = |p: usize| self.place_name_after(tokens, mentions, p + 1, clause.last).map(|n| (Some(p), n));
            let found = if preps.is_empty() {
                self.place_name_after(tokens, mentions, at + 1, clause.last).map(|n| (None, n))
            } else {
                preps.iter().find_map(|&p| named(p))
            };
            let Some((prep, (first, last))) = found else {
                continue;
            };
            // Without a preposition only a place noun makes the object a place ("visiting the town of").
            if prep.is_none()
                && !self.rules.place_nouns.contains(tokens[first.saturating_sub(1)].lower())
                && !self.rules.place_nouns.contains(tokens[first.saturating_sub(2)].lower())
            {
                continue;
            }
            let key = resolver.local_place(sentence, first, last);
            self.out.events[e].add_role(role, &key);
        }
        // A verb of travel with no place at all is no visit.
        for &(e, at) in created.iter() {
            let event = &self.out.events[e];
            let verb =
                self.rules.groups_of(tokens[at].lower()).any(|g| g.kind == EventKind::Visit && g.frame == Frame::Go);
            if event.kind == EventKind::Visit
                && verb
                && !event.roles.iter().any(|(r, _)| matches!(r, Role::Destination | Role::Host))
            {
                self.out.events[e].dropped = true;
            }
        }
        created.retain(|(e, _)| self.out.events[*e].is_live());
    }

    /// "ein Lager an der Grenze nahe der Ukraine": the place lies near the state.
    pub(super) fn near_places(&self, tokens: &[Token], mentions: &[Mention], resolver: &mut Resolver<'_>) {
        // "nahe der Ukraine", "near the White House": only a place or a state is a landmark.
        for near in mentions.iter().filter(|m| m.hint == Some(RoleHint::Near) && m.kind.is_place()) {
            if let Some(place) = mentions.iter().rev().find(|m| {
                m.kind == EntityKind::Place
                    && m.last <= near.first
                    && near.first - m.last <= 8
                    && !tokens[m.last..near.first].iter().any(|t| t.is(','))
            }) {
                resolver.set_near(&place.entity, &near.entity);
            }
        }
    }
}
