//! The story's time: a news story tells its events on the day its lead gives unless a sentence
//! says otherwise. An undated event told in the past, in a sentence that gives no time, happened
//! on the story's last date; a new paragraph goes back to the lead's.

use super::clauses::{Clause, clause_of};
use super::{Reader, SentenceState};
use crate::syntax::ud::{Attr, Upos};
use crate::text::{Sentence, Token};
use crate::time::TimeValue;

/// A time precise enough to be a story's: at most a week long.
const STORY_DAYS: i64 = 7;

impl<'a> Reader<'a> {
    /// At a sentence: a new paragraph (after the first) goes back to the lead's date.
    pub(super) fn story_at(&mut self, sentence: &Sentence) {
        if sentence.index > 0 && sentence.tokens.first().is_some_and(|t| t.after_newline) {
            self.in_lead = false;
            self.story = self.lead.clone();
        }
    }

    /// After a sentence's events: dates the undated ones it tells in the past, then moves the
    /// story to the sentence's own date, if it gives one.
    pub(super) fn continue_story(&mut self, st: &SentenceState<'_, 'a>) {
        if st.times.is_empty() {
            if let Some(story) = self.story.clone() {
                let undated: Vec<(usize, usize)> = st
                    .created
                    .iter()
                    .copied()
                    .filter(|&(e, _)| {
                        let e = &self.out.events[e];
                        e.time.is_none()
                            && matches!(
                                e.factuality,
                                crate::model::Factuality::Asserted | crate::model::Factuality::Reported
                            )
                    })
                    .collect();
                if undated.is_empty() {
                    return;
                }
                let past = self.past_clauses(st.tokens, &st.clauses);
                for (event, at) in undated {
                    if past.get(clause_of(&st.clauses, at)).copied().unwrap_or(false)
                        && !self.definite_noun(st.tokens, at)
                    {
                        self.out.events[event].time = Some(story.clone());
                    }
                }
            }
            return;
        }
        let dated =
            st.created.iter().filter_map(|&(e, _)| self.out.events[e].time.clone()).find(|t| self.fits_story(t));
        let fronted = st.times.iter().find(|t| t.first <= 1 && !t.anchors_following).map(|t| t.value.clone());
        let first = st.times.iter().find(|t| !t.anchors_following).map(|t| t.value.clone());
        let lead = if self.in_lead && self.lead.is_none() { first.filter(|t| self.fits_story(t)) } else { None };
        if let Some(t) = lead {
            self.lead = Some(t.clone());
            self.story = Some(t);
        } else if let Some(t) = dated.or(fronted.filter(|t| self.fits_story(t))) {
            self.story = Some(t);
        }
    }

    /// A story's time is at most a week long and not after the publication.
    fn fits_story(&self, t: &TimeValue) -> bool {
        let (from, to) = t.bounds();
        (to - from).num_days() < STORY_DAYS && self.reference.is_some_and(|r| from <= r.last_day())
    }

    /// Which clauses tell the past (`told_in_past`). Nothing without the grammar.
    fn past_clauses(&self, tokens: &[Token], clauses: &[Clause]) -> Vec<bool> {
        let Some(tags) = self.tagged(tokens) else {
            return vec![false; clauses.len()];
        };
        clauses.iter().map(|c| self.told_in_past(&tags[c.first.min(tags.len())..c.last.min(tags.len())])).collect()
    }

    /// Whether the sentence's first finite verb is in the present ("This comes a week after …"):
    /// only then does a span before an event count back from the publication. Without the
    /// grammar, it is taken to.
    pub(super) fn tells_present(&self, tokens: &[Token]) -> bool {
        let Some(tags) = self.tagged(tokens) else {
            return true;
        };
        tags.iter()
            .find(|t| {
                matches!(t.upos, Upos::Verb | Upos::Aux)
                    && !t.feats.is(Attr::VerbForm, "Part")
                    && t.feats.get(Attr::Tense).is_some()
            })
            .is_none_or(|t| t.feats.is(Attr::Tense, "Pres"))
    }

    /// An event noun with a definite or demonstrative determiner ("the call", "das Treffen")
    /// names a happening already told, which the story's date does not date.
    fn definite_noun(&self, tokens: &[Token], at: usize) -> bool {
        let Some(tags) = self.tagged(tokens) else {
            return false;
        };
        tags.get(at).is_some_and(|t| t.upos == Upos::Noun)
            && tags[at.saturating_sub(3)..at].iter().any(|t| {
                t.upos == Upos::Det && (t.feats.is(Attr::Definite, "Def") || t.feats.is(Attr::PronType, "Dem"))
            })
    }
}
