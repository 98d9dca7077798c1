//! What governs a mention: its preposition (across extended attributes and coordination), and
//! countries read from appositions.

use super::{Mention, MentionForm, Resolver};
use crate::analysis::SentenceAnalysis;
use crate::lang::{RoleHint, Rules};
use crate::model::EntityKind;
use crate::syntax::ud::Upos;
use crate::text::{Token, TokenKind};

impl Resolver<'_> {
    /// "Slobodan Samardzic, der für das Kosovo zuständige serbische Minister", "Dina Mufti,
    /// Sprecher des äthiopischen Außenministeriums": an unknown person's apposition with a
    /// demonym gives the person a country.
    pub(super) fn countries_from_appositions(&mut self, tokens: &[Token], mentions: &[Mention]) {
        const REACH: usize = 10;
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument) {
            if !tokens.get(m.last).is_some_and(|t| t.is(',')) {
                continue;
            }
            let end = (m.last + 1..tokens.len().min(m.last + 1 + REACH))
                .find(|&k| tokens[k].kind == TokenKind::Punct)
                .unwrap_or(tokens.len());
            let Some(state) = mentions.iter().find(|s| {
                s.kind == EntityKind::State && s.form == MentionForm::Modifier && s.first > m.last && s.last <= end
            }) else {
                continue;
            };
            let iso = self.iso_of(&state.entity);
            if let Some(person) = self.table.get_mut(&m.entity)
                && !person.known
                && person.country.is_none()
                && !iso.is_empty()
            {
                person.country = Some(iso);
            }
        }
    }

    /// "traf in Tomsk Emmanuel Macron": a proper noun outside every mention, right after a
    /// preposition of place and shortly before a mention, is that preposition's own object, so
    /// the name after it is not governed by it ("von Abu Mahdi al-Muhandis" is one name). The sentence is tagged only where such a word stands.
    pub(super) fn names_after_prepositions(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        analysis: &SentenceAnalysis,
    ) -> Vec<usize> {
        const REACH: usize = 4;
        let Some(grammar) = analysis.grammar() else { return Vec::new() };
        let candidates: Vec<usize> = (1..tokens.len())
            .filter(|&k| {
                let t = &tokens[k];
                t.kind == TokenKind::Word
                    && t.is_capitalized()
                    && self
                        .rules
                        .prepositions
                        .get(tokens[k - 1].lower())
                        .is_some_and(|h| matches!(h.first(), Some(RoleHint::Destination | RoleHint::Location)))
                    && !mentions.iter().any(|m| m.first <= k && k < m.last)
                    && mentions.iter().any(|m| m.first > k && m.first <= k + REACH)
                    // An inflected form the lexicon lists is a common word ("nach Gesprächen").
                    && !grammar.lexicon().lists(&t.text)
            })
            .collect();
        if candidates.is_empty() {
            return candidates;
        }
        let Some(tags) = analysis.tags(tokens) else { return Vec::new() };
        candidates.into_iter().filter(|&k| tags.get(k).is_some_and(|t| t.upos == Upos::Propn)).collect()
    }

    /// The preposition governing the noun phrase that ends in the mention at `first`: scans left
    /// over determiners, adjectives, titles, modifiers and nouns.
    pub(super) fn governing_preposition(
        &self,
        tokens: &[Token],
        first: usize,
        modifiers: &[(usize, usize, MentionForm)],
        analysis: &SentenceAnalysis,
    ) -> (Option<RoleHint>, Option<usize>) {
        let mut k = first;
        let mut steps = 0;
        // Whether an attribute (a lower-case adjective) ends right before the name or its title.
        let mut attribute_ends = false;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            let t = &tokens[k];
            let lower = t.lower();
            if let Some(hints) = self.rules.prepositions.get(lower) {
                // "a group of Moroccan diplomats": after a quantity noun "of" marks no role.
                if k > 0 && self.rules.quantity_nouns.contains(tokens[k - 1].lower()) {
                    return (None, None);
                }
                // "a delegation led by Wang Yi will travel", "unter Leitung von Wang Yi": the leader
                // stands for those it leads ("headed for Moscow" is a way, not a leader).
                if k > 0
                    && hints.iter().any(|h| matches!(h, RoleHint::Agent | RoleHint::Of))
                    && self.rules.leader_words.contains(tokens[k - 1].lower())
                {
                    return (None, None);
                }
                if attribute_ends && let Some(outer) = self.extended_attribute_opener(tokens, k) {
                    return outer;
                }
                // "in die Ukraine": the article of direction makes a place where to.
                let towards = self
                    .rules
                    .directional_articles
                    .get(lower)
                    .is_some_and(|articles| tokens.get(k + 1).is_some_and(|a| articles.contains(a.lower())));
                let hint = if towards { Some(RoleHint::Destination) } else { hints.first().copied() };
                return (hint, Some(k));
            }
            if t.kind == TokenKind::Punct {
                return (None, None);
            }
            if let Some(&(s, _, form)) = modifiers.iter().find(|(s, e, _)| *s <= k && k < *e) {
                // "von seiner Frau Stephanie": a possessive pronoun stands where a determiner would.
                let possessive_word = self.rules.possessive_pronouns.contains(lower);
                if (form == MentionForm::Argument || form == MentionForm::Pronoun) && !possessive_word {
                    return (attribute_ends.then(|| self.extended_attribute_opener(tokens, s)).flatten())
                        .unwrap_or((None, None));
                }
                k = s;
                continue;
            }
            if steps == 1 || attribute_ends {
                attribute_ends = attribute_ends || (!t.is_capitalized() && self.is_adjective_like(lower));
            }
            // "On Sunday President Buhari met …": a day or month name ends the phrase before it.
            if self.rules.weekdays.contains_key(lower) || self.rules.months.contains_key(lower) {
                return (None, None);
            }
            // "Im Winter besuchte Scholz …": a verb that looks like an adjective ends the phrase;
            // the tagger tells them apart only where a preposition stands further back.
            if !t.is_capitalized() && self.is_adjective_like(lower) && self.a_finite_verb(tokens, k, analysis) {
                return (None, None);
            }
            // "with his Chinese counterpart Wang Yi": a counterpart noun stands inside the phrase.
            let np_internal = self.rules.determiners.contains(lower)
                || self.rules.counterpart_nouns.contains(lower)
                || self.rules.colleague_nouns.contains(lower)
                || t.kind == TokenKind::Number
                || t.is_capitalized()
                || self.rules.possessive_markers.contains(&t.text)
                || self.is_adjective_like(lower);
            if !np_internal {
                return (None, None);
            }
        }
        (None, None)
    }

    /// Whether the word at `k` is a finite verb or auxiliary by the tagger (a participle may
    /// stand in an attribute: "dem als Kandidat feststehenden Obama"), asked only where a
    /// preposition stands within the phrase's reach before it.
    fn a_finite_verb(&self, tokens: &[Token], k: usize, analysis: &SentenceAnalysis) -> bool {
        const REACH: usize = 5;
        let preposition_before =
            tokens[k.saturating_sub(REACH)..k].iter().any(|t| self.rules.prepositions.contains_key(t.lower()));
        preposition_before && analysis.tags(tokens).is_some_and(|tags| tags.get(k).is_some_and(|t| t.is_finite_verb()))
    }

    /// "zwischen dem inzwischen als Kandidat für das Amt feststehenden Obama": the preposition or
    /// name at `inner` sits inside an extended attribute. The phrase opens at the nearest
    /// determiner that a lower-case word follows ("dem inzwischen", "den aus"), and its governing
    /// preposition, if any, stands right before it. `None` when no such determiner is in reach.
    pub(super) fn extended_attribute_opener(
        &self,
        tokens: &[Token],
        inner: usize,
    ) -> Option<(Option<RoleHint>, Option<usize>)> {
        const REACH: usize = 14;
        if !self.rules.extended_attributes {
            return None;
        }
        for d in (inner.saturating_sub(REACH)..inner).rev() {
            if tokens[d].kind == TokenKind::Punct {
                return None;
            }
            let opens_attribute = self.rules.determiners.contains(tokens[d].lower())
                && tokens.get(d + 1).is_some_and(|n| n.kind == TokenKind::Word && !n.is_capitalized());
            if opens_attribute {
                let governing =
                    d.checked_sub(1).and_then(|p| Some((self.rules.prepositions.get(tokens[p].lower())?, p)));
                return Some(governing.map_or((None, None), |(hints, p)| (hints.first().copied(), Some(p))));
            }
        }
        None
    }

    pub(super) fn is_adjective_like(&self, lower: &str) -> bool {
        if self.rules.demonym_endings.is_empty() {
            return false;
        }
        let is_cue = self.rules.cues.future_aux.iter().chain(&self.rules.cues.reported_speech).any(|c| c == lower);
        !is_cue
            && !self.rules.coordinators.contains(lower)
            && !self.rules.relative_pronouns.contains(lower)
            && self
                .rules
                .demonym_endings
                .iter()
                .filter(|e| !e.is_empty())
                .any(|e| lower.ends_with(e.as_str()) && lower.len() > e.len() + 3)
    }
}

/// "mit X und Y": Y shares X's preposition.
pub(super) fn inherit_coordinated_hints(tokens: &[Token], mentions: &mut [Mention], rules: &Rules) {
    for n in 1..mentions.len() {
        // The previous argument: modifiers in between ("and former US Vice President Joe Biden")
        // belong to the next name.
        let Some(prev) = mentions[..n].iter().rev().find(|m| m.form == MentionForm::Argument) else { continue };
        let cur = &mentions[n];
        if cur.form == MentionForm::Argument
            && cur.hint.is_none()
            && prev.hint.is_some()
            && cur.first >= 1
            && prev.last < cur.first
        {
            let between = &tokens[prev.last..cur.first];
            // "zwischen X und seiner knapp unterlegenen Rivalin Y": a coordinator, then only words of
            // a noun phrase (no preposition, no other punctuation) before the next mention.
            let coordinated = between.len() <= 7
                && between.first().is_some_and(|t| rules.coordinators.contains(t.lower()) || t.is(','))
                && between.iter().all(|t| {
                    rules.coordinators.contains(t.lower())
                        || t.is(',')
                        || (t.kind == TokenKind::Word && !rules.prepositions.contains_key(t.lower()))
                });
            // A comma alone joins only inside a list that goes on ("mit X, Y und Z"), not "In
            // Moscow, Lavrov met Putin".
            let has_coordinator = between.iter().any(|t| rules.coordinators.contains(t.lower()));
            let list_goes_on = match tokens.get(cur.last) {
                Some(t) if rules.coordinators.contains(t.lower()) => true,
                Some(t) if t.is(',') => tokens
                    .get(cur.last + 1)
                    .is_some_and(|n| n.is_capitalized() || rules.coordinators.contains(n.lower())),
                _ => false,
            };
            // "Buhari of Nigeria and Talon of Benin": a name followed by the same preposition
            // starts a parallel phrase; it is coordinated with "Buhari", not with "Nigeria".
            let parallel =
                prev.prep.is_some_and(|p| tokens.get(cur.last).is_some_and(|t| t.lower() == tokens[p].lower()));
            // "In Rome, Meloni and Scholz met": a comma alone joins a person to a place (or a
            // place to a person) in no list.
            let person = |m: &Mention| m.kind == EntityKind::Person;
            let unlike = person(prev) && cur.kind.is_place() || person(cur) && prev.kind.is_place();
            // "hosted Putin in Ankara and Scholz flew": nothing joins a person to a town.
            let town = |m: &Mention| m.kind == EntityKind::Place;
            let person_and_town = person(prev) && town(cur) || person(cur) && town(prev);
            if coordinated && (has_coordinator || list_goes_on && !unlike) && !parallel && !person_and_town {
                let (hint, prep) = (prev.hint, prev.prep);
                mentions[n].hint = hint;
                mentions[n].prep = prep;
            }
        }
    }
}
