//! The datasources: a cluster over RPC (backfill through each program's signatures, oldest first,
//! from where the last run stopped; then, following, the same step every few seconds), and a
//! prepared file of JSON lines (`TxRecord`s: what the embedded CLI and `make demo` write).
//! Only `confirmed` data is read; a failed transaction is stored as seen and never counted.

use crate::decode::{TxRecord, PROGRAMS};
use crate::store::Store;
use anyhow::{anyhow, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use solana_commitment_config::CommitmentConfig;
use solana_pubsub_client::pubsub_client::PubsubClient;
use solana_rpc_client::rpc_client::{GetConfirmedSignaturesForAddress2Config, RpcClient};
use solana_rpc_client_api::config::{RpcTransactionConfig, RpcTransactionLogsConfig, RpcTransactionLogsFilter};
use solana_transaction_status_client_types::UiTransactionEncoding;
use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::sync::mpsc::{RecvTimeoutError, Sender};
use std::time::Duration;

/// How often an RPC call is tried before the pass gives up on it (the follow loop tries again
/// at its next pass), and the first wait between tries (doubled each time).
const TRIES: u32 = 5;
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// `getSignaturesForAddress` pages.
const PAGE: usize = 1_000;
/// Transactions of a prepared file per database transaction.
const FILE_BATCH: usize = 1_000;

/// What one pass stored.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub transactions: u64,
    pub events: u64,
    pub skipped: u64,
}

impl std::fmt::Display for Pass {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{} transactions ({} events)", self.transactions, self.events)
    }
}

impl Pass {
    fn add(&mut self, other: Pass) {
        self.transactions += other.transactions;
        self.events += other.events;
        self.skipped += other.skipped;
    }
}

/// A progress bar with a rate and an ETA on a terminal; elsewhere, nothing until the summary.
fn progress(len: u64, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {per_sec} ETA {eta}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// Stores `txs` from `source` in one database transaction and adds them to `pass`, printing
/// what could not be read.
fn store(db: &mut Store, txs: &[TxRecord], source: &str, pass: &mut Pass) -> Result<()> {
    for (tx, ingested) in txs.iter().zip(db.ingest_all(txs, Some(source))?) {
        for warning in &ingested.warnings {
            eprintln!("warning: {}: {warning}", tx.signature);
        }
        if ingested.new {
            pass.add(Pass { transactions: 1, events: ingested.events as u64, skipped: ingested.warnings.len() as u64 });
        }
    }
    Ok(())
}

/// Reads a prepared file of JSON lines into `db`, `FILE_BATCH` transactions per database
/// transaction; a line already stored changes nothing.
pub fn ingest_file(db: &mut Store, path: &Path) -> Result<Pass> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let bar = progress(file.metadata()?.len(), "bytes of transactions");
    let source = format!("file:{}", path.display());
    let mut pass = Pass::default();
    let mut batch = Vec::with_capacity(FILE_BATCH);
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        bar.inc(line.len() as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let tx = serde_json::from_str(&line)
            .with_context(|| format!("{} line {}: not a transaction", path.display(), n + 1))?;
        batch.push(tx);
        if batch.len() == FILE_BATCH {
            store(db, &batch, &source, &mut pass)?;
            batch.clear();
        }
    }
    store(db, &batch, &source, &mut pass)?;
    bar.finish_and_clear();
    Ok(pass)
}

/// Runs `call`, retrying with exponential backoff; every failure is reported.
fn retry<T>(what: &str, mut call: impl FnMut() -> Result<T>) -> Result<T> {
    let mut wait = FIRST_BACKOFF;
    for attempt in 1..=TRIES {
        match call() {
            Ok(value) => return Ok(value),
            Err(e) if attempt == TRIES => return Err(e.context(format!("{what}: gave up after {TRIES} tries"))),
            Err(e) => {
                eprintln!("warning: {what} failed (try {attempt} of {TRIES}, again in {wait:?}): {e:#}");
                std::thread::sleep(wait);
                wait *= 2;
            }
        }
    }
    unreachable!("the last try returns")
}

pub struct Rpc {
    url: String,
    client: RpcClient,
}

/// The websocket beside an RPC endpoint, as Solana's tools find it: the same host, the port plus
/// one when the URL names a port, `ws`/`wss` for `http`/`https`.
pub fn websocket_url(rpc: &str) -> Option<String> {
    let (scheme, rest) = rpc.split_once("://")?;
    let scheme = match scheme {
        "http" => "ws",
        "https" => "wss",
        _ => return None,
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = match host.rsplit_once(':') {
        Some((name, port)) => format!("{name}:{}", port.parse::<u16>().ok()?.checked_add(1)?),
        None => host.to_string(),
    };
    Some(format!("{scheme}://{host}/{path}"))
}

/// After a websocket announces a transaction, how long to wait for more before the pass (a
/// burst of payments is one pass).
const DEBOUNCE: Duration = Duration::from_millis(250);

impl Rpc {
    pub fn new(url: &str) -> Rpc {
        Rpc {
            url: url.to_string(),
            client: RpcClient::new_with_commitment(url.to_string(), CommitmentConfig::confirmed()),
        }
    }

    /// Subscribes to the logs of each program's transactions (`logsSubscribe`, `confirmed`) on
    /// the endpoint's websocket; every notification sends on `wake`.
    fn subscribe(&self, wake: &Sender<()>) -> Result<String> {
        let url = websocket_url(&self.url).ok_or_else(|| anyhow!("no websocket beside {}", self.url))?;
        for program in PROGRAMS {
            let filter = RpcTransactionLogsFilter::Mentions(vec![program.to_string()]);
            let config = RpcTransactionLogsConfig { commitment: Some(CommitmentConfig::confirmed()) };
            let (subscription, notifications) = PubsubClient::logs_subscribe(url.as_str(), filter, config)
                .map_err(|e| anyhow!("logsSubscribe on {url}: {e}"))?;
            let wake = wake.clone();
            std::thread::spawn(move || {
                let _subscribed = subscription;
                for _ in notifications.iter() {
                    if wake.send(()).is_err() {
                        break;
                    }
                }
            });
        }
        Ok(url)
    }

    /// `program`'s confirmed signatures after `until` (all of them without one), oldest first.
    fn signatures(&self, program: &anchor_lang::prelude::Pubkey, until: Option<&str>) -> Result<Vec<TxRecord>> {
        let until = until.map(|s| s.parse()).transpose().map_err(|e| anyhow!("stored cursor: {e}"))?;
        let mut found = Vec::new();
        let mut before = None;
        loop {
            let config = || GetConfirmedSignaturesForAddress2Config {
                before,
                until,
                limit: Some(PAGE),
                commitment: Some(CommitmentConfig::confirmed()),
            };
            let page = retry("getSignaturesForAddress", || {
                Ok(self.client.get_signatures_for_address_with_config(program, config())?)
            })?;
            let last = page.len() < PAGE;
            before = page.last().map(|s| s.signature.parse()).transpose().map_err(|e| anyhow!("signature: {e}"))?;
            found.extend(page.into_iter().map(|s| TxRecord {
                signature: s.signature,
                slot: s.slot,
                block_time: s.block_time.unwrap_or(0),
                failed: s.err.is_some(),
                logs: Vec::new(),
            }));
            if last {
                break;
            }
        }
        found.reverse();
        Ok(found)
    }

    /// A transaction's logs.
    fn logs(&self, signature: &str) -> Result<Vec<String>> {
        let signature = signature.parse().map_err(|e| anyhow!("signature {signature}: {e}"))?;
        let config = RpcTransactionConfig {
            encoding: Some(UiTransactionEncoding::Json),
            commitment: Some(CommitmentConfig::confirmed()),
            max_supported_transaction_version: Some(0),
        };
        let tx = retry("getTransaction", || Ok(self.client.get_transaction_with_config(&signature, config)?))?;
        let meta = tx.transaction.meta.ok_or_else(|| anyhow!("transaction {signature} has no status"))?;
        Ok(Option::<Vec<String>>::from(meta.log_messages).unwrap_or_default())
    }

    /// One pass over the three programs: every transaction since each one's cursor.
    pub fn pass(&self, db: &mut Store) -> Result<Pass> {
        let mut pass = Pass::default();
        for program in PROGRAMS {
            let source = format!("rpc:{program}");
            let cursor = db.cursor(&source)?;
            let pending = self.signatures(&program, cursor.as_deref())?;
            let bar = progress(pending.len() as u64, &format!("{} transactions of {program}", pending.len()));
            for mut tx in pending {
                if !tx.failed {
                    tx.logs = self.logs(&tx.signature)?;
                }
                store(db, std::slice::from_ref(&tx), &source, &mut pass)?;
                bar.inc(1);
            }
            bar.finish_and_clear();
        }
        Ok(pass)
    }

    /// Passes forever: whenever the websocket announces a transaction of one of the programs,
    /// and at the latest `every` after the last pass (all there is without a websocket, and what
    /// catches anything a notification missed). A pass that fails is reported; the next resumes.
    pub fn follow(&self, db: &mut Store, every: Duration) -> ! {
        let (wake, woken) = std::sync::mpsc::channel();
        match self.subscribe(&wake) {
            Ok(url) => eprintln!("following: a pass on each notification of {url}, and every {every:?}"),
            Err(e) => eprintln!("warning: no websocket ({e:#}); following by polling every {every:?}"),
        }
        drop(wake);
        let mut trigger = "start";
        loop {
            match self.pass(db) {
                Ok(pass) if pass.transactions > 0 => {
                    eprintln!("indexed {pass} [{trigger}]")
                }
                Ok(_) => {}
                Err(e) => eprintln!("warning: this pass stopped, the next one resumes: {e:#}"),
            }
            trigger = match woken.recv_timeout(every) {
                Ok(()) => {
                    std::thread::sleep(DEBOUNCE);
                    while woken.try_recv().is_ok() {}
                    "websocket"
                }
                Err(RecvTimeoutError::Timeout) => "poll",
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(every);
                    "poll"
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_websocket_is_beside_the_rpc_endpoint() {
        assert_eq!(websocket_url("http://127.0.0.1:8899").as_deref(), Some("ws://127.0.0.1:8900/"));
        assert_eq!(websocket_url("https://rpc.example/key").as_deref(), Some("wss://rpc.example/key"));
        assert_eq!(websocket_url("ftp://x"), None);
        assert_eq!(websocket_url("http://x:65535"), None);
    }

    #[test]
    fn a_failing_call_is_retried_with_backoff_until_it_succeeds_or_the_tries_run_out() {
        let mut calls = 0;
        let started = std::time::Instant::now();
        let value = retry("flaky", || {
            calls += 1;
            match calls {
                1 | 2 => Err(anyhow!("connection refused")),
                _ => Ok(7),
            }
        })
        .unwrap();
        assert_eq!((value, calls), (7, 3));
        assert!(started.elapsed() >= FIRST_BACKOFF * 3, "waited 250 ms, then 500 ms");

        let mut calls = 0;
        let error = retry("down", || -> Result<()> {
            calls += 1;
            Err(anyhow!("connection refused"))
        })
        .unwrap_err();
        assert_eq!(calls, TRIES);
        assert!(format!("{error:#}").contains("down: gave up after 5 tries: connection refused"), "{error:#}");
    }
}
