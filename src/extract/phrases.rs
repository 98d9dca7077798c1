//! Phrases: whether and where a phrase of lowercased words ("wies … zurück") occurs.

use crate::lang::{PhraseHit, Rules};

/// The cue phrases of the rules that occur in a sentence, found in one pass over its words.
pub(super) struct FoundCues<'r> {
    hits: Vec<PhraseHit<'r, ()>>,
}

impl<'r> FoundCues<'r> {
    pub(super) fn new(rules: &'r Rules, words: &[&str]) -> Self {
        FoundCues { hits: rules.cue_index.find(words) }
    }

    /// Where a cue phrase (one of `Cues::phrase_lists`) first starts, as [`phrase_position`]
    /// finds it.
    pub(super) fn position(&self, phrase: &str) -> Option<usize> {
        self.hits.iter().find(|h| h.text == phrase).map(|h| h.at)
    }
}

/// Does a phrase ("in vorbereitung", "wies … zurück") occur in the words?
pub(super) fn phrase_in(words: &[&str], phrase: &str) -> bool {
    phrase_position(words, phrase).is_some()
}

/// Whether a word is one of a list of words.
pub(super) fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// Where a phrase starts. "a … b" means a, then b later in the words.
pub(super) fn phrase_position(words: &[&str], phrase: &str) -> Option<usize> {
    let first = &phrase[..phrase.bytes().position(|b| b == b' ').unwrap_or(phrase.len())];
    // Most phrases do not occur at all: their first word stands nowhere.
    let from = words.iter().position(|w| *w == first)?;
    if phrase.contains('…')
        && let Some((head, tail)) = phrase.split_once(" … ")
    {
        let at = phrase_position(words, head)?;
        return phrase_position(&words[at + 1..], tail).map(|_| at);
    }
    (from..words.len()).find(|&i| {
        words[i] == first && phrase.split(' ').enumerate().all(|(k, p)| words.get(i + k).is_some_and(|w| *w == p))
    })
}

pub(super) fn phrase_ends_at(words: &[&str], phrase: &str, at: usize) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    at >= parts.len() && parts.iter().zip(&words[at - parts.len()..at]).all(|(p, w)| p == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(' ').collect()
    }

    #[test]
    fn a_phrase_is_found_only_as_a_run_of_whole_words() {
        let w = words("the talks were called off on monday");
        assert!(phrase_in(&w, "called off"));
        assert_eq!(phrase_position(&w, "called off"), Some(3));
        assert!(!phrase_in(&w, "off called"));
        assert!(!phrase_in(&w, "call"));
        assert_eq!(phrase_position(&w, "monday next"), None);
    }

    #[test]
    fn an_ellipsis_means_the_rest_comes_later() {
        let w = words("er wies die vorwürfe am montag zurück");
        assert_eq!(phrase_position(&w, "wies … zurück"), Some(1));
        // The tail must follow the head, not precede it.
        assert_eq!(phrase_position(&words("zurück wies er"), "wies … zurück"), None);
    }

    #[test]
    fn the_phrase_index_finds_first_where_a_phrase_is_found() {
        let phrases = ["wies … zurück", "sagte … ab", "called off", "gestern", "am selben tag", "off"];
        let index = crate::lang::PhraseIndex::new(phrases.iter().map(|p| (*p, ())));
        for text in [
            "er wies die vorwürfe am montag zurück",
            "zurück wies er sagte ab",
            "the talks were called off on monday , called off",
            "gestern und am selben tag gestern",
        ] {
            let w = words(text);
            let hits = index.find(&w);
            for p in phrases {
                let first = hits.iter().find(|h| h.text == p).map(|h| h.at);
                assert_eq!(first, phrase_position(&w, p), "{p:?} in {text:?}");
            }
        }
    }

    #[test]
    fn found_cues_stand_where_the_scan_finds_them() {
        use crate::article::Lang;
        for lang in Lang::ALL {
            let rules = crate::lang::rules(lang);
            let phrases: Vec<&str> = rules.cues.phrase_lists().into_iter().flatten().map(String::as_str).collect();
            // Every cue once, its gaps filled, then every cue again in reverse order.
            let filled: Vec<String> = phrases.iter().map(|p| p.replace(" … ", " und so ")).collect();
            let text = format!(
                "am anfang {} dann {}",
                filled.join(" , "),
                filled.iter().rev().cloned().collect::<Vec<_>>().join(" ; ")
            );
            let w = words(&text);
            let found = FoundCues::new(rules, &w);
            for p in &phrases {
                assert!(phrase_position(&w, p).is_some(), "{lang:?}: {p:?} stands in the text");
                assert_eq!(found.position(p), phrase_position(&w, p), "{lang:?}: {p:?}");
            }
        }
    }

    #[test]
    fn a_phrase_ends_where_its_last_word_stands() {
        let w = words("she paid a visit to the city");
        assert!(phrase_ends_at(&w, "paid a visit", 4));
        assert!(!phrase_ends_at(&w, "paid a visit", 3));
        // A phrase longer than what stands before the position never ends there.
        assert!(!phrase_ends_at(&w, "she paid a visit", 2));
    }
}
