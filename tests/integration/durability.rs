//! The store under attack: loads killed with SIGKILL at random points leave a store that opens,
//! holds each article's graph whole or not at all, and after a clean re-load holds exactly what a
//! clean run holds; two loads at once both land.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Articles of the shared corpus in one JSON Lines file of their own: `count` lines from `skip`
/// on, the German articles first, then the English ones.
fn articles(dir: &Path, name: &str, skip: usize, count: usize) -> PathBuf {
    let read = |file: &str| std::fs::read_to_string(corpus().join(file)).unwrap();
    let (german, english) = (read("wikinews-de.jsonl"), read("wikinews-en.jsonl"));
    let lines: Vec<&str> = german.lines().chain(english.lines()).skip(skip).take(count).collect();
    assert_eq!(lines.len(), count, "the corpus has {count} articles from {skip}");
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn load(store: &Path, input: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(["load", "-q", "--store"])
        .arg(store)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kgexport runs")
}

fn load_done(store: &Path, input: &Path) {
    let o = load(store, input).wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Every quad of the store, by graph: one N-Quads line each (the terms of a TSV row are written
/// as in N-Quads).
fn quads(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let sparql = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";
    let o = kgexport(&["query", "--store", store.to_str().unwrap(), "--results", "tsv", sparql]);
    assert!(o.status.success(), "the store opens and answers: {}", stderr(&o));
    let mut graphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in String::from_utf8(o.stdout).unwrap().lines().skip(1) {
        let terms: Vec<&str> = row.split('\t').collect();
        assert_eq!(terms.len(), 4, "{row}");
        let quad = format!("{} {} {} {} .", terms[1], terms[2], terms[3], terms[0]);
        graphs.entry(terms[0].to_string()).or_default().insert(quad);
    }
    graphs
}

/// The files the store writes as a load goes: the dataset being saved (layout 1: its temporary
/// file) or RocksDB's write-ahead logs (layout 2), with their sizes. A load's own files are new:
/// the temporary file bears its process id, and RocksDB numbers each new log higher.
fn writing(store: &Path) -> BTreeMap<PathBuf, u64> {
    let files = |dir: PathBuf| std::fs::read_dir(dir).into_iter().flatten().flatten();
    let saving = files(store.to_path_buf()).filter(|f| f.file_name().to_string_lossy().starts_with(".dataset.nq.tmp-"));
    let logged = files(store.join("rocksdb")).filter(|f| f.file_name().to_string_lossy().ends_with(".log"));
    saving.chain(logged).filter_map(|f| Some((f.path(), f.metadata().ok()?.len()))).collect()
}

/// The bytes written to files that were not there before.
fn written_since(store: &Path, before: &BTreeMap<PathBuf, u64>) -> u64 {
    writing(store).into_iter().filter(|(path, _)| !before.contains_key(path)).map(|(_, bytes)| bytes).sum()
}

/// A fixed sequence of pseudo-random numbers (SplitMix64): the test is the same each run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % n.max(1)
    }
}

/// Where a load is killed: at a time of the whole run, or once it has written a part of what a
/// clean run writes.
#[derive(Clone, Copy, Debug)]
enum Point {
    Time(Duration),
    Written(u64),
}

/// Starts a load and kills it with SIGKILL at the point; whether it was still running then.
fn kill_at(store: &Path, input: &Path, point: Point) -> bool {
    let before = writing(store);
    let mut child = load(store, input);
    match point {
        Point::Time(delay) => std::thread::sleep(delay),
        Point::Written(bytes) => {
            while written_since(store, &before) < bytes && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill(); // SIGKILL
    child.wait().unwrap();
    running
}

/// The actors graph: a set that every article adds to, so a killed load leaves part of it.
fn is_actors(graph: &str) -> bool {
    graph.ends_with("/graph/actors>")
}

/// The test of issue 17: 20 loads of 1,000 articles killed with SIGKILL, half at a random time
/// of the run, half once they have written a random part of what a clean run writes (in RocksDB,
/// a random article); then a whole load, after which the store holds exactly the quads of a clean
/// run.
#[test]
fn a_load_killed_at_random_points_leaves_a_whole_store() {
    const KILLS: usize = 20;
    let dir = scratch("durability-kill");
    let input = articles(&dir, "articles.jsonl", 0, 1_000);
    let clean = dir.join("clean");
    let start = Instant::now();
    let mut child = load(&clean, &input);
    let mut most = 0;
    while child.try_wait().unwrap().is_none() {
        most = most.max(written_since(&clean, &BTreeMap::new()));
        std::thread::sleep(Duration::from_millis(1));
    }
    let whole = start.elapsed();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(most > 1_000_000, "a clean load writes {most} bytes");
    let expected = quads(&clean);
    assert!(expected.len() > 800, "1,000 articles give {} graphs", expected.len());

    let killed = dir.join("killed");
    let mut random = Random(17);
    let mut before: BTreeSet<String> = BTreeSet::new();
    let mut interrupted = 0;
    for kill in 0..KILLS {
        let point = if kill % 2 == 0 {
            Point::Time(Duration::from_millis(random.below(whole.as_millis() as u64)))
        } else {
            Point::Written(1 + random.below(most))
        };
        interrupted += usize::from(kill_at(&killed, &input, point));
        let now = if killed.join("KGEXPORT-STORE").exists() {
            quads(&killed)
        } else {
            // Killed before it made the store: there is none yet, and a query says so.
            let o = kgexport(&["query", "--store", killed.to_str().unwrap(), "ASK {}"]);
            assert!(stderr(&o).contains("no store here") && before.is_empty(), "kill {kill}: {}", stderr(&o));
            BTreeMap::new()
        };
        for (graph, triples) in &now {
            let clean =
                expected.get(graph).unwrap_or_else(|| panic!("kill {kill}: {graph} is no graph of a clean run"));
            if is_actors(graph) {
                assert!(triples.is_subset(clean), "kill {kill}: the actors graph holds only actors of a clean run");
            } else {
                assert_eq!(triples, clean, "kill {kill}: {graph} is whole or absent");
            }
        }
        let present: BTreeSet<String> = now.into_keys().collect();
        assert!(present.is_superset(&before), "kill {kill} ({point:?}): a graph the store held is gone");
        before = present;
    }
    assert!(interrupted >= KILLS / 2, "only {interrupted} of {KILLS} kills came before the load ended");
    load_done(&killed, &input);
    assert!(quads(&killed) == expected, "after a whole load the store holds exactly a clean run's quads");
}

/// Two loads into one store at once: both sets of articles land (the second waits and says so).
#[test]
fn two_loads_at_once_are_serialised_and_both_land() {
    let dir = scratch("durability-concurrent");
    let first = articles(&dir, "first.jsonl", 300, 60);
    let second = articles(&dir, "second.jsonl", 360, 60);
    let alone = dir.join("alone");
    load_done(&alone, &first);
    load_done(&alone, &second);
    let expected = quads(&alone);

    let store = dir.join("store");
    let a = load(&store, &first);
    let b = load(&store, &second);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success(), "{}\n{}", stderr(&a), stderr(&b));
    assert!(quads(&store) == expected, "both loads' graphs are in the store");
    let waited =
        [&a, &b].iter().filter(|o| stderr(o).contains("another kgexport is using this store; waiting")).count();
    assert!(waited <= 1, "at most one load waits: {}\n{}", stderr(&a), stderr(&b));
}

/// A query while a load holds the store waits for it, and then sees the load's graphs.
#[test]
fn a_query_during_a_load_waits_and_sees_it() {
    let dir = scratch("durability-query");
    let input = articles(&dir, "articles.jsonl", 420, 40);
    let store = dir.join("store");
    load_done(&store, &input);
    let expected = quads(&store);
    let child = load(&store, &input);
    // Whether it began before the load took the lock or after, the query sees every graph.
    assert!(quads(&store) == expected);
    assert!(child.wait_with_output().unwrap().status.success());
}
