//! Reading articles: input discovery (files, folders, standard input) and incremental reading of
//! text, JSON and JSON Lines, with every problem named by file and line.

use kgexport::article::{self, Article};
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// Articles from every input, read incrementally: whole files for text and JSON, line by line
/// for JSON Lines (also on standard input), each article at most `limit` bytes.
pub(super) struct ArticleSource {
    pending: std::collections::VecDeque<Input>,
    current: Option<LineReader>,
    /// Bytes of all inputs, when every input is a file.
    pub(super) total_bytes: Option<u64>,
    /// Bytes read so far.
    pub(super) bytes_read: u64,
    /// The largest article, in bytes (a text file, a JSON Lines line, a JSON article's text).
    limit: usize,
    /// Article keys handed out so far (their first 48 bits), so that every key is unique.
    keys: std::collections::HashSet<u64>,
    /// What was noticed but skips nothing: duplicates, folders reached twice.
    pub(super) warnings: Vec<String>,
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

/// Why nothing is written: an input given by name that does not exist. A first input that looks
/// like a mistyped command is a usage error.
pub(super) fn check_inputs(inputs: &[PathBuf]) -> anyhow::Result<()> {
    for (i, input) in inputs.iter().enumerate() {
        if input.as_os_str() == "-" {
            continue;
        }
        if let Err(e) = std::fs::metadata(input) {
            let text = input.to_string_lossy();
            if i == 0 && !text.contains(['/', '.', '\\']) {
                let hint = super::COMMANDS
                    .iter()
                    .find(|c| edit_distance(c, &text) <= 2)
                    .map(|c| format!(" (did you mean `kgexport {c}`?)"))
                    .unwrap_or_default();
                return Err(super::UsageError(format!(
                    "{text}: neither a command ({}) nor an input file or folder; nothing written{hint}",
                    super::COMMANDS.join(", ")
                ))
                .into());
            }
            anyhow::bail!("{}: {}; nothing written", input.display(), io_message(&e));
        }
    }
    Ok(())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

impl ArticleSource {
    pub(super) fn new(inputs: &[PathBuf], limit: usize, problems: &mut Vec<String>) -> ArticleSource {
        let mut pending = std::collections::VecDeque::new();
        let mut total = Some(0u64);
        let mut walk = Walk::default();
        for input in inputs {
            if input.as_os_str() == "-" {
                pending.push_back(Input::Stdin);
                total = None;
                continue;
            }
            match std::fs::metadata(input) {
                Ok(m) if m.is_dir() => {
                    let mut files = Vec::new();
                    walk.directory(input, &mut files, problems);
                    for f in files {
                        total = total.map(|t| t + std::fs::metadata(&f).map_or(0, |m| m.len()));
                        pending.push_back(Input::File(f));
                    }
                }
                Ok(m) => {
                    if walk.first_time(input) {
                        total = total.map(|t| t + m.len());
                        pending.push_back(Input::File(input.clone()));
                    }
                }
                Err(e) => problems.push(format!("{}: {}", input.display(), io_message(&e))),
            }
        }
        ArticleSource {
            pending,
            current: None,
            total_bytes: total,
            bytes_read: 0,
            limit,
            keys: Default::default(),
            warnings: walk.warnings,
        }
    }

    /// Up to `n` articles, each with a key no earlier article has; problems go to the list.
    /// Empty when every input is read.
    pub(super) fn next_batch(&mut self, n: usize, problems: &mut Vec<String>) -> Vec<Article> {
        let mut batch = Vec::new();
        while batch.len() < n {
            if let Some(reader) = &mut self.current {
                let mut line = Vec::new();
                match read_bounded_line(&mut reader.reader, self.limit, &mut line) {
                    Ok(Line::End) => {
                        if !reader.any {
                            problems.push(format!("{}: empty input", reader.name));
                        }
                        self.current = None;
                    }
                    Ok(Line::Read(len)) => {
                        self.bytes_read += len as u64;
                        reader.line += 1;
                        let (name, number) = (reader.name.clone(), reader.line);
                        read_jsonl_line(&name, number, &line, &mut batch, problems, &mut reader.any);
                    }
                    Ok(Line::TooLong(len)) => {
                        self.bytes_read += len as u64;
                        reader.line += 1;
                        reader.any = true;
                        problems.push(format!(
                            "{}:{}: {}",
                            reader.name,
                            reader.line,
                            too_large(len as u64, self.limit)
                        ));
                    }
                    Err(e) => {
                        problems.push(format!("{}: {}", reader.name, io_message(&e)));
                        self.current = None;
                    }
                }
            } else {
                let Some(input) = self.pending.pop_front() else {
                    break;
                };
                self.open(input, &mut batch, problems);
            }
        }
        for article in &mut batch {
            self.unique_key(article);
        }
        batch
    }

    /// Keeps an article apart from an earlier one with the same key (the same URL, or the same id
    /// and text): it gets its id, else a counter, into its key, and a warning says so.
    fn unique_key(&mut self, article: &mut Article) {
        let number = |key: &str| u64::from_str_radix(key, 16).unwrap_or(0);
        let key = article.key();
        if self.keys.insert(number(&key)) {
            return;
        }
        let mut counter = 1;
        loop {
            article.discriminator = Some(match &article.id {
                Some(id) if counter == 1 => id.clone(),
                Some(id) => format!("{id}#{counter}"),
                None => format!("#{counter}"),
            });
            if self.keys.insert(number(&article.key())) {
                break;
            }
            counter += 1;
        }
        let same = match &article.url {
            Some(url) => format!("the same URL ({url})"),
            None => "the same id and text".to_string(),
        };
        self.warnings.push(format!(
            "{}: {same} as an earlier article; kept apart as article {} (not {key})",
            article.origin,
            article.key()
        ));
    }

    fn open(&mut self, input: Input, batch: &mut Vec<Article>, problems: &mut Vec<String>) {
        match input {
            Input::Stdin => {
                let mut reader = io::BufReader::new(io::stdin());
                let first = match reader.fill_buf() {
                    Ok(buf) => {
                        let buf = buf.strip_prefix(BOM).unwrap_or(buf);
                        buf.iter().find(|b| !b.is_ascii_whitespace()).copied()
                    }
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
                    let bound = if first == Some(b'[') { u64::MAX } else { self.limit as u64 + BOM.len() as u64 + 1 };
                    if let Err(e) = reader.by_ref().take(bound).read_to_end(&mut bytes) {
                        return problems.push(format!("standard input: {e}"));
                    }
                    self.bytes_read += bytes.len() as u64;
                    if bytes.len() as u64 == bound {
                        let rest = io::copy(&mut reader, &mut io::sink()).unwrap_or(0);
                        self.bytes_read += rest;
                        return problems.push(format!("standard input: {}", too_large(bound + rest, self.limit)));
                    }
                    let kind = if first == Some(b'[') { "json" } else { "txt" };
                    read_bytes("standard input", kind, &bytes, self.limit, batch, problems);
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
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                if ext != "json" && size > (self.limit + BOM.len()) as u64 {
                    self.bytes_read += size;
                    return problems.push(format!("{name}: {}", too_large(size, self.limit)));
                }
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        self.bytes_read += bytes.len() as u64;
                        read_bytes(&name, &ext, &bytes, self.limit, batch, problems);
                    }
                    Err(e) => problems.push(format!("{name}: {}", io_message(&e))),
                }
            }
        }
    }
}

const BOM: &[u8] = b"\xef\xbb\xbf";

fn too_large(size: u64, limit: usize) -> String {
    format!("article of {size} bytes is larger than --max-article-bytes {limit}; skipped")
}

/// What one bounded read of a line gave.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// The end of the input.
    End,
    /// A line of this many bytes (with its line break), in the buffer.
    Read(usize),
    /// A line of this many bytes, longer than the limit: read past, not kept.
    TooLong(usize),
}

/// Reads one line into `buf` unless it is longer than `limit` bytes (its line break and a
/// carriage return aside): such a line is read past without being kept, so memory stays bounded.
fn read_bounded_line(reader: &mut dyn BufRead, limit: usize, buf: &mut Vec<u8>) -> io::Result<Line> {
    buf.clear();
    let (mut total, mut too_long) = (0usize, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (len, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + len > limit + 2 + BOM.len() {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(&available[..len]);
            }
        }
        reader.consume(len);
        total += len;
        if done {
            break;
        }
    }
    Ok(match (total, too_long) {
        (0, _) => Line::End,
        (n, true) => Line::TooLong(n),
        (n, false) => Line::Read(n),
    })
}

/// Walks folders: sorted, recursive, every folder once (a symlink back into the walk is not
/// followed again), every file once; an entry that cannot be read is reported and the walk goes on.
#[derive(Default)]
struct Walk {
    folders: std::collections::HashSet<PathBuf>,
    files: std::collections::HashSet<PathBuf>,
    warnings: Vec<String>,
}

impl Walk {
    /// Whether a file is met for the first time (a file that cannot be resolved counts as new:
    /// reading it reports the problem).
    fn first_time(&mut self, file: &Path) -> bool {
        let Ok(real) = std::fs::canonicalize(file) else { return true };
        let new = self.files.insert(real);
        if !new {
            self.warnings.push(format!("{}: the same file as an earlier input; read once", file.display()));
        }
        new
    }

    fn directory(&mut self, dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
        match std::fs::canonicalize(dir) {
            Ok(real) => {
                if !self.folders.insert(real) {
                    let warning = format!("{}: a folder already read (a symlink); not read again", dir.display());
                    return self.warnings.push(warning);
                }
            }
            Err(e) => return problems.push(format!("{}: {}", dir.display(), io_message(&e))),
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return problems.push(format!("{}: {}", dir.display(), io_message(&e))),
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => problems.push(format!("{}: {}", dir.display(), io_message(&e))),
            }
        }
        paths.sort();
        for path in paths {
            if path.is_dir() {
                self.directory(&path, out, problems);
            } else if is_article_file(&path) && self.first_time(&path) {
                out.push(path);
            }
        }
    }
}

/// Whether a path names an article file (by its extension; hidden files and gold files are not).
pub(super) fn is_article_file(path: &Path) -> bool {
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
    let line = line.strip_prefix(BOM).unwrap_or(line);
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

fn read_bytes(
    name: &str,
    ext: &str,
    bytes: &[u8],
    limit: usize,
    articles: &mut Vec<Article>,
    problems: &mut Vec<String>,
) {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
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
                        Ok(a) if a.text.len() > limit => {
                            problems.push(format!("{}: {}", a.origin, too_large(a.text.len() as u64, limit)))
                        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_longer_than_the_limit_is_read_past_without_being_kept() {
        let long = "x".repeat(100_000);
        let input = format!("{{\"a\":1}}\n{long}\n{{\"b\":2}}");
        let mut reader = io::BufReader::with_capacity(1024, input.as_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_bounded_line(&mut reader, 1000, &mut buf).unwrap(), Line::Read(8));
        assert_eq!(buf, b"{\"a\":1}\n");
        assert_eq!(read_bounded_line(&mut reader, 1000, &mut buf).unwrap(), Line::TooLong(100_001));
        assert!(buf.capacity() <= 2048, "the long line was not buffered: {}", buf.capacity());
        assert_eq!(read_bounded_line(&mut reader, 1000, &mut buf).unwrap(), Line::Read(7));
        assert_eq!(buf, b"{\"b\":2}");
        assert_eq!(read_bounded_line(&mut reader, 1000, &mut buf).unwrap(), Line::End);
    }

    #[test]
    fn mistyped_commands_are_near_real_ones() {
        assert_eq!(edit_distance("lod", "load"), 1);
        assert_eq!(edit_distance("qeury", "query"), 2);
        assert!(edit_distance("news", "push") > 2);
    }
}
