//! `--gazetteer FILE`: a user's rows merged over the built-in gazetteer, and bad rows refused.

use crate::common::{kgexport_in, scratch, stderr};
use std::fs;

const ARTICLE: &str = "date: 2024-05-02\nlang: de\n\nAna Quintero besuchte am Montag Madrid.\n";
const PERSONS: &str = "key\tlabel_de\tlabel_en\tiso3\tforms\tsurnames\n";

fn ntriples(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_users_person_gets_the_curated_identity_and_country() {
    let dir = scratch("gazetteer-person");
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(
        dir.join("persons.tsv"),
        format!("{PERSONS}ana-quintero\tAna Quintero\tAna Quintero\tCOL\tAna Quintero\tQuintero\n"),
    )
    .unwrap();
    let plain = kgexport_in(&dir, &["-f", "nt", "-o", "-", "a.txt"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(!ntriples(&plain).contains("entity/person-ana-quintero"));
    let with = kgexport_in(&dir, &["-f", "nt", "-o", "-", "--gazetteer", "persons.tsv", "a.txt"]);
    assert!(with.status.success(), "{}", stderr(&with));
    let nt = ntriples(&with);
    assert!(
        nt.contains("<https://w3id.org/kgexport/id/entity/person-ana-quintero> <https://w3id.org/kgexport/ns#country> <https://w3id.org/kgexport/id/entity/state-col>"),
        "{nt}"
    );
}

#[test]
fn a_bad_row_names_the_file_and_line_and_nothing_is_written() {
    let dir = scratch("gazetteer-bad");
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(
        dir.join("persons.tsv"),
        format!("{PERSONS}ana-quintero\tAna Quintero\tAna Quintero\tCOL\tAna Quintero\t\nluis-vega\tLuis Vega\tLuis Vega\tXXX\tLuis Vega\t\n"),
    )
    .unwrap();
    let out = kgexport_in(&dir, &["-f", "ttl", "-o", "kg.ttl", "--gazetteer", "persons.tsv", "a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("persons.tsv:3:") && err.contains("XXX"), "{err}");
    assert!(!dir.join("kg.ttl").exists(), "no output on a bad gazetteer");

    fs::write(dir.join("short.tsv"), format!("{PERSONS}ana-quintero\tAna Quintero\n")).unwrap();
    let out = kgexport_in(&dir, &["-f", "nt", "-o", "-", "--gazetteer", "short.tsv", "a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("short.tsv:2:"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}
