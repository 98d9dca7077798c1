//! Entities: finds actor and place mentions in sentences (gazetteer forms, demonyms, titles with
//! names, surnames, counterparts, facilities, anaphors) and resolves them to one entity each.

use crate::gazetteer::{self, Gazetteer};
use crate::lang::{ActorNoun, RoleHint, Rules};
use crate::model::{Entity, EntityKind, Position, PositionType, Span};
use crate::text::{Sentence, Token, TokenKind};
use chrono::NaiveDate;
use std::collections::HashMap;

/// How a mention relates to the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionForm {
    /// A name or description that can fill a role.
    Argument,
    /// A modifier only: a demonym, a genitive before a title, a compound prefix.
    Modifier,
    /// The first part of a hyphenated compound ("Putin-Besuch").
    CompoundPrefix,
    /// A pronoun resolved to a person.
    Pronoun,
}

/// An entity mention in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub last: usize,
    /// The entity key.
    pub entity: String,
    /// The entity kind.
    pub kind: EntityKind,
    /// How it is used.
    pub form: MentionForm,
    /// What the governing preposition says, if any.
    pub hint: Option<RoleHint>,
    /// The governing preposition's token, if any.
    pub prep: Option<usize>,
    /// Followed by a possessive marker or is a genitive.
    pub possessive: bool,
}

/// All entities of an article, in order of first mention.
#[derive(Debug, Default)]
pub struct EntityTable {
    entities: Vec<Entity>,
    index: HashMap<String, usize>,
}

impl EntityTable {
    /// Entity by key.
    pub fn get(&self, key: &str) -> Option<&Entity> {
        self.index.get(key).map(|&i| &self.entities[i])
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Entity> {
        self.index.get(key).map(|&i| &mut self.entities[i])
    }

    fn upsert(&mut self, entity: Entity) -> &mut Entity {
        let i = *self.index.entry(entity.key.clone()).or_insert_with(|| {
            self.entities.push(entity);
            self.entities.len() - 1
        });
        &mut self.entities[i]
    }

    /// Every entity.
    pub fn into_vec(self) -> Vec<Entity> {
        self.entities
    }

    /// Every entity, borrowed.
    pub fn all(&self) -> &[Entity] {
        &self.entities
    }
}

/// Context for resolving mentions in one article.
pub struct Resolver<'a> {
    rules: &'a Rules,
    gaz: &'static Gazetteer,
    lang_tag: &'static str,
    /// The day offices are resolved on.
    on: NaiveDate,
    /// The entity table being built.
    pub table: EntityTable,
    /// Unknown people by surname.
    surnames: HashMap<String, String>,
    /// The last person mentioned (for pronouns).
    pub last_person: Option<String>,
    /// The last organisation, government, agency or state named (for "they").
    last_group: Option<(String, EntityKind)>,
    /// The first person the last sentence was about (for "er" in the next).
    previous_subject: Option<String>,
    /// The last state mentioned, also through a demonym or a city (for "das Land").
    last_state: Option<String>,
    /// Companies known in this article, by the first word of their name ("Daimler").
    companies: HashMap<String, String>,
    /// Who a role noun named with a name stands for ("Der Geschäftsführer …, Gerd-Jürgen
    /// Bruckschen" makes a later "der Geschäftsführer" Bruckschen), by the noun's base form.
    role_holders: HashMap<String, String>,
}

impl<'a> Resolver<'a> {
    /// A resolver for an article in a language, with offices as of `on`.
    pub fn new(rules: &'a Rules, lang_tag: &'static str, on: NaiveDate) -> Resolver<'a> {
        Resolver {
            rules,
            gaz: gazetteer::get(),
            lang_tag,
            on,
            table: EntityTable::default(),
            surnames: HashMap::new(),
            last_person: None,
            previous_subject: None,
            last_group: None,
            last_state: None,
            role_holders: HashMap::new(),
            companies: HashMap::new(),
        }
    }

    /// Finds the mentions of one sentence, adding their entities to the table.
    pub fn sentence(&mut self, sentence: &Sentence) -> Vec<Mention> {
        let tokens = &sentence.tokens;
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let next = self.mention_at(sentence, &words, i, &mut mentions);
            i = next.max(i + 1);
        }
        for n in 0..mentions.len() {
            let snapshot = mentions_snapshot(&mentions_before(&mentions, mentions[n].first));
            let (hint, prep) = self.governing_preposition(tokens, mentions[n].first, &snapshot);
            mentions[n].hint = hint;
            mentions[n].prep = prep;
        }
        // "mit dem UNMIK-Leiter im Kosovo, Joachim Rücker": a name in apposition takes the
        // preposition of its title.
        for n in 0..mentions.len() {
            if mentions[n].hint.is_none()
                && mentions[n].form == MentionForm::Argument
                && let Some(title) = mentions[..n].iter().rev().find(|m| {
                    m.entity == mentions[n].entity && m.form == MentionForm::Modifier && m.last < mentions[n].first
                })
            {
                let (hint, prep) = (title.hint, title.prep);
                mentions[n].hint = hint;
                mentions[n].prep = prep;
            }
        }
        inherit_coordinated_hints(tokens, &mut mentions, self.rules);
        self.countries_from_appositions(tokens, &mentions);
        if let Some(group) = mentions
            .iter()
            .rev()
            .find(|m| m.kind.is_actor() && m.kind != EntityKind::Person && m.form == MentionForm::Argument)
        {
            self.last_group = Some((group.entity.clone(), group.kind));
        }
        // The sentence's subject: its first bare person, else the last person it names.
        let subject = mentions
            .iter()
            .find(|m| {
                m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive && m.hint.is_none()
            })
            .or_else(|| {
                mentions.iter().rev().find(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument)
            });
        if let Some(subject) = subject {
            self.previous_subject = Some(subject.entity.clone());
        }
        mentions
    }

    /// "Slobodan Samardzic, der für das Kosovo zuständige serbische Minister", "Dina Mufti,
    /// Sprecher des äthiopischen Außenministeriums": an unknown person's apposition with a
    /// demonym gives the person a country.
    fn countries_from_appositions(&mut self, tokens: &[Token], mentions: &[Mention]) {
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

    /// Tries every mention pattern at token `i`; returns the next token to look at.
    fn mention_at(&mut self, sentence: &Sentence, words: &[&str], i: usize, out: &mut Vec<Mention>) -> usize {
        let tokens = &sentence.tokens;
        let token = &tokens[i];
        if token.kind != TokenKind::Word {
            return i + 1;
        }
        if let Some(end) = self.pair(sentence, i, out) {
            return end;
        }
        if let Some(end) = self.truncated_group(sentence, words, i, out) {
            return end;
        }
        if let Some(end) = self.title_with_name(sentence, words, i, out) {
            return end;
        }
        if let Some((iso, len)) = self.gaz.match_demonym(&words[i..])
            && !self.demonym_is_the_state(tokens, words, i, len)
            // "russische Außenministerium": a longer gazetteer name wins over its demonym.
            && self.gaz.match_form(&words[i..]).is_none_or(|m| m.len <= len)
        {
            // "Russian Foreign Minister" is a demonym; "Russian" alone too. A capitalised German
            // demonym in mid-sentence ("Russische Föderation") is left to the gazetteer.
            let state = self.state_key(&iso);
            self.last_state = Some(state.clone());
            self.note(sentence, i, i + len, &state);
            out.push(mention(i, i + len, state, EntityKind::State, MentionForm::Modifier));
            return i + len;
        }
        if let Some(m) = self.gaz.match_form(&words[i..]) {
            let entry = &self.gaz.entries[m.entry];
            let (key, kind) = (entry.key.clone(), entry.kind);
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
                        || self.rules.name_introducers.contains(&w.to_lowercase())
                });
            let genitive = !governed
                && followed_by_title_or_person(self, words, i + m.len)
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
            return i + m.len;
        }
        if let Some(end) = self.place_adjective(sentence, words, i, out) {
            return end;
        }
        if let Some(end) = self.company(sentence, i, out) {
            return end;
        }
        if let Some(end) = self.given_name(sentence, words, i, out) {
            return end;
        }
        if let Some(end) = self.surname(sentence, words, i, out) {
            return end;
        }
        if let Some(end) = self.compound_prefix(sentence, words, i, out) {
            return end;
        }
        let lower = token.lower();
        if self.rules.person_pronouns.contains(lower) {
            // "er": the subject so far in this sentence, else the last sentence's subject.
            let this_sentence = out
                .iter()
                .find(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive)
                .map(|m| m.entity.clone());
            if let Some(person) =
                this_sentence.or_else(|| self.previous_subject.clone()).or_else(|| self.last_person.clone())
            {
                out.push(mention(i, i + 1, person, EntityKind::Person, MentionForm::Pronoun));
            }
            return i + 1;
        }
        // "seinem Amtskollegen", "seine Regierung": a person noun after the pronoun is its own mention.
        let person_noun_follows = tokens[i + 1..tokens.len().min(i + 4)].iter().any(|t| {
            let l = t.lower();
            self.rules.counterpart_nouns.contains(l)
                || self.rules.actor_nouns.contains_key(l)
                || self.gaz.title(&t.text).is_some()
        });
        if self.rules.possessive_pronouns.contains(lower) && !person_noun_follows {
            // "Obama traf Merkel bei seinem Besuch", "his visit": the subject so far in this
            // sentence, else the last sentence's subject.
            let this_sentence = out
                .iter()
                .find(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive)
                .map(|m| m.entity.clone());
            if let Some(person) = this_sentence.or_else(|| self.previous_subject.clone()) {
                let mut m = mention(i, i + 1, person, EntityKind::Person, MentionForm::Pronoun);
                m.possessive = true;
                out.push(m);
            }
            return i + 1;
        }
        if self.rules.group_pronouns.contains(lower) {
            // "they": the last organisation or state named.
            if let Some((key, kind)) = self.last_group.clone() {
                out.push(mention(i, i + 1, key, kind, MentionForm::Pronoun));
            }
            return i + 1;
        }
        if let Some(len) = self.state_anaphor(tokens, i) {
            if let Some(state) = self.last_state.clone() {
                out.push(mention(i, i + len, state, EntityKind::State, MentionForm::Argument));
            }
            return i + len;
        }
        if self.rules.counterpart_nouns.contains(lower) {
            // "seinem Amtskollegen Khursheed Kasuri": a counterpart with a name.
            let end = self.name_run(tokens, i + 1);
            if end > i + 1 {
                let office = self
                    .last_person
                    .as_ref()
                    .and_then(|p| self.table.get(p))
                    .and_then(|p| p.positions.first())
                    .map(|p| p.kind);
                let country = out
                    .iter()
                    .rev()
                    .find(|m| m.last == i && m.kind == EntityKind::State)
                    .map(|m| self.iso_of(&m.entity));
                let key = self.person_named(sentence, words, i + 1, end, country.as_deref());
                if let (Some(kind), Some(person)) = (office, self.table.get_mut(&key)) {
                    let p = Position { kind, of: country.clone().or_else(|| person.country.clone()) };
                    if !person.positions.contains(&p) {
                        person.positions.push(p);
                    }
                }
                out.push(mention(i + 1, end, key, EntityKind::Person, MentionForm::Argument));
                return end;
            }
            self.counterpart(sentence, i, out);
            return i + 1;
        }
        if self.is_facility(lower) {
            self.facility(sentence, i, out);
            return i + 1;
        }
        if self.rules.nouns_capitalized
            && self.rules.place_nouns.contains(lower)
            && let Some(end) = self.named_place(sentence, words, i, out)
        {
            return end;
        }
        if let Some(lemma) = self.rules.role_nouns.get(lower)
            && let Some(end) = self.role_person(sentence, i, lemma, out)
        {
            return end;
        }
        if let Some(&noun) = self.rules.actor_nouns.get(lower) {
            self.actor_noun(sentence, words, i, noun, out);
        }
        i + 1
    }

    /// "die Daimler AG", "vom US-Elektroautobauer Tesla Motors", and later "Daimler": a company,
    /// known by the legal form that closes its name or by a company noun before it.
    fn company(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let tokens = &sentence.tokens;
        let t = &tokens[i];
        if t.kind != TokenKind::Word || !t.is_capitalized() {
            return None;
        }
        if let Some(key) = self.companies.get(t.text.as_str()).cloned() {
            // "Daimler AG" again: the legal form belongs to the name.
            let end = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|n| self.rules.legal_forms.contains(&n.text)));
            self.note(sentence, i, end, &key);
            out.push(mention(i, end, key, EntityKind::Organization, MentionForm::Argument));
            return Some(end);
        }
        let l = t.lower();
        if self.rules.determiners.contains(l)
            || self.rules.not_names.contains(l)
            || self.rules.legal_forms.contains(&t.text)
            || self.rules.company_nouns.contains(l)
        {
            return None;
        }
        let name_word = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.is_capitalized()
                    && !self.rules.determiners.contains(t.lower())
                    && !self.rules.not_names.contains(t.lower())
            })
        };
        let mut end = i;
        while end < i + 4 && name_word(end) && !self.rules.legal_forms.contains(&tokens[end].text) {
            end += 1;
        }
        let closed = tokens.get(end).is_some_and(|t| self.rules.legal_forms.contains(&t.text));
        let after_noun = i > 0 && {
            let before = tokens[i - 1].lower();
            let head = before.rsplit('-').next().unwrap_or(before);
            self.rules
                .company_nouns
                .iter()
                .any(|n| head == n.as_str() || (self.rules.closed_compounds && head.ends_with(n.as_str())))
        };
        // After a company noun, a known name ("Europas") or a word with the ending of a common
        // noun ("das Unternehmen Umsatzerlöse …") is no company's name.
        let known =
            || {
                self.gaz.match_form(&[t.text.as_str()]).is_some()
                    || self.rules.genitive_endings.iter().any(|e| {
                        t.text.strip_suffix(e.as_str()).is_some_and(|stem| self.gaz.match_form(&[stem]).is_some())
                    })
            };
        let common = || self.rules.common_noun_endings.iter().any(|e| l.ends_with(e.as_str()));
        if end == i || !(closed || after_noun) || (!closed && (known() || common())) {
            return None;
        }
        // "GmbH & Co. KG": a legal form may go on.
        let mut last = if closed { end + 1 } else { end.min(i + 2) };
        let legal = |k: usize| tokens.get(k).is_some_and(|t| self.rules.legal_forms.contains(&t.text));
        while closed && tokens.get(last).is_some_and(|t| t.is('&') || (t.is('.') && legal(last + 1)) || legal(last)) {
            last += 1;
        }
        let label = sentence_slice(tokens, i, last);
        let key = format!("local-org-{}", slug(&sentence_slice(tokens, i, if closed { end } else { last })));
        // "US-Elektroautobauer Tesla Motors": the state prefixed to the company noun.
        let country = after_noun
            .then(|| tokens[i - 1].text.split_once('-'))
            .flatten()
            .and_then(|(prefix, _)| self.gaz.match_form(&[prefix]))
            .and_then(|m| self.gaz.entries[m.entry].iso.clone());
        if let Some(c) = &country {
            self.ensure_state(c);
        }
        self.table.upsert(Entity::local(key.clone(), EntityKind::Organization, self.lang_tag, label, country));
        self.companies.insert(t.text.clone(), key.clone());
        self.note(sentence, i, last, &key);
        out.push(mention(i, last, key, EntityKind::Organization, MentionForm::Argument));
        Some(last)
    }

    /// "der Deponie Schönberg", "zur Müllverbrennungsanlage (MVA) Stapelfeld": a place noun with
    /// an unknown name after it (and perhaps its abbreviation in brackets) is a place.
    fn named_place(&mut self, sentence: &Sentence, words: &[&str], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
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

    /// "von einem ehemaligen leitenden Angestellten", "einer französischen Lehrerin": a person
    /// known only by a role noun after a determiner. It is the one named with that noun before,
    /// else one person per role in the article; a demonym right before gives the country.
    fn role_person(&mut self, sentence: &Sentence, i: usize, lemma: &str, out: &mut Vec<Mention>) -> Option<usize> {
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
                let key = format!("local-{}", slug(lemma));
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

    /// "in deren Washingtoner Haus": a city name made an adjective names the city, as a modifier.
    fn place_adjective(
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
        let key = self.gaz.entries[m.entry].key.clone();
        self.add_known(m.entry);
        self.note(sentence, i, i + 1, &key);
        out.push(mention(i, i + 1, key, EntityKind::Place, MentionForm::Modifier));
        Some(i + 1)
    }

    /// "Al Gore", "Khursheed Kasuri": a known given name and capitalised tokens after it.
    fn given_name(&mut self, sentence: &Sentence, words: &[&str], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
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

    /// "Moroccan diplomats", "Romania's new government", "ministers from the Georgian government",
    /// "U.S. and Russian negotiators": a people or group noun tied to a state becomes an actor.
    fn actor_noun(&mut self, sentence: &Sentence, words: &[&str], i: usize, noun: ActorNoun, out: &mut Vec<Mention>) {
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
            // "ministers from the Georgian government": the state after "from"/"of".
            let hint =
                tokens.get(i + 1).and_then(|t| self.rules.prepositions.get(t.lower())).and_then(|h| h.first().copied());
            if matches!(hint, Some(RoleHint::Of | RoleHint::Source)) {
                let start =
                    i + 2 + usize::from(tokens.get(i + 2).is_some_and(|t| self.rules.determiners.contains(t.lower())));
                if let Some((iso, _)) = words.get(start..).and_then(|w| self.gaz.match_demonym(w)) {
                    states.push((iso, i));
                } else if let Some(m) = words.get(start..).and_then(|w| self.gaz.match_form(w)) {
                    let e = &self.gaz.entries[m.entry];
                    if let Some(iso) = e.iso.clone().or_else(|| e.country.clone()) {
                        states.push((iso, i));
                    } else if matches!(e.kind, EntityKind::Igo | EntityKind::Organization) {
                        // "Leaders of African Union member states": a group acting for it.
                        let end = start + m.len;
                        let label = words[i..end].join(" ");
                        self.add_known(m.entry);
                        self.group(sentence, i, end, label, None, out);
                        return;
                    }
                }
            }
        }
        if states.is_empty() && noun == ActorNoun::Organization && !self.rules.nouns_capitalized {
            self.named_group(sentence, i, out);
            return;
        }
        for (iso, first) in states {
            if iso.is_empty() {
                continue;
            }
            let label = format!(
                "{} {}",
                self.gaz.state(&iso).map_or(iso.as_str(), |e| if self.lang_tag == "de" {
                    e.label_de.as_str()
                } else {
                    e.label_en.as_str()
                }),
                tokens[i].text
            );
            let kind = match noun {
                ActorNoun::Person => EntityKind::Person,
                ActorNoun::Government => EntityKind::Government,
                ActorNoun::Organization => EntityKind::Organization,
            };
            let key = format!("local-{}-{}", slug(tokens[i].lower()), iso.to_lowercase());
            self.table.upsert(Entity {
                key: key.clone(),
                known: false,
                kind,
                labels: vec![(self.lang_tag.to_string(), label)],
                country: Some(iso.clone()),
                iso: None,
                qid: None,
                positions: Vec::new(),
                near: None,
                mentions: Vec::new(),
            });
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
        out.sort_by_key(|m| (m.first, m.last));
    }

    /// "The US claimed", "the U.S. and Russia": a demonym that is also the state's name stands
    /// for the state unless a noun it modifies follows ("US officials", "U.S. Secretary").
    /// "Darfur rebels", "Houthi forces": a capitalised name (no known entity) right before a group
    /// noun names a group of its own. Only where capitals mark names, not every noun.
    fn named_group(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) {
        let tokens = &sentence.tokens;
        let Some(name) = i.checked_sub(1) else { return };
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
            return;
        }
        let label = format!("{} {}", t.text, tokens[i].text);
        let key = self.group(sentence, name, i + 1, label, None, out);
        self.last_group = Some((key, EntityKind::Organization));
    }

    fn demonym_is_the_state(&self, tokens: &[Token], words: &[&str], i: usize, len: usize) -> bool {
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

    fn is_facility(&self, lower: &str) -> bool {
        self.rules
            .facility_nouns
            .iter()
            .any(|f| lower == f || (lower.ends_with(f.as_str()) && lower.len() > f.len() + 2 && f.chars().count() >= 5))
    }

    /// "Außenminister Sergej Lawrow", "der US-Sonderbeauftragte für Nordkorea, Sung Kim",
    /// "dem russischen Präsidenten": a title, maybe a name after it.
    fn title_with_name(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        let (position, own_iso, prefix_iso, len) = self.title_at(words, i)?;
        let after = i + len;
        // The country: a compound prefix, a demonym or genitive right before, "of Morocco" right
        // after, the title's own.
        let of_state = self.of_state(words, after);
        let country = prefix_iso
            .or_else(|| {
                out.iter().rev().find(|m| m.last == i && m.kind == EntityKind::State).map(|m| self.iso_of(&m.entity))
            })
            .or_else(|| of_state.as_ref().map(|(iso, _)| iso.clone()))
            .or(own_iso);
        // "Außenminister Frankreichs Michel Barnier": the name follows a genitive state.
        let mut j = match &of_state {
            Some((_, end)) if !self.rules.prepositions.contains_key(tokens[after].lower()) => *end,
            _ => after,
        };
        // "für Nordkorea", "im Kosovo", "der Abfallentsorgungsfirma" after a title, then a comma:
        // the name follows in apposition.
        let genitive = j < tokens.len()
            && of_state.is_none()
            && self.rules.genitive_determiners.contains(tokens[j].lower())
            && self.gaz.match_form(&words[j + 1..]).is_none();
        if j < tokens.len() && (self.rules.prepositions.contains_key(tokens[j].lower()) || genitive) {
            let mut k = j + 1;
            while k < tokens.len() && k < j + 5 && !tokens[k].is(',') {
                k += 1;
            }
            if k < tokens.len() && tokens[k].is(',') {
                j = k;
            }
        }
        let apposition = j < tokens.len() && tokens[j].is(',');
        if apposition {
            j += 1;
        }
        // "Die Außenminister der USA, Frankreichs …": a known place or body is no person's name.
        let known = self
            .gaz
            .match_form(&words[j.min(words.len())..])
            .is_some_and(|m| self.gaz.entries[m.entry].kind != EntityKind::Person);
        let name_end = if known { j } else { self.name_run(tokens, j) };
        if name_end > j && (!apposition || tokens.get(name_end).is_none_or(|t| t.is(',') || t.is('.'))) {
            // "Außenminister Straw": a lone surname after a title is the office's holder by that name.
            let holder = position
                .filter(|_| name_end == j + 1)
                .and_then(|p| self.gaz.holder_named(p, words[j], self.on))
                .filter(|&h| country.is_none() || self.gaz.entries[h].iso == country);
            let key = match holder {
                Some(h) => {
                    self.add_known(h);
                    self.gaz.entries[h].key.clone()
                }
                None => self.person_named(sentence, words, j, name_end, country.as_deref()),
            };
            if let Some(lemma) = self.rules.role_nouns.get(&words[i].to_lowercase()) {
                self.role_holders.insert(lemma.clone(), key.clone());
            }
            if let Some(person) = self.table.get_mut(&key) {
                if let Some(kind) = position {
                    let position = Position { kind, of: country.clone().or_else(|| person.country.clone()) };
                    if !person.positions.contains(&position) {
                        person.positions.push(position);
                    }
                }
                if person.country.is_none() {
                    person.country = country.clone();
                }
            }
            if let Some(c) = &country {
                self.ensure_state(c);
            }
            out.push(mention(i, after, key.clone(), EntityKind::Person, MentionForm::Modifier));
            let mut named = mention(j, name_end, key, EntityKind::Person, MentionForm::Argument);
            named.possessive = self.is_possessive(words, name_end);
            out.push(named);
            // "King Hassan of Morocco": the "of" phrase belongs to the name.
            return Some(match &of_state {
                Some((_, end)) if after == name_end => *end,
                _ => name_end,
            });
        }
        // No name and an organisation: "die EU-Außenminister", "die Außenminister der EU" are a
        // group acting for it.
        if let Some((_org, end)) = self.organisation_of_title(words, i, after) {
            let label = words[i..end].join(" ");
            self.group(sentence, i, end, label, None, out);
            return Some(end);
        }
        // No name: a role description; resolve it to the office holder, else a person described
        // by it ("the president of Armenia" in a year the gazetteer does not cover). After an
        // office noun ("für das Amt des US-Präsidenten") it names the office, not a person.
        let position = position?;
        let office = (i.saturating_sub(2)..i).any(|k| self.rules.office_nouns.contains(tokens[k].lower()));
        if office {
            return Some(after);
        }
        let end = of_state.as_ref().map_or(after, |(_, end)| *end);
        let key = match self.office_holder(position, country.as_deref()) {
            Some(key) => key,
            None => {
                let country = country.clone()?;
                let label = words[i..end].join(" ");
                let key = format!("local-{}", slug(&label));
                let person = self.table.upsert(Entity::local(
                    key.clone(),
                    EntityKind::Person,
                    self.lang_tag,
                    label,
                    Some(country.clone()),
                ));
                let held = Position { kind: position, of: Some(country.clone()) };
                if !person.positions.contains(&held) {
                    person.positions.push(held);
                }
                self.ensure_state(&country);
                key
            }
        };
        self.note(sentence, i, after, &key);
        out.push(mention(i, end, key, EntityKind::Person, MentionForm::Argument));
        Some(end)
    }

    /// A title at `i`: (office, the state the title implies, a compound prefix's state, tokens).
    /// Name introducers ("leader", "Dr.") are titles without an office.
    #[allow(clippy::type_complexity)]
    fn title_at(
        &self,
        words: &[&str],
        i: usize,
    ) -> Option<(Option<PositionType>, Option<String>, Option<String>, usize)> {
        if let Some((t, len)) = self.gaz.match_title(&words[i..]) {
            return Some((Some(t.position), t.iso.clone(), None, len));
        }
        let lower = words[i].to_lowercase();
        if self.rules.name_introducers.contains(&lower) || self.rules.name_introducers.contains(words[i]) {
            return Some((None, None, None, 1));
        }
        let (prefix, head) = words[i].rsplit_once('-')?;
        if self.rules.name_introducers.contains(&head.to_lowercase()) {
            // "UNMIK-Leiter": an introducer with the body it works for.
            return Some((None, None, None, 1));
        }
        let title = self.gaz.title(head)?;
        let iso = self
            .gaz
            .match_form(&[prefix])
            .and_then(|m| self.gaz.entries[m.entry].iso.clone())
            .or_else(|| self.gaz.match_demonym(&[prefix]).map(|(iso, _)| iso));
        Some((Some(title.position), title.iso.clone(), iso, 1))
    }

    /// The organisation a title without a name belongs to: its compound prefix ("EU-Außenminister")
    /// or a genitive after it ("Außenminister der Europäischen Union"); with the end of the phrase.
    fn organisation_of_title(&mut self, words: &[&str], i: usize, after: usize) -> Option<(String, usize)> {
        let is_org = |g: &Gazetteer, m: &gazetteer::FormMatch| g.entries[m.entry].kind == EntityKind::Igo;
        if let Some((prefix, _)) = words[i].rsplit_once('-')
            && let Some(m) = self.gaz.match_form(&[prefix]).filter(|m| is_org(self.gaz, m))
        {
            self.add_known(m.entry);
            return Some((self.gaz.entries[m.entry].key.clone(), after));
        }
        let next = words.get(after)?.to_lowercase();
        let linked = self.rules.genitive_determiners.contains(&next)
            || self.rules.prepositions.get(&next).is_some_and(|h| h.contains(&RoleHint::Of));
        if !linked {
            return None;
        }
        let start = after
            + 1
            + usize::from(words.get(after + 1).is_some_and(|w| self.rules.determiners.contains(&w.to_lowercase())));
        let m = self.gaz.match_form(words.get(start..)?).filter(|m| is_org(self.gaz, m))?;
        self.add_known(m.entry);
        Some((self.gaz.entries[m.entry].key.clone(), start + m.len))
    }

    /// "of Morocco" right after a title or name: the state and the token after it.
    fn of_state(&self, words: &[&str], at: usize) -> Option<(String, usize)> {
        // "Außenminister Frankreichs", "Präsident der USA": a state in the genitive.
        let genitive_at = |k: usize| {
            let m = self.gaz.match_form(words.get(k..)?)?;
            let entry = &self.gaz.entries[m.entry];
            let inflected = self.is_genitive(words[k + m.len - 1], entry);
            let iso = entry.iso.clone().filter(|_| entry.kind == EntityKind::State && inflected)?;
            Some((iso, k + m.len))
        };
        if let Some(found) = genitive_at(at) {
            return Some(found);
        }
        if words.get(at).is_some_and(|w| self.rules.genitive_determiners.contains(&w.to_lowercase()))
            && let Some(m) = words.get(at + 1..).and_then(|w| self.gaz.match_form(w))
            && self.gaz.entries[m.entry].kind == EntityKind::State
            && let Some(iso) = self.gaz.entries[m.entry].iso.clone()
        {
            return Some((iso, at + 1 + m.len));
        }
        let hints = self.rules.prepositions.get(&words.get(at)?.to_lowercase())?;
        if !hints.contains(&RoleHint::Of) {
            return None;
        }
        let start =
            at + 1 + usize::from(words.get(at + 1).is_some_and(|w| self.rules.determiners.contains(&w.to_lowercase())));
        let m = self.gaz.match_form(words.get(start..)?)?;
        let iso = self.gaz.entries[m.entry].iso.clone()?;
        Some((iso, start + m.len))
    }

    /// Capitalised name tokens from `j`: at most four, none a title, determiner or common word;
    /// lower-case particles ("de", "van", "al") and initials ("F.W.") may sit inside.
    fn name_run(&self, tokens: &[Token], j: usize) -> usize {
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
            let joined_particle = t
                .text
                .split_once('-')
                .is_some_and(|(p, rest)| self.rules.name_particles.contains(p) && rest.starts_with(char::is_uppercase));
            let ok = t.kind == TokenKind::Word
                && (t.is_capitalized() || joined_particle)
                && !self.rules.not_names.contains(t.lower())
                && !self.rules.determiners.contains(t.lower())
                && self.gaz.title(&t.text).is_none()
                && !self.rules.name_introducers.contains(t.lower())
                && self.gaz.match_demonym(&[t.text.as_str()]).is_none()
                && !self.rules.months.contains_key(t.lower())
                && !self.rules.weekdays.contains_key(t.lower())
                && !self.rules.possessive_markers.contains(&t.text);
            if !ok {
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

    /// The person a name denotes: a gazetteer full form or surname, an earlier unknown person, or a new one.
    fn person_named(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        first: usize,
        last: usize,
        country: Option<&str>,
    ) -> String {
        let key = if let Some(m) = self
            .gaz
            .match_form(&words[first..last])
            .filter(|m| m.len == last - first && self.gaz.entries[m.entry].kind == EntityKind::Person)
        {
            self.add_known(m.entry);
            self.gaz.entries[m.entry].key.clone()
        } else if let Some(p) = (last - first == 1).then(|| self.gaz.match_surname(words[first])).flatten() {
            self.add_known(p);
            self.gaz.entries[p].key.clone()
        } else if let Some(known) = (last - first == 1).then(|| self.surnames.get(words[first]).cloned()).flatten() {
            known
        } else {
            let name = words[first..last].join(" ");
            let key = format!("local-{}", slug(&name));
            let entity =
                Entity::local(key.clone(), EntityKind::Person, self.lang_tag, name, country.map(str::to_string));
            self.table.upsert(entity);
            // Later by surname alone; a single name ("minister Wiranto") is its own surname.
            let surname = words[last - 1].to_string();
            for ending in std::iter::once("").chain(self.rules.genitive_endings.iter().map(String::as_str)) {
                self.surnames.insert(format!("{surname}{ending}"), key.clone());
            }
            key
        };
        self.note(sentence, first, last, &key);
        self.last_person = Some(key.clone());
        key
    }

    /// Who held an office on the article's day: a person already in the article, the
    /// gazetteer's holder, else a person described by the title.
    fn office_holder(&mut self, position: PositionType, country: Option<&str>) -> Option<String> {
        let Some(country) = country else {
            // "the Prime Minister" with no country: the one holder of that office named so far.
            let holders: Vec<&Entity> = self
                .table
                .all()
                .iter()
                .filter(|e| e.kind == EntityKind::Person && e.positions.iter().any(|p| p.kind == position))
                .collect();
            return match holders.as_slice() {
                [one] if position != PositionType::Minister => Some(one.key.clone()),
                _ => None,
            };
        };
        let wanted = Position { kind: position, of: Some(country.to_string()) };
        if let Some(e) = self.table.all().iter().find(|e| e.kind == EntityKind::Person && e.positions.contains(&wanted))
        {
            return Some(e.key.clone());
        }
        match self.gaz.holders(position, country, self.on).as_slice() {
            [one] => {
                self.add_known(*one);
                Some(self.gaz.entries[*one].key.clone())
            }
            _ => None,
        }
    }

    /// A lone surname of a known or earlier-named person ("Lawrow", "Lawrows", "Gauck").
    fn surname(&mut self, sentence: &Sentence, words: &[&str], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let word = words[i];
        let tokens = &sentence.tokens;
        // "Sung Kim": a capitalised unknown word right before makes it someone else's name.
        let after_name = i > 0
            && tokens[i - 1].kind == TokenKind::Word
            && tokens[i - 1].is_capitalized()
            && !tokens[i - 1].after_newline
            && i - 1 > 0
            && !self.rules.determiners.contains(tokens[i - 1].lower())
            && self.gaz.title(&tokens[i - 1].text).is_none()
            && self.gaz.match_form(&[tokens[i - 1].text.as_str()]).is_none()
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
            self.gaz.entries[p].key.clone()
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

    fn gaz_genitive_surname(&self, word: &str) -> bool {
        self.rules.genitive_endings.iter().filter(|e| !e.is_empty()).any(|e| {
            word.strip_suffix(e.as_str())
                .is_some_and(|stem| self.gaz.match_surname(stem).is_some() || self.surnames.contains_key(stem))
        })
    }

    /// "Putin-Besuch", "Russland-Reise", "US-Angaben": the prefix names an entity.
    /// "die beiden Politiker", "the two leaders", "beide Länder": the last two persons or states
    /// named before, each an argument over the phrase.
    fn pair(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
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
        let here = tokens[i].start;
        let mut named: Vec<(usize, &str)> = self
            .table
            .all()
            .iter()
            .filter(|e| e.kind == kind)
            .filter_map(|e| e.mentions.iter().map(|m| m.start).filter(|&s| s < here).max().map(|s| (s, e.key.as_str())))
            .collect();
        named.sort_by(|a, b| b.cmp(a));
        let last_two: Vec<String> = named.iter().take(2).map(|(_, k)| k.to_string()).collect();
        if last_two.len() < 2 {
            return None;
        }
        for key in last_two {
            self.note(sentence, i, noun + 1, &key);
            out.push(mention(i, noun + 1, key, kind, MentionForm::Argument));
        }
        Some(noun + 1)
    }

    /// "die EU-Außen- und Europaminister": a truncated compound joined to a title names a group
    /// acting for the organisation or state before the first hyphen.
    fn truncated_group(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let tokens = &sentence.tokens;
        let first = words[i];
        // The hyphen stands apart from its word: "Außen" "-" "und" "Europaminister".
        let hyphen = tokens.get(i + 1).is_some_and(|h| h.text == "-" && h.start == tokens[i].end);
        if !hyphen || !tokens.get(i + 2).is_some_and(|t| self.rules.coordinators.contains(t.lower())) {
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
        let (prefix, _) = first.split_once('-')?;
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

    /// A group known only from this article ("die EU-Außenminister", "Coalition forces"), as an
    /// argument over `first..last`; returns its key.
    fn group(
        &mut self,
        sentence: &Sentence,
        first: usize,
        last: usize,
        label: String,
        country: Option<String>,
        out: &mut Vec<Mention>,
    ) -> String {
        let key = format!("local-group-{}", slug(&label));
        self.table.upsert(Entity::local(key.clone(), EntityKind::Organization, self.lang_tag, label, country));
        self.note(sentence, first, last, &key);
        out.push(mention(first, last, key.clone(), EntityKind::Organization, MentionForm::Argument));
        key
    }

    /// "Japanbesuch" → "Japan": a known name closed onto an event noun (German compounds).
    fn closed_name_prefix<'w>(&self, word: &'w str, lower: &str) -> Option<&'w str> {
        let tail =
            self.rules.name_compound_tails.iter().filter(|t| lower.ends_with(t.as_str())).max_by_key(|t| t.len())?;
        let prefix = word.get(..word.len().checked_sub(tail.len())?)?;
        (prefix.chars().count() >= 3 && self.gaz.match_form(&[prefix]).is_some()).then_some(prefix)
    }

    fn compound_prefix(
        &mut self,
        sentence: &Sentence,
        words: &[&str],
        i: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        // "Putin-Besuch", and "G-20-Gipfel" whose name has a hyphen of its own.
        let prefix = match (words[i].split_once('-'), words[i].rsplit_once('-')) {
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
            (e.key.clone(), e.kind)
        } else if let Some(p) = self.gaz.match_surname(prefix) {
            self.add_known(p);
            (self.gaz.entries[p].key.clone(), EntityKind::Person)
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

    fn state_anaphor(&self, tokens: &[Token], i: usize) -> Option<usize> {
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

    /// "seinem nordkoreanischen Amtskollegen": a person in the same office for another state.
    fn counterpart(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) {
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
        let key = format!("local-counterpart-{}", country.to_lowercase());
        let entity = self.table.upsert(Entity::local(
            key.clone(),
            EntityKind::Person,
            self.lang_tag,
            label,
            Some(country.clone()),
        ));
        if let Some(kind) = office {
            let p = Position { kind, of: Some(country.clone()) };
            if !entity.positions.contains(&p) {
                entity.positions.push(p);
            }
        }
        self.ensure_state(&country);
        self.note(sentence, i, i + 1, &key);
        out.push(mention(i, i + 1, key, EntityKind::Person, MentionForm::Argument));
    }

    /// "einem nordkoreanischen Munitionslager", "einem Lager an der russischen Südwestgrenze".
    fn facility(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) {
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
        let key = format!("local-place-{}-{}", sentence.index, tokens[i].start);
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
    pub fn local_place(&mut self, sentence: &Sentence, first: usize, last: usize) -> String {
        let label = sentence_slice(&sentence.tokens, first, last);
        let key = format!("local-place-{}", slug(&label));
        self.table.upsert(Entity::local(key.clone(), EntityKind::Place, self.lang_tag, label, None));
        self.note(sentence, first, last, &key);
        key
    }

    /// A source that is a group of people ("US-Medien", "diplomatic sources"), known only from
    /// this article; returns its key.
    pub fn source_group(&mut self, sentence: &Sentence, first: usize, last: usize, country: Option<String>) -> String {
        let label = sentence_slice(&sentence.tokens, first, last);
        let key = format!("local-group-{}", slug(&label));
        self.table.upsert(Entity::local(key.clone(), EntityKind::Organization, self.lang_tag, label, country));
        self.note(sentence, first, last, &key);
        key
    }

    /// Records that a place lies near another (an entity key).
    pub fn set_near(&mut self, place: &str, near: &str) {
        if let Some(p) = self.table.get_mut(place)
            && p.near.is_none()
            && place != near
        {
            p.near = Some(near.to_string());
        }
    }

    fn is_possessive(&self, words: &[&str], after: usize) -> bool {
        words.get(after).is_some_and(|w| self.rules.possessive_markers.contains(*w))
    }

    fn is_genitive(&self, word: &str, entry: &gazetteer::Entry) -> bool {
        let label = if self.lang_tag == "de" { &entry.label_de } else { &entry.label_en };
        self.rules
            .genitive_endings
            .iter()
            .filter(|e| !e.is_empty())
            .any(|e| word.ends_with(e.as_str()) && !label.ends_with(e.as_str()))
    }

    /// Adds a curated entry (and its country) to the table.
    fn add_known(&mut self, entry: usize) {
        let e = &self.gaz.entries[entry];
        if self.table.get(&e.key).is_none() {
            let mut positions: Vec<Position> = self
                .gaz
                .offices(entry, self.on)
                .into_iter()
                .map(|t| Position { kind: t.position, of: Some(t.of.clone()) })
                .collect();
            positions.sort();
            positions.dedup();
            self.table.upsert(Entity {
                key: e.key.clone(),
                known: true,
                kind: e.kind,
                labels: vec![("de".into(), e.label_de.clone()), ("en".into(), e.label_en.clone())],
                country: e.country.clone(),
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
            .get(&e.key)
            .map(|en| en.positions.iter().filter_map(|p| p.of.clone()).collect())
            .unwrap_or_default();
        for of in offices {
            if of.len() == 3 && of.chars().all(|c| c.is_ascii_uppercase()) {
                self.ensure_state(&of);
            } else if let Some(index) = self.gaz.entries.iter().position(|o| o.key == format!("org-{of}"))
                && self.table.get(&self.gaz.entries[index].key).is_none()
            {
                let (person, state) = (self.last_person.clone(), self.last_state.clone());
                self.add_known(index);
                self.last_person = person;
                self.last_state = state;
            }
        }
        match e.kind {
            EntityKind::Person => self.last_person = Some(e.key.clone()),
            EntityKind::State => self.last_state = Some(e.key.clone()),
            EntityKind::Place => self.last_state = e.country.as_deref().map(|c| self.state_key(c)),
            _ => {}
        }
    }

    /// Makes sure a state is in the table (as the country of something).
    fn ensure_state(&mut self, iso: &str) {
        let key = self.state_key(iso);
        if self.table.get(&key).is_none()
            && let Some(index) = self.gaz.entries.iter().position(|e| e.key == key)
        {
            let last_person = self.last_person.clone();
            let last_state = self.last_state.clone();
            self.add_known(index);
            self.last_person = last_person;
            self.last_state = last_state;
        }
    }

    fn state_key(&mut self, iso: &str) -> String {
        let key = gazetteer::state_key(iso);
        if self.table.get(&key).is_none()
            && let Some(index) = self.gaz.entries.iter().position(|e| e.key == key)
        {
            let e = &self.gaz.entries[index];
            self.table.upsert(Entity {
                key: e.key.clone(),
                known: true,
                kind: e.kind,
                labels: vec![("de".into(), e.label_de.clone()), ("en".into(), e.label_en.clone())],
                country: None,
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
    pub fn iso_of(&self, key: &str) -> String {
        self.table.get(key).and_then(|e| e.iso.clone().or_else(|| e.country.clone())).unwrap_or_default()
    }

    /// Records a mention span on an entity.
    fn note(&mut self, sentence: &Sentence, first: usize, last: usize, key: &str) {
        let span =
            Span { start: sentence.tokens[first].start, end: sentence.tokens[last - 1].end, sentence: sentence.index };
        if let Some(e) = self.table.get_mut(key)
            && !e.mentions.contains(&span)
        {
            e.mentions.push(span);
        }
    }

    /// The preposition governing the noun phrase that ends in the mention at `first`: scans left
    /// over determiners, adjectives, titles, modifiers and nouns.
    fn governing_preposition(
        &self,
        tokens: &[Token],
        first: usize,
        modifiers: &[(usize, usize, MentionForm)],
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
                if attribute_ends && let Some(outer) = self.extended_attribute_opener(tokens, k) {
                    return outer;
                }
                return (hints.first().copied(), Some(k));
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
            let np_internal = self.rules.determiners.contains(lower)
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

    /// "zwischen dem inzwischen als Kandidat für das Amt feststehenden Obama": the preposition or
    /// name at `inner` sits inside an extended attribute. The phrase opens at the nearest
    /// determiner that a lower-case word follows ("dem inzwischen", "den aus"), and its governing
    /// preposition, if any, stands right before it. `None` when no such determiner is in reach.
    fn extended_attribute_opener(&self, tokens: &[Token], inner: usize) -> Option<(Option<RoleHint>, Option<usize>)> {
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

    fn is_adjective_like(&self, lower: &str) -> bool {
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

/// The words `first..last` as written: a space only where the text has one ("(MVA)").
fn sentence_slice(tokens: &[Token], first: usize, last: usize) -> String {
    let mut out = String::new();
    for (k, t) in tokens[first..last].iter().enumerate() {
        if k > 0 && tokens[first + k - 1].end < t.start {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

fn mentions_before(mentions: &[Mention], first: usize) -> Vec<&Mention> {
    mentions.iter().filter(|m| m.last <= first).collect()
}

fn mentions_snapshot(mentions: &[&Mention]) -> Vec<(usize, usize, MentionForm)> {
    mentions
        .iter()
        .map(|m| {
            (
                m.first,
                m.last,
                if m.form == MentionForm::Argument && m.kind == EntityKind::State && m.possessive {
                    MentionForm::Modifier
                } else {
                    m.form
                },
            )
        })
        .collect()
}

/// "mit X und Y": Y shares X's preposition.
fn inherit_coordinated_hints(tokens: &[Token], mentions: &mut [Mention], rules: &Rules) {
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
            if coordinated && (has_coordinator || list_goes_on) && !parallel {
                let (hint, prep) = (prev.hint, prev.prep);
                mentions[n].hint = hint;
                mentions[n].prep = prep;
            }
        }
    }
}

fn followed_by_title_or_person(r: &Resolver<'_>, words: &[&str], at: usize) -> bool {
    words.get(at).is_some_and(|w| {
        r.gaz.title(w).is_some()
            || r.gaz.match_form(&[w]).is_some_and(|m| r.gaz.entries[m.entry].kind == EntityKind::Person)
    })
}

fn mention(first: usize, last: usize, entity: String, kind: EntityKind, form: MentionForm) -> Mention {
    Mention { first, last, entity, kind, form, hint: None, prep: None, possessive: false }
}

/// An ASCII slug for IRIs: lower case, letters and digits, dashes between.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            c if c.is_alphanumeric() => format!("u{:x}", c as u32),
            _ => "-".to_string(),
        };
        if mapped == "-" {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        } else {
            out.push_str(&mapped);
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Sung Kim"), "sung-kim");
        assert_eq!(slug("Außenminister Müller"), "aussenminister-mueller");
        assert_eq!(slug("  a--b  "), "a-b");
    }
}
