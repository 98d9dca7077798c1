//! Command-line behaviour: formats, standard output, exit statuses, and bad input.

use crate::common::*;
use std::io::Write;
use std::process::{Command, Stdio};

const SEED: &str = "seeds/000_6896b54b9ced829e.txt";

#[test]
fn ntriples_to_standard_output() {
    let o = kgexport(&["-q", "--format", "nt", "--output", "-", SEED]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.lines().count() > 100 && out.lines().all(|l| l.ends_with(" .")));
    assert!(o.stderr.is_empty(), "--quiet writes nothing to stderr");
}

#[test]
fn help_has_examples() {
    let o = kgexport(&["--help"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Examples:"));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let o = kgexport(&["--format", "xml", SEED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown format \"xml\""), "{}", stderr(&o));
}

#[test]
fn missing_file_names_the_file() {
    let dir = scratch("missing");
    let o = kgexport(&["-f", "nt", "-o", "-", "no/such/article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/article.txt: no such file or directory"), "{}", stderr(&o));
    let _ = dir;
}

#[test]
fn empty_file_is_reported() {
    let dir = scratch("empty");
    std::fs::write(dir.join("empty.txt"), "   \n").unwrap();
    let o = kgexport_in(&dir, &["-f", "nt", "-o", "-", "empty.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("empty.txt: empty article"), "{}", stderr(&o));
}

#[test]
fn non_utf8_file_is_reported() {
    let dir = scratch("latin1");
    std::fs::write(dir.join("latin1.txt"), b"date: 2020-01-01\n\nM\xfcller reiste nach Paris.").unwrap();
    let o = kgexport_in(&dir, &["-f", "nt", "-o", "-", "latin1.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("latin1.txt: not valid UTF-8"), "{}", stderr(&o));
}

#[test]
fn a_malformed_jsonl_line_is_skipped_and_the_rest_exported() {
    let dir = scratch("jsonl");
    let good = r#"{"id":"a","date":"2023-10-18","lang":"de","url":"https://example.org/a","text":"Lawrow besuchte am Mittwoch Pjöngjang."}"#;
    let other = r#"{"id":"b","date":"2023-10-18","lang":"en","url":"https://example.org/b","text":"Putin visited China on Tuesday."}"#;
    std::fs::write(dir.join("batch.jsonl"), format!("{good}\n{{broken\n{other}\n")).unwrap();
    let o = kgexport_in(&dir, &["-f", "nq", "-o", "out.nq", "batch.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("batch.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("2 article(s) exported, 1 skipped"), "{err}");
    let nq = std::fs::read_to_string(dir.join("out.nq")).unwrap();
    let graphs: std::collections::BTreeSet<&str> =
        nq.lines().filter_map(|l| l.rsplit(' ').nth(1)).filter(|g| !g.ends_with("/graph/actors>")).collect();
    assert_eq!(graphs.len(), 2, "both good articles have their graph: {graphs:?}");
}

#[test]
fn an_unreadable_entry_in_a_directory_is_reported_and_the_rest_exported() {
    let dir = scratch("unreadable");
    std::fs::create_dir_all(dir.join("in/locked")).unwrap();
    std::fs::copy(repo(SEED), dir.join("in/seed.txt")).unwrap();
    // A dangling link stands for an entry nobody can read, also when the tests run as root.
    std::os::unix::fs::symlink("nowhere.txt", dir.join("in/dangling.txt")).unwrap();
    let o = kgexport_in(&dir, &["-f", "ttl", "-o", "out.ttl", "in"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("dangling.txt: no such file or directory"), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.join("out.ttl")).unwrap().contains("kgx:Visit"));
}

#[test]
fn an_unreadable_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("locked");
    std::fs::create_dir_all(dir.join("locked")).unwrap();
    std::fs::write(dir.join("locked/a.txt"), "Text.").unwrap();
    std::fs::set_permissions(dir.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let can_read = std::fs::read_dir(dir.join("locked")).is_ok(); // root reads anyway
    let o = kgexport_in(&dir, &["-f", "nt", "-o", "-", "locked"]);
    std::fs::set_permissions(dir.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    if can_read {
        assert!(o.status.success(), "{}", stderr(&o));
    } else {
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("locked: permission denied"), "{}", stderr(&o));
    }
}

#[test]
fn standard_input_text_and_no_partial_files() {
    let dir = scratch("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(["-q", "-f", "ttl,nt", "-o", "out", "-"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("date: 2023-10-18\nlang: de\n\nLawrow besuchte am Mittwoch Pjöngjang.".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["kg.nt", "kg.ttl"], "no temporary files are left");
}

#[test]
fn output_into_a_missing_parent_that_cannot_be_created_fails_cleanly() {
    let dir = scratch("blocked");
    std::fs::write(dir.join("file"), "not a directory").unwrap();
    let o = kgexport(&["-q", "-f", "ttl", "-o", dir.join("file/kg.ttl").to_str().unwrap(), SEED]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot create directory"), "{}", stderr(&o));
}
