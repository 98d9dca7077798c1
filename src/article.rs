//! Article input: the text, JSON Lines and JSON forms of `spec/cli.md`, parsed without I/O.

use crate::time::PartialDate;
use serde_json::Value;
use sha2::{Digest, Sha256};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A language kgexport has rules for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `de`, `de-DE` or `English`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "de" | "deu" | "ger" | "german" | "deutsch" => Some(Lang::De),
            "en" | "eng" | "english" | "englisch" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One news article, its text NFC-normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Where it came from, for diagnostics (a path, with `:line` for JSON Lines).
    pub origin: String,
    /// The article's own id, when it has one.
    pub id: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The publication date, as precise as the source gives it.
    pub date: Option<PartialDate>,
    /// The declared language.
    pub lang: Option<Lang>,
    /// The body, NFC-normalised. Offsets in the graph count code points of this text.
    pub text: String,
    /// What keeps this article's key apart from an earlier article's with the same URL (or id
    /// and text) in one run: its id, else a counter. `None` for every article met first.
    pub discriminator: Option<String>,
}

impl Article {
    /// The content key: the first 12 hex digits of SHA-256 over the URL, else the id and text;
    /// a discriminator, when there is one, is hashed after a NUL byte.
    pub fn key(&self) -> String {
        let mut hasher = Sha256::new();
        match &self.url {
            Some(url) => hasher.update(url.as_bytes()),
            None => {
                hasher.update(self.id.as_deref().unwrap_or("").as_bytes());
                hasher.update([0]);
                hasher.update(self.text.as_bytes());
            }
        }
        if let Some(d) = &self.discriminator {
            hasher.update([0]);
            hasher.update(d.as_bytes());
        }
        hex(&hasher.finalize())[..12].to_string()
    }

    /// SHA-256 of the NFC text, in hex.
    pub fn text_sha256(&self) -> String {
        hex(&Sha256::digest(self.text.as_bytes()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArticleError {
    /// The input holds nothing but whitespace.
    #[error("empty article")]
    Empty,
    /// The article has no body text.
    #[error("article has no text")]
    NoText,
    /// A JSON value could not be parsed.
    #[error("malformed JSON: {0}")]
    Json(String),
    /// The JSON is valid but not an article object.
    #[error("not an article object: {0}")]
    NotAnObject(&'static str),
    /// A text field holding something other than a string.
    #[error("field {0:?} must be a string, not {1}")]
    NotAString(&'static str, &'static str),
    /// A date field that is not `YYYY[-MM[-DD]]`.
    #[error("unreadable date {0:?} (expected YYYY[-MM[-DD]])")]
    Date(String),
}

const HEADER_KEYS: &[&str] = &["date", "id", "lang", "language", "source", "title", "url"];

/// Parses the plain-text form: an optional `key: value` header ended by a blank line, or the
/// inline `date YYYY[-MM[-DD]] body…` first line, then the body.
pub fn parse_text(origin: &str, input: &str) -> Result<Article, ArticleError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    let mut article = blank(origin);
    let body = match split_header(input) {
        Some((header, body)) => {
            for (key, value) in header {
                apply_field(&mut article, &key, value)?;
            }
            body
        }
        None => match split_inline_date(input) {
            Some((date, body)) => {
                article.date = Some(PartialDate::parse(date).ok_or_else(|| ArticleError::Date(date.into()))?);
                body
            }
            None => input,
        },
    };
    set_text(&mut article, body)?;
    Ok(article)
}

fn blank(origin: &str) -> Article {
    Article {
        origin: origin.to_string(),
        id: None,
        title: None,
        url: None,
        date: None,
        lang: None,
        text: String::new(),
        discriminator: None,
    }
}

/// The header block, if the input starts with one: every line up to the first blank line is a
/// known `key: value` pair.
fn split_header(input: &str) -> Option<(Vec<(String, &str)>, &str)> {
    let end = input.find("\n\n").or_else(|| input.find("\r\n\r\n"))?;
    let mut fields = Vec::new();
    for line in input[..end].lines() {
        let (key, value) = line.split_once(':')?;
        let key = key.trim().to_ascii_lowercase();
        if !HEADER_KEYS.contains(&key.as_str()) {
            return None;
        }
        fields.push((key, value.trim()));
    }
    (!fields.is_empty()).then(|| (fields, input[end..].trim_start_matches(['\r', '\n'])))
}

/// The older inline form: ` date 2023-10 Body text…`.
fn split_inline_date(input: &str) -> Option<(&str, &str)> {
    let rest = input.trim_start().strip_prefix("date")?;
    let rest = rest.strip_prefix([' ', '\t'])?.trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let date = &rest[..end];
    date.starts_with(|c: char| c.is_ascii_digit()).then(|| (date, rest[end..].trim_start_matches([' ', '\t'])))
}

fn apply_field(article: &mut Article, key: &str, value: &str) -> Result<(), ArticleError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
    }
    match key {
        "date" => article.date = Some(PartialDate::parse(value).ok_or_else(|| ArticleError::Date(value.into()))?),
        "id" => article.id = Some(value.into()),
        "lang" | "language" => article.lang = Lang::parse(value),
        "title" => article.title = Some(value.into()),
        "url" => article.url = Some(value.into()),
        "source" if value.starts_with("http://") || value.starts_with("https://") => article.url = Some(value.into()),
        _ => {}
    }
    Ok(())
}

fn set_text(article: &mut Article, body: &str) -> Result<(), ArticleError> {
    let text = nfc(body.replace("\r\n", "\n"));
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(ArticleError::NoText);
    }
    article.text = text;
    Ok(())
}

/// `text` in Unicode normalisation form C; most text is so already, which a quick check tells
/// without composing it anew.
fn nfc(text: String) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        IsNormalized::No | IsNormalized::Maybe => text.nfc().collect(),
    }
}

/// Parses one JSON Lines record.
pub fn parse_json_line(origin: &str, line: &str) -> Result<Article, ArticleError> {
    let value: Value = serde_json::from_str(line).map_err(|e| ArticleError::Json(e.to_string()))?;
    from_json_value(origin, &value)
}

/// Parses a `.json` file: one article object or an array of them. Each element is parsed on its
/// own, so one bad element does not hide the others.
pub fn parse_json_document(origin: &str, input: &str) -> Result<Vec<Result<Article, ArticleError>>, ArticleError> {
    if input.trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    let value: Value = serde_json::from_str(input).map_err(|e| ArticleError::Json(e.to_string()))?;
    match &value {
        Value::Array(items) => {
            Ok(items.iter().enumerate().map(|(i, item)| from_json_value(&format!("{origin}[{i}]"), item)).collect())
        }
        _ => Ok(vec![from_json_value(origin, &value)]),
    }
}

/// Reads an article object, accepting the news-please field names too.
pub fn from_json_value(origin: &str, value: &Value) -> Result<Article, ArticleError> {
    let Value::Object(map) = value else {
        return Err(ArticleError::NotAnObject("expected a JSON object"));
    };
    let field = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| match map.get(*n) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    for name in ["text", "maintext", "description"] {
        let kind = match map.get(name) {
            None | Some(Value::String(_) | Value::Null) => continue,
            Some(Value::Number(_)) => "a number",
            Some(Value::Bool(_)) => "a boolean",
            Some(Value::Array(_)) => "an array",
            Some(Value::Object(_)) => "an object",
        };
        return Err(ArticleError::NotAString(name, kind));
    }
    let mut article = blank(origin);
    article.id = field(&["id"]);
    article.title = field(&["title"]);
    article.url = field(&["url"]);
    article.lang = field(&["lang", "language"]).as_deref().and_then(Lang::parse);
    if let Some(date) = field(&["date", "date_publish"]) {
        article.date = Some(PartialDate::parse(&date).ok_or(ArticleError::Date(date))?);
    }
    let text = match (field(&["text"]), field(&["maintext"]), field(&["description"])) {
        (Some(text), _, _) => text,
        (None, Some(main), Some(desc)) if !main.starts_with(desc.trim()) => {
            format!("{desc}\n\n{main}")
        }
        (None, Some(main), _) => main,
        (None, None, Some(desc)) => desc,
        (None, None, None) => return Err(ArticleError::NoText),
    };
    set_text(&mut article, &text)?;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_block() {
        let a =
            parse_text("a.txt", "title: T\ndate: 2020-01-02\nlang: en\nurl: https://x.org/a\n\nBody here.").unwrap();
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.date, PartialDate::parse("2020-01-02"));
        assert_eq!(a.lang, Some(Lang::En));
        assert_eq!(a.text, "Body here.");
    }

    #[test]
    fn inline_date_form_of_the_seed() {
        let a = parse_text("s.txt", " date 2023-10 Offenbar ist auch etwas.\n\nZweiter Absatz.").unwrap();
        assert_eq!(a.date, Some(PartialDate::Month(2023, 10)));
        assert!(a.text.starts_with("Offenbar ist"));
    }

    #[test]
    fn a_colon_in_the_first_body_line_is_not_a_header() {
        let a = parse_text("b.txt", "Berlin: Der Kanzler reiste ab.\n\nMehr.").unwrap();
        assert!(a.text.starts_with("Berlin:"));
    }

    #[test]
    fn empty_and_bad_inputs_are_errors() {
        assert_eq!(parse_text("e.txt", "  \n"), Err(ArticleError::Empty));
        assert!(matches!(parse_json_line("x.jsonl:3", "{not json"), Err(ArticleError::Json(_))));
        assert_eq!(parse_json_line("x.jsonl:1", r#"{"id":"a"}"#), Err(ArticleError::NoText));
        assert!(matches!(parse_json_line("x.jsonl:1", r#"{"text":"x","date":"soon"}"#), Err(ArticleError::Date(_))));
        assert_eq!(parse_json_line("x.jsonl:1", r#"{"text":42}"#), Err(ArticleError::NotAString("text", "a number")));
        assert_eq!(
            ArticleError::NotAString("text", "a number").to_string(),
            "field \"text\" must be a string, not a number"
        );
    }

    #[test]
    fn news_please_fields() {
        let a = parse_json_line(
            "n.jsonl:1",
            r#"{"maintext":"Main.","description":"Lead.","date_publish":"2021-03-04 10:00:00","language":"de"}"#,
        )
        .unwrap();
        assert_eq!(a.text, "Lead.\n\nMain.");
        assert_eq!(a.lang, Some(Lang::De));
        assert_eq!(a.date, PartialDate::parse("2021-03-04"));
    }

    #[test]
    fn key_is_stable_and_depends_on_url() {
        let a = parse_json_line("1", r#"{"url":"https://x.org/1","text":"A"}"#).unwrap();
        let b = parse_json_line("2", r#"{"url":"https://x.org/1","text":"B"}"#).unwrap();
        assert_eq!(a.key(), b.key());
        assert_eq!(a.key().len(), 12);
        let c = Article { discriminator: Some("b".into()), ..b.clone() };
        assert_ne!(c.key(), b.key(), "a discriminator sets a duplicate apart");
    }
}
