//! Templates whose values come from small ranges: their weights precomputed for every value and
//! read by index, not by hash.
//!
//! A feature function writes into a [`Sink`]: a template over words goes in as its hash
//! ([`Sink::push`]); a template over tags, labels, distances and counts goes in as its [`Small`]
//! and its values ([`Sink::small`]). Training collects the hash of either (a `Vec<Feature>`, in the
//! order written); tagging and parsing add a small template's weights from its [`Tables`] row and
//! look up only the rest. A value outside its declared range is hashed like any other, so the
//! tables change how fast a score is found, never what it is.

use super::perceptron::{Feature, Weights, feature, feature2, feature3};

/// What a value of a small template ranges over.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A number below the bound, as it is.
    Below(u8),
    /// A part of speech (0 to 16), no word (100), the root (101): the parser's codes.
    Tag,
    /// A number below the bound, or the code of "none".
    OrNone(u8, u64),
    /// An arc label's class (below the number of labels), no label yet (`u16::MAX`), or no word
    /// (`0xffff_0000`).
    Label,
}

/// The code of "no label yet" among [`Kind::Label`] values.
const NO_LABEL: u64 = u16::MAX as u64;
/// The code of "no word" among [`Kind::Label`] values.
const NO_WORD: u64 = 0xffff_0000;
/// The parts of speech (their codes 0 to 16).
const UPOS: usize = super::ud::Upos::ALL.len();

impl Kind {
    /// How many values there are, given the number of labels.
    fn size(self, labels: usize) -> usize {
        match self {
            Kind::Below(n) => usize::from(n),
            Kind::Tag => UPOS + 2,
            Kind::OrNone(n, _) => usize::from(n) + 1,
            Kind::Label => labels + 2,
        }
    }

    /// The place of a code among the values (one place a code, one code a place), if it is one.
    #[inline(always)]
    fn index(self, code: u64, size: usize) -> Option<usize> {
        let last = size as u64 - 1;
        let i = match self {
            Kind::Below(n) => (code < u64::from(n)).then_some(code),
            Kind::Tag | Kind::Label if code < last - 1 => Some(code),
            Kind::Tag => [(100, last - 1), (101, last)].into_iter().find(|(c, _)| *c == code).map(|(_, i)| i),
            Kind::Label => {
                [(NO_LABEL, last - 1), (NO_WORD, last)].into_iter().find(|(c, _)| *c == code).map(|(_, i)| i)
            }
            Kind::OrNone(n, none) if code == none => Some(u64::from(n)),
            Kind::OrNone(n, _) => (code < u64::from(n)).then_some(code),
        };
        i.map(|i| i as usize)
    }

    /// The code at a place: the inverse of [`Kind::index`].
    fn code(self, i: usize, size: usize) -> u64 {
        match self {
            Kind::Tag if i == size - 2 => 100,
            Kind::Tag if i == size - 1 => 101,
            Kind::OrNone(n, none) if i == usize::from(n) => none,
            Kind::Label if i == size - 2 => NO_LABEL,
            Kind::Label if i == size - 1 => NO_WORD,
            _ => i as u64,
        }
    }
}

/// A template over one to three values of small ranges.
#[derive(Clone, Copy, Debug)]
pub struct Small {
    /// The template number.
    pub template: u32,
    /// The ranges of its values.
    pub kinds: &'static [Kind],
}

impl Small {
    /// The feature of the template with these values (as many as it has kinds).
    pub fn feature(&self, codes: [u64; 3]) -> Feature {
        let [a, b, c] = codes;
        match self.kinds.len() {
            0 => feature(self.template, 0),
            1 => feature(self.template, a),
            2 => feature2(self.template, a, b),
            _ => feature3(self.template, a, b, c),
        }
    }
}

/// Where a feature function writes its features.
pub trait Sink {
    /// A feature over words, hashed.
    fn push(&mut self, f: Feature);
    /// A feature of a small template with its values (as many as it has kinds; the rest 0).
    fn small(&mut self, s: &Small, codes: [u64; 3]);
    /// A feature that reads the word alone, nothing around it: one whose weights a memo of the
    /// word may hold summed already.
    fn word(&mut self, f: Feature) {
        self.push(f);
    }
}

/// Training and tests: every feature hashed, in the order written.
impl Sink for Vec<Feature> {
    fn push(&mut self, f: Feature) {
        Vec::push(self, f);
    }
    fn small(&mut self, s: &Small, codes: [u64; 3]) {
        Vec::push(self, s.feature(codes));
    }
}

/// The largest table, in weights (two bytes each); a template beyond it is hashed.
const MAX_WEIGHTS: usize = 1 << 16;

/// One small template's weights for every combination of its values.
struct Table {
    sizes: [usize; 3],
    classes: usize,
    rows: Vec<i16>,
}

impl Table {
    /// The row of some codes of a template's kinds, if each is in its range.
    #[inline(always)]
    fn row(&self, kinds: &[Kind], codes: [u64; 3]) -> Option<&[i16]> {
        let mut at = 0;
        for (k, kind) in kinds.iter().enumerate().take(3) {
            at = at * self.sizes[k] + kind.index(codes[k], self.sizes[k])?;
        }
        self.rows.get(at * self.classes..(at + 1) * self.classes)
    }
}

/// Adds a row of weights to the sums (three at a time for the moves).
#[inline(always)]
pub fn add_row(sums: &mut [i32], row: &[i16]) {
    if let (Ok(s), Ok(r)) = (<&mut [i32; 3]>::try_from(&mut *sums), <&[i16; 3]>::try_from(row)) {
        s[0] += i32::from(r[0]);
        s[1] += i32::from(r[1]);
        s[2] += i32::from(r[2]);
    } else {
        for (x, w) in sums.iter_mut().zip(row) {
            *x += i32::from(*w);
        }
    }
}

/// The precomputed small templates of one weight table, by template number.
#[derive(Default)]
pub struct Tables {
    by_template: Vec<Option<Table>>,
}

impl Tables {
    /// Reads every combination of the values of each template from the weights.
    pub fn new(weights: &Weights, templates: &[Small], labels: usize) -> Tables {
        let classes = weights.classes();
        let mut by_template: Vec<Option<Table>> = Vec::new();
        for s in templates.iter().filter(|s| s.kinds.len() <= 3) {
            let mut sizes = [1; 3];
            for (k, kind) in s.kinds.iter().enumerate() {
                sizes[k] = kind.size(labels);
            }
            let combinations: usize = sizes.iter().product();
            if combinations * classes > MAX_WEIGHTS {
                continue;
            }
            let mut rows = vec![0i16; combinations * classes];
            for (at, row) in rows.chunks_mut(classes.max(1)).enumerate() {
                let mut codes = [0u64; 3];
                let mut rest = at;
                for k in (0..s.kinds.len()).rev() {
                    codes[k] = s.kinds[k].code(rest % sizes[k], sizes[k]);
                    rest /= sizes[k];
                }
                for (class, w) in weights.row(s.feature(codes)) {
                    row[class] = w;
                }
            }
            let t = s.template as usize;
            if by_template.len() <= t {
                by_template.resize_with(t + 1, || None);
            }
            by_template[t] = Some(Table { sizes, classes, rows });
        }
        Tables { by_template }
    }

    /// The row of a small template's values, if the template has a table and the values are in it.
    #[inline(always)]
    fn row(&self, s: &Small, codes: [u64; 3]) -> Option<&[i16]> {
        self.by_template.get(s.template as usize)?.as_ref()?.row(s.kinds, codes)
    }
}

/// Tagging and parsing: small templates summed from their tables into the class sums at once,
/// the others collected for a lookup.
pub struct Scorer<'a> {
    /// The tables of the weights being scored.
    pub tables: &'a Tables,
    /// The sums per class so far.
    pub sums: &'a mut [i32],
    /// The features still to look up.
    pub hashed: &'a mut Vec<Feature>,
    /// The sums hold the word's own features ([`Sink::word`]) already.
    pub summed_words: bool,
}

impl Sink for Scorer<'_> {
    fn push(&mut self, f: Feature) {
        self.hashed.push(f);
    }
    #[inline(always)]
    fn small(&mut self, s: &Small, codes: [u64; 3]) {
        match self.tables.row(s, codes) {
            Some(row) => add_row(self.sums, row),
            None => self.hashed.push(s.feature(codes)),
        }
    }
    fn word(&mut self, f: Feature) {
        if !self.summed_words {
            self.hashed.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_place_and_back() {
        let kinds = [Kind::Below(7), Kind::Tag, Kind::OrNone(5, 9), Kind::OrNone(5, 99), Kind::Label];
        for kind in kinds {
            let size = kind.size(45);
            for i in 0..size {
                let code = kind.code(i, size);
                assert_eq!(kind.index(code, size), Some(i), "{kind:?} at {i}");
            }
            for code in [size as u64 + 3, 1000, u64::MAX, 0xffff_0001] {
                let back = kind.index(code, size).map(|i| kind.code(i, size));
                assert!(back.is_none_or(|c| c == code), "{kind:?} takes {code}");
            }
        }
    }
}
