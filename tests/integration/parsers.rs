//! Every export parses with oxttl and, independently, with rio_turtle, and the formats agree.

use crate::common::repo;
use oxttl::{NQuadsParser, NTriplesParser, TriGParser, TurtleParser};
use rio_api::parser::{QuadsParser, TriplesParser};
use std::collections::BTreeSet;

fn ox_turtle(path: &str) -> BTreeSet<String> {
    let bytes = std::fs::read(repo(path)).unwrap();
    TurtleParser::new().for_slice(&bytes).map(|t| t.unwrap_or_else(|e| panic!("{path}: {e}")).to_string()).collect()
}

fn ox_ntriples(path: &str) -> BTreeSet<String> {
    let bytes = std::fs::read(repo(path)).unwrap();
    NTriplesParser::new().for_slice(&bytes).map(|t| t.unwrap_or_else(|e| panic!("{path}: {e}")).to_string()).collect()
}

fn ox_quads_as_triples(path: &str, trig: bool) -> (BTreeSet<String>, BTreeSet<String>) {
    let bytes = std::fs::read(repo(path)).unwrap();
    let quads: Vec<oxrdf::Quad> = if trig {
        TriGParser::new().for_slice(&bytes).map(|q| q.unwrap_or_else(|e| panic!("{path}: {e}"))).collect()
    } else {
        NQuadsParser::new().for_slice(&bytes).map(|q| q.unwrap_or_else(|e| panic!("{path}: {e}"))).collect()
    };
    let graphs = quads.iter().map(|q| q.graph_name.to_string()).collect();
    let triples = quads.into_iter().map(|q| oxrdf::Triple::from(q).to_string()).collect();
    (triples, graphs)
}

fn rio_turtle(path: &str) -> usize {
    let bytes = std::fs::read(repo(path)).unwrap();
    let mut n = 0;
    rio_turtle::TurtleParser::new(bytes.as_slice(), None)
        .parse_all(&mut |_t| -> Result<(), rio_turtle::TurtleError> {
            n += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("rio_turtle rejects {path}: {e}"));
    n
}

fn rio_ntriples(path: &str) -> BTreeSet<String> {
    let bytes = std::fs::read(repo(path)).unwrap();
    let mut out = BTreeSet::new();
    rio_turtle::NTriplesParser::new(bytes.as_slice())
        .parse_all(&mut |t| -> Result<(), rio_turtle::TurtleError> {
            out.insert(t.to_string());
            Ok(())
        })
        .unwrap_or_else(|e| panic!("rio_turtle rejects {path}: {e}"));
    out
}

fn rio_nquads_count(path: &str, trig: bool) -> usize {
    let bytes = std::fs::read(repo(path)).unwrap();
    let mut n = 0;
    let mut count = |_q: rio_api::model::Quad<'_>| -> Result<(), rio_turtle::TurtleError> {
        n += 1;
        Ok(())
    };
    if trig {
        rio_turtle::TriGParser::new(bytes.as_slice(), None).parse_all(&mut count)
    } else {
        rio_turtle::NQuadsParser::new(bytes.as_slice()).parse_all(&mut count)
    }
    .unwrap_or_else(|e| panic!("rio_turtle rejects {path}: {e}"));
    n
}

#[test]
fn turtle_and_ntriples_hold_the_same_triples() {
    let ttl = ox_turtle("exports/kg.ttl");
    let nt = ox_ntriples("exports/kg.nt");
    assert!(ttl.len() > 100, "the seed gives a real graph, not {} triples", ttl.len());
    assert_eq!(ttl, nt);
    assert_eq!(rio_turtle("exports/kg.ttl"), ttl.len());
    // rio prints N-Triples terms the same way oxrdf does.
    assert_eq!(rio_ntriples("exports/kg.nt"), nt);
}

#[test]
fn quad_formats_put_every_triple_in_an_article_graph() {
    let nt = ox_ntriples("exports/kg.nt");
    for (path, trig) in [("exports/kg.nq", false), ("exports/kg.trig", true)] {
        let (triples, graphs) = ox_quads_as_triples(path, trig);
        assert_eq!(triples, nt, "{path} holds the same triples as kg.nt");
        assert!(graphs.iter().all(|g| g.starts_with("<https://w3id.org/kgexport/id/graph/")), "{path}: {graphs:?}");
        assert!(rio_nquads_count(path, trig) >= nt.len());
    }
}
