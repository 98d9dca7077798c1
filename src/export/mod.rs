//! Export: the output formats (a closed set) and one writer per format.

mod csv;
mod dot;
mod dot_network;
mod graphml;
mod jsonld;
mod network;
mod nquads;
mod ntriples;
mod plover;
mod records;
mod trig;
mod turtle;

pub use dot::ARTICLE_VIEW_LIMIT;

use crate::graph::{ArticleGraph, Base, sort_triples};
use crate::time::PartialDate;
use oxrdf::Triple;
use rustc_hash::FxHashSet;
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
    /// CSV, one row per event.
    Csv,
    /// PLOVER-style JSON Lines, one object per event.
    Plover,
    /// GraphML of the actor network.
    GraphMl,
}

/// The DOT views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One cluster per article: events, claims, actors, happenings.
    Article,
    /// The actors, with one edge per pair and event class, aggregated across articles.
    Network,
}

impl View {
    /// Reads a view name (`article`, `network`).
    pub fn parse(name: &str) -> Option<View> {
        match name {
            "article" => Some(View::Article),
            "network" => Some(View::Network),
            _ => None,
        }
    }
}

/// What the views and the network formats draw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The DOT view; `None` chooses by size ([`ARTICLE_VIEW_LIMIT`]), or the network view when a
    /// focus or a window is given.
    pub view: Option<View>,
    /// The actor (IRI, relative IRI or label) whose ego network to draw.
    pub focus: Option<String>,
    /// Hops from the focus (default 1).
    pub depth: Option<usize>,
    /// Only events that may fall on or after this date.
    pub since: Option<PartialDate>,
    /// Only events that may fall on or before this date.
    pub until: Option<PartialDate>,
}

impl Format {
    /// Every format, in the order of the CLI contract.
    pub const ALL: [Format; 9] = [
        Format::Turtle,
        Format::JsonLd,
        Format::Dot,
        Format::NTriples,
        Format::NQuads,
        Format::TriG,
        Format::Csv,
        Format::Plover,
        Format::GraphMl,
    ];

    /// The name on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::JsonLd => "jsonld",
            Format::Dot => "dot",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::TriG => "trig",
            Format::Csv => "csv",
            Format::Plover => "plover",
            Format::GraphMl => "graphml",
        }
    }

    /// The file extension (the name, except `plover.jsonl`).
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Plover => "plover.jsonl",
            other => other.name(),
        }
    }

    /// Reads a format name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name.trim().to_ascii_lowercase())
    }

    /// Can be written one article at a time, with memory independent of the corpus.
    pub const fn is_streaming(self) -> bool {
        matches!(self, Format::NTriples | Format::NQuads)
    }
}

/// The union of the article graphs and the actors graph: sorted triples without duplicates, so
/// each actor is described once.
pub fn merged_triples(graphs: &[ArticleGraph]) -> Vec<Triple> {
    let mut all: Vec<Triple> = graphs.iter().flat_map(|g| g.triples().iter().chain(g.actors()).cloned()).collect();
    sort_triples(&mut all);
    all
}

/// The actors graph of a run: every article's actor descriptions, sorted, each once.
pub fn merged_actors(graphs: &[ArticleGraph]) -> Vec<Triple> {
    let mut all: Vec<Triple> = graphs.iter().flat_map(|g| g.actors().iter().cloned()).collect();
    sort_triples(&mut all);
    all
}

/// Writes the graphs in a format; `options` shape the DOT views and the GraphML network.
///
/// # Errors
/// When the writer fails, or `options.focus` names no actor of the network.
pub fn write(
    format: Format,
    graphs: &[ArticleGraph],
    base: &Base,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Turtle => turtle::write(&merged_triples(graphs), base, out),
        Format::JsonLd => jsonld::write(&merged_triples(graphs), base, out),
        Format::Dot => dot::write(graphs, base, options, out),
        Format::NTriples | Format::NQuads => {
            let mut described = Described::default();
            graphs.iter().try_for_each(|g| {
                write_streaming(format, g, out)?;
                described.write_new(format, g, out)
            })
        }
        Format::TriG => trig::write(graphs, base, out),
        Format::Csv => csv::write(&records::read(graphs), out),
        Format::Plover => plover::write(&records::read(graphs), out),
        Format::GraphMl => graphml::write(&network::build(&records::read(graphs), options)?, out),
    }
}

/// Writes one article's own graph in a streaming format (N-Triples, N-Quads); the descriptions
/// of its actors follow through [`Described::write_new`]. Other formats need every graph at once
/// and are written by [`write`].
///
/// # Errors
/// When the writer fails, or the format does not stream.
pub fn write_streaming(format: Format, graph: &ArticleGraph, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::NTriples => ntriples::write(graph.triples(), out),
        Format::NQuads => nquads::write(graph.name(), graph.triples(), out),
        other => Err(io::Error::other(format!("{} is not a streaming format", other.name()))),
    }
}

/// The actor descriptions one stream has written, so that each is written once: after the first
/// article that refers to the actor, in the actors graph for N-Quads. Memory grows with the
/// distinct descriptions (a few triples per actor), not with the articles.
#[derive(Debug, Default)]
pub struct Described {
    written: FxHashSet<Triple>,
}

impl Described {
    /// Writes the descriptions of the article's actors that this stream has not written yet.
    ///
    /// # Errors
    /// When the writer fails, or the format does not stream.
    pub fn write_new(&mut self, format: Format, graph: &ArticleGraph, out: &mut dyn Write) -> io::Result<()> {
        // Only membership is asked of the set; what is written keeps the graph's sorted order. A
        // triple written before is not copied to be asked about.
        let mut new: Vec<Triple> = Vec::new();
        for t in graph.actors() {
            if !self.written.contains(t) {
                self.written.insert(t.clone());
                new.push(t.clone());
            }
        }
        match format {
            Format::NTriples => ntriples::write(&new, out),
            Format::NQuads => nquads::write(graph.actors_name(), &new, out),
            other => Err(io::Error::other(format!("{} is not a streaming format", other.name()))),
        }
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
