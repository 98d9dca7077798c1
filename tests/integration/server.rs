//! The shared corpus in an Oxigraph server, as the README's recipe loads and serves it
//! (`oxigraph load`, `oxigraph serve --union-default-graph`): every shipped query answers with
//! rows in under a second, the weapons shipments once each, and every actor is described once,
//! in the actors graph.

use crate::common::*;
use oxrdf::{GraphName, NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const KGX: &str = "https://w3id.org/kgexport/ns#";
const ACTORS: &str = "https://w3id.org/kgexport/id/graph/actors";

/// `oxigraph serve` on a loopback port, killed when dropped.
struct Served {
    child: Child,
    port: u16,
}

impl Served {
    /// The README's recipe: load the N-Quads into a store folder, then serve it with the union of
    /// the named graphs as the default graph.
    fn start(store: &Path, nquads: &Path) -> Served {
        let oxigraph = python_tool("oxigraph");
        let o = Command::new(&oxigraph)
            .args(["load", "--location", store.to_str().unwrap(), "--file", nquads.to_str().unwrap()])
            .output()
            .expect("the `oxigraph` server runs (python3 -m pip install oxigraph; tests/run.sh does it)");
        assert!(o.status.success(), "oxigraph load: {}", stderr(&o));
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(&oxigraph)
            .args(["serve", "--location", store.to_str().unwrap(), "--bind", &format!("127.0.0.1:{port}")])
            .arg("--union-default-graph")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("oxigraph serve starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the oxigraph server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Served { child, port }
    }

    /// A query as the README's `curl` sends it; the rows of the TSV answer and the time it took.
    fn query(&self, sparql: &str) -> (Vec<String>, Duration) {
        let started = Instant::now();
        let answer = ureq::post(&format!("http://127.0.0.1:{}/query", self.port))
            .set("Content-Type", "application/sparql-query")
            .set("Accept", "text/tab-separated-values")
            .send_string(sparql)
            .unwrap_or_else(|e| panic!("the server answers: {e}"))
            .into_string()
            .unwrap();
        let took = started.elapsed();
        (answer.lines().skip(1).map(str::to_string).collect(), took)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The shipments of weapons, munitions or military equipment, counted from the quads themselves.
fn weapons_shipments(quads: &[oxrdf::Quad]) -> BTreeSet<String> {
    let iri = |t: &Term| if let Term::NamedNode(n) = t { n.as_str().to_string() } else { String::new() };
    let subject = |s: &NamedOrBlankNode| s.to_string().trim_matches(['<', '>']).to_string();
    let mut shipments = BTreeSet::new();
    let mut items: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut military = BTreeSet::new();
    for q in quads {
        match q.predicate.as_str() {
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" if iri(&q.object) == format!("{KGX}Shipment") => {
                shipments.insert(subject(&q.subject));
            }
            p if p == format!("{KGX}item") => items.entry(subject(&q.subject)).or_default().push(iri(&q.object)),
            p if p == format!("{KGX}category")
                && ["Weapons", "Munitions", "MilitaryEquipment"]
                    .iter()
                    .any(|c| iri(&q.object) == format!("{KGX}{c}")) =>
            {
                military.insert(subject(&q.subject));
            }
            _ => {}
        }
    }
    shipments.into_iter().filter(|s| items.get(s).is_some_and(|m| m.iter().any(|m| military.contains(m)))).collect()
}

#[test]
fn the_shipped_queries_answer_on_the_shared_corpus_in_a_server() {
    let dir = scratch("server-corpus");
    let nquads = dir.join("kg.nq");
    // The shared corpus, and the seed and dev sets, which hold the weapons shipments it lacks.
    let corpus = corpus();
    let inputs = [corpus.to_str().unwrap(), "seeds", "tests/dev-de", "tests/dev-en-wikinews", "tests/dev-en-suites"];
    let mut args = vec!["-q", "-f", "nq", "-o", nquads.to_str().unwrap()];
    args.extend(inputs);
    let o = kgexport(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&nquads).unwrap();
    let quads: Vec<oxrdf::Quad> =
        oxttl::NQuadsParser::new().for_reader(text.as_bytes()).collect::<Result<_, _>>().expect("the N-Quads parse");
    assert!(quads.len() > 100_000, "the whole corpus: {} quads", quads.len());

    // One description per actor: every label of a shared actor is in the actors graph, once.
    let mut labels: BTreeMap<String, usize> = BTreeMap::new();
    for q in quads.iter().filter(|q| q.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#label") {
        let shared = q.subject.to_string().contains("/entity/") && !q.subject.to_string().contains("/entity/local-");
        if shared {
            assert_eq!(q.graph_name.to_string(), format!("<{ACTORS}>"), "described outside the actors graph: {q}");
            *labels.entry(q.to_string()).or_default() += 1;
        }
    }
    assert!(labels.len() > 500, "the corpus names many actors: {}", labels.len());
    let twice: Vec<_> = labels.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "described more than once: {twice:?}");
    assert!(quads.iter().any(|q| matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_str() == ACTORS)));

    let server = Served::start(&dir.join("store"), &nquads);
    let mut queries: Vec<_> = std::fs::read_dir(repo("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    assert!(queries.len() >= 6, "{queries:?}");
    for path in &queries {
        let sparql = std::fs::read_to_string(path).unwrap();
        // The best of two runs: the first may pay for a cold cache on a shared machine.
        let (rows, first) = server.query(&sparql);
        let (again, second) = server.query(&sparql);
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(rows, again, "{name}: the same rows twice");
        assert!(!rows.is_empty(), "{name}: no rows on the server");
        let took = first.min(second);
        assert!(took < Duration::from_secs(1), "{name}: {took:?} on the shared corpus");
        eprintln!("{name}: {} row(s) in {took:?}", rows.len());
    }

    let expected = weapons_shipments(&quads);
    assert!(expected.len() >= 3, "the seed and dev sets ship weapons: {expected:?}");
    let (rows, _) = server.query(&std::fs::read_to_string(repo("queries/weapons-shipments.rq")).unwrap());
    let answered: BTreeSet<String> =
        rows.iter().map(|r| r.split('\t').next().unwrap().trim_matches(['<', '>']).to_string()).collect();
    assert_eq!(rows.len(), expected.len(), "one row per weapons shipment: {rows:#?}");
    assert_eq!(answered, expected);
}
