//! N-Quads: an article's triples in its own named graph, and its actors' descriptions in the
//! actors graph, through oxttl; streams article by article.

use oxrdf::{GraphName, NamedNode, Quad, Triple};
use oxttl::NQuadsSerializer;
use std::io::{self, Write};

/// Writes triples (one graph's, sorted) as N-Quads in the named graph `name`.
pub fn write(name: &NamedNode, triples: &[Triple], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = NQuadsSerializer::new().for_writer(out);
    let name = GraphName::NamedNode(name.clone());
    for t in triples {
        writer.serialize_quad(&Quad::new(t.subject.clone(), t.predicate.clone(), t.object.clone(), name.clone()))?;
    }
    writer.finish();
    Ok(())
}
