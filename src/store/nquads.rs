//! Layout 1 of the store: the dataset as one N-Quads file, read into memory and saved whole.

use super::StoreError;
use super::disk::{Access, io, remove_stale, storage, sync_dir};
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::fs::File;
use std::io;
use std::path::Path;

const DATA: &str = "dataset.nq";

/// Reads the dataset into an in-memory store (none yet: an empty one). A load first removes the
/// temporary files of saves that were killed.
pub(super) fn open(dir: &Path, access: Access) -> Result<Store, StoreError> {
    if access == Access::Write {
        remove_stale(dir, DATA)?;
    }
    let store = Store::new().map_err(storage)?;
    let data = dir.join(DATA);
    if data.exists() {
        let bytes = std::fs::read(&data).map_err(io(&data))?;
        store
            .load_from_slice(RdfFormat::NQuads, &bytes)
            .map_err(|e| StoreError::Damaged { path: data.clone(), message: e.to_string() })?;
    }
    Ok(store)
}

/// Saves the dataset: a temporary file, synced, then renamed over the old one.
pub(super) fn save(dir: &Path, store: &Store) -> Result<(), StoreError> {
    let data = dir.join(DATA);
    let tmp = dir.join(format!(".{DATA}.tmp-{}", std::process::id()));
    let result = (|| -> io::Result<()> {
        let file = io::BufWriter::new(File::create(&tmp)?);
        let file = store.dump_to_writer(RdfFormat::NQuads, file).map_err(io::Error::other)?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, &data)?;
        // The rename itself survives a crash of the machine once the folder is synced.
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io(&data))
}
