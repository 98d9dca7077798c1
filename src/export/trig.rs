//! TriG: each article's triples in its own named graph, then the actors graph (each actor
//! described once), prefixed, through oxttl.

use crate::graph::{ArticleGraph, Base};
use oxrdf::{GraphName, Quad, Triple};
use oxttl::TriGSerializer;
use std::io::{self, Write};

/// Writes the graphs as TriG.
pub fn write(graphs: &[ArticleGraph], base: &Base, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = TriGSerializer::new();
    for (prefix, iri) in super::prefixes(base) {
        serializer = serializer.with_prefix(prefix, iri).map_err(io::Error::other)?;
    }
    let mut writer = serializer.for_writer(out);
    let actors = super::merged_actors(graphs);
    let named: Vec<(GraphName, &[Triple])> = graphs
        .iter()
        .map(|g| (GraphName::NamedNode(g.name().clone()), g.triples()))
        .chain(
            graphs
                .first()
                .filter(|_| !actors.is_empty())
                .map(|g| (GraphName::NamedNode(g.actors_name().clone()), actors.as_slice())),
        )
        .collect();
    for (name, triples) in named {
        for t in triples {
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
