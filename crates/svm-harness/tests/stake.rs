use attribution_payout::errors::PayoutError;
use attribution_payout::events::{StakeChange, StakeChanged};
use attribution_payout::state::Stake;
use svm_harness::token::TokenProgram;
use svm_harness::world::{World, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Signer};

#[test]
fn deposit_unstake_and_withdraw_after_the_cooldown() {
    let mut w = World::new(TokenProgram::Token);
    let op = w.wallet();
    let key = op.pubkey();
    w.step(&op, ixs::payout::stake_init(&key), &[]);
    let source = w.fund(&key, 50 * OPEN);
    let open = w.open;
    let done = w.step(&op, ixs::payout::stake_deposit(&open, &key, &source, 50 * OPEN), &[]);
    let event: StakeChanged = done.event();
    assert_eq!((event.kind, event.amount, event.active), (StakeChange::Deposit, 50 * OPEN, 50 * OPEN));
    assert_eq!(w.svm.token_balance(&pda::stake_vault()), 50 * OPEN);

    let done = w.step(&op, ixs::payout::stake_unstake_request(&key, 20 * OPEN), &[]);
    let unlock_at = w.svm.clock().unix_timestamp + 7 * 24 * 3600;
    let event: StakeChanged = done.event();
    assert_eq!((event.active, event.unstaking, event.unlock_at), (30 * OPEN, 20 * OPEN, unlock_at));
    assert_error(w.svm.run(&op, ixs::payout::stake_unstake_request(&key, 31 * OPEN), &[]), PayoutError::StakeTooLow);
    assert_error(w.svm.run(&op, ixs::payout::stake_unstake_request(&key, 0), &[]), PayoutError::ZeroAmount);

    let to = w.fund(&key, 0);
    assert_error(w.svm.run(&op, ixs::payout::stake_withdraw(&open, &key, &to), &[]), PayoutError::CooldownActive);
    w.svm.advance_time(7 * 24 * 3600);
    let done = w.step(&op, ixs::payout::stake_withdraw(&open, &key, &to), &[]);
    assert_eq!(done.event::<StakeChanged>().kind, StakeChange::Withdraw);
    assert_eq!(w.svm.token_balance(&to), 20 * OPEN);
    assert_eq!(w.svm.token_balance(&pda::stake_vault()), 30 * OPEN);
    let stake: Stake = w.svm.get(&pda::stake(&key));
    assert_eq!((stake.active, stake.unstaking), (30 * OPEN, 0));
    assert_error(w.svm.run(&op, ixs::payout::stake_withdraw(&open, &key, &to), &[]), PayoutError::NothingUnstaking);
}

#[test]
fn only_the_stakes_authority_moves_it() {
    let mut w = World::new(TokenProgram::Token);
    let op = w.wallet();
    let thief = w.wallet();
    w.operator(&op, 10 * OPEN);
    let open = w.open;
    let key = op.pubkey();
    let ix =
        with_metas(ixs::payout::stake_unstake_request(&thief.pubkey(), 10 * OPEN), |m| m[1].pubkey = pda::stake(&key));
    assert_error(w.svm.run(&thief, ix, &[]), PayoutError::NotStakeAuthority);
    w.step(&op, ixs::payout::stake_unstake_request(&key, 10 * OPEN), &[]);
    w.svm.advance_time(8 * 24 * 3600);
    let loot = w.fund(&thief.pubkey(), 0);
    let ix = with_metas(ixs::payout::stake_withdraw(&open, &thief.pubkey(), &loot), |m| m[3].pubkey = pda::stake(&key));
    assert_error(w.svm.run(&thief, ix, &[]), PayoutError::NotStakeAuthority);
    // To a token account the authority does not own.
    let ix = ixs::payout::stake_withdraw(&open, &key, &loot);
    assert_error(w.svm.run(&op, ix, &[]), PayoutError::NotOwnTokenAccount);
    // From the fee vault instead of the stake vault.
    let mine = w.fund(&key, 0);
    let ix = with_metas(ixs::payout::stake_withdraw(&open, &key, &mine), |m| m[1].pubkey = pda::vault());
    assert_error(w.svm.run(&op, ix, &[]), anchor_lang::error::ErrorCode::ConstraintHasOne);
    w.step(&op, ixs::payout::stake_withdraw(&open, &key, &mine), &[]);
    assert_eq!(w.svm.token_balance(&mine), 10 * OPEN);
}
