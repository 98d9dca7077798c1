//! Text: splits an article body into sentences of tokens, with code-point and byte offsets.
//!
//! Never fails: odd text gives odd sentences, not errors.

use crate::lang::Rules;
use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (maybe with inner hyphens, apostrophes or abbreviation dots).
    Word,
    /// Digits (maybe with inner separators).
    Number,
    /// Any other single character.
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The surface text.
    pub text: String,
    /// The text in lower case, where that differs from `text` (most words are so already).
    lowered: Option<String>,
    /// Kind of token.
    pub kind: TokenKind,
    /// Code-point offset of the first character in the article text.
    pub start: usize,
    /// Code-point offset after the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset after the last character.
    pub byte_end: usize,
    /// A line break precedes this token.
    pub after_newline: bool,
}

impl Token {
    /// A lower-case word that may stand inside a noun phrase before its noun: no determiner and
    /// no preposition ("ehemaligen", "diplomatic").
    pub fn is_attribute_word(&self, rules: &Rules) -> bool {
        self.kind == TokenKind::Word
            && !self.is_capitalized()
            && !rules.determiners.contains(self.lower())
            && !rules.prepositions.contains_key(self.lower())
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The text in lower case (computed once, at tokenisation).
    pub fn lower(&self) -> &str {
        self.lowered.as_deref().unwrap_or(&self.text)
    }

    /// Is exactly this punctuation character.
    pub fn is(&self, punct: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(punct)
    }
}

/// A string in lower case (as `str::to_lowercase` gives it), borrowed when it is so already:
/// ASCII without a capital, the most common case, is not copied.
pub fn lower_case(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// A word split at its last hyphen, as `str::rsplit_once('-')` splits it, by a plain scan of its
/// bytes (words are short; a hyphen's byte is never part of another character).
pub fn split_last_hyphen(word: &str) -> Option<(&str, &str)> {
    let at = word.bytes().rposition(|b| b == b'-')?;
    Some((&word[..at], &word[at + 1..]))
}

/// A word split at its first hyphen, as `str::split_once('-')` splits it.
pub fn split_first_hyphen(word: &str) -> Option<(&str, &str)> {
    let at = word.bytes().position(|b| b == b'-')?;
    Some((&word[..at], &word[at + 1..]))
}

/// Whether two strings are the same in lower case (`a.to_lowercase() == b.to_lowercase()`),
/// without copying either where both are ASCII.
pub fn same_in_lower_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { lower_case(a) == lower_case(b) }
}

/// One sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Position of the sentence in the article, from 0.
    pub index: usize,
    /// The tokens.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// Code-point offset of the first token.
    pub fn start(&self) -> usize {
        self.tokens.first().map_or(0, |t| t.start)
    }

    /// Code-point offset after the last token.
    pub fn end(&self) -> usize {
        self.tokens.last().map_or(0, |t| t.end)
    }

    /// The sentence text, cut from the article text.
    pub fn text<'a>(&self, article: &'a str) -> &'a str {
        match (self.tokens.first(), self.tokens.last()) {
            (Some(first), Some(last)) => &article[first.byte_start..last.byte_end],
            _ => "",
        }
    }
}

/// Splits a text into sentences.
pub fn segment(text: &str, rules: &Rules) -> Vec<Sentence> {
    let tokens = tokenize(text, rules);
    // Where sentences end is decided first, so the tokens can move into them, not be copied.
    let ends: Vec<bool> = (0..tokens.len()).map(|i| ends_sentence(&tokens, i, rules)).collect();
    // The length of each sentence first, so that each takes its tokens in one allocation.
    let mut lengths = Vec::new();
    let mut current = 0;
    for (token, &ends) in tokens.iter().zip(&ends) {
        if token.after_newline && current > 0 {
            lengths.push(std::mem::take(&mut current));
        }
        current += 1;
        if ends {
            // Closing quotes and brackets belong to the sentence they close.
            lengths.push(std::mem::take(&mut current));
        }
    }
    if current > 0 {
        lengths.push(current);
    }
    let mut tokens = tokens.into_iter();
    lengths
        .into_iter()
        .enumerate()
        .map(|(index, len)| Sentence { index, tokens: tokens.by_ref().take(len).collect() })
        .collect()
}

/// Double quotation marks, opening or closing.
const QUOTES: &[char] = &['"', '„', '“', '”', '«', '»'];

impl Token {
    /// A double quotation mark ("„", "“", "\"").
    pub fn is_quote_mark(&self) -> bool {
        self.kind == TokenKind::Punct
            && self.text.chars().count() == 1
            && self.text.chars().all(|c| QUOTES.contains(&c))
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '“', '‘', '’', '«', '»', '“', ')', ']'];
const OPENERS: &[char] = &['"', '„', '“', '»', '«', '‚', '‘', '(', '['];

fn ends_sentence(tokens: &[Token], i: usize, rules: &Rules) -> bool {
    let token = &tokens[i];
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    if next.after_newline {
        return false; // The newline rule splits there anyway.
    }
    // A closing quote right after a full stop ends the sentence itself.
    if token.kind == TokenKind::Punct && token.text.chars().all(|c| CLOSERS.contains(&c)) {
        return i > 0
            && is_terminal(&tokens[i - 1])
            && next.start == token.end + 1
            && starts_sentence(next)
            && !(next.kind == TokenKind::Punct);
    }
    if !is_terminal(token) {
        return false;
    }
    if next.kind == TokenKind::Punct && next.text.chars().all(|c| CLOSERS.contains(&c)) && next.start == token.end {
        return false; // Let the closer end it.
    }
    if !starts_sentence(next) {
        return false;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return true;
    };
    if token.is('.') && prev.end == token.start {
        // "7. September", "1. Oktober": an ordinal, not the end.
        if prev.kind == TokenKind::Number
            && prev.text.len() <= 2
            && (rules.is_month(&next.text) || next.kind == TokenKind::Number)
        {
            return false;
        }
        // "beim „2. Deutschen Klimakongress", "zum 40. Jahrestag": a number after an opening quote,
        // a determiner or a preposition is an ordinal.
        let before_number = i.checked_sub(2).map(|p| &tokens[p]);
        if prev.kind == TokenKind::Number
            && prev.text.len() <= 3
            && before_number.is_some_and(|b| {
                b.text.chars().all(|c| OPENERS.contains(&c))
                    || rules.determiners.contains(b.lower())
                    || rules.prepositions.contains_key(b.lower())
            })
        {
            return false;
        }
        // "George W. Bush": an initial.
        if prev.kind == TokenKind::Word && prev.text.chars().count() == 1 && prev.is_capitalized() {
            return false;
        }
    }
    true
}

fn is_terminal(token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text.as_str(), "." | "!" | "?" | "…")
}

fn starts_sentence(token: &Token) -> bool {
    match token.kind {
        TokenKind::Word => token.is_capitalized(),
        TokenKind::Number => true,
        TokenKind::Punct => token.text.chars().all(|c| OPENERS.contains(&c)),
    }
}

/// Splits a text into tokens. Abbreviations from the rules keep their dot.
pub fn tokenize(text: &str, rules: &Rules) -> Vec<Token> {
    // Room for every character at once (a character takes a byte or more), and for the tokens
    // of most texts (a word and the space after it take about six bytes).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let mut tokens = Vec::with_capacity(text.len() / 4 + 8);
    let mut i = 0;
    let mut newline = false;
    while i < chars.len() {
        let (_, c) = chars[i];
        if c.is_whitespace() {
            newline |= c == '\n';
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_alphabetic() {
            i = scan_word(&chars, i);
            // Keep the dot of a known abbreviation ("Dr.", "z.", "U.S.").
            if i < chars.len() && chars[i].1 == '.' {
                // The word and its dot as the text has them (a dot takes one byte).
                let word = &text[chars[start].0..=chars[i].0];
                if rules.is_abbreviation(word) {
                    i += 1;
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            i = scan_number(&chars, i);
            TokenKind::Number
        } else if is_apostrophe(c)
            && chars.get(i + 1).is_some_and(|(_, n)| *n == 's')
            && !chars.get(i + 2).is_some_and(|(_, n)| n.is_alphanumeric())
        {
            i += 2; // The possessive "'s" of "Russia's".
            TokenKind::Word
        } else {
            i += 1;
            TokenKind::Punct
        };
        let byte_start = chars[start].0;
        let byte_end = chars.get(i).map_or(text.len(), |(b, _)| *b);
        let surface = &text[byte_start..byte_end];
        tokens.push(Token {
            text: surface.to_string(),
            lowered: match lower_case(surface) {
                Cow::Borrowed(_) => None,
                Cow::Owned(lowered) => Some(lowered),
            },
            kind,
            start,
            end: i,
            byte_start,
            byte_end,
            after_newline: std::mem::take(&mut newline),
        });
    }
    tokens
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let next_alnum = chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || ((c == '-' || c == '‑') && next_alnum) {
            i += 1;
        } else if is_apostrophe(c) && next_alnum {
            // "Russia's": the possessive becomes its own token; "O'Brien" stays whole.
            let rest: String = chars[i + 1..].iter().take(2).map(|(_, c)| *c).collect();
            let possessive = rest.starts_with('s') && !rest[1..].starts_with(char::is_alphanumeric);
            if possessive {
                break;
            }
            i += 1;
        } else if c == '.' && is_dotted_abbreviation(chars, i) {
            i += 2; // "U.S": dot and the next letter.
        } else {
            break;
        }
    }
    i
}

/// "U.S.", "U.N.": single letters joined by dots.
fn is_dotted_abbreviation(chars: &[(usize, char)], dot: usize) -> bool {
    let letter_before = dot >= 1
        && chars[dot - 1].1.is_uppercase()
        && (dot < 2 || !chars[dot - 2].1.is_alphanumeric() || chars[dot - 2].1 == '.');
    let letter_after = chars.get(dot + 1).is_some_and(|(_, c)| c.is_uppercase())
        && !chars.get(dot + 2).is_some_and(|(_, c)| c.is_alphanumeric());
    letter_before && letter_after
}

fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let next_digit = chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() || ((c == ',' || c == '.' || c == ':') && next_digit) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Lang;

    #[test]
    fn lower_case_borrows_what_is_lower_case_already() {
        for s in ["minister", "Minister", "ÄUSSERES", "straße", "İstanbul", "ǅ", "a-b.c", ""] {
            assert_eq!(lower_case(s), s.to_lowercase(), "{s}");
        }
        assert!(matches!(lower_case("minister-2"), Cow::Borrowed(_)));
        assert!(matches!(lower_case("straße"), Cow::Owned(_)));
    }

    #[test]
    fn hyphens_split_words_as_the_string_methods_do() {
        for w in ["US-Diplomaten", "G-20-Gipfel", "-x", "x-", "-", "", "Nord‑Süd", "Außen-", "ü-ö-ä"] {
            assert_eq!(split_last_hyphen(w), w.rsplit_once('-'), "{w}");
            assert_eq!(split_first_hyphen(w), w.split_once('-'), "{w}");
        }
    }

    #[test]
    fn same_in_lower_case_is_what_lower_casing_both_says() {
        let words =
            ["Minister", "minister", "MINISTER", "Straße", "STRASSE", "straße", "ΟΔΟΣ", "οδος", "οδoς", "İ", "i", ""];
        for a in words {
            for b in words {
                assert_eq!(same_in_lower_case(a, b), a.to_lowercase() == b.to_lowercase(), "{a} {b}");
            }
        }
    }

    fn sentences(lang: Lang, text: &str) -> Vec<String> {
        segment(text, crate::lang::rules(lang)).iter().map(|s| s.text(text).to_string()).collect()
    }

    #[test]
    fn german_ordinals_and_abbreviations_do_not_split() {
        let text = "Zwischen dem 7. September und dem 1. Oktober kam z. B. Dr. Meier. Er ging.";
        assert_eq!(
            sentences(Lang::De, text),
            ["Zwischen dem 7. September und dem 1. Oktober kam z. B. Dr. Meier.", "Er ging."]
        );
    }

    #[test]
    fn ordinals_after_quotes_determiners_and_prepositions_do_not_split() {
        let text =
            "Er war beim „2. Deutschen Klimakongress“ zu Gast. Zum 40. Jahrestag kam er. Sie wurde 2. Danach ging sie.";
        assert_eq!(
            sentences(Lang::De, text),
            [
                "Er war beim „2. Deutschen Klimakongress“ zu Gast.",
                "Zum 40. Jahrestag kam er.",
                "Sie wurde 2.",
                "Danach ging sie."
            ]
        );
    }

    #[test]
    fn quotes_close_their_sentence() {
        let text = "Er sagte: „Wir kommen.“ Dann ging er. »Gut.« Sie nickte.";
        assert_eq!(sentences(Lang::De, text), ["Er sagte: „Wir kommen.“", "Dann ging er.", "»Gut.«", "Sie nickte."]);
    }

    #[test]
    fn english_initials_and_dotted_abbreviations() {
        let text = "George W. Bush met U.S. officials. They left.";
        assert_eq!(sentences(Lang::En, text), ["George W. Bush met U.S. officials.", "They left."]);
    }

    #[test]
    fn offsets_count_code_points() {
        let text = "Pjöngjang liegt.";
        let tokens = tokenize(text, crate::lang::rules(Lang::De));
        assert_eq!((tokens[1].start, tokens[1].end), (10, 15));
        assert_eq!(&text[tokens[1].byte_start..tokens[1].byte_end], "liegt");
    }

    #[test]
    fn compounds_stay_whole_and_possessives_split() {
        let tokens = tokenize("US-Regierung and Russia's Kim Jong-un", crate::lang::rules(Lang::En));
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["US-Regierung", "and", "Russia", "'s", "Kim", "Jong-un"]);
    }
}
