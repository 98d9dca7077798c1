//! N-Quads: an article's triples in its own named graph, through oxttl; streams article by article.

use crate::graph::ArticleGraph;
use oxrdf::{GraphName, Quad};
use oxttl::NQuadsSerializer;
use std::io::{self, Write};

/// Writes one article graph as N-Quads in its named graph.
pub fn write(graph: &ArticleGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = NQuadsSerializer::new().for_writer(out);
    let name = GraphName::NamedNode(graph.name().clone());
    for t in graph.triples() {
        writer.serialize_quad(&Quad::new(t.subject.clone(), t.predicate.clone(), t.object.clone(), name.clone()))?;
    }
    writer.finish();
    Ok(())
}
