//! `kgexport parse`, from outside: the CoNLL-U reader the tests check its output with, and the
//! tests by side: the command itself (plain text and CoNLL-U in, output files, odd input), the
//! relations events are read from in sentences written for these tests, the model errors still
//! known (ignored tests), and the accuracy floors of the syntax models on the held-back treebank
//! sentences.

mod accuracy;
mod command;
mod known_errors;
mod relations;

use crate::common::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// One syntactic word of the output.
#[derive(Clone, Debug)]
struct Word {
    form: String,
    lemma: String,
    upos: String,
    xpos: String,
    /// 0 for the root; `usize::MAX` when the column is no number.
    head: usize,
    deprel: String,
    deps: String,
    misc: String,
}

/// One sentence of the output.
#[derive(Clone, Debug, Default)]
struct Sentence {
    comments: Vec<String>,
    /// Multi-word token lines, as written.
    ranges: Vec<String>,
    words: Vec<Word>,
}

/// A small CoNLL-U reader: every field of every word line, comments and range lines apart.
fn read(conllu: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for line in conllu.lines() {
        if line.is_empty() {
            if !current.words.is_empty() || !current.comments.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "ten columns: {line:?}");
        if cols[0].contains('-') || cols[0].contains('.') {
            current.ranges.push(line.to_string());
            continue;
        }
        assert_eq!(cols[0].parse::<usize>().ok(), Some(current.words.len() + 1), "IDs count up: {line:?}");
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            // No number (as in input without a tree) reads as out of range, which no tree passes.
            head: cols[6].parse().unwrap_or(usize::MAX),
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.words.is_empty() || !current.comments.is_empty() {
        sentences.push(current);
    }
    sentences
}

impl Sentence {
    /// The `# text` comment.
    fn text(&self) -> &str {
        self.comments.iter().find_map(|c| c.strip_prefix("# text = ")).unwrap_or("")
    }

    /// The sentence as a table, for failure messages.
    fn dump(&self) -> String {
        let mut out = format!("{}\n", self.text().chars().take(200).collect::<String>());
        for (i, w) in self.words.iter().enumerate().take(60) {
            let head = match w.head {
                0 => "ROOT",
                h => self.words.get(h - 1).map_or("?", |w| w.form.as_str()),
            };
            out.push_str(&format!("  {:>2} {:<14} {:<6} -> {:<14} {}\n", i + 1, w.form, w.upos, head, w.deprel));
        }
        out
    }

    /// The first word with this form.
    fn word(&self, form: &str) -> &Word {
        self.words.iter().find(|w| w.form == form).unwrap_or_else(|| panic!("no word {form:?} in\n{}", self.dump()))
    }

    /// Form → (head's form, relation), for the first word with that form; `ROOT` for the root.
    fn rel(&self, form: &str) -> (String, String) {
        let w = self.word(form);
        let head = match w.head {
            0 => "ROOT".to_string(),
            h => self.words.get(h - 1).map_or("?".to_string(), |w| w.form.clone()),
        };
        (head, w.deprel.clone())
    }

    /// Asserts that `dep` hangs from `head` with one of the relations.
    fn has(&self, dep: &str, head: &str, deprels: &[&str]) {
        let (h, r) = self.rel(dep);
        assert!(
            h == head && deprels.contains(&r.as_str()),
            "{dep:?} should be {} of {head:?}, is {r} of {h:?} in\n{}",
            deprels.join("|"),
            self.dump()
        );
    }

    /// The word of a two-word name that the rest of the sentence hangs from; asserts that the
    /// other word is joined to it as a name (`flat`, `flat:name` or `compound`, as the treebanks vary).
    fn name(&self, first: &str, last: &str) -> String {
        let (head_of_first, r) = self.rel(first);
        if head_of_first == last {
            assert!(["flat", "flat:name", "compound"].contains(&r.as_str()), "{first:?} in the name\n{}", self.dump());
            return last.to_string();
        }
        self.has(last, first, &["flat", "flat:name", "compound"]);
        first.to_string()
    }

    /// Asserts a well-formed tree: heads in range, exactly one root, no cycle.
    fn assert_tree(&self) {
        let n = self.words.len();
        assert!(self.words.iter().all(|w| w.head <= n), "a head out of range in\n{}", self.dump());
        let roots = self.words.iter().filter(|w| w.head == 0).count();
        assert_eq!(roots, 1, "one root in\n{}", self.dump());
        assert!(self.words.iter().all(|w| (w.head == 0) == (w.deprel == "root")), "root ⇔ head 0 in\n{}", self.dump());
        for start in 0..n {
            let (mut at, mut steps) = (start, 0);
            while self.words[at].head != 0 {
                at = self.words[at].head - 1;
                steps += 1;
                assert!(steps <= n, "a cycle through word {} in\n{}", start + 1, self.dump());
            }
        }
    }
}

/// Runs kgexport with `input` on standard input.
fn kgexport_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kgexport runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("kgexport ends");
    writer.join().expect("stdin written");
    out
}

/// Parses text on standard input and reads the output back.
fn parse_text(lang: &str, text: &str) -> Vec<Sentence> {
    let o = kgexport_stdin(&["parse", "--lang", lang, "-"], text);
    assert!(o.status.success(), "parse fails: {}", stderr(&o));
    read(&String::from_utf8(o.stdout).expect("UTF-8 output"))
}
