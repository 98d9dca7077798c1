//! Syntax: lemmas, parts of speech, morphology and dependency trees, from models trained on UD treebanks.
//!
//! A [`Model`] is one language's tagger, morphology, parser (with arc labels) and lemmatiser. The trained
//! models live in `data/syntax/<tag>.model` and are compiled in; `kgexport-train` makes them.

pub mod codec;
pub mod compound;
pub mod conllu;
pub mod lemma;
pub mod lexicon;
mod memo;
pub mod parser;
pub mod perceptron;
pub mod score;
pub mod small;
pub mod tagger;
pub mod train;
pub mod tree;
pub mod ud;
pub mod weights;

use crate::article::Lang;
use codec::{DecodeError, Decoder, Encoder};
use compound::{Compound, Joints};
use lemma::Lemmatiser;
use lexicon::{Lexicon, Shape};
use parser::Item;
use perceptron::Weights;
use small::Tables;
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

impl Tagged {
    /// A finite verb or auxiliary (`finite_verb`).
    pub fn is_finite_verb(&self) -> bool {
        finite_verb(self.upos, &self.feats)
    }
}

impl Word {
    /// A finite verb or auxiliary (`finite_verb`).
    pub fn is_finite_verb(&self) -> bool {
        finite_verb(self.upos, &self.feats)
    }
}

/// A finite verb or auxiliary. Treebanks differ in what they mark: a finite verb says so, or has
/// a person, or a mood without the case an attributive participle has ("der als Kandidat
/// feststehende Obama").
fn finite_verb(upos: Upos, feats: &Feats) -> bool {
    matches!(upos, Upos::Verb | Upos::Aux)
        && (feats.is(Attr::VerbForm, "Fin")
            || feats.get(Attr::Person).is_some()
            || (feats.get(Attr::Mood).is_some() && feats.get(Attr::Case).is_none()))
}

/// What a language's rules tell the syntax layer beyond its trained model.
#[derive(Clone, Debug, Default)]
pub struct Grammar {
    /// How compound nouns are joined.
    pub joints: Joints,
    /// A separable particle stands first in its verb's lemma.
    pub particle_first: bool,
    /// A hyphenated word the lexicon does not know is tagged and parsed as its last part.
    pub hyphenated_by_last_part: bool,
}

const MAGIC: &str = "kgexport syntax model 3";

/// One language's trained models.
pub struct Model {
    lexicon: Lexicon,
    upos: Weights,
    feats: Weights,
    parser: Weights,
    arcs: Weights,
    /// The templates of each weight table read by index ([`small`]).
    tables: [Tables; 4],
    /// The root and no word as the parser's moves read them.
    ends: [parser::Place; 2],
    labels: Vec<Deprel>,
    /// The core-argument slot of each label ([`parser::slots`]), worked out at load.
    slots: Vec<u8>,
    lemmatiser: Lemmatiser,
    noun_clusters: Vec<u32>,
    grammar: Grammar,
    /// A number no other model of this process has (the key of the per-thread memo of shapes).
    id: usize,
}

/// A new model number.
fn next_id() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Model {
    /// Tags a sentence: part of speech, morphology, lemma.
    pub fn tag(&self, forms: &[&str]) -> Vec<Tagged> {
        let memo::Shapes { places, shapes, upos } = self.shapes(forms);
        let (tags, feats) = self.tags(&places, &shapes, &upos);
        let lemmas = self.lemmas(forms, &places, &tags);
        lemmas
            .into_iter()
            .zip(tags.iter().zip(feats))
            .map(|(lemma, (&upos, feats))| Tagged { lemma, upos, feats })
            .collect()
    }

    /// Analyses a sentence completely: tags, lemmas and the dependency tree.
    pub fn analyse(&self, forms: &[&str]) -> Vec<Word> {
        let memo::Shapes { places, shapes, upos } = self.shapes(forms);
        let (tags, feats) = self.tags(&places, &shapes, &upos);
        let parsed = self.tree(&places, &shapes, &tags, &feats);
        let lemmas = self.lemmas(forms, &places, &tags);
        lemmas
            .into_iter()
            .enumerate()
            .map(|(i, lemma)| Word {
                lemma,
                upos: tags[i],
                feats: feats[i],
                head: parsed[i].0,
                deprel: self.labels.get(parsed[i].1).copied().unwrap_or_default(),
            })
            .collect()
    }

    /// Analyses a sentence that [`Model::tag`] tagged: the same words as [`Model::analyse`], without
    /// tagging them again.
    pub fn analyse_tagged(&self, forms: &[&str], tagged: &[Tagged]) -> Vec<Word> {
        let memo::Shapes { places, shapes, .. } = self.shapes(forms);
        let tags: Vec<Upos> = tagged.iter().map(|t| t.upos).collect();
        let feats: Vec<Feats> = tagged.iter().map(|t| t.feats).collect();
        let parsed = self.tree(&places, &shapes, &tags, &feats);
        tagged
            .iter()
            .zip(parsed)
            .map(|(t, (head, label))| Word {
                lemma: t.lemma.clone(),
                upos: t.upos,
                feats: t.feats,
                head,
                deprel: self.labels.get(label).copied().unwrap_or_default(),
            })
            .collect()
    }

    /// Each tagged word's head and label (by index into the labels).
    fn tree(&self, places: &[u32], shapes: &[Shape], tags: &[Upos], feats: &[Feats]) -> Vec<(Option<usize>, usize)> {
        let items: Vec<Item> = shapes
            .iter()
            .zip(tags.iter().zip(feats))
            .map(|(s, (&u, &f))| Item { shape: *s, upos: u, feats: f })
            .collect();
        let label = |l: Deprel| self.labels.iter().position(|x| *x == l).unwrap_or(0);
        let (root, unattached) = (label(Deprel::ROOT), label(Deprel::default()));
        let [_, _, move_tables, label_tables] = &self.tables;
        let weighted = parser::Weighted {
            moves: &self.parser,
            move_tables,
            labels: &self.arcs,
            label_tables,
            root,
            unattached,
            ends: &self.ends,
            slots: &self.slots,
            auxiliary: &parser::auxiliary_only(&self.labels),
        };
        memo::with(self.id, |memo| {
            let forms =
                memo.form_rows(places, |shape| parser::FormRows::new(&self.parser, parser::Vals::of_shape(shape)));
            parser::parse(&weighted, &items, forms.as_deref())
        })
    }

    /// Analyses one of kgexport's sentences (its tokens as the words).
    pub fn analyse_sentence(&self, sentence: &crate::text::Sentence) -> Vec<Word> {
        let forms: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
        self.analyse(&forms)
    }

    /// The lemma of a form with its part of speech: the treebank's or the lexicon's; for an
    /// unknown compound noun, its modifiers as written and its head's lemma
    /// ("Munitionslieferungen" → "Munitionslieferung"); else what the suffix rules give.
    pub fn lemma(&self, form: &str, upos: Upos) -> String {
        memo::with(self.id, |memo| memo.asked_lemma(form, upos, || self.lemma_anew(form, upos)).to_string())
    }

    /// Whether the lemma of a form with its part of speech ([`Model::lemma`]) is one of `lemmas`.
    pub fn lemma_in(&self, form: &str, upos: Upos, lemmas: &[String]) -> bool {
        memo::with(self.id, |memo| {
            let lemma = memo.asked_lemma(form, upos, || self.lemma_anew(form, upos));
            lemmas.iter().any(|l| l == lemma)
        })
    }

    /// [`Model::lemma`] worked out without the memo.
    fn lemma_anew(&self, form: &str, upos: Upos) -> String {
        if let Some(l) = self.lemmatiser.known(form, upos, &self.lexicon) {
            return l;
        }
        if upos == Upos::Noun
            && let Some(c) = self.compound(form)
            && let Some(lemma) = self.join_head(form, &c.head)
        {
            return lemma;
        }
        self.lemmatiser.guess(form, upos)
    }

    /// Splits a compound noun into modifiers and a head known to the lexicon.
    pub fn compound(&self, word: &str) -> Option<Compound> {
        compound::split(word, &self.grammar.joints, &|part| self.known_noun(part))
    }

    /// A frequent word of a word cluster that holds mostly nouns ("Politik"): a common noun, not a
    /// name.
    pub fn is_common_noun(&self, form: &str) -> bool {
        self.known_noun(form).is_some()
    }

    /// The lemma of a part that is a noun: a form the lexicon lemmatises, or a frequent word of
    /// a word cluster that holds mostly nouns in the treebank ("Konvoi", not "Hilf").
    fn known_noun(&self, part: &str) -> Option<String> {
        let cluster = self.lexicon.cluster_exact(part)?;
        if self.noun_clusters.binary_search(&cluster).is_err() {
            return None;
        }
        Some(self.lexicon.lemma(part).unwrap_or_else(|| part.to_string()))
    }

    /// The word with its head part replaced by the head's lemma, in the head's case as written.
    fn join_head(&self, form: &str, head: &str) -> Option<String> {
        let chars: Vec<char> = form.chars().collect();
        (1..chars.len()).find_map(|k| {
            let tail: String = chars[k..].iter().collect();
            let mut cap = tail.chars();
            let first = cap.next()?;
            let capitalised: String = first.to_uppercase().chain(cap).collect();
            if self.known_noun(&capitalised).as_deref() != Some(head) {
                return None;
            }
            let head_as_written: String = if first.is_lowercase() {
                let mut h = head.chars();
                h.next().map(|c| c.to_lowercase().chain(h).collect()).unwrap_or_default()
            } else {
                head.to_string()
            };
            Some(chars[..k].iter().collect::<String>() + &head_as_written)
        })
    }

    /// The lemma of a verb with its separable particles ("lud … ein" → "einladen", "handed … over"
    /// → "hand over"), from an analysed sentence.
    pub fn phrasal_lemma(&self, forms: &[&str], words: &[Word], verb: usize) -> String {
        let particles: Vec<String> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.head == Some(verb) && w.deprel == Deprel { rel: Rel::Compound, sub: Sub::Prt })
            .map(|(i, _)| forms[i].to_lowercase())
            .collect();
        let lemma = words[verb].lemma.clone();
        if particles.is_empty() {
            lemma
        } else if self.grammar.particle_first {
            particles.concat() + &lemma
        } else {
            lemma + " " + &particles.join(" ")
        }
    }

    /// The model with a language's grammar.
    pub fn with_grammar(mut self, grammar: Grammar) -> Model {
        self.grammar = grammar;
        self
    }

    /// The lexicon the model reads words with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The shapes of the words and their places in this thread's memo of recent forms.
    fn shapes(&self, forms: &[&str]) -> memo::Shapes {
        memo::with(self.id, |memo| {
            memo.shapes(forms, |f| {
                let shape = Shape::of(self.read_as(f), &self.lexicon);
                (shape, tagger::word_sums(&self.upos, &shape))
            })
        })
    }

    /// The form a word is tagged and parsed as: where the grammar says so, a hyphenated word the
    /// lexicon does not know as its last part, its head ("Japan-Reise" as "Reise",
    /// "US-amerikanische" as "amerikanische"), the way the treebanks, which split such words, tag
    /// and attach that part; any other word as it stands. Lemmas are made from the word as written.
    fn read_as<'a>(&self, form: &'a str) -> &'a str {
        match form.rsplit_once('-') {
            Some((_, last))
                if self.grammar.hyphenated_by_last_part
                    && last.chars().nth(1).is_some()
                    && last.chars().all(char::is_alphabetic)
                    && !self.lexicon.knows(form) =>
            {
                last
            }
            _ => form,
        }
    }

    /// The lemmas of the tagged words, from the memo where they were worked out before.
    fn lemmas(&self, forms: &[&str], places: &[u32], tags: &[Upos]) -> Vec<String> {
        memo::with(self.id, |memo| {
            forms
                .iter()
                .zip(places.iter().zip(tags))
                .map(|(f, (&p, &u))| memo.lemma(p, u, || self.lemma_anew(f, u)))
                .collect()
        })
    }

    fn tags(&self, places: &[u32], shapes: &[Shape], words: &[tagger::UposSums]) -> (Vec<Upos>, Vec<Feats>) {
        let ruled = tagger::Decoding::Ruled;
        let (first, verb) = tagger::tag_upos(&self.upos, &self.tables[0], shapes, Some(words), ruled);
        let (feats, tags) = memo::with(self.id, |memo| {
            let sums = memo.feats_sums(places, &first, |shape, upos| tagger::feats_word_sums(&self.feats, shape, upos));
            tagger::tag_feats(&self.feats, &self.tables[1], shapes, &first, sums.as_deref(), ruled, verb)
        });
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
        e.u32(self.noun_clusters.len() as u32);
        for c in &self.noun_clusters {
            e.u32(*c);
        }
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
        let mut noun_clusters = Vec::new();
        for _ in 0..d.u32()? {
            noun_clusters.push(d.u32()?);
        }
        d.finish()?;
        let shapes_fit = upos.classes() == Upos::ALL.len()
            && feats.classes() == tagger::feature_classes()
            && parser.classes() == parser::MOVES
            && arcs.classes() == labels.len()
            && labels.contains(&Deprel::ROOT)
            && labels.contains(&Deprel::default());
        if !shapes_fit {
            return Err(DecodeError("class counts do not fit this version"));
        }
        let tables = tables(&upos, &feats, &parser, &arcs, labels.len());
        let ends = parser::Place::ends(&parser, &tables[2]);
        Ok(Model {
            lexicon,
            upos,
            feats,
            parser,
            arcs,
            tables,
            ends,
            slots: parser::slots(&labels),
            labels,
            lemmatiser,
            noun_clusters,
            grammar: Grammar::default(),
            id: next_id(),
        })
    }
}

/// The small templates of the four weight tables, read from tables.
fn tables(upos: &Weights, feats: &Weights, parser: &Weights, arcs: &Weights, labels: usize) -> [Tables; 4] {
    [
        Tables::new(upos, &tagger::upos_templates(), labels),
        Tables::new(feats, &tagger::feats_templates(), labels),
        Tables::new(parser, &parser::move_templates(), labels),
        Tables::new(arcs, &parser::label_templates(), labels),
    ]
}

/// The lexicon of a language, from the tables compiled in.
pub fn lexicon(lang: Lang) -> Lexicon {
    let data = crate::lang::syntax_data(lang);
    Lexicon::parse(data.lemmas, data.clusters)
}

/// What the rules of a language tell the syntax layer.
pub fn grammar(lang: Lang) -> Grammar {
    let rules = crate::lang::rules(lang);
    Grammar {
        joints: Joints { linking: rules.compound_linking.clone() },
        particle_first: rules.particle_first,
        hyphenated_by_last_part: rules.hyphenated_by_last_part,
    }
}

/// The trained model of a language, read once per process; `None` when none was compiled in.
pub fn model(lang: Lang) -> Option<&'static Model> {
    static MODELS: [OnceLock<Option<Model>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    MODELS[slot]
        .get_or_init(|| {
            let data = crate::lang::syntax_data(lang);
            let model = Model::decode(data.model, lexicon(lang)).ok().map(|m| m.with_grammar(grammar(lang)));
            release(data.model);
            model
        })
        .as_ref()
}

/// Gives back the memory of compiled-in bytes that were read once and are not needed again (a
/// model's bytes, once decoded into its tables): the pages wholly inside them leave the
/// process's resident set. They are read-only pages of the executable's file, never written, so
/// a later read (a test that decodes the model again) brings the same bytes back from the file.
fn release(bytes: &'static [u8]) {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sysconf has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(0).max(1);
        let start = (bytes.as_ptr() as usize).next_multiple_of(page);
        let end = (bytes.as_ptr() as usize + bytes.len()) / page * page;
        if end > start {
            // SAFETY: the range is whole pages of a `'static` read-only mapping of the executable
            // (`include_bytes!`); dropping them loses nothing, as they refault from the file unchanged.
            unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED) };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: Lang, text: &str) -> (Vec<String>, Vec<Word>) {
        let forms: Vec<String> = text.split(' ').map(str::to_string).collect();
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        let words = model(lang).expect("a model is compiled in").analyse(&refs);
        (forms, words)
    }

    fn lemma_of(lang: Lang, text: &str, form: &str) -> String {
        let (forms, words) = words(lang, text);
        words[forms.iter().position(|f| f == form).expect("the form")].lemma.clone()
    }

    #[test]
    fn lemmas_of_inflected_words() {
        assert_eq!(lemma_of(Lang::De, "Russland lieferte Panzer .", "lieferte"), "liefern");
        assert_eq!(lemma_of(Lang::De, "Die Delegation ist in Rom eingetroffen .", "eingetroffen"), "eintreffen");
        assert_eq!(lemma_of(Lang::De, "Nach langen Gesprächen reiste sie ab .", "Gesprächen"), "Gespräch");
        assert_eq!(lemma_of(Lang::En, "The envoy met the king .", "met"), "meet");
        assert_eq!(lemma_of(Lang::En, "They shipped rifles .", "shipped"), "ship");
    }

    #[test]
    fn a_segmented_sentence_gives_a_tree_to_read() {
        let rules = crate::lang::rules(Lang::De);
        let sentences = crate::text::segment("Am Montag traf der Minister den Präsidenten in Berlin.", rules);
        let words = model(Lang::De).unwrap().analyse_sentence(&sentences[0]);
        let tree = tree::Tree::new(&words);
        let form = |i: usize| sentences[0].tokens[i].text.as_str();
        let verb = tree.root().unwrap();
        assert_eq!(form(verb), "traf");
        assert_eq!(tree.subjects(verb).into_iter().map(form).collect::<Vec<_>>(), ["Minister"]);
        assert_eq!(tree.objects(verb).into_iter().map(form).collect::<Vec<_>>(), ["Präsidenten"]);
    }

    #[test]
    fn an_unknown_compound_noun_takes_its_heads_lemma() {
        let m = model(Lang::De).unwrap();
        assert_eq!(m.lemma("Munitionsfrachtlieferungen", Upos::Noun), "Munitionsfrachtlieferung");
        let c = m.compound("Waffenlieferungen").unwrap();
        assert_eq!((c.modifiers, c.head.as_str()), (vec!["Waffe".to_string()], "Lieferung"));
        let c = m.compound("Hilfskonvoi").unwrap();
        assert_eq!((c.modifiers, c.head.as_str()), (vec!["Hilfe".to_string()], "Konvoi"));
        let c = m.compound("Japan-Reise").unwrap();
        assert_eq!((c.modifiers, c.head.as_str()), (vec!["Japan".to_string()], "Reise"));
    }

    #[test]
    fn separable_particles_join_their_verb() {
        let (forms, w) = words(Lang::De, "Die Kanzlerin lud den Präsidenten nach Berlin ein .");
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        let verb = forms.iter().position(|f| f == "lud").unwrap();
        assert_eq!(model(Lang::De).unwrap().phrasal_lemma(&refs, &w, verb), "einladen");
    }

    #[test]
    fn a_decoded_model_encodes_to_its_bytes() {
        // Dense rows, tables and memo are ways of reading the weights, not changes to them.
        for lang in Lang::ALL {
            let bytes = crate::lang::syntax_data(lang).model;
            let m = Model::decode(bytes, Lexicon::default()).unwrap();
            assert!(m.encode() == bytes, "{lang:?}");
        }
    }

    #[test]
    fn a_damaged_model_is_an_error_not_a_panic() {
        let bytes = crate::lang::syntax_data(Lang::En).model;
        let lexicon = || Lexicon::default();
        assert!(Model::decode(bytes, lexicon()).is_ok());
        for cut in [0, 3, 30, 1000, bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::decode(&bytes[..cut], lexicon()).is_err(), "cut at {cut}");
        }
        for at in [30, 31, 32, 33, 40, 100] {
            let mut damaged = bytes.to_vec();
            damaged[at] ^= 0xff;
            let _ = Model::decode(&damaged, lexicon());
        }
    }

    /// A small deterministic generator of arbitrary strings (letters of several scripts,
    /// digits, punctuation, controls, combining marks, emoji).
    fn arbitrary(seed: u64, len: usize) -> String {
        const POOL: &[char] =
            &['a', 'Z', 'ß', 'Ä', '9', '.', ',', '-', '\u{0}', '\u{301}', '€', '漢', '🙂', 'İ', ' ', '"', '\'', '\t'];
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                POOL[(x % POOL.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn arbitrary_tokens_give_a_tree_and_never_a_panic() {
        for lang in Lang::ALL {
            let m = model(lang).unwrap();
            for seed in 0..200 {
                let tokens: Vec<String> =
                    (0..(seed % 40) as usize).map(|k| arbitrary(seed * 97 + k as u64, 1 + k % 9)).collect();
                let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
                let words = m.analyse(&refs);
                assert_eq!(words.len(), refs.len());
                if !words.is_empty() {
                    assert_eq!(words.iter().filter(|w| w.head.is_none()).count(), 1);
                    assert!(words.iter().all(|w| w.head.is_none_or(|h| h < words.len())));
                }
                for t in &refs {
                    let _ = m.compound(t);
                }
            }
        }
    }
}
