//! Names the gazetteer knows: its forms, demonyms and compound prefixes, and the curated entries
//! (with their states and offices) they bring into the table.

use super::{Mention, MentionForm, Resolver, ids, mention};
use crate::gazetteer;
use crate::model::{Entity, EntityId, EntityKind, Position};
use crate::text::{Sentence, Token, TokenKind};

impl Resolver<'_> {
    /// "Russian Foreign Minister", "Russian": a demonym, as a modifier naming its state. A
    /// capitalised German demonym in mid-sentence ("Russische Föderation") is left to the gazetteer.
    pub(super) fn demonym(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let (iso, len) = self.gaz.match_demonym(&words[i..])?;
        if self.demonym_is_the_state(&sentence.tokens, words, i, len)
            // "russische Außenministerium": a longer gazetteer name wins over its demonym.
            || self.gaz.match_form(&words[i..]).is_some_and(|m| m.len > len)
        {
            return None;
        }
        let state = self.state_key(&iso);
        self.last_state = Some(state.clone());
        self.note(sentence, i, i + len, &state);
        out.push(mention(i, i + len, state, EntityKind::State, MentionForm::Modifier));
        Some(i + len)
    }

    /// "Nord- und Südkorea": the first part of a truncated compound, completed by the end of
    /// the word after the coordinator, is a place the gazetteer knows.
    pub(super) fn truncated_place(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        if !self.truncated_at(&sentence.tokens, i) {
            return None;
        }
        let last = *words.get(i + 3)?;
        let m = last.char_indices().skip(1).find_map(|(k, _)| {
            let tail = &last[k..];
            let whole = format!("{}{}", words[i], tail);
            (tail.chars().count() >= 3).then(|| self.gaz.match_form(&[whole.as_str()])).flatten()
        })?;
        let entry = &self.gaz.entries[m.entry];
        if !entry.kind.is_place() {
            return None;
        }
        let kind = entry.kind;
        self.add_known(m.entry);
        let key = ids::known(&self.gaz.entries[m.entry]);
        self.note(sentence, i, i + 2, &key);
        out.push(mention(i, i + 2, key, kind, MentionForm::Argument));
        Some(i + 2)
    }

    /// A form the gazetteer knows: an argument, or a modifier when it names whose title follows.
    pub(super) fn known_form(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        let m = self.gaz.match_form(&words[i..])?;
        let entry = &self.gaz.entries[m.entry];
        let (key, kind) = (ids::known(entry), entry.kind);
        self.add_known(m.entry);
        self.note(sentence, i, i + m.len, &key);
        // "Nordkoreas Machthaber", "U.N. mediator Diego Cordovez": a state or organisation right
        // before a title names whose office it is; it takes no part itself.
        // "In Lagos President Buhari met …": a name governed by a preposition is no modifier.
        // "mit Russlands Präsident" keeps its genitive.
        let governed = i > 0
            && self.rules.prepositions.contains_key(tokens[i - 1].lower())
            && !self.is_genitive(&tokens[i + m.len - 1].text, entry);
        let before_title = !governed
            && words.get(i + m.len).is_some_and(|w| {
                self.gaz.match_title(&words[i + m.len..]).is_some()
                    || self.rules.name_introducers.contains(&crate::text::lower_case(w))
            });
        let genitive = !governed
            && self.followed_by_title_or_person(words, i + m.len)
            && tokens[i + m.len - 1].text.ends_with('s');
        let form = if (before_title && kind != EntityKind::Person) || genitive {
            MentionForm::Modifier
        } else {
            MentionForm::Argument
        };
        if kind.is_actor() && kind != EntityKind::Person && form == MentionForm::Argument {
            // "UNICEF reported they had delivered …": "they" may follow in the same sentence.
            self.last_group = Some((key.clone(), kind));
        }
        let mut mention = mention(i, i + m.len, key, kind, form);
        mention.possessive =
            self.is_possessive(words, i + m.len) || self.is_genitive(&tokens[i + m.len - 1].text, entry);
        out.push(mention);
        Some(i + m.len)
    }

    fn followed_by_title_or_person(&self, words: &[&str], at: usize) -> bool {
        words.get(at).is_some_and(|w| {
            self.gaz.title(w).is_some()
                || self.gaz.match_form(&[w]).is_some_and(|m| self.gaz.entries[m.entry].kind == EntityKind::Person)
        })
    }

    /// Adds a curated entry (and its country) to the table.
    pub(super) fn add_known(&mut self, entry: usize) {
        let e = &self.gaz.entries[entry];
        let key = ids::known(e);
        if self.table.get(&key).is_none() {
            let mut positions: Vec<Position> = self
                .gaz
                .offices(entry, self.on)
                .into_iter()
                .map(|t| Position { kind: t.position, of: Some(t.of.clone()) })
                .collect();
            positions.sort();
            positions.dedup();
            self.table.upsert(Entity {
                key: key.clone(),
                known: true,
                kind: e.kind,
                labels: vec![("de".into(), e.label_de.clone()), ("en".into(), e.label_en.clone())],
                country: e.country.clone(),
                country_from_story: false,
                iso: e.iso.clone(),
                qid: e.qid.clone(),
                positions,
                near: None,
                mentions: Vec::new(),
            });
        }
        if let Some(c) = e.country.clone() {
            self.ensure_state(&c);
        }
        let offices: Vec<String> = self
            .table
            .get(&key)
            .map(|en| en.positions.iter().filter_map(|p| p.of.clone()).collect())
            .unwrap_or_default();
        for of in offices {
            if of.len() == 3 && of.chars().all(|c| c.is_ascii_uppercase()) {
                self.ensure_state(&of);
            } else if let Some(index) = self.gaz.entries.iter().position(|o| o.key == format!("org-{of}"))
                && self.table.get(&ids::known(&self.gaz.entries[index])).is_none()
            {
                let (person, state) = (self.last_person.clone(), self.last_state.clone());
                self.add_known(index);
                self.last_person = person;
                self.last_state = state;
            }
        }
        match e.kind {
            EntityKind::Person => self.last_person = Some(key),
            EntityKind::State => self.last_state = Some(key),
            EntityKind::Place => self.last_state = e.country.as_deref().map(|c| self.state_key(c)),
            _ => {}
        }
    }

    /// Makes sure a state is in the table (as the country of something).
    pub(super) fn ensure_state(&mut self, iso: &str) {
        let key = self.state_key(iso);
        if self.table.get(&key).is_none()
            && let Some(index) = self.gaz.entries.iter().position(|e| key.known_key() == Some(e.key.as_str()))
        {
            let last_person = self.last_person.clone();
            let last_state = self.last_state.clone();
            self.add_known(index);
            self.last_person = last_person;
            self.last_state = last_state;
        }
    }

    pub(super) fn state_key(&mut self, iso: &str) -> EntityId {
        let key = ids::state(iso);
        if self.table.get(&key).is_none()
            && let Some(index) = self.gaz.entries.iter().position(|e| key.known_key() == Some(e.key.as_str()))
        {
            let e = &self.gaz.entries[index];
            self.table.upsert(Entity {
                key: ids::known(e),
                known: true,
                kind: e.kind,
                labels: vec![("de".into(), e.label_de.clone()), ("en".into(), e.label_en.clone())],
                country: None,
                country_from_story: false,
                iso: e.iso.clone(),
                qid: e.qid.clone(),
                positions: Vec::new(),
                near: None,
                mentions: Vec::new(),
            });
        }
        key
    }

    /// The state an entity is or acts for (ISO-3), empty when unknown.
    pub fn iso_of(&self, key: &EntityId) -> String {
        self.table.get(key).and_then(|e| e.iso.clone().or_else(|| e.country.clone())).unwrap_or_default()
    }

    /// "The US claimed", "the U.S. and Russia": a demonym that is also the state's name stands
    /// for the state unless a noun it modifies follows ("US officials", "U.S. Secretary").
    pub(super) fn demonym_is_the_state(&self, tokens: &[Token], words: &[&str], i: usize, len: usize) -> bool {
        let Some(m) = self.gaz.match_form(&words[i..]) else { return false };
        if m.len < len || self.gaz.entries[m.entry].kind != EntityKind::State {
            return false;
        }
        let Some(next) = tokens.get(i + len) else { return true };
        let lower = next.lower();
        let modifies = next.kind == TokenKind::Word
            && (next.is_capitalized()
                || self.rules.actor_nouns.contains_key(lower)
                || self.rules.name_introducers.contains(lower)
                || self.rules.facility_nouns.contains(lower)
                || self.rules.materiel.contains_key(lower)
                || self.gaz.match_title(&words[i + len..]).is_some()
                || self.rules.triggers.iter().any(|g| {
                    g.forms.iter().any(|f| f == lower)
                        && !matches!(
                            g.frame,
                            crate::lang::Frame::Go
                                | crate::lang::Frame::Host
                                | crate::lang::Frame::Meet
                                | crate::lang::Frame::Invite
                                | crate::lang::Frame::Ship
                                | crate::lang::Frame::Receive
                        )
                }));
        !modifies
    }

    pub(super) fn is_genitive(&self, word: &str, entry: &gazetteer::Entry) -> bool {
        let label = if self.lang_tag == "de" { &entry.label_de } else { &entry.label_en };
        self.rules
            .genitive_endings
            .iter()
            .filter(|e| !e.is_empty())
            .any(|e| word.ends_with(e.as_str()) && !label.ends_with(e.as_str()))
    }

    /// "Putin-Besuch", "Russland-Reise", "US-Angaben": the prefix names an entity.
    pub(super) fn compound_prefix(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        // "Putin-Besuch", and "G-20-Gipfel" whose name has a hyphen of its own.
        let prefix = match (crate::text::split_first_hyphen(words[i]), crate::text::split_last_hyphen(words[i])) {
            (Some((first, _)), Some((longest, _))) => {
                if self.gaz.match_form(&[first]).is_none() && self.gaz.match_form(&[longest]).is_some() {
                    longest
                } else {
                    first
                }
            }
            _ => self.closed_name_prefix(words[i], sentence.tokens[i].lower())?,
        };
        let (key, kind) = if let Some(m) = self.gaz.match_form(&[prefix]) {
            self.add_known(m.entry);
            let e = &self.gaz.entries[m.entry];
            (ids::known(e), e.kind)
        } else if let Some(p) = self.gaz.match_surname(prefix) {
            self.add_known(p);
            (ids::known(&self.gaz.entries[p]), EntityKind::Person)
        } else if let Some(key) = self.surnames.get(prefix).cloned() {
            (key, EntityKind::Person)
        } else {
            return None;
        };
        if kind == EntityKind::Person {
            self.last_person = Some(key.clone());
        }
        if kind == EntityKind::State {
            self.last_state = Some(key.clone());
        }
        self.note(sentence, i, i + 1, &key);
        out.push(mention(i, i + 1, key, kind, MentionForm::CompoundPrefix));
        Some(i + 1)
    }

    /// "Japanbesuch" → "Japan": a known name closed onto an event noun (German compounds).
    pub(super) fn closed_name_prefix<'w>(&self, word: &'w str, lower: &str) -> Option<&'w str> {
        let tail =
            self.rules.name_compound_tails.iter().filter(|t| lower.ends_with(t.as_str())).max_by_key(|t| t.len())?;
        let prefix = word.get(..word.len().checked_sub(tail.len())?)?;
        (prefix.chars().count() >= 3 && self.gaz.match_form(&[prefix]).is_some()).then_some(prefix)
    }
}
