//! Phrases: whether and where a phrase of lowercased words ("wies … zurück") occurs.

/// Does a phrase ("in vorbereitung", "wies … zurück") occur in the words?
pub(super) fn phrase_in(words: &[String], phrase: &str) -> bool {
    phrase_position(words, phrase).is_some()
}

/// Where a phrase starts. "a … b" means a, then b later in the words.
pub(super) fn phrase_position(words: &[String], phrase: &str) -> Option<usize> {
    if phrase.contains('…')
        && let Some((head, tail)) = phrase.split_once(" … ")
    {
        let at = phrase_position(words, head)?;
        return phrase_position(&words[at + 1..], tail).map(|_| at);
    }
    let first = phrase.split(' ').next().unwrap_or(phrase);
    (0..words.len()).find(|&i| {
        words[i] == first && phrase.split(' ').enumerate().all(|(k, p)| words.get(i + k).is_some_and(|w| w == p))
    })
}

pub(super) fn phrase_ends_at(words: &[String], phrase: &str, at: usize) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    at >= parts.len() && parts.iter().zip(&words[at - parts.len()..at]).all(|(p, w)| p == w)
}
