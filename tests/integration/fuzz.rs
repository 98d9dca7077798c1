//! The fuzz targets' committed corpus (`fuzz/corpus/<target>/`), replayed through the targets'
//! own bodies (`fuzz/src/lib.rs`): every saved input and every former finding, without nightly.

#[path = "../../fuzz/src/lib.rs"]
mod targets;

use crate::common::*;
use kgexport::export::Format;

/// Runs every file of a target's corpus through its body; the corpus must not be empty.
fn replay(target: &str, body: impl Fn(&[u8])) {
    let dir = repo(&format!("fuzz/corpus/{target}"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: an empty corpus", dir.display());
    for file in files {
        let data = std::fs::read(&file).unwrap();
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(&data))).is_err() {
            panic!("fuzz target {target} fails on {}", file.display());
        }
    }
}

#[test]
fn the_readers_take_their_corpus() {
    replay("article_text", targets::article_text);
    replay("article_jsonl", targets::article_jsonl);
    replay("article_json", targets::article_json);
}

#[test]
fn the_sentence_splitter_takes_its_corpus() {
    replay("sentences", targets::sentences);
}

#[test]
fn the_analysis_takes_its_corpus() {
    replay("analysis", targets::analysis);
}

#[test]
fn the_rdf_writers_take_their_corpus() {
    for (target, format) in [
        ("write_ttl", Format::Turtle),
        ("write_nt", Format::NTriples),
        ("write_nq", Format::NQuads),
        ("write_trig", Format::TriG),
    ] {
        replay(target, |data| targets::writer(format, data));
    }
}

#[test]
fn the_other_writers_take_their_corpus() {
    for (target, format) in [
        ("write_jsonld", Format::JsonLd),
        ("write_dot", Format::Dot),
        ("write_csv", Format::Csv),
        ("write_plover", Format::Plover),
        ("write_graphml", Format::GraphMl),
    ] {
        replay(target, |data| targets::writer(format, data));
    }
}
