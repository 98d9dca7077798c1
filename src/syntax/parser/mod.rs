//! Parsing: a greedy arc-hybrid transition system over tagged words, trained with a dynamic oracle.

mod features;
mod words;

use super::lexicon::Shape;
use super::perceptron::{Trainer, Weights, best, to_scores};
use super::small::{Scorer, Tables};
use super::ud::{Deprel, Feats, Rel, Upos};
pub use features::{Vals, label_templates, move_templates};
use words::Places;
pub use words::{FormRows, Place};

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
    /// The root and no word as the moves read them ([`Place::ends`]).
    pub ends: &'a [Place; 2],
    /// The core-argument slot of each label class ([`slots`]).
    pub slots: &'a [u8],
    /// The label classes only an auxiliary takes ([`auxiliary_only`]).
    pub auxiliary: &'a [bool],
}

/// The labels only an auxiliary takes: `aux` and `cop`, any subtype. Every word with one of them
/// in the German and English treebanks is tagged AUX; a name after a present-tense verb
/// ("Xi trifft Putin") was labelled `aux:pass`.
pub fn auxiliary_only(labels: &[Deprel]) -> Vec<bool> {
    labels.iter().map(|l| matches!(l.rel, Rel::Aux | Rel::Cop)).collect()
}

/// The core-argument slot of each label: 1 a subject (`nsubj`, `csubj`, any subtype), 2 an
/// object, 4 an indirect object, 0 none. A predicate has at most one of each: in the German and
/// English treebanks, 25 of some 9,800 heads with a subject have two, 2 of some 5,200 with an
/// object.
pub fn slots(labels: &[Deprel]) -> Vec<u8> {
    labels
        .iter()
        .map(|l| match l.rel {
            Rel::Nsubj | Rel::Csubj => 1,
            Rel::Obj => 2,
            Rel::Iobj => 4,
            _ => 0,
        })
        .collect()
}

/// Parses a sentence: the head of each word (`None` for the root) as positions from 0, and the
/// label class of each word's arc. A root of a later window hangs from the first window's root.
///
/// `forms` holds the move weights of each word's form ([`FormRows`]) when they were worked out
/// before; without it they are looked up here.
pub fn parse(model: &Weighted<'_>, items: &[Item], forms: Option<&[&FormRows]>) -> Vec<(Option<usize>, usize)> {
    let mut out = vec![(None, model.root); items.len()];
    let mut sentence_root: Option<usize> = None;
    let mut start = 0;
    while start < items.len() {
        let end = (start + WINDOW).min(items.len());
        let window = &items[start..end];
        let looked_up: Vec<FormRows>;
        let forms: Vec<&FormRows> = match forms.and_then(|f| f.get(start..end)) {
            Some(forms) => forms.to_vec(),
            None => {
                looked_up = window.iter().map(|item| FormRows::new(model.moves, Vals::of(item))).collect();
                looked_up.iter().collect()
            }
        };
        let places = Places::new(model.moves, model.move_tables, window, forms.into_iter(), model.ends);
        let window = parse_window(model, window, &places);
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

fn parse_window(model: &Weighted<'_>, items: &[Item], places: &Places) -> Vec<(Option<usize>, usize)> {
    let n = items.len();
    let mut state = State::new(n);
    let mut features = Vec::with_capacity(128);
    let mut scores = [0.0; MOVES];
    let mut label_scores = vec![0.0; model.labels.classes()];
    let mut label_sums = vec![0i32; model.labels.classes()];
    // The words given a core-argument label, with the scores of their labels.
    let mut core: Vec<(usize, Vec<f32>)> = Vec::new();
    let slot = |l: usize| model.slots.get(l).copied().unwrap_or(0);
    // No root label under a head, and no auxiliary's label on a noun, name, pronoun or number.
    let allowed = |dep: usize, l: usize| {
        l != model.root
            && !(model.auxiliary.get(l).copied().unwrap_or(false)
                && matches!(items[dep].upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num))
    };
    while !state.done() {
        let valid = state.valid();
        // Where one move is all the state allows, it is the best whatever the scores.
        if valid.iter().filter(|v| **v).count() > 1 {
            let mut sums = [0i32; MOVES];
            features.clear();
            places.add(&state.reads(), &mut sums);
            state.joint_features(
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
            let dep = state.arc(m).map(|(dep, _)| dep);
            label = best(&label_scores, |l| dep.is_none_or(|d| allowed(d, l))).unwrap_or(0) as u16;
            if let Some(dep) = dep
                && slot(usize::from(label)) != 0
            {
                core.push((dep, label_scores.clone()));
            }
        }
        state.apply(m, label);
    }
    one_per_slot(&mut state, &core, &slot, &allowed);
    state.heads.iter().zip(&state.labels).map(|(&h, &l)| ((h < n).then_some(h), usize::from(l))).collect()
}

/// Where a head took a word on each side of it into one core-argument slot (two subjects of
/// "Scholz empfing Selenskyj"), the word whose label scores put it there by the wider margin
/// over its best label outside the slot keeps it, and the other takes that best label outside.
/// Two words on one side are left as they are: there the trouble is more often an attachment.
/// `allowed` says which labels a word may take.
fn one_per_slot(
    state: &mut State,
    core: &[(usize, Vec<f32>)],
    slot: &dyn Fn(usize) -> u8,
    allowed: &dyn Fn(usize, usize) -> bool,
) {
    let outside = |d: usize, scores: &[f32], k: u8| best(scores, |l| allowed(d, l) && slot(l) & k == 0);
    let margin = |state: &State, d: usize, scores: &[f32], k: u8| {
        scores[usize::from(state.labels[d])] - outside(d, scores, k).map_or(f32::MIN, |l| scores[l])
    };
    for (dep, scores) in core {
        let (k, head) = (slot(usize::from(state.labels[*dep])), state.heads[*dep]);
        if k == 0 {
            continue;
        }
        let mine = margin(state, *dep, scores, k);
        let beaten = core.iter().any(|(other, theirs)| {
            other != dep
                && state.heads[*other] == head
                && (*other < head) != (*dep < head)
                && slot(usize::from(state.labels[*other])) == k
                && (margin(state, *other, theirs, k), std::cmp::Reverse(*other)) > (mine, std::cmp::Reverse(*dep))
        });
        if beaten && let Some(l) = outside(*dep, scores, k) {
            state.labels[*dep] = l as u16;
        }
    }
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
    fn a_head_keeps_one_subject_of_two_on_either_side() {
        // Labels 0 root, 1 nsubj, 2 obj, 3 obl.
        let slot = |l: usize| [0, 1, 2, 0][l];
        // "A verb B": both subjects of the verb; A wins by its margin (4 over obj against 0.5),
        // and B takes its best label outside the subject slot.
        let mut state = State::new(3);
        state.heads = vec![1, 3, 1];
        state.labels = vec![1, NO_LABEL, 1];
        let core = vec![(0, vec![0.0, 5.0, 1.0, 0.0]), (2, vec![0.0, 3.0, 2.5, 0.0])];
        one_per_slot(&mut state, &core, &slot, &|_, l| l != 0);
        assert_eq!(state.labels, vec![1, NO_LABEL, 2]);
        // "A B verb": two subjects on one side are left alone.
        let mut state = State::new(3);
        state.heads = vec![2, 2, 3];
        state.labels = vec![1, 1, NO_LABEL];
        let core = vec![(0, vec![0.0, 5.0, 1.0, 0.0]), (1, vec![0.0, 3.0, 2.5, 0.0])];
        one_per_slot(&mut state, &core, &slot, &|_, l| l != 0);
        assert_eq!(state.labels, vec![1, 1, NO_LABEL]);
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
        let ends = Place::ends(&w, &t);
        let model = Weighted {
            moves: &w,
            move_tables: &t,
            labels: &w,
            label_tables: &t,
            root: 0,
            unattached: 0,
            ends: &ends,
            slots: &[],
            auxiliary: &[],
        };
        let item = Item { shape: Shape::default(), upos: Upos::Noun, feats: Feats::default() };
        for n in [1, 2, 7, WINDOW + 5] {
            let heads: Vec<Option<usize>> = parse(&model, &vec![item; n], None).into_iter().map(|(h, _)| h).collect();
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
