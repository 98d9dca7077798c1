//! The per-thread memo of words: what a form looks like and its lemmas, worked out once while a
//! thread keeps meeting the form (news repeats its words; a shape or a lemma costs lexicon searches).

use super::lexicon::Shape;
use super::parser::FormRows;
use super::tagger::UposSums;
use super::ud::Upos;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;

/// The most words kept; a memo that grows beyond is emptied before the next sentence.
const MEMO_WORDS: usize = 1 << 16;

/// The most models a thread keeps a memo of at once (a corpus that mixes languages keeps one a
/// language); a memo beyond is made in place of the oldest.
const MEMO_MODELS: usize = 4;

/// One thread's memo for one model.
#[derive(Default)]
pub struct Memo {
    /// The model the memo is of ([`super::Model`]'s number).
    owner: usize,
    /// The place of each form in `words`.
    places: HashMap<Box<str>, u32>,
    words: Vec<Word>,
    /// The lemmas of forms a rule asked about on their own, by part of speech.
    asked: HashMap<Box<str>, Vec<(Upos, Box<str>)>>,
}

/// What the memo knows of one form.
struct Word {
    shape: Shape,
    /// The part-of-speech weights of the word's own features, summed.
    upos: UposSums,
    /// The lemmas worked out so far, by part of speech.
    lemmas: Vec<(Upos, Box<str>)>,
    /// The parser's move weights of the form, once it was parsed.
    moves: Option<Box<FormRows>>,
    /// The morphology weights of the form's own features, by part of speech.
    feats: Vec<(Upos, Box<[i16]>)>,
}

/// The words of a sentence as the memo has them.
pub struct Shapes {
    /// Each word's place in the memo, until its next call of [`Memo::shapes`].
    pub places: Vec<u32>,
    /// What each word looks like.
    pub shapes: Vec<Shape>,
    /// The sums of each word's own part-of-speech features.
    pub upos: Vec<UposSums>,
}

thread_local! {
    /// This thread's memos, one a model, the most recently made last.
    static MEMOS: RefCell<Vec<Memo>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with this thread's memo of the model numbered `owner`: the one kept for it, else a new
/// one (in place of the oldest when [`MEMO_MODELS`] are kept).
pub fn with<R>(owner: usize, f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMOS.with_borrow_mut(|memos| {
        let at = match memos.iter().position(|m| m.owner == owner) {
            Some(at) => at,
            None => {
                if memos.len() == MEMO_MODELS {
                    memos.remove(0);
                }
                memos.push(Memo { owner, ..Memo::default() });
                memos.len() - 1
            }
        };
        f(&mut memos[at])
    })
}

impl Memo {
    fn clear(&mut self) {
        self.places.clear();
        self.words.clear();
    }

    /// The lemma of a form read with a part of speech outside any sentence ("what would this word
    /// be as a verb"), `lemma_of` giving it the first time.
    pub fn asked_lemma(&mut self, form: &str, upos: Upos, lemma_of: impl FnOnce() -> String) -> &str {
        if let Some(at) = self.asked.get(form).and_then(|lemmas| lemmas.iter().position(|(u, _)| *u == upos)) {
            return &self.asked[form][at].1;
        }
        if self.asked.len() > MEMO_WORDS {
            self.asked.clear();
        }
        let lemmas = self.asked.entry(form.into()).or_default();
        lemmas.push((upos, lemma_of().into()));
        &lemmas[lemmas.len() - 1].1
    }

    /// The place of each form in the memo (valid until the next call), its shape and the sums of
    /// its own part-of-speech features, `shape_of` giving those of forms not seen yet.
    pub fn shapes(&mut self, forms: &[&str], shape_of: impl Fn(&str) -> (Shape, UposSums)) -> Shapes {
        if self.words.len() > MEMO_WORDS {
            self.clear();
        }
        let mut out = Shapes {
            places: Vec::with_capacity(forms.len()),
            shapes: Vec::with_capacity(forms.len()),
            upos: Vec::with_capacity(forms.len()),
        };
        for f in forms {
            let place = match self.places.get(*f) {
                Some(p) => *p,
                None => {
                    let p = self.words.len() as u32;
                    let (shape, upos) = shape_of(f);
                    self.words.push(Word { shape, upos, lemmas: Vec::new(), moves: None, feats: Vec::new() });
                    self.places.insert((*f).into(), p);
                    p
                }
            };
            let word = &self.words[place as usize];
            out.places.push(place);
            out.shapes.push(word.shape);
            out.upos.push(word.upos);
        }
        out
    }

    /// The morphology weights of the forms at some places with their parts of speech (none for
    /// punctuation, which gets no morphology), `sums_of` giving them the first time; nothing when
    /// a place is not in the memo.
    pub fn feats_sums(
        &mut self,
        places: &[u32],
        tags: &[Upos],
        sums_of: impl Fn(&Shape, Upos) -> Box<[i16]>,
    ) -> Option<Vec<&[i16]>> {
        for (&p, &upos) in places.iter().zip(tags) {
            if let Some(word) = self.words.get_mut(p as usize)
                && upos != Upos::Punct
                && !word.feats.iter().any(|(u, _)| *u == upos)
            {
                let sums = sums_of(&word.shape, upos);
                word.feats.push((upos, sums));
            }
        }
        let words = &self.words;
        let sums = |(&p, &upos): (&u32, &Upos)| {
            let word = words.get(p as usize)?;
            Some(word.feats.iter().find(|(u, _)| *u == upos).map_or(&[][..], |(_, s)| &s[..]))
        };
        places.iter().zip(tags).map(sums).collect()
    }

    /// The parser's move weights of the forms at some places, `rows_of` giving them the first time
    /// (from the form's shape); nothing when a place is not in the memo.
    pub fn form_rows(&mut self, places: &[u32], rows_of: impl Fn(&Shape) -> FormRows) -> Option<Vec<&FormRows>> {
        for &p in places {
            if let Some(word) = self.words.get_mut(p as usize)
                && word.moves.is_none()
            {
                word.moves = Some(Box::new(rows_of(&word.shape)));
            }
        }
        places.iter().map(|&p| self.words.get(p as usize)?.moves.as_deref()).collect()
    }

    /// The lemma of the form at a place with a part of speech, `lemma_of` giving it the first time.
    pub fn lemma(&mut self, place: u32, upos: Upos, lemma_of: impl FnOnce() -> String) -> String {
        let Some(word) = self.words.get_mut(place as usize) else { return lemma_of() };
        if let Some((_, l)) = word.lemmas.iter().find(|(u, _)| *u == upos) {
            return l.to_string();
        }
        let lemma = lemma_of();
        word.lemmas.push((upos, lemma.as_str().into()));
        lemma
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_worked_out_once_per_part_of_speech() {
        let calls = std::cell::Cell::new(0);
        let shape_of = |_: &str| {
            calls.set(calls.get() + 1);
            (Shape::default(), UposSums::default())
        };
        with(usize::MAX, |memo| {
            let places = memo.shapes(&["a", "b", "a"], shape_of).places;
            assert_eq!((places[0], calls.get()), (places[2], 2));
            let mut lemmas = 0;
            for upos in [Upos::Noun, Upos::Noun, Upos::Verb] {
                memo.lemma(places[0], upos, || {
                    lemmas += 1;
                    format!("{upos:?}")
                });
            }
            assert_eq!(lemmas, 2);
            assert_eq!(memo.lemma(places[0], Upos::Verb, || unreachable!()), "Verb");
            assert_eq!(memo.asked_lemma("a", Upos::Verb, || "asked".into()), "asked");
            assert_eq!(memo.asked_lemma("a", Upos::Verb, || unreachable!()), "asked");
            assert_eq!(memo.asked_lemma("a", Upos::Noun, || "noun".into()), "noun");
        });
    }

    #[test]
    fn each_model_keeps_its_own_memo() {
        let shape_of = |_: &str| (Shape::default(), UposSums::default());
        let lemma = |owner: usize, made: &str| {
            with(owner, |memo| {
                let place = memo.shapes(&["x"], shape_of).places[0];
                memo.lemma(place, Upos::Noun, || made.to_string())
            })
        };
        let (a, b) = (usize::MAX - 1, usize::MAX - 2);
        assert_eq!(lemma(a, "of a"), "of a");
        assert_eq!(lemma(b, "of b"), "of b");
        assert_eq!(lemma(a, "made again"), "of a");
        for other in 0..MEMO_MODELS {
            with(usize::MAX - 10 - other, |_| ());
        }
        assert_eq!(lemma(a, "made again"), "made again");
    }
}
