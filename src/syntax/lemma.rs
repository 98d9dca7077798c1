//! Lemmas: the treebank's own words first, then the lexicon, then suffix rules learned from the treebank.

use super::codec::{DecodeError, Decoder, Encoder};
use super::lexicon::Lexicon;
use super::ud::Upos;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// The longest suffix a rule looks at.
const MAX_SUFFIX: usize = 6;

/// How to turn a form into its lemma: drop characters from the end, then append.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Edit {
    drop: u8,
    add: String,
}

impl Edit {
    fn between(form: &str, lemma: &str) -> Edit {
        let common = form.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
        let drop = form.chars().count() - common;
        Edit { drop: drop.min(255) as u8, add: lemma.chars().skip(common).collect() }
    }

    fn apply(&self, form: &str) -> String {
        let keep = form.chars().count().saturating_sub(usize::from(self.drop));
        let mut s: String = form.chars().take(keep).collect();
        s.push_str(&self.add);
        s
    }
}

/// A lemmatiser learned from a treebank.
#[derive(Default)]
pub struct Lemmatiser {
    /// The treebank's lemma of each form, by part of speech (looked up without a key to build).
    known: ByUpos<Box<str>>,
    /// The edit of each suffix, by part of speech.
    rules: ByUpos<Edit>,
    lower_case: [bool; 17],
}

/// A table of forms or suffixes for each part of speech.
struct ByUpos<V>(Vec<HashMap<Box<str>, V>>);

impl<V> Default for ByUpos<V> {
    fn default() -> Self {
        ByUpos(Vec::new())
    }
}

impl<V> ByUpos<V> {
    fn get(&self, upos: Upos, key: &str) -> Option<&V> {
        self.0.get(upos.index())?.get(key)
    }

    fn insert(&mut self, upos: Upos, key: &str, value: V) {
        if self.0.is_empty() {
            self.0.resize_with(Upos::ALL.len(), HashMap::default);
        }
        self.0[upos.index()].insert(key.into(), value);
    }

    /// Every entry as (part of speech, key, value), in no order.
    fn entries(&self) -> impl Iterator<Item = (Upos, &str, &V)> {
        Upos::ALL.iter().zip(&self.0).flat_map(|(&u, map)| map.iter().map(move |(k, v)| (u, &**k, v)))
    }
}

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn suffix(s: &str, k: usize) -> &str {
    let start = s.char_indices().rev().nth(k.wrapping_sub(1)).map_or(if k == 0 { s.len() } else { 0 }, |(i, _)| i);
    &s[start..]
}

impl Lemmatiser {
    /// Learns from `(form, part of speech, lemma)` triples.
    pub fn learn<'a>(words: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatiser {
        let mut known: BTreeMap<(String, Upos), BTreeMap<String, usize>> = BTreeMap::new();
        let mut edits: BTreeMap<(Upos, String), BTreeMap<Edit, usize>> = BTreeMap::new();
        let mut case = [(0usize, 0usize); 17];
        for (form, upos, lemma) in words {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            *known.entry((form.to_string(), upos)).or_default().entry(lemma.to_string()).or_default() += 1;
            let (lf, ll) = (lower(form), lower(lemma));
            let edit = Edit::between(&lf, &ll);
            for k in 0..=MAX_SUFFIX.min(lf.chars().count()) {
                *edits.entry((upos, suffix(&lf, k).to_string())).or_default().entry(edit.clone()).or_default() += 1;
            }
            if form.chars().next().is_some_and(char::is_uppercase) {
                let lowered = lemma.chars().next().is_some_and(char::is_lowercase);
                let c = &mut case[upos.index()];
                if lowered { c.0 += 1 } else { c.1 += 1 }
            }
        }
        let mut out = Lemmatiser::default();
        for (k, (l, kept)) in case.iter().enumerate() {
            out.lower_case[k] = l > kept;
        }
        for ((form, upos), lemmas) in known {
            let lemma = most(&lemmas);
            out.known.insert(upos, &form, lemma.into());
        }
        for ((upos, suf), counts) in &edits {
            let best = most(counts);
            let total: usize = counts.values().sum();
            if total < 2 && !suf.is_empty() {
                continue;
            }
            // A rule that says what its shorter suffix says already is not kept.
            if !suf.is_empty() {
                let parent = suffix(suf, suf.chars().count() - 1);
                if edits.get(&(*upos, parent.to_string())).is_some_and(|p| most(p) == best) {
                    continue;
                }
            }
            out.rules.insert(*upos, suf, best.clone());
        }
        out
    }

    /// The lemma of a form with its part of speech: known, else guessed by the suffix rules.
    pub fn lemma(&self, form: &str, upos: Upos, lexicon: &Lexicon) -> String {
        self.known(form, upos, lexicon).unwrap_or_else(|| self.guess(form, upos))
    }

    /// The lemma the treebank or the lexicon gives a form; names, numbers and symbols are their own.
    pub fn known(&self, form: &str, upos: Upos, lexicon: &Lexicon) -> Option<String> {
        if let Some(l) = self.known.get(upos, form) {
            return Some(l.to_string());
        }
        if matches!(upos, Upos::Propn | Upos::Num | Upos::Punct | Upos::Sym | Upos::X) {
            return Some(form.to_string());
        }
        let lowered = self.lower_case[upos.index()];
        let lf = lower(form);
        if lowered && let Some(l) = self.known.get(upos, &lf) {
            return Some(l.to_string());
        }
        let l = lexicon.lemma(form).or_else(|| lowered.then(|| lexicon.lemma(&lf)).flatten())?;
        Some(if lowered { lower(&l) } else { l })
    }

    /// The lemma the longest matching suffix rule gives.
    pub fn guess(&self, form: &str, upos: Upos) -> String {
        let lowered = self.lower_case[upos.index()];
        let lf = lower(form);
        let n = lf.chars().count();
        for k in (0..=MAX_SUFFIX.min(n)).rev() {
            if let Some(edit) = self.rules.get(upos, suffix(&lf, k)) {
                let base = if lowered { lf.clone() } else { form.to_string() };
                return edit.apply(&base);
            }
        }
        if lowered { lf } else { form.to_string() }
    }

    /// Writes the tables, sorted.
    pub fn encode(&self, out: &mut Encoder) {
        let mut known: Vec<_> = self.known.entries().map(|(upos, form, lemma)| (form, upos, lemma)).collect();
        known.sort();
        out.u32(known.len() as u32);
        for (form, upos, lemma) in known {
            out.str(form);
            out.u8(upos as u8);
            out.str(lemma);
        }
        let mut rules: Vec<_> = self.rules.entries().collect();
        rules.sort();
        out.u32(rules.len() as u32);
        for (upos, suf, edit) in rules {
            out.u8(upos as u8);
            out.str(suf);
            out.u8(edit.drop);
            out.str(&edit.add);
        }
        for l in self.lower_case {
            out.u8(u8::from(l));
        }
    }

    /// Reads the tables written by [`Lemmatiser::encode`].
    pub fn decode(input: &mut Decoder<'_>) -> Result<Lemmatiser, DecodeError> {
        let upos = |b: u8| Upos::ALL.get(usize::from(b)).copied().ok_or(DecodeError("a part of speech out of range"));
        let mut out = Lemmatiser::default();
        for _ in 0..input.u32()? {
            let form = input.str()?;
            let u = upos(input.u8()?)?;
            out.known.insert(u, form, input.str()?.into());
        }
        for _ in 0..input.u32()? {
            let u = upos(input.u8()?)?;
            let suf = input.str()?;
            let drop = input.u8()?;
            out.rules.insert(u, suf, Edit { drop, add: input.str()?.to_string() });
        }
        for l in &mut out.lower_case {
            *l = input.u8()? == 1;
        }
        Ok(out)
    }
}

fn most<K: Clone + Ord>(counts: &BTreeMap<K, usize>) -> K {
    let mut best: Option<(&K, usize)> = None;
    for (k, c) in counts {
        if best.is_none_or(|(_, b)| *c > b) {
            best = Some((k, *c));
        }
    }
    best.map(|(k, _)| k.clone()).expect("at least one count")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_rules_reach_unseen_words() {
        let words = [
            ("lieferte", Upos::Verb, "liefern"),
            ("meldete", Upos::Verb, "melden"),
            ("reiste", Upos::Verb, "reisen"),
            ("Häuser", Upos::Noun, "Haus"),
            ("Gesprächen", Upos::Noun, "Gespräch"),
            ("Verhandlungen", Upos::Noun, "Verhandlung"),
            ("Lieferungen", Upos::Noun, "Lieferung"),
        ];
        let l = Lemmatiser::learn(words.into_iter());
        let lex = Lexicon::default();
        assert_eq!(l.lemma("lieferte", Upos::Verb, &lex), "liefern");
        assert_eq!(l.lemma("forderte", Upos::Verb, &lex), "fordern");
        assert_eq!(l.lemma("Forderungen", Upos::Noun, &lex), "Forderung");
        let mut e = Encoder::default();
        l.encode(&mut e);
        let bytes = e.into_bytes();
        let back = Lemmatiser::decode(&mut Decoder::new(&bytes)).unwrap();
        assert_eq!(back.lemma("forderte", Upos::Verb, &lex), "fordern");
    }

    #[test]
    fn suffixes_count_characters() {
        assert_eq!(suffix("Straße", 2), "ße");
        assert_eq!(suffix("ab", 0), "");
        assert_eq!(suffix("ab", 5), "ab");
    }
}
