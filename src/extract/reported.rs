//! Reported acts: what a source says another did, where the sentence tells no event of a class,
//! kept as a generic act that only the source's claim makes known.

use super::Reader;
use super::attribution::Attribution;
use super::phrases::listed;
use crate::lang::RoleHint;
use crate::mentions::{Mention, MentionForm};
use crate::model::{Event, EventKind, Factuality, Role, Span};
use crate::syntax::tree::Tree;
use crate::syntax::ud::{Attr, Rel, Upos};
use crate::text::Token;

impl Reader<'_> {
    /// "The US said that Iraq had attacked the Kurds", "Russland erklärte, die Ukraine habe das
    /// Dorf beschossen", "Israel said a mortar bomb was fired at it from the Gaza Strip": the
    /// clause a reporting verb takes as its complement tells an act of its subject (an actor),
    /// else of the place it came from or happened at; the act is reported, and the speaker
    /// affirms it. A negated clause tells no act. From the tree; nothing without the grammar.
    /// Whether one was found.
    pub(super) fn reported_act(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        att: &Attribution,
        evidence: Span,
    ) -> bool {
        let Some(speaker) = &att.speaker else { return false };
        let Some(words) = self.parsed(tokens) else { return false };
        let tree = Tree::new(&words);
        // What a reporting verb takes as its complement; else, with the source in a phrase of its
        // own ("according to Kyiv", "laut Kiew"), the sentence's main verb.
        let reported = match att.verb_at {
            Some(verb) => tree.dependents(verb, Rel::Ccomp).next(),
            None => tree.root().filter(|&r| {
                // The source phrase belongs to that verb, not to a clause below it.
                att.speaker_mentions
                    .iter()
                    .filter_map(|&m| Self::verb_above(&words, m))
                    .any(|v| v == r || words[v].head == Some(r) && words[v].deprel.rel == Rel::Aux)
            }),
        };
        let Some(reported) = reported else { return false };
        let verb = att.verb_at.unwrap_or(reported);
        // Quoted words are the speaker's own; only a past act is told as done.
        let quoted = tokens[..reported].iter().filter(|t| t.is_quote_mark()).count() % 2 == 1;
        // "X did Y; Z said …": a clause set off by a semicolon is a sentence of its own.
        let apart = tokens[reported.min(verb)..reported.max(verb)].iter().any(|t| t.is(';'));
        if quoted || apart || !self.tells_a_past_act(tokens, &tree, reported) {
            return false;
        }
        let mention_at = |k: usize| mentions.iter().find(|m| m.first <= k && k < m.last);
        // A named other: what one says of oneself, or of whom a pronoun stands for, is no report.
        // The verb's subjects, or its auxiliary's where the tree hangs them there.
        let subjects: Vec<usize> = std::iter::once(reported)
            .chain(tree.dependents(reported, Rel::Aux))
            .flat_map(|v| tree.subjects(v))
            .collect();
        let participant = subjects
            .iter()
            .filter_map(|&s| mention_at(s))
            .find(|m| m.kind.is_actor() && m.form == MentionForm::Argument && m.entity != *speaker);
        if participant.is_none() && !subjects.iter().all(|&s| mention_at(s).is_none()) {
            return false;
        }
        let place = || {
            tree.obliques(reported).into_iter().filter_map(|(o, _)| mention_at(o)).find(|m| {
                m.kind.is_place()
                    && matches!(m.hint, Some(RoleHint::Source | RoleHint::Location))
                    && m.entity != *speaker
            })
        };
        let trigger = Span { start: tokens[reported].start, end: tokens[reported].end, sentence: evidence.sentence };
        let mut act = Event::new(EventKind::Act, Factuality::Reported, trigger, vec![evidence]);
        match (participant, place()) {
            (Some(p), _) => act.add_role(Role::Participant, &p.entity),
            (None, Some(p)) => act.add_role(Role::Location, &p.entity),
            (None, None) => return false,
        }
        self.act_affirmed_by(act, speaker, evidence, false);
        true
    }

    /// The verb at `at` tells an act done: a full verb in the past, or a participle with a
    /// perfect auxiliary or one in the past ("had attacked", "habe beschossen", "was fired"),
    /// not negated and with no auxiliary of the future or of what may be.
    fn tells_a_past_act(&self, tokens: &[Token], tree: &Tree<'_>, at: usize) -> bool {
        let words = tree.words();
        let cues = &self.rules.cues;
        let lower = |k: usize| tokens[k].lower();
        let children = tree.children(at);
        let auxiliaries: Vec<usize> = children.iter().copied().filter(|&c| words[c].deprel.rel == Rel::Aux).collect();
        let negated = children.iter().any(|&c| listed(&cues.negation, lower(c)));
        let ahead =
            auxiliaries.iter().any(|&a| listed(&cues.future_aux, lower(a)) || listed(&cues.hypothetical, lower(a)));
        let word = &words[at];
        let past = word.feats.is(Attr::Tense, "Past") && word.feats.is(Attr::VerbForm, "Fin")
            || (word.feats.is(Attr::VerbForm, "Part") || word.feats.get(Attr::VerbForm).is_none())
                && auxiliaries.iter().any(|&a| {
                    words[a].feats.is(Attr::Tense, "Past")
                        || self.rules.time.perfect_auxiliaries.iter().any(|p| *p == words[a].lemma)
                });
        word.upos == Upos::Verb && past && !negated && !ahead
    }

    /// "said it had no evidence that China delivered weapons", "erklärte, es gebe keine Beweise,
    /// dass …": between the event's word at `at` and the reporting verb, the tree holds a
    /// negated word or one with a negated object; the source does not affirm the event. `false`
    /// without the grammar or a reporting verb.
    pub(super) fn doubted_on_the_way(&self, tokens: &[Token], at: usize, verb: Option<usize>) -> bool {
        let (Some(verb), Some(words)) = (verb, self.parsed(tokens)) else { return false };
        let tree = Tree::new(&words);
        let negation = |k: usize| listed(&self.rules.cues.negation, tokens[k].lower());
        let negated = |k: usize| {
            tree.children(k).iter().any(|&c| negation(c))
                || tree.objects(k).into_iter().any(|o| tree.children(o).iter().any(|&c| negation(c)))
        };
        let mut k = at;
        for _ in 0..words.len() {
            let Some(head) = words[k].head else { return false };
            if head == verb {
                return false;
            }
            if negated(head) {
                return true;
            }
            k = head;
        }
        false
    }
}
