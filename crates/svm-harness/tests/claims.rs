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
use svm_harness::{assert_error, ixs, pda, with_metas, Keypair, Signer};

struct Chain {
    w: World,
    curator: Keypair,
    data: Pubkey,
    base: Pubkey,
    base_owner: Keypair,
    adapter: Pubkey,
    operator: Keypair,
    user: Keypair,
    user_token: Pubkey,
}

/// A base model paid through an adapter: the adapter's fees reach the base's escrow.
fn chain() -> Chain {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let data = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let base_owner = w.wallet();
    let base = w.model(
        &base_owner,
        1,
        ModelKind::Base,
        None,
        10,
        Shares { entries: vec![datanet_entry(data, 5_000)], owner_bps: 4_000, operator_bps: 1_000 },
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
    Chain { w, curator, data, base, base_owner, adapter, operator, user, user_token }
}

#[test]
fn the_crank_applies_the_upstream_models_own_split() {
    let mut c = chain();
    let (user, user_token, adapter, operator) = (c.user.insecure_clone(), c.user_token, c.adapter, c.operator.pubkey());
    c.w.pay(&user, &user_token, &adapter, &operator, 1).unwrap();
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
    // The datanet has no enrolled weight yet: its share waits in the pool.
    let pool: Pool = c.w.svm.get(&pda::pool(&c.data));
    assert_eq!((pool.undistributed, pool.total_credited), (event.lineage[0].amount, event.lineage[0].amount));

    assert_error(c.w.distribute(&cranker, &c.base), PayoutError::NothingToDistribute);
}

#[test]
fn the_crank_refuses_mismatched_accounts() {
    let mut c = chain();
    let (user, user_token, adapter, operator) = (c.user.insecure_clone(), c.user_token, c.adapter, c.operator.pubkey());
    c.w.pay(&user, &user_token, &adapter, &operator, 1).unwrap();
    let cranker = c.w.wallet();
    let base_state = c.w.svm.get(&c.base);
    let treasury = c.w.treasury.pubkey();
    // Another datanet's pool for the base's datanet entry.
    let other = c.w.datanet(&c.curator.insecure_clone(), 2, DatanetPolicy::Curated);
    let ix = with_metas(ixs::payout::escrow_distribute(&treasury, &c.base, &base_state), |a| {
        a[5].pubkey = pda::pool(&other)
    });
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
}

#[test]
fn enrolment_needs_an_accepted_contribution_of_the_pools_datanet_once() {
    let mut c = chain();
    let curator = c.curator.insecure_clone();
    let contributor = c.w.wallet();
    let pending = c.w.contribute(&c.data, &contributor, b"pending");
    let ix = ixs::payout::position_enroll(&contributor.pubkey(), &c.data, &pending);
    assert_error(c.w.svm.run(&contributor, ix, &[]), PayoutError::ContributionNotAccepted);
    c.w.accept(&c.data, &curator, &pending, 7);
    // Into another datanet's pool.
    let other = c.w.datanet(&curator, 2, DatanetPolicy::Curated);
    let ix = ixs::payout::position_enroll(&contributor.pubkey(), &other, &pending);
    assert_error(c.w.svm.run(&contributor, ix, &[]), PayoutError::WrongPool);

    let anyone = c.w.wallet();
    let done = c.w.enroll(&anyone, &c.data, &pending);
    let event: PositionEnrolled = done.event();
    assert_eq!((event.weight, event.pool_total_weight, event.beneficiary), (7, 7, contributor.pubkey()));
    let position: Position = c.w.svm.get(&pda::position(&pending));
    assert_eq!((position.weight, position.beneficiary, position.total_claimed), (7, contributor.pubkey(), 0));
    // Twice is a re-initialisation.
    let again =
        c.w.svm.run(&anyone, ixs::payout::position_enroll(&anyone.pubkey(), &c.data, &pending), &[]).unwrap_err();
    assert!(again.logs().iter().any(|l| l.contains("already in use")));
    assert_eq!(c.w.svm.get::<Pool>(&pda::pool(&c.data)).total_weight, 7);
}

#[test]
fn contributors_claim_exactly_their_share_and_only_theirs() {
    let mut c = chain();
    let curator = c.curator.insecure_clone();
    let (alice, bob) = (c.w.wallet(), c.w.wallet());
    let a = c.w.contribute(&c.data, &alice, b"alice's data");
    let b = c.w.contribute(&c.data, &bob, b"bob's data");
    c.w.accept(&c.data, &curator, &a, 1);
    c.w.accept(&c.data, &curator, &b, 3);
    let (user, user_token, operator, base) = (c.user.insecure_clone(), c.user_token, c.operator.pubkey(), c.base);

    // Paid before anyone enrolled: the share waits, and the first enrolment releases it.
    c.w.pay(&user, &user_token, &base, &operator, 4).unwrap();
    let waiting = c.w.svm.get::<Pool>(&pda::pool(&c.data)).undistributed;
    assert!(waiting > 0);
    let done = c.w.enroll(&alice, &c.data, &a);
    assert_eq!(done.event::<PositionEnrolled>().released, waiting);
    c.w.enroll(&bob, &c.data, &b);

    let (alice_token, bob_token) = (c.w.fund(&alice.pubkey(), 0), c.w.fund(&bob.pubkey(), 0));
    let done = c.w.claim_position(&alice, &c.data, &a, &alice_token).unwrap();
    assert_eq!(done.event::<PositionClaimed>().amount, waiting);
    assert_eq!(c.w.svm.token_balance(&alice_token), waiting);
    // Bob enrolled after: nothing of it is his.
    assert_error(c.w.claim_position(&bob, &c.data, &b, &bob_token), PayoutError::NothingToClaim);

    // Later fees are split 1:3.
    c.w.pay(&user, &user_token, &base, &operator, 8).unwrap();
    // 8 calls at 10, less the 2.5 % protocol fee, half of the rest to the datanet.
    let share = payout_math::bps_of(80 - payout_math::bps_of(80, 250), 5_000);
    c.w.claim_position(&bob, &c.data, &b, &bob_token).unwrap();
    c.w.claim_position(&alice, &c.data, &a, &alice_token).unwrap();
    let (alice_got, bob_got) = (c.w.svm.token_balance(&alice_token) - waiting, c.w.svm.token_balance(&bob_token));
    assert!(alice_got + bob_got <= share && share - (alice_got + bob_got) <= 2, "{alice_got} + {bob_got} of {share}");
    assert!(bob_got >= 3 * alice_got && bob_got <= 3 * alice_got + 3);

    // A claim by someone else, into the thief's account, or into an account the beneficiary
    // does not own.
    let thief = c.w.wallet();
    let thief_token = c.w.fund(&thief.pubkey(), 0);
    let open = c.w.open;
    let ix = ixs::payout::position_claim(&open, &c.data, &a, &thief.pubkey(), &thief_token);
    assert_error(c.w.svm.run(&thief, ix, &[]), PayoutError::NotBeneficiary);
    let ix = ixs::payout::position_claim(&open, &c.data, &a, &alice.pubkey(), &thief_token);
    assert_error(c.w.svm.run(&alice, ix, &[]), PayoutError::NotOwnTokenAccount);
    // Against another pool (whose accumulator would pay more).
    let other = c.w.datanet(&curator, 2, DatanetPolicy::Curated);
    let ix = with_metas(ixs::payout::position_claim(&open, &c.data, &a, &alice.pubkey(), &alice_token), |m| {
        m[4].pubkey = pda::pool(&other)
    });
    assert_error(c.w.svm.run(&alice, ix, &[]), Anchor::ConstraintHasOne);
    // A claim from a foreign vault.
    let ix = with_metas(ixs::payout::position_claim(&open, &c.data, &a, &alice.pubkey(), &alice_token), |m| {
        m[1].pubkey = pda::stake_vault()
    });
    assert_error(c.w.svm.run(&alice, ix, &[]), Anchor::ConstraintHasOne);
}

#[test]
fn earners_claim_their_whole_balance_once() {
    let mut c = chain();
    let (user, user_token, adapter, operator) =
        (c.user.insecure_clone(), c.user_token, c.adapter, c.operator.insecure_clone());
    c.w.pay(&user, &user_token, &adapter, &operator.pubkey(), 5).unwrap();
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
