//! Command line: arguments (clap derive), input discovery and reading, atomic output. The edge of
//! the program: the only module that touches the file system, standard input and output.

use anyhow::{Context, Result, bail};
use clap::Parser;
use kgexport::article::{self, Article, Lang};
use kgexport::export::{self, Format};
use kgexport::graph::{self, ArticleGraph, Base};
use kgexport::time::PartialDate;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  kgexport --format ttl                      read seeds/, write exports/kg.ttl
  kgexport -f ttl,jsonld,dot,nt,nq,trig      every format into exports/
  kgexport -f nt -o - article.txt            N-Triples of one article on standard output
  kgexport -f nq -o corpus.nq news/          a folder of .txt/.md/.json/.jsonl articles
  cat day.jsonl | kgexport -f nq -o - -      JSON Lines on standard input

Exit status: 0 done; 1 an input or output error (named on standard error, the other
articles are still exported); 2 a usage error.";

/// Turns news articles (German, English) into a knowledge graph of reported visits, meetings,
/// invitations and shipments, with the claims and denials about them.
#[derive(Debug, Parser)]
#[command(name = "kgexport", version, about, after_help = EXAMPLES)]
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

    /// Language of the articles: auto (the article's own `lang`, else detected), de or en.
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_lang)]
    pub lang: LangChoice,

    /// Publication date for articles that carry none: YYYY[-MM[-DD]].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<PartialDate>,

    /// Base for instance IRIs.
    #[arg(long, value_name = "IRI", default_value = "https://w3id.org/kgexport/id/", value_parser = parse_base)]
    pub base_iri: Base,

    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
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
        let format = Format::parse(name).ok_or_else(|| {
            format!("unknown format {name:?} (expected ttl, jsonld, dot, nt, nq or trig)")
        })?;
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
    PartialDate::parse(text)
        .ok_or_else(|| format!("unreadable date {text:?} (expected YYYY[-MM[-DD]])"))
}

fn parse_base(text: &str) -> Result<Base, String> {
    Base::new(text).map_err(|e| format!("not an absolute IRI: {e}"))
}

/// What happened to the inputs.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles read and exported.
    pub read: usize,
    /// Problems, one line each, naming the file (and line).
    pub problems: Vec<String>,
}

/// Runs the command; returns whether every input was read.
pub fn run(args: Args) -> Result<bool> {
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        args.inputs.clone()
    };
    let mut report = Report::default();
    let mut articles = Vec::new();
    for input in &inputs {
        read_input(input, &mut articles, &mut report);
    }
    for a in &mut articles {
        if a.date.is_none() {
            a.date = args.date;
        }
    }
    let mut graphs: Vec<ArticleGraph> = Vec::with_capacity(articles.len());
    let (mut events, mut claims) = (0, 0);
    for a in &articles {
        let extraction = kgexport::analyse(a, args.lang.0);
        events += extraction
            .events
            .iter()
            .filter(|e| e.merged_into.is_none())
            .count();
        claims += extraction.claims.len();
        graphs.push(graph::build(a, &extraction, &args.base_iri));
    }
    graphs.sort_by(|a, b| a.key().cmp(b.key()));
    graphs.dedup_by(|a, b| a.key() == b.key());
    report.read = articles.len();
    let written = write_outputs(&args, &graphs)?;
    for problem in &report.problems {
        eprintln!("kgexport: {problem}");
    }
    if !args.quiet {
        eprintln!(
            "kgexport: {} article(s) exported, {} skipped; {events} event(s), {claims} claim(s); {}",
            report.read,
            report.problems.len(),
            written.join(", ")
        );
    }
    Ok(report.problems.is_empty())
}

fn write_outputs(args: &Args, graphs: &[ArticleGraph]) -> Result<Vec<String>> {
    let formats = &args.format.0;
    let mut written = Vec::new();
    for &format in formats {
        let target = match &args.output {
            Some(p) if p.as_os_str() == "-" => None,
            Some(p) if formats.len() > 1 => Some(p.join(format!("kg.{}", format.extension()))),
            Some(p) => Some(p.clone()),
            None => Some(PathBuf::from("exports").join(format!("kg.{}", format.extension()))),
        };
        match target {
            None => {
                let stdout = io::stdout();
                let mut lock = stdout.lock();
                match export::write(format, graphs, &args.base_iri, &mut lock)
                    .and_then(|()| lock.flush())
                {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(written),
                    other => other.context("writing to standard output")?,
                }
                written.push("standard output".to_string());
            }
            Some(path) => {
                write_atomically(&path, |out| {
                    export::write(format, graphs, &args.base_iri, out)
                })?;
                written.push(path.display().to_string());
            }
        }
    }
    Ok(written)
}

/// Writes to a temporary file beside the target, then renames it: no partial file is left.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create directory", dir.display()))?;
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut out = io::BufWriter::new(file);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        bail!("{}: {e}", path.display());
    }
    Ok(())
}

fn read_input(path: &Path, articles: &mut Vec<Article>, report: &mut Report) {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
            report.problems.push(format!("standard input: {e}"));
            return;
        }
        let kind = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => "jsonl",
            Some(b'[') => "json",
            _ => "txt",
        };
        read_bytes("standard input", kind, &bytes, articles, report);
        return;
    }
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            report
                .problems
                .push(format!("{}: {}", path.display(), io_message(&e)));
            return;
        }
    };
    if metadata.is_dir() {
        match list_directory(path) {
            Ok(files) => files.iter().for_each(|f| read_file(f, articles, report)),
            Err((p, e)) => report
                .problems
                .push(format!("{}: {}", p.display(), io_message(&e))),
        }
    } else {
        read_file(path, articles, report);
    }
}

/// Article files under a directory, recursively, in sorted path order. Gold files are skipped.
fn list_directory(dir: &Path) -> Result<Vec<PathBuf>, (PathBuf, io::Error)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| (dir.to_path_buf(), e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| (dir.to_path_buf(), e))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(list_directory(&path)?);
        } else if is_article_file(&path) {
            out.push(path);
        }
    }
    Ok(out)
}

fn is_article_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    !name.starts_with('.')
        && !name.ends_with(".gold.json")
        && matches!(ext.as_str(), "txt" | "md" | "json" | "jsonl")
}

fn read_file(path: &Path, articles: &mut Vec<Article>, report: &mut Report) {
    let name = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "jsonl" {
        read_jsonl_file(path, articles, report);
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&name, &ext, &bytes, articles, report),
        Err(e) => report.problems.push(format!("{name}: {}", io_message(&e))),
    }
}

/// Reads JSON Lines incrementally; a bad line is reported with its number and skipped.
fn read_jsonl_file(path: &Path, articles: &mut Vec<Article>, report: &mut Report) {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return report.problems.push(format!("{name}: {}", io_message(&e))),
    };
    let mut reader = io::BufReader::new(file);
    let mut line = Vec::new();
    let mut number = 0;
    let mut any = false;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return report.problems.push(format!("{name}: {}", io_message(&e))),
        }
        number += 1;
        read_jsonl_line(&name, number, &line, articles, report, &mut any);
    }
    if !any && number == 0 {
        report.problems.push(format!("{name}: empty file"));
    }
}

fn read_jsonl_line(
    name: &str,
    number: usize,
    line: &[u8],
    articles: &mut Vec<Article>,
    report: &mut Report,
    any: &mut bool,
) {
    let origin = format!("{name}:{number}");
    let text = match std::str::from_utf8(line) {
        Ok(t) => t.trim(),
        Err(e) => {
            return report.problems.push(format!(
                "{origin}: not valid UTF-8 (byte {})",
                e.valid_up_to()
            ));
        }
    };
    if text.is_empty() {
        return;
    }
    *any = true;
    match article::parse_json_line(&origin, text) {
        Ok(a) => articles.push(a),
        Err(e) => report.problems.push(format!("{origin}: {e}")),
    }
}

fn read_bytes(
    name: &str,
    ext: &str,
    bytes: &[u8],
    articles: &mut Vec<Article>,
    report: &mut Report,
) {
    if ext == "jsonl" {
        let mut any = false;
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            read_jsonl_line(name, i + 1, line, articles, report, &mut any);
        }
        if !any {
            report.problems.push(format!("{name}: empty input"));
        }
        return;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return report.problems.push(format!(
                "{name}: not valid UTF-8 (byte {})",
                e.valid_up_to()
            ));
        }
    };
    if ext == "json" {
        match article::parse_json_document(name, text) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(a) => articles.push(a),
                        Err(e) => report.problems.push(format!("{name}: {e}")),
                    }
                }
            }
            Err(e) => report.problems.push(format!("{name}: {e}")),
        }
        return;
    }
    match article::parse_text(name, text) {
        Ok(a) => articles.push(a),
        Err(e) => report.problems.push(format!("{name}: {e}")),
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Args::command().debug_assert();
    }

    #[test]
    fn format_lists() {
        assert_eq!(
            parse_formats("ttl,jsonld,ttl").unwrap().0,
            vec![Format::Turtle, Format::JsonLd]
        );
        assert!(parse_formats("xml").is_err());
    }
}
