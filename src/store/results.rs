//! Query results on a writer: the SPARQL formats row by row, the text table once its widths are
//! known, graphs triple by triple.

use super::{ResultsFormat, StoreError};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::{self, Write};
use std::path::PathBuf;

/// Writes the results of a query in a format.
pub(super) fn write(results: QueryResults<'_>, format: ResultsFormat, out: &mut dyn Write) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: PathBuf::from("standard output"), source };
    let evaluation = |e: oxigraph::sparql::QueryEvaluationError| StoreError::Evaluation(e.to_string());
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if format == ResultsFormat::Table {
                let rows: Vec<Vec<Option<Term>>> = solutions
                    .map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect()))
                    .collect::<Result<_, _>>()
                    .map_err(evaluation)?;
                return write_table(&variables, &rows, out).map_err(io);
            }
            let mut serializer = QueryResultsSerializer::from_format(sparql_format(format))
                .serialize_solutions_to_writer(&mut *out, variables.clone())
                .map_err(io)?;
            for solution in solutions {
                let solution = solution.map_err(evaluation)?;
                serializer.serialize(&solution).map_err(io)?;
            }
            serializer.finish().map(|_| ()).map_err(io)
        }
        QueryResults::Boolean(value) => match format {
            ResultsFormat::Table => writeln!(out, "{value}").map_err(io),
            other => QueryResultsSerializer::from_format(sparql_format(other))
                .serialize_boolean_to_writer(out, value)
                .map(|_| ())
                .map_err(io),
        },
        QueryResults::Graph(triples) => {
            for t in triples {
                let t = t.map_err(evaluation)?;
                writeln!(out, "{t} .").map_err(io)?;
            }
            Ok(())
        }
    }
}

fn sparql_format(format: ResultsFormat) -> QueryResultsFormat {
    match format {
        ResultsFormat::Csv => QueryResultsFormat::Csv,
        ResultsFormat::Tsv => QueryResultsFormat::Tsv,
        ResultsFormat::Json | ResultsFormat::Table => QueryResultsFormat::Json,
    }
}

fn write_table(
    variables: &[oxigraph::model::Variable],
    rows: &[Vec<Option<Term>>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let cells: Vec<Vec<String>> =
        rows.iter().map(|row| row.iter().map(|t| t.as_ref().map_or(String::new(), short_term)).collect()).collect();
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| cells.iter().map(|r| r[i].chars().count()).chain([header[i].chars().count()]).max().unwrap_or(0))
        .collect();
    let line =
        |values: &[String]| values.iter().zip(&widths).map(|(v, w)| format!("{v:<w$}")).collect::<Vec<_>>().join(" | ");
    writeln!(out, "{}", line(&header).trim_end())?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("-+-"))?;
    for row in &cells {
        writeln!(out, "{}", line(row).trim_end())?;
    }
    Ok(())
}

/// A term for the text table: IRIs shortened by the common prefixes, literals by their value.
fn short_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            crate::vocab::PREFIXES
                .iter()
                .map(|(p, ns)| (p.to_string(), ns.to_string()))
                .chain(
                    crate::vocab::INSTANCE_FOLDERS
                        .iter()
                        .map(|(p, f)| (p.to_string(), format!("https://w3id.org/kgexport/id/{f}"))),
                )
                .find_map(|(p, ns)| iri.strip_prefix(ns.as_str()).map(|local| format!("{p}:{local}")))
                .unwrap_or_else(|| iri.to_string())
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}
