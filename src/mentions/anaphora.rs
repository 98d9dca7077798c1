//! Words that point back: pronouns (by gender, and "I" and "we" in a quotation), "das Land", "die
//! Organisation", and persons known only by a role noun.

use super::{Mention, MentionForm, Resolver, ids, mention};
use crate::lang::Gender;
use crate::model::{Entity, EntityId, EntityKind};
use crate::text::{Sentence, Token, TokenKind};

impl Resolver<'_> {
    /// "er": the subject so far in this sentence, else the last sentence's subject, else the last
    /// person named.
    pub(super) fn person_pronoun(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        if !self.rules.person_pronouns.contains(sentence.tokens[i].lower()) {
            return None;
        }
        let candidates = self.antecedents(out, true);
        if let Some(person) = candidates.first().cloned() {
            out.push(mention(i, i + 1, person, EntityKind::Person, MentionForm::Pronoun));
            self.pronoun_candidates.push((i, candidates));
        }
        Some(i + 1)
    }

    /// Whom a pronoun may point back to, best first: the persons this sentence has named so far
    /// as arguments, the last sentence's subject, and (for a personal pronoun) the last person
    /// named.
    fn antecedents(&self, out: &[Mention], last_person: bool) -> Vec<EntityId> {
        let mut found: Vec<EntityId> = Vec::new();
        let this_sentence = out
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive)
            .map(|m| m.entity.clone());
        let last = last_person.then(|| self.last_person.clone()).flatten();
        for person in this_sentence.chain(self.previous_subject.clone()).chain(last) {
            if !found.contains(&person) {
                found.push(person);
            }
        }
        found
    }

    /// The gender a person noun gives its holder: the listed ones ("Mr", "Frau"); else, where
    /// the language makes feminine nouns with a suffix and both forms are person nouns, the
    /// longer is feminine ("Kanzlerin") and the shorter masculine ("Kanzler").
    pub(super) fn person_noun_gender(&self, word: &str) -> Option<Gender> {
        let lower = word.trim_end_matches('.').to_lowercase();
        if let Some(g) = self.rules.person_noun_genders.get(&lower) {
            return Some(*g);
        }
        let suffix = self.rules.feminine_suffix.as_deref()?;
        let person = |w: &str| {
            let l = w.to_lowercase();
            self.gaz.title(w).is_some()
                || self.rules.role_nouns.contains_key(&l)
                || self.rules.counterpart_nouns.contains(&l)
                || self.rules.colleague_nouns.contains(&l)
        };
        if !person(word) {
            return None;
        }
        match word.strip_suffix(suffix) {
            Some(stem) if person(stem) => Some(Gender::Fem),
            _ => person(&format!("{word}{suffix}")).then_some(Gender::Masc),
        }
    }

    /// Records the gender the person nouns of a sentence give the persons they name: the noun in
    /// the mention or right before it ("Bundeskanzlerin Angela Merkel", "Mrs. May").
    pub(super) fn note_genders(&mut self, tokens: &[Token], mentions: &[Mention]) {
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.form != MentionForm::Pronoun) {
            let before = tokens[..m.first].iter().rev().skip_while(|t| t.is('.')).take(1);
            let gender = tokens[m.first..m.last].iter().chain(before).find_map(|t| self.person_noun_gender(&t.text));
            if let Some(g) = gender {
                let known = self.genders.entry(m.entity.clone()).or_insert(Some(g));
                if *known != Some(g) {
                    *known = None;
                }
            }
        }
    }

    /// A pronoun with a gender ("er", "she") means the first person it may that has no other
    /// gender known; where none fits, it stays unresolved rather than guessed.
    pub(super) fn agree_pronouns(&mut self, tokens: &[Token], mentions: &mut Vec<Mention>) {
        for (at, candidates) in std::mem::take(&mut self.pronoun_candidates) {
            let Some(gender) = self.rules.pronoun_genders.get(tokens[at].lower()).copied() else { continue };
            let fits = |p: &EntityId| self.genders.get(p).copied().flatten().is_none_or(|g| g == gender);
            let choice = candidates.iter().find(|p| fits(p)).cloned();
            let Some(n) = mentions.iter().position(|m| m.first == at && m.form == MentionForm::Pronoun) else {
                continue;
            };
            match choice {
                Some(person) => mentions[n].entity = person,
                None => {
                    mentions.remove(n);
                }
            }
        }
    }

    /// "Obama traf Merkel bei seinem Besuch", "his visit": the subject so far in this sentence,
    /// else the last sentence's subject. "seinem Amtskollegen", "seine Regierung": a person noun
    /// after the pronoun is its own mention.
    pub(super) fn possessive_pronoun(
        &mut self,
        sentence: &Sentence,
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        if !self.rules.possessive_pronouns.contains(tokens[i].lower()) {
            return None;
        }
        let person_noun_follows = tokens[i + 1..tokens.len().min(i + 4)].iter().any(|t| {
            let l = t.lower();
            self.rules.counterpart_nouns.contains(l)
                || self.rules.colleague_nouns.contains(l)
                || self.rules.actor_nouns.contains_key(l)
                || self.gaz.title(&t.text).is_some()
        });
        if person_noun_follows {
            return None;
        }
        let candidates = self.antecedents(out, false);
        if let Some(person) = candidates.first().cloned() {
            let mut m = mention(i, i + 1, person, EntityKind::Person, MentionForm::Pronoun);
            m.possessive = true;
            out.push(m);
            self.pronoun_candidates.push((i, candidates));
        }
        Some(i + 1)
    }

    /// "they": the two people the last sentence opened with, else the last organisation or state
    /// named.
    pub(super) fn group_pronoun(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        if !self.rules.group_pronouns.contains(sentence.tokens[i].lower()) {
            return None;
        }
        // "Scholz and Macron met in Paris. Later, they flew to Kyiv": both.
        if let Some(pair) = self.previous_pair.clone() {
            for key in pair {
                out.push(mention(i, i + 1, key, EntityKind::Person, MentionForm::Pronoun));
            }
        } else if let Some((key, kind)) = self.last_group.clone() {
            out.push(mention(i, i + 1, key, kind, MentionForm::Pronoun));
        }
        Some(i + 1)
    }

    /// "„Ich werde nach Kiew reisen“, sagte Scholz", "\"We will send tanks,\" Scholz said":
    /// inside a quotation, "I" is the one person the sentence names outside it, and "we" the state
    /// that person holds an office of.
    pub(super) fn quoted_first_person(&mut self, tokens: &[Token], mentions: &mut Vec<Mention>) {
        let marks: Vec<usize> = (0..tokens.len()).filter(|&k| tokens[k].is_quote_mark()).collect();
        let quoted = |k: usize| marks.chunks(2).any(|pair| pair.len() == 2 && pair[0] < k && k < pair[1]);
        if marks.len() < 2 {
            return;
        }
        let mut outside = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument && !quoted(m.first));
        let Some(speaker) = outside.next().map(|m| m.entity.clone()) else { return };
        if outside.any(|m| m.entity != speaker) {
            return;
        }
        // Only one who holds an office speaks for a state.
        let state = self
            .table
            .get(&speaker)
            .filter(|e| !e.positions.is_empty() && !e.country_from_story)
            .and_then(|e| e.country.clone());
        for k in (0..tokens.len()).filter(|&k| quoted(k) && tokens[k].kind == TokenKind::Word) {
            let lower = tokens[k].lower();
            if self.rules.first_person_singular.contains(lower) {
                mentions.push(mention(k, k + 1, speaker.clone(), EntityKind::Person, MentionForm::Pronoun));
            } else if self.rules.first_person_plural.contains(lower)
                && let Some(iso) = &state
            {
                let key = self.state_key(iso);
                mentions.push(mention(k, k + 1, key, EntityKind::State, MentionForm::Pronoun));
            }
        }
        mentions.sort_by_key(|m| (m.first, m.last));
    }

    /// "das Land": the last state mentioned.
    pub(super) fn state_anaphora(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let len = self.state_anaphor(&sentence.tokens, i)?;
        if let Some(state) = self.last_state.clone() {
            out.push(mention(i, i + len, state, EntityKind::State, MentionForm::Argument));
        }
        Some(i + len)
    }

    /// A role noun after a determiner ("einer französischen Lehrerin").
    pub(super) fn role_noun(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let lemma = self.rules.role_nouns.get(sentence.tokens[i].lower())?;
        self.role_person(sentence, i, lemma, out)
    }

    /// "von einem ehemaligen leitenden Angestellten", "einer französischen Lehrerin": a person
    /// known only by a role noun after a determiner. It is the one named with that noun before,
    /// else one person per role in the article; a demonym right before gives the country.
    pub(super) fn role_person(
        &mut self,
        sentence: &Sentence,
        i: usize,
        lemma: &str,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        let demonym = out.iter().rposition(|m| m.kind == EntityKind::State && m.last == i);
        let mut k = demonym.map_or(i, |d| out[d].first);
        // Adjectives between the determiner and the noun.
        while k > 0
            && i - k < 4
            && tokens[k - 1].is_attribute_word(self.rules)
            && self.is_adjective_like(tokens[k - 1].lower())
        {
            k -= 1;
        }
        if k == 0 || !self.rules.determiners.contains(tokens[k - 1].lower()) {
            return None;
        }
        let key = match self.role_holders.get(lemma) {
            Some(key) => key.clone(),
            None => {
                let country = demonym.map(|d| self.iso_of(&out[d].entity));
                let key = ids::role(lemma);
                self.table.upsert(Entity::local(
                    key.clone(),
                    EntityKind::Person,
                    self.lang_tag,
                    lemma.to_string(),
                    country.clone(),
                ));
                if let Some(c) = &country {
                    self.ensure_state(c);
                }
                key
            }
        };
        let first = demonym.map_or(i, |d| out[d].first);
        if let Some(d) = demonym {
            out.remove(d);
        }
        self.note(sentence, first, i + 1, &key);
        self.last_person = Some(key.clone());
        out.push(mention(first, i + 1, key, EntityKind::Person, MentionForm::Argument));
        Some(i + 1)
    }

    /// "die Hilfsorganisation", "the organisation": the last organisation named.
    pub(super) fn organization_anaphora(
        &mut self,
        sentence: &Sentence,
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let len = self.anaphor_at(&self.rules.organization_anaphors, &sentence.tokens, i)?;
        let this_sentence = out
            .iter()
            .rev()
            .find(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Igo) && m.form == MentionForm::Argument)
            .map(|m| (m.entity.clone(), m.kind));
        let (key, kind) = this_sentence.or_else(|| self.last_organization.clone())?;
        // The noun alone: its determiner still marks the case ("Flugzeuge der Organisation").
        out.push(mention(i + len - 1, i + len, key, kind, MentionForm::Argument));
        Some(i + len)
    }

    pub(super) fn state_anaphor(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.anaphor_at(&self.rules.state_anaphors, tokens, i)
    }

    /// The length of the first of the anaphors `phrases` at token `i`; a word that opens none of
    /// them is mostly told apart by the sieve of their first words.
    fn anaphor_at(&self, phrases: &[String], tokens: &[Token], i: usize) -> Option<usize> {
        if !self.rules.anaphor_sieve.may_hold(tokens.get(i)?.lower()) {
            return None;
        }
        phrase_at(phrases, tokens, i)
    }
}

/// The length of the first of `phrases` (lower case, words split by spaces) at token `i`.
fn phrase_at(phrases: &[String], tokens: &[Token], i: usize) -> Option<usize> {
    let word = tokens.get(i)?.lower();
    // Only a phrase that opens with the word can stand here: cheaper to tell than to split it.
    let opens =
        |phrase: &&String| phrase.strip_prefix(word).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
    phrases.iter().filter(opens).find_map(|phrase| {
        let mut len = 0;
        for (k, part) in phrase.split(' ').enumerate() {
            if tokens.get(i + k)?.lower() != part {
                return None;
            }
            len += 1;
        }
        Some(len)
    })
}
