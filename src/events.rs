//! Events and claims: finds triggers, fills their roles from the mentions around them, reads
//! modality and attribution, and links denials to what they deny.

use crate::lang::{Frame, RoleHint, Rules, TriggerGroup};
use crate::mentions::{Mention, MentionForm, Resolver, ids};
use crate::model::{
    Claim, EntityId, EntityKind, Event, EventKind, Extraction, Factuality, MaterielCategory, Role, Span, Stance,
    TransportMode,
};
use crate::text::{Sentence, Token, TokenKind};
use crate::time::{self, PartialDate, TimeValue};
use chrono::Weekday;

/// A clause: a run of tokens between commas and other breaks.
#[derive(Clone, Debug)]
struct Clause {
    first: usize,
    last: usize,
    /// Opens with a relative pronoun: its subject is the noun before the comma.
    relative: bool,
    /// Opens with a subordinator ("dass", "that").
    complement: bool,
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
struct Trigger<'r> {
    at: usize,
    group: &'r TriggerGroup,
    participle: bool,
    /// The compound's first part, when the trigger is the head of one ("Waffen|lieferungen").
    compound_head: Option<String>,
}

/// Resolves a relative time word against the reference date.
type Resolve = fn(PartialDate) -> Option<TimeValue>;

/// A time expression found in a sentence.
#[derive(Clone, Debug)]
struct TimeExpr {
    first: usize,
    last: usize,
    value: TimeValue,
    /// "einen Monat nach …": the value belongs to the event named after it.
    anchors_following: bool,
}

/// Per-article state while reading sentence by sentence.
struct Reader<'a> {
    rules: &'a Rules,
    /// The grammar, to read which noun a phrase belongs to.
    grammar: Option<&'static crate::syntax::Model>,
    reference: Option<PartialDate>,
    out: Extraction,
    /// The most recent event of each sentence, for "dabei" and for denials.
    last_sentence_events: Vec<usize>,
    /// Durations found per event.
    durations: Vec<(usize, u32)>,
    /// The source of the last sentence, which reported speech in the next one continues.
    previous_speaker: Option<EntityId>,
}

/// Reads every sentence of an article.
pub fn extract(
    sentences: &[Sentence],
    resolver: &mut Resolver<'_>,
    rules: &Rules,
    grammar: Option<&'static crate::syntax::Model>,
    reference: Option<PartialDate>,
) -> Extraction {
    let mut reader = Reader {
        rules,
        grammar,
        reference,
        out: Extraction::default(),
        last_sentence_events: Vec::new(),
        durations: Vec::new(),
        previous_speaker: None,
    };
    for sentence in sentences {
        let mentions = resolver.sentence(sentence);
        reader.sentence(sentence, &mentions, resolver);
    }
    reader.finish(std::mem::take(&mut resolver.table).into_vec())
}

impl<'a> Reader<'a> {
    fn sentence(&mut self, sentence: &Sentence, mentions: &[Mention], resolver: &mut Resolver<'_>) {
        let tokens = &sentence.tokens;
        let clauses = self.clauses(tokens, mentions);
        let times = self.time_expressions(tokens);
        let triggers = self.triggers(tokens, &clauses);
        let mut attribution = self.attribution(tokens, mentions, &clauses);
        if attribution.speaker.is_none()
            && attribution.sourced
            && let Some((first, last, state)) = self.unnamed_source(tokens, mentions)
        {
            // "Berichten verschiedener US-Medien zufolge": the media speak as a group.
            let country = state.map(|s| resolver.iso_of(&s)).filter(|iso| !iso.is_empty());
            attribution.speaker = Some(resolver.source_group(sentence, first, last, country));
            attribution.speaker_mentions.push(first);
        }
        self.continue_reported_speech(tokens, &mut attribution);
        let sentence_span = Span { start: sentence.start(), end: sentence.end(), sentence: sentence.index };
        let mut created = Vec::new();
        for trigger in &triggers {
            let clause = clause_of(&clauses, trigger.at);
            let Some(mut event) = self.event(trigger, tokens, mentions, &clauses, clause, &attribution) else {
                continue;
            };
            // "Members of the G7 Summit", "the results of the talks": a meeting named only as a
            // reference behind "of" is no report of one, unless it names its parties.
            if trigger.group.frame == Frame::MeetNoun
                && self.governing_hint(tokens, trigger.at) == Some(RoleHint::Of)
                && event.fillers(Role::Participant).count() < 2
            {
                continue;
            }
            // "G7 meetings usually center on politics": a habit, not an event.
            let c = &clauses[clause];
            if tokens[c.first..c.last].iter().any(|t| self.rules.cues.generic.contains(t.lower())) {
                continue;
            }
            event.factuality = self.factuality(trigger, tokens, mentions, &clauses[clause], &attribution);
            if matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
                && let Some(inherited) = self.infinitive_modality(tokens, &clauses, clause)
            {
                event.factuality = inherited;
            }
            // "die Gesprächsrunde, die in Delhi stattfinden wird": the future of where it takes place.
            if event.factuality.is_realis() && self.occurs_later(tokens, &clauses, clause) {
                event.factuality = Factuality::Planned;
            }
            // "invited X to visit Tehran": a visit one is invited to is still to come.
            if event.kind == EventKind::Visit
                && event.factuality.is_realis()
                && self.invited_subject(tokens, mentions, &clauses, clause, trigger.at).is_some()
            {
                event.factuality = Factuality::Planned;
            }
            event.time = self.event_time(&times, &clauses, clause, &triggers, &attribution);
            // A date after publication can only be a plan ("nächste Woche", "on 15 October").
            if let (Some(t), Some(r)) = (&event.time, self.reference)
                && t.bounds().0 > r.last_day()
                && matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
            {
                event.factuality = Factuality::Planned;
            }
            event.evidence.push(sentence_span);
            event.trigger =
                Span { start: tokens[trigger.at].start, end: tokens[trigger.at].end, sentence: sentence.index };
            let index = self.out.events.len();
            if let Some(days) = self.duration_before(tokens, trigger.at) {
                self.durations.push((index, days));
            }
            self.out.events.push(event);
            created.push((index, trigger.at));
        }
        self.shipment_legs(tokens, mentions, &mut created, sentence_span);
        self.unknown_places(sentence, mentions, &clauses, &mut created, resolver);
        self.continued_places(tokens, mentions, &clauses, &triggers, &created);
        self.merge_verb_and_noun_meetings(tokens, &clauses, &triggers, &mut created);
        self.meetings_during_visits(&mut created);
        self.meetings_on_arrival(&created);
        self.meeting_anaphora(tokens, &mut created);
        self.inherit_time_from_previous(tokens, &created);
        self.anchor_following_times(tokens, &times, &created);
        self.affirmations(tokens, mentions, &clauses, &attribution, &created, sentence_span);
        // "In einem Gespräch mit X wies Y die Vorwürfe zurück": a meeting that sets the scene is
        // not what is denied at it.
        let deniable: Vec<(usize, usize)> = created
            .iter()
            .copied()
            .filter(|&(e, at)| {
                self.out.events[e].kind != EventKind::Meeting
                    || !self.sets_the_scene(tokens, at)
                    || !self.rules.groups_of(tokens[at].lower()).any(|g| g.frame == Frame::MeetNoun)
            })
            .collect();
        self.denials(&clauses, &attribution, &deniable, sentence_span, resolver);
        self.non_occurrence(tokens, &clauses, &attribution, sentence_span);
        if created.is_empty() {
            self.attendance(tokens, mentions, &attribution, sentence_span);
            self.companions(tokens, mentions, sentence_span);
        }
        if !created.is_empty() {
            self.last_sentence_events = created.iter().map(|(i, _)| *i).collect();
        }
        self.near_places(tokens, mentions, resolver);
    }

    /// "Nach einem Bericht des Angestellten soll … Die Lieferungen hätten nie stattgefunden":
    /// reported speech without a source of its own goes on with the last sentence's source.
    fn continue_reported_speech(&mut self, tokens: &[Token], attribution: &mut Attribution) {
        let reported = tokens.iter().any(|t| self.rules.cues.reported_speech.iter().any(|c| c == t.lower()));
        if attribution.speaker.is_none() && !attribution.sourced && reported {
            attribution.speaker = self.previous_speaker.clone();
            attribution.sourced = attribution.speaker.is_some();
        }
        self.previous_speaker = attribution.speaker.clone();
    }

    /// "Die Lieferungen hätten nie stattgefunden", "the meeting never took place": a definite
    /// event noun said not to have happened answers the latest earlier event of its class. Its
    /// source denies it; what was only planned was called off.
    fn non_occurrence(&mut self, tokens: &[Token], clauses: &[Clause], attribution: &Attribution, evidence: Span) {
        let lower: Vec<String> = tokens.iter().map(|t| t.lower().to_string()).collect();
        let Some(kind) = (1..tokens.len()).find_map(|k| {
            let c = &clauses[clause_of(clauses, k)];
            let words = &lower[c.first..c.last];
            let noun = self.rules.groups_of(&lower[k]).find(|g| !self.is_verb_frame(g.frame))?;
            (self.rules.definite_determiners.contains(&lower[k - 1])
                && words.iter().any(|w| self.rules.occur_words.contains(w))
                && self.rules.cues.negation.iter().any(|n| phrase_in(words, n)))
            .then_some(noun.kind)
        }) else {
            return;
        };
        let Some(target) = self.out.events.iter().rposition(|e| {
            e.kind == kind
                && e.is_live()
                && e.evidence.iter().all(|s| s.sentence < evidence.sentence)
                && e.evidence.iter().any(|s| s.sentence + 3 >= evidence.sentence)
        }) else {
            return;
        };
        let event = &mut self.out.events[target];
        event.evidence.push(evidence);
        let realis = event.factuality.is_realis();
        if !realis {
            event.factuality = Factuality::Cancelled;
        }
        match &attribution.speaker {
            Some(speaker) => self.deny(speaker, target, evidence),
            None if realis => event.factuality = Factuality::Denied,
            None => {}
        }
    }

    // ---------------------------------------------------------------- clauses and triggers

    fn clauses(&self, tokens: &[Token], mentions: &[Mention]) -> Vec<Clause> {
        let mut clauses = Vec::new();
        let mut first = 0;
        for (i, t) in tokens.iter().enumerate() {
            // "Washington, D.C.": a comma inside a name does not end a clause.
            let inside_name = mentions.iter().any(|m| m.first < i && i + 1 < m.last);
            let breaks = t.kind == TokenKind::Punct
                && matches!(t.text.as_str(), "," | ";" | ":" | "–" | "—")
                && !inside_name
                && !(t.is(',') && self.list_comma(tokens, i));
            if breaks {
                if i > first {
                    clauses.push(self.clause(tokens, first, i));
                }
                first = i + 1;
            }
        }
        if first < tokens.len() {
            clauses.push(self.clause(tokens, first, tokens.len()));
        }
        if clauses.is_empty() {
            clauses.push(Clause { first: 0, last: tokens.len(), relative: false, complement: false });
        }
        clauses
    }

    /// "The US, Russia, and Switzerland": a comma inside a list of names does not end a clause.
    /// The names after it run (capitalised words, "the") to another comma or a coordinator.
    fn list_comma(&self, tokens: &[Token], at: usize) -> bool {
        let mut k = at + 1;
        // The serial comma: ", and Switzerland".
        if tokens.get(k).is_some_and(|t| self.rules.coordinators.contains(t.lower())) {
            return tokens.get(k + 1).is_some_and(|n| n.is_capitalized())
                && tokens[..at].iter().rev().take(4).any(|t| t.is_capitalized());
        }
        let mut names = 0;
        while let Some(t) = tokens.get(k) {
            if t.is(',') || self.rules.coordinators.contains(t.lower()) {
                return names > 0 && names <= 3 && (t.is(',') || tokens.get(k + 1).is_some_and(|n| n.is_capitalized()));
            }
            if t.kind != TokenKind::Word || !(t.is_capitalized() || self.rules.determiners.contains(t.lower())) {
                return false;
            }
            names += 1;
            k += 1;
        }
        false
    }

    fn clause(&self, tokens: &[Token], first: usize, last: usize) -> Clause {
        let opener = tokens[first].lower();
        // "der das Land besuchte", "who visited": a relative pronoun right after a comma.
        let relative = first > 0 && self.rules.relative_pronouns.contains(opener);
        let complement = self.rules.subordinators.contains(opener);
        Clause { first, last, relative, complement }
    }

    fn triggers(&self, tokens: &[Token], clauses: &[Clause]) -> Vec<Trigger<'a>> {
        let mut found = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let lower = t.lower();
            if let Some(trigger) = self.trigger_at(lower, i, tokens, clauses) {
                found.push(trigger);
            }
        }
        // "haben sich auf einem Treffen in Brüssel nicht geeinigt": a weak verb adds nothing to an
        // event its clause names.
        let strong: Vec<(usize, EventKind)> =
            found.iter().filter(|t| !t.group.needs_place).map(|t| (clause_of(clauses, t.at), t.group.kind)).collect();
        found.retain(|t| !t.group.needs_place || !strong.contains(&(clause_of(clauses, t.at), t.group.kind)));
        found
    }

    fn trigger_at(&self, lower: &str, i: usize, tokens: &[Token], clauses: &[Clause]) -> Option<Trigger<'a>> {
        let clause = &clauses[clause_of(clauses, i)];
        let later = |w: &String| tokens[i + 1..clause.last].iter().any(|t| t.lower() == *w);
        let before_ok = |g: &TriggerGroup| {
            (g.preceded_by.is_empty() || (i > 0 && g.preceded_by.iter().any(|w| w == tokens[i - 1].lower())))
                && !(i > 0 && g.not_after.iter().any(|w| w == tokens[i - 1].lower()))
                && (g.followed_by.is_empty()
                    || tokens.get(i + 1).is_some_and(|n| g.followed_by.iter().any(|w| w == n.lower())))
        };
        // A word that is also a preposition ("sprach … zu", "traf … an") is a separable particle
        // only where it closes the clause.
        let last_word = tokens[i + 1..clause.last].iter().rev().find(|t| t.kind == TokenKind::Word).map(Token::lower);
        let excluded = |w: &String| {
            if self.rules.prepositions.contains_key(w.as_str()) { last_word == Some(w.as_str()) } else { later(w) }
        };
        let particle_ok = |g: &TriggerGroup| {
            g.particle.as_ref().is_none_or(&later) && !g.not_with.iter().any(excluded) && before_ok(g)
        };
        // A separable verb with its particle first, then plain forms.
        let capitalized = tokens[i].is_capitalized() && i > 0;
        let noun_context = i > 0 && {
            let prev = tokens[i - 1].lower();
            self.rules.determiners.contains(prev)
                || self.rules.possessive_markers.contains(&tokens[i - 1].text)
                || self.rules.compound_heads.contains(prev)
                || self.rules.durations.keys().any(|d| prev.starts_with(d.as_str()))
        };
        // Only a form that is both a verb and a noun ("visit", "meeting") needs telling apart.
        let ambiguous = {
            let mut kinds = self.rules.groups_of(lower).map(|g| self.is_verb_frame(g.frame));
            let first = kinds.next();
            kinds.any(|k| Some(k) != first)
        };
        // A shipment verb needs goods in its clause ("received weapons from" but not "received
        // a mission from").
        let goods = || goods_words(tokens, clause).any(|t| self.materiel(t.lower()).is_some());
        let class_ok = |g: &TriggerGroup| {
            if g.kind == EventKind::Shipment && self.is_verb_frame(g.frame) && !goods() {
                return false;
            }
            if !ambiguous && !self.rules.nouns_capitalized {
                // "Jordan's visiting King", "the visiting delegation": a verb form used as an adjective.
                return !(self.is_verb_frame(g.frame) && noun_context && lower.ends_with("ing"));
            }
            if self.rules.nouns_capitalized {
                i == 0 || self.is_verb_frame(g.frame) != capitalized
            } else {
                self.is_verb_frame(g.frame) != noun_context
            }
        };
        let exact =
            self.rules.groups_of(lower).filter(|g| particle_ok(g) && class_ok(g)).max_by_key(|g| g.particle.is_some());
        if let Some(group) = exact
            && (self.is_verb_frame(group.frame) || !self.rules.cues.preparation.iter().any(|p| p == lower))
        {
            return Some(Trigger {
                at: i,
                group,
                participle: group.participles.iter().any(|p| p == lower),
                compound_head: None,
            });
        }
        // Compounds: "Putin-Besuch", "Staatsbesuch", "Waffenlieferungen".
        if lower.len() < 7 {
            return None;
        }
        let (head, rest) = match lower.rsplit_once('-') {
            Some((head, rest)) => (head.to_string(), rest.to_string()),
            None => {
                let group = self.rules.triggers.iter().filter(|g| !self.is_verb_frame(g.frame)).find(|g| {
                    g.forms.iter().any(|f| {
                        lower.len() > f.len() + 2
                            && lower.ends_with(f.as_str())
                            && self.allowed_compound(&lower[..lower.len() - f.len()], g.frame)
                    })
                })?;
                let form = group.forms.iter().filter(|f| lower.ends_with(f.as_str())).max_by_key(|f| f.len())?;
                return Some(Trigger {
                    at: i,
                    group,
                    participle: false,
                    compound_head: Some(lower[..lower.len() - form.len()].to_string()),
                });
            }
        };
        let group = self.rules.groups_of(&rest).find(|g| !self.is_verb_frame(g.frame))?;
        Some(Trigger { at: i, group, participle: false, compound_head: Some(head) })
    }

    /// Which first parts make a closed compound a trigger: goods ("Waffen|lieferung"), listed
    /// heads ("Staats|besuch"), and for meetings any but the excluded ("Migrations|konferenz",
    /// not "Presse|konferenz").
    fn allowed_compound(&self, head: &str, frame: Frame) -> bool {
        let head = head.trim_end_matches('-');
        // "Japan|besuch": a known name closed onto the noun.
        let named = || {
            let mut chars = head.chars();
            let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            crate::gazetteer::get().match_form(&[capitalised.as_str()]).is_some()
        };
        self.rules.materiel.keys().any(|m| head == m || head.starts_with(m.as_str()))
            || (frame == Frame::VisitNoun && !self.rules.name_compound_tails.is_empty() && named())
            || self.rules.compound_heads.contains(head)
            || (frame == Frame::MeetNoun
                && head.chars().count() >= 3
                && !self.rules.compound_excluded.iter().any(|x| head.starts_with(x.as_str())))
    }

    fn is_verb_frame(&self, frame: Frame) -> bool {
        matches!(frame, Frame::Go | Frame::Host | Frame::Meet | Frame::Invite | Frame::Ship | Frame::Receive)
    }

    // ---------------------------------------------------------------- roles

    #[allow(clippy::too_many_arguments)]
    /// Whether a finite verb stands between two words ("Die Verhandlungen mit X *sind* ein
    /// Streitpunkt zwischen Y und Z"): a noun's prepositional attribute stays inside its noun
    /// phrase, so a phrase beyond the clause's finite verb is not the noun's. Without a grammar,
    /// never.
    fn finite_verb_between(&self, tokens: &[Token], noun: usize, after: usize) -> bool {
        use crate::syntax::ud::{Attr, Upos};
        let Some(grammar) = self.grammar else {
            return false;
        };
        let forms: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let tags = grammar.tag(&forms);
        tags.get(noun + 1..after).is_some_and(|between| {
            between.iter().any(|t| matches!(t.upos, Upos::Verb | Upos::Aux) && t.feats.is(Attr::VerbForm, "Fin"))
        })
    }

    fn event(
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

    /// The object of an inviting verb before the trigger, in its clause or, for an infinitive
    /// clause ("eingeladen, Teheran zu besuchen"), the one before: the subject of the visit it
    /// invites to ("invited X to visit").
    fn invited_subject(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
        at: usize,
    ) -> Option<EntityId> {
        let inviting = |c: &Clause, end: usize| {
            (c.first..end).find(|&k| self.rules.groups_of(tokens[k].lower()).any(|g| g.frame == Frame::Invite))
        };
        let c = &clauses[clause];
        let (scope, invite) = match inviting(c, at) {
            Some(k) => (c, k),
            None => {
                let marker = self.rules.infinitive_marker.as_deref()?;
                let infinitive = at > c.first && tokens[at - 1].lower() == marker;
                let previous = clauses.get(clause.checked_sub(1)?)?;
                (previous, inviting(previous, previous.last).filter(|_| infinitive)?)
            }
        };
        let bare = |m: &&Mention| {
            m.first >= scope.first
                && m.last <= scope.last.max(at)
                && m.hint.is_none()
                && m.kind.is_actor()
                && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
        };
        let inviter = mentions.iter().filter(bare).find(|m| m.first < invite).map(|m| m.entity.clone());
        mentions
            .iter()
            .filter(bare)
            .find(|m| {
                m.first < at && inviter.as_ref() != Some(&m.entity) && (m.first > invite || self.rules.verb_final)
            })
            .map(|m| m.entity.clone())
    }

    /// "The PRC demanded that the US cancel plans to sell …": a subordinator inside the clause,
    /// with an actor between it and the trigger, opens the trigger's own clause.
    fn inner_clause_start(&self, tokens: &[Token], mentions: &[Mention], c: &Clause, at: usize) -> usize {
        (c.first + 1..at)
            .rev()
            .find(|&i| {
                self.rules.subordinators.contains(tokens[i].lower())
                    && mentions.iter().any(|m| m.first > i && m.last < at && m.kind.is_actor())
            })
            .map_or(c.first, |i| i + 1)
    }

    /// "met with Khalilzad, a US envoy, in Qatar": a later clause that opens with a preposition
    /// continues the clause `from` when only short appositions (no relative or complement clause,
    /// no trigger) stand between them.
    fn continues(
        &self,
        tokens: &[Token],
        clauses: &[Clause],
        triggers: &[Trigger<'_>],
        from: usize,
        to: usize,
    ) -> bool {
        const APPOSITION: usize = 6;
        let opens_with_preposition =
            |c: &Clause| self.rules.prepositions.get(tokens[c.first].lower()).is_some_and(|h| !h.is_empty());
        let plain =
            |c: &Clause| !c.relative && !c.complement && !triggers.iter().any(|t| t.at >= c.first && t.at < c.last);
        to > from
            && opens_with_preposition(&clauses[to])
            && !clauses[to].relative
            && clauses[from + 1..to].iter().all(|c| plain(c) && c.last - c.first <= APPOSITION)
    }

    /// The bare subject and object of the clause after `clause`, for a meeting it is set in.
    fn next_clause_parties(
        &self,
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
        attribution: &Attribution,
    ) -> Vec<EntityId> {
        let Some(next) = clauses.get(clause + 1) else { return Vec::new() };
        let mut parties: Vec<EntityId> = Vec::new();
        for m in mentions.iter().filter(|m| {
            m.first >= next.first
                && m.last <= next.last
                && m.hint.is_none()
                && m.kind.is_actor()
                && m.kind != EntityKind::NewsAgency
                && matches!(m.form, MentionForm::Argument)
                && !m.possessive
                && !attribution.speaker_mentions.contains(&m.first)
        }) {
            if !parties.contains(&m.entity) && parties.len() < 2 {
                parties.push(m.entity.clone());
            }
        }
        parties
    }

    /// Keeps an event only when its key roles are filled.
    /// `parties_with_place`: how many parties a meeting at a named place needs.
    fn complete(&self, event: Event, trigger: &Trigger<'_>, groups: usize, parties_with_place: usize) -> Option<Event> {
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

    /// The place a clause opened by "wo"/"where" is about: the last place before the comma.
    fn place_before_relative(&self, tokens: &[Token], mentions: &[Mention], clause: &Clause) -> Option<EntityId> {
        if !self.rules.place_relatives.contains(tokens.get(clause.first)?.lower()) {
            return None;
        }
        mentions.iter().rev().find(|m| m.last <= clause.first && m.kind.is_place()).map(|m| m.entity.clone())
    }

    /// "erklärte die Bereitschaft, in Gespräche einzutreten", "offered to negotiate": an
    /// infinitive clause takes the plan or possibility of the clause it completes.
    fn infinitive_modality(&self, tokens: &[Token], clauses: &[Clause], clause: usize) -> Option<Factuality> {
        let marker = self.rules.infinitive_marker.as_deref()?;
        let c = &clauses[clause];
        let infinitive = tokens[c.first..c.last].windows(2).any(|w| w[0].lower() == marker && !w[1].is_capitalized())
            || tokens[c.first..c.last].iter().any(|t| {
                let lower = t.lower();
                !t.is_capitalized()
                    && lower.len() > marker.len() + 4
                    && lower.ends_with("en")
                    && lower.find(marker).is_some_and(|at| at > 0)
            });
        if !infinitive || clause == 0 {
            return None;
        }
        let before: Vec<String> =
            tokens[clauses[clause - 1].first..clauses[clause - 1].last].iter().map(|t| t.lower().to_string()).collect();
        self.rules
            .cue_lists()
            .into_iter()
            .find(|(cues, _)| cues.iter().any(|cue| phrase_in(&before, cue)))
            .map(|(_, f)| f)
    }

    /// A meeting noun within three words after a verb ("host a meeting", "empfing zu Gesprächen").
    fn meeting_noun_follows(&self, tokens: &[Token], at: usize, clause: &Clause) -> bool {
        tokens[at + 1..clause.last.min(at + 4)].iter().any(|t| {
            let lower = t.lower();
            self.rules.triggers.iter().any(|g| g.frame == Frame::MeetNoun && g.forms.iter().any(|f| f == lower))
        })
    }

    /// A participle with a passive auxiliary: anywhere in the clause where the verb closes it
    /// ("dass Waffen geliefert wurden"), else right before it ("were quickly delivered", not
    /// "Iran hosted the championship and it was boycotted").
    fn is_passive(&self, tokens: &[Token], clause: &Clause, trigger: &Trigger<'_>) -> bool {
        const AUX_REACH: usize = 3;
        let scope = if self.rules.verb_final {
            clause.first..clause.last
        } else {
            trigger.at.saturating_sub(AUX_REACH).max(clause.first)..trigger.at
        };
        trigger.participle && tokens[scope].iter().any(|t| self.rules.cues.passive_aux.iter().any(|a| a == t.lower()))
    }

    /// "Putin und Kim trafen sich": every bare actor before the verb joined by coordinators.
    fn coordinated_subjects(&self, tokens: &[Token], bare: &[&Mention]) -> Vec<EntityId> {
        let mut out = Vec::new();
        for pair in bare.windows(2) {
            // "X und Y", "X, Y and Z", "Präsident X und Regierungschef Y": a coordinator or comma
            // first, then at most a short noun phrase head (a title, an adjective).
            if pair[0].last > pair[1].first {
                // "U.S. and Russian negotiators": two actors of one phrase.
                out.push(pair[0].entity.clone());
                out.push(pair[1].entity.clone());
                continue;
            }
            let between = &tokens[pair[0].last..pair[1].first];
            if between.first().is_some_and(|t| self.rules.coordinators.contains(t.lower()) || t.is(','))
                && between.len() <= 4
                && between.iter().all(|t| {
                    self.rules.coordinators.contains(t.lower())
                        || t.is(',')
                        || self.rules.determiners.contains(t.lower())
                        || (t.kind == TokenKind::Word && (t.is_capitalized() || !self.is_verb_like(t)))
                })
            {
                out.push(pair[0].entity.clone());
                out.push(pair[1].entity.clone());
            }
        }
        out.dedup();
        out
    }

    /// The subject a clause without one shares: the antecedent of a relative clause, or the
    /// subject of the main clause it continues.
    fn inherited_subject(
        &self,
        _tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
        attribution: &Attribution,
    ) -> Option<EntityId> {
        let c = &clauses[clause];
        if c.relative {
            return mentions
                .iter()
                .rev()
                .find(|m| m.last <= c.first && m.kind.is_actor() && m.form != MentionForm::Modifier)
                .map(|m| m.entity.clone());
        }
        for prev in clauses[..clause].iter().rev() {
            if prev.relative {
                continue;
            }
            let bare = mentions.iter().find(|m| {
                m.first >= prev.first
                    && m.last <= prev.last
                    && m.hint.is_none()
                    && m.kind.is_actor()
                    && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                    && !attribution.speaker_mentions.contains(&m.first)
            });
            if let Some(m) = bare {
                return Some(m.entity.clone());
            }
            // An apposition without actors ("…, the coronavirus that causes COVID-19, …") is
            // looked past; a clause with actors but no subject ends the search.
            let has_actor = mentions.iter().any(|m| m.first >= prev.first && m.last <= prev.last && m.kind.is_actor());
            if !prev.complement && has_actor {
                break;
            }
        }
        None
    }

    /// The actor right before a noun, marked as possessor ("Lawrows zweitägiger Besuch", "Kim's visit").
    fn possessor<'m>(&self, tokens: &[Token], mentions: &[&'m Mention], at: usize) -> Option<&'m Mention> {
        mentions.iter().copied().filter(|m| m.last <= at && m.possessive && m.kind.is_actor()).find(|m| {
            tokens[m.last..at].iter().all(|t| {
                self.rules.possessive_markers.contains(&t.text)
                    || (t.kind == TokenKind::Word && !t.is_capitalized())
                    || t.is_capitalized() && self.rules.possessive_markers.is_empty()
            }) && at - m.last <= 3
        })
    }

    /// The genitive right after a noun: "Staatsbesuch eines libanesischen Präsidenten".
    fn genitive_after<'m>(&self, tokens: &[Token], mentions: &[&'m Mention], at: usize) -> Option<&'m Mention> {
        let next = tokens.get(at + 1)?;
        if !self.rules.genitive_determiners.contains(next.lower()) {
            return None;
        }
        mentions.iter().copied().find(|m| {
            m.first > at + 1
                && m.first <= at + 5
                // "bei dem Treffen der NATO-Außenminister": the preposition governs the head noun.
                && (m.hint.is_none() || m.prep.is_some_and(|p| p < at))
                && m.kind.is_actor()
                && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                && tokens[at + 1..m.first].iter().all(|t| t.kind == TokenKind::Word && !self.is_verb_like(t))
        })
    }

    /// A word that may be a verb: a trigger or cue of a verb, or a lower-case word that is not an
    /// adjective (German endings) or determiner.
    fn is_verb_like(&self, t: &Token) -> bool {
        let lower = t.lower();
        !t.is_capitalized()
            && !self.rules.determiners.contains(lower)
            && !self
                .rules
                .demonym_endings
                .iter()
                .any(|e| !e.is_empty() && lower.ends_with(e.as_str()) && lower.len() > 4)
    }

    /// A demonym right before a noun ("russische Waffenlieferungen", "Russian arms deliveries").
    fn demonym_before<'m>(&self, mentions: &[&'m Mention], at: usize) -> Option<&'m Mention> {
        mentions
            .iter()
            .copied()
            .find(|m| m.form == MentionForm::Modifier && m.kind == EntityKind::State && m.last == at)
    }

    /// Mentions in the prepositional phrases right after a noun ("Besuch von Präsident Putin in Peking").
    fn noun_complements<'m>(
        &self,
        tokens: &[Token],
        mentions: &[&'m Mention],
        at: usize,
        hints: &[RoleHint],
    ) -> Vec<&'m Mention> {
        let mut end = at + 1;
        let mut k = at + 1;
        while k < tokens.len() {
            let t = &tokens[k];
            let lower = t.lower();
            let inside = self.rules.prepositions.contains_key(lower)
                || self.rules.determiners.contains(lower)
                || self.rules.coordinators.contains(lower)
                || t.is_capitalized()
                || t.kind == TokenKind::Number
                || self.rules.possessive_markers.contains(&t.text)
                || mentions.iter().any(|m| m.first <= k && k < m.last)
                || self.rules.phrase_word_endings.iter().any(|e| lower.ends_with(e.as_str()));
            // "Verhandlungen mit Iran bis zum G-20-Gipfel in Pittsburgh": another event noun
            // takes what follows it.
            if !inside || t.kind == TokenKind::Punct || self.is_event_noun(lower) {
                break;
            }
            k += 1;
            end = k;
        }
        mentions
            .iter()
            .copied()
            .filter(|m| {
                m.first > at
                    && m.last <= end
                    && m.hint.is_some_and(|h| hints.contains(&h))
                    && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
            })
            .collect()
    }

    /// Whether the clause, or a relative clause right after it, says the meeting takes place.
    fn occurs(&self, tokens: &[Token], clauses: &[Clause], clause: usize) -> bool {
        let says = |c: &Clause| tokens[c.first..c.last].iter().any(|t| self.rules.occur_words.contains(t.lower()));
        says(&clauses[clause]) || clauses.get(clause + 1).is_some_and(|next| next.relative && says(next))
    }

    /// A relative clause right after `clause` says in the future that the meeting takes place.
    fn occurs_later(&self, tokens: &[Token], clauses: &[Clause], clause: usize) -> bool {
        clauses.get(clause + 1).is_some_and(|next| {
            let words = &tokens[next.first..next.last];
            next.relative
                && words.iter().any(|t| self.rules.occur_words.contains(t.lower()))
                && words.iter().any(|t| self.rules.cues.future_aux.iter().any(|a| a == t.lower()))
        })
    }

    /// "die nächste Gesprächsrunde, die in Delhi stattfinden wird": the place of a relative clause
    /// right after the noun that says where the meeting takes place.
    fn place_of_occurrence(
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

    /// "Baerbock ist zu Gesprächen in Peking eingetroffen", "traveled to Beijing for talks": talks
    /// on a journey are between the traveller and the state travelled to.
    fn journey_parties(
        &self,
        tokens: &[Token],
        in_clause: &[&Mention],
        c: &Clause,
        at: usize,
        bare: &[&Mention],
    ) -> Vec<EntityId> {
        let travel =
            (c.first..c.last).any(|k| k != at && self.rules.groups_of(tokens[k].lower()).any(|g| g.frame == Frame::Go));
        let Some(traveller) = bare.iter().find(|m| !m.possessive && m.kind.is_actor()) else { return Vec::new() };
        if !travel {
            return Vec::new();
        }
        let gaz = crate::gazetteer::get();
        let state = in_clause
            .iter()
            .filter(|m| matches!(m.hint, Some(RoleHint::Destination | RoleHint::Location)) && m.kind.is_place())
            .find_map(|m| match m.kind {
                EntityKind::State => Some(m.entity.clone()),
                _ => gaz.by_key(m.entity.known_key()?)?.country.as_deref().map(ids::state),
            });
        match state {
            Some(state) if state != traveller.entity => vec![traveller.entity.clone(), state],
            _ => Vec::new(),
        }
    }

    /// "im Vorfeld des G8-Treffens": the noun at `at` is the genitive attribute of a noun before
    /// it (a genitive determiner right after a capitalised noun, where nouns are capitalised).
    fn genitive_attribute(&self, tokens: &[Token], at: usize) -> bool {
        self.rules.nouns_capitalized
            && at >= 2
            && self.rules.genitive_determiners.contains(tokens[at - 1].lower())
            && tokens[at - 2].kind == TokenKind::Word
            && tokens[at - 2].is_capitalized()
            && at - 2 > 0
    }

    /// A noun that names an event of its own ("Gipfel", "G-20-Gipfel", "talks").
    fn is_event_noun(&self, lower: &str) -> bool {
        let noun = |w: &str| self.rules.groups_of(w).any(|g| !self.is_verb_frame(g.frame));
        noun(lower) || lower.rsplit_once('-').is_some_and(|(_, tail)| noun(tail))
    }

    fn items(&self, tokens: &[Token], clause: &Clause, trigger: &Trigger<'_>) -> Vec<MaterielCategory> {
        if trigger.group.kind != EventKind::Shipment {
            return Vec::new();
        }
        let mut items: Vec<MaterielCategory> = goods_words(tokens, clause)
            .filter_map(|t| self.materiel(t.lower()))
            .chain(trigger.compound_head.as_deref().and_then(|h| self.materiel(h)))
            .collect();
        items.sort();
        items.dedup();
        items
    }

    fn materiel(&self, word: &str) -> Option<MaterielCategory> {
        let word = word.trim_end_matches('-');
        self.rules
            .materiel
            .iter()
            .find(|(m, _)| {
                word == m.as_str()
                    || (word.starts_with(m.as_str()) && m.chars().count() >= 4)
                    // "Luftabwehrraketen", "Kleinwaffen": the listed noun as a compound's last part.
                    || (self.rules.closed_compounds && word.ends_with(m.as_str()) && m.chars().count() >= 6)
            })
            .map(|(_, c)| *c)
    }

    // ---------------------------------------------------------------- modality

    fn factuality(
        &self,
        trigger: &Trigger<'_>,
        tokens: &[Token],
        mentions: &[Mention],
        clause: &Clause,
        attribution: &Attribution,
    ) -> Factuality {
        let lower: Vec<String> = tokens.iter().map(|t| t.lower().to_string()).collect();
        let noun = !self.is_verb_frame(trigger.group.frame);
        let governed = noun
            && (mentions.iter().any(|m| m.first == trigger.at && m.hint == Some(RoleHint::Of))
                || self.governing_hint(tokens, trigger.at) == Some(RoleHint::Of)
                || self.genitive_attribute(tokens, trigger.at));
        // A noun that a "von"/"of" phrase hangs on another noun is presupposed ("die Ergebnisse von
        // Putins Besuch"): only its own modifiers count. Other nouns share the clause's modality.
        let (from, to) = if governed {
            (trigger.at.saturating_sub(4).max(clause.first), trigger.at + 1)
        } else {
            // "said during a visit to Kyiv that the US would send …": what follows a subordinator
            // is another clause's modality.
            let inner = (trigger.at + 1..clause.last).find(|&k| self.rules.subordinators.contains(tokens[k].lower()));
            (clause.first, inner.unwrap_or(clause.last))
        };
        let window = &lower[from..to];
        let lists = self.rules.cue_lists();
        // "Auf einem Treffen in Innsbruck einigten sie sich nicht": a meeting noun that sets the
        // scene is neither negated, refused nor called off by what happens at it.
        let setting = noun && self.sets_the_scene(tokens, trigger.at);
        // Called off or refused, for the whole clause.
        for (cues, value) in &lists[..2] {
            if !setting && cues.iter().any(|c| phrase_in(window, c)) {
                return *value;
            }
        }
        // "ein geplanter Besuch", "a possible meeting": adjectives speak for their noun only.
        if noun {
            let before = &lower[trigger.at.saturating_sub(3).max(clause.first)..trigger.at];
            if self.rules.cues.hypothetical_adjectives.iter().any(|c| before.contains(c)) {
                return Factuality::Hypothetical;
            }
            if self.rules.cues.planned_adjectives.iter().any(|c| before.contains(c)) {
                return Factuality::Planned;
            }
        }
        // "hat bei einem Besuch in Bagdad den Abzug angekündigt": what is announced at a scene is
        // not the scene.
        for (cues, value) in &lists[2..] {
            if !(setting && *value == Factuality::Planned) && cues.iter().any(|c| phrase_in(window, c)) {
                return *value;
            }
        }
        if !governed && self.rules.cues.hearsay.iter().any(|c| phrase_in(window, c)) {
            return Factuality::Reported;
        }
        // "sollte … weitertransportiert werden": a participle with a passive infinitive after it is
        // planned by another auxiliary ("dass sie geliefert werden" alone is not).
        let aux_after = (trigger.at + 1..to).find(|&k| self.rules.cues.future_aux.contains(&lower[k]));
        let passive_infinitive = trigger.participle
            && aux_after.is_some_and(|a| (from..to).any(|k| k != a && self.rules.cues.future_aux.contains(&lower[k])));
        if !governed
            && (!trigger.participle || passive_infinitive)
            && self.rules.cues.future_aux.iter().any(|a| window.contains(a))
        {
            return Factuality::Planned;
        }
        // "bis zum G-20-Gipfel", "until the summit": a deadline is still ahead.
        if noun && lower[trigger.at.saturating_sub(3)..trigger.at].iter().any(|w| self.rules.cues.deadline.contains(w))
        {
            return Factuality::Planned;
        }
        if self.rules.cues.preparation.iter().any(|p| {
            lower[trigger.at.saturating_sub(4)..trigger.at].iter().any(|w| w == p || w.starts_with(p.as_str()))
        }) {
            return Factuality::Planned;
        }
        if !governed && !setting && self.rules.cues.negation.iter().any(|c| phrase_in(window, c)) {
            return Factuality::Denied;
        }
        let reported_speech = !governed && self.rules.cues.reported_speech.iter().any(|c| window.contains(c));
        // "Bei einem Treffen der NATO-Außenminister sagte Rice, …": the scene of a report, in the
        // reporting verb's own clause, is told by the article, not by the speaker.
        let scene_of_report = setting && attribution.verb_at.is_some_and(|v| clause.first <= v && v < clause.last);
        if scene_of_report && !reported_speech {
            return Factuality::Asserted;
        }
        if attribution.speaker.is_some() || attribution.sourced || reported_speech {
            return Factuality::Reported;
        }
        Factuality::Asserted
    }

    /// "bei einem Treffen", "during a visit": an event noun governed by a preposition of place
    /// is the scene of what its clause tells.
    fn sets_the_scene(&self, tokens: &[Token], at: usize) -> bool {
        self.governing_hint(tokens, at) == Some(RoleHint::Location)
    }

    /// What the preposition before a noun (within four words) says, if one governs it.
    fn governing_hint(&self, tokens: &[Token], at: usize) -> Option<RoleHint> {
        if !self.governed_noun(tokens, at) {
            return None;
        }
        tokens[at.saturating_sub(4)..at]
            .iter()
            .rev()
            .find_map(|t| self.rules.prepositions.get(t.lower()).and_then(|h| h.first().copied()))
    }

    fn governed_noun(&self, tokens: &[Token], at: usize) -> bool {
        let mut k = at;
        for _ in 0..4 {
            if k == 0 {
                return false;
            }
            k -= 1;
            let lower = tokens[k].lower();
            if self.rules.prepositions.get(lower).is_some_and(|h| !h.is_empty()) {
                return !self
                    .rules
                    .cues
                    .preparation
                    .iter()
                    .any(|p| k > 0 && tokens[k - 1].lower().starts_with(p.as_str()));
            }
            if tokens[k].kind == TokenKind::Punct {
                return false;
            }
            // The noun phrase starts at its determiner: only a preposition right before it governs
            // ("in Kunduz einen Besuch": "in" governs Kunduz, not the visit).
            if self.rules.determiners.contains(lower) {
                return k > 0 && self.rules.prepositions.contains_key(tokens[k - 1].lower());
            }
            // Another noun or name in between ends the phrase.
            if tokens[k].is_capitalized() && k + 1 < at {
                return false;
            }
        }
        false
    }

    // ---------------------------------------------------------------- attribution and claims

    fn attribution(&self, tokens: &[Token], mentions: &[Mention], clauses: &[Clause]) -> Attribution {
        let lower: Vec<String> = tokens.iter().map(|t| t.lower().to_string()).collect();
        let mut att = Attribution::default();
        // A capital speaks for its state: "Moscow rejected the accusation".
        let gaz = crate::gazetteer::get();
        let actor_at = |pred: &dyn Fn(&Mention) -> bool| {
            // "Er wirft der EU vor": a pronoun speaks for whom it stands.
            mentions.iter().filter(|m| self.can_speak(tokens, m) && pred(m)).find_map(|m| {
                if m.kind.is_actor() {
                    return Some(m.clone());
                }
                let state = capital_state(gaz, &m.entity)?;
                Some(Mention { entity: state, kind: EntityKind::State, ..m.clone() })
            })
        };
        // "Dem Bericht zufolge", "laut Medienberichten", "a spokesman said": each cue below cites
        // a source even where it is no actor (`att.sourced`), and what it says is reported.
        // "Den USA zufolge": the speaker right before.
        for (i, w) in lower.iter().enumerate() {
            if !self.rules.cues.report_after_speaker.contains(w) {
                continue;
            }
            att.sourced = true;
            if let Some(m) = mentions
                .iter()
                .rev()
                .find(|m| m.last <= i && m.last + 1 >= i && m.kind.is_actor() && self.can_speak(tokens, m))
            {
                att.set(m, i);
            }
        }
        // "laut TASS", "according to Reuters": the speaker right after.
        for phrase in &self.rules.cues.report_before_speaker {
            if let Some(at) = phrase_position(&lower, phrase) {
                att.sourced = true;
                let after = at + phrase.split(' ').count();
                // "according to diplomatic sources, Putin will …": the source stands before the comma.
                let same_phrase =
                    |m: &Mention| tokens[after..m.first.max(after)].iter().all(|t| t.kind != TokenKind::Punct);
                if let Some(m) = actor_at(&|m| m.first >= after && m.first <= after + 4 && same_phrase(m)) {
                    att.set(&m, at);
                }
            }
        }
        // "Aristide has been accused … by Haitian officials", "Russland wurde von den USA
        // beschuldigt": the agent accuses, the subject is accused.
        for phrase in &self.rules.cues.accuse {
            if let Some(at) = phrase_position(&lower, phrase) {
                let clause = &clauses[clause_of(clauses, at)];
                let passive = self.auxiliary_before(&lower, clause, at);
                let agent = actor_at(&|m| {
                    m.first >= clause.first
                        && m.last <= clause.last
                        && matches!(m.hint, Some(RoleHint::Agent | RoleHint::Of))
                });
                let accused = mentions.iter().find(|m| {
                    m.first >= clause.first
                        && m.last <= at
                        && m.hint.is_none()
                        && m.kind.is_actor()
                        && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                });
                if passive
                    && let (Some(agent), Some(accused)) = (agent, accused)
                    && att.speaker.is_none()
                {
                    att.set(&agent, at);
                    att.verb_clause = Some(clause_of(clauses, at));
                    att.verb_at = Some(at);
                    att.accusation = Some(at);
                    att.accused = Some(accused.entity.clone());
                }
            }
        }
        // "berichtete die Nachrichtenagentur Interfax", "the ministry said": the reporting verb's subject.
        for phrase in self.rules.cues.report_verbs.iter().chain(&self.rules.cues.accuse) {
            if let Some(at) = phrase_position(&lower, phrase) {
                att.sourced |= self.rules.cues.report_verbs.contains(phrase);
                let clause = &clauses[clause_of(clauses, at)];
                // A passive accusation's subject is the accused, never its source; who "was told"
                // is no source either. Where the verb closes the clause, an auxiliary before a
                // reporting verb may belong to another verb, so there only accusations count.
                let passive = self.auxiliary_before(&lower, clause, at)
                    && (self.rules.cues.accuse.contains(phrase) || !self.rules.verb_final);
                if passive {
                    continue;
                }
                // "A spokesman said Blinken would travel to Kyiv": an actor after the verb with an
                // event still to come in the clause is the reported clause's subject, not the source.
                // "beschuldigte dieser Israel und die USA": names joined after the verb are its objects.
                let reported_subject = |m: &Mention| {
                    m.first > at
                        && (tokens[m.last..clause.last]
                            .iter()
                            .any(|t| self.rules.groups_of(t.lower()).next().is_some())
                            || tokens.get(m.last).is_some_and(|t| self.rules.coordinators.contains(t.lower()))
                            || tokens[m.first.saturating_sub(2)..m.first]
                                .iter()
                                .any(|t| self.rules.coordinators.contains(t.lower())))
                };
                // "The report claimed the elder Biden used …": where words stand before the verb in a
                // subject-first language, the speaker is among them, never after the verb.
                let filled =
                    !self.rules.verb_final && tokens[clause.first..at].iter().any(|t| t.kind == TokenKind::Word);
                let subject = actor_at(&|m| {
                    m.first >= clause.first
                        && m.last <= clause.last
                        && m.hint.is_none()
                        && m.form != MentionForm::Modifier
                        && m.form != MentionForm::CompoundPrefix
                        && !reported_subject(m)
                        && !(filled && m.first > at)
                })
                .or_else(|| {
                    actor_at(&|m| {
                        m.first >= clause.first
                            && m.last <= clause.last
                            && m.hint.is_none()
                            && m.form == MentionForm::CompoundPrefix
                    })
                });
                if let Some(m) = subject
                    && att.speaker.is_none()
                {
                    att.set(&m, at);
                    att.verb_clause = Some(clause_of(clauses, at));
                    att.verb_at = Some(at);
                    if self.rules.cues.accuse.contains(phrase) {
                        att.accusation = Some(at);
                    }
                } else if self.rules.cues.accuse.contains(phrase)
                    && att.verb_clause == Some(clause_of(clauses, at))
                    && att.accusation.is_none()
                {
                    // "Ukraine says it has evidence proving Russia was behind …": the speaker accuses.
                    att.accusation = Some(at);
                }
            }
        }
        // Denials: "Russland hat dies zurückgewiesen".
        for phrase in &self.rules.cues.deny {
            if let Some(at) = phrase_position(&lower, phrase) {
                let clause = &clauses[clause_of(clauses, at)];
                if let Some(m) = actor_at(&|m| {
                    m.first >= clause.first
                        && m.last <= clause.last
                        && m.hint.is_none()
                        && m.form != MentionForm::Modifier
                        && m.form != MentionForm::CompoundPrefix
                }) {
                    att.denier = Some(m.entity.clone());
                    att.deny_clause = Some(clause_of(clauses, at));
                    att.denier_mention = Some(m.first);
                }
            }
        }
        att
    }

    /// `denier`'s claim that `target` did not happen, answering the latest other source's claim
    /// that it did.
    fn deny(&mut self, denier: &EntityId, target: usize, evidence: Span) {
        let responds_to = self.out.claims.iter().rposition(|c| {
            c.target == target && c.stance == Stance::Affirms && !c.speakers.iter().any(|s| s == denier)
        });
        self.out.claims.push(Claim {
            speakers: vec![denier.clone()],
            stance: Stance::Denies,
            target,
            responds_to,
            evidence,
            accusation: false,
        });
    }

    /// The generic act a denier is said to have done, and the source's claim that it did.
    fn denied_act(&mut self, denier: &EntityId, att: &Attribution, evidence: Span) -> usize {
        let source = att.speaker.as_ref().filter(|s| *s != denier);
        self.act_with_claim(denier, Factuality::Disputed, evidence, source, evidence)
    }

    /// A generic act with one participant, and the accusing claim of `source` about it.
    fn act_with_claim(
        &mut self,
        participant: &EntityId,
        factuality: Factuality,
        trigger: Span,
        source: Option<&EntityId>,
        evidence: Span,
    ) -> usize {
        let mut act = Event::new(EventKind::Act, factuality, trigger, vec![evidence]);
        act.add_role(Role::Participant, participant);
        self.out.events.push(act);
        let target = self.out.events.len() - 1;
        if let Some(source) = source {
            self.out.claims.push(Claim {
                speakers: vec![source.clone()],
                stance: Stance::Affirms,
                target,
                responds_to: None,
                evidence,
                accusation: true,
            });
        }
        target
    }

    /// A passive auxiliary in the few words of the clause before `at` ("has been accused").
    fn auxiliary_before(&self, lower: &[String], clause: &Clause, at: usize) -> bool {
        const REACH: usize = 4;
        (at.saturating_sub(REACH).max(clause.first)..at).any(|k| self.rules.cues.passive_aux.contains(&lower[k]))
    }

    /// A source noun cited by a report cue ("US-Medien zufolge", "according to diplomatic
    /// sources"): its span, and the state a compound prefix or demonym gives it.
    fn unnamed_source(&self, tokens: &[Token], mentions: &[Mention]) -> Option<(usize, usize, Option<EntityId>)> {
        let lower: Vec<&str> = tokens.iter().map(|t| t.lower()).collect();
        let is_source = |k: usize| {
            let w = lower[k];
            self.rules.source_nouns.contains(w)
                || w.rsplit_once('-').is_some_and(|(_, tail)| self.rules.source_nouns.contains(tail))
        };
        let before = lower
            .iter()
            .position(|w| self.rules.cues.report_after_speaker.iter().any(|c| c == w))
            .and_then(|at| at.checked_sub(1))
            .filter(|&k| is_source(k));
        let owned: Vec<String> = lower.iter().map(|w| w.to_string()).collect();
        let after = || {
            self.rules.cues.report_before_speaker.iter().find_map(|p| {
                let at = phrase_position(&owned, p)? + p.split(' ').count();
                (at..tokens.len().min(at + 4)).find(|&k| is_source(k))
            })
        };
        let at = before.or_else(after)?;
        let country = mentions
            .iter()
            .find(|m| m.kind == EntityKind::State && (m.first == at || m.last == at))
            .map(|m| m.entity.clone());
        // "diplomatic sources", "verschiedener US-Medien": lower-case attributes belong to it.
        let mut first = at;
        while first > 0 && at - first < 2 && tokens[first - 1].is_attribute_word(self.rules) {
            first -= 1;
        }
        Some((first, at + 1, country))
    }

    /// "US-Medien zufolge": a state in a compound speaks only through an actor noun
    /// ("US-Regierung"), not through media or other things named after it.
    fn can_speak(&self, tokens: &[Token], m: &Mention) -> bool {
        m.form != MentionForm::CompoundPrefix
            || tokens[m.first]
                .lower()
                .rsplit_once('-')
                .is_some_and(|(_, head)| self.rules.actor_nouns.contains_key(head))
    }

    /// "X accused Y of …": the accused act, known only through the claim, as a generic event
    /// with the accused as participant.
    fn accused_act(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        speaker: &EntityId,
        verb: usize,
        passive_accused: Option<&EntityId>,
        evidence: Span,
    ) {
        let accused = passive_accused.cloned().or_else(|| {
            mentions
                .iter()
                .find(|m| {
                    m.first > verb
                        && m.kind.is_actor()
                        && m.entity != *speaker
                        && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                        && !matches!(m.hint, Some(RoleHint::Topic | RoleHint::Agent))
                })
                .map(|m| m.entity.clone())
        });
        // "Zapatero hat Deutschland Versagen vorgeworfen": before a verb that closes the clause.
        let accused = accused.or_else(|| {
            let speaker_at = mentions.iter().position(|m| m.entity == *speaker && m.first < verb)?;
            mentions[speaker_at + 1..]
                .iter()
                .take_while(|m| m.last <= verb)
                .find(|m| {
                    self.rules.verb_final
                        && m.kind.is_actor()
                        && m.entity != *speaker
                        && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                        && m.hint.is_none()
                        && !tokens[m.last..verb].iter().any(|t| t.kind == TokenKind::Punct)
                })
                .map(|m| m.entity.clone())
        });
        let Some(accused) = accused else { return };
        let trigger = Span { start: tokens[verb].start, end: tokens[verb].end, sentence: evidence.sentence };
        self.act_with_claim(&accused, Factuality::Reported, trigger, Some(speaker), evidence);
    }

    /// What a named source affirms: a claim per event it reports, else the act it accuses of.
    fn affirmations(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        att: &Attribution,
        created: &[(usize, usize)],
        evidence: Span,
    ) {
        if let Some(speaker) = &att.speaker {
            let before = self.out.claims.len();
            for &(event, at) in created {
                // The reporting clause's own event, before its verb, is not what is reported ("Lavrov
                // met X, Interfax said" splits at the comma; "X said Y met Z" reports what follows).
                if att.verb_clause == Some(clause_of(clauses, at))
                    && !clauses[clause_of(clauses, at)].complement
                    && att.verb_at.is_none_or(|v| at < v)
                {
                    continue;
                }
                if self.out.events[event].roles.iter().any(|(_, k)| k == speaker) {
                    continue;
                }
                self.out.claims.push(Claim {
                    speakers: vec![speaker.clone()],
                    stance: Stance::Affirms,
                    target: event,
                    responds_to: None,
                    evidence,
                    accusation: att.accusation.is_some(),
                });
            }
            if self.out.claims.len() == before
                && let Some(verb) = att.accusation
            {
                self.accused_act(tokens, mentions, speaker, verb, att.accused.as_ref(), evidence);
            }
        }
    }

    /// What a denier denies: the events of its own clause, else an earlier event it is party to.
    fn denials(
        &mut self,
        clauses: &[Clause],
        att: &Attribution,
        created: &[(usize, usize)],
        evidence: Span,
        resolver: &Resolver<'_>,
    ) {
        if let Some(denier) = &att.denier {
            let deny_clause = att.deny_clause.unwrap_or(0);
            let own: Vec<usize> =
                created.iter().filter(|(_, at)| clause_of(clauses, *at) >= deny_clause).map(|(e, _)| *e).collect();
            let targets: Vec<usize> = if !own.is_empty() {
                for &e in &own {
                    if self.out.events[e].factuality.is_realis() {
                        self.out.events[e].factuality = Factuality::Denied;
                    }
                }
                own
            } else {
                // "dies", "die Vorwürfe": the latest affirmed event the denier is a party to, else
                // the previous sentence's latest such event. No one denies a stranger's deed.
                let denier_state = resolver.iso_of(denier);
                let party = |e: &usize| {
                    self.out.events[*e]
                        .roles
                        .iter()
                        .any(|(_, k)| k == denier || (!denier_state.is_empty() && resolver.iso_of(k) == denier_state))
                };
                let affirmed =
                    self.out.claims.iter().rev().filter(|c| c.stance == Stance::Affirms).map(|c| c.target).find(party);
                affirmed.or_else(|| self.last_sentence_events.last().copied().filter(party)).into_iter().collect()
            };
            // "France condemned as unacceptable allegations by Rwanda that it had played a role":
            // with nothing named to deny, what is denied is an act of the denier's own.
            let targets = if targets.is_empty() { vec![self.denied_act(denier, att, evidence)] } else { targets };
            for target in targets {
                self.deny(denier, target, evidence);
            }
        }
    }

    // ---------------------------------------------------------------- shipment legs and places

    /// "eine Lieferung … zunächst auf ein Schiff verladen und dann mit der Bahn … transportiert":
    /// a shipment without its own parties elaborates the previous one, one leg per mode.
    fn shipment_legs(
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
    fn legs(
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

    /// "sich … zu einer Konferenz in Brüssel treffen", "met for talks": a meeting verb and a
    /// meeting noun in one clause, the noun behind a preposition, are one meeting.
    fn merge_verb_and_noun_meetings(
        &mut self,
        tokens: &[Token],
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

    /// The unknown place name that starts at `from`: after determiners and a place noun with its
    /// "of" ("the town of Pandeglang", "der Provinz Kundus"), a run of up to three capitalised
    /// words that are no month, weekday or known mention. Languages that capitalise every noun
    /// need the place noun.
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
        let place_noun = first < end && self.rules.place_nouns.contains(tokens[first].lower());
        if place_noun {
            first += 1;
            if first < end
                && self.rules.prepositions.get(tokens[first].lower()).is_some_and(|h| h.first() == Some(&RoleHint::Of))
            {
                first += 1;
            }
        } else if self.rules.nouns_capitalized {
            return None;
        }
        let mut last = first;
        while last < end
            && last < first + 3
            && tokens[last].kind == TokenKind::Word
            && tokens[last].is_capitalized()
            && !self.rules.months.contains_key(tokens[last].lower())
            && !self.rules.weekdays.contains_key(tokens[last].lower())
            && !mentions.iter().any(|m| m.first <= last && last < m.last)
        {
            last += 1;
        }
        (last > first).then_some((first, last))
    }

    /// "The Taliban met with Khalilzad, a US peace envoy, in Qatar": a meeting without a location,
    /// or a visit without a destination, takes the place that opens a clause continuing its own.
    fn continued_places(
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

    /// "flew to Magnitogorsk", "a summit in Genoa", "visiting the town of Pandeglang", "in der
    /// Provinz Kundus": a place the gazetteer lacks becomes a local place, for visits without a
    /// destination and meetings without a location. It is a run of capitalised words after "to"/
    /// "in" (not in German, where every noun is capitalised), or after a place noun ("town of").
    fn unknown_places(
        &mut self,
        sentence: &Sentence,
        mentions: &[Mention],
        clauses: &[Clause],
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
                _ => continue,
            };
            let clause = &clauses[clause_of(clauses, at)];
            let prep = (at + 1..clause.last.min(at + 4)).find(|&k| {
                self.rules
                    .prepositions
                    .get(tokens[k].lower())
                    .is_some_and(|h| matches!(h.first(), Some(RoleHint::Destination | RoleHint::Location)))
            });
            let Some((first, last)) =
                self.place_name_after(tokens, mentions, prep.map_or(at + 1, |p| p + 1), clause.last)
            else {
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

    /// "… Baghdad International Airport, where Soleimani was arriving. He was being met by
    /// al-Muhandis": a meeting without a place, right after a participant's arrival, is where
    /// the visitor arrived.
    fn meetings_on_arrival(&mut self, created: &[(usize, usize)]) {
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

    /// "Yeltsin hosted Hashimoto … for an informal meeting": a meeting of a visit's own parties in
    /// the same sentence is the visit itself, which is then also a meeting.
    fn meetings_during_visits(&mut self, created: &mut Vec<(usize, usize)>) {
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
    fn meeting_anaphora(&mut self, tokens: &[Token], created: &mut Vec<(usize, usize)>) {
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
    fn attendance(&mut self, tokens: &[Token], mentions: &[Mention], attribution: &Attribution, evidence: Span) {
        if !tokens.iter().any(|t| self.rules.attend_words.contains(t.lower())) {
            return;
        }
        let Some(&meeting) = self.last_sentence_events.last() else { return };
        let recent = self.out.events[meeting].evidence.iter().any(|e| e.sentence + 2 >= evidence.sentence);
        if self.out.events[meeting].kind != EventKind::Meeting || !self.out.events[meeting].is_live() || !recent {
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
    fn companions(&mut self, tokens: &[Token], mentions: &[Mention], evidence: Span) {
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

    /// "unter russischer Flagge", "under a Russian flag".
    fn vessel_flag(&self, tokens: &[Token], mentions: &[Mention]) -> Option<EntityId> {
        let flag = tokens.iter().position(|t| self.rules.flag_nouns.contains(t.lower()))?;
        mentions
            .iter()
            .rev()
            .find(|m| m.kind == EntityKind::State && m.last <= flag && m.last + 1 >= flag)
            .map(|m| m.entity.clone())
    }

    /// "ein Lager an der Grenze nahe der Ukraine": the place lies near the state.
    fn near_places(&self, tokens: &[Token], mentions: &[Mention], resolver: &mut Resolver<'_>) {
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

    // ---------------------------------------------------------------- time

    fn time_expressions(&self, tokens: &[Token]) -> Vec<TimeExpr> {
        let Some(reference) = self.reference else {
            return Vec::new();
        };
        let lower: Vec<String> = tokens.iter().map(|t| t.lower().to_string()).collect();
        let mut out = Vec::new();
        let tw = &self.rules.time;
        let relative: [(&[String], Resolve); 6] = [
            (&tw.yesterday, |r| {
                Some(match r {
                    PartialDate::Day(d) => TimeValue::Day(d - chrono::Days::new(1)),
                    other => other.window(),
                })
            }),
            (&tw.today, |r| Some(r.window())),
            (&tw.last_month, |r| Some(time::previous_month(r))),
            (&tw.next_month, |r| Some(time::next_month(r))),
            (&tw.last_week, |r| {
                Some(time::window_between(r.first_day() - chrono::Days::new(13), r.last_day() - chrono::Days::new(1)))
            }),
            (&tw.next_week, |r| {
                Some(time::window_between(r.first_day() + chrono::Days::new(1), r.last_day() + chrono::Days::new(13)))
            }),
        ];
        for (phrases, resolve) in relative {
            for p in phrases {
                if let Some(at) = phrase_position(&lower, p)
                    && let Some(value) = resolve(reference)
                {
                    out.push(TimeExpr { first: at, last: at + p.split(' ').count(), value, anchors_following: false });
                }
            }
        }
        for p in &tw.month_before_anchor {
            if let Some(at) = phrase_position(&lower, p) {
                out.push(TimeExpr {
                    first: at,
                    last: at + p.split(' ').count(),
                    value: reference.window().months_before(1),
                    anchors_following: true,
                });
            }
        }
        let future = self.rules.cues.future_aux.iter().chain(&self.rules.cues.planned).any(|c| phrase_in(&lower, c));
        for (i, w) in lower.iter().enumerate() {
            if let Some(&n) = self.rules.weekdays.get(w) {
                let weekday = weekday(n);
                let value = if future {
                    time::next_weekday(reference, weekday)
                } else {
                    time::last_weekday(reference, weekday)
                };
                out.push(TimeExpr { first: i, last: i + 1, value, anchors_following: false });
            }
        }
        out.extend(self.calendar_dates(tokens, &lower, reference, future));
        out.sort_by_key(|t| t.first);
        out
    }

    /// "7. September", "September 7", "7 September 2023", "im Juni", "2018", and ranges of them.
    fn calendar_dates(
        &self,
        tokens: &[Token],
        lower: &[String],
        reference: PartialDate,
        future: bool,
    ) -> Vec<TimeExpr> {
        let mut dates: Vec<(usize, usize, PartialDate)> = Vec::new();
        let mut spans: Vec<TimeExpr> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let day_num = |t: &Token| {
                (t.kind == TokenKind::Number && t.text.len() <= 2)
                    .then(|| t.text.parse::<u32>().ok())
                    .flatten()
                    .filter(|d| (1..=31).contains(d))
            };
            let year_at = |k: usize| {
                tokens
                    .get(k)
                    .filter(|t| t.kind == TokenKind::Number && t.text.len() == 4)
                    .and_then(|t| t.text.parse::<i32>().ok())
                    .filter(|y| (1900..=2100).contains(y))
            };
            let month_at =
                |k: usize| lower.get(k).and_then(|w| self.rules.months.get(w.trim_end_matches('.'))).copied();
            // Day first: "7. September (2023)", "7 September".
            if let Some(day) = day_num(&tokens[i]) {
                let k = if tokens.get(i + 1).is_some_and(|t| t.is('.')) { i + 2 } else { i + 1 };
                // Two days of one month: "am 10. und 11. Juli", "24 and 25 September".
                if lower.get(k).is_some_and(|w| self.rules.time.range_join.contains(w))
                    && let Some(second) = tokens.get(k + 1).and_then(day_num)
                {
                    let m = if tokens.get(k + 2).is_some_and(|t| t.is('.')) { k + 3 } else { k + 2 };
                    if let Some(month) = month_at(m) {
                        let (year, end) = match year_at(m + 1) {
                            Some(y) => (Some(y), m + 2),
                            None => (None, m + 1),
                        };
                        if let (Some(PartialDate::Day(a)), Some(PartialDate::Day(b))) = (
                            self.full_date(reference, year, month, day),
                            self.full_date(reference, year, month, second),
                        ) && a <= b
                        {
                            spans.push(TimeExpr {
                                first: i,
                                last: end,
                                value: TimeValue::Span { start: a, end: b },
                                anchors_following: false,
                            });
                            i = end;
                            continue;
                        }
                    }
                }
                if let Some(month) = month_at(k) {
                    let (year, end) = match year_at(k + 1) {
                        Some(y) => (Some(y), k + 2),
                        None => (None, k + 1),
                    };
                    if let Some(date) = self.full_date(reference, year, month, day) {
                        dates.push((i, end, date));
                        i = end;
                        continue;
                    }
                }
            }
            if let Some(month) = month_at(i) {
                // Month first: "September 7(, 2023)", or a month alone "im Juni", "in June 2019".
                if let Some(day) = tokens.get(i + 1).and_then(day_num) {
                    let k = if tokens.get(i + 2).is_some_and(|t| t.is(',')) { i + 3 } else { i + 2 };
                    let (year, end) = match year_at(k) {
                        Some(y) => (Some(y), k + 1),
                        None => (None, i + 2),
                    };
                    if let Some(date) = self.full_date(reference, year, month, day) {
                        dates.push((i, end, date));
                        i = end;
                        continue;
                    }
                }
                if tokens[i].is_capitalized() {
                    let (date, end) = match year_at(i + 1) {
                        Some(y) => (PartialDate::Month(y, month), i + 2),
                        None => {
                            let TimeValue::Window { earliest, .. } =
                                time::month_in_reference_year(reference, month, future)
                            else {
                                unreachable!("a month is a window")
                            };
                            (PartialDate::Month(chrono::Datelike::year(&earliest), month), i + 1)
                        }
                    };
                    dates.push((i, end, date));
                    i = end;
                    continue;
                }
            }
            if let Some(y) = year_at(i) {
                let marked = i > 0
                    && (self.rules.time.year_markers.iter().any(|m| phrase_ends_at(lower, m, i))
                        || self.rules.prepositions.contains_key(&lower[i - 1]));
                if marked {
                    dates.push((i, i + 1, PartialDate::Year(y)));
                }
            }
            i += 1;
        }
        let mut out: Vec<TimeExpr> = spans;
        let mut used = vec![false; dates.len()];
        // Ranges: "zwischen dem 7. September und dem 1. Oktober", "from May 3 to May 5".
        for n in 0..dates.len().saturating_sub(1) {
            let (a, b) = (&dates[n], &dates[n + 1]);
            let between = &lower[a.1..b.0];
            let joined = between.iter().any(|w| self.rules.time.range_join.contains(w)) && between.len() <= 3;
            let opened = (a.0 >= 1 && self.rules.time.range_open.contains(&lower[a.0 - 1]))
                || (a.0 >= 2 && self.rules.time.range_open.contains(&lower[a.0 - 2]));
            if joined && opened {
                let (start, end) = (a.2.first_day(), b.2.last_day());
                if start <= end {
                    let value = if matches!(a.2, PartialDate::Day(_)) && matches!(b.2, PartialDate::Day(_)) {
                        TimeValue::Span { start, end }
                    } else {
                        time::window_between(start, end)
                    };
                    out.push(TimeExpr { first: a.0, last: b.1, value, anchors_following: false });
                    used[n] = true;
                    used[n + 1] = true;
                }
            }
        }
        for (n, (first, last, date)) in dates.into_iter().enumerate() {
            if !used[n] {
                out.push(TimeExpr { first, last, value: date.window(), anchors_following: false });
            }
        }
        out
    }

    fn full_date(&self, reference: PartialDate, year: Option<i32>, month: u32, day: u32) -> Option<PartialDate> {
        match year {
            Some(y) => chrono::NaiveDate::from_ymd_opt(y, month, day).map(PartialDate::Day),
            None => time::day_in_reference_year(reference, month, day).map(PartialDate::Day),
        }
    }

    fn event_time(
        &self,
        times: &[TimeExpr],
        clauses: &[Clause],
        clause: usize,
        triggers: &[Trigger<'_>],
        attribution: &Attribution,
    ) -> Option<TimeValue> {
        let c = &clauses[clause];
        let usable = |t: &&TimeExpr| !t.anchors_following;
        // The clause's own expression, else one in a clause with no trigger of its own.
        if let Some(t) = times.iter().filter(usable).find(|t| t.first >= c.first && t.last <= c.last) {
            return Some(t.value.clone());
        }
        let bare = |t: &&TimeExpr| {
            let k = clause_of(clauses, t.first);
            // The time of a reporting clause dates the report, not the event.
            !triggers.iter().any(|g| clause_of(clauses, g.at) == k)
                && clauses[k].complement == c.complement
                && attribution.verb_clause != Some(k)
                && attribution.deny_clause != Some(k)
        };
        times.iter().filter(usable).find(bare).map(|t| t.value.clone())
    }

    /// "zweitägiger Besuch", "three-day visit".
    fn duration_before(&self, tokens: &[Token], at: usize) -> Option<u32> {
        tokens[at.saturating_sub(2)..at].iter().find_map(|t| {
            let lower = t.lower();
            self.rules.durations.iter().find(|(w, _)| lower.starts_with(w.as_str())).map(|(_, d)| *d)
        })
    }

    /// "einen Monat nach der Russland-Reise": the trip lies a month before.
    fn anchor_following_times(&mut self, _tokens: &[Token], times: &[TimeExpr], created: &[(usize, usize)]) {
        for t in times.iter().filter(|t| t.anchors_following) {
            if let Some((event, _)) = created.iter().find(|(_, at)| *at >= t.last) {
                self.out.events[*event].time = Some(t.value.clone());
            }
        }
    }

    /// "Dabei lud er Putin ein": events of this sentence happen during the previous one's.
    fn inherit_time_from_previous(&mut self, tokens: &[Token], created: &[(usize, usize)]) {
        let Some(first) = tokens.first() else { return };
        if !self.rules.time.during_previous.iter().any(|w| w == first.lower()) {
            return;
        }
        let Some(&previous) = self.last_sentence_events.last() else {
            return;
        };
        let previous_time = self.out.events[previous].time.clone();
        for (event, _) in created {
            if self.out.events[*event].time.is_none() {
                self.out.events[*event].time = previous_time.clone();
            }
        }
    }

    // ---------------------------------------------------------------- article level

    fn finish(mut self, entities: Vec<crate::model::Entity>) -> Extraction {
        self.out.entities = entities;
        for (event, days) in std::mem::take(&mut self.durations) {
            let e = &mut self.out.events[event];
            e.time = e.time.take().map(|t| t.lasting(days));
        }
        self.meetings_without_parties();
        self.merge_events();
        self.invitations();
        self.apply_claims();
        self.inherit_leg_factuality();
        self.out
    }

    /// "die nächste Gesprächsrunde, die in Delhi stattfinden wird": a meeting that names no party
    /// by the end of the article continues the talks told before it, between the same parties.
    /// With none before it, it is dropped: every meeting has participants.
    fn meetings_without_parties(&mut self) {
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

    /// Merges mentions of the same happening: same class, same key parties, compatible places,
    /// times and factuality family.
    fn merge_events(&mut self) {
        let n = self.out.events.len();
        for j in 0..n {
            if !self.out.events[j].is_live() || self.out.events[j].sub_event_of.is_some() {
                continue;
            }
            let target = (0..j).find(|&i| {
                self.out.events[i].is_live()
                    && self.out.events[i].sub_event_of.is_none()
                    && same_happening(&self.out.events[i], &self.out.events[j], &self.out.entities)
            });
            if let Some(i) = target {
                let other = self.out.events[j].clone();
                self.out.events[j].merged_into = Some(i);
                let e = &mut self.out.events[i];
                for (role, key) in &other.roles {
                    if !(matches!(role, Role::Destination) && e.fillers(Role::Destination).next().is_some()) {
                        e.add_role(*role, key);
                    }
                }
                e.evidence.extend(other.evidence);
                e.items.extend(other.items);
                e.items.sort();
                e.items.dedup();
                e.transport = e.transport.or(other.transport);
                e.time = narrower(e.time.take(), other.time);
                e.factuality = merged_factuality(e.factuality, other.factuality);
            }
        }
        let resolve = |events: &[Event], mut i: usize| {
            while let Some(next) = events[i].merged_into {
                i = next;
            }
            i
        };
        let events = self.out.events.clone();
        for c in &mut self.out.claims {
            c.target = resolve(&events, c.target);
        }
        for e in &mut self.out.events {
            if let Some(p) = e.sub_event_of {
                e.sub_event_of = Some(resolve(&events, p));
            }
        }
        // Claims that became identical collapse.
        let mut seen = Vec::new();
        let claims = std::mem::take(&mut self.out.claims);
        let mut remap = Vec::new();
        for c in claims {
            // A claim about an event that was dropped goes with it.
            if !events[c.target].is_live() {
                remap.push(usize::MAX);
                continue;
            }
            let key = (c.speakers.clone(), c.stance, c.target);
            match seen.iter().position(|(k, _): &((Vec<EntityId>, Stance, usize), usize)| *k == key) {
                Some(p) => {
                    let kept = seen[p].1;
                    remap.push(kept);
                    let kept_claim: &mut Claim = &mut self.out.claims[kept];
                    if kept_claim.responds_to.is_none() {
                        kept_claim.responds_to = c.responds_to;
                    }
                }
                None => {
                    remap.push(self.out.claims.len());
                    seen.push((key, self.out.claims.len()));
                    self.out.claims.push(c);
                }
            }
        }
        let count = self.out.claims.len();
        for c in &mut self.out.claims {
            c.responds_to = c.responds_to.map(|r| remap[r]).filter(|&r| r < count);
        }
        let own: Vec<usize> = (0..self.out.claims.len()).collect();
        for i in own {
            if self.out.claims[i].responds_to == Some(i) {
                self.out.claims[i].responds_to = None;
            }
        }
    }

    /// An invitation to a place invites to a planned visit there, shared with other mentions of it.
    fn invitations(&mut self) {
        for i in 0..self.out.events.len() {
            let e = &self.out.events[i];
            if e.kind != EventKind::Invitation || !e.is_live() {
                continue;
            }
            let Some(destination) = e.fillers(Role::Destination).next().cloned() else {
                // "invited X to visit Tehran": the visit told in the same sentence.
                let invitee = e.fillers(Role::Invitee).next().cloned();
                let sentence = e.evidence.first().map(|s| s.sentence);
                let told = self.out.events.iter().position(|v| {
                    v.kind == EventKind::Visit
                        && v.is_live()
                        && !v.factuality.is_realis()
                        && v.evidence.first().map(|s| s.sentence) == sentence
                        && invitee.as_ref().is_some_and(|i| v.fillers(Role::Visitor).any(|x| x == i))
                });
                self.out.events[i].invited_to = told;
                continue;
            };
            let invitees: Vec<EntityId> = e.fillers(Role::Invitee).cloned().collect();
            self.out.events[i].roles.retain(|(r, _)| *r != Role::Destination);
            let Some(invitee) = invitees.first() else {
                continue;
            };
            let existing = self.out.events.iter().position(|v| {
                v.kind == EventKind::Visit
                    && v.is_live()
                    && !v.factuality.is_realis()
                    && v.fillers(Role::Visitor).any(|x| x == invitee)
                    && v.fillers(Role::Destination).all(|d| {
                        *d == destination
                            || self.out.entities.iter().any(|en| {
                                en.key == destination && en.country.as_deref().map(ids::state).as_ref() == Some(d)
                            })
                    })
            });
            let visit = match existing {
                Some(v) => {
                    self.out.events[v].add_role(Role::Destination, &destination);
                    v
                }
                None => {
                    let invitation = &self.out.events[i];
                    let mut visit = Event::new(
                        EventKind::Visit,
                        Factuality::Planned,
                        invitation.trigger,
                        invitation.evidence.clone(),
                    );
                    visit.add_role(Role::Visitor, invitee);
                    visit.add_role(Role::Destination, &destination);
                    self.out.events.push(visit);
                    self.out.events.len() - 1
                }
            };
            self.out.events[i].invited_to = Some(visit);
        }
    }

    /// Affirmed and denied → Disputed; only denied → Denied; only affirmed → Reported.
    fn apply_claims(&mut self) {
        for i in 0..self.out.events.len() {
            let affirmed = self.out.claims.iter().any(|c| c.target == i && c.stance == Stance::Affirms);
            let denied = self.out.claims.iter().any(|c| c.target == i && c.stance == Stance::Denies);
            let e = &mut self.out.events[i];
            if !e.factuality.is_realis() {
                continue;
            }
            // Affirmed and denied: disputed. Told only inside a denial ("bestritt, Waffen erhalten zu
            // haben"): denied. Stated by the article and denied by a source: disputed.
            e.factuality = match (affirmed, denied, e.factuality) {
                (true, true, _) => Factuality::Disputed,
                (false, true, Factuality::Denied) => Factuality::Denied,
                (false, true, _) => Factuality::Disputed,
                (true, false, Factuality::Asserted) => Factuality::Reported,
                (_, _, f) => f,
            };
        }
    }

    fn inherit_leg_factuality(&mut self) {
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

/// Who speaks in a sentence.
#[derive(Debug, Default)]
struct Attribution {
    /// The source that affirms what the sentence reports.
    speaker: Option<EntityId>,
    /// The clause of a reporting verb.
    verb_clause: Option<usize>,
    /// Who denies.
    denier: Option<EntityId>,
    /// The clause of the denial.
    deny_clause: Option<usize>,
    /// Token positions of speaker mentions (never event roles).
    speaker_mentions: Vec<usize>,
    /// Where an accusing verb stands ("accused", "warf … vor").
    accusation: Option<usize>,
    /// Where the reporting verb stands.
    verb_at: Option<usize>,
    /// A report cue stands in the sentence, whether or not its source is an actor.
    sourced: bool,
    /// Who a passive accusation accuses ("X was accused by Y").
    accused: Option<EntityId>,
    /// Token position of the denier's mention: no role in its own clause, but the subject an
    /// infinitive after the denial shares ("Russland bestritt, Waffen erhalten zu haben").
    denier_mention: Option<usize>,
}

impl Attribution {
    fn set(&mut self, m: &Mention, _at: usize) {
        if self.speaker.is_none() {
            self.speaker = Some(m.entity.clone());
        }
        self.speaker_mentions.push(m.first);
    }
}

/// The words that may name a clause's goods: its own, and for a relative clause its antecedent
/// ("Gewerbemüll, der … weitertransportiert werden sollte").
fn goods_words<'t>(tokens: &'t [Token], clause: &Clause) -> impl Iterator<Item = &'t Token> {
    let antecedent =
        if clause.relative && clause.first >= 2 { &tokens[clause.first - 2..clause.first - 1] } else { &[] };
    tokens[clause.first..clause.last].iter().chain(antecedent)
}

/// A shipment that names who or where it goes from or to, not only goods.
fn has_parties(e: &Event) -> bool {
    e.roles.iter().any(|(r, _)| matches!(r, Role::Supplier | Role::Recipient | Role::Origin | Role::Destination))
}

fn clause_of(clauses: &[Clause], at: usize) -> usize {
    clauses
        .iter()
        .position(|c| c.first <= at && at < c.last)
        .or_else(|| clauses.iter().rposition(|c| c.first <= at))
        .unwrap_or(0)
}

fn weekday(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// Does a phrase ("in vorbereitung", "wies … zurück") occur in the words?
fn phrase_in(words: &[String], phrase: &str) -> bool {
    phrase_position(words, phrase).is_some()
}

/// Where a phrase starts. "a … b" means a, then b later in the words.
fn phrase_position(words: &[String], phrase: &str) -> Option<usize> {
    if phrase.contains('…')
        && let Some((head, tail)) = phrase.split_once(" … ")
    {
        let at = phrase_position(words, head)?;
        return phrase_position(&words[at + 1..], tail).map(|_| at);
    }
    let first = phrase.split(' ').next().unwrap_or(phrase);
    (0..words.len()).find(|&i| {
        words[i] == first && phrase.split(' ').enumerate().all(|(k, p)| words.get(i + k).is_some_and(|w| w == p))
    })
}

fn phrase_ends_at(words: &[String], phrase: &str, at: usize) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    at >= parts.len() && parts.iter().zip(&words[at - parts.len()..at]).all(|(p, w)| p == w)
}

fn same_happening(a: &Event, b: &Event, entities: &[crate::model::Entity]) -> bool {
    if a.kind != b.kind || a.factuality.family() != b.factuality.family() {
        return false;
    }
    let set = |e: &Event, role: Role| -> Vec<EntityId> {
        let mut v: Vec<EntityId> = e.fillers(role).cloned().collect();
        v.sort();
        v
    };
    let compatible_places = || {
        let (da, db) = (set(a, Role::Destination), set(b, Role::Destination));
        da.is_empty()
            || db.is_empty()
            || da.iter().any(|x| db.iter().any(|y| x == y || inside(x, y, entities) || inside(y, x, entities)))
    };
    let times = match (&a.time, &b.time) {
        (Some(x), Some(y)) => {
            let ((a0, a1), (b0, b1)) = (x.bounds(), y.bounds());
            a0 <= b1 && b0 <= a1
        }
        _ => true,
    };
    let parties = match a.kind {
        EventKind::Act => set(a, Role::Participant) == set(b, Role::Participant),
        EventKind::Visit => {
            !set(a, Role::Visitor).is_empty() && set(a, Role::Visitor) == set(b, Role::Visitor) && compatible_places()
        }
        EventKind::Invitation => {
            set(a, Role::Inviter) == set(b, Role::Inviter) && set(a, Role::Invitee) == set(b, Role::Invitee)
        }
        EventKind::Shipment => {
            set(a, Role::Supplier) == set(b, Role::Supplier)
                && set(a, Role::Recipient) == set(b, Role::Recipient)
                && !set(a, Role::Supplier).is_empty()
        }
        EventKind::Meeting => {
            let (pa, pb) = (set(a, Role::Participant), set(b, Role::Participant));
            // Two shared parties, or the very same ones ("the AU summit" twice).
            pa.iter().filter(|x| pb.contains(x)).count() >= 2 || (!pa.is_empty() && pa == pb)
        }
    };
    parties && times
}

/// Is place `x` inside state `y`?
fn inside(x: &EntityId, y: &EntityId, entities: &[crate::model::Entity]) -> bool {
    entities.iter().any(|e| e.key == *x && e.country.as_deref().is_some_and(|c| *y == ids::state(c)))
}

fn narrower(a: Option<TimeValue>, b: Option<TimeValue>) -> Option<TimeValue> {
    match (a, b) {
        (Some(x), Some(y)) => {
            let width = |t: &TimeValue| {
                let (s, e) = t.bounds();
                (e - s).num_days()
            };
            Some(if width(&y) < width(&x) { y } else { x })
        }
        (x, y) => x.or(y),
    }
}

fn merged_factuality(a: Factuality, b: Factuality) -> Factuality {
    use Factuality::*;
    match (a, b) {
        (Planned, _) | (_, Planned) => Planned,
        (Asserted, _) | (_, Asserted) => Asserted,
        (x, _) => x,
    }
}

/// The state a capital city stands for when it speaks ("Moskau wies zurück").
fn capital_state(gaz: &crate::gazetteer::Gazetteer, entity: &EntityId) -> Option<EntityId> {
    gaz.capital_country(entity.known_key()?).map(ids::state)
}
