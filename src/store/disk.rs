//! The store's folder: the marker, the lock, and the dataset saved whole.

use super::{ResultsFormat, StoreError};
use crate::graph::ArticleGraph;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef};
use oxigraph::sparql::SparqlEvaluator;
use oxigraph::store::Store;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const MARKER: &str = "KGEXPORT-STORE";
const LOCK: &str = "kgexport.lock";
const DATA: &str = "dataset.nq";
const LAYOUT: &str = "kgexport store 1";
const MARKER_TEXT: &str = "kgexport store 1: dataset.nq holds one named graph per article; kgexport.lock is \
     held by a load alone and shared by queries\n";

/// How a store is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// To load: the lock alone; the store is made when the folder is missing or empty.
    Write,
    /// To query: the lock shared with other queries; the store must exist.
    Read,
}

/// A store in a folder, open and locked until dropped.
pub struct DiskStore {
    dir: PathBuf,
    store: Store,
    /// Held while the store is open: a load excludes every other process, a query only loads.
    _lock: File,
}

impl DiskStore {
    /// Opens a store. While another process holds the lock (a load; for a load, any process),
    /// `busy` is called once and the open waits: loads are serialised, never lost.
    ///
    /// # Errors
    /// When the path is a file or a folder with other content, when there is no store to read,
    /// or when the saved dataset is damaged.
    pub fn open(dir: &Path, access: Access, busy: impl FnOnce()) -> Result<DiskStore, StoreError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        let marker = dir.join(MARKER);
        match access {
            Access::Read if !dir.exists() => return Err(StoreError::Missing(dir.to_path_buf())),
            Access::Read if !marker.exists() => return Err(StoreError::NotAStore(dir.to_path_buf())),
            Access::Write if !is_store_or_empty(dir)? => return Err(StoreError::NotAStore(dir.to_path_buf())),
            _ => {}
        }
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let lock_path = dir.join(LOCK);
        let lock =
            OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(io(&lock_path))?;
        take(&lock, access, busy).map_err(io(&lock_path))?;
        // Under the lock, no other kgexport makes or changes the store.
        if !marker.exists() {
            if !is_store_or_empty(dir)? {
                return Err(StoreError::NotAStore(dir.to_path_buf()));
            }
            std::fs::write(&marker, MARKER_TEXT).map_err(io(&marker))?;
        }
        let layout = std::fs::read_to_string(&marker).map_err(io(&marker))?;
        let layout = layout.lines().next().unwrap_or_default().split(':').next().unwrap_or_default().trim();
        if layout != LAYOUT {
            return Err(StoreError::Unknown { path: dir.to_path_buf(), marker: layout.to_string() });
        }
        if access == Access::Write {
            remove_stale(dir)?;
        }
        let store = Store::new().map_err(|e| StoreError::Storage(e.to_string()))?;
        let data = dir.join(DATA);
        if data.exists() {
            let bytes = std::fs::read(&data).map_err(io(&data))?;
            store
                .load_from_slice(RdfFormat::NQuads, &bytes)
                .map_err(|e| StoreError::Damaged { path: data.clone(), message: e.to_string() })?;
        }
        Ok(DiskStore { dir: dir.to_path_buf(), store, _lock: lock })
    }

    /// Replaces an article's named graph with its new triples and adds its actors' descriptions
    /// to the actors graph (a set: what is there already stays once), in one transaction.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn replace(&self, graph: &ArticleGraph) -> Result<(), StoreError> {
        let name = NamedNodeRef::new_unchecked(graph.name().as_str());
        let actors = NamedNodeRef::new_unchecked(graph.actors_name().as_str());
        let storage = |e: oxigraph::store::StorageError| StoreError::Storage(e.to_string());
        let mut transaction = self.store.start_transaction().map_err(storage)?;
        transaction.remove_named_graph(name).map_err(storage)?;
        let quads = graph.triples().iter().map(|t| (t, name)).chain(graph.actors().iter().map(|t| (t, actors)));
        for (t, g) in quads {
            transaction.insert(QuadRef::new(
                t.subject.as_ref(),
                t.predicate.as_ref(),
                t.object.as_ref(),
                GraphNameRef::NamedNode(g),
            ));
        }
        transaction.commit().map_err(storage)
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
        self.store.is_empty().map_err(|e| StoreError::Storage(e.to_string()))
    }

    /// Saves the dataset: a temporary file, synced, then renamed over the old one.
    ///
    /// # Errors
    /// When writing fails.
    pub fn save(&self) -> Result<(), StoreError> {
        let data = self.dir.join(DATA);
        let tmp = self.dir.join(format!(".{DATA}.tmp-{}", std::process::id()));
        let result = (|| -> io::Result<()> {
            let file = io::BufWriter::new(File::create(&tmp)?);
            let file = self.store.dump_to_writer(RdfFormat::NQuads, file).map_err(io::Error::other)?;
            file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            std::fs::rename(&tmp, &data)?;
            // The rename itself survives a crash of the machine once the folder is synced.
            File::open(&self.dir)?.sync_all()
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(|source| StoreError::Io { path: data, source })
    }

    /// Runs a SPARQL query over the union of every article graph and writes its results: CSV,
    /// TSV and JSON row by row as they come, a table once every row is known.
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
        super::results::write(results, format, out)
    }
}

/// Takes the lock: at once when free, else after calling `busy`.
fn take(lock: &File, access: Access, busy: impl FnOnce()) -> io::Result<()> {
    let tried = match access {
        Access::Write => lock.try_lock(),
        Access::Read => lock.try_lock_shared(),
    };
    match tried {
        Ok(()) => Ok(()),
        Err(TryLockError::WouldBlock) => {
            busy();
            match access {
                Access::Write => lock.lock(),
                Access::Read => lock.lock_shared(),
            }
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// Removes the temporary files of saves that were killed: under the lock held alone, no other
/// process is saving.
fn remove_stale(dir: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: dir.to_path_buf(), source };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!(".{DATA}.tmp-"))) {
            std::fs::remove_file(&path).map_err(|source| StoreError::Io { path, source })?;
        }
    }
    Ok(())
}

/// A missing folder, an empty one, one with the marker, or one holding only the lock (a store
/// another process is making).
fn is_store_or_empty(dir: &Path) -> Result<bool, StoreError> {
    if !dir.exists() {
        return Ok(true);
    }
    if !dir.is_dir() {
        return Ok(false);
    }
    if dir.join(MARKER).exists() {
        return Ok(true);
    }
    let io = |source| StoreError::Io { path: dir.to_path_buf(), source };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        if entry.map_err(io)?.file_name() != LOCK {
            return Ok(false);
        }
    }
    Ok(true)
}
