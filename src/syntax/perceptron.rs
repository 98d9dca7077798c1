//! Averaged perceptron: hashed features, training with lazy averaging (the frozen weights are
//! `weights.rs`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A feature: a template number mixed with a value, as one 64-bit hash.
pub type Feature = u64;

/// Mixes 64 bits so that every input bit reaches every output bit (splitmix64's finaliser).
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A stable hash of a string (FNV-1a, then mixed); the same on every machine and run.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The feature of a template with one value.
pub fn feature(template: u32, value: u64) -> Feature {
    mix(value ^ (u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15)))
}

/// The feature of a template with two values.
pub fn feature2(template: u32, a: u64, b: u64) -> Feature {
    feature(template, a.rotate_left(17) ^ mix(b))
}

/// The feature of a template with three values.
pub fn feature3(template: u32, a: u64, b: u64, c: u64) -> Feature {
    feature(template, a.rotate_left(17) ^ mix(b).rotate_left(31) ^ mix(c ^ 0x5555))
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureMap<V> = HashMap<Feature, V, BuildHasherDefault<Identity>>;

struct TrainRow {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    updates: u32,
}

/// A perceptron being trained.
pub struct Trainer {
    classes: usize,
    rows: FeatureMap<TrainRow>,
    clock: u32,
}

impl Trainer {
    /// A trainer over `classes` classes.
    pub fn new(classes: usize) -> Trainer {
        Trainer { classes, rows: FeatureMap::default(), clock: 0 }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Sums the current weights of each feature into `scores` (which it first clears).
    pub fn score(&self, features: &[Feature], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&row.weights) {
                    *s += w;
                }
            }
        }
    }

    /// Counts one more training instance (the clock of the averages).
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves weight from the guess to the truth on every feature.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[Feature]) {
        if truth == guess {
            return;
        }
        let (classes, clock) = (self.classes, self.clock);
        for f in features {
            let row = self.rows.entry(*f).or_insert_with(|| TrainRow {
                weights: vec![0.0; classes],
                totals: vec![0.0; classes],
                stamps: vec![0; classes],
                updates: 0,
            });
            row.updates += 1;
            for (class, delta) in [(truth, 1.0), (guess, -1.0)] {
                row.totals[class] += f64::from(clock - row.stamps[class]) * f64::from(row.weights[class]);
                row.stamps[class] = clock;
                row.weights[class] += delta;
            }
        }
    }

    /// The averaged weights of the features updated at least `min_updates` times, keeping entries
    /// whose magnitude is at least `keep`.
    pub fn finish(self, keep: f32, min_updates: u32) -> Weights {
        let clock = f64::from(self.clock.max(1));
        // In the order of the keys they are stored under; of two features that share one, the lower first.
        let mut keys: Vec<Feature> = self.rows.keys().copied().collect();
        keys.sort_unstable_by_key(|k| (slot_key(*k), *k));
        let mut weights = Weights::with_rows(self.classes, keys.len());
        for key in keys {
            let row = &self.rows[&key];
            if row.updates < min_updates {
                continue;
            }
            let averaged = (0..self.classes).filter_map(|class| {
                let total = row.totals[class] + (clock - f64::from(row.stamps[class])) * f64::from(row.weights[class]);
                let q = quantise((total / clock) as f32);
                (f32::from(q).abs() >= keep * SCALE && q != 0).then_some((class as u16, q))
            });
            weights.push(key, averaged);
        }
        weights.seal();
        weights
    }
}

pub use super::weights::Weights;
use super::weights::slot_key;

/// Weights are kept in 1/256ths.
pub(super) const SCALE: f32 = 256.0;

/// The scores of summed weights.
pub fn to_scores(sums: &[i32], scores: &mut [f32]) {
    for (s, x) in scores.iter_mut().zip(sums) {
        *s = *x as f32 / SCALE;
    }
}

pub(super) fn quantise(v: f32) -> i16 {
    (v * SCALE).round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

/// The best class among those `allowed`, ties to the lowest index.
pub fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| *s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::codec::{Decoder, Encoder};

    #[test]
    fn learns_a_separable_problem_and_survives_encoding() {
        let mut t = Trainer::new(2);
        let data = [(vec![feature(1, 1)], 0), (vec![feature(1, 2)], 1), (vec![feature(1, 3), feature(1, 2)], 1)];
        let mut scores = [0.0; 2];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let g = best(&scores, |_| true).unwrap();
                t.update(*y, g, f);
                t.tick();
            }
        }
        let w = t.finish(0.0, 0);
        let mut e = Encoder::default();
        w.encode(&mut e);
        let bytes = e.into_bytes();
        let w = Weights::decode(&mut Decoder::new(&bytes)).unwrap();
        for (f, y) in &data {
            w.score(f, &mut scores);
            assert_eq!(best(&scores, |_| true), Some(*y));
        }
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash_str("Haus"), hash_str("Haus"));
        assert_ne!(hash_str("Haus"), hash_str("haus"));
        assert_ne!(feature(1, 5), feature(2, 5));
    }
}
