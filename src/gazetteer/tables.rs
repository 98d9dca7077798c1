//! The gazetteer's tables (their files, columns and keys) and the rows a user adds over them.
//!
//! A user's file (`--gazetteer FILE`) has the header line of one built-in table and rows in its
//! columns. The header picks the table; when two tables share a header (organisations and
//! groups), the file's name must contain the table's name (`newsroom-groups.tsv`). A row whose
//! key a built-in row has replaces that row; the others are added.

use thiserror::Error;

/// One of the gazetteer's tables, a TSV file in `data/gazetteer/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// Sovereign states.
    States,
    /// Cities, regions and other places.
    Cities,
    /// Governments and executive bodies.
    Governments,
    /// News agencies and outlets.
    Agencies,
    /// International organisations.
    Organizations,
    /// Armed and political groups.
    Groups,
    /// Political parties.
    Parties,
    /// Regions: the first-level parts of states.
    Regions,
    /// Political persons.
    Persons,
    /// Offices held by persons.
    Positions,
    /// Title words.
    Titles,
    /// Given names.
    GivenNames,
}

impl Table {
    /// Every table, in the order the gazetteer loads them (states first: the others name them).
    pub const ALL: [Table; 12] = [
        Table::States,
        Table::Regions,
        Table::Cities,
        Table::Governments,
        Table::Agencies,
        Table::Organizations,
        Table::Groups,
        Table::Parties,
        Table::Persons,
        Table::Positions,
        Table::Titles,
        Table::GivenNames,
    ];

    /// The file name in `data/gazetteer/`.
    pub fn file(self) -> &'static str {
        match self {
            Table::States => "states.tsv",
            Table::Cities => "cities.tsv",
            Table::Governments => "governments.tsv",
            Table::Agencies => "agencies.tsv",
            Table::Organizations => "organizations.tsv",
            Table::Groups => "groups.tsv",
            Table::Parties => "parties.tsv",
            Table::Regions => "regions.tsv",
            Table::Persons => "persons.tsv",
            Table::Positions => "positions.tsv",
            Table::Titles => "titles.tsv",
            Table::GivenNames => "given_names.tsv",
        }
    }

    /// The built-in file's text, compiled in.
    pub(super) fn builtin(self) -> &'static str {
        match self {
            Table::States => include_str!("../../data/gazetteer/states.tsv"),
            Table::Cities => include_str!("../../data/gazetteer/cities.tsv"),
            Table::Governments => include_str!("../../data/gazetteer/governments.tsv"),
            Table::Agencies => include_str!("../../data/gazetteer/agencies.tsv"),
            Table::Organizations => include_str!("../../data/gazetteer/organizations.tsv"),
            Table::Groups => include_str!("../../data/gazetteer/groups.tsv"),
            Table::Parties => include_str!("../../data/gazetteer/parties.tsv"),
            Table::Regions => include_str!("../../data/gazetteer/regions.tsv"),
            Table::Persons => include_str!("../../data/gazetteer/persons.tsv"),
            Table::Positions => include_str!("../../data/gazetteer/positions.tsv"),
            Table::Titles => include_str!("../../data/gazetteer/titles.tsv"),
            Table::GivenNames => include_str!("../../data/gazetteer/given_names.tsv"),
        }
    }

    /// The header line.
    pub fn header(self) -> &'static str {
        self.builtin().lines().next().unwrap_or_default()
    }

    /// How many columns a row has.
    pub fn columns(self) -> usize {
        self.header().split('\t').count()
    }

    /// The column that identifies a row, if rows have an identity (positions and titles add up).
    fn key_column(self) -> Option<usize> {
        match self {
            Table::Positions | Table::Titles => None,
            _ => Some(0),
        }
    }

    /// The table a user's file fills: by its header, and by its name when headers are shared.
    fn of_file(file: &str, header: &str) -> Result<Table, String> {
        let header = header.trim_end_matches('\r');
        let matching: Vec<Table> = Table::ALL.into_iter().filter(|t| t.header() == header).collect();
        let name = file.rsplit('/').next().unwrap_or(file).to_lowercase();
        let stem = |t: Table| t.file().trim_end_matches(".tsv").to_string();
        match matching.as_slice() {
            [] => Err(format!(
                "the header matches no gazetteer table; use one of: {}",
                Table::ALL.map(|t| format!("{} ({})", t.file(), t.header().replace('\t', " "))).join("; ")
            )),
            [one] => Ok(*one),
            several => several.iter().copied().find(|&t| name.contains(&stem(t))).ok_or_else(|| {
                format!(
                    "this header is shared by {}; name the file after its table (for example my-{})",
                    several.iter().map(|t| t.file()).collect::<Vec<_>>().join(" and "),
                    several[0].file()
                )
            }),
        }
    }
}

/// Where a user's row came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it.
    pub file: String,
    /// Its line, from 1.
    pub line: usize,
}

/// A bad gazetteer file or row.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    /// The file as the user named it.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl GazetteerError {
    pub(super) fn at(origin: &Origin, message: impl Into<String>) -> GazetteerError {
        GazetteerError { file: origin.file.clone(), line: origin.line, message: message.into() }
    }
}

/// Rows users add over the built-in tables.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Additions {
    rows: Vec<(Table, Vec<String>, Origin)>,
}

impl Additions {
    /// Reads one user file's text; `file` names it in errors.
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        let Some((header_index, header)) = lines.next() else {
            return Err(GazetteerError { file: file.into(), line: 1, message: "empty file: no header line".into() });
        };
        let table = Table::of_file(file, header).map_err(|message| GazetteerError {
            file: file.into(),
            line: header_index + 1,
            message,
        })?;
        for (index, line) in lines {
            let origin = Origin { file: file.into(), line: index + 1 };
            let cells: Vec<String> = line.trim_end_matches('\r').split('\t').map(str::to_string).collect();
            if cells.len() != table.columns() {
                return Err(GazetteerError::at(
                    &origin,
                    format!(
                        "{} columns where {} has {} ({})",
                        cells.len(),
                        table.file(),
                        table.columns(),
                        table.header().replace('\t', " ")
                    ),
                ));
            }
            if let Some(k) = table.key_column()
                && !is_key(&cells[k], table)
            {
                return Err(GazetteerError::at(&origin, format!("bad key {:?}: {}", cells[k], key_rule(table))));
            }
            self.rows.push((table, cells, origin));
        }
        Ok(())
    }

    /// No rows at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows of a table: the built-in ones a user row does not replace, then the user's.
    pub(super) fn rows(&self, table: Table) -> Vec<(Vec<&str>, Option<&Origin>)> {
        let users: Vec<&(Table, Vec<String>, Origin)> = self.rows.iter().filter(|(t, _, _)| *t == table).collect();
        let replaced =
            |cells: &[&str]| table.key_column().is_some_and(|k| users.iter().any(|(_, u, _)| u[k] == cells[k]));
        let builtin = table.builtin().lines().skip(1).filter(|l| !l.is_empty()).map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), table.columns(), "data/gazetteer/{}: wrong column count in {line:?}", table.file());
            cells
        });
        builtin
            .filter(|cells| !replaced(cells))
            .map(|cells| (cells, None))
            .chain(users.iter().map(|(_, cells, origin)| (cells.iter().map(String::as_str).collect(), Some(origin))))
            .collect()
    }
}

/// Is this a valid key for a row of the table?
fn is_key(key: &str, table: Table) -> bool {
    match table {
        Table::States => key.len() == 3 && key.bytes().all(|b| b.is_ascii_uppercase()),
        Table::GivenNames => !key.trim().is_empty() && !key.contains(' '),
        _ => {
            !key.is_empty()
                && key.split('-').all(|part| !part.is_empty())
                && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        }
    }
}

fn key_rule(table: Table) -> &'static str {
    match table {
        Table::States => "an ISO 3166-1 alpha-3 code in capitals",
        Table::GivenNames => "one word",
        _ => "a lower-case ASCII slug such as ana-ruiz",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERSONS: &str = "key\tlabel_de\tlabel_en\tiso3\tforms\tsurnames\n";

    #[test]
    fn the_header_picks_the_table_and_rows_replace_by_key() {
        let mut a = Additions::default();
        let text = format!("{PERSONS}ana-ruiz\tAna Ruiz\tAna Ruiz\tESP\tAna Ruiz\tRuiz\n");
        a.add_file("extra.tsv", &text).expect("valid");
        let rows = a.rows(Table::Persons);
        let last = rows.last().expect("a row");
        assert_eq!(last.0[0], "ana-ruiz");
        assert_eq!(last.1.map(|o| o.line), Some(2));
        let builtin = Table::Persons.builtin().lines().count() - 1;
        assert_eq!(rows.len(), builtin + 1);
    }

    #[test]
    fn a_user_row_with_a_builtin_key_replaces_it() {
        let key = Table::Persons.builtin().lines().nth(1).and_then(|l| l.split('\t').next()).expect("a row");
        let mut a = Additions::default();
        a.add_file("p.tsv", &format!("{PERSONS}{key}\tX\tX\t\tX\t\n")).expect("valid");
        let rows = a.rows(Table::Persons);
        let with_key: Vec<_> = rows.iter().filter(|(c, _)| c[0] == key).collect();
        assert_eq!(with_key.len(), 1);
        assert_eq!(with_key[0].0[1], "X");
    }

    #[test]
    fn bad_files_name_their_line() {
        let mut a = Additions::default();
        let err = a.add_file("p.tsv", &format!("{PERSONS}ok-key\tA\tA\t\tA\t\nBad Key\tB\tB\t\tB\t\n")).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("p.tsv", 3));
        let err = a.add_file("p.tsv", &format!("{PERSONS}\nshort\tS\n")).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("columns"), "{err}");
        let err = a.add_file("q.tsv", "name\tnothing\n").unwrap_err();
        assert!(err.message.contains("no gazetteer table"), "{err}");
        let shared = Table::Groups.header();
        assert!(a.add_file("extra.tsv", &format!("{shared}\nx\tX\tX\tX\n")).is_err());
        assert!(a.add_file("my-groups.tsv", &format!("{shared}\nx\tX\tX\tX\n")).is_ok());
    }
}
