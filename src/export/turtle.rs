//! Turtle: prefixed, subjects grouped and sorted, through oxttl.

use crate::graph::Base;
use oxrdf::Triple;
use oxttl::TurtleSerializer;
use std::io::{self, Write};

/// Writes sorted triples as Turtle.
pub fn write(triples: &[Triple], base: &Base, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = TurtleSerializer::new();
    for (prefix, iri) in super::prefixes(base) {
        serializer = serializer.with_prefix(prefix, iri).map_err(io::Error::other)?;
    }
    let mut writer = serializer.for_writer(out);
    for t in triples {
        writer.serialize_triple(t)?;
    }
    writer.finish()?;
    Ok(())
}
