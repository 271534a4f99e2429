//! The processor: decoded transactions into the database, exactly once each. A transaction's
//! rows, the counters it moves and the source's cursor are written in one database transaction,
//! keyed by signature (and event index), so that killing the indexer at any point and running it
//! again loses nothing and counts nothing twice.

use crate::decode::{events, Decoded, Event, TxRecord};
use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;

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
    CREATE TABLE payments (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, block_time BIGINT NOT NULL, model TEXT NOT NULL,
        payer TEXT NOT NULL, operator TEXT NOT NULL, via_channel INTEGER NOT NULL, calls BIGINT NOT NULL,
        fee BIGINT NOT NULL, protocol BIGINT NOT NULL, owner_amount BIGINT NOT NULL, operator_amount BIGINT NOT NULL,
        PRIMARY KEY (signature, event_index)
    );
    CREATE INDEX payments_model_time ON payments (model, block_time);
    CREATE TABLE lineage_credits (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, entry INTEGER NOT NULL, block_time BIGINT NOT NULL,
        target TEXT NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (signature, event_index, entry)
    );
    CREATE TABLE models (model TEXT PRIMARY KEY);
    CREATE TABLE contributions (
        contribution TEXT PRIMARY KEY, datanet TEXT NOT NULL, contributor TEXT NOT NULL, submitted_at BIGINT NOT NULL
    );
    CREATE TABLE acceptances (contribution TEXT PRIMARY KEY, accepted_at BIGINT NOT NULL);
    CREATE TABLE positions (position TEXT PRIMARY KEY, contribution TEXT NOT NULL);
    CREATE TABLE claims (
        signature TEXT NOT NULL, event_index INTEGER NOT NULL, block_time BIGINT NOT NULL, kind TEXT NOT NULL,
        beneficiary TEXT NOT NULL, position TEXT, contribution TEXT, amount BIGINT NOT NULL,
        PRIMARY KEY (signature, event_index)
    );
    CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
    CREATE TABLE cursors (source TEXT PRIMARY KEY, signature TEXT NOT NULL);
    CREATE INDEX contributions_contributor ON contributions (contributor, submitted_at);

    -- The KPI views (crate::kpi reads them; so can anyone with the database).
    CREATE VIEW model_daily AS
        SELECT model, block_time / 86400 * 86400 AS bucket, COUNT(*) AS payments,
               CAST(SUM(calls) AS BIGINT) AS calls, CAST(SUM(fee) AS BIGINT) AS fees
        FROM payments GROUP BY model, block_time / 86400;
    CREATE VIEW model_hourly AS
        SELECT model, block_time / 3600 * 3600 AS bucket, COUNT(*) AS payments,
               CAST(SUM(calls) AS BIGINT) AS calls, CAST(SUM(fee) AS BIGINT) AS fees
        FROM payments GROUP BY model, block_time / 3600;
    CREATE VIEW operator_fees AS
        SELECT operator, COUNT(*) AS payments, CAST(SUM(fee) AS BIGINT) AS fees FROM payments GROUP BY operator;
    -- A lineage credit goes to a datanet (its contributors) or to an upstream model's escrow.
    CREATE VIEW datanet_credits AS
        SELECT l.target AS datanet, COUNT(*) AS credits, CAST(SUM(l.amount) AS BIGINT) AS credited
        FROM lineage_credits l LEFT JOIN models m ON m.model = l.target WHERE m.model IS NULL GROUP BY l.target;
    CREATE VIEW upstream_credits AS
        SELECT l.target AS model, COUNT(*) AS credits, CAST(SUM(l.amount) AS BIGINT) AS credited
        FROM lineage_credits l JOIN models m ON m.model = l.target GROUP BY l.target;
    -- What contributors took out of their positions and Proof-of-Attribution claims, with the
    -- contribution each was for.
    CREATE VIEW contributor_claims AS
        SELECT c.block_time, c.beneficiary, c.amount, COALESCE(c.contribution, p.contribution) AS contribution
        FROM claims c LEFT JOIN positions p ON p.position = c.position WHERE c.kind IN ('position', 'attribution');
    CREATE VIEW contributor_earnings AS
        SELECT beneficiary, COUNT(*) AS claims, CAST(SUM(amount) AS BIGINT) AS earned
        FROM contributor_claims GROUP BY beneficiary;
    CREATE VIEW first_payouts AS
        SELECT a.contribution, a.accepted_at, MIN(cc.block_time) AS first_paid_at
        FROM acceptances a JOIN contributor_claims cc ON cc.contribution = a.contribution AND cc.amount > 0
        GROUP BY a.contribution, a.accepted_at;
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

    /// Stores `tx` once (its events decoded into rows) and, in the same database transaction,
    /// moves `source`'s cursor to it. A failed transaction is recorded as seen and counted
    /// under `failed_transactions`, nothing else.
    pub fn ingest(&mut self, tx: &TxRecord, source: Option<&str>) -> Result<Ingested> {
        let db = self.conn.transaction()?;
        let new = db.execute(
            "INSERT INTO transactions (signature, slot, block_time, failed) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            params![tx.signature, amount(tx.slot)?, tx.block_time, tx.failed as i64],
        )? == 1;
        let mut outcome = Ingested { new, ..Ingested::default() };
        if new && tx.failed {
            bump(&db, "failed_transactions", 1)?;
        } else if new {
            let found = events(&tx.logs);
            let via_channel = found.decoded.iter().any(|d| matches!(d.event, Event::ChannelSettled));
            for decoded in &found.decoded {
                insert(&db, tx, decoded, via_channel)?;
            }
            bump(&db, "skipped_events", found.skipped.len() as i64)?;
            outcome.events = found.decoded.len();
            outcome.warnings = found.skipped;
        }
        if let Some(source) = source {
            db.execute(
                "INSERT INTO cursors (source, signature) VALUES ($1, $2)
                 ON CONFLICT (source) DO UPDATE SET signature = excluded.signature",
                params![source, tx.signature],
            )?;
        }
        db.commit()?;
        Ok(outcome)
    }
}

fn bump(db: &Transaction, name: &str, by: i64) -> Result<()> {
    db.execute(
        "INSERT INTO counters (name, value) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value",
        params![name, by],
    )?;
    Ok(())
}

/// One event's rows: the raw event, and the KPI table it feeds, if any.
fn insert(db: &Transaction, tx: &TxRecord, d: &Decoded, via_channel: bool) -> Result<()> {
    let (sig, index, time) = (&tx.signature, d.index, tx.block_time);
    db.execute(
        "INSERT INTO events (signature, event_index, program, name, data) VALUES ($1, $2, $3, $4, $5)",
        params![sig, index, d.program.to_string(), d.name, d.data],
    )?;
    let claim = |kind: &str, beneficiary: &str, position: Option<String>, contribution: Option<String>, value: u64| {
        db.execute(
            "INSERT INTO claims (signature, event_index, block_time, kind, beneficiary, position, contribution, amount)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            params![sig, index, time, kind, beneficiary, position, contribution, amount(value)?],
        )?;
        anyhow::Ok(())
    };
    match &d.event {
        Event::Paid(e) => {
            db.execute(
                "INSERT INTO payments (signature, event_index, block_time, model, payer, operator, via_channel, calls,
                 fee, protocol, owner_amount, operator_amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                params![
                    sig,
                    index,
                    time,
                    e.model.to_string(),
                    e.payer.to_string(),
                    e.operator.to_string(),
                    via_channel as i64,
                    amount(e.calls)?,
                    amount(e.fee)?,
                    amount(e.protocol_fee.checked_add(e.dust).context("protocol fee overflow")?)?,
                    amount(e.owner_amount)?,
                    amount(e.operator_amount)?,
                ],
            )?;
            for (entry, credit) in e.lineage.iter().enumerate() {
                db.execute(
                    "INSERT INTO lineage_credits (signature, event_index, entry, block_time, target, amount)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    params![sig, index, entry as i64, time, credit.target.to_string(), amount(credit.amount)?],
                )?;
            }
        }
        Event::ModelCreated { model } => {
            db.execute("INSERT INTO models (model) VALUES ($1) ON CONFLICT DO NOTHING", params![model.to_string()])?;
        }
        Event::ContributionSubmitted { contribution, datanet, contributor, accepted, at } => {
            db.execute(
                "INSERT INTO contributions (contribution, datanet, contributor, submitted_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                params![contribution.to_string(), datanet.to_string(), contributor.to_string(), at],
            )?;
            if *accepted {
                accept(db, &contribution.to_string(), *at)?;
            }
        }
        Event::ContributionAccepted { contribution, at } => accept(db, &contribution.to_string(), *at)?,
        Event::PositionEnrolled { position, contribution } => {
            db.execute(
                "INSERT INTO positions (position, contribution) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                params![position.to_string(), contribution.to_string()],
            )?;
        }
        Event::PositionClaimed { position, beneficiary, amount } => {
            claim("position", &beneficiary.to_string(), Some(position.to_string()), None, *amount)?
        }
        Event::AttributionClaimed { contribution, beneficiary, amount } => {
            claim("attribution", &beneficiary.to_string(), None, Some(contribution.to_string()), *amount)?
        }
        Event::EarningsClaimed { beneficiary, amount } => {
            claim("earnings", &beneficiary.to_string(), None, None, *amount)?
        }
        Event::ChannelSettled | Event::Other => {}
    }
    Ok(())
}

fn accept(db: &Transaction, contribution: &str, at: i64) -> Result<()> {
    db.execute(
        "INSERT INTO acceptances (contribution, accepted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        params![contribution, at],
    )?;
    Ok(())
}
