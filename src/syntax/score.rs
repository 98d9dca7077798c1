//! Scoring: a model's accuracy on treebank sentences, with the gold tokens given.

use super::Model;
use super::conllu::Block;
use super::ud::{Attr, Rel, Upos};
use std::fmt;

/// Counts of right answers over the words of a test set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Right part of speech.
    pub upos: usize,
    /// Right lemma.
    pub lemma: usize,
    /// Right set of all predicted features.
    pub feats: usize,
    /// Nouns, pronouns, determiners and adjectives (by the gold tag).
    pub nominal: usize,
    /// Of these, right `Case` (including its absence).
    pub case: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and full relation (with subtype).
    pub las: usize,
    /// Core-argument and oblique arcs predicted.
    pub core_predicted: usize,
    /// Core-argument and oblique arcs in the gold trees.
    pub core_gold: usize,
    /// Core-argument and oblique arcs right in head and relation.
    pub core_right: usize,
}

fn is_core(rel: Rel) -> bool {
    matches!(rel, Rel::Nsubj | Rel::Obj | Rel::Iobj | Rel::Obl)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Scores {
    /// Scores the model on every sentence.
    pub fn measure(model: &Model, blocks: &[Block]) -> Scores {
        let mut s = Scores::default();
        for b in blocks {
            let forms: Vec<&str> = b.rows.iter().map(|r| r.form.as_str()).collect();
            let words = model.analyse(&forms);
            for (gold, got) in b.rows.iter().zip(&words) {
                s.words += 1;
                s.upos += usize::from(gold.upos == got.upos);
                s.lemma += usize::from(gold.lemma == got.lemma);
                s.feats += usize::from(gold.feats == got.feats);
                if carries_case(gold.upos) {
                    s.nominal += 1;
                    s.case += usize::from(gold.feats.raw(Attr::Case) == got.feats.raw(Attr::Case));
                }
                let gold_head = gold.head.checked_sub(1);
                let head_right = gold_head == got.head;
                s.uas += usize::from(head_right);
                s.las += usize::from(head_right && gold.deprel == got.deprel);
                let (gc, pc) = (is_core(gold.deprel.rel), is_core(got.deprel.rel));
                s.core_gold += usize::from(gc);
                s.core_predicted += usize::from(pc);
                s.core_right += usize::from(pc && head_right && gold.deprel.rel == got.deprel.rel);
            }
        }
        s
    }

    /// Part-of-speech accuracy.
    pub fn upos(&self) -> f64 {
        ratio(self.upos, self.words)
    }
    /// Lemma accuracy.
    pub fn lemma(&self) -> f64 {
        ratio(self.lemma, self.words)
    }
    /// Accuracy of the whole feature set.
    pub fn feats(&self) -> f64 {
        ratio(self.feats, self.words)
    }
    /// `Case` accuracy on nominal words.
    pub fn case(&self) -> f64 {
        ratio(self.case, self.nominal)
    }
    /// Unlabelled attachment score.
    pub fn uas(&self) -> f64 {
        ratio(self.uas, self.words)
    }
    /// Labelled attachment score.
    pub fn las(&self) -> f64 {
        ratio(self.las, self.words)
    }
    /// F1 of `nsubj`, `obj`, `iobj` and `obl` attachments.
    pub fn core_f1(&self) -> f64 {
        let (p, r) = (ratio(self.core_right, self.core_predicted), ratio(self.core_right, self.core_gold));
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "words {} UPOS {:.3} lemma {:.3} feats {:.3} Case {:.3} UAS {:.3} LAS {:.3} core-F1 {:.3}",
            self.words,
            self.upos(),
            self.lemma(),
            self.feats(),
            self.case(),
            self.uas(),
            self.las(),
            self.core_f1()
        )
    }
}

/// The parts of speech whose `Case` is scored: nouns, pronouns, determiners and adjectives.
pub fn carries_case(upos: Upos) -> bool {
    matches!(upos, Upos::Noun | Upos::Pron | Upos::Det | Upos::Adj)
}
