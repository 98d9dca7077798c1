//! Writing exports: each format to its own file (see `outfile.rs` for how a file is replaced
//! safely) or to standard output; the checks that keep an export from destroying data run first.

use super::outfile::FileOutput;
use super::{Args, UsageError};
use anyhow::{Context, Result};
use kgexport::export::{self, Format, Options};
use kgexport::graph::{ArticleGraph, Base};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where each format goes: a file or standard output.
pub(super) struct Outputs {
    targets: Vec<(Format, Target)>,
    /// Per streaming format, the actor descriptions already written to it.
    described: Vec<(Format, export::Described)>,
}

enum Target {
    Stdout,
    /// A file; streaming formats open it at once, the others when every graph is known.
    File {
        path: PathBuf,
        out: Option<FileOutput>,
    },
}

/// The output path of each format (`None`: standard output).
pub(super) fn paths(args: &Args) -> Vec<(Format, Option<PathBuf>)> {
    let formats = &args.format.0;
    formats
        .iter()
        .map(|&format| {
            let path = match &args.output {
                Some(p) if p.as_os_str() == "-" => None,
                Some(p) if formats.len() > 1 => Some(p.join(format!("kg.{}", format.extension()))),
                Some(p) => Some(p.clone()),
                None => Some(PathBuf::from("exports").join(format!("kg.{}", format.extension()))),
            };
            (format, path)
        })
        .collect()
}

/// Refuses outputs that cannot work or would destroy an input: several formats into one
/// stream, or an output file that is one of the inputs (also through a symlink).
pub(super) fn check(args: &Args, inputs: &[PathBuf]) -> Result<()> {
    if args.format.0.len() > 1 && args.output.as_ref().is_some_and(|p| p.as_os_str() == "-") {
        return Err(UsageError(format!(
            "several formats ({}) cannot share standard output: give one format with -o -, or a directory",
            args.format.0.iter().map(|f| f.extension()).collect::<Vec<_>>().join(",")
        ))
        .into());
    }
    for (_, path) in paths(args) {
        if let Some(path) = path
            && let Some(input) = overwritten_input(&path, inputs)
        {
            return Err(UsageError(format!(
                "{}: the output would overwrite the input {}; choose another output",
                path.display(),
                input.display()
            ))
            .into());
        }
    }
    Ok(())
}

/// The input an output path would overwrite: the same file, or an article file inside an input
/// folder (which would be read).
fn overwritten_input<'a>(output: &Path, inputs: &'a [PathBuf]) -> Option<&'a Path> {
    let out = std::fs::canonicalize(output).ok()?;
    inputs.iter().map(PathBuf::as_path).find(|input| {
        std::fs::canonicalize(input).is_ok_and(|i| {
            if i.is_dir() { out.starts_with(&i) && super::input::is_article_file(&out) } else { out == i }
        })
    })
}

impl Outputs {
    pub(super) fn open(args: &Args) -> Result<Outputs> {
        let mut targets = Vec::new();
        for (format, path) in paths(args) {
            let target = match path {
                None => Target::Stdout,
                Some(path) => {
                    let out = if format.is_streaming() { Some(FileOutput::create(&path)?) } else { None };
                    Target::File { path, out }
                }
            };
            targets.push((format, target));
        }
        let described = targets.iter().map(|(f, _)| (*f, export::Described::default())).collect();
        Ok(Outputs { targets, described })
    }

    pub(super) fn needs_all(&self) -> bool {
        self.targets.iter().any(|(f, t)| !f.is_streaming() || matches!(t, Target::Stdout) && self.targets.len() > 1)
    }

    /// Writes one article, already serialised, to every streaming output, followed by the
    /// descriptions of its actors that the output does not hold yet.
    pub(super) fn stream(&mut self, graph: &ArticleGraph, rendered: &[(Format, Vec<u8>)]) -> Result<()> {
        let single = self.targets.len() == 1;
        for (format, article) in rendered {
            let Some((_, target)) = self.targets.iter_mut().find(|(f, _)| f == format) else { continue };
            let Some((_, described)) = self.described.iter_mut().find(|(f, _)| f == format) else { continue };
            let mut actors = Vec::new();
            described.write_new(*format, graph, &mut actors).expect("writing to memory does not fail");
            match target {
                Target::Stdout if single => {
                    let stdout = io::stdout();
                    let mut lock = stdout.lock();
                    match lock.write_all(article).and_then(|()| lock.write_all(&actors)) {
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                        other => other.context("writing to standard output")?,
                    }
                }
                Target::Stdout => {}
                Target::File { path, out: Some(out) } => out
                    .write_all(article)
                    .and_then(|()| out.write_all(&actors))
                    .with_context(|| path.display().to_string())?,
                Target::File { .. } => {}
            }
        }
        Ok(())
    }

    /// Writes the formats that need every graph, then puts every file into place.
    pub(super) fn finish(mut self, graphs: &[ArticleGraph], base: &Base, options: &Options) -> Result<Vec<String>> {
        let single = self.targets.len() == 1;
        let mut written = Vec::new();
        for (format, target) in &mut self.targets {
            match target {
                Target::Stdout => {
                    if !(single && format.is_streaming()) {
                        let stdout = io::stdout();
                        let mut lock = stdout.lock();
                        match export::write(*format, graphs, base, options, &mut lock).and_then(|()| lock.flush()) {
                            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                            other => other.context("writing to standard output")?,
                        }
                    }
                    io::stdout().flush().ok();
                    written.push("standard output".to_string());
                }
                Target::File { path, out } => {
                    let mut file = match out.take() {
                        Some(file) => file,
                        None => {
                            let mut file = FileOutput::create(path)?;
                            export::write(*format, graphs, base, options, file.writer())
                                .with_context(|| path.display().to_string())?;
                            file
                        }
                    };
                    file.flush().with_context(|| file.path().display().to_string())?;
                    file.commit()?;
                    written.push(path.display().to_string());
                }
            }
        }
        Ok(written)
    }
}
