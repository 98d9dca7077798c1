//! Affiliation: the country and office that the phrases describing an unknown person give it
//! ("Ana Ruiz, die Leiterin der spanischen Zollbehörde", "der CSU-Politiker Hans-Peter Friedrich",
//! "Tomas Berg, the Prime Minister of Norland"), read from the sentence's dependency tree.

use super::{Mention, MentionForm, Resolver};
use crate::analysis::SentenceAnalysis;
use crate::lang::RoleHint;
use crate::model::EntityKind;
use crate::syntax::tree::Tree;
use crate::text::Sentence;

impl Resolver<'_> {
    /// Gives each unknown person first named in the sentence, without a country, the country of
    /// the nearest actor or place named in its description, and the office its title names unless the
    /// description calls it a past one ("der ehemalige Ministerpräsident").
    pub(super) fn affiliations(&mut self, sentence: &Sentence, mentions: &[Mention], analysis: &SentenceAnalysis) {
        if analysis.grammar().is_none() {
            return;
        }
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
        // Nor can one where every such thing is the person or a place things are only located in.
        if !open.iter().any(|p| mentions.iter().any(|o| o.entity != p.entity && self.country_given(o).is_some())) {
            return;
        }
        let Some(words) = analysis.words(&sentence.tokens) else {
            return;
        };
        let tree = Tree::new(&words);
        let forms: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
        for person in open {
            let mut described = tree.descriptions(person.first, person.last);
            let Some(country) = self.country_described(&described, mentions, person) else {
                continue;
            };
            described.sort_unstable();
            let former = described.iter().any(|&i| self.is_former_form(forms[i]));
            let office = described.iter().find_map(|&i| self.gaz.match_title(&forms[i..]).map(|(t, _)| t.position));
            self.describe(&person.entity, Some(country), office.filter(|_| !former));
        }
    }

    /// The country of the first actor or place named in the description, nearest first; a place
    /// the description only locates things in ("der Botschafter in Moskau") does not count.
    fn country_described(&self, described: &[usize], mentions: &[Mention], person: &Mention) -> Option<String> {
        described.iter().find_map(|&i| {
            mentions
                .iter()
                .filter(|o| o.first <= i && i < o.last && o.entity != person.entity)
                .find_map(|o| self.country_given(o))
        })
    }

    /// The country a mention in a description gives: its entity's, unless it only locates things.
    fn country_given(&self, o: &Mention) -> Option<String> {
        if matches!(o.hint, Some(RoleHint::Location | RoleHint::Destination | RoleHint::Near)) {
            return None;
        }
        Some(self.iso_of(&o.entity)).filter(|iso| !iso.is_empty())
    }
}
