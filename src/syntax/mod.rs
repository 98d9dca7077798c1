//! Syntax: lemmas, parts of speech, morphology and dependency trees, from models trained on UD treebanks.
//!
//! A [`Model`] is one language's tagger, morphology, parser, labeller and lemmatiser. The trained
//! models live in `data/syntax/<tag>.model` and are compiled in; `kgexport-train` makes them.

pub mod codec;
pub mod compound;
pub mod conllu;
pub mod lemma;
pub mod lexicon;
pub mod parser;
pub mod perceptron;
pub mod score;
pub mod tagger;
pub mod train;
pub mod ud;

use crate::article::Lang;
use codec::{DecodeError, Decoder, Encoder};
use lemma::Lemmatiser;
use lexicon::{Lexicon, Shape};
use parser::Item;
use perceptron::Weights;
use std::sync::OnceLock;
pub use ud::{Attr, Deprel, Feats, Rel, Sub, Upos};

/// One analysed word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The lemma.
    pub lemma: String,
    /// The universal part of speech.
    pub upos: Upos,
    /// Morphological features.
    pub feats: Feats,
    /// The head's position in the sentence (from 0); `None` for the root.
    pub head: Option<usize>,
    /// The relation to the head.
    pub deprel: Deprel,
}

/// A word with its tags but no tree yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagged {
    /// The lemma.
    pub lemma: String,
    /// The universal part of speech.
    pub upos: Upos,
    /// Morphological features.
    pub feats: Feats,
}

const MAGIC: &str = "kgexport syntax model 1";

/// One language's trained models.
pub struct Model {
    lexicon: Lexicon,
    upos: Weights,
    feats: Weights,
    parser: Weights,
    arcs: Weights,
    labels: Vec<Deprel>,
    lemmatiser: Lemmatiser,
}

impl Model {
    /// Tags a sentence: part of speech, morphology, lemma.
    pub fn tag(&self, forms: &[&str]) -> Vec<Tagged> {
        let shapes = self.shapes(forms);
        let (tags, feats) = self.tags(&shapes);
        forms
            .iter()
            .zip(tags.iter().zip(feats))
            .map(|(f, (&upos, feats))| Tagged { lemma: self.lemmatiser.lemma(f, upos, &self.lexicon), upos, feats })
            .collect()
    }

    /// Analyses a sentence completely: tags, lemmas and the dependency tree.
    pub fn analyse(&self, forms: &[&str]) -> Vec<Word> {
        let shapes = self.shapes(forms);
        let (tags, feats) = self.tags(&shapes);
        let items: Vec<Item> = shapes
            .iter()
            .zip(tags.iter().zip(&feats))
            .map(|(s, (&u, &f))| Item { shape: *s, upos: u, feats: f })
            .collect();
        let root = self.labels.iter().position(|l| *l == Deprel::ROOT).unwrap_or(0);
        let parsed = parser::parse(&parser::Weighted { moves: &self.parser, labels: &self.arcs, root }, &items);
        forms
            .iter()
            .enumerate()
            .map(|(i, f)| Word {
                lemma: self.lemmatiser.lemma(f, tags[i], &self.lexicon),
                upos: tags[i],
                feats: feats[i],
                head: parsed[i].0,
                deprel: self.labels.get(parsed[i].1).copied().unwrap_or_default(),
            })
            .collect()
    }

    /// The lexicon the model reads words with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    fn shapes(&self, forms: &[&str]) -> Vec<Shape> {
        forms.iter().map(|f| Shape::of(f, &self.lexicon)).collect()
    }

    fn tags(&self, shapes: &[Shape]) -> (Vec<Upos>, Vec<Feats>) {
        let tags = tagger::tag_upos(&self.upos, shapes);
        let feats = tagger::tag_feats(&self.feats, shapes, &tags);
        (tags, feats)
    }

    /// Writes the model.
    pub fn encode(&self) -> Vec<u8> {
        let mut e = Encoder::default();
        e.str(MAGIC);
        self.upos.encode(&mut e);
        self.feats.encode(&mut e);
        self.parser.encode(&mut e);
        self.arcs.encode(&mut e);
        e.u32(self.labels.len() as u32);
        for l in &self.labels {
            e.str(&l.to_string());
        }
        self.lemmatiser.encode(&mut e);
        e.into_bytes()
    }

    /// Reads a model written by [`Model::encode`], with its lexicon.
    pub fn decode(bytes: &[u8], lexicon: Lexicon) -> Result<Model, DecodeError> {
        let mut d = Decoder::new(bytes);
        if d.str()? != MAGIC {
            return Err(DecodeError("not a kgexport syntax model"));
        }
        let upos = Weights::decode(&mut d)?;
        let feats = Weights::decode(&mut d)?;
        let parser = Weights::decode(&mut d)?;
        let arcs = Weights::decode(&mut d)?;
        let mut labels = Vec::new();
        for _ in 0..d.u32()? {
            labels.push(Deprel::parse(d.str()?));
        }
        let lemmatiser = Lemmatiser::decode(&mut d)?;
        d.finish()?;
        let shapes_fit = upos.classes() == Upos::ALL.len()
            && feats.classes() == tagger::feature_classes()
            && parser.classes() == parser::MOVES
            && arcs.classes() == labels.len()
            && labels.contains(&Deprel::ROOT);
        if !shapes_fit {
            return Err(DecodeError("class counts do not fit this version"));
        }
        Ok(Model { lexicon, upos, feats, parser, arcs, labels, lemmatiser })
    }
}

/// The lexicon of a language, from the tables compiled in.
pub fn lexicon(lang: Lang) -> Lexicon {
    let data = crate::lang::syntax_data(lang);
    Lexicon::parse(data.lemmas, data.clusters)
}

/// The trained model of a language, read once per process; `None` when none was compiled in.
pub fn model(lang: Lang) -> Option<&'static Model> {
    static MODELS: [OnceLock<Option<Model>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    MODELS[slot]
        .get_or_init(|| {
            let data = crate::lang::syntax_data(lang);
            Model::decode(data.model, lexicon(lang)).ok()
        })
        .as_ref()
}
