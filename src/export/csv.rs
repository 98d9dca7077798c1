//! CSV (`-f csv`): one row per event, with its article, class, CAMEO and PLOVER codes,
//! factuality, dates, each role's actors (label, IRI, ISO country), claims and first evidence
//! quote. RFC 4180 quoting; several values in one cell are joined by `; `. Columns in README.md.

use super::records::{EventRecord, ROLES, Records};
use std::io::{self, Write};

/// The columns before the roles.
const HEAD: &[&str] = &[
    "article",
    "url",
    "headline",
    "published",
    "event",
    "class",
    "also",
    "cameo",
    "plover",
    "factuality",
    "when",
    "start_date",
    "end_date",
    "earliest_date",
    "latest_date",
];

/// The columns after the roles.
const TAIL: &[&str] = &["happening", "claim_stances", "claim_speakers", "evidence"];

/// The header row, as the cells are written.
pub(crate) fn header() -> Vec<String> {
    let mut cells: Vec<String> = HEAD.iter().map(|c| c.to_string()).collect();
    for (_, column) in ROLES {
        cells.extend([column.to_string(), format!("{column}_iri"), format!("{column}_country")]);
    }
    cells.extend(TAIL.iter().map(|c| c.to_string()));
    cells
}

fn row(e: &EventRecord, records: &Records) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let class = e.class().to_string();
    let mut cells = vec![
        e.article.clone(),
        text(&e.url),
        text(&e.headline),
        text(&e.published),
        e.iri.clone(),
        class.clone(),
        e.classes.iter().filter(|c| **c != class).cloned().collect::<Vec<_>>().join("; "),
        e.codes_of("CAMEO").join("; "),
        e.codes_of("PLOVER").join("; "),
        e.factuality.clone(),
        text(&e.when),
        text(&e.start),
        text(&e.end),
        text(&e.earliest),
        text(&e.latest),
    ];
    for (role, _) in ROLES {
        let fillers: Vec<&str> = e.fillers(role).collect();
        cells.push(fillers.iter().map(|f| records.label(f)).collect::<Vec<_>>().join("; "));
        cells.push(fillers.join("; "));
        cells.push(fillers.iter().map(|f| records.country(f).unwrap_or_default()).collect::<Vec<_>>().join("; "));
    }
    cells.push(text(&e.happening));
    cells.push(e.claims.iter().map(|c| c.stance.as_str()).collect::<Vec<_>>().join("; "));
    cells.push(
        e.claims
            .iter()
            .map(|c| c.speakers.iter().map(|s| records.label(s)).collect::<Vec<_>>().join(" + "))
            .collect::<Vec<_>>()
            .join("; "),
    );
    cells.push(text(&e.evidence));
    cells
}

/// One CSV cell: quoted when it holds a comma, a quote, a line break or outer spaces.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn write_row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Writes the header and one row per event.
pub(crate) fn write(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    write_row(out, &header())?;
    for e in &records.events {
        write_row(out, &row(e, records))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(cell("Lavrov"), "Lavrov");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("er sagte \"nein\""), "\"er sagte \"\"nein\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn every_role_has_three_columns() {
        assert_eq!(header().len(), HEAD.len() + 3 * ROLES.len() + TAIL.len());
        assert!(header().contains(&"vessel_flag_country".to_string()));
    }
}
