//! GraphViz DOT. The article view (`--view article`, the default up to [`ARTICLE_VIEW_LIMIT`]
//! articles with events): actors as boxes (states doubled), places as houses, events as ellipses
//! labelled with who, where and when and styled by factuality, claims as notes, happenings as
//! nodes linking their reports, one cluster per article that has an event or claim, a legend.
//! Beyond the limit, or with `--view network`, the network view of `dot_network.rs`. Written
//! deterministically from a petgraph view whose nodes and edges are inserted in sorted order.

use super::records::{self, EventRecord, Records};
use super::{Options, View, network};
use crate::graph::{ArticleGraph, Base};
use crate::vocab::kgx;
use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{Term, Triple};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Without `--view`, runs with more articles that have events than this get the network view:
/// the article view draws a cluster per article, and Graphviz `dot` lays out clusters slowly.
pub const ARTICLE_VIEW_LIMIT: usize = 100;

/// What a drawn node is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    State,
    Actor,
    Place,
    Event { factuality: String },
    Claim { affirms: bool },
    Happening,
}

#[derive(Clone, Debug)]
struct DotNode {
    iri: String,
    label: String,
    shape: Shape,
    tooltip: String,
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

/// Writes the graphs as one DOT digraph, in the view asked for (or chosen by size).
///
/// # Errors
/// When the writer fails, or `--focus` names no actor.
pub fn write(graphs: &[ArticleGraph], base: &Base, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let records = records::read(graphs);
    let with_events = records.events.iter().map(|e| &e.article).collect::<std::collections::BTreeSet<_>>().len();
    let network_view = match options.view {
        Some(View::Network) => true,
        Some(View::Article) => false,
        None => {
            with_events > ARTICLE_VIEW_LIMIT
                || options.focus.is_some()
                || options.since.is_some()
                || options.until.is_some()
        }
    };
    if network_view {
        return super::dot_network::write(&network::build(&records, options)?, out);
    }
    let (view, clusters) = build_view(graphs, base, &records);
    writeln!(out, "digraph kgexport {{")?;
    writeln!(out, "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", labelloc=t, label=\"kgexport\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for index in view.node_indices().filter(|&i| view[i].cluster.is_none()) {
        write_node(out, &view[index], "  ")?;
    }
    let mut by_cluster: BTreeMap<&str, Vec<NodeIndex>> = BTreeMap::new();
    for i in view.node_indices() {
        if let Some(c) = &view[i].cluster {
            by_cluster.entry(c.as_str()).or_default().push(i);
        }
    }
    for (article, title) in &clusters {
        let Some(members) = by_cluster.remove(article.as_str()) else { continue };
        writeln!(out, "  subgraph \"cluster_{}\" {{", escape(article))?;
        writeln!(out, "    label=\"{}\"; style=rounded; color=gray60;", label(title))?;
        for index in members {
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
    write_legend(out)?;
    writeln!(out, "}}")
}

/// The legend of the article view: a cluster of sample nodes.
fn write_legend(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(out, "    label=\"Legend\"; style=rounded; color=gray50;")?;
    let samples: [(&str, Shape); 11] = [
        ("state", Shape::State),
        ("person or organisation", Shape::Actor),
        ("place", Shape::Place),
        ("event, asserted or reported", Shape::Event { factuality: "Asserted".into() }),
        ("event, planned", Shape::Event { factuality: "Planned".into() }),
        ("event, disputed or denied", Shape::Event { factuality: "Disputed".into() }),
        ("event, cancelled or refused", Shape::Event { factuality: "Cancelled".into() }),
        ("claim that affirms", Shape::Claim { affirms: true }),
        ("claim that denies", Shape::Claim { affirms: false }),
        ("happening: one thing, many reports", Shape::Happening),
        ("", Shape::Actor),
    ];
    for (i, (label, shape)) in samples.into_iter().enumerate().filter(|(_, (l, _))| !l.is_empty()) {
        let node = DotNode {
            iri: format!("legend:{i}"),
            label: label.to_string(),
            shape,
            tooltip: label.to_string(),
            cluster: None,
        };
        write_node(out, &node, "    ")?;
    }
    writeln!(out, "  }}")
}

fn write_node(out: &mut dyn Write, n: &DotNode, indent: &str) -> io::Result<()> {
    let attrs = match &n.shape {
        Shape::State => "shape=box, peripheries=2".to_string(),
        Shape::Actor => "shape=box".to_string(),
        Shape::Place => "shape=house".to_string(),
        Shape::Happening => "shape=octagon, style=filled, fillcolor=\"#e8eaf6\", fontsize=8".to_string(),
        Shape::Claim { affirms } => format!("shape=note, color={}", if *affirms { "darkgreen" } else { "red3" }),
        Shape::Event { factuality } => match factuality.as_str() {
            "Disputed" | "Denied" => "shape=ellipse, style=dashed, color=red3".to_string(),
            "Planned" | "Hypothetical" => "shape=ellipse, style=dotted".to_string(),
            "Cancelled" | "Refused" => "shape=ellipse, style=dashed, color=gray50".to_string(),
            _ => "shape=ellipse".to_string(),
        },
    };
    writeln!(
        out,
        "{indent}\"{}\" [label=\"{}\", {attrs}, tooltip=\"{}\"];",
        escape(&n.iri),
        label(&n.label),
        tooltip(&n.tooltip)
    )
}

/// An event's label: class, who and whom; where and when; factuality
/// ("Visit · Sergey Lavrov → Pyongyang", "2023-10-18", "[Asserted]").
fn event_label(e: &EventRecord, records: &Records) -> String {
    let names = |roles: &[&str]| -> String {
        let all: Vec<&str> = roles.iter().flat_map(|r| e.fillers(r)).map(|iri| records.label(iri)).collect();
        let mut shown: Vec<String> = all.iter().take(3).map(|l| shorten(l, 28)).collect();
        if all.len() > 3 {
            shown.push(format!("+{}", all.len() - 3));
        }
        shown.join(", ")
    };
    let class = e.class();
    let (who, whom) = match class {
        "Visit" => (names(&["visitor"]), names(&["host", "destination"])),
        "Invitation" => (names(&["inviter"]), names(&["invitee"])),
        "Shipment" => (names(&["supplier"]), names(&["recipient"])),
        "Meeting" => (names(&["participant"]), String::new()),
        _ => (names(&["participant", "visitor", "inviter", "supplier"]), String::new()),
    };
    let mut first = class.to_string();
    match (who.is_empty(), whom.is_empty()) {
        (true, true) => {}
        (false, true) => first.push_str(&format!(" · {who}")),
        (who_missing, false) => first.push_str(&format!(" · {} → {whom}", if who_missing { "?" } else { &who })),
    }
    let mut second = Vec::new();
    let place = names(&["location"]);
    if !place.is_empty() {
        second.push(format!("in {place}"));
    }
    if class == "Shipment" {
        let (from, to) = (names(&["origin"]), names(&["destination"]));
        if !from.is_empty() {
            second.push(format!("from {from}"));
        }
        if !to.is_empty() {
            second.push(format!("to {to}"));
        }
    }
    if let Some(when) = &e.when {
        second.push(when.clone());
    }
    let second = if second.is_empty() { String::new() } else { format!("\n{}", second.join(" · ")) };
    format!("{first}{second}\n[{}]", e.factuality)
}

/// A text cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Builds the drawn view: nodes sorted by kind and IRI, edges sorted.
fn build_view(
    graphs: &[ArticleGraph],
    base: &Base,
    records: &Records,
) -> (DiGraph<DotNode, DotEdge>, Vec<(String, String)>) {
    let events: BTreeMap<&str, &EventRecord> = records.events.iter().map(|e| (e.iri.as_str(), e)).collect();
    let claims: BTreeMap<&str, Option<&String>> =
        records.events.iter().flat_map(|e| e.claims.iter().map(|c| (c.iri.as_str(), c.evidence.as_ref()))).collect();
    let mut nodes: BTreeMap<String, DotNode> = BTreeMap::new();
    let mut edges: Vec<EdgeSpec> = Vec::new();
    let mut clusters = Vec::new();
    for g in graphs {
        let article = g.key().to_string();
        let triples = g.all_triples();
        let by_subject = records::group(&triples);
        let title =
            triples.iter().find(|t| t.predicate.as_str() == "https://schema.org/headline").and_then(|t| {
                match &t.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                }
            });
        clusters.push((
            article.clone(),
            format!("article/{article}{}", title.map(|t| format!(": {}", shorten(&t, 80))).unwrap_or_default()),
        ));
        for (iri, ts) in &by_subject {
            let class = ts.iter().find(|t| t.predicate == rdf::TYPE).and_then(|t| local(&t.object));
            let Some(class) = class else { continue };
            let short = relative(iri, base);
            let quote = |q: Option<&String>| q.map(|q| format!("«{}»", shorten(q, 300))).unwrap_or_default();
            let (shape, cluster, label, tooltip) = match class.as_str() {
                "State" => (Shape::State, None, label_of(ts).unwrap_or_else(|| short.clone()), short.clone()),
                "Person" | "Government" | "NewsAgency" | "Organization" | "IntergovernmentalOrganization" | "Group" => {
                    (Shape::Actor, None, label_of(ts).unwrap_or_else(|| short.clone()), short.clone())
                }
                "Place" => (Shape::Place, None, label_of(ts).unwrap_or_else(|| short.clone()), short.clone()),
                "Happening" => (Shape::Happening, None, format!("happening\n{}", records::local(iri)), short.clone()),
                "Claim" => {
                    let affirms = value(ts, kgx::STANCE.as_str()).as_deref() == Some("Affirms");
                    let label = format!("claim\n{}", if affirms { "affirms" } else { "denies" });
                    let tooltip = quote(claims.get(iri).copied().flatten());
                    (Shape::Claim { affirms }, Some(article.clone()), label, tooltip)
                }
                _ => match events.get(iri) {
                    Some(e) => (
                        Shape::Event { factuality: e.factuality.clone() },
                        Some(article.clone()),
                        event_label(e, records),
                        quote(e.evidence.as_ref()),
                    ),
                    None => continue,
                },
            };
            nodes.entry(short.clone()).or_insert(DotNode {
                iri: short.clone(),
                label,
                shape: shape.clone(),
                tooltip,
                cluster,
            });
            for t in ts.iter() {
                let Term::NamedNode(object) = &t.object else {
                    continue;
                };
                let target = relative(object.as_str(), base);
                let p = t.predicate.as_str().strip_prefix(crate::vocab::KGX).unwrap_or("");
                let disputed =
                    matches!(&shape, Shape::Event { factuality } if factuality == "Disputed" || factuality == "Denied");
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
                } else if p == "happening" {
                    edges.push((short.clone(), target, "reports".into(), Some("\"#5c6bc0\""), Some("dotted")));
                }
            }
        }
    }
    // Only nodes that take part in an edge are drawn, except events and claims.
    let mut view = DiGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    edges.sort();
    edges.dedup();
    let linked: std::collections::BTreeSet<&str> =
        edges.iter().flat_map(|(a, b, ..)| [a.as_str(), b.as_str()]).collect();
    let mut ordered: Vec<&DotNode> = nodes.values().collect();
    ordered.sort_by_key(|n| (n.cluster.is_some(), matches!(n.shape, Shape::Claim { .. }), n.iri.clone()));
    // A happening is drawn when it links two reports or more.
    let mut reports: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, to, label, ..) in &edges {
        if label == "reports" {
            *reports.entry(to.as_str()).or_default() += 1;
        }
    }
    for n in ordered {
        if n.shape == Shape::Happening && reports.get(n.iri.as_str()).copied().unwrap_or(0) < 2 {
            continue;
        }
        if linked.contains(n.iri.as_str()) || n.cluster.is_some() {
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

/// The label of a subject, English first.
fn label_of(ts: &[&Triple]) -> Option<String> {
    ts.iter()
        .filter(|t| t.predicate == rdfs::LABEL)
        .filter_map(|t| match &t.object {
            Term::Literal(l) => Some((l.language().unwrap_or("") != "en", l.value().to_string())),
            _ => None,
        })
        .min()
        .map(|(_, v)| v)
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

fn relative(iri: &str, base: &Base) -> String {
    iri.strip_prefix(base.as_str()).unwrap_or(iri).to_string()
}

/// Escapes a DOT string: backslashes, quotes, and line breaks as `\n`.
/// The longest label drawn, in characters; a longer one is cut and ends in an ellipsis.
const MAX_LABEL: usize = 200;

/// The longest tooltip, in characters: an evidence sentence fits, a runaway text does not.
const MAX_TOOLTIP: usize = 1000;

/// A label: cut to `MAX_LABEL` characters (Graphviz refuses very long ones), then escaped.
pub(crate) fn label(text: &str) -> String {
    cut(text, MAX_LABEL)
}

/// A tooltip: cut to `MAX_TOOLTIP` characters, then escaped.
pub(crate) fn tooltip(text: &str) -> String {
    cut(text, MAX_TOOLTIP)
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().nth(max).is_none() {
        return escape(text);
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    escape(&cut)
}

/// The text of a quoted DOT string: quotes and backslashes escaped, a line break as `\n`, a
/// carriage return dropped, every other control character (NUL, tab, escape …) a space.
pub(crate) fn escape(text: &str) -> String {
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
