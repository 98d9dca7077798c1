//! TriG: each article's triples in its own named graph, prefixed, through oxttl.

use crate::graph::{ArticleGraph, Base};
use oxrdf::{GraphName, Quad};
use oxttl::TriGSerializer;
use std::io::{self, Write};

/// Writes the graphs as TriG.
pub fn write(graphs: &[ArticleGraph], base: &Base, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = TriGSerializer::new();
    for (prefix, iri) in super::prefixes(base) {
        serializer = serializer.with_prefix(prefix, iri).map_err(io::Error::other)?;
    }
    let mut writer = serializer.for_writer(out);
    for g in graphs {
        let name = GraphName::NamedNode(g.name().clone());
        for t in g.triples() {
            writer.serialize_quad(&Quad::new(
                t.subject.clone(),
                t.predicate.clone(),
                t.object.clone(),
                name.clone(),
            ))?;
        }
    }
    writer.finish()?;
    Ok(())
}
