//! GraphViz DOT: actors as boxes (states doubled), places as houses, events as ellipses styled by
//! factuality, claims as notes; one cluster per article. Written deterministically from a
//! petgraph view whose nodes and edges are inserted in sorted order.

use crate::graph::{ArticleGraph, Base};
use crate::vocab::kgx;
use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// What a drawn node is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    State,
    Actor,
    Place,
    Event { class: String, when: Option<String>, factuality: String },
    Claim { affirms: bool },
}

#[derive(Clone, Debug)]
struct DotNode {
    iri: String,
    label: String,
    shape: Shape,
    /// The article cluster it belongs to (events and claims), if any.
    cluster: Option<String>,
}

#[derive(Clone, Debug)]
struct DotEdge {
    label: String,
    color: Option<&'static str>,
    style: Option<&'static str>,
}

const ROLES: &[(&str, &str)] = &[
    ("destination", "destination"),
    ("host", "host"),
    ("invitee", "invitee"),
    ("inviter", "inviter"),
    ("location", "location"),
    ("near", "near"),
    ("origin", "origin"),
    ("participant", "participant"),
    ("recipient", "recipient"),
    ("supplier", "supplier"),
    ("vesselFlag", "vessel flag"),
    ("visitor", "visitor"),
];

/// An edge before insertion: from, to, label, colour, style.
type EdgeSpec = (String, String, String, Option<&'static str>, Option<&'static str>);

/// Writes the graphs as one DOT digraph.
pub fn write(graphs: &[ArticleGraph], base: &Base, out: &mut dyn Write) -> io::Result<()> {
    let (view, clusters) = build_view(graphs, base);
    writeln!(out, "digraph kgexport {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=\"kgexport\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for index in view.node_indices().filter(|&i| view[i].cluster.is_none()) {
        write_node(out, &view[index], "  ")?;
    }
    for (article, title) in &clusters {
        writeln!(out, "  subgraph \"cluster_{}\" {{", escape(article))?;
        writeln!(out, "    label=\"{}\"; style=rounded; color=gray60;", label(title))?;
        for index in view.node_indices().filter(|&i| view[i].cluster.as_deref() == Some(article)) {
            write_node(out, &view[index], "    ")?;
        }
        writeln!(out, "  }}")?;
    }
    for edge in view.edge_indices() {
        let (from, to) = view.edge_endpoints(edge).expect("edge exists");
        let e = &view[edge];
        let mut attrs = vec![format!("label=\"{}\"", label(&e.label))];
        if let Some(c) = e.color {
            attrs.push(format!("color={c}"));
        }
        if let Some(s) = e.style {
            attrs.push(format!("style={s}"));
        }
        writeln!(out, "  \"{}\" -> \"{}\" [{}];", escape(&view[from].iri), escape(&view[to].iri), attrs.join(", "))?;
    }
    writeln!(out, "}}")
}

fn write_node(out: &mut dyn Write, n: &DotNode, indent: &str) -> io::Result<()> {
    let attrs = match &n.shape {
        Shape::State => "shape=box, peripheries=2".to_string(),
        Shape::Actor => "shape=box".to_string(),
        Shape::Place => "shape=house".to_string(),
        Shape::Claim { affirms } => format!("shape=note, color={}", if *affirms { "darkgreen" } else { "red3" }),
        Shape::Event { factuality, .. } => match factuality.as_str() {
            "Disputed" | "Denied" => "shape=ellipse, style=dashed, color=red3".to_string(),
            "Planned" | "Hypothetical" => "shape=ellipse, style=dotted".to_string(),
            "Cancelled" | "Refused" => "shape=ellipse, style=dashed, color=gray50".to_string(),
            _ => "shape=ellipse".to_string(),
        },
    };
    writeln!(out, "{indent}\"{}\" [label=\"{}\", {attrs}];", escape(&n.iri), label(&n.label))
}

/// Builds the drawn view: nodes sorted by kind and IRI, edges sorted.
fn build_view(graphs: &[ArticleGraph], base: &Base) -> (DiGraph<DotNode, DotEdge>, Vec<(String, String)>) {
    let mut nodes: BTreeMap<String, DotNode> = BTreeMap::new();
    let mut edges: Vec<EdgeSpec> = Vec::new();
    let mut clusters = Vec::new();
    for g in graphs {
        let article = g.key().to_string();
        let triples = g.triples();
        let by_subject = group(triples);
        let label_of = |iri: &str| -> Option<String> {
            by_subject
                .get(iri)?
                .iter()
                .filter(|t| t.predicate == rdfs::LABEL)
                .filter_map(|t| match &t.object {
                    Term::Literal(l) => Some((l.language().unwrap_or("") != "en", l.value().to_string())),
                    _ => None,
                })
                .min()
                .map(|(_, v)| v)
        };
        let title =
            triples.iter().find(|t| t.predicate.as_str() == "https://schema.org/headline").and_then(|t| {
                match &t.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                }
            });
        clusters.push((
            article.clone(),
            format!("article/{article}{}", title.map(|t| format!(": {t}")).unwrap_or_default()),
        ));
        for (iri, ts) in &by_subject {
            let class = ts.iter().find(|t| t.predicate == rdf::TYPE).and_then(|t| local(&t.object));
            let Some(class) = class else { continue };
            let short = relative(iri, base);
            let node = match class.as_str() {
                "State" => Some((Shape::State, None)),
                "Person" | "Government" | "NewsAgency" | "Organization" | "IntergovernmentalOrganization" => {
                    Some((Shape::Actor, None))
                }
                "Place" => Some((Shape::Place, None)),
                "Claim" => Some((
                    Shape::Claim { affirms: value(ts, kgx::STANCE.as_str()).as_deref() == Some("Affirms") },
                    Some(article.clone()),
                )),
                "Visit" | "Meeting" | "Invitation" | "Shipment" | "Event" => Some((
                    Shape::Event {
                        class: class.clone(),
                        when: literal(ts, kgx::WHEN.as_str()),
                        factuality: value(ts, kgx::FACTUALITY.as_str()).unwrap_or_default(),
                    },
                    Some(article.clone()),
                )),
                _ => None,
            };
            let Some((shape, cluster)) = node else {
                continue;
            };
            let label = match &shape {
                Shape::Event { class, when, factuality } => {
                    format!("{class}{}\n[{factuality}]", when.as_ref().map(|w| format!("\n{w}")).unwrap_or_default())
                }
                Shape::Claim { affirms } => {
                    format!("claim\n{}", if *affirms { "affirms" } else { "denies" })
                }
                _ => label_of(iri).unwrap_or_else(|| short.clone()),
            };
            nodes.entry(short.clone()).or_insert(DotNode { iri: short.clone(), label, shape: shape.clone(), cluster });
            for t in ts.iter() {
                let Term::NamedNode(object) = &t.object else {
                    continue;
                };
                let target = relative(object.as_str(), base);
                let p = t.predicate.as_str().strip_prefix(crate::vocab::KGX).unwrap_or("");
                let disputed = matches!(&shape, Shape::Event { factuality, .. } if factuality == "Disputed" || factuality == "Denied");
                if let Some((_, name)) = ROLES.iter().find(|(r, _)| *r == p) {
                    edges.push((short.clone(), target, name.to_string(), None, disputed.then_some("dashed")));
                } else if p == "claimTarget" {
                    let affirms = matches!(shape, Shape::Claim { affirms: true });
                    edges.push((
                        short.clone(),
                        target,
                        if affirms { "affirms" } else { "denies" }.into(),
                        Some(if affirms { "darkgreen" } else { "red3" }),
                        None,
                    ));
                } else if p == "speaker" {
                    let affirms = matches!(shape, Shape::Claim { affirms: true });
                    edges.push((
                        target,
                        short.clone(),
                        "speaker".into(),
                        Some(if affirms { "darkgreen" } else { "red3" }),
                        None,
                    ));
                } else if matches!(p, "subEventOf" | "invitedTo" | "respondsTo" | "preparesFor") {
                    edges.push((short.clone(), target, p.into(), None, Some("dotted")));
                }
            }
        }
    }
    // Only nodes that take part in an edge are drawn, except events and claims.
    let mut view = DiGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    edges.sort();
    edges.dedup();
    let mut ordered: Vec<&DotNode> = nodes.values().collect();
    ordered.sort_by_key(|n| (n.cluster.is_some(), matches!(n.shape, Shape::Claim { .. }), n.iri.clone()));
    for n in ordered {
        let linked = edges.iter().any(|(a, b, ..)| *a == n.iri || *b == n.iri);
        if linked || n.cluster.is_some() {
            index.insert(n.iri.clone(), view.add_node(n.clone()));
        }
    }
    for (from, to, label, color, style) in edges {
        if let (Some(&a), Some(&b)) = (index.get(&from), index.get(&to)) {
            view.add_edge(a, b, DotEdge { label, color, style });
        }
    }
    (view, clusters)
}

fn group(triples: &[Triple]) -> BTreeMap<String, Vec<&Triple>> {
    let mut map: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
    for t in triples {
        if let NamedOrBlankNode::NamedNode(n) = &t.subject {
            map.entry(n.as_str().to_string()).or_default().push(t);
        }
    }
    map
}

fn local(term: &Term) -> Option<String> {
    match term {
        Term::NamedNode(n) => n.as_str().strip_prefix(crate::vocab::KGX).map(str::to_string),
        _ => None,
    }
}

fn value(ts: &[&Triple], predicate: &str) -> Option<String> {
    ts.iter().find(|t| t.predicate.as_str() == predicate).and_then(|t| local(&t.object))
}

fn literal(ts: &[&Triple], predicate: &str) -> Option<String> {
    ts.iter().find(|t| t.predicate.as_str() == predicate).and_then(|t| match &t.object {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    })
}

fn relative(iri: &str, base: &Base) -> String {
    iri.strip_prefix(base.as_str()).unwrap_or(iri).to_string()
}

/// Escapes a DOT string: backslashes, quotes, and line breaks as `\n`.
/// The longest label drawn, in characters; a longer one is cut and ends in an ellipsis.
const MAX_LABEL: usize = 200;

/// A label: cut to `MAX_LABEL` characters (Graphviz refuses very long ones), then escaped.
fn label(text: &str) -> String {
    if text.chars().nth(MAX_LABEL).is_none() {
        return escape(text);
    }
    let mut cut: String = text.chars().take(MAX_LABEL - 1).collect();
    cut.push('…');
    escape(&cut)
}

/// The text of a quoted DOT string: quotes and backslashes escaped, a line break as `\n`, a
/// carriage return dropped, every other control character (NUL, tab, escape …) a space.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }

    #[test]
    fn control_characters_become_spaces_and_long_labels_are_cut() {
        assert_eq!(escape("a\0b\tc\u{1b}d\u{85}e"), "a b c d e");
        let cut = label(&"x".repeat(100_000));
        assert_eq!(cut.chars().count(), MAX_LABEL);
        assert!(cut.ends_with('…'));
        assert_eq!(label(&"y".repeat(MAX_LABEL)), "y".repeat(MAX_LABEL), "a label of the limit is kept whole");
    }
}
