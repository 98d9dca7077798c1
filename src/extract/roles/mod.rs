//! Roles: the shared part of reading an event at a trigger (its clause, its parties, the checks
//! that keep it), and the dispatch to one file per event class.

mod invitation;
mod meeting;
mod shipment;
mod visit;

use crate::extract::Reader;
use crate::extract::attribution::Attribution;
use crate::extract::clauses::{Clause, clause_of};
use crate::extract::grammar::actors_named;
use crate::extract::triggers::Trigger;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm, ids};
use crate::model::{EntityId, EntityKind, Event, EventKind, Factuality, Role, Span};
use crate::syntax::ud::{Attr, Rel};
use crate::text::{Token, TokenKind};

/// What an event needs beyond its own roles to be kept.
#[derive(Clone, Copy)]
struct Needs {
    /// Groups among the participants (each counts as several).
    groups: usize,
    /// How many parties a meeting at a named place needs.
    parties_with_place: usize,
    /// A destination the gazetteer lacks follows a shipment's verb ("sent weapons to Kobani").
    unknown_destination: bool,
    /// A place the gazetteer lacks follows a meeting said to take place ("in Nashville").
    unknown_location: bool,
}

/// What every class reads at a trigger: its clause, the mentions in it and who stands where.
struct Parties<'p> {
    trigger: &'p Trigger<'p>,
    tokens: &'p [Token],
    mentions: &'p [Mention],
    clauses: &'p [Clause],
    /// The index of the trigger's clause, and the clause.
    clause: usize,
    c: &'p Clause,
    /// Where the trigger stands.
    at: usize,
    attribution: &'p Attribution,
    /// The mentions of the trigger's clause from where its inner clause opens, without speakers,
    /// the denier and news agencies.
    in_clause: Vec<&'p Mention>,
    /// Actors without a preposition, as arguments or pronouns, not possessives.
    bare_actors: Vec<&'p Mention>,
    passive: bool,
    /// A compound's first part that is a mention ("Iran-Gespräche").
    prefix: Option<&'p Mention>,
}

impl<'p> Parties<'p> {
    /// The clause's mentions that pass a test.
    fn args(&self, filter: &dyn Fn(&&Mention) -> bool) -> Vec<&'p Mention> {
        self.in_clause.iter().copied().filter(|m| filter(m)).collect()
    }

    /// The object: a bare actor other than the subject, after the first one (or any, in a passive).
    fn object(&self, subject: &Option<EntityId>) -> Option<&'p Mention> {
        let bare_actors = &self.bare_actors;
        bare_actors.iter().copied().find(|m| {
            Some(&m.entity) != subject.as_ref()
                && (self.passive
                    // A relative pronoun's antecedent, before the clause.
                    || m.last <= self.c.first
                    || m.first > bare_actors.first().map_or(0, |s| s.first)
                    || subject.is_some() && bare_actors.first().is_some_and(|s| Some(&s.entity) != subject.as_ref()))
        })
    }

    /// The arguments and pronouns behind a preposition of one of the hints.
    fn hinted(&self, hints: &[RoleHint]) -> Vec<&'p Mention> {
        self.args(&|m| {
            m.hint.is_some_and(|h| hints.contains(&h)) && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
        })
    }
}

/// The first actor inside a clause that no preposition governs and `keep` accepts.
fn bare_actor_in<'m>(mentions: &'m [Mention], c: &Clause, keep: impl Fn(&Mention) -> bool) -> Option<&'m Mention> {
    mentions.iter().find(|m| m.first >= c.first && m.last <= c.last && m.hint.is_none() && m.kind.is_actor() && keep(m))
}

/// The first actor without a preposition in a clause, as an argument or pronoun, a capital
/// standing for its state ("Moskau bestreitet, …").
pub(super) fn actor_or_capital_in(
    mentions: &[Mention],
    c: &Clause,
    keep: impl Fn(&Mention) -> bool,
) -> Option<EntityId> {
    let gaz = crate::gazetteer::get();
    mentions
        .iter()
        .filter(|m| {
            m.first >= c.first
                && m.last <= c.last
                && m.hint.is_none()
                && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                && keep(m)
        })
        .find_map(|m| if m.kind.is_actor() { Some(m.entity.clone()) } else { capital_state(gaz, &m.entity) })
}

/// The state a capital city stands for when it speaks ("Moskau wies zurück").
pub(super) fn capital_state(gaz: &crate::gazetteer::Gazetteer, entity: &EntityId) -> Option<EntityId> {
    gaz.capital_country(entity.known_key()?).map(ids::state)
}

impl<'a> Reader<'a> {
    /// The event a trigger tells, if its roles hold: the shared part (the clause's mentions, bare
    /// actors, passive, compound part), the roles of its class (`fill_roles`), then the checks
    /// that keep it (`complete`).
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
        // "Russland kündigte Waffenlieferungen an die Ukraine an", "Scholz announced a visit to
        // Kyiv": who announces an event that the announcing verb takes as its object makes it.
        // Not an event between others ("announced the debate between Trump and Biden").
        let announced = !trigger.group.frame.is_verb()
            && attribution.verb_clause == Some(clause)
            && attribution.verb_at.is_some_and(|v| self.announces(tokens, v, c))
            && !self.governed_noun(tokens, trigger.at)
            && !mentions.iter().any(|m| m.first > trigger.at && m.last <= c.last && m.hint == Some(RoleHint::Between));
        // News agencies are sources (speakers, provenance), never parties to what they report.
        let in_clause: Vec<&Mention> = mentions
            .iter()
            .filter(|m| {
                m.first >= opens
                    && m.last <= c.last
                    && (announced || !attribution.speaker_mentions.contains(&m.first))
                    && Some(m.first) != attribution.denier_mention
            })
            .filter(|m| m.kind != EntityKind::NewsAgency)
            .collect();
        // "met X to discuss NATO": what a verb of discussing takes as its object is the topic.
        let topics = self.topics(tokens, c.first, c.last);
        let in_clause: Vec<&Mention> =
            in_clause.into_iter().filter(|m| !topics.iter().any(|&t| m.first <= t && t < m.last)).collect();
        let mut event =
            Event::new(trigger.group.kind, Factuality::Asserted, Span { start: 0, end: 0, sentence: 0 }, Vec::new());
        event.items = self.items(tokens, c, trigger);
        let at = trigger.at;
        let bare_actors: Vec<&Mention> = in_clause
            .iter()
            .copied()
            .filter(|m| {
                m.hint.is_none()
                    && m.kind.is_actor()
                    && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                    && !m.possessive
            })
            .collect();
        // "Macron, den Scholz empfing", "Macron, whom Scholz received": a relative pronoun that is
        // the verb's object stands for the antecedent, an argument after the clause's own.
        let mut bare_actors = bare_actors;
        if let Some(antecedent) = self.object_antecedent(tokens, mentions, c) {
            bare_actors.push(antecedent);
        }
        let passive = self.is_passive(tokens, c, trigger);
        let prefix = in_clause.iter().copied().find(|m| m.first == at && m.form == MentionForm::CompoundPrefix);
        let cx = Parties {
            trigger,
            tokens,
            mentions,
            clauses,
            clause,
            c,
            at,
            attribution,
            in_clause,
            bare_actors,
            passive,
            prefix,
        };
        self.fill_roles(&cx, &mut event)?;
        let groups = event
            .fillers(Role::Participant)
            .filter(|k| {
                // A group that meets ("die EU-Außenminister trafen sich", "das Treffen der
                // NATO-Außenminister"), not one named as an agent ("Widerstand durch Aufständische").
                mentions.iter().any(|m| {
                    m.entity == **k
                        && m.hint != Some(RoleHint::Agent)
                        && (m.kind == EntityKind::Igo || m.entity.is_local_group())
                })
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
        // What the class's rules left open, the tree may fill: only in an event they keep.
        // "sent weapons to Kobani": a shipment's destination the gazetteer lacks is found later
        // (`unknown_places`).
        let unknown_destination = trigger.group.kind == EventKind::Shipment
            && trigger.group.frame.is_verb()
            && self.unknown_destination_after(tokens, mentions, at, c, trigger.group.frame == Frame::Arrive).is_some();
        // "Die Gespräche sollen in Nashville stattfinden": a meeting said to take place at a place
        // the gazetteer lacks (found later, `unknown_places`).
        let unknown_location =
            noun && parties_with_place == 0 && self.unknown_location_after(tokens, mentions, at, c).is_some();
        let needs = Needs { groups, parties_with_place, unknown_destination, unknown_location };
        let mut event = self.complete(event, trigger, needs)?;
        self.fill_from_frame(tokens, &cx.in_clause, at, trigger.group.frame, &mut event);
        Some(event)
    }

    /// The word at `at` is a verb of announcing or promising ("announced", "versprach"), also
    /// with the particle that closes its clause ("kündigte … an").
    fn announces(&self, tokens: &[Token], at: usize, c: &Clause) -> bool {
        self.clause_verb_lemma_in(tokens, at, c, &self.rules.cues.announce_lemmas)
    }

    /// The roles one event class reads: one line per frame. `None`: the trigger tells no event.
    fn fill_roles(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        match cx.trigger.group.frame {
            Frame::Go => self.go(cx, event),
            Frame::Host => self.host(cx, event),
            Frame::VisitNoun => self.visit_noun(cx, event),
            Frame::Meet | Frame::MeetNoun => self.meeting(cx, event),
            Frame::Invite => self.invite(cx, event),
            Frame::InviteNoun => self.invite_noun(cx, event),
            Frame::Ship => self.ship(cx, event),
            Frame::ShipNoun => self.ship_noun(cx, event),
            Frame::Receive => self.receive(cx, event),
            Frame::Arrive => self.arrival(cx, event),
        }
    }

    /// The subject: a passive's agent ("by X", German "von X"); else the first bare actor, the
    /// subject an earlier clause gives, or the denier of what it denies ("Russia denied supplying
    /// weapons": the denier did what it denies).
    fn subject(&self, cx: &Parties<'_>) -> Option<EntityId> {
        if cx.passive {
            // "welcomed by Turkish President Erdogan": the agent's head, not a demonym before it.
            let agents = cx.args(&|m| matches!(m.hint, Some(RoleHint::Agent | RoleHint::Of)));
            return agents
                .iter()
                .find(|m| matches!(m.form, MentionForm::Argument | MentionForm::Pronoun))
                .or(agents.first())
                .map(|m| m.entity.clone());
        }
        // "…, Russland mit Waffen beliefert zu haben": an infinitive after a comma names no
        // subject of its own; it shares the clause's before it.
        let infinitive = self.infinitive_clause(cx);
        let own = if infinitive || self.subject_outside(cx) { None } else { cx.bare_actors.first().copied() };
        own.map(|m| m.entity.clone())
            .or_else(|| self.accused_subject(cx))
            .or_else(|| if infinitive { self.controller(cx) } else { None })
            .or_else(|| self.inherited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.attribution))
            .or_else(|| {
                cx.attribution
                    .denier_mention
                    .filter(|&d| d < cx.at && d >= cx.c.first)
                    .and(cx.attribution.denier.clone())
            })
    }

    /// The antecedent of a relative pronoun that is its verb's object.
    fn object_antecedent<'m>(&self, tokens: &[Token], mentions: &'m [Mention], c: &Clause) -> Option<&'m Mention> {
        if !c.relative {
            return None;
        }
        let words = self.parsed(tokens)?;
        let pronoun = words.get(c.first)?;
        let object_case = pronoun.feats.is(Attr::Case, "Acc") || pronoun.feats.is(Attr::Case, "Dat");
        if !matches!(pronoun.deprel.rel, Rel::Obj | Rel::Iobj) && !object_case {
            return None;
        }
        mentions
            .iter()
            .rev()
            .find(|m| m.last <= c.first && m.kind.is_actor() && m.form != MentionForm::Modifier)
            .filter(|m| tokens[m.last..c.first].iter().all(|t| t.kind == TokenKind::Punct))
    }

    /// The clause's subject stands outside it: a relative clause whose pronoun is its subject
    /// ("Macron, der ihn empfing": the antecedent), or a verb that opens the clause right after
    /// a relative clause ("Scholz, der in Paris eintraf, traf dort Macron": the subject before it).
    fn subject_outside(&self, cx: &Parties<'_>) -> bool {
        if cx.c.relative {
            // ("whose running mate …", "dessen Berater …": a possessive pronoun is no subject.)
            return self.parsed(cx.tokens).is_some_and(|w| {
                w.get(cx.c.first).is_some_and(|p| p.deprel.rel == Rel::Nsubj && !p.feats.is(Attr::Poss, "Yes"))
            });
        }
        // "Olaf Scholz, the German chancellor, met Macron", "X, who flew in, met Y": a clause
        // that opens with its verb has its subject before.
        cx.at == cx.c.first && cx.clause > 0
    }

    /// The trigger is an infinitive with its marker ("zu liefern", "beliefert zu haben") in a
    /// clause of its own after a comma.
    fn infinitive_clause(&self, cx: &Parties<'_>) -> bool {
        let Some(marker) = self.rules.infinitive_marker.as_deref() else { return false };
        let is_marker = |k: usize| cx.tokens.get(k).is_some_and(|t| t.lower() == marker);
        // The clause before has a verb to share its subject ("On Monday, Scholz said he planned to
        // travel" is one clause after a fronted phrase).
        let governed = |k: usize| {
            let prev = &cx.clauses[k];
            self.verb_between(cx.tokens, prev.first, prev.last)
        };
        cx.clause > 0
            && cx.c.first < cx.at
            && (is_marker(cx.at - 1) || self.rules.verb_final && is_marker(cx.at + 1))
            && governed(cx.clause - 1)
    }

    /// "Macron erklärte sich bereit, Polen zu besuchen": an infinitive's subject is the subject
    /// of the clause it completes, even where that one speaks; a capital stands for its state
    /// ("Moskau bestreitet, Waffen erhalten zu haben").
    fn controller(&self, cx: &Parties<'_>) -> Option<EntityId> {
        actor_or_capital_in(cx.mentions, &cx.clauses[cx.clause - 1], |_| true)
    }

    /// "Washington wirft Pjöngjang vor, Waffen geliefert zu haben": in the clause after an
    /// accusing verb, the accused (its object, a capital standing for its state) does what the
    /// accusation names.
    fn accused_subject(&self, cx: &Parties<'_>) -> Option<EntityId> {
        let verb = cx.attribution.accusation.filter(|&v| v < cx.c.first)?;
        let at = clause_of(cx.clauses, verb);
        // The infinitive's clause comes right after the accusation's.
        if at + 1 != cx.clause {
            return None;
        }
        actor_or_capital_in(cx.mentions, &cx.clauses[at], |m| !cx.attribution.speaker_mentions.contains(&m.first))
    }

    /// Who does what an event noun in an adjunct tells: the subject of the verb the noun is an
    /// oblique of, from the tree ("Nach Gesprächen mit X reiste Y ab"); else, where the sentence
    /// opens with a phrase of setting closed by a comma, the first bare actor after it ("After
    /// talks with X, Y left").
    fn adjunct_parties(&self, cx: &Parties<'_>) -> Vec<EntityId> {
        let subjects = self.adjunct_subjects(cx.tokens, cx.at);
        let from_tree: Vec<EntityId> =
            actors_named(cx.mentions.iter(), &subjects).into_iter().map(|m| m.entity.clone()).collect();
        if !from_tree.is_empty() {
            return from_tree;
        }
        let opens_setting =
            cx.clause == 0 && cx.tokens.first().is_some_and(|t| self.rules.setting_prepositions.contains(t.lower()));
        if !opens_setting {
            return Vec::new();
        }
        // "Während seines Besuchs in Peking traf Scholz Xi": with no comma, the fronted phrase
        // ends at the clause's first verb, and the subject its possessive pronoun points to
        // stands after it.
        let after_verb = || {
            let pointed = cx.at > 0 && self.rules.possessive_pronouns.contains(cx.tokens[cx.at - 1].lower());
            let verb = self.first_verb(cx.tokens, cx.at + 1, cx.c.last).filter(|_| pointed)?;
            Some(Clause { first: verb + 1, ..cx.c.clone() })
        };
        let Some(next) = cx.clauses.get(1).cloned().or_else(after_verb) else { return Vec::new() };
        bare_actor_in(cx.mentions, &next, |m| {
            m.kind != EntityKind::NewsAgency && m.form == MentionForm::Argument && !m.possessive
        })
        .map(|m| m.entity.clone())
        .into_iter()
        .collect()
    }

    /// The mentions a noun's complements name behind one of the hints.
    fn after_noun<'p>(&self, cx: &Parties<'p>, hints: &[RoleHint]) -> Vec<&'p Mention> {
        self.noun_complements(cx.tokens, &cx.in_clause, cx.at, hints)
    }

    /// Keeps an event only when its key roles are filled.
    fn complete(&self, event: Event, trigger: &Trigger<'_>, needs: Needs) -> Option<Event> {
        let Needs { groups, parties_with_place, unknown_destination, unknown_location } = needs;
        let has = |role: Role| event.roles.iter().any(|(r, _)| *r == role);
        let ok = match event.kind {
            EventKind::Act => !event.roles.is_empty(),
            // A visit to a place the gazetteer lacks ("flew to Magnitogorsk") waits for
            // `unknown_places`, and is dropped there if none is found.
            EventKind::Visit => {
                has(Role::Visitor)
                    // Hosting names its host, or where the guest was received ("Modi wurde in
                    // Washington empfangen").
                    && (trigger.group.frame != Frame::Host || has(Role::Host) || has(Role::Destination))
                    && (has(Role::Destination)
                        || has(Role::Host)
                        || matches!(trigger.group.frame, Frame::VisitNoun | Frame::Go)
                        || !self.rules.nouns_capitalized)
                    // "hielt sich … auf": staying is a visit only at a named place.
                    && (!trigger.group.needs_place || has(Role::Destination))
            }
            // A group (an organisation, "die EU-Außenminister") counts as several; a summit may be
            // known by its place alone.
            EventKind::Meeting => {
                let min = trigger.group.min_participants.unwrap_or(2);
                let parties = event.fillers(Role::Participant).count() + groups;
                (parties >= min || parties >= parties_with_place && (has(Role::Location) || unknown_location))
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
                let parties = (has(Role::Supplier) || has(Role::Origin))
                    && (has(Role::Recipient) || has(Role::Destination) || unknown_destination);
                let none = !has(Role::Supplier) && !has(Role::Recipient);
                // An arriving carrier carries goods, named or not.
                let goods = !event.items.is_empty() || trigger.group.frame == Frame::Arrive;
                (goods && parties) || (none && trigger.group.frame == Frame::ShipNoun)
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
