//! The fuzz targets' bodies: one function per target, taking the fuzzer's bytes and panicking
//! when an invariant fails. `fuzz_targets/*.rs` call them; `tests/integration/fuzz.rs` includes
//! this file and replays the committed corpus through them, so CI needs no nightly toolchain.

#[path = "decode.rs"]
mod decode;

use decode::decode;
use kgexport::article::{self, Article, Lang};
use kgexport::export::{self, Format, Options, View};
use kgexport::graph::{self, ArticleGraph, Base};
use oxrdf::Quad;
use std::collections::HashSet;

/// Articles longer than this are cut: the fuzzer looks for wrong answers, not slow ones
/// (the CLI bounds an article with `--max-article-bytes`).
const MAX_TEXT: usize = 4096;

/// The text-with-header reader.
pub fn article_text(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else { return };
    if let Ok(article) = article::parse_text("fuzz.txt", input) {
        check_article(&article);
    }
}

/// The JSON Lines reader: each line on its own.
pub fn article_jsonl(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else { return };
    for (i, line) in input.lines().enumerate() {
        if let Ok(article) = article::parse_json_line(&format!("fuzz.jsonl:{}", i + 1), line) {
            check_article(&article);
        }
    }
}

/// The JSON reader: one object or an array of them.
pub fn article_json(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else { return };
    if let Ok(items) = article::parse_json_document("fuzz.json", input) {
        items.iter().flatten().for_each(check_article);
    }
}

/// What every article read must be: NFC text, a 12-digit key, a graph that builds.
fn check_article(article: &Article) {
    use unicode_normalization::UnicodeNormalization;
    assert!(article.text.nfc().eq(article.text.chars()), "the text is NFC");
    let key = article.key();
    assert!(key.len() == 12 && key.bytes().all(|b| b.is_ascii_hexdigit()), "key {key}");
    let graph = graph::build(article, &Default::default(), &Base::default());
    assert_eq!(graph.key(), key);
}

/// The sentence splitter in every language: ordered tokens on character boundaries whose
/// offsets agree with the text.
pub fn sentences(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(&rest[..rest.len().min(MAX_TEXT)]) else { return };
    let lang = Lang::ALL[usize::from(first) % Lang::ALL.len()];
    let sentences = kgexport::text::segment(text, kgexport::lang::rules(lang));
    let mut byte_end = 0;
    let mut char_end = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        assert_eq!(sentence.index, i, "sentences are numbered in order");
        assert!(!sentence.tokens.is_empty(), "no empty sentence");
        for token in &sentence.tokens {
            assert!(token.byte_start >= byte_end && token.start >= char_end, "tokens in order: {token:?}");
            assert!(token.byte_start < token.byte_end && token.start < token.end, "no empty token: {token:?}");
            assert_eq!(&text[token.byte_start..token.byte_end], token.text, "bytes give the token");
            assert_eq!(text[..token.byte_start].chars().count(), token.start, "code points before {token:?}");
            assert_eq!(token.text.chars().count(), token.end - token.start, "code points of {token:?}");
            byte_end = token.byte_end;
            char_end = token.end;
        }
        let _ = sentence.text(text);
    }
}

/// The whole analysis of one article (a text with a header), and its graph as N-Triples.
/// The input is cut at [`MAX_ANALYSIS`] bytes; the models are loaded once per process
/// (`syntax::model` keeps them), so an execution costs the analysis of one short article.
pub fn analysis(data: &[u8]) {
    let data = &data[..data.len().min(MAX_ANALYSIS)];
    let Ok(input) = std::str::from_utf8(data) else { return };
    let Ok(article) = article::parse_text("fuzz.txt", input) else { return };
    let base = Base::default();
    let graph = graph::build(&article, &kgexport::analyse(&article, None), &base);
    check_triples(Format::NTriples, &(base, vec![graph]));
}

/// Longer inputs of `analysis` are cut: its rate falls with the article's length.
const MAX_ANALYSIS: usize = 2048;

/// One writer over the graphs of up to three articles that the input describes directly
/// ([`decode`]: base IRI, articles with adversarial fields, entities, events, claims), built by
/// `graph::build` as the CLI builds them, without the text analysis. RDF re-parses into exactly
/// the triples written; the tables and views are checked for what their readers need.
pub fn writer(format: Format, data: &[u8]) {
    let (base, options, graphs) = decode(data);
    if graphs.is_empty() {
        return;
    }
    let graphs = (base, graphs);
    match format {
        Format::Turtle | Format::NTriples | Format::NQuads | Format::TriG => check_triples(format, &graphs),
        Format::JsonLd => {
            let out = write(format, &graphs, &Options::default());
            let _: serde_json::Value = serde_json::from_slice(&out).expect("JSON-LD is JSON");
        }
        Format::Dot => {
            for view in [View::Article, View::Network] {
                if let Some(out) = try_write(format, &graphs, &Options { view: Some(view), ..options.clone() }) {
                    check_dot(&out);
                }
            }
        }
        Format::Csv => check_csv(&write(format, &graphs, &Options::default())),
        Format::Plover => {
            let out = String::from_utf8(write(format, &graphs, &Options::default())).expect("UTF-8");
            for line in out.lines() {
                let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
                assert!(value.is_object(), "each line is an object: {line}");
            }
        }
        Format::GraphMl => {
            let Some(out) = try_write(format, &graphs, &options) else { return };
            let out = String::from_utf8(out).expect("UTF-8");
            assert!(
                out.chars()
                    .all(|c| (c >= ' ' || matches!(c, '\n' | '\t' | '\r')) && !matches!(c, '\u{fffe}' | '\u{ffff}')),
                "no character XML 1.0 refuses"
            );
        }
    }
}

fn write(format: Format, (base, graphs): &(Base, Vec<ArticleGraph>), options: &Options) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(format, graphs, base, options, &mut out).expect("writing to memory succeeds");
    out
}

/// Writes with options that may name a focus no actor has: the one error allowed.
fn try_write(format: Format, (base, graphs): &(Base, Vec<ArticleGraph>), options: &Options) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match export::write(format, graphs, base, options, &mut out) {
        Ok(()) => Some(out),
        Err(e) => {
            assert!(options.focus.is_some(), "writing to memory fails without a focus: {e}");
            None
        }
    }
}

/// An RDF format re-parses (oxttl) into exactly the triples (or quads) of the graphs.
fn check_triples(format: Format, graphs: &(Base, Vec<ArticleGraph>)) {
    let out = write(format, graphs, &Options::default());
    // Compared as values, not as strings: the writers' inputs are megabytes at times.
    let quads: HashSet<Quad> = match format {
        Format::Turtle => {
            oxttl::TurtleParser::new().for_slice(&out).map(|t| quad(t.expect("Turtle parses"), None)).collect()
        }
        Format::NTriples => {
            oxttl::NTriplesParser::new().for_slice(&out).map(|t| quad(t.expect("N-Triples parses"), None)).collect()
        }
        Format::NQuads => oxttl::NQuadsParser::new().for_slice(&out).map(|q| q.expect("N-Quads parses")).collect(),
        Format::TriG => oxttl::TriGParser::new().for_slice(&out).map(|q| q.expect("TriG parses")).collect(),
        other => unreachable!("{} is no RDF syntax oxttl reads", other.name()),
    };
    let named = matches!(format, Format::NQuads | Format::TriG);
    // The actors' descriptions are written once, in their own graph where the syntax has graphs.
    let expected: HashSet<Quad> = graphs
        .1
        .iter()
        .flat_map(|g| {
            let own = g.triples().iter().map(move |t| quad(t.clone(), named.then(|| g.name().clone())));
            own.chain(g.actors().iter().map(move |t| quad(t.clone(), named.then(|| g.actors_name().clone()))))
        })
        .collect();
    if quads != expected {
        let show = |set: &HashSet<Quad>, other: &HashSet<Quad>| {
            let mut only: Vec<String> = set.difference(other).map(ToString::to_string).collect();
            only.sort();
            only.truncate(5);
            only
        };
        panic!(
            "{} re-parses into the graph; read but not in the graph: {:?}; in the graph but not read: {:?}",
            format.name(),
            show(&quads, &expected),
            show(&expected, &quads)
        );
    }
}

fn quad(triple: oxrdf::Triple, graph: Option<oxrdf::NamedNode>) -> Quad {
    let graph = graph.map_or(oxrdf::GraphName::DefaultGraph, oxrdf::GraphName::NamedNode);
    Quad::new(triple.subject, triple.predicate, triple.object, graph)
}

/// DOT: no control character but line breaks, every quoted string closed on its line.
fn check_dot(out: &[u8]) {
    let out = std::str::from_utf8(out).expect("DOT is UTF-8");
    assert!(out.chars().all(|c| !c.is_control() || c == '\n'), "no control character in DOT");
    for line in out.lines() {
        let mut quoted = false;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' if quoted => {
                    chars.next();
                }
                '"' => quoted = !quoted,
                _ => {}
            }
        }
        assert!(!quoted, "a quoted string left open: {line}");
    }
}

/// CSV (RFC 4180): every record has the header's number of fields.
fn check_csv(out: &[u8]) {
    let out = std::str::from_utf8(out).expect("CSV is UTF-8");
    let mut records: Vec<usize> = Vec::new();
    let (mut fields, mut quoted, mut chars) = (1, false, out.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields += 1,
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' if !quoted => {
                records.push(fields);
                fields = 1;
            }
            _ => {}
        }
    }
    assert!(!quoted, "a quoted field left open");
    assert!(records.windows(2).all(|w| w[0] == w[1]), "records of unequal length: {records:?}");
}
