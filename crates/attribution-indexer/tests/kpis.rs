//! The indexer over a small economy run on the built programs (LiteSVM, the real SPL Token
//! program), read as a prepared file from the harness's journal: the KPIs agree with what the
//! transactions' own events say; storing is idempotent and resumable; failed transactions and
//! unreadable events are not counted.
use anchor_lang::prelude::Pubkey;
use attribution_indexer::kpi::Kpis;
use attribution_indexer::{api, kpis, source, Store, TxRecord};
use attribution_payout::events::{InferencePaid, PositionClaimed};
use attribution_payout::state::{EarningsRole, Voucher};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::ModelKind;
use std::path::Path;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{Keypair, Signer};

const HOUR: i64 = 3_600;

/// What the economy's own events and clock say the KPIs must be.
struct Expected {
    paid: Vec<InferencePaid>,
    claimed: Vec<(PositionClaimed, i64)>,
    accepted_at: i64,
    /// Each operator authority's fees served.
    operators: Vec<(Pubkey, u64)>,
    datanet: Pubkey,
    adapter: Pubkey,
    base: Pubkey,
}

/// A datanet (alice at weight 1, bob at 3), a base model citing it and an adapter on the base,
/// two operators; wallet payments over two days, a channel settlement, one failed payment,
/// the base's escrow distributed, both contributors claiming. Returns the journal.
fn economy() -> (Vec<TxRecord>, Expected) {
    let mut w = World::new(TokenProgram::Token);
    w.svm.record_journal();
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let (alice, bob) = (w.wallet(), w.wallet());
    let a = w.contribute(&datanet, &alice, b"alice's data");
    let b = w.contribute(&datanet, &bob, b"bob's data");
    w.accept(&datanet, &curator, &a, 1);
    w.accept(&datanet, &curator, &b, 3);
    let accepted_at = w.svm.clock().unix_timestamp;
    let v1 = w.publish_version(&curator, &datanet);
    let base_owner = w.wallet();
    let entries = vec![datanet_entry(datanet, v1, 5_000)];
    let base =
        w.model(&base_owner, 1, ModelKind::Base, None, 10, Shares { entries, owner_bps: 4_000, operator_bps: 1_000 });
    let builder = w.wallet();
    let entries = vec![model_entry(base, 3_000)];
    let adapter = w.model(
        &builder,
        1,
        ModelKind::Adapter,
        Some(base),
        1_000,
        Shares { entries, owner_bps: 6_000, operator_bps: 1_000 },
    );
    let (op1, op2) = (w.wallet(), w.wallet());
    w.operator(&op1, 1_000 * OPEN);
    w.operator(&op2, 1_000 * OPEN);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);

    let mut paid = Vec::new();
    let mut pay = |w: &mut World, model: &Pubkey, operator: &Keypair, calls: u64| {
        let done = w.pay(&user, &user_token, model, operator, calls).expect("payment");
        paid.push(done.event::<InferencePaid>());
    };
    pay(&mut w, &adapter, &op1, 3);
    pay(&mut w, &base, &op2, 2);
    w.svm.advance_time(25 * HOUR);
    pay(&mut w, &base, &op1, 5);
    // A payment the operator did not co-sign fails on chain: seen, never counted.
    let stranger = w.wallet();
    assert!(w.pay(&user, &user_token, &base, &stranger, 1).is_err());
    // An agent's channel, settled by op2: a payment made from a channel.
    let agent = w.wallet();
    let channel =
        w.open_channel(&user, &user_token, &adapter, &op2.pubkey(), 1, 10 * 1_000, 7 * 24 * HOUR, &agent.pubkey());
    let voucher = Voucher { sequence: 1, calls: 4, amount: 4 * 1_000, running_hash: [7; 32] };
    let settle = w.settle_instructions(&channel, voucher, &agent, &op2.pubkey());
    paid.push(w.svm.send(&op2, &settle, &[]).expect("settlement").event::<InferencePaid>());

    w.svm.advance_time(2 * HOUR);
    let cranker = w.wallet();
    w.distribute(&cranker, &base).expect("distribute");
    let mut claimed = Vec::new();
    for (who, contribution) in [(&alice, &a), (&bob, &b)] {
        w.enroll(who, &v1, contribution);
        let token = w.open_ata(&who.pubkey(), 0);
        let done = w.claim_position(who, &v1, contribution, &token).expect("claim");
        claimed.push((done.event::<PositionClaimed>(), w.svm.clock().unix_timestamp));
        w.svm.advance_time(HOUR);
    }
    let owner_token = w.open_ata(&base_owner.pubkey(), 0);
    w.claim_earnings(&base_owner, EarningsRole::ModelOwner, &owner_token).expect("owner claims");

    let operators = [&op1, &op2]
        .iter()
        .map(|op| (op.pubkey(), paid.iter().filter(|p| p.operator == op.pubkey()).map(|p| p.fee).sum()))
        .collect();
    // The harness journals what the indexer reads: the same JSON.
    let journal = w.svm.journal.take().expect("recording").into_iter();
    let records = journal.map(|j| serde_json::from_value(serde_json::to_value(j).unwrap()).unwrap()).collect();
    (records, Expected { paid, claimed, accepted_at, operators, datanet, adapter, base })
}

fn write_lines(path: &Path, records: &[TxRecord]) {
    let lines: Vec<String> = records.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn indexed(path: &Path) -> Kpis {
    let mut db = Store::memory().unwrap();
    source::ingest_file(&mut db, path).unwrap();
    kpis(&db).unwrap()
}

#[test]
fn kpis_agree_with_the_events_and_survive_a_kill_and_a_rerun() {
    let (records, expected) = economy();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("transactions.jsonl");
    write_lines(&file, &records);
    let k = indexed(&file);

    let paid = &expected.paid;
    let sum = |f: fn(&InferencePaid) -> u64| paid.iter().map(f).sum::<u64>();
    let failed = records.iter().filter(|r| r.failed).count() as u64;
    assert!(failed >= 1);
    assert_eq!(k.indexed.transactions + failed, records.len() as u64);
    assert_eq!(k.indexed.failed_transactions, failed);
    assert_eq!(k.indexed.skipped_events, 0);
    assert_eq!(k.payments.count, 4);
    assert_eq!(k.payments.calls, 3 + 2 + 5 + 4);
    assert_eq!(k.payments.fees, sum(|p| p.fee));
    assert_eq!((k.payments.via_channel, k.payments.via_wallet), (1, 3));

    // The distribution adds up to the fees, split as the events split them.
    let d = &k.distribution;
    let lineage_to = |target: Pubkey| {
        paid.iter().flat_map(|p| &p.lineage).filter(|c| c.target == target).map(|c| c.amount).sum::<u64>()
    };
    assert_eq!(d.protocol, sum(|p| p.protocol_fee + p.dust));
    assert_eq!(d.owners, sum(|p| p.owner_amount));
    assert_eq!(d.operators, sum(|p| p.operator_amount));
    assert_eq!(d.upstream_models, lineage_to(expected.base));
    assert_eq!(d.contributors, lineage_to(expected.datanet));
    assert_eq!(d.contributors + d.upstream_models + d.owners + d.operators + d.protocol, k.payments.fees);

    // Per model, by day: the adapter was paid on one day (and by the channel), the base on two.
    let adapter = k.models.iter().find(|m| m.model == expected.adapter.to_string()).unwrap();
    let base = k.models.iter().find(|m| m.model == expected.base.to_string()).unwrap();
    assert_eq!((adapter.payments, adapter.calls), (2, 7));
    assert_eq!((base.payments, base.calls, base.daily.len()), (2, 7, 2));
    assert_eq!(base.daily.iter().map(|b| b.fees).sum::<u64>(), base.fees);

    // Operators and their concentration, from the fees each served.
    for (operator, fees) in &expected.operators {
        assert_eq!(k.operators.iter().find(|o| o.operator == operator.to_string()).unwrap().fees, *fees);
    }
    let (f1, f2) = (expected.operators[0].1 as u128, expected.operators[1].1 as u128);
    assert_eq!(k.concentration.operator_hhi_bps as u128, (f1 * f1 + f2 * f2) * 10_000 / ((f1 + f2) * (f1 + f2)));
    assert_eq!(k.concentration.operators_for_half_fees, 1);

    // Contributors: both accepted contributions paid out; the median wait is the mean of two.
    let c = &k.contributors;
    assert_eq!(
        (c.contributors, c.accepted_contributions, c.earned_contributions, c.earned_share_bps),
        (2, 2, 2, 10_000)
    );
    let waits: Vec<i64> = expected.claimed.iter().map(|(_, at)| at - expected.accepted_at).collect();
    assert_eq!(c.median_secs_to_first_payout, Some((waits[0] + waits[1]) / 2));
    let earned: u64 = expected.claimed.iter().map(|(e, _)| e.amount).sum();
    assert_eq!(c.top.iter().map(|e| e.earned).sum::<u64>(), earned);
    assert_eq!(c.top[0].beneficiary, expected.claimed[1].0.beneficiary.to_string(), "bob (weight 3) earned most");
    assert_eq!(k.concentration.top10_contributor_share_bps, 10_000);
    assert_eq!(k.datanets[0].datanet, expected.datanet.to_string());
    assert_eq!((k.datanets[0].contributions, k.datanets[0].accepted), (2, 2));

    // Retention: alice and bob each contributed once; both models were paid on the first day
    // (the adapter by a wallet, the base) and on the last (the base, the adapter by the channel).
    assert_eq!(k.retention.contributors_returning_within_30_days, 0);
    let recent: Vec<u64> = k.retention.models_paid_by_day.iter().map(|d| d.count).collect();
    assert_eq!((recent.len(), recent.iter().sum::<u64>(), recent[6]), (7, 4, 2), "{recent:?}");

    // Rerun on the same database: nothing changes. A run killed after any prefix, then resumed,
    // ends byte for byte where a clean run does.
    let clean = serde_json::to_string(&k).unwrap();
    let db_path = dir.path().join("kpi.db");
    for cut in [0, 1, records.len() / 2, records.len() - 1] {
        let _ = std::fs::remove_file(&db_path);
        let prefix = dir.path().join("prefix.jsonl");
        write_lines(&prefix, &records[..cut]);
        source::ingest_file(&mut Store::open(&db_path).unwrap(), &prefix).unwrap();
        let mut db = Store::open(&db_path).unwrap();
        source::ingest_file(&mut db, &file).unwrap();
        source::ingest_file(&mut db, &file).unwrap();
        assert_eq!(serde_json::to_string(&kpis(&db).unwrap()).unwrap(), clean, "resumed after {cut} transactions");
    }
}

#[test]
fn the_registry_read_after_the_payout_program_gives_the_same_kpis() {
    // Each program's history is read in chain order, but the programs one after another: a
    // contribution accepted after the registry's list was read can be paid out (and its claim
    // read) before its acceptance is. The rollups do not depend on that order.
    let (records, _) = economy();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in-order.jsonl");
    write_lines(&file, &records);
    let in_order = serde_json::to_string(&indexed(&file)).unwrap();
    let registry = format!("Program {} invoke", datanet_registry::ID);
    let (late, early): (Vec<TxRecord>, Vec<TxRecord>) =
        records.into_iter().partition(|r| r.logs.iter().any(|l| l.starts_with(&registry)));
    assert!(!late.is_empty() && !early.is_empty());
    let file = dir.path().join("registry-last.jsonl");
    write_lines(&file, &[early, late].concat());
    let k = indexed(&file);
    assert!(k.contributors.median_secs_to_first_payout.is_some());
    assert_eq!(serde_json::to_string(&k).unwrap(), in_order);
}

/// One HTTP/1.0 request to the API; its status line, headers and body.
fn http(address: &str, request: &str) -> (String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.write_all(format!("{request} HTTP/1.0\r\nHost: x\r\n\r\n").as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.to_string(), body.to_string())
}

#[test]
fn the_api_serves_each_section_one_row_and_a_contributor_over_http() {
    let (records, expected) = economy();
    let dir = tempfile::tempdir().unwrap();
    let (file, db_path) = (dir.path().join("transactions.jsonl"), dir.path().join("kpi.db"));
    write_lines(&file, &records);
    source::ingest_file(&mut Store::open(&db_path).unwrap(), &file).unwrap();
    let k = serde_json::to_value(kpis(&Store::open(&db_path).unwrap()).unwrap()).unwrap();
    let server = api::listen("127.0.0.1:0").unwrap();
    let address = server.server_addr().to_ip().unwrap().to_string();
    let store = Store::open(&db_path).unwrap();
    std::thread::spawn(move || api::serve(&store, server));
    let get = |path: &str| {
        let (head, body) = http(&address, &format!("GET {path}"));
        (head, serde_json::from_str::<serde_json::Value>(&body).unwrap())
    };

    let (head, all) = get("/v1/kpis");
    assert!(head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("Access-Control-Allow-Origin: *") && head.contains("application/json"), "{head}");
    assert_eq!(all, k);
    for section in [
        "indexed",
        "payments",
        "distribution",
        "models",
        "operators",
        "datanets",
        "contributors",
        "concentration",
        "retention",
    ] {
        assert_eq!(get(&format!("/v1/kpis/{section}")).1, k[section], "{section}");
    }
    let adapter = get(&format!("/v1/kpis/models/{}", expected.adapter)).1;
    assert_eq!((adapter["payments"].as_u64(), adapter["calls"].as_u64()), (Some(2), Some(7)));
    let (op, fees) = expected.operators[1];
    assert_eq!(get(&format!("/v1/kpis/operators/{op}")).1["fees"], fees.to_string());
    let bob = &expected.claimed[1].0;
    let earned = get(&format!("/v1/contributors/{}", bob.beneficiary)).1;
    assert_eq!(
        (earned["claims"].as_u64(), earned["earned"].as_str()),
        (Some(1), Some(bob.amount.to_string().as_str()))
    );

    let (head, body) = get("/v1/kpis/nothing");
    assert!(head.contains(" 404"), "{head}");
    assert_eq!(body["error"], "not found");
    assert!(get(&format!("/v1/kpis/models/{}", Pubkey::new_unique())).0.contains(" 404"));
    assert!(http(&address, "POST /v1/kpis").0.contains(" 405"));
}

#[test]
fn unreadable_events_are_skipped_and_counted_never_fatal() {
    let payout = attribution_payout::ID;
    let other = Pubkey::new_unique();
    let logs = [
        format!("Program {payout} invoke [1]"),
        "Program data: not base64!".to_string(),
        "Program data: AAECAwQFBgcICQ==".to_string(),
        format!("Program {other} invoke [2]"),
        "Program data: AAECAwQFBgcICQ==".to_string(),
        format!("Program {other} success"),
        format!("Program {payout} success"),
        "Program data: AAECAwQFBgcICQ==".to_string(),
    ];
    let tx = TxRecord { signature: "x".into(), slot: 1, block_time: 1, failed: false, logs: logs.to_vec() };
    let mut db = Store::memory().unwrap();
    let ingested = db.ingest(&tx, None).unwrap();
    // Two unreadable lines of ours and one outside any program; another program's data is not ours.
    assert_eq!((ingested.events, ingested.warnings.len()), (0, 3));
    assert_eq!(db.ingest(&tx, None).unwrap().warnings.len(), 0, "seen once");
    let k = kpis(&db).unwrap();
    assert_eq!((k.indexed.transactions, k.indexed.skipped_events, k.payments.count), (1, 3, 0));
}
