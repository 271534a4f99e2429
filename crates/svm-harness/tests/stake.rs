use attribution_payout::errors::PayoutError;
use attribution_payout::events::{StakeChange, StakeChanged, StakeSlashed};
use attribution_payout::instructions::StakeSlashArgs;
use attribution_payout::state::{Earnings, EarningsRole, Stake};
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
fn governance_slashes_active_then_unstaking_stake_to_the_treasury() {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut w = World::new(program);
        let op = w.wallet();
        let key = op.pubkey();
        w.operator(&op, 1_000 * OPEN);
        w.step(&op, ixs::payout::stake_unstake_request(&key, 300 * OPEN), &[]);
        let (open, gov, treasury) = (w.open, w.governance.insecure_clone(), w.treasury.pubkey());
        let slash = |amount| {
            let args = StakeSlashArgs { amount, reason: SLASH_REASON };
            ixs::payout::stake_slash(&open, &gov.pubkey(), &treasury, &key, args)
        };

        // 800 OPEN: all 700 active, then 100 of the 300 unstaking.
        let done = w.step(&gov, slash(800 * OPEN), &[]);
        let event: StakeSlashed = done.event();
        assert_eq!(
            (event.stake, event.authority, event.amount, event.reason, event.active, event.unstaking, event.treasury),
            (pda::stake(&key), key, 800 * OPEN, SLASH_REASON, 0, 200 * OPEN, treasury)
        );
        let stake: Stake = w.svm.get(&pda::stake(&key));
        assert_eq!((stake.active, stake.unstaking), (0, 200 * OPEN));
        assert_eq!(w.svm.token_balance(&pda::stake_vault()), 200 * OPEN);
        assert_eq!(w.svm.token_balance(&pda::vault()), 800 * OPEN);
        let earnings: Earnings = w.svm.get(&pda::earnings(&treasury, EarningsRole::Treasury));
        assert_eq!((earnings.balance, earnings.total_earned), (800 * OPEN, 800 * OPEN));

        // More than is left, or nothing: refused, nothing moves.
        assert_error(w.svm.run(&gov, slash(200 * OPEN + 1), &[]), PayoutError::SlashAboveStake);
        assert_error(w.svm.run(&gov, slash(0), &[]), PayoutError::ZeroAmount);
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

#[test]
fn only_governance_slashes_and_only_into_the_treasury() {
    use anchor_lang::error::ErrorCode as Anchor;
    let mut w = World::new(TokenProgram::Token);
    let op = w.wallet();
    let key = op.pubkey();
    w.operator(&op, 1_000 * OPEN);
    let (open, gov, treasury) = (w.open, w.governance.insecure_clone(), w.treasury.pubkey());
    let args = || StakeSlashArgs { amount: 10 * OPEN, reason: SLASH_REASON };
    let slash = |authority: &Pubkey| ixs::payout::stake_slash(&open, authority, &treasury, &key, args());

    // Not the config's authority (the operator itself, or anyone), or governance not signing.
    assert_error(w.svm.run(&op, slash(&key), &[]), PayoutError::NotConfigAuthority);
    let unsigned = with_metas(slash(&gov.pubkey()), |m| m[1].is_signer = false);
    assert_error(w.svm.run(&op, unsigned, &[]), Anchor::AccountNotSigner);
    // Into someone else's earnings: the operator's own, or a stranger's treasury-role account.
    let to_operator = with_metas(slash(&gov.pubkey()), |m| m[3].pubkey = pda::earnings(&key, EarningsRole::Operator));
    assert_error(w.svm.run(&gov, to_operator, &[]), PayoutError::WrongEarnings);
    let stranger = w.wallet();
    w.step(&stranger, ixs::payout::earnings_init(&stranger.pubkey(), &stranger.pubkey(), EarningsRole::Treasury), &[]);
    let to_stranger =
        with_metas(slash(&gov.pubkey()), |m| m[3].pubkey = pda::earnings(&stranger.pubkey(), EarningsRole::Treasury));
    assert_error(w.svm.run(&gov, to_stranger, &[]), PayoutError::WrongEarnings);
    // A treasury Earnings account passed as the stake (type cosplay).
    let cosplay = with_metas(slash(&gov.pubkey()), |m| m[2].pubkey = pda::earnings(&treasury, EarningsRole::Treasury));
    assert_error(w.svm.run(&gov, cosplay, &[]), Anchor::AccountDiscriminatorMismatch);
    // The vaults swapped, or a fake token program.
    let swapped = with_metas(slash(&gov.pubkey()), |m| m.swap(4, 5));
    assert_error(w.svm.run(&gov, swapped, &[]), Anchor::ConstraintHasOne);
    let fake = with_metas(slash(&gov.pubkey()), |m| m[7].pubkey = TokenProgram::Token2022.id());
    assert_error(w.svm.run(&gov, fake, &[]), PayoutError::WrongTokenProgram);
    assert_eq!(w.svm.get::<Stake>(&pda::stake(&key)).active, 1_000 * OPEN);
    w.step(&gov, slash(&gov.pubkey()), &[]);
    assert_eq!(w.svm.get::<Stake>(&pda::stake(&key)).active, 990 * OPEN);
}
