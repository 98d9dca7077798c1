//! Speed of the syntax stage: tagging, and tagging plus parsing, labelling and lemmatising, on real
//! news text, one thread; with `wc -w` over the same text in the same run, and the model load time.
//!
//! `cargo bench --bench syntax` (see benches/README.md). Prints a markdown table and writes
//! `benches/syntax-results.md`, with the accuracy on the held-back treebank sentences when
//! `KGX_UD_DIR` (default `../shared/ud`) holds them.
//!
//! Environment (all optional):
//!   KGX_CORPUS_DIR        folder of wikinews-{de,en}.jsonl   default ../shared/corpus beside the crate
//!   KGX_SYNTAX_TOKENS     tokens per language to reach       default 300000 (articles taken in file order)
//!   KGX_SYNTAX_ARTICLES   articles per language              overrides KGX_SYNTAX_TOKENS
//!   KGX_SYNTAX_REPEAT     repetitions, the fastest counts    default 3
//!   KGX_BENCH_OUT         where syntax-results.md goes       default benches/
//!
//! When a language's file has fewer tokens than asked for, the articles are taken again from the
//! start of the file (the table says how many passes that took).

use kgexport::article::{self, Lang};
use kgexport::syntax;
use kgexport::text;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Goal: tagging plus parsing, tokens per second on one core.
const GOAL_TOKENS_PER_S: f64 = 300_000.0;
/// Goal: model load, milliseconds.
const GOAL_LOAD_MS: f64 = 100.0;
/// Argument that makes the benchmark binary time one model load and exit.
const LOAD_ARG: &str = "--kgx-time-model-load";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == LOAD_ARG) {
        child_load(args.get(i + 1).map(String::as_str), args.get(i + 2).is_some_and(|a| a == "parts"));
        return;
    }
    if let Err(e) = run() {
        eprintln!("syntax bench: {e}");
        std::process::exit(1);
    }
}

/// In a fresh process: times the first call of `syntax::model(lang)` and prints nanoseconds and
/// whether a model was there; with `parts`, instead times its two parts on their own (the lexicon
/// tables, then the decoding of the weights) and prints both.
fn child_load(tag: Option<&str>, parts: bool) {
    let Some(lang) = tag.and_then(Lang::parse) else {
        eprintln!("{LOAD_ARG} needs de or en");
        std::process::exit(2);
    };
    if parts {
        let start = Instant::now();
        let lexicon = black_box(syntax::lexicon(lang));
        let lexicon_ns = start.elapsed().as_nanos();
        let start = Instant::now();
        let model = black_box(syntax::Model::decode(kgexport::lang::syntax_data(lang).model, lexicon));
        let decode_ns = start.elapsed().as_nanos();
        println!("{lexicon_ns} {decode_ns} {}", if model.is_ok() { "ok" } else { "none" });
    } else {
        let start = Instant::now();
        let model = black_box(syntax::model(lang));
        let ns = start.elapsed().as_nanos();
        println!("{ns} {}", if model.is_some() { "ok" } else { "none" });
    }
}

type Error = Box<dyn std::error::Error>;

fn env_usize(name: &str, default: usize) -> Result<usize, Error> {
    match std::env::var(name) {
        Ok(v) => v.trim().replace(['_', ','], "").parse().map_err(|_| format!("{name}={v}: not a number").into()),
        Err(_) => Ok(default),
    }
}

/// Model load in fresh processes: best and worst of the repetitions, and the best of each part.
struct Load {
    best: Duration,
    worst: Duration,
    lexicon: Duration,
    decode: Duration,
    present: bool,
}

struct Timing {
    best: Duration,
    /// The share of the best repetition's wall time this thread was on a CPU (from
    /// /proc/thread-self/schedstat): well below 100% means other processes took the core.
    on_cpu: Option<f64>,
}

struct LangResult {
    lang: Lang,
    articles: usize,
    distinct: usize,
    passes: usize,
    sentences: usize,
    tokens: usize,
    longest: usize,
    wc_words: Option<usize>,
    load: Load,
    tag: Option<Timing>,
    analyse: Option<Timing>,
    wc: Option<WcTime>,
}

/// The best `wc -w` time and the locale it ran under.
type WcTime = (Duration, &'static str);

fn run() -> Result<(), Error> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("KGX_CORPUS_DIR").map_or_else(|| root.join("../shared/corpus"), PathBuf::from);
    let want_tokens = env_usize("KGX_SYNTAX_TOKENS", 300_000)?;
    let want_articles =
        std::env::var_os("KGX_SYNTAX_ARTICLES").map(|_| env_usize("KGX_SYNTAX_ARTICLES", 0)).transpose()?;
    let repeat = env_usize("KGX_SYNTAX_REPEAT", 3)?.max(1);
    let out_dir = std::env::var_os("KGX_BENCH_OUT").map_or_else(|| root.join("benches"), PathBuf::from);
    let scratch = target_dir(root).join("kgx-bench-syntax");
    std::fs::create_dir_all(&scratch)?;
    let load_before = loadavg();

    let mut results = Vec::new();
    for lang in Lang::ALL {
        // The load first, in fresh processes, before this process has touched the model.
        eprintln!("== {}: model load, {repeat} fresh processes", lang.tag());
        let load = time_load(lang, repeat)?;

        let path = corpus.join(format!("wikinews-{}.jsonl", lang.tag()));
        eprintln!("== {}: reading and segmenting {}", lang.tag(), path.display());
        let texts = read_texts(&path)?;
        if texts.is_empty() {
            return Err(format!("{}: no articles", path.display()).into());
        }
        let rules = kgexport::lang::rules(lang);
        let mut sentences = Vec::new();
        let mut joined = String::new();
        let (mut articles, mut tokens) = (0, 0);
        while want_articles.map_or(tokens < want_tokens, |n| articles < n) {
            let text = &texts[articles % texts.len()];
            for s in text::segment(text, rules) {
                tokens += s.tokens.len();
                sentences.push(s);
            }
            joined.push_str(text);
            joined.push_str("\n\n");
            articles += 1;
        }
        let forms: Vec<Vec<&str>> =
            sentences.iter().map(|s| s.tokens.iter().map(|t| t.text.as_str()).collect()).collect();
        let longest = forms.iter().map(Vec::len).max().unwrap_or(0);

        let text_file = scratch.join(format!("syntax-{}.txt", lang.tag()));
        std::fs::write(&text_file, &joined)?;
        drop(joined);

        let mut result = LangResult {
            lang,
            articles,
            distinct: articles.min(texts.len()),
            passes: articles.div_ceil(texts.len()),
            sentences: forms.len(),
            tokens,
            longest,
            wc_words: None,
            load,
            tag: None,
            analyse: None,
            wc: None,
        };
        match syntax::model(lang) {
            None => eprintln!("== {}: no model compiled in; nothing to time", lang.tag()),
            Some(model) => {
                eprintln!("== {}: tag, {} sentences, {tokens} tokens, best of {repeat}", lang.tag(), forms.len());
                result.tag = Some(best_of(repeat, || {
                    for f in &forms {
                        black_box(model.tag(black_box(f)));
                    }
                }));
                eprintln!("== {}: analyse, best of {repeat}", lang.tag());
                result.analyse = Some(best_of(repeat, || {
                    for f in &forms {
                        black_box(model.analyse(black_box(f)));
                    }
                }));
            }
        }
        eprintln!("== {}: wc -w, best of {repeat} per locale", lang.tag());
        let (wc, words) = time_wc(&text_file, repeat)?;
        result.wc = wc;
        result.wc_words = words;
        results.push(result);
    }

    let load_after = loadavg();
    let accuracy = accuracy(root);
    let table = render(&results, repeat) + &accuracy;
    println!("{table}");
    let machine = machine(root, &load_before, &load_after);
    std::fs::create_dir_all(&out_dir)?;
    let out = out_dir.join("syntax-results.md");
    std::fs::write(&out, format!("# Syntax stage speed and accuracy\n\n{table}\n{machine}"))?;
    println!("{machine}");
    eprintln!("== wrote {}", out.display());
    Ok(())
}

/// The accuracy of the compiled-in models on the held-back treebank sentences (positions ≡ 9
/// mod 10 of each file in `KGX_UD_DIR`, default `../shared/ud`), as a markdown section; a note
/// instead when the treebanks are not there.
fn accuracy(root: &Path) -> String {
    let ud = std::env::var_os("KGX_UD_DIR").map_or_else(|| root.join("../shared/ud"), PathBuf::from);
    let mut out = String::from(
        "\n## Accuracy (held-back treebank sentences, words given)\n\n\
         | lang | words | UPOS | lemma | all features | Case (NOUN, PRON, DET, ADJ) | UAS | LAS | F1 nsubj/obj/iobj/obl |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for lang in Lang::ALL {
        let dir = ud.join(lang.tag());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return format!("\n## Accuracy\n\nNo treebanks at {}; set KGX_UD_DIR.\n", dir.display());
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
            .collect();
        files.sort();
        let read: Vec<_> = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .filter_map(|t| kgexport::syntax::conllu::read(&t).ok())
            .collect();
        let (_, held_back) = kgexport::syntax::train::split(read, false);
        let Some(model) = syntax::model(lang) else { continue };
        let sc = kgexport::syntax::score::Scores::measure(model, &held_back);
        out.push_str(&format!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
            lang.tag(),
            sc.words,
            sc.upos(),
            sc.lemma(),
            sc.feats(),
            sc.case(),
            sc.uas(),
            sc.las(),
            sc.core_f1()
        ));
    }
    out
}

/// The target folder: CARGO_TARGET_DIR, else the one this binary was built into (target/release/deps/).
fn target_dir(root: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| root.join("target"))
}

/// The `text` of every article of a JSON Lines file, in file order, read by kgexport's own reader.
fn read_texts(path: &Path) -> Result<Vec<String>, Error> {
    let input = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut texts = Vec::new();
    for (i, line) in input.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let origin = format!("{}:{}", path.display(), i + 1);
        let article = article::parse_json_line(&origin, line).map_err(|e| format!("{origin}: {e}"))?;
        texts.push(article.text);
    }
    Ok(texts)
}

fn best_of(repeat: usize, mut work: impl FnMut()) -> Timing {
    let mut best = Timing { best: Duration::MAX, on_cpu: None };
    for _ in 0..repeat {
        let cpu = thread_cpu_ns();
        let start = Instant::now();
        work();
        let took = start.elapsed();
        if took < best.best {
            let on_cpu = cpu.zip(thread_cpu_ns()).map(|(a, b)| b.saturating_sub(a) as f64 / took.as_nanos() as f64);
            best = Timing { best: took, on_cpu };
        }
    }
    best
}

/// Nanoseconds this thread has spent on a CPU (Linux).
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

fn time_load(lang: Lang, repeat: usize) -> Result<Load, Error> {
    let exe = std::env::current_exe()?;
    let child = |parts: bool| -> Result<(Vec<u64>, bool), Error> {
        let mut cmd = Command::new(&exe);
        cmd.args([LOAD_ARG, lang.tag()]);
        if parts {
            cmd.arg("parts");
        }
        let out = cmd.output()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<&str> = stdout.split_whitespace().collect();
        let numbers: Vec<u64> = fields.iter().filter_map(|f| f.parse().ok()).collect();
        let want = if parts { 2 } else { 1 };
        if !out.status.success() || numbers.len() != want {
            return Err(format!("model load child failed: {}", String::from_utf8_lossy(&out.stderr).trim()).into());
        }
        Ok((numbers, fields.last() == Some(&"ok")))
    };
    let mut load = Load {
        best: Duration::MAX,
        worst: Duration::ZERO,
        lexicon: Duration::MAX,
        decode: Duration::MAX,
        present: false,
    };
    for _ in 0..repeat {
        let (ns, present) = child(false)?;
        let d = Duration::from_nanos(ns[0]);
        load.best = load.best.min(d);
        load.worst = load.worst.max(d);
        load.present = present;
    }
    for _ in 0..repeat {
        let (ns, _) = child(true)?;
        load.lexicon = load.lexicon.min(Duration::from_nanos(ns[0]));
        load.decode = load.decode.min(Duration::from_nanos(ns[1]));
    }
    Ok(load)
}

/// `wc -w FILE`, best of `repeat` under `LC_ALL=C` and under `LC_ALL=C.UTF-8`; the faster locale
/// counts (as in benches/harness.py). Returns the time, the locale and the word count.
fn time_wc(file: &Path, repeat: usize) -> Result<(Option<WcTime>, Option<usize>), Error> {
    let mut best: Option<WcTime> = None;
    let mut words = None;
    for locale in ["C", "C.UTF-8"] {
        for _ in 0..repeat {
            let start = Instant::now();
            let out = Command::new("wc").arg("-w").arg(file).env("LC_ALL", locale).output()?;
            let took = start.elapsed();
            if !out.status.success() {
                eprintln!("   LC_ALL={locale} wc -w failed: {}", String::from_utf8_lossy(&out.stderr).trim());
                break;
            }
            let count = String::from_utf8_lossy(&out.stdout).split_whitespace().next().and_then(|n| n.parse().ok());
            if locale == "C.UTF-8" || words.is_none() {
                words = count;
            }
            if best.is_none_or(|(b, _)| took < b) {
                best = Some((took, locale));
            }
        }
    }
    Ok((best, words))
}

fn per_s(tokens: usize, d: Duration) -> f64 {
    tokens as f64 / d.as_secs_f64()
}

fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn render(results: &[LangResult], repeat: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Throughput (one thread, best of {repeat})\n");
    let _ = writeln!(
        s,
        "| lang | articles | sentences | tokens | `tag` tokens/s | `tag` µs/sentence | `analyse` tokens/s \
         | `analyse` µs/sentence | on CPU (`tag` / `analyse`) | `wc -w` | `analyse` ÷ `wc -w` \
         | goal ≥ {} tokens/s |",
        thousands(GOAL_TOKENS_PER_S)
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for r in results {
        let sentences = r.sentences.max(1) as f64;
        let cells = |t: &Option<Timing>| match t {
            Some(t) => (thousands(per_s(r.tokens, t.best)), format!("{:.1}", t.best.as_secs_f64() * 1e6 / sentences)),
            None => ("n/a".into(), "n/a".into()),
        };
        let (tag_rate, tag_us) = cells(&r.tag);
        let (an_rate, an_us) = cells(&r.analyse);
        let share = |t: &Option<Timing>| {
            t.as_ref().and_then(|t| t.on_cpu).map_or_else(|| "?".to_string(), |f| format!("{:.0}%", f * 100.0))
        };
        let on_cpu = format!("{} / {}", share(&r.tag), share(&r.analyse));
        let wc = r.wc.map_or_else(|| "n/a".into(), |(d, locale)| format!("{} (LC_ALL={locale})", ms(d)));
        let ratio = match (&r.analyse, r.wc) {
            (Some(a), Some((w, _))) => format!("{:.0}×", a.best.as_secs_f64() / w.as_secs_f64()),
            _ => "n/a".into(),
        };
        let goal = match &r.analyse {
            Some(a) => {
                let rate = per_s(r.tokens, a.best);
                let verdict = if rate >= GOAL_TOKENS_PER_S { "met" } else { "missed" };
                format!("{verdict} ({:.2}×)", rate / GOAL_TOKENS_PER_S)
            }
            None => "n/a (no model)".into(),
        };
        let articles = if r.passes > 1 {
            format!("{} ({} distinct, {} passes)", r.articles, r.distinct, r.passes)
        } else {
            r.articles.to_string()
        };
        let _ = writeln!(
            s,
            "| {} | {articles} | {} | {} | {tag_rate} | {tag_us} | {an_rate} | {an_us} | {on_cpu} | {wc} | {ratio} \
             | {goal} |",
            r.lang.tag(),
            thousands(r.sentences as f64),
            thousands(r.tokens as f64),
        );
    }
    let _ = writeln!(
        s,
        "\nTokens are those of `text::segment` (words, numbers and punctuation), split before timing; \
         `tag` gives parts of speech, morphology and lemmas, `analyse` adds the dependency tree and its labels. \
         `wc -w` runs over the same text (articles joined by blank lines; it counted {}), the faster of \
         `LC_ALL=C` and `LC_ALL=C.UTF-8`, process start included. The goal is judged on `analyse`. \
         On CPU: the share of the best repetition's wall time the benchmark thread ran \
         (`/proc/thread-self/schedstat`); below 100% other processes took the core. \
         Longest sentence: {}.",
        results
            .iter()
            .map(|r| format!(
                "{} {} words",
                r.lang.tag(),
                r.wc_words.map_or_else(|| "?".into(), |w| thousands(w as f64))
            ))
            .collect::<Vec<_>>()
            .join(", "),
        results.iter().map(|r| format!("{} {} tokens", r.lang.tag(), r.longest)).collect::<Vec<_>>().join(", "),
    );
    let _ = writeln!(s, "\n## Model load (first `syntax::model(lang)` call in a fresh process, {repeat} processes)\n");
    let _ = writeln!(
        s,
        "The goal is judged on the best. The two parts are timed in {repeat} further fresh processes each \
         (`syntax::lexicon`, then `Model::decode`; best of each), to show where the time goes.\n"
    );
    let _ = writeln!(
        s,
        "| lang | best | worst | lexicon tables alone | weights decode alone | goal ≤ {GOAL_LOAD_MS:.0} ms |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---|");
    for r in results {
        let goal = if !r.load.present {
            "n/a (no model)".to_string()
        } else if r.load.best.as_secs_f64() * 1e3 <= GOAL_LOAD_MS {
            "met".to_string()
        } else {
            "missed".to_string()
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {goal} |",
            r.lang.tag(),
            ms(r.load.best),
            ms(r.load.worst),
            ms(r.load.lexicon),
            ms(r.load.decode)
        );
    }
    s
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn command_line(cmd: &str, args: &[&str], dir: &Path) -> Option<String> {
    let out = Command::new(cmd).args(args).current_dir(dir).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn machine(root: &Path, load_before: &str, load_after: &str) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    let nproc = command_line("nproc", &[], root).unwrap_or_else(|| "?".into());
    let commit = command_line("git", &["rev-parse", "--short", "HEAD"], root).unwrap_or_else(|| "?".into());
    let dirty = command_line("git", &["status", "--porcelain", "--", "src", "data", "Cargo.toml", "Cargo.lock"], root)
        .is_some_and(|s| !s.is_empty());
    let models = Lang::ALL
        .iter()
        .map(|&l| format!("{} {} bytes", l.tag(), thousands(kgexport::lang::syntax_data(l).model.len() as f64)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut s = String::new();
    let _ = writeln!(s, "## Machine\n");
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| CPU | {cpu} |");
    let _ = writeln!(s, "| nproc | {nproc} |");
    let _ = writeln!(
        s,
        "| commit | {commit}{} |",
        if dirty { " (with uncommitted changes in src/, data/ or Cargo.*)" } else { "" }
    );
    let _ = writeln!(s, "| models | {models} |");
    let _ = writeln!(s, "| load average (1, 5, 15 min) | {load_before} at the start, {load_after} at the end |");
    s
}
