//! The per-thread memo of words: what a form looks like and its lemmas, worked out once while a
//! thread keeps meeting the form (news repeats its words; a shape or a lemma costs lexicon searches).

use super::lexicon::Shape;
use super::ud::Upos;
use std::cell::RefCell;
use std::collections::HashMap;

/// The most words kept; a memo that grows beyond is emptied before the next sentence.
const MEMO_WORDS: usize = 1 << 16;

/// One thread's memo for one model.
#[derive(Default)]
pub struct Memo {
    /// The model the memo is of ([`super::Model`]'s number).
    owner: usize,
    /// The place of each form in `words`.
    places: HashMap<Box<str>, u32>,
    words: Vec<Word>,
}

/// What the memo knows of one form.
struct Word {
    shape: Shape,
    /// The lemmas worked out so far, by part of speech.
    lemmas: Vec<(Upos, Box<str>)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Runs `f` with this thread's memo of the model numbered `owner` (emptied when it was another's).
pub fn with<R>(owner: usize, f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMO.with_borrow_mut(|memo| {
        if memo.owner != owner {
            memo.clear();
            memo.owner = owner;
        }
        f(memo)
    })
}

impl Memo {
    fn clear(&mut self) {
        self.places.clear();
        self.words.clear();
    }

    /// The place of each form in the memo (valid until the next call) and its shape, `shape_of`
    /// giving those not seen yet.
    pub fn shapes(&mut self, forms: &[&str], shape_of: impl Fn(&str) -> Shape) -> (Vec<u32>, Vec<Shape>) {
        if self.words.len() > MEMO_WORDS {
            self.clear();
        }
        let mut places = Vec::with_capacity(forms.len());
        let mut shapes = Vec::with_capacity(forms.len());
        for f in forms {
            let place = match self.places.get(*f) {
                Some(p) => *p,
                None => {
                    let p = self.words.len() as u32;
                    self.words.push(Word { shape: shape_of(f), lemmas: Vec::new() });
                    self.places.insert((*f).into(), p);
                    p
                }
            };
            places.push(place);
            shapes.push(self.words[place as usize].shape);
        }
        (places, shapes)
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
            Shape::default()
        };
        with(usize::MAX, |memo| {
            let (places, _) = memo.shapes(&["a", "b", "a"], shape_of);
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
        });
    }
}
