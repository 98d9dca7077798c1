//! N-Triples: one triple per line, through oxttl; streams article by article.

use oxrdf::Triple;
use oxttl::NTriplesSerializer;
use std::io::{self, Write};

/// Writes triples (one article's, sorted) as N-Triples.
pub fn write(triples: &[Triple], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = NTriplesSerializer::new().for_writer(out);
    for t in triples {
        writer.serialize_triple(t)?;
    }
    writer.finish();
    Ok(())
}
