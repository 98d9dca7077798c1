//! Places the gazetteer does not know: named by a place noun, facilities, city adjectives, and
//! which place lies near which.

use super::{Mention, MentionForm, Resolver, ids, mention, sentence_slice};
use crate::model::{Entity, EntityId, EntityKind};
use crate::text::{Sentence, Token, TokenKind};

impl Resolver<'_> {
    /// A facility noun ("Munitionslager", "airport"): a place of its own.
    pub(super) fn facility_noun(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        if !self.is_facility(sentence.tokens[i].lower()) {
            return None;
        }
        self.facility(sentence, i, out);
        Some(i + 1)
    }

    /// A place noun with a name after it, where capitals mark nouns ("der Deponie Schönberg").
    pub(super) fn place_noun(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        if !self.rules.nouns_capitalized || !self.rules.place_nouns.contains(sentence.tokens[i].lower()) {
            return None;
        }
        self.named_place(sentence, words, i, out)
    }

    /// "in deren Washingtoner Haus": a city name made an adjective names the city, as a modifier.
    pub(super) fn place_adjective(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let ending = self.rules.place_adjective_ending.as_deref()?;
        let word = words[i];
        let stem = word.strip_suffix(ending).filter(|s| s.chars().count() >= 3)?;
        if !sentence.tokens[i].is_capitalized() {
            return None;
        }
        let m = self.gaz.match_form(&[stem]).filter(|m| m.len == 1)?;
        if self.gaz.entries[m.entry].kind != EntityKind::Place {
            return None;
        }
        let key = ids::known(&self.gaz.entries[m.entry]);
        self.add_known(m.entry);
        self.note(sentence, i, i + 1, &key);
        out.push(mention(i, i + 1, key, EntityKind::Place, MentionForm::Modifier));
        Some(i + 1)
    }

    /// "der Deponie Schönberg", "zur Müllverbrennungsanlage (MVA) Stapelfeld": a place noun with
    /// an unknown name after it (and perhaps its abbreviation in brackets) is a place.
    pub(super) fn named_place(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.is('(')) && tokens.get(j + 2).is_some_and(|t| t.is(')')) {
            j += 3;
        }
        let is_name = |t: &Token| {
            let l = t.lower();
            t.kind == TokenKind::Word
                && t.is_capitalized()
                && !self.rules.months.contains_key(l)
                && !self.rules.weekdays.contains_key(l)
                && !self.rules.determiners.contains(l)
                && !self.rules.not_names.contains(l)
                && !self.rules.place_nouns.contains(l)
        };
        let mut end = j;
        while end < tokens.len() && end < j + 2 && is_name(&tokens[end]) && self.gaz.match_form(&words[end..]).is_none()
        {
            end += 1;
        }
        if end == j {
            return None;
        }
        let key = self.local_place(sentence, i, end);
        out.push(mention(i, end, key, EntityKind::Place, MentionForm::Argument));
        Some(end)
    }

    pub(super) fn is_facility(&self, lower: &str) -> bool {
        self.rules
            .facility_nouns
            .iter()
            .any(|f| lower == f || (lower.ends_with(f.as_str()) && lower.len() > f.len() + 2 && f.chars().count() >= 5))
    }

    /// "einem nordkoreanischen Munitionslager", "einem Lager an der russischen Südwestgrenze".
    pub(super) fn facility(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) {
        let tokens = &sentence.tokens;
        // "Baghdad International Airport": capitalised words of its name, and a city or state
        // before them, belong to it.
        let mut name_first = i;
        while name_first > 0
            && i - name_first < 3
            && tokens[name_first - 1].kind == TokenKind::Word
            && tokens[name_first - 1].is_capitalized()
            && !self.rules.nouns_capitalized
            && !self.rules.determiners.contains(tokens[name_first - 1].lower())
            && !out.iter().any(|m| m.first < name_first && name_first - 1 < m.last)
        {
            name_first -= 1;
        }
        let before = out
            .iter()
            .rposition(|m| m.last == name_first && matches!(m.kind, EntityKind::State | EntityKind::Place))
            .filter(|&k| out[k].kind == EntityKind::State || !self.rules.nouns_capitalized);
        let before = before.map(|k| out.remove(k));
        let mut label_first = before.as_ref().map_or(name_first, |m| m.first);
        let mut label_last = i + 1;
        let mut country = before.and_then(|m| {
            if m.kind == EntityKind::State {
                Some(self.iso_of(&m.entity))
            } else {
                self.table.get(&m.entity).and_then(|e| e.country.clone())
            }
        });
        if country.is_none() {
            // A demonym just after: "Lager an der russischen Südwestgrenze".
            let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
            for k in i + 1..(i + 5).min(tokens.len()) {
                if tokens[k].is(',') {
                    break;
                }
                if let Some((iso, len)) = self.gaz.match_demonym(&words[k..]) {
                    country = Some(iso);
                    label_last = (k + len + 1).min(tokens.len());
                    break;
                }
            }
        }
        if label_first > i {
            label_first = i;
        }
        let label = sentence_slice(tokens, label_first, label_last);
        let key = ids::facility(sentence.index, tokens[i].start);
        self.table.upsert(Entity::local(key.clone(), EntityKind::Place, self.lang_tag, label, country.clone()));
        if let Some(c) = &country {
            self.ensure_state(c);
        }
        // A named facility is mentioned from the start of its name.
        let first = if name_first < i { label_first } else { i };
        self.note(sentence, first, i + 1, &key);
        out.push(mention(first, i + 1, key, EntityKind::Place, MentionForm::Argument));
    }

    /// A place the gazetteer does not know, named by capitalised words (`first..last`).
    pub fn local_place(&mut self, sentence: &Sentence, first: usize, last: usize) -> EntityId {
        let label = sentence_slice(&sentence.tokens, first, last);
        let key = ids::place(&label);
        self.table.upsert(Entity::local(key.clone(), EntityKind::Place, self.lang_tag, label, None));
        self.note(sentence, first, last, &key);
        key
    }

    /// Records that a place lies near another (an entity key).
    pub fn set_near(&mut self, place: &EntityId, near: &EntityId) {
        if let Some(p) = self.table.get_mut(place)
            && p.near.is_none()
            && place != near
        {
            p.near = Some(near.clone());
        }
    }
}
