//! `kgexport load` and `kgexport query`: the embedded store.

use super::{LoadArgs, QueryArgs};
use anyhow::{Context, Result};
use kgexport::store::{Access, DiskStore, StoreError};
use std::io::{self, Write};

/// `kgexport load`: every article replaces its named graph in the store (in RocksDB, one
/// transaction each as it comes; in a layout-1 store, saved once at the end). Another load into
/// the same store waits (and says so) until this one is done.
pub fn load(args: LoadArgs) -> Result<bool> {
    args.read.install_gazetteer()?;
    super::checked_inputs(&args.inputs)?;
    let store = DiskStore::open(&args.store, Access::Write, || {
        eprintln!("kgexport: {}: another kgexport is using this store; waiting for it to finish", args.store.display());
    })?;
    let mut report = super::Report::default();
    super::each_article(&args.read.pipeline(&args.inputs, Vec::new()), &mut report, |(graph, _, _)| {
        store.replace(&graph)?;
        Ok(())
    })?;
    store.finish()?;
    let written = format!("{} ({} quads)", args.store.display(), store.len()?);
    super::finish_report(&report, args.read.quiet, &written);
    Ok(report.problems.is_empty())
}

/// `kgexport query`: CSV, TSV and JSON results are written as they come.
pub fn query(args: QueryArgs) -> Result<bool> {
    let sparql = match args.sparql.strip_prefix('@') {
        Some(file) => std::fs::read_to_string(file).with_context(|| format!("{file}: cannot read the query"))?,
        None => args.sparql.clone(),
    };
    let store = DiskStore::open(&args.store, Access::Read, || {
        eprintln!("kgexport: {}: a load is writing this store; waiting for it to finish", args.store.display());
    })?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let broken_pipe =
        |e: &StoreError| matches!(e, StoreError::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe);
    match store.query(&sparql, args.results, &mut out) {
        Err(e) if broken_pipe(&e) => return Ok(true),
        Err(e @ StoreError::Update) => return Err(super::UsageError(e.to_string()).into()),
        other => other?,
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("writing to standard output")?,
    }
    Ok(true)
}
