use attribution_payout::errors::PayoutError;
use attribution_payout::events::{StakeChange, StakeChanged, StakeSlashed};
use attribution_payout::state::{ConfigUpdateArgs, Earnings, EarningsRole, GovernanceAction, Stake};
use svm_harness::token::TokenProgram;
use svm_harness::world::{World, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Pubkey, Signer};

const SLASH_REASON: u16 = 7;

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

#[test]
fn a_queued_slash_takes_active_then_unstaking_stake_to_the_treasury() {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut w = World::new(program);
        let op = w.wallet();
        let key = op.pubkey();
        w.operator(&op, 1_000 * OPEN);
        w.step(&op, ixs::payout::stake_unstake_request(&key, 300 * OPEN), &[]);
        let (open, gov, treasury) = (w.open, w.governance.insecure_clone(), w.treasury.pubkey());

        // 800 OPEN queued: locked at once, executable after the delay, by anyone.
        let slash = GovernanceAction::Slash { stake: pda::stake(&key), amount: 800 * OPEN, reason: SLASH_REASON };
        let id = w.queue(slash).unwrap();
        assert_eq!(w.svm.get::<Stake>(&pda::stake(&key)).locked, 800 * OPEN);
        let anyone = w.wallet();
        let slash = ixs::payout::stake_slash(&open, id, &gov.pubkey(), &treasury, &key);
        assert_error(w.svm.run(&anyone, slash.clone(), &[]), PayoutError::ActionNotReady);
        assert_eq!(w.svm.token_balance(&pda::stake_vault()), 1_000 * OPEN);
        w.wait_timelock();
        let rent = w.svm.lamports(&pda::action(id));
        let gov_before = w.svm.lamports(&gov.pubkey());
        // All 700 active, then 100 of the 300 unstaking.
        let done = w.step(&anyone, slash.clone(), &[]);
        let event: StakeSlashed = done.event();
        assert_eq!(
            (event.stake, event.authority, event.action, event.amount, event.reason, event.active, event.unstaking),
            (pda::stake(&key), key, pda::action(id), 800 * OPEN, SLASH_REASON, 0, 200 * OPEN)
        );
        let stake: Stake = w.svm.get(&pda::stake(&key));
        assert_eq!((stake.active, stake.unstaking, stake.locked), (0, 200 * OPEN, 0));
        assert_eq!(w.svm.token_balance(&pda::stake_vault()), 200 * OPEN);
        assert_eq!(w.svm.token_balance(&pda::vault()), 800 * OPEN);
        let earnings: Earnings = w.svm.get(&pda::earnings(&treasury, EarningsRole::Treasury));
        assert_eq!((earnings.balance, earnings.total_earned), (800 * OPEN, 800 * OPEN));
        // The action is gone, its rent back to the admin that queued it; it cannot run twice.
        assert!(w.svm.account(&pda::action(id)).is_none());
        assert_eq!(w.svm.lamports(&gov.pubkey()), gov_before + rent);
        assert_error(w.svm.run(&anyone, slash, &[]), anchor_lang::error::ErrorCode::AccountNotInitialized);

        // More than is left, or nothing: refused when queued, nothing moves.
        let more = GovernanceAction::Slash { stake: pda::stake(&key), amount: 200 * OPEN + 1, reason: 1 };
        assert_error(w.queue(more), PayoutError::SlashAboveStake);
        let zero = GovernanceAction::Slash { stake: pda::stake(&key), amount: 0, reason: 1 };
        assert_error(w.queue(zero), PayoutError::ZeroAmount);
        assert_eq!(w.svm.token_balance(&pda::stake_vault()), 200 * OPEN);

        // The treasury claims the slashed stake like any other earnings; the operator withdraws
        // what was left of its unstaking stake after the cooldown.
        let treasury_wallet = w.treasury.insecure_clone();
        let to = w.fund(&treasury, 0);
        w.claim_earnings(&treasury_wallet, EarningsRole::Treasury, &to).expect("treasury claim");
        assert_eq!(w.svm.token_balance(&to), 800 * OPEN);
        w.svm.advance_time(7 * 24 * 3600);
        let mine = w.fund(&key, 0);
        w.step(&op, ixs::payout::stake_withdraw(&open, &key, &mine), &[]);
        assert_eq!(w.svm.token_balance(&mine), 200 * OPEN);
        assert_eq!(w.svm.token_balance(&pda::stake_vault()), 0);
    }
}

/// The operator sees the slash coming and tries to leave with its stake: what the slash names
/// stays (`StakeLockedBySlash`) until the slash executes or is cancelled; the same withdrawal goes
/// through after either.
#[test]
fn a_queued_slash_cannot_be_dodged_by_withdrawing() {
    let mut w = World::new(TokenProgram::Token);
    let op = w.wallet();
    let key = op.pubkey();
    w.operator(&op, 1_000 * OPEN);
    let (open, gov, treasury) = (w.open, w.governance.insecure_clone(), w.treasury.pubkey());
    let id = w.queue(GovernanceAction::Slash { stake: pda::stake(&key), amount: 600 * OPEN, reason: 1 }).unwrap();
    // Everything unstaked; after the cooldown the withdrawal would leave nothing for the slash.
    w.step(&op, ixs::payout::stake_unstake_request(&key, 1_000 * OPEN), &[]);
    w.svm.advance_time(7 * 24 * 3600);
    let mine = w.fund(&key, 0);
    let withdraw = ixs::payout::stake_withdraw(&open, &key, &mine);
    assert_error(w.svm.run(&op, withdraw.clone(), &[]), PayoutError::StakeLockedBySlash);
    assert_eq!((w.svm.token_balance(&mine), w.svm.token_balance(&pda::stake_vault())), (0, 1_000 * OPEN));
    // The slash executes; what is left is the operator's.
    w.step(&op, ixs::payout::stake_slash(&open, id, &gov.pubkey(), &treasury, &key), &[]);
    w.step(&op, withdraw.clone(), &[]);
    assert_eq!((w.svm.token_balance(&mine), w.svm.token_balance(&pda::stake_vault())), (400 * OPEN, 0));

    // A second operator: the guardian cancels the slash, the lock goes with it.
    let other = w.wallet();
    let okey = other.pubkey();
    w.operator(&other, 1_000 * OPEN);
    let id = w.queue(GovernanceAction::Slash { stake: pda::stake(&okey), amount: 600 * OPEN, reason: 1 }).unwrap();
    w.step(&other, ixs::payout::stake_unstake_request(&okey, 1_000 * OPEN), &[]);
    w.svm.advance_time(7 * 24 * 3600);
    let theirs = w.fund(&okey, 0);
    let withdraw = ixs::payout::stake_withdraw(&open, &okey, &theirs);
    assert_error(w.svm.run(&other, withdraw.clone(), &[]), PayoutError::StakeLockedBySlash);
    // Cancelling needs the stake the slash named, to unlock it.
    let without = ixs::payout::action_cancel(&gov.pubkey(), id, &gov.pubkey(), None);
    assert_error(w.svm.run(&gov, without, &[]), PayoutError::WrongStake);
    let wrong = ixs::payout::action_cancel(&gov.pubkey(), id, &gov.pubkey(), Some(pda::stake(&key)));
    assert_error(w.svm.run(&gov, wrong, &[]), PayoutError::WrongStake);
    w.step(&gov, ixs::payout::action_cancel(&gov.pubkey(), id, &gov.pubkey(), Some(pda::stake(&okey))), &[]);
    assert_eq!(w.svm.get::<Stake>(&pda::stake(&okey)).locked, 0);
    w.step(&other, withdraw, &[]);
    assert_eq!(w.svm.token_balance(&theirs), 1_000 * OPEN);
}

#[test]
fn only_the_admin_queues_a_slash_and_it_pays_only_the_treasury() {
    use anchor_lang::error::ErrorCode as Anchor;
    let mut w = World::new(TokenProgram::Token);
    let op = w.wallet();
    let key = op.pubkey();
    w.operator(&op, 1_000 * OPEN);
    let (open, gov, treasury) = (w.open, w.governance.insecure_clone(), w.treasury.pubkey());
    let action = GovernanceAction::Slash { stake: pda::stake(&key), amount: 10 * OPEN, reason: SLASH_REASON };

    // Not the admin (the operator itself, or anyone), or the admin not signing; a stake account
    // other than the one the slash names.
    let queue = |authority: &Pubkey| ixs::payout::action_queue(authority, 0, action.clone());
    assert_error(w.svm.run(&op, queue(&key), &[]), PayoutError::NotConfigAuthority);
    let unsigned = with_metas(queue(&gov.pubkey()), |m| m[1].is_signer = false);
    assert_error(w.svm.run(&op, unsigned, &[]), Anchor::AccountNotSigner);
    let other = w.wallet();
    w.operator(&other, 1_000 * OPEN);
    let elsewhere = with_metas(queue(&gov.pubkey()), |m| m[3].pubkey = pda::stake(&other.pubkey()));
    assert_error(w.svm.run(&gov, elsewhere, &[]), PayoutError::WrongStake);
    let id = w.queue(action).unwrap();
    w.wait_timelock();

    let slash = || ixs::payout::stake_slash(&open, id, &gov.pubkey(), &treasury, &key);
    // Into someone else's earnings: the operator's own, or a stranger's treasury-role account.
    let to_operator = with_metas(slash(), |m| m[4].pubkey = pda::earnings(&key, EarningsRole::Operator));
    assert_error(w.svm.run(&op, to_operator, &[]), PayoutError::WrongEarnings);
    let stranger = w.wallet();
    w.step(&stranger, ixs::payout::earnings_init(&stranger.pubkey(), &stranger.pubkey(), EarningsRole::Treasury), &[]);
    let to_stranger = with_metas(slash(), |m| m[4].pubkey = pda::earnings(&stranger.pubkey(), EarningsRole::Treasury));
    assert_error(w.svm.run(&op, to_stranger, &[]), PayoutError::WrongEarnings);
    // Another operator's stake than the slash names; the rent to someone else than the proposer.
    let wrong_stake = with_metas(slash(), |m| m[3].pubkey = pda::stake(&other.pubkey()));
    assert_error(w.svm.run(&op, wrong_stake, &[]), PayoutError::WrongStake);
    let rent_thief = with_metas(slash(), |m| m[2].pubkey = key);
    assert_error(w.svm.run(&op, rent_thief, &[]), PayoutError::WrongRentPayer);
    // A treasury Earnings account passed as the stake (type cosplay).
    let cosplay = with_metas(slash(), |m| m[3].pubkey = pda::earnings(&treasury, EarningsRole::Treasury));
    assert_error(w.svm.run(&op, cosplay, &[]), Anchor::AccountDiscriminatorMismatch);
    // The vaults swapped, or a fake token program.
    let swapped = with_metas(slash(), |m| m.swap(5, 6));
    assert_error(w.svm.run(&op, swapped, &[]), Anchor::ConstraintHasOne);
    let fake = with_metas(slash(), |m| m[8].pubkey = TokenProgram::Token2022.id());
    assert_error(w.svm.run(&op, fake, &[]), PayoutError::WrongTokenProgram);
    assert_eq!(w.svm.get::<Stake>(&pda::stake(&key)).active, 1_000 * OPEN);
    // A parameter change is not a slash, and a slash is not executed as a parameter change.
    let update = w.queue(GovernanceAction::Update {
        change: ConfigUpdateArgs { protocol_fee_bps: Some(100), ..Default::default() },
    });
    let update = update.unwrap();
    w.wait_timelock();
    let not_a_slash = ixs::payout::stake_slash(&open, update, &gov.pubkey(), &treasury, &key);
    assert_error(w.svm.run(&op, not_a_slash, &[]), PayoutError::NotASlash);
    assert_error(w.svm.run(&op, ixs::payout::action_execute(id, &gov.pubkey()), &[]), PayoutError::SlashIsStakeSlash);
    w.step(&op, slash(), &[]);
    assert_eq!(w.svm.get::<Stake>(&pda::stake(&key)).active, 990 * OPEN);
    assert_eq!(w.svm.token_balance(&pda::vault()), 10 * OPEN);
}
