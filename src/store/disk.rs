//! The store's folder: the marker and its layout, the lock, and the backend of each layout.

use super::{ResultsFormat, StoreError, nquads};
use crate::graph::ArticleGraph;
use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef};
use oxigraph::sparql::SparqlEvaluator;
use oxigraph::store::Store;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const MARKER: &str = "KGEXPORT-STORE";
const LOCK: &str = "kgexport.lock";

/// How a store is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// To load: the lock alone; the store is made when the folder is missing or empty.
    Write,
    /// To query: the lock shared with other queries; the store must exist.
    Read,
}

/// Where a store keeps its dataset: the first line of its marker says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// `dataset.nq`, read into memory and saved whole.
    NQuads,
    /// `rocksdb/`, Oxigraph's on-disk store: one write batch per article.
    RocksDb,
}

impl Layout {
    /// The layout of the stores this build makes.
    const NEW: Layout = if cfg!(feature = "rocksdb-store") { Layout::RocksDb } else { Layout::NQuads };

    fn name(self) -> &'static str {
        match self {
            Layout::NQuads => "kgexport store 1",
            Layout::RocksDb => "kgexport store 2",
        }
    }

    fn of(name: &str) -> Option<Layout> {
        [Layout::NQuads, Layout::RocksDb].into_iter().find(|l| l.name() == name)
    }

    /// The marker's text: the name, then what the folder holds.
    fn marker(self) -> String {
        let data = match self {
            Layout::NQuads => "dataset.nq holds one named graph per article",
            Layout::RocksDb => "rocksdb/ is an Oxigraph RocksDB database of one named graph per article",
        };
        format!("{}: {data}; kgexport.lock is held by a load alone and shared by queries\n", self.name())
    }
}

/// A store in a folder, open and locked until dropped.
pub struct DiskStore {
    dir: PathBuf,
    layout: Layout,
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
    /// when the store's layout is unknown or not built in, when the saved dataset is damaged, or
    /// when another program holds the RocksDB database.
    pub fn open(dir: &Path, access: Access, busy: impl FnOnce()) -> Result<DiskStore, StoreError> {
        let marker = dir.join(MARKER);
        match access {
            // A folder that only a load killed before it made the store left is no store yet.
            Access::Read if !marker.exists() && is_store_or_empty(dir)? => {
                return Err(StoreError::Missing(dir.to_path_buf()));
            }
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
            write_synced(dir, MARKER, Layout::NEW.marker().as_bytes())?;
        }
        let text = std::fs::read_to_string(&marker).map_err(io(&marker))?;
        let name = text.lines().next().unwrap_or_default().split(':').next().unwrap_or_default().trim();
        let layout = Layout::of(name)
            .ok_or_else(|| StoreError::Unknown { path: dir.to_path_buf(), marker: name.to_string() })?;
        if access == Access::Write {
            remove_stale(dir, MARKER)?;
        }
        let store = match layout {
            Layout::NQuads => nquads::open(dir, access)?,
            #[cfg(feature = "rocksdb-store")]
            Layout::RocksDb => super::rocks::open(dir, access)?,
            #[cfg(not(feature = "rocksdb-store"))]
            Layout::RocksDb => return Err(StoreError::NeedsRocksDb(dir.to_path_buf())),
        };
        Ok(DiskStore { dir: dir.to_path_buf(), layout, store, _lock: lock })
    }

    /// Replaces an article's named graph with its new triples and adds its actors' descriptions
    /// to the actors graph (a set: what is there already stays once), in one transaction: in
    /// RocksDB, one write batch, in its write-ahead log once this returns (unsynced: a killed
    /// process loses none, a crashed machine may lose the last ones, each whole).
    ///
    /// # Errors
    /// When the storage fails.
    pub fn replace(&self, graph: &ArticleGraph) -> Result<(), StoreError> {
        let name = NamedNodeRef::new_unchecked(graph.name().as_str());
        let actors = NamedNodeRef::new_unchecked(graph.actors_name().as_str());
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
        self.store.len().map_err(storage)
    }

    /// Whether the store holds nothing.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.store.is_empty().map_err(storage)
    }

    /// Ends a load: saves the dataset whole (layout 1), or flushes RocksDB's memory tables to
    /// its files (layout 2, where every article is on disk already).
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(&self) -> Result<(), StoreError> {
        match self.layout {
            Layout::NQuads => nquads::save(&self.dir, &self.store),
            #[cfg(feature = "rocksdb-store")]
            Layout::RocksDb => self.store.flush().map_err(storage),
            // Without RocksDB, `open` refuses a store of layout 2.
            #[cfg(not(feature = "rocksdb-store"))]
            Layout::RocksDb => Ok(()),
        }
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

/// An I/O error on a path.
pub(super) fn io(path: &Path) -> impl FnOnce(io::Error) -> StoreError + use<> {
    let path = path.to_path_buf();
    move |source| StoreError::Io { path, source }
}

/// A storage error of Oxigraph.
pub(super) fn storage(e: oxigraph::store::StorageError) -> StoreError {
    StoreError::Storage(e.to_string())
}

/// Writes a file of the folder whole: a temporary file, synced, renamed, the folder synced.
pub(super) fn write_synced(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, dir.join(name))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io(&dir.join(name)))
}

/// Removes the temporary files of `name` left by writes that were killed: under the lock held
/// alone, no other process is writing.
pub(super) fn remove_stale(dir: &Path, name: &str) -> Result<(), StoreError> {
    let prefix = format!(".{name}.tmp-");
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&prefix)) {
            std::fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    Ok(())
}

/// Syncs a folder, so that the renames in it survive a crash of the machine.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
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

/// A missing folder, an empty one, one with the marker, or one holding only the lock and the
/// marker's temporary files (a store another process is making, or one killed while making it).
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
    let making = |name: &str| name == LOCK || name.starts_with(&format!(".{MARKER}.tmp-"));
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        if !making(&entry.map_err(io(dir))?.file_name().to_string_lossy()) {
            return Ok(false);
        }
    }
    Ok(true)
}
