//! Governance on the built programs: the admin's changes wait the timelock, anyone executes them
//! on time, the admin or the guardian cancels them; the guardian pauses; roles change hands in
//! two steps; floors no change can cross.
use anchor_lang::error::ErrorCode as Anchor;
use attribution_payout::constants::TIMELOCK_DELAY_BOUNDS;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::{
    ActionCancelled, ActionExecuted, ActionQueued, ConfigUpdated, PauseSet, RoleAccepted,
};
use attribution_payout::instructions::ConfigInitArgs;
use attribution_payout::state::{Action, Config, ConfigUpdateArgs, EpochTiming, GovernanceAction, Role};
use svm_harness::token::TokenProgram;
use svm_harness::world::{World, EPOCH_TIMING, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Keypair, Pubkey, Signer, Svm};

const DAY: i64 = 24 * 3600;

fn config(w: &World) -> Config {
    w.svm.get(&pda::config())
}

fn update(args: ConfigUpdateArgs) -> GovernanceAction {
    GovernanceAction::Update { change: args }
}

#[test]
fn a_parameter_change_waits_the_timelock_then_anyone_executes_it() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let args = ConfigUpdateArgs {
        protocol_fee_bps: Some(500),
        min_operator_stake: Some(7),
        unstake_cooldown_secs: Some(2 * DAY),
        ..Default::default()
    };
    let done = w.step(&gov, ixs::payout::action_queue(&gov.pubkey(), 0, update(args.clone())), &[]);
    let (rent, gov_before) = (w.svm.lamports(&pda::action(0)), w.svm.lamports(&gov.pubkey()));
    let queued: ActionQueued = done.event();
    let now = w.svm.clock().unix_timestamp;
    assert_eq!((queued.id, queued.executable_at, queued.kind), (0, now + DAY, update(args.clone())));
    let action: Action = w.svm.get(&pda::action(0));
    assert_eq!((action.proposer, action.queued_at, action.executable_at), (gov.pubkey(), now, now + DAY));
    assert_eq!(config(&w).action_count, 1);

    // Early (at once, or a second before the delay ends): refused, nothing changes.
    let anyone = w.wallet();
    let execute = ixs::payout::action_execute(0, &gov.pubkey());
    assert_error(w.svm.run(&anyone, execute.clone(), &[]), PayoutError::ActionNotReady);
    w.svm.advance_time(DAY - 1);
    assert_error(w.svm.run(&anyone, execute.clone(), &[]), PayoutError::ActionNotReady);
    assert_eq!(config(&w).protocol_fee_bps, 250);
    // The rent to someone else than the proposer: refused.
    let thief = with_metas(execute.clone(), |m| m[2].pubkey = anyone.pubkey());
    w.svm.advance_time(1);
    assert_error(w.svm.run(&anyone, thief, &[]), PayoutError::WrongRentPayer);
    // On time, by anyone: applied, the action closed, its rent back to the admin.
    let done = w.step(&anyone, execute.clone(), &[]);
    let updated: ConfigUpdated = done.event();
    assert_eq!(
        (updated.protocol_fee_bps, updated.min_operator_stake, updated.unstake_cooldown_secs),
        (500, 7, 2 * DAY)
    );
    assert_eq!(done.event::<ActionExecuted>().id, 0);
    let c = config(&w);
    assert_eq!((c.protocol_fee_bps, c.min_operator_stake, c.unstake_cooldown_secs), (500, 7, 2 * DAY));
    assert!(w.svm.account(&pda::action(0)).is_none());
    assert_eq!(w.svm.lamports(&gov.pubkey()), gov_before + rent, "the rent back");
    assert_error(w.svm.run(&anyone, execute, &[]), Anchor::AccountNotInitialized);

    // Not the admin: refused, nothing queued.
    let stranger = w.wallet();
    let ix = ixs::payout::action_queue(&stranger.pubkey(), 1, update(args.clone()));
    assert_error(w.svm.run(&stranger, ix, &[]), PayoutError::NotConfigAuthority);
    let unsigned = with_metas(ixs::payout::action_queue(&gov.pubkey(), 1, update(args)), |m| m[1].is_signer = false);
    assert_error(w.svm.run(&stranger, unsigned, &[]), Anchor::AccountNotSigner);
    assert_eq!(config(&w).action_count, 1);
}

/// Changing the delay goes through the delay; from then on actions wait the new one.
#[test]
fn the_delay_itself_changes_through_the_delay() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let id = w.queue(update(ConfigUpdateArgs { timelock_delay_secs: Some(3 * DAY), ..Default::default() })).unwrap();
    w.svm.advance_time(DAY - 1);
    assert_error(w.svm.run(&gov, ixs::payout::action_execute(id, &gov.pubkey()), &[]), PayoutError::ActionNotReady);
    w.svm.advance_time(1);
    w.step(&gov, ixs::payout::action_execute(id, &gov.pubkey()), &[]);
    assert_eq!(config(&w).timelock_delay_secs, 3 * DAY);
    let id = w.queue(update(ConfigUpdateArgs { protocol_fee_bps: Some(0), ..Default::default() })).unwrap();
    w.svm.advance_time(DAY);
    assert_error(w.svm.run(&gov, ixs::payout::action_execute(id, &gov.pubkey()), &[]), PayoutError::ActionNotReady);
    w.svm.advance_time(2 * DAY);
    w.step(&gov, ixs::payout::action_execute(id, &gov.pubkey()), &[]);
    assert_eq!(config(&w).protocol_fee_bps, 0);
}

/// Every floor, refused when queued (nothing is queued), and its honest twin at the edge accepted.
#[test]
fn no_change_crosses_a_floor() {
    let mut w = World::new(TokenProgram::Token);
    let timing = |window: i64| EpochTiming { challenge_window_secs: window, ..EPOCH_TIMING };
    let cases: Vec<(ConfigUpdateArgs, ConfigUpdateArgs, PayoutError)> = vec![
        (
            ConfigUpdateArgs { protocol_fee_bps: Some(1_001), ..Default::default() },
            ConfigUpdateArgs { protocol_fee_bps: Some(1_000), ..Default::default() },
            PayoutError::ProtocolFeeTooHigh,
        ),
        (
            ConfigUpdateArgs { min_operator_stake: Some(0), ..Default::default() },
            ConfigUpdateArgs { min_operator_stake: Some(1), ..Default::default() },
            PayoutError::ZeroMinOperatorStake,
        ),
        (
            ConfigUpdateArgs { epoch_timing: Some(timing(DAY - 1)), ..Default::default() },
            ConfigUpdateArgs { epoch_timing: Some(timing(DAY)), ..Default::default() },
            PayoutError::InvalidEpochTiming,
        ),
        // A cooldown shorter than the challenge window (now a day) would let a posting attestor's
        // stake leave before its root can be challenged.
        (
            ConfigUpdateArgs { unstake_cooldown_secs: Some(DAY - 1), ..Default::default() },
            ConfigUpdateArgs { unstake_cooldown_secs: Some(DAY), ..Default::default() },
            PayoutError::CooldownBelowChallengeWindow,
        ),
        (
            ConfigUpdateArgs { timelock_delay_secs: Some(TIMELOCK_DELAY_BOUNDS.0 - 1), ..Default::default() },
            ConfigUpdateArgs { timelock_delay_secs: Some(TIMELOCK_DELAY_BOUNDS.0), ..Default::default() },
            PayoutError::InvalidTimelockDelay,
        ),
        (
            ConfigUpdateArgs { timelock_delay_secs: Some(TIMELOCK_DELAY_BOUNDS.1 + 1), ..Default::default() },
            ConfigUpdateArgs { timelock_delay_secs: Some(TIMELOCK_DELAY_BOUNDS.1), ..Default::default() },
            PayoutError::InvalidTimelockDelay,
        ),
        // The epoch length is fixed (epochs are addressed by it).
        (
            ConfigUpdateArgs {
                epoch_timing: Some(EpochTiming {
                    epoch_length_secs: EPOCH_TIMING.epoch_length_secs + 12,
                    ..EPOCH_TIMING
                }),
                ..Default::default()
            },
            ConfigUpdateArgs {
                epoch_timing: Some(EpochTiming { root_deadline_secs: 7_200, ..EPOCH_TIMING }),
                ..Default::default()
            },
            PayoutError::EpochLengthFixed,
        ),
    ];
    for (across, at, error) in cases {
        let count = config(&w).action_count;
        assert_error(w.queue(update(across)), error);
        assert_eq!(config(&w).action_count, count, "nothing queued");
        w.govern(at.clone());
        let c = config(&w);
        let applied = match at {
            ConfigUpdateArgs { protocol_fee_bps: Some(v), .. } => c.protocol_fee_bps == v,
            ConfigUpdateArgs { min_operator_stake: Some(v), .. } => c.min_operator_stake == v,
            ConfigUpdateArgs { unstake_cooldown_secs: Some(v), .. } => c.unstake_cooldown_secs == v,
            ConfigUpdateArgs { timelock_delay_secs: Some(v), .. } => c.timelock_delay_secs == v,
            ConfigUpdateArgs { epoch_timing: Some(t), .. } => c.timing() == t,
            _ => false,
        };
        assert!(applied, "the honest twin applies");
    }
}

/// A change that was within the floors when queued but crosses one when executed (another change
/// executed in between) is refused then, and stays queued for the guardian to cancel.
#[test]
fn the_floors_are_checked_again_at_execution() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    // Cooldown one day (the window is one day): fine now.
    let cooldown =
        w.queue(update(ConfigUpdateArgs { unstake_cooldown_secs: Some(DAY), ..Default::default() })).unwrap();
    // Window two days (the cooldown is a week): fine now.
    let window = ConfigUpdateArgs {
        epoch_timing: Some(EpochTiming { challenge_window_secs: 2 * DAY, ..EPOCH_TIMING }),
        ..Default::default()
    };
    let window = w.queue(update(window)).unwrap();
    w.wait_timelock();
    w.step(&gov, ixs::payout::action_execute(window, &gov.pubkey()), &[]);
    let ix = ixs::payout::action_execute(cooldown, &gov.pubkey());
    assert_error(w.svm.run(&gov, ix, &[]), PayoutError::CooldownBelowChallengeWindow);
    assert_eq!(config(&w).unstake_cooldown_secs, 7 * DAY);
    w.step(&gov, ixs::payout::action_cancel(&gov.pubkey(), cooldown, &gov.pubkey(), None), &[]);
    assert!(w.svm.account(&pda::action(cooldown)).is_none());
}

/// The admin hands the guardian and resolver roles to keys of their own: each accepts (two steps,
/// the naming timelocked); then each role's rights belong to its holder and strangers are refused.
fn separate_roles(w: &mut World) -> (Keypair, Keypair) {
    let gov = w.governance.insecure_clone();
    let (guardian, resolver) = (w.wallet(), w.wallet());
    let g = w.queue(GovernanceAction::SetRole { role: Role::Guardian, key: guardian.pubkey() }).unwrap();
    let r = w.queue(GovernanceAction::SetRole { role: Role::Resolver, key: resolver.pubkey() }).unwrap();
    // Nobody is named before the delay has passed.
    assert_error(
        w.svm.run(&guardian, ixs::payout::role_accept(&guardian.pubkey(), Role::Guardian), &[]),
        PayoutError::NoPendingAuthority,
    );
    w.wait_timelock();
    w.step(&gov, ixs::payout::action_execute(g, &gov.pubkey()), &[]);
    w.step(&gov, ixs::payout::action_execute(r, &gov.pubkey()), &[]);
    assert_eq!(config(w).pending_guardian, Some(guardian.pubkey()));
    // Named, not yet holding: the old guardian still is; a stranger cannot accept, nor the named
    // key accept another role.
    let stranger = w.wallet();
    let ix = ixs::payout::role_accept(&stranger.pubkey(), Role::Guardian);
    assert_error(w.svm.run(&stranger, ix, &[]), PayoutError::NoPendingAuthority);
    let ix = ixs::payout::role_accept(&guardian.pubkey(), Role::Admin);
    assert_error(w.svm.run(&guardian, ix, &[]), PayoutError::NoPendingAuthority);
    let done = w.step(&guardian, ixs::payout::role_accept(&guardian.pubkey(), Role::Guardian), &[]);
    let accepted: RoleAccepted = done.event();
    assert_eq!((accepted.role, accepted.previous, accepted.holder), (Role::Guardian, gov.pubkey(), guardian.pubkey()));
    w.step(&resolver, ixs::payout::role_accept(&resolver.pubkey(), Role::Resolver), &[]);
    let c = config(w);
    assert_eq!(
        (c.authority, c.guardian, c.resolver, c.pending_guardian, c.pending_resolver),
        (gov.pubkey(), guardian.pubkey(), resolver.pubkey(), None, None)
    );
    (guardian, resolver)
}

#[test]
fn the_guardian_pauses_and_cancels_and_can_do_nothing_else() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let (guardian, _) = separate_roles(&mut w);
    // The pause is the guardian's: not the admin's, not a stranger's.
    let stranger = w.wallet();
    for who in [&gov, &stranger] {
        assert_error(w.svm.run(who, ixs::payout::config_pause(&who.pubkey(), true), &[]), PayoutError::NotGuardian);
    }
    assert!(!config(&w).paused);
    let done = w.step(&guardian, ixs::payout::config_pause(&guardian.pubkey(), true), &[]);
    assert!(done.event::<PauseSet>().paused);
    assert!(config(&w).paused);
    w.step(&guardian, ixs::payout::config_pause(&guardian.pubkey(), false), &[]);
    assert!(!config(&w).paused);

    // The guardian queues nothing (no parameter, no slash, no role).
    let ix = ixs::payout::action_queue(&guardian.pubkey(), 2, update(ConfigUpdateArgs::default()));
    assert_error(w.svm.run(&guardian, ix, &[]), PayoutError::NotConfigAuthority);
    // It cancels the admin's action; a stranger cannot; the rent goes back to the admin.
    let id = w.queue(update(ConfigUpdateArgs { protocol_fee_bps: Some(1_000), ..Default::default() })).unwrap();
    let ix = ixs::payout::action_cancel(&stranger.pubkey(), id, &gov.pubkey(), None);
    assert_error(w.svm.run(&stranger, ix, &[]), PayoutError::NotAdminOrGuardian);
    let rent = w.svm.lamports(&pda::action(id));
    let gov_before = w.svm.lamports(&gov.pubkey());
    let done = w.step(&guardian, ixs::payout::action_cancel(&guardian.pubkey(), id, &gov.pubkey(), None), &[]);
    let cancelled: ActionCancelled = done.event();
    assert_eq!((cancelled.id, cancelled.by), (id, guardian.pubkey()));
    assert_eq!(w.svm.lamports(&gov.pubkey()), gov_before + rent);
    // Gone: never executable.
    w.wait_timelock();
    let ix = ixs::payout::action_execute(id, &gov.pubkey());
    assert_error(w.svm.run(&gov, ix, &[]), Anchor::AccountNotInitialized);
    assert_eq!(config(&w).protocol_fee_bps, 250);
    // The admin cancels its own too.
    let id = w.queue(update(ConfigUpdateArgs { protocol_fee_bps: Some(1_000), ..Default::default() })).unwrap();
    w.step(&gov, ixs::payout::action_cancel(&gov.pubkey(), id, &gov.pubkey(), None), &[]);
    assert!(w.svm.account(&pda::action(id)).is_none());
}

#[test]
fn the_admin_role_changes_hands_in_two_steps() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let next = w.wallet();
    let id = w.queue(GovernanceAction::SetRole { role: Role::Admin, key: next.pubkey() }).unwrap();
    w.wait_timelock();
    w.step(&next, ixs::payout::action_execute(id, &gov.pubkey()), &[]);
    // Named, not accepted: the old admin still queues, the named one not yet.
    let change = update(ConfigUpdateArgs { protocol_fee_bps: Some(100), ..Default::default() });
    let ix = ixs::payout::action_queue(&next.pubkey(), 1, change.clone());
    assert_error(w.svm.run(&next, ix, &[]), PayoutError::NotConfigAuthority);
    w.step(&next, ixs::payout::role_accept(&next.pubkey(), Role::Admin), &[]);
    let ix = ixs::payout::action_queue(&gov.pubkey(), 1, change.clone());
    assert_error(w.svm.run(&gov, ix, &[]), PayoutError::NotConfigAuthority);
    w.step(&next, ixs::payout::action_queue(&next.pubkey(), 1, change), &[]);
    assert_eq!(w.svm.get::<Action>(&pda::action(1)).proposer, next.pubkey());
    // A second acceptance finds nobody named.
    let ix = ixs::payout::role_accept(&next.pubkey(), Role::Admin);
    assert_error(w.svm.run(&next, ix, &[]), PayoutError::NoPendingAuthority);
}

/// `config_init` refuses a zero minimum stake (the floor), and starts the timelock at its floor with
/// the admin holding all three roles.
#[test]
fn the_config_starts_within_the_floors() {
    let mut svm = Svm::new();
    let deployer = svm.upgrade_authority.insecure_clone();
    let mint = svm.create_mint(&deployer, 9, TokenProgram::Token);
    let admin = Pubkey::new_unique();
    let args = |min_operator_stake| ConfigInitArgs {
        authority: admin,
        treasury: admin,
        protocol_fee_bps: 250,
        min_operator_stake,
        unstake_cooldown_secs: 7 * DAY,
        epoch_timing: EPOCH_TIMING,
    };
    let init = |stake| ixs::payout::config_init(&deployer.pubkey(), &mint, &TokenProgram::Token.id(), args(stake));
    assert_error(svm.run(&deployer, init(0), &[]), PayoutError::ZeroMinOperatorStake);
    svm.run(&deployer, init(OPEN), &[]).unwrap();
    let c: Config = svm.get(&pda::config());
    assert_eq!((c.authority, c.guardian, c.resolver), (admin, admin, admin));
    assert_eq!((c.timelock_delay_secs, c.action_count), (TIMELOCK_DELAY_BOUNDS.0, 0));
}

/// A guardian gone rogue cannot freeze governance by cancelling its own replacement; it still
/// cancels other actions, and the admin can cancel the replacement itself.
#[test]
fn the_guardian_cannot_cancel_its_own_replacement() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let (guardian, _) = separate_roles(&mut w);
    let successor = w.wallet();
    let replace = GovernanceAction::SetRole { role: Role::Guardian, key: successor.pubkey() };
    let id = w.queue(replace.clone()).unwrap();
    let cancel = |signer: &Pubkey, id| ixs::payout::action_cancel(signer, id, &gov.pubkey(), None);
    assert_error(w.svm.run(&guardian, cancel(&guardian.pubkey(), id), &[]), PayoutError::GuardianReplacementStands);
    assert!(w.svm.account(&pda::action(id)).is_some());
    // Another role's change it cancels.
    let other = w.queue(GovernanceAction::SetRole { role: Role::Resolver, key: successor.pubkey() }).unwrap();
    w.step(&guardian, cancel(&guardian.pubkey(), other), &[]);
    // The replacement executes on time; the successor takes over; the old guardian pauses no more.
    w.wait_timelock();
    w.step(&guardian, ixs::payout::action_execute(id, &gov.pubkey()), &[]);
    w.step(&successor, ixs::payout::role_accept(&successor.pubkey(), Role::Guardian), &[]);
    let ix = ixs::payout::config_pause(&guardian.pubkey(), true);
    assert_error(w.svm.run(&guardian, ix, &[]), PayoutError::NotGuardian);
    w.step(&successor, ixs::payout::config_pause(&successor.pubkey(), true), &[]);
    // The admin may cancel a guardian's replacement it queued.
    let id = w.queue(replace).unwrap();
    w.step(&gov, cancel(&gov.pubkey(), id), &[]);
    assert!(w.svm.account(&pda::action(id)).is_none());
}
