//! The processor: decoded transactions into the database, exactly once each. A transaction's
//! rows, the counters it moves and the source's cursor are written in one database transaction,
//! keyed by signature (and event index), so that killing the indexer at any point and running it
//! again loses nothing and counts nothing twice.

use crate::decode::{events, Decoded, Event, TxRecord};
use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction};
use std::path::{Path, PathBuf};

/// The schema, one migration per entry, applied in order and recorded in `schema_migrations`.
/// Plain SQL that SQLite and PostgreSQL both accept. Amounts are OPEN base units.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE transactions (
        signature TEXT PRIMARY KEY, slot BIGINT NOT NULL, block_time BIGINT NOT NULL, failed INTEGER NOT NULL
    );
    CREATE TABLE events (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, program TEXT NOT NULL, name TEXT NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (signature, event_index)
    );

    -- Facts, one row per event that feeds a KPI.
    CREATE TABLE payments (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, block_time BIGINT NOT NULL, model TEXT NOT NULL,
        payer TEXT NOT NULL, operator TEXT NOT NULL, via_channel INTEGER NOT NULL, calls BIGINT NOT NULL,
        fee BIGINT NOT NULL, protocol BIGINT NOT NULL, owner_amount BIGINT NOT NULL, operator_amount BIGINT NOT NULL,
        PRIMARY KEY (signature, event_index)
    );
    CREATE TABLE lineage_credits (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, entry INTEGER NOT NULL, block_time BIGINT NOT NULL,
        target TEXT NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (signature, event_index, entry)
    );
    CREATE TABLE models (model TEXT PRIMARY KEY);
    CREATE TABLE contributions (
        contribution TEXT PRIMARY KEY, datanet TEXT NOT NULL, contributor TEXT NOT NULL, submitted_at BIGINT NOT NULL
    );
    CREATE INDEX contributions_contributor ON contributions (contributor, submitted_at);
    CREATE TABLE acceptances (contribution TEXT PRIMARY KEY, accepted_at BIGINT NOT NULL);
    CREATE TABLE positions (position TEXT PRIMARY KEY, contribution TEXT NOT NULL);
    CREATE TABLE claims (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, block_time BIGINT NOT NULL, kind TEXT NOT NULL,
        beneficiary TEXT NOT NULL, contribution TEXT, amount BIGINT NOT NULL, PRIMARY KEY (signature, event_index)
    );

    -- Rollups, kept with the facts in the same database transaction, so that every KPI reads a
    -- few small rows whatever the length of the history.
    CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
    CREATE TABLE model_buckets (
        model TEXT NOT NULL, span BIGINT NOT NULL, bucket BIGINT NOT NULL, payments BIGINT NOT NULL,
        calls BIGINT NOT NULL, fees BIGINT NOT NULL, PRIMARY KEY (model, span, bucket)
    );
    CREATE INDEX model_buckets_by_time ON model_buckets (span, bucket);
    CREATE TABLE operator_totals (operator TEXT PRIMARY KEY, payments BIGINT NOT NULL, fees BIGINT NOT NULL);
    CREATE TABLE target_totals (target TEXT PRIMARY KEY, credits BIGINT NOT NULL, credited BIGINT NOT NULL);
    CREATE TABLE datanet_totals (datanet TEXT PRIMARY KEY, contributions BIGINT NOT NULL, accepted BIGINT NOT NULL);
    CREATE TABLE earner_totals (beneficiary TEXT PRIMARY KEY, claims BIGINT NOT NULL, earned BIGINT NOT NULL);
    CREATE INDEX earner_totals_by_earned ON earner_totals (earned, beneficiary);
    CREATE TABLE claim_days (day BIGINT NOT NULL, beneficiary TEXT NOT NULL, PRIMARY KEY (day, beneficiary));
    CREATE TABLE first_payouts (contribution TEXT PRIMARY KEY, first_paid_at BIGINT NOT NULL);
    CREATE TABLE payout_waits (contribution TEXT PRIMARY KEY, wait BIGINT NOT NULL);
    CREATE INDEX payout_waits_by_wait ON payout_waits (wait);
    CREATE TABLE returning_contributors (contributor TEXT PRIMARY KEY);
    CREATE TABLE cursors (source TEXT PRIMARY KEY, signature TEXT NOT NULL);

    -- The KPI views (crate::kpi reads them; so can anyone with the database).
    CREATE VIEW model_daily AS SELECT model, bucket, payments, calls, fees FROM model_buckets WHERE span = 86400;
    CREATE VIEW model_hourly AS SELECT model, bucket, payments, calls, fees FROM model_buckets WHERE span = 3600;
    -- A lineage credit goes to a datanet (its contributors) or to an upstream model's escrow.
    CREATE VIEW datanet_credits AS
        SELECT t.target AS datanet, t.credits, t.credited, COALESCE(d.contributions, 0) AS contributions,
               COALESCE(d.accepted, 0) AS accepted
        FROM target_totals t LEFT JOIN models m ON m.model = t.target
        LEFT JOIN datanet_totals d ON d.datanet = t.target WHERE m.model IS NULL;
    CREATE VIEW upstream_credits AS
        SELECT t.target AS model, t.credits, t.credited FROM target_totals t JOIN models m ON m.model = t.target;
"];

/// What `ingest` did with a transaction.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Ingested {
    /// Seen for the first time (a repeat changes nothing).
    pub new: bool,
    pub events: usize,
    /// Lines that looked like events and were not (skipped, counted under `skipped_events`).
    pub warnings: Vec<String>,
}

pub struct Store {
    conn: Connection,
}

fn amount(value: u64) -> Result<i64> {
    i64::try_from(value).context("an amount above 2^63 base units")
}

impl Store {
    /// Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let conn = Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::migrated(conn)
    }

    /// Deletes the SQLite database at `path` with its write-ahead log and shared-memory files (a
    /// stale log beside a new database would be replayed into it); absent files are fine.
    pub fn remove(path: &Path) -> Result<()> {
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).with_context(|| format!("removing {}", file.display()))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A database in memory (tests, and a one-off read of a prepared file).
    pub fn memory() -> Result<Store> {
        Self::migrated(Connection::open_in_memory()?)
    }

    fn migrated(mut conn: Connection) -> Result<Store> {
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)", [])?;
        let done: i64 = conn.query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))?;
        for (version, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql).with_context(|| format!("migration {}", version + 1))?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", params![version as i64 + 1])?;
            tx.commit()?;
        }
        Ok(Store { conn })
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Where the source `source` got to: the last signature it stored.
    pub fn cursor(&self, source: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT signature FROM cursors WHERE source = $1", params![source], |r| r.get(0))
            .optional()?)
    }

    /// A counter's value (0 before its first count).
    pub fn counter(&self, name: &str) -> Result<u64> {
        let value: Option<i64> = self
            .conn
            .query_row("SELECT value FROM counters WHERE name = $1", params![name], |r| r.get(0))
            .optional()?;
        Ok(value.unwrap_or(0) as u64)
    }

    /// Stores `txs` (each once: a repeat changes nothing), their events decoded into facts and
    /// rollups, and moves `source`'s cursor to the last of them: all in one database
    /// transaction. A failed transaction is recorded as seen and counted, nothing else.
    pub fn ingest_all(&mut self, txs: &[TxRecord], source: Option<&str>) -> Result<Vec<Ingested>> {
        let db = self.conn.transaction()?;
        let outcomes = txs.iter().map(|tx| ingest_one(&db, tx)).collect::<Result<Vec<_>>>()?;
        if let (Some(source), Some(last)) = (source, txs.last()) {
            db.prepare_cached(
                "INSERT INTO cursors (source, signature) VALUES ($1, $2)
                 ON CONFLICT (source) DO UPDATE SET signature = excluded.signature",
            )?
            .execute(params![source, last.signature])?;
        }
        db.commit()?;
        Ok(outcomes)
    }

    /// `ingest_all` of one transaction.
    pub fn ingest(&mut self, tx: &TxRecord, source: Option<&str>) -> Result<Ingested> {
        Ok(self.ingest_all(std::slice::from_ref(tx), source)?.remove(0))
    }
}

fn ingest_one(db: &Transaction, tx: &TxRecord) -> Result<Ingested> {
    let new = db
        .prepare_cached(
            "INSERT INTO transactions (signature, slot, block_time, failed) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![tx.signature, amount(tx.slot)?, tx.block_time, tx.failed as i64])?
        == 1;
    let mut outcome = Ingested { new, ..Ingested::default() };
    if !new {
        return Ok(outcome);
    }
    if tx.failed {
        count(db, "failed_transactions", 1)?;
        return Ok(outcome);
    }
    let found = events(&tx.logs);
    let via_channel = found.decoded.iter().any(|d| matches!(d.event, Event::ChannelSettled));
    for decoded in &found.decoded {
        insert(db, tx, decoded, via_channel)?;
    }
    count(db, "transactions", 1)?;
    count(db, "events", found.decoded.len() as i64)?;
    count(db, "skipped_events", found.skipped.len() as i64)?;
    db.prepare_cached(
        "INSERT INTO counters (name, value) VALUES ('last_block_time', $1)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE excluded.value > counters.value",
    )?
    .execute(params![tx.block_time])?;
    outcome.events = found.decoded.len();
    outcome.warnings = found.skipped;
    Ok(outcome)
}

/// Adds `adds` to the row of `table` keyed by `keys` (created at zero first).
fn add(db: &Transaction, table: &str, keys: &[(&str, &dyn ToSql)], adds: &[(&str, i64)]) -> Result<()> {
    let columns: Vec<&str> = keys.iter().map(|k| k.0).chain(adds.iter().map(|a| a.0)).collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
    let sums: Vec<String> = adds.iter().map(|(c, _)| format!("{c} = {table}.{c} + excluded.{c}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}",
        columns.join(", "),
        placeholders.join(", "),
        keys.iter().map(|k| k.0).collect::<Vec<_>>().join(", "),
        sums.join(", ")
    );
    let values: Vec<&dyn ToSql> = keys.iter().map(|k| k.1).chain(adds.iter().map(|a| &a.1 as &dyn ToSql)).collect();
    db.prepare_cached(&sql)?.execute(values.as_slice())?;
    Ok(())
}

fn count(db: &Transaction, name: &str, by: i64) -> Result<()> {
    add(db, "counters", &[("name", &name)], &[("value", by)])
}

/// Inserts a row unless its key is there; whether it was new.
fn insert_new(db: &Transaction, sql: &str, values: &[&dyn ToSql]) -> Result<bool> {
    Ok(db.prepare_cached(sql)?.execute(values)? == 1)
}

pub(crate) const HOUR: i64 = 3_600;
pub(crate) const DAY: i64 = 86_400;
const RETURN_WINDOW: i64 = 30 * DAY;

/// One event's rows: the raw event, the facts and rollups it feeds.
fn insert(db: &Transaction, tx: &TxRecord, d: &Decoded, via_channel: bool) -> Result<()> {
    let (sig, index, time) = (&tx.signature, d.index, tx.block_time);
    db.prepare_cached("INSERT INTO events (signature, event_index, program, name, data) VALUES ($1, $2, $3, $4, $5)")?
        .execute(params![sig, index, d.program.to_string(), d.name, d.data])?;
    match &d.event {
        Event::Paid(e) => {
            let (model, operator) = (e.model.to_string(), e.operator.to_string());
            let protocol = amount(e.protocol_fee.checked_add(e.dust).context("protocol fee overflow")?)?;
            let (calls, fee) = (amount(e.calls)?, amount(e.fee)?);
            let (owners, operators) = (amount(e.owner_amount)?, amount(e.operator_amount)?);
            db.prepare_cached(
                "INSERT INTO payments (signature, event_index, block_time, model, payer, operator, via_channel, calls,
                 fee, protocol, owner_amount, operator_amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )?
            .execute(params![
                sig,
                index,
                time,
                model,
                e.payer.to_string(),
                operator,
                via_channel as i64,
                calls,
                fee,
                protocol,
                owners,
                operators,
            ])?;
            for (name, value) in [
                ("payments", 1),
                ("calls", calls),
                ("fees", fee),
                ("via_channel", via_channel as i64),
                ("protocol", protocol),
                ("owners", owners),
                ("operators", operators),
            ] {
                count(db, name, value)?;
            }
            for span in [HOUR, DAY] {
                let bucket = time.div_euclid(span) * span;
                let keys: [(&str, &dyn ToSql); 3] = [("model", &model), ("span", &span), ("bucket", &bucket)];
                add(db, "model_buckets", &keys, &[("payments", 1), ("calls", calls), ("fees", fee)])?;
            }
            add(db, "operator_totals", &[("operator", &operator)], &[("payments", 1), ("fees", fee)])?;
            for (entry, credit) in e.lineage.iter().enumerate() {
                let (target, credited) = (credit.target.to_string(), amount(credit.amount)?);
                db.prepare_cached(
                    "INSERT INTO lineage_credits (signature, event_index, entry, block_time, target, amount)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )?
                .execute(params![sig, index, entry as i64, time, target, credited])?;
                add(db, "target_totals", &[("target", &target)], &[("credits", 1), ("credited", credited)])?;
            }
        }
        Event::ModelCreated { model } => {
            insert_new(db, "INSERT INTO models (model) VALUES ($1) ON CONFLICT DO NOTHING", &[&model.to_string()])?;
        }
        Event::ContributionSubmitted { contribution, datanet, contributor, accepted, at } => {
            let (contribution, datanet, contributor) =
                (contribution.to_string(), datanet.to_string(), contributor.to_string());
            let new = insert_new(
                db,
                "INSERT INTO contributions (contribution, datanet, contributor, submitted_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[&contribution, &datanet, &contributor, at],
            )?;
            if new {
                contributed(db, &datanet, &contributor, *at)?;
            }
            if *accepted {
                accept(db, &contribution, &datanet, *at)?;
            }
        }
        Event::ContributionAccepted { contribution, datanet, at } => {
            accept(db, &contribution.to_string(), &datanet.to_string(), *at)?
        }
        Event::PositionEnrolled { position, contribution } => {
            insert_new(
                db,
                "INSERT INTO positions (position, contribution) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&position.to_string(), &contribution.to_string()],
            )?;
        }
        Event::PositionClaimed { position, beneficiary, amount } => {
            let contribution: Option<String> = db
                .prepare_cached("SELECT contribution FROM positions WHERE position = $1")?
                .query_row(params![position.to_string()], |r| r.get(0))
                .optional()?;
            paid(db, tx, d.index, "position", beneficiary, contribution, *amount)?
        }
        Event::AttributionClaimed { contribution, beneficiary, amount } => {
            paid(db, tx, d.index, "attribution", beneficiary, Some(contribution.to_string()), *amount)?
        }
        Event::EarningsClaimed { beneficiary, amount } => {
            paid(db, tx, d.index, "earnings", beneficiary, None, *amount)?
        }
        Event::ChannelSettled | Event::Other => {}
    }
    Ok(())
}

/// A new contribution of `contributor` to `datanet` at `at`: counted, and the contributor marked
/// returning if another of its contributions is within 30 days either side (so that the order
/// in which the two are read does not matter).
fn contributed(db: &Transaction, datanet: &str, contributor: &str, at: i64) -> Result<()> {
    add(db, "datanet_totals", &[("datanet", &datanet)], &[("contributions", 1), ("accepted", 0)])?;
    let first = db
        .prepare_cached("SELECT COUNT(*) FROM contributions WHERE contributor = $1")?
        .query_row(params![contributor], |r| r.get::<_, i64>(0))?
        == 1;
    if first {
        count(db, "contributors", 1)?;
    }
    let others: i64 = db
        .prepare_cached(
            "SELECT COUNT(*) FROM contributions WHERE contributor = $1 AND submitted_at >= $2 AND submitted_at <= $3",
        )?
        .query_row(params![contributor, at - RETURN_WINDOW, at + RETURN_WINDOW], |r| r.get(0))?;
    if others > 1
        && insert_new(
            db,
            "INSERT INTO returning_contributors (contributor) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&contributor],
        )?
    {
        count(db, "returning_contributors", 1)?;
    }
    Ok(())
}

/// A contribution accepted at `at`; with its first payout already known, its wait is recorded.
fn accept(db: &Transaction, contribution: &str, datanet: &str, at: i64) -> Result<()> {
    let new = insert_new(
        db,
        "INSERT INTO acceptances (contribution, accepted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&contribution, &at],
    )?;
    if !new {
        return Ok(());
    }
    count(db, "accepted_contributions", 1)?;
    add(db, "datanet_totals", &[("datanet", &datanet)], &[("contributions", 0), ("accepted", 1)])?;
    record_wait(db, contribution)
}

/// The wait from a contribution's acceptance to its first payout, once both are known.
fn record_wait(db: &Transaction, contribution: &str) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO payout_waits (contribution, wait)
         SELECT a.contribution, f.first_paid_at - a.accepted_at FROM acceptances a
         JOIN first_payouts f ON f.contribution = a.contribution WHERE a.contribution = $1
         ON CONFLICT (contribution) DO UPDATE SET wait = excluded.wait",
    )?
    .execute(params![contribution])?;
    Ok(())
}

/// A claim of `value` by `beneficiary`: a fact, and for a contributor's claim (`position`,
/// `attribution`) its earnings, its day, and the contribution's first payout.
fn paid(
    db: &Transaction,
    tx: &TxRecord,
    index: u32,
    kind: &str,
    beneficiary: &anchor_lang::prelude::Pubkey,
    contribution: Option<String>,
    value: u64,
) -> Result<()> {
    let (beneficiary, value, time) = (beneficiary.to_string(), amount(value)?, tx.block_time);
    db.prepare_cached(
        "INSERT INTO claims (signature, event_index, block_time, kind, beneficiary, contribution, amount)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )?
    .execute(params![tx.signature, index, time, kind, beneficiary, contribution, value])?;
    if kind == "earnings" || value == 0 {
        return Ok(());
    }
    count(db, "contributor_earned", value)?;
    add(db, "earner_totals", &[("beneficiary", &beneficiary)], &[("claims", 1), ("earned", value)])?;
    let day = time.div_euclid(DAY) * DAY;
    insert_new(
        db,
        "INSERT INTO claim_days (day, beneficiary) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&day, &beneficiary],
    )?;
    let Some(contribution) = contribution else { return Ok(()) };
    let first = insert_new(
        db,
        "INSERT INTO first_payouts (contribution, first_paid_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&contribution, &time],
    )?;
    if first {
        count(db, "earned_contributions", 1)?;
    } else {
        // SQLite numbers `$n` parameters in the order they first appear: keep them in order.
        db.prepare_cached(
            "UPDATE first_payouts SET first_paid_at = $1 WHERE contribution = $2 AND first_paid_at > $1",
        )?
        .execute(params![time, contribution])?;
    }
    record_wait(db, &contribution)
}
