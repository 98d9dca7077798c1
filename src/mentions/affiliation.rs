//! Affiliation: the country and office that the phrases describing an unknown person give it
//! ("Ana Ruiz, die Leiterin der spanischen Zollbehörde", "der CSU-Politiker Hans-Peter Friedrich",
//! "Tomas Berg, the Prime Minister of Norland"), read from the sentence's dependency tree.

use super::{Mention, MentionForm, Resolver};
use crate::lang::RoleHint;
use crate::model::{EntityKind, Position};
use crate::syntax::Word;
use crate::syntax::tree::Tree;
use crate::text::Sentence;

impl Resolver<'_> {
    /// Gives each unknown person first named in the sentence, without a country, the country of
    /// the nearest actor or place named in its description, and the office its title names unless the
    /// description calls it a past one ("der ehemalige Ministerpräsident").
    pub(super) fn affiliations(&mut self, sentence: &Sentence, mentions: &[Mention]) {
        let Some(grammar) = self.grammar else {
            return;
        };
        // News introduces a person where it first names them: only that mention is read.
        let open: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument)
            .filter(|m| !self.introduced.contains(&m.entity))
            .filter(|m| self.table.get(&m.entity).is_some_and(|e| !e.known && e.country.is_none()))
            .collect();
        self.introduced.extend(open.iter().map(|m| m.entity.clone()));
        // Only a sentence that names something with a country can give one.
        let mut countries = mentions
            .iter()
            .filter(|o| !open.iter().any(|p| p.entity == o.entity) && !self.iso_of(&o.entity).is_empty());
        if open.is_empty() || countries.next().is_none() {
            return;
        }
        let words = grammar.analyse_sentence(sentence);
        let tree = Tree::new(&words);
        for person in open {
            let described = tree.descriptions(person.first, person.last);
            let Some(country) = self.country_described(&described, mentions, person) else {
                continue;
            };
            let forms: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
            let office = (!self.is_former(&words, &described))
                .then(|| {
                    let mut starts = described.clone();
                    starts.sort_unstable();
                    starts.iter().find_map(|&i| self.gaz.match_title(&forms[i..]).map(|(title, _)| title.position))
                })
                .flatten()
                .map(|kind| Position { kind, of: Some(country.clone()) });
            self.ensure_state(&country);
            if let Some(entity) = self.table.get_mut(&person.entity) {
                entity.country = Some(country);
                if let Some(office) = office
                    && entity.positions.is_empty()
                {
                    entity.positions.push(office);
                }
            }
        }
    }

    /// The country of the first actor or place named in the description, nearest first; a place
    /// the description only locates things in ("der Botschafter in Moskau") does not count.
    fn country_described(&self, described: &[usize], mentions: &[Mention], person: &Mention) -> Option<String> {
        described.iter().find_map(|&i| {
            mentions
                .iter()
                .filter(|o| o.first <= i && i < o.last && o.entity != person.entity)
                .filter(|o| !matches!(o.hint, Some(RoleHint::Location | RoleHint::Destination | RoleHint::Near)))
                .map(|o| self.iso_of(&o.entity))
                .find(|iso| !iso.is_empty())
        })
    }

    /// Does the description call the office a past one?
    fn is_former(&self, words: &[Word], described: &[usize]) -> bool {
        described
            .iter()
            .any(|&i| words.get(i).is_some_and(|w| self.rules.former_words.contains(&w.lemma.to_lowercase())))
    }
}
