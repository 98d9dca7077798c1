//! Meetings: the participants and the place of a meeting told by a verb or a noun.

use super::Parties;
use crate::extract::Reader;
use crate::extract::grammar::actors_named;
use crate::extract::meetings::body_before_noun;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm};
use crate::model::{EntityId, EntityKind, Event, Role};
use crate::text::{Token, TokenKind};

impl<'a> Reader<'a> {
    /// "traf X", "talks with Y", "the G8 summit": who takes part, and where.
    pub(super) fn meeting(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let at_it_noun = cx.trigger.group.frame == Frame::MeetNoun && self.sets_the_scene(cx.tokens, cx.at);
        let mut people = if cx.trigger.group.frame == Frame::Meet {
            self.meeting_verb_parties(cx)
        } else {
            self.meeting_noun_parties(cx)
        };
        // "Verhandlungen mit Iran bis zum G-20-Gipfel": a partner belongs to the nearest
        // event noun, not to one beyond another.
        let own_partner = |m: &&Mention| {
            if cx.trigger.group.frame == Frame::Meet {
                return true;
            }
            if m.first > cx.at {
                return !cx.tokens[cx.at + 1..m.first].iter().any(|t| self.is_event_noun(t.lower()))
                    && !self.finite_verb_between(cx.tokens, cx.at, m.first);
            }
            // Before the noun: not the complement of an event noun right before its preposition.
            let prep = m.prep.unwrap_or(m.first);
            !cx.tokens[prep.saturating_sub(2)..prep].iter().any(|t| self.is_event_noun(t.lower()))
        };
        people.extend(
            cx.hinted(&[RoleHint::With, RoleHint::Between])
                .iter()
                .filter(|m| m.kind.is_actor() && own_partner(m))
                .map(|m| m.entity.clone()),
        );
        // "Nach Gesprächen mit X reiste Y ab": the subject of the verb the noun is an adjunct of
        // is the partner's counterpart.
        if cx.trigger.group.frame == Frame::MeetNoun && people.len() == 1 {
            for p in self.adjunct_parties(cx) {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
        }
        // "Biden told reporters after meeting Xi": who speaks in the scene a verb of meeting sets
        // took part in it.
        if people.len() == 1 && cx.trigger.group.frame == Frame::Meet && self.in_setting_phrase(cx.tokens, cx.at) {
            let speaker = cx.mentions.iter().find(|m| {
                cx.attribution.speaker_mentions.contains(&m.first)
                    && m.kind.is_actor()
                    && m.first >= cx.c.first
                    && m.last <= cx.c.last
            });
            if let Some(s) = speaker.filter(|s| !people.contains(&s.entity)) {
                people.push(s.entity.clone());
            }
        }
        // "At their meeting in Rome, Meloni and Scholz signed a deal", "Nach ihrem Treffen
        // unterzeichneten X und Y": a meeting that sets the scene of what two or more do together,
        // with no party of its own, is theirs.
        if cx.trigger.group.frame == Frame::MeetNoun && people.is_empty() && self.in_setting_phrase(cx.tokens, cx.at) {
            let adjunct = self.adjunct_parties(cx);
            if adjunct.len() >= 2 {
                people.extend(adjunct);
            }
        }
        // "will host the next summit", "richtet den Gipfel aus": who hosts a meeting takes part.
        // "welcomed Biden before the G20 summit" hosts a guest, not the summit.
        let hosted = self
            .frame_words(cx.tokens, cx.c.first..cx.at, &[Frame::Host])
            .next()
            .filter(|_| !self.in_setting_phrase(cx.tokens, cx.at));
        if cx.trigger.group.frame == Frame::MeetNoun
            && let Some(verb) = hosted
        {
            let host = self.subject(cx);
            // "hosted Scholz for talks": the guest between the verb and the noun takes part too.
            let guest =
                cx.bare_actors.iter().find(|m| m.first > verb && m.last < cx.at && Some(&m.entity) != host.as_ref());
            for p in host.into_iter().chain(guest.map(|m| m.entity.clone())) {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
        }
        if cx.trigger.group.frame == Frame::MeetNoun && people.len() < 2 {
            people.extend(self.journey_parties(cx.tokens, &cx.in_clause, cx.c, cx.at, &cx.bare_actors));
            people.dedup();
        }
        for p in people {
            if !event.roles.iter().any(|(_, k)| *k == p) {
                event.add_role(Role::Participant, &p);
            }
        }
        // A place or state "in" which it happens is its location, never a participant.
        // For a noun, only "in X" right after it ("a summit in Genoa"), not the clause's.
        let places = if cx.trigger.group.frame == Frame::MeetNoun
            && (self.governed_noun(cx.tokens, cx.at) || self.genitive_attribute(cx.tokens, cx.at))
        {
            let own = self.after_noun(cx, &[RoleHint::Location]);
            // "in Dakar bei einem Treffen": the scene's place is the place of the meeting
            // that sets it. "was in Paris for talks", "flew to Paris for talks": a meeting its
            // clause's subject is at or goes to is held there.
            if !own.is_empty() {
                own
            } else if at_it_noun {
                cx.hinted(&[RoleHint::Location])
            } else if self.for_purpose(cx.tokens, cx.at) {
                cx.hinted(&[RoleHint::Location, RoleHint::Destination])
            } else {
                own
            }
        } else {
            // "in deren Washingtoner Haus": a city adjective places it too.
            let city_adjectives = cx.args(&|m| {
                m.hint == Some(RoleHint::Location) && m.form == MentionForm::Modifier && m.kind == EntityKind::Place
            });
            cx.hinted(&[RoleHint::Location]).into_iter().chain(city_adjectives).collect()
        };
        if let Some(place) =
            places.iter().find(|m| m.kind.is_place() && !event.roles.iter().any(|(_, k)| *k == m.entity))
        {
            event.add_role(Role::Location, &place.entity);
        } else if let Some(place) = self.place_before_relative(cx.tokens, cx.mentions, cx.c) {
            // "reiste nach Moskau, wo er mit Lawrow zusammentraf".
            event.add_role(Role::Location, &place);
        } else if let Some(place) = self.place_of_occurrence(cx.tokens, cx.mentions, cx.clauses, cx.clause) {
            // "die nächste Gesprächsrunde, die in Delhi stattfinden wird".
            event.add_role(Role::Location, &place);
        }
        Some(())
    }

    /// "X und Y trafen sich", "X met Y", "X was met by Y": the verb's subjects, its object and a
    /// passive's agent; for a verb that sets the scene, the subject of the clause it sets.
    fn meeting_verb_parties(&self, cx: &Parties<'_>) -> Vec<EntityId> {
        let mut people: Vec<EntityId> = Vec::new();
        // "After meeting Macron, Scholz flew on": a verb right after a preposition of setting is
        // done by the subject of the clause it sets the scene for, with whom it names after it.
        if cx.at > 0 && self.rules.setting_prepositions.contains(cx.tokens[cx.at - 1].lower()) {
            people.extend(self.adjunct_parties(cx));
            people.extend(cx.bare_actors.iter().filter(|m| m.first > cx.at).map(|m| m.entity.clone()));
            return people;
        }
        if cx.passive {
            people.extend(cx.hinted(&[RoleHint::Agent]).iter().map(|m| m.entity.clone()));
        }
        if cx.at == cx.c.first && cx.clause > 0 {
            // "Olaf Scholz, the German chancellor, met Macron": the subject stands before.
            people.extend(self.subject(cx));
        } else {
            people.extend(self.coordinated_subjects(cx.tokens, &cx.bare_actors));
        }
        if people.is_empty() {
            people.extend(self.subject(cx));
        }
        people.extend(cx.bare_actors.iter().map(|m| m.entity.clone()));
        people
    }

    /// "Iran-Gespräche", "the NATO talks", "X held talks", "bei einem Treffen mit Olmert sagte
    /// Merkel": the noun's possessor, compound part, genitive and organisation, and whoever its
    /// clause is about.
    fn meeting_noun_parties(&self, cx: &Parties<'_>) -> Vec<EntityId> {
        let mut people: Vec<EntityId> = Vec::new();
        // "Following his meeting with X, Y said": a possessive pronoun in an adjunct points ahead to
        // the subject of the verb the adjunct belongs to.
        match self.possessor(cx.tokens, &cx.in_clause, cx.at) {
            Some(m) if m.form == MentionForm::Pronoun => {
                let adjunct = self.adjunct_parties(cx);
                if adjunct.is_empty() {
                    people.push(m.entity.clone());
                } else {
                    people.extend(adjunct);
                }
            }
            Some(m) => people.push(m.entity.clone()),
            None => {}
        }
        // "Kosovo-Konferenz", "Iran-Gespräche": a state before a meeting noun is its topic;
        // a person or an organisation ("EU-Gipfel") takes part.
        people.extend(cx.prefix.filter(|m| m.kind.is_actor() && m.kind != EntityKind::State).map(|m| m.entity.clone()));
        // "das Treffen der Außenminister Frankreichs und Russlands": every actor of the noun's
        // genitive attributes, by the tree; without it, the first after a genitive article.
        let genitive = actors_named(cx.in_clause.iter().copied(), &self.genitive_attributes(cx.tokens, cx.at));
        if genitive.is_empty() {
            people.extend(self.genitive_after(cx.tokens, &cx.in_clause, cx.at).map(|m| m.entity.clone()));
        }
        for m in genitive {
            if !people.contains(&m.entity) {
                people.push(m.entity.clone());
            }
        }
        // "a G8 summit", "the NATO talks": an organisation right before the noun.
        people.extend(body_before_noun(cx.in_clause.iter().copied(), cx.at).cloned());
        // Whoever the clause is about takes part: "Israel and Lebanon renewed
        // negotiations", "X held talks with Y", "Blair möchte auf dem EU-Gipfel …".
        // A summit is attended, not held, by its subject: the subject takes part in one
        // only with a verb of attending ("Obama is scheduled to attend a summit").
        let summit = cx.trigger.group.min_participants.is_some_and(|m| m < 2);
        // Or is at it, named in the same clause: "Blair möchte auf dem EU-Gipfel …".
        let attend_verb = cx.tokens[cx.c.first..cx.c.last].iter().any(|t| self.rules.attend_words.contains(t.lower()));
        let at_it = self.sets_the_scene(cx.tokens, cx.at);
        let attends = attend_verb || at_it;
        // "im Vorfeld des G8-Treffens": a meeting in another noun's genitive is no
        // meeting of the clause's subject.
        let attribute = self.genitive_attribute(cx.tokens, cx.at);
        let before: Vec<&Mention> =
            cx.bare_actors.iter().copied().filter(|m| m.first < cx.at && (!summit || attends) && !attribute).collect();
        // "Zelensky said in a meeting with Honcharuk", "Bei einem Treffen mit Olmert sagte
        // Merkel", "In einem Gespräch mit X wies Y die Vorwürfe zurück": who speaks or
        // denies at a meeting was in it.
        if before.is_empty() && at_it {
            people.extend(
                cx.mentions
                    .iter()
                    .filter(|m| {
                        (cx.attribution.speaker_mentions.contains(&m.first)
                            || cx.attribution.denier_mention == Some(m.first))
                            && m.first >= cx.c.first
                            && m.last <= cx.c.last
                    })
                    .map(|m| m.entity.clone()),
            );
        }
        // "In a meeting that day he was told by Zinichev": the clause's subject and agent
        // after a meeting it is placed in.
        if before.is_empty() && at_it && people.is_empty() {
            let after: Vec<&Mention> = cx.bare_actors.iter().copied().filter(|m| m.first > cx.at).collect();
            if let Some(subject) = after.first() {
                people.push(subject.entity.clone());
                people.extend(cx.hinted(&[RoleHint::Agent]).iter().map(|m| m.entity.clone()));
            }
        }
        // "in a phone call in late July, Trump encouraged Zelensky …": a fronted phrase
        // without actors of its own is the setting of the next clause, whose subject
        // and object were in it.
        if at_it && people.is_empty() && cx.in_clause.iter().all(|m| !m.kind.is_actor()) {
            people.extend(self.next_clause_parties(cx.mentions, cx.clauses, cx.clause, cx.attribution));
        }
        // "An den Gesprächen nehmen die Außenminister teil": with a verb of attending, the
        // subjects of the verb the noun is an oblique of take part, wherever they stand.
        if before.is_empty() && attend_verb {
            for p in self.adjunct_parties(cx) {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
        }
        // "Beijing denied reports of a meeting between Xi and Putin": who speaks of or denies a
        // meeting that names two parties of its own is none of them (one who mediates "between"
        // them is).
        let named: Vec<EntityId> = self
            .after_noun(cx, &[RoleHint::Between, RoleHint::Of])
            .iter()
            .filter(|m| m.kind.is_actor())
            .map(|m| m.entity.clone())
            .collect();
        let coordinated = self.coordinated_subjects(cx.tokens, &before);
        let speaks = |m: &&Mention| {
            cx.attribution.speaker_mentions.contains(&m.first) || cx.attribution.denier_mention == Some(m.first)
        };
        if named.len() >= 2 && people.is_empty() && !before.is_empty() && before.iter().all(speaks) {
            // The clause's subject is no party.
        } else if !coordinated.is_empty() {
            people.extend(coordinated);
        } else if let Some(s) = before.first() {
            people.push(s.entity.clone());
        } else if people.is_empty()
            && (!summit || attend_verb)
            // "…, in deren Haus das Treffen stattgefunden habe": the meeting is its own subject.
            && !self.occurs(cx.tokens, cx.clauses, cx.clause)
        {
            people.extend(self.inherited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.attribution));
        }
        people.extend(named);
        people
    }

    /// A preposition of setting opens the noun's phrase ("vor dem G20-Gipfel", "after the
    /// talks"): within three words before it, no punctuation between.
    pub(in crate::extract) fn in_setting_phrase(&self, tokens: &[Token], at: usize) -> bool {
        tokens[at.saturating_sub(3)..at]
            .iter()
            .rev()
            .take_while(|t| t.kind != TokenKind::Punct || t.is('-'))
            .any(|t| self.rules.setting_prepositions.contains(t.lower()))
    }
}
