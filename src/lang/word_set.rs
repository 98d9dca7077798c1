//! Sets of words and maps from words from a language file: kept in order for whatever lists
//! them, and hashed for the question rules ask at every word of every sentence, whether a word is
//! in them (and what it maps to). A sieve of their words' first and last bytes and lengths tells
//! most words that are not in them apart before any is hashed.

use super::sieve::Sieve;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// Words, in order and hashed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(from = "BTreeSet<String>")]
pub struct WordSet {
    sorted: BTreeSet<String>,
    hashed: FxHashSet<String>,
    sieve: Sieve,
}

impl From<BTreeSet<String>> for WordSet {
    fn from(sorted: BTreeSet<String>) -> WordSet {
        let hashed = sorted.iter().cloned().collect();
        let sieve = Sieve::of(sorted.iter().map(String::as_str));
        WordSet { sorted, hashed, sieve }
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        WordSet::from(words.into_iter().collect::<BTreeSet<String>>())
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a String;
    type IntoIter = std::collections::btree_set::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.sorted.iter()
    }
}

impl WordSet {
    /// Whether the word is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.sieve.may_hold(word) && self.hashed.contains(word)
    }

    /// The words in order.
    pub fn iter(&self) -> std::collections::btree_set::Iter<'_, String> {
        self.sorted.iter()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// Adds a word; whether it was new.
    pub fn insert(&mut self, word: String) -> bool {
        self.sieve.add(&word);
        self.hashed.insert(word.clone());
        self.sorted.insert(word)
    }
}

/// Words with a value each, in order and hashed.
#[derive(Clone, Debug, Deserialize)]
#[serde(from = "BTreeMap<String, V>")]
#[serde(bound(deserialize = "V: Clone + Deserialize<'de>"))]
pub struct WordMap<V> {
    sorted: BTreeMap<String, V>,
    hashed: FxHashMap<String, V>,
    sieve: Sieve,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap { sorted: BTreeMap::new(), hashed: FxHashMap::default(), sieve: Sieve::default() }
    }
}

impl<V: Clone> From<BTreeMap<String, V>> for WordMap<V> {
    fn from(sorted: BTreeMap<String, V>) -> WordMap<V> {
        let hashed = sorted.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let sieve = Sieve::of(sorted.keys().map(String::as_str));
        WordMap { sorted, hashed, sieve }
    }
}

impl<'a, V> IntoIterator for &'a WordMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::collections::btree_map::Iter<'a, String, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.sorted.iter()
    }
}

impl<V> WordMap<V> {
    /// The value of a word.
    pub fn get(&self, word: &str) -> Option<&V> {
        if self.sieve.may_hold(word) { self.hashed.get(word) } else { None }
    }

    /// Whether the word has a value.
    pub fn contains_key(&self, word: &str) -> bool {
        self.sieve.may_hold(word) && self.hashed.contains_key(word)
    }

    /// The words and their values in order.
    pub fn iter(&self) -> std::collections::btree_map::Iter<'_, String, V> {
        self.sorted.iter()
    }

    /// The words in order.
    pub fn keys(&self) -> std::collections::btree_map::Keys<'_, String, V> {
        self.sorted.keys()
    }

    /// The values in the order of their words.
    pub fn values(&self) -> std::collections::btree_map::Values<'_, String, V> {
        self.sorted.values()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_lists_in_order_and_answers_membership() {
        let mut set: WordSet = ["b", "a"].map(String::from).into_iter().collect();
        assert!(set.insert("c".into()) && !set.insert("a".into()));
        assert_eq!(set.iter().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(set.contains("c") && !set.contains("d") && !set.is_empty());
    }

    #[test]
    fn a_word_set_and_a_word_map_answer_as_their_hashes_do() {
        let words = ["ab", "ba", "abc", "Treffen", "meeting", "ü"];
        let mut set: WordSet = words.iter().map(|w| w.to_string()).collect();
        set.insert("zz".into());
        let map = WordMap::from(words.iter().map(|w| (w.to_string(), w.len())).collect::<BTreeMap<_, _>>());
        for w in words.iter().chain(&["a", "b", "abd", "treffen", "Meeting", "u", "", "zz"]) {
            assert_eq!(set.contains(w), set.hashed.contains(*w), "{w}");
            assert_eq!(map.get(w), map.hashed.get(*w), "{w}");
            assert_eq!(map.contains_key(w), map.hashed.contains_key(*w), "{w}");
        }
    }

    #[test]
    fn a_word_map_lists_in_order_and_answers_lookups() {
        let map = WordMap::from(BTreeMap::from([("b".to_string(), 2), ("a".to_string(), 1)]));
        assert_eq!(map.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), [("a", 1), ("b", 2)]);
        assert_eq!((map.get("b"), map.get("c"), map.contains_key("a")), (Some(&2), None, true));
    }
}
