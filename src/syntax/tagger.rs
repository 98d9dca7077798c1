//! Tagging: universal parts of speech left to right, then morphological features from both sides.

use super::lexicon::{NONE, Shape};
use super::perceptron::{Feature, Trainer, Weights, best, feature, feature2, feature3, hash_str, to_scores};
use super::small::{Kind, Scorer, Sink, Small, Tables};
use super::ud::{Attr, Feats, Upos};
use std::sync::LazyLock;

/// A part of speech as the taggers read it: 0 for none, else its index plus one.
const TAG: Kind = Kind::Below(Upos::ALL.len() as u8 + 1);
const U_BIAS: Small = Small { template: 0, kinds: &[] };
const U23: Small = Small { template: 23, kinds: &[TAG] };
const U24: Small = Small { template: 24, kinds: &[TAG, TAG] };
const F40: Small = Small { template: 40, kinds: &[TAG] };

/// The templates of the parts of speech read from tables.
pub fn upos_templates() -> Vec<Small> {
    vec![U_BIAS, U23, U24]
}

/// The templates of the morphology read from tables.
pub fn feats_templates() -> Vec<Small> {
    vec![F40]
}

/// The features of the part-of-speech decision at `i`, given the tags chosen before it.
pub fn upos_features(shapes: &[Shape], i: usize, tags: &[Upos], out: &mut impl Sink) {
    own_upos_features(shapes, i, out);
    after_upos_features(shapes, i, tags, out);
}

/// The features of the part-of-speech decision at `i` that read no decision before it.
fn own_upos_features(shapes: &[Shape], i: usize, out: &mut impl Sink) {
    let at = |d: isize| shape_at(shapes, i, d);
    let w = at(0);
    out.small(&U_BIAS, [0; 3]);
    out.word(feature(1, w.norm));
    out.word(feature(2, w.form));
    for (k, s) in w.suffix.iter().enumerate() {
        out.word(feature(3 + k as u32, *s));
    }
    out.word(feature(7, w.prefix[0]));
    out.word(feature(8, w.prefix[1]));
    out.word(feature2(9, w.pattern, u64::from(w.known)));
    out.push(feature2(10, w.pattern, u64::from(i == 0)));
    for (k, c) in w.cluster.iter().enumerate() {
        if *c != 0 {
            out.word(feature(11 + k as u32, *c));
        }
    }
    let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    out.push(feature(14, p1.norm));
    out.push(feature(15, p2.norm));
    out.push(feature(16, n1.norm));
    out.push(feature(17, n2.norm));
    out.push(feature(18, p1.suffix[2]));
    out.push(feature(19, n1.suffix[2]));
    out.push(feature(20, n1.pattern));
    out.push(feature(21, p1.cluster[0]));
    out.push(feature(22, n1.cluster[0]));
    out.push(feature2(27, w.norm, n1.norm));
    out.push(feature2(28, p1.norm, w.norm));
}

/// The features of the part-of-speech decision at `i` that read the tags chosen before it.
fn after_upos_features(shapes: &[Shape], i: usize, tags: &[Upos], out: &mut impl Sink) {
    let tag = |d: usize| if i >= d { tags[i - d] as u64 + 1 } else { 0 };
    let (w, n1) = (shape_at(shapes, i, 0), shape_at(shapes, i, 1));
    out.small(&U23, [tag(1), 0, 0]);
    out.small(&U24, [tag(1), tag(2), 0]);
    out.push(feature2(25, tag(1), w.norm));
    out.push(feature2(26, tag(1), w.suffix[2]));
    out.push(feature2(29, tag(1), n1.norm));
}

fn shape_at(shapes: &[Shape], i: usize, d: isize) -> Shape {
    let j = i as isize + d;
    if j < 0 || j as usize >= shapes.len() {
        let s = NONE ^ (d as u64);
        return Shape { form: s, norm: s, suffix: [s; 4], prefix: [s; 2], pattern: s, cluster: [s; 3], known: false };
    }
    shapes[j as usize]
}

/// Where each attribute's values lie among the classes of the feature model: `[absent, value 1, …]`.
pub fn attr_offsets() -> [(Attr, usize, usize); 15] {
    let mut out = [(Attr::Case, 0, 0); 15];
    let mut at = 0;
    for (k, attr) in Attr::ALL.into_iter().enumerate() {
        let n = attr.values().len() + 1;
        out[k] = (attr, at, n);
        at += n;
    }
    out
}

/// Where the second look at the part of speech lies among the classes of the feature model.
fn upos_offset() -> usize {
    attr_offsets().iter().map(|(_, _, n)| n).sum()
}

/// Number of classes of the feature model: every attribute's values, then the parts of speech.
pub fn feature_classes() -> usize {
    upos_offset() + Upos::ALL.len()
}

/// The features of the morphology decision at `i`, given every tag and the features chosen before it.
pub fn feats_features(shapes: &[Shape], tags: &[Upos], i: usize, done: &[Feats], out: &mut impl Sink) {
    own_feats_features(shapes, tags, i, out);
    if i > 0 {
        after_feats_features(tags, i, done[i - 1], out);
    }
}

/// The features of the morphology decision at `i` that read no decision before it.
fn own_feats_features(shapes: &[Shape], tags: &[Upos], i: usize, out: &mut impl Sink) {
    let at = |d: isize| shape_at(shapes, i, d);
    let tag = |d: isize| {
        let j = i as isize + d;
        if j < 0 || j as usize >= tags.len() { 0 } else { tags[j as usize] as u64 + 1 }
    };
    let w = at(0);
    let t = tag(0);
    out.small(&F40, [t, 0, 0]);
    out.word(feature2(41, t, w.norm));
    out.word(feature2(42, t, w.form));
    for (k, s) in w.suffix.iter().enumerate() {
        out.word(feature2(43 + k as u32, t, *s));
    }
    out.word(feature2(47, t, w.cluster[0]));
    out.push(feature3(48, t, tag(-1), tag(1)));
    out.push(feature3(49, t, tag(-2), tag(-1)));
    out.push(feature3(50, t, tag(1), tag(2)));
    out.push(feature2(51, t, at(-1).norm));
    out.push(feature2(52, t, at(1).norm));
    out.push(feature3(53, t, at(-1).norm, w.suffix[1]));
    out.push(feature2(54, t, at(-2).norm));
    // The word that governs or agrees: the nearest preposition and determiner to the left in the phrase.
    let mut j = i;
    let mut saw_det = false;
    while j > 0 && i - j < 5 {
        j -= 1;
        match tags[j] {
            Upos::Adp => {
                out.push(feature3(55, t, shapes[j].norm, u64::from(saw_det)));
                out.push(feature3(56, t, shapes[j].norm, w.suffix[1]));
                break;
            }
            Upos::Det if !saw_det => {
                saw_det = true;
                out.push(feature2(57, t, shapes[j].norm));
                out.push(feature3(58, t, shapes[j].norm, w.suffix[1]));
            }
            Upos::Adj | Upos::Det | Upos::Num | Upos::Adv => {}
            _ => break,
        }
    }
}

/// The features of the morphology decision at `i > 0` that read the features chosen for the word before.
fn after_feats_features(tags: &[Upos], i: usize, prev: Feats, out: &mut impl Sink) {
    let tag = |j: usize| tags.get(j).map_or(0, |t| *t as u64 + 1);
    for attr in [Attr::Case, Attr::Number, Attr::Gender] {
        out.push(feature3(59 + attr as u32, tag(i), u64::from(prev.raw(attr)), tag(i - 1)));
    }
}

/// Which tags a tagger may choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoding {
    /// The best-scoring tags, as the weights were trained (the jackknifed tags the parser learns from).
    Learned,
    /// With the run-time rules: a capitalised word the lexicon does not know is no verb, and a
    /// sentence of three words or more without a verb takes as its verb the lower-case noun or
    /// adjective whose verb score came second and nearest to its tag's, if near enough.
    Ruled,
}

/// How far short of the chosen tag's score a word's verb score may fall for a sentence without a
/// verb to take the word as its verb, in the weights' units (at 12 the held-back scores do not
/// move; at 16 the check half starts to lose words).
const VERB_MARGIN: f32 = 12.0;

/// Tags a sentence's parts of speech; returns the tags and the word the rules made the
/// sentence's verb, if they did.
///
/// `words` holds the sums of each word's own features ([`word_sums`]) when they were worked out
/// before; without it they are looked up with the rest.
pub fn tag_upos(
    model: &Weights,
    tables: &Tables,
    shapes: &[Shape],
    words: Option<&[UposSums]>,
    decoding: Decoding,
) -> (Vec<Upos>, Option<usize>) {
    // The features that read no decision before the word's, of every word at once.
    let mut own = vec![UposSums::default(); shapes.len()];
    let mut features = Vec::with_capacity(16 * shapes.len());
    let mut bounds = Vec::with_capacity(shapes.len() + 1);
    bounds.push(0);
    for (i, sums) in own.iter_mut().enumerate() {
        if let Some(w) = words.and_then(|w| w.get(i)) {
            *sums = *w;
        }
        let mut scorer = Scorer { tables, sums, hashed: &mut features, summed_words: words.is_some() };
        own_upos_features(shapes, i, &mut scorer);
        bounds.push(features.len());
    }
    model.add_runs(&features, &bounds, own.as_flattened_mut());
    let ruled = decoding == Decoding::Ruled;
    let (tags, lacks) = decode(model, tables, shapes, &own, None, ruled);
    // A sentence needs a verb: where none was chosen, the word that came nearest to one is one,
    // if it came near enough.
    let words = tags.iter().filter(|t| **t != Upos::Punct).count();
    if ruled && words >= 3 && !tags.iter().any(|t| is_verb(*t)) {
        let nearest = (0..tags.len())
            .filter(|&i| matches!(tags[i], Upos::Noun | Upos::Adj) && shapes[i].pattern == *LOWER_CASE)
            .min_by(|&a, &b| lacks[a].total_cmp(&lacks[b]));
        if let Some(i) = nearest.filter(|&i| lacks[i] < VERB_MARGIN) {
            return (decode(model, tables, shapes, &own, Some(i), ruled).0, Some(i));
        }
    }
    (tags, None)
}

/// A verb or an auxiliary.
fn is_verb(t: Upos) -> bool {
    matches!(t, Upos::Verb | Upos::Aux)
}

/// The shapes of a capitalised word and of a word in lower case.
static CAPITALISED: LazyLock<u64> = LazyLock::new(|| hash_str("Xx"));
static LOWER_CASE: LazyLock<u64> = LazyLock::new(|| hash_str("x"));

/// A capitalised word the lexicon does not know: a name or a noun, never a verb, whatever its
/// ending ("Biden", "Modi"); the lexicon knows the verbs.
fn unknown_name(shape: &Shape) -> bool {
    !shape.known && shape.pattern == *CAPITALISED
}

/// Chooses the parts of speech left to right, given the sums of each word's own features;
/// `force` makes one word a verb, and `ruled` keeps capitalised words the lexicon does not know
/// from being verbs. Returns the tags and how far each word's verb score fell short of the
/// chosen tag's.
fn decode(
    model: &Weights,
    tables: &Tables,
    shapes: &[Shape],
    own: &[UposSums],
    force: Option<usize>,
    ruled: bool,
) -> (Vec<Upos>, Vec<f32>) {
    let mut tags = Vec::with_capacity(own.len());
    let mut lacks = Vec::with_capacity(own.len());
    let mut features = Vec::with_capacity(16);
    let mut scores = [0.0; Upos::ALL.len()];
    for (i, own) in own.iter().enumerate() {
        let sums = &mut own.clone();
        features.clear();
        after_upos_features(shapes, i, &tags, &mut Scorer { tables, sums, hashed: &mut features, summed_words: false });
        model.add(&features, sums);
        to_scores(sums, &mut scores);
        let verb = Upos::Verb.index();
        let allowed = |c: usize| !(ruled && unknown_name(&shapes[i]) && is_verb(Upos::ALL[c]));
        let chosen = if force == Some(i) { verb } else { best(&scores, allowed).unwrap_or(Upos::X as usize) };
        // Only a word whose verb score came second is near a verb.
        let runner_up = best(&scores, |c| c != chosen && allowed(c)) == Some(verb);
        lacks.push(if chosen == verb || runner_up { scores[chosen] - scores[verb] } else { f32::INFINITY });
        tags.push(Upos::ALL[chosen]);
    }
    (tags, lacks)
}

/// The part-of-speech weights of a word's own features, summed.
pub type UposSums = [i32; Upos::ALL.len()];

/// Sums the part-of-speech weights of the features that read only the word itself (what
/// [`upos_features`] writes with [`Sink::word`]), to be kept with the word and added at once.
pub fn word_sums(model: &Weights, shape: &Shape) -> UposSums {
    let mut words = Words(Vec::with_capacity(16));
    upos_features(std::slice::from_ref(shape), 0, &[], &mut words);
    let mut sums = UposSums::default();
    model.add(&words.0, &mut sums);
    sums
}

/// What the scores of the morphology model choose for one word: its features, and the class of
/// its part of speech on the second look.
fn choose(scores: &[f32]) -> (Feats, usize) {
    let mut feats = Feats::default();
    for (attr, start, n) in attr_offsets() {
        feats.set_raw(attr, best(&scores[start..start + n], |_| true).unwrap_or(0) as u8);
    }
    (feats, best(&scores[upos_offset()..], |_| true).unwrap_or(0))
}

/// Sums the morphology weights of the features that read only the word itself with its part of
/// speech (what [`feats_features`] writes with [`Sink::word`]), to be kept with the word: in two
/// bytes a class, none when a sum does not fit in them (the word's features are then looked up
/// with the rest).
pub fn feats_word_sums(model: &Weights, shape: &Shape, upos: Upos) -> Box<[i16]> {
    let mut words = Words(Vec::with_capacity(8));
    feats_features(std::slice::from_ref(shape), &[upos], 0, &[], &mut words);
    let mut sums = vec![0; model.classes()];
    model.add(&words.0, &mut sums);
    sums.iter().map(|s| i16::try_from(*s).ok()).collect::<Option<Vec<i16>>>().unwrap_or_default().into()
}

/// Collects the features that read only the word itself.
struct Words(Vec<Feature>);

impl Sink for Words {
    fn push(&mut self, _: Feature) {}
    fn small(&mut self, _: &Small, _: [u64; 3]) {}
    fn word(&mut self, f: Feature) {
        self.0.push(f);
    }
}

/// Predicts the morphological features of each word, and takes a second look at its part of
/// speech with the first look's tags on both sides; the word `verb` keeps its first look's tag.
///
/// `words` holds the sums of each word's own features with its part of speech
/// ([`feats_word_sums`]) when they were worked out before; without it they are looked up with
/// the rest.
pub fn tag_feats(
    model: &Weights,
    tables: &Tables,
    shapes: &[Shape],
    tags: &[Upos],
    words: Option<&[&[i16]]>,
    decoding: Decoding,
    verb: Option<usize>,
) -> (Vec<Feats>, Vec<Upos>) {
    let ruled = decoding == Decoding::Ruled;
    let classes = model.classes();
    let mut done: Vec<Feats> = Vec::with_capacity(shapes.len());
    let mut second = tags.to_vec();
    // The features that read no decision before the word's, of every word at once.
    let mut own = vec![0i32; shapes.len() * classes];
    let mut features = Vec::with_capacity(20 * shapes.len());
    let mut bounds = Vec::with_capacity(shapes.len() + 1);
    bounds.push(0);
    for (i, sums) in own.chunks_mut(classes.max(1)).enumerate() {
        if tags[i] != Upos::Punct {
            let summed = words.and_then(|w| w.get(i)).filter(|w| w.len() == sums.len());
            if let Some(w) = summed {
                for (s, x) in sums.iter_mut().zip(w.iter()) {
                    *s = i32::from(*x);
                }
            }
            let mut scorer = Scorer { tables, sums, hashed: &mut features, summed_words: summed.is_some() };
            own_feats_features(shapes, tags, i, &mut scorer);
        }
        bounds.push(features.len());
    }
    model.add_runs(&features, &bounds, &mut own);
    let mut scores = vec![0.0; classes];
    for (i, sums) in own.chunks_mut(classes.max(1)).enumerate() {
        let mut feats = Feats::default();
        if tags[i] != Upos::Punct {
            if let Some(&prev) = done.last() {
                features.clear();
                after_feats_features(tags, i, prev, &mut features);
                model.add(&features, sums);
            }
            to_scores(sums, &mut scores);
            let (chosen, upos) = choose(&scores);
            feats = chosen;
            let kept = |t: &Upos| !(ruled && unknown_name(&shapes[i]) && is_verb(*t));
            second[i] = Upos::ALL.get(upos).copied().filter(kept).unwrap_or(tags[i]);
        }
        done.push(feats);
    }
    // The second look keeps the verb the rules gave the sentence.
    if let Some(i) = verb.filter(|i| ruled && *i < second.len()) {
        second[i] = tags[i];
    }
    (done, second)
}

/// A training sentence of the taggers: shapes, gold tags and gold features.
pub struct Example<'a> {
    /// What the words look like.
    pub shapes: &'a [Shape],
    /// The gold parts of speech.
    pub upos: &'a [Upos],
    /// The gold features.
    pub feats: &'a [Feats],
    /// The first look's tags the second look reads (the gold tags where none are given).
    pub first: Option<&'a [Upos]>,
}

/// Trains the part-of-speech model for one more pass over the examples; returns the tags it
/// guessed before each update (what the second look learns to mend).
pub fn train_upos_epoch(trainer: &mut Trainer, data: &[Example<'_>]) -> Vec<Vec<Upos>> {
    let mut guessed = Vec::with_capacity(data.len());
    let mut features = Vec::new();
    let mut scores = vec![0.0; Upos::ALL.len()];
    for ex in data {
        let mut tags = Vec::with_capacity(ex.shapes.len());
        for (i, gold) in ex.upos.iter().enumerate() {
            features.clear();
            upos_features(ex.shapes, i, &tags, &mut features);
            trainer.score(&features, &mut scores);
            let guess = best(&scores, |_| true).unwrap_or(0);
            trainer.update(gold.index(), guess, &features);
            trainer.tick();
            tags.push(Upos::ALL[guess]);
        }
        guessed.push(tags);
    }
    guessed
}

/// Trains the morphology model for one more pass over the examples, with the gold tags.
pub fn train_feats_epoch(trainer: &mut Trainer, data: &[Example<'_>]) {
    let offsets = attr_offsets();
    let mut features = Vec::new();
    let mut scores = vec![0.0; feature_classes()];
    for Example { shapes, upos: gold_upos, feats: gold, first } in data {
        let tags = first.unwrap_or(gold_upos);
        let mut done: Vec<Feats> = Vec::with_capacity(shapes.len());
        for i in 0..shapes.len() {
            let mut feats = Feats::default();
            if tags[i] != Upos::Punct {
                features.clear();
                feats_features(shapes, tags, i, &done, &mut features);
                trainer.score(&features, &mut scores);
                let (guessed, upos) = choose(&scores);
                for (attr, start, _) in offsets {
                    let (truth, guess) = (gold[i].raw(attr), guessed.raw(attr));
                    trainer.update(start + usize::from(truth), start + usize::from(guess), &features);
                }
                let at = upos_offset();
                trainer.update(at + gold_upos[i].index(), at + upos, &features);
                trainer.tick();
                feats = guessed;
            }
            done.push(feats);
        }
    }
}
