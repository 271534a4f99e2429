//! `make bench`, the KPI indexer's part: a generator writes a prepared file of synthetic but valid
//! transactions (the programs' own event types, encoded as `emit!` logs them), the indexer reads
//! it into SQLite, and every KPI endpoint is timed. Writes docs/indexer-bench.md.
//! Usage: indexer-bench [PAYMENTS...] (default: 100000 1000000).

use anchor_lang::prelude::Pubkey;
use anchor_lang::Event;
use anyhow::Result;
use attribution_indexer::{api, source, Store, TxRecord};
use attribution_payout::events::{InferencePaid, LineageCredit, PositionClaimed, PositionEnrolled};
use base64::Engine;
use datanet_registry::events::ContributionSubmitted;
use datanet_registry::state::ContributionStatus;
use model_registry::events::ModelCreated;
use model_registry::state::ModelKind;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

const MODELS: u64 = 50;
const OPERATORS: u64 = 20;
const DATANETS: u64 = 10;
/// One contribution (accepted, enrolled) and one contributor claim per this many payments.
const PER_CONTRIBUTION: u64 = 10;
/// The history spans 30 days.
const SPAN_SECS: i64 = 30 * 86_400;
const START: i64 = 1_790_000_000;
const SAMPLES: usize = 50;

/// A distinct key for (`kind`, `n`).
fn key(kind: u8, n: u64) -> Pubkey {
    let mut bytes = [kind; 32];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    Pubkey::new_from_array(bytes)
}

/// The logs of one instruction of `program` emitting `events`.
fn logs(program: Pubkey, events: &[Vec<u8>]) -> Vec<String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut logs = vec![format!("Program {program} invoke [1]")];
    logs.extend(events.iter().map(|e| format!("Program data: {}", b64.encode(e))));
    logs.push(format!("Program {program} success"));
    logs
}

fn tx(n: u64, time: i64, logs: Vec<String>) -> TxRecord {
    TxRecord { signature: format!("synthetic{n:012}"), slot: n, block_time: time, failed: false, logs }
}

/// The prepared file: the models, then `payments` payments spread over 30 days, with a
/// contribution submitted (accepted at once), enrolled and claimed for every tenth.
fn generate(path: &Path, payments: u64) -> Result<u64> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut n = 0u64;
    let mut write = |record: TxRecord| -> Result<()> {
        n += 1;
        Ok(writeln!(out, "{}", serde_json::to_string(&record)?)?)
    };
    for m in 0..MODELS {
        let created = ModelCreated {
            model: key(1, m),
            owner: key(2, m),
            id: m,
            kind: ModelKind::Base,
            base_model: None,
            price_per_call: 1_000,
            artifact_hash: [0; 32],
            name: format!("model {m}"),
            uri: "ipfs://m".into(),
            timestamp: START,
        };
        write(tx(m, START, logs(model_registry::ID, &[created.data()])))?;
    }
    for i in 0..payments {
        let time = START + (i as i64 * SPAN_SECS) / payments as i64;
        let model = i % MODELS;
        let calls = 1 + i % 7;
        let fee = calls * 1_000;
        let paid = InferencePaid {
            model: key(1, model),
            request_id: [0; 32],
            output_hash: [0; 32],
            payer: key(3, i % 5_000),
            operator: key(4, (i * i) % OPERATORS),
            calls,
            price_per_call: 1_000,
            fee,
            protocol_fee: fee / 40,
            dust: 0,
            owner: key(2, model),
            owner_amount: fee * 3 / 10,
            operator_amount: fee / 10,
            lineage: vec![
                LineageCredit { target: key(5, i % DATANETS), amount: fee / 2 - fee / 40 },
                LineageCredit { target: key(1, (model + 1) % MODELS), amount: fee / 10 },
            ],
            epoch: None,
            record: None,
            timestamp: time,
        };
        write(tx(1_000 + i * 2, time, logs(attribution_payout::ID, &[paid.data()])))?;
        if i % PER_CONTRIBUTION == 0 {
            let c = i / PER_CONTRIBUTION;
            let (contribution, contributor) = (key(6, c), key(7, c % 20_000));
            let submitted = ContributionSubmitted {
                datanet: key(5, c % DATANETS),
                contribution,
                contributor,
                content_hash: [0; 32],
                size: 1,
                index: c,
                status: ContributionStatus::Accepted,
                weight: 1,
                bond: 0,
                uri: String::new(),
                timestamp: time,
            };
            let enrolled = PositionEnrolled {
                position: key(8, c),
                pool: key(9, c % DATANETS),
                contribution,
                beneficiary: contributor,
                weight: 1,
                pool_enrolled_weight: c,
            };
            let claimed = PositionClaimed {
                position: key(8, c),
                pool: key(9, c % DATANETS),
                beneficiary: contributor,
                amount: 1 + c % 97,
                total_claimed: 1,
            };
            let mut both = logs(datanet_registry::ID, &[submitted.data()]);
            both.extend(logs(attribution_payout::ID, &[enrolled.data(), claimed.data()]));
            write(tx(1_001 + i * 2, time + 3_600, both))?;
        }
    }
    out.flush()?;
    Ok(n)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

struct Row {
    payments: u64,
    transactions: u64,
    events: u64,
    file_mb: f64,
    ingest_secs: f64,
    db_bytes_per_event: f64,
    latencies: Vec<(String, f64, f64)>,
}

fn run(payments: u64, dir: &Path) -> Result<Row> {
    let file = dir.join(format!("bench-{payments}.jsonl"));
    let db_path = dir.join(format!("bench-{payments}.db"));
    Store::remove(&db_path)?;
    eprintln!("indexer bench: generating {payments} payments into {}", file.display());
    let transactions = generate(&file, payments)?;
    let file_mb = std::fs::metadata(&file)?.len() as f64 / 1e6;
    eprintln!("indexer bench: ingesting {transactions} transactions ({file_mb:.0} MB)");
    let mut db = Store::open(&db_path)?;
    let started = Instant::now();
    let pass = source::ingest_file(&mut db, &file)?;
    let ingest_secs = started.elapsed().as_secs_f64();
    db.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    let db_bytes = std::fs::metadata(&db_path)?.len() as f64;
    let contributor = key(7, 0).to_string();
    let paths = [
        "/v1/kpis".to_string(),
        "/v1/kpis/payments".into(),
        "/v1/kpis/models".into(),
        format!("/v1/kpis/models/{}", key(1, 0)),
        "/v1/kpis/operators".into(),
        "/v1/kpis/datanets".into(),
        "/v1/kpis/contributors".into(),
        "/v1/kpis/concentration".into(),
        "/v1/kpis/retention".into(),
        format!("/v1/contributors/{contributor}"),
    ];
    let mut latencies = Vec::new();
    for path in paths {
        let mut ms: Vec<f64> = (0..SAMPLES)
            .map(|_| {
                let t = Instant::now();
                let answer = api::answer(&db, &path).expect("an answer").expect("something there");
                std::hint::black_box(answer.to_string());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        latencies.push((path, percentile(&ms, 0.5), percentile(&ms, 0.99)));
    }
    drop(db);
    std::fs::remove_file(&file)?;
    Store::remove(&db_path)?;
    Ok(Row {
        payments,
        transactions: pass.transactions,
        events: pass.events,
        file_mb,
        ingest_secs,
        db_bytes_per_event: db_bytes / pass.events as f64,
        latencies,
    })
}

fn main() -> Result<()> {
    let sizes: Vec<u64> = match std::env::args().skip(1).map(|a| a.parse()).collect::<Result<Vec<u64>, _>>()? {
        sizes if sizes.is_empty() => vec![100_000, 1_000_000],
        sizes => sizes,
    };
    let dir = tempfile_dir()?;
    let rows = sizes.iter().map(|&n| run(n, &dir)).collect::<Result<Vec<_>>>()?;
    let mut md = String::from(
        "# KPI indexer benchmark\n\n\
         Measured by `make bench` (`cd crates && cargo run -q -p attribution-indexer --bin indexer-bench`; the host \
         crates' dev profile, dependencies optimised) on the project's 2-core machine. The history is **synthetic \
         but valid**: a generator writes a prepared file of transactions whose logs are the programs' own events \
         (`InferencePaid`, `ContributionSubmitted`, `PositionEnrolled`, `PositionClaimed`, `ModelCreated`) encoded \
         as `emit!` logs them, over 30 days, 50 models, 20 operators, 10 datanets; a contribution (accepted, \
         enrolled, claimed) for every tenth payment. The indexer reads that file into SQLite (WAL) exactly as it \
         reads the embedded CLI's journal. Endpoint latency is `api::answer` (the query and the JSON), \
         50 samples each, without the HTTP round trip. Ingest from the local validator over RPC is bound by \
         its `getTransaction` round trips, one per transaction: not measured here (the localnet test indexes \
         its history this way).\n\n\
         | payments | transactions | events | file | ingest | events/s | DB bytes per event |\n\
         | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for r in &rows {
        md += &format!(
            "| {} | {} | {} | {:.0} MB | {:.1} s | {:.0} | {:.0} |\n",
            r.payments,
            r.transactions,
            r.events,
            r.file_mb,
            r.ingest_secs,
            r.events as f64 / r.ingest_secs,
            r.db_bytes_per_event
        );
    }
    md += "\n| endpoint |";
    for r in &rows {
        md += &format!(" p50 at {} | p99 at {} |", r.payments, r.payments);
    }
    md += "\n| --- |";
    md += &" ---: | ---: |".repeat(rows.len());
    md += "\n";
    for (i, (path, _, _)) in rows[0].latencies.iter().enumerate() {
        md += &format!("| `{path}` |");
        for r in &rows {
            md += &format!(" {:.1} ms | {:.1} ms |", r.latencies[i].1, r.latencies[i].2);
        }
        md += "\n";
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/indexer-bench.md");
    std::fs::write(&out, &md)?;
    print!("{md}");
    Ok(())
}

/// A scratch folder for the prepared files and databases (under the target folder).
fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/indexer-bench");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
