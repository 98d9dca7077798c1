//! Reading articles: input discovery (files, folders, standard input) and incremental reading of
//! text, JSON and JSON Lines, with every problem named by file and line.

use kgexport::article::{self, Article};
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// Articles from every input, read incrementally: whole files for text and JSON, line by line
/// for JSON Lines (also on standard input).
pub(super) struct ArticleSource {
    pending: std::collections::VecDeque<Input>,
    current: Option<LineReader>,
    /// Bytes of all inputs, when every input is a file.
    pub(super) total_bytes: Option<u64>,
    /// Bytes read so far.
    pub(super) bytes_read: u64,
}

enum Input {
    File(PathBuf),
    Stdin,
}

struct LineReader {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
    any: bool,
}

impl ArticleSource {
    pub(super) fn new(inputs: &[PathBuf], problems: &mut Vec<String>) -> ArticleSource {
        let mut pending = std::collections::VecDeque::new();
        let mut total = Some(0u64);
        for input in inputs {
            if input.as_os_str() == "-" {
                pending.push_back(Input::Stdin);
                total = None;
                continue;
            }
            match std::fs::metadata(input) {
                Ok(m) if m.is_dir() => match list_directory(input) {
                    Ok(files) => {
                        for f in files {
                            total = total.map(|t| t + std::fs::metadata(&f).map_or(0, |m| m.len()));
                            pending.push_back(Input::File(f));
                        }
                    }
                    Err((p, e)) => problems.push(format!("{}: {}", p.display(), io_message(&e))),
                },
                Ok(m) => {
                    total = total.map(|t| t + m.len());
                    pending.push_back(Input::File(input.clone()));
                }
                Err(e) => problems.push(format!("{}: {}", input.display(), io_message(&e))),
            }
        }
        ArticleSource { pending, current: None, total_bytes: total, bytes_read: 0 }
    }

    /// Up to `n` articles; problems go to the list. Empty when every input is read.
    pub(super) fn next_batch(&mut self, n: usize, problems: &mut Vec<String>) -> Vec<Article> {
        let mut batch = Vec::new();
        while batch.len() < n {
            if let Some(reader) = &mut self.current {
                let mut line = Vec::new();
                match reader.reader.read_until(b'\n', &mut line) {
                    Ok(0) => {
                        if !reader.any {
                            problems.push(format!("{}: empty input", reader.name));
                        }
                        self.current = None;
                    }
                    Ok(len) => {
                        self.bytes_read += len as u64;
                        reader.line += 1;
                        let (name, number) = (reader.name.clone(), reader.line);
                        read_jsonl_line(&name, number, &line, &mut batch, problems, &mut reader.any);
                    }
                    Err(e) => {
                        problems.push(format!("{}: {}", reader.name, io_message(&e)));
                        self.current = None;
                    }
                }
                continue;
            }
            let Some(input) = self.pending.pop_front() else {
                break;
            };
            self.open(input, &mut batch, problems);
        }
        batch
    }

    fn open(&mut self, input: Input, batch: &mut Vec<Article>, problems: &mut Vec<String>) {
        match input {
            Input::Stdin => {
                let mut reader = io::BufReader::new(io::stdin());
                let first = match reader.fill_buf() {
                    Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()).copied(),
                    Err(e) => return problems.push(format!("standard input: {e}")),
                };
                if first == Some(b'{') {
                    self.current = Some(LineReader {
                        name: "standard input".into(),
                        reader: Box::new(reader),
                        line: 0,
                        any: false,
                    });
                } else {
                    let mut bytes = Vec::new();
                    if let Err(e) = reader.read_to_end(&mut bytes) {
                        return problems.push(format!("standard input: {e}"));
                    }
                    self.bytes_read += bytes.len() as u64;
                    let kind = if first == Some(b'[') { "json" } else { "txt" };
                    read_bytes("standard input", kind, &bytes, batch, problems);
                }
            }
            Input::File(path) => {
                let name = path.display().to_string();
                let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
                if ext == "jsonl" {
                    match std::fs::File::open(&path) {
                        Ok(f) => {
                            self.current = Some(LineReader {
                                name,
                                reader: Box::new(io::BufReader::with_capacity(1 << 16, f)),
                                line: 0,
                                any: false,
                            })
                        }
                        Err(e) => problems.push(format!("{name}: {}", io_message(&e))),
                    }
                    return;
                }
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        self.bytes_read += bytes.len() as u64;
                        read_bytes(&name, &ext, &bytes, batch, problems);
                    }
                    Err(e) => problems.push(format!("{name}: {}", io_message(&e))),
                }
            }
        }
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
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    !name.starts_with('.') && !name.ends_with(".gold.json") && matches!(ext.as_str(), "txt" | "md" | "json" | "jsonl")
}

fn read_jsonl_line(
    name: &str,
    number: usize,
    line: &[u8],
    articles: &mut Vec<Article>,
    problems: &mut Vec<String>,
    any: &mut bool,
) {
    let origin = format!("{name}:{number}");
    let text = match std::str::from_utf8(line) {
        Ok(t) => t.trim(),
        Err(e) => {
            return problems.push(format!("{origin}: not valid UTF-8 (byte {})", e.valid_up_to()));
        }
    };
    if text.is_empty() {
        return;
    }
    *any = true;
    match article::parse_json_line(&origin, text) {
        Ok(a) => articles.push(a),
        Err(e) => problems.push(format!("{origin}: {e}")),
    }
}

fn read_bytes(name: &str, ext: &str, bytes: &[u8], articles: &mut Vec<Article>, problems: &mut Vec<String>) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return problems.push(format!("{name}: not valid UTF-8 (byte {})", e.valid_up_to()));
        }
    };
    if ext == "json" {
        match article::parse_json_document(name, text) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(a) => articles.push(a),
                        Err(e) => problems.push(format!("{name}: {e}")),
                    }
                }
            }
            Err(e) => problems.push(format!("{name}: {e}")),
        }
        return;
    }
    match article::parse_text(name, text) {
        Ok(a) => articles.push(a),
        Err(e) => problems.push(format!("{name}: {e}")),
    }
}

pub(super) fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
