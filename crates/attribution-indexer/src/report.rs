//! The KPIs as text, for `attribution stats` and `attribution-indexer stats`.

use crate::kpi::Kpis;
use std::fmt::Write;

/// Prints the KPIs: as JSON, or as text.
pub fn print(k: &Kpis, json: bool) -> anyhow::Result<()> {
    match json {
        true => println!("{}", serde_json::to_string_pretty(k)?),
        false => print!("{}", text(k)),
    }
    Ok(())
}

fn short(key: &str) -> String {
    if key.len() > 12 {
        format!("{}…{}", &key[..4], &key[key.len() - 4..])
    } else {
        key.to_string()
    }
}

fn pct(bps: u64) -> String {
    format!("{}.{:02} %", bps / 100, bps % 100)
}

/// A few screens of text: the economy's flow, where it went, who earned, how concentrated.
pub fn text(k: &Kpis) -> String {
    let mut s = String::new();
    let p = &k.payments;
    let d = &k.distribution;
    let c = &k.contributors;
    let _ = writeln!(
        s,
        "INDEXED  {} transactions ({} failed, not counted), {} events, {} skipped",
        k.indexed.transactions, k.indexed.failed_transactions, k.indexed.events, k.indexed.skipped_events
    );
    let _ = writeln!(
        s,
        "PAYMENTS {} ({} calls, {} base units in fees); {} from wallets, {} settled from channels",
        p.count, p.calls, p.fees, p.via_wallet, p.via_channel
    );
    let _ = writeln!(
        s,
        "FEES TO  contributors {}, upstream models {}, owners {}, operators {}, protocol {}",
        d.contributors, d.upstream_models, d.owners, d.operators, d.protocol
    );
    for m in &k.models {
        let _ = writeln!(
            s,
            "  model {}: {} payments, {} calls, {} fees, paid on {} day(s)",
            short(&m.model),
            m.payments,
            m.calls,
            m.fees,
            m.daily.len()
        );
    }
    let _ = writeln!(
        s,
        "CONTRIBUTORS {} wallets; {} of {} accepted contributions paid out ({}); median wait to a first payout {}",
        c.contributors,
        c.earned_contributions,
        c.accepted_contributions,
        pct(c.earned_share_bps),
        c.median_secs_to_first_payout.map_or("-".into(), |secs| format!("{secs} s")),
    );
    for e in &c.top {
        let _ = writeln!(s, "  {} earned {} in {} claim(s)", short(&e.beneficiary), e.earned, e.claims);
    }
    let _ = writeln!(
        s,
        "CONCENTRATION operators' HHI {}, {} operator(s) serve half the fees; top 10 contributors take {}",
        pct(k.concentration.operator_hhi_bps),
        k.concentration.operators_for_half_fees,
        pct(k.concentration.top10_contributor_share_bps)
    );
    let days: Vec<String> = k.retention.models_paid_by_day.iter().map(|d| d.count.to_string()).collect();
    let _ = writeln!(
        s,
        "RETENTION {} contributor(s) contributed again within 30 days; models paid per day, last {}: {}",
        k.retention.contributors_returning_within_30_days,
        days.len(),
        days.join(" ")
    );
    s
}
