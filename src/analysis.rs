//! One sentence's tags and tree, shared by the mentions and the events: each made at most once,
//! and only when a rule asks.

use crate::stages::{Stage, enter};
use crate::syntax::{Model, Tagged, Word};
use crate::text::{Sentence, Token};
use std::cell::OnceCell;
use std::rc::Rc;

/// What the grammar reads in one sentence, filled in as the rules ask: the tags, and the tree
/// (which gives the tags too, and is built on them when they came first).
pub struct SentenceAnalysis {
    grammar: Option<&'static Model>,
    /// The sentence's first offset and token count.
    key: Option<SentenceKey>,
    tags: OnceCell<Rc<Vec<Tagged>>>,
    words: OnceCell<Rc<Vec<Word>>>,
}

/// A sentence's first offset and token count.
type SentenceKey = (usize, usize);

/// The key of the sentence of `tokens`; `None` for no tokens.
fn key_of(tokens: &[Token]) -> Option<SentenceKey> {
    Some((tokens.first()?.start, tokens.len()))
}

/// The words of a sentence as written.
fn forms(tokens: &[Token]) -> Vec<&str> {
    tokens.iter().map(|t| t.text.as_str()).collect()
}

impl SentenceAnalysis {
    /// Nothing read yet of `sentence`, with the grammar of its language, if one was trained.
    pub fn new(grammar: Option<&'static Model>, sentence: &Sentence) -> SentenceAnalysis {
        SentenceAnalysis::of_tokens(grammar, &sentence.tokens)
    }

    /// Nothing read yet of the sentence of `tokens`.
    pub fn of_tokens(grammar: Option<&'static Model>, tokens: &[Token]) -> SentenceAnalysis {
        SentenceAnalysis { grammar, key: key_of(tokens), tags: OnceCell::new(), words: OnceCell::new() }
    }

    /// The grammar, if the language has one.
    pub fn grammar(&self) -> Option<&'static Model> {
        self.grammar
    }

    /// The words of `tokens` with their parts of speech, features and lemmas: the tree's when it
    /// was built, else tagged now. `None` without the grammar or without words. Another sentence
    /// than this one's is tagged each time it is asked about.
    pub fn tags(&self, tokens: &[Token]) -> Option<Rc<Vec<Tagged>>> {
        let grammar = self.grammar?;
        let key = key_of(tokens)?;
        if self.key != Some(key) {
            let _syntax = enter(Stage::Syntax);
            return Some(Rc::new(grammar.tag(&forms(tokens))));
        }
        let tags = self.tags.get_or_init(|| {
            let _syntax = enter(Stage::Syntax);
            Rc::new(match self.words.get() {
                Some(words) => words.iter().map(tagged).collect(),
                None => grammar.tag(&forms(tokens)),
            })
        });
        Some(Rc::clone(tags))
    }

    /// The words of `tokens` with their tree, on the tags when they were made. `None` without the
    /// grammar or without words. Another sentence than this one's is analysed each time it is
    /// asked about.
    pub fn words(&self, tokens: &[Token]) -> Option<Rc<Vec<Word>>> {
        let grammar = self.grammar?;
        let key = key_of(tokens)?;
        if self.key != Some(key) {
            let _syntax = enter(Stage::Syntax);
            return Some(Rc::new(grammar.analyse(&forms(tokens))));
        }
        let words = self.words.get_or_init(|| {
            let _syntax = enter(Stage::Syntax);
            let forms = forms(tokens);
            Rc::new(match self.tags.get() {
                Some(tags) => grammar.analyse_tagged(&forms, tags),
                None => grammar.analyse(&forms),
            })
        });
        Some(Rc::clone(words))
    }
}

/// A word of the tree without its place in it.
fn tagged(word: &Word) -> Tagged {
    Tagged { lemma: word.lemma.clone(), upos: word.upos, feats: word.feats }
}
