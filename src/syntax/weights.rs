//! Frozen perceptron weights: an ordered linear-probing index of 32-bit feature keys, a move's
//! three weights in the slot, a label's or a tag's as a run of entries or a dense row; lookups
//! in batches so that their memory reads overlap.

use super::codec::{DecodeError, Decoder, Encoder};
use super::perceptron::{Feature, to_scores};
#[cfg(test)]
use super::perceptron::{Trainer, feature};
use super::small::add_row;

/// One slot of the open-addressing index of frozen weights: a feature's 32-bit key and its
/// weights, in the slot itself when the table has at most [`NARROW`] classes, else the start and
/// length of its run of entries. Ten bytes, two-byte aligned: no padding.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: [u16; 2],
    data: [i16; NARROW],
}

/// Tables with this many classes or fewer keep their weights in the slot (the parser's moves).
pub const NARROW: usize = 3;

/// The mark of a dense row in a wide slot's length.
const DENSE: u16 = 0x8000;

/// Features looked up at once.
const CHUNK: usize = 32;

/// A wide row with weights for at least one class in this many is kept whole, as a weight for
/// every class (summed without looking at classes, several at a time), not as entries.
const DENSE_SHARE: usize = 4;

impl Slot {
    fn new(key: u32) -> Slot {
        Slot { key: [key as u16, (key >> 16) as u16], data: [0; NARROW] }
    }

    fn key(self) -> u32 {
        u32::from(self.key[0]) | (u32::from(self.key[1]) << 16)
    }

    fn start(self) -> usize {
        usize::from(self.data[0] as u16) | (usize::from(self.data[1] as u16) << 16)
    }

    /// A wide row's run of entries (empty for a dense row).
    fn run(self) -> std::ops::Range<usize> {
        let len = self.data[2] as u16;
        if len & DENSE != 0 { 0..0 } else { self.start()..self.start() + usize::from(len) }
    }

    /// A wide row kept whole: its number among the dense rows.
    fn dense(self) -> Option<usize> {
        (self.data[2] as u16 & DENSE != 0).then(|| self.start())
    }

    fn set_run(&mut self, start: usize, len: u16) {
        self.data = [start as u16 as i16, (start >> 16) as u16 as i16, len as i16];
    }
}

/// A class with its weight (in 1/256ths, little-endian): three bytes, one read.
#[derive(Clone, Copy)]
struct Entry {
    class: u8,
    weight: [u8; 2],
}

impl Entry {
    fn weight(self) -> i16 {
        i16::from_le_bytes(self.weight)
    }
}

/// Frozen weights: for each feature, the classes it votes for. The index is a table of about 1.5
/// slots a row in which each key's home slot is the key scaled to the table (keys are hashes
/// already), and the keys are stored in ascending order, each at its home or, when that is taken,
/// in the first free slot after it (ordered linear probing, without wrapping round: the table ends
/// in free slots). So a lookup reads the home slot and moves on only while it finds smaller keys:
/// a feature that is not there, the most common case, is told apart as quickly as one that is.
/// Wide tables keep each row as a run of entries.
#[derive(Default)]
pub struct Weights {
    classes: usize,
    /// The number of home slots.
    span: usize,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    /// The dense rows, one after the other, `classes` weights each.
    dense: Vec<i16>,
}

/// The empty slot's key; a feature whose key would be this is stored as 1.
const EMPTY: u32 = 0;

/// The key a feature is stored under: its 64 bits folded to 32 (a file holds four bytes less a
/// row; two of a model's features share a key about once in ten thousand, and then the second
/// is not stored).
pub(super) fn slot_key(f: Feature) -> u32 {
    let k = (f ^ (f >> 32)) as u32;
    if k == EMPTY { 1 } else { k }
}

impl Weights {
    pub(super) fn with_rows(classes: usize, rows: usize) -> Weights {
        let span = rows + rows / 2 + 8;
        let slots = Vec::with_capacity(span + 64);
        Weights { classes, span, slots, entries: Vec::new(), dense: Vec::new() }
    }

    fn narrow(&self) -> bool {
        self.classes <= NARROW
    }

    /// The slot a key is looked for first: the key scaled to the table (keys are uniform).
    fn home(&self, key: u32) -> usize {
        ((u64::from(key) * self.span as u64) >> 32) as usize
    }

    /// The key stored last (the largest), or [`EMPTY`].
    fn last_key(&self) -> u32 {
        self.slots.last().map_or(EMPTY, |s| s.key())
    }

    /// Adds one feature's non-zero weights, unless a feature with its key is stored already.
    /// Features come in ascending order of their keys.
    pub(super) fn push(&mut self, key: Feature, weights: impl Iterator<Item = (u16, i16)>) {
        let mut slot = Slot::new(slot_key(key));
        if slot.key() == self.last_key() {
            return; // the first of two features that share a key keeps it
        }
        debug_assert!(slot.key() > self.last_key(), "features in ascending order of their keys");
        if self.narrow() {
            for (class, w) in weights {
                slot.data[usize::from(class)] = w;
            }
            if slot.data == [0; NARROW] {
                return;
            }
        } else {
            let start = self.entries.len();
            for (class, weight) in weights {
                debug_assert!(class < 256, "a class beyond a byte");
                self.entries.push(Entry { class: class as u8, weight: weight.to_le_bytes() });
            }
            let len = self.entries.len() - start;
            if len == 0 {
                return;
            }
            if len * DENSE_SHARE >= self.classes {
                let row = self.dense.len() / self.classes;
                self.dense.resize(self.dense.len() + self.classes, 0);
                for e in self.entries.drain(start..) {
                    self.dense[row * self.classes + usize::from(e.class)] = e.weight();
                }
                slot.set_run(row, DENSE);
            } else {
                slot.set_run(start, len as u16);
            }
        }
        let home = self.home(slot.key());
        if self.slots.len() < home {
            self.slots.resize(home, Slot::default());
        }
        self.slots.push(slot);
    }

    /// Ends the table after the last row: free slots up to the end of the homes, and one more;
    /// the room the tables grew into and will not fill is given back (up to half of each).
    pub(super) fn seal(&mut self) {
        let end = self.slots.len().max(self.span) + 1;
        self.slots.resize(end, Slot::default());
        self.slots.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.dense.shrink_to_fit();
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The slot of a key, probing from slot `i` on; an empty slot when the key is not stored.
    fn find(&self, key: u32, mut i: usize) -> Slot {
        loop {
            let s = self.slots[i];
            if s.key() == key {
                return s;
            }
            if s.key() == EMPTY || s.key() > key {
                return Slot::default();
            }
            i += 1;
        }
    }

    /// The non-zero weights of a slot, as (class, weight).
    fn weights(&self, slot: Slot) -> impl Iterator<Item = (usize, i16)> + '_ {
        let (narrow, wide) = if self.narrow() { (slot.data.len(), 0..0) } else { (0, slot.run()) };
        let inline = slot.data.into_iter().take(narrow).enumerate().filter(|(_, w)| *w != 0);
        let dense = self.dense_row(slot).iter().copied().enumerate().filter(|(_, w)| *w != 0);
        inline.chain(self.entries[wide].iter().map(|e| (usize::from(e.class), e.weight()))).chain(dense)
    }

    /// A wide slot's dense row, or nothing.
    fn dense_row(&self, slot: Slot) -> &[i16] {
        match slot.dense() {
            Some(row) if !self.narrow() => &self.dense[row * self.classes..(row + 1) * self.classes],
            _ => &[],
        }
    }

    /// The non-zero weights of one feature, as (class, weight).
    pub fn row(&self, f: Feature) -> impl Iterator<Item = (usize, i16)> + '_ {
        let slot = if self.slots.is_empty() {
            Slot::default()
        } else {
            let key = slot_key(f);
            self.find(key, self.home(key))
        };
        self.weights(slot)
    }

    /// Sums the weights of each feature into `scores` (which it first clears).
    pub fn score(&self, features: &[Feature], scores: &mut [f32]) {
        let mut sums = [0i32; 256];
        let n = scores.len().min(256);
        self.add(features, &mut sums[..n]);
        to_scores(&sums[..n], scores);
    }

    /// The slot of each feature of a chunk (an empty slot for a feature not stored), in three
    /// passes so that the memory reads of all features are in flight at once: first every
    /// feature's home slot is read, then the probes are finished.
    fn slots(&self, chunk: &[Feature], found: &mut [Slot]) {
        let mut at = [0usize; CHUNK];
        let mut keys = [0u32; CHUNK];
        for (((h, a), k), f) in found.iter_mut().zip(at.iter_mut()).zip(keys.iter_mut()).zip(chunk) {
            *k = slot_key(*f);
            *a = self.home(*k);
            *h = self.slots[*a];
        }
        for ((h, a), &key) in found.iter_mut().zip(&at).zip(&keys) {
            if h.key() != key {
                *h = if h.key() == EMPTY || h.key() > key { Slot::default() } else { self.find(key, *a + 1) };
            }
        }
    }

    /// The weights of each feature of a table of at most [`NARROW`] classes, a row each (zeros
    /// for a feature not stored).
    pub fn narrow_rows(&self, features: &[Feature], out: &mut [[i16; NARROW]]) {
        out.fill([0; NARROW]);
        if self.slots.is_empty() || !self.narrow() {
            return;
        }
        let mut found = [Slot::default(); CHUNK];
        for (chunk, out) in features.chunks(CHUNK).zip(out.chunks_mut(CHUNK)) {
            self.slots(chunk, &mut found[..chunk.len()]);
            for (o, h) in out.iter_mut().zip(&found) {
                *o = h.data;
            }
        }
    }

    /// Adds the weights of each feature to `sums` (one a class, in 1/256ths), the memory reads
    /// of a chunk of features at once ([`Weights::slots`]), then the weights summed.
    pub fn add(&self, features: &[Feature], sums: &mut [i32]) {
        if self.slots.is_empty() {
            return;
        }
        let mut found = [Slot::default(); CHUNK];
        for chunk in features.chunks(CHUNK) {
            let homes = &mut found[..chunk.len()];
            self.slots(chunk, homes);
            self.touch(homes);
            self.sum(homes, sums);
        }
    }

    /// Adds the weights of each run of features (`features[bounds[k]..bounds[k + 1]]`) to its row
    /// of `sums` (one a class), the memory reads of all runs at once: for the decisions of a
    /// sentence whose features do not depend on each other.
    pub fn add_runs(&self, features: &[Feature], bounds: &[usize], sums: &mut [i32]) {
        if self.slots.is_empty() || self.classes == 0 {
            return;
        }
        let mut found = vec![Slot::default(); features.len()];
        for (chunk, homes) in features.chunks(CHUNK).zip(found.chunks_mut(CHUNK)) {
            self.slots(chunk, homes);
        }
        self.touch(&found);
        for (run, row) in bounds.windows(2).zip(sums.chunks_mut(self.classes)) {
            if let Some(homes) = found.get(run[0]..run[1]) {
                self.sum(homes, row);
            }
        }
    }

    /// Reads the first weight of each wide slot's run before any is summed, so that those reads
    /// overlap too.
    fn touch(&self, homes: &[Slot]) {
        if self.narrow() {
            return;
        }
        let mut touched = 0i32;
        for h in homes.iter().filter(|h| h.key() != EMPTY) {
            touched ^= match h.dense() {
                Some(row) => self.dense.get(row * self.classes).map_or(0, |w| i32::from(*w)),
                None => self.entries.get(h.start()).map_or(0, |e| i32::from(e.class)),
            };
        }
        std::hint::black_box(touched);
    }

    /// Adds the weights of found slots to `sums`.
    fn sum(&self, homes: &[Slot], sums: &mut [i32]) {
        if self.narrow() {
            let [mut x, mut y, mut z] = [0i32; NARROW];
            for h in homes {
                // An empty slot's weights are zero.
                x += i32::from(h.data[0]);
                y += i32::from(h.data[1]);
                z += i32::from(h.data[2]);
            }
            for (s, d) in sums.iter_mut().zip([x, y, z]) {
                *s += d;
            }
            return;
        }
        for h in homes.iter().filter(|h| h.key() != EMPTY) {
            match h.dense() {
                Some(_) => add_row(sums, self.dense_row(*h)),
                None => {
                    for e in &self.entries[h.run()] {
                        if let Some(s) = sums.get_mut(usize::from(e.class)) {
                            *s += i32::from(e.weight());
                        }
                    }
                }
            }
        }
    }

    /// Writes the weights, rows sorted by feature.
    pub fn encode(&self, out: &mut Encoder) {
        let mut rows: Vec<Slot> = self.slots.iter().copied().filter(|s| s.key() != EMPTY).collect();
        rows.sort_unstable_by_key(|s| s.key());
        out.u32(self.classes as u32);
        out.u32(rows.len() as u32);
        for s in rows {
            let weights: Vec<(usize, i16)> = self.weights(s).collect();
            out.u32(s.key());
            out.u8(weights.len() as u8);
            for (class, w) in weights {
                out.u8(class as u8);
                out.i16(w);
            }
        }
    }

    /// Reads weights written by [`Weights::encode`].
    pub fn decode(input: &mut Decoder<'_>) -> Result<Weights, DecodeError> {
        let classes = input.u32()? as usize;
        let n = input.u32()? as usize;
        // A row takes at least five bytes: a count beyond what is left is damage, not a size to allocate.
        if classes > 256 || n > input.remaining() / 5 {
            return Err(DecodeError("a weight table too large"));
        }
        let mut w = Weights::with_rows(classes, n);
        let mut row = Vec::with_capacity(classes);
        let mut last = EMPTY;
        for _ in 0..n {
            let key = Feature::from(input.u32()?);
            if slot_key(key) < last {
                return Err(DecodeError("weight rows out of order"));
            }
            last = slot_key(key);
            let len = usize::from(input.u8()?);
            row.clear();
            for _ in 0..len {
                let class = input.u8()?;
                if usize::from(class) >= classes {
                    return Err(DecodeError("a weight for a class out of range"));
                }
                row.push((u16::from(class), input.i16()?));
            }
            w.push(key, row.iter().copied());
        }
        w.seal();
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_feature_is_found_and_no_other() {
        for classes in [3, 17] {
            let mut t = Trainer::new(classes);
            let stored: Vec<Feature> = (0..5000).map(|k| feature(7, k)).collect();
            for (k, f) in stored.iter().enumerate() {
                t.update(k % classes, (k + 1) % classes, &[*f]);
            }
            t.tick();
            let w = t.finish(0.0, 0);
            let mut scores = vec![0.0; classes];
            for (k, f) in stored.iter().enumerate() {
                w.score(&[*f], &mut scores);
                assert!(scores[k % classes] > 0.0 && scores[(k + 1) % classes] < 0.0, "feature {k} of {classes}");
            }
            for k in 0..5000 {
                w.score(&[feature(8, k)], &mut scores);
                assert!(scores.iter().all(|s| *s == 0.0), "absent feature {k} of {classes}");
            }
        }
    }

    #[test]
    fn dense_rows_score_and_encode_like_entries() {
        // Five classes: a row with two weights is dense, one with one weight is not.
        let mut t = Trainer::new(5);
        let (a, b) = (feature(9, 1), feature(9, 2));
        t.update(0, 3, &[a, b]);
        t.tick();
        t.update(4, 0, &[a]);
        t.tick();
        let w = t.finish(0.0, 0);
        assert!(!w.dense.is_empty());
        let mut scores = vec![0.0; 5];
        w.score(&[a, b], &mut scores);
        let mut e = Encoder::default();
        w.encode(&mut e);
        let bytes = e.into_bytes();
        let back = Weights::decode(&mut Decoder::new(&bytes)).unwrap();
        let mut again = vec![0.0; 5];
        back.score(&[a, b], &mut again);
        assert_eq!(scores, again);
        let mut e = Encoder::default();
        back.encode(&mut e);
        assert_eq!(e.into_bytes(), bytes);
        assert_eq!(w.row(a).count(), 3);
    }
}
