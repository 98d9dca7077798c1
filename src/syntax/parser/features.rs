//! The parser's features: the templates read from tables, the words a state reads on their own,
//! and the features of a move and of an arc's label, one definition for training and parsing.

use super::{Item, LEFT, NO, State};
use crate::syntax::lexicon::Shape;
use crate::syntax::perceptron::{Feature, feature, feature2, feature3};
use crate::syntax::small::{Kind, Sink, Small};
use crate::syntax::ud::Attr;

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
pub(super) const TAG_AT: [Small; 13] = {
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

/// The places a state reads a word at on its own: s0, s1, s2, n0, n1, n2, s0l, s0r, n0l, s0l2,
/// s0r2, n0l2, s1r (stack, buffer, leftmost and rightmost dependents).
pub const ROLES: usize = 13;
/// The template of the fine cluster of the word in each role, where it is read.
const FINE: [Option<u32>; ROLES] =
    [Some(120), Some(121), None, Some(122), Some(123), None, Some(124), Some(125), Some(126), None, None, None, None];
/// The template of the word with its own part of speech in each role, where it is read.
const WORD_TAG: [Option<u32>; ROLES] =
    [Some(40), Some(42), None, Some(41), Some(43), None, None, None, None, None, None, None, None];

/// The features of one word with a small number ([`counted`]), by row: the word at s0 with the
/// distance to n0 (0 to 6), the word at n0 with that distance, the word at s0 with its number of
/// dependents to the right and to the left (0 to 4, or 99 for no word: row 5).
pub const COUNTED: usize = 26;
const DIST_S0: usize = 0;
const DIST_N0: usize = 7;
const RIGHTS_S0: usize = 14;
const LEFTS_S0: usize = 20;

/// What a move reads of one word, of no word or of the root: its form, part of speech and fine cluster.
#[derive(Clone, Copy, Debug)]
pub struct Vals {
    /// The normalised form.
    pub word: u64,
    /// The part of speech (100: no word, 101: the root).
    pub tag: u64,
    /// The fine cluster.
    pub fine: u64,
}

impl Vals {
    /// No word.
    pub const NONE: Vals = Vals { word: 1, tag: 100, fine: 4 };
    /// The root.
    pub const ROOT: Vals = Vals { word: 2, tag: 101, fine: 4 };

    /// A word of the sentence.
    pub fn of(item: &Item) -> Vals {
        Vals { tag: item.upos as u64, ..Vals::of_shape(&item.shape) }
    }

    /// A form, its part of speech not read.
    pub fn of_shape(shape: &Shape) -> Vals {
        Vals { word: shape.norm, tag: 0, fine: shape.cluster[0] }
    }
}

/// The features of the word in role `k` that read its form alone.
pub fn form_features(k: usize, v: Vals, out: &mut impl Sink) {
    out.push(feature(1 + k as u32, v.word));
    if let Some(t) = FINE[k] {
        out.push(feature(t, v.fine));
    }
}

/// The features of the word in role `k` that read its part of speech (with its form).
pub fn tagged_features(k: usize, v: Vals, out: &mut impl Sink) {
    out.small(&TAG_AT[k], [v.tag, 0, 0]);
    if let Some(t) = WORD_TAG[k] {
        out.push(feature2(t, v.word, v.tag));
    }
}

/// The feature of a word with a small number, by row ([`COUNTED`]).
pub fn counted(row: usize, word: u64) -> Feature {
    let valency = |r: usize| if r == 5 { 99 } else { r as u64 };
    match row {
        DIST_S0..DIST_N0 => feature2(61, (row - DIST_S0) as u64, word),
        DIST_N0..RIGHTS_S0 => feature2(63, (row - DIST_N0) as u64, word),
        RIGHTS_S0..LEFTS_S0 => feature3(66, word, valency(row - RIGHTS_S0), 0),
        _ => feature3(68, word, valency(row - LEFTS_S0), 1),
    }
}

/// The words a state reads on their own: the word (or [`NO`], or the root) in each role, and the
/// word and row of each feature of a word with a small number.
pub struct Reads {
    /// The word in each role.
    pub roles: [usize; ROLES],
    /// The word and row ([`counted`]) of each counted feature.
    pub counted: [(usize, usize); 4],
}

impl State {
    /// The word at the `k`th place from the top of the stack, or [`NO`].
    fn s(&self, k: usize) -> usize {
        if self.stack.len() > k { self.stack[self.stack.len() - 1 - k] } else { NO }
    }

    /// The word at the `k`th place of the buffer (the root last), or [`NO`].
    fn b(&self, k: usize) -> usize {
        if self.next + k <= self.n { self.next + k } else { NO }
    }

    /// What a move decision reads of single words.
    pub(super) fn reads(&self) -> Reads {
        let (s0, s1, s2, n0, n1, n2) = (self.s(0), self.s(1), self.s(2), self.b(0), self.b(1), self.b(2));
        let kid = |h: usize, side: &Vec<[usize; 2]>, k: usize| if h == NO { NO } else { side[h][k] };
        let roles = [
            s0,
            s1,
            s2,
            n0,
            n1,
            n2,
            kid(s0, &self.left, 0),
            kid(s0, &self.right, 0),
            kid(n0, &self.left, 0),
            kid(s0, &self.left, 1),
            kid(s0, &self.right, 1),
            kid(n0, &self.left, 1),
            kid(s1, &self.right, 0),
        ];
        let dist = if s0 != NO && n0 != NO { (n0 - s0).min(6) } else { 0 };
        let valency = |side: &Vec<u8>| if s0 == NO { 5 } else { usize::from(side[s0].min(4)) };
        let counted = [
            (s0, DIST_S0 + dist),
            (n0, DIST_N0 + dist),
            (s0, RIGHTS_S0 + valency(&self.rights)),
            (s0, LEFTS_S0 + valency(&self.lefts)),
        ];
        Reads { roles, counted }
    }

    /// What the moves read of the word (or no word, or the root) at `w`.
    pub(super) fn vals(&self, items: &[Item], w: usize) -> Vals {
        match w {
            NO => Vals::NONE,
            w if w == self.n => Vals::ROOT,
            w => Vals::of(&items[w]),
        }
    }

    /// Every feature of a move decision (training; parsing sums the single words' weights ahead,
    /// see `words.rs`, and writes only [`State::joint_features`]).
    pub(super) fn features(&self, items: &[Item], out: &mut impl Sink) {
        let reads = self.reads();
        for (k, &w) in reads.roles.iter().enumerate() {
            let v = self.vals(items, w);
            form_features(k, v, out);
            tagged_features(k, v, out);
        }
        for (w, row) in reads.counted {
            out.push(counted(row, self.vals(items, w).word));
        }
        self.joint_features(items, out);
    }

    /// The features of a move decision that read more than one word, or a word with the state around it.
    pub(super) fn joint_features(&self, items: &[Item], out: &mut impl Sink) {
        let n = self.n;
        let (s0, s1, s2, n0, n1, n2) = (self.s(0), self.s(1), self.s(2), self.b(0), self.b(1), self.b(2));
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
        let word = |w: usize| self.vals(items, w).word;
        let tag = |w: usize| self.vals(items, w).tag;
        let fine = |w: usize| self.vals(items, w).fine;
        let case = |w: usize| if w < n { u64::from(items[w].feats.raw(Attr::Case)) } else { 9 };
        let cluster = |w: usize| if w < n { items[w].shape.cluster[1] } else { 3 };
        let (ws0, ws1, wn0) = (word(s0), word(s1), word(n0));
        let (ts0, ts1, ts2, tn0, tn1, tn2) = (tag(s0), tag(s1), tag(s2), tag(n0), tag(n1), tag(n2));
        out.small(&BIAS, [0; 3]);
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
        out.small(&M62, [dist, ts0, 0]);
        out.small(&M64, [dist, tn0, 0]);
        out.small(&M65, [dist, ts0, tn0]);
        let valency = |w: usize, side: &Vec<u8>| if w == NO { 99 } else { u64::from(side[w].min(4)) };
        out.small(&M67, [ts0, valency(s0, &self.rights), valency(s0, &self.lefts)]);
        out.push(feature3(69, tn0, valency(n0, &self.lefts), wn0));
        out.small(&M70, [case(s0), ts0, tn0]);
        out.small(&M71, [case(n0), tn0, ts0]);
        out.small(&M72, [case(s0), case(s1), ts1]);
        out.push(feature3(73, cluster(s0), cluster(n0), 0));
        out.push(feature2(74, cluster(s0), tn0));
        out.push(feature2(75, cluster(n0), ts0));
        out.small(&M76, [self.stack.len().min(8) as u64, tn0, 0]);
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

    /// The features of a label decision: the arc's direction with both ends and their neighbourhoods.
    pub(super) fn label_features(&self, items: &[Item], m: usize, out: &mut impl Sink) {
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
}
