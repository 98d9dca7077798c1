//! Words that point back: pronouns, "das Land", and persons known only by a role noun.

use super::{Mention, MentionForm, Resolver, ids, mention};
use crate::model::{Entity, EntityKind};
use crate::text::{Sentence, Token};

impl Resolver<'_> {
    /// "er": the subject so far in this sentence, else the last sentence's subject, else the last
    /// person named.
    pub(super) fn person_pronoun(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        if !self.rules.person_pronouns.contains(sentence.tokens[i].lower()) {
            return None;
        }
        let this_sentence = out
            .iter()
            .find(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive)
            .map(|m| m.entity.clone());
        if let Some(person) =
            this_sentence.or_else(|| self.previous_subject.clone()).or_else(|| self.last_person.clone())
        {
            out.push(mention(i, i + 1, person, EntityKind::Person, MentionForm::Pronoun));
        }
        Some(i + 1)
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
        let this_sentence = out
            .iter()
            .find(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive)
            .map(|m| m.entity.clone());
        if let Some(person) = this_sentence.or_else(|| self.previous_subject.clone()) {
            let mut m = mention(i, i + 1, person, EntityKind::Person, MentionForm::Pronoun);
            m.possessive = true;
            out.push(m);
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

    pub(super) fn state_anaphor(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.rules.state_anaphors.iter().find_map(|phrase| {
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
}
