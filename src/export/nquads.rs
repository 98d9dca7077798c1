//! N-Quads: each article's triples in its own named graph, through oxttl.

use crate::graph::ArticleGraph;
use oxrdf::{GraphName, Quad};
use oxttl::NQuadsSerializer;
use std::io::{self, Write};

/// Writes the graphs as N-Quads, article by article.
pub fn write(graphs: &[ArticleGraph], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = NQuadsSerializer::new().for_writer(out);
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
    writer.finish();
    Ok(())
}
