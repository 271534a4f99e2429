//! The KPIs: what says whether this economy is alive, read from the store's views. Every list is
//! in a fixed order, so the same database always gives the same bytes.

use crate::store::Store;
use anyhow::Result;
use rusqlite::{params, Connection, Row};
use serde::Serialize;

const DAY: i64 = 86_400;
/// How many days `retention.models_paid_by_day` looks back, ending on the last indexed day.
pub const RECENT_DAYS: i64 = 7;
const TOP: usize = 10;

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
    pub fees: u64,
    /// Settled from a payment channel (an agent's voucher) rather than paid by a wallet.
    pub via_channel: u64,
    pub via_wallet: u64,
}

/// Where the fees went, in base units; the five add up to `payments.fees`.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Distribution {
    pub contributors: u64,
    pub upstream_models: u64,
    pub owners: u64,
    pub operators: u64,
    pub protocol: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Bucket {
    /// Unix seconds at the start of the hour or day.
    pub start: i64,
    pub payments: u64,
    pub calls: u64,
    pub fees: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ModelUsage {
    pub model: String,
    pub payments: u64,
    pub calls: u64,
    pub fees: u64,
    pub daily: Vec<Bucket>,
    pub hourly: Vec<Bucket>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct OperatorShare {
    pub operator: String,
    pub payments: u64,
    pub fees: u64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct DatanetCredit {
    pub datanet: String,
    pub credits: u64,
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

fn buckets(conn: &Connection, view: &str, model: &str) -> Result<Vec<Bucket>> {
    let sql = format!("SELECT bucket, payments, calls, fees FROM {view} WHERE model = $1 ORDER BY bucket");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![model], |r| {
        Ok(Bucket { start: r.get(0)?, payments: u(r, 1)?, calls: u(r, 2)?, fees: u(r, 3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn models(conn: &Connection) -> Result<Vec<ModelUsage>> {
    let mut stmt = conn.prepare(
        "SELECT model, COUNT(*), SUM(calls), SUM(fee) FROM payments GROUP BY model ORDER BY SUM(fee) DESC, model",
    )?;
    let totals = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, u(r, 1)?, u(r, 2)?, u(r, 3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    totals
        .into_iter()
        .map(|(model, payments, calls, fees)| {
            let daily = buckets(conn, "model_daily", &model)?;
            let hourly = buckets(conn, "model_hourly", &model)?;
            Ok(ModelUsage { model, payments, calls, fees, daily, hourly })
        })
        .collect()
}

fn operators(conn: &Connection) -> Result<Vec<OperatorShare>> {
    let mut stmt = conn.prepare("SELECT operator, payments, fees FROM operator_fees ORDER BY fees DESC, operator")?;
    let rows = stmt.query_map([], |r| Ok(OperatorShare { operator: r.get(0)?, payments: u(r, 1)?, fees: u(r, 2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn datanets(conn: &Connection) -> Result<Vec<DatanetCredit>> {
    let mut stmt = conn.prepare(
        "SELECT d.datanet, d.credits, d.credited,
                (SELECT COUNT(*) FROM contributions c WHERE c.datanet = d.datanet),
                (SELECT COUNT(*) FROM contributions c JOIN acceptances a ON a.contribution = c.contribution
                 WHERE c.datanet = d.datanet)
         FROM datanet_credits d ORDER BY d.credited DESC, d.datanet",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DatanetCredit {
            datanet: r.get(0)?,
            credits: u(r, 1)?,
            credited: u(r, 2)?,
            contributions: u(r, 3)?,
            accepted: u(r, 4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn day_counts(conn: &Connection, sql: &str) -> Result<Vec<DayCount>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok(DayCount { day: r.get(0)?, count: u(r, 1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2),
    }
}

fn contributors(conn: &Connection) -> Result<(Contributors, u64)> {
    let accepted = count(conn, "SELECT COUNT(*) FROM acceptances")?;
    let waits = {
        let mut stmt = conn.prepare("SELECT first_paid_at - accepted_at FROM first_payouts")?;
        let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let earners = {
        let mut stmt = conn.prepare(
            "SELECT beneficiary, claims, earned FROM contributor_earnings ORDER BY earned DESC, beneficiary",
        )?;
        let rows = stmt.query_map([], |r| Ok(Earner { beneficiary: r.get(0)?, claims: u(r, 1)?, earned: u(r, 2)? }))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let total: u64 = earners.iter().map(|e| e.earned).sum();
    let top10: u64 = earners.iter().take(TOP).map(|e| e.earned).sum();
    let earned = waits.len() as u64;
    let kpis = Contributors {
        contributors: count(conn, "SELECT COUNT(DISTINCT contributor) FROM contributions")?,
        accepted_contributions: accepted,
        earned_contributions: earned,
        earned_share_bps: bps(earned, accepted),
        median_secs_to_first_payout: median(waits),
        claiming_per_day: day_counts(
            conn,
            "SELECT block_time / 86400 * 86400, COUNT(DISTINCT beneficiary) FROM contributor_claims
             GROUP BY block_time / 86400 ORDER BY 1",
        )?,
        top: earners.into_iter().take(TOP).collect(),
    };
    Ok((kpis, bps(top10, total)))
}

/// Herfindahl index (bps) and the fewest operators serving half, from fees sorted high to low.
fn concentration(fees: &[u64]) -> (u64, u64) {
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

fn retention(conn: &Connection, last_block_time: Option<i64>) -> Result<Retention> {
    let returning = count(
        conn,
        "SELECT COUNT(DISTINCT a.contributor) FROM contributions a JOIN contributions b
         ON b.contributor = a.contributor AND b.contribution <> a.contribution
         AND b.submitted_at >= a.submitted_at AND b.submitted_at <= a.submitted_at + 2592000",
    )?;
    let mut models_paid_by_day = Vec::new();
    if let Some(last) = last_block_time {
        let last_day = last.div_euclid(DAY) * DAY;
        let mut stmt =
            conn.prepare("SELECT COUNT(DISTINCT model) FROM payments WHERE block_time >= $1 AND block_time < $2")?;
        for day in (0..RECENT_DAYS).rev().map(|back| last_day - back * DAY) {
            let count = stmt.query_row(params![day, day + DAY], |r| u(r, 0))?;
            models_paid_by_day.push(DayCount { day, count });
        }
    }
    Ok(Retention { contributors_returning_within_30_days: returning, models_paid_by_day })
}

/// Every KPI of the indexed history.
pub fn kpis(store: &Store) -> Result<Kpis> {
    let conn = store.connection();
    let last_block_time: Option<i64> =
        conn.query_row("SELECT MAX(block_time) FROM transactions WHERE failed = 0", [], |r| r.get(0))?;
    let indexed = Indexed {
        transactions: count(conn, "SELECT COUNT(*) FROM transactions WHERE failed = 0")?,
        failed_transactions: store.counter("failed_transactions")?,
        events: count(conn, "SELECT COUNT(*) FROM events")?,
        skipped_events: store.counter("skipped_events")?,
        last_block_time,
    };
    let payments = conn.query_row(
        "SELECT COUNT(*), SUM(calls), SUM(fee), SUM(via_channel), SUM(protocol), SUM(owner_amount),
                SUM(operator_amount) FROM payments",
        [],
        |r| Ok([u(r, 0)?, u(r, 1)?, u(r, 2)?, u(r, 3)?, u(r, 4)?, u(r, 5)?, u(r, 6)?]),
    )?;
    let [count_paid, calls, fees, via_channel, protocol, owners, operators_paid] = payments;
    let upstream_models = count(conn, "SELECT SUM(credited) FROM upstream_credits")?;
    let to_contributors = count(conn, "SELECT SUM(credited) FROM datanet_credits")?;
    let operators = operators(conn)?;
    let (operator_hhi_bps, operators_for_half_fees) =
        concentration(&operators.iter().map(|o| o.fees).collect::<Vec<_>>());
    let (contributors, top10_contributor_share_bps) = contributors(conn)?;
    Ok(Kpis {
        indexed,
        payments: Payments { count: count_paid, calls, fees, via_channel, via_wallet: count_paid - via_channel },
        distribution: Distribution {
            contributors: to_contributors,
            upstream_models,
            owners,
            operators: operators_paid,
            protocol,
        },
        models: models(conn)?,
        operators,
        datanets: datanets(conn)?,
        contributors,
        concentration: Concentration { operator_hhi_bps, operators_for_half_fees, top10_contributor_share_bps },
        retention: retention(conn, last_block_time)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concentration_of_one_two_and_many_operators() {
        assert_eq!(concentration(&[]), (0, 0));
        assert_eq!(concentration(&[500]), (10_000, 1));
        assert_eq!(concentration(&[50, 50]), (5_000, 1));
        // 60/30/10: HHI 0.36 + 0.09 + 0.01 = 0.46; the first alone serves more than half.
        assert_eq!(concentration(&[60, 30, 10]), (4_600, 1));
        assert_eq!(concentration(&[40, 30, 30]), (3_400, 2));
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3));
    }
}
