//! The KPIs: what says whether this economy is alive, read from the store's views. Every list is
//! in a fixed order, so the same database always gives the same bytes.

use crate::store::{Store, DAY, HOUR};
use anyhow::Result;
use rusqlite::{params, Connection, Params, Row};
use serde::Serialize;
use serde_json::Value;

/// How far back each model's hourly series goes, from the last indexed transaction.
pub const HOURLY_SECS: i64 = 48 * HOUR;
/// How many days `retention.models_paid_by_day` looks back, ending on the last indexed day.
pub const RECENT_DAYS: i64 = 7;

/// Amounts (OPEN base units) are JSON strings: a JavaScript number holds integers exactly only
/// up to 2^53, about 9 million OPEN.
fn amount<S: serde::Serializer>(value: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Kpis {
    pub indexed: Indexed,
    pub payments: Payments,
    pub distribution: Distribution,
    pub models: Vec<ModelUsage>,
    pub operators: Vec<OperatorShare>,
    pub datanets: Vec<DatanetCredit>,
    pub contributors: Contributors,
    pub concentration: Concentration,
    pub retention: Retention,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Indexed {
    pub transactions: u64,
    pub failed_transactions: u64,
    pub events: u64,
    pub skipped_events: u64,
    pub last_block_time: Option<i64>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Payments {
    pub count: u64,
    pub calls: u64,
    #[serde(serialize_with = "amount")]
    pub fees: u64,
    /// Settled from a payment channel (an agent's voucher) rather than paid by a wallet.
    pub via_channel: u64,
    pub via_wallet: u64,
}

/// Where the fees went, in base units; the five add up to `payments.fees`.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Distribution {
    #[serde(serialize_with = "amount")]
    pub contributors: u64,
    #[serde(serialize_with = "amount")]
    pub upstream_models: u64,
    #[serde(serialize_with = "amount")]
    pub owners: u64,
    #[serde(serialize_with = "amount")]
    pub operators: u64,
    #[serde(serialize_with = "amount")]
    pub protocol: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Bucket {
    /// Unix seconds at the start of the hour or day.
    pub start: i64,
    pub payments: u64,
    pub calls: u64,
    #[serde(serialize_with = "amount")]
    pub fees: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ModelUsage {
    pub model: String,
    pub payments: u64,
    pub calls: u64,
    #[serde(serialize_with = "amount")]
    pub fees: u64,
    pub daily: Vec<Bucket>,
    pub hourly: Vec<Bucket>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct OperatorShare {
    pub operator: String,
    pub payments: u64,
    #[serde(serialize_with = "amount")]
    pub fees: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct DatanetCredit {
    pub datanet: String,
    pub credits: u64,
    #[serde(serialize_with = "amount")]
    pub credited: u64,
    pub contributions: u64,
    pub accepted: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct DayCount {
    pub day: i64,
    pub count: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Earner {
    pub beneficiary: String,
    pub claims: u64,
    #[serde(serialize_with = "amount")]
    pub earned: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Contributors {
    /// Distinct wallets that submitted a contribution.
    pub contributors: u64,
    pub accepted_contributions: u64,
    /// Accepted contributions that have been paid out at least once (a position or a Proof of
    /// Attribution claim of more than zero).
    pub earned_contributions: u64,
    pub earned_share_bps: u64,
    /// Median, over earned contributions, of the time from acceptance to the first payout.
    pub median_secs_to_first_payout: Option<i64>,
    /// Distinct contributors who claimed, per day.
    pub claiming_per_day: Vec<DayCount>,
    pub top: Vec<Earner>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Concentration {
    /// Herfindahl index of the operators' shares of fees served, in basis points (10,000: one
    /// operator serves everything).
    pub operator_hhi_bps: u64,
    /// The fewest operators that together served at least half the fees.
    pub operators_for_half_fees: u64,
    /// The ten best-paid contributors' share of everything contributors were paid.
    pub top10_contributor_share_bps: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Retention {
    /// Contributors who contributed again within 30 days of a contribution.
    pub contributors_returning_within_30_days: u64,
    /// Distinct models paid on each of the last `RECENT_DAYS` indexed days (oldest first).
    pub models_paid_by_day: Vec<DayCount>,
}

fn u(row: &Row, i: usize) -> rusqlite::Result<u64> {
    Ok(row.get::<_, Option<i64>>(i)?.unwrap_or(0) as u64)
}

fn count(conn: &Connection, sql: &str) -> Result<u64> {
    Ok(conn.query_row(sql, [], |r| u(r, 0))?)
}

fn bps(part: u64, whole: u64) -> u64 {
    if whole == 0 {
        0
    } else {
        (part as u128 * 10_000 / whole as u128) as u64
    }
}

/// Every row of `sql` with `params`, mapped.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn buckets(conn: &Connection, view: &str, model: &str, since: i64) -> Result<Vec<Bucket>> {
    let sql =
        format!("SELECT bucket, payments, calls, fees FROM {view} WHERE model = $1 AND bucket >= $2 ORDER BY bucket");
    rows(conn, &sql, params![model, since], |r| {
        Ok(Bucket { start: r.get(0)?, payments: u(r, 1)?, calls: u(r, 2)?, fees: u(r, 3)? })
    })
}

/// The time of the last indexed transaction (none before the first).
fn last_block_time(store: &Store) -> Result<Option<i64>> {
    (store.counter("transactions")? > 0).then(|| store.counter("last_block_time").map(|t| t as i64)).transpose()
}

fn indexed(store: &Store, last_block_time: Option<i64>) -> Result<Indexed> {
    Ok(Indexed {
        transactions: store.counter("transactions")?,
        failed_transactions: store.counter("failed_transactions")?,
        events: store.counter("events")?,
        skipped_events: store.counter("skipped_events")?,
        last_block_time,
    })
}

fn payments(store: &Store) -> Result<Payments> {
    let (count, via_channel) = (store.counter("payments")?, store.counter("via_channel")?);
    Ok(Payments {
        count,
        calls: store.counter("calls")?,
        fees: store.counter("fees")?,
        via_channel,
        via_wallet: count - via_channel,
    })
}

fn distribution(store: &Store) -> Result<Distribution> {
    let conn = store.connection();
    Ok(Distribution {
        contributors: count(conn, "SELECT SUM(credited) FROM datanet_credits")?,
        upstream_models: count(conn, "SELECT SUM(credited) FROM upstream_credits")?,
        owners: store.counter("owners")?,
        operators: store.counter("operators")?,
        protocol: store.counter("protocol")?,
    })
}

/// Each model's totals, its daily series, and its hourly series over the `HOURLY_SECS` up to
/// `last_block_time`.
fn models(store: &Store, last_block_time: Option<i64>) -> Result<Vec<ModelUsage>> {
    let conn = store.connection();
    let since = last_block_time.unwrap_or(0) - HOURLY_SECS;
    let totals = rows(
        conn,
        "SELECT model, SUM(payments), SUM(calls), SUM(fees) FROM model_daily GROUP BY model ORDER BY SUM(fees) DESC, model",
        [],
        |r| Ok((r.get::<_, String>(0)?, u(r, 1)?, u(r, 2)?, u(r, 3)?)),
    )?;
    totals
        .into_iter()
        .map(|(model, payments, calls, fees)| {
            let daily = buckets(conn, "model_daily", &model, i64::MIN)?;
            let hourly = buckets(conn, "model_hourly", &model, since)?;
            Ok(ModelUsage { model, payments, calls, fees, daily, hourly })
        })
        .collect()
}

fn operators(store: &Store) -> Result<Vec<OperatorShare>> {
    rows(
        store.connection(),
        "SELECT operator, payments, fees FROM operator_totals ORDER BY fees DESC, operator",
        [],
        |r| Ok(OperatorShare { operator: r.get(0)?, payments: u(r, 1)?, fees: u(r, 2)? }),
    )
}

fn datanets(store: &Store) -> Result<Vec<DatanetCredit>> {
    rows(
        store.connection(),
        "SELECT datanet, credits, credited, contributions, accepted FROM datanet_credits ORDER BY credited DESC, datanet",
        [],
        |r| {
            Ok(DatanetCredit {
                datanet: r.get(0)?,
                credits: u(r, 1)?,
                credited: u(r, 2)?,
                contributions: u(r, 3)?,
                accepted: u(r, 4)?,
            })
        },
    )
}

fn median_wait(conn: &Connection) -> Result<Option<i64>> {
    let n = count(conn, "SELECT COUNT(*) FROM payout_waits")? as i64;
    if n == 0 {
        return Ok(None);
    }
    let sql = "SELECT wait FROM payout_waits ORDER BY wait LIMIT $1 OFFSET $2";
    let middle = rows(conn, sql, params![2 - n % 2, (n - 1) / 2], |r| r.get::<_, i64>(0))?;
    Ok(Some(middle.iter().sum::<i64>() / middle.len() as i64))
}

/// The ten best-paid contributors.
fn top_earners(store: &Store) -> Result<Vec<Earner>> {
    rows(
        store.connection(),
        "SELECT beneficiary, claims, earned FROM earner_totals ORDER BY earned DESC, beneficiary DESC LIMIT 10",
        [],
        |r| Ok(Earner { beneficiary: r.get(0)?, claims: u(r, 1)?, earned: u(r, 2)? }),
    )
}

fn contributors(store: &Store) -> Result<Contributors> {
    let conn = store.connection();
    let accepted = store.counter("accepted_contributions")?;
    let earned = store.counter("earned_contributions")?;
    Ok(Contributors {
        contributors: store.counter("contributors")?,
        accepted_contributions: accepted,
        earned_contributions: earned,
        earned_share_bps: bps(earned, accepted),
        median_secs_to_first_payout: median_wait(conn)?,
        claiming_per_day: rows(conn, "SELECT day, COUNT(*) FROM claim_days GROUP BY day ORDER BY day", [], |r| {
            Ok(DayCount { day: r.get(0)?, count: u(r, 1)? })
        })?,
        top: top_earners(store)?,
    })
}

/// Herfindahl index (bps) and the fewest operators serving half, from fees sorted high to low.
fn operator_concentration(fees: &[u64]) -> (u64, u64) {
    let total: u128 = fees.iter().map(|&f| f as u128).sum();
    if total == 0 {
        return (0, 0);
    }
    let squares: u128 = fees.iter().map(|&f| f as u128 * f as u128).sum();
    let hhi = (squares * 10_000 / (total * total)) as u64;
    let mut served = 0u128;
    let half = fees
        .iter()
        .position(|&f| {
            served += f as u128;
            served * 2 >= total
        })
        .map_or(0, |i| i as u64 + 1);
    (hhi, half)
}

/// From the operators' rows (high to low) and the top ten earners.
fn concentration(store: &Store, operators: &[OperatorShare], top: &[Earner]) -> Result<Concentration> {
    let fees: Vec<u64> = operators.iter().map(|o| o.fees).collect();
    let (operator_hhi_bps, operators_for_half_fees) = operator_concentration(&fees);
    let top10: u64 = top.iter().map(|e| e.earned).sum();
    Ok(Concentration {
        operator_hhi_bps,
        operators_for_half_fees,
        top10_contributor_share_bps: bps(top10, store.counter("contributor_earned")?),
    })
}

fn retention(store: &Store, last_block_time: Option<i64>) -> Result<Retention> {
    let mut models_paid_by_day = Vec::new();
    if let Some(last) = last_block_time {
        let last_day = last.div_euclid(DAY) * DAY;
        let mut stmt = store.connection().prepare_cached("SELECT COUNT(*) FROM model_daily WHERE bucket = $1")?;
        for day in (0..RECENT_DAYS).rev().map(|back| last_day - back * DAY) {
            let count = stmt.query_row(params![day], |r| u(r, 0))?;
            models_paid_by_day.push(DayCount { day, count });
        }
    }
    Ok(Retention {
        contributors_returning_within_30_days: store.counter("returning_contributors")?,
        models_paid_by_day,
    })
}

/// Every KPI of the indexed history, from the rollups: a few small reads at any scale.
pub fn kpis(store: &Store) -> Result<Kpis> {
    let last = last_block_time(store)?;
    let (operators, contributors) = (operators(store)?, contributors(store)?);
    Ok(Kpis {
        indexed: indexed(store, last)?,
        payments: payments(store)?,
        distribution: distribution(store)?,
        models: models(store, last)?,
        concentration: concentration(store, &operators, &contributors.top)?,
        operators,
        datanets: datanets(store)?,
        contributors,
        retention: retention(store, last)?,
    })
}

/// One part of `Kpis`, by its field name, computed alone.
pub fn section(store: &Store, name: &str) -> Result<Option<Value>> {
    fn json<T: Serialize>(value: Result<T>) -> Result<Option<Value>> {
        Ok(Some(serde_json::to_value(value?)?))
    }
    match name {
        "indexed" => json(indexed(store, last_block_time(store)?)),
        "payments" => json(payments(store)),
        "distribution" => json(distribution(store)),
        "models" => json(models(store, last_block_time(store)?)),
        "operators" => json(operators(store)),
        "datanets" => json(datanets(store)),
        "contributors" => json(contributors(store)),
        "concentration" => json(concentration(store, &operators(store)?, &top_earners(store)?)),
        "retention" => json(retention(store, last_block_time(store)?)),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concentration_of_one_two_and_many_operators() {
        assert_eq!(operator_concentration(&[]), (0, 0));
        assert_eq!(operator_concentration(&[500]), (10_000, 1));
        assert_eq!(operator_concentration(&[50, 50]), (5_000, 1));
        // 60/30/10: HHI 0.36 + 0.09 + 0.01 = 0.46; the first alone serves more than half.
        assert_eq!(operator_concentration(&[60, 30, 10]), (4_600, 1));
        assert_eq!(operator_concentration(&[40, 30, 30]), (3_400, 2));
    }

    #[test]
    fn median_of_no_odd_and_even_counts_of_waits() {
        let store = Store::memory().unwrap();
        let conn = store.connection();
        assert_eq!(median_wait(conn).unwrap(), None);
        let insert = |c: &str, wait: i64| {
            conn.execute("INSERT INTO payout_waits (contribution, wait) VALUES ($1, $2)", params![c, wait]).unwrap()
        };
        for (c, wait) in [("a", 5), ("b", 1), ("c", 3)] {
            insert(c, wait);
        }
        assert_eq!(median_wait(conn).unwrap(), Some(3));
        insert("d", 10);
        assert_eq!(median_wait(conn).unwrap(), Some(4), "(3 + 5) / 2");
    }
}
