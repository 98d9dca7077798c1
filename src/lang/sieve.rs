//! Sieves of words: a bit table that tells most words outside a set of words apart with a few
//! byte reads, before the set itself is hashed. A word the sieve lets through may be in the set;
//! one it stops is not.

/// A sieve of words: one bit for each word's first two bytes, last byte and length, mixed, in a
/// table of at least [`BITS_A_WORD`] bits a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sieve {
    bits: Vec<u64>,
    /// 64 less the power of two the bits are: the top bits of a word's hash pick its bit.
    shift: u32,
}

/// The fewest bits a sieve has for each of its words (so about one word in eight that is none
/// of them still passes).
const BITS_A_WORD: usize = 8;

impl Default for Sieve {
    fn default() -> Sieve {
        Sieve::with_bits(256)
    }
}

impl Sieve {
    fn with_bits(bits: usize) -> Sieve {
        let bits = bits.next_power_of_two().max(64);
        Sieve { bits: vec![0; bits / 64], shift: 64 - bits.trailing_zeros() }
    }

    fn for_words(words: usize) -> Sieve {
        Sieve::with_bits((words * BITS_A_WORD).max(256))
    }

    /// The sieve of these words.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Sieve {
        let words: Vec<&str> = words.into_iter().collect();
        let mut sieve = Sieve::for_words(words.len());
        for word in words {
            sieve.add(word);
        }
        sieve
    }

    /// Lets this word through from now on.
    pub fn add(&mut self, word: &str) {
        self.set(exact_key(word));
    }

    /// Whether the word may be one of the sieve's words (it is none of them where not).
    pub fn may_hold(&self, word: &str) -> bool {
        self.test(exact_key(word))
    }

    fn bit(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn set(&mut self, key: u64) {
        let bit = self.bit(key);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    fn test(&self, key: u64) -> bool {
        let bit = self.bit(key);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A word's first two bytes, last byte and length, in one number.
fn exact_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let byte = |k: usize| u64::from(bytes.get(k).copied().unwrap_or(0));
    let last = u64::from(bytes.last().copied().unwrap_or(0));
    byte(0) | byte(1) << 8 | last << 16 | (bytes.len() as u64) << 24
}

/// A sieve for a word looked up as written and in lower case: it lets a word through where the
/// word or its lower case may be one of its words. It reads the word's first two bytes and last
/// byte in lower case, and lets through every word with a byte there that is not ASCII (lower
/// casing may change those, and the length).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaselessSieve {
    sieve: Sieve,
}

impl CaselessSieve {
    /// The sieve of these words.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> CaselessSieve {
        let words: Vec<&str> = words.into_iter().collect();
        let mut sieve = Sieve::for_words(words.len());
        // A word with a byte there that is not ASCII needs no bit: only such words can be it.
        for key in words.into_iter().filter_map(caseless_key) {
            sieve.set(key);
        }
        CaselessSieve { sieve }
    }

    /// Whether the word, as written or in lower case, may be one of the sieve's words.
    pub fn may_hold(&self, word: &str) -> bool {
        caseless_key(word).is_none_or(|key| self.sieve.test(key))
    }
}

/// A word's first two bytes and last byte in lower case, in one number; none where one of them
/// is not ASCII. A word whose first byte is ASCII keeps its first two bytes and its last byte,
/// lower-cased, when it is lower-cased, wherever they are ASCII.
fn caseless_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let byte = |k: usize| bytes.get(k).copied().unwrap_or(0);
    let (first, second, last) = (byte(0), byte(1), bytes.last().copied().unwrap_or(0));
    if !(first.is_ascii() && second.is_ascii() && last.is_ascii()) {
        return None;
    }
    let lower = |b: u8| u64::from(b.to_ascii_lowercase());
    Some(lower(first) | lower(second) << 8 | lower(last) << 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sieve_lets_through_every_word_it_was_given() {
        let words = ["", "a", "der", "Außenminister", "über", "zwischen", "the", "visit", "-"];
        let sieve = Sieve::of(words);
        assert!(words.iter().all(|w| sieve.may_hold(w)));
        let mut grown = Sieve::default();
        assert!(!grown.may_hold("der"));
        grown.add("der");
        assert!(grown.may_hold("der"));
        // A sieve of one word lets few others through.
        let others = ["die", "das", "den", "dem", "ein", "eine", "und", "oder", "in", "im", "am", "zu", "von", "mit"];
        assert!(others.iter().filter(|w| grown.may_hold(w)).count() <= 2);
    }

    #[test]
    fn a_caseless_sieve_lets_through_a_word_whose_lower_case_it_was_given() {
        let keys = ["minister", "Foreign", "außenminister", "österreicher", "i\u{307}stanbul", "k", "x", "ab"];
        let sieve = CaselessSieve::of(keys);
        let words = [
            "Minister",
            "MINISTER",
            "minister",
            "foreign",
            "FOREIGN",
            "Außenminister",
            "AUSSENMINISTER",
            "Österreicher",
            "İstanbul",
            "\u{212A}",
            "K",
            "X",
            "AB",
            "Ab",
        ];
        for word in words {
            if keys.iter().any(|k| *k == word || *k == word.to_lowercase()) {
                assert!(sieve.may_hold(word), "{word}");
            }
        }
        assert!(["Ministers", "Präsident", "the", "Moskau", "y"].iter().all(|w| !sieve.may_hold(w)));
    }
}
