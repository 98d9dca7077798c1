//! Claims: affirmations and denials of events, accusations, events said never to have happened, and
//! what the claims make of an event.

use super::Reader;
use super::attribution::Attribution;
use super::clauses::{Clause, clause_of};
use super::phrases::phrase_in;
use crate::lang::RoleHint;
use crate::mentions::{Mention, MentionForm, Resolver};
use crate::model::{Claim, EntityId, EntityKind, Event, EventKind, Factuality, Role, Span, Stance};
use crate::syntax::ud::Upos;
use crate::text::{Token, TokenKind};

/// How many words after a claim of responsibility may hold the act it names.
const ACT_REACH: usize = 8;

impl<'a> Reader<'a> {
    /// "Die Lieferungen hätten nie stattgefunden", "the meeting never took place": a definite
    /// event noun said not to have happened answers the latest earlier event of its class. Its
    /// source denies it; what was only planned was called off.
    pub(super) fn non_occurrence(
        &mut self,
        tokens: &[Token],
        clauses: &[Clause],
        attribution: &Attribution,
        evidence: Span,
    ) {
        let lower: Vec<&str> = tokens.iter().map(Token::lower).collect();
        let Some(kind) = (1..tokens.len()).find_map(|k| {
            let c = &clauses[clause_of(clauses, k)];
            let words = &lower[c.first..c.last];
            let noun = self.rules.groups_of(lower[k]).find(|g| !g.frame.is_verb())?;
            (self.rules.definite_determiners.contains(lower[k - 1])
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

    /// `denier`'s claim that `target` did not happen, answering the latest other source's claim
    /// that it did.
    pub(super) fn deny(&mut self, denier: &EntityId, target: usize, evidence: Span) {
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
        match source {
            Some(source) => self.act_affirmed_by(act, source, evidence, true),
            None => {
                self.out.events.push(act);
                self.out.events.len() - 1
            }
        }
    }

    /// Adds an act that only `source`'s claim makes known, and the claim that affirms it (an
    /// accusation or not); returns the act's index.
    pub(super) fn act_affirmed_by(&mut self, act: Event, source: &EntityId, evidence: Span, accusation: bool) -> usize {
        self.out.events.push(act);
        let target = self.out.events.len() - 1;
        self.out.claims.push(Claim {
            speakers: vec![source.clone()],
            stance: Stance::Affirms,
            target,
            responds_to: None,
            evidence,
            accusation,
        });
        target
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
        // "violence in various US cities": a name that modifies the noun after it is no party.
        let tags = self.tagged(tokens);
        let attributive = |m: &Mention| {
            m.form == MentionForm::Argument
                && !m.possessive
                && tags.as_ref().and_then(|t| t.get(m.last)).is_some_and(|t| t.upos == Upos::Noun)
        };
        let accused = passive_accused.cloned().or_else(|| {
            mentions
                .iter()
                .find(|m| {
                    m.first > verb
                        && m.kind.is_actor()
                        && m.entity != *speaker
                        && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                        && !matches!(m.hint, Some(RoleHint::Topic | RoleHint::Agent))
                        && !attributive(m)
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
    pub(super) fn affirmations(
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
                if self.out.events[event].roles.iter().any(|(_, k)| k == speaker)
                    || self.doubted_on_the_way(tokens, at, att.verb_at)
                {
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
            if self.out.claims.len() == before {
                if let Some(verb) = att.accusation {
                    if !self.responsibility_claim(tokens, mentions, clauses, att, evidence) {
                        self.accused_act(tokens, mentions, speaker, verb, att.accused.as_ref(), evidence);
                    }
                } else if created.is_empty() && att.responsibility.is_none() {
                    self.reported_act(tokens, mentions, att, evidence);
                }
            }
        } else {
            self.responsibility_claim(tokens, mentions, clauses, att, evidence);
        }
    }

    /// "Hamas claimed responsibility for the attack in Tel Aviv", "Die Hamas bekannte sich zu dem
    /// Anschlag": the subject claims an act as its own, a generic event with it as participant
    /// and the place named after, and its claim that affirms it. Whether one was found.
    fn responsibility_claim(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        att: &Attribution,
        evidence: Span,
    ) -> bool {
        let Some(at) = att.responsibility else {
            return false;
        };
        let clause = &clauses[clause_of(clauses, at)];
        let acts = &self.rules.cues.responsibility_acts;
        let an_act = |t: &Token| {
            acts.iter().any(|a| t.lower() == a || (self.rules.closed_compounds && t.lower().ends_with(a.as_str())))
        };
        if !acts.is_empty() && !tokens[at..clause.last.min(at + ACT_REACH)].iter().any(an_act) {
            return false;
        }
        let Some(claimer) = mentions.iter().rev().find(|m| {
            m.first >= clause.first
                && m.last <= at
                && m.kind.is_actor()
                && m.kind != EntityKind::NewsAgency
                && m.form == MentionForm::Argument
                && m.hint.is_none()
        }) else {
            return false;
        };
        // "in Tel Aviv", not "the attack on Israel".
        let place = mentions
            .iter()
            .find(|m| m.first > at && m.last <= clause.last && m.kind.is_place() && m.hint == Some(RoleHint::Location));
        let trigger = Span { start: tokens[at].start, end: tokens[at].end, sentence: evidence.sentence };
        let mut act = Event::new(EventKind::Act, Factuality::Reported, trigger, vec![evidence]);
        act.add_role(Role::Participant, &claimer.entity);
        if let Some(place) = place {
            act.add_role(Role::Location, &place.entity);
        }
        self.act_affirmed_by(act, &claimer.entity, evidence, false);
        true
    }

    /// What a denier denies: the events of its own clause, else an earlier event it is party to.
    pub(super) fn denials(
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
                // What others report and the denier rejects is disputed; what only the denial
                // tells is denied.
                let value = if att.denied_report { Factuality::Disputed } else { Factuality::Denied };
                for &e in &own {
                    if self.out.events[e].factuality.is_realis() {
                        self.out.events[e].factuality = value;
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

    /// Affirmed and denied → Disputed; only denied → Denied; only affirmed → Reported.
    pub(super) fn apply_claims(&mut self) {
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
}
