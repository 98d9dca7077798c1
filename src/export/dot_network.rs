//! GraphViz DOT, network view (`-f dot --view network`): actors shaped by kind, one edge per pair
//! and event class labelled with its count and styled by its majority factuality, tooltips with
//! the articles and the first evidence quote, and a legend. Lays out with `dot`, and with `sfdp`
//! for large graphs, where `sep` keeps actors apart by enough for the edge labels between them.

use super::dot::{escape, label, shorten, tooltip};
use super::network::{Edge, Network};
use super::records::ActorKind;
use std::io::{self, Write};

/// Node attributes for an actor kind.
pub(crate) fn kind_style(kind: ActorKind) -> String {
    let shape = match kind {
        ActorKind::State => "shape=box, peripheries=2, style=filled",
        ActorKind::Person => "shape=ellipse, style=filled",
        ActorKind::Group => "shape=hexagon, style=filled",
        ActorKind::Organisation => "shape=box, style=\"rounded,filled\"",
        ActorKind::Place => "shape=house, style=filled",
    };
    format!("{shape}, fillcolor=\"{}\"", fill(kind))
}

/// Edge attributes for a factuality: asserted solid, reported dashed, disputed or denied red
/// dashed, planned or hypothetical dotted, cancelled or refused grey.
pub(crate) fn factuality_style(factuality: &str) -> &'static str {
    match factuality {
        "Reported" => "style=dashed",
        "Disputed" | "Denied" => "style=dashed, color=red3, fontcolor=red3",
        "Planned" | "Hypothetical" => "style=dotted",
        "Cancelled" | "Refused" => "color=gray60, fontcolor=gray45",
        _ => "style=solid",
    }
}

/// Writes the network as one DOT digraph.
pub(crate) fn write(network: &Network, out: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "kgexport actor network: {} actors, {} links from {} of {} events in {} articles{}",
        network.nodes.len(),
        network.edges.len(),
        network.events_drawn,
        network.events,
        network.articles,
        if network.scope.is_empty() { String::new() } else { format!(" ({})", network.scope) }
    );
    writeln!(out, "digraph kgexport_network {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=14, labelloc=t, label=\"{}\", overlap=false, outputorder=edgesfirst, nodesep=0.3, K=1.6, sep=\"+30\", esep=\"+20\"];",
        label(&title)
    )?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.08,0.04\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")?;
    for n in &network.nodes {
        let tip = format!(
            "{}\n{}{}\n{} event(s)",
            n.iri,
            n.kind.name(),
            n.country.as_ref().map(|c| format!(", {c}")).unwrap_or_default(),
            n.events
        );
        writeln!(
            out,
            "  \"{}\" [label=\"{}\", {}, tooltip=\"{}\"];",
            escape(&n.iri),
            escape(&shorten(&n.label, 40)),
            kind_style(n.kind),
            tooltip(&tip)
        )?;
    }
    for e in &network.edges {
        write_edge(out, network, e)?;
    }
    write_legend(out)?;
    writeln!(out, "}}")
}

fn write_edge(out: &mut dyn Write, network: &Network, e: &Edge) -> io::Result<()> {
    let n = e.count();
    let penwidth = (1.0 + 1.5 * (n as f64).ln()).min(8.0);
    let articles: Vec<&str> = e.articles.iter().map(String::as_str).take(12).collect();
    let more = e.articles.len().saturating_sub(articles.len());
    let tip = format!(
        "{} → {}: {} {}\n{}\narticles: {}{}{}",
        network.nodes[e.from].label,
        network.nodes[e.to].label,
        n,
        e.class.to_lowercase(),
        e.split(),
        articles.join(", "),
        if more > 0 { format!(" and {more} more") } else { String::new() },
        e.evidence.as_ref().map(|q| format!("\n«{}»", shorten(q, 300))).unwrap_or_default()
    );
    writeln!(
        out,
        "  \"{}\" -> \"{}\" [label=\"{} ×{n}\", penwidth={penwidth:.1}, {}{}, tooltip=\"{}\"];",
        escape(&network.nodes[e.from].iri),
        escape(&network.nodes[e.to].iri),
        e.class.to_lowercase(),
        factuality_style(e.majority()),
        if e.directed { "" } else { ", dir=none" },
        tooltip(&tip)
    )
}

/// The legend: one node with a table, so that it stays in one piece in every layout engine
/// (`sfdp` ignores clusters).
fn write_legend(out: &mut dyn Write) -> io::Result<()> {
    let mut rows = vec!["<tr><td colspan=\"2\">Legend</td></tr>".to_string()];
    for (kind, shape) in [
        (ActorKind::State, "double box"),
        (ActorKind::Person, "ellipse"),
        (ActorKind::Organisation, "rounded box"),
        (ActorKind::Group, "hexagon"),
        (ActorKind::Place, "house"),
    ] {
        rows.push(format!("<tr><td bgcolor=\"{}\">{}</td><td>{shape}</td></tr>", fill(kind), kind.name()));
    }
    for (label, sample, color) in [
        ("asserted", "———", "black"),
        ("reported", "– – –", "black"),
        ("disputed or denied", "– – –", "red3"),
        ("planned or hypothetical", "· · · · ·", "black"),
        ("cancelled or refused", "———", "gray60"),
    ] {
        rows.push(format!("<tr><td><font color=\"{color}\">{sample}</font></td><td>{label}</td></tr>"));
    }
    rows.push(
        "<tr><td colspan=\"2\" align=\"left\">edge label: event class ×count; width grows with the count<br align=\"left\"/>style: the factuality most of its events have<br align=\"left\"/>meetings have no arrow; tooltips: articles, first evidence<br align=\"left\"/></td></tr>"
            .to_string(),
    );
    writeln!(
        out,
        "  \"legend\" [shape=plaintext, fontsize=10, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">{}</table>>];",
        rows.join("")
    )
}

/// The fill colour of an actor kind.
fn fill(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::State => "#cfe2f3",
        ActorKind::Person => "#fff2cc",
        ActorKind::Group => "#f4cccc",
        ActorKind::Organisation => "#e6e6e6",
        ActorKind::Place => "#d9ead3",
    }
}
