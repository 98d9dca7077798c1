//! Layout 2 of the store: Oxigraph's RocksDB database in `rocksdb/`, written an article at a time.

use super::StoreError;
use super::disk::{Access, io, storage, sync_dir};
use oxigraph::store::{StorageError, Store};
use std::path::Path;

const DB: &str = "rocksdb";
/// Where a new database is made before it takes its place.
const NEW: &str = ".rocksdb.new";

/// Opens the database: to load, read-write (RocksDB's own lock keeps any other writer out) and
/// made when missing; to query, read-only (the kgexport lock keeps loads out meanwhile), and an
/// empty store while no load has made it.
pub(super) fn open(dir: &Path, access: Access) -> Result<Store, StoreError> {
    let db = dir.join(DB);
    match access {
        Access::Read if !db.exists() => Store::new().map_err(storage),
        Access::Read => Store::open_read_only(&db).map_err(|e| refused(&db, e)),
        Access::Write => {
            if !db.exists() {
                create(dir)?;
            }
            Store::open(&db).map_err(|e| refused(&db, e))
        }
    }
}

/// Makes an empty database beside its place and renames it there: killed at any moment, the
/// folder holds a whole database or none, and the half-made one is removed by the next load.
fn create(dir: &Path) -> Result<(), StoreError> {
    let new = dir.join(NEW);
    if new.exists() {
        std::fs::remove_dir_all(&new).map_err(io(&new))?;
    }
    // Oxigraph writes its version key and flushes it; the database is closed when dropped.
    Store::open(&new).map_err(|e| refused(&new, e))?.flush().map_err(storage)?;
    std::fs::rename(&new, dir.join(DB)).map_err(io(&new))?;
    sync_dir(dir).map_err(io(dir))
}

/// An error of opening: RocksDB's lock held by another program is said as such.
fn refused(db: &Path, e: StorageError) -> StoreError {
    let message = e.to_string();
    if message.contains("lock file") || message.contains("/LOCK") {
        StoreError::InUse { path: db.to_path_buf(), message }
    } else {
        StoreError::Storage(message)
    }
}

#[cfg(test)]
mod tests {
    use super::DB;
    use crate::store::{Access, DiskStore, StoreError};

    #[test]
    fn another_writer_of_the_database_is_refused_and_named() {
        let dir = std::env::temp_dir().join(format!("kgexport-rocks-lock-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        drop(DiskStore::open(&dir, Access::Write, || {}).unwrap());
        // A server on the database: it holds RocksDB's lock, not kgexport's.
        let server = oxigraph::store::Store::open(dir.join(DB)).unwrap();
        let refused = DiskStore::open(&dir, Access::Write, || panic!("kgexport's lock is free"));
        assert!(matches!(refused, Err(StoreError::InUse { .. })), "{:?}", refused.err().map(|e| e.to_string()));
        drop(server);
        assert!(DiskStore::open(&dir, Access::Write, || {}).is_ok(), "the database is free again");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
