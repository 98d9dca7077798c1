//! Command-line arguments: the clap structures of the export and the other commands (their
//! values are read in `values.rs`).

use super::Pipeline;
use super::values::{
    Formats, LangChoice, Shard, parse_base, parse_date, parse_formats, parse_lang, parse_results, parse_shard,
};
use clap::Parser;
use kgexport::export::Format;
use kgexport::graph::Base;
use kgexport::store::ResultsFormat;
use kgexport::time::PartialDate;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  kgexport --format ttl                      read seeds/, write exports/kg.ttl
  kgexport -f ttl,jsonld,dot,nt,nq,trig      every graph format into exports/
  kgexport -f dot --view network -o net.dot news/   who dealt with whom, across articles
  kgexport -f dot --focus Lavrov --depth 2 --since 2023-09 news/   an ego network in a window
  kgexport -f csv,plover,graphml -o tables/ news/   event tables and the network for Gephi
  kgexport -f nt -o - article.txt            N-Triples of one article on standard output
  kgexport -f nq -o corpus.nq news/          a folder of .txt/.md/.json/.jsonl articles
  cat day.jsonl | kgexport -f nq -o - -      JSON Lines on standard input, streamed
  kgexport -f nq -o part0.nq --shard 0/4 big.jsonl   one of four independent shards
  kgexport load news/                        into the embedded store exports/store
  kgexport query 'SELECT ?v WHERE { ?v a <https://w3id.org/kgexport/ns#Visit> }'
  KGEXPORT_AUTH=user:pw kgexport push news/ --endpoint http://127.0.0.1:7878/store
  kgexport parse article.txt                 CoNLL-U: lemmas, parts of speech, dependency trees
  kgexport completions bash > /etc/bash_completion.d/kgexport

Exit status: 0 done; 1 an input or output error (named on standard error, the other
articles are still exported); 2 a usage error.";

/// Turns news articles (German, English) into a knowledge graph of reported visits, meetings,
/// invitations and shipments, with the claims and denials about them.
#[derive(Debug, Parser)]
#[command(
    name = "kgexport",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Store and server commands; without one, kgexport exports files.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The export (the default command).
    #[command(flatten)]
    pub export: Args,
}

/// Commands beside the export.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Load articles into the embedded store, one named graph per article; loading an article
    /// again replaces its graph.
    Load(LoadArgs),
    /// Run a SPARQL query over the embedded store (the default graph is the union of all graphs).
    Query(QueryArgs),
    /// Send article graphs to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol (a PUT
    /// per article graph). Credentials: the KGEXPORT_AUTH (user:password) or KGEXPORT_TOKEN
    /// environment variable, never an argument.
    Push(PushArgs),
    /// Parse text into CoNLL-U: sentences, tokens, lemmas, parts of speech, morphology and
    /// dependency trees; with --conllu, analyse the words of a CoNLL-U file again.
    Parse(ParseArgs),
    /// Write shell completions (bash, elvish, fish, powershell, zsh) to standard output.
    Completions(super::docs::CompletionsArgs),
    /// Write the man page (roff) to standard output or a file.
    Man(super::docs::ManArgs),
    /// Describe kgexport or one of its commands.
    Help(super::docs::HelpArgs),
}

/// Options that read and analyse articles, shared by every command that does.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Language of the articles: auto (the article's own `lang`, else detected), de or en.
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_lang)]
    pub lang: LangChoice,

    /// Publication date for articles that carry none: YYYY[-MM[-DD]].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<PartialDate>,

    /// Base for instance IRIs.
    #[arg(long, value_name = "IRI", default_value = "https://w3id.org/kgexport/id/", value_parser = parse_base)]
    pub base_iri: Base,

    /// No summary or progress bar on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    /// Worker threads (default: all cores). The output does not depend on it.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Only shard I of N (0 ≤ I < N), chosen by article key, so separate processes split a
    /// corpus; the shards' N-Quads together equal one run's.
    #[arg(long, value_name = "I/N", default_value = "0/1", value_parser = parse_shard)]
    pub shard: Shard,

    /// The largest article read, in bytes (a text file, a JSON Lines line, a JSON article's
    /// text); a larger one is reported and skipped, and the others go on.
    #[arg(long, value_name = "BYTES", default_value_t = 5_000_000)]
    pub max_article_bytes: usize,

    /// Extra gazetteer rows (repeatable): a TSV file with the header and columns of one of the
    /// tables in `data/gazetteer/`, merged over the built-in data (a row with a built-in key
    /// replaces that row).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

impl ReadArgs {
    /// Merges the user's gazetteer files over the built-in data, before any article is read.
    pub(super) fn install_gazetteer(&self) -> anyhow::Result<()> {
        use anyhow::Context;
        if self.gazetteer.is_empty() {
            return Ok(());
        }
        let mut additions = kgexport::gazetteer::Additions::default();
        for path in &self.gazetteer {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the gazetteer file", path.display()))?;
            additions.add_file(&path.display().to_string(), &text)?;
        }
        kgexport::gazetteer::install(&additions)?;
        Ok(())
    }

    pub(super) fn pipeline<'a>(&'a self, inputs: &[PathBuf], render: Vec<Format>) -> Pipeline<'a> {
        Pipeline {
            inputs: inputs.to_vec(),
            lang: self.lang.0,
            date: self.date,
            base: &self.base_iri,
            jobs: self.jobs,
            shard: self.shard,
            render,
            quiet: self.quiet,
            max_article_bytes: self.max_article_bytes,
        }
    }
}

/// The export's options.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files, directories (read recursively, sorted), or `-` for standard input.
    /// Default: `seeds/`.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output formats, comma-separated: ttl, jsonld, dot, nt, nq, trig; csv and plover (one row
    /// or JSON object per event), graphml (the actor network).
    #[arg(short, long, value_name = "FORMAT", default_value = "ttl", value_parser = parse_formats)]
    pub format: Formats,

    /// Output file, or `-` for standard output; a directory when several formats are given.
    /// Default: `exports/kg.<ext>` per format.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// What the DOT and GraphML outputs draw.
    #[command(flatten)]
    pub view: super::views::ViewArgs,

    /// Reading options.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `kgexport load`.
#[derive(Debug, clap::Args)]
pub struct LoadArgs {
    /// Article files, directories, or `-`. Default: `seeds/`.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The store folder (created when missing or empty).
    #[arg(long, value_name = "PATH", default_value = "exports/store")]
    pub store: PathBuf,

    /// Reading options.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `kgexport query`.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The SPARQL query, or @FILE to read it from a file.
    #[arg(value_name = "SPARQL")]
    pub sparql: String,

    /// The store folder.
    #[arg(long, value_name = "PATH", default_value = "exports/store")]
    pub store: PathBuf,

    /// Result format: table, csv, json or tsv.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = parse_results)]
    pub results: ResultsFormat,
}

/// `kgexport push`.
#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// Article files, directories, or `-`. Default: `seeds/`.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The Graph Store Protocol address, e.g. http://127.0.0.1:7878/store.
    #[arg(long, value_name = "URL")]
    pub endpoint: String,

    /// Seconds to wait for one request.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,

    /// Attempts per article graph on connection errors and 5xx answers.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub attempts: u32,

    /// Trust the CA certificates of this PEM file (a private CA) instead of the built-in roots;
    /// default: the SSL_CERT_FILE environment variable, if set.
    #[arg(long, value_name = "FILE")]
    pub cacert: Option<PathBuf>,

    /// Reading options.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `kgexport parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Plain text (or CoNLL-U with --conllu), or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,

    /// Language: auto (detected from the text), de or en.
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_lang)]
    pub lang: LangChoice,

    /// The input is CoNLL-U: keep its words, comments and multi-word token lines, and predict
    /// LEMMA, UPOS, FEATS, HEAD and DEPREL anew (XPOS, DEPS and MISC are copied).
    #[arg(long)]
    pub conllu: bool,

    /// Output file, or `-` for standard output (the default).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn format_lists() {
        assert_eq!(parse_formats("ttl,jsonld,ttl").unwrap().0, vec![Format::Turtle, Format::JsonLd]);
        assert!(parse_formats("xml").is_err());
    }
}
