//! `kgexport parse`: text or CoNLL-U in, CoNLL-U with the syntax models' analysis out.

use super::outfile::FileOutput;
use super::{ParseArgs, io_message};
use anyhow::{Context, Result};
use kgexport::article::Lang;
use kgexport::syntax::Model;
use kgexport::syntax::conllu::{self, Block, Row};
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::path::Path;

/// Sentences analysed per parallel step: enough to keep every core busy, few enough to stream.
const PARSE_CHUNK: usize = 256;

/// `kgexport parse`: plain text (or CoNLL-U) in, CoNLL-U with predicted lemmas, parts of speech,
/// morphology and dependency trees out.
pub fn parse(args: ParseArgs) -> Result<bool> {
    let from_stdin = args.input.as_os_str() == "-";
    let name = if from_stdin { "standard input".to_string() } else { args.input.display().to_string() };
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    if let Some(path) = output
        && !from_stdin
        && same_file(&args.input, path)
    {
        anyhow::bail!("{}: the output would overwrite the input", path.display());
    }
    let bytes = if from_stdin {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).context("standard input")?;
        bytes
    } else {
        std::fs::read(&args.input).map_err(|e| anyhow::anyhow!("{name}: {}", io_message(&e)))?
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| anyhow::anyhow!("{name}: not valid UTF-8 (byte {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (lang, mut blocks) = if args.conllu {
        let blocks = read_conllu(&name, text)?;
        let lang = args.lang.0.unwrap_or_else(|| {
            let forms: Vec<&str> = blocks.iter().flat_map(|b| &b.rows).take(2000).map(|r| r.form.as_str()).collect();
            kgexport::lang::detect(&forms.join(" "))
        });
        (lang, blocks)
    } else {
        let lang = args.lang.0.unwrap_or_else(|| kgexport::lang::detect(text));
        (lang, sentence_blocks(text, lang))
    };
    // Only text to parse needs a model: empty input gives empty output whatever the language.
    let model = if blocks.iter().any(|b| !b.rows.is_empty()) {
        let model = kgexport::syntax::model(lang);
        Some(model.with_context(|| format!("{name}: no syntax model for language {:?} is compiled in", lang.tag()))?)
    } else {
        None
    };
    let mut out = ParseOutput::open(output)?;
    let mut buffer = String::new();
    for (c, chunk) in blocks.chunks_mut(PARSE_CHUNK).enumerate() {
        if let Some(model) = model {
            // A bug on one sentence must not leave a partial file behind: report it and stop.
            let ok: Vec<bool> = chunk
                .par_iter_mut()
                .map(|b| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| annotate(model, b))).is_ok())
                .collect();
            if let Some(k) = ok.iter().position(|ok| !ok) {
                out.abandon();
                anyhow::bail!("{name}: internal error while parsing sentence {}", c * PARSE_CHUNK + k + 1);
            }
        }
        buffer.clear();
        for block in chunk.iter() {
            conllu::write(block, &mut buffer);
        }
        if let Err(e) = out.write(buffer.as_bytes()) {
            out.abandon();
            return Err(e);
        }
    }
    out.finish()?;
    Ok(true)
}

const LINE_BREAKS: [char; 7] = ['\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}'];

/// The sentences of a plain text as CoNLL-U blocks without analysis: `sent_id`, `text`, the
/// tokens, and `SpaceAfter=No` where no space follows a token.
fn sentence_blocks(text: &str, lang: Lang) -> Vec<Block> {
    kgexport::text::segment(text, kgexport::lang::rules(lang))
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            // A comment is one line, also for readers that break lines at U+2028 or NEL.
            let source = sentence.text(text).replace(LINE_BREAKS, " ");
            let rows = sentence
                .tokens
                .iter()
                .map(|t| {
                    let glued = text[t.byte_end..].starts_with(|c: char| !c.is_whitespace());
                    Row {
                        form: t.text.clone(),
                        misc: if glued { "SpaceAfter=No".to_string() } else { String::new() },
                        ..Row::default()
                    }
                })
                .collect();
            Block {
                comments: vec![format!("# sent_id = {}", i + 1), format!("# text = {source}")],
                extra: vec![],
                rows,
            }
        })
        .collect()
}

/// Reads CoNLL-U; an error names the file and the line.
fn read_conllu(name: &str, text: &str) -> Result<Vec<Block>> {
    conllu::read(text).map_err(|e| anyhow::anyhow!("{name}: line {}: {}", e.line, e.reason))
}

/// Replaces a sentence's lemmas, parts of speech, morphology and tree with the model's.
fn annotate(model: &Model, block: &mut Block) {
    if block.rows.is_empty() {
        return;
    }
    let forms: Vec<&str> = block.rows.iter().map(|r| r.form.as_str()).collect();
    let words = model.analyse(&forms);
    for (row, word) in block.rows.iter_mut().zip(words) {
        row.lemma = word.lemma;
        row.upos = word.upos;
        row.feats = word.feats;
        row.head = word.head.map_or(0, |h| h + 1);
        row.deprel = word.deprel;
    }
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Where `parse` writes: standard output, or a file (see `outfile.rs`).
enum ParseOutput {
    /// Standard output; `closed` once the reader has gone (a broken pipe ends the output quietly).
    Stdout { closed: bool },
    /// A file, a device or a FIFO.
    File(FileOutput),
}

impl ParseOutput {
    fn open(path: Option<&Path>) -> Result<ParseOutput> {
        match path {
            None => Ok(ParseOutput::Stdout { closed: false }),
            Some(path) => Ok(ParseOutput::File(FileOutput::create(path)?)),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        match self {
            ParseOutput::Stdout { closed: true } => {}
            ParseOutput::Stdout { closed } => match io::stdout().lock().write_all(bytes) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => *closed = true,
                other => other.context("writing to standard output")?,
            },
            ParseOutput::File(file) => file.write_all(bytes).with_context(|| file.path().display().to_string())?,
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            ParseOutput::Stdout { .. } => match io::stdout().flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("writing to standard output"),
            },
            ParseOutput::File(file) => file.commit(),
        }
    }

    /// Removes the temporary file: no partial output is left behind.
    fn abandon(self) {
        if let ParseOutput::File(mut file) = self {
            file.abandon();
        }
    }
}
