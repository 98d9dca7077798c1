//! Parties: who an event is about, read from subjects, possessors, genitives, noun complements,
//! coordinations and earlier clauses.

use super::Reader;
use super::attribution::Attribution;
use super::clauses::Clause;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm, ids};
use crate::model::{EntityId, EntityKind};
use crate::syntax::ud::{Attr, Upos};
use crate::text::{Token, TokenKind};

impl<'a> Reader<'a> {
    #[allow(clippy::too_many_arguments)]
    /// Whether a finite verb stands between two words ("Die Verhandlungen mit X *sind* ein
    /// Streitpunkt zwischen Y und Z"): a noun's prepositional attribute stays inside its noun
    /// phrase, so a phrase beyond the clause's finite verb is not the noun's. Without a grammar,
    /// never.
    pub(super) fn finite_verb_between(&self, tokens: &[Token], noun: usize, after: usize) -> bool {
        use crate::syntax::ud::{Attr, Upos};
        let Some(tags) = self.tagged(tokens) else {
            return false;
        };
        tags.get(noun + 1..after).is_some_and(|between| {
            between.iter().any(|t| matches!(t.upos, Upos::Verb | Upos::Aux) && t.feats.is(Attr::VerbForm, "Fin"))
        })
    }

    /// The object of an inviting verb before the trigger (or anywhere in its clause where the
    /// verb closes it: "hat Putin zu einem Besuch eingeladen"), in its clause or, for an infinitive
    /// clause ("eingeladen, Teheran zu besuchen"), the one before: the subject of the visit it
    /// invites to ("invited X to visit").
    pub(super) fn invited_subject(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
        at: usize,
    ) -> Option<EntityId> {
        let inviting = |c: &Clause, end: usize| self.frame_words(tokens, c.first..end, &[Frame::Invite]).next();
        let c = &clauses[clause];
        // "hat Putin zu einem Besuch eingeladen": where the verb closes the clause, it may follow.
        let end = if self.rules.verb_final { c.last } else { at };
        let (scope, invite) = match inviting(c, end) {
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

    /// The verb at `at` is an infinitive an invitation noun before it in its clause governs
    /// ("accepted an invitation from Biden to visit Washington").
    pub(super) fn invitation_to(&self, tokens: &[Token], c: &Clause, at: usize) -> bool {
        let Some(marker) = self.rules.infinitive_marker.as_deref() else { return false };
        at > c.first
            && tokens[at - 1].lower() == marker
            && self.frame_words(tokens, c.first..at, &[Frame::InviteNoun]).next().is_some()
    }

    /// The bare subject and object of the clause after `clause`, for a meeting it is set in.
    pub(super) fn next_clause_parties(
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

    /// "Putin und Kim trafen sich": every bare actor before the verb joined by coordinators.
    pub(super) fn coordinated_subjects(&self, tokens: &[Token], bare: &[&Mention]) -> Vec<EntityId> {
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

    /// A pronoun for persons in the nominative in the clause that no mention resolves ("wo er
    /// sich aufhielt" where no "er" is known).
    fn unresolved_subject_pronoun(&self, tokens: &[Token], mentions: &[Mention], c: &Clause) -> bool {
        // The words first; the tags only where such a pronoun stands unresolved.
        let unresolved: Vec<usize> = (c.first..c.last)
            .filter(|&k| {
                let word = tokens[k].lower();
                (self.rules.person_pronouns.contains(word) || self.rules.group_pronouns.contains(word))
                    && !mentions.iter().any(|m| m.first <= k && k < m.last)
            })
            .collect();
        if unresolved.is_empty() {
            return false;
        }
        let Some(tags) = self.tagged(tokens) else { return false };
        unresolved.iter().filter_map(|&k| tags.get(k)).any(|t| t.upos == Upos::Pron && t.feats.is(Attr::Case, "Nom"))
    }

    /// The subject a clause without one shares: the antecedent of a relative clause, or the
    /// subject of the main clause it continues.
    pub(super) fn inherited_subject(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        clauses: &[Clause],
        clause: usize,
        attribution: &Attribution,
    ) -> Option<EntityId> {
        let c = &clauses[clause];
        // "…, wo er sich aufhielt": a relative of place is no subject; the clause's own pronoun
        // is, and where nothing resolves it, the subject stays unknown rather than guessed.
        let of_place = tokens.get(c.first).is_some_and(|t| self.rules.place_relatives.contains(t.lower()));
        if self.unresolved_subject_pronoun(tokens, mentions, c) {
            return None;
        }
        if c.relative && !of_place {
            return mentions
                .iter()
                .rev()
                .find(|m| m.last <= c.first && m.kind.is_actor() && m.form != MentionForm::Modifier)
                .map(|m| m.entity.clone());
        }
        for prev in clauses[..clause].iter().rev() {
            if prev.relative || self.is_apposition(tokens, mentions, prev) {
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

    /// "Tomas Berg, the Prime Minister of Norway, visited …": a clause without a verb that only
    /// describes someone (its actors are descriptions or complements, none a bare argument).
    fn is_apposition(&self, tokens: &[Token], mentions: &[Mention], c: &Clause) -> bool {
        let inside = |m: &&Mention| m.first >= c.first && m.last <= c.last && m.kind.is_actor();
        // "Tomas Berg, a Norwegian diplomat, …": a phrase opened by a determiner right after a
        // person's name describes that person.
        let after_person = || {
            c.first >= 2
                && self.rules.determiners.contains(tokens[c.first].lower())
                && mentions.iter().any(|m| m.last + 1 == c.first && m.kind == EntityKind::Person)
        };
        c.first > 0
            && !c.complement
            && (mentions.iter().filter(inside).any(|m| m.form == MentionForm::Modifier)
                && mentions.iter().filter(inside).all(|m| m.form == MentionForm::Modifier || m.hint.is_some())
                || after_person())
            && !self.verb_between(tokens, c.first, c.last)
    }

    /// The actor right before a noun, marked as possessor ("Lawrows zweitägiger Besuch", "Kim's visit").
    pub(super) fn possessor<'m>(&self, tokens: &[Token], mentions: &[&'m Mention], at: usize) -> Option<&'m Mention> {
        mentions.iter().copied().filter(|m| m.last <= at && m.possessive && m.kind.is_actor()).find(|m| {
            tokens[m.last..at].iter().all(|t| {
                self.rules.possessive_markers.contains(&t.text)
                    || (t.kind == TokenKind::Word && !t.is_capitalized())
                    || t.is_capitalized() && self.rules.possessive_markers.is_empty()
            }) && at - m.last <= 3
        })
    }

    /// The genitive right after a noun: "Staatsbesuch eines libanesischen Präsidenten".
    pub(super) fn genitive_after<'m>(
        &self,
        tokens: &[Token],
        mentions: &[&'m Mention],
        at: usize,
    ) -> Option<&'m Mention> {
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

    /// A demonym right before a noun ("russische Waffenlieferungen", "Russian arms deliveries").
    pub(super) fn demonym_before<'m>(&self, mentions: &[&'m Mention], at: usize) -> Option<&'m Mention> {
        mentions
            .iter()
            .copied()
            .find(|m| m.form == MentionForm::Modifier && m.kind == EntityKind::State && m.last == at)
    }

    /// Mentions in the prepositional phrases right after a noun ("Besuch von Präsident Putin in Peking").
    pub(super) fn noun_complements<'m>(
        &self,
        tokens: &[Token],
        mentions: &[&'m Mention],
        at: usize,
        hints: &[RoleHint],
    ) -> Vec<&'m Mention> {
        let mut end = at + 1;
        let mut k = at + 1;
        // "the delivery of long-range missiles to Ukraine": the goods and their modifiers are
        // inside the noun's phrase.
        let tags = std::cell::OnceCell::new();
        let modifier = |k: usize| {
            tags.get_or_init(|| self.tagged(tokens))
                .as_ref()
                .and_then(|t| t.get(k))
                .is_some_and(|t| matches!(t.upos, Upos::Adj | Upos::Noun | Upos::Num))
        };
        while k < tokens.len() {
            let t = &tokens[k];
            let lower = t.lower();
            let inside = self.rules.prepositions.contains_key(lower)
                || self.materiel(lower).is_some()
                // (read only where a phrase it could reach still follows)
                || (mentions.iter().any(|m| m.first > k && m.hint.is_some_and(|h| hints.contains(&h))) && modifier(k))
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

    /// "Baerbock ist zu Gesprächen in Peking eingetroffen", "traveled to Beijing for talks": talks
    /// on a journey are between the traveller and the state travelled to; talks that set the
    /// scene are not on it ("flew to Kyiv after a debate").
    pub(super) fn journey_parties(
        &self,
        tokens: &[Token],
        in_clause: &[&Mention],
        c: &Clause,
        at: usize,
        bare: &[&Mention],
    ) -> Vec<EntityId> {
        let travel = !self.in_setting_phrase(tokens, at)
            && self.frame_words(tokens, c.first..c.last, &[Frame::Go]).any(|k| k != at);
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
    pub(super) fn genitive_attribute(&self, tokens: &[Token], at: usize) -> bool {
        self.rules.nouns_capitalized
            && at >= 2
            && self.rules.genitive_determiners.contains(tokens[at - 1].lower())
            && tokens[at - 2].kind == TokenKind::Word
            && tokens[at - 2].is_capitalized()
            && at - 2 > 0
    }
}
