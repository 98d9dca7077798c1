//! Corpus-scale behaviour: the output does not depend on the thread count or the shard split.

use crate::common::*;
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

#[test]
fn the_same_happening_in_two_articles_and_languages_links_to_one_node() {
    let dir = scratch("happening");
    std::fs::write(
        dir.join("a1.txt"),
        "date: 2023-10-19\nlang: de\nurl: https://example.org/a1\n\nDer russische Außenminister Sergej Lawrow ist am Mittwoch in Pjöngjang eingetroffen.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a2.txt"),
        "date: 2023-10-20\nlang: en\nurl: https://example.org/a2\n\nRussian Foreign Minister Sergey Lavrov arrived in Pyongyang on Wednesday.\n",
    )
    .unwrap();
    let o = kgexport_in(&dir, &["-q", "-f", "nq", "-o", "-", "a1.txt", "a2.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let nq = String::from_utf8(o.stdout).unwrap();
    let links: BTreeSet<(&str, &str)> = nq
        .lines()
        .filter(|l| l.contains("<https://w3id.org/kgexport/ns#happening>"))
        .filter_map(|l| {
            let mut parts = l.split(' ');
            Some((parts.next()?, parts.nth(1)?))
        })
        .collect();
    let events: BTreeSet<&str> = links.iter().map(|(e, _)| *e).collect();
    let happenings: BTreeSet<&str> = links.iter().map(|(_, h)| *h).collect();
    assert_eq!(events.len(), 2, "one reported visit per article: {links:?}");
    assert_eq!(happenings.len(), 1, "both report the same happening: {links:?}");
    // The visitor is the same curated actor in both graphs.
    let visitors: BTreeSet<&str> = nq
        .lines()
        .filter(|l| l.contains("<https://w3id.org/kgexport/ns#visitor>"))
        .filter_map(|l| l.split(' ').nth(2))
        .collect();
    assert_eq!(visitors.len(), 1, "{visitors:?}");
}
