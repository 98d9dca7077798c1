//! Writing exports: each format to a temporary file beside its target, renamed into place only
//! when everything is written, or to standard output.

use super::Args;
use anyhow::{Context, Result};
use kgexport::export::{self, Format, Options};
use kgexport::graph::{ArticleGraph, Base};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where each format goes: a temporary file (renamed at the end) or standard output.
pub(super) struct Outputs {
    targets: Vec<(Format, Target)>,
}

enum Target {
    Stdout,
    File { path: PathBuf, tmp: PathBuf, writer: Option<io::BufWriter<std::fs::File>> },
}

impl Outputs {
    pub(super) fn open(args: &Args) -> Result<Outputs> {
        let formats = &args.format.0;
        let mut targets = Vec::new();
        for &format in formats {
            let path = match &args.output {
                Some(p) if p.as_os_str() == "-" => None,
                Some(p) if formats.len() > 1 => Some(p.join(format!("kg.{}", format.extension()))),
                Some(p) => Some(p.clone()),
                None => Some(PathBuf::from("exports").join(format!("kg.{}", format.extension()))),
            };
            let target = match path {
                None => Target::Stdout,
                Some(path) => {
                    let tmp = temporary_path(&path)?;
                    let writer = if format.is_streaming() {
                        Some(io::BufWriter::new(
                            std::fs::File::create(&tmp)
                                .with_context(|| format!("{}: cannot create", path.display()))?,
                        ))
                    } else {
                        None
                    };
                    Target::File { path, tmp, writer }
                }
            };
            targets.push((format, target));
        }
        Ok(Outputs { targets })
    }

    pub(super) fn needs_all(&self) -> bool {
        self.targets.iter().any(|(f, t)| !f.is_streaming() || matches!(t, Target::Stdout) && self.targets.len() > 1)
    }

    /// Writes one article, already serialised, to every streaming output.
    pub(super) fn stream(&mut self, rendered: &[(Format, Vec<u8>)]) -> Result<()> {
        let single = self.targets.len() == 1;
        for (format, bytes) in rendered {
            let Some((_, target)) = self.targets.iter_mut().find(|(f, _)| f == format) else { continue };
            match target {
                Target::Stdout if single => {
                    let stdout = io::stdout();
                    let mut lock = stdout.lock();
                    match lock.write_all(bytes) {
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                        other => other.context("writing to standard output")?,
                    }
                }
                Target::Stdout => {}
                Target::File { path, writer: Some(w), .. } => {
                    w.write_all(bytes).with_context(|| path.display().to_string())?
                }
                Target::File { .. } => {}
            }
        }
        Ok(())
    }

    /// Writes the formats that need every graph, then renames every temporary file into place.
    pub(super) fn finish(mut self, graphs: &[ArticleGraph], base: &Base, options: &Options) -> Result<Vec<String>> {
        let single = self.targets.len() == 1;
        let mut written = Vec::new();
        let mut result = Ok(());
        for (format, target) in &mut self.targets {
            let step = (|| -> Result<()> {
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
                    Target::File { path, tmp, writer } => {
                        let file = match writer.take() {
                            Some(w) => w,
                            None => {
                                let mut w = io::BufWriter::new(
                                    std::fs::File::create(&*tmp)
                                        .with_context(|| format!("{}: cannot create", path.display()))?,
                                );
                                export::write(*format, graphs, base, options, &mut w)
                                    .with_context(|| path.display().to_string())?;
                                w
                            }
                        };
                        commit(path, tmp, file)?;
                        written.push(path.display().to_string());
                    }
                }
                Ok(())
            })();
            if step.is_err() {
                result = step;
                break;
            }
        }
        if result.is_err() {
            self.abandon();
        }
        result.map(|()| written)
    }

    /// Removes every temporary file: no partial output is left behind.
    pub(super) fn abandon(&mut self) {
        for (_, target) in &mut self.targets {
            if let Target::File { tmp, writer, .. } = target {
                writer.take();
                let _ = std::fs::remove_file(&*tmp);
            }
        }
    }
}

/// Flushes a temporary file written beside `path`, syncs it and renames it into place.
pub(super) fn commit(path: &Path, tmp: &Path, writer: io::BufWriter<std::fs::File>) -> Result<()> {
    let file = writer.into_inner().map_err(|e| e.into_error()).with_context(|| path.display().to_string())?;
    file.sync_all().with_context(|| path.display().to_string())?;
    std::fs::rename(tmp, path).with_context(|| format!("{}: cannot rename into place", path.display()))
}

/// A temporary file beside the target; its directory is created if needed.
pub(super) fn temporary_path(path: &Path) -> Result<PathBuf> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
    let name = path.file_name().with_context(|| format!("{}: not a file name", path.display()))?;
    Ok(dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id())))
}
