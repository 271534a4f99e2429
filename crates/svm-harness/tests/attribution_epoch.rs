//! Proof of Attribution on chain, against the .so: proof-attributed payments accrue into an epoch
//! with a running records hash; the staked attestor posts a root; claims with Merkle proofs; and
//! the paths by which money never gets stuck (release without a root, close after expiry).
use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::Pubkey;
use anchor_spl::associated_token::get_associated_token_address_with_program_id;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::{
    AttestationClosed, AttributionClaimed, AttributionRootPosted, AttributionRootVetoed, EpochChallengeEnded,
    EpochChallenged, EpochReleased, InferencePaid, ReceiptClosed,
};
use attribution_payout::instructions::{AttributionClaimArgs, AttributionRootPostArgs, ChallengeOutcome};
use attribution_payout::state::{
    Attestation, ChallengeParams, Config, ConfigUpdateArgs, Epoch, EpochStatus, EpochTiming, GovernanceAction, Pool,
    Receipt, Role, Stake,
};
use datanet_registry::errors::DatanetError;
use datanet_registry::state::{Contribution, ContributionHead, DatanetPolicy};
use model_registry::state::ModelKind;
use poa_merkle::{leaf, Tree, RECORDS_HASH_START};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, Request, Shares, World, EPOCH_TIMING, INPUTS_URI, OPEN};
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
    /// Two contributors and their contributions, both in version 1.
    alice: Keypair,
    bob: Keypair,
    ca: Pubkey,
    cb: Pubkey,
}

/// A model whose only datanet entry (40 %) is proof-attributed; its operator is also its
/// attestor. The entry cites version 1 of the datanet (alice's and bob's contributions, one
/// enrolled), whose pool takes what epochs return.
fn market() -> Market {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let (alice, bob) = (w.wallet(), w.wallet());
    let ca = w.contribute(&datanet, &alice, b"alice's contribution");
    let cb = w.contribute(&datanet, &bob, b"bob's contribution");
    let version = w.publish_version(&curator, &datanet);
    w.enroll(&alice, &version, &ca);
    let attestor = w.wallet();
    w.operator(&attestor, 1_000 * OPEN);
    w.approve_attestor(&curator, &datanet, &attestor.pubkey());
    let owner = w.wallet();
    let mut entry = datanet_entry(datanet, version, 4_000);
    entry.proof_attributed = true;
    let shares = Shares { entries: vec![entry], owner_bps: 5_000, operator_bps: 1_000 };
    let model = w.model_attested(&owner, 1, ModelKind::Base, None, 1_000_000, shares, Some(attestor.pubkey()));
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    Market { w, curator, datanet, version, model, attestor, user, user_token, alice, bob, ca, cb }
}

impl Market {
    /// Pays `calls` calls as `Request::numbered(id)`; returns the proof-attributed amount.
    fn pay(&mut self, calls: u64, id: u64) -> u64 {
        let ixs = self.w.pay_instructions(
            &self.user.pubkey(),
            &self.user_token,
            &self.model,
            &self.attestor.pubkey(),
            calls,
            Request::numbered(id),
        );
        let done = self.w.svm.send(&self.user, &ixs, &[&self.attestor]).unwrap();
        let paid: InferencePaid = done.event();
        assert_eq!(paid.epoch, Some(self.w.epoch_index()));
        paid.lineage[0].amount
    }

    fn epoch(&self, index: u64) -> Epoch {
        self.w.svm.get(&pda::epoch(&self.model, index))
    }

    fn attestation(&self, index: u64) -> Attestation {
        self.w.svm.get(&pda::attestation(&pda::epoch(&self.model, index)))
    }

    fn post(&mut self, signer: &Keypair, index: u64, args: AttributionRootPostArgs) -> Result<Executed, Failed> {
        let bond_from = self.w.open_ata(&signer.pubkey(), 1_000 * OPEN);
        let open = self.w.open;
        let ix = ixs::payout::attribution_root_post(
            &open,
            (&signer.pubkey(), &bond_from),
            &self.model,
            index,
            (&self.datanet, &self.version),
            args,
        );
        self.w.svm.run(signer, ix, &[])
    }

    /// Claims `contribution`'s leaf into `paid_to`'s OPEN account.
    fn claim(
        &mut self,
        cranker: &Keypair,
        index: u64,
        (contribution, paid_to): (&Pubkey, &Pubkey),
        amount: u64,
        proof: Vec<[u8; 32]>,
    ) -> Result<Executed, Failed> {
        let destination = self.w.open_ata(paid_to, 0);
        let args = AttributionClaimArgs { amount, proof };
        let ix = ixs::payout::attribution_claim(
            &self.w.open,
            &cranker.pubkey(),
            &self.model,
            index,
            contribution,
            &destination,
            args,
        );
        self.w.svm.run(cranker, ix, &[])
    }

    /// A root over `leaves` ((contribution, amount)) for the epoch, allocating their sum.
    fn root(&self, index: u64, leaves: &[(Pubkey, u64)]) -> (Tree, AttributionRootPostArgs) {
        let hashes: Vec<[u8; 32]> =
            leaves.iter().map(|(c, amount)| leaf(&self.model.to_bytes(), index, &c.to_bytes(), *amount)).collect();
        let tree = Tree::new(&hashes);
        let args = AttributionRootPostArgs {
            root: tree.root(),
            total: leaves.iter().map(|(_, amount)| amount).sum(),
            leaf_count: leaves.len() as u64,
            records_hash: self.epoch(index).records_hash,
            inputs_hash: [5; 32],
            inputs_uri: INPUTS_URI.into(),
        };
        (tree, args)
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
    for (calls, id) in [(3, 1), (5, 2), (2, 3)] {
        let amount = m.pay(calls, id);
        expected_hash = Request::numbered(id).chain(&expected_hash, amount);
        accrued += amount;
    }
    let epoch = m.epoch(index);
    assert_eq!((epoch.accrued, epoch.record_count, epoch.records_hash), (accrued, 3, expected_hash));
    assert_eq!((epoch.status, epoch.datanet, epoch.rent_payer), (EpochStatus::Open, m.datanet, m.user.pubkey()));
    assert_eq!(epoch.datanet_version, m.version);
    // The proof-attributed share did not reach the pool.
    let pool_before: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool_before.total_credited, 0);

    // The engine's allocation: two contributions and a remainder.
    let (alice, bob, ca, cb) = (m.alice.pubkey(), m.bob.pubkey(), m.ca, m.cb);
    let (a, b) = (accrued / 2, accrued / 3);
    let (tree, root_args) = m.root(index, &[(ca, a), (cb, b)]);
    let args = || root_args.clone();

    let attestor = m.attestor.insecure_clone();
    assert_error(m.post(&attestor, index, args()), PayoutError::EpochNotEnded);
    past_end(&mut m.w, index);
    // Payments of the next epoch cannot land in this one.
    let late = with_metas(
        m.w.pay_instructions(&m.user.pubkey(), &m.user_token, &m.model, &attestor.pubkey(), 1, Request::numbered(9))[1]
            .clone(),
        |a| a[13].pubkey = pda::epoch(&m.model, index),
    );
    assert_error(m.w.svm.run(&m.user.insecure_clone(), late, &[&m.attestor.insecure_clone()]), PayoutError::WrongEpoch);

    // The attestation's address is 1 to 200 bytes.
    for uri in [String::new(), "u".repeat(201)] {
        let bad = AttributionRootPostArgs { inputs_uri: uri, ..args() };
        assert_error(m.post(&attestor, index, bad), PayoutError::InvalidInputsUri);
    }
    let done = m.post(&attestor, index, args()).unwrap();
    let posted: AttributionRootPosted = done.event();
    let returned = accrued - a - b;
    assert_eq!((posted.total, posted.returned, posted.accrued), (a + b, returned, accrued));
    assert_eq!((posted.inputs_hash, posted.inputs_uri.as_str()), ([5; 32], INPUTS_URI));
    let epoch = m.epoch(index);
    assert_eq!((epoch.inputs_hash, epoch.accepted_end), ([5; 32], 2), "version 1 holds alice's and bob's");
    let pool: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool.total_credited, returned, "the unallocated rest went to the static path at once");
    assert_error(m.post(&attestor, index, args()), PayoutError::RootAlreadyPosted);

    let cranker = m.w.wallet();
    assert_error(m.claim(&cranker, index, (&ca, &alice), a, tree.proof(0).unwrap()), PayoutError::ChallengeWindowOpen);
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let done = m.claim(&cranker, index, (&ca, &alice), a, tree.proof(0).unwrap()).unwrap();
    let claimed: AttributionClaimed = done.event();
    assert_eq!((claimed.claimed, claimed.contribution, claimed.paid_to), (a, ca, alice));
    let alice_token = m.w.open_ata(&alice, 0);
    assert_eq!(m.w.svm.token_balance(&alice_token), a, "paid into the contributor's own account");
    let receipt: Receipt = m.w.svm.get(&pda::receipt(&pda::epoch(&m.model, index), &ca));
    assert_eq!((receipt.contribution, receipt.amount, receipt.rent_payer), (ca, a, cranker.pubkey()));
    assert_error(m.claim(&cranker, index, (&ca, &alice), a, tree.proof(0).unwrap()), PayoutError::AlreadyClaimed);
    m.claim(&cranker, index, (&cb, &bob), b, tree.proof(1).unwrap()).unwrap();
    let epoch = m.epoch(index);
    assert_eq!(epoch.claimed + epoch.returned, epoch.accrued, "claimed + released = accrued, to the base unit");

    // After the claim period: close the epoch and the receipts, rent back to who paid it.
    assert_error(
        m.w.svm.run(&cranker, ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey()), &[]),
        PayoutError::ClaimPeriodNotOver,
    );
    m.w.svm.advance_time(EPOCH_TIMING.claim_window_secs);
    assert_error(m.claim(&cranker, index, (&ca, &alice), a, tree.proof(0).unwrap()), PayoutError::ClaimPeriodOver);
    let epoch_key = pda::epoch(&m.model, index);
    let receipt_close = ixs::payout::receipt_close(&epoch_key, &ca, &cranker.pubkey());
    assert_error(m.w.svm.run(&cranker, receipt_close.clone(), &[]), PayoutError::EpochStillOpen);
    let wrong_payer = ixs::payout::epoch_close(&m.model, index, &m.version, &cranker.pubkey());
    assert_error(m.w.svm.run(&cranker, wrong_payer, &[]), PayoutError::WrongRentPayer);
    // The attestor's bond goes back before the epoch closes.
    let close = ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey());
    assert_error(m.w.svm.run(&cranker, close, &[]), PayoutError::AttestorBondHeld);
    let attestor_token = m.w.open_ata(&m.attestor.pubkey(), 0);
    let before = m.w.svm.token_balance(&attestor_token);
    m.release_bond(index, &attestor_token).unwrap();
    assert_eq!(m.w.svm.token_balance(&attestor_token), before + (a + b).div_ceil(10));
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
    let (alice, bob, ca, cb) = (m.alice.pubkey(), m.bob.pubkey(), m.ca, m.cb);
    let (tree, good) = m.root(index, &[(ca, 10), (cb, 20)]);
    past_end(&mut m.w, index);
    let attestor = m.attestor.insecure_clone();

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
    let bond_from = m.w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
    let open = m.w.open;
    let ix = with_metas(
        ixs::payout::attribution_root_post(
            &open,
            (&attestor.pubkey(), &bond_from),
            &m.model,
            index,
            (&m.datanet, &m.version),
            good.clone(),
        ),
        |a| a[6].pubkey = pda::stake(&stranger.pubkey()),
    );
    assert_error(m.w.svm.run(&attestor, ix, &[]), PayoutError::WrongStake);
    assert_eq!(m.epoch(index).status, EpochStatus::Open);
    m.post(&attestor, index, good).unwrap();
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);

    let cranker = m.w.wallet();
    let forged = vec![[7u8; 32]];
    assert_error(m.claim(&cranker, index, (&ca, &alice), 10, forged), PayoutError::InvalidProof);
    assert_error(m.claim(&cranker, index, (&ca, &alice), 11, tree.proof(0).unwrap()), PayoutError::InvalidProof);
    assert_error(m.claim(&cranker, index, (&cb, &bob), 10, tree.proof(0).unwrap()), PayoutError::InvalidProof);
    assert_error(m.claim(&cranker, index, (&ca, &alice), 10, vec![[0; 32]; 33]), PayoutError::ProofTooLong);
    // Into an account that is not the contributor's: not even the other contributor's.
    let thief = m.w.wallet();
    let thief_token = m.w.fund(&thief.pubkey(), 0);
    let args = AttributionClaimArgs { amount: 10, proof: tree.proof(0).unwrap() };
    let ix = ixs::payout::attribution_claim(&m.w.open, &thief.pubkey(), &m.model, index, &ca, &thief_token, args);
    assert_error(m.w.svm.run(&thief, ix, &[]), PayoutError::NotOwnTokenAccount);
    assert_error(m.claim(&cranker, index, (&ca, &bob), 10, tree.proof(0).unwrap()), PayoutError::NotOwnTokenAccount);
    let epoch = m.epoch(index);
    assert_eq!(epoch.claimed, 0, "no claim went through");

    // Against another model's epoch: its root does not contain this leaf.
    let mut other = market();
    let other_index = other.w.epoch_index();
    other.pay(1, 1);
    past_end(&mut other.w, other_index);
    let (other_ca, other_alice) = (other.ca, other.alice.pubkey());
    let (_, other_args) = other.root(other_index, &[(other_ca, 10)]);
    let other_attestor = other.attestor.insecure_clone();
    other.post(&other_attestor, other_index, other_args).unwrap();
    other.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let crank = other.w.wallet();
    let proof = tree.proof(0).unwrap();
    assert_error(other.claim(&crank, other_index, (&other_ca, &other_alice), 10, proof), PayoutError::InvalidProof);
    // And the same epoch passed where a claim of this model's was meant: a different account.
    let args = AttributionClaimArgs { amount: 10, proof: tree.proof(0).unwrap() };
    let alice_token = m.w.open_ata(&alice, 0);
    let ix = with_metas(
        ixs::payout::attribution_claim(&m.w.open, &cranker.pubkey(), &m.model, index, &ca, &alice_token, args),
        |a| a[3].pubkey = Keypair::new().pubkey(),
    );
    assert_error(m.w.svm.run(&cranker, ix, &[]), Anchor::AccountNotInitialized);
    assert_eq!(m.w.svm.token_balance(&alice_token), 0);
    // The honest twin: the same claim as it should be.
    m.claim(&cranker, index, (&ca, &alice), 10, tree.proof(0).unwrap()).unwrap();
    assert_eq!(m.w.svm.token_balance(&alice_token), 10);
}

/// A leaf names a contribution, and the claim pays only an accepted contribution of the epoch's
/// datanet that the cited version contains, into its contributor's account. An attestor that
/// allocates to its own wallet, to its contribution in another datanet, or to one it submitted
/// after the version was published, gets nothing; each honest twin is paid; what the attacks
/// were allocated goes back to the version's pool at close.
#[test]
fn a_root_pays_only_contributions_of_the_cited_version() {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(10, 1);
    let attestor = m.attestor.insecure_clone();
    let elsewhere = m.w.datanet(&attestor, 9, DatanetPolicy::Open { weight: 1 });
    let foreign = m.w.contribute(&elsewhere, &attestor, b"the attestor's, elsewhere");
    let datanet = m.datanet;
    let late = m.w.contribute(&datanet, &attestor, b"the attestor's, after version 1");
    let (ca, cb, alice, bob) = (m.ca, m.cb, m.alice.pubkey(), m.bob.pubkey());
    let own = attestor.pubkey();
    let leaves = [(own, 100), (foreign, 200), (late, 300), (ca, 400), (cb, 500)];
    let (tree, args) = m.root(index, &leaves);
    past_end(&mut m.w, index);
    m.post(&attestor, index, args).unwrap();
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);

    let cranker = m.w.wallet();
    let proof = |i: usize| tree.proof(i).unwrap();
    let attestor_token = m.w.open_ata(&own, 0);
    let attestor_before = m.w.svm.token_balance(&attestor_token);
    assert_error(m.claim(&cranker, index, (&own, &own), 100, proof(0)), Anchor::AccountOwnedByWrongProgram);
    assert_error(m.claim(&cranker, index, (&foreign, &own), 200, proof(1)), PayoutError::ContributionOfAnotherDatanet);
    assert_error(m.claim(&cranker, index, (&late, &own), 300, proof(2)), PayoutError::NotInVersion);
    assert_eq!(m.w.svm.token_balance(&attestor_token), attestor_before);
    assert_eq!(m.epoch(index).claimed, 0);

    // The honest twins. Alice's is paid to alice.
    m.claim(&cranker, index, (&ca, &alice), 400, proof(3)).unwrap();
    let alice_token = m.w.open_ata(&alice, 0);
    assert_eq!(m.w.svm.token_balance(&alice_token), 400);
    // Bob hands his contribution to carol: the leaf follows the contribution, not bob's wallet.
    let carol = m.w.wallet();
    let bob_keys = m.bob.insecure_clone();
    m.w.step(&bob_keys, ixs::datanet::contribution_transfer_propose(&cb, &bob, Some(carol.pubkey())), &[]);
    m.w.step(&carol, ixs::datanet::contribution_transfer_accept(&cb, &carol.pubkey()), &[]);
    assert_error(m.claim(&cranker, index, (&cb, &bob), 500, proof(4)), PayoutError::NotOwnTokenAccount);
    let done = m.claim(&cranker, index, (&cb, &carol.pubkey()), 500, proof(4)).unwrap();
    assert_eq!(done.event::<AttributionClaimed>().paid_to, carol.pubkey());
    let carol_token = m.w.open_ata(&carol.pubkey(), 0);
    assert_eq!(m.w.svm.token_balance(&carol_token), 500);
    let bob_token = m.w.open_ata(&bob, 0);
    assert_eq!(m.w.svm.token_balance(&bob_token), 0);

    // What the attacks were allocated goes to version 1's contributors at close.
    m.w.svm.advance_time(EPOCH_TIMING.claim_window_secs);
    m.release_bond(index, &attestor_token).unwrap();
    let attestor_after = attestor_before + 1_500u64.div_ceil(10);
    assert_eq!(m.w.svm.token_balance(&attestor_token), attestor_after, "its bond back, nothing more");
    let before: Pool = m.w.svm.get(&pda::pool(&m.version));
    let user = m.user.pubkey();
    let done = m.w.svm.run(&cranker, ixs::payout::epoch_close(&m.model, index, &m.version, &user), &[]).unwrap();
    assert_eq!(done.event::<EpochReleased>().amount, 600);
    let after: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(after.total_credited - before.total_credited, 600);
    assert_eq!(before.total_credited, accrued - 1_500, "the unallocated rest went to the pool at the post");
    assert_eq!(m.w.svm.token_balance(&attestor_token), attestor_after);
}

/// Request ids are the payer's labels: the chain numbers each record itself, so a repeated id is
/// a second record, not a collision that could block the epoch.
#[test]
fn a_repeated_request_id_is_a_second_record() {
    let mut m = market();
    let index = m.w.epoch_index();
    let mut hash = RECORDS_HASH_START;
    for (record, calls) in [2u64, 3].into_iter().enumerate() {
        let ixs = m.w.pay_instructions(
            &m.user.pubkey(),
            &m.user_token,
            &m.model,
            &m.attestor.pubkey(),
            calls,
            Request::numbered(1),
        );
        let done = m.w.svm.send(&m.user.insecure_clone(), &ixs, &[&m.attestor.insecure_clone()]).unwrap();
        let paid: InferencePaid = done.event();
        assert_eq!((paid.epoch, paid.record), (Some(index), Some(record as u64)));
        assert_eq!((paid.request_id, paid.output_hash), (Request::numbered(1).id, Request::numbered(1).output_hash));
        hash = Request::numbered(1).chain(&hash, paid.lineage[0].amount);
    }
    let epoch = m.epoch(index);
    assert_eq!((epoch.record_count, epoch.records_hash), (2, hash));
    // A model without a proof-attributed entry credits no epoch and numbers no record.
    let owner = m.w.wallet();
    let shares =
        Shares { entries: vec![datanet_entry(m.datanet, m.version, 1_000)], owner_bps: 8_000, operator_bps: 1_000 };
    let plain = m.w.model(&owner, 7, ModelKind::Base, None, 10, shares);
    let ixs =
        m.w.pay_instructions(&m.user.pubkey(), &m.user_token, &plain, &m.attestor.pubkey(), 1, Request::numbered(1));
    let paid: InferencePaid =
        m.w.svm.send(&m.user.insecure_clone(), &ixs, &[&m.attestor.insecure_clone()]).unwrap().event();
    assert_eq!((paid.epoch, paid.record), (None, None));
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
        records_hash: Request::numbered(1).chain(&RECORDS_HASH_START, accrued),
        inputs_hash: [5; 32],
        inputs_uri: INPUTS_URI.into(),
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
    // The attestor allocates everything to one contribution.
    let attestor = m.attestor.insecure_clone();
    let (ca, alice) = (m.ca, m.alice.pubkey());
    let (tree, args) = m.root(index, &[(ca, accrued)]);
    m.post(&attestor, index, args).unwrap();

    let gov = m.w.governance.insecure_clone();
    let model = m.model;
    let veto =
        |authority: &Pubkey, version: &Pubkey| ixs::payout::attribution_root_veto(authority, &model, index, version, 9);
    // Only governance, and only into the pool of the version the epoch's entry cites: not another
    // datanet's, nor another version's of the same datanet.
    assert_error(m.w.svm.run(&attestor, veto(&attestor.pubkey(), &m.version), &[]), PayoutError::NotGuardian);
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
    assert_error(m.claim(&cranker, index, (&ca, &alice), accrued, vec![]), PayoutError::RootNotPosted);
    assert_error(m.w.svm.run(&gov, veto(&gov.pubkey(), &m.version), &[]), PayoutError::RootNotPosted);
    // A veto is governance's call, not a challenger's: the attestor's bond goes back.
    let attestor_token = m.w.open_ata(&attestor.pubkey(), 0);
    let before = m.w.svm.token_balance(&attestor_token);
    m.release_bond(index, &attestor_token).unwrap();
    assert_eq!(m.w.svm.token_balance(&attestor_token), before + accrued.div_ceil(10));
    m.w.svm.run(&cranker, ixs::payout::epoch_close(&m.model, index, &m.version, &m.user.pubkey()), &[]).unwrap();
    assert!(m.w.svm.account(&pda::epoch(&m.model, index)).is_none());
}

#[test]
fn an_epoch_keeps_the_timing_it_was_opened_with() {
    let mut m = market();
    // Governance shortens the root deadline to a minute and doubles the challenge window: queued,
    // the delay waited, executed once this epoch is open.
    let gov = m.w.governance.insecure_clone();
    let timing = EpochTiming {
        root_deadline_secs: 60,
        challenge_window_secs: 2 * EPOCH_TIMING.challenge_window_secs,
        ..EPOCH_TIMING
    };
    let args = ConfigUpdateArgs { epoch_timing: Some(timing), ..Default::default() };
    let id = m.w.queue(GovernanceAction::Update { change: args }).unwrap();
    m.w.wait_timelock();
    let index = m.w.epoch_index();
    let accrued = m.pay(2, 1);
    m.w.step(&gov, ixs::payout::action_execute(id, &gov.pubkey()), &[]);
    past_end(&mut m.w, index);
    m.w.svm.advance_time(120);
    // This epoch still gives its attestor a day, and its challengers the window it opened with.
    let anyone = m.w.wallet();
    let release = ixs::payout::attribution_release(&m.model, index, &m.version);
    assert_error(m.w.svm.run(&anyone, release, &[]), PayoutError::RootDeadlineNotPassed);
    let attestor = m.attestor.insecure_clone();
    assert_eq!(m.epoch(index).records_hash, Request::numbered(1).chain(&RECORDS_HASH_START, accrued));
    let (_, nothing_allocated) = m.root(index, &[]);
    let posted: AttributionRootPosted = m.post(&attestor, index, nothing_allocated).unwrap().event();
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
    assert_eq!(m.epoch(index).records_hash, Request::numbered(1).chain(&RECORDS_HASH_START, accrued));
    let (_, nothing_allocated) = m.root(index, &[]);
    m.post(&attestor, index, nothing_allocated).unwrap();
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

/// `ContributionHead` (what the claim reads, at fixed offsets) agrees with the decoded
/// `Contribution` account, one with a handover pending and one without, accepted at different
/// places in the datanet's order.
#[test]
fn the_contribution_head_is_the_accounts_prefix() {
    let mut m = market();
    let (cb, bob, heir) = (m.cb, m.bob.insecure_clone(), m.w.wallet().pubkey());
    m.w.step(&bob, ixs::datanet::contribution_transfer_propose(&cb, &bob.pubkey(), Some(heir)), &[]);
    for key in [m.ca, cb] {
        let account = m.w.svm.account(&key).expect("a contribution");
        let full: Contribution = m.w.svm.get(&key);
        let info_key = key;
        let mut lamports = account.lamports;
        let mut data = account.data.clone();
        let info = anchor_lang::prelude::AccountInfo::new(
            &info_key,
            false,
            false,
            &mut lamports,
            &mut data,
            &account.owner,
            false,
        );
        let head = ContributionHead::read(&info).unwrap();
        let expected = ContributionHead {
            datanet: full.datanet,
            contributor: full.contributor,
            status: full.status,
            accepted_seq: full.accepted_seq,
        };
        assert_eq!(head, expected);
    }
}

/// A market whose epoch `index` has a posted root allocating `accrued / 2` to alice's
/// contribution, and a challenger holding exactly one challenge bond: (index, accrued, tree,
/// challenger, its token account, the attestor's token account).
fn challenged_market() -> (Market, u64, u64, Tree, Keypair, Pubkey, Pubkey) {
    let mut m = market();
    let index = m.w.epoch_index();
    let accrued = m.pay(10, 1);
    let (tree, args) = m.root(index, &[(m.ca, accrued / 2)]);
    past_end(&mut m.w, index);
    let attestor = m.attestor.insecure_clone();
    let attestor_token = m.w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
    m.post(&attestor, index, args).unwrap();
    let challenger = m.w.wallet();
    let config: Config = m.w.svm.get(&pda::config());
    let challenger_token = m.w.open_ata(&challenger.pubkey(), config.challenge.challenge_bond);
    (m, index, accrued, tree, challenger, challenger_token, attestor_token)
}

impl Market {
    fn challenge(&mut self, challenger: &Keypair, token: &Pubkey, index: u64) -> Result<Executed, Failed> {
        let open = self.w.open;
        let ix = ixs::payout::epoch_challenge(&open, (&challenger.pubkey(), token), &self.model, index, [9; 32]);
        self.w.svm.run(challenger, ix, &[])
    }

    fn end_challenge(
        &mut self,
        signer: &Keypair,
        index: u64,
        challenger_token: &Pubkey,
        outcome: ChallengeOutcome,
    ) -> Result<Executed, Failed> {
        let open = self.w.open;
        let ix = ixs::payout::epoch_challenge_end(
            &open,
            &signer.pubkey(),
            (&self.model, index),
            &self.version,
            challenger_token,
            outcome,
        );
        self.w.svm.run(signer, ix, &[])
    }

    /// Closes the epoch's attestation: what is left of the bond to `attestor_token`.
    fn release_bond(&mut self, index: u64, attestor_token: &Pubkey) -> Result<Executed, Failed> {
        let anyone = self.w.wallet();
        let open = self.w.open;
        let attestor = self.attestor.pubkey();
        self.w.svm.run(
            &anyone,
            ixs::payout::attestation_close(&open, (&self.model, index), &attestor, attestor_token),
            &[],
        )
    }
}

/// The root posted allocates `accrued / 2`: the attestor bonds 10 % of it, rounded up.
#[test]
fn posting_a_root_bonds_a_tenth_of_what_it_allocates() {
    let (m, index, accrued, ..) = challenged_market();
    let attestation = m.attestation(index);
    let total = accrued / 2;
    assert_eq!((attestation.bond, attestation.attestor), (total.div_ceil(10), m.attestor.pubkey()));
    let attestor_token =
        get_associated_token_address_with_program_id(&m.attestor.pubkey(), &m.w.open.mint, &m.w.open.token_program);
    assert_eq!(m.w.svm.token_balance(&attestor_token), 1_000 * OPEN - total.div_ceil(10));
}

/// Upheld: the root is struck, the challenger gets its bond back and half the attestor's bond,
/// the version's pool the other half and everything the epoch held. A stranger cannot resolve,
/// nobody can claim or veto while it is pending, and the attestor's bond never comes back.
#[test]
fn an_upheld_challenge_strikes_the_root_and_slashes_the_attestor() {
    let (mut m, index, accrued, tree, challenger, challenger_token, attestor_token) = challenged_market();
    let (bond, challenge_bond) = (m.attestation(index).bond, m.w.svm.token_balance(&challenger_token));
    let attestor_before = m.w.svm.token_balance(&attestor_token);
    let pool_before: Pool = m.w.svm.get(&pda::pool(&m.version));
    let done = m.challenge(&challenger, &challenger_token, index).unwrap();
    let challenged: EpochChallenged = done.event();
    assert_eq!((challenged.bond, challenged.disputed), (challenge_bond, [9; 32]));
    assert_eq!(m.w.svm.token_balance(&challenger_token), 0);
    assert_eq!(m.epoch(index).status, EpochStatus::Challenged);
    // One challenge at a time; no claim and no veto meanwhile.
    let other = m.w.wallet();
    let other_token = m.w.open_ata(&other.pubkey(), challenge_bond);
    assert_error(m.challenge(&other, &other_token, index), PayoutError::RootChallenged);
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let (ca, alice) = (m.ca, m.alice.pubkey());
    assert_error(
        m.claim(&other, index, (&ca, &alice), accrued / 2, tree.proof(0).unwrap()),
        PayoutError::RootChallenged,
    );
    let gov = m.w.governance.insecure_clone();
    let veto = ixs::payout::attribution_root_veto(&gov.pubkey(), &m.model, index, &m.version, 1);
    assert_error(m.w.svm.run(&gov, veto, &[]), PayoutError::RootChallenged);
    // A stranger cannot resolve; nor can the resolver pay another wallet than the challenger.
    assert_error(m.end_challenge(&other, index, &challenger_token, ChallengeOutcome::Upheld), PayoutError::NotResolver);
    assert_error(m.end_challenge(&gov, index, &other_token, ChallengeOutcome::Upheld), PayoutError::NotOwnTokenAccount);
    assert_eq!(m.w.svm.token_balance(&challenger_token), 0);
    assert_eq!(m.epoch(index).status, EpochStatus::Challenged);

    // The resolver (governance's key at config_init) upholds it.
    let done = m.end_challenge(&gov, index, &challenger_token, ChallengeOutcome::Upheld).unwrap();
    let ended: EpochChallengeEnded = done.event();
    let reward = bond / 2;
    assert_eq!(m.w.svm.token_balance(&challenger_token), challenge_bond + reward);
    let pool: Pool = m.w.svm.get(&pda::pool(&m.version));
    let held = accrued / 2; // the allocated half; the other half went to the pool at the post
    assert_eq!(pool.total_credited - pool_before.total_credited, (bond - reward) + held);
    assert_eq!(
        (ended.to_challenger, ended.slashed_to_pool, ended.returned),
        (challenge_bond + reward, bond - reward, held)
    );
    let attestation = m.attestation(index);
    assert_eq!((m.epoch(index).status, attestation.bond, attestation.challenger_bond), (EpochStatus::Released, 0, 0));
    // The attestor gets its attestation's rent back, and none of its bond.
    let done = m.release_bond(index, &attestor_token).unwrap();
    assert_eq!(done.event::<AttestationClosed>().bond_returned, 0);
    assert_eq!(m.w.svm.token_balance(&attestor_token), attestor_before, "the attestor gets none of its bond back");
    let user = m.user.pubkey();
    m.w.step(&other, ixs::payout::epoch_close(&m.model, index, &m.version, &user), &[]);
}

/// Dismissed: the challenger's bond joins the attestor's, claims go ahead when the window ends,
/// and the attestor's bond (with the challenger's) comes back once claims are open.
#[test]
fn a_dismissed_challenge_pays_its_bond_to_the_attestor_and_claims_go_ahead() {
    let (mut m, index, accrued, tree, challenger, challenger_token, attestor_token) = challenged_market();
    let (bond, challenge_bond) = (m.attestation(index).bond, m.w.svm.token_balance(&challenger_token));
    let attestor_before = m.w.svm.token_balance(&attestor_token);
    m.challenge(&challenger, &challenger_token, index).unwrap();
    let gov = m.w.governance.insecure_clone();
    let done = m.end_challenge(&gov, index, &challenger_token, ChallengeOutcome::Dismissed).unwrap();
    assert_eq!(done.event::<EpochChallengeEnded>().attestor_bond, bond + challenge_bond);
    assert_eq!(m.w.svm.token_balance(&challenger_token), 0);
    assert_error(m.end_challenge(&gov, index, &challenger_token, ChallengeOutcome::Upheld), PayoutError::NotChallenged);
    // The bond stays locked through the window; then claims and the release go ahead.
    assert_error(m.release_bond(index, &attestor_token), PayoutError::BondLocked);
    let (ca, alice) = (m.ca, m.alice.pubkey());
    let cranker = m.w.wallet();
    let proof = || tree.proof(0).unwrap();
    assert_error(m.claim(&cranker, index, (&ca, &alice), accrued / 2, proof()), PayoutError::ChallengeWindowOpen);
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    assert_error(m.challenge(&challenger, &challenger_token, index), PayoutError::ChallengeWindowClosed);
    m.claim(&cranker, index, (&ca, &alice), accrued / 2, proof()).unwrap();
    let rent = m.w.svm.lamports(&pda::attestation(&pda::epoch(&m.model, index)));
    let attestor_lamports = m.w.svm.lamports(&m.attestor.pubkey());
    let done = m.release_bond(index, &attestor_token).unwrap();
    assert_eq!(done.event::<AttestationClosed>().bond_returned, bond + challenge_bond);
    assert_eq!(m.w.svm.token_balance(&attestor_token), attestor_before + bond + challenge_bond);
    assert_eq!(m.w.svm.lamports(&m.attestor.pubkey()), attestor_lamports + rent, "its rent back too");
    assert_error(m.release_bond(index, &attestor_token), Anchor::AccountNotInitialized);
}

/// The resolver role changes hands through the timelock while a challenge is pending: from the
/// new holder's acceptance only it decides; the old resolver (the admin, still) is refused.
#[test]
fn a_new_resolver_decides_a_pending_challenge_and_the_old_one_no_longer() {
    let (mut m, index, _, _, challenger, challenger_token, _) = challenged_market();
    let challenge_bond = m.w.svm.token_balance(&challenger_token);
    m.challenge(&challenger, &challenger_token, index).unwrap();
    let resolver = m.w.wallet();
    let id = m.w.queue(GovernanceAction::SetRole { role: Role::Resolver, key: resolver.pubkey() }).unwrap();
    m.w.wait_timelock();
    let gov = m.w.governance.insecure_clone();
    m.w.step(&gov, ixs::payout::action_execute(id, &gov.pubkey()), &[]);
    // Once the new key accepts, the old resolver (the admin) is refused and the new one decides.
    m.w.step(&resolver, ixs::payout::role_accept(&resolver.pubkey(), Role::Resolver), &[]);
    assert_error(
        m.end_challenge(&gov, index, &challenger_token, ChallengeOutcome::Dismissed),
        PayoutError::NotResolver,
    );
    assert_eq!(m.epoch(index).status, EpochStatus::Challenged);
    m.end_challenge(&resolver, index, &challenger_token, ChallengeOutcome::Dismissed).unwrap();
    assert_eq!(
        m.w.svm.token_balance(&challenger_token),
        0,
        "dismissed: its bond of {challenge_bond} went to the attestor"
    );
}

/// Undecided by the resolver's deadline: anyone ends it, the epoch falls back to the static
/// weights (its pool), and both bonds go back. Before the deadline only the resolver may end it;
/// after it, not even the resolver decides.
#[test]
fn an_unresolved_challenge_falls_back_to_the_static_weights_and_returns_both_bonds() {
    let (mut m, index, accrued, _, challenger, challenger_token, attestor_token) = challenged_market();
    let (bond, challenge_bond) = (m.attestation(index).bond, m.w.svm.token_balance(&challenger_token));
    let attestor_before = m.w.svm.token_balance(&attestor_token);
    let pool_before: Pool = m.w.svm.get(&pda::pool(&m.version));
    m.challenge(&challenger, &challenger_token, index).unwrap();
    let anyone = m.w.wallet();
    assert_error(
        m.end_challenge(&anyone, index, &challenger_token, ChallengeOutcome::Expired),
        PayoutError::ResolveDeadlineNotPassed,
    );
    let config: Config = m.w.svm.get(&pda::config());
    m.w.svm.advance_time(config.challenge.resolve_window_secs);
    let gov = m.w.governance.insecure_clone();
    assert_error(
        m.end_challenge(&gov, index, &challenger_token, ChallengeOutcome::Upheld),
        PayoutError::ResolveDeadlinePassed,
    );
    let done = m.end_challenge(&anyone, index, &challenger_token, ChallengeOutcome::Expired).unwrap();
    assert_eq!(done.event::<EpochChallengeEnded>().returned, accrued / 2);
    assert_eq!(m.w.svm.token_balance(&challenger_token), challenge_bond);
    let pool: Pool = m.w.svm.get(&pda::pool(&m.version));
    assert_eq!(pool.total_credited - pool_before.total_credited, accrued / 2);
    assert_eq!(m.epoch(index).status, EpochStatus::Released);
    m.release_bond(index, &attestor_token).unwrap();
    assert_eq!(m.w.svm.token_balance(&attestor_token), attestor_before + bond);
}

/// The challenge window cannot go below a day, nor the attestor's bond below 10 % of its root;
/// each edge's honest twin is accepted.
#[test]
fn the_challenge_window_and_the_attestor_bond_have_floors() {
    let mut m = market();
    let update = |change| GovernanceAction::Update { change };
    let timing = |window: i64| EpochTiming { challenge_window_secs: window, ..EPOCH_TIMING };
    let below = ConfigUpdateArgs { epoch_timing: Some(timing(24 * 3600 - 1)), ..Default::default() };
    assert_error(m.w.queue(update(below)), PayoutError::InvalidEpochTiming);
    m.w.govern(ConfigUpdateArgs { epoch_timing: Some(timing(24 * 3600)), ..Default::default() });
    let config: Config = m.w.svm.get(&pda::config());
    let params = |bps: u16| ChallengeParams { attestor_bond_bps: bps, ..config.challenge };
    let below = ConfigUpdateArgs { challenge: Some(params(999)), ..Default::default() };
    assert_error(m.w.queue(update(below)), PayoutError::InvalidChallengeParams);
    let free = ConfigUpdateArgs {
        challenge: Some(ChallengeParams { challenge_bond: 0, ..config.challenge }),
        ..Default::default()
    };
    assert_error(m.w.queue(update(free)), PayoutError::InvalidChallengeParams);
    m.w.govern(ConfigUpdateArgs { challenge: Some(params(1_000)), ..Default::default() });
    assert_eq!(m.w.svm.get::<Config>(&pda::config()).challenge.attestor_bond_bps, 1_000);
}

/// The scenario: an attestor posts a root, unstakes everything at once, and governance
/// shortens the cooldown to the floor. However the config changes, the stake that posted answers
/// until the root's challenge window and a challenge's resolution window are over
/// (`StakeStillSlashable`); then it leaves.
#[test]
fn a_stake_that_posted_a_root_stays_slashable_until_its_windows_are_over() {
    let mut m = market();
    m.w.govern(ConfigUpdateArgs {
        unstake_cooldown_secs: Some(EPOCH_TIMING.challenge_window_secs),
        ..Default::default()
    });
    let index = m.w.epoch_index();
    m.pay(4, 1);
    past_end(&mut m.w, index);
    let attestor = m.attestor.insecure_clone();
    let (_, nothing_allocated) = m.root(index, &[]);
    let posted: AttributionRootPosted = m.post(&attestor, index, nothing_allocated).unwrap().event();
    let key = attestor.pubkey();
    let stake: Stake = m.w.svm.get(&pda::stake(&key));
    let config: Config = m.w.svm.get(&pda::config());
    assert_eq!(stake.slashable_until, posted.claims_open_at + config.challenge.resolve_window_secs);
    m.w.step(&attestor, ixs::payout::stake_unstake_request(&key, stake.active), &[]);
    // The cooldown (a day) is over when the challenge window closes: still refused.
    m.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let open = m.w.open;
    let mine = m.w.open_ata(&key, 0);
    let withdraw = ixs::payout::stake_withdraw(&open, &key, &mine);
    assert_error(m.w.svm.run(&attestor, withdraw.clone(), &[]), PayoutError::StakeStillSlashable);
    // Governance can still slash it meanwhile.
    m.w.slash(&key, OPEN, 1).unwrap();
    m.w.svm.advance_time(config.challenge.resolve_window_secs);
    let before = m.w.svm.token_balance(&mine);
    m.w.svm.run(&attestor, withdraw, &[]).unwrap();
    assert_eq!(m.w.svm.token_balance(&mine) - before, stake.active - OPEN);
}

/// Who attests a datanet's share is the curator's to allow: the model owner naming an attestor is
/// not enough. Without the curator's approval (never given, or revoked) the root is refused and
/// nothing moves; with it, the same post goes through. Only the curator approves or revokes.
#[test]
fn only_an_attestor_the_curator_approved_can_post() {
    let mut m = market();
    let index = m.w.epoch_index();
    m.pay(4, 1);
    let (_, args) = m.root(index, &[(m.ca, 10)]);
    past_end(&mut m.w, index);
    let (attestor, curator, datanet) = (m.attestor.insecure_clone(), m.curator.insecure_clone(), m.datanet);
    let stranger = m.w.wallet();
    let revoke = ixs::datanet::attestor_revoke(&datanet, &stranger.pubkey(), &attestor.pubkey(), &curator.pubkey());
    assert_error(m.w.svm.run(&stranger, revoke, &[]), DatanetError::NotAuthority);
    let approve = ixs::datanet::attestor_approve(&datanet, &stranger.pubkey(), &stranger.pubkey());
    assert_error(m.w.svm.run(&stranger, approve, &[]), DatanetError::NotAuthority);
    let approval = pda::attestor_approval(&datanet, &attestor.pubkey());
    let rent = m.w.svm.lamports(&approval);
    let curator_before = m.w.svm.lamports(&curator.pubkey());
    let revoke = ixs::datanet::attestor_revoke(&datanet, &curator.pubkey(), &attestor.pubkey(), &curator.pubkey());
    m.w.svm.run(&stranger, revoke, &[&curator]).unwrap(); // the stranger pays the fee
    assert_eq!(m.w.svm.lamports(&curator.pubkey()), curator_before + rent, "the rent back to the curator");

    let bond_from = m.w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
    let before = m.w.svm.token_balance(&bond_from);
    assert_error(m.post(&attestor, index, args.clone()), PayoutError::AttestorNotApproved);
    assert_eq!((m.epoch(index).status, m.w.svm.token_balance(&bond_from)), (EpochStatus::Open, before));
    // Approved again, the same post goes through.
    m.w.approve_attestor(&curator, &datanet, &attestor.pubkey());
    let again = ixs::datanet::attestor_approve(&datanet, &curator.pubkey(), &attestor.pubkey());
    assert_error(m.w.svm.run(&curator, again, &[]), DatanetError::AttestorAlreadyApproved);
    m.post(&attestor, index, args).unwrap();
    assert_eq!(m.epoch(index).status, EpochStatus::Posted);
}

/// A channel's settlement is one record of the model's epoch: the channel for its request id, the
/// voucher's running hash of its calls for its output hash, the proof-attributed amount.
#[test]
fn a_channel_settlement_is_one_record_of_the_epoch() {
    let mut m = market();
    let (user, token, model, attestor) = (m.user.insecure_clone(), m.user_token, m.model, m.attestor.insecure_clone());
    let channel =
        m.w.open_channel(&user, &token, &model, &attestor.pubkey(), 1, 10 * 1_000_000, 86_400, &user.pubkey());
    let index = m.w.epoch_index();
    let voucher =
        attribution_payout::state::Voucher { sequence: 1, calls: 4, amount: 4_000_000, running_hash: [5; 32] };
    let ixs = m.w.settle_instructions(&channel, voucher, &user, &attestor.pubkey());
    let paid: InferencePaid = m.w.svm.send(&attestor, &ixs, &[]).unwrap().event();
    let epoch: Epoch = m.w.svm.get(&pda::epoch(&model, index));
    let amount = paid.lineage[0].amount;
    assert_eq!((paid.epoch, paid.record, epoch.record_count, epoch.accrued), (Some(index), Some(0), 1, amount));
    let expected = poa_merkle::records_hash_next(&RECORDS_HASH_START, &channel.to_bytes(), &[5; 32], amount);
    assert_eq!(epoch.records_hash, expected);
}
