//! JSON-LD 1.1: compacted against `ontology/context.jsonld`, embedded, one node per subject.
//!
//! The compaction is driven by the context's own term definitions, so the document and the
//! context cannot drift apart: a predicate without a term is written as a full IRI.

use crate::graph::Base;
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{Literal, NamedOrBlankNode, Term, Triple};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::LazyLock;

/// The context file, embedded verbatim in every document.
pub const CONTEXT: &str = include_str!("../../ontology/context.jsonld");

/// How a context term writes its values.
#[derive(Debug, Clone)]
struct TermDef {
    term: String,
    /// `@id`, `@vocab`, or an expanded datatype IRI.
    coerce: Option<String>,
    language_map: bool,
}

struct Context {
    document: Value,
    vocab: String,
    prefixes: Vec<(String, String)>,
    /// Expanded property IRI → term.
    terms: BTreeMap<String, TermDef>,
    /// Expanded class IRI → term used for it.
    classes: BTreeMap<String, String>,
}

static PARSED: LazyLock<Context> = LazyLock::new(|| parse_context(CONTEXT));

fn parse_context(source: &str) -> Context {
    let document: Value = serde_json::from_str(source).expect("ontology/context.jsonld is valid JSON (tests check it)");
    let ctx = document["@context"].as_object().expect("@context is an object");
    let vocab = ctx.get("@vocab").and_then(Value::as_str).unwrap_or_default().to_string();
    let prefixes: Vec<(String, String)> = ctx
        .iter()
        .filter_map(|(k, v)| {
            v.as_str()
                .filter(|s| !k.starts_with('@') && (s.ends_with('/') || s.ends_with('#')))
                .map(|s| (k.clone(), s.to_string()))
        })
        .collect();
    let expand = |s: &str| -> String {
        if let Some((p, local)) = s.split_once(':') {
            if let Some((_, ns)) = prefixes.iter().find(|(k, _)| k == p) {
                return format!("{ns}{local}");
            }
            if s.contains("://") {
                return s.to_string();
            }
        }
        if s.starts_with('@') { s.to_string() } else { format!("{vocab}{s}") }
    };
    let mut terms = BTreeMap::new();
    let mut classes = BTreeMap::new();
    for (term, def) in ctx {
        if term.starts_with('@') || prefixes.iter().any(|(k, _)| k == term) {
            continue;
        }
        let (id, coerce, language_map) = match def {
            Value::String(s) => (expand(s), None, false),
            Value::Object(o) => (
                o.get("@id").and_then(Value::as_str).map_or_else(|| expand(term), &expand),
                o.get("@type")
                    .and_then(Value::as_str)
                    .map(|t| if t.starts_with('@') { t.to_string() } else { expand(t) }),
                o.get("@container").and_then(Value::as_str) == Some("@language"),
            ),
            _ => continue,
        };
        if id.starts_with('@') {
            continue;
        }
        if term.chars().next().is_some_and(char::is_uppercase) {
            classes.insert(id.clone(), term.clone());
        }
        terms.entry(id).or_insert(TermDef { term: term.clone(), coerce, language_map });
    }
    Context { document, vocab, prefixes, terms, classes }
}

impl Context {
    fn compact_iri(&self, iri: &str) -> String {
        self.prefixes
            .iter()
            .filter(|(_, ns)| iri.starts_with(ns.as_str()) && iri.len() > ns.len())
            .max_by_key(|(_, ns)| ns.len())
            .map_or_else(|| iri.to_string(), |(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
    }

    fn key_for(&self, predicate: &str) -> (String, Option<&TermDef>) {
        match self.terms.get(predicate) {
            Some(def) => (def.term.clone(), Some(def)),
            None => (self.compact_iri(predicate), None),
        }
    }

    fn type_value(&self, class: &str) -> String {
        if let Some(term) = self.classes.get(class) {
            return term.clone();
        }
        match class.strip_prefix(self.vocab.as_str()) {
            Some(local) if !local.contains(['/', '#', ':']) => local.to_string(),
            _ => self.compact_iri(class),
        }
    }

    fn object_value(&self, object: &Term, def: Option<&TermDef>) -> Value {
        let coerce = def.and_then(|d| d.coerce.as_deref());
        match object {
            Term::NamedNode(n) => match coerce {
                Some("@id") => json!(n.as_str()),
                Some("@vocab") => match n.as_str().strip_prefix(self.vocab.as_str()) {
                    Some(local) if !local.contains(['/', '#', ':']) => json!(local),
                    _ => json!(n.as_str()),
                },
                _ => json!({"@id": n.as_str()}),
            },
            Term::BlankNode(b) => json!({"@id": format!("_:{}", b.as_str())}),
            Term::Literal(l) => self.literal_value(l, coerce),
            #[allow(unreachable_patterns)]
            _ => json!(object.to_string()),
        }
    }

    fn literal_value(&self, l: &Literal, coerce: Option<&str>) -> Value {
        if let Some(lang) = l.language() {
            return json!({"@value": l.value(), "@language": lang});
        }
        let datatype = l.datatype().as_str();
        if coerce == Some(datatype) || (coerce.is_none() && l.datatype() == xsd::STRING) {
            json!(l.value())
        } else {
            json!({"@value": l.value(), "@type": self.compact_iri(datatype)})
        }
    }
}

/// Writes sorted triples as one compacted JSON-LD document.
pub fn write(triples: &[Triple], _base: &Base, out: &mut dyn Write) -> io::Result<()> {
    let ctx = &*PARSED;
    let mut nodes: Vec<Value> = Vec::new();
    let mut start = 0;
    while start < triples.len() {
        let subject = &triples[start].subject;
        let end = start + triples[start..].iter().take_while(|t| &t.subject == subject).count();
        nodes.push(node(ctx, subject, &triples[start..end]));
        start = end;
    }
    let mut document = Map::new();
    document.insert("@context".into(), ctx.document["@context"].clone());
    document.insert("graph".into(), Value::Array(nodes));
    serde_json::to_writer_pretty(&mut *out, &Value::Object(document)).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

fn node(ctx: &Context, subject: &NamedOrBlankNode, triples: &[Triple]) -> Value {
    let mut map = Map::new();
    let id = match subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        #[allow(unreachable_patterns)]
        _ => subject.to_string(),
    };
    map.insert("id".into(), json!(id));
    let types: Vec<Value> = triples
        .iter()
        .filter(|t| t.predicate == rdf::TYPE)
        .filter_map(|t| match &t.object {
            Term::NamedNode(n) => Some(json!(ctx.type_value(n.as_str()))),
            _ => None,
        })
        .collect();
    if !types.is_empty() {
        map.insert("type".into(), one_or_many(types));
    }
    let mut by_key: BTreeMap<String, (Option<&TermDef>, Vec<&Term>)> = BTreeMap::new();
    for t in triples.iter().filter(|t| t.predicate != rdf::TYPE) {
        let (key, def) = ctx.key_for(t.predicate.as_str());
        by_key.entry(key).or_insert((def, Vec::new())).1.push(&t.object);
    }
    for (key, (def, objects)) in by_key {
        let value = if def.is_some_and(|d| d.language_map)
            && objects.iter().all(|o| matches!(o, Term::Literal(l) if l.language().is_some()))
        {
            let mut langs: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for o in objects {
                if let Term::Literal(l) = o {
                    langs.entry(l.language().unwrap_or_default().to_string()).or_default().push(json!(l.value()));
                }
            }
            Value::Object(langs.into_iter().map(|(k, v)| (k, one_or_many(v))).collect())
        } else {
            one_or_many(objects.iter().map(|o| ctx.object_value(o, def)).collect())
        };
        map.insert(key, value);
    }
    Value::Object(map)
}

fn one_or_many(mut values: Vec<Value>) -> Value {
    if values.len() == 1 { values.remove(0) } else { Value::Array(values) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_context_defines_the_main_terms() {
        let ctx = &*PARSED;
        assert_eq!(ctx.key_for("https://w3id.org/kgexport/ns#visitor").0, "visitor");
        assert_eq!(ctx.key_for("http://www.w3.org/2000/01/rdf-schema#label").0, "label");
        assert_eq!(ctx.type_value("https://w3id.org/kgexport/ns#Visit"), "Visit");
        assert_eq!(ctx.compact_iri("http://www.w3.org/2001/XMLSchema#gYearMonth"), "xsd:gYearMonth");
    }
}
