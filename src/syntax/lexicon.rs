//! The lexicon: lemma lookups and word clusters from large corpora (`data/syntax/*.tsv`), and what each word looks like.

use super::perceptron::{hash_str, mix};

/// A table of `key TAB value` lines sorted by key bytes, searched where it lies: a binary search
/// over byte offsets, each step reading the line around its midpoint. Only the lines of the
/// search's first [`TOP_LEVELS`] steps, which every search reads, are found once, at load; only
/// the pages a search reads are brought into memory.
#[derive(Default)]
struct Table {
    text: &'static str,
    /// The lines of the first steps, as a binary tree in an array: the step after node `k` is
    /// node `2k + 1` where the key sorts before its line, `2k + 2` where after.
    top: Vec<Step>,
}

/// The searches' first steps in a table: [`TOP_LEVELS`] levels of the tree of steps.
const TOP_LEVELS: u32 = 8;

/// One step of the binary search: the line read at the midpoint of `lo..hi`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Step {
    /// Where the line starts (the end of the range where the key sorts before it).
    start: usize,
    /// Where its key ends.
    tab: usize,
    /// Where the next line starts (the start of the range where the key sorts after it).
    next: usize,
}

impl Table {
    fn new(text: &'static str) -> Table {
        let mut table = Table { text, top: vec![Step::default(); (1 << TOP_LEVELS) - 1] };
        table.fill_top(0, 0, text.len());
        table
    }

    /// Works out node `k` of the first steps, the step a search makes in `lo..hi`, and those
    /// after it; a node no search reaches stays empty.
    fn fill_top(&mut self, k: usize, lo: usize, hi: usize) {
        if k >= self.top.len() || lo >= hi {
            return;
        }
        let step = self.step(lo, hi);
        self.top[k] = step;
        self.fill_top(2 * k + 1, lo, step.start);
        self.fill_top(2 * k + 2, step.next, hi);
    }

    /// The line at the midpoint of `lo..hi` (`lo` is the start of a line).
    fn step(&self, lo: usize, hi: usize) -> Step {
        let (start, tab) = self.line_at(lo, hi);
        Step { start, tab, next: self.next_line(tab) }
    }

    /// Where the line at the midpoint of `lo..hi` starts, and where its key ends.
    #[inline]
    fn line_at(&self, lo: usize, hi: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid].iter().rposition(|&b| b == b'\n').map_or(lo, |p| lo + p + 1);
        let line = &bytes[start..];
        (start, start + line.iter().position(|&b| b == b'\t' || b == b'\n').unwrap_or(line.len()))
    }

    /// Where the line after the one that holds `at` starts.
    #[inline]
    fn next_line(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| at + p + 1)
    }

    fn get(&self, key: &str) -> Option<&'static str> {
        let bytes = self.text.as_bytes();
        let (mut lo, mut hi) = (0, bytes.len());
        let mut k = 0;
        // `lo` is always the start of a line; every line between `lo` and `hi` is still a candidate.
        while lo < hi {
            let top = self.top.get(k);
            let (start, tab) = top.map_or_else(|| self.line_at(lo, hi), |step| (step.start, step.tab));
            match bytes[start..tab].cmp(key.as_bytes()) {
                std::cmp::Ordering::Equal if bytes.get(tab) == Some(&b'\t') => {
                    let value = &self.text[tab + 1..];
                    return Some(value.split('\n').next().unwrap_or(value));
                }
                std::cmp::Ordering::Equal => return None,
                std::cmp::Ordering::Less => {
                    lo = top.map_or_else(|| self.next_line(tab), |step| step.next);
                    k = k.saturating_mul(2).saturating_add(2);
                }
                std::cmp::Ordering::Greater => {
                    hi = start;
                    k = k.saturating_mul(2).saturating_add(1);
                }
            }
        }
        None
    }
}

/// Lemmas and word clusters of one language.
#[derive(Default)]
pub struct Lexicon {
    lemmas: Table,
    clusters: Table,
}

impl Lexicon {
    /// Reads the lemma table (`form TAB <chars to drop><suffix>`) and the cluster table (`word TAB id`),
    /// both sorted by the bytes of their first column; nothing is built: both are searched in place.
    pub fn parse(lemmas: &'static str, clusters: &'static str) -> Lexicon {
        Lexicon { lemmas: Table::new(lemmas), clusters: Table::new(clusters) }
    }

    /// The lemma the lookup table gives a form, if it lists the form (a form that is its own lemma is not listed).
    pub fn lemma(&self, form: &str) -> Option<String> {
        let edit = self.lemmas.get(form)?;
        let digits = edit.bytes().take_while(u8::is_ascii_digit).count();
        let drop: usize = edit[..digits].parse().ok()?;
        let keep = form.chars().count().saturating_sub(drop);
        let mut lemma: String = form.chars().take(keep).collect();
        lemma.push_str(&edit[digits..]);
        Some(lemma)
    }

    /// Is the form known to the lemma table.
    pub fn lists(&self, form: &str) -> bool {
        self.lemmas.get(form).is_some()
    }

    /// Is the form, exactly as written, a word of the lemma table or of the frequent words.
    pub fn knows(&self, form: &str) -> bool {
        self.lists(form) || self.clusters.get(form).is_some()
    }

    /// The word cluster of a form exactly as written.
    pub fn cluster_exact(&self, form: &str) -> Option<u32> {
        self.clusters.get(form)?.parse().ok()
    }

    /// The word cluster of a form, tried as written and in lower case.
    pub fn cluster(&self, form: &str) -> Option<u32> {
        let id = self.clusters.get(form).or_else(|| {
            if form.chars().any(char::is_uppercase) { self.clusters.get(&form.to_lowercase()) } else { None }
        })?;
        id.parse().ok()
    }
}

/// What a word looks like, hashed once for every feature template that reads it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Shape {
    /// The form as written.
    pub form: u64,
    /// The form in lower case, digits as 0.
    pub norm: u64,
    /// The last 1, 2, 3 and 4 characters of the normalised form.
    pub suffix: [u64; 4],
    /// The first character and first three characters.
    pub prefix: [u64; 2],
    /// Upper/lower/digit/other pattern, runs collapsed ("Xx", "X.X.", "d.d").
    pub pattern: u64,
    /// The word cluster, and its coarse prefixes (0: unknown).
    pub cluster: [u64; 3],
    /// Known to the lexicon or frequent in large corpora.
    pub known: bool,
}

/// Sentinel shape for positions outside the sentence.
pub const NONE: u64 = 0x1;

impl Shape {
    /// Hashes one word.
    pub fn of(form: &str, lexicon: &Lexicon) -> Shape {
        let norm: String =
            form.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
        let chars: Vec<char> = norm.chars().collect();
        let tail = |n: usize| -> u64 {
            let start = chars.len().saturating_sub(n);
            hash_str(&chars[start..].iter().collect::<String>()) ^ n as u64
        };
        let head = |n: usize| -> u64 { hash_str(&chars[..n.min(chars.len())].iter().collect::<String>()) ^ 0x10 };
        let cluster = lexicon.cluster(form);
        let coarse = |bits: u32| cluster.map_or(0, |c| mix(u64::from(c >> bits.min(31)) ^ u64::from(bits) << 40));
        Shape {
            form: hash_str(form),
            norm: hash_str(&norm),
            suffix: [tail(1), tail(2), tail(3), tail(4)],
            prefix: [head(1), head(3)],
            pattern: hash_str(&pattern(form)),
            cluster: [cluster.map_or(0, |c| mix(u64::from(c) + 1)), coarse(4), coarse(8)],
            known: cluster.is_some() || lexicon.lists(form),
        }
    }
}

/// The word's shape: X for upper case, x for lower, d for digits, other characters kept; runs of one kind collapsed.
fn pattern(form: &str) -> String {
    let mut out = String::new();
    for c in form.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(k) || !matches!(k, 'X' | 'x' | 'd') {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemma_edits_drop_characters_and_append() {
        let lex = Lexicon::parse("Gesprächen\t2\nging\t3ehen\nlieferte\t2n\n", "Haus\t12\n");
        assert_eq!(lex.lemma("lieferte").as_deref(), Some("liefern"));
        assert_eq!(lex.lemma("Gesprächen").as_deref(), Some("Gespräch"));
        assert_eq!(lex.lemma("ging").as_deref(), Some("gehen"));
        assert_eq!(lex.lemma("Haus"), None);
        assert_eq!(lex.cluster("HAUS"), None);
        assert_eq!(lex.cluster("Haus"), Some(12));
    }

    #[test]
    fn the_first_steps_worked_out_at_load_find_what_the_plain_search_finds() {
        let mut keys: Vec<String> =
            (0..3000u32).map(|n| format!("{}", n.wrapping_mul(2_654_435_761) % 100_000)).collect();
        keys.extend(["Ärger", "a", "ab", "zz", "zzz", "über", "~no-tab"].map(String::from));
        keys.sort();
        keys.dedup();
        // Every line a key and its place, but one without a value; the last without a line break.
        let lines: Vec<String> = keys
            .iter()
            .enumerate()
            .map(|(v, k)| if k == "~no-tab" { k.clone() } else { format!("{k}\t{v}") })
            .collect();
        let text: &'static str = Box::leak(lines.join("\n").into_boxed_str());
        let (built, plain) = (Table::new(text), Table { text, top: Vec::new() });
        assert_eq!(built.top.len(), (1 << TOP_LEVELS) - 1);
        for (v, k) in keys.iter().enumerate() {
            let expected = (k != "~no-tab").then(|| v.to_string());
            assert_eq!(built.get(k), expected.as_deref(), "{k}");
        }
        for k in keys.iter().map(|k| format!("{k}x")).chain(["", "-1", "Z", "zzzz", "ü"].map(String::from)) {
            assert_eq!(built.get(&k), plain.get(&k), "{k}");
            assert_eq!(built.get(&k), None, "{k}");
        }
    }

    #[test]
    fn patterns_collapse_runs() {
        assert_eq!(pattern("Merkel"), "Xx");
        assert_eq!(pattern("U.S."), "X.X.");
        assert_eq!(pattern("2023-10"), "d-d");
    }
}
