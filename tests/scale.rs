//! Corpus-scale behaviour: the output does not depend on the thread count or the shard split.

mod common;

use common::*;
use std::collections::BTreeSet;

/// Every dev article in the repository: real German and English news.
fn corpus() -> Vec<String> {
    ["tests/dev-de", "tests/dev-en-wikinews"].iter().map(|d| repo(d).to_string_lossy().into_owned()).collect()
}

fn run(args: &[&str]) -> Vec<u8> {
    let mut all: Vec<String> = ["-q", "-o", "-"].iter().map(|s| s.to_string()).collect();
    all.extend(args.iter().map(|s| s.to_string()));
    all.extend(corpus());
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let o = kgexport(&refs);
    assert!(o.status.success(), "{}", stderr(&o));
    o.stdout
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    for format in ["nq", "ttl"] {
        let one = run(&["-f", format, "--jobs", "1"]);
        let two = run(&["-f", format, "--jobs", "2"]);
        let four = run(&["-f", format, "--jobs", "4"]);
        assert!(one.len() > 10_000, "{format}: a real corpus gives a real graph");
        assert!(one == two && two == four, "{format} differs with the thread count");
    }
}

#[test]
fn shards_together_equal_one_run() {
    let lines = |bytes: Vec<u8>| -> BTreeSet<String> {
        String::from_utf8(bytes).unwrap().lines().map(str::to_string).collect()
    };
    let whole = lines(run(&["-f", "nq"]));
    let mut union = BTreeSet::new();
    let mut sizes = Vec::new();
    for i in 0..3 {
        let part = lines(run(&["-f", "nq", "--shard", &format!("{i}/3")]));
        sizes.push(part.len());
        union.extend(part);
    }
    assert!(sizes.iter().all(|&n| n > 0), "every shard gets articles: {sizes:?}");
    assert_eq!(union, whole);
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let o = kgexport(&["--shard", "3/3", "seeds"]);
    assert_eq!(o.status.code(), Some(2));
}
