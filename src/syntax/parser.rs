//! Parsing: a greedy arc-hybrid transition system over tagged words, trained with a dynamic oracle.

use super::lexicon::Shape;
use super::perceptron::{Trainer, Weights, best, feature, feature2, feature3, to_scores};
use super::small::{Kind, Scorer, Sink, Small, Tables};
use super::ud::{Attr, Feats, Upos};

/// Move the first buffer word onto the stack.
const SHIFT: usize = 0;
/// The stack top becomes a dependent of the word below it.
const RIGHT: usize = 1;
/// The stack top becomes a dependent of the first buffer word.
const LEFT: usize = 2;
/// Number of moves.
pub const MOVES: usize = 3;

/// The longest run of words parsed as one; longer sentences are parsed in windows of this size.
pub const WINDOW: usize = 160;

/// A value of the case attribute (absent or one of four), or 9 beyond the sentence.
const CASE: Kind = Kind::OrNone(5, 9);
/// A number of dependents on one side (at most 4), or 99 for no word.
const VALENCY: Kind = Kind::OrNone(5, 99);
/// A move's direction as the label features read it (1, 2).
const DIR: Kind = Kind::Below(3);
const TAG3: &[Kind] = &[Kind::Tag, Kind::Tag, Kind::Tag];
const fn small(template: u32, kinds: &'static [Kind]) -> Small {
    Small { template, kinds }
}

const BIAS: Small = small(0, &[]);
const TAG_AT: [Small; 13] = {
    let mut out = [BIAS; 13];
    let mut k = 0;
    while k < 13 {
        out[k] = small(20 + k as u32, &[Kind::Tag]);
        k += 1;
    }
    out
};
const M45: Small = small(45, &[Kind::Tag, Kind::Tag]);
const M50: Small = small(50, &[Kind::Tag, Kind::Tag]);
const TAGS3: [Small; 9] = {
    let mut out = [BIAS; 9];
    let mut k = 0;
    while k < 9 {
        out[k] = small(52 + k as u32, TAG3);
        k += 1;
    }
    out
};
const M62: Small = small(62, &[Kind::Below(7), Kind::Tag]);
const M64: Small = small(64, &[Kind::Below(7), Kind::Tag]);
const M65: Small = small(65, &[Kind::Below(7), Kind::Tag, Kind::Tag]);
const M67: Small = small(67, &[Kind::Tag, VALENCY, VALENCY]);
const M70: Small = small(70, &[CASE, Kind::Tag, Kind::Tag]);
const M71: Small = small(71, &[CASE, Kind::Tag, Kind::Tag]);
const M72: Small = small(72, &[CASE, CASE, Kind::Tag]);
const M76: Small = small(76, &[Kind::Below(9), Kind::Tag]);
const LABEL_AT: [Small; 7] = {
    let mut out = [BIAS; 7];
    let mut k = 0;
    while k < 7 {
        out[k] = small(80 + k as u32, &[Kind::Label]);
        k += 1;
    }
    out
};

/// The templates of the moves read from tables.
pub fn move_templates() -> Vec<Small> {
    let singles = [BIAS, M45, M50, M62, M64, M65, M67, M70, M71, M72, M76];
    singles.into_iter().chain(TAG_AT).chain(TAGS3).chain(LABEL_AT).collect()
}

// Label templates: the direction, then the values of the arc's ends (raw morphology values
// below the attribute's number of values plus one).
const L99: Small = small(99, &[DIR]);
const L100: Small = small(100, &[DIR, Kind::Tag]);
const L101: Small = small(101, &[DIR, Kind::Tag, Kind::Tag]);
const L104: Small = small(104, &[DIR, Kind::Below(5), Kind::Tag]);
const L108: Small = small(108, &[DIR, Kind::Below(5), Kind::Tag]);
const L112: Small = small(112, &[DIR, Kind::Below(7), Kind::Tag]);
const L114: Small = small(114, &[DIR, Kind::Below(3), Kind::Tag]);
const L118: Small = small(118, &[DIR, Kind::Tag, Kind::Tag]);
const L119: Small = small(119, &[Kind::Below(2), Kind::Below(13), Kind::Tag]);

/// The templates of the labels read from tables.
pub fn label_templates() -> Vec<Small> {
    vec![L99, L100, L101, L104, L108, L112, L114, L118, L119]
}

/// A tagged word as the parser sees it.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    /// What the word looks like.
    pub shape: Shape,
    /// Its part of speech.
    pub upos: Upos,
    /// Its morphology.
    pub feats: Feats,
}

/// A parser state. Position `n` is the artificial root at the end of the buffer.
struct State {
    n: usize,
    stack: Vec<usize>,
    next: usize,
    heads: Vec<usize>,
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    lefts: Vec<u8>,
    rights: Vec<u8>,
    labels: Vec<u16>,
    label_sets: Vec<u64>,
}

const NO: usize = usize::MAX;
const NO_LABEL: u16 = u16::MAX;

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            next: 0,
            heads: vec![NO; n],
            left: vec![[NO; 2]; n + 1],
            right: vec![[NO; 2]; n + 1],
            lefts: vec![0; n + 1],
            rights: vec![0; n + 1],
            labels: vec![NO_LABEL; n],
            label_sets: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.stack.is_empty() && self.next >= self.n
    }

    fn valid(&self) -> [bool; MOVES] {
        let depth = self.stack.len();
        [self.next < self.n, depth >= 2, depth >= 1 && (self.next < self.n || depth == 1)]
    }

    fn attach(&mut self, dep: usize, head: usize) {
        self.heads[dep] = head;
        if dep < head {
            self.left[head] = [dep, self.left[head][0]];
            self.lefts[head] = self.lefts[head].saturating_add(1);
        } else {
            self.right[head] = [dep, self.right[head][0]];
            self.rights[head] = self.rights[head].saturating_add(1);
        }
    }

    /// The dependent and head an arc move would join.
    fn arc(&self, m: usize) -> Option<(usize, usize)> {
        let s0 = *self.stack.last()?;
        match m {
            RIGHT => Some((s0, self.stack[self.stack.len() - 2])),
            LEFT => Some((s0, self.next)),
            _ => None,
        }
    }

    fn apply(&mut self, m: usize, label: u16) {
        match self.arc(m) {
            None => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Some((dep, head)) => {
                self.stack.pop();
                self.attach(dep, head);
                self.labels[dep] = label;
                self.label_sets[head] |= 1 << (label % 64);
            }
        }
    }

    /// The features of a label decision: the arc's direction with both ends and their neighbourhoods.
    fn label_features(&self, items: &[Item], m: usize, out: &mut impl Sink) {
        let Some((dep, head)) = self.arc(m) else { return };
        let dir = m as u64;
        let d = &items[dep];
        let (th, wh) = if head < self.n { (items[head].upos as u64, items[head].shape.norm) } else { (101, 2) };
        let td = d.upos as u64;
        let label = |w: usize| if w < self.n { u64::from(self.labels[w]) } else { 0xffff_0000 };
        let word = |w: usize| if w < self.n { items[w].shape.norm } else { 1 };
        let (first, last) = (self.left[dep][0], self.right[dep][0]);
        out.small(&L99, [dir, 0, 0]);
        out.small(&L100, [dir, td, 0]);
        out.small(&L101, [dir, td, th]);
        out.push(feature3(102, dir, d.shape.norm, th));
        out.push(feature3(103, dir, td, wh));
        out.small(&L104, [dir, u64::from(d.feats.raw(Attr::Case)), th]);
        out.push(feature3(105, dir, self.label_sets[head], td));
        out.push(feature3(106, dir, word(first), td));
        out.push(feature3(107, dir, d.shape.suffix[1], th));
        out.push(feature3(109, dir, label(first), td));
        out.push(feature3(110, dir, label(last), td));
        out.push(feature3(111, dir, self.label_sets[dep], td));
        out.small(&L112, [dir, dep.abs_diff(head).min(6) as u64, td]);
        out.push(feature3(113, dir, d.shape.cluster[1], th));
        if head < self.n {
            let h = &items[head];
            out.small(&L108, [dir, u64::from(h.feats.raw(Attr::VerbForm)), td]);
            out.small(&L114, [dir, u64::from(h.feats.raw(Attr::Voice)), td]);
            out.push(feature3(115, dir, h.shape.cluster[1], td));
            let hl = self.left[head][0];
            out.push(feature3(116, dir, word(hl), td));
        }
        // What stands below the dependent on the stack: an auxiliary or a preposition still waiting.
        let below = self.stack.len().checked_sub(2).map_or(NO, |k| self.stack[k]);
        if below != NO && below != head {
            out.push(feature3(117, dir, word(below), td));
            out.small(&L118, [dir, items[below].upos as u64, td]);
        }
        out.small(&L119, [u64::from(d.feats.raw(Attr::Poss)), u64::from(d.feats.raw(Attr::PronType)), td]);
        // The word after the head: in a verb-final clause, the auxiliary that tells active from passive.
        if m == LEFT && head + 1 < self.n {
            out.push(feature3(130, word(head + 1), td, th));
        }
    }

    /// The moves that lose no gold arc (Goldberg and Nivre's dynamic oracle, as simplified by Honnibal).
    fn gold_moves(&self, gold: &[usize]) -> [bool; MOVES] {
        let valid = self.valid();
        let Some(&s0) = self.stack.last() else { return [true, false, false] };
        debug_assert!(self.next <= self.n);
        let n0 = self.next;
        if valid[SHIFT] && gold[n0] == s0 {
            return [true, false, false];
        }
        if valid[LEFT] && gold[s0] == n0 {
            return [false, false, true];
        }
        let mut ok = valid;
        if self.stack.len() >= 2 && gold[s0] == self.stack[self.stack.len() - 2] {
            ok[LEFT] = false;
        }
        if ok[SHIFT] && self.stack.iter().any(|&w| gold[w] == n0 || gold[n0] == w) {
            ok[SHIFT] = false;
        }
        if (n0 + 1..=self.n).any(|b| gold[s0] == b || (b < self.n && gold[b] == s0)) {
            ok[LEFT] = false;
            ok[RIGHT] = false;
        }
        ok
    }

    fn features(&self, items: &[Item], out: &mut impl Sink) {
        let n = self.n;
        let s = |k: usize| if self.stack.len() > k { self.stack[self.stack.len() - 1 - k] } else { NO };
        let b = |k: usize| if self.next + k <= n { self.next + k } else { NO };
        let (s0, s1, s2, n0, n1, n2) = (s(0), s(1), s(2), b(0), b(1), b(2));
        let kid = |h: usize, side: &Vec<[usize; 2]>, k: usize| if h == NO { NO } else { side[h][k] };
        let (s0l, s0l2, s0r, s0r2, n0l, n0l2) = (
            kid(s0, &self.left, 0),
            kid(s0, &self.left, 1),
            kid(s0, &self.right, 0),
            kid(s0, &self.right, 1),
            kid(n0, &self.left, 0),
            kid(n0, &self.left, 1),
        );
        let s1r = kid(s1, &self.right, 0);
        let word = |w: usize| match w {
            NO => 1,
            w if w == n => 2,
            w => items[w].shape.norm,
        };
        let tag = |w: usize| match w {
            NO => 100,
            w if w == n => 101,
            w => items[w].upos as u64,
        };
        let case = |w: usize| if w < n { u64::from(items[w].feats.raw(Attr::Case)) } else { 9 };
        let cluster = |w: usize| if w < n { items[w].shape.cluster[1] } else { 3 };
        let (ws0, ws1, wn0, wn1) = (word(s0), word(s1), word(n0), word(n1));
        let (ts0, ts1, ts2, tn0, tn1, tn2) = (tag(s0), tag(s1), tag(s2), tag(n0), tag(n1), tag(n2));
        out.small(&BIAS, [0; 3]);
        for (k, w) in [s0, s1, s2, n0, n1, n2, s0l, s0r, n0l, s0l2, s0r2, n0l2, s1r].into_iter().enumerate() {
            out.push(feature(1 + k as u32, word(w)));
            out.small(&TAG_AT[k], [tag(w), 0, 0]);
        }
        out.push(feature2(40, ws0, ts0));
        out.push(feature2(41, wn0, tn0));
        out.push(feature2(42, ws1, ts1));
        out.push(feature2(43, wn1, tn1));
        out.push(feature2(44, ws0, wn0));
        out.small(&M45, [ts0, tn0, 0]);
        out.push(feature3(46, ws0, ts0, tn0));
        out.push(feature3(47, wn0, tn0, ts0));
        out.push(feature3(48, ws0, wn0, ts0));
        out.push(feature3(49, ws0, wn0, tn0));
        out.small(&M50, [ts1, ts0, 0]);
        out.push(feature2(51, ws1, ws0));
        out.small(&TAGS3[0], [tn0, tn1, tn2]);
        out.small(&TAGS3[1], [ts0, tn0, tn1]);
        out.small(&TAGS3[2], [ts1, ts0, tn0]);
        out.small(&TAGS3[3], [ts0, tag(s0l), tn0]);
        out.small(&TAGS3[4], [ts0, tag(s0r), tn0]);
        out.small(&TAGS3[5], [ts0, tn0, tag(n0l)]);
        out.small(&TAGS3[6], [ts2, ts1, ts0]);
        out.small(&TAGS3[7], [ts1, ts0, tag(s0r)]);
        out.small(&TAGS3[8], [ts1, tag(s1r), ts0]);
        let dist = if s0 != NO && n0 != NO { (n0 - s0).min(6) as u64 } else { 0 };
        out.push(feature2(61, dist, ws0));
        out.small(&M62, [dist, ts0, 0]);
        out.push(feature2(63, dist, wn0));
        out.small(&M64, [dist, tn0, 0]);
        out.small(&M65, [dist, ts0, tn0]);
        let valency = |w: usize, side: &Vec<u8>| if w == NO { 99 } else { u64::from(side[w].min(4)) };
        out.push(feature3(66, ws0, valency(s0, &self.rights), 0));
        out.small(&M67, [ts0, valency(s0, &self.rights), valency(s0, &self.lefts)]);
        out.push(feature3(68, ws0, valency(s0, &self.lefts), 1));
        out.push(feature3(69, tn0, valency(n0, &self.lefts), wn0));
        out.small(&M70, [case(s0), ts0, tn0]);
        out.small(&M71, [case(n0), tn0, ts0]);
        out.small(&M72, [case(s0), case(s1), ts1]);
        out.push(feature3(73, cluster(s0), cluster(n0), 0));
        out.push(feature2(74, cluster(s0), tn0));
        out.push(feature2(75, cluster(n0), ts0));
        out.small(&M76, [self.stack.len().min(8) as u64, tn0, 0]);
        let fine = |w: usize| if w < n { items[w].shape.cluster[0] } else { 4 };
        for (k, w) in [s0, s1, n0, n1, s0l, s0r, n0l].into_iter().enumerate() {
            out.push(feature(120 + k as u32, fine(w)));
        }
        out.push(feature3(127, fine(s0), fine(n0), 0));
        out.push(feature3(128, fine(s0), ts0, tn0));
        out.push(feature3(129, fine(n0), tn0, ts0));
        let label = |w: usize| if w < n { u64::from(self.labels[w]) } else { 0xffff_0000 };
        for (k, w) in [s0l, s0r, n0l, s0l2, s0r2, n0l2, s1r].into_iter().enumerate() {
            out.small(&LABEL_AT[k], [label(w), 0, 0]);
        }
        out.push(feature3(90, ts0, label(s0l), label(s0r)));
        out.push(feature3(91, tn0, label(n0l), label(n0l2)));
        let set = |w: usize| if w == NO { 1 } else { self.label_sets[w] };
        out.push(feature2(92, ts0, set(s0)));
        out.push(feature2(93, tn0, set(n0)));
        out.push(feature3(94, ws0, label(s0l), label(s0r)));
    }
}

/// The trained weights of the parser: which move, and which label an arc gets.
pub struct Weighted<'a> {
    /// Scores the moves.
    pub moves: &'a Weights,
    /// The templates of the moves read from tables ([`move_templates`]).
    pub move_tables: &'a Tables,
    /// Scores the labels of an arc.
    pub labels: &'a Weights,
    /// The templates of the labels read from tables ([`label_templates`]).
    pub label_tables: &'a Tables,
    /// The label that is no label: the root's.
    pub root: usize,
    /// The label of a later window's root under the sentence's root (`dep`).
    pub unattached: usize,
}

/// Parses a sentence: the head of each word (`None` for the root) as positions from 0, and the
/// label class of each word's arc. A root of a later window hangs from the first window's root.
pub fn parse(model: &Weighted<'_>, items: &[Item]) -> Vec<(Option<usize>, usize)> {
    let mut out = vec![(None, model.root); items.len()];
    let mut sentence_root: Option<usize> = None;
    let mut start = 0;
    while start < items.len() {
        let end = (start + WINDOW).min(items.len());
        let window = parse_window(model, &items[start..end]);
        for (k, (h, l)) in window.into_iter().enumerate() {
            out[start + k] = match (h, sentence_root) {
                (Some(h), _) => (Some(start + h), l),
                (None, Some(root)) => (Some(root), model.unattached),
                (None, None) => {
                    sentence_root = Some(start + k);
                    (None, model.root)
                }
            };
        }
        start = end;
    }
    out
}

fn parse_window(model: &Weighted<'_>, items: &[Item]) -> Vec<(Option<usize>, usize)> {
    let n = items.len();
    let mut state = State::new(n);
    let mut features = Vec::with_capacity(128);
    let mut scores = [0.0; MOVES];
    let mut label_scores = vec![0.0; model.labels.classes()];
    let mut label_sums = vec![0i32; model.labels.classes()];
    while !state.done() {
        let valid = state.valid();
        // Where one move is all the state allows, it is the best whatever the scores.
        if valid.iter().filter(|v| **v).count() > 1 {
            let mut sums = [0i32; MOVES];
            features.clear();
            state.features(
                items,
                &mut Scorer { tables: model.move_tables, sums: &mut sums, hashed: &mut features, summed_words: false },
            );
            model.moves.add(&features, &mut sums);
            to_scores(&sums, &mut scores);
        }
        let Some(m) = best(&scores, |m| valid[m]) else { break };
        let mut label = NO_LABEL;
        if m != SHIFT {
            features.clear();
            label_sums.fill(0);
            let mut scorer = Scorer {
                tables: model.label_tables,
                sums: &mut label_sums,
                hashed: &mut features,
                summed_words: false,
            };
            state.label_features(items, m, &mut scorer);
            model.labels.add(&features, &mut label_sums);
            to_scores(&label_sums, &mut label_scores);
            label = best(&label_scores, |l| l != model.root).unwrap_or(0) as u16;
        }
        state.apply(m, label);
    }
    state.heads.iter().zip(&state.labels).map(|(&h, &l)| ((h < n).then_some(h), usize::from(l))).collect()
}

/// A training sentence: tagged words, gold heads (`None`: root) and gold label classes.
pub struct Example<'a> {
    /// The words with the tags the tagger gives them.
    pub items: &'a [Item],
    /// The gold heads.
    pub heads: &'a [Option<usize>],
    /// The gold label classes.
    pub labels: &'a [usize],
}

/// Trains the parser for one more pass over the examples; returns right heads and words.
pub fn train_epoch(moves: &mut Trainer, labels: &mut Trainer, root: usize, data: &[Example<'_>]) -> (usize, usize) {
    let trainer = moves;
    let (mut right, mut all) = (0, 0);
    let mut features = Vec::new();
    let mut scores = [0.0; MOVES];
    let mut label_scores = vec![0.0; labels.classes()];
    for Example { items, heads: gold, labels: gold_labels } in data {
        let n = items.len();
        if n == 0 || n > WINDOW {
            continue;
        }
        let gold: Vec<usize> = gold.iter().map(|h| h.unwrap_or(n)).collect();
        let mut state = State::new(n);
        while !state.done() {
            let valid = state.valid();
            features.clear();
            state.features(items, &mut features);
            trainer.score(&features, &mut scores);
            let Some(guess) = best(&scores, |m| valid[m]) else { break };
            let golds = state.gold_moves(&gold);
            if let Some(target) = best(&scores, |m| golds[m] && valid[m])
                && !golds[guess]
            {
                trainer.update(target, guess, &features);
            }
            trainer.tick();
            let mut label = NO_LABEL;
            if let Some((dep, head)) = state.arc(guess) {
                features.clear();
                state.label_features(items, guess, &mut features);
                labels.score(&features, &mut label_scores);
                let l = best(&label_scores, |l| l != root).unwrap_or(0);
                if gold[dep] == head {
                    labels.update(gold_labels[dep], l, &features);
                    labels.tick();
                }
                label = l as u16;
            }
            state.apply(guess, label);
        }
        right += state.heads.iter().zip(&gold).filter(|(h, g)| h == g).count();
        all += n;
    }
    (right, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_oracle(gold: &[usize]) -> Vec<usize> {
        let mut state = State::new(gold.len());
        while !state.done() {
            let g = state.gold_moves(gold);
            let m = (0..MOVES).find(|&m| g[m] && state.valid()[m]).expect("a gold move");
            state.apply(m, 0);
        }
        state.heads.clone()
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "the man saw a dog": the→man, man→saw, saw→root(5), a→dog, dog→saw
        let gold = [1, 2, 5, 4, 2];
        assert_eq!(run_oracle(&gold), gold);
        // a chain to the right and one to the left
        assert_eq!(run_oracle(&[5, 0, 1, 2, 3]), [5, 0, 1, 2, 3]);
        assert_eq!(run_oracle(&[1, 2, 3, 4, 5]), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn every_parse_is_a_tree_with_one_root() {
        let w = Weights::default();
        let t = Tables::default();
        let model = Weighted { moves: &w, move_tables: &t, labels: &w, label_tables: &t, root: 0, unattached: 0 };
        let item = Item { shape: Shape::default(), upos: Upos::Noun, feats: Feats::default() };
        for n in [1, 2, 7, WINDOW + 5] {
            let heads: Vec<Option<usize>> = parse(&model, &vec![item; n]).into_iter().map(|(h, _)| h).collect();
            assert_eq!(heads.iter().filter(|h| h.is_none()).count(), 1, "n = {n}");
            for (i, h) in heads.iter().enumerate() {
                let mut at = i;
                let mut steps = 0;
                let mut h = *h;
                while let Some(next) = h {
                    at = next;
                    h = heads[at];
                    steps += 1;
                    assert!(steps <= n, "a cycle");
                }
                let _ = at;
            }
        }
    }
}
