//! Personal names: a given name and what follows it, runs of name tokens, surnames alone, and the
//! person a name denotes.

use super::{Mention, MentionForm, Resolver, ids, mention};
use crate::model::{Entity, EntityId, EntityKind};
use crate::text::{Sentence, Token, TokenKind};

impl Resolver<'_> {
    /// "Al Gore", "Khursheed Kasuri": a known given name and capitalised tokens after it.
    pub(super) fn given_name(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let token = &sentence.tokens[i];
        if !token.is_capitalized() || !self.gaz.is_given_name(&token.text) {
            return None;
        }
        let end = self.name_run(&sentence.tokens, i + 1);
        if end == i + 1 {
            return None;
        }
        // "die deutsche Bundesentwicklungshilfeministerin Heidemarie Wieczorek-Zeul", "the Iranian
        // general Qasem Soleimani": a demonym before the role noun gives the country.
        let country = out
            .iter()
            .rev()
            .find(|m| {
                m.kind == EntityKind::State
                    && m.form == MentionForm::Modifier
                    && (m.last == i || m.last + 1 == i && sentence.tokens[m.last].is_capitalized())
            })
            .map(|m| self.iso_of(&m.entity))
            .filter(|iso| !iso.is_empty());
        let key = self.person_named(sentence, words, i, end, country.as_deref());
        let mut m = mention(i, end, key, EntityKind::Person, MentionForm::Argument);
        m.possessive = self.is_possessive(words, end);
        out.push(m);
        Some(end)
    }

    /// Capitalised name tokens from `j`: at most four, none a title, determiner or common word;
    /// lower-case particles ("de", "van", "al") and initials ("F.W.") may sit inside.
    pub(super) fn name_run(&self, tokens: &[Token], j: usize) -> usize {
        let mut k = j;
        let mut end = j;
        while k < tokens.len() && k < j + 6 {
            let t = &tokens[k];
            let initial_dot = t.is('.')
                && k > j
                && tokens[k - 1].end == t.start
                && tokens[k - 1].text.chars().filter(|c| c.is_alphabetic()).count() <= 2;
            if initial_dot {
                k += 1;
                continue;
            }
            let particle = k > j
                && self.rules.name_particles.contains(&t.text)
                && tokens.get(k + 1).is_some_and(|n| n.is_capitalized());
            if particle {
                k += 1;
                continue;
            }
            // "al-Muhandis", "bin-Salman": a particle joined to a capitalised name.
            let joined_particle = crate::text::split_first_hyphen(&t.text)
                .is_some_and(|(p, rest)| self.rules.name_particles.contains(p) && rest.starts_with(char::is_uppercase));
            let ok = t.kind == TokenKind::Word
                && (t.is_capitalized() || joined_particle)
                && !self.rules.not_names.contains(t.lower())
                && !self.rules.determiners.contains(t.lower())
                && self.gaz.title(&t.text).is_none()
                && !self.rules.name_introducers.contains(t.lower())
                && self.gaz.match_demonym(&[t.text.as_str()]).is_none()
                && (!self.rules.months.contains_key(t.lower()) || self.month_word_opens_name(tokens, k, j))
                && !self.rules.weekdays.contains_key(t.lower())
                && !self.rules.possessive_markers.contains(&t.text);
            if !ok {
                break;
            }
            // "Wolfgang Schäubles Politik": a common noun after a name in the genitive is what the
            // name's bearer has, not more of the name.
            if k > j && self.genitive_then_common_noun(&tokens[k - 1], t) {
                break;
            }
            // A state or organisation name ends the run: only people continue it.
            if let Some(m) = self.gaz.match_form(&[t.text.as_str()])
                && self.gaz.entries[m.entry].kind != EntityKind::Person
                && k > j
            {
                break;
            }
            k += 1;
            end = k;
        }
        end
    }

    /// "Außenminister Jan Nowak", "President May Smith": a month's name that opens a run and is
    /// followed by a capitalised word that is no month is a given name.
    fn month_word_opens_name(&self, tokens: &[Token], k: usize, start: usize) -> bool {
        k == start && self.rules.name_after_month(tokens, k)
    }

    /// A word in the genitive ("Schäubles", by the language's genitive endings of names) before a
    /// common noun the grammar's lexicon knows.
    fn genitive_then_common_noun(&self, name: &Token, next: &Token) -> bool {
        self.rules.genitive_endings.iter().any(|s| name.text.ends_with(s.as_str()))
            && self.grammar.is_some_and(|g| g.is_common_noun(&next.text))
    }

    /// The person a name denotes: a gazetteer full form or surname, an earlier unknown person, or a new one.
    pub(super) fn person_named(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        first: usize,
        last: usize,
        country: Option<&str>,
    ) -> EntityId {
        let key = if let Some(m) = self
            .gaz
            .match_form(&words[first..last])
            .filter(|m| m.len == last - first && self.gaz.entries[m.entry].kind == EntityKind::Person)
        {
            self.add_known(m.entry);
            ids::known(&self.gaz.entries[m.entry])
        } else if let Some(p) =
            (last - first > 2).then(|| self.gaz.match_first_and_last(words[first], words[last - 1])).flatten()
        {
            // "Ali Hosseini Khamenei": a known person with a middle name the gazetteer leaves out.
            self.add_known(p);
            ids::known(&self.gaz.entries[p])
        } else if let Some(p) = (last - first == 1).then(|| self.gaz.match_surname(words[first])).flatten() {
            self.add_known(p);
            ids::known(&self.gaz.entries[p])
        } else if let Some(known) = (last - first == 1).then(|| self.surnames.get(words[first]).cloned()).flatten() {
            known
        } else {
            // "Wolfgang Schäubles Politik": the name in the genitive, without its ending.
            let genitive = last > first + 1
                && sentence
                    .tokens
                    .get(last)
                    .is_some_and(|next| self.genitive_then_common_noun(&sentence.tokens[last - 1], next));
            let mut parts = words[first..last].to_vec();
            if let Some(stem) = genitive
                .then(|| self.rules.genitive_endings.iter().find_map(|e| words[last - 1].strip_suffix(e.as_str())))
                .flatten()
            {
                parts[last - first - 1] = stem;
            }
            let name = parts.join(" ");
            let key = ids::person(&name);
            let entity =
                Entity::local(key.clone(), EntityKind::Person, self.lang_tag, name, country.map(str::to_string));
            self.table.upsert(entity);
            // Later by surname alone; a single name ("minister Wiranto") is its own surname.
            let surname = parts[last - first - 1].to_string();
            for ending in std::iter::once("").chain(self.rules.genitive_endings.iter().map(String::as_str)) {
                self.surnames.insert(format!("{surname}{ending}"), key.clone());
            }
            key
        };
        self.note(sentence, first, last, &key);
        self.last_person = Some(key.clone());
        key
    }

    /// A lone surname of a known or earlier-named person ("Lawrow", "Lawrows", "Gauck").
    pub(super) fn surname(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let word = words[i];
        let tokens = &sentence.tokens;
        // "Sung Kim": a capitalised unknown word right before makes it someone else's name; a
        // name found there already is its own ("traf Putin Macron").
        let after_name = i > 0
            && !out.iter().any(|m| m.last == i && m.kind.is_actor())
            && tokens[i - 1].kind == TokenKind::Word
            && tokens[i - 1].is_capitalized()
            && !tokens[i - 1].after_newline
            && i - 1 > 0
            && !self.rules.determiners.contains(tokens[i - 1].lower())
            && self.gaz.title(&tokens[i - 1].text).is_none()
            && self.gaz.match_form(&[tokens[i - 1].text.as_str()]).is_none()
            // "am Montag Kim", "im Mai Kim": a day or a month is no first name.
            && !self.rules.weekdays.contains_key(tokens[i - 1].lower())
            && !self.rules.is_month(&tokens[i - 1].text)
            // "Besuch Putins": a capitalised event noun is no first name.
            && self.rules.groups_of(tokens[i - 1].lower()).next().is_none();
        // "Sharon Hayes": a capitalised unknown word right after makes it someone's given name
        // (only where capitals mark names, not every noun).
        let before_name = !self.rules.nouns_capitalized
            && tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Word
                    && n.is_capitalized()
                    && n.start == tokens[i].end + 1
                    && !self.rules.determiners.contains(n.lower())
                    && !self.rules.not_names.contains(n.lower())
                    && self.gaz.title(&n.text).is_none()
                    && self.gaz.match_form(&[n.text.as_str()]).is_none()
                    && self.rules.groups_of(n.lower()).next().is_none()
            });
        let key = if let Some(key) = self.surnames.get(word).cloned() {
            key
        } else if !after_name && !before_name && tokens[i].is_capitalized() {
            let p = self.gaz.match_surname(word)?;
            self.add_known(p);
            ids::known(&self.gaz.entries[p])
        } else {
            return None;
        };
        self.note(sentence, i, i + 1, &key);
        self.last_person = Some(key.clone());
        let mut m = mention(i, i + 1, key, EntityKind::Person, MentionForm::Argument);
        m.possessive = self.is_possessive(words, i + 1)
            || (self.rules.genitive_endings.iter().any(|e| !e.is_empty() && word.ends_with(e.as_str()))
                && self.surnames.get(word).is_some_and(|_| !self.surnames.contains_key(word.trim_end_matches('s'))))
            || self.gaz_genitive_surname(word);
        out.push(m);
        Some(i + 1)
    }

    pub(super) fn gaz_genitive_surname(&self, word: &str) -> bool {
        self.rules.genitive_endings.iter().filter(|e| !e.is_empty()).any(|e| {
            word.strip_suffix(e.as_str())
                .is_some_and(|stem| self.gaz.match_surname(stem).is_some() || self.surnames.contains_key(stem))
        })
    }
}
