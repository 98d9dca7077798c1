//! The committed `exports/` are exactly what the main command writes for `seeds/`, every run.

use crate::common::*;

const FORMATS: &[&str] = &["ttl", "jsonld", "dot", "nt", "nq", "trig", "csv", "plover", "graphml"];

/// The file a format is written to.
fn file(format: &str) -> String {
    if format == "plover" { "kg.plover.jsonl".to_string() } else { format!("kg.{format}") }
}

#[test]
fn exports_match_a_fresh_run_byte_for_byte() {
    let out = scratch("exports");
    let o = kgexport(&["--quiet", "--format", &FORMATS.join(","), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for ext in FORMATS {
        let name = file(ext);
        let fresh = std::fs::read(out.join(&name)).unwrap();
        let committed =
            std::fs::read(repo("exports").join(&name)).unwrap_or_else(|_| panic!("exports/{name} is committed"));
        assert!(fresh == committed, "exports/{name} drifted: run `cargo run -- -f {}` and commit", FORMATS.join(","));
    }
}

#[test]
fn two_runs_are_identical() {
    let (a, b) = (scratch("run-a"), scratch("run-b"));
    for dir in [&a, &b] {
        let o = kgexport(&["-q", "-f", &FORMATS.join(","), "-o", dir.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    for ext in FORMATS {
        let name = file(ext);
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
            "{name} differs between runs"
        );
    }
}

#[test]
fn the_main_job_writes_exports_kg_ttl() {
    // Run the main job in a copy of the repository layout, so the real exports stay untouched.
    let dir = scratch("main-job");
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    for entry in std::fs::read_dir(repo("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("seeds").join(path.file_name().unwrap())).unwrap();
    }
    let o = kgexport_in(&dir, &["--format", "ttl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.join("exports/kg.ttl")).unwrap(), std::fs::read(repo("exports/kg.ttl")).unwrap());
    assert!(stderr(&o).contains("1 article(s) exported, 0 skipped"), "summary on stderr: {}", stderr(&o));
}
