//! Groups and plural actors: pairs ("the two leaders"), groups acting for a body or state,
//! counterparts, people nouns tied to a state, and unnamed sources.

use super::{Mention, MentionForm, Resolver, ids, mention, sentence_slice};
use crate::lang::{ActorNoun, RoleHint};
use crate::model::{Entity, EntityId, EntityKind, Position};
use crate::text::{Sentence, Token, TokenKind};

impl Resolver<'_> {
    /// "seinem Amtskollegen Khursheed Kasuri" (a counterpart with a name), "seinem
    /// nordkoreanischen Amtskollegen" (a person in the same office for another state).
    pub(super) fn counterpart_noun(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        let lower = tokens[i].lower();
        // "seinen saudischen Kollegen": a colleague from another state is a counterpart.
        let state_before = || out.iter().rev().any(|m| m.last == i && m.kind == EntityKind::State);
        let counterpart = self.rules.counterpart_nouns.contains(lower)
            || (self.rules.colleague_nouns.contains(lower) && state_before());
        if !counterpart {
            return None;
        }
        let end = self.name_run(tokens, i + 1);
        if end > i + 1 {
            let office = self
                .last_person
                .as_ref()
                .and_then(|p| self.table.get(p))
                .and_then(|p| p.positions.first())
                .map(|p| p.kind);
            let country =
                out.iter().rev().find(|m| m.last == i && m.kind == EntityKind::State).map(|m| self.iso_of(&m.entity));
            let key = self.person_named(sentence, words, i + 1, end, country.as_deref());
            if let (Some(kind), Some(person)) = (office, self.table.get_mut(&key)) {
                let p = Position { kind, of: country.clone().or_else(|| person.country.clone()) };
                person.hold(p);
            }
            self.counterparts.insert(key.clone());
            out.push(mention(i + 1, end, key, EntityKind::Person, MentionForm::Argument));
            return Some(end);
        }
        self.counterpart(sentence, i, out);
        Some(i + 1)
    }

    /// The states joined by coordinators after `end` ("and Greece", ", Chile and Ecuador", "und
    /// der Ukraine"), and where they end.
    fn joined_states(&self, words: &[&str], mut end: usize, genitive: bool) -> (Vec<String>, usize) {
        let mut out = Vec::new();
        while let Some((iso, next)) = self.joined_state(words, end, genitive) {
            out.push(iso);
            end = next;
        }
        (out, end)
    }

    /// A people or group noun ("diplomats", "Regierung"): an actor when tied to a state.
    pub(super) fn actor_noun_at(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let &noun = self.rules.actor_nouns.get(sentence.tokens[i].lower())?;
        Some(self.actor_noun(sentence, words, i, noun, out))
    }

    /// "US-Diplomaten", "Hamas-Vertreter": a people or group noun whose compound's first part
    /// names a state (the noun's people of it) or an organisation (a group acting for it).
    pub(super) fn prefixed_actor_noun(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let (prefix, rest) = crate::text::split_last_hyphen(words[i])?;
        let &noun = self.rules.actor_nouns.get(&crate::text::lower_case(rest))?;
        let m = self.gaz.match_form(&[prefix])?;
        let entry = &self.gaz.entries[m.entry];
        match (entry.kind, entry.iso.clone()) {
            (EntityKind::State, Some(iso)) => self.people_of_state(sentence, words, i, i, noun, iso, out),
            (EntityKind::Igo | EntityKind::Organization | EntityKind::Group, _) => {
                self.add_known(m.entry);
                let key = self.group(sentence, i, i + 1, words[i].to_string(), None, out);
                self.last_group = Some((key, EntityKind::Group));
            }
            _ => return None,
        }
        Some(i + 1)
    }

    /// "die beiden Politiker", "the two leaders", "beide Länder": the last two persons or states
    /// named together in one sentence before, each an argument over the phrase; none when no
    /// sentence names two (a guess across sentences would pair strangers).
    pub(super) fn pair(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let tokens = &sentence.tokens;
        if !self.rules.pair_words.contains(tokens[i].lower()) {
            return None;
        }
        let (noun, kind) = (i + 1..tokens.len().min(i + 3)).find_map(|k| {
            let l = tokens[k].lower();
            if self.rules.pair_person_nouns.contains(l) {
                Some((k, EntityKind::Person))
            } else if self.rules.pair_state_nouns.contains(l) {
                Some((k, EntityKind::State))
            } else {
                None
            }
        })?;
        let last_two = self.last_two_named(kind, tokens[i].start)?;
        for key in last_two {
            self.note(sentence, i, noun + 1, &key);
            out.push(mention(i, noun + 1, key, kind, MentionForm::Argument));
        }
        Some(noun + 1)
    }

    /// The last two entities of a kind named together in one sentence before the offset `here`.
    fn last_two_named(&self, kind: EntityKind, here: usize) -> Option<Vec<EntityId>> {
        // Every earlier mention of the kind as (sentence, start, entity), latest first.
        let mut named: Vec<(usize, usize, &EntityId)> = self
            .table
            .all()
            .iter()
            .filter(|e| e.kind == kind)
            .flat_map(|e| e.mentions.iter().filter(|m| m.start < here).map(move |m| (m.sentence, m.start, &e.key)))
            .collect();
        named.sort_by(|a, b| b.cmp(a));
        named.chunk_by(|a, b| a.0 == b.0).find_map(|in_sentence| {
            let mut keys: Vec<EntityId> = Vec::new();
            for (_, _, key) in in_sentence {
                if !keys.contains(key) {
                    keys.push((*key).clone());
                }
            }
            (keys.len() >= 2).then(|| keys.into_iter().take(2).collect::<Vec<_>>())
        })
    }

    /// "the two countries", "der beiden Länder" at `start`: the last two states named together.
    fn pair_of_states_at(&self, tokens: &[Token], start: usize) -> Vec<String> {
        let pair = tokens.get(start).is_some_and(|t| self.rules.pair_words.contains(t.lower()))
            && tokens.get(start + 1).is_some_and(|t| self.rules.pair_state_nouns.contains(t.lower()));
        if !pair {
            return Vec::new();
        }
        self.last_two_named(EntityKind::State, tokens[start].start)
            .unwrap_or_default()
            .iter()
            .map(|k| self.iso_of(k))
            .filter(|iso| !iso.is_empty())
            .collect()
    }

    /// A truncated compound's first part at `i`, its hyphen standing apart from it before a
    /// coordinator: "Außen" "-" "und" "Europaminister", "Nord" "-" "und" "Südkorea".
    pub(super) fn truncated_at(&self, tokens: &[Token], i: usize) -> bool {
        tokens.get(i + 1).is_some_and(|h| h.text == "-" && h.start == tokens[i].end)
            && tokens.get(i + 2).is_some_and(|t| self.rules.coordinators.contains(t.lower()))
    }

    /// "die EU-Außen- und Europaminister": a truncated compound joined to a title names a group
    /// acting for the organisation or state before the first hyphen.
    pub(super) fn truncated_group(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let first = words[i];
        if !self.truncated_at(&sentence.tokens, i) {
            return None;
        }
        let last = *words.get(i + 3)?;
        let is_title = |w: &str| {
            w.char_indices().any(|(k, _)| {
                let tail = &w[k..];
                let mut chars = tail.chars();
                let capitalised: String =
                    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                tail.chars().count() >= 6 && self.gaz.title(&capitalised).is_some()
            })
        };
        if !is_title(last) {
            return None;
        }
        let (prefix, _) = crate::text::split_first_hyphen(first)?;
        let m = self.gaz.match_form(&[prefix])?;
        let entry = &self.gaz.entries[m.entry];
        let country = entry.iso.clone().or_else(|| entry.country.clone());
        if !matches!(entry.kind, EntityKind::Igo | EntityKind::State) {
            return None;
        }
        self.add_known(m.entry);
        let label = format!("{}- {} {}", first, words[i + 2], last);
        let key = self.group(sentence, i, i + 4, label, country, out);
        self.last_group = Some((key, EntityKind::Organization));
        Some(i + 4)
    }

    /// "Darfur rebels", "Houthi forces": a capitalised name (no known entity) right before a group
    /// noun names a group of its own. Only where capitals mark names, not every noun.
    pub(super) fn named_group(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> bool {
        let tokens = &sentence.tokens;
        let Some(name) = i.checked_sub(1) else { return false };
        let t = &tokens[name];
        let l = t.lower();
        let known = out.iter().any(|m| m.first <= name && name < m.last);
        // At the start of a sentence any word is capitalised: function words are no names there.
        let function_word = self.rules.determiners.contains(l)
            || self.rules.prepositions.contains_key(l)
            || self.rules.coordinators.contains(l)
            || self.rules.person_pronouns.contains(l)
            || self.rules.possessive_pronouns.contains(l)
            || self.rules.pair_words.contains(l);
        if known
            || function_word
            || t.kind != TokenKind::Word
            || !t.is_capitalized()
            || self.rules.weekdays.contains_key(l)
        {
            return false;
        }
        let label = format!("{} {}", t.text, tokens[i].text);
        let key = self.group(sentence, name, i + 1, label, None, out);
        self.last_group = Some((key, EntityKind::Group));
        true
    }

    /// A group known only from this article ("die EU-Außenminister", "Coalition forces"), as an
    /// argument over `first..last`; returns its key.
    pub(super) fn group(
        &mut self,
        sentence: &Sentence,
        first: usize,
        last: usize,
        label: String,
        country: Option<String>,
        out: &mut Vec<Mention>,
    ) -> EntityId {
        let key = ids::group(&label);
        self.table.upsert(Entity::local(key.clone(), EntityKind::Group, self.lang_tag, label, country));
        self.note(sentence, first, last, &key);
        out.push(mention(first, last, key.clone(), EntityKind::Group, MentionForm::Argument));
        key
    }

    /// A source that is a group of people ("US-Medien", "diplomatic sources"), known only from
    /// this article; returns its key.
    pub fn source_group(
        &mut self,
        sentence: &Sentence,
        first: usize,
        last: usize,
        country: Option<String>,
    ) -> EntityId {
        let label = sentence_slice(&sentence.tokens, first, last);
        let key = ids::group(&label);
        self.table.upsert(Entity::local(key.clone(), EntityKind::Group, self.lang_tag, label, country));
        self.note(sentence, first, last, &key);
        key
    }

    /// "seinem nordkoreanischen Amtskollegen": a person in the same office for another state,
    /// its holder where the gazetteer knows one.
    pub(super) fn counterpart(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) {
        let country =
            out.iter().rev().find(|m| m.last == i && m.kind == EntityKind::State).map(|m| self.iso_of(&m.entity));
        let Some(country) = country else { return };
        let label = sentence.tokens[out.iter().rev().find(|m| m.last == i).map_or(i, |m| m.first)..=i]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        // The office is the one the nearest earlier person holds.
        let office =
            self.last_person.as_ref().and_then(|p| self.table.get(p)).and_then(|p| p.positions.first()).map(|p| p.kind);
        // Its holder on the article's day, where the gazetteer knows one.
        if let Some(holder) = office.and_then(|kind| self.office_holder(kind, Some(&country))) {
            self.note(sentence, i, i + 1, &holder);
            out.push(mention(i, i + 1, holder, EntityKind::Person, MentionForm::Argument));
            return;
        }
        let key = ids::counterpart(&country);
        self.described_person(&key, label, &country, office);
        self.note(sentence, i, i + 1, &key);
        out.push(mention(i, i + 1, key, EntityKind::Person, MentionForm::Argument));
    }

    /// "Moroccan diplomats", "Romania's new government", "ministers from the Georgian government",
    /// "U.S. and Russian negotiators": a people or group noun tied to a state becomes an actor.
    pub(super) fn actor_noun(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        noun: ActorNoun,
        out: &mut Vec<Mention>,
    ) -> usize {
        let tokens = &sentence.tokens;
        // The state right before (a demonym, or a genitive with at most one adjective between).
        let before: Vec<Mention> = out
            .iter()
            .rev()
            .filter(|m| {
                m.kind == EntityKind::State
                    && (m.last == i
                        || (m.last + 1 == i
                            && (m.possessive
                                || (m.form == MentionForm::Modifier
                                    && !tokens[m.last].is_capitalized()
                                    && tokens[m.last].kind == TokenKind::Word))))
            })
            .take(1)
            .cloned()
            .collect();
        let mut next = i + 1;
        let mut states: Vec<(String, usize)> = before.iter().map(|m| (self.iso_of(&m.entity), m.first)).collect();
        // "U.S. and Russian negotiators": a coordinated demonym before that one.
        if let Some(first) = before.first()
            && first.first >= 2
            && self.rules.coordinators.contains(tokens[first.first - 1].lower())
            && let Some(other) = out.iter().find(|m| m.last == first.first - 1 && m.kind == EntityKind::State)
        {
            states.push((self.iso_of(&other.entity), other.first));
        }
        if states.is_empty() {
            // "ministers from the Georgian government": the state after "from"/"of"; "Vertreter
            // der Ukraine", "Vertreter Russlands": a state in the genitive after the noun.
            let hint =
                tokens.get(i + 1).and_then(|t| self.rules.prepositions.get(t.lower())).and_then(|h| h.first().copied());
            let genitive = tokens.get(i + 1).is_some_and(|t| self.rules.genitive_determiners.contains(t.lower()));
            let named_genitive = !genitive
                && hint.is_none()
                && !self.rules.genitive_endings.is_empty()
                && words.get(i + 1..).and_then(|w| self.gaz.match_form(w)).is_some_and(|m| {
                    let entry = &self.gaz.entries[m.entry];
                    entry.kind == EntityKind::State && self.is_genitive(words[i + m.len], entry)
                });
            if matches!(hint, Some(RoleHint::Of | RoleHint::Source)) || genitive || named_genitive {
                let start = if named_genitive {
                    i + 1
                } else if genitive {
                    i + 2
                } else {
                    i + 2 + usize::from(tokens.get(i + 2).is_some_and(|t| self.rules.determiners.contains(t.lower())))
                };
                let pair = self.pair_of_states_at(tokens, start);
                if !pair.is_empty() {
                    // "the leaders of the two countries": each of the last two states named.
                    states.extend(pair.into_iter().map(|iso| (iso, i)));
                } else if let Some((iso, _)) = words.get(start..).and_then(|w| self.gaz.match_demonym(w)) {
                    states.push((iso, i));
                } else if let Some(m) = words.get(start..).and_then(|w| self.gaz.match_form(w)) {
                    let e = &self.gaz.entries[m.entry];
                    if let Some(iso) = e.state().map(str::to_string) {
                        states.push((iso, i));
                        // "the leaders of Turkey and Greece": each state joined to the first.
                        let (joined, end) = self.joined_states(words, start + m.len, genitive || named_genitive);
                        states.extend(joined.into_iter().map(|iso| (iso, i)));
                        // "Vertreter Russlands und der Ukraine": a genitive is part of the phrase.
                        if genitive || named_genitive {
                            next = end;
                        }
                    } else if matches!(e.kind, EntityKind::Igo | EntityKind::Organization) {
                        // "Leaders of African Union member states": a group acting for it.
                        let end = start + m.len;
                        let label = words[i..end].join(" ");
                        self.add_known(m.entry);
                        self.group(sentence, i, end, label, None, out);
                        return i + 1;
                    }
                }
            }
        }
        // "Western governments", "westliche Regierungen": a region's adjective before a noun of
        // governments names a group of no one state ("African leaders" stay people of no party).
        if states.is_empty()
            && noun == ActorNoun::Government
            && i > 0
            && self.rules.region_adjectives.contains(tokens[i - 1].lower())
        {
            let label = words[i - 1..=i].join(" ");
            let key = self.group(sentence, i - 1, i + 1, label, None, out);
            self.last_group = Some((key, EntityKind::Group));
            out.sort_by_key(|m| (m.first, m.last));
            return i + 1;
        }
        if states.is_empty() && noun == ActorNoun::Organization && !self.rules.nouns_capitalized {
            self.named_group(sentence, i, out);
            return i + 1;
        }
        if states.is_empty() && noun == ActorNoun::Group {
            // "Hamas militants": the known group named right before.
            if i > 0 && out.iter().any(|m| m.first < i && i <= m.last && m.kind.is_actor()) {
                return i + 1;
            }
            // "Taliban rebels"; else "the separatists", "die Milizen": a group of this article
            // known by its noun, never merged with another article's.
            if self.rules.nouns_capitalized || !self.named_group(sentence, i, out) {
                let key = self.group(sentence, i, i + 1, tokens[i].text.clone(), None, out);
                self.last_group = Some((key, EntityKind::Group));
                out.sort_by_key(|m| (m.first, m.last));
            }
            return i + 1;
        }
        for (iso, first) in states {
            self.people_of_state(sentence, words, i, first, noun, iso, out);
        }
        out.sort_by_key(|m| (m.first, m.last));
        next
    }

    /// The people, group or body a noun at `i` names for a state (`first`: where its phrase
    /// starts, a demonym before it included): the state's curated government for a government
    /// noun, else an entity of the noun and the state.
    #[allow(clippy::too_many_arguments)]
    fn people_of_state(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        first: usize,
        noun: ActorNoun,
        iso: String,
        out: &mut Vec<Mention>,
    ) {
        if iso.is_empty() {
            return;
        }
        let tokens = &sentence.tokens;
        // "die Regierung der Türkei": the state's curated government where there is one.
        if noun == ActorNoun::Government
            && let Some(entry) = self.gaz.government_of(&iso, &tokens[i].text)
        {
            self.add_known(entry);
            let key = ids::known(&self.gaz.entries[entry]);
            self.note(sentence, i, i + 1, &key);
            out.retain(|m| !(m.first == first && m.kind == EntityKind::State && m.form == MentionForm::Modifier));
            out.push(mention(first, i + 1, key.clone(), EntityKind::Government, MentionForm::Argument));
            self.last_group = Some((key, EntityKind::Government));
            return;
        }
        // "US-Diplomaten" names its state itself; else the noun and its state ("diplomats
        // (Iran)", "Beamte (Russland)").
        let label = if tokens[i].text.contains('-') {
            tokens[i].text.clone()
        } else {
            let state = self.gaz.state(&iso).map_or(iso.as_str(), |e| {
                if self.lang_tag == "de" { e.label_de.as_str() } else { e.label_en.as_str() }
            });
            format!("{} ({state})", tokens[i].text)
        };
        let kind = match noun {
            ActorNoun::Person | ActorNoun::Group => EntityKind::Group,
            ActorNoun::Government => EntityKind::Government,
            ActorNoun::Organization => EntityKind::Organization,
        };
        let key = ids::people(tokens[i].lower(), &iso);
        self.table.upsert(Entity::local(key.clone(), kind, self.lang_tag, label, Some(iso.clone())));
        self.ensure_state(&iso);
        self.note(sentence, i, i + 1, &key);
        // The demonym is now part of this mention.
        out.retain(|m| !(m.first == first && m.kind == EntityKind::State && m.form == MentionForm::Modifier));
        let mut m = mention(first, i + 1, key.clone(), kind, MentionForm::Argument);
        m.possessive = self.is_possessive(words, i + 1);
        out.push(m);
        // "Afghan rebel leaders said they would …": the group "they" refers to.
        self.last_group = Some((key, kind));
    }
}
