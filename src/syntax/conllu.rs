//! CoNLL-U: reads treebank sentences and writes analysed ones.

use super::ud::{Deprel, Feats, Upos};
use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The word form.
    pub form: String,
    /// The lemma.
    pub lemma: String,
    /// The universal part of speech.
    pub upos: Upos,
    /// The language-specific tag (copied through).
    pub xpos: String,
    /// Morphological features.
    pub feats: Feats,
    /// The head: 0 for the root, else the 1-based position of the head word.
    pub head: usize,
    /// The relation to the head.
    pub deprel: Deprel,
    /// The enhanced dependencies (copied through).
    pub deps: String,
    /// Anything else (copied through).
    pub misc: String,
}

/// One sentence: its comment lines, multi-word token lines (kept as they are) and words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// Lines starting with `#`.
    pub comments: Vec<String>,
    /// Multi-word token and empty-node lines, each with the position of the word it precedes.
    pub extra: Vec<(usize, String)>,
    /// The words.
    pub rows: Vec<Row>,
}

impl Block {
    /// The sentence as written: each multi-word token ("zum" for "zu dem", "don't" for "do n't")
    /// becomes one word that takes the place of its part attached outside the token, with the
    /// features of all its parts. `None` when the sentence has no multi-word token.
    pub fn surface(&self) -> Option<Block> {
        let ranges: Vec<(usize, usize, &str)> = self
            .extra
            .iter()
            .filter_map(|(_, line)| {
                let mut cols = line.split('\t');
                let (a, b) = cols.next()?.split_once('-')?;
                let (a, b) = (a.parse::<usize>().ok()?, b.parse::<usize>().ok()?);
                (a >= 1 && a < b && b <= self.rows.len()).then_some((a, b, cols.next()?))
            })
            .collect();
        if ranges.is_empty() {
            return None;
        }
        // New 1-based position of every old word (0 stays the root).
        let mut map = vec![0; self.rows.len() + 1];
        let mut kept: Vec<Row> = Vec::new();
        let mut i = 1;
        while i <= self.rows.len() {
            match ranges.iter().find(|(a, b, _)| (*a..=*b).contains(&i)) {
                Some(&(a, b, form)) => {
                    let inside = |h: usize| (a..=b).contains(&h);
                    let rep = (a..=b).find(|&k| !inside(self.rows[k - 1].head)).unwrap_or(a);
                    let mut row = self.rows[rep - 1].clone();
                    row.form = form.to_string();
                    for k in a..=b {
                        for attr in super::ud::Attr::ALL {
                            if row.feats.raw(attr) == 0 {
                                row.feats.set_raw(attr, self.rows[k - 1].feats.raw(attr));
                            }
                        }
                    }
                    kept.push(row);
                    for m in &mut map[a..=b] {
                        *m = kept.len();
                    }
                    i = b + 1;
                }
                None => {
                    kept.push(self.rows[i - 1].clone());
                    map[i] = kept.len();
                    i += 1;
                }
            }
        }
        for (k, row) in kept.iter_mut().enumerate() {
            row.head = map[row.head];
            if row.head == k + 1 {
                row.head = 0;
            }
        }
        Some(Block { comments: self.comments.clone(), extra: Vec::new(), rows: kept })
    }
}

/// A malformed line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: {reason}")]
pub struct ConlluError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Reads every sentence of a CoNLL-U text.
pub fn read(text: &str) -> Result<Vec<Block>, ConlluError> {
    let mut blocks = Vec::new();
    let mut block = Block::default();
    let mut lines_of_rows: Vec<usize> = Vec::new();
    let mut close = |block: &mut Block, lines: &mut Vec<usize>| -> Result<(), ConlluError> {
        let n = block.rows.len();
        if let Some(k) = block.rows.iter().position(|r| r.head > n) {
            return Err(ConlluError {
                line: lines[k],
                reason: format!("head {} outside the sentence", block.rows[k].head),
            });
        }
        if !block.rows.is_empty() || !block.comments.is_empty() {
            blocks.push(std::mem::take(block));
        }
        lines.clear();
        Ok(())
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            close(&mut block, &mut lines_of_rows)?;
            continue;
        }
        if line.starts_with('#') {
            block.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |reason: &str| ConlluError { line: i + 1, reason: reason.to_string() };
        if cols.len() != 10 {
            return Err(err(&format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        if cols[0].contains(['-', '.']) {
            block.extra.push((block.rows.len(), line.to_string()));
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| err("the ID is no number"))?;
        if id != block.rows.len() + 1 {
            return Err(err(&format!("word {id} out of order")));
        }
        let head = match cols[6] {
            "_" => 0,
            h => h.parse().map_err(|_| err("the HEAD is no number"))?,
        };
        block.rows.push(Row {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::parse(cols[3]).unwrap_or_default(),
            xpos: cols[4].to_string(),
            feats: Feats::parse(cols[5]),
            head,
            deprel: Deprel::parse(cols[7]),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
        lines_of_rows.push(i + 1);
    }
    close(&mut block, &mut lines_of_rows)?;
    Ok(blocks)
}

/// Writes one sentence, ending with its blank line.
pub fn write(block: &Block, out: &mut String) {
    for c in &block.comments {
        out.push_str(c);
        out.push('\n');
    }
    let mut extra = block.extra.iter().peekable();
    for (i, r) in block.rows.iter().enumerate() {
        while let Some((_, line)) = extra.next_if(|(at, _)| *at == i) {
            out.push_str(line);
            out.push('\n');
        }
        let dash = |s: &str| if s.is_empty() { "_".to_string() } else { s.replace(['\t', '\n'], " ") };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            dash(&r.form),
            dash(&r.lemma),
            r.upos.as_str(),
            dash(&r.xpos),
            r.feats,
            r.head,
            r.deprel,
            dash(&r.deps),
            dash(&r.misc)
        );
    }
    for (_, line) in extra {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = Zum Haus.\n1-2\tZum\t_\t_\t_\t_\t_\t_\t_\t_\n1\tZu\tzu\tADP\tAPPR\t_\t3\tcase\t_\t_\n2\tdem\tder\tDET\tART\tCase=Dat\t3\tdet\t_\t_\n3\tHaus\tHaus\tNOUN\tNN\tCase=Dat\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_writes_them_back() {
        let blocks = read(SAMPLE).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].rows.len(), 4);
        assert_eq!(blocks[0].rows[2].head, 0);
        let mut out = String::new();
        write(&blocks[0], &mut out);
        assert_eq!(out, SAMPLE);
    }

    #[test]
    fn a_multiword_token_becomes_one_word_in_the_surface_sentence() {
        let b = &read(SAMPLE).unwrap()[0];
        let s = b.surface().unwrap();
        assert_eq!(s.rows.iter().map(|r| r.form.as_str()).collect::<Vec<_>>(), ["Zum", "Haus", "."]);
        assert_eq!((s.rows[0].head, s.rows[0].deprel.to_string()), (2, "case".to_string()));
        assert_eq!(s.rows[0].feats.to_string(), "Case=Dat");
        assert_eq!((s.rows[1].head, s.rows[2].head), (0, 2));
    }

    #[test]
    fn a_short_line_is_an_error_with_its_number() {
        let e = read("# c\n1\tA\tB\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = read("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t7\tdep\t_\t_\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
