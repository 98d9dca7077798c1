//! The weights of the move features that read one word on its own, summed once per form (kept in
//! the per-thread memo), then once per word of a sentence with its part of speech, and read by
//! index at every move: a move looks up only the features that join words or read the state.

use super::features::{COUNTED, ROLES, Reads, Vals, counted, form_features, tagged_features};
use super::{Item, MOVES, NO};
use crate::syntax::perceptron::{Feature, Weights};
use crate::syntax::small::{Scorer, Tables};

/// The move weights of a form's own features: summed by role ([`form_features`]), and one row
/// for each of its features with a small number ([`counted`]).
#[derive(Clone, Copy, Debug)]
pub struct FormRows {
    roles: [[i32; MOVES]; ROLES],
    counted: [[i16; MOVES]; COUNTED],
}

impl FormRows {
    /// Looks up the features of a form (its values; the part of speech is not read), all at once.
    pub fn new(weights: &Weights, v: Vals) -> FormRows {
        let mut features: Vec<Feature> = (0..COUNTED).map(|row| counted(row, v.word)).collect();
        let mut roles = [0; ROLES];
        for (k, role) in roles.iter_mut().enumerate() {
            let before = features.len();
            form_features(k, v, &mut features);
            *role = features.len() - before;
        }
        let mut rows = vec![[0; MOVES]; features.len()];
        weights.narrow_rows(&features, &mut rows);
        let mut out = FormRows { roles: [[0; MOVES]; ROLES], counted: [[0; MOVES]; COUNTED] };
        out.counted.copy_from_slice(&rows[..COUNTED]);
        let mut at = COUNTED;
        for (sums, &len) in out.roles.iter_mut().zip(&roles) {
            for row in &rows[at..at + len] {
                add(sums, row);
            }
            at += len;
        }
        out
    }
}

fn add(sums: &mut [i32; MOVES], row: &[i16; MOVES]) {
    for (s, x) in sums.iter_mut().zip(row) {
        *s += i32::from(*x);
    }
}

/// A word of a sentence (or no word, or the root) as a move reads it on its own: its form's
/// weights with those of its part of speech added ([`tagged_features`]).
#[derive(Clone, Copy, Debug)]
pub struct Place {
    roles: [[i32; MOVES]; ROLES],
    counted: [[i16; MOVES]; COUNTED],
}

/// The places of words, given their values and their forms' weights; the hashed features of
/// their parts of speech looked up all at once.
fn places<'f>(weights: &Weights, tables: &Tables, words: impl Iterator<Item = (Vals, &'f FormRows)>) -> Vec<Place> {
    let mut places = Vec::with_capacity(words.size_hint().0 + 2);
    let mut hashed = Vec::new();
    let mut owners = Vec::new();
    for (i, (v, form)) in words.enumerate() {
        let mut roles = form.roles;
        for (k, sums) in roles.iter_mut().enumerate() {
            tagged_features(k, v, &mut Scorer { tables, sums, hashed: &mut hashed, summed_words: false });
            owners.resize(hashed.len(), (i, k));
        }
        places.push(Place { roles, counted: form.counted });
    }
    let mut rows = vec![[0; MOVES]; hashed.len()];
    weights.narrow_rows(&hashed, &mut rows);
    for ((i, k), row) in owners.into_iter().zip(&rows) {
        add(&mut places[i].roles[k], row);
    }
    places
}

impl Place {
    /// The places of the root and of no word.
    pub fn ends(weights: &Weights, tables: &Tables) -> [Place; 2] {
        let [root, none] = [Vals::ROOT, Vals::NONE].map(|v| (v, FormRows::new(weights, v)));
        let both = places(weights, tables, [(root.0, &root.1), (none.0, &none.1)].into_iter());
        [both[0], both[1]]
    }
}

/// The words of a window as the moves read them on their own, then the root and no word.
pub struct Places(Vec<Place>);

impl Places {
    /// The places of a window's words (`forms`: their forms' weights), then the two `ends` ([`Place::ends`]).
    pub fn new<'f>(
        weights: &Weights,
        tables: &Tables,
        items: &[Item],
        forms: impl Iterator<Item = &'f FormRows>,
        ends: &[Place; 2],
    ) -> Places {
        let mut places = places(weights, tables, items.iter().map(Vals::of).zip(forms));
        places.extend_from_slice(ends);
        Places(places)
    }

    /// The place of a word, of the root (`n`) or of no word ([`NO`]).
    fn at(&self, w: usize) -> &Place {
        let last = self.0.len() - 1;
        &self.0[if w == NO { last } else { w.min(last - 1) }]
    }

    /// Adds the weights of what a state reads of single words.
    pub fn add(&self, reads: &Reads, sums: &mut [i32; MOVES]) {
        for (k, &w) in reads.roles.iter().enumerate() {
            for (s, x) in sums.iter_mut().zip(self.at(w).roles[k]) {
                *s += x;
            }
        }
        for &(w, row) in &reads.counted {
            add(sums, &self.at(w).counted[row]);
        }
    }
}
