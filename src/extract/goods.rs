//! Goods: what a shipment carries, read from the words of its clause.

use super::Reader;
use super::clauses::Clause;
use super::triggers::Trigger;
use crate::model::{EventKind, MaterielCategory};
use crate::syntax::tree::Tree;
use crate::syntax::ud::Upos;
use crate::text::Token;

/// The words that may name a clause's goods: its own, and for a relative clause its antecedent
/// ("Gewerbemüll, der … weitertransportiert werden sollte").
pub(super) fn goods_words<'t>(tokens: &'t [Token], clause: &Clause) -> impl Iterator<Item = &'t Token> {
    let antecedent =
        if clause.relative && clause.first >= 2 { &tokens[clause.first - 2..clause.first - 1] } else { &[] };
    tokens[clause.first..clause.last].iter().chain(antecedent)
}

impl<'a> Reader<'a> {
    pub(super) fn items(&self, tokens: &[Token], clause: &Clause, trigger: &Trigger<'_>) -> Vec<MaterielCategory> {
        if trigger.group.kind != EventKind::Shipment {
            return Vec::new();
        }
        let mut items: Vec<MaterielCategory> = goods_words(tokens, clause)
            .filter_map(|t| self.materiel(t.lower()))
            .chain(trigger.compound_head.as_deref().and_then(|h| self.materiel(h)))
            .chain(self.vehicles_handed_over(tokens, trigger.at).then_some(MaterielCategory::Goods))
            .collect();
        items.sort();
        items.dedup();
        items
    }

    pub(super) fn materiel(&self, word: &str) -> Option<MaterielCategory> {
        let word = word.trim_end_matches('-');
        self.rules
            .materiel
            .iter()
            .find(|(m, _)| {
                word == m.as_str()
                    || (word.starts_with(m.as_str()) && m.chars().count() >= 4)
                    // "Luftabwehrraketen", "Kleinwaffen": the listed noun as a compound's last part.
                    || (self.rules.closed_compounds && word.ends_with(m.as_str()) && m.chars().count() >= 6)
            })
            .map(|(_, c)| *c)
    }

    /// "übergab dem Irak zehn Hubschrauber", "sold two ships to Chile": a vehicle or carrier
    /// that is the object of a verb of handing over is the goods ("sent a ship" moves one's own;
    /// carried by it, it is governed by a preposition: "aid by helicopter"). From the tree;
    /// `false` without the grammar.
    pub(super) fn vehicles_handed_over(&self, tokens: &[Token], at: usize) -> bool {
        if !self.verb_lemma_in(tokens[at].lower(), &self.rules.handover_lemmas) {
            return false;
        }
        self.verb_tree_holds(tokens, at, |tree| {
            tree.objects(at).into_iter().any(|o| {
                let lower = tokens[o].lower();
                self.rules.vehicle_nouns.contains(lower) || self.rules.carrier_nouns.contains(lower)
            })
        })
    }

    /// "flew tons of aid to Turkey", "Hilfsgüter wurden … geflogen": goods are what the verb at
    /// `at` moves, its object or its passive's subject, or are what that noun measures. From the
    /// tree; `false` without the grammar.
    pub(super) fn goods_moved(&self, tokens: &[Token], at: usize) -> bool {
        self.verb_tree_holds(tokens, at, |tree| {
            let moved = if tree.is_passive(at) { tree.subjects(at) } else { tree.objects(at) };
            moved.into_iter().any(|o| {
                std::iter::once(o)
                    .chain(tree.children(o).iter().copied())
                    .any(|w| self.materiel(tokens[w].lower()).is_some())
            })
        })
    }

    /// Asks `what` of the sentence's tree where the tagger and the tree take the word at `at`
    /// for a verb; `false` without the grammar or where it is no verb.
    fn verb_tree_holds(&self, tokens: &[Token], at: usize, what: impl Fn(&Tree<'_>) -> bool) -> bool {
        let Some(words) = self.parsed_where(tokens, |tags| super::grammar::is_verb(tags, at)) else { return false };
        if at >= words.len() || words[at].upos != Upos::Verb {
            return false;
        }
        what(&Tree::new(&words))
    }

    /// The first carrier noun ("Hilfskonvoi", "convoy", "ship") between two positions that no
    /// preposition governs ("arrived by ship", "mit dem Schiff" carry a traveller); a vehicle
    /// ("Flugzeug", "plane") only where goods are named between them too.
    /// Where a goods word stands in `first..at`, the first one: goods that are the subject of
    /// an arriving verb ("Waffen aus dem Iran erreichten die Hisbollah").
    pub(super) fn goods_before(&self, tokens: &[Token], first: usize, at: usize) -> Option<usize> {
        (first..at.min(tokens.len())).find(|&k| self.materiel(tokens[k].lower()).is_some())
    }

    pub(super) fn carrier_in(&self, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
        const REACH: usize = 3;
        let last = last.min(tokens.len());
        let goods = || tokens[first..last].iter().any(|t| self.materiel(t.lower()).is_some());
        let noun_of = |list: &crate::lang::WordSet, lower: &str| {
            list.iter().any(|c| {
                lower == c.as_str()
                    || (self.rules.closed_compounds && lower.len() > c.len() + 2 && lower.ends_with(c.as_str()))
            })
        };
        (first..last).find(|&k| {
            let lower = tokens[k].lower();
            let carrier =
                noun_of(&self.rules.carrier_nouns, lower) || (noun_of(&self.rules.vehicle_nouns, lower) && goods());
            carrier
                && !tokens[k.saturating_sub(REACH).max(first)..k]
                    .iter()
                    .any(|t| self.rules.prepositions.contains_key(t.lower()))
        })
    }
}
