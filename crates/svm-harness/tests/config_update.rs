use attribution_payout::errors::PayoutError;
use attribution_payout::events::{ConfigAuthorityAccepted, ConfigUpdated};
use attribution_payout::instructions::ConfigUpdateArgs;
use attribution_payout::state::{Config, EpochTiming};
use svm_harness::token::TokenProgram;
use svm_harness::world::{World, EPOCH_TIMING};
use svm_harness::{assert_error, ixs, pda, Signer};

#[test]
fn governance_changes_bounded_parameters_and_hands_over_in_two_steps() {
    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let key = gov.pubkey();
    let args = ConfigUpdateArgs {
        protocol_fee_bps: Some(500),
        min_operator_stake: Some(7),
        unstake_cooldown_secs: Some(2 * 24 * 3600),
        ..Default::default()
    };
    let done = w.step(&gov, ixs::payout::config_update(&key, args), &[]);
    let event: ConfigUpdated = done.event();
    assert_eq!(
        (event.protocol_fee_bps, event.min_operator_stake, event.unstake_cooldown_secs, event.paused),
        (500, 7, 2 * 24 * 3600, false)
    );
    let c: Config = w.svm.get(&pda::config());
    assert_eq!((c.protocol_fee_bps, c.min_operator_stake, c.unstake_cooldown_secs), (500, 7, 2 * 24 * 3600));

    let too_high = ConfigUpdateArgs { protocol_fee_bps: Some(1_001), ..Default::default() };
    assert_error(w.svm.run(&gov, ixs::payout::config_update(&key, too_high), &[]), PayoutError::ProtocolFeeTooHigh);
    let negative = ConfigUpdateArgs { unstake_cooldown_secs: Some(-1), ..Default::default() };
    assert_error(w.svm.run(&gov, ixs::payout::config_update(&key, negative), &[]), PayoutError::InvalidCooldown);
    // A cooldown shorter than the challenge window (a day) would let a posting attestor's stake
    // leave before its root can be vetoed.
    let short = ConfigUpdateArgs { unstake_cooldown_secs: Some(24 * 3600 - 1), ..Default::default() };
    assert_error(
        w.svm.run(&gov, ixs::payout::config_update(&key, short), &[]),
        PayoutError::CooldownBelowChallengeWindow,
    );
    // The epoch length is fixed; the other timing may change.
    let length = ConfigUpdateArgs {
        epoch_timing: Some(EpochTiming { epoch_length_secs: EPOCH_TIMING.epoch_length_secs + 12, ..EPOCH_TIMING }),
        ..Default::default()
    };
    assert_error(w.svm.run(&gov, ixs::payout::config_update(&key, length), &[]), PayoutError::EpochLengthFixed);
    let deadline = ConfigUpdateArgs {
        epoch_timing: Some(EpochTiming { root_deadline_secs: 7_200, ..EPOCH_TIMING }),
        ..Default::default()
    };
    w.step(&gov, ixs::payout::config_update(&key, deadline), &[]);
    assert_eq!(w.svm.get::<Config>(&pda::config()).root_deadline_secs, 7_200);
    let stranger = w.wallet();
    let pause = ConfigUpdateArgs { paused: Some(true), ..Default::default() };
    assert_error(
        w.svm.run(&stranger, ixs::payout::config_update(&stranger.pubkey(), pause.clone()), &[]),
        PayoutError::NotConfigAuthority,
    );

    let next = w.wallet();
    let ix = ixs::payout::config_authority_accept(&next.pubkey());
    assert_error(w.svm.run(&next, ix, &[]), PayoutError::NoPendingAuthority);
    let ix = ixs::payout::config_authority_propose(&stranger.pubkey(), Some(stranger.pubkey()));
    assert_error(w.svm.run(&stranger, ix, &[]), PayoutError::NotConfigAuthority);
    w.step(&gov, ixs::payout::config_authority_propose(&key, Some(next.pubkey())), &[]);
    let ix = ixs::payout::config_authority_accept(&stranger.pubkey());
    assert_error(w.svm.run(&stranger, ix, &[]), PayoutError::NoPendingAuthority);
    let done = w.step(&next, ixs::payout::config_authority_accept(&next.pubkey()), &[]);
    assert_eq!(done.event::<ConfigAuthorityAccepted>().authority, next.pubkey());
    assert_error(
        w.svm.run(&gov, ixs::payout::config_update(&key, pause.clone()), &[]),
        PayoutError::NotConfigAuthority,
    );
    w.step(&next, ixs::payout::config_update(&next.pubkey(), pause), &[]);
    assert!(w.svm.get::<Config>(&pda::config()).paused);
}
