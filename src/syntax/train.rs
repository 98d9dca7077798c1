//! Training: every part of a [`Model`] from treebank sentences, deterministically.
//!
//! The parser and its arc labels learn from tags predicted by taggers that did not see the sentence
//! (jackknifing), so that they expect the tagger's mistakes they will meet at run time.

use super::conllu::Block;
use super::lemma::Lemmatiser;
use super::lexicon::{Lexicon, Shape};
use super::parser::Item;
use super::perceptron::{Trainer, Weights};
use super::ud::{Deprel, Feats, Upos};
use super::{Model, parser, tagger};
use rayon::prelude::*;

/// How long and how hard to train.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Passes of the part-of-speech and morphology models.
    pub tagger_epochs: usize,
    /// Passes of the parser.
    pub parser_epochs: usize,
    /// Parts the training data is cut into for jackknifed tags.
    pub folds: usize,
    /// Smallest averaged weight kept in the model.
    pub keep: f32,
    /// Fewest updates a feature needs to be kept.
    pub min_updates: u32,
    /// More updates a feature of the morphology model needs (it has many classes, so many small weights).
    pub feats_extra_updates: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { tagger_epochs: 10, parser_epochs: 15, folds: 5, keep: 0.02, min_updates: 2, feats_extra_updates: 2 }
    }
}

/// The held-back split: sentences at 0-based position ≡ 9 (mod 10) of each file are never trained on.
pub fn held_back(position: usize) -> bool {
    position % 10 == 9
}

/// Splits the sentences of each treebank file into training and held-back sentences; with
/// `tenth_less`, the training part also loses the sentences at positions ≡ 8 (mod 10).
pub fn split(files: Vec<Vec<Block>>, tenth_less: bool) -> (Vec<Block>, Vec<Block>) {
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for blocks in files {
        for (i, b) in blocks.into_iter().enumerate() {
            if held_back(i) {
                test.push(b);
            } else if !(tenth_less && i % 10 == 8) {
                train.push(b);
            }
        }
    }
    (train, test)
}

/// A sentence's position with the tags and features a tagger gave it.
type Tagging = (usize, Vec<Upos>, Vec<Feats>);

struct Sentence {
    shapes: Vec<Shape>,
    upos: Vec<Upos>,
    feats: Vec<Feats>,
    heads: Vec<Option<usize>>,
    labels: Vec<Deprel>,
}

/// Mends a known annotation slip before learning from a sentence: a determiner of a noun
/// labelled `dep` (German GSD labels about 150 sentence-initial determiners so) is `det`, or
/// `det:poss` when it is possessive.
fn mend(block: &mut Block) {
    let heads: Vec<Option<Upos>> =
        block.rows.iter().map(|r| r.head.checked_sub(1).and_then(|h| block.rows.get(h)).map(|h| h.upos)).collect();
    for (row, head) in block.rows.iter_mut().zip(heads) {
        let nominal_head = head.is_some_and(|h| matches!(h, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num));
        if row.upos == Upos::Det && row.deprel == Deprel::default() && nominal_head {
            let possessive = row.feats.raw(super::ud::Attr::Poss) != 0;
            row.deprel = Deprel::parse(if possessive { "det:poss" } else { "det" });
        }
    }
}

/// A permutation of `0..n` that depends only on `n` and `round`.
fn order(n: usize, round: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut x = 0x2545_f491_4f6c_dd1d_u64 ^ (round as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

fn taggers(data: &[&Sentence], s: &Settings) -> (Weights, Weights) {
    let mut upos = Trainer::new(Upos::ALL.len());
    let mut feats = Trainer::new(tagger::feature_classes());
    for epoch in 0..s.tagger_epochs {
        let o = order(data.len(), epoch);
        let example = |i: usize| tagger::Example {
            shapes: &data[i].shapes,
            upos: &data[i].upos,
            feats: &data[i].feats,
            first: None,
        };
        let batch: Vec<tagger::Example<'_>> = o.iter().map(|&i| example(i)).collect();
        let guessed = tagger::train_upos_epoch(&mut upos, &batch);
        let batch: Vec<tagger::Example<'_>> =
            o.iter().zip(&guessed).map(|(&i, g)| tagger::Example { first: Some(g), ..example(i) }).collect();
        tagger::train_feats_epoch(&mut feats, &batch);
    }
    (upos.finish(s.keep, s.min_updates), feats.finish(s.keep, s.min_updates + s.feats_extra_updates))
}

/// Trains a model on `blocks` with the lexicon of its language; `log` hears about progress.
///
/// A sentence with multi-word tokens is learned twice: as syntactic words ("zu dem") and as
/// written ("zum"), the way kgexport's own tokens come.
pub fn train(blocks: &[Block], lexicon: Lexicon, s: &Settings, log: &(dyn Fn(&str) + Sync)) -> Model {
    let surface: Vec<Block> = blocks.iter().filter_map(Block::surface).collect();
    let mut blocks: Vec<Block> = blocks.iter().cloned().chain(surface).collect();
    blocks.iter_mut().for_each(mend);
    let blocks = &blocks[..];
    let sentences: Vec<Sentence> = blocks
        .iter()
        .filter(|b| !b.rows.is_empty())
        .map(|b| Sentence {
            shapes: b.rows.iter().map(|r| Shape::of(&r.form, &lexicon)).collect(),
            upos: b.rows.iter().map(|r| r.upos).collect(),
            feats: b.rows.iter().map(|r| r.feats).collect(),
            heads: b.rows.iter().map(|r| r.head.checked_sub(1)).collect(),
            labels: b.rows.iter().map(|r| r.deprel).collect(),
        })
        .collect();
    let all: Vec<&Sentence> = sentences.iter().collect();
    log(&format!("{} sentences, {} words", sentences.len(), sentences.iter().map(|s| s.upos.len()).sum::<usize>()));

    // Jackknifed tags: each fold tagged by taggers trained on the other folds.
    let folds = s.folds.max(2);
    let predicted: Vec<Vec<Tagging>> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let rest: Vec<&Sentence> =
                all.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, s)| *s).collect();
            let (upos, feats) = taggers(&rest, s);
            all.iter()
                .enumerate()
                .filter(|(i, _)| i % folds == k)
                .map(|(i, sent)| {
                    // No tables: every feature looked up (the same scores, built for nothing once);
                    // no run-time rules: the weights' own tags.
                    use tagger::Decoding::Learned;
                    let none = super::small::Tables::default();
                    let (first, _) = tagger::tag_upos(&upos, &none, &sent.shapes, None, Learned);
                    let (f, tags) = tagger::tag_feats(&feats, &none, &sent.shapes, &first, None, Learned, None);
                    (i, tags, f)
                })
                .collect()
        })
        .collect();
    let mut jack: Vec<(Vec<Upos>, Vec<Feats>)> = vec![(Vec::new(), Vec::new()); sentences.len()];
    for (i, t, f) in predicted.into_iter().flatten() {
        jack[i] = (t, f);
    }
    let right: usize =
        jack.iter().zip(&sentences).map(|((t, _), s)| t.iter().zip(&s.upos).filter(|(a, b)| a == b).count()).sum();
    log(&format!("jackknifed UPOS {:.3}", right as f64 / sentences.iter().map(|s| s.upos.len()).sum::<usize>() as f64));

    let items: Vec<Vec<Item>> = sentences
        .iter()
        .zip(&jack)
        .map(|(s, (t, f))| {
            s.shapes.iter().zip(t.iter().zip(f)).map(|(sh, (&u, &f))| Item { shape: *sh, upos: u, feats: f }).collect()
        })
        .collect();

    let ((upos, feats), (parser, arcs, labels)) =
        rayon::join(|| taggers(&all, s), || train_parser(&sentences, &items, s, log));
    let noun_clusters = noun_clusters(blocks, &lexicon);
    let lemmatiser = Lemmatiser::learn(
        blocks.iter().flat_map(|b| b.rows.iter().map(|r| (r.form.as_str(), r.upos, r.lemma.as_str()))),
    );
    for (name, w) in [("upos", &upos), ("feats", &feats), ("parser", &parser), ("arcs", &arcs)] {
        let mut e = super::codec::Encoder::default();
        w.encode(&mut e);
        log(&format!("{name}: {} bytes", e.into_bytes().len()));
    }
    let tables = super::tables(&upos, &feats, &parser, &arcs, labels.len());
    let ends = super::parser::Place::ends(&parser, &tables[2]);
    Model {
        lexicon,
        upos,
        feats,
        parser,
        arcs,
        tables,
        ends,
        slots: super::parser::slots(&labels),
        labels,
        lemmatiser,
        noun_clusters,
        grammar: super::Grammar::default(),
        id: super::next_id(),
    }
}

/// The word clusters most of whose treebank words are nouns (at least three words seen).
fn noun_clusters(blocks: &[Block], lexicon: &Lexicon) -> Vec<u32> {
    let mut counts: std::collections::BTreeMap<u32, (usize, usize)> = std::collections::BTreeMap::new();
    for r in blocks.iter().flat_map(|b| &b.rows) {
        if let Some(c) = lexicon.cluster_exact(&r.form) {
            let e = counts.entry(c).or_default();
            e.0 += usize::from(r.upos == Upos::Noun);
            e.1 += 1;
        }
    }
    counts.into_iter().filter(|(_, (nouns, all))| *all >= 3 && 2 * nouns > *all).map(|(c, _)| c).collect()
}

fn train_parser(
    sentences: &[Sentence],
    items: &[Vec<Item>],
    s: &Settings,
    log: &(dyn Fn(&str) + Sync),
) -> (Weights, Weights, Vec<Deprel>) {
    let mut labels: Vec<Deprel> = sentences.iter().flat_map(|s| s.labels.iter().copied()).collect();
    labels.extend([Deprel::ROOT, Deprel::default()]);
    labels.sort();
    labels.dedup();
    let root = labels.iter().position(|l| *l == Deprel::ROOT).expect("root is a label");
    let gold: Vec<Vec<usize>> =
        sentences.iter().map(|s| s.labels.iter().map(|l| labels.binary_search(l).unwrap_or(root)).collect()).collect();
    let mut moves = Trainer::new(parser::MOVES);
    let mut arcs = Trainer::new(labels.len());
    for epoch in 0..s.parser_epochs {
        let batch: Vec<parser::Example<'_>> = order(sentences.len(), 100 + epoch)
            .into_iter()
            .map(|i| parser::Example { items: &items[i], heads: &sentences[i].heads, labels: &gold[i] })
            .collect();
        let (right, all) = parser::train_epoch(&mut moves, &mut arcs, root, &batch);
        log(&format!("parser pass {}: train UAS {:.3}", epoch + 1, right as f64 / all.max(1) as f64));
    }
    (moves.finish(s.keep, s.min_updates), arcs.finish(s.keep, s.min_updates), labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_determiner_labelled_dep_is_mended() {
        let text = "1\tDie\tder\tDET\t_\t_\t2\tdep\t_\t_\n2\tLage\tLage\tNOUN\t_\t_\t0\troot\t_\t_\n";
        let mut b = super::super::conllu::read(text).unwrap().remove(0);
        mend(&mut b);
        assert_eq!(b.rows[0].deprel.to_string(), "det");
    }

    #[test]
    fn training_twice_gives_the_same_bytes() {
        let text = "1\tDie\tder\tDET\t_\tCase=Nom\t2\tdet\t_\t_\n2\tMinisterin\tMinisterin\tNOUN\t_\tCase=Nom\t3\tnsubj\t_\t_\n\
                    3\treiste\treisen\tVERB\t_\tMood=Ind\t0\troot\t_\t_\n4\tab\tab\tADP\t_\t_\t3\tcompound:prt\t_\t_\n\n\
                    1\tEr\ter\tPRON\t_\tCase=Nom\t2\tnsubj\t_\t_\n2\tkam\tkommen\tVERB\t_\t_\t0\troot\t_\t_\n\n";
        let blocks: Vec<Block> = super::super::conllu::read(text).unwrap().into_iter().cycle().take(12).collect();
        let settings = Settings { tagger_epochs: 2, parser_epochs: 2, ..Settings::default() };
        let quiet = |_: &str| {};
        let a = train(&blocks, Lexicon::default(), &settings, &quiet).encode();
        let b = train(&blocks, Lexicon::default(), &settings, &quiet).encode();
        assert_eq!(a, b);
        let model = Model::decode(&a, Lexicon::default()).unwrap();
        let words = model.analyse(&["Die", "Ministerin", "reiste", "ab"]);
        assert_eq!(words[2].head, None);
        assert_eq!(words[3].deprel.to_string(), "compound:prt");
    }

    #[test]
    fn orders_are_permutations_and_repeatable() {
        let a = order(50, 3);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_eq!(a, order(50, 3));
        assert_ne!(a, order(50, 4));
        assert!(held_back(9) && held_back(19) && !held_back(10));
    }
}
