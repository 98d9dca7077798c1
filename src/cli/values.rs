//! The values of the command line's options, read and checked: formats, languages, dates,
//! base IRIs, shards, result formats.

use kgexport::article::Lang;
use kgexport::export::Format;
use kgexport::graph::Base;
use kgexport::store::ResultsFormat;
use kgexport::time::PartialDate;

pub(super) fn parse_results(text: &str) -> Result<ResultsFormat, String> {
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

pub(super) fn parse_shard(text: &str) -> Result<Shard, String> {
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

pub(super) fn parse_formats(text: &str) -> Result<Formats, String> {
    let mut formats = Vec::new();
    for name in text.split(',').filter(|n| !n.trim().is_empty()) {
        let format = Format::parse(name).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!("unknown format {name:?} (expected one of {})", names.join(", "))
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

pub(super) fn parse_lang(text: &str) -> Result<LangChoice, String> {
    match text {
        "auto" => Ok(LangChoice(None)),
        other => Lang::parse(other)
            .filter(|_| matches!(other, "de" | "en"))
            .map(|l| LangChoice(Some(l)))
            .ok_or_else(|| format!("unknown language {other:?} (expected auto, de or en)")),
    }
}

pub(super) fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text).ok_or_else(|| format!("unreadable date {text:?} (expected YYYY[-MM[-DD]])"))
}

pub(super) fn parse_base(text: &str) -> Result<Base, String> {
    Base::new(text).map_err(|e| e.to_string())
}
