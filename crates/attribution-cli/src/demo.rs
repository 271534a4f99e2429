//! `attribution demo`: the whole economy on an embedded SVM (LiteSVM running the built `.so`
//! programs and the real SPL Token program), from datanets to claims, with totals that reconcile
//! to the base unit.
use crate::chain;
use crate::claims;
use crate::demo_epoch;
use crate::output::{amount, short, Table};
use anchor_lang::Discriminator;
use anyhow::{ensure, Context, Result};
use attribution_indexer::{kpis, source, Store};
use attribution_payout::events::{EscrowDistributed, InferencePaid};
use attribution_payout::state::{Earnings, EarningsRole, Pool, Position};
use datanet_registry::state::{Contribution, DatanetPolicy, DatanetVersion};
use indicatif::{ProgressBar, ProgressStyle};
use model_registry::state::{LineageSource, Model, ModelKind};
use std::collections::BTreeMap;
use std::path::Path;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{ixs, pda, Keypair, Pubkey, Signer};

const PAYMENTS: usize = 1_000;

struct Contributor {
    name: String,
    wallet: Keypair,
    datanet: usize,
    contribution: Pubkey,
    weight: u64,
}

struct Actor {
    name: &'static str,
    wallet: Keypair,
}

fn progress(len: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("  {msg:<28} [{bar:40}] {pos}/{len}").expect("template").progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// The demo's three datanets and samples of their contents (real text, one piece per
/// contribution); the dApp's screenshot scenario (app/scripts/scenario.ts) reads the same file.
#[derive(serde::Deserialize)]
struct DemoDatanet {
    name: String,
    samples: Vec<String>,
}

fn demo_datanets() -> Result<Vec<DemoDatanet>> {
    let datanets: Vec<DemoDatanet> = serde_json::from_str(include_str!("../../../testdata/demo/datanets.json"))
        .context("testdata/demo/datanets.json")?;
    ensure!(
        datanets.len() == 3 && datanets.iter().all(|d| !d.samples.is_empty()),
        "testdata/demo/datanets.json: three datanets with samples"
    );
    Ok(datanets)
}

/// Runs the demo; its transactions become the KPI database next to `state` (replacing what was
/// there: the demo is a chain of its own), for `attribution stats`.
pub fn run(state: &Path) -> Result<()> {
    println!("Attribution & payout suite: demo on an embedded SVM");
    println!(
        "(LiteSVM running target/deploy/*.so with the real SPL Token program; every step is a signed transaction)\n"
    );
    let demo = demo_datanets()?;
    let mut w = World::new(TokenProgram::Token);
    w.svm.record_journal();
    println!(
        "OPEN mint {} ({} decimals), protocol fee 2.5 % to treasury {}\n",
        short(&w.open.mint),
        9,
        short(&w.treasury.pubkey())
    );

    // Who contributed.
    let curators: Vec<Actor> = ["Ada (clinical)", "Lex (legal)", "Rue (code)"]
        .into_iter()
        .map(|name| Actor { name, wallet: w.wallet() })
        .collect();
    let mut datanets: Vec<Pubkey> =
        curators.iter().enumerate().map(|(i, c)| w.datanet(&c.wallet, i as u64 + 1, DatanetPolicy::Curated)).collect();
    let mut contributors = Vec::new();
    let bar = progress(60, "contributions reviewed");
    for i in 0..60usize {
        let d = i % 3;
        let wallet = w.wallet();
        let samples = &demo[d].samples;
        let content = format!("{} (contributor {i})", samples[i % samples.len()]);
        let contribution = w.contribute(&datanets[d], &wallet, content.as_bytes());
        let weight = 10 + (i as u64 * 37) % 90;
        w.accept(&datanets[d], &curators[d].wallet, &contribution, weight);
        contributors.push(Contributor {
            name: format!("contributor-{i:02}"),
            wallet,
            datanet: d,
            contribution,
            weight,
        });
        bar.inc(1);
    }
    bar.finish_and_clear();
    // Version 1 of each datanet fixes its contributions and their total weight on chain; its pool
    // comes with it, and each contributor enrols in it.
    let mut versions: Vec<Pubkey> =
        datanets.iter().zip(&curators).map(|(d, c)| w.publish_version(&c.wallet, d)).collect();
    for c in &contributors {
        w.enroll(&c.wallet, &versions[c.datanet], &c.contribution);
    }
    println!("WHO CONTRIBUTED (version 1 of each datanet: its contributions and their total weight, fixed on chain)");
    let mut t = Table::new(&["datanet", "curator", "contributions", "total weight", "version 1", "pool"]);
    for (d, version) in versions.iter().enumerate() {
        let v: DatanetVersion = w.svm.get(version);
        t.row(vec![
            demo[d].name.clone(),
            curators[d].name.into(),
            v.contribution_count.to_string(),
            v.total_weight.to_string(),
            short(version),
            short(&pda::pool(version)),
        ]);
    }
    t.print();

    // Who refined.
    let base_owner = Actor { name: "Bea (base model)", wallet: w.wallet() };
    let tune_owner = Actor { name: "Fin (fine-tune)", wallet: w.wallet() };
    let adapter_owner = Actor { name: "Ari (LoRA adapter)", wallet: w.wallet() };
    let base = w.model(
        &base_owner.wallet,
        1,
        ModelKind::Base,
        None,
        20_000_000,
        Shares { entries: vec![datanet_entry(datanets[2], versions[2], 3_000)], owner_bps: 5_000, operator_bps: 2_000 },
    );
    let tune = w.model(
        &tune_owner.wallet,
        1,
        ModelKind::FineTune,
        None,
        50_000_000,
        Shares {
            entries: vec![
                datanet_entry(datanets[0], versions[0], 2_500),
                datanet_entry(datanets[1], versions[1], 2_000),
                model_entry(base, 1_500),
            ],
            owner_bps: 2_500,
            operator_bps: 1_500,
        },
    );
    let adapter = w.model(
        &adapter_owner.wallet,
        1,
        ModelKind::Adapter,
        Some(base),
        12_500_000,
        Shares { entries: vec![model_entry(base, 4_000)], owner_bps: 4_500, operator_bps: 1_500 },
    );
    let models = [(&base_owner, base, "base"), (&tune_owner, tune, "fine-tune"), (&adapter_owner, adapter, "adapter")];
    println!(
        "\nWHO REFINED (lineage frozen at publish, each datanet entry citing a version; shares in % of each fee after the protocol fee)"
    );
    let mut t = Table::new(&["model", "owner", "price / call", "owner", "operator", "lineage"]);
    for (owner, key, kind) in &models {
        let m: Model = w.svm.get(key);
        let lineage: Vec<String> = m
            .lineage
            .iter()
            .map(|e| {
                let name = match e.source {
                    LineageSource::Datanet => {
                        let v: DatanetVersion = w.svm.get(&e.datanet_version.expect("a datanet entry cites a version"));
                        let d = datanets.iter().position(|d| *d == e.target).expect("known");
                        format!("{} v{}", demo[d].name, v.number)
                    }
                    LineageSource::Model => "base model".to_string(),
                };
                format!("{name} {}%", f64::from(e.share_bps) / 100.0)
            })
            .collect();
        t.row(vec![
            kind.to_string(),
            owner.name.into(),
            amount(m.price_per_call),
            format!("{}%", f64::from(m.owner_share_bps) / 100.0),
            format!("{}%", f64::from(m.operator_share_bps) / 100.0),
            lineage.join(", "),
        ]);
    }
    t.print();

    // The self-dealing the versions prevent: a curator accepting its own contribution at the
    // highest weight after models cite version 1 gets no share of their fees.
    let ada = &curators[0].wallet;
    let late = w.contribute(&datanets[0], ada, b"Ada's own note, accepted after the models cited v1");
    w.accept(&datanets[0], ada, &late, 1_000_000_000);
    let refused = w.svm.run(ada, ixs::payout::position_enroll(&ada.pubkey(), &versions[0], &late), &[]);
    let error = refused.err().and_then(|f| f.anchor_error_name());
    ensure!(error.as_deref() == Some("NotInVersion"), "a contribution accepted after v1 entered v1's pool: {error:?}");
    println!(
        "  then {} accepts her own contribution at weight 1000000000 into {}: enrolling it in v1's pool fails with\n  NotInVersion, so the models citing v1 never pay it",
        curators[0].name, demo[0].name
    );

    // Who executed.
    let operator = Actor { name: "Opal (operator)", wallet: w.wallet() };
    w.operator(&operator.wallet, 5_000 * OPEN);
    println!("\nWHO EXECUTED\n  {} staked {} OPEN (minimum 1000) and serves every model\n", operator.name, 5_000);

    // A fourth datanet of real texts, and a model whose share of it is allocated per output.
    let bard = demo_epoch::setup(&mut w, &curators[0].wallet, base, &operator.wallet.pubkey())?;
    datanets.push(bard.datanet);
    versions.push(bard.version);
    for (poet, contribution, path) in &bard.acts {
        let name = path.file_stem().map_or("act".into(), |s| s.to_string_lossy().into_owned());
        contributors.push(Contributor {
            name,
            wallet: poet.insecure_clone(),
            datanet: 3,
            contribution: *contribution,
            weight: 10,
        });
    }
    println!(
        "PROOF OF ATTRIBUTION SET-UP\n  datanet bard-texts: {} acts of Hamlet and Macbeth by 4 poets, all in its v1; model bard-chat ({} OPEN per call): 30 % of each fee\n  to the bard-texts v1 entry, proof-attributed (allocated per output by the engine), 10 % to the base model; attestor {}\n",
        bard.acts.len(),
        amount(30_000_000),
        operator.name
    );

    // 1,000 paid inferences from five users.
    let users: Vec<(Keypair, Pubkey)> = (0..5)
        .map(|_| {
            let wallet = w.wallet();
            let token = w.fund(&wallet.pubkey(), 100_000 * OPEN);
            (wallet, token)
        })
        .collect();
    let bar = progress(PAYMENTS, "inference payments");
    let mut fees = 0u64;
    let mut protocol = 0u64;
    let mut dust = 0u64;
    let paid_models = [base, tune, adapter, bard.model];
    let mut records = Vec::new();
    for i in 0..PAYMENTS {
        let (user, token) = &users[i % users.len()];
        let model = paid_models[i % paid_models.len()];
        let calls = 1 + (i as u64 * 7) % 20;
        let output = bard.output(i);
        let request = demo_epoch::Bard::request(&output);
        let ixs = w.pay_instructions(&user.pubkey(), token, &model, &operator.wallet.pubkey(), calls, request);
        let done = w.svm.send(user, &ixs, &[&operator.wallet]).map_err(crate::chain::decode_failure)?;
        let paid: InferencePaid = done.event();
        if model == bard.model {
            // The engine needs the output and the proof-attributed part of its fee.
            records.push(poa_engine::EpochRecord {
                request_id: poa_engine::Key32(request.id),
                model: poa_engine::Key32(model.to_bytes()),
                output,
                fee: paid.lineage[0].amount,
            });
        }
        fees += paid.fee;
        protocol += paid.protocol_fee;
        dust += paid.dust;
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "{PAYMENTS} inference payments: {} OPEN in fees ({} protocol fee, {} rounding dust, both to the treasury)",
        amount(fees),
        amount(protocol),
        amount(dust)
    );

    // The upstream crank: the fine-tune and the adapter paid the base model through its escrow.
    let cranker = w.wallet();
    let done = w.distribute(&cranker, &base).map_err(crate::chain::decode_failure)?;
    let crank: EscrowDistributed = done.event();
    println!(
        "escrow_distribute(base): {} OPEN that downstream models owed the base model, split by its own lineage\n",
        amount(crank.amount)
    );

    let poa = demo_epoch::settle(&mut w, &bard, &operator.wallet, records)?;

    // Every claim: each contributor's `claim all` (every position of its wallet, found by the
    // positions' beneficiary field, as many per transaction as fit).
    let mut wallets: Vec<&Keypair> = Vec::new();
    for c in &contributors {
        if !wallets.iter().any(|k| k.pubkey() == c.wallet.pubkey()) {
            wallets.push(&c.wallet);
        }
    }
    let bar = progress(wallets.len(), "claim all (contributors)");
    let mut claimed_by_contributors = 0u64;
    let mut by_contribution: BTreeMap<Pubkey, u64> = BTreeMap::new();
    let (mut claim_txs, mut positions_paid, mut most_in_one) = (0usize, 0usize, 0usize);
    let open = w.open;
    for wallet in &wallets {
        let me = wallet.pubkey();
        let accounts = crate::chain::scan(
            &w.svm,
            &attribution_payout::ID,
            Position::DISCRIMINATOR,
            &[(claims::BENEFICIARY_OFFSET, me.as_ref())],
        );
        let held = claims::held(accounts, |pool| Ok(w.svm.get(pool)))?;
        let to = w.fund(&me, 0);
        let paid = claims::claim_all(&open, wallet, &to, &held, |packed| {
            claim_txs += 1;
            most_in_one = most_in_one.max(packed.claimed.len());
            let done = w.svm.send(wallet, &packed.instructions, &[]).map_err(crate::chain::decode_failure)?;
            Ok(done.logs)
        })?
        .paid;
        let got: u64 = paid.iter().map(|(_, amount)| amount).sum();
        ensure!(w.svm.token_balance(&to) == got, "claim all paid exactly what its positions' events say");
        for (h, amount) in &paid {
            *by_contribution.entry(h.contribution).or_default() += amount;
        }
        positions_paid += paid.len();
        claimed_by_contributors += got;
        bar.inc(1);
    }
    bar.finish_and_clear();
    let per_contributor: Vec<u64> =
        contributors.iter().map(|c| by_contribution.get(&c.contribution).copied().unwrap_or(0)).collect();
    let mut earners: Vec<(&str, Keypair, EarningsRole)> =
        vec![("treasury", w.treasury.insecure_clone(), EarningsRole::Treasury)];
    for (owner, _, _) in &models {
        earners.push((owner.name, owner.wallet.insecure_clone(), EarningsRole::ModelOwner));
    }
    earners.push(("Sha (bard-chat)", bard.owner.insecure_clone(), EarningsRole::ModelOwner));
    earners.push((operator.name, operator.wallet.insecure_clone(), EarningsRole::Operator));
    let mut claimed_by_earners = 0u64;
    let mut earner_rows = Vec::new();
    for (name, wallet, role) in earners {
        let to = w.fund(&wallet.pubkey(), 0);
        w.claim_earnings(&wallet, role, &to).map_err(crate::chain::decode_failure)?;
        let got = w.svm.token_balance(&to);
        let e: Earnings = w.svm.get(&pda::earnings(&wallet.pubkey(), role));
        ensure!(e.balance == 0 && e.total_claimed == got, "earnings of {name} not fully claimed");
        claimed_by_earners += got;
        earner_rows.push((name, role, got));
    }

    println!("WHO EARNED (every claim made; tokens now in each beneficiary's own account)");
    let mut t = Table::new(&["beneficiary", "role", "claimed OPEN"]);
    for (name, role, got) in &earner_rows {
        t.row(vec![name.to_string(), format!("{role:?}"), amount(*got)]);
    }
    let names: Vec<&str> = demo.iter().map(|d| d.name.as_str()).chain(["bard-texts"]).collect();
    for (d, datanet_name) in names.iter().enumerate() {
        let mine: Vec<usize> = (0..contributors.len()).filter(|i| contributors[*i].datanet == d).collect();
        let total: u64 = mine.iter().map(|i| per_contributor[*i]).sum();
        let top = mine.iter().max_by_key(|i| per_contributor[**i]).expect("contributors");
        t.row(vec![
            format!("{} contributions to {datanet_name} v1", mine.len()),
            "Position".into(),
            format!(
                "{} (top: {} with weight {}: {})",
                amount(total),
                contributors[*top].name,
                contributors[*top].weight,
                amount(per_contributor[*top])
            ),
        ]);
    }
    t.print();
    println!(
        "  contributors' claim all: {} wallets, {positions_paid} positions paid in {claim_txs} transactions (up to {most_in_one} positions in one transfer)",
        wallets.len()
    );

    // Reconciliation, to the base unit: every version's pool, every position in it.
    let mut dust_left = 0u64;
    let mut positions = 0usize;
    for (d, version) in versions.iter().enumerate() {
        let v: DatanetVersion = w.svm.get(version);
        let pool_key = pda::pool(version);
        let pool: Pool = w.svm.get(&pool_key);
        let mine: Vec<&Contributor> = contributors.iter().filter(|c| c.datanet == d).collect();
        for c in &mine {
            let state: Contribution = w.svm.get(&c.contribution);
            ensure!(state.is_in(&v), "{} is in version {}", c.name, v.number);
            let p: Position = w.svm.get(&pda::position(&pool_key, &c.contribution));
            ensure!(
                p.pending(pool.reward_per_weight).context("pending")?.0 == 0,
                "{} left something unclaimed",
                c.name
            );
            ensure!(state.weight == p.weight, "weights agree");
        }
        ensure!(
            pool.enrolled_weight == pool.total_weight && pool.positions == mine.len() as u64,
            "every contribution of the version is enrolled"
        );
        let left = pool.total_credited - pool.total_claimed;
        ensure!(left <= mine.len() as u64 + 1, "pool dust is bounded by one unit per position");
        dust_left += left;
        positions += mine.len();
    }
    let vault = w.svm.token_balance(&pda::vault());
    let claimed = claimed_by_contributors + claimed_by_earners + poa.claimed;
    ensure!(
        poa.claimed + poa.returned == poa.accrued,
        "the epoch's claims and its return to the pool are what it accrued"
    );
    println!("\nRECONCILIATION");
    println!("  fees paid by users                      {:>20}", amount(fees));
    println!("  claimed by {:>2} contributors              {:>20}", wallets.len(), amount(claimed_by_contributors));
    println!("  claimed by owners, operator, treasury   {:>20}", amount(claimed_by_earners));
    println!("  claimed by poets through the epoch root {:>20}", amount(poa.claimed));
    println!(
        "  left in pools as sub-unit dust          {:>20}  ({} base units over {} positions)",
        amount(dust_left),
        dust_left,
        positions
    );
    println!("  vault balance                           {:>20}", amount(vault));
    ensure!(vault == dust_left, "the vault holds exactly the pools' dust");
    ensure!(claimed + dust_left == fees, "claims and dust add up to the fees");
    println!("  fees = claimed + dust, to the base unit: {} = {} + {}  ✔ reconciles exactly", fees, claimed, dust_left);
    index(&mut w, state)
}

/// The demo's journal into a fresh KPI database, and the KPIs' headline.
fn index(w: &mut World, state: &Path) -> Result<()> {
    let (journal, db_path) = (chain::journal_path(state), chain::kpi_db_path(state));
    if journal.exists() {
        std::fs::remove_file(&journal).with_context(|| format!("removing {}", journal.display()))?;
    }
    Store::remove(&db_path)?;
    std::fs::create_dir_all(state.parent().unwrap_or(Path::new(".")))?;
    w.svm.append_journal(&journal).with_context(|| format!("writing {}", journal.display()))?;
    let mut db = Store::open(&db_path)?;
    source::ingest_file(&mut db, &journal)?;
    let k = kpis(&db)?;
    println!(
        "\nUSAGE (indexed from the demo's {} transactions into {}; `attribution stats` for all of it)",
        k.indexed.transactions,
        db_path.display()
    );
    println!(
        "  {} payments, {} calls; {} of {} accepted contributions paid out; operators' HHI {} bps",
        k.payments.count,
        k.payments.calls,
        k.contributors.earned_contributions,
        k.contributors.accepted_contributions,
        k.concentration.operator_hhi_bps
    );
    Ok(())
}
