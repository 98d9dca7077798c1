//! Embedded store: an Oxigraph dataset kept in a folder, one named graph per article and one that
//! describes the actors, queried with SPARQL. Loading an article again replaces its graph and
//! adds its actors' descriptions to the actors graph (a set), so re-runs never duplicate.
//!
//! The dataset lives in memory and is saved as N-Quads (`dataset.nq`) by writing a temporary file
//! and renaming it, so a failed load never leaves a half-written store. (Oxigraph's RocksDB
//! backend would keep it on disk, at a build cost of over twenty minutes on two cores.)

use crate::graph::ArticleGraph;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const DATA: &str = "dataset.nq";
const MARKER: &str = "KGEXPORT-STORE";

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The path exists but is no kgexport store.
    #[error("{0}: not a kgexport store (no {MARKER} file); choose an empty or new folder")]
    NotAStore(PathBuf),
    /// The store does not exist yet.
    #[error("{0}: no store here; run `kgexport load --store {0}` first")]
    Missing(PathBuf),
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The saved dataset does not parse.
    #[error("{path}: damaged store: {message}")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
    /// A SPARQL update given to `query`.
    #[error(
        "this is a SPARQL update; query runs only SELECT, ASK, CONSTRUCT and DESCRIBE: use `kgexport load` to change the store"
    )]
    Update,
    /// The query does not parse (the message gives the position).
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// The query failed while running.
    #[error("SPARQL evaluation error: {0}")]
    Evaluation(String),
    /// Oxigraph's storage failed.
    #[error("store error: {0}")]
    Storage(String),
}

/// How query results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned text table.
    Table,
    /// SPARQL CSV.
    Csv,
    /// SPARQL TSV.
    Tsv,
    /// SPARQL JSON.
    Json,
}

impl ResultsFormat {
    /// Reads a format name.
    pub fn parse(name: &str) -> Option<ResultsFormat> {
        match name {
            "table" => Some(ResultsFormat::Table),
            "csv" => Some(ResultsFormat::Csv),
            "tsv" => Some(ResultsFormat::Tsv),
            "json" => Some(ResultsFormat::Json),
            _ => None,
        }
    }
}

/// A store in a folder.
pub struct DiskStore {
    dir: PathBuf,
    store: Store,
}

impl DiskStore {
    /// Opens a store, creating it when the folder is missing or empty.
    ///
    /// # Errors
    /// When the path is a file, a folder with other content, or the saved data is damaged.
    pub fn open_or_create(dir: &Path) -> Result<DiskStore, StoreError> {
        let io = |source| StoreError::Io { path: dir.to_path_buf(), source };
        if dir.exists() && !dir.join(MARKER).exists() {
            let empty = dir.is_dir() && std::fs::read_dir(dir).map_err(io)?.next().is_none();
            if !empty {
                return Err(StoreError::NotAStore(dir.to_path_buf()));
            }
        }
        std::fs::create_dir_all(dir).map_err(io)?;
        std::fs::write(dir.join(MARKER), "kgexport store 1: dataset.nq holds one named graph per article\n")
            .map_err(io)?;
        Self::read(dir)
    }

    /// Opens an existing store.
    ///
    /// # Errors
    /// When there is no store at the path, or it is damaged.
    pub fn open(dir: &Path) -> Result<DiskStore, StoreError> {
        if !dir.exists() {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        if !dir.join(MARKER).exists() {
            return Err(StoreError::NotAStore(dir.to_path_buf()));
        }
        Self::read(dir)
    }

    fn read(dir: &Path) -> Result<DiskStore, StoreError> {
        let store = Store::new().map_err(|e| StoreError::Storage(e.to_string()))?;
        let data = dir.join(DATA);
        if data.exists() {
            let bytes = std::fs::read(&data).map_err(|source| StoreError::Io { path: data.clone(), source })?;
            store
                .load_from_slice(RdfFormat::NQuads, &bytes)
                .map_err(|e| StoreError::Damaged { path: data.clone(), message: e.to_string() })?;
        }
        Ok(DiskStore { dir: dir.to_path_buf(), store })
    }

    /// Replaces an article's named graph with its new triples, and adds its actors'
    /// descriptions to the actors graph (a set: what is there already stays once).
    ///
    /// # Errors
    /// When the storage fails.
    pub fn replace(&self, graph: &ArticleGraph) -> Result<(), StoreError> {
        let name = NamedNodeRef::new_unchecked(graph.name().as_str());
        let actors = NamedNodeRef::new_unchecked(graph.actors_name().as_str());
        let storage = |e: oxigraph::store::StorageError| StoreError::Storage(e.to_string());
        self.store.remove_named_graph(name).map_err(storage)?;
        let quads = graph.triples().iter().map(|t| (t, name)).chain(graph.actors().iter().map(|t| (t, actors)));
        for (t, g) in quads {
            self.store
                .insert(QuadRef::new(
                    t.subject.as_ref(),
                    t.predicate.as_ref(),
                    t.object.as_ref(),
                    GraphNameRef::NamedNode(g),
                ))
                .map_err(storage)?;
        }
        Ok(())
    }

    /// The number of quads.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(|e| StoreError::Storage(e.to_string()))
    }

    /// Whether the store holds nothing.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// Saves the dataset: a temporary file, then a rename.
    ///
    /// # Errors
    /// When writing fails.
    pub fn save(&self) -> Result<(), StoreError> {
        let data = self.dir.join(DATA);
        let tmp = self.dir.join(format!(".{DATA}.tmp-{}", std::process::id()));
        let io = |source| StoreError::Io { path: data.clone(), source };
        let result = (|| -> io::Result<()> {
            let file = io::BufWriter::new(std::fs::File::create(&tmp)?);
            let file = self.store.dump_to_writer(RdfFormat::NQuads, file).map_err(io::Error::other)?;
            file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            std::fs::rename(&tmp, &data)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(io)
    }

    /// Runs a SPARQL query over the union of every article graph and writes its results.
    ///
    /// # Errors
    /// On a syntax or evaluation error, or when writing fails.
    pub fn query(&self, sparql: &str, format: ResultsFormat, out: &mut dyn Write) -> Result<(), StoreError> {
        let mut prepared = SparqlEvaluator::new().parse_query(sparql).map_err(|e| {
            // An update parses as one and as no query: say what `query` runs, not where it failed.
            if SparqlEvaluator::new().parse_update(sparql).is_ok() {
                StoreError::Update
            } else {
                StoreError::Syntax(e.to_string())
            }
        })?;
        prepared.dataset_mut().set_default_graph_as_union();
        let results = prepared.on_store(&self.store).execute().map_err(|e| StoreError::Evaluation(e.to_string()))?;
        let io = |source| StoreError::Io { path: PathBuf::from("standard output"), source };
        match results {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let rows: Vec<Vec<Option<oxigraph::model::Term>>> = solutions
                    .map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect()))
                    .collect::<Result<_, _>>()
                    .map_err(|e| StoreError::Evaluation(e.to_string()))?;
                write_solutions(&variables, &rows, format, out).map_err(io)
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
                    let t = t.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                    writeln!(out, "{t} .").map_err(io)?;
                }
                Ok(())
            }
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

fn write_solutions(
    variables: &[oxigraph::model::Variable],
    rows: &[Vec<Option<oxigraph::model::Term>>],
    format: ResultsFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format != ResultsFormat::Table {
        let mut serializer = QueryResultsSerializer::from_format(sparql_format(format))
            .serialize_solutions_to_writer(&mut *out, variables.to_vec())?;
        for row in rows {
            serializer.serialize(
                variables.iter().zip(row).filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
            )?;
        }
        serializer.finish()?;
        return Ok(());
    }
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
fn short_term(term: &oxigraph::model::Term) -> String {
    match term {
        oxigraph::model::Term::NamedNode(n) => {
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
        oxigraph::model::Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}
