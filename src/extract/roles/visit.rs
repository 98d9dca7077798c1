//! Visits: the roles of going to a place or a person (verbs and nouns) and of hosting a guest.

use super::Parties;
use crate::extract::Reader;
use crate::lang::RoleHint;
use crate::mentions::{Mention, MentionForm};
use crate::model::{EntityId, EntityKind, Event, Role};
use crate::syntax::ud::{Attr, Upos};
use crate::text::{Token, TokenKind};

impl<'a> Reader<'a> {
    /// "besuchte X", "flew to Y": who travels, and where or to whom.
    pub(super) fn go(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        // "Iran has invited King Salman to visit Tehran": the one invited is to visit.
        // "Erdogan wird am Montag in Berlin erwartet": the one awaited comes; one who awaits
        // ("Scholz erwartet Macron") goes nowhere.
        if cx.trigger.group.awaited && !cx.passive {
            return None;
        }
        // "flew back to Berlin", "flog nach Berlin zurück": going back is no visit.
        if self.goes_back(cx) {
            return None;
        }
        let awaited = || {
            let bare = cx.bare_actors.iter().find(|m| !m.kind.is_place()).map(|m| m.entity.clone());
            bare.or_else(|| self.inherited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.attribution))
        };
        let visitor = (if cx.trigger.group.awaited { awaited() } else { None })
            .or_else(|| self.invited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.at))
            .or_else(|| self.subject(cx));
        if let Some(v) = &visitor {
            event.add_role(Role::Visitor, v);
            // "Scholz and Macron flew to Kyiv", "they flew" (for two): every joined subject goes.
            let before: Vec<&Mention> = cx.bare_actors.iter().copied().filter(|m| m.first < cx.at).collect();
            let joined = if cx.passive { Vec::new() } else { self.coordinated_subjects(cx.tokens, &before) };
            if joined.contains(v) {
                for other in joined.iter().filter(|o| *o != v) {
                    event.add_role(Role::Visitor, other);
                }
            }
        }
        let mut places = cx.hinted(&[RoleHint::Destination, RoleHint::Location]);
        // "flying from Tomsk in Siberia": a place "in" right after an unknown name one comes from
        // is where that lies ("from Berlin to Kyiv", "arrived from Brussels in Kyiv" keep theirs).
        places.retain(|m| {
            m.hint != Some(RoleHint::Location)
                || !m.prep.is_some_and(|p| self.locates_origin(cx.tokens, cx.mentions, p))
        });
        // "auf dem Weg zum Flughafen … angekommen", "on his way to Kyiv": the way's end is not
        // reached.
        places.retain(|m| {
            let prep = m.prep.unwrap_or(m.first);
            !cx.tokens[prep.saturating_sub(3)..prep].iter().any(|t| self.rules.way_nouns.contains(t.lower()))
        });
        // "Nach seinem Besuch in Kiew reiste er nach Warschau": a place behind an event noun is
        // that noun's, unless the verb has no other.
        // "Officials in Seoul said Kim travelled to Russia": where one goes comes before where
        // something happens.
        places.sort_by_key(|m| {
            let prep = m.prep.unwrap_or(m.first);
            let behind_noun = cx.tokens[prep.saturating_sub(2)..prep].iter().any(|t| self.is_event_noun(t.lower()));
            (behind_noun, m.hint != Some(RoleHint::Destination))
        });
        // "visiting the town of Pandeglang": a place named by "of" in the object.
        let of_place = cx
            .hinted(&[RoleHint::Of])
            .into_iter()
            .find(|m| m.kind.is_place() && m.first > cx.at && m.first <= cx.at + 5);
        // "is to visit Seoul and Tokyo after his stop in Pyongyang": a place the verb takes as
        // its object, and those joined to it, come first.
        let direct: Vec<&Mention> = cx
            .in_clause
            .iter()
            .copied()
            .filter(|m| {
                m.kind.is_place()
                    && m.hint.is_none()
                    && m.form == MentionForm::Argument
                    && !m.possessive
                    && m.first > cx.at
            })
            .collect();
        // "left for India", "crossed into Russia": the word a going verb needs after it governs
        // where it goes.
        let governed_by_its_word = (!cx.trigger.group.followed_by.is_empty())
            .then(|| cx.in_clause.iter().copied().find(|m| m.first == cx.at + 2 && m.kind.is_place()))
            .flatten();
        let direct: Vec<&Mention> = governed_by_its_word.into_iter().chain(direct).collect();
        let objects: Vec<EntityId> = match direct.first().filter(|m| m.first <= cx.at + 2) {
            Some(first) => {
                let joined = self.coordinated_subjects(cx.tokens, &direct);
                if joined.first() == Some(&first.entity) { joined } else { vec![first.entity.clone()] }
            }
            None => Vec::new(),
        };
        if !objects.is_empty() {
            for p in &objects {
                event.add_role(Role::Destination, p);
            }
        } else if let Some(p) =
            places.iter().copied().find(|m| m.kind.is_place() && m.first > cx.at.saturating_sub(8)).or(of_place)
        {
            event.add_role(Role::Destination, &p.entity);
            // "travelled to Rome, Paris and Madrid": the places joined to it under its preposition.
            for joined in places.iter().filter(|m| m.kind.is_place() && p.prep.is_some() && m.prep == p.prep) {
                event.add_role(Role::Destination, &joined.entity);
            }
        } else if let Some(place) = self.place_before_relative(cx.tokens, cx.mentions, cx.c) {
            // "am Flughafen Bagdad, wo Soleimani eintraf".
            event.add_role(Role::Destination, &place);
        } else if let Some(o) = cx.object(&visitor).filter(|o| o.first > cx.at || self.rules.verb_final) {
            let role = if o.kind.is_place() { Role::Destination } else { Role::Host };
            event.add_role(role, &o.entity);
        } else if let Some(p) = cx.in_clause.iter().find(|m| {
            (m.first > cx.at || self.rules.verb_final)
                && m.hint.is_none()
                && m.kind == EntityKind::Place
                && m.form == MentionForm::Argument
        }) {
            // "will visit Pyongyang": a city as the object.
            event.add_role(Role::Destination, &p.entity);
        }
        Some(())
    }

    /// "empfing X", "hosted Y": who receives whom as a guest.
    pub(super) fn host(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        // "host a meeting between …": the meeting is the event, not a visit. A guest between
        // the verb and the noun is one ("hosted Scholz for talks").
        if let Some(noun) = self.meeting_noun_after(cx.tokens, cx.at, cx.c)
            && !cx.bare_actors.iter().any(|m| m.first > cx.at && m.last < noun)
        {
            return None;
        }
        let host = self.subject(cx);
        if let Some(h) = &host {
            event.add_role(Role::Host, h);
        }
        // "welcomed the IAEA decision": a name that modifies the noun after it is no guest.
        if let Some(o) = cx.object(&host) {
            if !self.modifies_next_noun(cx.tokens, o.last) {
                event.add_role(Role::Visitor, &o.entity);
                // "hosted Putin and Zelensky": every guest joined to the first.
                let after: Vec<&Mention> = cx.bare_actors.iter().copied().filter(|m| m.first >= o.first).collect();
                for pair in after.windows(2) {
                    let joined = self.coordinated_subjects(cx.tokens, pair);
                    if joined.len() < 2 || Some(&pair[1].entity) == host.as_ref() {
                        break;
                    }
                    event.add_role(Role::Visitor, &pair[1].entity);
                }
            }
        } else if let Some(o) =
            cx.hinted(&[RoleHint::Destination, RoleHint::Recipient, RoleHint::Source]).into_iter().find(|m| {
                m.first > cx.at
                    && m.kind.is_actor()
                    && Some(&m.entity) != host.as_ref()
                    // "received a mission of observers from the OSCE", not "assurances from".
                    && (m.hint != Some(RoleHint::Source)
                        || cx.tokens[cx.at + 1..m.first].iter().any(|t| self.rules.visiting_nouns.contains(t.lower())))
            })
        {
            // "gave a warm welcome to X".
            event.add_role(Role::Visitor, &o.entity);
        }
        // "empfing X in Warschau", "welcomed X to Berlin": where the guest came.
        if let Some(place) =
            cx.hinted(&[RoleHint::Location, RoleHint::Destination]).into_iter().find(|m| m.kind.is_place())
        {
            event.add_role(Role::Destination, &place.entity);
        }
        Some(())
    }

    /// The word at `next`, right after a name, is a lower-case common noun the name modifies
    /// ("the IAEA decision"), by the tagger, and no word of time ("hosted Macron yesterday");
    /// asked only where such a word follows.
    fn modifies_next_noun(&self, tokens: &[Token], next: usize) -> bool {
        let Some(t) = tokens.get(next).filter(|t| t.kind == TokenKind::Word && !t.is_capitalized()) else {
            return false;
        };
        let time = self.rules.time.is_relative_day(t.lower()) || self.rules.time_word(t.lower()).names_time();
        !time && self.tagged(tokens).is_some_and(|tags| tags.get(next).is_some_and(|t| t.upos == Upos::Noun))
    }

    /// Who makes a visit that a clause tells with a noun ("X stattete Y einen Besuch ab", "X paid
    /// Y a visit"): the first person, organisation or group before the noun; else a state or place
    /// only where a subject stands (before the clause's first verb), since one after the verb is
    /// where the visit goes ("Der Kanzler stattete China einen Besuch ab").
    fn clause_visitor<'p>(&self, cx: &Parties<'p>) -> Option<&'p Mention> {
        let before = || cx.bare_actors.iter().copied().filter(|m| m.first < cx.at);
        let verb = self.first_verb(cx.tokens, cx.c.first, cx.at);
        before().find(|m| !m.kind.is_place()).or_else(|| before().find(|m| verb.is_none_or(|v| m.last <= v)))
    }

    /// A word of return right after the verb or closing its clause as its particle ("flew back",
    /// "flog … zurück").
    fn goes_back(&self, cx: &Parties<'_>) -> bool {
        let after = cx.tokens.get(cx.at + 1);
        let particle = cx.tokens[cx.at + 1..cx.c.last.max(cx.at + 1)].iter().rev().find(|t| t.kind == TokenKind::Word);
        [after, particle].into_iter().flatten().any(|t| self.rules.return_words.contains(t.lower()))
    }

    /// "der Besuch Putins in Peking", "a visit to Kyiv": who travels and where, read around the noun.
    pub(super) fn visit_noun(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let tour = self.rules.tour_nouns.contains(cx.tokens[cx.at].lower());
        let visitor = cx
            .prefix
            .filter(|m| m.kind == EntityKind::Person || !m.kind.is_place())
            .or_else(|| self.possessor(cx.tokens, &cx.in_clause, cx.at))
            .or_else(|| self.genitive_after(cx.tokens, &cx.in_clause, cx.at))
            // "Besuch Putins": a name in the genitive right after the noun.
            .or_else(|| {
                cx.in_clause.iter().copied().find(|m| m.first == cx.at + 1 && m.possessive && m.kind.is_actor())
            })
            .or_else(|| {
                self.after_noun(cx, &[RoleHint::Of, RoleHint::Source, RoleHint::Agent])
                    .into_iter()
                    .find(|m| m.kind.is_actor() && m.kind != EntityKind::State || m.kind == EntityKind::Person)
            })
            // "eine Reise durch Kenia": a state behind the agent's preposition is the way; "a
            // tour of Japan": behind "of" too.
            .or_else(|| {
                self.after_noun(cx, &[RoleHint::Of, RoleHint::Source])
                    .into_iter()
                    .find(|m| m.kind.is_actor() && !(tour && m.kind == EntityKind::State))
            });
        let mut from_clause = false;
        // The visitor is the subject of the clause the noun is an adjunct of.
        let mut in_scene = false;
        // "Blinken said during a visit to Kyiv", "Merkel sagte bei einem Besuch in Peking":
        // who speaks during a visit makes it.
        let speaker = || {
            cx.mentions
                .iter()
                .find(|m| {
                    cx.attribution.speaker_mentions.contains(&m.first)
                        && m.first >= cx.c.first
                        && m.last <= cx.c.last
                        && m.kind.is_actor()
                })
                .filter(|_| self.governed_noun(cx.tokens, cx.at))
        };
        // "Merkel betonte bei einem Besuch in Genf", "Bei einem Besuch in Genf traf Annan …":
        // a visit that sets the scene was made by the clause's subject.
        let scene_subject = || {
            matches!(
                self.governing_hint(cx.tokens, cx.at),
                Some(RoleHint::Location | RoleHint::Destination | RoleHint::Topic)
            )
            .then(|| cx.bare_actors.iter().copied().find(|m| !m.kind.is_place() && m.kind != EntityKind::State))
            .flatten()
        };
        // "lud Putin zu einem Besuch ein", "invited Putin for a visit": the one invited is to visit.
        let invited = || self.invited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.at);
        // "Modi, who is on a visit to Germany", "der sich zu einem Besuch in Deutschland aufhält":
        // who is on a visit makes it: the clause's subject, or a relative clause's antecedent.
        // "commented on the visit", "äußerte sich zu dem Besuch": a definite visit after the
        // preposition is a topic.
        let on_visit = || {
            let p = (cx.at.saturating_sub(4)..cx.at)
                .rev()
                .find(|&k| self.rules.prepositions.contains_key(cx.tokens[k].lower()))?;
            let definite = self.rules.definite_determiners.contains(cx.tokens[p + 1].lower());
            if !self.rules.on_visit_prepositions.contains(cx.tokens[p].lower()) || definite {
                return None;
            }
            cx.bare_actors
                .iter()
                .find(|m| m.first < cx.at && !m.kind.is_place())
                .map(|m| m.entity.clone())
                .or_else(|| self.inherited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.attribution))
        };
        // "After his visit to Kyiv, Scholz flew on": a possessive pronoun in an adjunct points ahead
        // to the subject of the verb the adjunct belongs to.
        let ahead = || self.adjunct_parties(cx).into_iter().next();
        let pronoun = visitor.is_some_and(|v| v.form == MentionForm::Pronoun);
        if let Some(v) = ahead().filter(|_| pronoun) {
            event.add_role(Role::Visitor, &v);
        } else if let Some(v) = visitor {
            event.add_role(Role::Visitor, &v.entity);
        } else if let Some(v) = invited() {
            event.add_role(Role::Visitor, &v);
        } else if let Some(v) = on_visit() {
            event.add_role(Role::Visitor, &v);
            in_scene = true;
        } else if let Some(v) = speaker().or_else(scene_subject) {
            event.add_role(Role::Visitor, &v.entity);
            in_scene = true;
        } else if let Some(v) = ahead() {
            event.add_role(Role::Visitor, &v);
            in_scene = true;
        } else if !self.governed_noun(cx.tokens, cx.at)
            && let Some(v) = self
                .clause_visitor(cx)
                .map(|m| m.entity.clone())
                .or_else(|| self.inherited_subject(cx.tokens, cx.mentions, cx.clauses, cx.clause, cx.attribution))
        {
            // "A French minister has cancelled a planned visit to Haiti".
            event.add_role(Role::Visitor, &v);
            from_clause = true;
        }
        let destination = cx.prefix.filter(|m| m.kind.is_place()).or_else(|| {
            let way = |m: &&Mention| !matches!(m.hint, Some(RoleHint::Agent | RoleHint::Of)) || m.kind.is_place();
            let hints: &[RoleHint] = if tour {
                &[RoleHint::Destination, RoleHint::Location, RoleHint::Agent, RoleHint::Of]
            } else {
                &[RoleHint::Destination, RoleHint::Location, RoleHint::Agent]
            };
            self.after_noun(cx, hints).into_iter().filter(way).find(|m| m.kind.is_place() || m.kind.is_actor())
        });
        // "Küng hat Papst Benedikt am Samstag in Rom einen Besuch abgestattet": with the
        // clause's subject as visitor, its object is the host and its place the destination.
        let destination = destination.or_else(|| {
            from_clause
                .then(|| {
                    cx.hinted(&[RoleHint::Destination, RoleHint::Location]).into_iter().find(|m| m.kind.is_place())
                })
                .flatten()
        });
        // "Scholz is in Paris for a visit", "ist in Indien zu Besuch": a visit that its clause's
        // subject makes, with no place of its own, goes where the clause stands.
        let destination = destination.or_else(|| {
            in_scene
                .then(|| {
                    cx.hinted(&[RoleHint::Destination, RoleHint::Location])
                        .into_iter()
                        .find(|m| m.kind.is_place() && m.first < cx.at)
                })
                .flatten()
        });
        // "stattete Rabat einen Besuch ab", "paid Rabat a visit": a bare place in the clause of a
        // visit made by its subject is where the visit goes.
        let destination = destination.or_else(|| {
            from_clause
                .then(|| {
                    cx.in_clause.iter().copied().find(|m| {
                        m.hint.is_none()
                            && m.kind.is_place()
                            && m.first < cx.at
                            && m.form == MentionForm::Argument
                            && event.fillers(Role::Visitor).all(|v| *v != m.entity)
                    })
                })
                .flatten()
        });
        // "zu Gast beim Klimakongress der EnBW": at a gathering, the guest of whoever holds it.
        let destination = destination.or_else(|| {
            let at_place = cx
                .tokens
                .get(cx.at + 1)
                .and_then(|t| self.rules.prepositions.get(t.lower()))
                .is_some_and(|h| h.first() == Some(&RoleHint::Location));
            at_place
                .then(|| {
                    cx.in_clause.iter().copied().find(|m| {
                        m.first > cx.at + 1
                            && m.first <= cx.at + 8
                            && (m.hint == Some(RoleHint::Of)
                                || m.hint.is_none()
                                    && self.rules.genitive_determiners.contains(cx.tokens[m.first - 1].lower()))
                            && m.kind.is_actor()
                            && event.fillers(Role::Visitor).all(|v| *v != m.entity)
                    })
                })
                .flatten()
        });
        if from_clause
            && let Some(host) = cx.bare_actors.iter().find(|m| {
                m.first < cx.at && event.fillers(Role::Visitor).all(|v| *v != m.entity) && m.kind != EntityKind::State
            })
        {
            event.add_role(Role::Host, &host.entity);
        }
        if destination.is_none() && event.fillers(Role::Host).next().is_none() && self.bare_plural(cx.tokens, cx.at) {
            return None;
        }
        if let Some(d) = destination {
            let role = if d.kind.is_place() { Role::Destination } else { Role::Host };
            event.add_role(role, &d.entity);
        }
        Some(())
    }

    /// A plural noun with no determiner, possessor or number before it names a kind of
    /// happening, not one that happened ("a company that runs shark viewing trips", "Reisen
    /// bildet"): without a destination it is no visit.
    fn bare_plural(&self, tokens: &[Token], at: usize) -> bool {
        let Some(tags) = self.tagged(tokens) else { return false };
        let plural = tags.get(at).is_some_and(|t| t.feats.is(Attr::Number, "Plur"));
        let determined = tokens[..at].iter().rev().take_while(|t| t.kind == TokenKind::Word).take(3).any(|t| {
            let lower = t.lower();
            self.rules.determiners.contains(lower)
                || self.rules.possessive_pronouns.contains(lower)
                || self.rules.possessive_markers.contains(&t.text)
                || t.text.chars().all(|c| c.is_ascii_digit())
                || self.rules.time.counts.contains_key(lower)
        });
        plural && !determined
    }
}
