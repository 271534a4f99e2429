//! Proof of Attribution on chain, against the .so: proof-attributed payments accrue into an epoch
//! with a running records hash; the staked attestor posts a root; claims with Merkle proofs; and
//! the paths by which money never gets stuck (release without a root, close after expiry).
use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::Pubkey;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::{
    AttributionClaimed, AttributionRootPosted, AttributionRootVetoed, EpochReleased, InferencePaid, ReceiptClosed,
};
use attribution_payout::instructions::{AttributionClaimArgs, AttributionRootPostArgs, ConfigUpdateArgs};
use attribution_payout::state::{Epoch, EpochStatus, EpochTiming, Pool, Receipt};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::ModelKind;
use poa_merkle::{leaf, records_hash_next, Tree, RECORDS_HASH_START};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, Shares, World, EPOCH_TIMING, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Executed, Failed, Keypair, Signer};

struct Market {
    w: World,
    curator: Keypair,
    datanet: Pubkey,
    /// Version 1 of the datanet: the version the model cites, whose pool gets what epochs return.
    version: Pubkey,
    model: Pubkey,
    attestor: Keypair,
    user: Keypair,
    user_token: Pubkey,
}

/// A model whose only datanet entry (40 %) is proof-attributed; its operator is also its
/// attestor. The entry cites version 1 of the datanet (one enrolled contribution), whose pool
/// takes what epochs return.
fn market() -> Market {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let contributor = w.wallet();
    let c = w.contribute(&datanet, &contributor, b"a contribution");
    let version = w.publish_version(&curator, &datanet);
    w.enroll(&contributor, &version, &c);
    let attestor = w.wallet();
    w.operator(&attestor, 1_000 * OPEN);
    let owner = w.wallet();
    let mut entry = datanet_entry(datanet, version, 4_000);
    entry.proof_attributed = true;
    let shares = Shares { entries: vec![entry], owner_bps: 5_000, operator_bps: 1_000 };
    let model = w.model_attested(&owner, 1, ModelKind::Base, None, 1_000_000, shares, Some(attestor.pubkey()));
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    Market { w, curator, datanet, version, model, attestor, user, user_token }
}

impl Market {
    /// Pays `calls` calls with request id `[id; 32]`; returns the proof-attributed amount.
    fn pay(&mut self, calls: u64, id: u8) -> u64 {
        let ixs = self.w.pay_instructions(
            &self.user.pubkey(),
            &self.user_token,
            &self.model,
            &self.attestor.pubkey(),
            calls,
            [id; 32],
        );
        let done = self.w.svm.send(&self.user, &ixs, &[]).unwrap();
        let paid: InferencePaid = done.event();
        assert_eq!(paid.epoch, Some(self.w.epoch_index()));
        paid.lineage[0].amount
    }

    fn epoch(&self, index: u64) -> Epoch {
        self.w.svm.get(&pda::epoch(&self.model, index))
    }

    fn post(&mut self, signer: &Keypair, index: u64, args: AttributionRootPostArgs) -> Result<Executed, Failed> {
        let ix = ixs::payout::attribution_root_post(&signer.pubkey(), &self.model, index, &self.version, args);
        self.w.svm.run(signer, ix, &[])
    }

    fn claim(
        &mut self,
        cranker: &Keypair,
        index: u64,
        claimant: &Pubkey,
        amount: u64,
        proof: Vec<[u8; 32]>,
    ) -> Result<Executed, Failed> {
        let destination = self.token_account(claimant);
        let args = AttributionClaimArgs { amount, proof };
        let ix = ixs::payout::attribution_claim(
            &self.w.open,
            &cranker.pubkey(),
            &self.model,
            index,
            claimant,
            &destination,
            args,
        );
        self.w.svm.run(cranker, ix, &[])
    }

    /// The claimant's OPEN account (created on first use, at a fixed address per claimant).
    fn token_account(&mut self, owner: &Pubkey) -> Pubkey {
        use anchor_spl::associated_token::get_associated_token_address_with_program_id;
        let ata = get_associated_token_address_with_program_id(owner, &self.w.open.mint, &self.w.open.token_program);
        if self.w.svm.account(&ata).is_none() {
            let payer = self.user.insecure_clone();
            let ix = anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent(
                &payer.pubkey(),
                owner,
                &self.w.open.mint,
                &self.w.open.token_program,
            );
            self.w.step(&payer, ix, &[]);
        }
        ata
    }
}

fn past_end(w: &mut World, index: u64) {
    let end = (index as i64 + 1) * EPOCH_TIMING.epoch_length_secs;
    let now = w.svm.clock().unix_timestamp;
    w.svm.advance_time(end - now);
}

#[test]
fn payments_accrue_into_the_epoch_with_a_running_hash_and_claims_reconcile_to_the_base_unit() {
    let mut m = market();
    let index = m.w.epoch_index();
    let mut expected_hash = RECORDS_HASH_START;
    let mut accrued = 0;
    for (calls, id) in [(3, 1u8), (5, 2), (2, 3)] {
        let amount = m.pay(calls, id);
        expected_hash = records_hash_next(&expected_hash, &[id; 32], amount);
        accrued += amount;
    }
    let epoch = m.epoch(index);
    assert_eq!((epoch.accrued, epoch.record_count, epoch.records_hash), (accrued, 3, expected_hash));
    assert_eq!((epoch.status, epoch.datanet, epoch.rent_payer), (EpochStatus::Open, m.datanet, m.user.pubkey()));
    assert_eq!(epoch.datanet_version, m.version);
    // The proof-attributed share did not reach the pool.
    let pool_before: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool_before.total_credited, 0);

    // The engine's allocation: two claimants and a remainder.
    let (alice, bob) = (Keypair::new().pubkey(), Keypair::new().pubkey());
    let (a, b) = (accrued / 2, accrued / 3);
    let leaves =
        [leaf(&m.model.to_bytes(), index, &alice.to_bytes(), a), leaf(&m.model.to_bytes(), index, &bob.to_bytes(), b)];
    let tree = Tree::new(&leaves);
    let args =
        || AttributionRootPostArgs { root: tree.root(), total: a + b, leaf_count: 2, records_hash: expected_hash };

    let attestor = m.attestor.insecure_clone();
    assert_error(m.post(&attestor, index, args()), PayoutError::EpochNotEnded);
    past_end(&mut m.w, index);
    // Payments of the next epoch cannot land in this one.
    let late = with_metas(
        m.w.pay_instructions(&m.user.pubkey(), &m.user_token, &m.model, &attestor.pubkey(), 1, [9; 32])[1].clone(),
        |a| a[12].pubkey = pda::epoch(&m.model, index),
    );
    assert_error(m.w.svm.run(&m.user.insecure_clone(), late, &[]), PayoutError::WrongEpoch);

    let done = m.post(&attestor, index, args()).unwrap();
    let posted: AttributionRootPosted = done.event();
    let returned = accrued - a - b;
    assert_eq!((posted.total, posted.returned, posted.accrued), (a + b, returned, accrued));
    let pool: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool.total_credited, returned, "the unallocated rest went to the static path at once");
    assert_error(m.post(&attestor, index, args()), PayoutError::RootAlreadyPosted);

    let cranker = m.w.wallet();
    assert_error(m.claim(&cranker, index, &alice, a, tree.proof(0).unwrap()), PayoutError::ChallengeWindowOpen);
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let done = m.claim(&cranker, index, &alice, a, tree.proof(0).unwrap()).unwrap();
    assert_eq!(done.event::<AttributionClaimed>().claimed, a);
    let alice_token = m.token_account(&alice);
    assert_eq!(m.w.svm.token_balance(&alice_token), a, "paid into the claimant's own account");
    let receipt: Receipt = m.w.svm.get(&pda::receipt(&pda::epoch(&m.model, index), &alice));
    assert_eq!((receipt.amount, receipt.rent_payer), (a, cranker.pubkey()));
    assert_error(m.claim(&cranker, index, &alice, a, tree.proof(0).unwrap()), PayoutError::AlreadyClaimed);
    m.claim(&cranker, index, &bob, b, tree.proof(1).unwrap()).unwrap();
    let epoch = m.epoch(index);
    assert_eq!(epoch.claimed + epoch.returned, epoch.accrued, "claimed + released = accrued, to the base unit");

    // After the claim period: close the epoch and the receipts, rent back to who paid it.
    assert_error(
        m.w.svm.run(&cranker, ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey()), &[]),
        PayoutError::ClaimPeriodNotOver,
    );
    m.w.svm.advance_time(EPOCH_TIMING.claim_window_secs);
    assert_error(m.claim(&cranker, index, &alice, a, tree.proof(0).unwrap()), PayoutError::ClaimPeriodOver);
    let epoch_key = pda::epoch(&m.model, index);
    let receipt_close = ixs::payout::receipt_close(&epoch_key, &alice, &cranker.pubkey());
    assert_error(m.w.svm.run(&cranker, receipt_close.clone(), &[]), PayoutError::EpochStillOpen);
    let wrong_payer = ixs::payout::epoch_close(&m.model, index, &m.version, &cranker.pubkey());
    assert_error(m.w.svm.run(&cranker, wrong_payer, &[]), PayoutError::WrongRentPayer);
    let payer_before = m.w.svm.lamports(&m.user.pubkey());
    let rent = m.w.svm.lamports(&epoch_key);
    let done =
        m.w.svm.run(&cranker, ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey()), &[]).unwrap();
    assert_eq!(done.event::<EpochReleased>().amount, 0, "everything allocated was claimed");
    assert!(m.w.svm.account(&epoch_key).is_none());
    assert_eq!(m.w.svm.lamports(&m.user.pubkey()), payer_before + rent);
    let cranker_before = m.w.svm.lamports(&cranker.pubkey());
    let payer = m.w.wallet();
    let done = m.w.svm.run(&payer, receipt_close, &[]).unwrap();
    let closed: ReceiptClosed = done.event();
    assert_eq!(m.w.svm.lamports(&cranker.pubkey()), cranker_before + closed.rent_returned);
}

#[test]
fn forged_or_altered_claims_fail_by_name_and_change_nothing() {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(4, 1);
    let hash = records_hash_next(&RECORDS_HASH_START, &[1; 32], accrued);
    let (alice, bob) = (Keypair::new().pubkey(), Keypair::new().pubkey());
    let leaves: Vec<[u8; 32]> =
        [(alice, 10), (bob, 20)].iter().map(|(k, amt)| leaf(&m.model.to_bytes(), index, &k.to_bytes(), *amt)).collect();
    let tree = Tree::new(&leaves);
    past_end(&mut m.w, index);
    let attestor = m.attestor.insecure_clone();
    let good = AttributionRootPostArgs { root: tree.root(), total: 30, leaf_count: 2, records_hash: hash };

    // Posting: not the attestor, a wrong records hash, a total above the accrual.
    let stranger = m.w.wallet();
    m.w.operator(&stranger, 1_000 * OPEN);
    assert_error(m.post(&stranger, index, good.clone()), PayoutError::NotAttestor);
    assert_error(
        m.post(&attestor, index, AttributionRootPostArgs { records_hash: [0; 32], ..good.clone() }),
        PayoutError::RecordsHashMismatch,
    );
    assert_error(
        m.post(&attestor, index, AttributionRootPostArgs { total: accrued + 1, ..good.clone() }),
        PayoutError::TotalAboveAccrued,
    );
    // The attestor's stake must be its own and at the minimum.
    let ix = with_metas(
        ixs::payout::attribution_root_post(&attestor.pubkey(), &m.model, index, &m.version, good.clone()),
        |a| a[4].pubkey = pda::stake(&stranger.pubkey()),
    );
    assert_error(m.w.svm.run(&attestor, ix, &[]), PayoutError::WrongStake);
    assert_eq!(m.epoch(index).status, EpochStatus::Open);
    m.post(&attestor, index, good).unwrap();
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);

    let cranker = m.w.wallet();
    let forged = vec![[7u8; 32]];
    assert_error(m.claim(&cranker, index, &alice, 10, forged), PayoutError::InvalidProof);
    assert_error(m.claim(&cranker, index, &alice, 11, tree.proof(0).unwrap()), PayoutError::InvalidProof);
    assert_error(m.claim(&cranker, index, &bob, 10, tree.proof(0).unwrap()), PayoutError::InvalidProof);
    assert_error(m.claim(&cranker, index, &alice, 10, vec![[0; 32]; 33]), PayoutError::ProofTooLong);
    // Into an account that is not the claimant's.
    let thief = m.w.wallet();
    let thief_token = m.w.fund(&thief.pubkey(), 0);
    let args = AttributionClaimArgs { amount: 10, proof: tree.proof(0).unwrap() };
    let ix = ixs::payout::attribution_claim(&m.w.open, &thief.pubkey(), &m.model, index, &alice, &thief_token, args);
    assert_error(m.w.svm.run(&thief, ix, &[]), PayoutError::NotOwnTokenAccount);
    let epoch = m.epoch(index);
    assert_eq!(epoch.claimed, 0, "no claim went through");

    // Against another model's epoch: its root does not contain this leaf.
    let mut other = market();
    let other_index = other.w.epoch_index();
    let other_amount = other.pay(1, 1);
    past_end(&mut other.w, other_index);
    let other_leaf = leaf(&other.model.to_bytes(), other_index, &alice.to_bytes(), 10);
    let other_args = AttributionRootPostArgs {
        root: Tree::new(&[other_leaf]).root(),
        total: 10,
        leaf_count: 1,
        records_hash: records_hash_next(&RECORDS_HASH_START, &[1; 32], other_amount),
    };
    let other_attestor = other.attestor.insecure_clone();
    other.post(&other_attestor, other_index, other_args).unwrap();
    other.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let crank = other.w.wallet();
    assert_error(other.claim(&crank, other_index, &alice, 10, tree.proof(0).unwrap()), PayoutError::InvalidProof);
    // And the same epoch passed where a claim of this model's was meant: a different account.
    let args = AttributionClaimArgs { amount: 10, proof: tree.proof(0).unwrap() };
    let alice_token = m.token_account(&alice);
    let ix = with_metas(
        ixs::payout::attribution_claim(&m.w.open, &cranker.pubkey(), &m.model, index, &alice, &alice_token, args),
        |a| a[3].pubkey = Keypair::new().pubkey(),
    );
    assert_error(m.w.svm.run(&cranker, ix, &[]), Anchor::AccountNotInitialized);
}

#[test]
fn an_epoch_without_a_root_is_released_to_the_pool_and_never_stuck() {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(6, 1);
    let anyone = m.w.wallet();
    let release = ixs::payout::attribution_release(&m.model, index, &m.version);
    past_end(&mut m.w, index);
    assert_error(m.w.svm.run(&anyone, release.clone(), &[]), PayoutError::RootDeadlineNotPassed);
    m.w.svm.advance_time(EPOCH_TIMING.root_deadline_secs);
    // Too late for the attestor.
    let attestor = m.attestor.insecure_clone();
    let args = AttributionRootPostArgs {
        root: [1; 32],
        total: 0,
        leaf_count: 0,
        records_hash: records_hash_next(&RECORDS_HASH_START, &[1; 32], accrued),
    };
    assert_error(m.post(&attestor, index, args), PayoutError::RootDeadlinePassed);
    let done = m.w.svm.run(&anyone, release.clone(), &[]).unwrap();
    assert_eq!(done.event::<EpochReleased>().amount, accrued);
    let pool: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool.total_credited, accrued, "the whole accrual reaches the datanet's contributors");
    assert_error(m.w.svm.run(&anyone, release, &[]), PayoutError::RootAlreadyPosted);
    // A released epoch closes at once.
    m.w.svm.run(&anyone, ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey()), &[]).unwrap();
    assert!(m.w.svm.account(&pda::epoch(&m.model, index)).is_none());
}

#[test]
fn governance_vetoes_a_root_in_its_challenge_window_and_the_epoch_goes_to_the_pool() {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(4, 1);
    past_end(&mut m.w, index);
    // The attestor allocates everything to a wallet of its own.
    let attestor = m.attestor.insecure_clone();
    let leaves = [leaf(&m.model.to_bytes(), index, &attestor.pubkey().to_bytes(), accrued)];
    let tree = Tree::new(&leaves);
    let records_hash = records_hash_next(&RECORDS_HASH_START, &[1; 32], accrued);
    let args = AttributionRootPostArgs { root: tree.root(), total: accrued, leaf_count: 1, records_hash };
    m.post(&attestor, index, args).unwrap();

    let gov = m.w.governance.insecure_clone();
    let model = m.model;
    let veto =
        |authority: &Pubkey, version: &Pubkey| ixs::payout::attribution_root_veto(authority, &model, index, version, 9);
    // Only governance, and only into the pool of the version the epoch's entry cites: not another
    // datanet's, nor another version's of the same datanet.
    assert_error(m.w.svm.run(&attestor, veto(&attestor.pubkey(), &m.version), &[]), PayoutError::NotConfigAuthority);
    let stranger = m.w.wallet();
    let other = m.w.datanet(&stranger, 2, DatanetPolicy::Open { weight: 1 });
    m.w.contribute(&other, &stranger, b"other");
    let other_version = m.w.publish_version(&stranger, &other);
    assert_error(m.w.svm.run(&gov, veto(&gov.pubkey(), &other_version), &[]), PayoutError::WrongPool);
    let (datanet, curator) = (m.datanet, m.curator.insecure_clone());
    let version_2 = m.w.publish_version(&curator, &datanet);
    assert_error(m.w.svm.run(&gov, veto(&gov.pubkey(), &version_2), &[]), PayoutError::WrongPool);
    let unsigned = with_metas(veto(&gov.pubkey(), &m.version), |a| a[1].is_signer = false);
    assert_error(m.w.svm.run(&attestor, unsigned, &[]), Anchor::AccountNotSigner);

    let done = m.w.svm.run(&gov, veto(&gov.pubkey(), &m.version), &[]).unwrap();
    let vetoed: AttributionRootVetoed = done.event();
    assert_eq!((vetoed.root, vetoed.amount, vetoed.reason), (tree.root(), accrued, 9));
    let epoch = m.epoch(index);
    assert_eq!((epoch.status, epoch.returned, epoch.claimed), (EpochStatus::Released, accrued, 0));
    let pool: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool.total_credited, accrued, "the whole accrual reaches the datanet's contributors");
    // The vetoed root pays nobody, and a second veto finds no root.
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let cranker = m.w.wallet();
    assert_error(m.claim(&cranker, index, &attestor.pubkey(), accrued, vec![]), PayoutError::RootNotPosted);
    assert_error(m.w.svm.run(&gov, veto(&gov.pubkey(), &m.version), &[]), PayoutError::RootNotPosted);
    m.w.svm.run(&cranker, ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey()), &[]).unwrap();
    assert!(m.w.svm.account(&pda::epoch(&m.model, index)).is_none());
}

#[test]
fn an_epoch_keeps_the_timing_it_was_opened_with() {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(2, 1);
    // Governance shortens the root deadline to a minute and the challenge window to nothing.
    let gov = m.w.governance.insecure_clone();
    let timing = EpochTiming { root_deadline_secs: 60, challenge_window_secs: 0, ..EPOCH_TIMING };
    let args = ConfigUpdateArgs { epoch_timing: Some(timing), ..Default::default() };
    m.w.step(&gov, ixs::payout::config_update(&gov.pubkey(), args), &[]);
    past_end(&mut m.w, index);
    m.w.svm.advance_time(120);
    // This epoch still gives its attestor a day, and its claimants a challenge window.
    let anyone = m.w.wallet();
    let release = ixs::payout::attribution_release(&m.model, index, &m.version);
    assert_error(m.w.svm.run(&anyone, release, &[]), PayoutError::RootDeadlineNotPassed);
    let attestor = m.attestor.insecure_clone();
    let records_hash = records_hash_next(&RECORDS_HASH_START, &[1; 32], accrued);
    let done =
        m.post(&attestor, index, AttributionRootPostArgs { root: [7; 32], total: 0, leaf_count: 0, records_hash });
    let posted: AttributionRootPosted = done.unwrap().event();
    assert_eq!(posted.claims_open_at, m.w.svm.clock().unix_timestamp + EPOCH_TIMING.challenge_window_secs);
    assert_eq!(posted.expires_at, posted.claims_open_at + EPOCH_TIMING.claim_window_secs);
}

#[test]
fn after_the_challenge_window_the_root_stands() {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(4, 1);
    let gov = m.w.governance.insecure_clone();
    let veto = ixs::payout::attribution_root_veto(&gov.pubkey(), &m.model, index, &m.version, 1);
    assert_error(m.w.svm.run(&gov, veto.clone(), &[]), PayoutError::RootNotPosted);
    past_end(&mut m.w, index);
    let attestor = m.attestor.insecure_clone();
    let records_hash = records_hash_next(&RECORDS_HASH_START, &[1; 32], accrued);
    m.post(&attestor, index, AttributionRootPostArgs { root: [7; 32], total: 0, leaf_count: 0, records_hash }).unwrap();
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    assert_error(m.w.svm.run(&gov, veto, &[]), PayoutError::ChallengeWindowClosed);
    assert_eq!(m.epoch(index).status, EpochStatus::Posted);
}

#[test]
fn epochs_open_only_for_attributed_published_models_and_only_the_current_one() {
    let mut m = market();
    let index = m.w.epoch_index();
    let payer = m.w.wallet();
    assert_error(
        m.w.svm.run(&payer, ixs::payout::epoch_open(&payer.pubkey(), &m.model, index + 1), &[]),
        PayoutError::NotCurrentEpoch,
    );
    m.w.step(&payer, ixs::payout::epoch_open(&payer.pubkey(), &m.model, index), &[]);
    // Idempotent: opening again changes nothing (the first payer keeps the rent claim).
    m.w.step(&m.user.insecure_clone(), ixs::payout::epoch_open(&m.user.pubkey(), &m.model, index), &[]);
    assert_eq!(m.epoch(index).rent_payer, payer.pubkey());
    // A model without a proof-attributed entry has no epochs.
    let owner = m.w.wallet();
    let shares =
        Shares { entries: vec![datanet_entry(m.datanet, m.version, 1_000)], owner_bps: 8_000, operator_bps: 1_000 };
    let plain = m.w.model(&owner, 7, ModelKind::Base, None, 10, shares);
    assert_error(
        m.w.svm.run(&payer, ixs::payout::epoch_open(&payer.pubkey(), &plain, index), &[]),
        PayoutError::NotProofAttributed,
    );
}
