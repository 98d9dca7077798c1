//! The store under attack: loads killed with SIGKILL at random points leave a store that opens,
//! holds each article's graph whole or not at all, and after a clean re-load holds exactly what a
//! clean run holds; two loads at once both land.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Articles of the shared corpus in one JSON Lines file of their own (`../shared/corpus`, or
/// `KGX_CORPUS_DIR`; missing is a failure): `count` lines from `skip` on.
fn articles(dir: &Path, name: &str, skip: usize, count: usize) -> PathBuf {
    let corpus = std::env::var_os("KGX_CORPUS_DIR").map_or_else(|| root().join("../shared/corpus"), PathBuf::from);
    let all = std::fs::read_to_string(corpus.join("wikinews-de.jsonl"))
        .unwrap_or_else(|e| panic!("the shared corpus is missing at {}: {e}", corpus.display()));
    let lines: Vec<&str> = all.lines().skip(skip).take(count).collect();
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

/// Every quad of the store, by graph: one TSV row each.
fn quads(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let sparql = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";
    let o = kgexport(&["query", "--store", store.to_str().unwrap(), "--results", "tsv", sparql]);
    assert!(o.status.success(), "the store opens and answers: {}", stderr(&o));
    let mut graphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in String::from_utf8(o.stdout).unwrap().lines().skip(1) {
        let (graph, triple) = row.split_once('\t').unwrap();
        graphs.entry(graph.to_string()).or_default().insert(triple.to_string());
    }
    graphs
}

/// The bytes of the dataset being saved (its temporary file): they appear once the articles are
/// read and the load writes.
fn written(store: &Path) -> u64 {
    let files = std::fs::read_dir(store).into_iter().flatten().flatten();
    let saving = files.filter(|f| f.file_name().to_string_lossy().starts_with(".dataset.nq.tmp-"));
    saving.filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum()
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

/// Kills after the first write was seen plus up to `spread`, or at a point of the whole run.
fn kill_at(store: &Path, input: &Path, whole: Duration, spread: Duration, after_write: bool, random: &mut Random) {
    let before = written(store);
    let start = Instant::now();
    let mut child = load(store, input);
    let delay = if after_write {
        while written(store) == before && start.elapsed() < whole * 3 && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(2));
        }
        Duration::from_millis(random.below(spread.as_millis() as u64 + 1))
    } else {
        Duration::from_millis(random.below(whole.as_millis() as u64 + 1))
    };
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL
    child.wait().unwrap();
}

/// The test of issue 17: 20 loads of 300 articles killed with SIGKILL, half at a random point
/// of the whole run, half at a random point after the dataset began to be saved.
#[test]
fn a_load_killed_at_random_points_leaves_a_whole_store() {
    const KILLS: usize = 20;
    let dir = scratch("durability-kill");
    let input = articles(&dir, "articles.jsonl", 0, 300);
    let clean = dir.join("clean");
    let start = Instant::now();
    let mut child = load(&clean, &input);
    while written(&clean) == 0 && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(2));
    }
    let first_write = start.elapsed();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let whole = start.elapsed();
    let expected = quads(&clean);
    assert!(expected.len() > 250, "300 articles give {} graphs", expected.len());

    let killed = dir.join("killed");
    let mut random = Random(17);
    let mut before: BTreeSet<String> = BTreeSet::new();
    for kill in 0..KILLS {
        kill_at(&killed, &input, whole, whole - first_write, kill % 2 == 1, &mut random);
        let now = quads(&killed);
        for (graph, triples) in &now {
            assert_eq!(Some(triples), expected.get(graph), "kill {kill}: {graph} is whole or absent");
        }
        let present: BTreeSet<String> = now.into_keys().collect();
        assert!(present.is_superset(&before), "kill {kill}: a graph the store held is gone");
        before = present;
    }
    load_done(&killed, &input);
    assert!(quads(&killed) == expected, "after a clean re-load the store holds exactly a clean run's quads");
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
