//! The exports checked by outside tools: rdflib, pyld, pyshacl, pyoxigraph, Graphviz, and the
//! independent scorer. These are required: a missing tool is a failure, never a skip.

mod common;

use common::*;
use std::process::Command;

fn python(args: &[&str]) -> std::process::Output {
    Command::new("python3")
        .args(args)
        .current_dir(root())
        .output()
        .expect("python3 is installed (tests/run.sh installs the validators)")
}

#[test]
fn outside_validators_accept_the_exports() {
    let o = python(&[
        "tests/validate/check_exports.py",
        "--exports",
        "exports",
        "--ontology",
        "ontology",
        "--broken",
        "tests/fixtures/broken.ttl",
    ]);
    let report = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "check_exports.py failed:\n{report}");
    assert!(report.contains("ok shacl-conforms") || report.contains("ok shacl"), "{report}");
}

#[test]
fn shacl_conforms_on_the_valid_fixture() {
    let o = python(&[
        "-c",
        "import pyshacl, rdflib, sys; g = rdflib.Graph(); g.parse('tests/fixtures/valid.ttl'); g.parse('ontology/kgx.ttl'); s = rdflib.Graph(); s.parse('ontology/shapes.ttl'); ok, _, text = pyshacl.validate(g, shacl_graph=s, advanced=True); print(text); sys.exit(0 if ok else 1)",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}

fn score(args: &[&str]) -> String {
    let binary = env!("CARGO_BIN_EXE_kgexport");
    let o = Command::new("python3")
        .arg("tests/eval/score.py")
        .args(args)
        .env("KGEXPORT", binary)
        .current_dir(root())
        .output()
        .expect("python3 runs");
    let report = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "scorer below thresholds or failed:\n{report}");
    report
}

#[test]
fn the_seed_scores_at_the_foundation_thresholds() {
    let report = score(&[
        "--gold-dir",
        "tests/gold",
        "seeds/000_6896b54b9ced829e.txt",
        "--min-recall",
        "1.0",
        "--min-precision",
        "0.9",
        "--max-forbidden",
        "0",
        "--min-claims",
        "1.0",
    ]);
    assert!(report.contains("forbidden=0"), "{report}");
}

#[test]
fn gazetteer_files_pass_their_checker() {
    let o = python(&["data/gazetteer/check.py"]);
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
}

// Dev sets: thresholds only ever go up. Figures at the time of writing are in README.md.

#[test]
fn the_german_dev_set_holds_its_scores() {
    score(&["tests/dev-de", "-q", "--min-recall", "0.77", "--min-precision", "0.92", "--max-forbidden", "0"]);
}

#[test]
fn the_english_wikinews_dev_set_holds_its_scores() {
    score(&[
        "tests/dev-en-wikinews",
        "-q",
        "--min-recall",
        "0.86",
        "--min-precision",
        "0.98",
        "--max-forbidden",
        "0",
        "--min-claims",
        "0.74",
    ]);
}

#[test]
fn the_plover_petrarch_sentences_hold_their_scores() {
    score(&[
        "tests/dev-en-suites",
        "-q",
        "--min-recall",
        "0.89",
        "--min-precision",
        "0.98",
        "--max-forbidden",
        "0",
        "--min-claims",
        "0.5",
    ]);
}
