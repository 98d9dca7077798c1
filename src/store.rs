//! Embedded store: an Oxigraph dataset kept in a folder, one named graph per article and one that
//! describes the actors, queried with SPARQL. Loading an article again replaces its graph and
//! adds its actors' descriptions to the actors graph (a set), so re-runs never duplicate.
//!
//! The folder, in one of two layouts named by its marker:
//!
//! ```text
//! KGEXPORT-STORE   the marker: "kgexport store 2" (or 1); nothing else is ever made a store
//! kgexport.lock    the lock: a load holds it alone, queries share it
//! rocksdb/         layout 2: Oxigraph's RocksDB database (with its own LOCK file)
//! dataset.nq       layout 1: the dataset as N-Quads, replaced whole (temporary file, fsync, rename)
//! ```
//!
//! New stores take layout 2 when the `rocksdb-store` feature is built in (the default), else
//! layout 1; a store keeps its layout, and a build without the feature refuses layout 2 clearly.
//! In layout 2 each article's graph is one RocksDB write batch, so a load killed at any moment
//! leaves every article's old or new graph; in layout 1 the dataset is read into memory when the
//! store opens and saved once at the end of a load, so a killed load leaves the dataset before it.
//! The lock serialises loads in both, so none is lost.

mod disk;
mod nquads;
mod results;
#[cfg(feature = "rocksdb-store")]
mod rocks;

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
    /// A store in RocksDB opened by a build without it.
    #[error(
        "{0}: this store keeps its dataset in RocksDB (layout \"kgexport store 2\"), and this kgexport was built without it; build it with the feature rocksdb-store"
    )]
    NeedsRocksDb(PathBuf),
    /// The RocksDB database is open in another program (its own lock refused it).
    #[error(
        "{path}: the database is held by another program (an Oxigraph server on this folder?); stop it and run again ({message})"
    )]
    InUse {
        /// The database folder.
        path: PathBuf,
        /// RocksDB's message.
        message: String,
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
