//! One output file, written safely: a regular file (or a new path) is replaced atomically through
//! a temporary file beside it; a device, a FIFO or a dangling symlink is written in place, never
//! replaced; a symlink to a regular file stays a symlink and its target is replaced atomically.
//! Temporary files are named `.kgexport-tmp-<pid>-<name>`, removed on SIGINT/SIGTERM, and those
//! of dead processes are removed by the next run that writes into the same folder.

use super::signals;
use anyhow::{Context, Result};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The prefix of every temporary file kgexport writes.
pub(super) const TMP_PREFIX: &str = ".kgexport-tmp-";

/// An output file being written.
pub(super) struct FileOutput {
    /// The path the user named, for messages.
    path: PathBuf,
    mode: Mode,
    writer: Option<io::BufWriter<std::fs::File>>,
}

enum Mode {
    /// Written to `tmp`, renamed over `dest` (the path, or a symlink's target) at the end.
    Replace { tmp: PathBuf, dest: PathBuf },
    /// Written in place: a character device, a FIFO, a socket, or a dangling symlink.
    Direct,
}

impl FileOutput {
    /// Decides how `path` is written and opens it (the temporary file, or the path itself).
    ///
    /// # Errors
    /// When the path is a directory, its folder cannot be created, or the file cannot be opened.
    pub(super) fn create(path: &Path) -> Result<FileOutput> {
        let mode = match std::fs::symlink_metadata(path) {
            // A new path (or one whose folder is missing or not a folder: creating it says why).
            Err(_) => replace(path)?,
            Ok(m) if m.file_type().is_symlink() => match std::fs::canonicalize(path) {
                Ok(real) => match std::fs::metadata(&real) {
                    Ok(t) if t.is_file() => replace(&real)?,
                    Ok(t) if t.is_dir() => anyhow::bail!("{}: is a directory", path.display()),
                    _ => Mode::Direct,
                },
                Err(_) => Mode::Direct,
            },
            Ok(m) if m.is_file() => replace(path)?,
            Ok(m) if m.is_dir() => anyhow::bail!("{}: is a directory", path.display()),
            Ok(_) => Mode::Direct,
        };
        let file = match &mode {
            Mode::Replace { tmp, .. } => {
                let file = std::fs::OpenOptions::new().write(true).create_new(true).open(tmp);
                if file.is_err() {
                    signals::forget(tmp);
                }
                file
            }
            Mode::Direct => std::fs::OpenOptions::new().write(true).create(true).truncate(true).open(path),
        }
        .with_context(|| format!("{}: cannot create", path.display()))?;
        Ok(FileOutput { path: path.to_path_buf(), mode, writer: Some(io::BufWriter::new(file)) })
    }

    /// The path as named.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// The writer.
    pub(super) fn writer(&mut self) -> &mut io::BufWriter<std::fs::File> {
        self.writer.as_mut().expect("open until committed")
    }

    /// Flushes the output; a temporary file is synced and renamed into place.
    ///
    /// # Errors
    /// When flushing, syncing or renaming fails; the temporary file is then removed.
    pub(super) fn commit(mut self) -> Result<()> {
        let writer = self.writer.take().expect("open until committed");
        let name = self.path.display().to_string();
        let result = (|| -> Result<()> {
            let file = writer.into_inner().map_err(|e| e.into_error()).with_context(|| name.clone())?;
            if let Mode::Replace { tmp, dest } = &self.mode {
                file.sync_all().with_context(|| name.clone())?;
                std::fs::rename(tmp, dest).with_context(|| format!("{name}: cannot rename into place"))?;
                signals::forget(tmp);
            }
            Ok(())
        })();
        if result.is_err() {
            self.abandon();
        }
        result
    }

    /// Removes the temporary file: no partial output is left behind (a device keeps what it got).
    pub(super) fn abandon(&mut self) {
        self.writer.take();
        if let Mode::Replace { tmp, .. } = &self.mode {
            let _ = std::fs::remove_file(tmp);
            signals::forget(tmp);
        }
    }
}

impl Drop for FileOutput {
    fn drop(&mut self) {
        if self.writer.is_some() {
            self.abandon();
        }
    }
}

impl Write for FileOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

fn replace(dest: &Path) -> Result<Mode> {
    let tmp = temporary_path(dest)?;
    signals::remember(&tmp);
    Ok(Mode::Replace { tmp, dest: dest.to_path_buf() })
}

/// A temporary file beside the target, named after this process; the folder is created if
/// needed, and stale temporary files of dead processes in it are removed.
fn temporary_path(path: &Path) -> Result<PathBuf> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
    let name = path.file_name().with_context(|| format!("{}: not a file name", path.display()))?;
    remove_stale(dir);
    Ok(dir.join(format!("{TMP_PREFIX}{}-{}", std::process::id(), name.to_string_lossy())))
}

/// Removes the temporary files in `dir` left by processes that are gone (killed with SIGKILL, or
/// a crash): `.kgexport-tmp-<pid>-…`, and the older `.<name>.tmp-<pid>` form.
pub(super) fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = match name.strip_prefix(TMP_PREFIX) {
            Some(rest) => rest.split('-').next(),
            None if name.starts_with('.') => name.rsplit_once(".tmp-").map(|(_, pid)| pid),
            None => None,
        };
        let Some(pid) = pid.and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !signals::process_alive(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temporaries_of_dead_processes_go_and_live_ones_stay() {
        let dir = std::env::temp_dir().join(format!("kgexport-stale-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A pid above the kernel's maximum (4,194,304) belongs to no process.
        let dead = dir.join(format!("{TMP_PREFIX}4194999-kg.ttl"));
        let old_form = dir.join(".kg.nt.tmp-4194998");
        let mine = dir.join(format!("{TMP_PREFIX}{}-kg.ttl", std::process::id()));
        let other = dir.join("kg.ttl");
        for f in [&dead, &old_form, &mine, &other] {
            std::fs::write(f, "x").unwrap();
        }
        remove_stale(&dir);
        assert!(!dead.exists() && !old_form.exists());
        assert!(mine.exists() && other.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
