//! The Rust vocabulary, `ontology/kgx.ttl` and the exports use the same `kgx:` terms.

use crate::common::repo;
use kgexport::vocab::{KGX, kgx};
use oxrdf::{NamedOrBlankNode, Term};
use oxttl::{NTriplesParser, TurtleParser};
use std::collections::BTreeSet;

fn declared() -> BTreeSet<String> {
    let bytes = std::fs::read(repo("ontology/kgx.ttl")).unwrap();
    TurtleParser::new()
        .for_slice(&bytes)
        .filter_map(|t| match t.expect("kgx.ttl parses").subject {
            NamedOrBlankNode::NamedNode(n) => {
                n.as_str().strip_prefix(KGX).filter(|l| !l.is_empty()).map(str::to_string)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn code_and_ontology_declare_the_same_terms() {
    let in_code: BTreeSet<String> = kgx::ALL.iter().map(|s| s.to_string()).collect();
    let in_ontology = declared();
    let missing: Vec<_> = in_code.difference(&in_ontology).collect();
    let extra: Vec<_> = in_ontology.difference(&in_code).collect();
    assert!(missing.is_empty(), "constants not declared in kgx.ttl: {missing:?}");
    assert!(extra.is_empty(), "kgx.ttl terms without a constant in src/vocab.rs: {extra:?}");
}

#[test]
fn every_kgx_term_in_the_exports_is_declared() {
    let declared = declared();
    let bytes = std::fs::read(repo("exports/kg.nt")).unwrap();
    let mut used = BTreeSet::new();
    for t in NTriplesParser::new().for_slice(&bytes) {
        let t = t.unwrap();
        used.insert(t.predicate.as_str().to_string());
        if let Term::NamedNode(n) = t.object {
            used.insert(n.as_str().to_string());
        }
    }
    let undeclared: Vec<_> =
        used.iter().filter_map(|i| i.strip_prefix(KGX)).filter(|l| !declared.contains(*l)).collect();
    assert!(undeclared.is_empty(), "undeclared kgx: terms in exports: {undeclared:?}");
}

#[test]
fn every_ontology_file_parses() {
    for file in ["ontology/kgx.ttl", "ontology/alignments.ttl", "ontology/shapes.ttl"] {
        let bytes = std::fs::read(repo(file)).unwrap();
        let n = TurtleParser::new()
            .for_slice(&bytes)
            .inspect(|t| {
                if let Err(e) = t {
                    panic!("{file}: {e}")
                }
            })
            .count();
        assert!(n > 50, "{file} has {n} triples");
    }
    let context: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo("ontology/context.jsonld")).unwrap()).unwrap();
    assert_eq!(context["@context"]["@version"], 1.1);
}
