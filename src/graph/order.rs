//! The order triples are written in: by subject, `rdf:type` first, then predicate and object, each
//! term compared as its N-Triples form. The forms of a graph's triples are written once into one
//! buffer, straight from the terms' strings, and the triples sorted by them.

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{LiteralRef, NamedOrBlankNodeRef, TermRef, Triple};
use std::fmt::Write;

/// Sorts triples for output: by subject, with `rdf:type` first, then predicate and object (each
/// as its N-Triples form), and drops duplicates.
pub fn sort_triples(triples: &mut Vec<Triple>) {
    let mut keys = String::with_capacity(KEY_BYTES_A_TRIPLE * triples.len());
    let mut bounds = Vec::with_capacity(triples.len() + 1);
    for t in triples.iter() {
        bounds.push(keys.len());
        write_key(t, &mut keys);
    }
    bounds.push(keys.len());
    let mut order: Vec<(&[u8], usize)> =
        bounds.windows(2).enumerate().map(|(i, b)| (&keys.as_bytes()[b[0]..b[1]], i)).collect();
    order.sort_unstable();
    let sources: Vec<usize> = order.iter().map(|&(_, i)| i).collect();
    drop(order);
    permute(triples, &sources);
    triples.dedup();
}

/// About the bytes of a triple's sort key (three IRIs or two and a literal): room made at once.
const KEY_BYTES_A_TRIPLE: usize = 160;

/// Moves the items in place so that place `k` holds the one that was at `sources[k]` (each place
/// named once), one cycle of moves at a time.
fn permute<T>(items: &mut [T], sources: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let source = sources[k];
            if source == start {
                break;
            }
            items.swap(k, source);
            k = source;
        }
    }
}

/// Writes the key a triple sorts by: its subject's form, NUL, `0` for `rdf:type` (else `1`), the
/// predicate's form, NUL, the object's form. No form holds a NUL (N-Triples escapes control
/// characters), so the keys sort as the tuples (subject, not `rdf:type`, predicate, object) of
/// the forms do: a form that ends where another goes on sorts first in both.
fn write_key(t: &Triple, out: &mut String) {
    match t.subject.as_ref() {
        NamedOrBlankNodeRef::NamedNode(n) => iri(n.as_str(), out),
        NamedOrBlankNodeRef::BlankNode(b) => {
            let _ = write!(out, "{b}");
        }
    }
    out.push('\0');
    out.push(if t.predicate == rdf::TYPE { '0' } else { '1' });
    iri(t.predicate.as_str(), out);
    out.push('\0');
    match t.object.as_ref() {
        TermRef::NamedNode(n) => iri(n.as_str(), out),
        TermRef::Literal(l) => literal(l, out),
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// An IRI's N-Triples form.
fn iri(iri: &str, out: &mut String) {
    out.push('<');
    out.push_str(iri);
    out.push('>');
}

/// A literal's N-Triples form; one with a character to escape is written by `oxrdf` itself.
fn literal(l: LiteralRef<'_>, out: &mut String) {
    if l.value().chars().any(escaped) {
        let _ = write!(out, "{l}");
        return;
    }
    out.push('"');
    out.push_str(l.value());
    out.push('"');
    if let Some(language) = l.language() {
        out.push('@');
        out.push_str(language);
    } else if l.datatype() != xsd::STRING {
        out.push_str("^^");
        iri(l.datatype().as_str(), out);
    }
}

/// A character N-Triples writes escaped in a literal (`oxrdf::literal::print_quoted_str`).
fn escaped(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}' | '"' | '\\' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{BlankNode, Literal, NamedNode, Term};

    /// The order as the forms of the terms give it, written by `oxrdf`.
    fn by_forms(triples: &mut Vec<Triple>) {
        triples.sort_by_cached_key(|t| {
            (t.subject.to_string(), t.predicate != rdf::TYPE, t.predicate.to_string(), t.object.to_string())
        });
        triples.dedup();
    }

    #[test]
    fn permute_puts_each_item_where_its_source_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[1, 0], &[2, 0, 1, 3], &[4, 3, 0, 1, 2, 6, 5]];
        for sources in orders {
            let mut items: Vec<usize> = (0..sources.len()).map(|k| k * 10).collect();
            permute(&mut items, sources);
            assert_eq!(items, sources.iter().map(|s| s * 10).collect::<Vec<_>>(), "{sources:?}");
        }
    }

    #[test]
    fn triples_sort_as_their_forms_do() {
        let node = |s: &str| NamedNode::new_unchecked(format!("http://x.org/{s}"));
        let subjects = ["a", "a/b", "a-b", "a>", "ab", "a#1", "a.b", ""];
        let objects: Vec<Term> = vec![
            node("a").into(),
            node("a/").into(),
            node("a b").into(),
            BlankNode::new_unchecked("b1").into(),
            Literal::new_simple_literal("x").into(),
            Literal::new_simple_literal("x\"y").into(),
            Literal::new_simple_literal("x\ny").into(),
            Literal::new_simple_literal("x\\").into(),
            Literal::new_simple_literal("").into(),
            Literal::new_simple_literal("Zoë \u{7F}").into(),
            Literal::new_language_tagged_literal_unchecked("x", "de").into(),
            Literal::new_language_tagged_literal_unchecked("x", "de-at").into(),
            Literal::new_typed_literal("1", xsd::INTEGER).into(),
            Literal::new_typed_literal("1", xsd::STRING).into(),
            Literal::new_typed_literal("10", xsd::INTEGER).into(),
        ];
        let predicates = [rdf::TYPE.into_owned(), node("p"), node("p/q"), node("a")];
        let mut triples = Vec::new();
        let mut x = 7u64;
        for round in 0..3 {
            for s in subjects {
                for p in &predicates {
                    for o in &objects {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        if !(x >> 33).is_multiple_of(3) || round == 0 {
                            triples.push(Triple::new(node(s), p.clone(), o.clone()));
                        }
                    }
                }
            }
        }
        triples.push(Triple::new(BlankNode::new_unchecked("z"), node("p"), node("a")));
        let mut expected = triples.clone();
        by_forms(&mut expected);
        sort_triples(&mut triples);
        assert_eq!(triples, expected);
        assert!(triples.len() < 3 * subjects.len() * predicates.len() * objects.len());
    }
}
