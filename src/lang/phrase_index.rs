//! Phrase index: where the phrases of a word list occur in a sentence, found in one pass over its
//! words (built once at load).
//!
//! A phrase is lower-case words joined by single spaces; " … " splits it into parts that follow
//! one another ("wies … zurück": "wies", later "zurück"), each part starting after the one before
//! it starts. A phrase occurs where its first part starts and the rest follow.

use super::sieve::Sieve;
use rustc_hash::FxHashMap;

/// Phrases, each with a tag its builder gives it, indexed by their first word.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    /// First word → the phrases that start with it, in the order they were given.
    by_first: FxHashMap<String, Vec<u32>>,
    /// Each phrase: its text, its parts as words, its tag.
    phrases: Vec<Phrase<T>>,
    /// The sieve of the first words: most words of a sentence open no phrase.
    sieve: Sieve,
}

#[derive(Debug)]
struct Phrase<T> {
    text: String,
    parts: Vec<Vec<String>>,
    tag: T,
}

/// A phrase found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit<'i, T> {
    /// Which phrase: its place in the order the phrases were given.
    pub phrase: usize,
    /// Where it starts.
    pub at: usize,
    /// The phrase as written in the list.
    pub text: &'i str,
    /// The tag its builder gave it.
    pub tag: &'i T,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: FxHashMap::default(), phrases: Vec::new(), sieve: Sieve::default() }
    }
}

impl<T> PhraseIndex<T> {
    /// Indexes the phrases in the order given; that order is the order of [`PhraseIndex::find`].
    pub fn new<'p>(phrases: impl IntoIterator<Item = (&'p str, T)>) -> Self {
        let mut index = PhraseIndex::default();
        for (text, tag) in phrases {
            let parts: Vec<Vec<String>> =
                text.split(" … ").map(|part| part.split(' ').map(str::to_string).collect()).collect();
            let id = u32::try_from(index.phrases.len()).expect("fewer than 2^32 phrases");
            index.by_first.entry(parts[0][0].clone()).or_default().push(id);
            index.phrases.push(Phrase { text: text.to_string(), parts, tag });
        }
        index.sieve = Sieve::of(index.by_first.keys().map(String::as_str));
        index
    }

    /// Every place a phrase occurs in the words, in the order the phrases were given, each
    /// phrase's places from left to right.
    pub fn find<'i>(&'i self, words: &[&str]) -> Vec<PhraseHit<'i, T>> {
        let mut found: Vec<(u32, usize)> = Vec::new();
        if self.phrases.is_empty() {
            return Vec::new();
        }
        for (at, word) in words.iter().enumerate().filter(|(_, word)| self.sieve.may_hold(word)) {
            let Some(ids) = self.by_first.get(*word) else { continue };
            for &id in ids {
                if occurs_at(words, &self.phrases[id as usize].parts, at) {
                    found.push((id, at));
                }
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .map(|(id, at)| {
                let p = &self.phrases[id as usize];
                PhraseHit { phrase: id as usize, at, text: &p.text, tag: &p.tag }
            })
            .collect()
    }
}

/// Whether a phrase of these parts starts at `at`: its first part there, each later part
/// starting after the one before starts.
fn occurs_at(words: &[&str], parts: &[Vec<String>], at: usize) -> bool {
    let Some((first, rest)) = parts.split_first() else { return false };
    if !part_at(words, first, at) {
        return false;
    }
    let mut start = at;
    for part in rest {
        match (start + 1..words.len()).find(|&k| part_at(words, part, k)) {
            Some(k) => start = k,
            None => return false,
        }
    }
    true
}

/// Whether the words of a part stand at `at`.
fn part_at(words: &[&str], part: &[String], at: usize) -> bool {
    words.get(at..at + part.len()).is_some_and(|w| w.iter().zip(part).all(|(w, p)| *w == p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-by-word scan the index replaces: where a phrase starts, "a … b" meaning a, then
    /// b later (each place of its first part the scan would report).
    fn scanned(words: &[&str], phrase: &str) -> Vec<usize> {
        fn position(words: &[&str], phrase: &str) -> Option<usize> {
            if let Some((head, tail)) = phrase.split_once(" … ") {
                let at = position(words, head)?;
                return position(&words[at + 1..], tail).map(|_| at);
            }
            (0..words.len()).find(|&i| phrase.split(' ').enumerate().all(|(k, p)| words.get(i + k) == Some(&p)))
        }
        (0..words.len()).filter(|&i| position(&words[i..], phrase) == Some(0)).collect()
    }

    #[test]
    fn the_index_finds_what_the_word_by_word_scan_finds() {
        let phrases = [
            "gestern",
            "am selben tag",
            "wies … zurück",
            "sagte … ab",
            "soll … geliefert haben",
            "a … b … c",
            "last week",
            "week",
            "the day before",
            "zurück",
        ];
        let index = PhraseIndex::new(phrases.iter().map(|p| (*p, ())));
        for text in [
            "teilte gestern mit , die truppen seien gestern am selben tag gelandet",
            "er wies die vorwürfe zurück und wies sie zurück",
            "zurück wies er",
            "er sagte den besuch ab , sagte er",
            "die waffen soll iran geliefert haben",
            "die waffen soll iran geliefert",
            "a b c a c b",
            "c b a",
            "last week and the week before the day before",
            "",
            "am selben",
        ] {
            let words: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split(' ').collect() };
            let found: Vec<(&str, usize)> = index.find(&words).iter().map(|h| (h.text, h.at)).collect();
            let expected: Vec<(&str, usize)> =
                phrases.iter().flat_map(|p| scanned(&words, p).into_iter().map(move |at| (*p, at))).collect();
            assert_eq!(found, expected, "in {text:?}");
        }
    }

    #[test]
    fn hits_keep_the_order_the_phrases_were_given_and_carry_their_tags() {
        let index = PhraseIndex::new([("today", 1), ("yesterday", 2), ("today", 3)]);
        let words = ["yesterday", "and", "today", "today"];
        let found: Vec<(usize, i32)> = index.find(&words).iter().map(|h| (h.at, *h.tag)).collect();
        assert_eq!(found, vec![(2, 1), (3, 1), (0, 2), (2, 3), (3, 3)]);
    }

    #[test]
    fn a_part_after_a_gap_starts_after_the_part_before_starts() {
        // The scan looks for the tail from the word after the head's start.
        let index = PhraseIndex::new([("a b … b c", ())]);
        assert_eq!(index.find(&["a", "b", "c"]).len(), 1);
        assert!(index.find(&["a", "b"]).is_empty());
    }
}
