//! Compounds: splits a closed compound noun into its modifiers and a known head noun.
//!
//! The mechanism is language-neutral: the language's linking elements ("Fugenelemente") come in
//! as data ([`Joints`]) and the lexicon comes in as a lookup function.
//!
//! Algorithm of [`split`]:
//! - Hyphenated words ("Japan-Reise", "US-Elektroautobauer") split at their hyphens. The earlier
//!   parts are modifiers, kept as written unless the lexicon knows them (then their lemma). The
//!   last part is the head: its lemma when known; else, when it is itself a closed compound of
//!   known parts, its modifiers are appended and its head is taken; else the part as written
//!   when it is capitalised.
//! - Closed words: every suffix of at least [`MIN_HEAD`] chars is a head candidate, longest
//!   first (capitalised for the lookup: "lieferungen" → "Lieferungen"). The first candidate that
//!   the lexicon knows and whose remaining prefix (at least [`MIN_MODIFIER`] chars) resolves
//!   wins. A prefix resolves as one modifier when it is a known noun as it stands, with an "e"
//!   added (e-elision: "Schul" → "Schule"), or after stripping one linking element from its end,
//!   again also with an "e" added ("Hilfs" → "Hilf" → "Hilfe", "Waffen" → "Waffe"). Only when it
//!   does not resolve as one modifier (the longest modifier is preferred), it resolves as a
//!   compound itself: a resolving prefix followed by one modifier, the longest last modifier
//!   first ("Elektroauto" → "Elektro" + "Auto").
//!
//! Prefix resolutions are memoised, so a word of n chars costs O(n² · linking elements) lookups;
//! words over [`MAX_CHARS`] chars are not split at all.

/// Words longer than this (in chars) are never split.
pub const MAX_CHARS: usize = 64;
/// The shortest head of a closed compound, in chars.
pub const MIN_HEAD: usize = 3;
/// The shortest modifier of a closed compound, in chars (with and without its linking element).
pub const MIN_MODIFIER: usize = 2;

/// How compounds are joined in a language (from the language's data file).
#[derive(Clone, Debug, Default)]
pub struct Joints {
    /// Linking elements between parts, e.g. "s", "es", "n", "en", "er", "e", "ens", "nen".
    pub linking: Vec<String>,
}

/// A split: modifiers (as lemmas, capitalised like nouns) and the head lemma.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compound {
    /// The modifiers, first to last ("Elektro", "Auto" in "Elektroautobauer").
    pub modifiers: Vec<String>,
    /// The head's lemma ("Bauer" in "Elektroautobauer").
    pub head: String,
}

/// Splits `word` (a surface form or lemma, e.g. "Waffenlieferungen", "Hilfskonvoi", "Japan-Reise",
/// "US-Elektroautobauer") into modifiers and a head. `lemma_of(part)` returns the lemma of a capitalised candidate
/// part if it is a known noun (or known name), else None; it is given forms like "Lieferungen", "Konvoi", "Waffe",
/// "Waffen", "Hilfe". Returns None when the word is no compound of known parts.
///
/// The longest known head wins, then the longest known modifiers: with a lexicon that knows
/// "Elektro", "Auto" and "Bauer" only, "Elektroautobauer" gives `["Elektro", "Auto"]` + "Bauer";
/// one that also knows "Elektroauto" gives `["Elektroauto"]` + "Bauer"; one that knows "Autobauer"
/// gives `["Elektro"]` + "Autobauer". A word the lexicon knows as a whole may still split; callers
/// that want known words kept whole check `lemma_of(word)` first.
pub fn split(word: &str, joints: &Joints, lemma_of: &dyn Fn(&str) -> Option<String>) -> Option<Compound> {
    if word.is_empty() || word.chars().nth(MAX_CHARS).is_some() || word.chars().any(char::is_whitespace) {
        return None;
    }
    if word.chars().any(is_hyphen) {
        split_hyphenated(word, joints, lemma_of)
    } else {
        split_closed(word, joints, lemma_of)
    }
}

/// Hyphen-like chars that join the parts of a written compound.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// `word` with its first char upper case, the rest as written.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `word` starts with an upper-case char.
fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "Japan-Reise", "US-Elektroautobauer": modifiers before the last hyphen, head after it.
fn split_hyphenated(word: &str, joints: &Joints, lemma_of: &dyn Fn(&str) -> Option<String>) -> Option<Compound> {
    let parts: Vec<&str> = word.split(is_hyphen).collect();
    let (last, firsts) = parts.split_last()?;
    if firsts.is_empty() || parts.iter().any(|p| !p.chars().any(char::is_alphanumeric)) {
        return None;
    }
    let mut modifiers: Vec<String> = firsts
        .iter()
        .map(|p| if is_capitalised(p) { lemma_of(p).unwrap_or_else(|| p.to_string()) } else { p.to_string() })
        .collect();
    let head = if let Some(lemma) = lemma_of(&capitalise(last)) {
        lemma
    } else if let Some(inner) = split_closed(last, joints, lemma_of) {
        modifiers.extend(inner.modifiers);
        inner.head
    } else if is_capitalised(last) {
        last.to_string()
    } else {
        return None;
    };
    Some(Compound { modifiers, head })
}

/// "Waffenlieferungen": the longest known head whose prefix resolves to known modifiers.
fn split_closed(word: &str, joints: &Joints, lemma_of: &dyn Fn(&str) -> Option<String>) -> Option<Compound> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() > MAX_CHARS || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let mut linking: Vec<&str> = joints.linking.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
    // Shortest first, so that "Friedens" strips "s" (→ "Frieden") before "ens" (→ "Friede").
    linking.sort_by_key(|l| (l.chars().count(), *l));
    linking.dedup();
    let mut splitter = Splitter {
        chars: &chars,
        linking,
        lemma_of,
        done: vec![false; chars.len() + 1],
        memo: vec![None; chars.len() + 1],
    };
    let last_start = chars.len().checked_sub(MIN_HEAD)?;
    (MIN_MODIFIER..=last_start).find_map(|start| {
        let head = lemma_of(&capitalise(&splitter.text(start, chars.len())))?;
        let modifiers = splitter.resolve(start)?;
        Some(Compound { modifiers, head })
    })
}

/// Resolves prefixes of one word into modifiers, remembering each prefix's result.
struct Splitter<'a> {
    /// The word's chars.
    chars: &'a [char],
    /// Linking elements, shortest first.
    linking: Vec<&'a str>,
    /// The lexicon.
    lemma_of: &'a dyn Fn(&str) -> Option<String>,
    /// `done[end]`: whether `memo[end]` holds the resolution of `chars[..end]`.
    done: Vec<bool>,
    /// `memo[end]`: the resolution of `chars[..end]`, once computed.
    memo: Vec<Option<Vec<String>>>,
}

impl Splitter<'_> {
    /// The chars `start..end` as a string.
    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// `chars[..end]` as modifiers: one known modifier, else a resolving prefix plus one known
    /// modifier (the longest last modifier first).
    fn resolve(&mut self, end: usize) -> Option<Vec<String>> {
        if end < MIN_MODIFIER {
            return None;
        }
        if self.done[end] {
            return self.memo[end].clone();
        }
        let found = match self.single(0, end) {
            Some(lemma) => Some(vec![lemma]),
            None => (MIN_MODIFIER..=end.saturating_sub(MIN_MODIFIER)).find_map(|mid| {
                let last = self.single(mid, end)?;
                let mut firsts = self.resolve(mid)?;
                firsts.push(last);
                Some(firsts)
            }),
        };
        self.done[end] = true;
        self.memo[end].clone_from(&found);
        found
    }

    /// `chars[start..end]` as one known modifier: a form the lexicon lemmatises ("Waffen" →
    /// "Waffe"); else with one linking element stripped ("Hilfs" → "Hilfe", also with "e" added),
    /// since a part that is known only as it stands may be the bound form itself; else as it
    /// stands or with "e" added.
    fn single(&self, start: usize, end: usize) -> Option<String> {
        if end < start + MIN_MODIFIER {
            return None;
        }
        let part = capitalise(&self.text(start, end));
        let lookup = |stem: &str| (self.lemma_of)(stem).or_else(|| (self.lemma_of)(&format!("{stem}e")));
        let direct = lookup(&part);
        if direct.as_ref().is_some_and(|l| *l != part) {
            return direct;
        }
        self.linking
            .iter()
            .find_map(|l| {
                let stem = part.strip_suffix(l)?;
                if stem.chars().count() < MIN_MODIFIER {
                    return None;
                }
                lookup(stem)
            })
            .or(direct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A lexicon lookup.
    type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

    /// The linking elements of the test language.
    fn joints() -> Joints {
        Joints { linking: ["s", "es", "n", "en", "er", "e", "ens", "nen"].iter().map(ToString::to_string).collect() }
    }

    /// A small lexicon: form → lemma.
    fn lexicon(extra: &[(&str, &str)]) -> HashMap<String, String> {
        let base = [
            ("Lieferung", "Lieferung"),
            ("Lieferungen", "Lieferung"),
            ("Waffe", "Waffe"),
            ("Waffen", "Waffe"),
            ("Hilfe", "Hilfe"),
            ("Konvoi", "Konvoi"),
            ("Reise", "Reise"),
            ("Reisen", "Reise"),
            ("Japan", "Japan"),
            ("Auto", "Auto"),
            ("Autos", "Auto"),
            ("Elektro", "Elektro"),
            ("Bauer", "Bauer"),
            ("Minister", "Minister"),
            ("Außenminister", "Außenminister"),
            ("Treffen", "Treffen"),
            ("Gipfel", "Gipfel"),
            ("Besuch", "Besuch"),
            ("Gespräch", "Gespräch"),
            ("Gespräche", "Gespräch"),
            ("Gesprächen", "Gespräch"),
            ("Staat", "Staat"),
            ("Staaten", "Staat"),
            ("Frieden", "Frieden"),
            ("Präsident", "Präsident"),
            ("Wahl", "Wahl"),
            ("Öl", "Öl"),
            ("Preis", "Preis"),
            ("Schule", "Schule"),
            ("Buch", "Buch"),
        ];
        base.iter().chain(extra).map(|(f, l)| (f.to_string(), l.to_string())).collect()
    }

    /// Splits `word` with the base lexicon plus `extra`.
    fn split_with(word: &str, extra: &[(&str, &str)]) -> Option<Compound> {
        let lex = lexicon(extra);
        split(word, &joints(), &|p: &str| lex.get(p).cloned())
    }

    /// Splits `word` with the base lexicon.
    fn sp(word: &str) -> Option<Compound> {
        split_with(word, &[])
    }

    /// The expected split.
    fn c(modifiers: &[&str], head: &str) -> Option<Compound> {
        Some(Compound { modifiers: modifiers.iter().map(ToString::to_string).collect(), head: head.to_string() })
    }

    #[test]
    fn linking_n_over_e_noun() {
        assert_eq!(sp("Waffenlieferungen"), c(&["Waffe"], "Lieferung"));
        assert_eq!(sp("Waffenlieferung"), c(&["Waffe"], "Lieferung"));
    }

    #[test]
    fn linking_s_with_e_elision() {
        assert_eq!(sp("Hilfskonvoi"), c(&["Hilfe"], "Konvoi"));
    }

    #[test]
    fn linking_s() {
        assert_eq!(sp("Staatsbesuch"), c(&["Staat"], "Besuch"));
        assert_eq!(sp("Friedensgespräche"), c(&["Frieden"], "Gespräch"));
        assert_eq!(sp("Friedensgesprächen"), c(&["Frieden"], "Gespräch"));
    }

    #[test]
    fn linking_en_and_e_elision_without_linking() {
        assert_eq!(sp("Präsidentenwahl"), c(&["Präsident"], "Wahl"));
        assert_eq!(sp("Schulbuch"), c(&["Schule"], "Buch"));
    }

    #[test]
    fn plain_join() {
        assert_eq!(sp("Gipfeltreffen"), c(&["Gipfel"], "Treffen"));
        assert_eq!(sp("Ölpreis"), c(&["Öl"], "Preis"));
    }

    #[test]
    fn umlauts_and_longest_modifier() {
        assert_eq!(sp("Außenministertreffen"), c(&["Außenminister"], "Treffen"));
        assert_eq!(sp("Außenministertreffen"), sp("außenministertreffen"));
    }

    #[test]
    fn recursive_modifiers() {
        // The test lexicon lacks "Elektroauto" and "Autobauer": modifiers are [Elektro, Auto].
        assert_eq!(sp("Elektroautobauer"), c(&["Elektro", "Auto"], "Bauer"));
        assert_eq!(sp("Staatsgipfeltreffen"), c(&["Staat", "Gipfel"], "Treffen"));
        // The longest known modifier wins over its parts.
        assert_eq!(split_with("Elektroautobauer", &[("Elektroauto", "Elektroauto")]), c(&["Elektroauto"], "Bauer"));
        // The longest known head wins.
        assert_eq!(split_with("Elektroautobauer", &[("Autobauer", "Autobauer")]), c(&["Elektro"], "Autobauer"));
    }

    #[test]
    fn hyphenated() {
        assert_eq!(sp("Japan-Reise"), c(&["Japan"], "Reise"));
        assert_eq!(sp("Japan-Reisen"), c(&["Japan"], "Reise"));
        assert_eq!(sp("Waffen-Lieferungen"), c(&["Waffe"], "Lieferung"));
        assert_eq!(sp("US-Elektroautobauer"), c(&["US", "Elektro", "Auto"], "Bauer"));
        assert_eq!(
            split_with("US-Elektroautobauer", &[("Autobauer", "Autobauer")]),
            c(&["US", "Elektro"], "Autobauer")
        );
        assert_eq!(sp("G7-Gipfel"), c(&["G7"], "Gipfel"));
        assert_eq!(sp("EU-Japan-Gipfel"), c(&["EU", "Japan"], "Gipfel"));
        // An unknown capitalised head is kept as written.
        assert_eq!(sp("Japan-Xyz"), c(&["Japan"], "Xyz"));
        assert_eq!(sp("Japan\u{2011}Reise"), c(&["Japan"], "Reise"));
    }

    #[test]
    fn hyphenated_rejects() {
        for word in ["Japan-", "-Reise", "Japan--Reise", "Japan-xyz", "Waffen- und", "!-Reise", "2022-03", "-"] {
            assert_eq!(sp(word), None, "{word}");
        }
    }

    #[test]
    fn no_compound() {
        for word in ["Lieferung", "Xyzlieferung", "Minister", "Besuch", "Lieferungxyz", "Sbesuch", "Treffen", "Ab"] {
            assert_eq!(sp(word), None, "{word}");
        }
    }

    #[test]
    fn length_guard() {
        let long = format!("{}lieferung", "waffen".repeat(10));
        assert!(long.chars().count() > MAX_CHARS);
        assert_eq!(sp(&long), None);
        let fits = format!("{}lieferung", "waffen".repeat(9));
        assert!(fits.chars().count() <= MAX_CHARS);
        let split = sp(&fits).expect("splits");
        assert_eq!(split.modifiers, vec!["Waffe"; 9]);
        assert_eq!(split.head, "Lieferung");
    }

    #[test]
    fn empty_joints() {
        let lex = lexicon(&[]);
        let none = Joints::default();
        let lemma_of = |p: &str| lex.get(p).cloned();
        assert_eq!(split("Gipfeltreffen", &none, &lemma_of), c(&["Gipfel"], "Treffen"));
        assert_eq!(split("Staatsbesuch", &none, &lemma_of), None);
        // e-elision needs no linking element.
        assert_eq!(split("Schulbuch", &none, &lemma_of), c(&["Schule"], "Buch"));
    }

    #[test]
    fn never_panics() {
        let odd = [
            "",
            " ",
            "-",
            "--",
            "---",
            "a",
            "ß",
            "ßß",
            "ßßßß",
            "ẞtraße",
            "ßtraßenbahn",
            "İstanbul-Reise",
            "ǅemal",
            "ǆǆǆǆ",
            "123",
            "12-34",
            "Waffen--",
            "日本-Reise",
            "日本語の複合語",
            "🙂🙂🙂🙂",
            "🙂-🙂",
            "a\u{0301}b\u{0301}c\u{0301}d",
            "\u{0301}\u{0301}\u{0301}",
            "Ωmegaλieferung",
            "مرحبا-Reise",
            "Reise\u{200d}Buch",
            "\u{2010}\u{2011}-",
            "a-b-c-d-e-f",
            "Xyz-",
            "s",
            "sss",
            "ens",
            "Waffen Lieferungen",
            "Waffen\tLieferungen",
            "\0\0\0\0",
            "Ab\u{feff}cd",
            "ﬁﬁﬁﬁﬁ",
        ];
        let long_a = "a".repeat(64);
        let long_b = "ä".repeat(65);
        let long_c = format!("{}-Reise", "ß".repeat(58));
        let lex = lexicon(&[]);
        let known = |p: &str| lex.get(p).cloned();
        let everything = |p: &str| Some(p.to_string());
        let empty = |_: &str| Some(String::new());
        let nothing = |_: &str| None;
        let lookups: [Lookup; 4] = [&known, &everything, &empty, &nothing];
        let joint_sets = [
            joints(),
            Joints::default(),
            Joints { linking: vec![String::new(), "ß".into(), "🙂".into(), "aaaa".into()] },
        ];
        for word in odd.iter().copied().chain([long_a.as_str(), long_b.as_str(), long_c.as_str()]) {
            for lemma_of in lookups {
                for j in &joint_sets {
                    let _ = split(word, j, lemma_of);
                }
            }
        }
        assert_eq!(split(&long_a, &joints(), &everything).map(|c| c.head), Some(format!("A{}", "a".repeat(61))));
        assert_eq!(split(&long_b, &joints(), &everything), None);
    }

    #[test]
    fn lookups_stay_bounded() {
        use std::cell::Cell;
        // Worst case: every head is known, no modifier is, so every prefix gets resolved.
        let calls = Cell::new(0usize);
        let heads_only = |p: &str| {
            calls.set(calls.get() + 1);
            p.ends_with('z').then(|| p.to_string())
        };
        let word = format!("{}z", "s".repeat(MAX_CHARS - 1));
        assert_eq!(split(&word, &joints(), &heads_only), None);
        assert!(calls.get() < 50_000, "{} lookups", calls.get());
    }
}
