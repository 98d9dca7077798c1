//! The sentence's tree for the rules that read it: parsed at most once per sentence, and only
//! when a rule asks.

use super::Reader;
use super::phrases::phrase_in;
use crate::syntax::tree::Tree;
use crate::syntax::ud::{Rel, Upos};
use crate::syntax::{Tagged, Word};
use crate::text::Token;
use std::rc::Rc;

/// The last sentence's tree, by the sentence's first offset and length.
pub(super) type ParseCache = std::cell::RefCell<Option<((usize, usize), Rc<Vec<Word>>)>>;

/// The last sentence's tags, by the sentence's first offset and length.
pub(super) type TagCache = std::cell::RefCell<Option<((usize, usize), Rc<Vec<Tagged>>)>>;

/// How far a word's chain of heads is followed.
const MAX_CLIMB: usize = 12;

impl<'a> Reader<'a> {
    /// The sentence's words with their tree; `None` without the grammar.
    pub(super) fn parsed(&self, tokens: &[Token]) -> Option<Rc<Vec<Word>>> {
        let grammar = self.grammar?;
        let key = (tokens.first()?.start, tokens.len());
        let mut cache = self.parse_cache.borrow_mut();
        if let Some((k, words)) = cache.as_ref()
            && *k == key
        {
            return Some(Rc::clone(words));
        }
        let forms: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let words = Rc::new(grammar.analyse(&forms));
        *cache = Some((key, Rc::clone(&words)));
        Some(words)
    }

    /// The sentence's words with their parts of speech and features; `None` without the grammar.
    pub(super) fn tagged(&self, tokens: &[Token]) -> Option<Rc<Vec<Tagged>>> {
        let grammar = self.grammar?;
        let key = (tokens.first()?.start, tokens.len());
        let mut cache = self.tag_cache.borrow_mut();
        if let Some((k, tags)) = cache.as_ref()
            && *k == key
        {
            return Some(Rc::clone(tags));
        }
        let forms: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let tags = Rc::new(grammar.tag(&forms));
        *cache = Some((key, Rc::clone(&tags)));
        Some(tags)
    }

    /// How many steps up the tree lead from the word at `at` to the word at `head`, passing no
    /// other verb than one that modifies a noun ("the meeting, which was planned for …").
    pub(super) fn steps_under(words: &[Word], at: usize, head: usize) -> Option<usize> {
        let mut i = at;
        for step in 0..MAX_CLIMB {
            if i == head {
                return Some(step);
            }
            let w = words.get(i)?;
            if step > 0 && w.upos == Upos::Verb && w.deprel.rel != Rel::Acl {
                return None;
            }
            i = w.head?;
        }
        None
    }

    /// Whether the verb that governs the word at `at` stands above the word at `trigger` across a
    /// complement clause: `at` modifies a report or an announcement of the event.
    pub(super) fn above_complement(words: &[Word], at: usize, trigger: usize) -> bool {
        let Some(verb) = Self::verb_above(words, at) else {
            return false;
        };
        let mut i = trigger;
        let mut crossed = false;
        for _ in 0..MAX_CLIMB {
            if i == verb {
                return crossed;
            }
            let Some(w) = words.get(i) else { return false };
            crossed |= w.deprel.rel == Rel::Ccomp;
            let Some(h) = w.head else { return false };
            i = h;
        }
        false
    }

    /// The first verb above a word.
    fn verb_above(words: &[Word], at: usize) -> Option<usize> {
        let mut i = at;
        for _ in 0..MAX_CLIMB {
            i = words.get(i)?.head?;
            if words[i].upos == Upos::Verb {
                return Some(i);
            }
        }
        None
    }

    /// Whether the predicate that governs the word at `at` is told as future or planned: the
    /// first verb above it, with its auxiliaries and the verb it completes ("will visit on
    /// Monday", "plans to visit on Monday"), holds a cue of the future or of a plan.
    pub(super) fn governed_as_future(&self, tokens: &[Token], lower: &[String], at: usize) -> Option<bool> {
        let words = self.parsed(tokens)?;
        let mut verb = at;
        let mut found = false;
        for _ in 0..MAX_CLIMB {
            let Some(h) = words.get(verb).and_then(|w| w.head) else { break };
            verb = h;
            if words[verb].upos == Upos::Verb {
                found = true;
                break;
            }
        }
        if !found {
            return None;
        }
        let tree = Tree::new(&words);
        let mut around = vec![verb];
        if matches!(words[verb].deprel.rel, Rel::Xcomp)
            && let Some(h) = words[verb].head
        {
            around.push(h);
        }
        let with_aux: Vec<usize> = around
            .iter()
            .flat_map(|&v| std::iter::once(v).chain(tree.dependents(v, Rel::Aux)).chain(tree.dependents(v, Rel::Mark)))
            .collect();
        let (first, last) = (with_aux.iter().min().copied()?, with_aux.iter().max().copied()?);
        let span = &lower[first..=last.min(lower.len() - 1)];
        let cues = &self.rules.cues;
        Some(cues.future_aux.iter().chain(&cues.planned).any(|c| phrase_in(span, c)))
    }

    /// The words a verb of discussing ("discuss", "besprechen") takes as its objects, with their
    /// conjuncts, between `first` and `last`: the topics of a meeting, never its parties. The tree
    /// is read only when such a verb stands there.
    pub(super) fn topics(&self, tokens: &[Token], first: usize, last: usize) -> Vec<usize> {
        let Some(grammar) = self.grammar else {
            return Vec::new();
        };
        let verbs: Vec<usize> = (first..last.min(tokens.len()))
            .filter(|&k| {
                let t = &tokens[k];
                t.kind == crate::text::TokenKind::Word
                    && !t.is_capitalized()
                    && self.rules.topic_verbs.contains(&grammar.lemma(t.lower(), Upos::Verb))
            })
            .collect();
        if verbs.is_empty() {
            return Vec::new();
        }
        let Some(words) = self.parsed(tokens) else {
            return Vec::new();
        };
        let tree = Tree::new(&words);
        verbs.into_iter().filter(|&v| words[v].upos == Upos::Verb).flat_map(|v| tree.objects(v)).collect()
    }

    /// Whether a verb or an auxiliary stands between `first` and `last` (tagged; `false` without
    /// the grammar or with nothing between).
    pub(super) fn verb_between(&self, tokens: &[Token], first: usize, last: usize) -> bool {
        if first >= last {
            return false;
        }
        self.tagged(tokens).is_some_and(|tags| {
            tags.get(first..last).is_some_and(|t| t.iter().any(|t| matches!(t.upos, Upos::Verb | Upos::Aux)))
        })
    }
}
