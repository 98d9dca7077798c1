//! Command line: arguments (clap derive), input discovery and reading, atomic output. The edge of
//! the program: the only module that touches the file system, standard input and output.

use anyhow::{Context, Result};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use kgexport::article::Lang;
use kgexport::export::{self, Format};
use kgexport::graph::{self, ArticleGraph, Base};
use kgexport::model::Extraction;
use kgexport::push::{Endpoint, PushError};
use kgexport::store::{DiskStore, ResultsFormat};
use kgexport::time::PartialDate;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

mod input;
mod outfile;
mod output;
mod parse;
mod signals;
use input::{ArticleSource, io_message};
use output::Outputs;
pub use parse::parse;

/// A usage error found after clap: reported like clap's, with exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The commands beside the export, for the hint after a mistyped one.
const COMMANDS: &[&str] = &["load", "query", "push", "parse", "help"];

const EXAMPLES: &str = "\
Examples:
  kgexport --format ttl                      read seeds/, write exports/kg.ttl
  kgexport -f ttl,jsonld,dot,nt,nq,trig      every format into exports/
  kgexport -f nt -o - article.txt            N-Triples of one article on standard output
  kgexport -f nq -o corpus.nq news/          a folder of .txt/.md/.json/.jsonl articles
  cat day.jsonl | kgexport -f nq -o - -      JSON Lines on standard input, streamed
  kgexport -f nq -o part0.nq --shard 0/4 big.jsonl   one of four independent shards
  kgexport load news/                        into the embedded store exports/store
  kgexport query 'SELECT ?v WHERE { ?v a <https://w3id.org/kgexport/ns#Visit> }'
  KGEXPORT_AUTH=user:pw kgexport push news/ --endpoint http://127.0.0.1:7878/store
  kgexport parse article.txt                 CoNLL-U: lemmas, parts of speech, dependency trees

Exit status: 0 done; 1 an input or output error (named on standard error, the other
articles are still exported); 2 a usage error.";

/// Turns news articles (German, English) into a knowledge graph of reported visits, meetings,
/// invitations and shipments, with the claims and denials about them.
#[derive(Debug, Parser)]
#[command(name = "kgexport", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
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
}

impl ReadArgs {
    fn pipeline<'a>(&'a self, inputs: &[PathBuf], render: Vec<Format>) -> Pipeline<'a> {
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

    /// Output formats, comma-separated: ttl, jsonld, dot, nt, nq, trig.
    #[arg(short, long, value_name = "FORMAT", default_value = "ttl", value_parser = parse_formats)]
    pub format: Formats,

    /// Output file, or `-` for standard output; a directory when several formats are given.
    /// Default: `exports/kg.<ext>` per format.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

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

fn parse_results(text: &str) -> Result<ResultsFormat, String> {
    ResultsFormat::parse(text)
        .ok_or_else(|| format!("unknown result format {text:?} (expected table, csv, json or tsv)"))
}

/// A deterministic share of the articles.
#[derive(Clone, Copy, Debug)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Whether an article (by key) belongs to this shard.
    pub fn contains(&self, key: &str) -> bool {
        self.count <= 1 || u64::from_str_radix(&key[..key.len().min(12)], 16).unwrap_or(0) % self.count == self.index
    }
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    let (i, n) = text.split_once('/').ok_or_else(|| format!("expected I/N, got {text:?}"))?;
    let (index, count): (u64, u64) = (
        i.trim().parse().map_err(|_| format!("bad shard index {i:?}"))?,
        n.trim().parse().map_err(|_| format!("bad shard count {n:?}"))?,
    );
    if count == 0 || index >= count {
        return Err(format!("shard {index}/{count}: need 0 <= I < N"));
    }
    Ok(Shard { index, count })
}

/// The chosen formats, in the order given, without repeats.
#[derive(Clone, Debug)]
pub struct Formats(pub Vec<Format>);

/// `auto` or a language.
#[derive(Clone, Copy, Debug)]
pub struct LangChoice(pub Option<Lang>);

fn parse_formats(text: &str) -> Result<Formats, String> {
    let mut formats = Vec::new();
    for name in text.split(',').filter(|n| !n.trim().is_empty()) {
        let format = Format::parse(name)
            .ok_or_else(|| format!("unknown format {name:?} (expected ttl, jsonld, dot, nt, nq or trig)"))?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if formats.is_empty() {
        return Err("no format given".into());
    }
    Ok(Formats(formats))
}

fn parse_lang(text: &str) -> Result<LangChoice, String> {
    match text {
        "auto" => Ok(LangChoice(None)),
        other => Lang::parse(other)
            .filter(|_| matches!(other, "de" | "en"))
            .map(|l| LangChoice(Some(l)))
            .ok_or_else(|| format!("unknown language {other:?} (expected auto, de or en)")),
    }
}

fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text).ok_or_else(|| format!("unreadable date {text:?} (expected YYYY[-MM[-DD]])"))
}

fn parse_base(text: &str) -> Result<Base, String> {
    Base::new(text).map_err(|e| e.to_string())
}

/// What happened to the inputs.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles exported.
    pub exported: usize,
    /// Articles outside the chosen shard.
    pub other_shards: usize,
    /// Problems, one line each, naming the file (and line).
    pub problems: Vec<String>,
    /// Warnings: noticed, but nothing skipped (duplicate URLs, folders reached twice).
    pub warnings: Vec<String>,
    /// Events per class, after merging.
    pub events: BTreeMap<&'static str, usize>,
    /// Claims.
    pub claims: usize,
    /// Triples in the article graphs.
    pub triples: usize,
}

/// Articles per parallel batch: large enough to keep every core busy, small enough to bound memory.
const BATCH: usize = 256;

/// What reading and analysing articles needs, whatever is done with the graphs.
pub struct Pipeline<'a> {
    /// Inputs (files, directories, `-`).
    pub inputs: Vec<PathBuf>,
    /// Language choice.
    pub lang: Option<Lang>,
    /// Date for articles without one.
    pub date: Option<PartialDate>,
    /// Base of instance IRIs.
    pub base: &'a Base,
    /// Worker threads (`None`: all cores).
    pub jobs: Option<usize>,
    /// The shard to keep.
    pub shard: Shard,
    /// Streaming formats the workers serialise each graph to.
    pub render: Vec<Format>,
    /// No progress bar.
    pub quiet: bool,
    /// The largest article read, in bytes.
    pub max_article_bytes: usize,
}

/// Reads every input, analyses the articles in parallel batches, and hands each article's
/// results to `sink` in input order. Problems go to the report; an error of `sink` stops the run.
pub fn each_article(
    pipeline: &Pipeline<'_>,
    report: &mut Report,
    mut sink: impl FnMut(Built) -> Result<()>,
) -> Result<()> {
    let inputs = checked_inputs(&pipeline.inputs)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(pipeline.jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let mut source = ArticleSource::new(&inputs, pipeline.max_article_bytes, &mut report.problems);
    let progress = progress_bar(pipeline.quiet, source.total_bytes);
    loop {
        let batch = source.next_batch(BATCH, &mut report.problems);
        if batch.is_empty() {
            break;
        }
        let results: Vec<Option<Result<Built, String>>> = pool.install(|| {
            batch
                .par_iter()
                .map(|a| {
                    let mut a = a.clone();
                    if a.date.is_none() {
                        a.date = pipeline.date;
                    }
                    if !pipeline.shard.contains(&a.key()) {
                        return None;
                    }
                    // A bug on one article's text must not cost the batch: report it and go on.
                    // Serialising in the workers too keeps the writer thread from being the bottleneck.
                    let built = std::panic::catch_unwind(|| {
                        let extraction = kgexport::analyse(&a, pipeline.lang);
                        let graph = graph::build(&a, &extraction, pipeline.base);
                        let rendered = render_streaming(&pipeline.render, &graph);
                        (graph, extraction, rendered)
                    });
                    Some(built.map_err(|_| format!("{}: internal error while extracting; article skipped", a.origin)))
                })
                .collect()
        });
        for result in results {
            match result {
                None => report.other_shards += 1,
                Some(Err(problem)) => report.problems.push(problem),
                Some(Ok(built)) => {
                    count(report, &built.0, &built.1);
                    sink(built)?;
                }
            }
        }
        if let Some(p) = &progress {
            p.set_position(source.bytes_read);
            p.set_message(format!("{} articles", report.exported));
        }
    }
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    report.warnings.append(&mut source.warnings);
    Ok(())
}

/// The inputs as given, or `seeds/`; an input named but missing stops the run before anything is
/// written.
fn checked_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let inputs = if inputs.is_empty() { vec![PathBuf::from("seeds")] } else { inputs.to_vec() };
    input::check_inputs(&inputs)?;
    Ok(inputs)
}

/// Runs the export; returns whether every input was read.
pub fn run(args: Args) -> Result<bool> {
    output::check(&args, &checked_inputs(&args.inputs)?)?;
    let pipeline = args.read.pipeline(&args.inputs, args.format.0.clone());
    let mut report = Report::default();
    let mut outputs = Outputs::open(&args)?;
    let needs_all = outputs.needs_all();
    let mut kept: Vec<ArticleGraph> = Vec::new();
    let streamed = each_article(&pipeline, &mut report, |(graph, _, rendered)| {
        outputs.stream(&rendered)?;
        if needs_all {
            kept.push(graph);
        }
        Ok(())
    });
    // On an error, dropping the outputs removes their temporary files.
    streamed?;
    kept.sort_by(|a, b| a.key().cmp(b.key()));
    kept.dedup_by(|a, b| a.key() == b.key());
    let written = outputs.finish(&kept, &args.read.base_iri)?;
    finish_report(&report, args.read.quiet, &written.join(", "));
    Ok(report.problems.is_empty())
}

/// `kgexport load`: every article replaces its named graph in the store, which is saved once.
pub fn load(args: LoadArgs) -> Result<bool> {
    checked_inputs(&args.inputs)?;
    let store = DiskStore::open_or_create(&args.store)?;
    let mut report = Report::default();
    each_article(&args.read.pipeline(&args.inputs, Vec::new()), &mut report, |(graph, _, _)| {
        store.replace(&graph)?;
        Ok(())
    })?;
    store.save()?;
    let written = format!("{} ({} quads)", args.store.display(), store.len()?);
    finish_report(&report, args.read.quiet, &written);
    Ok(report.problems.is_empty())
}

/// `kgexport query`.
pub fn query(args: QueryArgs) -> Result<bool> {
    let sparql = match args.sparql.strip_prefix('@') {
        Some(file) => std::fs::read_to_string(file).with_context(|| format!("{file}: cannot read the query"))?,
        None => args.sparql.clone(),
    };
    let store = DiskStore::open(&args.store)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let broken_pipe = |e: &kgexport::store::StoreError| matches!(e, kgexport::store::StoreError::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe);
    match store.query(&sparql, args.results, &mut out) {
        Err(e) if broken_pipe(&e) => return Ok(true),
        Err(e @ kgexport::store::StoreError::Update) => return Err(UsageError(e.to_string()).into()),
        other => other?,
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("writing to standard output")?,
    }
    Ok(true)
}

/// `kgexport push`: a PUT per article graph; an article that keeps failing is reported and the
/// others go on.
pub fn push(args: PushArgs) -> Result<bool> {
    let timeout = std::time::Duration::from_secs(args.timeout);
    let endpoint = Endpoint::new(&args.endpoint, timeout, args.attempts, args.cacert.as_deref())
        .map_err(|e| UsageError(e.to_string()))?;
    checked_inputs(&args.inputs)?;
    let mut report = Report::default();
    let mut pushed = 0;
    let mut failed: Vec<String> = Vec::new();
    let mut unreachable_in_a_row = 0;
    let outcome = each_article(
        &args.read.pipeline(&args.inputs, vec![Format::NTriples]),
        &mut report,
        |(graph, _, rendered)| {
            let body = rendered.first().map(|(_, b)| b.as_slice()).unwrap_or_default();
            match endpoint.put(&graph, body) {
                Ok(_) => {
                    pushed += 1;
                    unreachable_in_a_row = 0;
                }
                Err(e) => {
                    // Wrong credentials, a redirect, DNS or TLS: every graph would fail alike.
                    if e.stops_the_push() {
                        anyhow::bail!(
                            "{}: push failed: {e}; stopped after pushing {pushed} graph(s)",
                            endpoint.address()
                        );
                    }
                    unreachable_in_a_row =
                        if matches!(e, PushError::GaveUp { .. }) { unreachable_in_a_row + 1 } else { 0 };
                    failed.push(push_failure(&graph, &e));
                    // A server that is gone for three articles in a row is gone: stop, say so.
                    if unreachable_in_a_row >= 3 {
                        anyhow::bail!(
                            "{}: unreachable for 3 articles in a row; stopped after pushing {pushed} graph(s); a re-run converges",
                            endpoint.address()
                        );
                    }
                }
            }
            Ok(())
        },
    );
    report.problems.extend(failed);
    if let Err(e) = outcome {
        finish_report(&report, true, "");
        return Err(e);
    }
    finish_report(&report, args.read.quiet, &format!("{pushed} graph(s) to {}", endpoint.address()));
    Ok(report.problems.is_empty())
}

fn push_failure(graph: &ArticleGraph, error: &PushError) -> String {
    format!("{}: push failed: {error}", graph.name().as_str())
}

/// Prints the problems and, unless quiet, the closing summary.
pub fn finish_report(report: &Report, quiet: bool, written: &str) {
    for warning in &report.warnings {
        eprintln!("kgexport: warning: {warning}");
    }
    for problem in &report.problems {
        eprintln!("kgexport: {problem}");
    }
    if !quiet {
        eprintln!("{}", summary(report, written));
    }
}

/// One article's results: its graph, what was extracted, and its streaming serialisations.
pub type Built = (ArticleGraph, Extraction, Vec<(Format, Vec<u8>)>);

/// The article in every requested streaming format (N-Triples, N-Quads).
fn render_streaming(formats: &[Format], graph: &ArticleGraph) -> Vec<(Format, Vec<u8>)> {
    formats
        .iter()
        .filter(|f| f.is_streaming())
        .map(|&f| {
            let mut bytes = Vec::new();
            export::write_streaming(f, graph, &mut bytes).expect("writing to memory does not fail");
            (f, bytes)
        })
        .collect()
}

fn count(report: &mut Report, graph: &ArticleGraph, extraction: &Extraction) {
    report.exported += 1;
    report.triples += graph.triples().len();
    report.claims += extraction.claims.len();
    for e in extraction.events.iter().filter(|e| e.is_live()) {
        *report.events.entry(e.kind.name()).or_default() += 1;
    }
}

fn summary(report: &Report, written: &str) -> String {
    let events: Vec<String> = report.events.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let shard =
        if report.other_shards > 0 { format!(" ({} in other shards)", report.other_shards) } else { String::new() };
    format!(
        "kgexport: {} article(s) exported, {} skipped{shard}; events: {}; {} claim(s); {} triple(s); wrote {}",
        report.exported,
        report.problems.len(),
        if events.is_empty() { "none".to_string() } else { events.join(", ") },
        report.claims,
        report.triples,
        written
    )
}

fn progress_bar(quiet: bool, total_bytes: Option<u64>) -> Option<ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = match total_bytes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    Some(bar)
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
