//! The views and tables: the network and article DOT of the shared corpus render with Graphviz
//! `dot` and `sfdp` without a warning; CSV, PLOVER JSON Lines and GraphML parse with outside
//! readers (Python's csv and json, networkx) and count the RDF's events; focus, depth and time
//! window narrow the network.

use crate::common::*;
use std::path::Path;
use std::process::Command;

/// Renders a DOT file with a Graphviz layout engine: exit 0 and nothing on standard error.
fn renders(engine: &str, dot: &Path) {
    let o = Command::new(engine)
        .args(["-Tsvg", "-o", "/dev/null"])
        .arg(dot)
        .output()
        .unwrap_or_else(|_| panic!("Graphviz {engine} is installed (tests/run.sh installs it)"));
    assert!(o.status.success(), "{engine} failed on {}: {}", dot.display(), stderr(&o));
    assert!(o.stderr.is_empty(), "{engine} warned on {}: {}", dot.display(), stderr(&o));
}

fn run(args: &[&str]) -> String {
    let o = kgexport(args);
    assert!(o.status.success(), "kgexport {args:?}: {}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn check_tables(dir: &Path) -> String {
    let o = Command::new(python())
        .arg(repo("tests/validate/check_tables.py"))
        .args(["--nt", "kg.nt", "--csv", "kg.csv", "--plover", "kg.plover.jsonl", "--graphml", "kg.graphml"])
        .current_dir(dir)
        .output()
        .expect("python3 runs");
    let report = format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o));
    assert!(o.status.success(), "check_tables.py failed:\n{report}");
    report
}

#[test]
fn the_corpus_network_renders_with_dot_and_sfdp_and_its_tables_count_the_rdf_events() {
    let dir = scratch("views-corpus");
    let corpus = corpus();
    run(&[
        "-q",
        "-f",
        "nt,csv,plover,graphml,dot",
        "--view",
        "network",
        "-o",
        dir.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]);
    let report = check_tables(&dir);
    assert!(report.contains("check_tables: 13 passed, 0 failed"), "{report}");
    let events: usize = report
        .lines()
        .find_map(|l| l.strip_prefix("rdf events: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("the event count is printed");
    assert!(events > 100, "the corpus has events: {events}");
    let dot = std::fs::read_to_string(dir.join("kg.dot")).unwrap();
    assert!(dot.starts_with("digraph kgexport_network {"), "the network view");
    assert!(dot.contains("\"legend\" [shape=plaintext"), "a legend");
    assert!(!dot.contains("cluster_"), "no article clusters in the network view");
    for engine in ["dot", "sfdp"] {
        renders(engine, &dir.join("kg.dot"));
    }
}

#[test]
fn the_article_view_of_the_corpus_renders_and_without_a_view_the_corpus_gets_the_network() {
    let dir = scratch("views-article");
    let corpus = corpus();
    let article = dir.join("article.dot");
    run(&["-q", "-f", "dot", "--view", "article", "-o", article.to_str().unwrap(), corpus.to_str().unwrap()]);
    let dot = std::fs::read_to_string(&article).unwrap();
    let clusters = dot.matches("subgraph \"cluster_").count();
    assert!(clusters > 100, "more than 100 articles with events are drawn, got {clusters}");
    // No empty cluster: every cluster's first line after its label is a node.
    for block in dot.split("subgraph \"cluster_").skip(1) {
        let second = block.lines().nth(2).unwrap_or("");
        assert!(second.trim_start().starts_with('"'), "an empty cluster: {}", block.lines().next().unwrap_or(""));
    }
    renders("dot", &article);
    let default = dir.join("default.dot");
    run(&["-q", "-f", "dot", "-o", default.to_str().unwrap(), corpus.to_str().unwrap()]);
    let dot = std::fs::read_to_string(&default).unwrap();
    assert!(dot.starts_with("digraph kgexport_network {"), "beyond 100 articles with events, the network view");
}

#[test]
fn article_view_events_say_who_where_and_when_with_their_evidence() {
    let dot = run(&["-q", "-f", "dot", "-o", "-", "seeds/"]);
    assert!(dot.contains("label=\"Visit · Sergey Lavrov → Pyongyang\\n2023-09-27/2023-10-25\\n[Asserted]\""), "{dot}");
    assert!(dot.contains("Shipment · North Korea → Russia"), "{dot}");
    assert!(dot.contains("tooltip=\"«Der russische Außenminister Sergej Lawrow ist am Mittwoch"), "{dot}");
    assert!(dot.contains("subgraph cluster_legend"), "a legend");
}

#[test]
fn focus_depth_and_a_time_window_narrow_the_network() {
    // The English dev set: 19 Wikinews articles, quick to read six times.
    let dev = repo("tests/dev-en-wikinews");
    let corpus = dev.to_str().unwrap();
    let whole = run(&["-q", "-f", "graphml", "-o", "-", corpus]);
    let ego = run(&["-q", "-f", "graphml", "--focus", "Donald Trump", "-o", "-", corpus]);
    let wider = run(&["-q", "-f", "graphml", "--focus", "Donald Trump", "--depth", "2", "-o", "-", corpus]);
    let nodes = |g: &str| g.matches("<node id=").count();
    assert!(
        nodes(&ego) >= 3 && nodes(&ego) < nodes(&wider) && nodes(&wider) < nodes(&whole),
        "ego {} < depth 2 {} < whole {}",
        nodes(&ego),
        nodes(&wider),
        nodes(&whole)
    );
    assert!(ego.contains("<data key=\"label\">Donald Trump</data>"));
    let by_iri = run(&["-q", "-f", "graphml", "--focus", "entity/person-donald-trump", "-o", "-", corpus]);
    assert_eq!(nodes(&by_iri), nodes(&ego), "the focus by relative IRI or by label is the same actor");
    // A window keeps fewer events; the DOT of a focus is the network view and renders.
    let early = run(&["-q", "-f", "graphml", "--until", "2019-09", "-o", "-", corpus]);
    let events = |g: &str| -> usize {
        let at = g.find("<data key=\"g_events\">").expect("events counted") + "<data key=\"g_events\">".len();
        g[at..].split('<').next().unwrap().parse().unwrap()
    };
    assert!(events(&early) > 0 && events(&early) < events(&whole), "{} of {}", events(&early), events(&whole));
    let dir = scratch("views-focus");
    let ego_dot = dir.join("ego.dot");
    run(&["-q", "-f", "dot", "--focus", "Trump", "--since", "2016", "-o", ego_dot.to_str().unwrap(), corpus]);
    let dot = std::fs::read_to_string(&ego_dot).unwrap();
    assert!(dot.contains("around Trump (depth 1), from 2016"), "the title names the scope");
    renders("dot", &ego_dot);
}

#[test]
fn an_unknown_focus_fails_and_a_contradiction_is_a_usage_error() {
    let o = kgexport(&["-q", "-f", "dot", "--view", "network", "--focus", "Nobody At All", "-o", "-", "seeds/"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("Nobody At All"), "{}", stderr(&o));
    let o = kgexport(&["-q", "-f", "dot", "--view", "article", "--focus", "Lavrov", "-o", "-", "seeds/"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = kgexport(&["-q", "-f", "dot", "--depth", "2", "-o", "-", "seeds/"]);
    assert_eq!(o.status.code(), Some(2), "--depth needs --focus: {}", stderr(&o));
    let o = kgexport(&["-q", "-f", "dot", "--since", "2024", "--until", "2023", "-o", "-", "seeds/"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn csv_quotes_what_needs_quoting_and_every_format_is_deterministic() {
    let a = run(&["-q", "-f", "csv", "-o", "-", "tests/dev-de/"]);
    let b = run(&["-q", "-f", "csv", "-j", "1", "-o", "-", "tests/dev-de/"]);
    assert_eq!(a, b, "the CSV does not depend on threads");
    assert!(a.lines().count() > 10);
    let header = a.lines().next().unwrap();
    assert!(header.starts_with("article,url,headline,published,event,class,also,cameo,plover,factuality,"));
    let p1 = run(&["-q", "-f", "plover", "-o", "-", "tests/dev-de/"]);
    let p2 = run(&["-q", "-f", "plover", "-j", "1", "-o", "-", "tests/dev-de/"]);
    assert_eq!(p1, p2);
}
