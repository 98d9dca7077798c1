//! Embedded store: an Oxigraph dataset kept in a folder, one named graph per article and one that
//! describes the actors, queried with SPARQL. Loading an article again replaces its graph and
//! adds its actors' descriptions to the actors graph (a set), so re-runs never duplicate.
//!
//! The folder:
//!
//! ```text
//! KGEXPORT-STORE   the marker: "kgexport store 1"; nothing else is ever made a store
//! kgexport.lock    the lock: a load holds it alone, queries share it
//! dataset.nq       the dataset as N-Quads, replaced whole (temporary file, fsync, rename)
//! ```
//!
//! The dataset is read into memory when the store opens and saved once at the end of a load, so
//! a load killed at any moment leaves the dataset before it or after it, never a part; the lock
//! serialises loads, so none is lost. (Oxigraph's RocksDB backend would keep the dataset on disk
//! and write one transaction per article, at a build cost measured in the README.)

mod disk;
mod results;

pub use disk::{Access, DiskStore};

use std::io;
use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The path exists but is no kgexport store.
    #[error("{0}: not a kgexport store (no KGEXPORT-STORE file); choose an empty or new folder")]
    NotAStore(PathBuf),
    /// The store does not exist yet.
    #[error("{0}: no store here; run `kgexport load --store {0}` first")]
    Missing(PathBuf),
    /// A store of a layout this version does not know.
    #[error("{path}: a store of an unknown layout ({marker:?}); a newer kgexport made it")]
    Unknown {
        /// The store.
        path: PathBuf,
        /// The marker's first line.
        marker: String,
    },
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
    /// An aligned text table (its rows are held until the widths are known).
    Table,
    /// SPARQL CSV, row by row.
    Csv,
    /// SPARQL TSV, row by row.
    Tsv,
    /// SPARQL JSON, row by row.
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
