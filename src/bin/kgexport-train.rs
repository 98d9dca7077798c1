//! `kgexport-train`: trains the syntax models from Universal Dependencies treebanks and scores them.
//!
//! ```text
//! cargo run --release --bin kgexport-train -- [--ud DIR] [--lang de|en] [--out DIR] [--tenth-less] [--score-only]
//! ```
//!
//! Reads every `DIR/<tag>/*.conllu` (default `../shared/ud`), trains on the sentences whose
//! position in their file is not ≡ 9 (mod 10), writes `OUT/<tag>.model` (default `data/syntax`),
//! and prints the scores on the held-back sentences. `--tenth-less` also leaves out the
//! sentences at positions ≡ 8 (mod 10) and writes no model: it shows whether more data helps.
//! Scores are printed for all held-back sentences and for its tune and check halves.

use anyhow::{Context, Result, bail};
use kgexport::article::Lang;
use kgexport::syntax::conllu::{self, Block};
use kgexport::syntax::score::Scores;
use kgexport::syntax::train::{Settings, split, train};
use kgexport::syntax::{self, Model};
use std::path::{Path, PathBuf};

struct Options {
    ud: PathBuf,
    out: PathBuf,
    langs: Vec<Lang>,
    tenth_less: bool,
    score_only: bool,
    settings: Settings,
}

fn options() -> Result<Options> {
    let mut o = Options {
        ud: PathBuf::from("../shared/ud"),
        out: PathBuf::from("data/syntax"),
        langs: Lang::ALL.to_vec(),
        tenth_less: false,
        score_only: false,
        settings: Settings::default(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--ud" => o.ud = args.next().context("--ud needs a folder")?.into(),
            "--out" => o.out = args.next().context("--out needs a folder")?.into(),
            "--lang" => {
                let tag = args.next().context("--lang needs de or en")?;
                o.langs = vec![Lang::parse(&tag).with_context(|| format!("unknown language {tag:?}"))?];
            }
            "--tenth-less" => o.tenth_less = true,
            "--feats-extra-updates" => o.settings.feats_extra_updates = args.next().context("a number")?.parse()?,
            "--folds" => o.settings.folds = args.next().context("a number")?.parse()?,
            "--min-updates" => o.settings.min_updates = args.next().context("a number")?.parse()?,
            "--keep" => o.settings.keep = args.next().context("--keep needs a number")?.parse()?,
            "--parser-epochs" => o.settings.parser_epochs = args.next().context("a number")?.parse()?,
            "--tagger-epochs" => o.settings.tagger_epochs = args.next().context("a number")?.parse()?,
            "--score-only" => o.score_only = true,
            "-h" | "--help" => {
                println!(
                    "usage: kgexport-train [--ud DIR] [--lang de|en] [--out DIR] [--tenth-less] [--score-only] [--keep W] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--min-updates N] [--feats-extra-updates N]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other:?} (try --help)"),
        }
    }
    Ok(o)
}

/// Training and held-back sentences of every treebank file of a language, files in name order.
fn read_split(dir: &Path, tenth_less: bool) -> Result<(Vec<Block>, Vec<Block>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .conllu files in {}", dir.display());
    }
    let mut read = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        read.push(conllu::read(&text).with_context(|| format!("{}", f.display()))?);
    }
    Ok(split(read, tenth_less))
}

fn main() -> Result<()> {
    let o = options()?;
    for lang in &o.langs {
        let (train_set, test_set) = read_split(&o.ud.join(lang.tag()), o.tenth_less)?;
        let model = if o.score_only {
            syntax::model(*lang).context("no model compiled in for this language")?
        } else {
            let started = std::time::Instant::now();
            let log = |m: &str| eprintln!("[{}] {m}", lang.tag());
            let model = train(&train_set, syntax::lexicon(*lang), &o.settings, &log);
            eprintln!("[{}] trained in {:.1} s", lang.tag(), started.elapsed().as_secs_f64());
            let bytes = model.encode();
            if !o.tenth_less {
                let path = o.out.join(format!("{}.model", lang.tag()));
                std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
                eprintln!("[{}] wrote {} ({} bytes)", lang.tag(), path.display(), bytes.len());
            }
            // Scored as written: the weights rounded as in the file.
            let model = Model::decode(&bytes, syntax::lexicon(*lang))?.with_grammar(syntax::grammar(*lang));
            &*Box::leak(Box::new(model))
        };
        report(*lang, model, &test_set, o.tenth_less);
    }
    Ok(())
}

/// Prints the scores on all held-back sentences, and on its two fixed halves (alternate
/// held-back sentences): a change that lifts one half and not the other is noise or fitted.
fn report(lang: Lang, model: &Model, test: &[Block], tenth_less: bool) {
    let data = if tenth_less { "nine tenths of the training data" } else { "all training data" };
    println!("{} held-back ({data}): {}", lang.tag(), Scores::measure(model, test));
    for (name, parity) in [("tune", 0), ("check", 1)] {
        let half: Vec<Block> =
            test.iter().enumerate().filter(|(i, _)| i % 2 == parity).map(|(_, b)| b.clone()).collect();
        println!("{} {name} half: {}", lang.tag(), Scores::measure(model, &half));
    }
}
