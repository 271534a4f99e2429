//! escrow_distribute, position_enroll, position_claim and earnings_claim against the .so.
use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::Pubkey;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::{EarningsClaimed, EscrowDistributed, PositionClaimed, PositionEnrolled};
use attribution_payout::state::{Earnings, EarningsRole, Escrow, Pool, Position};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::ModelKind;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Executed, Keypair, Signer};

struct Chain {
    w: World,
    curator: Keypair,
    data: Pubkey,
    /// Version 1 of `data`: alice's contribution `a` (weight 1) and bob's `b` (weight 3).
    v1: Pubkey,
    alice: Keypair,
    bob: Keypair,
    a: Pubkey,
    b: Pubkey,
    base: Pubkey,
    base_owner: Keypair,
    adapter: Pubkey,
    operator: Keypair,
    user: Keypair,
    user_token: Pubkey,
}

/// A base model citing version 1 of a curated datanet (alice's contribution at weight 1, bob's
/// at 3), paid through an adapter: the adapter's fees reach the base's escrow.
fn chain() -> Chain {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let data = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let (alice, bob) = (w.wallet(), w.wallet());
    let a = w.contribute(&data, &alice, b"alice's data");
    let b = w.contribute(&data, &bob, b"bob's data");
    w.accept(&data, &curator, &a, 1);
    w.accept(&data, &curator, &b, 3);
    let v1 = w.publish_version(&curator, &data);
    let base_owner = w.wallet();
    let base = w.model(
        &base_owner,
        1,
        ModelKind::Base,
        None,
        10,
        Shares { entries: vec![datanet_entry(data, v1, 5_000)], owner_bps: 4_000, operator_bps: 1_000 },
    );
    let builder = w.wallet();
    let adapter = w.model(
        &builder,
        1,
        ModelKind::Adapter,
        Some(base),
        1_000,
        Shares { entries: vec![model_entry(base, 3_000)], owner_bps: 6_000, operator_bps: 1_000 },
    );
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    Chain { w, curator, data, v1, alice, bob, a, b, base, base_owner, adapter, operator, user, user_token }
}

impl Chain {
    fn pay(&mut self, model: &Pubkey, calls: u64) -> Executed {
        let (user, user_token, operator) =
            (self.user.insecure_clone(), self.user_token, self.operator.insecure_clone());
        self.w.pay(&user, &user_token, model, &operator, calls).unwrap()
    }

    /// What the position of `contribution` in `version`'s pool may claim now.
    fn pending(&self, version: &Pubkey, contribution: &Pubkey) -> u64 {
        let pool: Pool = self.w.svm.get(&pda::pool(version));
        let position: Position = self.w.svm.get(&pda::position(&pda::pool(version), contribution));
        position.pending(pool.reward_per_weight).unwrap().0
    }
}

/// Alice's positions in three pools of two datanets: `data` versions 1 and 2 (her contribution
/// `a`) and version 1 of a second datanet (her contribution `a2`), each credited by a payment.
struct Spread {
    v2: Pubkey,
    s1: Pubkey,
    a2: Pubkey,
    positions: Vec<(Pubkey, Pubkey)>,
}

fn spread(c: &mut Chain) -> Spread {
    let curator = c.curator.insecure_clone();
    let (alice, bob) = (c.alice.insecure_clone(), c.bob.insecure_clone());
    let second = c.w.datanet(&curator, 2, DatanetPolicy::Curated);
    let a2 = c.w.contribute(&second, &alice, b"alice's second data");
    let b2 = c.w.contribute(&second, &bob, b"bob's second data");
    c.w.accept(&second, &curator, &a2, 5);
    c.w.accept(&second, &curator, &b2, 5);
    let s1 = c.w.publish_version(&curator, &second);
    let carol = c.w.wallet();
    let cc = c.w.contribute(&c.data, &carol, b"carol's data");
    c.w.accept(&c.data, &curator, &cc, 4);
    let v2 = c.w.publish_version(&curator, &c.data);
    // A fine-tune citing version 2 of `data` and version 1 of the second datanet.
    let tune_owner = c.w.wallet();
    let entries = vec![datanet_entry(c.data, v2, 3_000), datanet_entry(second, s1, 2_000)];
    let tune = c.w.model(
        &tune_owner,
        2,
        ModelKind::FineTune,
        None,
        1_000,
        Shares { entries, owner_bps: 4_000, operator_bps: 1_000 },
    );
    let base = c.base;
    c.pay(&base, 4);
    c.pay(&tune, 3);
    let positions = vec![(c.v1, c.a), (v2, c.a), (s1, a2)];
    for (version, contribution) in &positions {
        c.w.enroll(&alice, version, contribution);
    }
    c.w.enroll(&bob, &c.v1, &c.b);
    Spread { v2, s1, a2, positions }
}

#[test]
fn the_crank_applies_the_upstream_models_own_split() {
    let mut c = chain();
    let adapter = c.adapter;
    c.pay(&adapter, 1);
    let escrowed = c.w.svm.get::<Escrow>(&pda::escrow(&c.base)).balance;
    let rest = 1_000 - 1_000 * 250 / 10_000;
    assert_eq!(escrowed, rest * 3_000 / 10_000);

    let cranker = c.w.wallet();
    let done = c.w.distribute(&cranker, &c.base).unwrap();
    let event: EscrowDistributed = done.event();
    // No second protocol fee; the operator share goes to the base's owner.
    assert_eq!(event.amount, escrowed);
    assert_eq!(event.owner_amount, escrowed * 4_000 / 10_000 + escrowed * 1_000 / 10_000);
    assert_eq!(event.lineage[0].amount, escrowed * 5_000 / 10_000);
    assert_eq!(event.owner_amount + event.lineage[0].amount + event.dust, escrowed);
    let escrow: Escrow = c.w.svm.get(&pda::escrow(&c.base));
    assert_eq!((escrow.balance, escrow.total_received, escrow.total_distributed), (0, escrowed, escrowed));
    let owner: Earnings = c.w.svm.get(&pda::earnings(&c.base_owner.pubkey(), EarningsRole::ModelOwner));
    assert_eq!(owner.balance, event.owner_amount);
    // Nobody has enrolled yet: the share went to the cited version's pool all the same, and it
    // is already its contributions' own, by weight.
    let credited = event.lineage[0].amount;
    let pool: Pool = c.w.svm.get(&pda::pool(&c.v1));
    assert_eq!((pool.total_credited, pool.total_claimed, pool.positions), (credited, 0, 0));
    assert_eq!((pool.total_weight, pool.enrolled_weight, pool.datanet_version), (4, 0, c.v1));
    let (alice, bob, a, b, v1) = (c.alice.insecure_clone(), c.bob.insecure_clone(), c.a, c.b, c.v1);
    c.w.enroll(&alice, &v1, &a);
    c.w.enroll(&bob, &v1, &b);
    let (alice_token, bob_token) = (c.w.fund(&alice.pubkey(), 0), c.w.fund(&bob.pubkey(), 0));
    c.w.claim_position(&alice, &v1, &a, &alice_token).unwrap();
    c.w.claim_position(&bob, &v1, &b, &bob_token).unwrap();
    assert_eq!(c.w.svm.token_balance(&alice_token), credited / 4);
    assert_eq!(c.w.svm.token_balance(&bob_token), credited * 3 / 4);

    assert_error(c.w.distribute(&cranker, &c.base), PayoutError::NothingToDistribute);
}

#[test]
fn the_crank_refuses_mismatched_accounts() {
    let mut c = chain();
    let adapter = c.adapter;
    c.pay(&adapter, 1);
    let cranker = c.w.wallet();
    let base_state = c.w.svm.get(&c.base);
    let treasury = c.w.treasury.pubkey();
    // The pool of another version of the same datanet (with another contribution in it) for the
    // base's entry, which cites version 1.
    let curator = c.curator.insecure_clone();
    let carol = c.w.wallet();
    let late = c.w.contribute(&c.data, &carol, b"carol's data");
    c.w.accept(&c.data, &curator, &late, 1_000);
    let v2 = c.w.publish_version(&curator, &c.data);
    let ix =
        with_metas(ixs::payout::escrow_distribute(&treasury, &c.base, &base_state), |a| a[5].pubkey = pda::pool(&v2));
    assert_error(c.w.svm.run(&cranker, ix, &[]), PayoutError::LineageAccountMismatch);
    // The adapter's escrow with the base model (has_one).
    let ix = with_metas(ixs::payout::escrow_distribute(&treasury, &c.base, &base_state), |a| {
        a[1].pubkey = pda::escrow(&c.adapter)
    });
    assert_error(c.w.svm.run(&cranker, ix, &[]), Anchor::ConstraintHasOne);
    // The cranker's own earnings as the owner's.
    c.w.ensure_earnings(&cranker, EarningsRole::ModelOwner);
    let ix = with_metas(ixs::payout::escrow_distribute(&treasury, &c.base, &base_state), |a| {
        a[4].pubkey = pda::earnings(&cranker.pubkey(), EarningsRole::ModelOwner)
    });
    assert_error(c.w.svm.run(&cranker, ix, &[]), PayoutError::WrongEarnings);
    assert_eq!(c.w.svm.get::<Pool>(&pda::pool(&v2)).total_credited, 0);
}

#[test]
fn enrolment_needs_a_contribution_the_versions_pool_contains_once() {
    let mut c = chain();
    let curator = c.curator.insecure_clone();
    let contributor = c.w.wallet();
    let v1 = c.v1;
    let pending = c.w.contribute(&c.data, &contributor, b"pending");
    let ix = ixs::payout::position_enroll(&contributor.pubkey(), &v1, &pending);
    assert_error(c.w.svm.run(&contributor, ix, &[]), PayoutError::ContributionNotAccepted);
    c.w.accept(&c.data, &curator, &pending, 7);
    // Accepted after version 1 was published: not in it, whatever its weight.
    let ix = ixs::payout::position_enroll(&contributor.pubkey(), &v1, &pending);
    assert_error(c.w.svm.run(&contributor, ix, &[]), PayoutError::NotInVersion);
    // Into the pool of another datanet's version.
    let other = c.w.datanet(&curator, 2, DatanetPolicy::Open { weight: 1 });
    c.w.contribute(&other, &contributor, b"other");
    let other_v1 = c.w.publish_version(&curator, &other);
    let ix = ixs::payout::position_enroll(&contributor.pubkey(), &other_v1, &pending);
    assert_error(c.w.svm.run(&contributor, ix, &[]), PayoutError::WrongPool);

    // Version 2 contains it.
    let v2 = c.w.publish_version(&curator, &c.data);
    let anyone = c.w.wallet();
    let done = c.w.enroll(&anyone, &v2, &pending);
    let event: PositionEnrolled = done.event();
    assert_eq!((event.pool, event.weight, event.pool_enrolled_weight), (pda::pool(&v2), 7, 7));
    assert_eq!(event.beneficiary, contributor.pubkey());
    let position: Position = c.w.svm.get(&pda::position(&pda::pool(&v2), &pending));
    assert_eq!((position.weight, position.beneficiary, position.total_claimed), (7, contributor.pubkey(), 0));
    assert_eq!((position.pool, position.reward_checkpoint), (pda::pool(&v2), 0));
    // Twice is refused, and changes nothing.
    let again = ixs::payout::position_enroll(&anyone.pubkey(), &v2, &pending);
    assert_error(c.w.svm.run(&anyone, again, &[]), PayoutError::AlreadyEnrolled);
    let pool2: Pool = c.w.svm.get(&pda::pool(&v2));
    assert_eq!((pool2.total_weight, pool2.enrolled_weight, pool2.positions, pool2.accepted_end), (11, 7, 1, 3));
    // A contribution of both versions has a position in each, independently.
    let (alice, a) = (c.alice.insecure_clone(), c.a);
    c.w.enroll(&alice, &v1, &a);
    c.w.enroll(&alice, &v2, &a);
    let pool1: Pool = c.w.svm.get(&pda::pool(&v1));
    assert_eq!((pool1.total_weight, pool1.enrolled_weight, pool1.positions), (4, 1, 1));
    assert_eq!(c.w.svm.get::<Pool>(&pda::pool(&v2)).enrolled_weight, 8);
    // Once per version: the position's address is taken.
    let again = c.w.svm.run(&anyone, ixs::payout::position_enroll(&anyone.pubkey(), &v2, &a), &[]);
    assert_error(again, PayoutError::AlreadyEnrolled);
    assert_eq!(c.w.svm.get::<Pool>(&pda::pool(&v2)).enrolled_weight, 8);
}

#[test]
fn contributors_claim_exactly_their_share_and_only_theirs() {
    let mut c = chain();
    let (alice, bob, a, b, v1, base) = (c.alice.insecure_clone(), c.bob.insecure_clone(), c.a, c.b, c.v1, c.base);

    // Paid before anyone enrolled: nothing waits for an enrolment, the fee is already the
    // version's contributors', 1:3; enrolling late (in any order) loses nothing.
    let paid = c.pay(&base, 4);
    let first = paid.event::<attribution_payout::events::InferencePaid>().lineage[0].amount;
    assert_eq!(first, payout_math::bps_of(40 - payout_math::bps_of(40, 250), 5_000));
    c.w.enroll(&bob, &v1, &b);
    c.w.enroll(&alice, &v1, &a);
    let (alice_token, bob_token) = (c.w.fund(&alice.pubkey(), 0), c.w.fund(&bob.pubkey(), 0));
    let done = c.w.claim_position(&alice, &v1, &a, &alice_token).unwrap();
    let claimed: PositionClaimed = done.event();
    assert_eq!((claimed.amount, claimed.total_claimed, claimed.beneficiary), (first / 4, first / 4, alice.pubkey()));
    assert_eq!(c.w.svm.token_balance(&alice_token), first / 4);
    c.w.claim_position(&bob, &v1, &b, &bob_token).unwrap();
    assert_eq!(c.w.svm.token_balance(&bob_token), first * 3 / 4);
    assert_error(c.w.claim_position(&bob, &v1, &b, &bob_token), PayoutError::NothingToClaim);

    // Later fees are split 1:3 too; over both payments each gets its weight's share of the
    // total to the base unit (the pool's weight, 4, divides 2^64 exactly).
    c.pay(&base, 8);
    let total = first + payout_math::bps_of(80 - payout_math::bps_of(80, 250), 5_000);
    c.w.claim_position(&bob, &v1, &b, &bob_token).unwrap();
    c.w.claim_position(&alice, &v1, &a, &alice_token).unwrap();
    let (alice_got, bob_got) = (c.w.svm.token_balance(&alice_token), c.w.svm.token_balance(&bob_token));
    assert_eq!((alice_got, bob_got), (total / 4, total * 3 / 4));
    let pool: Pool = c.w.svm.get(&pda::pool(&v1));
    assert_eq!((pool.total_credited, pool.total_claimed), (total, alice_got + bob_got));

    // A claim by someone else, into the thief's account, or into an account the beneficiary
    // does not own.
    c.pay(&base, 8);
    let thief = c.w.wallet();
    let thief_token = c.w.fund(&thief.pubkey(), 0);
    let open = c.w.open;
    let ix = ixs::payout::position_claim(&open, &thief.pubkey(), &thief_token, &[(v1, a)]);
    assert_error(c.w.svm.run(&thief, ix, &[]), PayoutError::NotBeneficiary);
    let ix = ixs::payout::position_claim(&open, &alice.pubkey(), &thief_token, &[(v1, a)]);
    assert_error(c.w.svm.run(&alice, ix, &[]), PayoutError::NotOwnTokenAccount);
    // A claim from a foreign vault.
    let ix = with_metas(ixs::payout::position_claim(&open, &alice.pubkey(), &alice_token, &[(v1, a)]), |m| {
        m[1].pubkey = pda::stake_vault()
    });
    assert_error(c.w.svm.run(&alice, ix, &[]), Anchor::ConstraintHasOne);
    assert_eq!(c.w.svm.token_balance(&thief_token), 0);
    assert_eq!(c.w.svm.token_balance(&alice_token), alice_got);
}

#[test]
fn one_claim_pays_every_position_of_a_wallet_across_datanets_and_versions_in_one_transfer() {
    let mut c = chain();
    let s = spread(&mut c);
    let alice = c.alice.insecure_clone();
    let expected: Vec<u64> = s.positions.iter().map(|(v, k)| c.pending(v, k)).collect();
    assert!(expected.iter().all(|&e| e > 0), "every position has something to claim: {expected:?}");
    let to = c.w.fund(&alice.pubkey(), 0);
    let done = c.w.claim_positions(&alice, &s.positions, &to).unwrap();

    let events: Vec<PositionClaimed> = done.events();
    let paid: Vec<(Pubkey, Pubkey, u64)> = events.iter().map(|e| (e.position, e.pool, e.amount)).collect();
    let wanted: Vec<(Pubkey, Pubkey, u64)> = s
        .positions
        .iter()
        .zip(&expected)
        .map(|((v, k), amount)| (pda::position(&pda::pool(v), k), pda::pool(v), *amount))
        .collect();
    assert_eq!(paid, wanted, "one event per position, in order");
    let sum: u64 = expected.iter().sum();
    assert_eq!(c.w.svm.token_balance(&to), sum);
    // One token transfer for all of them.
    let token_program = c.w.open.token_program;
    let transfers = done.logs.iter().filter(|l| **l == format!("Program {token_program} invoke [2]")).count();
    assert_eq!(transfers, 1, "{:#?}", done.logs);
    for ((version, contribution), amount) in s.positions.iter().zip(&expected) {
        let position: Position = c.w.svm.get(&pda::position(&pda::pool(version), contribution));
        assert_eq!(position.total_claimed, *amount);
        let pool: Pool = c.w.svm.get(&pda::pool(version));
        assert_eq!(pool.total_claimed, *amount, "only alice claimed from {version}");
    }
    assert_error(c.w.claim_positions(&alice, &s.positions, &to), PayoutError::NothingToClaim);
}

#[test]
fn a_repeated_pair_pays_once_and_pairs_that_do_not_match_are_refused() {
    let mut c = chain();
    let s = spread(&mut c);
    let (alice, a, b, v1) = (c.alice.insecure_clone(), c.a, c.b, c.v1);
    let to = c.w.fund(&alice.pubkey(), 0);
    let open = c.w.open;
    let claim = |pairs: &[(Pubkey, Pubkey)]| ixs::payout::position_claim(&open, &alice.pubkey(), &to, pairs);

    // The pool of another version of the same datanet (which pays more per weight) after a
    // position of version 1.
    let ix = with_metas(claim(&[(v1, a)]), |m| m[7].pubkey = pda::pool(&s.v2));
    assert_error(c.w.svm.run(&alice, ix, &[]), PayoutError::ClaimAccountMismatch);
    // An odd number of accounts, and none.
    let ix = with_metas(claim(&[(v1, a), (s.s1, s.a2)]), |m| {
        m.pop();
    });
    assert_error(c.w.svm.run(&alice, ix, &[]), PayoutError::ClaimAccountMismatch);
    assert_error(c.w.svm.run(&alice, claim(&[]), &[]), PayoutError::ClaimAccountMismatch);
    // A read-only position, or pool, could not record the claim.
    let ix = with_metas(claim(&[(v1, a)]), |m| m[6].is_writable = false);
    assert_error(c.w.svm.run(&alice, ix, &[]), PayoutError::ClaimAccountMismatch);
    let ix = with_metas(claim(&[(v1, a)]), |m| m[7].is_writable = false);
    assert_error(c.w.svm.run(&alice, ix, &[]), PayoutError::ClaimAccountMismatch);
    // Another wallet's position among her own.
    assert_error(c.w.svm.run(&alice, claim(&[(v1, a), (v1, b)]), &[]), PayoutError::NotBeneficiary);
    assert_eq!(c.w.svm.token_balance(&to), 0, "nothing was paid");
    for (version, contribution) in &s.positions {
        let position: Position = c.w.svm.get(&pda::position(&pda::pool(version), contribution));
        assert_eq!(position.total_claimed, 0);
    }

    // The same pair twice: the second finds the position already claimed and pays nothing.
    let once = c.pending(&v1, &a);
    assert!(once > 0);
    let done = c.w.svm.run(&alice, claim(&[(v1, a), (v1, a)]), &[]).unwrap();
    assert_eq!(done.event::<PositionClaimed>().amount, once);
    assert_eq!(c.w.svm.token_balance(&to), once);
    let pool: Pool = c.w.svm.get(&pda::pool(&v1));
    assert_eq!(pool.total_claimed, once);
    assert_eq!(c.pending(&v1, &a), 0);
}

#[test]
fn earners_claim_their_whole_balance_once() {
    let mut c = chain();
    let adapter = c.adapter;
    let operator = c.operator.insecure_clone();
    c.pay(&adapter, 5);
    let owed = c.w.svm.get::<Earnings>(&pda::earnings(&operator.pubkey(), EarningsRole::Operator)).balance;
    assert!(owed > 0);
    let to = c.w.fund(&operator.pubkey(), 0);
    let done = c.w.claim_earnings(&operator, EarningsRole::Operator, &to).unwrap();
    let event: EarningsClaimed = done.event();
    assert_eq!((event.amount, event.total_claimed, event.role), (owed, owed, EarningsRole::Operator));
    assert_eq!(c.w.svm.token_balance(&to), owed);
    let e: Earnings = c.w.svm.get(&pda::earnings(&operator.pubkey(), EarningsRole::Operator));
    assert_eq!((e.balance, e.total_earned, e.total_claimed), (0, owed, owed));
    assert_error(c.w.claim_earnings(&operator, EarningsRole::Operator, &to), PayoutError::NothingToClaim);

    // The treasury's earnings, claimed by someone else.
    let thief = c.w.wallet();
    let thief_token = c.w.fund(&thief.pubkey(), 0);
    let open = c.w.open;
    let treasury = c.w.treasury.pubkey();
    let ix =
        with_metas(ixs::payout::earnings_claim(&open, &thief.pubkey(), EarningsRole::Treasury, &thief_token), |m| {
            m[3].pubkey = pda::earnings(&treasury, EarningsRole::Treasury)
        });
    assert_error(c.w.svm.run(&thief, ix, &[]), PayoutError::NotBeneficiary);
    let unsigned =
        with_metas(ixs::payout::earnings_claim(&open, &treasury, EarningsRole::Treasury, &thief_token), |m| {
            m[4].is_signer = false
        });
    assert_error(c.w.svm.run(&thief, unsigned, &[]), Anchor::AccountNotSigner);
}
