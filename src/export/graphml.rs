//! GraphML (`-f graphml`): the actor network of the DOT network view, for Gephi, yEd, Neo4j and
//! networkx. Nodes are actors keyed by IRI; one edge per pair and event class with its count,
//! factualities, articles, events and first evidence quote. Keys in README.md.

use super::network::Network;
use std::io::{self, Write};

/// (id, for, name, type) of every data key.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_events", "graph", "events", "int"),
    ("g_events_drawn", "graph", "events_drawn", "int"),
    ("g_articles", "graph", "articles", "int"),
    ("g_scope", "graph", "scope", "string"),
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("country", "node", "country", "string"),
    ("n_events", "node", "event_count", "int"),
    ("class", "edge", "class", "string"),
    ("count", "edge", "count", "int"),
    ("directed", "edge", "directed", "boolean"),
    ("factuality", "edge", "factuality", "string"),
    ("factualities", "edge", "factualities", "string"),
    ("articles", "edge", "articles", "string"),
    ("e_events", "edge", "events", "string"),
    ("evidence", "edge", "evidence", "string"),
];

/// Escapes text for XML; drops the control characters XML 1.0 forbids.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn data(out: &mut dyn Write, indent: &str, key: &str, value: &str) -> io::Result<()> {
    writeln!(out, "{indent}<data key=\"{key}\">{}</data>", xml(value))
}

/// Writes the network as one GraphML document.
pub(crate) fn write(network: &Network, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (id, domain, name, kind) in KEYS {
        writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>")?;
    }
    writeln!(out, "  <graph id=\"kgexport\" edgedefault=\"directed\">")?;
    data(out, "    ", "g_events", &network.events.to_string())?;
    data(out, "    ", "g_events_drawn", &network.events_drawn.to_string())?;
    data(out, "    ", "g_articles", &network.articles.to_string())?;
    data(out, "    ", "g_scope", &network.scope)?;
    for n in &network.nodes {
        writeln!(out, "    <node id=\"{}\">", xml(&n.iri))?;
        data(out, "      ", "label", &n.label)?;
        data(out, "      ", "kind", n.kind.name())?;
        if let Some(c) = &n.country {
            data(out, "      ", "country", c)?;
        }
        data(out, "      ", "n_events", &n.events.to_string())?;
        writeln!(out, "    </node>")?;
    }
    for (i, e) in network.edges.iter().enumerate() {
        writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(&network.nodes[e.from].iri),
            xml(&network.nodes[e.to].iri)
        )?;
        data(out, "      ", "class", e.class)?;
        data(out, "      ", "count", &e.count().to_string())?;
        data(out, "      ", "directed", if e.directed { "true" } else { "false" })?;
        data(out, "      ", "factuality", e.majority())?;
        data(out, "      ", "factualities", &e.split())?;
        data(out, "      ", "articles", &e.articles.iter().cloned().collect::<Vec<_>>().join(" "))?;
        data(out, "      ", "e_events", &e.events.join(" "))?;
        if let Some(q) = &e.evidence {
            data(out, "      ", "evidence", q)?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
