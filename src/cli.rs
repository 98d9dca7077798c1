//! Command line: the batch pipeline, the commands and the closing summary; arguments, input,
//! output, signals and `parse` live in the modules below. The edge of the program: with the two
//! adapters (`store`, `push`), the only code that touches files, standard input and output.

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use kgexport::article::{Article, Lang};
use kgexport::export::{self, Format};
use kgexport::graph::{self, ArticleGraph, Base};
use kgexport::model::Extraction;
use kgexport::push::{Endpoint, PushError};
use kgexport::stages::{self, Stage};
use kgexport::time::PartialDate;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

mod args;
mod docs;
mod input;
mod ordered;
mod outfile;
mod output;
mod parse;
mod signals;
mod store;
mod values;
mod views;
pub use args::*;
pub use docs::{completions, help, man};
use input::{ArticleSource, io_message};
use ordered::Ordered;
use output::Outputs;
pub use parse::parse;
pub use store::{load, query};
pub use values::Shard;

/// A usage error found after clap: reported like clap's, with exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The commands beside the export, for the hint after a mistyped one.
const COMMANDS: &[&str] = &["load", "query", "push", "parse", "help"];

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

/// Articles read from the input at a time (a JSON array file gives all of its articles at once).
const READ_AHEAD: usize = 16;

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
    /// Worker threads (`None` or 0: all cores).
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

impl Pipeline<'_> {
    /// The worker threads to start.
    fn threads(&self) -> usize {
        match self.jobs {
            Some(n) if n > 0 => n,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// One article's results; `None` when it is outside the shard.
    fn build(&self, mut a: Article) -> Option<Result<Built, String>> {
        if a.date.is_none() {
            a.date = self.date;
        }
        if !self.shard.contains(&a.key()) {
            return None;
        }
        // A bug on one article's text must not cost the run: report it and go on. Serialising in
        // the workers too keeps the writer thread from being the bottleneck.
        let built = std::panic::catch_unwind(|| {
            let extraction = kgexport::analyse(&a, self.lang);
            let graph = {
                let _graph = stages::enter(Stage::Graph);
                graph::build(&a, &extraction, self.base)
            };
            let rendered = render_streaming(&self.render, &graph);
            (graph, extraction, rendered)
        });
        Some(built.map_err(|_| format!("{}: internal error while extracting; article skipped", a.origin)))
    }
}

/// Reads every input, analyses the articles on worker threads, and hands each article's results
/// to `sink` in input order. Problems go to the report; an error of `sink` stops the run.
pub fn each_article(
    pipeline: &Pipeline<'_>,
    report: &mut Report,
    mut sink: impl FnMut(Built) -> Result<()>,
) -> Result<()> {
    let inputs = checked_inputs(&pipeline.inputs)?;
    let mut source = ArticleSource::new(&inputs, pipeline.max_article_bytes, &mut report.problems);
    let progress = progress_bar(pipeline.quiet, source.total_bytes);
    let threads = pipeline.threads();
    let work = |a: Article| pipeline.build(a);
    let shared = ordered::Shared::new();
    std::thread::scope(|scope| -> Result<()> {
        let mut ordered = Ordered::start(scope, &shared, threads, threads * ordered::WINDOW_PER_THREAD, &work);
        let mut read = std::collections::VecDeque::new();
        let mut read_all = false;
        loop {
            while ordered.has_room() && !read_all {
                if read.is_empty() {
                    let _read = stages::enter(Stage::Read);
                    read.extend(source.next_batch(READ_AHEAD, &mut report.problems));
                    read_all = read.is_empty();
                }
                if let Some(article) = read.pop_front() {
                    ordered.send(article);
                }
            }
            let Some(result) = ordered.next() else { break };
            match result {
                None => report.other_shards += 1,
                Some(Err(problem)) => report.problems.push(problem),
                Some(Ok(built)) => {
                    count(report, &built.0, &built.1);
                    let _write = stages::enter(Stage::Serialise);
                    sink(built)?;
                }
            }
            if let Some(p) = &progress {
                p.set_position(source.bytes_read);
                p.set_message(format!("{} articles", report.exported));
            }
        }
        Ok(())
    })?;
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
    let options = match args.view.options() {
        Ok(options) => options,
        Err(message) => {
            use clap::CommandFactory;
            Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit()
        }
    };
    if std::env::var_os("KGX_STAGE_TIMES").is_some_and(|v| v == "1") {
        stages::enable();
    }
    args.read.install_gazetteer()?;
    output::check(&args, &checked_inputs(&args.inputs)?)?;
    let pipeline = args.read.pipeline(&args.inputs, args.format.0.clone());
    let mut report = Report::default();
    let mut outputs = Outputs::open(&args)?;
    let needs_all = outputs.needs_all();
    let mut kept: Vec<ArticleGraph> = Vec::new();
    let streamed = each_article(&pipeline, &mut report, |(graph, _, rendered)| {
        outputs.stream(&graph, &rendered)?;
        if needs_all {
            kept.push(graph);
        }
        Ok(())
    });
    // On an error, dropping the outputs removes their temporary files.
    streamed?;
    kept.sort_by(|a, b| a.key().cmp(b.key()));
    kept.dedup_by(|a, b| a.key() == b.key());
    let written = {
        let _write = stages::enter(Stage::Serialise);
        outputs.finish(&kept, &args.read.base_iri, &options)?
    };
    finish_report(&report, args.read.quiet, &written.join(", "));
    if stages::enabled() {
        eprint!(
            "kgexport: time per stage, every thread (KGX_STAGE_TIMES=1):\n{}",
            stages::table(&stages::totals(), process_cpu())
        );
    }
    Ok(report.problems.is_empty())
}

/// `kgexport push`: a PUT per article graph; an article that keeps failing is reported and the
/// others go on.
pub fn push(args: PushArgs) -> Result<bool> {
    args.read.install_gazetteer()?;
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

/// The process's CPU time so far (user and system, every thread), in seconds.
fn process_cpu() -> f64 {
    // SAFETY: an all-zero `rusage` is valid, and getrusage writes only into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid rusage to write to.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// The article in every requested streaming format (N-Triples, N-Quads).
fn render_streaming(formats: &[Format], graph: &ArticleGraph) -> Vec<(Format, Vec<u8>)> {
    let _serialise = stages::enter(Stage::Serialise);
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
