//! Roles: the shared part of reading an event at a trigger (its clause, its parties, the checks that keep it), and the dispatch to one file per event class.

use crate::extract::Reader;
use crate::extract::attribution::Attribution;
use crate::extract::clauses::Clause;
use crate::extract::triggers::Trigger;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm, ids};
use crate::model::{EntityId, EntityKind, Event, EventKind, Factuality, Role, Span};
use crate::text::Token;

/// The state a capital city stands for when it speaks ("Moskau wies zurück").
pub(super) fn capital_state(gaz: &crate::gazetteer::Gazetteer, entity: &EntityId) -> Option<EntityId> {
    gaz.capital_country(entity.known_key()?).map(ids::state)
}

impl<'a> Reader<'a> {
    pub(super) fn event(
        &self,
        trigger: &Trigger<'_>,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
        attribution: &Attribution,
    ) -> Option<Event> {
        let c = &clauses[clause];
        let opens = self.inner_clause_start(tokens, mentions, c, trigger.at);
        // News agencies are sources (speakers, provenance), never parties to what they report.
        let in_clause: Vec<&Mention> = mentions
            .iter()
            .filter(|m| {
                m.first >= opens
                    && m.last <= c.last
                    && !attribution.speaker_mentions.contains(&m.first)
                    && Some(m.first) != attribution.denier_mention
            })
            .filter(|m| m.kind != EntityKind::NewsAgency)
            .collect();
        let mut event =
            Event::new(trigger.group.kind, Factuality::Asserted, Span { start: 0, end: 0, sentence: 0 }, Vec::new());
        event.items = self.items(tokens, c, trigger);
        let at = trigger.at;
        let args = |filter: &dyn Fn(&&Mention) -> bool| -> Vec<&Mention> {
            in_clause.iter().copied().filter(|m| filter(m)).collect()
        };
        let bare_actors: Vec<&Mention> = args(&|m| {
            m.hint.is_none()
                && m.kind.is_actor()
                && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                && !m.possessive
        });
        let passive = self.is_passive(tokens, c, trigger);
        let subject = || -> Option<EntityId> {
            if passive {
                // The agent of a passive: "by X", and German "von X" (read as Of).
                return args(&|m| matches!(m.hint, Some(RoleHint::Agent | RoleHint::Of)))
                    .first()
                    .map(|m| m.entity.clone());
            }
            bare_actors
                .first()
                .map(|m| m.entity.clone())
                .or_else(|| self.inherited_subject(tokens, mentions, clauses, clause, attribution))
                // "Russia denied supplying weapons": the denier did what it denies.
                .or_else(|| {
                    attribution.denier_mention.filter(|&d| d < at && d >= c.first).and(attribution.denier.clone())
                })
        };
        let object = |subject: &Option<EntityId>| -> Option<&Mention> {
            bare_actors.iter().copied().find(|m| {
                Some(&m.entity) != subject.as_ref()
                    && (passive
                        || m.first > bare_actors.first().map_or(0, |s| s.first)
                        || subject.is_some()
                            && bare_actors.first().is_some_and(|s| Some(&s.entity) != subject.as_ref()))
            })
        };
        let hinted = |hints: &[RoleHint]| -> Vec<&Mention> {
            args(&|m| {
                m.hint.is_some_and(|h| hints.contains(&h))
                    && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
            })
        };
        let after_noun = |hints: &[RoleHint]| -> Vec<&Mention> { self.noun_complements(tokens, &in_clause, at, hints) };
        let possessor = || -> Option<&Mention> { self.possessor(tokens, &in_clause, at) };
        let prefix = in_clause.iter().copied().find(|m| m.first == at && m.form == MentionForm::CompoundPrefix);
        match trigger.group.frame {
            Frame::Go => {
                // "Iran has invited King Salman to visit Tehran": the one invited is to visit.
                let visitor = self.invited_subject(tokens, mentions, clauses, clause, at).or_else(subject);
                if let Some(v) = &visitor {
                    event.add_role(Role::Visitor, v);
                }
                let places = hinted(&[RoleHint::Destination, RoleHint::Location]);
                // "visiting the town of Pandeglang": a place named by "of" in the object.
                let of_place = hinted(&[RoleHint::Of])
                    .into_iter()
                    .find(|m| m.kind.is_place() && m.first > at && m.first <= at + 5);
                if let Some(p) =
                    places.iter().copied().find(|m| m.kind.is_place() && m.first > at.saturating_sub(8)).or(of_place)
                {
                    event.add_role(Role::Destination, &p.entity);
                } else if let Some(place) = self.place_before_relative(tokens, mentions, c) {
                    // "am Flughafen Bagdad, wo Soleimani eintraf".
                    event.add_role(Role::Destination, &place);
                } else if let Some(o) = object(&visitor).filter(|o| o.first > at || self.rules.verb_final) {
                    let role = if o.kind.is_place() { Role::Destination } else { Role::Host };
                    event.add_role(role, &o.entity);
                } else if let Some(p) = in_clause.iter().find(|m| {
                    (m.first > at || self.rules.verb_final)
                        && m.hint.is_none()
                        && m.kind == EntityKind::Place
                        && m.form == MentionForm::Argument
                }) {
                    // "will visit Pyongyang": a city as the object.
                    event.add_role(Role::Destination, &p.entity);
                }
            }
            Frame::Host => {
                // "host a meeting between …": the meeting is the event, not a visit.
                if self.meeting_noun_follows(tokens, at, c) {
                    return None;
                }
                let host = subject();
                if let Some(h) = &host {
                    event.add_role(Role::Host, h);
                }
                if let Some(o) = object(&host) {
                    event.add_role(Role::Visitor, &o.entity);
                } else if let Some(o) = hinted(&[RoleHint::Destination, RoleHint::Recipient, RoleHint::Source])
                    .into_iter()
                    .find(|m| {
                        m.first > at
                            && m.kind.is_actor()
                            && Some(&m.entity) != host.as_ref()
                            // "received a mission of observers from the OSCE", not "assurances from".
                            && (m.hint != Some(RoleHint::Source)
                                || tokens[at + 1..m.first].iter().any(|t| self.rules.visiting_nouns.contains(t.lower())))
                    })
                {
                    // "gave a warm welcome to X".
                    event.add_role(Role::Visitor, &o.entity);
                }
            }
            Frame::VisitNoun => {
                let visitor = prefix
                    .filter(|m| m.kind == EntityKind::Person || !m.kind.is_place())
                    .or_else(possessor)
                    .or_else(|| self.genitive_after(tokens, &in_clause, at))
                    // "Besuch Putins": a name in the genitive right after the noun.
                    .or_else(|| {
                        in_clause.iter().copied().find(|m| m.first == at + 1 && m.possessive && m.kind.is_actor())
                    })
                    .or_else(|| {
                        after_noun(&[RoleHint::Of, RoleHint::Source, RoleHint::Agent])
                            .into_iter()
                            .find(|m| m.kind.is_actor() && m.kind != EntityKind::State || m.kind == EntityKind::Person)
                    })
                    .or_else(|| {
                        after_noun(&[RoleHint::Of, RoleHint::Source, RoleHint::Agent])
                            .into_iter()
                            .find(|m| m.kind.is_actor())
                    });
                let mut from_clause = false;
                // "Blinken said during a visit to Kyiv", "Merkel sagte bei einem Besuch in Peking":
                // who speaks during a visit makes it.
                let speaker = || {
                    mentions
                        .iter()
                        .find(|m| {
                            attribution.speaker_mentions.contains(&m.first)
                                && m.first >= c.first
                                && m.last <= c.last
                                && m.kind.is_actor()
                        })
                        .filter(|_| self.governed_noun(tokens, at))
                };
                // "Merkel betonte bei einem Besuch in Genf", "Bei einem Besuch in Genf traf Annan …":
                // a visit that sets the scene was made by the clause's subject.
                let scene_subject = || {
                    matches!(
                        self.governing_hint(tokens, at),
                        Some(RoleHint::Location | RoleHint::Destination | RoleHint::Topic)
                    )
                    .then(|| bare_actors.iter().copied().find(|m| !m.kind.is_place() && m.kind != EntityKind::State))
                    .flatten()
                };
                if let Some(v) = visitor {
                    event.add_role(Role::Visitor, &v.entity);
                } else if let Some(v) = speaker().or_else(scene_subject) {
                    event.add_role(Role::Visitor, &v.entity);
                } else if !self.governed_noun(tokens, at)
                    && let Some(v) = bare_actors
                        .iter()
                        .find(|m| m.first < at)
                        .map(|m| m.entity.clone())
                        .or_else(|| self.inherited_subject(tokens, mentions, clauses, clause, attribution))
                {
                    // "A French minister has cancelled a planned visit to Haiti".
                    event.add_role(Role::Visitor, &v);
                    from_clause = true;
                }
                let destination = prefix.filter(|m| m.kind.is_place()).or_else(|| {
                    after_noun(&[RoleHint::Destination, RoleHint::Location])
                        .into_iter()
                        .find(|m| m.kind.is_place() || m.kind.is_actor())
                });
                // "Küng hat Papst Benedikt am Samstag in Rom einen Besuch abgestattet": with the
                // clause's subject as visitor, its object is the host and its place the destination.
                let destination = destination.or_else(|| {
                    from_clause
                        .then(|| {
                            hinted(&[RoleHint::Destination, RoleHint::Location]).into_iter().find(|m| m.kind.is_place())
                        })
                        .flatten()
                });
                // "zu Gast beim Klimakongress der EnBW": at a gathering, the guest of whoever holds it.
                let destination = destination.or_else(|| {
                    let at_place = tokens
                        .get(at + 1)
                        .and_then(|t| self.rules.prepositions.get(t.lower()))
                        .is_some_and(|h| h.first() == Some(&RoleHint::Location));
                    at_place
                        .then(|| {
                            in_clause.iter().copied().find(|m| {
                                m.first > at + 1
                                    && m.first <= at + 8
                                    && (m.hint == Some(RoleHint::Of)
                                        || m.hint.is_none()
                                            && self.rules.genitive_determiners.contains(tokens[m.first - 1].lower()))
                                    && m.kind.is_actor()
                                    && event.fillers(Role::Visitor).all(|v| *v != m.entity)
                            })
                        })
                        .flatten()
                });
                if from_clause
                    && let Some(host) = bare_actors.iter().find(|m| {
                        m.first < at
                            && event.fillers(Role::Visitor).all(|v| *v != m.entity)
                            && m.kind != EntityKind::State
                    })
                {
                    event.add_role(Role::Host, &host.entity);
                }
                if let Some(d) = destination {
                    let role = if d.kind.is_place() { Role::Destination } else { Role::Host };
                    event.add_role(role, &d.entity);
                }
            }
            Frame::Meet | Frame::MeetNoun => {
                let at_it_noun = trigger.group.frame == Frame::MeetNoun && self.sets_the_scene(tokens, at);
                let mut people: Vec<EntityId> = Vec::new();
                if trigger.group.frame == Frame::Meet {
                    if passive {
                        people.extend(hinted(&[RoleHint::Agent]).iter().map(|m| m.entity.clone()));
                    }
                    people.extend(self.coordinated_subjects(tokens, &bare_actors));
                    if people.is_empty() {
                        people.extend(subject());
                    }
                    people.extend(bare_actors.iter().map(|m| m.entity.clone()));
                } else {
                    people.extend(possessor().map(|m| m.entity.clone()));
                    // "Kosovo-Konferenz", "Iran-Gespräche": a state before a meeting noun is its topic;
                    // a person or an organisation ("EU-Gipfel") takes part.
                    people.extend(
                        prefix.filter(|m| m.kind.is_actor() && m.kind != EntityKind::State).map(|m| m.entity.clone()),
                    );
                    people.extend(self.genitive_after(tokens, &in_clause, at).map(|m| m.entity.clone()));
                    // "a G8 summit", "the NATO talks": an organisation right before the noun.
                    people.extend(
                        in_clause
                            .iter()
                            .find(|m| m.last == at && matches!(m.kind, EntityKind::Igo | EntityKind::Organization))
                            .map(|m| m.entity.clone()),
                    );
                    // Whoever the clause is about takes part: "Israel and Lebanon renewed
                    // negotiations", "X held talks with Y", "Blair möchte auf dem EU-Gipfel …".
                    // A summit is attended, not held, by its subject: the subject takes part in one
                    // only with a verb of attending ("Obama is scheduled to attend a summit").
                    let summit = trigger.group.min_participants.is_some_and(|m| m < 2);
                    // Or is at it, named in the same clause: "Blair möchte auf dem EU-Gipfel …".
                    let attend_verb =
                        tokens[c.first..c.last].iter().any(|t| self.rules.attend_words.contains(t.lower()));
                    let at_it = self.sets_the_scene(tokens, at);
                    let attends = attend_verb || at_it;
                    // "im Vorfeld des G8-Treffens": a meeting in another noun's genitive is no
                    // meeting of the clause's subject.
                    let attribute = self.genitive_attribute(tokens, at);
                    let before: Vec<&Mention> = bare_actors
                        .iter()
                        .copied()
                        .filter(|m| m.first < at && (!summit || attends) && !attribute)
                        .collect();
                    // "Zelensky said in a meeting with Honcharuk", "Bei einem Treffen mit Olmert sagte
                    // Merkel", "In einem Gespräch mit X wies Y die Vorwürfe zurück": who speaks or
                    // denies at a meeting was in it.
                    if before.is_empty() && at_it {
                        people.extend(
                            mentions
                                .iter()
                                .filter(|m| {
                                    (attribution.speaker_mentions.contains(&m.first)
                                        || attribution.denier_mention == Some(m.first))
                                        && m.first >= c.first
                                        && m.last <= c.last
                                })
                                .map(|m| m.entity.clone()),
                        );
                    }
                    // "In a meeting that day he was told by Zinichev": the clause's subject and agent
                    // after a meeting it is placed in.
                    if before.is_empty() && at_it && people.is_empty() {
                        let after: Vec<&Mention> = bare_actors.iter().copied().filter(|m| m.first > at).collect();
                        if let Some(subject) = after.first() {
                            people.push(subject.entity.clone());
                            people.extend(hinted(&[RoleHint::Agent]).iter().map(|m| m.entity.clone()));
                        }
                    }
                    // "in a phone call in late July, Trump encouraged Zelensky …": a fronted phrase
                    // without actors of its own is the setting of the next clause, whose subject
                    // and object were in it.
                    if at_it && people.is_empty() && in_clause.iter().all(|m| !m.kind.is_actor()) {
                        people.extend(self.next_clause_parties(mentions, clauses, clause, attribution));
                    }
                    let coordinated = self.coordinated_subjects(tokens, &before);
                    if !coordinated.is_empty() {
                        people.extend(coordinated);
                    } else if let Some(s) = before.first() {
                        people.push(s.entity.clone());
                    } else if people.is_empty()
                        && (!summit || attend_verb)
                        // "…, in deren Haus das Treffen stattgefunden habe": the meeting is its own subject.
                        && !self.occurs(tokens, clauses, clause)
                    {
                        people.extend(self.inherited_subject(tokens, mentions, clauses, clause, attribution));
                    }
                    people.extend(
                        after_noun(&[RoleHint::Between, RoleHint::Of])
                            .iter()
                            .filter(|m| m.kind.is_actor())
                            .map(|m| m.entity.clone()),
                    );
                }
                // "Verhandlungen mit Iran bis zum G-20-Gipfel": a partner belongs to the nearest
                // event noun, not to one beyond another.
                let own_partner = |m: &&Mention| {
                    if trigger.group.frame == Frame::Meet {
                        return true;
                    }
                    if m.first > at {
                        return !tokens[at + 1..m.first].iter().any(|t| self.is_event_noun(t.lower()))
                            && !self.finite_verb_between(tokens, at, m.first);
                    }
                    // Before the noun: not the complement of an event noun right before its preposition.
                    let prep = m.prep.unwrap_or(m.first);
                    !tokens[prep.saturating_sub(2)..prep].iter().any(|t| self.is_event_noun(t.lower()))
                };
                people.extend(
                    hinted(&[RoleHint::With, RoleHint::Between])
                        .iter()
                        .filter(|m| m.kind.is_actor() && own_partner(m))
                        .map(|m| m.entity.clone()),
                );
                if trigger.group.frame == Frame::MeetNoun && people.len() < 2 {
                    people.extend(self.journey_parties(tokens, &in_clause, c, at, &bare_actors));
                    people.dedup();
                }
                for p in people {
                    if !event.roles.iter().any(|(_, k)| *k == p) {
                        event.add_role(Role::Participant, &p);
                    }
                }
                // A place or state "in" which it happens is its location, never a participant.
                // For a noun, only "in X" right after it ("a summit in Genoa"), not the clause's.
                let places = if trigger.group.frame == Frame::MeetNoun
                    && (self.governed_noun(tokens, at) || self.genitive_attribute(tokens, at))
                {
                    let own = after_noun(&[RoleHint::Location]);
                    // "in Dakar bei einem Treffen": the scene's place is the place of the meeting
                    // that sets it.
                    if own.is_empty() && at_it_noun { hinted(&[RoleHint::Location]) } else { own }
                } else {
                    // "in deren Washingtoner Haus": a city adjective places it too.
                    let city_adjectives = args(&|m| {
                        m.hint == Some(RoleHint::Location)
                            && m.form == MentionForm::Modifier
                            && m.kind == EntityKind::Place
                    });
                    hinted(&[RoleHint::Location]).into_iter().chain(city_adjectives).collect()
                };
                if let Some(place) =
                    places.iter().find(|m| m.kind.is_place() && !event.roles.iter().any(|(_, k)| *k == m.entity))
                {
                    event.add_role(Role::Location, &place.entity);
                } else if let Some(place) = self.place_before_relative(tokens, mentions, c) {
                    // "reiste nach Moskau, wo er mit Lawrow zusammentraf".
                    event.add_role(Role::Location, &place);
                } else if let Some(place) = self.place_of_occurrence(tokens, mentions, clauses, clause) {
                    // "die nächste Gesprächsrunde, die in Delhi stattfinden wird".
                    event.add_role(Role::Location, &place);
                }
            }
            Frame::Invite => {
                let inviter = subject();
                if let Some(i) = &inviter {
                    event.add_role(Role::Inviter, i);
                }
                if let Some(o) = object(&inviter).filter(|m| m.kind.is_actor()) {
                    event.add_role(Role::Invitee, &o.entity);
                }
                if let Some(place) = hinted(&[RoleHint::Destination, RoleHint::Location])
                    .iter()
                    .find(|m| m.kind.is_place() && m.first > at)
                {
                    event.add_role(Role::Destination, &place.entity);
                }
            }
            Frame::InviteNoun => {
                if let Some(i) = possessor().or_else(|| prefix.filter(|m| m.kind.is_actor())).or_else(|| {
                    after_noun(&[RoleHint::Of, RoleHint::Source, RoleHint::Agent])
                        .into_iter()
                        .find(|m| m.kind.is_actor())
                }) {
                    event.add_role(Role::Inviter, &i.entity);
                }
                if let Some(i) = after_noun(&[RoleHint::Recipient]).into_iter().find(|m| m.kind.is_actor()) {
                    event.add_role(Role::Invitee, &i.entity);
                }
                let inviter = event.fillers(Role::Inviter).next().cloned();
                let governed = self.governed_noun(tokens, at);
                if !event.roles.iter().any(|(r, _)| *r == Role::Invitee) {
                    let invitee = if !governed {
                        // "X rejected an invitation to …": the subject was invited.
                        bare_actors.iter().find(|m| m.first < at)
                    } else if self.sets_the_scene(tokens, at) {
                        // "Auf Einladung von Merkel reiste Wen nach Berlin", "forces are in Iraq at
                        // the invitation of the government": whoever the clause is about was invited.
                        bare_actors.iter().find(|m| {
                            Some(&m.entity) != inviter.as_ref()
                                && (m.first < at || m.kind == EntityKind::Person)
                                && m.kind.is_actor()
                        })
                    } else {
                        None
                    };
                    if let Some(s) = invitee {
                        event.add_role(Role::Invitee, &s.entity);
                    }
                }
            }
            Frame::Ship => {
                // "von der Deponie Schönberg … transportiert": a place is where it comes from, not who.
                let supplier = subject().filter(|s| mentions.iter().any(|m| m.entity == *s && m.kind.is_actor()));
                if let Some(s) = &supplier {
                    event.add_role(Role::Supplier, s);
                }
                let recipient = hinted(&[RoleHint::Recipient])
                    .into_iter()
                    .find(|m| m.kind.is_actor())
                    .or_else(|| if passive { None } else { object(&supplier) });
                if let Some(r) = recipient {
                    event.add_role(Role::Recipient, &r.entity);
                } else if let Some(d) =
                    hinted(&[RoleHint::Destination]).into_iter().find(|m| m.kind == EntityKind::State)
                {
                    event.add_role(Role::Recipient, &d.entity);
                }
                if passive
                    && !event.roles.iter().any(|(r, _)| *r == Role::Recipient)
                    && let Some(r) = bare_actors.first()
                {
                    event.add_role(Role::Recipient, &r.entity);
                }
                // "von der Deponie Schönberg zur Müllverbrennungsanlage Stapelfeld transportiert":
                // places it leaves and reaches; a place it is handled "in" before it goes.
                let place = |hints: &[RoleHint]| hinted(hints).into_iter().find(|m| m.kind == EntityKind::Place);
                if let Some(o) = place(&[RoleHint::Source, RoleHint::Of]) {
                    event.add_role(Role::Origin, &o.entity);
                }
                if let Some(d) = place(&[RoleHint::Destination]) {
                    event.add_role(Role::Destination, &d.entity);
                    if let Some(o) = place(&[RoleHint::Location]).filter(|o| o.first < d.first)
                        && !event.roles.iter().any(|(r, _)| *r == Role::Origin)
                    {
                        event.add_role(Role::Origin, &o.entity);
                    }
                }
            }
            Frame::ShipNoun => {
                let supplier = possessor()
                    .or_else(|| prefix.filter(|m| m.kind.is_actor()))
                    .or_else(|| {
                        after_noun(&[RoleHint::Source, RoleHint::Of, RoleHint::Agent])
                            .into_iter()
                            .find(|m| m.kind.is_actor())
                    })
                    .or_else(|| self.demonym_before(&in_clause, at));
                if let Some(s) = supplier {
                    event.add_role(Role::Supplier, &s.entity);
                }
                if let Some(r) =
                    after_noun(&[RoleHint::Recipient, RoleHint::Destination]).into_iter().find(|m| m.kind.is_actor())
                {
                    event.add_role(Role::Recipient, &r.entity);
                }
                if let Some(o) = after_noun(&[RoleHint::Source]).into_iter().find(|m| m.kind == EntityKind::Place) {
                    event.add_role(Role::Origin, &o.entity);
                }
            }
            Frame::Receive => {
                let recipient = subject();
                if let Some(r) = &recipient {
                    event.add_role(Role::Recipient, r);
                }
                if let Some(s) = hinted(&[RoleHint::Source, RoleHint::Of]).into_iter().find(|m| m.kind.is_actor()) {
                    event.add_role(Role::Supplier, &s.entity);
                } else if let Some(s) = in_clause.iter().find(|m| {
                    // "Russland hat iranische Drohnen erhalten": the goods' demonym is the supplier.
                    m.kind == EntityKind::State
                        && m.form == MentionForm::Modifier
                        && tokens.get(m.last).is_some_and(|t| self.materiel(t.lower()).is_some())
                        && Some(&m.entity) != recipient.as_ref()
                }) {
                    event.add_role(Role::Supplier, &s.entity);
                }
            }
        }
        let groups = event
            .fillers(Role::Participant)
            .filter(|k| {
                mentions.iter().any(|m| m.entity == **k && (m.kind == EntityKind::Igo || m.entity.is_local_group()))
            })
            .count();
        // "Ngom definierte bei einem Treffen in Dakar das Ziel": a meeting that sets the scene, at a
        // named place, stands with the one party it names.
        let noun = trigger.group.frame == Frame::MeetNoun;
        let setting = noun && self.sets_the_scene(tokens, at);
        // "Die Gespräche sollen in Genf stattfinden": a meeting said to take place at a named place
        // stands without named parties.
        let parties_with_place = if noun && self.occurs(tokens, clauses, clause) {
            0
        } else if setting {
            1
        } else {
            // A summit may be known by its place alone.
            match trigger.group.min_participants.unwrap_or(2) {
                0 | 1 => 0,
                min => min,
            }
        };
        self.complete(event, trigger, groups, parties_with_place)
    }

    /// Keeps an event only when its key roles are filled.
    /// `parties_with_place`: how many parties a meeting at a named place needs.
    pub(super) fn complete(
        &self,
        event: Event,
        trigger: &Trigger<'_>,
        groups: usize,
        parties_with_place: usize,
    ) -> Option<Event> {
        let has = |role: Role| event.roles.iter().any(|(r, _)| *r == role);
        let ok = match event.kind {
            EventKind::Act => !event.roles.is_empty(),
            // A visit to a place the gazetteer lacks ("flew to Magnitogorsk") waits for
            // `unknown_places`, and is dropped there if none is found.
            EventKind::Visit => {
                has(Role::Visitor)
                    // Hosting names its host.
                    && (trigger.group.frame != Frame::Host || has(Role::Host))
                    && (has(Role::Destination)
                        || has(Role::Host)
                        || trigger.group.frame == Frame::VisitNoun
                        || !self.rules.nouns_capitalized)
            }
            // A group (an organisation, "die EU-Außenminister") counts as several; a summit may be
            // known by its place alone.
            EventKind::Meeting => {
                let min = trigger.group.min_participants.unwrap_or(2);
                let parties = event.fillers(Role::Participant).count() + groups;
                (parties >= min || parties >= parties_with_place && has(Role::Location))
                    && (!trigger.group.needs_place || has(Role::Location))
            }
            EventKind::Invitation => {
                has(Role::Invitee) && (has(Role::Inviter) || trigger.group.frame == Frame::InviteNoun)
            }
            // Goods must be named: troops, personnel and "blows" are not shipments.
            // A noun without parties may elaborate an earlier shipment ("eine Lieferung … verladen");
            // `shipment_legs` keeps it only then.
            // A shipment names goods, who sends them and who gets them ("food aid to refugees" has
            // no recipient that acts; an investigation of "arms sales to Croatia" no supplier).
            EventKind::Shipment => {
                // Unnamed parties: the places it leaves and reaches.
                let parties =
                    (has(Role::Supplier) || has(Role::Origin)) && (has(Role::Recipient) || has(Role::Destination));
                let none = !has(Role::Supplier) && !has(Role::Recipient);
                (!event.items.is_empty() && parties) || (none && trigger.group.frame == Frame::ShipNoun)
            }
        };
        // A visitor cannot be its own destination or host.
        let visitor: Vec<&EntityId> = event.fillers(Role::Visitor).collect();
        // A state does not visit its own capital either.
        let gaz = crate::gazetteer::get();
        let self_visit = event.roles.iter().any(|(r, k)| {
            matches!(r, Role::Destination | Role::Host)
                && (visitor.contains(&k) || capital_state(gaz, k).is_some_and(|s| visitor.contains(&&s)))
        });
        let self_supply = event.fillers(Role::Supplier).any(|s| event.fillers(Role::Recipient).any(|r| r == s));
        (ok && !self_visit && !self_supply).then_some(event)
    }
}
