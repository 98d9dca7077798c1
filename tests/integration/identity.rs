//! Cross-article identity: an actor the gazetteer does not know is one node across articles by
//! its full name; a surname alone stays inside its article.

use crate::common::{kgexport_in, scratch, stderr};
use std::collections::BTreeSet;
use std::fs;

/// The IRIs of subjects labelled `label` in the N-Triples.
fn labelled(nt: &str, label: &str) -> BTreeSet<String> {
    nt.lines()
        .filter(|l| l.contains("rdf-schema#label") && l.contains(&format!("\"{label}\"")))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn one_full_name_is_one_node_in_two_articles_and_a_surname_alone_is_not() {
    let dir = scratch("identity");
    fs::write(dir.join("a.txt"), "date: 2024-05-02\nlang: de\n\nAna Ruiz besuchte am Montag Madrid.\n").unwrap();
    fs::write(dir.join("b.txt"), "date: 2024-05-09\nlang: de\n\nAm Freitag traf Ana Ruiz in Lima ein.\n").unwrap();
    fs::write(dir.join("c.txt"), "date: 2024-05-10\nlang: de\n\nDie Ministerin Ruiz besuchte am Montag Quito.\n")
        .unwrap();
    fs::write(dir.join("d.txt"), "date: 2024-05-11\nlang: de\n\nMinisterin Ruiz besuchte am Montag Quito.\n").unwrap();
    let out = kgexport_in(&dir, &["-f", "nt", "-o", "-", "a.txt", "b.txt", "c.txt", "d.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let nt = String::from_utf8_lossy(&out.stdout);
    let full = labelled(&nt, "Ana Ruiz");
    assert_eq!(full.len(), 1, "{full:?}");
    assert!(full.iter().all(|iri| iri.contains("/entity/named-person-ana-ruiz")), "{full:?}");
    let alone = labelled(&nt, "Ruiz");
    assert_eq!(alone.len(), 2, "a surname alone is a node of its own article: {alone:?}");
    assert!(alone.iter().all(|iri| iri.contains("/entity/local-")), "{alone:?}");
}
