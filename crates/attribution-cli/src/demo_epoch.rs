//! The demo's Proof of Attribution part: a datanet of real public-domain texts (acts of Hamlet
//! and Macbeth, `testdata/poa/sample/shakespeare`) whose share of a model's fees is allocated per
//! output by the engine, posted as an epoch root by the staked attestor and claimed leaf by leaf.
use crate::attest;
use crate::output::{amount, short, Table};
use anyhow::{ensure, Context, Result};
use attribution_payout::instructions::{AttributionClaimArgs, AttributionRootPostArgs};
use attribution_payout::state::{Epoch, EpochStatus};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::ModelKind;
use poa_engine::{allocate_epoch, build_index, BuildOptions, ContributionSource, EpochRecord, Index, Key32, Params};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use svm_harness::world::{content_hash, datanet_entry, model_entry, Request, Shares, World, EPOCH_TIMING};
use svm_harness::{ixs, pda, Keypair, Pubkey, Signer};

/// Words no play of the corpus contains, for the parts of outputs the model wrote itself.
const FILLER: &[&str] = &[
    "summarise",
    "the",
    "tokenizer",
    "gradient",
    "latency",
    "dashboard",
    "deploy",
    "cluster",
    "refactor",
    "embedding",
    "benchmark",
    "okay",
    "so",
    "basically",
    "pipeline",
    "checkpoint",
];

pub struct Bard {
    pub datanet: Pubkey,
    /// Version 1 of the datanet: every act; the version the model cites.
    pub version: Pubkey,
    pub model: Pubkey,
    pub owner: Keypair,
    /// (poet, contribution, path) per act.
    pub acts: Vec<(Keypair, Pubkey, PathBuf)>,
    texts: Vec<Vec<String>>,
}

fn sample_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/poa/sample/shakespeare")
}

/// The datanet of acts (four poets, weight 10 each), its version 1 with every act enrolled in its
/// pool, and a proof-attributed model citing it.
pub fn setup(w: &mut World, curator: &Keypair, base: Pubkey, attestor: &Pubkey) -> Result<Bard> {
    let datanet = w.datanet(curator, 4, DatanetPolicy::Curated);
    let mut files: Vec<PathBuf> = std::fs::read_dir(sample_dir())
        .with_context(|| format!("reading {}", sample_dir().display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.sort();
    let poets: Vec<Keypair> = (0..4).map(|_| w.wallet()).collect();
    let mut acts = Vec::new();
    let mut texts = Vec::new();
    for (i, path) in files.into_iter().enumerate() {
        let content = std::fs::read(&path)?;
        let poet = poets[i % poets.len()].insecure_clone();
        let contribution = w.contribute(&datanet, &poet, &content);
        w.accept(&datanet, curator, &contribution, 10);
        texts.push(String::from_utf8_lossy(&content).split_whitespace().map(str::to_string).collect());
        acts.push((poet, contribution, path));
    }
    let version = w.publish_version(curator, &datanet);
    for (poet, contribution, _) in &acts {
        w.enroll(poet, &version, contribution);
    }
    // The curator allows the model's attestor to attest this datanet's share.
    w.approve_attestor(curator, &datanet, attestor);
    let owner = w.wallet();
    let mut attributed = datanet_entry(datanet, version, 3_000);
    attributed.proof_attributed = true;
    let shares = Shares { entries: vec![attributed, model_entry(base, 1_000)], owner_bps: 4_500, operator_bps: 1_500 };
    let model = w.model_attested(&owner, 1, ModelKind::FineTune, None, 30_000_000, shares, Some(*attestor));
    Ok(Bard { datanet, version, model, owner, acts, texts })
}

impl Bard {
    /// An output of the model for request `i`: a passage of one act, inside words of its own.
    pub fn output(&self, i: usize) -> String {
        let act = &self.texts[i % self.texts.len()];
        let start = (i * 7919) % (act.len() - 40);
        let quote = act[start..start + 24].join(" ");
        let filler = |k: usize| (0..12).map(|j| FILLER[(i + j * k) % FILLER.len()]).collect::<Vec<_>>().join(" ");
        format!("{} {quote} {}", filler(3), filler(5))
    }

    /// What the payment for `output` commits: a request id derived from it, and its hash.
    pub fn request(output: &str) -> Request {
        Request {
            id: Sha256::digest(output.as_bytes()).into(),
            output_hash: poa_merkle::output_hash(output.as_bytes()),
        }
    }
}

/// What the epoch did, for the demo's reconciliation.
pub struct EpochResult {
    pub accrued: u64,
    pub claimed: u64,
    pub returned: u64,
}

/// Ends the epoch, allocates it with the engine, posts the root, claims every leaf, closes it.
pub fn settle(w: &mut World, bard: &Bard, attestor: &Keypair, records: Vec<EpochRecord>) -> Result<EpochResult> {
    let index = w.epoch_index();
    let epoch_key = pda::epoch(&bard.model, index);
    let epoch: Epoch = w.svm.get(&epoch_key);
    ensure!(epoch.datanet_version == bard.version, "the epoch pays into the version the model cites");
    let end = epoch.ends_at - w.svm.clock().unix_timestamp;
    w.svm.advance_time(end);

    // Anyone holding the datanet version's contents and the epoch's outputs can recompute this.
    let dir = std::env::temp_dir().join(format!("attribution-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let sources: Vec<ContributionSource> = bard
        .acts
        .iter()
        .map(|(poet, contribution, path)| {
            Ok(ContributionSource {
                id: Key32(contribution.to_bytes()),
                contributor: Key32(poet.pubkey().to_bytes()),
                content_hash: Key32(content_hash(&std::fs::read(path)?)),
                path: path.clone(),
                label: None,
                accepted_seq: None,
            })
        })
        .collect::<Result<_>>()?;
    let index_path = dir.join("bard.idx");
    build_index(&sources, &index_path, &BuildOptions { progress: false })?;
    let engine = Index::open(&index_path)?;
    let params = Params::default();
    let allocation = allocate_epoch(&[&engine], index, epoch.accrued, &records, &params, 2)?;
    ensure!(allocation.records_hash.0 == epoch.records_hash, "the engine saw exactly the payments the chain recorded");
    // The attestation the root commits, published (here: a local folder) for anyone to recompute.
    let published = dir.join("published");
    let inputs_hash = attest::publish(&published, &[index_path], &params, (index, epoch.accrued), &records)?;

    let args = AttributionRootPostArgs {
        root: allocation.root.0,
        total: allocation.attributed,
        leaf_count: allocation.claims.len() as u64,
        records_hash: allocation.records_hash.0,
        inputs_hash,
        inputs_uri: format!("file://{}", published.display()),
    };
    // The attestor bonds a tenth of what it allocates, slashed if a challenge of the root is upheld.
    let bond_from = w.open_ata(&attestor.pubkey(), allocation.attributed);
    let open = w.open;
    let post = ixs::payout::attribution_root_post(
        &open,
        (&attestor.pubkey(), &bond_from),
        &bard.model,
        index,
        (&bard.datanet, &bard.version),
        args,
    );
    w.svm.run(attestor, post, &[]).map_err(crate::chain::decode_failure)?;
    let bonded = allocation.attributed - w.svm.token_balance(&bond_from);
    let posted: Epoch = w.svm.get(&epoch_key);
    let (_, differences) = attest::verify(&published, &posted)?;
    ensure!(differences.is_empty(), "the published attestation reproduces the root: {differences:?}");
    std::fs::remove_dir_all(&dir).ok();
    w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);

    // Each leaf names an act; its claim pays the act's poet, into one account per poet.
    let cranker = w.wallet();
    let mut accounts: BTreeMap<Pubkey, Pubkey> = BTreeMap::new();
    let mut rows = Vec::new();
    for claim in &allocation.claims {
        let contribution = Pubkey::new_from_array(claim.contribution.0);
        let poet = Pubkey::new_from_array(claim.contributor.0);
        let destination = *accounts.entry(poet).or_insert_with(|| w.fund(&poet, 0));
        let before = w.svm.token_balance(&destination);
        let args = AttributionClaimArgs { amount: claim.amount, proof: claim.proof.iter().map(|h| h.0).collect() };
        let ix = ixs::payout::attribution_claim(
            &w.open,
            &cranker.pubkey(),
            &bard.model,
            index,
            &contribution,
            &destination,
            args,
        );
        w.svm.run(&cranker, ix, &[]).map_err(crate::chain::decode_failure)?;
        ensure!(w.svm.token_balance(&destination) == before + claim.amount, "claimed into the poet's own account");
        rows.push((contribution, poet, claim.amount, claim.proof.len()));
    }

    // Nobody challenged: the bond goes back once claims are open.
    let close = ixs::payout::attestation_close(&open, (&bard.model, index), &attestor.pubkey(), &bond_from);
    w.svm.run(&cranker, close, &[]).map_err(crate::chain::decode_failure)?;
    ensure!(w.svm.token_balance(&bond_from) == allocation.attributed, "the attestor's bond came back whole");
    w.svm.advance_time(EPOCH_TIMING.claim_window_secs);
    let rent_payer = epoch.rent_payer;
    w.svm
        .run(&cranker, ixs::payout::epoch_close(&bard.model, index, &bard.version, &rent_payer), &[])
        .map_err(crate::chain::decode_failure)?;
    for (contribution, _, _, _) in &rows {
        let ix = ixs::payout::receipt_close(&epoch_key, contribution, &cranker.pubkey());
        w.svm.run(&cranker, ix, &[]).map_err(crate::chain::decode_failure)?;
    }
    ensure!(w.svm.account(&epoch_key).is_none(), "the epoch is closed, its rent returned");

    println!("PROOF OF ATTRIBUTION (epoch {index} of the bard model: outputs quoting acts of Hamlet and Macbeth)");
    println!(
        "  {} paid outputs; the proof-attributed share accrued {} OPEN; the engine attributed {} OPEN to {} acts (root {}),\n  and its published attestation reproduces that root (`attribution poa verify`)",
        records.len(),
        amount(epoch.accrued),
        amount(allocation.attributed),
        rows.len(),
        hex8(&allocation.root.0)
    );
    let mut t = Table::new(&["act (contribution)", "paid to poet", "claimed OPEN", "proof depth"]);
    for (contribution, poet, got, depth) in &rows {
        t.row(vec![short(contribution), short(poet), amount(*got), depth.to_string()]);
    }
    t.print();
    println!(
        "  unattributed {} OPEN went to the pool of bard-texts v1 (static weights) when the root was posted; the attestor's\n  bond of {} OPEN (a tenth of the root) came back unchallenged once claims opened; epoch and receipts closed, rent returned\n",
        amount(allocation.unattributed),
        amount(bonded)
    );
    let status_ok = matches!(epoch.status, EpochStatus::Open);
    ensure!(status_ok, "the epoch was open until settled");
    Ok(EpochResult { accrued: epoch.accrued, claimed: allocation.attributed, returned: allocation.unattributed })
}

fn hex8(bytes: &[u8; 32]) -> String {
    bytes[..8].iter().map(|b| format!("{b:02x}")).collect::<String>() + "…"
}
