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
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !block.rows.is_empty() || !block.comments.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
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
        block.rows.push(Row {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::parse(cols[3]).unwrap_or_default(),
            xpos: cols[4].to_string(),
            feats: Feats::parse(cols[5]),
            head: cols[6].parse().unwrap_or(0),
            deprel: Deprel::parse(cols[7]),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !block.rows.is_empty() {
        blocks.push(block);
    }
    for b in &blocks {
        if b.rows.iter().any(|r| r.head > b.rows.len()) {
            return Err(ConlluError { line: 0, reason: "a head outside its sentence".to_string() });
        }
    }
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
    fn a_short_line_is_an_error_with_its_number() {
        let e = read("# c\n1\tA\tB\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
