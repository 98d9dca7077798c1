//! Helpers shared by the integration tests: paths and running the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file in the repository.
pub fn repo(path: &str) -> PathBuf {
    root().join(path)
}

/// Runs kgexport in the repository root.
pub fn kgexport(args: &[&str]) -> Output {
    kgexport_in(&root(), args)
}

/// Runs kgexport in a directory.
pub fn kgexport_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kgexport")).args(args).current_dir(dir).output().expect("kgexport runs")
}

/// The shared Wikinews corpus (`../shared/corpus`, or `KGX_CORPUS_DIR`); missing is a failure.
pub fn corpus() -> PathBuf {
    let dir = std::env::var_os("KGX_CORPUS_DIR").map_or_else(|| root().join("../shared/corpus"), PathBuf::from);
    assert!(dir.join("wikinews-de.jsonl").is_file(), "the shared corpus is missing at {}", dir.display());
    dir
}

/// A fresh scratch directory under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The Python that has the validators: `KGX_PYTHON` (tests/run.sh points it into its own virtual
/// environment), else `python3` on the path.
pub fn python() -> PathBuf {
    std::env::var_os("KGX_PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

/// A program installed beside that Python (the `oxigraph` server), else the one on the path.
pub fn python_tool(name: &str) -> PathBuf {
    std::env::var_os("KGX_PYTHON")
        .map(|p| PathBuf::from(p).with_file_name(name))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from(name))
}
