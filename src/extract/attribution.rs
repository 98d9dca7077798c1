//! Attribution: who speaks in a sentence (reporting verbs, report cues, unnamed sources, reported
//! speech that goes on).

use super::Reader;
use super::clauses::{Clause, clause_of};
use super::phrases::{FoundCues, listed, phrase_position};
use super::roles::capital_state;
use crate::lang::RoleHint;
use crate::mentions::{Mention, MentionForm};
use crate::model::{EntityId, EntityKind};
use crate::syntax::tree::Tree;
use crate::syntax::ud::{Attr, Upos};
use crate::text::{Token, TokenKind};

/// Who speaks in a sentence.
#[derive(Debug, Default)]
pub(super) struct Attribution {
    /// The source that affirms what the sentence reports.
    pub(super) speaker: Option<EntityId>,
    /// The clause of a reporting verb.
    pub(super) verb_clause: Option<usize>,
    /// The clauses of every reporting verb, whoever its subject ("…, teilten Beamte am Dienstag
    /// mit": no actor speaks, yet the clause dates the report).
    pub(super) report_clauses: Vec<usize>,
    /// Who denies.
    pub(super) denier: Option<EntityId>,
    /// The clause of the denial.
    pub(super) deny_clause: Option<usize>,
    /// Token positions of speaker mentions (never event roles).
    pub(super) speaker_mentions: Vec<usize>,
    /// Where an accusing verb stands ("accused", "warf … vor").
    pub(super) accusation: Option<usize>,
    /// Where the reporting verb stands.
    pub(super) verb_at: Option<usize>,
    /// A report cue stands in the sentence, whether or not its source is an actor.
    pub(super) sourced: bool,
    /// A report or claim that the denial rejects stands in the sentence ("rejected claims that
    /// …"): someone else affirms what the denier denies.
    pub(super) denied_report: bool,
    /// Who a passive accusation accuses ("X was accused by Y").
    pub(super) accused: Option<EntityId>,
    /// Where a claim of responsibility stands ("claimed responsibility for", "bekannte sich zu").
    pub(super) responsibility: Option<usize>,
    /// Token position of the denier's mention: no role in its own clause, but the subject an
    /// infinitive after the denial shares ("Russland bestritt, Waffen erhalten zu haben").
    pub(super) denier_mention: Option<usize>,
}

/// A reporting or accusing verb in a sentence.
#[derive(Clone, Copy, Debug)]
struct SpeechVerb {
    at: usize,
    /// It accuses ("accused", "wirft … vor").
    accuses: bool,
    /// What it says is reported ("said", "claimed").
    reports: bool,
}

impl Attribution {
    /// Whether clause `k` holds a reporting verb: what its time dates is the report.
    pub(super) fn reports_in(&self, k: usize) -> bool {
        self.verb_clause == Some(k) || self.report_clauses.contains(&k)
    }

    pub(super) fn set(&mut self, m: &Mention, _at: usize) {
        if self.speaker.is_none() {
            self.speaker = Some(m.entity.clone());
        }
        self.speaker_mentions.push(m.first);
    }
}

impl<'a> Reader<'a> {
    /// "Nach einem Bericht des Angestellten soll … Die Lieferungen hätten nie stattgefunden":
    /// reported speech without a source of its own goes on with the last sentence's source.
    pub(super) fn continue_reported_speech(&mut self, tokens: &[Token], attribution: &mut Attribution) {
        let reported = tokens.iter().any(|t| self.rules.cues.reported_speech.iter().any(|c| c == t.lower()));
        if attribution.speaker.is_none() && !attribution.sourced && reported {
            attribution.speaker = self.previous_speaker.clone();
            attribution.sourced = attribution.speaker.is_some();
        }
        self.previous_speaker = attribution.speaker.clone();
    }

    /// Who speaks in the sentence; `lower` holds its words in lower case, `triggered` whether a
    /// word of it is one a trigger group lists.
    pub(super) fn attribution(
        &self,
        tokens: &[Token],
        lower: &[&str],
        mentions: &[Mention],
        clauses: &[Clause],
        triggered: bool,
    ) -> Attribution {
        let mut att = Attribution::default();
        let cues_found = FoundCues::new(self.rules, lower);
        att.responsibility = self.rules.cues.responsibility.iter().find_map(|p| cues_found.position(p));
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
            if !listed(&self.rules.cues.report_after_speaker, w) {
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
            if let Some(at) = cues_found.position(phrase) {
                att.sourced = true;
                let after = at + phrase.split(' ').count();
                // "according to diplomatic sources, Putin will …": the source stands before the
                // comma; "Laut Ministerium lieferte Iran …": and before the verb.
                let same_phrase = |m: &Mention| {
                    tokens[after..m.first.max(after)].iter().all(|t| t.kind != TokenKind::Punct)
                        && !self.verb_between(tokens, after, m.first)
                };
                if let Some(m) = actor_at(&|m| m.first >= after && m.first <= after + 4 && same_phrase(m)) {
                    // "laut Kreml-Sprecher Peskow": the phrase's last name is its head, and
                    // every name in it speaks.
                    let mut phrase: Vec<Mention> = vec![m.clone()];
                    while let Some(n) = mentions.iter().find(|n| {
                        let last = phrase[phrase.len() - 1].last;
                        n.first == last && n.kind.is_actor()
                    }) {
                        phrase.push(n.clone());
                    }
                    let head = phrase.iter().rev().find(|n| n.kind == EntityKind::Person).unwrap_or(&m).clone();
                    att.set(&head, at);
                    for n in phrase.iter().filter(|n| n.first != head.first) {
                        att.speaker_mentions.push(n.first);
                    }
                }
            }
        }
        // "nach US-Angaben", "nach Regierungsangaben": a cue whose last noun heads a compound.
        if self.rules.closed_compounds && self.compound_report_cue(lower) {
            att.sourced = true;
        }
        // "Aristide has been accused … by Haitian officials", "Russland wurde von den USA
        // beschuldigt": the agent accuses, the subject is accused.
        for phrase in &self.rules.cues.accuse {
            if let Some(at) = cues_found.position(phrase) {
                let clause = &clauses[clause_of(clauses, at)];
                let passive = self.auxiliary_before(tokens, clause, at);
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
        let speech_verbs = self
            .reporting_verbs(tokens, mentions, lower, &cues_found, triggered)
            .into_iter()
            .filter(|v| !self.calls_off(lower, v.at));
        for SpeechVerb { at, accuses: accuse, reports } in speech_verbs {
            // "Tehran rejected claims that …", "denied reports that …": a report a denial
            // rejects is someone else's, never its subject's.
            let rejected = self
                .rules
                .cues
                .deny
                .iter()
                .filter_map(|d| cues_found.position(d))
                .any(|d| d < at && clause_of(clauses, d) == clause_of(clauses, at))
                // "wies den Bericht zurück und warf der Ukraine vor": a verb joined to the denial
                // is a predicate of its own.
                && !(at > 0
                    && self.rules.coordinators.contains(lower[at - 1])
                    && self.subject_shared_with(tokens, at).is_some());
            if rejected {
                att.sourced = true;
                att.denied_report = true;
                continue;
            }
            att.sourced |= reports;
            if reports {
                att.report_clauses.push(clause_of(clauses, at));
            }
            let clause = &clauses[clause_of(clauses, at)];
            // A passive accusation's subject is the accused, never its source; who "was told"
            // is no source either. Where the verb closes the clause, an auxiliary before a
            // reporting verb may belong to another verb, so there only accusations count.
            let passive = self.auxiliary_before(tokens, clause, at) && (accuse || !self.rules.verb_final);
            if passive {
                continue;
            }
            // "X criticised the move, accusing Y of …": a verb without a subject of its own
            // speaks for the subject of the verb it shares it with.
            // The tree is read only where the verb follows a coordinator or a comma, with no actor
            // before it in its clause.
            let opens = at > 0 && (self.rules.coordinators.contains(lower[at - 1]) || tokens[at - 1].is(','));
            let own_subject = mentions.iter().any(|m| m.first >= clause.first && m.last <= at && m.kind.is_actor());
            let shared = if opens && !own_subject { self.subject_shared_with(tokens, at) } else { None };
            let (verb, at) = (at, shared.unwrap_or(at));
            let clause = &clauses[clause_of(clauses, at)];
            // "A spokesman said Blinken would travel to Kyiv": an actor after the verb with an
            // event still to come in the clause is the reported clause's subject, not the source.
            // "beschuldigte dieser Israel und die USA": names joined after the verb are its objects.
            let reported_subject = |m: &Mention| {
                m.first > at
                    && (tokens[m.last..clause.last].iter().any(|t| self.rules.groups_of(t.lower()).next().is_some())
                        || tokens.get(m.last).is_some_and(|t| self.rules.coordinators.contains(t.lower()))
                        || tokens[m.first.saturating_sub(2)..m.first]
                            .iter()
                            .any(|t| self.rules.coordinators.contains(t.lower())))
            };
            // "The report claimed the elder Biden used …": where words stand before the verb in a
            // subject-first language, the speaker is among them, never after the verb.
            let filled = !self.rules.verb_final && tokens[clause.first..at].iter().any(|t| t.kind == TokenKind::Word);
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
                att.set(&m, verb);
                att.verb_clause = Some(clause_of(clauses, verb));
                att.verb_at = Some(verb);
                if accuse {
                    att.accusation = Some(verb);
                }
            } else if accuse && att.verb_clause == Some(clause_of(clauses, verb)) && att.accusation.is_none() {
                // "Ukraine says it has evidence proving Russia was behind …": the speaker accuses.
                att.accusation = Some(verb);
            }
        }
        // Denials: "Russland hat dies zurückgewiesen".
        for phrase in &self.rules.cues.deny {
            if let Some(at) = cues_found.position(phrase) {
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
                    // "wies Berichte zurück, wonach …": what a denial of reports rejects is
                    // someone else's report.
                    att.denied_report |=
                        tokens[clause.first..clause.last].iter().any(|t| self.rules.report_nouns.contains(t.lower()));
                }
            }
        }
        att
    }

    /// Where reporting and accusing verbs stand, in the order of the cue lists: a listed form or
    /// phrase ("teilte … mit", "accused"), then any verb whose lemma is a reporting or accusing
    /// verb's ("sagt", "gesagt", "mitteilte", "stressed"), read only where the sentence holds a
    /// trigger. A claim both accuses and reports ("claimed").
    fn reporting_verbs(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        lower: &[&str],
        cues_found: &FoundCues<'_>,
        triggered: bool,
    ) -> Vec<SpeechVerb> {
        let cues = &self.rules.cues;
        // Tagged only where a word could be such a verb: a trigger stands in the sentence, and
        // some word's lemma as a verb is a reporting or accusing one.
        let candidate =
            |w: &&str| self.verb_lemma_in(w, &cues.report_lemmas) || self.verb_lemma_in(w, &cues.accuse_lemmas);
        let tags = if triggered && lower.iter().any(candidate) { self.tagged(tokens) } else { None };
        let lemma_of = |at: usize| tags.as_ref().and_then(|t| t.get(at)).map(|t| t.lemma.as_str());
        let reports_lemma = |at: usize| lemma_of(at).is_some_and(|l| cues.report_lemmas.iter().any(|r| r == l));
        let accuses_lemma = |at: usize| lemma_of(at).is_some_and(|l| cues.accuse_lemmas.iter().any(|r| r == l));
        // "rejected reports that …": a listed form the tagger reads as a noun reports nothing.
        // So is one right after an article or a verb of denial ("denied reports that").
        let noun = |at: usize| {
            tags.as_ref().and_then(|t| t.get(at)).is_some_and(|t| t.upos == Upos::Noun)
                || at.checked_sub(1).is_some_and(|b| {
                    self.rules.determiners.contains(lower[b])
                        || cues.deny.iter().any(|d| d.split(' ').next() == Some(lower[b]))
                })
        };
        let mut found: Vec<SpeechVerb> = cues
            .report_verbs
            .iter()
            .filter_map(|p| cues_found.position(p).filter(|&at| p.contains(' ') || !noun(at)))
            .map(|at| SpeechVerb { at, accuses: false, reports: true })
            .chain(cues.accuse.iter().filter_map(|p| cues_found.position(p)).map(|at| SpeechVerb {
                at,
                accuses: true,
                reports: reports_lemma(at),
            }))
            .collect();
        let Some(tags) = tags.as_ref() else { return found };
        let hits: Vec<usize> = (0..tags.len())
            .filter(|&at| {
                let tag = &tags[at];
                tag.upos == Upos::Verb
                    // "für nichtig zu erklären": an infinitive reports nothing.
                    && !tag.feats.is(Attr::VerbForm, "Inf")
                    && (reports_lemma(at) || accuses_lemma(at))
                    && !found.iter().any(|f| f.at == at)
            })
            .collect();
        if hits.is_empty() {
            return found;
        }
        // "hat die Bereitschaft erklärt, …": a verb with a noun for its object declares that
        // thing; it reports no event. A noun inside a name is no such object ("Wie das Weiße Haus
        // mitteilte" parsed with the name as object).
        let words = self.parsed(tokens);
        let named = |o: usize| mentions.iter().any(|m| m.first <= o && o < m.last);
        let declares = |at: usize| {
            words
                .as_ref()
                .is_some_and(|w| Tree::new(w).objects(at).iter().any(|&o| w[o].upos == Upos::Noun && !named(o)))
        };
        found.extend(hits.into_iter().filter(|&at| accuses_lemma(at) || !declares(at)).map(|at| SpeechVerb {
            at,
            accuses: accuses_lemma(at),
            reports: !accuses_lemma(at),
        }));
        found
    }

    /// "sagte … ab", "sagte … zu": a reporting verb's form that opens a phrase of calling off,
    /// refusing or promising with its separable particle is that other verb (one that also
    /// reports, "kündigte … an", still reports).
    fn calls_off(&self, lower: &[&str], at: usize) -> bool {
        let cues = &self.rules.cues;
        let promises = cues.planned.iter().filter(|p| !cues.report_verbs.contains(p));
        cues.cancelled
            .iter()
            .chain(&cues.refused)
            .chain(promises)
            .any(|p| p.contains('…') && phrase_position(&lower[at..], p) == Some(0))
    }

    /// A report cue of several words whose last noun is the head of a compound in the text
    /// ("nach US-Angaben" for "nach Angaben").
    fn compound_report_cue(&self, lower: &[&str]) -> bool {
        self.rules.cues.report_before_speaker.iter().any(|phrase| {
            let words: Vec<&str> = phrase.split(' ').collect();
            let Some((head, before)) = words.split_last().filter(|(_, b)| !b.is_empty()) else { return false };
            (before.len()..lower.len()).any(|i| {
                lower[i - before.len()..i].iter().zip(before).all(|(w, b)| w == b)
                    && lower[i].len() > head.len()
                    && lower[i].ends_with(head)
            })
        })
    }

    /// A passive auxiliary in the few words of the clause before `at` ("has been accused").
    pub(super) fn auxiliary_before(&self, tokens: &[Token], clause: &Clause, at: usize) -> bool {
        const REACH: usize = 4;
        (at.saturating_sub(REACH).max(clause.first)..at)
            .any(|k| listed(&self.rules.cues.passive_aux, tokens[k].lower()))
    }

    /// A source noun cited by a report cue ("US-Medien zufolge", "according to diplomatic
    /// sources"): its span, and the state a compound prefix or demonym gives it; `lower` holds the
    /// sentence's words in lower case.
    pub(super) fn unnamed_source(
        &self,
        tokens: &[Token],
        lower: &[&str],
        mentions: &[Mention],
    ) -> Option<(usize, usize, Option<EntityId>)> {
        let is_source = |k: usize| {
            let w = lower[k];
            self.rules.source_nouns.contains(w)
                || crate::text::split_last_hyphen(w).is_some_and(|(_, tail)| self.rules.source_nouns.contains(tail))
        };
        let before = lower
            .iter()
            .position(|w| self.rules.cues.report_after_speaker.iter().any(|c| c == w))
            .and_then(|at| at.checked_sub(1))
            .filter(|&k| is_source(k));
        let after = || {
            self.rules.cues.report_before_speaker.iter().find_map(|p| {
                let at = phrase_position(lower, p)? + p.split(' ').count();
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
            || crate::text::split_last_hyphen(tokens[m.first].lower())
                .is_some_and(|(_, head)| self.rules.actor_nouns.contains_key(head))
    }
}
