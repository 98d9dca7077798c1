//! The accuracy floors of the syntax models on the held-back treebank sentences, and the size
//! budget of the models and lexicon.

use crate::common::*;

/// The UD treebanks: `KGX_UD_DIR`, else `shared/ud` beside the repository (or beside one of its
/// parents). They are required: without them this is a failure, never a skip.
fn treebanks() -> std::path::PathBuf {
    if let Some(dir) = std::env::var_os("KGX_UD_DIR") {
        return dir.into();
    }
    root()
        .ancestors()
        .map(|d| d.join("shared/ud"))
        .find(|d| d.is_dir())
        .expect("the UD treebanks are required: set KGX_UD_DIR or put shared/ud beside the repository")
}

/// The held-back sentences of a language: position ≡ 9 (mod 10) in each file, files in name order.
fn held_back(lang: &str) -> Vec<kgexport::syntax::conllu::Block> {
    let dir = treebanks().join(lang);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no treebank in {}", dir.display());
    let read =
        files.iter().map(|f| kgexport::syntax::conllu::read(&std::fs::read_to_string(f).unwrap()).unwrap()).collect();
    kgexport::syntax::train::split(read, false).1
}

fn scores(lang: kgexport::article::Lang) -> kgexport::syntax::score::Scores {
    let model = kgexport::syntax::model(lang).expect("a model is compiled in");
    let s = kgexport::syntax::score::Scores::measure(model, &held_back(lang.tag()));
    eprintln!("{} held-back: {s}", lang.tag());
    s
}

#[test]
fn german_accuracy_holds_its_floors() {
    let s = scores(kgexport::article::Lang::De);
    assert!(s.words > 4000, "{s}");
    assert!(s.upos() >= 0.93, "UPOS {s}");
    assert!(s.case() >= 0.82, "Case {s}");
    assert!(s.uas() >= 0.77, "UAS {s}");
    assert!(s.las() >= 0.69, "LAS {s}");
    assert!(s.core_f1() >= 0.70, "core arguments {s}");
}

#[test]
fn english_accuracy_holds_its_floors() {
    let s = scores(kgexport::article::Lang::En);
    assert!(s.words > 6000, "{s}");
    assert!(s.upos() >= 0.94, "UPOS {s}");
    assert!(s.uas() >= 0.79, "UAS {s}");
    assert!(s.las() >= 0.74, "LAS {s}");
    assert!(s.core_f1() >= 0.74, "core arguments {s}");
}

#[test]
fn the_models_and_lexicon_fit_in_25_mb() {
    let dir = repo("data/syntax");
    let total: u64 = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
    assert!(total <= 25_000_000, "data/syntax holds {total} bytes");
}
