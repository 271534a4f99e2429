//! `attribution index` and `attribution stats`: the KPI indexer (crates/attribution-indexer) on
//! the CLI's chain: the embedded SVM's journal (`transactions.jsonl` next to the state file), or
//! a cluster through --url.

use crate::chain::{journal_path, kpi_db_path};
use crate::Global;
use anyhow::{bail, Result};
use attribution_indexer::{api, kpis, report, source, Store};
use std::path::PathBuf;
use std::time::Duration;

pub fn index(global: &Global, db: Option<PathBuf>, follow: bool, every: u64, serve: Option<String>) -> Result<()> {
    if follow && global.url.is_none() {
        bail!("--follow follows a cluster: give its --url");
    }
    let db_path = db.unwrap_or_else(|| kpi_db_path(&global.state));
    let mut db = Store::open(&db_path)?;
    let rpc = global.url.as_deref().map(source::Rpc::new);
    let pass = match &rpc {
        Some(rpc) => rpc.pass(&mut db)?,
        None => {
            let journal = journal_path(&global.state);
            if !journal.exists() {
                bail!("{} does not exist yet: no transaction was sent on the embedded SVM", journal.display());
            }
            source::ingest_file(&mut db, &journal)?
        }
    };
    eprintln!("indexed {} new transactions ({} events) into {}", pass.transactions, pass.events, db_path.display());
    if let Some(address) = serve {
        // The API reads its own connection (SQLite readers do not wait for the writer).
        let (reader, server) = (Store::open(&db_path)?, api::listen(&address)?);
        let server = std::thread::spawn(move || api::serve(&reader, server));
        if !follow {
            return server.join().expect("the API thread");
        }
    }
    match (follow, rpc) {
        (true, Some(rpc)) => rpc.follow(&mut db, Duration::from_secs(every)),
        _ => Ok(()),
    }
}

pub fn stats(global: &Global, db: Option<PathBuf>) -> Result<()> {
    let db_path = db.unwrap_or_else(|| kpi_db_path(&global.state));
    if !db_path.exists() {
        bail!("{} does not exist: run `attribution index` first", db_path.display());
    }
    report::print(&kpis(&Store::open(&db_path)?)?, global.json)
}
