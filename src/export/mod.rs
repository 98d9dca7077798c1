//! Export: the output formats (a closed set) and one writer per format.

mod dot;
mod jsonld;
mod nquads;
mod ntriples;
mod trig;
mod turtle;

use crate::graph::{ArticleGraph, Base, sort_triples};
use oxrdf::Triple;
use std::io::{self, Write};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Turtle.
    Turtle,
    /// JSON-LD 1.1, compacted with the kgexport context.
    JsonLd,
    /// GraphViz DOT.
    Dot,
    /// N-Triples.
    NTriples,
    /// N-Quads, one named graph per article.
    NQuads,
    /// TriG, one named graph per article.
    TriG,
}

impl Format {
    /// Every format, in the order of the CLI contract.
    pub const ALL: [Format; 6] =
        [Format::Turtle, Format::JsonLd, Format::Dot, Format::NTriples, Format::NQuads, Format::TriG];

    /// The name on the command line, also the file extension.
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::JsonLd => "jsonld",
            Format::Dot => "dot",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::TriG => "trig",
        }
    }

    /// Reads a format name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == name.trim().to_ascii_lowercase())
    }

    /// Can be written one article at a time, with memory independent of the corpus.
    pub const fn is_streaming(self) -> bool {
        matches!(self, Format::NTriples | Format::NQuads)
    }
}

/// The union of the article graphs: sorted triples without duplicates.
pub fn merged_triples(graphs: &[ArticleGraph]) -> Vec<Triple> {
    let mut all: Vec<Triple> = graphs.iter().flat_map(|g| g.triples().iter().cloned()).collect();
    sort_triples(&mut all);
    all
}

/// Writes the graphs in a format.
///
/// # Errors
/// When the writer fails.
pub fn write(format: Format, graphs: &[ArticleGraph], base: &Base, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Turtle => turtle::write(&merged_triples(graphs), base, out),
        Format::JsonLd => jsonld::write(&merged_triples(graphs), base, out),
        Format::Dot => dot::write(graphs, base, out),
        Format::NTriples | Format::NQuads => graphs.iter().try_for_each(|g| write_streaming(format, g, out)),
        Format::TriG => trig::write(graphs, base, out),
    }
}

/// Writes one article graph in a streaming format (N-Triples, N-Quads); other formats need
/// every graph at once and are written by [`write`].
///
/// # Errors
/// When the writer fails, or the format does not stream.
pub fn write_streaming(format: Format, graph: &ArticleGraph, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::NTriples => ntriples::write(graph.triples(), out),
        Format::NQuads => nquads::write(graph, out),
        other => Err(io::Error::other(format!("{} is not a streaming format", other.extension()))),
    }
}

/// The prefix table for one base IRI: vocabulary prefixes plus the instance folders.
pub fn prefixes(base: &Base) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> =
        crate::vocab::PREFIXES.iter().map(|(p, i)| (p.to_string(), i.to_string())).collect();
    all.extend(
        crate::vocab::INSTANCE_FOLDERS.iter().map(|(p, folder)| (p.to_string(), format!("{}{folder}", base.as_str()))),
    );
    all.sort();
    all
}
