//! The embedded store: load, reload without duplicates, the example queries, and bad input.

use crate::common::*;

fn load(store: &std::path::Path, inputs: &[&str]) {
    let mut args = vec!["load", "-q", "--store", store.to_str().unwrap()];
    args.extend(inputs);
    let o = kgexport(&args);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn query(store: &std::path::Path, sparql: &str, results: &str) -> String {
    let o = kgexport(&["query", "--store", store.to_str().unwrap(), "--results", results, sparql]);
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

fn count(store: &std::path::Path) -> usize {
    query(store, COUNT, "csv").lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn loading_again_replaces_instead_of_duplicating() {
    let store = scratch("store-reload");
    load(&store, &["seeds", "tests/dev-de"]);
    let first = count(&store);
    assert!(first > 5_000, "the seed and the German dev set give {first} quads");
    load(&store, &["seeds"]);
    load(&store, &["tests/dev-de"]);
    assert_eq!(count(&store), first, "re-runs change nothing");
}

#[test]
fn the_example_queries_answer_on_the_seed_and_a_corpus_sample() {
    let store = scratch("store-queries");
    load(&store, &["seeds", "tests/dev-de", "tests/dev-en-wikinews"]);
    let run = |name: &str| query(&store, &format!("@{}", repo(&format!("queries/{name}.rq")).display()), "tsv");
    let visits = run("visits");
    assert!(visits.contains("Sergey Lavrov") && visits.contains("Pyongyang"), "{visits}");
    let disputed = run("disputed-shipments");
    assert!(disputed.contains("\"United States\"@en") && disputed.contains("\"Russia\"@en"), "{disputed}");
    let invitations = run("invitations-without-visit");
    assert!(invitations.contains("Kim Jong-un") && invitations.contains("Vladimir Putin"), "{invitations}");
    let meetings = run("actor-meetings");
    assert!(meetings.contains("Kim Jong-un"), "{meetings}");
    let contribution = run("article-contribution");
    assert!(contribution.lines().count() > 100, "the seed article's graph: {} lines", contribution.lines().count());
}

#[test]
fn results_come_in_every_format() {
    let store = scratch("store-formats");
    load(&store, &["seeds"]);
    let sparql = "PREFIX kgx: <https://w3id.org/kgexport/ns#> SELECT ?s WHERE { ?s a kgx:Shipment ; kgx:factuality kgx:Disputed } ORDER BY ?s LIMIT 1";
    assert!(query(&store, sparql, "table").starts_with("s\n"));
    assert!(query(&store, sparql, "csv").starts_with("s\r\n"));
    assert!(query(&store, sparql, "tsv").starts_with("?s\n"));
    let json: serde_json::Value = serde_json::from_str(&query(&store, sparql, "json")).unwrap();
    assert_eq!(json["head"]["vars"][0], "s");
}

#[test]
fn a_syntax_error_names_its_position() {
    let store = scratch("store-syntax");
    load(&store, &["seeds"]);
    let o = kgexport(&["query", "--store", store.to_str().unwrap(), "SELECT ?x WHERE { ?x ?y }"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("SPARQL syntax error: error at 1:"), "{}", stderr(&o));
}

#[test]
fn a_folder_that_is_not_a_store_is_refused_and_left_alone() {
    let o = kgexport(&["load", "--store", "src", "seeds"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("src: not a kgexport store"), "{}", stderr(&o));
    let o = kgexport(&["query", "--store", "no/such/store", "ASK {}"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no store here"), "{}", stderr(&o));
}

/// The first line of the store's marker.
fn layout(store: &std::path::Path) -> String {
    let marker = std::fs::read_to_string(store.join("KGEXPORT-STORE")).unwrap();
    marker.lines().next().unwrap().split(':').next().unwrap().to_string()
}

#[test]
fn the_folder_holds_the_layout_the_readme_describes() {
    let store = scratch("store-layout");
    load(&store, &["seeds"]);
    let mut names: Vec<String> =
        std::fs::read_dir(&store).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    if cfg!(feature = "rocksdb-store") {
        assert_eq!(layout(&store), "kgexport store 2");
        assert_eq!(names, ["KGEXPORT-STORE", "kgexport.lock", "rocksdb"]);
        assert!(store.join("rocksdb/CURRENT").is_file(), "rocksdb/ is a RocksDB database");
    } else {
        assert_eq!(layout(&store), "kgexport store 1");
        assert_eq!(names, ["KGEXPORT-STORE", "dataset.nq", "kgexport.lock"]);
    }
}

#[test]
fn a_store_of_layout_1_is_read_and_loaded_in_its_layout() {
    let dir = scratch("store-layout-1");
    let store = dir.join("store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(store.join("KGEXPORT-STORE"), "kgexport store 1: dataset.nq holds one named graph per article\n")
        .unwrap();
    let o = kgexport(&["-q", "-f", "nq", "-o", store.join("dataset.nq").to_str().unwrap(), "seeds"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let exported = std::fs::read_to_string(store.join("dataset.nq")).unwrap().lines().count();
    assert_eq!(count(&store), exported, "the store holds the N-Quads it was given");
    load(&store, &["seeds", "tests/dev-de"]);
    assert_eq!(layout(&store), "kgexport store 1", "a store keeps its layout");
    assert!(!store.join("rocksdb").exists());
    assert!(count(&store) > exported, "the load saved its graphs into dataset.nq");
}

#[cfg(not(feature = "rocksdb-store"))]
#[test]
fn a_store_in_rocksdb_is_refused_by_a_build_without_it() {
    let store = scratch("store-needs-rocksdb");
    std::fs::write(store.join("KGEXPORT-STORE"), "kgexport store 2: rocksdb/ is an Oxigraph RocksDB database\n")
        .unwrap();
    for args in [&["load", "-q", "--store"][..], &["query", "--store"][..]] {
        let mut args = args.to_vec();
        args.extend([store.to_str().unwrap(), "seeds"]);
        let o = kgexport(&args);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("built without it; build it with the feature rocksdb-store"), "{}", stderr(&o));
    }
}
