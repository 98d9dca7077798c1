//! Titles and offices: a title with or without a name after it, whose office it is, and who held
//! it on the article's day.

use super::{Mention, MentionForm, Resolver, ids, mention};
use crate::gazetteer::{self, Gazetteer};
use crate::lang::RoleHint;
use crate::model::{Entity, EntityId, EntityKind, Position, PositionType};
use crate::text::{Sentence, Token, TokenKind, lower_case};

impl Resolver<'_> {
    /// "Außenminister Sergej Lawrow", "der US-Sonderbeauftragte für Nordkorea, Sung Kim",
    /// "dem russischen Präsidenten": a title, maybe a name after it.
    pub(super) fn title_with_name(
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
            .or_else(|| self.demonym_before_title(tokens, out, i))
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
        let form = self.gaz.match_form(&words[j.min(words.len())..]);
        let person_form = form.as_ref().filter(|m| self.gaz.entries[m.entry].kind == EntityKind::Person);
        // "Die Außenminister der USA, Frankreichs …": a known place or body is no person's name.
        let known = form.is_some() && person_form.is_none();
        // "Prime Minister Theresa May": a person the gazetteer knows keeps the whole of its name.
        let known_person = person_form.map(|m| j + m.len);
        // "traf der Bundeskanzler Macron": a person the gazetteer knows of another state than the
        // title's is not its holder but a phrase of their own.
        let other_state = country.as_deref().is_some_and(|c| {
            let named = person_form
                .map(|m| m.entry)
                .or_else(|| (self.name_run(tokens, j) == j + 1).then(|| self.gaz.match_surname(words[j])).flatten());
            named.and_then(|p| self.gaz.entries[p].state()).is_some_and(|own| own != c)
        });
        let name_end = if known || other_state { j } else { self.name_run(tokens, j).max(known_person.unwrap_or(0)) };
        if name_end > j && (!apposition || tokens.get(name_end).is_none_or(|t| t.is(',') || t.is('.'))) {
            // "Außenminister Straw": a lone surname after a title is the office's holder by that name.
            let holder = position
                .filter(|_| name_end == j + 1)
                .and_then(|p| self.gaz.holder_named(p, words[j], self.on))
                .filter(|&h| country.is_none() || self.gaz.entries[h].state() == country.as_deref());
            let key = match holder {
                Some(h) => {
                    self.add_known(h);
                    ids::known(&self.gaz.entries[h])
                }
                None => self.person_named(sentence, words, j, name_end, country.as_deref()),
            };
            // "der ehemalige Präsident X" does not make a later "der Präsident" X.
            let former = self.former_before(tokens, i);
            if let Some(lemma) = self.rules.role_nouns.get(&lower_case(words[i])).filter(|_| !former) {
                self.role_holders.insert(lemma.clone(), key.clone());
            }
            if let Some(person) = self.table.get_mut(&key) {
                if let Some(kind) = position.filter(|_| !former) {
                    let position = Position { kind, of: country.clone().or_else(|| person.country.clone()) };
                    person.hold(position);
                }
                if person.country.is_none() {
                    person.country = country.clone();
                }
            }
            if let Some(c) = &country {
                self.ensure_state(c);
            }
            // "UN Secretary-General Kofi Annan", "NATO Secretary General Jens Stoltenberg": the
            // body named right before the title is whose office it is, not an actor of the clause.
            if let Some(body) = out.iter_mut().rev().find(|m| {
                m.last == i
                    && matches!(m.kind, EntityKind::Igo | EntityKind::Organization)
                    && m.form == MentionForm::Argument
            }) {
                body.form = MentionForm::Modifier;
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
        // "EU foreign ministers", "NATO defence ministers": a plural title right after an
        // intergovernmental body is a group acting for it.
        if let Some(body) = out.iter().rposition(|m| m.last == i && m.kind == EntityKind::Igo)
            && self.plural_title(words[after - 1])
        {
            let first = out[body].first;
            out[body].form = MentionForm::Modifier;
            let label = words[first..after].join(" ");
            self.group(sentence, first, after, label, None, out);
            return Some(after);
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
        // "der ehemalige Außenminister Perus": not the office's holder, and holds no office.
        let former = self.former_before(tokens, i);
        // "Tomas Berg, the Prime Minister of Norway, …": a title set off after a person's name
        // describes that person; it names no one else.
        if let Some(person) = self.apposed_person(tokens, i, out) {
            self.describe(&person, country.clone(), Some(position).filter(|_| !former));
            out.push(mention(i, end, person, EntityKind::Person, MentionForm::Modifier));
            return Some(end);
        }
        let former_word = former.then(|| self.former_word(tokens, i).unwrap_or_default());
        let label = self.title_label(words, i, after, end);
        let key = self.holder_or_described(position, country.clone(), label, former_word)?;
        self.note(sentence, i, after, &key);
        out.push(mention(i, end, key, EntityKind::Person, MentionForm::Argument));
        // "die Außenminister Deutschlands und Frankreichs", "the foreign ministers of Germany and
        // France": each state joined to the first has its own holder of the office.
        // "ministers from Peru, Chile and Ecuador": after a preposition the states are not in the
        // genitive, and each label names its preposition.
        let mut end = end;
        let preposition = words.get(after).filter(|w| self.rules.prepositions.contains_key(&lower_case(w)));
        while of_state.is_some() && !former {
            let Some((iso, next_end)) = self.joined_state(words, end, preposition.is_none()) else { break };
            let state = words[end + 1..next_end].iter().filter(|w| !self.rules.determiners.contains(&lower_case(w)));
            let label = self.title_label(words, i, after, after)
                + &preposition.map(|p| format!(" {p}")).unwrap_or_default()
                + &state.map(|w| format!(" {w}")).collect::<String>();
            let Some(key) = self.holder_or_described(position, Some(iso), label, None) else { break };
            out.push(mention(end + 1, next_end, key, EntityKind::Person, MentionForm::Argument));
            end = next_end;
        }
        // "die deutsche und die französische Außenministerin", "the German and French foreign
        // ministers": each demonym joined before the one the title follows has its own holder.
        let mut demonym = out.iter().rposition(|m| m.last == i && m.kind == EntityKind::State);
        while let Some(d) = demonym.filter(|_| !former) {
            let Some(prev) = self.joined_demonym(tokens, out, out[d].first) else { break };
            let iso = self.iso_of(&out[prev].entity);
            let label = format!("{} {}", words[out[prev].first..out[prev].last].join(" "), words[i..after].join(" "));
            let Some(key) = self.holder_or_described(position, Some(iso), label, None) else { break };
            let m = &mut out[prev];
            (m.entity, m.kind, m.form) = (key, EntityKind::Person, MentionForm::Argument);
            demonym = Some(prev);
        }
        Some(end)
    }

    /// The state mention joined by a coordinator (and an optional determiner) right before
    /// `first`: "deutsche und [die] französische".
    fn joined_demonym(&self, tokens: &[Token], out: &[Mention], first: usize) -> Option<usize> {
        let mut k = first;
        if k > 0 && self.rules.determiners.contains(tokens[k - 1].lower()) {
            k -= 1;
        }
        if k == 0 || !self.rules.coordinators.contains(tokens[k - 1].lower()) {
            return None;
        }
        out.iter().rposition(|m| m.last == k - 1 && m.kind == EntityKind::State && m.form == MentionForm::Modifier)
    }

    /// A title at `i`: (office, the state the title implies, a compound prefix's state, tokens).
    /// Name introducers ("leader", "Dr.") are titles without an office.
    #[allow(clippy::type_complexity)]
    pub(super) fn title_at(
        &self,
        words: &[&str],
        i: usize,
    ) -> Option<(Option<PositionType>, Option<String>, Option<String>, usize)> {
        if let Some((t, len)) = self.gaz.match_title(&words[i..]) {
            return Some((Some(t.position), t.iso.clone(), None, len));
        }
        let lower = crate::text::lower_case(words[i]);
        if self.rules.name_introducers.contains(&lower) || self.rules.name_introducers.contains(words[i]) {
            return Some((None, None, None, 1));
        }
        if let Some(title) = self.compound_title(words[i]) {
            return Some((Some(title.position), title.iso.clone(), None, 1));
        }
        let (prefix, head) = crate::text::split_last_hyphen(words[i])?;
        if self.rules.name_introducers.contains(&lower_case(head)) {
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

    /// The state of a demonym or genitive right before a title, or before one lower-case word
    /// that qualifies it ("the Polish economy minister", "der polnische stellvertretende Minister").
    fn demonym_before_title(&self, tokens: &[Token], out: &[Mention], i: usize) -> Option<String> {
        let qualifier = |k: usize| {
            let t = &tokens[k];
            t.kind == TokenKind::Word
                && (!t.is_capitalized() || self.is_former_form(&t.text))
                && !self.rules.coordinators.contains(t.lower())
                && !self.rules.prepositions.contains_key(t.lower())
                && !self.rules.determiners.contains(t.lower())
        };
        let end = if i > 0 && qualifier(i - 1) { [i, i - 1] } else { [i, i] };
        out.iter().rev().find(|m| end.contains(&m.last) && m.kind == EntityKind::State).map(|m| self.iso_of(&m.entity))
    }

    /// A title word in a plural form: its lemma, by the grammar, is shorter than the word
    /// ("ministers"); `false` without the grammar.
    fn plural_title(&self, word: &str) -> bool {
        self.grammar.is_some_and(|g| {
            let lemma = g.lemma(word, crate::syntax::ud::Upos::Noun);
            lemma.len() < word.len() && lower_case(word).starts_with(&lemma.to_lowercase())
        })
    }

    /// "Wirtschaftsminister": a closed compound ending in a title the language lists is that title.
    fn compound_title(&self, word: &str) -> Option<&'static gazetteer::Title> {
        let tail = self.rules.title_compound_tails.iter().find(|t| {
            word.len() > t.len()
                && word.is_char_boundary(word.len() - t.len())
                && lower_case(&word[word.len() - t.len()..]) == lower_case(t)
                && word.starts_with(char::is_uppercase)
        })?;
        self.gaz.title(tail)
    }

    /// The organisation a title without a name belongs to: its compound prefix ("EU-Außenminister")
    /// or a genitive after it ("Außenminister der Europäischen Union"); with the end of the phrase.
    pub(super) fn organisation_of_title(
        &mut self,
        words: &[&str],
        i: usize,
        after: usize,
    ) -> Option<(EntityId, usize)> {
        let is_org = |g: &Gazetteer, m: &gazetteer::FormMatch| g.entries[m.entry].kind == EntityKind::Igo;
        if let Some((prefix, _)) = crate::text::split_last_hyphen(words[i])
            && let Some(m) = self.gaz.match_form(&[prefix]).filter(|m| is_org(self.gaz, m))
        {
            self.add_known(m.entry);
            return Some((ids::known(&self.gaz.entries[m.entry]), after));
        }
        let next = lower_case(words.get(after)?);
        let linked = self.rules.genitive_determiners.contains(&next)
            || self.rules.prepositions.get(&next).is_some_and(|h| h.contains(&RoleHint::Of));
        if !linked {
            return None;
        }
        let start = after
            + 1
            + usize::from(words.get(after + 1).is_some_and(|w| self.rules.determiners.contains(&lower_case(w))));
        if let Some(m) = self.gaz.match_form(words.get(start..)?).filter(|m| is_org(self.gaz, m)) {
            self.add_known(m.entry);
            return Some((ids::known(&self.gaz.entries[m.entry]), start + m.len));
        }
        // "der NATO-Staaten", "der EU-Mitgliedsstaaten": the states of an organisation.
        let (prefix, states) = crate::text::split_last_hyphen(words.get(start)?)?;
        let states = states.to_lowercase();
        if !self.rules.pair_state_nouns.iter().any(|n| states.ends_with(n.as_str())) {
            return None;
        }
        let m = self.gaz.match_form(&[prefix]).filter(|m| is_org(self.gaz, m))?;
        self.add_known(m.entry);
        Some((ids::known(&self.gaz.entries[m.entry]), start + 1))
    }

    /// "of Morocco" right after a title or name: the state and the token after it.
    pub(super) fn of_state(&self, words: &[&str], at: usize) -> Option<(String, usize)> {
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
        if words.get(at).is_some_and(|w| self.rules.genitive_determiners.contains(&lower_case(w)))
            && let Some(m) = words.get(at + 1..).and_then(|w| self.gaz.match_form(w))
            && self.gaz.entries[m.entry].kind == EntityKind::State
            && let Some(iso) = self.gaz.entries[m.entry].iso.clone()
        {
            return Some((iso, at + 1 + m.len));
        }
        // "of Morocco", "ministers from Peru".
        let hints = self.rules.prepositions.get(&lower_case(words.get(at)?))?;
        if !hints.contains(&RoleHint::Of) && !hints.contains(&RoleHint::Source) {
            return None;
        }
        let start =
            at + 1 + usize::from(words.get(at + 1).is_some_and(|w| self.rules.determiners.contains(&lower_case(w))));
        let m = self.gaz.match_form(words.get(start..)?)?;
        let iso = self.gaz.entries[m.entry].iso.clone()?;
        Some((iso, start + m.len))
    }

    /// Who held an office on the article's day: a person already in the article, the
    /// gazetteer's holder, else a person described by the title.
    pub(super) fn office_holder(&mut self, position: PositionType, country: Option<&str>) -> Option<EntityId> {
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
                Some(ids::known(&self.gaz.entries[*one]))
            }
            _ => None,
        }
    }

    /// The label of a person described by the title at `i..after` (and what follows it up to
    /// `end`): its words, the title's last one as the grammar's lemma where that only drops an
    /// ending ("des Botschafters" → "Botschafter"), so every case of it names one person.
    fn title_label(&self, words: &[&str], i: usize, after: usize, end: usize) -> String {
        let mut parts: Vec<String> = words[i..end].iter().map(|w| w.to_string()).collect();
        if let Some(grammar) = self.grammar
            && after > i
        {
            let word = words[after - 1];
            let lemma = grammar.lemma(word, crate::syntax::ud::Upos::Noun);
            if lemma.len() < word.len() && word.starts_with(lemma.as_str()) {
                parts[after - 1 - i] = lemma;
            }
        }
        parts.join(" ")
    }

    /// The holder of an office on the article's day, else a person described by the title (one
    /// that held it, with the word that makes it a past one); `None` without a country.
    fn holder_or_described(
        &mut self,
        position: PositionType,
        country: Option<String>,
        label: String,
        former_word: Option<String>,
    ) -> Option<EntityId> {
        let former = former_word.is_some();
        if let Some(key) = (!former).then(|| self.office_holder(position, country.as_deref())).flatten() {
            return Some(key);
        }
        let country = country?;
        // "Vize-Außenminister": a word the title already opens with is not said twice.
        let label = match former_word {
            Some(word) if !label.starts_with(&word) => format!("{word} {label}"),
            _ => label,
        };
        let key = ids::described(&label);
        self.described_person(&key, label, &country, Some(position).filter(|_| !former));
        Some(key)
    }

    /// A person the article describes by an office of a state rather than names: in the table,
    /// holding the office where given, with the state beside it.
    pub(super) fn described_person(
        &mut self,
        key: &EntityId,
        label: String,
        country: &str,
        office: Option<PositionType>,
    ) {
        let person = self.table.upsert(Entity::local(
            key.clone(),
            EntityKind::Person,
            self.lang_tag,
            label,
            Some(country.to_string()),
        ));
        if let Some(kind) = office {
            person.hold(Position { kind, of: Some(country.to_string()) });
        }
        self.ensure_state(country);
    }

    /// "… und Frankreichs", "… und der Ukraine", "… and France", "…, Chile": a state joined by a
    /// coordinator or a comma right at `at` (a determiner may stand before it); in a genitive
    /// phrase (`genitive`), in the genitive where the language marks it, by its ending or a
    /// genitive determiner. With the end of its name.
    pub(super) fn joined_state(&self, words: &[&str], at: usize, genitive: bool) -> Option<(String, usize)> {
        let joiner = lower_case(words.get(at)?);
        if !self.rules.coordinators.contains(&joiner) && joiner != "," {
            return None;
        }
        let determiner = words.get(at + 1).map(|w| lower_case(w)).filter(|w| self.rules.determiners.contains(w));
        let start = at + 1 + usize::from(determiner.is_some());
        let m = self.gaz.match_form(words.get(start..)?)?;
        let entry = &self.gaz.entries[m.entry];
        let marked = !genitive
            || self.rules.genitive_endings.is_empty()
            || self.is_genitive(words[start + m.len - 1], entry)
            || determiner.is_some_and(|d| self.rules.genitive_determiners.contains(&d));
        entry.iso.clone().filter(|_| entry.kind == EntityKind::State && marked).map(|iso| (iso, start + m.len))
    }

    /// Is this word one that makes an office a past one: itself, its lemma, or it with an
    /// adjective ending ("frühere": "früher")?
    pub(super) fn is_former_form(&self, form: &str) -> bool {
        let former = &self.rules.former_words;
        let lower = lower_case(form);
        let inflected = self
            .rules
            .demonym_endings
            .iter()
            .any(|ending| lower.strip_suffix(ending.as_str()).is_some_and(|stem| former.contains(stem)));
        let lemma = || self.grammar.map(|g| g.lemma(form, crate::syntax::ud::Upos::Adj).to_lowercase());
        former.contains(&lower) || inflected || lemma().is_some_and(|l| former.contains(&l))
    }

    /// Gives a person known only from the text the country and the office a description names
    /// (a country it already has stays), and makes sure the country's state is in the table.
    pub(super) fn describe(&mut self, person: &EntityId, country: Option<String>, office: Option<PositionType>) {
        if let Some(c) = &country {
            self.ensure_state(c);
        }
        let Some(entity) = self.table.get_mut(person).filter(|e| !e.known) else {
            return;
        };
        if entity.country.is_none() {
            entity.country.clone_from(&country);
        }
        if let (Some(kind), Some(_)) = (office, &country) {
            let held = Position { kind, of: country };
            entity.hold(held);
        }
    }

    /// The word that makes the title at `i` a past office ("der ehemalige Außenminister", "the
    /// former president", "Ex-Präsident"): among the modifiers right before it, or its own prefix.
    pub(super) fn former_word(&self, tokens: &[Token], i: usize) -> Option<String> {
        if let Some((prefix, _)) = crate::text::split_first_hyphen(&tokens[i].text)
            && self.is_former_form(prefix)
        {
            return Some(prefix.to_string());
        }
        tokens[i.saturating_sub(3)..i]
            .iter()
            .rev()
            // "the former German chancellor": a demonym between; "US Vice President".
            .take_while(|t| {
                t.kind == TokenKind::Word
                    && (t.text.chars().next().is_some_and(char::is_lowercase)
                        || self.gaz.match_demonym(&[t.text.as_str()]).is_some()
                        || self.is_former_form(&t.text))
            })
            .find(|t| self.is_former_form(&t.text))
            .map(|t| t.text.clone())
    }

    /// The person whose name ends right before a comma and the determiners and modifiers before
    /// the title at `i` ("Tomas Berg, the former Prime Minister …").
    fn apposed_person(&self, tokens: &[Token], i: usize, out: &[Mention]) -> Option<EntityId> {
        let mut k = i;
        loop {
            if k > 0
                && tokens[k - 1].kind == TokenKind::Word
                && tokens[k - 1].text.chars().next().is_some_and(char::is_lowercase)
            {
                k -= 1;
            } else if let Some(state) = out.iter().find(|m| m.last == k && m.first < k && m.kind == EntityKind::State) {
                // "Tomas Berg, Norway's prime minister": the country before the title.
                k = state.first;
            } else {
                break;
            }
        }
        let comma = k.checked_sub(1).filter(|&c| tokens[c].is(','))?;
        out.iter()
            .rev()
            .find(|m| m.last == comma && m.kind == EntityKind::Person && m.form == MentionForm::Argument)
            .map(|m| m.entity.clone())
    }

    fn former_before(&self, tokens: &[Token], i: usize) -> bool {
        self.former_word(tokens, i).is_some()
    }
}
